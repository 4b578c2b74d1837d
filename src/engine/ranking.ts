/**
 * Ranking eligible candidates: score high to low, then rate low to high, then a
 * recorded draw. Equal score and equal rate is a tie that is shown, never broken
 * silently; a tie straddling place N needs a draw before the top N is complete.
 * Nothing here depends on the order the candidates come in.
 */
import type { Problem } from "./evaluation";
import { candidateMessages as m } from "./messages";

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
  const n = Number.isFinite(topN) ? Math.max(0, Math.floor(topN)) : 0;
  const sorted = [...entries].sort((a, b) => b.score - a.score || a.rate - b.rate || a.row - b.row);
  const places: RankPlace[] = [];
  const problems: Problem[] = [];
  let cutoffScore: number | null = null;

  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (end < sorted.length && sameStanding(sorted[start], sorted[end])) end++;
    const group = sorted.slice(start, end);
    const tie = group.length > 1;
    const resolved = tie && resolvedByDraw(group);
    if (tie && !resolved) problems.push(...drawProblems(group));
    const ordered = resolved
      ? [...group].sort((a, b) => (a.drawOrder ?? 0) - (b.drawOrder ?? 0))
      : group;
    const straddles = !resolved && start < n && end > n;

    ordered.forEach((entry, i) => {
      const position = start + i; // 0-based place
      const top = resolved || !tie ? position < n : end <= n;
      if (top) cutoffScore = entry.score;
      places.push({
        row: entry.row,
        rank: resolved || !tie ? position + 1 : start + 1,
        top,
        tie,
        needsDraw: straddles,
        drawn: resolved,
        tiedWith: tie ? group.filter((other) => other !== entry).map((other) => other.row) : [],
        contested: straddles ? { from: start + 1, to: n } : null,
      });
    });
    start = end;
  }
  const placeNScore = n >= 1 && sorted.length >= n ? sorted[n - 1].score : null;
  return { places, cutoffScore, placeNScore, problems };
}

function sameStanding(a: RankEntry, b: RankEntry): boolean {
  return a.score === b.score && a.rate === b.rate;
}

/** A draw settles a tie only when every member has its own number. */
function resolvedByDraw(group: RankEntry[]): boolean {
  const numbers = group.map((e) => e.drawOrder);
  return numbers.every((d) => d !== null) && new Set(numbers).size === numbers.length;
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
  for (const entry of group) {
    if (entry.drawOrder === null) {
      problems.push(at(entry.row, m.drawIncomplete(withNumber.map((e) => e.name))));
      continue;
    }
    const same = group.filter((o) => o !== entry && o.drawOrder === entry.drawOrder);
    if (same.length)
      problems.push(
        at(
          entry.row,
          m.drawDuplicate(
            entry.drawOrder,
            same.map((o) => o.name)
          )
        )
      );
  }
  return problems;
}
