/**
 * The one-line Dutch reason per candidate (`Toelichting`): why this status,
 * which score, which place. The words themselves live in messages.ts.
 */
import { cvRequirementText as cv, reasonText as t } from "./messages";
import type { Status } from "./evaluation";
import type { CvRequirementPolicy } from "./request";

/** Everything the reason line says something about. */
export interface ReasonInput {
  status: Status;
  /** Why each failed knock-out (K…) failed (see knockoutFailure). */
  failures: string[];
  /** Why each failed CV requirement (E…) failed; absent: none failed. */
  cvFailures?: string[];
  /** What a failed CV requirement does (the request's `CV-eisen`); absent: `exclude`. */
  cvRequirements?: CvRequirementPolicy;
  /** Fields missing or unreadable: `rate` or a criterion id. */
  missing: string[];
  /** The part of `missing` that is unreadable rather than empty. */
  unreadable: string[];
  score: number | null;
  maxScore: number;
  rank: number | null;
  top: boolean;
  needsDraw: boolean;
  drawn: boolean;
  /** Names of the candidates with the same score and rate (the first few are enough, see `tiedCount`). */
  tiedWith: string[];
  /** How many candidates share the score and rate, when `tiedWith` holds only the first names. */
  tiedCount?: number;
  /** The places a needed draw decides. */
  contested: { from: number; to: number } | null;
  topN: number;
  /** The score at place N, for "buiten de top". */
  placeNScore: number | null;
  /**
   * The criteria that Werkervaring decided (not failed ones: their failure says
   * so already), with the number typed in the cell when one was typed.
   */
  fromHistory?: Array<{ id: string; years: number; typed: number | null }>;
}

/**
 * The reason line.
 *
 * @example
 * reasonLine({ status: "knockedOut", failures: ["K8: uurtarief € 75,01 is hoger dan het maximum van € 75,00"], … });
 * // "Valt af op K8: uurtarief € 75,01 is hoger dan het maximum van € 75,00"
 * reasonLine({ status: "knockedOut", failures: [], cvFailures: ["E1: CV-pagina's is 6, meer dan het maximum van 5"], … });
 * // "Valt af: voldoet niet aan CV-eis E1: CV-pagina's is 6, meer dan het maximum van 5"
 * reasonLine({ status: "eligible", score: 80, maxScore: 100, rank: 3, top: true, topN: 10, … });
 * // "Score 80 van 100, rang 3 — in de top 10"
 * // with fromHistory: "Score 80 van 100, rang 3 — in de top 10 — volgens Werkervaring: G9 12,5 jaar (getypt: 10)"
 */
export function reasonLine(input: ReasonInput): string {
  const cvFailures = input.cvFailures ?? [];
  const cvFailed = cvFailures.length > 0 ? cv.failed(cvFailures) : "";
  // With `alleen melden` a failed CV requirement is said after whatever the line says, and changes nothing else.
  if (cvFailed && input.cvRequirements === "report")
    return reasonLine({ ...input, cvFailures: [] }) + t.separator + cv.reported(cvFailed);
  const line = statusLine(input, cvFailed);
  // Knocked out: the failures tell the story; the other criteria were not assessed further.
  if (input.status === "knockedOut" || !input.fromHistory?.length) return line;
  return line + t.separator + t.fromHistory(input.fromHistory);
}

/** The line as the status decides it; `cvFailed`: the failed CV requirements as one text, or "". */
function statusLine(input: ReasonInput, cvFailed: string): string {
  const missingParts = input.missing.map((field) => {
    const label = field === "rate" ? t.rateLabel : field;
    return input.unreadable.includes(field) ? t.unreadable(label) : t.missing(label);
  });
  if (input.status === "knockedOut") {
    const also = missingParts.length ? t.alsoIncomplete(missingParts) : "";
    if (input.failures.length === 0) return cv.excludedOnly(cvFailed) + also;
    return t.knockedOut(cvFailed ? [...input.failures, cvFailed] : input.failures) + also;
  }
  if (input.status === "incomplete" || input.score === null || input.rank === null) {
    return t.incomplete(missingParts);
  }
  const place: string[] = [];
  const tiedCount = input.tiedCount ?? input.tiedWith.length;
  if (tiedCount > 0) place.push(t.tiedWith(input.tiedWith, tiedCount));
  if (input.drawn) place.push(t.drawn);
  if (input.top) place.push(t.inTop(input.topN));
  else if (input.needsDraw && input.contested)
    place.push(t.needsDraw(input.contested.from, input.contested.to));
  else place.push(t.outsideTop(input.topN, input.placeNScore));
  return t.score(input.score, input.maxScore, input.rank) + t.separator + place.join(", ");
}
