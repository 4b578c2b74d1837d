/**
 * The record of a scoring (README, "Verantwoording: a record anyone can recompute"): the
 * engine version, the peildatum, the rules in force, the run's moment, a digest of the
 * inputs as read, and per
 * candidate the value used for every criterion (typed, or from Werkervaring) with
 * the contract value, status and reason. The same record feeds the `--json` report
 * and the `Verantwoording` sheet (values only, the add-in's own: rewritten whole),
 * and `awardscore verify` rebuilds it to compare cell by cell.
 */
import {
  ENGINE_VERSION,
  formatDate,
  formatEuro,
  formatNumber,
  type AwardCriterion,
  type CandidateResult,
  type CellValue,
  type IsoDate,
  type KnockoutCriterion,
  type Request,
  type Status,
} from "../engine";
import { cellAddress } from "./address";
import type { WorkbookChange } from "./changes";
import { DIGEST_FORMAT, inputDigest } from "./digest";
import { numberFormats } from "./layout";
import { checkOwnSheet } from "./ownSheet";
import { outputRow, type ScorePlan } from "./score";
import type { WorkbookSnapshot } from "./snapshot";
import { candidateHeaders, cellWords, recordTexts as t, referenceDateTexts } from "./texts";

/** The value one criterion got for one candidate, and where it came from. */
export interface CriterionRecord {
  id: string;
  /** Years, amount, count, `true`/`false` or `n.v.t.`; null when missing or unreadable. */
  value: number | boolean | "n.v.t." | null;
  /** `cell`: as typed in `Kandidaten`; `history`: the years from `Werkervaring`. */
  source: "cell" | "history";
  /** The number typed in the cell when Werkervaring decided instead; null when none was typed. */
  typed?: number | null;
}

/** The contract value K7 compared with, and both figures it was chosen from. */
export interface ContractValueRecord {
  used: number;
  base: number;
  withExtensions: number;
  includesExtensions: boolean;
}

/** What was used and decided for one candidate. */
export interface CandidateRecord {
  row: number;
  name: string;
  supplier: string;
  rate: number | null;
  /** Every criterion of the request that was judged, knock-outs first, in the request's order. */
  values: CriterionRecord[];
  /** Null without a readable rate. */
  contractValue: ContractValueRecord | null;
  status: Status;
  failed: string[];
  score: number | null;
  rank: number | null;
  top: boolean;
  needsDraw: boolean;
  reason: string;
}

/** The record of one scoring. */
export interface ScoreRecord {
  engineVersion: string;
  referenceDate: IsoDate;
  /** The request's own peildatum: another than {@link referenceDate} when `--peildatum` replaced it. */
  requestReferenceDate: IsoDate;
  /** Where the rules came from: the `Aanvraag` sheet or a preset (by id). */
  requestSource: { kind: "sheet" } | { kind: "preset"; id: string };
  /** The request in force, as data. */
  rules: Request;
  digest: { algorithm: "SHA-256"; format: string; value: string };
  runAt: Date;
  /** In row order. */
  candidates: CandidateRecord[];
}

/**
 * The record of a scoring plan, at the moment `now`.
 *
 * @example
 * scoreRecord(plan, "17040", new Date()).digest.value; // 64 hex digits
 */
export function scoreRecord(plan: ScorePlan, preset: string | undefined, now: Date): ScoreRecord {
  const { evaluation, request } = plan;
  return {
    engineVersion: ENGINE_VERSION,
    referenceDate: request.referenceDate,
    requestReferenceDate: plan.requestReferenceDate,
    requestSource:
      plan.requestSource === "preset" && preset !== undefined
        ? { kind: "preset", id: preset }
        : { kind: "sheet" },
    rules: request,
    digest: {
      algorithm: "SHA-256",
      format: DIGEST_FORMAT,
      value: inputDigest(request, plan.inputs.candidates, plan.inputs.periods),
    },
    runAt: now,
    candidates: evaluation.candidates
      .map((c) => candidateRecord(c, request))
      .sort((a, b) => a.row - b.row),
  };
}

/** One candidate's record from its verdict. */
function candidateRecord(c: CandidateResult, request: Request): CandidateRecord {
  const values: CriterionRecord[] = [...c.knockouts, ...c.awards].map((o) => {
    const value: CriterionRecord = { id: o.id, value: o.value, source: o.source };
    if (o.typed !== undefined) value.typed = o.typed;
    return value;
  });
  const includes = request.contractValueIncludesExtensions;
  return {
    row: c.row,
    name: c.name,
    supplier: c.supplier,
    rate: c.rate,
    values,
    contractValue: c.contractValue && {
      used: includes ? c.contractValue.withExtensions : c.contractValue.base,
      base: c.contractValue.base,
      withExtensions: c.contractValue.withExtensions,
      includesExtensions: includes,
    },
    status: c.status,
    failed: c.failed,
    score: c.score,
    rank: c.rank,
    top: c.top,
    needsDraw: c.needsDraw,
    reason: c.reason,
  };
}

/**
 * Refuses to overwrite a `Verantwoording` sheet that holds something other than our record.
 *
 * @throws WorkbookError naming the sheet.
 * @example
 * checkRecordSheet(snapshot); // throws when 'Verantwoording' is someone else's sheet
 */
export function checkRecordSheet(snapshot: WorkbookSnapshot): void {
  checkOwnSheet(snapshot, t.sheet, t.title("", ""));
}

/** A criterion value as written in a cell: Ja/Nee/n.v.t., a number, or empty. */
function valueCell(value: CriterionRecord["value"]): CellValue {
  if (value === true) return cellWords.yes;
  if (value === false) return cellWords.no;
  return value;
}

/** Where a value came from, in words. */
function sourceCell(value: CriterionRecord): string {
  if (value.source === "cell") return t.source.cell;
  return typeof value.typed === "number"
    ? t.source.historyTyped(formatNumber(value.typed))
    : t.source.history;
}

/** The criteria that have a column in the record: those judged for any candidate (an E… without its column is not). */
function recordedCriteria(record: ScoreRecord): Array<KnockoutCriterion | AwardCriterion> {
  const judged = new Set<string>();
  for (const c of record.candidates) for (const v of c.values) judged.add(v.id);
  return [...record.rules.knockouts, ...record.rules.awards].filter(
    (k) => judged.has(k.id) || (record.candidates.length === 0 && !("optional" in k && k.optional))
  );
}

/** The id of the criterion that compares with the contract value (K7 in 17040). */
function contractCriterion(rules: Request): string {
  return rules.knockouts.find((k) => k.rule.kind === "coversContractValue")?.id ?? "K7";
}

/**
 * The candidates' block of the sheet: its header row and one row per candidate, as
 * plain values (no formats: 10,000 rows must stay within the add-in's write budget).
 * `awardscore verify` rebuilds it to compare.
 *
 * @example
 * recordTable(record).headers.slice(0, 4); // ["Rij", "Kandidaat", "Uurtarief", "K1"]
 */
export function recordTable(record: ScoreRecord): { headers: string[]; rows: CellValue[][] } {
  const h = t.headers;
  // The rate is K8's value: its own column, not twice.
  const criteria = recordedCriteria(record).filter(
    (k) => !("rule" in k && k.rule.kind === "maxRate")
  );
  const headers: string[] = [h.row, h.name, h.rate];
  for (const k of criteria) {
    headers.push(k.id);
    if (k.valueKind === "years") headers.push(h.source(k.id));
  }
  headers.push(
    h.contractValue(contractCriterion(record.rules), record.rules.contractValueIncludesExtensions),
    candidateHeaders.status,
    candidateHeaders.knockout,
    candidateHeaders.score,
    candidateHeaders.rank,
    h.top(record.rules.topN),
    candidateHeaders.reason
  );
  const rows = record.candidates.map((c) => {
    const byId = new Map(c.values.map((v) => [v.id, v]));
    const cells: CellValue[] = [c.row, c.name, c.rate];
    for (const k of criteria) {
      const value = byId.get(k.id);
      cells.push(value ? valueCell(value.value) : null);
      if (k.valueKind === "years") cells.push(value ? sourceCell(value) : null);
    }
    cells.push(c.contractValue?.used ?? null, ...outputRow(c, record.rules));
    return cells;
  });
  return { headers, rows };
}

/** A limit in the criterion's own unit: years (within its window), euros, or a count. */
function limitText(k: KnockoutCriterion | AwardCriterion, limit: number): string {
  if (k.valueKind === "amount") return formatEuro(limit);
  if (k.valueKind !== "years") return formatNumber(limit);
  const years = t.rule.years(formatNumber(limit));
  return k.windowYears === undefined ? years : years + t.rule.window(formatNumber(k.windowYears));
}

/** A rule in words, as the record shows it. */
function ruleText(k: KnockoutCriterion | AwardCriterion, rules: Request): string {
  if ("rule" in k) {
    const r = k.rule;
    switch (r.kind) {
      case "yes":
        return k.valueKind === "yesNoNotApplicable" ? t.rule.yesOrNotApplicable : t.rule.yes;
      case "atLeast":
        return t.rule.atLeast(limitText(k, r.value));
      case "atMost":
        return t.rule.atMost(limitText(k, r.value));
      case "coversContractValue":
        return t.rule.covers(rules.contractValueIncludesExtensions);
      case "maxRate":
        return t.rule.maxRate(formatEuro(rules.maxRate));
    }
  }
  const s = k.scoring;
  const points = formatNumber(k.points);
  switch (s.kind) {
    case "allOrNothing":
      return t.rule.allOrNothing(
        points,
        s.threshold === undefined ? null : limitText(k, s.threshold)
      );
    case "tiered":
      return t.rule.tiered(
        s.steps.map((step) => `${limitText(k, step.min)}: ${formatNumber(step.points)}`).join("; ")
      );
    case "linear":
      return t.rule.linear(points, limitText(k, s.min), limitText(k, s.max));
  }
}

/** A moment as `dd-mm-jjjj uu:mm:ss` in the host's local time. */
function formatMoment(moment: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${two(moment.getDate())}-${two(moment.getMonth() + 1)}-${moment.getFullYear()} ` +
    `${two(moment.getHours())}:${two(moment.getMinutes())}:${two(moment.getSeconds())}`
  );
}

/** A cell holds at most 32,767 characters: longer text goes on over the rows below. */
const CELL_TEXT_LIMIT = 32_000;

/** The settings rows: label in A, value in B (as text, so Excel never turns them into dates or numbers). */
export function recordSettings(record: ScoreRecord): CellValue[][] {
  const l = t.labels;
  const json = JSON.stringify(record.rules);
  const chunks: string[] = [];
  for (let at = 0; at < json.length; at += CELL_TEXT_LIMIT)
    chunks.push(json.slice(at, at + CELL_TEXT_LIMIT));
  return [
    [l.engineVersion, record.engineVersion],
    [l.referenceDate, formatDate(record.referenceDate)],
    [
      l.requestSource,
      record.requestSource.kind === "preset"
        ? t.requestSource.preset(record.requestSource.id)
        : t.requestSource.sheet,
    ],
    [l.runAt, formatMoment(record.runAt)],
    [l.digest, record.digest.value],
    [l.digestFormat, t.digestFormat(record.digest.format)],
    [
      l.referenceDateSource,
      referenceDateTexts.source(record.referenceDate, record.requestReferenceDate),
    ],
    ...chunks.map((chunk, i) => [i === 0 ? l.rules : null, chunk]),
  ];
}

/** The first row of the settings block. */
export const RECORD_SETTINGS_ROW = 4;

/**
 * The changes that (re)write the `Verantwoording` sheet: title, settings, the rules
 * in words, and the candidates' block. Values only.
 *
 * @example
 * recordChanges(record)[0]; // { kind: "resetSheet", sheet: "Verantwoording" }
 */
export function recordChanges(record: ScoreRecord): WorkbookChange[] {
  const sheet = t.sheet;
  const settings = recordSettings(record);
  const rulesRow = RECORD_SETTINGS_ROW + settings.length + 1;
  const criteria = [...record.rules.knockouts, ...record.rules.awards];
  const rh = t.rulesHeaders;
  // Title and headers of the rules, their rows, an empty row, the heading of the candidates.
  const tableRow = rulesRow + 2 + criteria.length + 2;
  const table = recordTable(record);
  return [
    { kind: "resetSheet", sheet },
    {
      kind: "columnWidths",
      sheet,
      widths: table.headers.map((header, i) => ({
        column: i + 1,
        width: i === 0 ? 26 : i === 1 ? 40 : Math.max(10, header.length + 2),
      })),
    },
    {
      kind: "writeValues",
      sheet,
      at: "A1",
      values: [[t.title(record.rules.id, record.rules.title)], [t.subtitle]],
      bold: true,
    },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(RECORD_SETTINGS_ROW, 1),
      values: settings,
      numberFormats: [null, numberFormats.text],
    },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(rulesRow, 1),
      values: [[t.rulesHeading]],
      bold: true,
    },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(rulesRow + 1, 1),
      values: [[rh.id, rh.description, rh.test]],
      bold: true,
    },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(rulesRow + 2, 1),
      values: criteria.map((k) => [k.id, k.description, ruleText(k, record.rules)]),
    },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(tableRow - 1, 1),
      values: [[t.candidatesHeading]],
      bold: true,
    },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(tableRow, 1),
      values: [table.headers],
      bold: true,
    },
    ...(table.rows.length === 0
      ? []
      : [
          {
            kind: "writeValues" as const,
            sheet,
            at: cellAddress(tableRow + 1, 1),
            values: table.rows,
          },
        ]),
  ];
}
