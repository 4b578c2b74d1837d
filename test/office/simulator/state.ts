/**
 * The workbook the Excel simulator holds (its store): plain data that tests
 * build and inspect, and that the simulator's answers to Microsoft's client are
 * made from. No Node APIs, so a browser page can load it too.
 */

/** A value as Excel's `Range.values` gives it (dates are serial numbers, empty is ""). */
export type FakeValue = string | number | boolean;

/** One cell. */
export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  wrap?: boolean;
}

/** A table; the header row is `top`. */
export interface FakeTable {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  columns: string[];
  /** Calculated columns: the formula Excel fills into every data row of a column, by column index. */
  calculated?: Record<number, string>;
}

/**
 * A conditional format (custom formula rule or data bar). A sheet's `formats`
 * are in priority order, highest first: Excel's `ConditionalFormat.id` is the
 * index in its collection, so it is not stored here.
 */
export interface FakeFormat {
  /** The store's own identity of the rule (tests compare by it); Excel never shows it. */
  id: string;
  type: "Custom" | "DataBar";
  range: string;
  formula?: string;
  fill?: string;
  barColour?: string;
}

/** A chart with one series. */
export interface FakeChart {
  /** Excel's name of the chart (`Grafiek 1` in a Dutch Excel). */
  name?: string;
  type: string;
  source: string;
  title?: string;
  legend?: boolean;
  position?: string;
  reversed?: boolean;
  values?: string;
  categories?: string;
  colour?: string;
  pointColours: Record<number, string>;
}

/** One worksheet. */
export interface FakeSheet {
  name: string;
  /** Cells by `row,column` (1-based). */
  cells: Map<string, FakeCell>;
  formats: FakeFormat[];
  validations: Array<{ range: string; items: string[] }>;
  charts: FakeChart[];
  freeze?: { rows: number; columns: number };
  widths: Record<number, number>;
  /** Header and footer texts by `Group.Text` wire names (`DefaultForAllPages.CenterHeader`). */
  headersFooters?: Record<string, string>;
  /** How the sheet prints, as set through Worksheet.pageLayout (wire names and values). */
  pageLayout?: {
    PaperSize?: string;
    Orientation?: string;
    Zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    /** The rows set with setPrintTitleRows, as `$1:$1`. */
    PrintTitleRows?: string;
  };
  /** The ranges whose rows were fitted to their text (`format.autofitRows()`), in order, with the column widths then. */
  autofitRows: Array<{ range: string; widths: Record<number, number> }>;
}

/** A defined name: `formula` is `=Sheet!$B$5` as Excel gives it. */
export interface FakeName {
  name: string;
  formula: string;
}

/** The whole workbook. */
export interface FakeWorkbookState {
  sheets: FakeSheet[];
  tables: FakeTable[];
  names: FakeName[];
  selection?: { sheet: string; address: string };
  nextId: number;
  /** Document properties (ExcelApi 1.7) by wire name (`Author`, `Title`, `Company`, …). */
  properties?: Record<string, string>;
  /** Custom document properties, in order. */
  customProperties?: Array<{ key: string; value: string | number | boolean }>;
}

/** An empty workbook (Excel always has one sheet; `Blad1` is the Dutch default). */
export function emptyState(firstSheet = "Blad1"): FakeWorkbookState {
  return { sheets: [newSheet(firstSheet)], tables: [], names: [], nextId: 1 };
}

/** A new, empty sheet. */
export function newSheet(name: string): FakeSheet {
  return {
    name,
    cells: new Map(),
    formats: [],
    validations: [],
    charts: [],
    widths: {},
    autofitRows: [],
  };
}

/** The sheet of that name (case-insensitive), if any. */
export function sheetOf(state: FakeWorkbookState, name: string): FakeSheet | undefined {
  const key = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === key);
}

/** Column letters → number. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Number → column letters. */
export function columnLetters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Corners of an A1 range (`A1`, `A1:C3`, `B:B`, `$A$1`). */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses an A1 address, optionally sheet-qualified (the sheet part is dropped). */
export function parseBox(address: string): Box {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = bare.replace(/\$/g, "").split(":");
  const part = (s: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(s);
    if (!m || (!m[1] && !m[2])) throw new Error(`InvalidArgument: address '${address}'`);
    return { column: m[1] ? columnNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const p = part(a);
  const q = part(b);
  return {
    top: p.row || 1,
    left: p.column || 1,
    bottom: q.row || 1_048_576,
    right: q.column || 16_384,
  };
}

/** A box as an A1 address. */
export function boxAddress(box: Box): string {
  const a = `${columnLetters(box.left)}${box.top}`;
  const b = `${columnLetters(box.right)}${box.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/**
 * The row and column of a key of `FakeSheet.cells` ("row,column"), without making arrays
 * (the simulator walks every cell of large sheets).
 *
 * @example
 * cellKeyRow("12,3"); // 12
 */
export function cellKeyRow(key: string): number {
  return Number(key.slice(0, key.indexOf(",")));
}

/** The column of a key of `FakeSheet.cells` (see {@link cellKeyRow}). */
export function cellKeyColumn(key: string): number {
  return Number(key.slice(key.indexOf(",") + 1));
}

/** The value of a cell, "" when empty. */
export function cellValueAt(sheet: FakeSheet, row: number, column: number): FakeValue {
  return sheet.cells.get(`${row},${column}`)?.value ?? "";
}

/** The sheet's values from A1 to the last filled cell (for inspection in tests). */
export function sheetValues(sheet: FakeSheet): FakeValue[][] {
  let rows = 0;
  let columns = 0;
  for (const [key, cell] of sheet.cells) {
    if (cell.value === "" && !cell.formula) continue;
    const [r, c] = key.split(",").map(Number);
    rows = Math.max(rows, r);
    columns = Math.max(columns, c);
  }
  const out: FakeValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: FakeValue[] = [];
    for (let c = 1; c <= columns; c++) row.push(cellValueAt(sheet, r, c));
    out.push(row);
  }
  return out;
}
