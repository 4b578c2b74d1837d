/**
 * Finding a block of rows with headers on a sheet: an Excel table, or a plain
 * range with its headers in a known row. Columns are then found by a fixed name
 * or by the criterion id that leads their header (`K3 …`), in any order.
 */
import { leadingId, readText, type CellValue } from "../engine";
import { cellValue, sheetWidth, type SheetSnapshot, type TableSnapshot } from "./snapshot";

/** A header row and the data rows under it. */
export interface Region {
  sheet: SheetSnapshot;
  /** The table, when the block is an Excel table. */
  table?: TableSnapshot;
  headerRow: number;
  firstColumn: number;
  /** Header texts, left to right (trimmed). */
  headers: string[];
  firstDataRow: number;
  /** Last data row; less than firstDataRow when there are none. */
  lastDataRow: number;
  /** Rows typed directly below the table that count as its rows (included in lastDataRow). */
  below?: RowSpan;
}

/** 1-based sheet rows `first` to `last`. */
export interface RowSpan {
  first: number;
  last: number;
}

/**
 * A header as a comparable key: lower case, single spaces.
 *
 * @example
 * headerKey("  Top  10 "); // "top 10"
 */
export function headerKey(header: CellValue): string {
  return readText(header).toLocaleLowerCase("nl-NL");
}

/** The criterion id that leads a header: the grammar's (src/engine/grammar), re-exported for the workbook's readers. */
export { leadingId };

/**
 * The 0-based positions in `headers` of the header equal to `name` (case and spaces ignored).
 *
 * @example
 * columnsNamed(["Kandidaat", "Uurtarief"], "uurtarief"); // [1]
 */
export function columnsNamed(headers: string[], name: string): number[] {
  const key = headerKey(name);
  const found: number[] = [];
  headers.forEach((h, i) => {
    if (headerKey(h) === key) found.push(i);
  });
  return found;
}

/**
 * The 0-based positions in `headers` of the headers that start with the word `name`
 * (case and spaces ignored), followed by the end or by a character that is no letter or
 * digit: `Uurtarief (excl. btw, …)` is an `Uurtarief` column, `Uurtarieven` is not.
 *
 * @example
 * columnsStartingWith(["Kandidaat", "Uurtarief (excl. btw)"], "Uurtarief"); // [1]
 */
export function columnsStartingWith(headers: string[], name: string): number[] {
  const key = headerKey(name);
  const found: number[] = [];
  headers.forEach((h, i) => {
    const header = headerKey(h);
    if (
      header === key ||
      (header.startsWith(key) && !/[\p{L}\p{N}]/u.test(header.charAt(key.length)))
    )
      found.push(i);
  });
  return found;
}

/**
 * The 0-based positions in `headers` of the columns led by criterion `id`.
 *
 * @example
 * columnsWithId(["Kandidaat", "K3 Jaren"], "K3"); // [1]
 */
export function columnsWithId(headers: string[], id: string): number[] {
  const found: number[] = [];
  headers.forEach((h, i) => {
    if (leadingId(h) === id.toUpperCase()) found.push(i);
  });
  return found;
}

/**
 * The region of an Excel table on the sheet.
 *
 * @example
 * tableRegion(sheet, sheet.tables[0]).lastDataRow; // header row + row count
 */
export function tableRegion(sheet: SheetSnapshot, table: TableSnapshot): Region {
  return {
    sheet,
    table,
    headerRow: table.headerRow,
    firstColumn: table.firstColumn,
    headers: table.columns.map((c) => readText(c)),
    firstDataRow: table.headerRow + 1,
    lastDataRow: table.headerRow + table.rowCount,
  };
}

/**
 * The rows typed directly below a table (in LibreOffice, or pasted in Excel where the
 * table did not grow): the rows right under its last row with anything in the table's
 * columns, up to the first row that is empty there or belongs to another table. Null when
 * there are none, or when the table has a totals row (what is under it is no data row).
 *
 * @example
 * rowsBelowTable(sheet, table); // { first: 27, last: 29 }
 */
export function rowsBelowTable(sheet: SheetSnapshot, table: TableSnapshot): RowSpan | null {
  if (table.totalsRow) return null;
  const first = table.headerRow + table.rowCount + 1;
  const filled = (row: number) =>
    (sheet.values[row - 1] ?? [])
      .slice(table.firstColumn - 1, table.firstColumn - 1 + table.columns.length)
      .some((v) => readText(v) !== "");
  const right = table.firstColumn + table.columns.length - 1;
  // Another table right under this one (sharing a column) is no rows of it.
  const inOther = (row: number) =>
    sheet.tables.some(
      (t) =>
        t !== table &&
        row >= t.headerRow &&
        row <= t.headerRow + t.rowCount + (t.totalsRow ? 1 : 0) &&
        t.firstColumn <= right &&
        t.firstColumn + t.columns.length - 1 >= table.firstColumn
    );
  let last = first - 1;
  while (last < sheet.values.length && filled(last + 1) && !inOther(last + 1)) last++;
  return last >= first ? { first, last } : null;
}

/**
 * A plain range with headers in `headerRow` from `firstColumn` to the last filled
 * header, and data down to the last row with anything in those columns (or until
 * the first row whose `stopColumn` cell is empty, when given).
 *
 * @example
 * plainRegion(sheet, 1, 1).headers; // the texts of row 1
 */
export function plainRegion(
  sheet: SheetSnapshot,
  headerRow: number,
  firstColumn: number,
  stopColumn?: number
): Region {
  const width = sheetWidth(sheet);
  let lastColumn = firstColumn - 1;
  for (let c = firstColumn; c <= width; c++) {
    if (readText(cellValue(sheet, headerRow, c)) !== "") lastColumn = c;
    else if (stopColumn !== undefined) break;
  }
  const headers: string[] = [];
  for (let c = firstColumn; c <= lastColumn; c++)
    headers.push(readText(cellValue(sheet, headerRow, c)));
  let lastDataRow = headerRow;
  if (stopColumn !== undefined) {
    while (readText(cellValue(sheet, lastDataRow + 1, stopColumn)) !== "") lastDataRow++;
  } else {
    for (let r = sheet.values.length; r > headerRow; r--) {
      const row = sheet.values[r - 1] ?? [];
      if (row.slice(firstColumn - 1, lastColumn).some((v) => readText(v) !== "")) {
        lastDataRow = r;
        break;
      }
    }
  }
  return { sheet, headerRow, firstColumn, headers, firstDataRow: headerRow + 1, lastDataRow };
}

/**
 * The table named `name` on the sheet (case-insensitive), else the first table with a
 * column named `header`.
 *
 * @example
 * findTable(sheet, "Kandidaten", "Kandidaat")?.name; // "Kandidaten"
 */
export function findTable(
  sheet: SheetSnapshot,
  name: string,
  header: string
): TableSnapshot | undefined {
  const key = name.toLowerCase();
  return (
    sheet.tables.find((t) => t.name.toLowerCase() === key) ??
    sheet.tables.find((t) => columnsNamed(t.columns, header).length > 0)
  );
}

/**
 * The candidates' (or periods') block: the table of that name or with that header,
 * with the rows typed directly below it ({@link rowsBelowTable}), else a plain range
 * with headers in row 1 from column A.
 *
 * @example
 * dataRegion(kandidaten, "Kandidaten", "Kandidaat").headers[0]; // "Kandidaat"
 */
export function dataRegion(sheet: SheetSnapshot, tableName: string, header: string): Region {
  const table = findTable(sheet, tableName, header);
  if (!table) return plainRegion(sheet, 1, 1);
  const region = tableRegion(sheet, table);
  const below = rowsBelowTable(sheet, table);
  return below ? { ...region, lastDataRow: below.last, below } : region;
}

/**
 * The value of a region's cell by data-row number and 0-based column index.
 *
 * @example
 * regionCell(region, 2, 0); // the first column's value on sheet row 2
 */
export function regionCell(region: Region, row: number, index: number): CellValue {
  return cellValue(region.sheet, row, region.firstColumn + index);
}
