/**
 * One worksheet part read in a single pass: its cells' values as Excel shows them (the
 * cached result of a formula, a date where the cell's format is a date format), the
 * formulas' text, and what the clean-up reads beside the cells (headers and footers,
 * data validations). Only the cells the part holds are visited: no range of the sheet
 * (a dimension, a validation's `sqref`, a merge) is ever walked cell by cell, so a
 * validation on `A1:XFD1048576` costs what its element costs.
 */
import type { CellValue } from "../../engine";
import type { ValidationSnapshot } from "../../workbook/snapshot";
import { serialToDate } from "./strings";
import { parseXml, unescapeOoxml } from "./xml";
import { PackageError, type Package } from "./zip";
import { HEADER_FOOTER_KINDS } from "../headerFooter";

// ExcelJS's own translation of a shared formula to the cell that shares it: the copies
// get exactly the text ExcelJS gave them (the command compares with what it read before).

const { slideFormula } = require("exceljs/lib/utils/shared-formula") as {
  slideFormula(formula: string, from: string, to: string): string;
};

/** The last row and column of a sheet (XFD1048576). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** What one read may still spend: cells held, and row and column slots laid out. */
export interface CellBudget {
  cells: number;
  slots: number;
  /** The caps it started from, for the message. */
  cellLimit: number;
  slotLimit: number;
}

/** What a worksheet's cells refer to: the shared strings, date formats and date system. */
export interface CellContext {
  strings: string[];
  /** By cell format index: whether its number format shows a date. */
  dates: boolean[];
  date1904: boolean;
  budget: CellBudget;
}

/** What {@link readWorksheet} found in a worksheet part. */
export interface WorksheetRead {
  values: CellValue[][];
  formulas?: Array<Array<string | null>>;
  /** The relationship ids of its `tablePart`s, in order. */
  tableIds: string[];
  headerFooter: Record<string, string>;
  validations: ValidationSnapshot[];
}

/**
 * Row and column of an A1 cell reference as a cell's `r` writes it (no `$`), or null.
 *
 * @example
 * cellRef("AB12"); // { row: 12, column: 28 }
 */
export function cellRef(ref: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    // Past XFD it only matters that it is past (the cell is left out).
    column = Math.min(column * 26 + (code - 64), MAX_COLUMN + 1);
  }
  if (i === 0 || i === ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const digit = ref.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    row = Math.min(row * 10 + digit, MAX_ROW + 1);
  }
  return { row, column };
}

/** Column letters of a 1-based column. */
function letters(column: number): string {
  let text = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** Whether a cell lies on the sheet (A1:XFD1048576); no program shows one outside it. */
function onSheet(row: number, column: number): boolean {
  return row >= 1 && row <= MAX_ROW && column >= 1 && column <= MAX_COLUMN;
}

/** Charges `cells` held and `slots` laid out to the read's budget. */
function spend(budget: CellBudget, sheet: string, cells: number, slots: number): void {
  budget.cells -= cells;
  budget.slots -= slots;
  if (budget.cells < 0 || budget.slots < 0)
    throw new PackageError({
      kind: "tooManyCells",
      sheet,
      cells: budget.cells < 0 ? budget.cellLimit - budget.cells : budget.slotLimit - budget.slots,
      limit: budget.cells < 0 ? budget.cellLimit : budget.slotLimit,
    });
}

/** A cell's value from its type and the text of its `<v>` (or `<is>`). */
function cellValue(
  type: string,
  text: string,
  style: number,
  context: CellContext
): CellValue | undefined {
  switch (type) {
    case "s": {
      const index = Number(text);
      return Number.isInteger(index) ? (context.strings[index] ?? null) : null;
    }
    case "str":
    case "inlineStr":
      return unescapeOoxml(text);
    case "b":
      return text === "true" ? true : text === "false" ? false : parseInt(text, 10) !== 0;
    case "e":
      return { error: text };
    case "d":
      return isoDate(text);
    default: {
      const number = parseFloat(text);
      if (Number.isNaN(number)) return null;
      return context.dates[style] ? serialToDate(number, context.date1904) : number;
    }
  }
}

/** A `t="d"` value (ISO 8601, as Strict OOXML writes dates): the same Date a serial gives, UTC. */
function isoDate(text: string): Date | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d\d-\d\d/.test(trimmed) && !/^T?\d\d:\d\d/.test(trimmed)) return null;
  const time = /^T?\d\d:\d\d/.test(trimmed) ? `1899-12-30T${trimmed.replace(/^T/, "")}` : trimmed;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(time) || !time.includes("T") ? time : `${time}Z`;
  const date = new Date(zoned.includes("T") ? zoned : `${zoned}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The first cell of a validation's `sqref`, as ExcelJS keys the rule (`B2` of `B2:B99 D5`). */
function firstCell(sqref: string): string {
  const first = sqref.trim().split(/\s+/)[0] ?? "";
  if (!first.includes(":")) return first;
  const [a, b] = first.split(":").map((r) => cellRef(r.replace(/\$/g, "")));
  if (!a || !b) return first.split(":")[0];
  return `${letters(Math.min(a.column, b.column))}${Math.min(a.row, b.row)}`;
}

/** The header and footer elements of a worksheet, all text. */
const HEADER_FOOTER = new Set<string>(HEADER_FOOTER_KINDS);

/**
 * Reads the worksheet `part` of sheet `sheet`: values from A1 (a row per sheet row up to the
 * last with a value, each as long as its last value), formulas, merged areas emptied but
 * for their top-left cell, table relationship ids, and (with `full`) headers, footers and
 * data validations.
 *
 * Cells outside A1:XFD1048576 (a row 0, a column past XFD) are left out.
 *
 * @throws PackageError `tooManyCells` past the budget, `notXml` when the part is no XML.
 * @example
 * readWorksheet(pkg, "xl/worksheets/sheet2.xml", "Kandidaten", context, false).values[0];
 */
export function readWorksheet(
  pkg: Package,
  part: string,
  sheet: string,
  context: CellContext,
  full: boolean
): WorksheetRead {
  const text = pkg.text(part);
  if (text === undefined) throw new PackageError({ kind: "missingPart", part });
  const rows: CellValue[][] = [];
  let formulas: Array<Array<string | null>> | undefined;
  const merges = new Set<string>();
  const tableIds: string[] = [];
  const headerFooter: Record<string, string> = {};
  const validations: ValidationSnapshot[] = [];
  const masters = new Map<string, { formula: string; address: string }>();

  // Where the parser is.
  let inSheetData = false;
  let extDepth = 0;
  let rowNumber = 0;
  let rowHasNumber = false;
  let row: CellValue[] | null = null;
  let column = 0;
  // The cell being read.
  let cell: { r: string; t: string; s: number } | null = null;
  let target: "v" | "f" | "is" | null = null;
  let phonetic = 0;
  let inT = false;
  let value = "";
  let inline = "";
  let hasValue = false;
  let hasInline = false;
  let formula: { text: string; t: string; si: string; ref: string } | null = null;
  // Headers and footers, validations.
  let headerKind: string | null = null;
  let headerText = "";
  let validation: ValidationSnapshot | null = null;
  let validationFormula: string | null = null;

  const startRow = (r: string | undefined) => {
    const number = r === undefined || r.trim() === "" ? NaN : Number(r);
    rowHasNumber = Number.isInteger(number);
    rowNumber = rowHasNumber ? number : rowNumber + 1;
    row = null;
    column = 0;
  };

  const endCell = () => {
    const c = cell!;
    spend(context.budget, sheet, 1, 0);
    const ref = c.r ? cellRef(c.r) : null;
    if (ref) {
      if (!rowHasNumber && column === 0 && ref.row !== rowNumber) {
        // A row without `r` whose first cell says where it is.
        rowNumber = ref.row;
        row = null;
      }
      column = ref.column;
    } else column++;
    // A cell outside the sheet (row 0, column XFE) is left out: no program shows it.
    if (!onSheet(rowNumber, column)) return;
    let result: CellValue | undefined = undefined;
    const type = hasInline && c.t !== "s" ? "inlineStr" : c.t;
    if (hasInline || hasValue) result = cellValue(type, hasInline ? inline : value, c.s, context);
    let formulaText: string | null = null;
    if (formula && (formula.text !== "" || formula.t === "shared")) {
      if (formula.t === "shared" && formula.si !== "") {
        if (formula.text !== "") {
          if (formula.ref)
            masters.set(formula.si, {
              formula: formula.text,
              address: `${letters(column)}${rowNumber}`,
            });
          formulaText = formula.text;
        } else {
          const master = masters.get(formula.si);
          if (master)
            formulaText = slideFormula(
              master.formula,
              master.address,
              `${letters(column)}${rowNumber}`
            );
        }
      } else if (formula.text !== "") formulaText = formula.text;
    }
    if ((result === undefined || result === null) && formulaText === null) return;
    if (!row) {
      row = rows[rowNumber - 1] ??= [];
    }
    row[column - 1] = result ?? null;
    if (formulaText !== null) {
      formulas ??= [];
      (formulas[rowNumber - 1] ??= [])[column - 1] = `=${formulaText}`;
    }
  };

  parseXml(text, part, {
    open({ name, attrs }) {
      if (extDepth > 0 || name === "extLst") {
        extDepth++;
        return;
      }
      if (inSheetData) {
        switch (name) {
          case "row":
            startRow(attrs.r);
            return;
          case "c":
            cell = { r: attrs.r ?? "", t: attrs.t ?? "n", s: Number(attrs.s ?? 0) || 0 };
            value = inline = "";
            hasValue = hasInline = false;
            formula = null;
            return;
          case "v":
            target = "v";
            return;
          case "f":
            target = "f";
            formula = { text: "", t: attrs.t ?? "", si: attrs.si ?? "", ref: attrs.ref ?? "" };
            return;
          case "is":
            target = "is";
            return;
          case "rPh":
            phonetic++;
            return;
          case "t":
            inT = target === "is" && phonetic === 0;
            return;
        }
        return;
      }
      if (name === "sheetData") inSheetData = true;
      else if (name === "mergeCell" && attrs.ref) merges.add(attrs.ref);
      else if (name === "tablePart" && attrs.id) tableIds.push(attrs.id);
      else if (!full) return;
      else if (HEADER_FOOTER.has(name)) {
        headerKind = name;
        headerText = "";
      } else if (name === "dataValidation") {
        validation = { range: firstCell(attrs.sqref ?? "") };
        for (const field of ["promptTitle", "prompt", "errorTitle", "error"] as const)
          if (attrs[field] !== undefined) validation[field] = attrs[field];
      } else if ((name === "formula1" || name === "formula2") && validation) validationFormula = "";
    },
    text(t) {
      if (target === "v") {
        value += t;
        hasValue = true;
      } else if (target === "is") {
        if (inT) {
          inline += t;
          hasInline = true;
        }
      } else if (target === "f") formula!.text += t;
      else if (headerKind !== null) headerText += t;
      else if (validationFormula !== null) validationFormula += t;
    },
    close(name) {
      if (extDepth > 0) {
        extDepth--;
        return;
      }
      if (inSheetData) {
        switch (name) {
          case "sheetData":
            inSheetData = false;
            return;
          case "c":
            if (cell) endCell();
            cell = null;
            return;
          case "v":
          case "f":
          case "is":
            target = null;
            return;
          case "rPh":
            phonetic--;
            return;
          case "t":
            inT = false;
            return;
        }
        return;
      }
      if (name === headerKind) {
        if (headerText !== "") headerFooter[name] = headerText;
        headerKind = null;
      } else if ((name === "formula1" || name === "formula2") && validation) {
        (validation.formulae ??= []).push(validationFormula ?? "");
        validationFormula = null;
      } else if (name === "dataValidation" && validation) {
        validations.push(validation);
        validation = null;
      }
    },
  });

  // Gaps between rows are empty rows; every row as long as its last cell, holes empty.
  const values: CellValue[][] = [];
  spend(context.budget, sheet, 0, rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells) {
      values.push([]);
      continue;
    }
    spend(context.budget, sheet, 0, cells.length);
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    values.push(cells);
  }
  emptyMerged(values, formulas, merges, context.budget, sheet);
  const read: WorksheetRead = { values, tableIds, headerFooter, validations };
  if (formulas) read.formulas = formulas;
  return read;
}

/**
 * Empties every merged area but its top-left cell, as Excel shows it. Only the rows and
 * columns that hold cells are visited: a merge of `A100:Z1048576` over ten rows costs ten.
 */
function emptyMerged(
  values: CellValue[][],
  formulas: Array<Array<string | null>> | undefined,
  merges: Set<string>,
  budget: CellBudget,
  sheet: string
): void {
  for (const ref of merges) {
    const [a, b] = ref.split(":").map((r) => cellRef(r.replace(/\$/g, "")));
    if (!a || !b) continue;
    const top = Math.min(a.row, b.row);
    const left = Math.min(a.column, b.column);
    const bottom = Math.min(Math.max(a.row, b.row), values.length);
    const right = Math.max(a.column, b.column);
    for (let r = top; r <= bottom; r++) {
      const cells = values[r - 1];
      const last = Math.min(right, cells.length);
      if (last < left) continue;
      spend(budget, sheet, 0, last - left + 1);
      for (let c = left; c <= last; c++) {
        if (r === top && c === left) continue;
        cells[c - 1] = null;
        const formulaRow = formulas?.[r - 1];
        if (formulaRow && formulaRow[c - 1] !== undefined) delete formulaRow[c - 1];
      }
    }
  }
}
