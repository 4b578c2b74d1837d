/**
 * The request's criteria tables on the `Aanvraag` sheet (`Gunningscriteria`,
 * `Knockoutcriteria`) read into the engine's criterion model. Columns are found
 * by their header when the range includes its header row, otherwise by position
 * (see {@link AWARD_COLUMNS} and {@link KNOCKOUT_COLUMNS}). This file only reads;
 * what a criterion means is the engine's.
 */
import {
  describeCell,
  isEmptyCell,
  readNumber,
  readText,
  readYesNo,
  type AwardCriterion,
  type AwardScoring,
  type CellValue,
  type KnockoutCriterion,
  type KnockoutRule,
  type ValueKind,
} from "../engine";
import { tableOf } from "./cells";
import { FunctionError, invalidValue } from "./errors";
import { functionMessages as m } from "./messages";

type AwardField =
  | "id"
  | "description"
  | "header"
  | "valueKind"
  | "scoring"
  | "threshold"
  | "maximum"
  | "steps"
  | "points"
  | "window";
type KnockoutField =
  "id" | "description" | "header" | "valueKind" | "rule" | "limit" | "window" | "optional";

/**
 * The columns of the award table (`Gunningscriteria`) on the `Aanvraag` sheet,
 * in the order of the workbook layout: a range without its header row is read
 * in this order. With the header row (`Gunningscriteria[#All]`) any order works.
 */
export const AWARD_COLUMNS = [
  "Id",
  "Omschrijving",
  "Kolomkop",
  "Soort waarde",
  "Scoring",
  "Drempel",
  "Maximum",
  "Treden",
  "Punten",
  "Periode (jaren)",
] as const;

/** The columns of the knock-out table (`Knockoutcriteria`), likewise. */
export const KNOCKOUT_COLUMNS = [
  "Id",
  "Omschrijving",
  "Kolomkop",
  "Soort waarde",
  "Toets",
  "Grens",
  "Periode (jaren)",
  "Optioneel",
] as const;

const AWARD_POSITIONS: AwardField[] = [
  "id",
  "description",
  "header",
  "valueKind",
  "scoring",
  "threshold",
  "maximum",
  "steps",
  "points",
  "window",
];
const KNOCKOUT_POSITIONS: KnockoutField[] = [
  "id",
  "description",
  "header",
  "valueKind",
  "rule",
  "limit",
  "window",
  "optional",
];

/** Header words and keywords per meaning, compared as {@link word} leaves them. */
const AWARD_HEADERS = byWord<AwardField>({
  id: ["id", "criterium", "code"],
  description: ["omschrijving", "description"],
  header: ["kolomkop", "header"],
  window: ["periodejaren", "periode", "window"],
  scoring: [
    "soort",
    "scoring",
    "methode",
    "puntentelling",
    "soortscoring",
    "scoringsmethode",
    "kind",
  ],
  threshold: ["drempel", "threshold", "minimum", "min", "vanaf"],
  points: ["punten", "points", "maximumpunten", "maxpunten"],
  maximum: ["maximum", "max"],
  valueKind: ["soortwaarde", "waarde", "typewaarde", "valuekind"],
  steps: ["treden", "steps", "staffel"],
});

const KNOCKOUT_HEADERS = byWord<KnockoutField>({
  id: ["id", "criterium", "code"],
  description: ["omschrijving", "description"],
  header: ["kolomkop", "header"],
  window: ["periodejaren", "periode", "window"],
  valueKind: ["soortwaarde", "waarde", "typewaarde", "valuekind", "soort"],
  rule: ["toets", "regel", "rule", "eis"],
  limit: ["grens", "limiet", "drempel", "limit"],
  optional: ["optioneel", "optional", "facultatief"],
});

const SCORING = byWord<AwardScoring["kind"]>({
  allOrNothing: ["allesofniets", "allornothing"],
  tiered: ["treden", "trede", "staffel", "tiered"],
  linear: ["lineair", "linear"],
});

const VALUE_KINDS = byWord<ValueKind>({
  yesNo: ["janee", "yesno"],
  yesNoNotApplicable: ["janeenvt", "yesnonotapplicable"],
  years: ["jaren", "jaar", "years"],
  count: ["aantal", "count"],
  amount: ["bedrag", "amount", "euro"],
});

const RULES = byWord<KnockoutRule["kind"]>({
  yes: ["ja", "yes"],
  atLeast: ["minimaal", "minimum", "min", "atleast", "tenminste"],
  atMost: ["maximaal", "maximum", "max", "atmost", "tenhoogste"],
  coversContractValue: ["dektopdrachtwaarde", "opdrachtwaarde", "coverscontractvalue"],
  maxRate: ["maximumtarief", "uurtarief", "maxrate"],
});

function byWord<T extends string>(words: Record<T, string[]>): Record<string, T | undefined> {
  const map: Record<string, T | undefined> = {};
  for (const [meaning, list] of Object.entries(words) as Array<[T, string[]]>) {
    for (const w of list) map[w] = meaning;
  }
  return map;
}

/** The award criteria in the range, in its order. */
export function readAwardCriteria(range: unknown): AwardCriterion[] {
  const label = m.label.awardCriteria;
  const { rows, at, firstRow } = readTable(
    range,
    label,
    AWARD_HEADERS,
    AWARD_POSITIONS,
    AWARD_COLUMNS,
    9
  );
  const seen = new Set<string>();
  return rows.map((row, index) =>
    inRow(label, firstRow + index, () => {
      const id = readId(at(row, "id"), seen);
      const scoring = readScoring(id, row, at);
      const points = numberField(id, at(row, "points"), m.label.points, true) ?? 0;
      const valueKind =
        readValueKind(id, at(row, "valueKind")) ??
        (scoring.kind === "allOrNothing" && scoring.threshold === undefined ? "yesNo" : "years");
      return { id, header: id, description: id, valueKind, points, scoring };
    })
  );
}

/** The knock-out criteria and formal requirements in the range, in its order. */
export function readKnockoutCriteria(range: unknown): KnockoutCriterion[] {
  const label = m.label.knockoutCriteria;
  const { rows, at, firstRow } = readTable(
    range,
    label,
    KNOCKOUT_HEADERS,
    KNOCKOUT_POSITIONS,
    KNOCKOUT_COLUMNS,
    6
  );
  const seen = new Set<string>();
  return rows.map((row, index) =>
    inRow(label, firstRow + index, () => {
      const id = readId(at(row, "id"), seen);
      const ruleText = word(at(row, "rule"));
      const kind = RULES[ruleText];
      if (!kind) throw invalidValue(m.unknownRule(id, readText(at(row, "rule"))));
      let rule: KnockoutRule;
      if (kind === "atLeast" || kind === "atMost") {
        rule = { kind, value: numberField(id, at(row, "limit"), m.label.limit, true) ?? 0 };
      } else {
        rule = { kind };
      }
      const inferred: ValueKind | undefined =
        kind === "yes" ? "yesNo" : kind === "atLeast" || kind === "atMost" ? undefined : "amount";
      const valueKind = readValueKind(id, at(row, "valueKind")) ?? inferred;
      if (!valueKind) throw invalidValue(m.valueKindRequired(id));
      const optionalCell = at(row, "optional");
      const optionalRead = isEmptyCell(optionalCell) ? null : readYesNo(optionalCell, false);
      if (optionalRead && !optionalRead.ok) throw invalidValue(`${id}: ${optionalRead.message}`);
      return {
        id,
        header: kind === "maxRate" ? null : id,
        description: id,
        valueKind,
        rule,
        optional: optionalRead?.ok ? optionalRead.value === true : false,
      };
    })
  );
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
 *
 * @example
 * headerId("g10 Opleiding"); // "G10"
 * headerId("Kandidaat"); // null
 */
export function headerId(header: CellValue): string | null {
  const match = /^([A-Za-z]+\d+)(?![\dA-Za-z])/.exec(readText(header));
  return match ? match[1].toUpperCase() : null;
}

/** A header or keyword as lower-case letters and digits only: "Soort waarde" → "soortwaarde". */
function word(value: CellValue): string {
  return readText(value)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]/g, "");
}

function readTable<F extends string>(
  range: unknown,
  label: string,
  headers: Record<string, F | undefined>,
  positions: F[],
  display: readonly string[],
  minColumns: number
): { rows: CellValue[][]; at: (row: CellValue[], field: F) => CellValue; firstRow: number } {
  const all = tableOf(range).filter((row) => !row.every(isEmptyCell));
  const headerRow = all.length > 0 && all[0].some((cell) => headers[word(cell)] === ("id" as F));
  const columns = new Map<F, number>();
  if (headerRow) {
    all[0].forEach((cell, index) => {
      const field = headers[word(cell)];
      if (field && !columns.has(field)) columns.set(field, index);
    });
  } else {
    if (all.length > 0 && all[0].length < minColumns) {
      throw invalidValue(m.criteriaColumns(label, display.slice(0, minColumns)));
    }
    positions.forEach((field, index) => columns.set(field, index));
  }
  const rows = headerRow ? all.slice(1) : all;
  if (rows.length === 0) throw invalidValue(m.emptyCriteria(label));
  const at = (row: CellValue[], field: F): CellValue => {
    const index = columns.get(field);
    return index === undefined ? null : (row[index] ?? null);
  };
  return { rows, at, firstRow: headerRow ? 2 : 1 };
}

function inRow<T>(label: string, row: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FunctionError) {
      throw invalidValue(m.criterionRow(label, row, error.message));
    }
    throw error;
  }
}

function readId(cell: CellValue, seen: Set<string>): string {
  const text = readText(cell);
  if (!/^[A-Za-z]+\d+$/.test(text)) throw invalidValue(m.invalidId(text));
  const id = text.toUpperCase();
  if (seen.has(id)) throw invalidValue(m.duplicateId(id));
  seen.add(id);
  return id;
}

function readValueKind(id: string, cell: CellValue): ValueKind | undefined {
  if (isEmptyCell(cell)) return undefined;
  const kind = VALUE_KINDS[word(cell)];
  if (!kind) throw invalidValue(m.unknownValueKind(id, readText(cell)));
  return kind;
}

function readScoring(
  id: string,
  row: CellValue[],
  at: (row: CellValue[], field: AwardField) => CellValue
): AwardScoring {
  const text = word(at(row, "scoring"));
  const kind = SCORING[text];
  if (!kind) throw invalidValue(m.unknownScoring(id, readText(at(row, "scoring"))));
  switch (kind) {
    case "allOrNothing": {
      const threshold = numberField(id, at(row, "threshold"), m.label.threshold, false);
      return threshold === null ? { kind } : { kind, threshold };
    }
    case "linear": {
      const min = numberField(id, at(row, "threshold"), m.label.minimum, true) ?? 0;
      const max = numberField(id, at(row, "maximum"), m.label.maximum, true) ?? 0;
      return { kind, min, max };
    }
    case "tiered": {
      const stepsCell = isEmptyCell(at(row, "steps")) ? at(row, "threshold") : at(row, "steps");
      return { kind, steps: readSteps(id, stepsCell) };
    }
  }
}

/** Tiered steps written as `vanaf:punten; vanaf:punten`, e.g. `2:10; 5:30` or `2,5=10`. */
function readSteps(id: string, cell: CellValue): Array<{ min: number; points: number }> {
  const text = readText(cell);
  const steps = text
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const [from, points, extra] = part.split(/[:=]/);
      const min = readNumber(from?.trim() ?? "", "years");
      const pts = readNumber(points?.trim() ?? "", "amount");
      return extra === undefined && min.ok && pts.ok ? { min: min.value, points: pts.value } : null;
    });
  if (steps.length === 0 || steps.some((step) => step === null)) {
    throw invalidValue(m.invalidSteps(id, text));
  }
  return steps as Array<{ min: number; points: number }>;
}

function numberField(id: string, cell: CellValue, what: string, required: boolean): number | null {
  if (isEmptyCell(cell)) {
    if (required) throw invalidValue(m.numberRequired(id, what));
    return null;
  }
  const read = readNumber(cell, "amount");
  if (!read.ok) throw invalidValue(m.notANumber(id, what, describeCell(cell)));
  return read.value;
}
