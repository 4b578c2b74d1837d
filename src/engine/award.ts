/**
 * Award points per criterion (all-or-nothing, tiered, linear) and the total score.
 * Points are kept to 2 decimals so that equal scores are equal numbers, which
 * the tie rule depends on.
 */
import { daysForYears, reachesYears, yearsOfDays, type CoveredDays } from "./experience";
import type { AwardCriterion } from "./request";
import type { CriterionValue } from "./values";

/**
 * The points one value earns on one award criterion, within [0, criterion.points].
 * - all-or-nothing: `Ja` earns all points (`Nee` and `n.v.t.` none); a number earns
 *   all points at or above `threshold` (above 0 when no threshold is set).
 * - tiered: the points of the highest step whose `min` the value reaches.
 * - linear: 0 at or below `min`, all points at or above `max`, in proportion between.
 * For tiered and linear scoring `Ja` counts as 1 and `Nee` as 0.
 *
 * Years from the work history (`covered`) are compared on days, as knock-outs
 * are (see experience.ts): a threshold, a step's `min`, and linear's `min` and
 * `max` each need the days of that many calendar years before the peildatum
 * (a fraction of a year rounded up to a whole day); between linear's bounds the
 * points follow the exact years, not the rounded ones.
 *
 * @example
 * awardPoints(g9, 10); // 50
 * awardPoints(g9, 9.99); // 0
 * awardPoints({ ...g9, scoring: { kind: "linear", min: 0, max: 10 } }, 5); // 25
 */
export function awardPoints(
  criterion: Pick<AwardCriterion, "points" | "scoring">,
  value: CriterionValue,
  covered?: CoveredDays
): number {
  const max = Math.max(0, criterion.points);
  const scoring = criterion.scoring;
  if (covered !== undefined && typeof value === "number")
    return pointsByDays(max, scoring, covered);
  if (scoring.kind === "allOrNothing") {
    if (typeof value !== "number") return value === true ? max : 0;
    const passes = scoring.threshold === undefined ? value > 0 : value >= scoring.threshold;
    return passes ? max : 0;
  }
  const n = typeof value === "number" ? value : value === true ? 1 : 0;
  if (scoring.kind === "tiered") {
    const reached = scoring.steps.filter((step) => n >= step.min).map((step) => step.points);
    return clampPoints(reached.length ? Math.max(...reached) : 0, max);
  }
  if (n >= scoring.max) return max;
  if (!(scoring.max > scoring.min) || n <= scoring.min) return 0;
  // Strictly between the bounds, so the share is finite even for a denormal range (0 to 5e-324).
  const share = (n - scoring.min) / (scoring.max - scoring.min);
  return clampPoints(max * share, max);
}

/**
 * The total of per-criterion points, to 2 decimals.
 *
 * @example
 * totalScore([50, 0, 20]); // 70
 */
export function totalScore(points: number[]): number {
  return round2(points.reduce((sum, p) => sum + p, 0));
}

/**
 * The most points a request's award criteria can give together.
 *
 * @example
 * maxScore(request17040.awards); // 100
 */
export function maxScore(awards: Array<Pick<AwardCriterion, "points">>): number {
  return totalScore(awards.map((a) => Math.max(0, a.points)));
}

/** {@link awardPoints} for years from the work history: every bound compared on days. */
function pointsByDays(
  max: number,
  scoring: AwardCriterion["scoring"],
  covered: CoveredDays
): number {
  if (scoring.kind === "allOrNothing") {
    const passes =
      scoring.threshold === undefined ? covered.days > 0 : reachesYears(covered, scoring.threshold);
    return passes ? max : 0;
  }
  if (scoring.kind === "tiered") {
    const reached = scoring.steps
      .filter((step) => reachesYears(covered, step.min))
      .map((step) => step.points);
    return clampPoints(reached.length ? Math.max(...reached) : 0, max);
  }
  if (reachesYears(covered, scoring.max)) return max;
  if (!(scoring.max > scoring.min)) return 0;
  if (covered.days <= daysForYears(covered.referenceDay, scoring.min)) return 0;
  const years = yearsOfDays(covered.referenceDay, covered.days);
  return clampPoints((max * (years - scoring.min)) / (scoring.max - scoring.min), max);
}

function clampPoints(points: number, max: number): number {
  // Round first, then clamp: rounding may never lift points above the criterion's maximum.
  return Math.min(max, Math.max(0, round2(points)));
}

function round2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
}
