/**
 * The request's criteria tables on the `Aanvraag` sheet (`Gunningscriteria`,
 * `Knockoutcriteria`) as FLEX reads them: through the engine's one grammar of
 * those tables (src/engine/grammar), as the pane and the command do
 * (src/workbook/request/criteria.ts). Only the reporting is FLEX's own: the first
 * problem becomes a `#VALUE!` error naming the table's row. A range is read by its
 * header row when it includes one (`Gunningscriteria[#All]`, any column order),
 * otherwise in the template's column order ({@link AWARD_COLUMNS}, {@link KNOCKOUT_COLUMNS}).
 */
import {
  awardColumns,
  columnHeaders,
  describeCell,
  isEmptyCell,
  isHeaderRow,
  knockoutColumns,
  leadingId,
  parseAwardTable,
  parseKnockoutTable,
  readText,
  requiredColumns,
  tableColumns,
  type AwardCriterion,
  type CellValue,
  type CriteriaProblem,
  type CriteriaTable,
  type CriteriaTableKind,
  type KnockoutCriterion,
} from "../engine";
import { tableOf } from "./cells";
import { FunctionError } from "./errors";
import { functionMessages as m } from "./messages";

/**
 * The columns of the award table (`Gunningscriteria`) on the `Aanvraag` sheet,
 * in the order of the workbook layout: a range without its header row is read
 * in this order. With the header row (`Gunningscriteria[#All]`) any order works.
 */
export const AWARD_COLUMNS = awardColumns.map((c) => columnHeaders[c]);

/** The columns of the knock-out table (`Knockoutcriteria`), likewise. */
export const KNOCKOUT_COLUMNS = knockoutColumns.map((c) => columnHeaders[c]);

/** A bad criteria table: `#VALUE!`, with the grammar's problem as data (the agreement tests compare it). */
export class CriteriaError extends FunctionError {
  constructor(
    message: string,
    readonly problem: CriteriaProblem
  ) {
    super("#VALUE!", message);
  }
}

/** The award criteria in the range, in its order. */
export function readAwardCriteria(range: unknown): AwardCriterion[] {
  return readTable(range, "awards", parseAwardTable);
}

/** The knock-out criteria and formal requirements in the range, in its order. */
export function readKnockoutCriteria(range: unknown): KnockoutCriterion[] {
  return readTable(range, "knockouts", parseKnockoutTable);
}

/**
 * Whether a criterion takes its value from a column of the candidate row (K8, the
 * rate, does not).
 *
 * @example
 * needsColumn({ rule: { kind: "maxRate" } }); // false
 */
export function needsColumn(criterion: Pick<KnockoutCriterion, "rule">): boolean {
  return criterion.rule.kind !== "maxRate";
}

/**
 * The criterion id that leads a column header (`G9 Jaren …` → `G9`), upper case; null when none.
 * The grammar's {@link leadingId}, under the name the FLEX code uses.
 *
 * @example
 * headerId("g10 Opleiding"); // "G10"
 * headerId("Kandidaat"); // null
 */
export function headerId(header: CellValue): string | null {
  return leadingId(header);
}

function readTable<C>(
  range: unknown,
  kind: CriteriaTableKind,
  parse: (headers: CellValue[] | null, rows: CellValue[][]) => CriteriaTable<C>
): C[] {
  const all = tableOf(range);
  const first = all.findIndex((row) => !row.every(isEmptyCell));
  const withHeader = first >= 0 && isHeaderRow(kind, all[first]);
  const headers = withHeader ? all[first] : null;
  const start = withHeader ? first + 1 : 0;
  const read = parse(headers, all.slice(start));
  const problem = read.problems[0];
  if (problem) throw new CriteriaError(problemText(kind, problem, start), problem);
  return read.criteria;
}

/** The Dutch text of a problem in the cell's error flag; a row's problem names its row in the range (1-based). */
function problemText(kind: CriteriaTableKind, p: CriteriaProblem, start: number): string {
  const label = kind === "awards" ? m.label.awardCriteria : m.label.knockoutCriteria;
  switch (p.code) {
    case "missingColumn":
      return m.criteriaColumnMissing(label, columnHeaders[p.column!]);
    case "tooFewColumns": {
      const order = tableColumns(kind);
      const needed = Math.max(...requiredColumns[kind].map((c) => order.indexOf(c))) + 1;
      return m.criteriaColumns(
        label,
        order.slice(0, needed).map((c) => columnHeaders[c])
      );
    }
    case "noCriteria":
      return m.emptyCriteria(label);
    default:
      return m.criterionRow(label, start + p.row! + 1, cellText(p));
  }
}

function cellText(p: CriteriaProblem): string {
  const value = readText(p.value);
  switch (p.code) {
    case "invalidId":
      return m.invalidId(value);
    case "duplicateId":
      return m.duplicateId(p.id);
    case "valueKindRequired":
      return m.valueKindRequired(p.id);
    case "invalidSteps":
      return m.invalidSteps(p.id, value);
    case "invalidCriterion":
      return p.criterion?.message ?? value;
    case "number": {
      const what = numberLabel(p);
      return p.read?.problem === "empty"
        ? m.numberRequired(p.id, what)
        : m.notANumber(p.id, what, describeCell(p.value));
    }
    case "unknownWord":
      if (p.column === "valueKind") return m.unknownValueKind(p.id, value);
      if (p.column === "rule") return m.unknownRule(p.id, value);
      if (p.column === "scoring") return m.unknownScoring(p.id, value);
      return `${p.id}: ${p.read?.message ?? value}`;
    default:
      return value;
  }
}

function numberLabel(p: CriteriaProblem): string {
  switch (p.column) {
    case "threshold":
      return p.linear ? m.label.minimum : m.label.threshold;
    case "maximum":
      return m.label.maximum;
    case "points":
      return m.label.points;
    case "window":
      return m.label.window;
    default:
      return m.label.limit;
  }
}
