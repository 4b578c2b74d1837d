/**
 * The `--json` report: the shape of issue #3 (these names are fixed), with a few
 * more fields (title, supplier, rate, drawn, summary), and the record of issue 17
 * (engine version, peildatum, rules in force, digest of the inputs, and per
 * candidate the value used for every criterion and the contract value for K7).
 */
import type { Evaluation, Request } from "../engine";
import type { SheetProblem } from "../workbook/problems";
import type { ContractValueRecord, CriterionRecord, ScoreRecord } from "../workbook/record";

/** One candidate in the report. */
export interface CandidateReport {
  row: number;
  name: string;
  supplier: string;
  rate: number | null;
  status: "eligible" | "knockedOut" | "incomplete";
  failed: string[];
  score: number | null;
  rank: number | null;
  top: boolean;
  tie: boolean;
  needsDraw: boolean;
  drawn: boolean;
  reason: string;
  /** The value used per criterion id: as typed (`cell`), or the years from Werkervaring (`history`). */
  values: Record<string, Omit<CriterionRecord, "id">>;
  /** The contract value K7 compared with (`used`), and both figures; null without a rate. */
  contractValue: ContractValueRecord | null;
}

/** The whole report. */
export interface ScoreReport {
  /** The version of the engine that decided (package.json's). */
  engineVersion: string;
  /** The peildatum every window ended on. */
  referenceDate: string;
  request: {
    id: string;
    title: string;
    /** The peildatum the scoring used. */
    referenceDate: string;
    /** `option`: --peildatum replaced the request's own peildatum (`requestReferenceDate`). */
    referenceDateSource: "request" | "option";
    requestReferenceDate: string;
    /** The closing moment (reactietermijn), `jjjj-mm-ddTuu:mm`. */
    closingMoment: string;
    /** The listing's "Einde inschrijfdatum", shown but never used to judge; null when none. */
    listingClosingMoment: string | null;
    topN: number;
  };
  /** Where the rules came from, and the rules in force as data. */
  requestSource: ScoreRecord["requestSource"];
  rules: Request;
  /** SHA-256 of the inputs as read, in the canonical form named by `format` (README: "Verantwoording"). */
  digest: ScoreRecord["digest"];
  summary: Evaluation["summary"];
  candidates: CandidateReport[];
  problems: SheetProblem[];
}

/**
 * The report of a scoring; `dates` says where the peildatum came from (ScorePlan).
 *
 * @example
 * scoreReport(run.evaluation, run.problems, run.record, run).request.referenceDate; // "2024-08-26"
 */
export function scoreReport(
  evaluation: Evaluation,
  problems: SheetProblem[],
  record: ScoreRecord,
  dates?: { referenceDateSource: "request" | "option"; requestReferenceDate: string }
): ScoreReport {
  const { request } = evaluation;
  const recorded = new Map(record.candidates.map((c) => [c.row, c]));
  return {
    engineVersion: record.engineVersion,
    referenceDate: record.referenceDate,
    request: {
      id: request.id,
      title: request.title,
      referenceDate: request.referenceDate,
      referenceDateSource: dates?.referenceDateSource ?? "request",
      requestReferenceDate: dates?.requestReferenceDate ?? request.referenceDate,
      closingMoment: request.closingMoment,
      listingClosingMoment: request.listingClosingMoment ?? null,
      topN: request.topN,
    },
    requestSource: record.requestSource,
    rules: record.rules,
    digest: record.digest,
    summary: evaluation.summary,
    candidates: evaluation.candidates.map((c) => {
      const own = recorded.get(c.row);
      const values: CandidateReport["values"] = {};
      for (const { id, ...value } of own?.values ?? []) values[id] = value;
      return {
        row: c.row,
        name: c.name,
        supplier: c.supplier,
        rate: c.rate,
        status: c.status,
        failed: c.failed,
        // null unless eligible: an incomplete candidate cannot be scored, a knocked-out one is not assessed further.
        score: c.score,
        rank: c.rank,
        top: c.top,
        tie: c.tie,
        needsDraw: c.needsDraw,
        drawn: c.drawn,
        reason: c.reason,
        values,
        contractValue: own?.contractValue ?? null,
      };
    }),
    problems: problems.map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message })),
  };
}
