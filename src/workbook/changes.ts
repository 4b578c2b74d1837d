/**
 * What a use case asks a host to do, as data: a short list of declarative
 * changes that Office.js can queue in one batch and ExcelJS can apply to a file.
 * Number formats are invariant format codes (`"€ "#,##0.00`, `dd-mm-yyyy`), which
 * Excel shows the Dutch way in a Dutch Excel.
 */
import type { CellValue } from "../engine";

/** A colour as `#RRGGBB`. */
export type Colour = string;

/** Create a sheet when it does not exist (an existing sheet is left as it is). */
export interface CreateSheet {
  kind: "createSheet";
  sheet: string;
}

/** Empty an add-in-owned sheet completely (values, tables, formats), creating it when missing. */
export interface ResetSheet {
  kind: "resetSheet";
  sheet: string;
}

/** Write a block of values with its top-left cell at `at`. */
export interface WriteValues {
  kind: "writeValues";
  sheet: string;
  /** Top-left cell, A1. */
  at: string;
  values: CellValue[][];
  /** Per column of the block: an invariant number format code, or null to leave it. */
  numberFormats?: Array<string | null>;
  bold?: boolean;
  /** Wrap text in the block (long descriptions). */
  wrap?: boolean;
}

/** Write formulas (`=…`, English function syntax) into a block with its top-left cell at `at`. */
export interface WriteFormulas {
  kind: "writeFormulas";
  sheet: string;
  /** Top-left cell, A1. */
  at: string;
  formulas: string[][];
  /**
   * What each formula gives, for a host that cannot calculate (a file): written as its
   * cached result. A host that calculates (Excel) ignores it.
   */
  results?: CellValue[][];
}

/** Create an Excel table over `range` (header row included); the header cells get `columns`. */
export interface CreateTable {
  kind: "createTable";
  sheet: string;
  name: string;
  /** A1 range of header + data rows. */
  range: string;
  columns: string[];
}

/** Add columns at the right end of an existing table (headers given; cells are written separately). */
export interface AddTableColumns {
  kind: "addTableColumns";
  sheet: string;
  table: string;
  columns: string[];
}

/**
 * Grow an existing table down over the rows typed directly below it, so that Excel and
 * LibreOffice open them as rows of the table (its columns stay as they are).
 */
export interface GrowTable {
  kind: "growTable";
  sheet: string;
  table: string;
  /** A1 range of header + data rows after growing. */
  range: string;
  /** The first sheet row that joins the table (the last is the bottom of `range`). */
  from: number;
}

/** Define (or redefine) a workbook-scoped name. */
export interface DefineName {
  kind: "defineName";
  name: string;
  sheet: string;
  /** A1 address without `$`. */
  address: string;
}

/** A drop-down list validation on a range. */
export interface ListValidation {
  kind: "listValidation";
  sheet: string;
  range: string;
  items: string[];
}

/** A number format on a whole range (input columns of a new table). */
export interface NumberFormat {
  kind: "numberFormat";
  sheet: string;
  range: string;
  format: string;
}

/**
 * A conditional format by formula: cells of `range` get `fill` where `formula`
 * (relative to the top-left cell of `range`, English syntax) is true. A rule with
 * the same range and formula replaces the earlier one, so scoring twice adds nothing.
 */
export interface FormulaFormat {
  kind: "formulaFormat";
  sheet: string;
  range: string;
  formula: string;
  fill: Colour;
}

/** A data bar over a range of numbers; replaces an earlier data bar on the same range. */
export interface DataBar {
  kind: "dataBar";
  sheet: string;
  range: string;
  colour: Colour;
}

/** Freeze the top `rows` rows and left `columns` columns. */
export interface FreezePanes {
  kind: "freezePanes";
  sheet: string;
  rows: number;
  columns: number;
}

/** Column widths in characters, by 1-based column number. */
export interface ColumnWidths {
  kind: "columnWidths";
  sheet: string;
  widths: Array<{ column: number; width: number }>;
}

/**
 * A clustered bar chart: one bar per category, values from `values`; bars of the
 * first `highlightFirst` points in `highlight` colour (the top N), the rest in `colour`.
 * Hosts that cannot draw charts (ExcelJS) skip it; the data bar on the same values stays.
 */
export interface BarChart {
  kind: "barChart";
  sheet: string;
  title: string;
  /** A1 range of the category labels (names). */
  categories: string;
  /** A1 range of the values (scores). */
  values: string;
  /** Top-left cell of the chart. */
  anchor: string;
  colour: Colour;
  highlight: Colour;
  highlightFirst: number;
}

/** Set the note (comment) of one cell to a plain text, or remove it (null). */
export interface WriteNote {
  kind: "writeNote";
  sheet: string;
  /** The cell, A1. */
  at: string;
  text: string | null;
}

/** Set a sheet's header and footer texts (only the kinds given; `oddHeader`, `firstFooter`, …). */
export interface HeaderFooterTexts {
  kind: "headerFooterTexts";
  sheet: string;
  texts: Record<string, string>;
}

/** Set the readable texts (and formulas) of a data validation that exists on `range`. */
export interface ValidationTexts {
  kind: "validationTexts";
  sheet: string;
  /** As the snapshot keyed it. */
  range: string;
  texts: Partial<Record<"promptTitle" | "prompt" | "errorTitle" | "error", string>>;
  formulae?: string[];
}

/** Set text properties of the document (`creator`, `title`, `company`, …). */
export interface DocumentProperties {
  kind: "documentProperties";
  /** Document-wide: on no sheet. */
  sheet?: undefined;
  properties: Record<string, string>;
}

/**
 * How a sheet prints: paper, orientation, scaling to pages, and rows repeated at the top
 * of every page. A file gets it as `<pageSetup>` (`paperSize="9"` is A4), `<pageSetUpPr
 * fitToPage="1">` and the name `_xlnm.Print_Titles`; Excel gets it through
 * `Worksheet.pageLayout` (ExcelApi 1.9), and a host without that set skips it: printing
 * is a convenience, never a reason to fail.
 *
 * @example
 * // The template's Kandidaten: A4 landscape, every column on one page wide, as many pages
 * // tall as needed, the header row on every page.
 * { kind: "pageSetup", sheet: "Kandidaten", paper: "A4", orientation: "landscape",
 *   fitToWidth: 1, fitToHeight: 0, printTitleRows: { first: 1, last: 1 } }
 */
export interface PageSetup {
  kind: "pageSetup";
  sheet: string;
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Pages wide the printout is scaled to fit; 0: as many as the columns need. */
  fitToWidth: number;
  /** Pages tall the printout is scaled to fit; 0: as many as the rows need. */
  fitToHeight: number;
  /** Sheet rows (1-based, inclusive) printed at the top of every page; absent: none. */
  printTitleRows?: { first: number; last: number };
}

/** Every change a use case can ask for. */
export type WorkbookChange =
  | CreateSheet
  | ResetSheet
  | WriteValues
  | WriteFormulas
  | CreateTable
  | AddTableColumns
  | GrowTable
  | DefineName
  | ListValidation
  | NumberFormat
  | FormulaFormat
  | DataBar
  | FreezePanes
  | ColumnWidths
  | BarChart
  | WriteNote
  | HeaderFooterTexts
  | ValidationTexts
  | DocumentProperties
  | PageSetup;

/** The sheets a list of changes writes to, for a host that must load them first. */
export function changedSheets(changes: WorkbookChange[]): string[] {
  const sheets = new Set<string>();
  for (const change of changes) if (change.sheet !== undefined) sheets.add(change.sheet);
  return [...sheets];
}
