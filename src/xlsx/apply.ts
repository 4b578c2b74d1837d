/**
 * Applying {@link WorkbookChange}s to an ExcelJS workbook. ExcelJS cannot draw
 * charts: a `barChart` is skipped and reported (the data bar on the same scores stays).
 */
import type ExcelJS from "exceljs";
import { isCellError, type CellValue } from "../engine";
import {
  cellAddress,
  parseCell,
  parseRange,
  rangeAddress,
  sheetAddress,
} from "../workbook/address";
import type { WorkbookChange } from "../workbook/changes";
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

function applyOne(workbook: ExcelJS.Workbook, change: WorkbookChange, report: ApplyReport): void {
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
      change.values.forEach((values, r) => {
        const row = sheet.getRow(top + r);
        values.forEach((value, c) => {
          const cell = row.getCell(left + c);
          cell.value = toExcel(value);
          const format = change.numberFormats?.[c];
          if (format) cell.numFmt = format;
          if (change.bold) cell.font = { bold: true };
          if (change.wrap) cell.alignment = { wrapText: true, vertical: "top" };
        });
      });
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
      const table = sheet
        .getTables()
        .find(
          (t) =>
            ((t as unknown as { table: TableModel }).table.name ?? "").toLowerCase() ===
            change.table.toLowerCase()
        ) as unknown as { table: TableModel } | undefined;
      if (!table) throw new Error(`Table '${change.table}' does not exist on '${change.sheet}'.`);
      const model = table.table;
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
      const sheet = sheetOf(workbook, change.sheet);
      internals(sheet).dataValidations.add(change.range, {
        type: "list",
        allowBlank: true,
        formulae: [`"${change.items.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "warning",
        error: `Kies ${change.items.join(", ")}.`,
      });
      return;
    }
    case "numberFormat": {
      const sheet = sheetOf(workbook, change.sheet);
      eachCell(sheet, change.range, (cell) => {
        cell.numFmt = change.format;
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
      report.skipped.push(change);
      return;
  }
}

/**
 * Applies changes in order to an ExcelJS workbook.
 *
 * @example
 * const report = applyChanges(workbook, planTemplate(request17040));
 * report.skipped; // [] (a template has no chart)
 */
export function applyChanges(workbook: ExcelJS.Workbook, changes: WorkbookChange[]): ApplyReport {
  const report: ApplyReport = { skipped: [] };
  for (const change of changes) applyOne(workbook, change, report);
  return report;
}
