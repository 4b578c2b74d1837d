/**
 * Problems as a user sees them: a sheet, a cell and a Dutch message. A fatal
 * problem (the workbook cannot be scored at all) is a {@link WorkbookError}.
 */
import { sheetAddress } from "./address";

/** A problem at one cell of the workbook. */
export interface SheetProblem {
  sheet: string;
  /** A1 address, e.g. `F7`. */
  cell: string;
  message: string;
}

/**
 * The workbook cannot be used as it is; `message` says what is wrong in Dutch,
 * `problems` lists the cells to fix when there are any.
 */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly problems: SheetProblem[] = []
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/**
 * A problem as one line: `Kandidaten!F7: Geen geldig bedrag: 'abc'. …`.
 *
 * @example
 * problemLine({ sheet: "Kandidaten", cell: "F7", message: "…" }); // "Kandidaten!F7: …"
 */
export function problemLine(problem: SheetProblem): string {
  return `${sheetAddress(problem.sheet, problem.cell)}: ${problem.message}`;
}
