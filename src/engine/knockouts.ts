/**
 * The test of one knock-out (K…) or formal CV requirement (E…) on a value already
 * read, the Dutch words for why it failed, and the rule of what a failure does.
 */
import { requiredCover } from "./contractValue";
import type { KnockoutOutcome } from "./evaluation";
import { daysForYears, reachesYears, type CoveredDays } from "./experience";
import { cvRequirementText, reasonText as t } from "./messages";
import type { CriterionId, KnockoutCriterion, Request } from "./request";
import type { CriterionValue } from "./values";

/** What a knock-out test needs besides the criterion's own value. */
export interface KnockoutContext {
  request: Pick<
    Request,
    "maxRate" | "hoursPerWeek" | "termWeeks" | "extensions" | "contractValueIncludesExtensions"
  >;
  /** The candidate's hourly rate; null when missing or unreadable. */
  rate: number | null;
}

/**
 * Whether a value passes a knock-out: true, false, or null when it cannot be
 * decided (K7 without a rate, a value of the wrong sort for the rule).
 * For `maxRate` (K8) the value is the rate itself. Years from the work history
 * (`covered`) are compared on days, never on the rounded years (see experience.ts).
 *
 * @example
 * knockoutPasses(k8, 75, { request: request17040, rate: 75 }); // true
 * knockoutPasses(k8, 75.01, { request: request17040, rate: 75.01 }); // false
 * knockoutPasses(k3, 1.99, context, { days: 730, referenceDay }); // false at peildatum 26-08-2024
 */
export function knockoutPasses(
  criterion: Pick<KnockoutCriterion, "rule" | "valueKind">,
  value: CriterionValue,
  context: KnockoutContext,
  covered?: CoveredDays
): boolean | null {
  const rule = criterion.rule;
  const byDays = covered !== undefined && criterion.valueKind === "years";
  switch (rule.kind) {
    case "yes":
      if (value === "n.v.t.") return criterion.valueKind === "yesNoNotApplicable";
      return typeof value === "boolean" ? value : null;
    case "atLeast":
      if (byDays) return reachesYears(covered, rule.value);
      return typeof value === "number" ? value >= rule.value : null;
    case "atMost":
      if (byDays) return covered.days <= daysForYears(covered.referenceDay, rule.value);
      return typeof value === "number" ? value <= rule.value : null;
    case "coversContractValue":
      if (typeof value !== "number" || context.rate === null) return null;
      return value >= requiredCover(context.request, context.rate);
    case "maxRate":
      return typeof value === "number" ? value <= context.request.maxRate : null;
  }
}

/**
 * Why a value failed a knock-out, in Dutch, led by the criterion id. When the
 * work history decided (`origin.source` is `history`), it says so, with the
 * number typed in the cell beside it when one was typed.
 *
 * @example
 * knockoutFailure(k8, 75.01, { request: request17040, rate: 75.01 });
 * // "K8: uurtarief € 75,01 is hoger dan het maximum van € 75,00"
 * knockoutFailure(k3, 1.89, context, { source: "history", typed: 4 });
 * // "K3: 1,89 jaar volgens Werkervaring; getypt: 4 — minder dan de vereiste 2 jaar"
 */
export function knockoutFailure(
  criterion: KnockoutCriterion,
  value: CriterionValue,
  context: KnockoutContext,
  origin?: Pick<KnockoutOutcome, "source" | "typed">
): string {
  const { id, rule, valueKind } = criterion;
  if (typeof value !== "number") return t.yesNoFailed(id, criterionLabel(criterion), value);
  if (origin?.source === "history" && valueKind === "years") {
    if (rule.kind === "atLeast")
      return t.historyYearsTooFew(id, value, origin.typed ?? null, rule.value);
    if (rule.kind === "atMost")
      return t.historyYearsTooMany(id, value, origin.typed ?? null, rule.value);
  }
  switch (rule.kind) {
    case "atLeast":
      if (valueKind === "years") return t.yearsTooFew(id, value, rule.value);
      if (valueKind === "amount") return t.amountTooLow(id, value, rule.value);
      return t.countTooFew(id, value, rule.value, criterionLabel(criterion));
    case "atMost":
      if (valueKind === "years") return t.yearsTooMany(id, value, rule.value);
      if (valueKind === "amount") return t.amountTooHigh(id, value, rule.value);
      return t.countTooMany(id, value, rule.value, criterionLabel(criterion));
    case "coversContractValue":
      return t.insuranceTooLow(
        id,
        value,
        context.rate === null ? 0 : requiredCover(context.request, context.rate),
        context.request.contractValueIncludesExtensions
      );
    case "maxRate":
    case "yes":
      return t.rateTooHigh(id, value, context.request.maxRate);
  }
}

/**
 * The short name of a criterion: its header without the leading id, else its description.
 *
 * @example
 * criterionLabel({ id: "K6", header: "K6 Hbo-bachelor", description: "…" }); // "Hbo-bachelor"
 */
export function criterionLabel(criterion: {
  id: string;
  header: string | null;
  description: string;
}): string {
  const header = criterion.header?.trim() ?? "";
  const rest = header.toUpperCase().startsWith(criterion.id.toUpperCase())
    ? header.slice(criterion.id.length).trim()
    : header;
  return rest || criterion.description;
}

// --- CV requirements (E…) beside knock-outs (issue 17 §5) ---

/**
 * Whether a criterion of the knock-out table is a formal CV requirement (a
 * "CV-eis": pages, language, references) rather than a knock-out criterion: its
 * id starts with E: the README numbers E1–E3 the request's "CV-eisen" ("Maximaal 5
 * pagina’s, opgesteld in het Nederlands, minimaal 2 referenties.", test/fixtures/request-17040.txt).
 *
 * @example
 * isCvRequirement({ id: "E1" }); // true
 * isCvRequirement({ id: "K3" }); // false
 */
export function isCvRequirement(criterion: { id: CriterionId }): boolean {
  return /^E\d/i.test(criterion.id);
}

/**
 * The rule of step 1: failing a knock-out puts the candidate out; failing a CV
 * requirement does so only when the request says `CV-eisen: uitsluiten`.
 *
 * @example
 * failureExcludes({ id: "K3" }, { cvRequirements: "report" }); // true
 * failureExcludes({ id: "E1" }, { cvRequirements: "report" }); // false
 */
export function failureExcludes(
  criterion: { id: CriterionId },
  request: Pick<Request, "cvRequirements">
): boolean {
  return !isCvRequirement(criterion) || request.cvRequirements === "exclude";
}

/**
 * What put a candidate out, as the `Knock-out` column and FLEX.KNOCKOUT show it: the
 * failed ids that exclude, a CV requirement named as one. Empty when nothing excludes.
 *
 * @example
 * exclusionText(["K3", "E1"], { cvRequirements: "exclude" }); // "K3; CV-eis E1"
 * exclusionText(["K3", "E1"], { cvRequirements: "report" }); // "K3"
 */
export function exclusionText(
  failed: CriterionId[],
  request: Pick<Request, "cvRequirements">
): string {
  return failed
    .filter((id) => failureExcludes({ id }, request))
    .map((id) => (isCvRequirement({ id }) ? cvRequirementText.name(id) : id))
    .join("; ");
}
