/**
 * Years of experience inside a window that ends on the peildatum, counted in days.
 *
 * The rule (the request's "Minimaal 2 jaar aantoonbare werkervaring in de afgelopen 5 jaar",
 * test/fixtures/request-17040.txt; the README's "The rules of request 17040"; issue 17 §2), so
 * that a reader can check it:
 * - A period counts inclusive of both its `Van` and its `Tot` day (a CV's
 *   "t/m 31-12-2021"). An open `Tot` means "still running": it runs up to and
 *   including the peildatum. A later `Tot` is cut at the peildatum.
 * - The window for "the last N years" is the N calendar years ending on the
 *   peildatum: the days after (peildatum − N calendar years) up to and including
 *   the peildatum. It holds exactly day(peildatum) − day(peildatum − N years)
 *   days, whether or not a 29 February falls inside (see {@link daysForYears}).
 * - Periods are cut to the window and merged where they overlap or touch, so no
 *   day counts twice; the days covered are then counted.
 * - A threshold of N years passes when the days covered are at least the days of
 *   the N calendar years ending on the peildatum. One day short fails: nothing is
 *   rounded before comparing ({@link reachesYears}).
 * - A fractional threshold W + f (W whole, 0 < f < 1) needs the days of W years
 *   plus f of the calendar year before those, rounded up to a whole day
 *   (1,5 years at peildatum 26-08-2024: 366 + ⌈0,5 × 365⌉ = 549 days).
 * - Years shown to a reader come from the same days: whole years counted back
 *   from the peildatum, plus the rest as a fraction of the calendar year before
 *   them ({@link yearsOfDays}), rounded DOWN to two decimals ({@link floorYears}),
 *   so a value that fails never reads as the threshold. For a threshold of at most
 *   two decimals, the shown value reaches it exactly when the days do. (Against
 *   an "at most N years" limit the value is shown rounded UP instead, for the same
 *   reason: see candidate.ts.)
 */
import { addYears, isoToDay } from "./dates";
import { floorYears } from "./format";
import { requestMessages } from "./messages";
import type { IsoDate } from "./request";

/** A period of work: from a date, to a date (inclusive) or still running (null). */
export interface Period {
  from: IsoDate;
  to: IsoDate | null;
}

/** A span of days, start inclusive, end exclusive. */
export type DaySpan = [start: number, end: number];

/** The days a candidate's periods cover in a window, and the peildatum they count back from. */
export interface CoveredDays {
  /** Days covered inside the window, each day once. */
  days: number;
  /** The day number of the peildatum. */
  referenceDay: number;
}

/**
 * The periods cut to [windowStart, windowEnd) and merged where they overlap or touch.
 * Periods that end before they start, or fall outside the window, drop out.
 *
 * @example
 * mergeSpans([[0, 10], [5, 20], [30, 40]], 0, 35); // [[0, 20], [30, 35]]
 */
export function mergeSpans(spans: DaySpan[], windowStart: number, windowEnd: number): DaySpan[] {
  const clipped = spans
    .map(([s, e]): DaySpan => [Math.max(s, windowStart), Math.min(e, windowEnd)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: DaySpan[] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** Against floating-point noise in f × days (0,3 × 365 = 109,49999…): far below one day. */
const DAY_EPSILON = 1e-9;

/**
 * The days of the `years` calendar years that end on the peildatum: the days a
 * threshold of `years` needs, and the length of a window of `years`. A fraction
 * of a year is that fraction of the calendar year before the whole years,
 * rounded up to a whole day.
 *
 * @example
 * daysForYears(isoToDay("2024-08-26")!, 2); // 731 (26-08-2022 t/m … : 365 + 366)
 * daysForYears(isoToDay("2024-08-26")!, 1.5); // 549 (366 + ⌈0,5 × 365⌉)
 */
export function daysForYears(referenceDay: number, years: number): number {
  if (!(years > 0)) return 0;
  const whole = Math.floor(years);
  const wholeDays = referenceDay - addYears(referenceDay, -whole);
  const fraction = years - whole;
  if (fraction === 0) return wholeDays;
  const yearBefore = addYears(referenceDay, -whole) - addYears(referenceDay, -whole - 1);
  return wholeDays + Math.ceil(fraction * yearBefore - DAY_EPSILON);
}

/**
 * The exact years that `days` make, counted back from the peildatum: the whole
 * calendar years they fill, plus the rest as a fraction of the calendar year
 * before those. Not rounded (see {@link floorYears} for showing it).
 *
 * @example
 * yearsOfDays(isoToDay("2024-08-26")!, 731); // 2
 * yearsOfDays(isoToDay("2024-08-26")!, 730); // 1.99726… (1 + 364/365)
 */
export function yearsOfDays(referenceDay: number, days: number): number {
  if (!(days > 0)) return 0;
  let whole = Math.max(0, Math.floor(days / 366) - 1);
  while (referenceDay - addYears(referenceDay, -(whole + 1)) <= days) whole++;
  const wholeDays = referenceDay - addYears(referenceDay, -whole);
  const yearBefore = addYears(referenceDay, -whole) - addYears(referenceDay, -whole - 1);
  return whole + (days - wholeDays) / yearBefore;
}

/**
 * Whether the days covered reach a number of years, counted back from the
 * peildatum: days ≥ {@link daysForYears}. One day short is false.
 *
 * @example
 * reachesYears({ days: 731, referenceDay: isoToDay("2024-08-26")! }, 2); // true
 * reachesYears({ days: 730, referenceDay: isoToDay("2024-08-26")! }, 2); // false
 */
export function reachesYears(covered: CoveredDays, years: number): boolean {
  return covered.days >= daysForYears(covered.referenceDay, years);
}

/**
 * The days the periods cover in the `windowYears` ending on the peildatum (all of
 * the past when `windowYears` is undefined): each period inclusive of its end,
 * an open end running up to and including the peildatum, overlaps once.
 *
 * @throws RangeError when the peildatum is not a valid ISO date.
 * @example
 * coveredDays([{ from: "2022-08-27", to: null }], "2024-08-26", 5).days; // 731
 */
export function coveredDays(
  periods: Period[],
  referenceDate: IsoDate,
  windowYears?: number
): CoveredDays {
  const referenceDay = isoToDay(referenceDate);
  if (referenceDay === null)
    throw new RangeError(requestMessages.invalidReferenceDate(referenceDate));
  // Half-open day spans: the window (start, peildatum] is [start + 1, peildatum + 1).
  const end = referenceDay + 1;
  const start =
    windowYears === undefined ? -Infinity : end - daysForYears(referenceDay, windowYears);
  const spans: DaySpan[] = [];
  for (const period of periods) {
    const from = isoToDay(period.from);
    const to = period.to === null ? referenceDay : isoToDay(period.to);
    if (from === null || to === null) continue;
    spans.push([from, to + 1]);
  }
  const days = mergeSpans(spans, start, end).reduce((sum, [s, e]) => sum + (e - s), 0);
  return { days, referenceDay };
}

/**
 * Years of experience in the `windowYears` ending on the peildatum (all of the
 * past when `windowYears` is undefined), as shown: {@link coveredDays} in
 * calendar years, rounded down to 2 decimals. Never more than the window.
 * Verdicts compare days ({@link reachesYears}), not this number.
 *
 * @throws RangeError when the peildatum is not a valid ISO date.
 * @example
 * yearsInWindow([{ from: "2022-08-27", to: null }], "2024-08-26", 5); // 2
 * yearsInWindow([{ from: "2022-08-28", to: null }], "2024-08-26", 5); // 1.99
 */
export function yearsInWindow(
  periods: Period[],
  referenceDate: IsoDate,
  windowYears?: number
): number {
  const covered = coveredDays(periods, referenceDate, windowYears);
  return floorYears(yearsOfDays(covered.referenceDay, covered.days));
}
