/**
 * One candidate row judged on its own: values read (from the cell, or from the
 * work history for years), knock-outs tested, award points counted, status set.
 * Ranking and the reason line come later, in evaluate().
 */
import { awardPoints, totalScore } from "./award";
import { contractValue } from "./contractValue";
import type {
  AwardOutcome,
  CandidateInput,
  CandidateResult,
  CellValue,
  KnockoutOutcome,
  Problem,
  Status,
} from "./evaluation";
import { yearsOfDays, type CoveredDays } from "./experience";
import { ceilYears } from "./format";
import {
  failureExcludes,
  isCvRequirement,
  knockoutFailure,
  knockoutPasses,
  type KnockoutContext,
} from "./knockouts";
import { candidateMessages as m, valueMessages } from "./messages";
import type { AwardCriterion, KnockoutCriterion, Request } from "./request";
import {
  isEmptyCell,
  readCriterionValue,
  readNumber,
  readText,
  type CriterionValue,
} from "./values";
import { candidateYears, nameKey, type WorkHistory } from "./workHistory";

/** A candidate judged on its own, before ranking. */
export interface CandidateDraft {
  result: Omit<
    CandidateResult,
    "rank" | "top" | "tie" | "needsDraw" | "drawn" | "reason" | "tiedWith"
  >;
  /** The fields in `missing` that hold something unreadable (the rest are empty). */
  unreadable: string[];
  /** Why each failed knock-out (K…) failed, in Dutch, in the request's order. */
  failures: string[];
  /** Why each failed CV requirement (E…) failed, likewise; whether it excluded is the request's setting. */
  cvFailures: string[];
  drawOrder: number | null;
  problems: Problem[];
}

/** What judging one row needs besides the row. */
export interface CandidateContext {
  request: Request;
  history: WorkHistory;
  /** The name appears on more than one row, so the work history cannot be told apart. */
  ambiguousName: boolean;
  /** The name's {@link nameKey}, when the caller has it already. */
  nameKey?: string;
}

interface ReadValue {
  value: CriterionValue | null;
  source: "cell" | "history";
  /** With `source` history: the number typed in the cell, or null. */
  typed?: number | null;
  /** With `source` history: the days covered, which the verdict compares. */
  covered?: CoveredDays;
}

/**
 * Judges one candidate row (with a readable name) on knock-outs and award criteria.
 *
 * @example
 * const draft = judgeCandidate(row, "Ans", { request: request17040, history, ambiguousName: false });
 * draft.result.status; // "eligible" | "knockedOut" | "incomplete"
 */
export function judgeCandidate(
  input: CandidateInput,
  name: string,
  context: CandidateContext
): CandidateDraft {
  const { request } = context;
  const problems: Problem[] = [];
  const missing: string[] = [];
  const unreadable: string[] = [];
  const problem = (field: string, message: string) =>
    problems.push({ source: "candidates", row: input.row, field, message });
  const lack = (field: string, kind: "empty" | "invalid") => {
    if (missing.includes(field)) return;
    missing.push(field);
    if (kind === "invalid") unreadable.push(field);
  };

  const rateRead = readNumber(input.rate, "rate");
  const rate = rateRead.ok ? rateRead.value : null;
  if (!rateRead.ok) {
    problem("rate", m.field(m.rateLabel, rateRead.message));
    lack("rate", rateRead.problem);
  }
  const drawOrder = readDrawOrder(input, problem);
  const byName = context.history.byName;
  const ownHistory = byName.size ? byName.get(context.nameKey ?? nameKey(name)) : undefined;

  const readCriterion = (criterion: KnockoutCriterion | AwardCriterion): ReadValue => {
    if (criterion.valueKind === "years") {
      const fromHistory = candidateYears(ownHistory, criterion, request.referenceDate);
      if (fromHistory.kind !== "none" && context.ambiguousName) {
        problem(criterion.id, m.historyAmbiguous(criterion.id));
        lack(criterion.id, "invalid");
        return { value: null, source: "history" };
      }
      if (fromHistory.kind === "years") {
        // Shown so that a failing value never reads as the limit: down for "at least", up for "at most".
        const atMost = "rule" in criterion && criterion.rule.kind === "atMost";
        const { days, referenceDay } = fromHistory.covered;
        return {
          value: atMost ? ceilYears(yearsOfDays(referenceDay, days)) : fromHistory.years,
          source: "history",
          typed: typedYears(input.values[criterion.id]),
          covered: fromHistory.covered,
        };
      }
      if (fromHistory.kind === "unreadable") {
        lack(criterion.id, "invalid"); // the period rows carry the problem
        return { value: null, source: "history" };
      }
    }
    // An absent key is an absent column: the host reports that once, not per row.
    if (!(criterion.id in input.values)) {
      lack(criterion.id, "empty");
      return { value: null, source: "cell" };
    }
    const read = readCriterionValue(input.values[criterion.id], criterion.valueKind);
    // More years than the window holds cannot be true (total years typed, or "2.000"): refuse, never cap.
    if (
      read.ok &&
      criterion.valueKind === "years" &&
      criterion.windowYears !== undefined &&
      typeof read.value === "number" &&
      read.value > criterion.windowYears
    ) {
      problem(
        criterion.id,
        m.field(criterion.id, valueMessages.yearsBeyondWindow(read.value, criterion.windowYears))
      );
      lack(criterion.id, "invalid");
      return { value: null, source: "cell" };
    }
    if (read.ok) return { value: read.value, source: "cell" };
    problem(criterion.id, m.field(criterion.id, read.message));
    lack(criterion.id, read.problem);
    return { value: null, source: "cell" };
  };

  const knockoutContext: KnockoutContext = { request, rate };
  const knockouts: KnockoutOutcome[] = [];
  const failed: string[] = [];
  const failures: string[] = [];
  const cvFailures: string[] = [];
  let excluded = false;
  for (const criterion of request.knockouts) {
    if (criterion.optional && !(criterion.id in input.values)) continue;
    const read: ReadValue =
      criterion.rule.kind === "maxRate"
        ? { value: rate, source: "cell" }
        : readCriterion(criterion);
    const { value, source } = read;
    const passed =
      value === null ? null : knockoutPasses(criterion, value, knockoutContext, read.covered);
    // A readable value that still cannot be decided (K7 without a rate) waits for that other value.
    if (passed === null && value !== null && rate !== null) lack(criterion.id, "invalid");
    const outcome: KnockoutOutcome =
      read.covered === undefined
        ? { id: criterion.id, value, source, passed }
        : { id: criterion.id, value, source, typed: read.typed ?? null, passed };
    if (passed === false && value !== null) {
      failed.push(criterion.id);
      const why = knockoutFailure(criterion, value, knockoutContext, outcome);
      (isCvRequirement(criterion) ? cvFailures : failures).push(why);
      if (failureExcludes(criterion, request)) excluded = true;
    }
    knockouts.push(outcome);
  }

  // Step 1 decides first: a knocked-out candidate (a CV-eis too, with `uitsluiten`) is not
  // assessed on the award criteria at all.
  const awards: AwardOutcome[] = excluded
    ? []
    : request.awards.map((criterion) => {
        const read = readCriterion(criterion);
        const { value, source } = read;
        const points = value === null ? null : awardPoints(criterion, value, read.covered);
        const outcome: AwardOutcome = {
          id: criterion.id,
          value: value === "n.v.t." ? false : value,
          source,
          points,
          maxPoints: Math.max(0, criterion.points),
        };
        if (read.covered !== undefined) outcome.typed = read.typed ?? null;
        return outcome;
      });
  const allPoints = awards.map((a) => a.points);
  const status: Status = excluded ? "knockedOut" : missing.length > 0 ? "incomplete" : "eligible";
  // Only an eligible candidate has a score: an incomplete one cannot be ranked by accident, and a
  // knocked-out one is not assessed further (step 1 of the request).
  const complete = allPoints.every((p): p is number => p !== null);
  const score = complete && status === "eligible" ? totalScore(allPoints) : null;

  return {
    result: {
      row: input.row,
      name,
      supplier: readText(input.supplier),
      rate,
      status,
      failed,
      missing,
      knockouts,
      awards,
      score,
      contractValue: rate === null ? null : contractValue(request, rate),
      drawOrder,
    },
    unreadable,
    failures,
    cvFailures,
    drawOrder,
    problems,
  };
}

/** The number typed in a years cell that the work history overrules; null when empty or unreadable. */
function typedYears(cell: CellValue | undefined): number | null {
  if (cell === undefined || isEmptyCell(cell)) return null;
  const read = readNumber(cell, "years");
  return read.ok ? read.value : null;
}

/** The draw number when one is recorded; an unreadable one is a problem, and no number. */
function readDrawOrder(
  input: CandidateInput,
  problem: (field: string, message: string) => void
): number | null {
  if (isEmptyCell(input.drawOrder)) return null;
  const read = readNumber(input.drawOrder, "drawOrder");
  if (read.ok) return read.value;
  problem("drawOrder", m.field(m.drawLabel, read.message));
  return null;
}
