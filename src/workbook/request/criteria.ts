/**
 * The criteria sections of the `Aanvraag` sheet (`Knockoutcriteria`,
 * `Gunningscriteria`) read through the engine's one grammar of those tables
 * (src/engine/grammar), as FLEX reads them (src/functions/criteria.ts). Only the
 * reporting is the workbook's: every problem becomes a Dutch message at its cell.
 */
import {
  columnHeaders,
  parseAwardTable,
  parseKnockoutTable,
  readText,
  requestMessages,
  requestWords,
  tableColumns,
  type AwardCriterion,
  type CellValue,
  type CriteriaColumn,
  type CriteriaProblem,
  type CriteriaTable,
  type CriteriaTableKind,
  type KnockoutCriterion,
} from "../../engine";
import { cellAddress } from "../address";
import { headerKey, plainRegion, tableRegion, type Region } from "../regions";
import { typedCell, type SheetSnapshot } from "../snapshot";
import {
  criteriaTableMessages,
  fatalMessages,
  requestCellMessages as m,
  tableNames,
} from "../texts";
import type { Reader } from "./reader";

/** Where each column's problems and cells are in the request (validateRequest's field paths, below the criterion). */
const fieldOf: Record<CriteriaColumn, string> = {
  id: "id",
  description: "description",
  header: "header",
  valueKind: "valueKind",
  rule: "rule",
  limit: "rule.value",
  window: "windowYears",
  optional: "optional",
  scoring: "scoring",
  threshold: "scoring.threshold",
  maximum: "scoring.max",
  steps: "scoring.steps",
  points: "points",
};

/**
 * Reads the knock-out table: the Excel table `Knockoutcriteria`, else the plain block under a header row with `Id` and `Toets`.
 *
 * @example
 * readKnockouts(sheet, reader).map((k) => k.id); // ["K1", …, "E3"]
 */
export function readKnockouts(sheet: SheetSnapshot, r: Reader): KnockoutCriterion[] {
  return readCriteria(sheet, r, "knockouts", parseKnockoutTable);
}

/**
 * Reads the award table: `Gunningscriteria`, else the plain block under `Id` and `Scoring`.
 *
 * @example
 * readAwards(sheet, reader).map((a) => a.id); // ["G9", "G10", "G11"]
 */
export function readAwards(sheet: SheetSnapshot, r: Reader): AwardCriterion[] {
  return readCriteria(sheet, r, "awards", parseAwardTable);
}

function readCriteria<C>(
  sheet: SheetSnapshot,
  r: Reader,
  kind: CriteriaTableKind,
  parse: (headers: CellValue[], rows: CellValue[][]) => CriteriaTable<C>
): C[] {
  const name = tableNames[kind];
  const marker = columnHeaders[kind === "knockouts" ? "rule" : "scoring"];
  const region = criteriaRegion(sheet, name, marker);
  if (!region) {
    r.problem(name, "A1", fatalMessages.noTable(sheet.name, name, marker));
    return [];
  }
  const rows: CellValue[][] = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++)
    rows.push(region.headers.map((_, i) => typedCell(sheet, row, region.firstColumn + i)));
  const read = parse(region.headers, rows);
  const cell = (row: number, column: CriteriaColumn | null) =>
    cellAddress(
      region.firstDataRow + row,
      region.firstColumn + (read.columns.get(column ?? "id") ?? read.columns.get("id") ?? 0)
    );
  read.rows.forEach((row, i) => {
    const id = (read.criteria[i] as { id: string }).id;
    for (const column of tableColumns(kind))
      r.place(`${kind}.${id}.${fieldOf[column]}`, cell(row, column));
  });
  for (const p of read.problems) {
    const message = criteriaProblemMessage(sheet.name, kind, p);
    if (p.row === null) {
      const at =
        p.code === "noCriteria"
          ? cellAddress(region.firstDataRow, region.firstColumn)
          : cellAddress(region.headerRow, region.firstColumn);
      r.problem(name, at, message);
    } else {
      r.problem(problemField(kind, p), cell(p.row, p.column), message);
    }
  }
  return read.criteria;
}

/**
 * The request field a cell's problem stands for, so validateRequest does not report it
 * again: a linear scoring's minimum (Drempel) and maximum stand for the whole scoring,
 * as validateRequest checks them together.
 */
function problemField(kind: CriteriaTableKind, p: CriteriaProblem): string {
  if (p.criterion) return p.criterion.field;
  const whole = p.column === "maximum" || (p.column === "threshold" && p.linear);
  return `${kind}.${p.id}.${whole ? "scoring" : fieldOf[p.column ?? "id"]}`;
}

/** The criteria block of a table name: the table, else the plain block under a header row with `Id` and `marker`. */
function criteriaRegion(sheet: SheetSnapshot, name: string, marker: string): Region | null {
  const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (table) return tableRegion(sheet, table);
  for (let row = 1; row <= sheet.values.length; row++) {
    const cells = (sheet.values[row - 1] ?? []).map(headerKey);
    if (cells[0] === headerKey(columnHeaders.id) && cells.includes(headerKey(marker)))
      return plainRegion(sheet, row, 1, 1);
  }
  return null;
}

/**
 * The Dutch message of a criteria table's problem, as the pane and the command show it
 * at its cell: a table's problem at its header (or first) row, a cell's at that cell.
 *
 * @example
 * criteriaProblemMessage("Aanvraag", "knockouts", { code: "unknownWord", column: "rule", value: "soms", … });
 * // "Toets: onbekende waarde 'soms'. Kies uit 'Ja', 'Minimaal', … en 'Maximumtarief'."
 */
export function criteriaProblemMessage(
  sheet: string,
  kind: CriteriaTableKind,
  p: CriteriaProblem
): string {
  const name = tableNames[kind];
  if (p.code === "noCriteria") return m.emptyTable(name);
  if (p.row === null)
    return fatalMessages.noHeader(`${sheet} (${name})`, columnHeaders[p.column ?? "id"]);
  return cellProblemText(p);
}

/** The words a keyword column offers, as its drop-down list in the template shows them. */
const allowedWords: Partial<Record<CriteriaColumn, string[]>> = {
  valueKind: Object.values(requestWords.valueKind),
  rule: Object.values(requestWords.rule),
  scoring: Object.values(requestWords.scoring),
  optional: [requestWords.yes, requestWords.no],
};

function cellProblemText(p: CriteriaProblem): string {
  const label = columnHeaders[p.column ?? "id"];
  const value = readText(p.value);
  switch (p.code) {
    case "invalidId":
      return requestMessages.invalidId(value);
    case "duplicateId":
      return requestMessages.duplicateId(p.id);
    case "unknownWord":
      return m.unknownWord(label, value, allowedWords[p.column!] ?? []);
    case "valueKindRequired":
      return criteriaTableMessages.valueKindRequired(label, [
        requestWords.valueKind.years,
        requestWords.valueKind.count,
        requestWords.valueKind.amount,
      ]);
    case "invalidSteps":
      return m.invalidSteps(value);
    case "invalidCriterion":
      return p.criterion?.message ?? value;
    default:
      return m.field(label, p.read?.message ?? value);
  }
}
