/**
 * The `--json` report: the shape of issue #3 (these names are fixed), with a few
 * more fields (title, supplier, rate, drawn, summary).
 */
import type { Evaluation } from "../engine";
import type { SheetProblem } from "../workbook/problems";

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
}

/** The whole report. */
export interface ScoreReport {
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
  summary: Evaluation["summary"];
  candidates: CandidateReport[];
  problems: SheetProblem[];
}

/**
 * The report of a scoring; `dates` says where the peildatum came from (ScorePlan).
 *
 * @example
 * scoreReport(plan.evaluation, plan.problems, plan).request.referenceDate; // "2024-08-26"
 */
export function scoreReport(
  evaluation: Evaluation,
  problems: SheetProblem[],
  dates?: { referenceDateSource: "request" | "option"; requestReferenceDate: string }
): ScoreReport {
  const { request } = evaluation;
  return {
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
    summary: evaluation.summary,
    candidates: evaluation.candidates.map((c) => ({
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
    })),
    problems: problems.map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message })),
  };
}
