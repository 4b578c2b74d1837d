/**
 * Applying {@link WorkbookChange}s to an ExcelJS workbook: the command's templates and
 * example workbook. ExcelJS cannot draw charts: a `barChart` is skipped and reported (the
 * data bar on the same scores stays); the score output, which has one, is written by
 * ./package/apply.ts, which draws it.
 */
import type ExcelJS from "exceljs";
import { isCellError, type CellValue } from "../engine";
import { assertNever } from "../engine/assertNever";
import {
  cellAddress,
  parseCell,
  parseRange,
  rangeAddress,
  sheetAddress,
} from "../workbook/address";
import { ROW_HEIGHT_MAX } from "../workbook/cellLimits";
import { listSource } from "../workbook/listSource";
import type { WorkbookChange, WriteValues } from "../workbook/changes";
import { toCellValue } from "./read";

/** What applying did not do, because ExcelJS cannot. */
export interface ApplyReport {
  skipped: WorkbookChange[];
}

/** `#RRGGBB` as ExcelJS's `FFRRGGBB`. */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

function toExcel(value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (isCellError(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet =
    workbook.getWorksheet(name) ??
    workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw new Error(`Sheet '${name}' does not exist; create it first.`);
  return sheet;
}

type Style = Partial<ExcelJS.Style>;

/** ExcelJS's value type of a date (`ExcelJS.ValueType.Date`; the enum is not loaded here). */
const ExcelJSDate = 4;

/** An empty value: writing it into a cell that does not exist changes nothing. */
function isBlank(value: CellValue): boolean {
  return value === null || value === undefined;
}

/** Whether a style object sets nothing (ExcelJS gives every new cell and row its own empty one). */
function isPlain(style: Style | undefined): boolean {
  if (!style) return true;
  for (const key in style) if ((style as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/**
 * Shared style objects. ExcelJS dedupes a cell's style on writing by serialising it, once per
 * style object (it remembers objects it has seen): ten thousand cells that share one object cost
 * one serialisation instead of ten thousand. Shared objects are never changed in place; a change
 * of look takes another object from here.
 */
class Looks {
  private readonly derived = new Map<unknown, Map<string, Style>>();

  /**
   * `base` with `change` on top, the same object for the same base and change. A style
   * without a number format also depends on whether the cell holds a date: ExcelJS gives
   * a date without a format a date format, every other type the general one.
   */
  with(base: Style | undefined, change: Style, key: string, isDate: () => boolean): Style {
    const from = isPlain(base) ? null : base;
    let byChange = this.derived.get(from);
    if (!byChange) this.derived.set(from, (byChange = new Map()));
    const full = change.numFmt || from?.numFmt ? key : `${key}|${isDate() ? "date" : ""}`;
    let shared = byChange.get(full);
    if (!shared) byChange.set(full, (shared = { ...from, ...change }));
    return shared;
  }
}

/** The look a block of written values asks for in column `c`, and a key naming it; null for none. */
function blockLook(change: WriteValues, c: number): { look: Style; key: string } | null {
  const look: Style = {};
  const format = change.numberFormats?.[c];
  if (format) look.numFmt = format;
  if (change.bold) look.font = { bold: true } as ExcelJS.Font;
  if (change.wrap) look.alignment = { wrapText: true, vertical: "top" };
  if (isPlain(look)) return null;
  return { look, key: `${format ?? ""}|${change.bold ? 1 : 0}|${change.wrap ? 1 : 0}` };
}

/**
 * Gives every cell and row whose style is empty one shared empty style (one for dates, one
 * for the rest: ExcelJS formats a date without a format as a date), so
 * that writing serialises it once, not once per cell. Call it just before writing.
 *
 * @example
 * shareEmptyStyles(workbook);
 * await workbook.xlsx.writeFile("uit.xlsx");
 */
export function shareEmptyStyles(workbook: ExcelJS.Workbook): void {
  const empty = new Map<number, Style>();
  const emptyRow: Style = {};
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: true }, (row) => {
      // ExcelJS rows carry a style too (its typings leave it out).
      const own = row as unknown as { style: Style };
      if (isPlain(own.style)) own.style = emptyRow;
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (!isPlain(cell.style)) return;
        const type = cell.effectiveType === ExcelJSDate ? ExcelJSDate : 0;
        let shared = empty.get(type);
        if (!shared) empty.set(type, (shared = {}));
        cell.style = shared;
      });
    });
  }
}

/** Every cell of a range, row by row. */
function eachCell(
  sheet: ExcelJS.Worksheet,
  range: string,
  visit: (cell: ExcelJS.Cell) => void
): void {
  const { top, left, bottom, right } = parseRange(range);
  for (let r = top; r <= bottom; r++) {
    const row = sheet.getRow(r);
    for (let c = left; c <= right; c++) visit(row.getCell(c));
  }
}

/** ExcelJS's table model, as far as adding columns needs it. */
interface TableModel {
  name: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  columns: Array<{ name: string; filterButton?: boolean; totalsRowFunction?: string }>;
}

/** The model of the table of that name (case-insensitive) on a sheet. */
function tableModel(sheet: ExcelJS.Worksheet, name: string): TableModel {
  const table = sheet
    .getTables()
    .find(
      (t) =>
        ((t as unknown as { table: TableModel }).table.name ?? "").toLowerCase() ===
        name.toLowerCase()
    ) as unknown as { table: TableModel } | undefined;
  if (!table) throw new Error(`Table '${name}' does not exist on '${sheet.name}'.`);
  return table.table;
}

type ConditionalRule = { type: string; formulae?: string[] };

/** Worksheet members that ExcelJS has but its typings leave out. */
interface WorksheetInternals {
  conditionalFormattings: Array<{ ref: string; rules: ConditionalRule[] }>;
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function internals(sheet: ExcelJS.Worksheet): WorksheetInternals {
  return sheet as unknown as WorksheetInternals;
}

/** Removes conditional formats on `range` whose rules all match `same`, so re-applying replaces them. */
function dropRules(
  sheet: ExcelJS.Worksheet,
  range: string,
  same: (rule: ConditionalRule) => boolean
): void {
  const own = internals(sheet);
  own.conditionalFormattings = own.conditionalFormattings.filter(
    (cf) => !(cf.ref === range && cf.rules.every(same))
  );
}

function applyOne(
  workbook: ExcelJS.Workbook,
  change: WorkbookChange,
  report: ApplyReport,
  looks: Looks
): void {
  switch (change.kind) {
    case "createSheet":
      if (!workbook.worksheets.some((w) => w.name.toLowerCase() === change.sheet.toLowerCase())) {
        workbook.addWorksheet(change.sheet);
      }
      return;
    case "resetSheet": {
      const existing = workbook.worksheets.find(
        (w) => w.name.toLowerCase() === change.sheet.toLowerCase()
      );
      if (existing) workbook.removeWorksheet(existing.id);
      workbook.addWorksheet(change.sheet);
      return;
    }
    case "writeValues": {
      const sheet = sheetOf(workbook, change.sheet);
      const { row: top, column: left } = parseCell(change.at);
      const width = change.values.reduce((w, values) => Math.max(w, values.length), 0);
      const blockLooks = Array.from({ length: width }, (_, c) => blockLook(change, c));
      for (let r = 0; r < change.values.length; r++) {
        const values = change.values[r];
        const row = sheet.getRow(top + r);
        for (let c = 0; c < values.length; c++) {
          const value = values[c];
          const wanted = blockLooks[c];
          // Nothing to empty and nothing to format: no cell to make.
          if (isBlank(value) && !wanted && !row.findCell(left + c)) continue;
          const cell = row.getCell(left + c);
          cell.value = toExcel(value);
          if (wanted)
            cell.style = looks.with(
              cell.style,
              wanted.look,
              wanted.key,
              () => value instanceof Date
            );
        }
      }
      return;
    }
    case "createTable": {
      const sheet = sheetOf(workbook, change.sheet);
      const { top, left, bottom } = parseRange(change.range);
      const rows: ExcelJS.CellValue[][] = [];
      // ExcelJS writes the rows it is given into the cells: give it what is there already.
      for (let r = top + 1; r <= bottom; r++) {
        const row = sheet.getRow(r);
        rows.push(change.columns.map((_, c) => toExcel(toCellValue(row.getCell(left + c).value))));
      }
      sheet.addTable({
        name: change.name,
        ref: cellAddress(top, left),
        headerRow: true,
        style: { theme: "TableStyleLight9", showRowStripes: true },
        columns: change.columns.map((name) => ({ name, filterButton: true })),
        rows,
      });
      return;
    }
    case "addTableColumns": {
      const sheet = sheetOf(workbook, change.sheet);
      const model = tableModel(sheet, change.table);
      const ref = model.tableRef ?? model.ref ?? "";
      const { top, left, bottom, right } = parseRange(ref);
      const header = sheet.getRow(top);
      change.columns.forEach((name, i) => {
        model.columns.push({ name, filterButton: true, totalsRowFunction: "none" });
        header.getCell(right + 1 + i).value = name;
      });
      const grown = rangeAddress(top, left, bottom, right + change.columns.length);
      model.tableRef = grown;
      if (model.ref !== undefined && model.ref.includes(":")) model.ref = grown;
      if (model.autoFilterRef) model.autoFilterRef = grown;
      return;
    }
    case "growTable": {
      const sheet = sheetOf(workbook, change.sheet);
      const model = tableModel(sheet, change.table);
      const { top, left } = parseRange(model.tableRef ?? model.ref ?? "");
      const grown = parseRange(change.range);
      // The header stays where it is; only the bottom moves (as Excel's Table.resize requires).
      if (grown.top !== top || grown.left !== left)
        throw new Error(`Table '${change.table}' cannot grow to ${change.range}.`);
      model.tableRef = change.range;
      if (model.ref !== undefined && model.ref.includes(":")) model.ref = change.range;
      // The filter buttons cover the whole table, or LibreOffice sorts and filters only the old rows.
      if (model.autoFilterRef) model.autoFilterRef = change.range;
      return;
    }
    case "defineName": {
      const names = workbook.definedNames;
      names.model = (names.model as Array<{ name: string }>).filter(
        (n) => n.name !== change.name
      ) as typeof names.model;
      const { top, left, bottom, right } = parseRange(change.address);
      const absolute = rangeAddress(top, left, bottom, right).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      names.add(sheetAddress(change.sheet, absolute), change.name);
      return;
    }
    case "listValidation": {
      const list = listSource(change.items);
      if (!list.ok) return; // never a half-escaped list (src/workbook/listSource.ts)
      const sheet = sheetOf(workbook, change.sheet);
      internals(sheet).dataValidations.add(change.range, {
        type: "list",
        allowBlank: true,
        formulae: [list.formula],
        showErrorMessage: true,
        errorStyle: "warning",
        error: `Kies ${change.items.join(", ")}.`,
      });
      return;
    }
    case "numberFormat": {
      const sheet = sheetOf(workbook, change.sheet);
      const look: Style = { numFmt: change.format };
      eachCell(sheet, change.range, (cell) => {
        cell.style = looks.with(cell.style, look, `format:${change.format}`, () => false);
      });
      return;
    }
    case "formulaFormat": {
      const sheet = sheetOf(workbook, change.sheet);
      const formula = change.formula.replace(/^=/, "");
      dropRules(
        sheet,
        change.range,
        (rule) => rule.type === "expression" && rule.formulae?.[0] === formula
      );
      sheet.addConditionalFormatting({
        ref: change.range,
        rules: [
          {
            type: "expression",
            formulae: [formula],
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(change.fill) } },
            },
            // No priority: ExcelJS numbers the rules of a sheet uniquely when it writes them.
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
      return;
    }
    case "dataBar": {
      const sheet = sheetOf(workbook, change.sheet);
      dropRules(sheet, change.range, (rule) => rule.type === "dataBar");
      sheet.addConditionalFormatting({
        ref: change.range,
        rules: [
          {
            type: "dataBar",
            cfvo: [{ type: "num", value: 0 }, { type: "max" }],
            color: { argb: argb(change.colour) },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
      return;
    }
    case "freezePanes": {
      const sheet = sheetOf(workbook, change.sheet);
      sheet.views = [{ state: "frozen", xSplit: change.columns, ySplit: change.rows }];
      return;
    }
    case "columnWidths": {
      const sheet = sheetOf(workbook, change.sheet);
      for (const { column, width } of change.widths) sheet.getColumn(column).width = width;
      return;
    }
    case "barChart":
      // ExcelJS cannot write charts. The product gives this interpreter no plan with one (the
      // template, the example workbook); the command's score output goes through
      // ./package/apply.ts, which draws it. A chart given here comes back in report.skipped.
      report.skipped.push(change);
      return;
    case "writeFormulas": {
      const sheet = sheetOf(workbook, change.sheet);
      const { row: top, column: left } = parseCell(change.at);
      change.formulas.forEach((formulas, r) =>
        formulas.forEach((formula, c) => {
          const result = change.results?.[r]?.[c];
          const value = { formula: formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
          if (result !== undefined && result !== null)
            value.result = toExcel(result) as ExcelJS.CellFormulaValue["result"];
          sheet.getRow(top + r).getCell(left + c).value = value;
        })
      );
      return;
    }
    case "writeNote": {
      const cell = sheetOf(workbook, change.sheet).getCell(change.at);
      if (change.text === null) (cell as unknown as { _comment?: unknown })._comment = undefined;
      else cell.note = change.text;
      return;
    }
    case "headerFooterTexts": {
      const sheet = sheetOf(workbook, change.sheet);
      // A sheet read from a file without headers or footers has no headerFooter object.
      sheet.headerFooter = { ...sheet.headerFooter, ...change.texts };
      return;
    }
    case "validationTexts": {
      const sheet = sheetOf(workbook, change.sheet);
      const model = (
        sheet as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } }
      ).dataValidations.model;
      const validation = model[change.range];
      if (!validation) throw new Error(`No validation on '${change.sheet}'!${change.range}.`);
      Object.assign(validation, change.texts);
      if (change.formulae) validation.formulae = change.formulae;
      return;
    }
    case "documentProperties":
      Object.assign(workbook, change.properties);
      return;
    case "pageSetup": {
      const sheet = sheetOf(workbook, change.sheet);
      const titles = change.printTitleRows;
      // fitToPage makes Excel and LibreOffice scale to fitToWidth × fitToHeight pages (0: as
      // many as needed); ExcelJS writes the titles as the name _xlnm.Print_Titles.
      sheet.pageSetup = {
        ...sheet.pageSetup,
        paperSize: PAPER_SIZES[change.paper],
        orientation: change.orientation,
        fitToPage: true,
        fitToWidth: change.fitToWidth,
        fitToHeight: change.fitToHeight,
        ...(titles ? { printTitlesRow: `${titles.first}:${titles.last}` } : {}),
      };
      return;
    }
    default:
      assertNever(change, "change");
  }
}

/** ECMA-376 §18.18.43 (ST_PaperSize)'s number of each paper a {@link WorkbookChange} names. */
const PAPER_SIZES = { A4: 9 } as const;

/**
 * Applies changes in order to an ExcelJS workbook.
 *
 * @example
 * const report = applyChanges(workbook, planTemplate(request17040));
 * report.skipped; // [] (a template has no chart)
 */
export function applyChanges(workbook: ExcelJS.Workbook, changes: WorkbookChange[]): ApplyReport {
  const report: ApplyReport = { skipped: [] };
  const looks = new Looks();
  for (const change of changes) applyOne(workbook, change, report, looks);
  // Last, when every column has its width: Excel fits wrapped rows itself, a file needs heights.
  for (const change of changes) {
    if (change.kind === "writeValues" && change.wrap)
      fitRows(sheetOf(workbook, change.sheet), change);
  }
  return report;
}

/** Excel's default row height and column width (Calibri 11), in points and characters. */
const LINE_HEIGHT = 15;
const DEFAULT_WIDTH = 8.43;

/**
 * Gives each row of a wrapped block the height of its tallest cell, as Excel's
 * "AutoFit Row Height" would: a file carries no fitted heights, and LibreOffice
 * draws a long paragraph over the rows below it without them. The lines of a
 * cell are estimated from its text and its column's width (about 1.2 characters
 * of Calibri 11 per unit of width); a row of one line keeps the default height.
 */
function fitRows(sheet: ExcelJS.Worksheet, change: WriteValues): void {
  const { row: top, column: left } = parseCell(change.at);
  const widths: number[] = [];
  const widthOf = (c: number) => (widths[c] ??= sheet.getColumn(left + c).width ?? DEFAULT_WIDTH);
  change.values.forEach((values, r) => {
    let lines = 1;
    values.forEach((value, c) => {
      if (typeof value !== "string" || value === "") return;
      lines = Math.max(
        lines,
        change.bold ? headerLines(value, widthOf(c)) : wrappedLines(value, widthOf(c))
      );
    });
    if (lines > 1) sheet.getRow(top + r).height = Math.min(ROW_HEIGHT_MAX, lines * LINE_HEIGHT);
  });
}

/**
 * The number of lines a text takes when wrapped in a column `width` characters wide.
 *
 * @example
 * wrappedLines("kort", 10); // 1
 * wrappedLines("a".repeat(30), 10); // 3 (12 characters a line)
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.2));
  return text
    .split("\n")
    .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/**
 * The lines of a bold header wrapped in a column `width` characters wide, word by word as
 * Excel and LibreOffice break it: a word that does not fit starts a new line whole, and a
 * bold character is wider (about 1 a unit of width, where plain text gets 1.2). A header is
 * a few words, so the space a line leaves at its end matters: {@link wrappedLines} would
 * count too few lines and cut the header off.
 *
 * @example
 * headerLines("K3 Jaren klantmanager inkomen (laatste 5 jaar)", 28); // 2
 */
export function headerLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) {
        used = needed;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than a line breaks inside it.
      lines += Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine || perLine;
    }
  }
  return lines;
}
