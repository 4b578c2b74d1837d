/**
 * Reading the `Aanvraag` sheet back into a {@link Request}: settings by their
 * defined name (or their label in column A), criteria from their tables (or a
 * plain block under an `Id` header). Every problem, the engine's validateRequest
 * included, lands on its own cell, so editing a threshold there changes every score.
 */
import {
  isEmptyCell,
  readDate,
  readNumber,
  readCvRequirements,
  readText,
  readYesNo,
  validateRequest,
  type CvRequirementPolicy,
  type AwardCriterion,
  type AwardScoring,
  type CellValue,
  type KnockoutCriterion,
  type KnockoutRule,
  type NumberKind,
  type Request,
  type ValueKind,
} from "../engine";
import { cellAddress, parseCell } from "./address";
import { optionalSettings, settingRows, requestSheet, type SettingKey } from "./layout";
import type { SheetProblem } from "./problems";
import {
  columnsNamed,
  findTable,
  headerKey,
  plainRegion,
  regionCell,
  tableRegion,
  type Region,
} from "./regions";
import {
  cellValue,
  findSheet,
  typedCell,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "./snapshot";
import {
  cellWords,
  criteriaHeaders as h,
  fatalMessages,
  requestCellMessages as m,
  requestSheetTexts,
  sheetNames,
  tableNames,
} from "./texts";

/** The request read from the sheet, and every problem with it at its cell. */
export interface RequestRead {
  request: Request;
  problems: SheetProblem[];
  /** Nothing about the assignment is filled in yet (no number, no title, no criteria): a blank template. */
  blank: boolean;
}

/** The request field path (as validateRequest names it) of each settings row. */
const settingFields: Record<SettingKey, string> = {
  id: "id",
  title: "title",
  organisation: "organisation",
  referenceDate: "referenceDate",
  closingMoment: "closingMoment",
  maxRate: "maxRate",
  topN: "topN",
  hoursMin: "hoursPerWeek.min",
  hoursMax: "hoursPerWeek.max",
  termWeeks: "termWeeks",
  extensionCount: "extensions.count",
  extensionWeeks: "extensions.weeks",
  includeExtensions: "contractValueIncludesExtensions",
  feePerHour: "feePerHour",
  scale: "competencyGate.scale",
  passFrom: "competencyGate.passFrom",
  minAssessors: "competencyGate.minAssessors",
  listingClosingMoment: "listingClosingMoment",
  cvRequirements: "cvRequirements",
};

/** The kind of number of each numeric setting, so a message names it rightly ("Geen geldig aantal"). */
const settingKinds: Partial<Record<SettingKey, NumberKind>> = {
  maxRate: "amount",
  feePerHour: "amount",
  topN: "count",
  extensionCount: "count",
  minAssessors: "count",
};

/** The kind of number of a criterion's limit or threshold: that of the values it is compared with. */
function limitKind(valueKind: ValueKind): NumberKind {
  return valueKind === "years" || valueKind === "count" ? valueKind : "amount";
}

/** Collects problems and where each request field sits, so validateRequest's fields find their cell. */
class Reader {
  readonly problems: SheetProblem[] = [];
  private readonly cells = new Map<string, string>();
  private readonly reported = new Set<string>();

  constructor(readonly sheet: SheetSnapshot) {}

  place(field: string, cell: string): void {
    this.cells.set(field, cell);
  }

  problem(field: string, cell: string, message: string): void {
    this.reported.add(field);
    this.problems.push({ sheet: this.sheet.name, cell, message });
  }

  /** The cell of a field path, or of its nearest parent (`awards.G9.scoring.steps.0.min` → the Treden cell). */
  cellOf(field: string): string {
    for (let path = field; path; path = path.slice(0, Math.max(0, path.lastIndexOf(".")))) {
      const cell = this.cells.get(path);
      if (cell) return cell;
      if (!path.includes(".")) break;
    }
    return "A1";
  }

  /** Adds validateRequest's problems, except for fields whose cell was already reported as unreadable. */
  validate(request: Request): void {
    for (const p of validateRequest(request)) {
      const covered = [...this.reported].some((f) => p.field === f || p.field.startsWith(`${f}.`));
      if (!covered)
        this.problems.push({
          sheet: this.sheet.name,
          cell: this.cellOf(p.field),
          message: p.message,
        });
    }
  }
}

/** Lower-case letters and digits only, so `Ja/Nee/n.v.t.` and `ja nee nvt` compare equal. */
function word(value: CellValue): string {
  return readText(value)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]/g, "");
}

function lookup<T extends string>(
  words: Record<T, string>,
  extra: Record<string, T> = {}
): Map<string, T> {
  const map = new Map<string, T>();
  for (const [key, text] of Object.entries(words) as Array<[T, string]>) {
    map.set(word(text), key);
    map.set(word(key), key);
  }
  for (const [w, key] of Object.entries(extra)) map.set(w, key);
  return map;
}

const valueKinds = lookup<ValueKind>(cellWords.valueKind, { jaar: "years", euro: "amount" });
const rules = lookup<KnockoutRule["kind"]>(cellWords.rule, {
  minimum: "atLeast",
  maximum: "atMost",
  opdrachtwaarde: "coversContractValue",
  uurtarief: "maxRate",
});
const scorings = lookup<AwardScoring["kind"]>(cellWords.scoring, {
  trede: "tiered",
  staffel: "tiered",
});

/**
 * Reads the request from the `Aanvraag` sheet; null when the workbook has no such sheet.
 *
 * @example
 * const read = readRequest(snapshot);
 * read?.problems; // [{ sheet: "Aanvraag", cell: "B9", message: "Top N moet een heel getal van 1 of meer zijn." }]
 */
export function readRequest(snapshot: WorkbookSnapshot): RequestRead | null {
  const sheet = findSheet(snapshot, sheetNames.request);
  if (!sheet) return null;
  const r = new Reader(sheet);
  const setting = settingReader(snapshot, sheet, r);

  const text = (key: SettingKey) => readText(setting(key).value);
  const number = (key: SettingKey): number => {
    const { value, cell } = setting(key);
    const read = readNumber(value, settingKinds[key] ?? "number");
    if (read.ok) return read.value;
    if (cell)
      r.problem(settingFields[key], cell, m.field(requestSheetTexts.labels[key], read.message));
    return Number.NaN;
  };
  const referenceDate = (() => {
    const { value, cell } = setting("referenceDate");
    const read = readDate(value);
    if (read.ok) return read.value;
    if (cell)
      r.problem(
        "referenceDate",
        cell,
        m.field(requestSheetTexts.labels.referenceDate, read.message)
      );
    return "";
  })();
  const closingMoment = (() => {
    const { value, cell } = setting("closingMoment");
    if (isEmptyCell(value)) return "";
    const moment = readMoment(value);
    if (moment === null && cell) r.problem("closingMoment", cell, m.invalidMoment(readText(value)));
    return moment ?? "";
  })();
  const listingClosingMoment = (() => {
    const { value, cell } = setting("listingClosingMoment");
    if (isEmptyCell(value)) return undefined;
    const moment = readMoment(value);
    if (moment === null && cell)
      r.problem("listingClosingMoment", cell, m.invalidListingMoment(readText(value)));
    return moment ?? undefined;
  })();
  const includeExtensions = (() => {
    const { value, cell } = setting("includeExtensions");
    if (isEmptyCell(value)) return false;
    const read = readYesNo(value, false);
    if (!read.ok && cell) {
      r.problem(
        settingFields.includeExtensions,
        cell,
        m.field(requestSheetTexts.labels.includeExtensions, read.message)
      );
    }
    return read.ok && read.value === true;
  })();
  // An empty cell, or no such row (a sheet made before the setting), is `uitsluiten`: as FLEX.KNOCKOUT reads it.
  const cvRequirements = ((): CvRequirementPolicy => {
    const { value, cell } = setting("cvRequirements");
    if (isEmptyCell(value)) return "exclude";
    const read = readCvRequirements(value);
    if (read.ok) return read.value;
    if (cell)
      r.problem(
        settingFields.cvRequirements,
        cell,
        m.field(requestSheetTexts.labels.cvRequirements, read.message)
      );
    return "exclude";
  })();
  const scale = text("scale")
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

  const request: Request = {
    id: text("id"),
    title: text("title"),
    organisation: text("organisation"),
    referenceDate,
    closingMoment,
    ...(listingClosingMoment === undefined ? {} : { listingClosingMoment }),
    maxRate: number("maxRate"),
    topN: number("topN"),
    hoursPerWeek: { min: number("hoursMin"), max: number("hoursMax") },
    termWeeks: number("termWeeks"),
    extensions: { count: number("extensionCount"), weeks: number("extensionWeeks") },
    contractValueIncludesExtensions: includeExtensions,
    feePerHour: number("feePerHour"),
    cvRequirements,
    knockouts: readKnockouts(sheet, r),
    awards: readAwards(sheet, r),
    competencyGate: {
      competencies: readList(sheet, tableNames.competencies, h.competency, r),
      scale,
      passFrom: text("passFrom"),
      minAssessors: number("minAssessors"),
    },
    facts: readFacts(sheet),
  };
  r.place("hoursPerWeek", r.cellOf("hoursPerWeek.max"));
  r.validate(request);
  // Top to bottom, left to right: the order in which the user fixes them.
  const position = (p: SheetProblem) => {
    const { row, column } = parseCell(p.cell);
    return row * 100_000 + column;
  };
  const problems = r.problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => position(a.p) - position(b.p) || a.i - b.i);
  const blank =
    !request.id && !request.title && request.knockouts.length + request.awards.length === 0;
  return { request, problems: problems.map(({ p }) => p), blank };
}

/** A setting's value and cell: by defined name on this sheet, else by its label in column A. */
function settingReader(snapshot: WorkbookSnapshot, sheet: SheetSnapshot, r: Reader) {
  const byLabel = new Map<string, number>();
  sheet.values.forEach((row, i) => {
    const key = headerKey(row[requestSheet.labelColumn - 1]);
    if (key && !byLabel.has(key)) byLabel.set(key, i + 1);
  });
  const cache = new Map<SettingKey, { value: CellValue; cell: string | null }>();
  return (key: SettingKey): { value: CellValue; cell: string | null } => {
    const known = cache.get(key);
    if (known) return known;
    const row = settingRows.find((s) => s.key === key);
    const named = snapshot.names.find(
      (n) =>
        n.name.toLowerCase() === row?.name.toLowerCase() &&
        n.sheet.toLowerCase() === sheet.name.toLowerCase()
    );
    let found: { value: CellValue; cell: string | null };
    if (named && !named.address.includes(":")) {
      const { row: rr, column } = parseCell(named.address);
      found = { value: typedCell(sheet, rr, column), cell: named.address };
    } else {
      const at = byLabel.get(headerKey(requestSheetTexts.labels[key]));
      if (at !== undefined) {
        found = {
          value: typedCell(sheet, at, requestSheet.valueColumn),
          cell: cellAddress(at, requestSheet.valueColumn),
        };
      } else if (optionalSettings.has(key)) {
        found = { value: null, cell: null };
      } else {
        const where = cellAddress(
          requestSheet.firstSettingRow + settingRows.indexOf(row!),
          requestSheet.labelColumn
        );
        r.problem(settingFields[key], where, m.missingSetting(requestSheetTexts.labels[key]));
        found = { value: null, cell: null };
      }
    }
    if (found.cell) r.place(settingFields[key], found.cell);
    cache.set(key, found);
    return found;
  };
}

/** `04-10-2024 11:25`, an Excel date-time, or `2024-10-04T11:25` as `jjjj-mm-ddTuu:mm`; null when unreadable. */
function readMoment(value: CellValue): string | null {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const date = readDate(value);
    return date.ok
      ? `${date.value}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`
      : null;
  }
  if (typeof value === "number") {
    const date = readDate(Math.floor(value));
    const minutes = Math.round((value - Math.floor(value)) * 24 * 60);
    return date.ok ? `${date.value}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : null;
  }
  const match = /^(.+?)[T\s]+(\d{1,2}):(\d{2})$/i.exec(readText(value));
  if (!match || Number(match[2]) > 23 || Number(match[3]) > 59) return null;
  const date = readDate(match[1]);
  return date.ok ? `${date.value}T${pad(Number(match[2]))}:${match[3]}` : null;
}

/** The criteria block of a table name: the table, else the plain block under a header row with `Id` and `marker`. */
function criteriaRegion(sheet: SheetSnapshot, name: string, marker: string): Region | null {
  const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (table) return tableRegion(sheet, table);
  for (let row = 1; row <= sheet.values.length; row++) {
    const cells = (sheet.values[row - 1] ?? []).map(headerKey);
    if (cells[0] === headerKey(h.id) && cells.includes(headerKey(marker)))
      return plainRegion(sheet, row, 1, 1);
  }
  return null;
}

/** Reads the rows of a criteria block through a column map. */
function criteriaRows<F extends string>(
  sheet: SheetSnapshot,
  r: Reader,
  name: string,
  marker: string,
  fields: Record<F, string>,
  required: F[]
): Array<{ at: (f: F) => CellValue; cell: (f: F) => string; row: number }> | null {
  const region = criteriaRegion(sheet, name, marker);
  if (!region) {
    r.problem(name, "A1", fatalMessages.noTable(sheet.name, name, marker));
    return null;
  }
  const index = new Map<F, number>();
  for (const [f, header] of Object.entries(fields) as Array<[F, string]>) {
    const found = columnsNamed(region.headers, header);
    if (found.length > 0) index.set(f, found[0]);
  }
  const missing = required.filter((f) => !index.has(f));
  if (missing.length > 0) {
    for (const f of missing) {
      r.problem(
        name,
        cellAddress(region.headerRow, region.firstColumn),
        fatalMessages.noHeader(`${sheet.name} (${name})`, fields[f])
      );
    }
    return null;
  }
  const rows = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++) {
    const at = (f: F) =>
      index.has(f) ? typedCell(sheet, row, region.firstColumn + index.get(f)!) : null;
    if (Object.keys(fields).every((f) => isEmptyCell(at(f as F)))) continue;
    const cell = (f: F) =>
      cellAddress(row, region.firstColumn + (index.get(f) ?? index.get(required[0])!));
    rows.push({ at, cell, row });
  }
  if (rows.length === 0)
    r.problem(name, cellAddress(region.firstDataRow, region.firstColumn), m.emptyTable(name));
  return rows;
}

type KnockoutField =
  "id" | "description" | "header" | "valueKind" | "rule" | "limit" | "window" | "optional";
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

function readKnockouts(sheet: SheetSnapshot, r: Reader): KnockoutCriterion[] {
  const fields: Record<KnockoutField, string> = {
    id: h.id,
    description: h.description,
    header: h.header,
    valueKind: h.valueKind,
    rule: h.rule,
    limit: h.limit,
    window: h.window,
    optional: h.optional,
  };
  const rows = criteriaRows<KnockoutField>(sheet, r, tableNames.knockouts, h.rule, fields, [
    "id",
    "valueKind",
    "rule",
  ]);
  return (rows ?? []).map(({ at, cell }) => {
    const id = readText(at("id")).toUpperCase();
    const path = (f: string) => `knockouts.${id}.${f}`;
    for (const [f, p] of [
      ["id", "id"],
      ["header", "header"],
      ["valueKind", "valueKind"],
      ["rule", "rule"],
      ["limit", "rule.value"],
      ["window", "windowYears"],
    ] as Array<[KnockoutField, string]>) {
      r.place(path(p), cell(f));
    }
    const valueKind =
      pick(
        valueKinds,
        at("valueKind"),
        cellWords.valueKind,
        h.valueKind,
        r,
        path("valueKind"),
        cell("valueKind")
      ) ?? "yesNo";
    const ruleKind =
      pick(rules, at("rule"), cellWords.rule, h.rule, r, path("rule"), cell("rule")) ?? "yes";
    const rule: KnockoutRule =
      ruleKind === "atLeast" || ruleKind === "atMost"
        ? {
            kind: ruleKind,
            value: numberCell(
              at("limit"),
              h.limit,
              r,
              path("rule.value"),
              cell("limit"),
              limitKind(valueKind)
            ),
          }
        : { kind: ruleKind };
    const optional = readYesNo(at("optional"), false);
    const description = readText(at("description"));
    return {
      id,
      header:
        ruleKind === "maxRate" ? null : readText(at("header")) || `${id} ${description}`.trim(),
      description,
      valueKind,
      rule,
      ...windowOf(at("window"), r, path("windowYears"), cell("window")),
      optional: optional.ok && optional.value === true,
    };
  });
}

function readAwards(sheet: SheetSnapshot, r: Reader): AwardCriterion[] {
  const fields: Record<AwardField, string> = {
    id: h.id,
    description: h.description,
    header: h.header,
    valueKind: h.valueKind,
    scoring: h.scoring,
    threshold: h.threshold,
    maximum: h.maximum,
    steps: h.steps,
    points: h.points,
    window: h.window,
  };
  const rows = criteriaRows<AwardField>(sheet, r, tableNames.awards, h.scoring, fields, [
    "id",
    "valueKind",
    "scoring",
    "points",
  ]);
  return (rows ?? []).map(({ at, cell }) => {
    const id = readText(at("id")).toUpperCase();
    const path = (f: string) => `awards.${id}.${f}`;
    for (const [f, p] of [
      ["id", "id"],
      ["header", "header"],
      ["valueKind", "valueKind"],
      ["scoring", "scoring"],
      ["threshold", "scoring.threshold"],
      ["steps", "scoring.steps"],
      ["points", "points"],
      ["window", "windowYears"],
    ] as Array<[AwardField, string]>) {
      r.place(path(p), cell(f));
    }
    const valueKind =
      pick(
        valueKinds,
        at("valueKind"),
        cellWords.valueKind,
        h.valueKind,
        r,
        path("valueKind"),
        cell("valueKind")
      ) ?? "yesNo";
    const kind =
      pick(
        scorings,
        at("scoring"),
        cellWords.scoring,
        h.scoring,
        r,
        path("scoring"),
        cell("scoring")
      ) ?? "allOrNothing";
    let scoring: AwardScoring;
    if (kind === "linear") {
      scoring = {
        kind,
        min: numberCell(
          at("threshold"),
          h.threshold,
          r,
          path("scoring"),
          cell("threshold"),
          limitKind(valueKind)
        ),
        max: numberCell(
          at("maximum"),
          h.maximum,
          r,
          path("scoring"),
          cell("maximum"),
          limitKind(valueKind)
        ),
      };
    } else if (kind === "tiered") {
      scoring = { kind, steps: readSteps(at("steps"), r, path("scoring.steps"), cell("steps")) };
    } else {
      scoring = isEmptyCell(at("threshold"))
        ? { kind }
        : {
            kind,
            threshold: numberCell(
              at("threshold"),
              h.threshold,
              r,
              path("scoring.threshold"),
              cell("threshold"),
              limitKind(valueKind)
            ),
          };
    }
    const description = readText(at("description"));
    return {
      id,
      header: readText(at("header")) || `${id} ${description}`.trim(),
      description,
      valueKind,
      points: numberCell(at("points"), h.points, r, path("points"), cell("points"), "points"),
      scoring,
      ...windowOf(at("window"), r, path("windowYears"), cell("window")),
    };
  });
}

/** A keyword cell through its word map; an unknown word is a problem at the cell. */
function pick<T extends string>(
  map: Map<string, T>,
  value: CellValue,
  allowed: Record<string, string>,
  label: string,
  r: Reader,
  field: string,
  cell: string
): T | null {
  const found = map.get(word(value));
  if (found) return found;
  r.problem(field, cell, m.unknownWord(label, readText(value), Object.values(allowed)));
  return null;
}

function numberCell(
  value: CellValue,
  label: string,
  r: Reader,
  field: string,
  cell: string,
  kind: NumberKind
): number {
  const read = readNumber(value, kind);
  if (read.ok) return read.value;
  r.problem(field, cell, m.field(label, read.message));
  return Number.NaN;
}

function windowOf(
  value: CellValue,
  r: Reader,
  field: string,
  cell: string
): { windowYears?: number } {
  if (isEmptyCell(value)) return {};
  return { windowYears: numberCell(value, h.window, r, field, cell, "years") };
}

/** Tiered steps written as `vanaf:punten; vanaf:punten`, e.g. `2:10; 5:30`. */
function readSteps(
  value: CellValue,
  r: Reader,
  field: string,
  cell: string
): Array<{ min: number; points: number }> {
  const text = readText(value);
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
  if (steps.length === 0 || steps.some((s) => s === null)) {
    r.problem(field, cell, m.invalidSteps(text));
    return [];
  }
  return steps as Array<{ min: number; points: number }>;
}

/** The non-empty cells of one column of a table (competencies). */
function readList(sheet: SheetSnapshot, name: string, header: string, r: Reader): string[] {
  const table = findTable(sheet, name, header);
  let region: Region | null = table ? tableRegion(sheet, table) : null;
  if (!region) {
    for (let row = 1; row <= sheet.values.length && !region; row++) {
      if (headerKey(cellValue(sheet, row, 1)) === headerKey(header))
        region = plainRegion(sheet, row, 1, 1);
    }
  }
  if (!region) return [];
  const index = columnsNamed(region.headers, header)[0] ?? 0;
  r.place("competencyGate.competencies", cellAddress(region.headerRow, region.firstColumn + index));
  const items: string[] = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++) {
    const text = readText(regionCell(region, row, index));
    if (text) items.push(text);
  }
  return items;
}

/** The facts table (label → text); optional, so nothing here is a problem. */
function readFacts(sheet: SheetSnapshot): Request["facts"] {
  const table = findTable(sheet, tableNames.facts, h.factLabel);
  if (!table) return [];
  const region = tableRegion(sheet, table);
  const label = columnsNamed(region.headers, h.factLabel)[0] ?? 0;
  const value = columnsNamed(region.headers, h.factValue)[0] ?? 1;
  const facts: Request["facts"] = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++) {
    const l = readText(regionCell(region, row, label));
    if (l) facts.push({ label: l, value: readText(regionCell(region, row, value)) });
  }
  return facts;
}
