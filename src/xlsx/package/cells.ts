/**
 * Writing cells into a worksheet's `sheetData` in place. The sheet data is cut into rows
 * once per sheet; only the rows written to are cut into cells, and only the cells written
 * are made anew: every other row and cell keeps its bytes. Strings are written inline
 * (`t="inlineStr"`), so the shared strings part stays as it was.
 */
import { isCellError, type CellValue } from "../../engine";
import {
  cellAddress,
  columnLetters,
  columnNumber,
  parseCell,
  parseRange,
  rangeAddress,
} from "../../workbook/address";
import type { PackageEditor, SheetEdit } from "./editor";
import { withAttribute } from "./markup";
import { DATE_FORMAT_ID, stylesOf, type Look } from "./styles";
import { escapeXml } from "./xml";

/** One cell of a row that is being written to. */
interface Cell {
  /** Its XML as written (or as read and numbered); undefined for a cell as read, found at start…end of its row's inner text. */
  xml?: string;
  start?: number;
  end?: number;
  /** Its style index (`s`), 0 when none. */
  s: number;
}

/** One row of the sheet data. */
interface Row {
  r: number;
  /** Its XML as read (null for a new row). */
  xml: string | null;
  /** Whether it had no `r` attribute (it gets one when the sheet data is written). */
  unnumbered: boolean;
  /** Its start tag, once the row is written to. */
  open?: string;
  /** Its cells by column, once the row is written to. */
  cells?: Map<number, Cell>;
  /** What follows the cells in the row (an `extLst`), kept. */
  tail?: string;
  /** The text between its start tag and its end tag, once cut. */
  inner?: string;
  /**
   * While only cells right of all its cells were written: the column of its last cell as
   * read and where that cell ends in {@link inner} (its cells as read are not cut then).
   */
  lastColumn?: number;
  cellsEnd?: number;
}

/** Everything a package's cell writing keeps: whether a formula changed (the calculation chain goes then). */
export interface CellsContext {
  editor: PackageEditor;
  formulasChanged: boolean;
}

/**
 * The column and end of the last cell in a row's inner text, when it can be told without
 * cutting the row (the last cell has an `r`, nothing after it is a cell); null otherwise.
 */
function lastCell(inner: string, prefix: string): { column: number; end: number } | null {
  if (!inner.includes("<")) return { column: 0, end: 0 };
  const at = inner.lastIndexOf(`<${prefix}c `);
  if (at < 0) return null;
  const tagEnd = inner.indexOf(">", at);
  const ref = /\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d+["']/.exec(inner.slice(at, tagEnd + 1));
  if (!ref) return null;
  const closeTag = `</${prefix}c>`;
  const end =
    inner[tagEnd - 1] === "/" ? tagEnd + 1 : inner.indexOf(closeTag, tagEnd) + closeTag.length;
  if (end < tagEnd) return null;
  if (/<([\w.-]+:)?c[\s/>]/.test(inner.slice(end))) return null;
  return { column: columnNumber(ref[1]), end };
}

/** Column letters by column number, made once each. */
const LETTERS: string[] = [];

/** The A1 address of a cell, its column letters remembered. */
function addressOf(r: number, column: number): string {
  return `${(LETTERS[column] ??= columnLetters(column))}${r}`;
}

const ROW_START = /<((?:[\w.-]+:)?row)(?=[\s/>])/g;
const CELL_START = /<((?:[\w.-]+:)?c)(?=[\s/>])/g;

/** The cells of one worksheet being written. */
export class SheetCells {
  private readonly rows = new Map<number, Row>();
  private readonly prefix: string;
  private readonly date1904: boolean;
  private maxRow = 0;
  private maxColumn = 0;
  private readonly before: string;
  private readonly after: string;
  private readonly heights = new Map<number, number>();
  private readonly lookCache = new Map<Look, Map<number, number>>();

  constructor(
    private readonly context: CellsContext,
    private readonly edit: SheetEdit
  ) {
    this.prefix = edit.prefix;
    this.date1904 = context.editor.workbook.date1904;
    const data = edit.children("sheetData")[0] ?? `<${this.prefix}sheetData/>`;
    const openEnd = data.indexOf(">") + 1;
    if (data[openEnd - 2] === "/") {
      this.before = `${data.slice(0, openEnd - 2).replace(/\s+$/, "")}>`;
      this.after = data.slice(0, openEnd - 2).replace(/^<([^\s>/]+)[\s\S]*$/, "</$1>");
      return;
    }
    const close = data.lastIndexOf("</");
    this.before = data.slice(0, openEnd);
    this.after = data.slice(close);
    let previous = 0;
    ROW_START.lastIndex = openEnd;
    for (let m = ROW_START.exec(data); m && m.index < close; m = ROW_START.exec(data)) {
      const tagEnd = data.indexOf(">", m.index);
      const selfClosing = data[tagEnd - 1] === "/";
      const end = selfClosing ? tagEnd + 1 : data.indexOf(`</${m[1]}>`, tagEnd) + m[1].length + 3;
      const open = data.slice(m.index, tagEnd + 1);
      const r = /\sr\s*=\s*["'](\d+)["']/.exec(open);
      const number = r ? Number(r[1]) : previous + 1;
      this.rows.set(number, { r: number, xml: data.slice(m.index, end), unnumbered: !r });
      previous = number;
      ROW_START.lastIndex = end;
    }
  }

  /**
   * The row `r` (made when missing), ready for a write to `column`: cut into its cells, or,
   * when `column` is right of all its cells, only opened (most writes add columns at the right).
   */
  private row(r: number, column = 0): Row {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = { r, xml: null, unnumbered: false }));
    if (row.cells) {
      if (row.lastColumn !== undefined && column <= row.lastColumn) this.cut(row);
      return row;
    }
    row.cells = new Map();
    if (row.xml === null) {
      row.open = `<${this.prefix}row r="${r}">`;
      row.tail = "";
      return row;
    }
    const xml = row.xml;
    const tagEnd = xml.indexOf(">");
    let open = xml.slice(0, tagEnd + 1);
    if (open.endsWith("/>")) open = `${open.slice(0, -2).replace(/\s+$/, "")}>`;
    // The spans are a hint of which columns hold cells; a written row leaves it out rather than lie.
    open = open.replace(/\sspans\s*=\s*(?:"[^"]*"|'[^']*')/, "");
    if (row.unnumbered) open = withAttribute(open, "r", String(r));
    row.open = open;
    const close = xml.endsWith("/>") ? xml.length : xml.lastIndexOf("</");
    const inner = xml.slice(tagEnd + 1, close);
    row.inner = inner;
    const last = lastCell(inner, /^<([\w.-]+:)?/.exec(xml)?.[1] ?? "");
    if (last && column > last.column) {
      row.lastColumn = last.column;
      row.cellsEnd = last.end;
      row.tail = inner.slice(last.end).trim() === "" ? "" : inner.slice(last.end);
      return row;
    }
    this.cut(row);
    return row;
  }

  /** Cuts an opened row's cells as read into its cells (those written stay). */
  private cut(row: Row): void {
    const inner = row.inner!;
    const lazy = row.lastColumn !== undefined;
    const limit = lazy ? row.cellsEnd! : inner.length;
    const cells = row.cells!;
    let column = 0;
    let lastEnd = 0;
    CELL_START.lastIndex = 0;
    for (let m = CELL_START.exec(inner); m && m.index < limit; m = CELL_START.exec(inner)) {
      const cellTagEnd = inner.indexOf(">", m.index);
      const end =
        inner[cellTagEnd - 1] === "/"
          ? cellTagEnd + 1
          : inner.indexOf(`</${m[1]}>`, cellTagEnd) + m[1].length + 3;
      const cellOpen = inner.slice(m.index, cellTagEnd + 1);
      const ref = /\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d+["']/.exec(cellOpen);
      column = ref ? columnNumber(ref[1]) : column + 1;
      const s = /\ss\s*=\s*["'](\d+)["']/.exec(cellOpen);
      const cell: Cell = { start: m.index, end, s: s ? Number(s[1]) : 0 };
      if (!ref)
        cell.xml =
          withAttribute(cellOpen, "r", cellAddress(row.r, column)) +
          inner.slice(cellTagEnd + 1, end);
      if (!cells.has(column)) cells.set(column, cell);
      lastEnd = end;
      CELL_START.lastIndex = end;
    }
    if (!lazy) row.tail = inner.slice(lastEnd).trim() === "" ? "" : inner.slice(lastEnd);
    row.lastColumn = undefined;
    row.cellsEnd = undefined;
  }

  /** Whether a cell exists (in a row cut or not yet cut). */
  private hasCell(r: number, column: number): boolean {
    const row = this.rows.get(r);
    if (!row) return false;
    return this.row(r, column).cells!.has(column);
  }

  private cellOf(r: number, column: number): { row: Row; cell: Cell | undefined } {
    const row = this.row(r, column);
    return { row, cell: row.cells!.get(column) };
  }

  private place(row: Row, column: number, cell: Cell): void {
    row.cells!.set(column, cell);
    if (row.r > this.maxRow) this.maxRow = row.r;
    if (column > this.maxColumn) this.maxColumn = column;
  }

  /** The style of a written cell: its own, or its own with `look` on top, or a date format for a date without one. */
  private styleFor(s: number, look: Look | null, value: CellValue): number {
    const styles = () => stylesOf(this.context.editor);
    let result = s;
    if (look) {
      // One look object serves a whole column of a block: its formats by base style, found once.
      let byBase = this.lookCache.get(look);
      if (!byBase) this.lookCache.set(look, (byBase = new Map()));
      let derived = byBase.get(s);
      if (derived === undefined) byBase.set(s, (derived = styles().derive(s, look)));
      result = derived;
    }
    if (value instanceof Date && !look?.numFmt && styles().isGeneral(result))
      result = styles().derive(result, {}, DATE_FORMAT_ID);
    return result;
  }

  /** Writes one value (null or undefined: an empty cell, nothing where no cell is and no look is asked). */
  writeValue(r: number, column: number, value: CellValue, look: Look | null): void {
    if ((value === null || value === undefined) && !look && !this.hasCell(r, column)) return;
    const { row, cell } = this.cellOf(r, column);
    if (cell && /<(?:[\w.-]+:)?f[\s/>]/.test(this.xmlOf(row, cell)))
      this.context.formulasChanged = true;
    const s = this.styleFor(cell?.s ?? 0, look, value);
    this.place(row, column, { xml: this.valueXml(addressOf(r, column), s, value), s });
  }

  /** Writes one formula (without or with its `=`) with its cached result. */
  writeFormula(r: number, column: number, formula: string, result: CellValue): void {
    const { row, cell } = this.cellOf(r, column);
    this.context.formulasChanged = true;
    const s = this.styleFor(cell?.s ?? 0, null, result);
    const p = this.prefix;
    const f = `<${p}f>${escapeXml(formula.replace(/^=/, ""))}</${p}f>`;
    const { type, v } = this.cached(result);
    const address = addressOf(r, column);
    const attrs = `${p}c r="${address}"${s ? ` s="${s}"` : ""}${type ? ` t="${type}"` : ""}`;
    const xml = `<${attrs}>${f}${v === null ? "" : `<${p}v>${v}</${p}v>`}</${p}c>`;
    this.place(row, column, { xml, s });
  }

  /** Gives a cell the look `look` on top of its own, making an empty cell where none is. */
  format(r: number, column: number, look: Look): void {
    const { row, cell } = this.cellOf(r, column);
    const s = stylesOf(this.context.editor).derive(cell?.s ?? 0, look);
    const address = cellAddress(r, column);
    const xml = cell
      ? this.xmlOf(row, cell).replace(/^<[^>]*?(\/?)>/, (open: string) =>
          withAttribute(open, "s", String(s))
        )
      : `<${this.prefix}c r="${address}" s="${s}"/>`;
    this.place(row, column, { xml, s });
  }

  /** A cell's XML, as written or as read. */
  private xmlOf(row: Row, cell: Cell): string {
    return cell.xml ?? row.inner!.slice(cell.start, cell.end);
  }

  /** Sets a row's height in points (a wrapped row's fitted height). */
  setHeight(r: number, points: number): void {
    this.row(r, Infinity);
    this.heights.set(r, points);
  }

  /** A value's cell type and `<v>` text, as a formula's cached result. */
  private cached(value: CellValue): { type: string | null; v: string | null } {
    if (value === null || value === undefined) return { type: null, v: null };
    if (isCellError(value)) return { type: "e", v: escapeXml(value.error) };
    if (typeof value === "string") return { type: "str", v: escapeXml(value) };
    if (typeof value === "boolean") return { type: "b", v: value ? "1" : "0" };
    if (value instanceof Date) return { type: null, v: this.serial(value) };
    if (typeof value === "number")
      return Number.isFinite(value) ? { type: null, v: String(value) } : { type: "e", v: "#NUM!" };
    return { type: null, v: null };
  }

  /** A date as a serial number of the workbook's date system (as ExcelJS counts). */
  private serial(date: Date): string {
    return String(25569 + date.getTime() / 86_400_000 - (this.date1904 ? 1462 : 0));
  }

  /** The XML of a cell holding `value`. */
  private valueXml(address: string, s: number, value: CellValue): string {
    const p = this.prefix;
    const style = s ? ` s="${s}"` : "";
    if (value === null || value === undefined) return `<${p}c r="${address}"${style}/>`;
    if (typeof value === "string") {
      const space = /^\s|\s$/.test(value) ? ` xml:space="preserve"` : "";
      return `<${p}c r="${address}"${style} t="inlineStr"><${p}is><${p}t${space}>${escapeXml(value)}</${p}t></${p}is></${p}c>`;
    }
    const { type, v } = this.cached(value);
    return `<${p}c r="${address}"${style}${type ? ` t="${type}"` : ""}><${p}v>${v}</${p}v></${p}c>`;
  }

  /** Writes the sheet data and the dimension back into the sheet's edit. */
  finish(): void {
    const numbers = [...this.rows.keys()].sort((a, b) => a - b);
    const pieces: string[] = [this.before];
    for (const r of numbers) {
      const row = this.rows.get(r)!;
      if (!row.cells) {
        const xml = row.xml!;
        pieces.push(
          row.unnumbered
            ? xml.replace(/^<[^>]*?(\/?)>/, (o: string) => withAttribute(o, "r", String(r)))
            : xml
        );
        continue;
      }
      const height = this.heights.get(r);
      if (row.xml === null && row.cells.size === 0 && height === undefined) continue;
      let open = row.open!;
      if (height !== undefined) {
        open = withAttribute(withAttribute(open, "ht", String(height)), "customHeight", "1");
      }
      pieces.push(open);
      if (row.lastColumn !== undefined) pieces.push(row.inner!.slice(0, row.cellsEnd));
      const columns = [...row.cells.keys()].sort((a, b) => a - b);
      // Cells as read go out as runs of their row's text; written ones one by one.
      let runStart = -1;
      let runEnd = -1;
      for (const c of columns) {
        const cell = row.cells.get(c)!;
        if (cell.xml === undefined && (runStart < 0 || cell.start! >= runEnd)) {
          if (runStart < 0) runStart = cell.start!;
          runEnd = cell.end!;
          continue;
        }
        if (runStart >= 0) pieces.push(row.inner!.slice(runStart, runEnd));
        runStart = -1;
        pieces.push(this.xmlOf(row, cell));
      }
      if (runStart >= 0) pieces.push(row.inner!.slice(runStart, runEnd));
      pieces.push(row.tail ?? "", `</${open.slice(1).split(/[\s>]/)[0]}>`);
    }
    pieces.push(this.after);
    this.edit.setChildren("sheetData", pieces.join(""));
    if (this.maxRow > 0) this.growDimension();
  }

  /** Grows `<dimension ref>` to hold the written cells. */
  private growDimension(): void {
    const current = this.edit.children("dimension")[0];
    let top = 1;
    let left = 1;
    let bottom = this.maxRow;
    let right = this.maxColumn;
    const ref = current ? /\sref\s*=\s*["']([^"']*)["']/.exec(current)?.[1] : undefined;
    if (ref && /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(ref)) {
      const old = parseRange(ref.replace(/\$/g, ""));
      // A1 alone is how writers say "empty": it does not hold the top-left corner.
      const empty = ref === "A1" && bottom > 0;
      if (!empty) {
        top = Math.min(old.top, this.minRow());
        left = Math.min(old.left, this.minColumn());
        bottom = Math.max(old.bottom, bottom);
        right = Math.max(old.right, right);
        if (bottom === old.bottom && right === old.right && top === old.top && left === old.left)
          return;
      } else {
        top = this.minRow();
        left = this.minColumn();
      }
    } else {
      top = this.minRow();
      left = this.minColumn();
    }
    const dimension = rangeAddress(top, left, bottom, right);
    const xml = current
      ? current.replace(/^<[^>]*?(\/?)>/, (o: string) => withAttribute(o, "ref", dimension))
      : `<${this.prefix}dimension ref="${dimension}"/>`;
    this.edit.setChildren("dimension", xml);
  }

  private minRow(): number {
    let min = Infinity;
    for (const [r, row] of this.rows) if (row.cells && row.cells.size > 0 && r < min) min = r;
    return Number.isFinite(min) ? min : 1;
  }

  private minColumn(): number {
    let min = Infinity;
    for (const row of this.rows.values())
      if (row.cells) for (const c of row.cells.keys()) if (c < min) min = c;
    return Number.isFinite(min) ? min : 1;
  }
}

/**
 * The cell writer of a sheet being edited (made on first use, finished when the sheet is
 * written).
 *
 * @example
 * cellsOf(context, editor.sheetEdit("Ranking", part)).writeValue(1, 1, "Naam", { bold: true });
 */
export function cellsOf(context: CellsContext, edit: SheetEdit): SheetCells {
  let cells = edit.state.get("cells") as SheetCells | undefined;
  if (!cells) {
    const made = new SheetCells(context, edit);
    edit.state.set("cells", made);
    edit.finishers.push(() => made.finish());
    cells = made;
  }
  return cells;
}

/** The look a block of written values asks for in column `c`, or null for none (as ../apply.ts). */
export function blockLook(
  change: { numberFormats?: Array<string | null>; bold?: boolean; wrap?: boolean },
  c: number
): Look | null {
  const look: Look = {};
  const format = change.numberFormats?.[c];
  if (format) look.numFmt = format;
  if (change.bold) look.bold = true;
  if (change.wrap) look.wrap = true;
  return look.numFmt !== undefined || look.bold || look.wrap ? look : null;
}

/** Writes a block of values with its top-left cell at `at`. */
export function writeValues(
  cells: SheetCells,
  at: string,
  values: CellValue[][],
  looks: (c: number) => Look | null
): void {
  const { row: top, column: left } = parseCell(at);
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  const blockLooks = Array.from({ length: width }, (_, c) => looks(c));
  values.forEach((row, r) =>
    row.forEach((value, c) => cells.writeValue(top + r, left + c, value, blockLooks[c]))
  );
}

/** Writes a block of formulas (with their cached results) with its top-left cell at `at`. */
export function writeFormulas(
  cells: SheetCells,
  at: string,
  formulas: string[][],
  results: CellValue[][] | undefined
): void {
  const { row: top, column: left } = parseCell(at);
  formulas.forEach((row, r) =>
    row.forEach((formula, c) =>
      cells.writeFormula(top + r, left + c, formula, results?.[r]?.[c] ?? null)
    )
  );
}

/** Gives every cell of `range` the number format `format` (cells are made where none are). */
export function numberFormat(cells: SheetCells, range: string, format: string): void {
  const { top, left, bottom, right } = parseRange(range);
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) cells.format(r, c, { numFmt: format });
}
