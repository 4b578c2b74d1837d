/**
 * What pins the candidates to their rows: the name column of `Kandidaten` as read,
 * with the table's place. A host that writes outputs by row position checks, just
 * before it writes, that the workbook still holds this (another user's edit in
 * co-authoring, or the evaluator's own, may have moved rows in between).
 */
import { isCellError, readText, type CellValue } from "../engine";
import { columnsNamed, dataRegion } from "./regions";
import { findSheet, type WorkbookSnapshot } from "./snapshot";
import { candidateHeaders, periodHeaders, sheetNames, tableNames } from "./texts";

/** The candidates' rows as read: the names in one column from `top` to `bottom`, and the table's extent. */
export interface RowIdentity {
  sheet: string;
  /** 1-based column of `Kandidaat`. */
  column: number;
  /** 1-based first and last sheet row of the names read. */
  top: number;
  bottom: number;
  /** The names from `top` to `bottom`, as text. */
  names: string[];
  /** The table's name and its header row and data row count, when the candidates are a table. */
  table: { name: string; headerRow: number; rowCount: number } | null;
}

/**
 * What pins the rows of `Kandidaten` and of `Werkervaring` (the clean-up clears periods by
 * row; scoring reads them): one identity per sheet that is there with a name column.
 *
 * @example
 * rowIdentities(snapshot).map((i) => i.sheet); // ["Kandidaten", "Werkervaring"]
 */
export function rowIdentities(snapshot: WorkbookSnapshot): RowIdentity[] {
  return [
    rowIdentity(snapshot),
    identityOf(snapshot, sheetNames.periods, tableNames.periods, periodHeaders.candidate),
  ].filter((i): i is RowIdentity => i !== null);
}

/**
 * The identity of the candidates' rows in a snapshot; null when there is no
 * `Kandidaten` sheet or name column (nothing is written by row then).
 *
 * @example
 * rowIdentity(snapshot)?.names.slice(0, 2); // ["Annelies de Boer", "Bram Visser"]
 */
export function rowIdentity(snapshot: WorkbookSnapshot): RowIdentity | null {
  return identityOf(snapshot, sheetNames.candidates, tableNames.candidates, candidateHeaders.name);
}

/** The identity of a sheet's rows by its name column. */
function identityOf(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  tableName: string,
  header: string
): RowIdentity | null {
  const sheet = findSheet(snapshot, sheetName);
  if (!sheet) return null;
  const region = dataRegion(sheet, tableName, header);
  const [index] = columnsNamed(region.headers, header);
  if (index === undefined) return null;
  const column = region.firstColumn + index;
  // Rows typed below a table count as candidates too: pin every row of the sheet read.
  const bottom = Math.max(region.lastDataRow, sheet.values.length);
  const names: string[] = [];
  for (let r = region.firstDataRow; r <= bottom; r++)
    names.push(identityText(sheet.values[r - 1]?.[column - 1] ?? null));
  const table = region.table
    ? {
        name: region.table.name,
        headerRow: region.table.headerRow,
        rowCount: region.table.rowCount,
      }
    : null;
  return { sheet: sheet.name, column, top: region.firstDataRow, bottom, names, table };
}

/**
 * A name cell as compared: its text, or an error's code (`#REF!`, as Office.js gives it).
 *
 * @example
 * identityText({ error: "#REF!" }); // "#REF!"
 */
export function identityText(value: CellValue): string {
  return isCellError(value) ? value.error : readText(value);
}

/**
 * Whether the names and table read again are those of `identity`.
 *
 * @example
 * sameRows(identity, identity.names, identity.table); // true
 */
export function sameRows(
  identity: RowIdentity,
  names: string[],
  table: { headerRow: number; rowCount: number } | null
): boolean {
  if (
    identity.table &&
    (!table ||
      table.headerRow !== identity.table.headerRow ||
      table.rowCount !== identity.table.rowCount)
  )
    return false;
  return names.length === identity.names.length && names.every((n, i) => n === identity.names[i]);
}
