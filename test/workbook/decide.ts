/**
 * The evaluator's decisions that make a top final (issue 17), for tests that need one:
 * a value typed in every cell an incomplete row still lacks, and lots for a pending draw.
 * Found from the scoring itself (plan.undecided), so it follows any change to the example.
 */
import type ExcelJS from "exceljs";
import { candidateMessages, type CellValue, type Request } from "../../src/engine";
import { parseCell } from "../../src/workbook/address";
import { planScore, type ScorePlan } from "../../src/workbook/score";
import { findSheet, type WorkbookSnapshot } from "../../src/workbook/snapshot";
import { readSnapshot } from "../../src/xlsx";

/** One typed decision. */
export interface Decision {
  sheet: string;
  row: number;
  column: number;
  value: CellValue;
}

/** What an evaluator types for a field that passes it: Ja, the whole window, a large amount. */
function passingValue(request: Request, message: string): CellValue {
  const id = message.split(":")[0];
  const criterion = [...request.knockouts, ...request.awards].find((c) => c.id === id);
  if (!criterion) return 70; // the rate
  switch (criterion.valueKind) {
    case "years":
      return criterion.windowYears ?? 10;
    case "amount":
      return 10_000_000;
    case "count":
      return 5;
    default:
      return "Ja";
  }
}

/**
 * How the evaluator decides an incomplete row: `pass` types a value that passes the
 * criterion; `cvSilent` decides as "the CV does not say" (Nee, or 0), as the product advises.
 */
export type DecisionStyle = "pass" | "cvSilent";

/** What an evaluator types when the CV does not say: Nee for a yes/no, 0 for a number. */
function silentValue(request: Request, message: string): CellValue {
  const id = message.split(":")[0];
  const criterion = [...request.knockouts, ...request.awards].find((c) => c.id === id);
  return criterion?.valueKind.startsWith("yesNo") ? "Nee" : 0;
}

/**
 * The decisions for a scoring: with `draws`, lots in row order for the pending draws
 * (decided only when no row is incomplete, since deciding a row can move the draw).
 */
export function decisionsFor(
  plan: ScorePlan,
  draws = true,
  style: DecisionStyle = "pass"
): Decision[] {
  const incomplete = plan.evaluation.summary.incomplete > 0;
  let lot = 0;
  return plan.undecided.flatMap((cell) => {
    const { row, column } = parseCell(cell.cell);
    if (cell.message.startsWith("Lot")) {
      return !draws || incomplete ? [] : [{ sheet: cell.sheet, row, column, value: ++lot }];
    }
    // A row with data but no name: the evaluator gives it the name of the candidate it is.
    if (cell.message === candidateMessages.noName())
      return [{ sheet: cell.sheet, row, column, value: `Kandidaat van rij ${row}` }];
    const value =
      style === "pass"
        ? passingValue(plan.request, cell.message)
        : silentValue(plan.request, cell.message);
    return [{ sheet: cell.sheet, row, column, value }];
  });
}

/** Types decisions into a snapshot (a copy of the rows it changes). */
export function decidedSnapshot(
  snapshot: WorkbookSnapshot,
  decisions: Decision[]
): WorkbookSnapshot {
  const copy: WorkbookSnapshot = {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => ({ ...s, values: s.values.map((r) => r.slice()) })),
  };
  for (const d of decisions) {
    const sheet = findSheet(copy, d.sheet)!;
    while (sheet.values.length < d.row) sheet.values.push([]);
    sheet.values[d.row - 1][d.column - 1] = d.value;
  }
  return copy;
}

/**
 * Makes an example workbook's top final, as the evaluator would: types a passing value in
 * every cell of an incomplete row, scores again, then records the pending draws.
 *
 * @example
 * finalise(workbook); // planScore(readSnapshot(workbook)).evaluation.summary.final === true
 */
export function finalise(workbook: ExcelJS.Workbook, options = { preset: "17040" }): void {
  for (let round = 0; round < 3; round++) {
    const plan = planScore(readSnapshot(workbook), options);
    if (plan.evaluation.summary.final) return;
    for (const d of decisionsFor(plan))
      workbook.getWorksheet(d.sheet)!.getCell(d.row, d.column).value = d.value as ExcelJS.CellValue;
  }
  throw new Error("The example's top could not be made final.");
}

/**
 * Decides an example workbook's open rows as "the CV does not say" (Nee, 0) and names a
 * nameless row, leaving any draw pending: the example then waits only for its draw.
 *
 * @example
 * decideSilently(workbook); // planScore(readSnapshot(workbook)).undecided: only Loting cells
 */
export function decideSilently(workbook: ExcelJS.Workbook, options = { preset: "17040" }): void {
  const plan = planScore(readSnapshot(workbook), options);
  for (const d of decisionsFor(plan, false, "cvSilent"))
    workbook.getWorksheet(d.sheet)!.getCell(d.row, d.column).value = d.value as ExcelJS.CellValue;
}
