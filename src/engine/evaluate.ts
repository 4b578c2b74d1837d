/**
 * Scoring a whole `Kandidaten` table (and its `Werkervaring`) against a request:
 * the one call every host makes.
 */
import { maxScore } from "./award";
import { judgeCandidate, type CandidateDraft } from "./candidate";
import type {
  CandidateInput,
  CandidateResult,
  Evaluation,
  PeriodInput,
  Problem,
} from "./evaluation";
import { candidateMessages as cm, NAMES_SHOWN, periodMessages as pm } from "./messages";
import { rankWithGroups, type RankEntry } from "./ranking";
import { reasonLine } from "./reason";
import type { Request } from "./request";
import { eagerTiedWith, withTiedWith } from "./tiedRows";
import { isCellError, isEmptyCell, readText } from "./values";
import { nameKey, readWorkHistory } from "./workHistory";

/**
 * Evaluates every candidate row: status, failed knock-outs, score, rank, top N,
 * ties and draws, a reason line, and a problem at the field of every value that
 * is missing or unreadable. Empty rows are skipped; a row with data but no name
 * is a problem, not a candidate. The result never depends on the row order.
 * The request is used as given: check it with validateRequest first.
 *
 * @example
 * const evaluation = evaluate(request17040, rows, periods);
 * evaluation.candidates[0].reason; // "Score 80 van 100, rang 3 — in de top 10"
 */
export function evaluate(
  request: Request,
  candidates: CandidateInput[],
  periods: PeriodInput[] = []
): Evaluation {
  const history = readWorkHistory(request, periods);
  const problems: Problem[] = history.problems.slice();
  let unnamed = 0;

  const named: Array<{ input: CandidateInput; name: string; key: string }> = [];
  const firstRowByName = new Map<string, number>();
  const rowsByName = new Map<string, number[]>(); // only names on more than one row
  for (const input of candidates) {
    if (isEmptyRow(input)) continue;
    const name = readText(input.name);
    if (name) {
      const key = nameKey(name);
      named.push({ input, name, key });
      const first = firstRowByName.get(key);
      if (first === undefined) firstRowByName.set(key, input.row);
      else {
        const rows = rowsByName.get(key);
        if (rows) rows.push(input.row);
        else rowsByName.set(key, [first, input.row]);
      }
    } else {
      const message = isCellError(input.name) ? cm.unreadableName(input.name) : cm.noName();
      problems.push({ source: "candidates", row: input.row, field: "name", message });
      unnamed++;
    }
  }
  for (const [key, entry] of history.byName) {
    if (firstRowByName.has(key)) continue;
    for (const row of entry.rows) {
      problems.push({
        source: "periods",
        row,
        field: "candidate",
        message: pm.unknownCandidate(entry.name),
      });
    }
  }

  const sortedRows = new Map<string, number[]>(); // by name, for names on several rows
  const drafts: CandidateDraft[] = named.map(({ input, name, key }) => {
    const sameName = rowsByName.get(key);
    const ambiguousName = sameName !== undefined;
    if (sameName) {
      let sorted = sortedRows.get(key);
      if (!sorted) sortedRows.set(key, (sorted = sameName.slice().sort((a, b) => a - b)));
      problems.push({
        source: "candidates",
        row: input.row,
        field: "name",
        message: cm.duplicateName(name, firstOthers(sorted, input.row), sorted.length - 1),
      });
    }
    return judgeCandidate(input, name, { request, history, ambiguousName, nameKey: key });
  });
  for (const draft of drafts) {
    for (const problem of draft.problems) problems.push(problem);
  }

  const entries: RankEntry[] = [];
  const entryOf = new Int32Array(drafts.length).fill(-1); // draft index → entry index
  for (let d = 0; d < drafts.length; d++) {
    const { result, drawOrder } = drafts[d];
    if (result.status !== "eligible" || result.score === null || result.rate === null) continue;
    entryOf[d] = entries.length;
    entries.push({
      row: result.row,
      name: result.name,
      score: result.score,
      rate: result.rate,
      drawOrder,
    });
  }
  const { ranking, groups, placeOf } = rankWithGroups(entries, request.topN);
  for (const problem of ranking.problems) problems.push(problem);

  const nameByRow = new Map<number, string>();
  for (const draft of drafts) nameByRow.set(draft.result.row, draft.result.name);
  // The first names of each tie group, looked up once per group rather than per member.
  const headNames = new Map<readonly number[], string[]>();
  const headOf = (group: readonly number[]): string[] => {
    let head = headNames.get(group);
    if (!head) {
      head = group.slice(0, NAMES_SHOWN + 2).map((row) => nameByRow.get(row) ?? String(row));
      headNames.set(group, head);
    }
    return head;
  };
  const most = maxScore(request.awards);
  const results: CandidateResult[] = drafts.map((draft, at) => {
    const index = entryOf[at] < 0 ? undefined : placeOf[entryOf[at]];
    const place = index === undefined ? undefined : ranking.places[index];
    const group = index === undefined ? null : groups[index];
    const tied = group ? firstOtherNames(group, draft.result.row, headOf(group)) : [];
    const rank = place?.rank ?? null;
    const top = place?.top ?? false;
    const needsDraw = place?.needsDraw ?? false;
    const drawn = place?.drawn ?? false;
    const reason = reasonLine({
      status: draft.result.status,
      failures: draft.failures,
      cvFailures: draft.cvFailures,
      cvRequirements: request.cvRequirements,
      missing: draft.result.missing,
      unreadable: draft.unreadable,
      score: draft.result.score,
      maxScore: most,
      rank,
      top,
      needsDraw,
      drawn,
      tiedWith: tied,
      tiedCount: group ? group.length - 1 : 0,
      contested: place?.contested ?? null,
      topN: request.topN,
      placeNScore: ranking.placeNScore,
      fromHistory: historyDecided(draft.result),
    });
    return resultOf(draft.result, rank, top, place?.tie ?? false, needsDraw, drawn, reason, group);
  });

  return {
    request,
    candidates: results,
    ranking: ranking.places.map((p) => p.row),
    problems: sortProblems(problems),
    summary: summarise(request, results, ranking.cutoffScore, unnamed),
  };
}

/**
 * The full verdict as one object literal, `tiedWith` included where it is plain
 * data: object spread, or a property added afterwards, costs more than the whole
 * literal in V8. Only a large tie's lists are left to withTiedWith. The two literals
 * are deliberate: one literal whose `tiedWith` is later redefined as an accessor took
 * rankCandidates from 1.5× to 2.8–3.0× a plain sort at 100,000 (npm run bench:engine).
 * `satisfies Required<…>` holds both literals to every field of CandidateResult, so
 * a field added to the verdict cannot go missing from one of them.
 */
function resultOf(
  d: CandidateDraft["result"],
  rank: number | null,
  top: boolean,
  tie: boolean,
  needsDraw: boolean,
  drawn: boolean,
  reason: string,
  group: readonly number[] | null
): CandidateResult {
  const tiedWith = eagerTiedWith(group, d.row);
  if (tiedWith) {
    return {
      row: d.row,
      name: d.name,
      supplier: d.supplier,
      rate: d.rate,
      status: d.status,
      failed: d.failed,
      missing: d.missing,
      knockouts: d.knockouts,
      awards: d.awards,
      score: d.score,
      contractValue: d.contractValue,
      drawOrder: d.drawOrder,
      rank,
      top,
      tie,
      needsDraw,
      drawn,
      reason,
      tiedWith,
    } satisfies Required<CandidateResult>;
  }
  const lazy = {
    row: d.row,
    name: d.name,
    supplier: d.supplier,
    rate: d.rate,
    status: d.status,
    failed: d.failed,
    missing: d.missing,
    knockouts: d.knockouts,
    awards: d.awards,
    score: d.score,
    contractValue: d.contractValue,
    drawOrder: d.drawOrder,
    rank,
    top,
    tie,
    needsDraw,
    drawn,
    reason,
  } satisfies Required<Omit<CandidateResult, "tiedWith">>;
  return withTiedWith(lazy, group);
}

/** The criteria Werkervaring decided for a candidate and that did not fail, for the reason line. */
function historyDecided(
  result: CandidateDraft["result"]
): Array<{ id: string; years: number; typed: number | null }> | undefined {
  let items: Array<{ id: string; years: number; typed: number | null }> | undefined;
  for (const outcomes of [result.knockouts, result.awards]) {
    for (const outcome of outcomes) {
      if (outcome.source !== "history" || typeof outcome.value !== "number") continue;
      if (result.failed.includes(outcome.id)) continue;
      (items ??= []).push({ id: outcome.id, years: outcome.value, typed: outcome.typed ?? null });
    }
  }
  return items;
}

/**
 * The names of the first few other members of a tie group: all a reason line shows.
 * `head` holds the names of the group's first rows, in order (NAMES_SHOWN + 2 suffice).
 */
function firstOtherNames(group: readonly number[], row: number, head: string[]): string[] {
  const names: string[] = [];
  let skipped = false;
  for (let k = 0; k < group.length && names.length <= NAMES_SHOWN; k++) {
    if (!skipped && group[k] === row) skipped = true;
    else names.push(head[k]);
  }
  return names;
}

/**
 * The first few rows of `rows` other than `row`: all a message names. Taking only
 * these keeps 10,000 rows of one name linear, where every row's full list was
 * 10,000² row numbers (a JSON report of 154 MB at 5,000).
 */
function firstOthers(rows: readonly number[], row: number): number[] {
  const others: number[] = [];
  for (let k = 0; k < rows.length && others.length <= NAMES_SHOWN; k++)
    if (rows[k] !== row) others.push(rows[k]);
  return others;
}

/** A row counts as empty when every cell in it is empty: nothing was entered there. */
function isEmptyRow(input: CandidateInput): boolean {
  if (
    !isEmptyCell(input.name) ||
    !isEmptyCell(input.supplier) ||
    !isEmptyCell(input.rate) ||
    !isEmptyCell(input.drawOrder)
  )
    return false;
  return Object.values(input.values).every(isEmptyCell);
}

/** Candidates' problems first, then the work history's, each by row: the same list whatever the row order. */
function sortProblems(problems: Problem[]): Problem[] {
  const sourceOrder = { candidates: 0, periods: 1 };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        sourceOrder[a.problem.source] - sourceOrder[b.problem.source] ||
        a.problem.row - b.problem.row ||
        a.index - b.index
    )
    .map(({ problem }) => problem);
}

function summarise(
  request: Request,
  results: CandidateResult[],
  cutoffScore: number | null,
  unnamed: number
): Evaluation["summary"] {
  const failedPerCriterion: Record<string, number> = {};
  for (const criterion of request.knockouts) failedPerCriterion[criterion.id] = 0;
  for (const result of results) {
    for (const id of result.failed) failedPerCriterion[id] = (failedPerCriterion[id] ?? 0) + 1;
  }
  const byStatus = { eligible: 0, knockedOut: 0, incomplete: 0 };
  let top = 0;
  let needsDraw = 0;
  for (const result of results) {
    byStatus[result.status]++;
    if (result.top) top++;
    if (result.needsDraw) needsDraw++;
  }
  return {
    received: results.length,
    ...byStatus,
    failedPerCriterion,
    top,
    needsDraw,
    cutoffScore,
    unnamed,
    // A row with data but no name may be a candidate: it is decided (named or cleared) first.
    final: byStatus.incomplete === 0 && needsDraw === 0 && unnamed === 0,
  };
}
