/**
 * Writing cells of the shared workbook. Every text goes in as a string value
 * (ExcelJS stores it as a shared string), so a name like `=HYPERLINK(…)` stays
 * text in every program; a formula is only ever written by {@link putFormula}.
 */
import type ExcelJS from "exceljs";
import { fitCellText } from "../workbook/cellLimits";
import { listSource } from "../workbook/listSource";
import { sharedSheetNames } from "./texts";

/** A plain value the builder writes: text, a number, or nothing. */
export type PlainValue = string | number | null;

/** Colours of the shared workbook, as ExcelJS `FFRRGGBB`. */
export const shareColours = {
  input: "FFFFF2CC",
  header: "FFD9E1F2",
  check: "FFE2EFDA",
} as const;

/** Invariant number formats (a Dutch Excel shows them the Dutch way). */
export const shareFormats = {
  euro: '"€ "#,##0.00',
  text: "@",
  whole: "0",
} as const;

/**
 * Writes a value as a value: a string never becomes a formula, whatever it starts with.
 *
 * @example
 * putValue(sheet.getCell("B5"), '=HYPERLINK("http://x")'); // stored as text
 */
export function putValue(cell: ExcelJS.Cell, value: PlainValue): void {
  if (typeof value === "string") {
    cell.value = fitCellText(value); // never over a cell's 32,767 characters (issue 18)
    // Text format: editing the cell later in Excel keeps it text, too.
    if (/^[=+\-@]/.test(value)) cell.numFmt = shareFormats.text;
    return;
  }
  cell.value = value;
}

/**
 * Writes a row of plain values from `column` on.
 *
 * @example
 * putRow(sheet, 4, 1, ["Rang", "Kandidaat"], { bold: true });
 */
export function putRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  column: number,
  values: PlainValue[],
  style: { bold?: boolean; fill?: string; formats?: Array<string | null>; wrap?: boolean } = {}
): void {
  values.forEach((value, i) => {
    const cell = sheet.getCell(row, column + i);
    putValue(cell, value);
    const format = style.formats?.[i];
    if (format) cell.numFmt = format;
    if (style.bold) cell.font = { bold: true };
    if (style.fill) fill(cell, style.fill);
    if (style.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  });
}

/**
 * Writes one of our native formulas (English syntax, no leading `=`) with the
 * value it has while its inputs are empty, so a reader that does not recalculate still shows it.
 *
 * @example
 * putFormula(sheet.getCell("G6"), 'IF(E6="","",E6+F6)', "");
 */
export function putFormula(cell: ExcelJS.Cell, formula: string, result: string | number): void {
  cell.value = { formula, result } as ExcelJS.CellFormulaValue;
}

/**
 * A solid background.
 *
 * @example
 * fill(cell, shareColours.input);
 */
export function fill(cell: ExcelJS.Cell, argb: string): void {
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/**
 * A drop-down list on a cell: items (`"Ja,Nee"`) or a range on the same sheet (`$K$6:$K$10`).
 *
 * @example
 * dropDown(cell, { items: ["Ja", "Nee"] });
 */
export function dropDown(
  cell: ExcelJS.Cell,
  source: { items: string[] } | { range: string }
): void {
  // The request's words (a scale value with a comma, or a list over 255 characters) go to
  // cells of a hidden sheet when they cannot be the drop-down's own list (src/workbook/listSource.ts).
  const list = "items" in source ? listSource(source.items) : null;
  const formula =
    "range" in source
      ? source.range
      : list?.ok
        ? list.formula
        : listRange(cell.worksheet.workbook, source.items);
  cell.dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "stop",
    ...("items" in source && list?.ok
      ? { error: `Kies ${source.items.join(", ")}.` }
      : { error: "Kies een oordeel uit de lijst." }),
  };
  fill(cell, shareColours.input);
}

/** The lists already written to the hidden sheet, per workbook, by their items. */
const listRanges = new WeakMap<ExcelJS.Workbook, Map<string, string>>();

/**
 * The cells of the hidden `Keuzelijsten` sheet that hold these items (written once per
 * list), as an absolute reference a drop-down can use: any text, any length.
 *
 * @example
 * listRange(workbook, ["goed, maar kort", "onvoldoende"]); // "'Keuzelijsten'!$A$1:$A$2"
 */
export function listRange(workbook: ExcelJS.Workbook, items: string[]): string {
  let known = listRanges.get(workbook);
  if (!known) listRanges.set(workbook, (known = new Map()));
  const key = JSON.stringify(items);
  const found = known.get(key);
  if (found) return found;
  const name = sharedSheetNames.lists;
  const sheet = workbook.getWorksheet(name) ?? workbook.addWorksheet(name, { state: "hidden" });
  const column = known.size + 1;
  items.forEach((item, i) => putValue(sheet.getCell(i + 1, column), item));
  const letters = sheet.getColumn(column).letter;
  const range = `'${name}'!$${letters}$1:$${letters}$${Math.max(1, items.length)}`;
  known.set(key, range);
  return range;
}

/**
 * Column widths in characters, from column 1.
 *
 * @example
 * widths(sheet, [8, 26, 24]);
 */
export function widths(sheet: ExcelJS.Worksheet, list: number[]): void {
  list.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
}

/**
 * Print on one page wide, landscape: how the rendering and a printout look.
 *
 * @example
 * printLandscape(sheet);
 */
export function printLandscape(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
  };
}
