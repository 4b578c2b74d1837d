/**
 * Ranking eligible candidates: score high to low, then rate low to high, then a
 * recorded draw (the order itself: src/engine/tieBreak.ts). Equal score and
 * equal rate is a tie that is shown, never broken silently; a tie straddling
 * place N needs a draw before the top N is complete. Nothing here depends on the
 * order the candidates come in.
 *
 * This is the sorting form of the rule, for the whole table at once (the command,
 * the task pane, FLEX.RANKING). Its other form, src/functions/ranking.ts (FLEX.RANK
 * and FLEX.TOP), counts the rows ahead of one row with the same comparisons and
 * draw rules; test/functions/ranking.test.ts holds the two equal.
 *
 * The speed-ups sit beside this file, not in it: src/engine/standingOrder.ts
 * (the order by counting sorts) and src/engine/tiedRows.ts (large ties' lists
 * built on first read).
 */
import type { Problem } from "./evaluation";
import { candidateMessages as m, NAMES_SHOWN } from "./messages";
import { standingOrder } from "./standingOrder";
import { byDraw, drawSettles, sameStanding } from "./tieBreak";
import { tiedPlace } from "./tiedRows";

/** What ranking needs of an eligible candidate. */
export interface RankEntry {
  row: number;
  name: string;
  score: number;
  rate: number;
  /** The recorded draw number (`Loting`), low first; null when none. */
  drawOrder: number | null;
}

/** Where one candidate lands. */
export interface RankPlace {
  row: number;
  /** Competition rank: 1, 2, 2, 4. */
  rank: number;
  /** In the top N, unambiguously. */
  top: boolean;
  /** Equal score and rate with another candidate. */
  tie: boolean;
  /** In an unresolved tie that straddles place N. */
  needsDraw: boolean;
  /** Its place within a tie was decided by the recorded draw. */
  drawn: boolean;
  /** The rows it is tied with. */
  tiedWith: number[];
  /** For `needsDraw`: the places the draw decides, e.g. 9 to 10. */
  contested: { from: number; to: number } | null;
}

/** The ranking of a set of eligible candidates. */
export interface Ranking {
  /** In ranking order; an unresolved tie by row number. */
  places: RankPlace[];
  /** The score of the last candidate unambiguously in the top N; null when nobody is. */
  cutoffScore: number | null;
  /** The score at place N, tied or not; null with fewer than N candidates. */
  placeNScore: number | null;
  /** Partial or duplicate draw numbers in a tie, at field `drawOrder`. */
  problems: Problem[];
}

/**
 * Ranks eligible candidates and marks the top N.
 *
 * @example
 * rankCandidates([
 *   { row: 2, name: "Ans", score: 80, rate: 70, drawOrder: null },
 *   { row: 3, name: "Bram", score: 80, rate: 70, drawOrder: null },
 *   { row: 4, name: "Cor", score: 90, rate: 75, drawOrder: null },
 * ], 2).places.map((p) => [p.row, p.rank, p.top, p.needsDraw]);
 * // [[4, 1, true, false], [2, 2, false, true], [3, 2, false, true]]
 */
export function rankCandidates(entries: RankEntry[], topN: number): Ranking {
  return rankWithGroups(entries, topN).ranking;
}

/**
 * {@link rankCandidates}, plus what evaluate() needs besides: each place's whole
 * tie group (its own row included, by row; null when not tied), for the reason
 * lines without building every member's `tiedWith`, and the place of each entry
 * (`placeOf[i]` is the index in `places` of `entries[i]`).
 */
export function rankWithGroups(
  entries: RankEntry[],
  topN: number
): { ranking: Ranking; groups: Array<readonly number[] | null>; placeOf: Int32Array } {
  const n = Number.isFinite(topN) ? Math.max(0, Math.floor(topN)) : 0;
  const count = entries.length;
  // Equal standing goes by row, so row order never matters.
  const { order, standing } = standingOrder(entries);
  const places: RankPlace[] = new Array(count);
  const groups: Array<readonly number[] | null> = new Array(count);
  const placeOf = new Int32Array(count);
  const problems: Problem[] = [];
  let cutoffScore: number | null = null;

  for (let start = 0; start < count;) {
    // The group of equal standing that starts here: [start, end) in `order`.
    const first = entries[order[start]];
    let end = start + 1;
    if (standing) {
      const own = standing[order[start]];
      while (end < count && standing[order[end]] === own) end++;
    } else while (end < count && sameStanding(first, entries[order[end]])) end++;

    if (end - start === 1) {
      // Alone on its score and rate: its place is its rank.
      const top = start < n;
      if (top) cutoffScore = first.score;
      placeOf[order[start]] = start;
      places[start] = {
        row: first.row,
        rank: start + 1,
        top,
        tie: false,
        needsDraw: false,
        drawn: false,
        contested: null,
        tiedWith: [],
      };
      groups[start] = null;
      start = end;
      continue;
    }

    // A tie. A complete, distinct draw orders it; otherwise it shares its first
    // place, and straddling place N it needs a draw.
    const members: number[] = []; // entry indices, by row
    const groupRows: number[] = [];
    let numbered = 0;
    for (let k = start; k < end; k++) {
      members.push(order[k]);
      groupRows.push(entries[order[k]].row);
      if (entries[order[k]].drawOrder !== null) numbered++;
    }
    // Most ties have no draw yet: only a numbered one is looked at further.
    const tie = numbered > 0 ? members.map((i) => entries[i]) : [];
    const resolved = numbered === members.length && drawSettles(tie.map((e) => e.drawOrder));
    // Settled: every member has its own number.
    if (resolved) members.sort((a, b) => byDraw(numberOf(entries[a]), numberOf(entries[b])));
    else if (numbered > 0) for (const problem of drawProblems(tie)) problems.push(problem);
    const straddles = !resolved && start < n && end > n;
    for (let i = 0; i < members.length; i++) {
      const entry = entries[members[i]];
      const position = start + i; // 0-based place
      const top = resolved ? position < n : end <= n;
      if (top) cutoffScore = entry.score;
      const rank = resolved ? position + 1 : start + 1;
      const contested = straddles ? { from: start + 1, to: n } : null;
      placeOf[members[i]] = position;
      places[position] = tiedPlace(entry.row, rank, top, straddles, resolved, contested, groupRows);
      groups[position] = groupRows;
    }
    start = end;
  }
  const placeNScore = n >= 1 && count >= n ? entries[order[n - 1]].score : null;
  return { ranking: { places, cutoffScore, placeNScore, problems }, groups, placeOf };
}

/** The first names a message shows, and how many there are in all. */
function namesOf(entries: RankEntry[], except?: RankEntry): { names: string[]; total: number } {
  const names: string[] = [];
  let total = 0;
  for (const entry of entries) {
    if (entry === except) continue;
    total++;
    if (names.length <= NAMES_SHOWN) names.push(entry.name);
  }
  return { names, total };
}

/** The draw number of a member of a settled tie (where every member has one). */
function numberOf(entry: RankEntry): number {
  return entry.drawOrder as number;
}

/**
 * Why a draw does not settle a tie, at each member's `drawOrder`: a member without
 * a number while others have one, or a number another member has too.
 */
function drawProblems(group: RankEntry[]): Problem[] {
  const withNumber = group.filter((e) => e.drawOrder !== null);
  if (withNumber.length === 0) return [];
  const problems: Problem[] = [];
  const at = (row: number, message: string): Problem => ({
    source: "candidates",
    row,
    field: "drawOrder",
    message,
  });
  const numbered = namesOf(withNumber);
  const byNumber = new Map<number, RankEntry[]>();
  for (const entry of withNumber) {
    const same = byNumber.get(entry.drawOrder as number);
    if (same) same.push(entry);
    else byNumber.set(entry.drawOrder as number, [entry]);
  }
  for (const entry of group) {
    if (entry.drawOrder === null) {
      problems.push(at(entry.row, m.drawIncomplete(numbered.names, numbered.total)));
      continue;
    }
    const sameNumber = byNumber.get(entry.drawOrder) ?? [];
    if (sameNumber.length > 1) {
      const same = namesOf(sameNumber, entry);
      problems.push(at(entry.row, m.drawDuplicate(entry.drawOrder, same.names, same.total)));
    }
  }
  return problems;
}
