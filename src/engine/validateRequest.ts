/**
 * Checks a request definition before it scores anyone. Every problem names its
 * field as a path (`topN`, `awards.G9.points`, `knockouts.K3.rule.value`,
 * `competencyGate.passFrom`) so the workbook layer can point at the cell.
 */
import { isoToDay } from "./dates";
import { isCriterionId } from "./grammar/words";
import {
  cvRequirementText,
  cvRequirementWords,
  requestLabels as label,
  requestMessages as m,
} from "./messages";
import type { AwardCriterion, KnockoutCriterion, Request, ValueKind } from "./request";

/** A problem with one field of the request. */
export interface RequestProblem {
  field: string;
  message: string;
}

const VALUE_KINDS: ValueKind[] = ["yesNo", "yesNoNotApplicable", "years", "count", "amount"];
const NUMERIC_KINDS: ValueKind[] = ["years", "count", "amount"];

/**
 * Every problem with a request, in Dutch; an empty list when it can be used.
 *
 * @example
 * validateRequest(request17040); // []
 * validateRequest({ ...request17040, topN: 0 }); // [{ field: "topN", message: "Top N moet een heel getal van 1 of meer zijn." }]
 */
export function validateRequest(request: Request): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const positive = (field: string, label: string, value: number) => {
    if (!(Number.isFinite(value) && value > 0)) add(field, m.notPositive(label));
  };
  const nonNegative = (field: string, label: string, value: number) => {
    if (!(Number.isFinite(value) && value >= 0)) add(field, m.negative(label));
  };
  const wholeAtLeast = (field: string, label: string, value: number, min: number) => {
    if (!(Number.isInteger(value) && value >= min)) add(field, m.notWholeAtLeast(label, min));
  };

  if (!request.id?.trim()) add("id", m.required(label.id));
  if (!request.title?.trim()) add("title", m.required(label.title));
  if (isoToDay(request.referenceDate) === null) {
    add("referenceDate", m.invalidDate(label.referenceDate, String(request.referenceDate ?? "")));
  }
  if (request.closingMoment && !validMoment(request.closingMoment)) {
    add("closingMoment", m.invalidMoment(request.closingMoment));
  }
  if (request.listingClosingMoment && !validMoment(request.listingClosingMoment)) {
    add("listingClosingMoment", m.invalidListingMoment(request.listingClosingMoment));
  }
  positive("maxRate", label.maxRate, request.maxRate);
  wholeAtLeast("topN", label.topN, request.topN, 1);
  nonNegative("hoursPerWeek.min", label.hoursMin, request.hoursPerWeek.min);
  positive("hoursPerWeek.max", label.hoursMax, request.hoursPerWeek.max);
  if (request.hoursPerWeek.min > request.hoursPerWeek.max)
    add("hoursPerWeek", m.minAboveMax(label.hours));
  positive("termWeeks", label.termWeeks, request.termWeeks);
  wholeAtLeast("extensions.count", label.extensionCount, request.extensions.count, 0);
  nonNegative("extensions.weeks", label.extensionWeeks, request.extensions.weeks);
  nonNegative("feePerHour", label.feePerHour, request.feePerHour);
  if (!(Object.keys(cvRequirementWords) as string[]).includes(request.cvRequirements))
    add("cvRequirements", cvRequirementText.invalidSetting(String(request.cvRequirements ?? "")));

  const seen = new Set<string>();
  const checkId = (group: string, id: string) => {
    if (!isCriterionId(id ?? "")) add(`${group}.${id}.id`, m.invalidId(String(id ?? "")));
    if (seen.has(id.toUpperCase())) add(`${group}.${id}.id`, m.duplicateId(id));
    seen.add(id.toUpperCase());
  };
  for (const criterion of request.knockouts) {
    checkId("knockouts", criterion.id);
    problems.push(...knockoutProblems(criterion));
  }
  for (const criterion of request.awards) {
    checkId("awards", criterion.id);
    problems.push(...awardProblems(criterion));
  }
  problems.push(...gateProblems(request));
  return problems;
}

/**
 * The problems of one criterion on its own (its kind, rule, header, points, scoring
 * and window), as {@link validateRequest} names them; the criteria tables' grammar
 * reports them at the row, so FLEX and the workbook refuse the same criterion.
 *
 * @example
 * criterionProblems("awards", { ...g11, scoring: { kind: "linear", min: 5, max: 5 } });
 * // [{ field: "awards.G11.scoring", message: "G11: het minimum moet kleiner zijn dan het maximum." }]
 */
export function criterionProblems(
  group: "knockouts" | "awards",
  criterion: KnockoutCriterion | AwardCriterion
): RequestProblem[] {
  return group === "knockouts"
    ? knockoutProblems(criterion as KnockoutCriterion)
    : awardProblems(criterion as AwardCriterion);
}

function knockoutProblems(c: KnockoutCriterion): RequestProblem[] {
  const out: RequestProblem[] = [];
  const at = (field: string) => `knockouts.${c.id}.${field}`;
  if (!VALUE_KINDS.includes(c.valueKind))
    out.push({ field: at("valueKind"), message: m.unknownKind(c.id, c.valueKind) });
  if (c.rule.kind === "maxRate") {
    if (c.valueKind !== "amount")
      out.push({ field: at("rule"), message: m.ruleDoesNotFitKind(c.id) });
  } else {
    out.push(...headerProblems(c.id, c.header, at("header")));
  }
  const numeric = NUMERIC_KINDS.includes(c.valueKind);
  const fits =
    c.rule.kind === "yes"
      ? !numeric
      : c.rule.kind === "coversContractValue"
        ? c.valueKind === "amount"
        : numeric;
  if (!fits) out.push({ field: at("rule"), message: m.ruleDoesNotFitKind(c.id) });
  if (
    (c.rule.kind === "atLeast" || c.rule.kind === "atMost") &&
    !(Number.isFinite(c.rule.value) && c.rule.value >= 0)
  ) {
    out.push({ field: at("rule.value"), message: m.negative(label.limit(c.id)) });
  }
  if (c.valueKind === "years") out.push(...windowProblems(c.id, c.windowYears, at("windowYears")));
  return out;
}

function awardProblems(c: AwardCriterion): RequestProblem[] {
  const out: RequestProblem[] = [];
  const at = (field: string) => `awards.${c.id}.${field}`;
  if (!VALUE_KINDS.includes(c.valueKind))
    out.push({ field: at("valueKind"), message: m.unknownKind(c.id, c.valueKind) });
  out.push(...headerProblems(c.id, c.header, at("header")));
  if (!(Number.isFinite(c.points) && c.points >= 0))
    out.push({ field: at("points"), message: m.negative(label.points(c.id)) });
  const s = c.scoring;
  if (s.kind === "allOrNothing") {
    if (NUMERIC_KINDS.includes(c.valueKind) && s.threshold === undefined) {
      out.push({ field: at("scoring.threshold"), message: m.thresholdRequired(c.id) });
    } else if (s.threshold !== undefined && !(Number.isFinite(s.threshold) && s.threshold >= 0)) {
      out.push({ field: at("scoring.threshold"), message: m.negative(label.threshold(c.id)) });
    }
  } else if (s.kind === "tiered") {
    if (!s.steps?.length) out.push({ field: at("scoring.steps"), message: m.noSteps(c.id) });
    (s.steps ?? []).forEach((step, i) => {
      if (!Number.isFinite(step.min))
        out.push({ field: at(`scoring.steps.${i}.min`), message: m.negative(label.step(c.id, i)) });
      if (!(Number.isFinite(step.points) && step.points >= 0 && step.points <= c.points)) {
        out.push({ field: at(`scoring.steps.${i}.points`), message: m.stepPoints(c.id, c.points) });
      }
    });
  } else if (s.kind === "linear") {
    if (!(Number.isFinite(s.min) && Number.isFinite(s.max) && s.min < s.max)) {
      out.push({ field: at("scoring"), message: m.linearMinMax(c.id) });
    }
  } else {
    out.push({
      field: at("scoring"),
      message: m.unknownKind(c.id, String((s as { kind: unknown }).kind)),
    });
  }
  if (c.valueKind === "years") out.push(...windowProblems(c.id, c.windowYears, at("windowYears")));
  return out;
}

function headerProblems(id: string, header: string | null, field: string): RequestProblem[] {
  if (!header?.trim()) return [{ field, message: m.headerRequired(id) }];
  const lead = header.trim().split(/\s+/)[0];
  return lead.toUpperCase() === id.toUpperCase()
    ? []
    : [{ field, message: m.headerWithoutId(id, header) }];
}

function windowProblems(
  id: string,
  windowYears: number | undefined,
  field: string
): RequestProblem[] {
  if (windowYears === undefined) return [{ field, message: m.windowRequired(id) }];
  return Number.isFinite(windowYears) && windowYears > 0
    ? []
    : [{ field, message: m.notPositive(label.window(id)) }];
}

function gateProblems(request: Request): RequestProblem[] {
  const gate = request.competencyGate;
  const out: RequestProblem[] = [];
  const at = (field: string) => `competencyGate.${field}`;
  if (!gate.competencies.length)
    out.push({ field: at("competencies"), message: m.noCompetencies() });
  duplicates(gate.competencies).forEach((name) =>
    out.push({ field: at("competencies"), message: m.duplicateCompetency(name) })
  );
  if (!gate.scale.length) out.push({ field: at("scale"), message: m.emptyScale() });
  duplicates(gate.scale).forEach((value) =>
    out.push({ field: at("scale"), message: m.duplicateScale(value) })
  );
  const inScale = gate.scale.some(
    (s) => s.trim().toLowerCase() === gate.passFrom.trim().toLowerCase()
  );
  if (!inScale)
    out.push({ field: at("passFrom"), message: m.passFromNotInScale(gate.passFrom, gate.scale) });
  if (!(Number.isInteger(gate.minAssessors) && gate.minAssessors >= 1)) {
    out.push({ field: at("minAssessors"), message: m.notWholeAtLeast(label.minAssessors, 1) });
  }
  return out;
}

function duplicates(items: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const item of items) {
    const key = item.trim().toLowerCase();
    if (seen.has(key)) twice.add(item);
    seen.add(key);
  }
  return [...twice];
}

function validMoment(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  return !!match && isoToDay(match[1]) !== null && Number(match[2]) < 24 && Number(match[3]) < 60;
}
