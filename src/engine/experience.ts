/**
 * Years of experience inside a window that ends on the peildatum.
 *
 * Choices, so that a reader can check them:
 * - A period is half-open, [from, to): it covers `from` up to `to`, so
 *   04-10-2022 to 04-10-2024 is exactly 2 years. An open `to` means "still
 *   running" and, like any later `to`, is cut at the peildatum.
 * - The window is [peildatum − N calendar years, peildatum).
 * - Overlapping or touching periods are merged first, so no day counts twice.
 * - Years are calendar years: whole years by anniversary plus the rest as a
 *   fraction of the following year (see {@link calendarYears}). Exactly N
 *   calendar years is exactly N, whether or not a 29 February falls inside,
 *   which a days / 365.25 rule cannot promise.
 * - The total is rounded to 2 decimals (0,01 year ≈ 3,7 days) so that a CV's
 *   "tot 31-12-2021" (meant as "up to and including") does not lose a
 *   knock-out over a single day; it never exceeds the window.
 */
import { addYears, calendarYears, isoToDay } from "./dates";
import { requestMessages } from "./messages";
import type { IsoDate } from "./request";

/** A period of work: from a date, to a date or still running (null). */
export interface Period {
  from: IsoDate;
  to: IsoDate | null;
}

/** A span of days, start inclusive, end exclusive. */
export type DaySpan = [start: number, end: number];

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

/**
 * Years of experience in the `windowYears` before the peildatum (all of the
 * past when `windowYears` is undefined), as a decimal rounded to 2 places.
 *
 * @throws RangeError when the peildatum is not a valid ISO date.
 * @example
 * yearsInWindow([{ from: "2022-10-04", to: null }], "2024-10-04", 5); // 2
 * yearsInWindow([{ from: "2010-01-01", to: "2030-01-01" }], "2024-10-04", 5); // 5
 */
export function yearsInWindow(
  periods: Period[],
  referenceDate: IsoDate,
  windowYears?: number
): number {
  const end = isoToDay(referenceDate);
  if (end === null) throw new RangeError(requestMessages.invalidReferenceDate(referenceDate));
  const start = windowYears === undefined ? -Infinity : addYears(end, -windowYears);
  const spans: DaySpan[] = [];
  for (const period of periods) {
    const from = isoToDay(period.from);
    const to = period.to === null ? end : isoToDay(period.to);
    if (from === null || to === null) continue;
    spans.push([from, to]);
  }
  const total = mergeSpans(spans, start, end).reduce((sum, [s, e]) => sum + calendarYears(s, e), 0);
  const rounded = Math.round(total * 100) / 100;
  return windowYears === undefined ? rounded : Math.min(rounded, windowYears);
}
