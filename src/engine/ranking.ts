/**
 * Ranking eligible candidates: score high to low, then rate low to high, then a
 * recorded draw. Equal score and equal rate is a tie that is shown, never broken
 * silently; a tie straddling place N needs a draw before the top N is complete.
 * Nothing here depends on the order the candidates come in.
 */
import type { Problem } from "./evaluation";
import { candidateMessages as m, NAMES_SHOWN } from "./messages";
import { withTiedWith } from "./tiedRows";

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
 * {@link rankCandidates}, plus each place's whole tie group (its own row
 * included, by row), or null when it is not tied: what evaluate() needs for the
 * reason lines without building every member's `tiedWith`.
 */
export function rankWithGroups(
  entries: RankEntry[],
  topN: number
): { ranking: Ranking; groups: Array<readonly number[] | null> } {
  const n = Number.isFinite(topN) ? Math.max(0, Math.floor(topN)) : 0;
  // Equal standing goes by row. Sorting by row first (usually already so) and then
  // by standing with a stable sort gives that order with a two-key comparator.
  const sorted = entries.slice();
  if (!sortedByRow(sorted)) sorted.sort((a, b) => a.row - b.row);
  sorted.sort(byStanding);
  const places: RankPlace[] = [];
  const groups: Array<readonly number[] | null> = [];
  const problems: Problem[] = [];
  let cutoffScore: number | null = null;

  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (end < sorted.length && sameStanding(sorted[start], sorted[end])) end++;
    const tie = end - start > 1;
    const group = tie ? sorted.slice(start, end) : null;
    const groupRows = group ? group.map((e) => e.row) : null;
    const resolved = group !== null && resolvedByDraw(group);
    if (group && !resolved) problems.push(...drawProblems(group));
    const ordered =
      group === null ? [sorted[start]] : resolved ? group.slice().sort(byDraw) : group;
    const straddles = !resolved && start < n && end > n;

    for (let i = 0; i < ordered.length; i++) {
      const entry = ordered[i];
      const position = start + i; // 0-based place
      const top = resolved || !tie ? position < n : end <= n;
      if (top) cutoffScore = entry.score;
      const place = {
        row: entry.row,
        rank: resolved || !tie ? position + 1 : start + 1,
        top,
        tie,
        needsDraw: straddles,
        drawn: resolved,
        contested: straddles ? { from: start + 1, to: n } : null,
      };
      places.push(withTiedWith(place, groupRows));
      groups.push(groupRows);
    }
    start = end;
  }
  const placeNScore = n >= 1 && sorted.length >= n ? sorted[n - 1].score : null;
  return { ranking: { places, cutoffScore, placeNScore, problems }, groups };
}

/** Score high to low, then rate low to high. */
function byStanding(a: RankEntry, b: RankEntry): number {
  return b.score - a.score || a.rate - b.rate;
}

function sortedByRow(entries: RankEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i - 1].row > entries[i].row) return false;
  return true;
}

function byDraw(a: RankEntry, b: RankEntry): number {
  return (a.drawOrder ?? 0) - (b.drawOrder ?? 0);
}

function sameStanding(a: RankEntry, b: RankEntry): boolean {
  return a.score === b.score && a.rate === b.rate;
}

/** A draw settles a tie only when every member has its own number. */
function resolvedByDraw(group: RankEntry[]): boolean {
  const numbers = new Set<number>();
  for (const entry of group) {
    if (entry.drawOrder === null || numbers.has(entry.drawOrder)) return false;
    numbers.add(entry.drawOrder);
  }
  return true;
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
