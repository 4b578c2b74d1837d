/**
 * Writing cells of the shared workbook. Every text goes in as a string value
 * (ExcelJS stores it as a shared string), so a name like `=HYPERLINK(…)` stays
 * text in every program; a formula is only ever written by {@link putFormula}.
 */
import type ExcelJS from "exceljs";

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
    cell.value = value;
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
  const formula = "items" in source ? `"${source.items.join(",")}"` : source.range;
  const list = "items" in source ? source.items.join(", ") : "";
  cell.dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "stop",
    ...(list ? { error: `Kies ${list}.` } : { error: "Kies een oordeel uit de lijst." }),
  };
  fill(cell, shareColours.input);
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
