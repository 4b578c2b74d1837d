/**
 * Reading raw cell values the Dutch way: `€ 1.234,56`, `Ja`/`Nee`, `n.v.t.`,
 * `04-10-2024`, `4 oktober 2024`, Excel serials and Excel's own errors.
 * Every reader returns a value or a Dutch message; none of them guesses.
 */
import { EXCEL_MAX_SERIAL, excelSerialToIso, isValidYmd, ymdToIso } from "./dates";
import type { CellError, CellValue } from "./evaluation";
import { formatDate } from "./format";
import {
  cvRequirementText,
  cvRequirementWords,
  valueMessages as m,
  type NumberKind,
} from "./messages";
import type { CvRequirementPolicy, IsoDate, ValueKind } from "./request";
import { fail, ok, type ReadResult } from "./result";

export type { NumberKind } from "./messages";

/** A criterion value once read: a number, yes/no, or not applicable. */
export type CriterionValue = number | boolean | "n.v.t.";

/**
 * Whether a cell counts as empty: nothing, or only spaces.
 *
 * @example
 * isEmptyCell("  "); // true
 * isEmptyCell(0); // false
 */
export function isEmptyCell(value: CellValue): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/**
 * Whether a cell holds an Excel error such as `#N/B` or `#WAARDE!`.
 *
 * @example
 * isCellError({ error: "#N/B" }); // true
 */
export function isCellError(value: CellValue): value is CellError {
  return (
    typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value
  );
}

/**
 * A cell as plain text (names, suppliers): trimmed, with inner runs of spaces
 * made single; empty for empty cells and Excel errors.
 *
 * @example
 * readText("  Jan   de Vries "); // "Jan de Vries"
 */
export function readText(value: CellValue): string {
  if (isEmptyCell(value) || isCellError(value)) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : formatDate(value);
  const text = String(value);
  if (PLAIN_TEXT.test(text)) return text;
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** Printable ASCII words with single spaces between them, nothing around: already clean text. */
const PLAIN_TEXT = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/**
 * A number of the given kind: `72`, `72,5`, `€ 72,50`, `€ 1.000.000`, `1.234,56`,
 * `72.50` or `75,-`. A single dot followed by one or two digits is a decimal point;
 * dots that group digits in threes separate thousands. Amounts, years and counts
 * may not be negative; counts and draw numbers must be whole; rates and draw
 * numbers must be more than 0.
 *
 * @example
 * readNumber("€ 1.234,56", "amount"); // { ok: true, value: 1234.56 }
 * readNumber("abc", "amount").ok; // false: "Geen geldig bedrag: 'abc'. Typ bijvoorbeeld 72,50 of € 72,50."
 */
export function readNumber(value: CellValue, kind: NumberKind): ReadResult<number> {
  if (isEmptyCell(value)) return fail("empty", m.emptyNumber(kind));
  const early = rejectErrorOrFormula<number>(value);
  if (early) return early;
  let n: number | null = null;
  // Excel keeps 15 significant digits; beyond them is binary noise (=70*1,1/1,1 gives
  // 70.00000000000001), which would otherwise split a tie on rate or fail K8.
  if (typeof value === "number") n = Number.isFinite(value) ? fifteenDigits(value) : null;
  else if (typeof value === "string") n = parseDutchNumber(value, kind === "years");
  if (n === null) return fail("invalid", m.notANumber(kind, value));
  if (n < 0) return fail("invalid", m.negative(kind, value));
  if ((kind === "count" || kind === "drawOrder") && !Number.isInteger(n)) {
    return fail("invalid", m.notWhole(kind, value));
  }
  if ((kind === "rate" || kind === "drawOrder") && n === 0)
    return fail("invalid", m.notPositive(kind, value));
  return ok(n === 0 ? 0 : n); // no -0 in results
}

/**
 * Yes or no: `Ja`/`Nee` in any case, Excel's TRUE/FALSE (also typed as
 * WAAR/ONWAAR), and `n.v.t.` (`nvt`, `N.v.t.`) only when `allowNotApplicable`.
 *
 * @example
 * readYesNo("ja", false); // { ok: true, value: true }
 * readYesNo("N.v.t.", true); // { ok: true, value: "n.v.t." }
 */
export function readYesNo(
  value: CellValue,
  allowNotApplicable: boolean
): ReadResult<boolean | "n.v.t."> {
  if (isEmptyCell(value)) return fail("empty", m.emptyYesNo(allowNotApplicable));
  const early = rejectErrorOrFormula<boolean | "n.v.t.">(value);
  if (early) return early;
  if (typeof value === "boolean") return ok(value);
  if (typeof value !== "string") return fail("invalid", m.notYesNo(value, allowNotApplicable));
  const word = value.trim().toLowerCase();
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  if (word.replace(/[.\s]/g, "") === "nvt") {
    return allowNotApplicable ? ok("n.v.t.") : fail("invalid", m.notApplicableNotAllowed(value));
  }
  return fail("invalid", m.notYesNo(value, allowNotApplicable));
}

/**
 * The `CV-eisen` setting: `uitsluiten` or `alleen melden` (any case, spaces, or the
 * English `exclude` / `report`). The one grammar of this setting: the `Aanvraag`
 * reader and FLEX.KNOCKOUT both read it here, so one cell never gives two verdicts.
 *
 * @example
 * readCvRequirements("Alleen melden"); // { ok: true, value: "report" }
 * readCvRequirements("soms").ok; // false: "Onbekende waarde 'soms'. Typ 'uitsluiten' of 'alleen melden'."
 */
export function readCvRequirements(value: CellValue): ReadResult<CvRequirementPolicy> {
  if (isEmptyCell(value)) return fail("empty", cvRequirementText.invalidSetting(value));
  const early = rejectErrorOrFormula<CvRequirementPolicy>(value);
  if (early) return early;
  const word = typeof value === "string" ? value.toLowerCase().replace(/[^a-z]/g, "") : "";
  for (const policy of Object.keys(cvRequirementWords) as CvRequirementPolicy[]) {
    if (word === policy || word === cvRequirementWords[policy].replace(/[^a-z]/g, ""))
      return ok(policy);
  }
  return fail("invalid", cvRequirementText.invalidSetting(value));
}

/** A number cut to Excel's 15 significant digits; whole numbers below 10^15 already are. */
function fifteenDigits(value: number): number {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value;
  return Number(value.toPrecision(15));
}

/** The serial of 01-01-1970 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

const YES = new Set(["ja", "j", "waar", "true", "yes"]);
const NO = new Set(["nee", "n", "onwaar", "false", "no"]);

/**
 * A calendar date as ISO `jjjj-mm-dd`, from an Excel serial (1900 system), a Date
 * (its UTC fields, as hosts store dates), `dd-mm-jjjj`, `d-m-jjjj` (also with `/`
 * or `.`), ISO `jjjj-mm-dd` or a Dutch long date such as `4 oktober 2024`.
 * Dates that do not exist (31-02-2024, Excel's 29-02-1900) are refused.
 *
 * @example
 * readDate("4 oktober 2024"); // { ok: true, value: "2024-10-04" }
 * readDate(45569); // { ok: true, value: "2024-10-04" }
 */
export function readDate(value: CellValue): ReadResult<IsoDate> {
  if (isEmptyCell(value)) return fail("empty", m.emptyDate());
  const early = rejectErrorOrFormula<IsoDate>(value);
  if (early) return early;
  if (typeof value === "number") {
    if (Math.floor(value) === 60) return fail("invalid", m.impossibleDate("29-02-1900"));
    // Outside Excel's own range (serials 1 to 2958465, 01-01-1900 to 31-12-9999): a message of its own.
    if (value >= EXCEL_MAX_SERIAL + 1) {
      // Shown as the date it would be (as a file reader that converts serials shows it), when there is one.
      const date = new Date((Math.floor(value) - UNIX_EPOCH_SERIAL) * 86_400_000);
      return fail("invalid", m.dateAfter9999(Number.isNaN(date.getTime()) ? value : date));
    }
    const iso = excelSerialToIso(value);
    return iso ? ok(iso) : fail("invalid", m.notADate(value));
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail("invalid", m.notADate(value));
    const year = value.getUTCFullYear();
    if (year > 9999) return fail("invalid", m.dateAfter9999(value));
    if (year < 1900) return fail("invalid", m.dateBefore1900(value));
    return ok(ymdToIso(year, value.getUTCMonth() + 1, value.getUTCDate()));
  }
  if (typeof value !== "string") return fail("invalid", m.notADate(value));
  const parts = dateParts(value.trim().toLowerCase());
  if (!parts) return fail("invalid", m.notADate(value));
  const [year, month, day] = parts;
  if (year > 9999) return fail("invalid", m.dateAfter9999(value));
  if (!isValidYmd(year, month, day)) return fail("invalid", m.impossibleDate(value));
  if (year < 1900) return fail("invalid", m.dateBefore1900(value));
  return ok(ymdToIso(year, month, day));
}

/**
 * A criterion's value according to its kind: yes/no (with or without `n.v.t.`),
 * years, a count or an amount.
 *
 * @example
 * readCriterionValue("2,5", "years"); // { ok: true, value: 2.5 }
 * readCriterionValue("nvt", "yesNoNotApplicable"); // { ok: true, value: "n.v.t." }
 */
export function readCriterionValue(value: CellValue, kind: ValueKind): ReadResult<CriterionValue> {
  switch (kind) {
    case "yesNo":
      return readYesNo(value, false);
    case "yesNoNotApplicable":
      return readYesNo(value, true);
    case "years":
    case "count":
    case "amount":
      return readNumber(value, kind);
  }
}

/**
 * The number in a Dutch-written text, or null. Signs are kept so the caller can
 * say "negative" rather than "unreadable".
 *
 * @example
 * parseDutchNumber("€ 1.000.000"); // 1000000
 * parseDutchNumber("72.50"); // 72.5
 * parseDutchNumber("1.234"); // 1234 (dots group thousands)
 */
export function parseDutchNumber(text: string, allowYearsUnit = false): number | null {
  // Most cells hold "72", "72,50" or "€ 72,50": read those without the general rewriting below.
  const simple = SIMPLE_NUMBER.exec(text);
  if (simple) {
    const whole = simple[1].includes(".") ? simple[1].replace(/\./g, "") : simple[1];
    const n = Number(simple[2] === undefined ? whole : `${whole}.${simple[2]}`);
    return Number.isFinite(n) ? n : null;
  }
  let s = text.replace(/[\u00a0\u202f]/g, " ").trim();
  if (allowYearsUnit) s = s.replace(/\s*(jaar|jr\.?)$/i, "");
  let negative = false;
  // Sign and euro sign may come in either order: "-€ 5", "€ -5".
  for (;;) {
    const before = s;
    s = s.replace(/^(€|eur\b)\s*/i, "").replace(/\s*(€|eur)$/i, "");
    if (/^[-−]/.test(s)) {
      negative = !negative;
      s = s.slice(1).trimStart();
    }
    if (s === before) break;
  }
  s = s.replace(/,-{1,2}$/, ""); // "75,-": whole euros
  let normal: string | null = null;
  if (/^\d+$/.test(s)) normal = s;
  else if (/^\d*,\d+$/.test(s)) normal = s.replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}( \d{3})+(,\d+)?$/.test(s)) normal = s.replace(/ /g, "").replace(",", ".");
  else if (/^\d+\.\d{1,2}$/.test(s)) normal = s;
  if (normal === null) return null;
  const n = Number(normal);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/**
 * Optional `€ `, digits (or dots between groups of three), optional decimal comma:
 * read the same by every rule in parseDutchNumber.
 */
const SIMPLE_NUMBER = /^(?:€ ?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  maart: 3,
  mrt: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augustus: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Year, month and day of a date text in one of the accepted forms; null when none fits. */
function dateParts(s: string): [number, number, number] | null {
  // Years of more than four digits are read, so that a date after 9999 gets its own message.
  const iso = /^(\d{4,6})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/.exec(
    s
  );
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const dmy = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4,6})$/.exec(s);
  if (dmy) return [Number(dmy[4]), Number(dmy[3]), Number(dmy[1])];
  const long = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4,6})$/.exec(s);
  if (long && MONTHS[long[2]] !== undefined)
    return [Number(long[3]), MONTHS[long[2]], Number(long[1])];
  return null;
}

/** Excel's error values, Dutch and English, as they show when a cell's text is read. */
const EXCEL_ERROR_TEXT =
  /^#(N\/[AB]|WAARDE!|VALUE!|DEEL\/0!|DIV\/0!|NAAM\?|NAME\?|VERW!|REF!|GETAL!|NUM!|LEEG!|NULL!|OVERLOOP!|SPILL!|BEREKENEN!|CALC!)$/i;

/** Excel errors and formulas can arrive as values (a CSV, a paste, a failed read): say so plainly. */
function rejectErrorOrFormula<T>(value: CellValue): ReadResult<T> | null {
  if (isCellError(value)) return fail("invalid", m.excelError(value.error));
  if (typeof value === "string") {
    const text = value.trim();
    const first = text.charAt(0);
    if (first === "#" && EXCEL_ERROR_TEXT.test(text)) return fail("invalid", m.excelError(text));
    if (first === "=") return fail("invalid", m.formula(text));
  }
  return null;
}
