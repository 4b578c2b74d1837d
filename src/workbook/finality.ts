/**
 * Whether the top is final, at the cells: while a candidate is `incomplete` or a draw
 * is pending, the top can still change, so nothing is shared and no rejection letter
 * is marked to send. An incomplete row is the evaluator's to decide ("the CV does not
 * say" is a decision: `Nee` or `0`); a pending draw is decided in `Loting`.
 */
import type { Evaluation, Problem } from "../engine";
import { sheetAddress } from "./address";
import { problemCells, type CandidateSheet, type PeriodSheet } from "./inputs";
import { WorkbookError, type SheetProblem } from "./problems";
import { finalityTexts as t } from "./texts";

/**
 * The cells to decide before the top is final: each incomplete candidate's missing
 * or unreadable values (with the engine's message where it gave one), the name cell of
 * a row with data but no name, and the `Loting` cell of every candidate in a pending
 * draw; by row. Empty when final.
 *
 * @example
 * undecidedCells(evaluation, candidates, periods);
 * // [{ sheet: "Kandidaten", cell: "I23", message: "K6: Niet ingevuld. Typ Ja of Nee." }, …]
 */
export function undecidedCells(
  evaluation: Evaluation,
  candidates: CandidateSheet,
  periods: PeriodSheet | null
): SheetProblem[] {
  if (evaluation.summary.final) return [];
  const given = new Map<string, Problem>();
  for (const p of evaluation.problems) {
    const key = `${p.row}|${p.field}`;
    if (p.source === "candidates" && !given.has(key)) given.set(key, p);
  }
  const wanted: Problem[] = [];
  const at = (row: number, field: string, message: string): Problem =>
    given.get(`${row}|${field}`) ?? { source: "candidates", row, field, message };
  // A row with data but no name: the evaluator names it or clears it.
  for (const p of evaluation.problems)
    if (p.source === "candidates" && p.field === "name") wanted.push(p);
  const byRow = evaluation.candidates.slice().sort((a, b) => a.row - b.row);
  for (const c of byRow) {
    if (c.status === "incomplete") {
      for (const field of c.missing) wanted.push(at(c.row, field, t.decide(field)));
    } else if (c.needsDraw) {
      // An unresolved tie shares its first place: the draw decides from there to place N.
      const { topN } = evaluation.request;
      wanted.push(at(c.row, "drawOrder", t.drawPending(c.rank ?? topN, topN)));
    }
  }
  return problemCells(
    wanted.sort((a, b) => a.row - b.row),
    candidates,
    periods
  );
}

/**
 * The cells as one Dutch list (`Kandidaten!I23, Kandidaten!J24 en nog 3`).
 *
 * @example
 * cellList([{ sheet: "Kandidaten", cell: "I23", message: "…" }]); // "Kandidaten!I23"
 */
export function cellList(cells: SheetProblem[]): string {
  const shown = cells.slice(0, t.cellsShown).map((c) => sheetAddress(c.sheet, c.cell));
  return t.cells(shown, cells.length);
}

/**
 * The refusal of `share` while the top is not final: a {@link WorkbookError} (the
 * command exits 2), its message naming the cells, its problems one per cell.
 */
export class NotFinalError extends WorkbookError {
  /** Tells the task pane to word the refusal in its own language. */
  readonly kind = "notFinal";
  constructor(
    readonly cells: SheetProblem[],
    /** What was refused: sharing with the municipality, or cleaning up personal data. */
    readonly action: FinalAction = "share"
  ) {
    super(t.notFinal(cellList(cells), cells.length, action), cells);
  }
}

/** What waits for a final top. */
export type FinalAction = "share" | "cleanUp";

/**
 * Refuses to go on while the top is not final.
 *
 * @throws NotFinalError listing the cells to decide.
 * @example
 * checkFinal(plan); // throws while a candidate is incomplete or a draw is pending
 */
export function checkFinal(
  plan: { evaluation: Evaluation; undecided: SheetProblem[] },
  action: FinalAction = "share"
): void {
  if (plan.evaluation.summary.final) return;
  throw new NotFinalError(plan.undecided, action);
}
