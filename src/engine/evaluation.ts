/**
 * The engine's contract: what goes in (raw cell values, as any host reads them)
 * and what comes out (a verdict per candidate, problems per field).
 * Hosts (Excel, .xlsx files, custom functions) map fields to cells; the engine
 * never knows about sheets.
 */
import type { CriterionId, Request } from "./request";

/** An error value in a cell (`#N/B`, `#WAARDE!`, `#N/A`, …), as hosts report it. */
export interface CellError {
  error: string;
}

/** A raw cell value as a host reads it; `null`/`undefined`/`''` are empty. */
export type CellValue = string | number | boolean | Date | null | undefined | CellError;

/** One candidate row as read from the `Kandidaten` table. */
export interface CandidateInput {
  /** The sheet row (1-based); identifies the candidate in results and problems. */
  row: number;
  name: CellValue;
  supplier?: CellValue;
  rate: CellValue;
  /** The recorded draw order (`Loting`), when the column exists. */
  drawOrder?: CellValue;
  /** Criterion values keyed by id; a missing key means the column is absent. */
  values: Record<CriterionId, CellValue>;
}

/** One period of work history as read from the `Werkervaring` table. */
export interface PeriodInput {
  row: number;
  candidate: CellValue;
  role?: CellValue;
  /** Comma- or semicolon-separated criterion ids, e.g. `K3, G9`. */
  countsFor: CellValue;
  from: CellValue;
  /** Empty means still running. */
  to: CellValue;
}

/** Which table a problem sits in. */
export type ProblemSource = "candidates" | "periods";

/**
 * A problem with one input value, in Dutch.
 * `field` is `name`, `supplier`, `rate`, `drawOrder` or a criterion id for candidates,
 * and `candidate`, `countsFor`, `from` or `to` for periods.
 */
export interface Problem {
  source: ProblemSource;
  row: number;
  field: string;
  message: string;
}

/** The verdict of a candidate row. */
export type Status = "eligible" | "knockedOut" | "incomplete";

/** How a knock-out criterion went for one candidate. */
export interface KnockoutOutcome {
  id: CriterionId;
  /** The value read (years, amount, count, `true`/`false`, or `'n.v.t.'`); null when missing or unreadable. */
  value: number | boolean | "n.v.t." | null;
  /** Where a years value came from. */
  source: "cell" | "history";
  /** The number typed in the cell when Werkervaring decided instead; null when none was typed. */
  typed?: number | null;
  /** null: could not be decided. */
  passed: boolean | null;
}

/** How an award criterion went for one candidate. */
export interface AwardOutcome {
  id: CriterionId;
  value: number | boolean | null;
  source: "cell" | "history";
  /** The number typed in the cell when Werkervaring decided instead; null when none was typed. */
  typed?: number | null;
  /** null: the value is missing or unreadable. */
  points: number | null;
  maxPoints: number;
}

/** The full verdict of one candidate. */
export interface CandidateResult {
  row: number;
  name: string;
  supplier: string;
  rate: number | null;
  status: Status;
  /**
   * Every failed knock-out (K…) and CV requirement (E…) id, in the request's order;
   * a CV requirement the request only reports (`alleen melden`) is here too, while
   * `status` follows the rule of failureExcludes.
   */
  failed: CriterionId[];
  /** Every field that was needed and is missing or unreadable. */
  missing: string[];
  knockouts: KnockoutOutcome[];
  /** The award criteria's outcomes; empty for a knocked-out candidate, who is not assessed on them. */
  awards: AwardOutcome[];
  /** Sum of award points; null unless eligible (incomplete, or knocked out and so not assessed). */
  score: number | null;
  /** Competition rank among eligible candidates (1, 2, 2, 4); null when not eligible. */
  rank: number | null;
  /** In the top N, unambiguously. */
  top: boolean;
  /** Equal score and equal rate with another eligible candidate. */
  tie: boolean;
  /** In a tied group that straddles place N and has no complete draw order. */
  needsDraw: boolean;
  /** The tie was broken by a recorded draw order. */
  drawn: boolean;
  /** The number recorded in `Loting` (low first); null when none or unreadable. */
  drawOrder: number | null;
  /** Contract value (rate × max hours × weeks), base term and with extensions; null without a rate. */
  contractValue: { base: number; withExtensions: number } | null;
  /** One line in Dutch: why this status, score and place. */
  reason: string;
  /**
   * The rows of the other eligible candidates with the same score and rate, by
   * row; empty when none (and when not eligible). In a large tie each list is
   * built when first read.
   */
  tiedWith: number[];
}

/** Counts for summaries and reports. */
export interface EvaluationSummary {
  received: number;
  eligible: number;
  knockedOut: number;
  incomplete: number;
  /** Failures per knock-out or CV requirement id (a candidate may count under several). */
  failedPerCriterion: Record<CriterionId, number>;
  top: number;
  needsDraw: number;
  /** Score of the last unambiguous top-N place, or null when nobody is in. */
  cutoffScore: number | null;
  /** Rows with data but no (readable) name: they count for nothing until the evaluator decides them. */
  unnamed: number;
  /**
   * The top is final: no candidate is `incomplete`, no draw is pending and no row with
   * data lacks a name. Until then nothing is shared and no rejection letter is marked to send.
   */
  final: boolean;
}

/** The result of scoring a set of candidates against a request. */
export interface Evaluation {
  request: Request;
  /** In input order. */
  candidates: CandidateResult[];
  /** Eligible candidates' rows in ranking order (an unresolved tie by row number, so row order never matters). */
  ranking: number[];
  problems: Problem[];
  summary: EvaluationSummary;
}
