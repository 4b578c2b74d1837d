/**
 * What a use case reads: the sheets the add-in needs, each as values from A1,
 * with the tables and defined names on them, taken in one go. A host fills it
 * (Office.js with one load + sync, ExcelJS from a file, a test by hand); the use
 * cases never call a host themselves.
 */
import { isCellError, type CellValue } from "../engine";
import { dutchErrorNames } from "./texts";

/** An Excel table (ListObject) on a sheet. */
export interface TableSnapshot {
  name: string;
  /** 1-based row of the header row. */
  headerRow: number;
  /** 1-based column of the first column. */
  firstColumn: number;
  /** The column names, left to right. */
  columns: string[];
  /** Data rows, without header and totals rows. */
  rowCount: number;
  /** Whether a totals row follows the data rows (then no row below the table joins it). */
  totalsRow?: boolean;
}

/** One sheet: its values from A1 (rows of equal or shorter length; missing cells are empty). */
export interface SheetSnapshot {
  name: string;
  /** `values[r][c]` is the cell at row r+1, column c+1. */
  values: CellValue[][];
  /** Formulas (`=…`) where the host can give them, same shape as values; absent or null = no formula. */
  formulas?: Array<Array<string | null>>;
  tables: TableSnapshot[];
  /** The notes (comments) on cells, where the host reads them (clean-up only). */
  notes?: NoteSnapshot[];
  /**
   * Header and footer texts by ExcelJS's kind (`oddHeader`, `oddFooter`, `evenHeader`,
   * `evenFooter`, `firstHeader`, `firstFooter`), in Excel's code format (`&C…`), where read.
   */
  headerFooter?: Record<string, string>;
  /** Data validations with their texts, where the host reads them (clean-up only). */
  validations?: ValidationSnapshot[];
}

/** A note (comment) on one cell, as plain text. */
export interface NoteSnapshot {
  /** A1 address of the cell. */
  at: string;
  text: string;
  /**
   * Set when the note is a threaded comment (or a reply in one) of a `threadedComments`
   * part, not a legacy note: Excel keeps a legacy copy of each thread beside it, so a
   * writer that changes notes must change both.
   */
  threaded?: true;
}

/** The texts of a data validation a user can read: its input message, error message and list. */
export interface ValidationSnapshot {
  /** The cell or range it is on, as the host keys it. */
  range: string;
  promptTitle?: string;
  prompt?: string;
  errorTitle?: string;
  error?: string;
  /** The rule's formulas as written (a list of names is `"Jan,Piet"`, quotes included). */
  formulae?: string[];
}

/** A defined name of the workbook, pointing at a cell or block on a sheet. */
export interface NameSnapshot {
  name: string;
  sheet: string;
  /** A1 address without `$`, e.g. `B5` or `A20:J31`. */
  address: string;
}

/** A sheet the add-in rewrites whole, read only as far as its head: its A1 and whether anything is on it. */
export interface SheetHeadSnapshot {
  name: string;
  first: CellValue;
  hasContent: boolean;
}

/** The sheets the add-in needs (`Aanvraag`, `Kandidaten`, `Werkervaring`, `Ranking`) when present. */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: NameSnapshot[];
  /**
   * The document's text properties (`creator`, `lastModifiedBy`, `title`, `subject`,
   * `keywords`, `description`, `category`, `company`, `manager`, …) where the host reads them.
   */
  properties?: Record<string, string>;
  /** The custom document properties (docProps/custom.xml) by name, as text, where the host reads them. */
  customProperties?: Record<string, string>;
  /**
   * What may hold personal data but this host did not read, so a clean-up cannot
   * vouch for it (the use case warns): notes, headers and footers, validations, properties.
   */
  unread?: UnreadPart[];
  /** Sheets read only as far as their head (a host that need not read the add-in's own sheets whole). */
  heads?: SheetHeadSnapshot[];
}

/** A part of a workbook a host may leave unread. */
export type UnreadPart = "notes" | "headersFooters" | "validations" | "properties";

/**
 * The sheet of that name, matched as Excel matches sheet names (case-insensitive).
 *
 * @example
 * findSheet(snapshot, "kandidaten")?.name; // "Kandidaten"
 */
export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const key = name.toLocaleLowerCase("nl-NL");
  return snapshot.sheets.find((s) => s.name.toLocaleLowerCase("nl-NL") === key);
}

/**
 * The value of one cell of a sheet, empty (null) outside the values read.
 *
 * @example
 * cellValue(sheet, 1, 1); // the value in A1
 */
export function cellValue(sheet: SheetSnapshot, row: number, column: number): CellValue {
  return sheet.values[row - 1]?.[column - 1] ?? null;
}

/**
 * The number of columns of the widest row read.
 *
 * @example
 * sheetWidth({ name: "X", values: [[1, 2], [3]], tables: [] }); // 2
 */
export function sheetWidth(sheet: SheetSnapshot): number {
  let width = 0;
  for (const row of sheet.values) if (row.length > width) width = row.length;
  return width;
}

/**
 * A value as a Dutch Excel shows it, for the readers that report problems: an
 * error value by its Dutch name (hosts give the English code). Never written back.
 *
 * @example
 * shownValue({ error: "#N/A" }); // { error: "#N/B" }
 */
export function shownValue(value: CellValue): CellValue {
  if (!isCellError(value)) return value;
  const dutch = dutchErrorNames[value.error.toUpperCase()];
  return dutch ? { error: dutch } : value;
}

/**
 * A cell the user types into (an input column of `Kandidaten` or `Werkervaring`, a setting
 * or criterion of `Aanvraag`) as the readers take it. A formula's result as stored in the
 * file is never trusted: nothing recalculated it (`=80+15` stored as 60 would rank first),
 * so a formula is passed as its text and the engine's readers report it at its cell
 * ("Formule in plaats van een waarde"). A stored error value stays that error (the cell
 * is a problem either way, and Excel shows the same). A host that recalculates (Excel
 * itself) gives no formulas when scoring, so its values count.
 *
 * @example
 * typedCell(sheet, 3, 3); // "=80+15" where C3 holds =80+15 (stored result 60)
 */
export function typedCell(sheet: SheetSnapshot, row: number, column: number): CellValue {
  const value = cellValue(sheet, row, column);
  const formula = sheet.formulas?.[row - 1]?.[column - 1];
  if (formula && !isCellError(value)) return formula;
  return shownValue(value);
}
