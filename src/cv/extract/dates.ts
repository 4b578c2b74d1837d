/**
 * The date ranges CVs write, Dutch and English: "jan. 2019 – heden", "januari 2019 - december
 * 2021", "2015 - 2018", "01-2019 t/m 12-2021", "03/2019 - 05/2021", "sinds maart 2020",
 * "2019 – nu", "Jan 2019 - Present", "van 2010 tot 2014", "01-03-2019 – 31-12-2021".
 * One grammar for every line: {@link findRanges} finds the ranges of a line, {@link completeRange}
 * turns one into the first and last day a `Werkervaring` row takes.
 * Precision before recall: a single date ("VOG 2023", a birth date) is never a range, and a
 * year must be plausible for a working life (a postcode "2611 AB" is not a year).
 */
import type { IsoDate } from "../../engine";
import { daysInMonth, isValidYmd, ymdToIso } from "../../engine/dates";

/** A point in time as a CV writes it: a year, a month of a year, or a day. */
export interface DatePoint {
  year: number;
  /** 1–12, when the CV names the month. */
  month?: number;
  /** 1–31, when the CV names the day (then month is set too). */
  day?: number;
}

/** A date range found in a line: its start, its end (null: still running) and where it stands. */
export interface DateRange {
  from: DatePoint;
  to: DatePoint | null;
  /** The word that left the end open ("heden", "sinds", "-" at the end of the line …), for the note. */
  openWord?: string;
  /** Where the range starts and ends in the line (character offsets, end exclusive). */
  start: number;
  end: number;
}

/** The years a working life's date may have: a postcode (2611) or a house number is no year. */
export const YEARS = { min: 1950, max: 2099 } as const;

/** Month names and abbreviations (Dutch and English), lower case, to the month 1–12. */
const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2, febr: 2,
  maart: 3, march: 3, mrt: 3, mar: 3, maa: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
}; // prettier-ignore

/** Longest first, so "september" wins over "sep" and "sept". */
const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** The words that leave a range open: it still runs. */
const OPEN =
  "heden|tot op heden|nu|huidig|lopend|present|current|now|today|to date|date|ongoing|actueel";

const BOUND_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
/** After a point: no letter or digit, nor "-03" (an ISO month); "-2018" (the end) may follow. */
const NUM_AFTER = String.raw`(?![\p{L}\p{N}]|[-/.]\d{1,2}(?!\d))`;

/**
 * One point; the alternatives longest first. Groups: 1–3 day month-name year, 4–5 month-name
 * year, 6–8 dd-mm-yyyy, 9–11 yyyy-mm-dd, 12–13 mm-yyyy, 14 yyyy.
 */
const POINT_SOURCE =
  String.raw`(?:(\d{1,2})\.?\s+(${MONTH})\.?\s+(\d{4})` +
  String.raw`|(${MONTH})\.?,?\s*(\d{4}|['’‘]\d{2})` +
  String.raw`|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})` +
  String.raw`|(\d{4})-(\d{2})-(\d{2})` +
  String.raw`|(\d{1,2})[-/.](\d{4})` +
  String.raw`|(\d{4}))` +
  NUM_AFTER;

const POINT_STICKY = new RegExp(POINT_SOURCE, "iuy");
/** Points anywhere but after a digit; {@link startsWord} then decides after a letter. */
const POINT_SEARCH = new RegExp(String.raw`(?<![\p{N}])` + POINT_SOURCE, "giu");

/**
 * Whether a point found at `at` starts a word: nothing before it, or a lower-case letter
 * glued to a capitalised month ("ApeldoornJune 2022", a PDF's lost tab), never mid-word.
 */
function startsWord(text: string, at: number): boolean {
  if (at === 0 || !/\p{L}/u.test(text[at - 1])) return true;
  return /\p{Ll}/u.test(text[at - 1]) && /\p{Lu}/u.test(text[at]);
}

/**
 * Between the two ends: a dash, "t/m", "tot (en met)", "to", "until"…, or a slash with spaces
 * around it ("10-2019 / 02-2022"; "03/2019" without spaces is one date).
 */
const SEPARATOR = new RegExp(
  String.raw`\s*(?:[-–—‐‑~]+|(?<=\s)\/(?=\s)|\s(?:t\/m|t\.\/m\.|tm|tot en met|tot|to|until|till|through|thru)\s)\s*`,
  "iuy"
);
/** An open end right after the separator. */
const OPEN_END = new RegExp(String.raw`(?:${OPEN})(?![\p{L}])`, "iuy");
/** Only spaces between two month dates (a table's Van and Tot columns on one line). */
const GAP = /[ \t\u00a0]+/uy;
/** The open ends a "Tot" column writes ("heden"), not a sentence's "nu". */
const GAP_OPEN = /(?:tot op heden|heden|present|current|huidig|lopend|ongoing)(?![\p{L}])/iuy;
/** A dash with nothing after it (or only a cell separator): an open end. */
const DASH_AT_END = /\s*[-–—]\s*(?:$|[|│]|\s{3,})/uy;
/** Before a single point: "sinds", "vanaf", "since" open a range that still runs. */
const SINCE_BEFORE = /(?:^|[^\p{L}])(sinds|sedert|vanaf|since)\s+$/iu;
/** "jan. – mrt. 2019": a start month without its year. */
const MONTH_ONLY_SEARCH = new RegExp(BOUND_BEFORE + String.raw`(${MONTH})\.?(?![\p{L}])`, "giu");

/** Dutch mobile and landline numbers (10 digits, or +31 and 9), masked before dates are read. */
const PHONE =
  /(?<![\d-])(?:\+\s?31[\s-]?(?:\(0\)[\s-]?)?|0031[\s-]?|\(?0)\d(?:\)?[\s-]?\d){8}(?!\d)/gu;

/** Two-digit years ('19): up to 50 is 20xx. */
function fullYear(text: string): number {
  if (/^['’‘]/.test(text)) {
    const yy = Number(text.slice(1));
    return yy <= 50 ? 2000 + yy : 1900 + yy;
  }
  return Number(text);
}

function plausible(point: DatePoint): boolean {
  if (point.year < YEARS.min || point.year > YEARS.max) return false;
  if (point.month === undefined) return true;
  if (point.month < 1 || point.month > 12) return false;
  return point.day === undefined || isValidYmd(point.year, point.month, point.day);
}

/** The point of a match of POINT_SOURCE. */
function pointOf(m: RegExpExecArray): DatePoint | null {
  const g = (i: number) => m[i];
  let point: DatePoint;
  if (g(1)) point = { year: Number(g(3)), month: MONTHS[g(2).toLowerCase()], day: Number(g(1)) };
  else if (g(4)) point = { year: fullYear(g(5)), month: MONTHS[g(4).toLowerCase()] };
  else if (g(6)) point = { year: Number(g(8)), month: Number(g(7)), day: Number(g(6)) };
  else if (g(9)) point = { year: Number(g(9)), month: Number(g(10)), day: Number(g(11)) };
  else if (g(12)) point = { year: Number(g(13)), month: Number(g(12)) };
  else point = { year: Number(g(14)) };
  return plausible(point) ? point : null;
}

/** A point at exactly `at`, or null. */
function pointAt(text: string, at: number): { point: DatePoint; end: number } | null {
  POINT_STICKY.lastIndex = at;
  const m = POINT_STICKY.exec(text);
  if (!m) return null;
  const point = pointOf(m);
  return point ? { point, end: at + m[0].length } : null;
}

/** The same text with phone numbers blanked out (same length, so offsets stay). */
export function maskPhones(text: string): string {
  return text.replace(PHONE, (m) => " ".repeat(m.length));
}

function before(a: DatePoint, b: DatePoint): boolean {
  if (a.year !== b.year) return a.year < b.year;
  if (a.month === undefined || b.month === undefined) return true;
  if (a.month !== b.month) return a.month < b.month;
  return a.day === undefined || b.day === undefined || a.day <= b.day;
}

/**
 * What follows a start point at `at`: an end point, an open end, or nothing. `month`: the
 * start's month, when it names one: then only a space may stand between two month dates.
 */
function endAfter(
  text: string,
  at: number,
  month?: number
): { to: DatePoint | null; openWord?: string; end: number } | null {
  SEPARATOR.lastIndex = at;
  const sep = SEPARATOR.exec(text);
  if (sep) {
    const after = at + sep[0].length;
    const point = pointAt(text, after);
    if (point) return { to: point.point, end: point.end };
    OPEN_END.lastIndex = after;
    const open = OPEN_END.exec(text);
    if (open) return { to: null, openWord: open[0].toLowerCase(), end: after + open[0].length };
  }
  if (month !== undefined) {
    // Two columns "Van" and "Tot" of a table read as one line: "01-2021   10-2023", "11-2023 heden".
    GAP.lastIndex = at;
    const gap = GAP.exec(text);
    if (gap) {
      const after = at + gap[0].length;
      const point = pointAt(text, after);
      if (point?.point.month !== undefined) return { to: point.point, end: point.end };
      GAP_OPEN.lastIndex = after;
      const open = GAP_OPEN.exec(text);
      if (open && !point)
        return { to: null, openWord: open[0].toLowerCase(), end: after + open[0].length };
    }
  }
  DASH_AT_END.lastIndex = at;
  const dash = DASH_AT_END.exec(text);
  if (dash) return { to: null, openWord: "-", end: at + dash[0].replace(/[|│\s]+$/u, "").length };
  return null;
}

/**
 * The date ranges in one line, in order. A range is two points joined by a dash or words
 * ("t/m", "tot", "to"), a point with an open end ("heden", "present", a dash at the end), or a
 * point after "sinds"/"vanaf"/"since". Phone numbers are masked first; a range whose end comes
 * before its start, or spans more than 50 years, is no range.
 *
 * @example
 * findRanges("jan. 2019 – heden Klantmanager"); // [{ from: { year: 2019, month: 1 }, to: null, openWord: "heden", start: 0, end: 17 }]
 */
export function findRanges(line: string): DateRange[] {
  // Every date has a digit: most lines of a CV have none.
  if (!/\d/.test(line)) return [];
  const text = maskPhones(line);
  const ranges: DateRange[] = [];
  let from = 0;
  // "jan. – mrt. 2019": the start month takes the end's year.
  for (const m of text.matchAll(MONTH_ONLY_SEARCH)) {
    const at = m.index ?? 0;
    if (pointAt(text, at)) continue;
    const end = endAfter(text, at + m[0].length);
    if (!end?.to?.month) continue;
    const month = MONTHS[m[1].toLowerCase()];
    const year = month <= end.to.month ? end.to.year : end.to.year - 1;
    ranges.push({ from: { year, month }, to: end.to, start: at, end: end.end });
  }
  POINT_SEARCH.lastIndex = 0;
  for (;;) {
    POINT_SEARCH.lastIndex = Math.max(POINT_SEARCH.lastIndex, from);
    const m = POINT_SEARCH.exec(text);
    if (!m) break;
    const at = m.index;
    if (!startsWord(text, at)) {
      from = at + 1;
      POINT_SEARCH.lastIndex = at + 1;
      continue;
    }
    const point = pointOf(m);
    if (!point || ranges.some((r) => at >= r.start && at < r.end)) {
      from = at + m[0].length;
      continue;
    }
    const end = endAfter(text, at + m[0].length, point.month);
    const since = SINCE_BEFORE.exec(text.slice(0, at));
    if (end && (end.to === null || (before(point, end.to) && end.to.year - point.year <= 50))) {
      ranges.push({ from: point, to: end.to, openWord: end.openWord, start: at, end: end.end });
      from = end.end;
    } else if (since && !end) {
      const word = since[1].toLowerCase();
      const start = at - since[0].length + since[0].indexOf(since[1]);
      ranges.push({ from: point, to: null, openWord: word, start, end: at + m[0].length });
      from = at + m[0].length;
    } else from = at + m[0].length;
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** How a range's ends were completed: day given, month only, year only, or open. */
export type Precision = "day" | "month" | "year";

/** A range as `Werkervaring` takes it: ISO dates, and how each end was completed. */
export interface CompletedRange {
  from: IsoDate;
  to: IsoDate | null;
  fromPrecision: Precision;
  toPrecision: Precision | null;
}

/** The precision of a point. */
export function precisionOf(point: DatePoint): Precision {
  return point.day !== undefined ? "day" : point.month !== undefined ? "month" : "year";
}

/**
 * The first and last day of a range: a month-only start takes the month's first day and a
 * month-only end its last; a year-only start 1 January and a year-only end 31 December.
 *
 * @example
 * completeRange({ from: { year: 2019, month: 1 }, to: { year: 2021 } }); // { from: "2019-01-01", to: "2021-12-31", … }
 */
export function completeRange(range: Pick<DateRange, "from" | "to">): CompletedRange {
  const { from, to } = range;
  const first = ymdToIso(from.year, from.month ?? 1, from.day ?? 1);
  let last: IsoDate | null = null;
  if (to) {
    const month = to.month ?? 12;
    last = ymdToIso(to.year, month, to.day ?? daysInMonth(to.year, month));
  }
  return {
    from: first,
    to: last,
    fromPrecision: precisionOf(from),
    toPrecision: to ? precisionOf(to) : null,
  };
}

/**
 * A range cut off at the end of a line, its end on a later line (a wrapped table cell, a long
 * line): "mrt. 2021 – dec." then "2024", "januari 2014 –" then "december 2015",
 * "(01-2004 t/m" then "11-2005)". `month`: the end's month, when the line names it without
 * its year.
 */
export interface Dangling {
  from: DatePoint;
  month?: number;
  start: number;
  end: number;
}

const DANGLE = new RegExp(
  String.raw`\s*(?:[-–—]+|\s(?:t\/m|t\.\/m\.|tm|tot en met|tot|to|until))\s*(?:(${MONTH})\.?(?![\p{L}])|[)\s]*$)`,
  "iuy"
);

/**
 * The range a line starts but does not finish, or null: its last start point followed by a
 * separator and then nothing, or a month without its year. `ranges`: the line's
 * {@link findRanges}, when known.
 *
 * @example
 * findDangling("mrt. 2021 – dec."); // { from: { year: 2021, month: 3 }, month: 12, start: 0, end: 16 }
 */
export function findDangling(line: string, ranges?: DateRange[]): Dangling | null {
  if (!/\d/.test(line)) return null;
  const text = maskPhones(line);
  const complete = (ranges ?? findRanges(line)).filter((r) => r.openWord !== "-");
  let last: Dangling | null = null;
  for (const m of text.matchAll(POINT_SEARCH)) {
    const at = m.index ?? 0;
    if (!startsWord(text, at)) continue;
    if (complete.some((r) => at >= r.start && at < r.end)) continue;
    const point = pointOf(m);
    if (!point) continue;
    DANGLE.lastIndex = at + m[0].length;
    const d = DANGLE.exec(text);
    if (!d) continue;
    const end = at + m[0].length + d[0].length;
    if (d[1] && pointAt(text, end - d[0].length + d[0].search(new RegExp(d[1], "i")))) continue;
    last = { from: point, month: d[1] ? MONTHS[d[1].toLowerCase()] : undefined, start: at, end };
  }
  return last;
}

/**
 * The end of a dangling range when a line holds only that end ("2024", "december 2015",
 * "heden", "11-2005)"); with `month`, only a bare year completes it. Null otherwise.
 *
 * @example
 * completionOf("2024", 12); // { to: { year: 2024, month: 12 } }
 */
export function completionOf(
  line: string,
  month?: number
): { to: DatePoint | null; openWord?: string } | null {
  const text = line.trim().replace(/^[(\s]+|[)\s.,;]+$/gu, "");
  if (month !== undefined) {
    if (!/^\d{4}$/.test(text)) return null;
    const point = { year: Number(text), month };
    return plausible(point) ? { to: point } : null;
  }
  const point = pointAt(text, 0);
  if (point && point.end === text.length) return { to: point.point };
  OPEN_END.lastIndex = 0;
  const open = OPEN_END.exec(text);
  if (open && open[0].length === text.length) return { to: null, openWord: open[0].toLowerCase() };
  return null;
}

/** Whether a range from `from` to `to` reads forward (the end not before the start). */
export function inOrder(from: DatePoint, to: DatePoint | null): boolean {
  return to === null || (before(from, to) && to.year - from.year <= 50);
}
