/**
 * FLEX.KNOCKOUT: the knock-out verdict of one candidate row, judged by the
 * engine (judgeCandidate) against the knock-out table and limits of the request.
 */
import {
  candidateMessages,
  judgeCandidate,
  readWorkHistory,
  requestLabels,
  type CellValue,
  type Request,
} from "../engine";
import { isOmitted, lineOf } from "./cells";
import { needsColumn, readKnockoutCriteria } from "./criteria";
import { invalidValue, notAvailable } from "./errors";
import { functionMessages as m } from "./messages";
import { rowValues } from "./rowValues";
import { readContractSettings, readSetting, type ContractSettings } from "./settings";

/** The request's limits that a knock-out verdict needs, as FLEX.KNOCKOUT's arguments give them. */
export interface KnockoutLimits {
  maxRate: unknown;
  hoursPerWeek: unknown;
  termWeeks: unknown;
  extensionCount?: unknown;
  extensionWeeks?: unknown;
  includeExtensions?: unknown;
}

/** The verdict when every knock-out passes. */
export const KNOCKOUT_OK = "OK";

/**
 * `OK`, or every failed id in the request's order joined by `; ` (`K3; K8`).
 * A row that is entirely empty gives "". A row that fails nothing but misses a
 * value needed to decide is not `OK`: it is an error naming what is missing.
 *
 * @param values The row's knock-out cells (K… and E…; K8 needs none: it is the rate).
 * @param criteria The `Knockoutcriteria` range (see criteria.ts for its columns).
 * @param rate The row's hourly rate.
 * @throws FunctionError `#N/A` when a value is missing, `#VALUE!` when one is unreadable.
 * @example
 * knockout([["Ja", "Ja", 1.5, …]], criteria17040, 75.01, limits); // "K3; K8"
 */
export function knockout(
  values: unknown,
  criteria: unknown,
  rate: unknown,
  limits: KnockoutLimits,
  headers?: unknown
): string {
  const knockouts = readKnockoutCriteria(criteria);
  const row = rowValues(values, headers, knockouts.filter(needsColumn));
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
    knockouts,
    awards: [],
  };
  const draft = judgeCandidate({ row: 0, name: "", rate: rateCell, values: row.values }, "", {
    request,
    history: readWorkHistory(request, []),
    ambiguousName: false,
  });
  const { status, failed } = draft.result;
  if (status === "knockedOut") return failed.join("; ");
  if (status === "eligible") return KNOCKOUT_OK;
  const message = draft.problems.map((p) => p.message).join(" ") || draft.result.missing.join(", ");
  throw draft.unreadable.length > 0 ? invalidValue(message) : notAvailable(message);
}

/** The parts of a request that a knock-out verdict never reads. */
const VERDICT_ONLY: Omit<Request, "maxRate" | "knockouts" | "awards" | keyof ContractSettings> = {
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
