/**
 * The order of the ranking, written once: score high to low, then the lower
 * hourly rate, then a recorded draw. The request says "De (maximaal) tien
 * kandidaten die het beste scoren op bovengenoemde gunningscriteria worden
 * geselecteerd voor stap 3 in de beoordeling. Bij een gelijke score is het
 * uurtarief doorslaggevend." (test/fixtures/request-17040.txt). Equal score and
 * equal rate is a tie; a recorded draw (`Loting`, low first) settles it only
 * when every member of the tie has a number of its own.
 *
 * The rule has two forms, and both take their comparisons from here:
 * - src/engine/ranking.ts sorts every candidate (rankCandidates: the command,
 *   the task pane, FLEX.RANKING);
 * - src/functions/ranking.ts counts, for one row, the rows that stand ahead of
 *   it (FLEX.RANK, FLEX.TOP: one call per row, where a sort per call would make
 *   a column quadratic).
 * test/functions/ranking.test.ts holds the two equal over random columns.
 */

/** What the order reads of a candidate. */
export interface Standing {
  score: number;
  rate: number;
}

/**
 * Scores high to low: negative when score `a` stands ahead of score `b`, 0 when
 * they are equal.
 *
 * @example
 * byScore(90, 80); // -10: 90 is ahead
 */
export function byScore(a: number, b: number): number {
  return b - a;
}

/**
 * Rates low to high, for equal scores ("bij een gelijke score is het uurtarief
 * doorslaggevend"): negative when rate `a` stands ahead of rate `b`, 0 when equal.
 *
 * @example
 * byRate(70, 72.5); // -2.5: the cheaper one is ahead
 */
export function byRate(a: number, b: number): number {
  return a - b;
}

/**
 * Score, then rate: negative when `a` stands ahead of `b`. The sort order of
 * the ranking; 0 for equal standing (a tie, see {@link sameStanding}).
 *
 * @example
 * byStanding({ score: 80, rate: 70 }, { score: 80, rate: 75 }); // -5
 */
export function byStanding(a: Standing, b: Standing): number {
  return byScore(a.score, b.score) || byRate(a.rate, b.rate);
}

/**
 * Equal score and equal rate: a tie, shown and never broken silently.
 *
 * @example
 * sameStanding({ score: 80, rate: 70 }, { score: 80, rate: 70 }); // true
 */
export function sameStanding(a: Standing, b: Standing): boolean {
  return a.score === b.score && a.rate === b.rate;
}

/**
 * A recorded draw settles a tie only when every member has a number and no
 * two have the same: a partial or repeated draw leaves the tie standing.
 *
 * @example
 * drawSettles([2, 1, 3]); // true
 * drawSettles([1, null]); // false
 * drawSettles([1, 1]); // false
 */
export function drawSettles(drawOrders: Iterable<number | null>): boolean {
  const seen = new Set<number>();
  for (const drawOrder of drawOrders) {
    if (drawOrder === null || seen.has(drawOrder)) return false;
    seen.add(drawOrder);
  }
  return true;
}

/**
 * Within a tie the draw settles, the lower number goes first: negative when
 * draw number `a` stands ahead of `b`.
 *
 * @example
 * byDraw(1, 2); // -1
 */
export function byDraw(a: number, b: number): number {
  return a - b;
}
