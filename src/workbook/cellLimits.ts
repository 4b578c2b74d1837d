/**
 * Excel's limits on what the add-in and the command write (issue 18): a cell holds at
 * most 32,767 characters, and a row is at most 409 points high. A file over either
 * limit is one Excel repairs or refuses; a longer text is cut with a visible mark
 * instead. Names, suppliers and the request's texts are the user's and have any length,
 * so every text a scoring writes passes here, whichever host writes it.
 */
import type { CellValue } from "../engine";
import type { WorkbookChange } from "./changes";
import { cellWords } from "./texts";

/** The most characters a cell holds. */
export const CELL_TEXT_MAX = 32_767;
/** The highest a row can be, in points. */
export const ROW_HEIGHT_MAX = 409;

/**
 * A text that fits one cell: unchanged when it does, else cut and marked "… (ingekort)".
 *
 * @example
 * fitCellText("kort"); // "kort"
 * fitCellText("x".repeat(40_000)).length; // 32767, ending in "… (ingekort)"
 */
export function fitCellText(text: string): string {
  if (text.length <= CELL_TEXT_MAX) return text;
  const mark = cellWords.shortened;
  let cut = CELL_TEXT_MAX - mark.length;
  // Never half a surrogate pair.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut) + mark;
}

/** A value that fits one cell: a text as {@link fitCellText}, anything else unchanged. */
export function fitCellValue(value: CellValue): CellValue {
  return typeof value === "string" && value.length > CELL_TEXT_MAX ? fitCellText(value) : value;
}

/**
 * The changes with every written text within a cell's limit: blocks without a long
 * text are passed on as they are (no copy of 10,000 rows for nothing).
 *
 * @example
 * withinCellLimits(plan.changes); // the same changes, a 40,000-character letter cut to 32,767
 */
export function withinCellLimits(changes: WorkbookChange[]): WorkbookChange[] {
  return changes.map((change) => {
    if (change.kind !== "writeValues") return change;
    const long = change.values.some((row) =>
      row.some((v) => typeof v === "string" && v.length > CELL_TEXT_MAX)
    );
    return long ? { ...change, values: change.values.map((row) => row.map(fitCellValue)) } : change;
  });
}
