/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so that
 * date arithmetic never meets time zones or daylight saving time.
 */
import type { IsoDate } from "./request";

/**
 * Whether year, month (1–12) and day form a date that exists.
 *
 * @example
 * isValidYmd(2024, 2, 29); // true
 * isValidYmd(2023, 2, 29); // false
 */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/**
 * The number of days in a month (1–12).
 *
 * @example
 * daysInMonth(2024, 2); // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The day number of a valid date.
 *
 * @example
 * ymdToDay(1970, 1, 2); // 1
 */
export function ymdToDay(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil (proleptic Gregorian, as Date): plain arithmetic,
  // no Date object, because every period and every window needs it.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Year, month and day of a day number.
 *
 * @example
 * dayToYmd(0); // { year: 1970, month: 1, day: 1 }
 */
export function dayToYmd(dayNumber: number): { year: number; month: number; day: number } {
  // Howard Hinnant's civil_from_days, the inverse of ymdToDay.
  const z = Math.floor(dayNumber) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The ISO date (`jjjj-mm-dd`) of a valid date.
 *
 * @example
 * ymdToIso(2024, 10, 4); // "2024-10-04"
 */
export function ymdToIso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The day number of an ISO date, or null when the text is not an existing `jjjj-mm-dd` date.
 *
 * @example
 * isoToDay("1970-01-11"); // 10
 * isoToDay("2024-02-31"); // null
 */
export function isoToDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidYmd(year, month, day) ? ymdToDay(year, month, day) : null;
}

/**
 * The ISO date of a day number.
 *
 * @example
 * dayToIso(10); // "1970-01-11"
 */
export function dayToIso(dayNumber: number): IsoDate {
  const { year, month, day } = dayToYmd(dayNumber);
  return ymdToIso(year, month, day);
}

/**
 * The same calendar date `years` later (or earlier, when negative); 29 February
 * becomes 28 February in a year without it.
 *
 * @example
 * addYears(isoToDay("2024-02-29")!, -1); // day number of 2023-02-28
 */
export function addYears(dayNumber: number, years: number): number {
  const { year, month, day } = dayToYmd(dayNumber);
  const target = year + years;
  return ymdToDay(target, month, Math.min(day, daysInMonth(target, month)));
}

/**
 * The time from one day to a later one in calendar years: whole years by
 * anniversary, plus the rest as a fraction of the year that follows the last
 * anniversary. Exactly two calendar years is exactly 2, leap day or not.
 *
 * @example
 * calendarYears(isoToDay("2022-10-04")!, isoToDay("2024-10-04")!); // 2
 * calendarYears(isoToDay("2023-10-04")!, isoToDay("2024-04-04")!); // 0.5 (183/366)
 */
export function calendarYears(fromDay: number, toDay: number): number {
  if (toDay <= fromDay) return 0;
  const { year: startYear } = dayToYmd(fromDay);
  const { year: endYear } = dayToYmd(toDay);
  let whole = Math.max(0, endYear - startYear - 1);
  while (addYears(fromDay, whole + 1) <= toDay) whole++;
  const anniversary = addYears(fromDay, whole);
  const next = addYears(fromDay, whole + 1);
  return whole + (toDay - anniversary) / (next - anniversary);
}

/** Excel's day 0 for serials from 61 on (1899-12-30, which absorbs Excel's non-existent 29-02-1900). */
const EXCEL_EPOCH_DAY = ymdToDay(1899, 12, 30);
/** The largest serial Excel accepts: 31-12-9999. */
export const EXCEL_MAX_SERIAL = 2_958_465;

/**
 * The ISO date of an Excel serial (1900 date system), ignoring a time part.
 * Serial 60 is Excel's 29-02-1900, which never existed: null.
 *
 * @example
 * excelSerialToIso(45569); // "2024-10-04"
 * excelSerialToIso(60); // null
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > EXCEL_MAX_SERIAL || whole === 60) return null;
  // Before the phantom leap day, Excel's serials are one day ahead of the real calendar.
  const day = whole < 60 ? EXCEL_EPOCH_DAY + whole + 1 : EXCEL_EPOCH_DAY + whole;
  return dayToIso(day);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
