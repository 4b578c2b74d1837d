/**
 * The add-in's scoring in a workbook of live formulas (issue 16): the output columns
 * `Knock-out`, `Score`, `Rang` and `Top N` keep their formulas, never values. Rows
 * without the formula get it, a value typed over it is reported and the formula put
 * back, and what the live cells show is compared with the engine's verdict, cell by
 * cell. The headless command never comes here: its files hold values.
 */
import { formatNumber, isCellError, NAMES_SHOWN, readText, type CellValue } from "../engine";
import { cellAddress, sheetAddress } from "./address";
import type { WorkbookChange } from "./changes";
import {
  formulaBlocks,
  holds,
  isFormula,
  isOutdatedFormula,
  type FormulaKey,
} from "./liveFormulas";
import { shownValue, type SheetSnapshot } from "./snapshot";
import { liveFormulaTexts as t } from "./texts";
import { KNOCKOUT_OK } from "../engine/knockoutWord";

/** One output column that holds a live formula. */
export interface LiveColumn {
  key: FormulaKey;
  /** 1-based sheet column. */
  column: number;
  header: string;
  formula: string;
  /** Added by this scoring: every row gets the formula, nothing there to compare or report. */
  added: boolean;
}

/** What the engine says of one row, as the live cells should show it. */
export interface RowVerdict {
  /** The cell per {@link FormulaKey}; null where scoring would write nothing. */
  cells: Record<FormulaKey, CellValue>;
  /** An incomplete candidate: FLEX.KNOCKOUT answers with an error (#N/A, #VALUE!) where the engine has no verdict. */
  incomplete: boolean;
  /**
   * An incomplete candidate whose knock-outs were all decided (an award value is missing
   * or unreadable): FLEX.KNOCKOUT shows `OK` and FLEX.AWARDSCORE the error instead.
   */
  knockoutsDecided?: boolean;
}

/** What to write and to tell. */
export interface LivePlan {
  changes: WorkbookChange[];
  notes: string[];
}

/** A cell the notes name, in sheet order. */
interface Named {
  row: number;
  column: number;
  /** Built only for the cells a note names (a few of possibly thousands). */
  text: () => string;
}

/**
 * The formula writes of the live output columns of `sheet` (read with its formulas) over
 * the rows `firstDataRow` to `lastDataRow`, and the notes about what was found.
 *
 * Whose is a value where a formula belongs? A column in which no row holds a formula
 * is a column an earlier scoring filled (the add-in before issue 16, or the command on
 * this file): it gets the formulas whole, with one note for the column. In a column
 * that holds formulas, a value in a row is typed over the formula: reported by its cell
 * and restored. Set-up keeps such a values column whole (src/workbook/setUp.ts), so a
 * column is never half one and half the other by our own doing. `remade`: the table
 * grows or the ranking's sheet is made again by this scoring (the ranks will move).
 *
 * @example
 * planLive(sheet, 2, 11, columns, verdictOf, false).changes; // [] when every row has its formula
 */
export function planLive(
  sheet: SheetSnapshot,
  firstDataRow: number,
  lastDataRow: number,
  columns: LiveColumn[],
  verdict: (row: number) => RowVerdict,
  remade: boolean
): LivePlan {
  const changes: WorkbookChange[] = [];
  const compared: Array<{ c: LiveColumn; rows: number[] }> = [];
  const oldValues: string[] = [];
  const restored: Named[] = [];
  const differing: Named[] = [];
  const upgraded = new Map<string, number>();
  for (const c of columns) {
    const missing: number[] = [];
    const typed: Named[] = [];
    const live: number[] = [];
    // Set-up writes a column whole, so one earlier version's formula (the add-in reads the text
    // of the first data row only) makes every formula of the column one.
    let outdated = false;
    for (let row = firstDataRow; row <= lastDataRow && !outdated; row++)
      outdated = isOutdatedFormula(sheet.formulas?.[row - 1]?.[c.column - 1]);
    for (let row = firstDataRow; row <= lastDataRow; row++) {
      const value = sheet.values[row - 1]?.[c.column - 1] ?? null;
      const formula = sheet.formulas?.[row - 1]?.[c.column - 1];
      if (!c.added && outdated && isFormula(formula)) {
        // An earlier set-up's per-row ranking: replaced, said once per column.
        upgraded.set(c.header, (upgraded.get(c.header) ?? 0) + 1);
        missing.push(row);
        continue;
      }
      if (!c.added && isFormula(formula)) {
        live.push(row);
        continue;
      }
      missing.push(row);
      if (!c.added && holds(value, null))
        typed.push({
          row,
          column: c.column,
          text: () => t.restoredCell(cellName(sheet, row, c.column), shown(value)),
        });
    }
    if (live.length === 0 && typed.length > 0) oldValues.push(c.header);
    else restored.push(...typed);
    changes.push(...formulaBlocks(sheet.name, c.column, missing, c.formula));
    compared.push({ c, rows: live });
  }
  // Rows written now show nothing yet: only the cells that keep their formula are compared.
  // A rank and a top mark depend on every row: once a row is written (a new row, a restored
  // score) or the ranking remade, they all change on Excel's next calculation, so they are
  // compared only when this scoring writes nothing there; the knock-out and the score are the
  // row's own and always compared.
  const settled = !remade && changes.length === 0;
  for (const { c, rows } of compared) {
    if (!settled && (c.key === "rank" || c.key === "top")) continue;
    for (const row of rows) {
      const value = sheet.values[row - 1]?.[c.column - 1] ?? null;
      const expected = verdict(row);
      if (agrees(c.key, value, expected)) continue;
      differing.push({
        row,
        column: c.column,
        text: () =>
          t.differsCell(cellName(sheet, row, c.column), shown(value), shown(expected.cells[c.key])),
      });
    }
  }
  const notes: string[] = [];
  if (oldValues.length > 0) notes.push(t.oldValues(sheet.name, oldValues));
  if (upgraded.size > 0) notes.push(t.upgraded(sheet.name, [...upgraded.keys()]));
  if (restored.length > 0) notes.push(t.restored(...listed(restored)));
  if (differing.length > 0) notes.push(t.differs(...listed(differing)));
  return { changes, notes };
}

/** The first cells in sheet order (row by row) and how many there are. */
function listed(cells: Named[]): [string[], number] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  return [sorted.slice(0, NAMES_SHOWN).map((c) => c.text()), cells.length];
}

/** `Kandidaten!T7`. */
function cellName(sheet: SheetSnapshot, row: number, column: number): string {
  return sheetAddress(sheet.name, cellAddress(row, column));
}

/**
 * Whether a live cell shows the engine's verdict: the same text, the same number (to
 * rounding), both empty. An incomplete row has no verdict to show: its knock-out shows
 * an error; or, when its knock-outs were all decided and an award value is what is
 * missing, its knock-out shows `OK` and its score an error (or nothing).
 *
 * @example
 * agrees("score", { error: "#VALUE!" }, { cells, incomplete: true, knockoutsDecided: true }); // true
 */
export function agrees(key: FormulaKey, value: CellValue, verdict: RowVerdict): boolean {
  const expected = verdict.cells[key];
  const awardMissing = verdict.incomplete && verdict.knockoutsDecided === true;
  if (isCellError(value))
    return key === "knockout"
      ? verdict.incomplete && !awardMissing
      : key === "score" && awardMissing;
  if (key === "knockout" && awardMissing && readText(value) === KNOCKOUT_OK) return true;
  const blank = readText(value) === "";
  if (expected === null || readText(expected) === "") return blank;
  if (typeof expected === "number")
    return (
      typeof value === "number" &&
      Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
    );
  return readText(value) === readText(expected);
}

/** A value as a note names it: `leeg`, a number the Dutch way, an error by its Dutch name, a text quoted. */
function shown(value: CellValue): string {
  const dutch = shownValue(value);
  if (isCellError(dutch)) return dutch.error;
  if (readText(value) === "") return t.empty;
  if (typeof value === "number") return formatNumber(value, 6);
  return `'${readText(value)}'`;
}
