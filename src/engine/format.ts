/**
 * Numbers, amounts and dates written the Dutch way (`€ 1.234,56`, `72,5`,
 * `04-10-2024`), with plain spaces: ICU puts a non-breaking space after `€`,
 * which a cell, a CSV or a test comparing text does not expect.
 */
import { dayToIso, isoToDay } from "./dates";
import type { IsoDate } from "./request";

const euro = new Intl.NumberFormat("nl-NL", {
  style: "currency",
  currency: "EUR",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const numberFormats = new Map<number, Intl.NumberFormat>();

/**
 * Formatted texts by number, per format: a reason line formats the same few
 * scores and amounts thousands of times, and Intl formatting is slow.
 * Cleared when full, so it stays small whatever comes in.
 */
const formatted = new Map<string, Map<number, string>>();
const MAX_CACHED = 1000;

function cached(format: string, value: number, make: () => string): string {
  if (Object.is(value, -0)) return make(); // a Map key does not tell -0 from 0
  let texts = formatted.get(format);
  if (!texts) formatted.set(format, (texts = new Map()));
  let text = texts.get(value);
  if (text === undefined) {
    if (texts.size >= MAX_CACHED) texts.clear();
    text = make();
    texts.set(value, text);
  }
  return text;
}

/**
 * An amount in euros with two decimals and `.` between thousands.
 *
 * @example
 * formatEuro(75.01); // "€ 75,01"
 * formatEuro(1234.56); // "€ 1.234,56"
 */
export function formatEuro(amount: number): string {
  return cached("euro", amount, () => plainSpaces(euro.format(amount)));
}

/**
 * A number with a decimal comma, `.` between thousands and at most `maxDecimals` decimals.
 *
 * @example
 * formatNumber(72.5); // "72,5"
 * formatNumber(1234567.891); // "1.234.567,89"
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  return cached(String(maxDecimals), value, () => {
    let format = numberFormats.get(maxDecimals);
    if (!format) {
      format = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: maxDecimals });
      numberFormats.set(maxDecimals, format);
    }
    return plainSpaces(format.format(value));
  });
}

/**
 * Years as shown to a reader: rounded down to two decimals, so 1,9973 reads 1,99
 * and never as the 2 it fails to reach.
 *
 * @example
 * floorYears(1.99726); // 1.99
 * floorYears(2); // 2
 */
export function floorYears(years: number): number {
  // The epsilon keeps an exact 0,29 (computed as 0,28999…) at 0,29; a day is
  // worth at least 1/366 of a year, far more than the epsilon.
  const floored = Math.floor(years * 100 + 1e-9) / 100;
  return floored === 0 ? 0 : floored;
}

/**
 * Years tested against a maximum, as shown: rounded UP to two decimals, so a value
 * that fails "at most N years" never reads as N either.
 *
 * @example
 * ceilYears(2.0027); // 2.01
 */
export function ceilYears(years: number): number {
  return Math.ceil(years * 100 - 1e-9) / 100;
}

/**
 * Years above a maximum, as a reader sees them: rounded up to two decimals ({@link ceilYears}).
 *
 * @example
 * formatYearsAbove(2.0027); // "2,01"
 */
export function formatYearsAbove(years: number): string {
  return formatNumber(ceilYears(years));
}

/**
 * Years as a reader sees them: rounded down to two decimals, with a decimal comma.
 *
 * @example
 * formatYears(1.99726); // "1,99"
 * formatYears(2.5); // "2,5"
 */
export function formatYears(years: number): string {
  return formatNumber(floorYears(years));
}

/**
 * A date as `dd-mm-jjjj`, from an ISO date or a Date (read in UTC, as hosts store dates).
 *
 * @example
 * formatDate("2024-10-04"); // "04-10-2024"
 */
export function formatDate(date: IsoDate | Date): string {
  const iso = typeof date === "string" ? date : dayToIso(Math.floor(date.getTime() / 86_400_000));
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || isoToDay(iso) === null) return iso;
  return `${match[3]}-${match[2]}-${match[1]}`;
}

function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}
