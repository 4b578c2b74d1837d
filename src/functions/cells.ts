/**
 * What Excel hands a custom function, made into the engine's cell values: a
 * range is a 2-D array (rows of cells), an empty cell is null or "", an error
 * cell (passed because functions.json allows errors for `any`) is an object
 * with an error code, and a data type arrives as `{ type, basicValue }`.
 */
import type { CellValue } from "../engine";
import { invalidValue } from "./errors";
import { functionMessages as m } from "./messages";

/**
 * One argument value as an engine cell value. Error objects become `{ error }`
 * so that the engine's readers say "De cel bevat de Excel-fout #N/B".
 *
 * @example
 * toCell({ code: "#N/A" }); // { error: "#N/A" }
 * toCell({ type: "Double", basicValue: 72.5 }); // 72.5
 * toCell(undefined); // null
 */
export function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "object":
      return objectCell(value as Record<string, unknown>);
    default:
      return String(value);
  }
}

function objectCell(value: Record<string, unknown>): CellValue {
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return toCell(value[0]);
  if (typeof value.code === "string") return { error: value.code };
  if (typeof value.error === "string") return { error: value.error };
  if (value.type === "Error") {
    const code = value.basicValue ?? value.errorType;
    return { error: typeof code === "string" ? code : "#WAARDE!" };
  }
  if (value.type === "Empty") return null;
  if ("basicValue" in value) return toCell(value.basicValue);
  return { error: "#WAARDE!" };
}

/**
 * Whether an argument value is an Excel error (as {@link toCell} reads it).
 *
 * @example
 * isErrorArgument({ code: "#N/A" }); // true
 */
export function isErrorArgument(value: unknown): boolean {
  const cell = toCell(value);
  return typeof cell === "object" && cell !== null && !(cell instanceof Date);
}

/** An argument as a 2-D array (the very array when it already is one): a scalar is a 1×1 range. */
function matrix(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  for (let i = 0; i < value.length; i++) {
    if (!Array.isArray(value[i])) return value.map((row) => (Array.isArray(row) ? row : [row]));
  }
  return value as unknown[][];
}

/**
 * The cells of a range that is one row or one column (the values of one
 * candidate), in order.
 *
 * @throws FunctionError `#VALUE!` when the range has more than one row and more than one column.
 * @example
 * lineOf([[12, "Ja", 2]], "Waarden"); // [12, "Ja", 2]
 * lineOf([[12], ["Ja"]], "Waarden"); // [12, "Ja"]
 */
export function lineOf(value: unknown, label: string): CellValue[] {
  const rows = matrix(value);
  if (rows.length === 1) return rows[0].map(toCell);
  if (rows.every((row) => row.length === 1)) return rows.map((row) => toCell(row[0]));
  throw invalidValue(m.notOneRow(label));
}

/**
 * A column argument as the raw rows Excel passed, N×1, without copying when it
 * already has that shape (whole-column functions are called once per row).
 * A 1×N row is turned into a column.
 *
 * @throws FunctionError `#VALUE!` when the range is wider than one column and taller than one row.
 * @example
 * columnOf([[80], [70]], "Score (kolom)"); // [[80], [70]]
 * columnOf([[80, 70]], "Score (kolom)"); // [[80], [70]]
 */
export function columnOf(value: unknown, label: string): unknown[][] {
  const rows = matrix(value);
  let vertical = true;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].length !== 1) {
      vertical = false;
      break;
    }
  }
  if (vertical) return rows;
  if (rows.length === 1) return rows[0].map((cell) => [cell]);
  throw invalidValue(m.notOneColumn(label));
}

/**
 * The rows of a table-like range (criteria), every cell read with {@link toCell}.
 *
 * @example
 * tableOf([["G9", "alles-of-niets", 10, 50]]); // [["G9", "alles-of-niets", 10, 50]]
 */
export function tableOf(value: unknown): CellValue[][] {
  return matrix(value).map((row) => row.map(toCell));
}

/**
 * Whether an optional argument was left out (Excel passes null or undefined) or points at an empty cell.
 *
 * @example
 * isOmitted(undefined); // true
 * isOmitted([[""]]); // true
 */
export function isOmitted(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value))
    return value.every((row) => (Array.isArray(row) ? row : [row]).every(isOmitted));
  const cell = toCell(value);
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}
