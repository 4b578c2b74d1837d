/**
 * The one parser of the `Aanvraag` sheet's criteria tables: a header row (or none:
 * then the template's column order) and rows of cells in, criteria and problems as
 * data out. FLEX (src/functions/criteria.ts) turns the first problem into an Excel
 * error in its cell; the workbook's reader (src/workbook/request/criteria.ts) turns
 * every problem into a Dutch message at its sheet cell. So one sheet never gives
 * two verdicts: only the reporting differs.
 *
 * What a criterion means (windows, steps within the points, a rule that fits its
 * kind) is checked on the whole request by validateRequest; this file reads cells.
 */
import type { CellValue } from "../evaluation";
import type { NumberKind } from "../messages";
import type {
  AwardCriterion,
  AwardScoring,
  KnockoutCriterion,
  KnockoutRule,
  ValueKind,
} from "../request";
import { criterionProblems, type RequestProblem } from "../validateRequest";
import { isEmptyCell, readNumber, readText, readYesNo } from "../values";
import {
  awardColumns,
  headerColumn,
  isCriterionId,
  knockoutColumns,
  ruleWords,
  scoringWords,
  valueKindWords,
  word,
  type CriteriaColumn,
  type CriteriaTableKind,
} from "./words";

/**
 * What is wrong, as a code:
 * - table: `missingColumn` (a required column has no header), `tooFewColumns` (a
 *   table without header row is narrower than the columns up to the last required
 *   one), `noCriteria` (no row with a criterion);
 * - cell: `invalidId`, `duplicateId`, `unknownWord` (Soort waarde, Toets, Scoring,
 *   Optioneel), `valueKindRequired` (an empty Soort waarde where a number is
 *   compared), `number` (an empty required number or an unreadable one), `invalidSteps`;
 * - criterion: `invalidCriterion` (a row read without problems that the engine refuses
 *   on its own, e.g. no Periode for years or a linear minimum not below its maximum).
 */
export type CriteriaProblemCode =
  | "missingColumn"
  | "tooFewColumns"
  | "noCriteria"
  | "invalidId"
  | "duplicateId"
  | "unknownWord"
  | "valueKindRequired"
  | "number"
  | "invalidSteps"
  | "invalidCriterion";

/** A problem with a criteria table, as data: where (row, column), what (code) and the cell. */
export interface CriteriaProblem {
  code: CriteriaProblemCode;
  /** 0-based index into the rows given (after the header row); null for the whole table. */
  row: number | null;
  /** The column the problem is in; null for a problem of the whole table (`noCriteria`). */
  column: CriteriaColumn | null;
  /** The criterion id of the row (upper case, as typed when invalid); "" for the table. */
  id: string;
  /** The cell as it was read. */
  value: CellValue;
  /** `number` and `unknownWord` on Optioneel: why the engine could not read the cell. */
  read?: { problem: "empty" | "invalid"; message: string };
  /** `number`: what kind of number the cell must hold. */
  kind?: NumberKind;
  /** `number` on Drempel: whether the linear scoring reads it as its minimum. */
  linear?: boolean;
  /** `invalidCriterion`: the engine's problem, its field as validateRequest names it. */
  criterion?: RequestProblem;
}

/** A criteria table read: the criteria (also of rows with problems), the row each came from, and the problems in reading order. */
export interface CriteriaTable<C> {
  criteria: C[];
  /** The 0-based row index of each criterion. */
  rows: number[];
  problems: CriteriaProblem[];
  /** The 0-based position of each column found. */
  columns: ReadonlyMap<CriteriaColumn, number>;
}

/** The columns a table cannot be read without (the others may be left out). */
export const requiredColumns: Record<CriteriaTableKind, readonly CriteriaColumn[]> = {
  knockouts: ["id", "rule"],
  awards: ["id", "scoring", "points"],
};

/**
 * The columns of a table in the template's order.
 *
 * @example
 * tableColumns("knockouts")[4]; // "rule"
 */
export function tableColumns(kind: CriteriaTableKind): readonly CriteriaColumn[] {
  return kind === "knockouts" ? knockoutColumns : awardColumns;
}

/**
 * Whether a row is the table's header row: one of its cells names the `Id` column.
 *
 * @example
 * isHeaderRow("awards", ["Id", "Scoring", "Punten"]); // true
 * isHeaderRow("awards", ["G9", "Alles of niets", 50]); // false
 */
export function isHeaderRow(kind: CriteriaTableKind, row: readonly CellValue[]): boolean {
  return row.some((cell) => headerColumn(kind, cell) === "id");
}

/**
 * Reads the knock-out table (`Knockoutcriteria`).
 *
 * @param headers The header row, or null to read the columns in the template's order.
 * @param rows The rows under it; rows with every known cell empty are skipped.
 * @example
 * parseKnockoutTable(["Id", "Soort waarde", "Toets", "Grens"], [["K3", "Jaren", "Ten minste", 2]]).criteria[0].rule;
 * // { kind: "atLeast", value: 2 }
 */
export function parseKnockoutTable(
  headers: readonly CellValue[] | null,
  rows: readonly (readonly CellValue[])[]
): CriteriaTable<KnockoutCriterion> {
  return parseTable("knockouts", headers, rows, knockoutRow);
}

/**
 * Reads the award table (`Gunningscriteria`).
 *
 * @param headers The header row, or null to read the columns in the template's order.
 * @param rows The rows under it; rows with every known cell empty are skipped.
 * @example
 * parseAwardTable(null, [["G10", "", "", "", "Alles of niets", "", "", "", 30]]).criteria[0].valueKind; // "yesNo"
 */
export function parseAwardTable(
  headers: readonly CellValue[] | null,
  rows: readonly (readonly CellValue[])[]
): CriteriaTable<AwardCriterion> {
  return parseTable("awards", headers, rows, awardRow);
}

/** One row being read: its cells by column, and where its problems go. */
interface Row {
  id: string;
  at(column: CriteriaColumn): CellValue;
  problem(
    code: CriteriaProblemCode,
    column: CriteriaColumn,
    extra?: Partial<CriteriaProblem>
  ): void;
}

function parseTable<C>(
  kind: CriteriaTableKind,
  headers: readonly CellValue[] | null,
  rows: readonly (readonly CellValue[])[],
  read: (row: Row) => C
): CriteriaTable<C> {
  const problems: CriteriaProblem[] = [];
  const columns = new Map<CriteriaColumn, number>();
  const order = tableColumns(kind);
  const required = requiredColumns[kind];
  if (headers) {
    headers.forEach((cell, index) => {
      const column = headerColumn(kind, cell);
      if (column && !columns.has(column)) columns.set(column, index);
    });
    for (const column of required.filter((c) => !columns.has(c)))
      problems.push({ code: "missingColumn", row: null, column, id: "", value: null });
  } else {
    order.forEach((column, index) => columns.set(column, index));
    const needed = Math.max(...required.map((c) => order.indexOf(c))) + 1;
    const width = rows.find((row) => row.some((cell) => !isEmptyCell(cell)))?.length;
    if (width !== undefined && width < needed) {
      problems.push({
        code: "tooFewColumns",
        row: null,
        column: order[width],
        id: "",
        value: null,
      });
    }
  }
  const result: CriteriaTable<C> = { criteria: [], rows: [], problems, columns };
  if (problems.length > 0) return result;

  const seen = new Set<string>();
  rows.forEach((cells, index) => {
    const at = (column: CriteriaColumn): CellValue => {
      const position = columns.get(column);
      return position === undefined ? null : (cells[position] ?? null);
    };
    if ([...columns.keys()].every((column) => isEmptyCell(at(column)))) return;
    const text = readText(at("id"));
    const id = text.toUpperCase();
    const row: Row = {
      id,
      at,
      problem: (code, column, extra = {}) =>
        problems.push({ code, row: index, column, id, value: at(column), ...extra }),
    };
    const before = problems.length;
    if (!isCriterionId(text)) row.problem("invalidId", "id");
    else if (seen.has(id)) row.problem("duplicateId", "id");
    seen.add(id);
    const criterion = read(row);
    if (problems.length === before) {
      for (const p of criterionProblems(kind, criterion as KnockoutCriterion | AwardCriterion))
        row.problem("invalidCriterion", fieldColumn(p.field.slice(`${kind}.${id}.`.length)), {
          criterion: p,
        });
    }
    result.criteria.push(criterion);
    result.rows.push(index);
  });
  if (result.criteria.length === 0)
    problems.push({ code: "noCriteria", row: null, column: null, id: "", value: null });
  return result;
}

/** The column of a criterion's field (`rule.value` → Grens, `scoring.steps.0.points` → Treden). */
function fieldColumn(field: string): CriteriaColumn {
  const columns: Array<[string, CriteriaColumn]> = [
    ["rule.value", "limit"],
    ["windowYears", "window"],
    ["scoring.threshold", "threshold"],
    ["scoring.steps", "steps"],
    ["scoring", "scoring"],
    ["valueKind", "valueKind"],
    ["header", "header"],
    ["points", "points"],
    ["rule", "rule"],
  ];
  return (
    columns.find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`))?.[1] ?? "id"
  );
}

/** The kind of number of a criterion's limit or threshold: that of the values it is compared with. */
function limitKind(valueKind: ValueKind): NumberKind {
  return valueKind === "years" || valueKind === "count" ? valueKind : "amount";
}

/**
 * A keyword cell through its word list; an empty cell is undefined, an unknown
 * word a problem (and null).
 */
function keyword<T extends string>(
  row: Row,
  column: CriteriaColumn,
  words: ReadonlyMap<string, T>
): T | undefined | null {
  const cell = row.at(column);
  if (isEmptyCell(cell)) return undefined;
  const found = words.get(word(cell));
  if (found) return found;
  row.problem("unknownWord", column);
  return null;
}

/**
 * Soort waarde: as typed, else the one kind the rule or scoring allows (`implied`);
 * an empty cell where a number is compared is a problem, read as an amount.
 */
function valueKindOf(row: Row, implied: ValueKind | null | undefined): ValueKind {
  const typed = keyword(row, "valueKind", valueKindWords);
  if (typed) return typed;
  if (typed === undefined && implied === null) row.problem("valueKindRequired", "valueKind");
  return implied ?? "amount";
}

/** A number cell; NaN (and a problem) when unreadable, or empty and `required`. */
function numberAt(
  row: Row,
  column: CriteriaColumn,
  kind: NumberKind,
  required: boolean,
  linear = false
): number | undefined {
  const cell = row.at(column);
  if (isEmptyCell(cell) && !required) return undefined;
  const read = readNumber(cell, kind);
  if (read.ok) return read.value;
  row.problem("number", column, {
    read: { problem: read.problem, message: read.message },
    kind,
    ...(linear ? { linear } : {}),
  });
  return Number.NaN;
}

/** The criterion's own column header: as typed, else its id and description (none for the rate). */
function headerOf(row: Row, description: string): string {
  return readText(row.at("header")) || `${row.id} ${description}`.trim();
}

function windowOf(row: Row): { windowYears?: number } {
  const windowYears = numberAt(row, "window", "years", false);
  return windowYears === undefined ? {} : { windowYears };
}

function knockoutRow(row: Row): KnockoutCriterion {
  const kind = keyword(row, "rule", ruleWords);
  if (kind === undefined) row.problem("unknownWord", "rule");
  const implied: Record<KnockoutRule["kind"], ValueKind | null> = {
    yes: "yesNo",
    atLeast: null,
    atMost: null,
    coversContractValue: "amount",
    maxRate: "amount",
  };
  const valueKind = valueKindOf(row, kind ? implied[kind] : undefined);
  const ruleKind = kind ?? "yes";
  const rule: KnockoutRule =
    ruleKind === "atLeast" || ruleKind === "atMost"
      ? { kind: ruleKind, value: numberAt(row, "limit", limitKind(valueKind), true) as number }
      : { kind: ruleKind };
  const windowYears = windowOf(row);
  const optionalCell = row.at("optional");
  let optional = false;
  if (!isEmptyCell(optionalCell)) {
    const read = readYesNo(optionalCell, false);
    if (read.ok) optional = read.value === true;
    else
      row.problem("unknownWord", "optional", {
        read: { problem: read.problem, message: read.message },
      });
  }
  const description = readText(row.at("description"));
  return {
    id: row.id,
    header: ruleKind === "maxRate" ? null : headerOf(row, description),
    description,
    valueKind,
    rule,
    ...windowYears,
    optional,
  };
}

function awardRow(row: Row): AwardCriterion {
  const kind = keyword(row, "scoring", scoringWords);
  if (kind === undefined) row.problem("unknownWord", "scoring");
  const noThreshold = isEmptyCell(row.at("threshold"));
  const implied = kind ? (kind === "allOrNothing" && noThreshold ? "yesNo" : null) : undefined;
  const valueKind = valueKindOf(row, implied);
  const limit = limitKind(valueKind);
  let scoring: AwardScoring;
  switch (kind ?? "allOrNothing") {
    case "linear":
      scoring = {
        kind: "linear",
        min: numberAt(row, "threshold", limit, true, true) as number,
        max: numberAt(row, "maximum", limit, true) as number,
      };
      break;
    case "tiered":
      scoring = { kind: "tiered", steps: stepsOf(row) };
      break;
    case "allOrNothing": {
      const threshold = numberAt(row, "threshold", limit, false);
      scoring =
        threshold === undefined ? { kind: "allOrNothing" } : { kind: "allOrNothing", threshold };
      break;
    }
  }
  const points = numberAt(row, "points", "points", true) as number;
  const description = readText(row.at("description"));
  return {
    id: row.id,
    header: headerOf(row, description),
    description,
    valueKind,
    points,
    scoring,
    ...windowOf(row),
  };
}

function stepsOf(row: Row): Array<{ min: number; points: number }> {
  const steps = readSteps(row.at("steps"));
  if (steps) return steps;
  row.problem("invalidSteps", "steps");
  return [];
}

/**
 * Tiered steps written as `vanaf:punten; vanaf:punten` (`=` also separates); null
 * when a part is unreadable or there is none.
 *
 * @example
 * readSteps("2:10; 5,5=30"); // [{ min: 2, points: 10 }, { min: 5.5, points: 30 }]
 * readSteps("veel"); // null
 */
export function readSteps(cell: CellValue): Array<{ min: number; points: number }> | null {
  const steps = readText(cell)
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const [from, points, extra] = part.split(/[:=]/);
      const min = readNumber(from?.trim() ?? "", "years");
      const pts = readNumber(points?.trim() ?? "", "amount");
      return extra === undefined && min.ok && pts.ok ? { min: min.value, points: pts.value } : null;
    });
  if (steps.length === 0 || steps.some((step) => step === null)) return null;
  return steps as Array<{ min: number; points: number }>;
}
