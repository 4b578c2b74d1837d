/**
 * The FLEX.RANKING adapter the recalculation bench calls (issue 16, I16.md §2):
 * `ranking(columns, topN)` → an N×2 matrix (rank or "", top mark). One import to
 * switch: a STAND-IN until src/functions/ranking.ts exports `ranking`. The
 * stand-in gives the same answers (it asks FLEX.RANK and FLEX.TOP per row on the
 * one copy of the columns) but is quadratic, so its time is not FLEX.RANKING's:
 * the bench prints that it ran a stand-in.
 */
import { rank, top, type StandingColumns } from "../src/functions/ranking";

/** True while {@link ranking} is the stand-in, not the real FLEX.RANKING. */
export const rankingIsStandIn = true;

/** FLEX.RANKING's answer for every row of the columns (stand-in: see the file comment). */
export function ranking(columns: StandingColumns, topN: unknown): unknown[][] {
  const scores = columns.scores as unknown[][];
  const rates = columns.rates as unknown[][];
  const draws = columns.draws as unknown[][] | undefined;
  return scores.map((score, i) => {
    const row = { score: score[0], rate: rates[i][0], draw: draws?.[i][0] };
    return [rank(row, columns), top(row, columns, topN)];
  });
}
