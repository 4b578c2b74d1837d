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
import { candidateMessages as cm, periodMessages as pm } from "./messages";
import { rankCandidates, type RankPlace } from "./ranking";
import { reasonLine } from "./reason";
import type { Request } from "./request";
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
  const problems: Problem[] = [...history.problems];

  const named: Array<{ input: CandidateInput; name: string }> = [];
  for (const input of candidates) {
    if (isEmptyRow(input)) continue;
    const name = readText(input.name);
    if (name) named.push({ input, name });
    else {
      const message = isCellError(input.name) ? cm.unreadableName(input.name) : cm.noName();
      problems.push({ source: "candidates", row: input.row, field: "name", message });
    }
  }

  const rowsByName = new Map<string, number[]>();
  for (const { input, name } of named) {
    const key = nameKey(name);
    rowsByName.set(key, [...(rowsByName.get(key) ?? []), input.row]);
  }
  for (const [key, entry] of history.byName) {
    if (rowsByName.has(key)) continue;
    for (const row of entry.rows) {
      problems.push({
        source: "periods",
        row,
        field: "candidate",
        message: pm.unknownCandidate(entry.name),
      });
    }
  }

  const drafts: CandidateDraft[] = named.map(({ input, name }) => {
    const sameName = rowsByName.get(nameKey(name)) ?? [];
    const ambiguousName = sameName.length > 1;
    if (ambiguousName) {
      const others = sameName.filter((row) => row !== input.row).sort((a, b) => a - b);
      problems.push({
        source: "candidates",
        row: input.row,
        field: "name",
        message: cm.duplicateName(name, others),
      });
    }
    return judgeCandidate(input, name, { request, history, ambiguousName });
  });
  for (const draft of drafts) problems.push(...draft.problems);

  const ranking = rankCandidates(
    drafts
      .filter(
        (d) => d.result.status === "eligible" && d.result.score !== null && d.result.rate !== null
      )
      .map((d) => ({
        row: d.result.row,
        name: d.result.name,
        score: d.result.score ?? 0,
        rate: d.result.rate ?? 0,
        drawOrder: d.drawOrder,
      })),
    request.topN
  );
  problems.push(...ranking.problems);

  const placeByRow = new Map<number, RankPlace>(ranking.places.map((p) => [p.row, p]));
  const nameByRow = new Map<number, string>(drafts.map((d) => [d.result.row, d.result.name]));
  const most = maxScore(request.awards);
  const results: CandidateResult[] = drafts.map((draft) => {
    const place = placeByRow.get(draft.result.row);
    const standing = {
      rank: place?.rank ?? null,
      top: place?.top ?? false,
      tie: place?.tie ?? false,
      needsDraw: place?.needsDraw ?? false,
      drawn: place?.drawn ?? false,
    };
    const reason = reasonLine({
      ...draft.result,
      ...standing,
      failures: draft.failures,
      unreadable: draft.unreadable,
      maxScore: most,
      tiedWith: (place?.tiedWith ?? []).map((row) => nameByRow.get(row) ?? String(row)),
      contested: place?.contested ?? null,
      topN: request.topN,
      placeNScore: ranking.placeNScore,
    });
    return { ...draft.result, ...standing, reason };
  });

  return {
    request,
    candidates: results,
    ranking: ranking.places.map((p) => p.row),
    problems: sortProblems(problems),
    summary: summarise(request, results, ranking.cutoffScore),
  };
}

/** A row counts as empty when every cell in it is empty: nothing was entered there. */
function isEmptyRow(input: CandidateInput): boolean {
  return [
    input.name,
    input.supplier,
    input.rate,
    input.drawOrder,
    ...Object.values(input.values),
  ].every(isEmptyCell);
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
  cutoffScore: number | null
): Evaluation["summary"] {
  const failedPerCriterion: Record<string, number> = {};
  for (const criterion of request.knockouts) failedPerCriterion[criterion.id] = 0;
  for (const result of results) {
    for (const id of result.failed) failedPerCriterion[id] = (failedPerCriterion[id] ?? 0) + 1;
  }
  const count = (predicate: (r: CandidateResult) => boolean) => results.filter(predicate).length;
  return {
    received: results.length,
    eligible: count((r) => r.status === "eligible"),
    knockedOut: count((r) => r.status === "knockedOut"),
    incomplete: count((r) => r.status === "incomplete"),
    failedPerCriterion,
    top: count((r) => r.top),
    needsDraw: count((r) => r.needsDraw),
    cutoffScore,
  };
}
