/**
 * Matching the cells of one candidate row to the request's criteria: by the ids
 * that lead the column headers when those are given, else by position.
 */
import { isCellError, isEmptyCell, readText, type CellValue, type CriterionId } from "../engine";
import { isOmitted, lineOf } from "./cells";
import { headerId } from "./criteria";
import { invalidValue } from "./errors";
import { functionMessages as m } from "./messages";

/** What matching needs to know of a criterion. */
export interface ColumnCriterion {
  id: CriterionId;
  /** Checked only when its column is present (formal requirements E…). */
  optional: boolean;
}

/** The row's values keyed by criterion id (an absent key: no column), and whether all are empty. */
export interface RowValues {
  values: Record<CriterionId, CellValue>;
  allEmpty: boolean;
}

/**
 * The values of one row keyed by criterion id.
 * - With headers: each column goes to the criterion its header's id names;
 *   columns without a known id are ignored; a missing required column is an error.
 * - Without: the values follow the criteria's order, either all of them or only
 *   the required ones (optional criteria then count as absent).
 *
 * @throws FunctionError `#VALUE!` when the values and the criteria do not fit.
 * @example
 * rowValues([[12, "Ja", 2]], undefined, [{ id: "G9", optional: false }, …]).values; // { G9: 12, G10: "Ja", G11: 2 }
 */
export function rowValues(
  values: unknown,
  headers: unknown,
  criteria: ColumnCriterion[]
): RowValues {
  const cells = lineOf(values, m.label.values);
  const allEmpty = cells.every(isEmptyCell);
  const result: Record<CriterionId, CellValue> = {};
  if (headers !== undefined && headers !== null) {
    const names = lineOf(headers, m.label.headers);
    if (names.length !== cells.length)
      throw invalidValue(m.headersMismatch(cells.length, names.length));
    const known = new Map(criteria.map((c) => [c.id.toUpperCase(), c.id]));
    names.forEach((name, index) => {
      const id = known.get(headerId(name) ?? "");
      if (id === undefined) return;
      if (id in result) throw invalidValue(m.duplicateColumn(id));
      result[id] = cells[index];
    });
    const missing = criteria.find((c) => !c.optional && !(c.id in result));
    if (missing) throw invalidValue(m.missingColumn(missing.id));
    return { values: result, allEmpty };
  }
  const required = criteria.filter((c) => !c.optional);
  const used =
    cells.length === criteria.length
      ? criteria
      : cells.length === required.length
        ? required
        : null;
  if (!used) {
    throw invalidValue(
      m.valueCount(
        cells.length,
        criteria.map((c) => c.id),
        required.map((c) => c.id)
      )
    );
  }
  used.forEach((criterion, index) => (result[criterion.id] = cells[index]));
  return { values: result, allEmpty };
}

/**
 * A row of FLEX.WORKYEARS put over the row's typed values: a number replaces the
 * cell of its criterion (the periods decide, also over a typed value), an error makes
 * that criterion's value an error (its years are unknown: the row is incomplete), ""
 * leaves the typed cell; an id that is no criterion of this row (a G… for FLEX.KNOCKOUT) is
 * left to the other function. Returns the ids whose years are unknown.
 *
 * @throws FunctionError `#VALUE!` when the years and the ids differ in length.
 * @example
 * const row = { values: { K3: 4 }, allEmpty: false };
 * withHistory(row, [[1.5]], [["K3"]]); // []; row.values.K3 is now 1.5
 */
export function withHistory(row: RowValues, years: unknown, ids: unknown): CriterionId[] {
  if (isOmitted(years) && isOmitted(ids)) return [];
  const cells = lineOf(years, m.label.history);
  const names = lineOf(ids, m.label.historyIds);
  if (cells.length !== names.length)
    throw invalidValue(m.historyMismatch(cells.length, names.length));
  const known = new Map(Object.keys(row.values).map((id) => [id.toUpperCase(), id]));
  const unknown: CriterionId[] = [];
  names.forEach((name, index) => {
    const cell = cells[index];
    if (readText(cell) === "" && !isCellError(cell)) return;
    // The same row of years goes to FLEX.KNOCKOUT and FLEX.AWARDSCORE: each takes its own ids.
    const id = known.get(readText(name).toUpperCase());
    if (id === undefined) return;
    row.values[id] = cell;
    row.allEmpty = false;
    if (isCellError(cell)) unknown.push(id);
  });
  return unknown;
}
