/**
 * FLEX.KNOCKOUT: the step-1 verdict of one candidate row (knock-outs and CV
 * requirements), judged by the engine (judgeCandidate) against the knock-out
 * table, the limits and the `CV-eisen` setting of the request.
 */
import {
  candidateMessages,
  exclusionText,
  judgeCandidate,
  readWorkHistory,
  requestLabels,
  type CellValue,
  type Request,
} from "../engine";
import { KNOCKOUT_OK } from "../engine/knockoutWord";
import { isOmitted, lineOf } from "./cells";
import { needsColumn, readKnockoutCriteria } from "./criteria";
import { invalidValue, notAvailable } from "./errors";
import { functionMessages as m } from "./messages";
import { rowValues, withHistory } from "./rowValues";
import {
  readContractSettings,
  readCvRequirementsSetting,
  readSetting,
  type ContractSettings,
} from "./settings";

/** The request's limits that a knock-out verdict needs, as FLEX.KNOCKOUT's arguments give them. */
export interface KnockoutLimits {
  maxRate: unknown;
  hoursPerWeek: unknown;
  termWeeks: unknown;
  extensionCount?: unknown;
  extensionWeeks?: unknown;
  includeExtensions?: unknown;
  /** `CV-eisen`: `uitsluiten` (also when left out) or `alleen melden`. */
  cvRequirements?: unknown;
}

/**
 * The row's years from FLEX.WORKYEARS (`years`, one row of its spill) and the
 * criterion ids of its columns (`ids`); both left out where no criterion counts work history.
 */
export interface WorkHistoryRow {
  years?: unknown;
  ids?: unknown;
}

/** The verdict when every knock-out passes (src/engine/knockoutWord.ts: the workbook layer tests for it too). */
export { KNOCKOUT_OK };

/**
 * `OK`, or what puts the candidate out in the request's order joined by `; `
 * (`K3; K8`; a CV requirement as `CV-eis E1`, and only when the request's
 * `CV-eisen` is `uitsluiten`: with `alleen melden` a failed one leaves `OK`).
 * A row that is entirely empty gives "". A row that fails nothing but misses a
 * value needed to decide is not `OK`: it is an error naming what is missing.
 *
 * @param values The row's knock-out cells (K… and E…; K8 needs none: it is the rate).
 * @param criteria The `Knockoutcriteria` range (see criteria.ts for its columns).
 * @param rate The row's hourly rate.
 * @param history The row's years from the work history: a number decides over the typed cell, an error makes the years unknown.
 * @throws FunctionError `#N/A` when a value is missing, `#VALUE!` when one is unreadable.
 * @example
 * knockout([["Ja", "Ja", 1.5, …]], criteria17040, 75.01, limits); // "K3; K8"
 * knockout([[…, 6, "Ja", 2]], criteria17040, 70, limits); // "CV-eis E1"
 */
export function knockout(
  values: unknown,
  criteria: unknown,
  rate: unknown,
  limits: KnockoutLimits,
  headers?: unknown,
  history: WorkHistoryRow = {}
): string {
  const knockouts = readKnockoutCriteria(criteria);
  const row = rowValues(values, headers, knockouts.filter(needsColumn));
  const unknownYears = withHistory(row, history.years, history.ids);
  const rateCell = single(rate);
  if (row.allEmpty && isOmitted(rateCell)) return "";
  const request: Request = {
    ...VERDICT_ONLY,
    ...readContractSettings(
      limits.hoursPerWeek,
      limits.termWeeks,
      limits.extensionCount,
      limits.extensionWeeks,
      limits.includeExtensions,
      m.label.includeExtensions
    ),
    maxRate: readSetting(limits.maxRate, requestLabels.maxRate, "positive"),
    cvRequirements: readCvRequirementsSetting(limits.cvRequirements),
    knockouts,
    awards: [],
  };
  const draft = judgeCandidate({ row: 0, name: "", rate: rateCell, values: row.values }, "", {
    request,
    history: readWorkHistory(request, []),
    ambiguousName: false,
  });
  const { status, failed } = draft.result;
  if (status === "knockedOut") return exclusionText(failed, request);
  if (status === "eligible") return KNOCKOUT_OK;
  const message =
    draft.problems
      .map((p) => (unknownYears.includes(p.field) ? m.historyUnreadable(p.field) : p.message))
      .join(" ") || draft.result.missing.join(", ");
  throw draft.unreadable.length > 0 ? invalidValue(message) : notAvailable(message);
}

/** The parts of a request that a knock-out verdict never reads (also the frame of FLEX.WORKYEARS's request). */
export const VERDICT_ONLY: Omit<
  Request,
  "maxRate" | "cvRequirements" | "knockouts" | "awards" | keyof ContractSettings
> = {
  id: "",
  title: "",
  organisation: "",
  referenceDate: "1970-01-01",
  closingMoment: "",
  topN: 1,
  feePerHour: 0,
  competencyGate: { competencies: [], scale: [], passFrom: "", minAssessors: 0 },
  facts: [],
};

function single(value: unknown): CellValue {
  const cells = lineOf(value, candidateMessages.rateLabel);
  if (cells.length !== 1) throw invalidValue(m.oneCell(candidateMessages.rateLabel));
  return cells[0];
}
