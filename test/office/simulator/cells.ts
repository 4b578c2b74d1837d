/**
 * What Excel does with a value written through the API, and what a cell reads
 * back as: the host behaviours that Microsoft's client cannot show, each with
 * its source.
 */
import { HyperFormula } from "hyperformula";
import { withoutSpillOperator } from "./calculate";
import type { FakeCell, FakeValue } from "./state";

let parser: HyperFormula | undefined;

/**
 * Whether Excel would take a formula: checked by HyperFormula's parser (tests only),
 * structured references left to Excel (they are checked where they are calculated),
 * spill references (`A3#`) as their anchor.
 * Excel refuses a value that starts with `=`, `+` or `-` and is no formula
 * (https://github.com/OfficeDev/office-js/issues/3256, "won't fix").
 *
 * @example
 * acceptedFormula("=+31 6 12345678"); // false
 */
export function acceptedFormula(formula: string): boolean {
  if (formula.includes("[")) return true;
  parser ??= HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  return parser.validateFormula(withoutSpillOperator(formula));
}

/** Excel's error values as `Range.values` gives them. */
export const ERROR_TEXTS = [
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
];

/** Numeric text as Excel (invariant, as the API takes values) reads it: `12`, `-4.5`, `+31612345678`, `1e3`, `50%`. */
const NUMBER = /^\s*([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?(%?)\s*$/i;

/** Excel's serial of a calendar date (day 0 is 1899-12-30), or null when there is no such date. */
function serial(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return time / 86_400_000 + 25_569;
}

/**
 * A date as the API reads it: with USA rules in every locale, by design
 * (https://github.com/OfficeDev/office-js/issues/1559): `2024-08-26`, and month
 * first in `8/26/2024` or `8-26-2024`, so `04-10-2024` is 10 April and `26-08-2024`
 * no date at all. The cell gets the date format `m/d/yyyy`
 * (https://github.com/OfficeDev/office-js/issues/229).
 */
function usDate(text: string): number | null {
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (iso) return serial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = /^\s*(\d{1,2})([/-])(\d{1,2})\2(\d{4})\s*$/.exec(text);
  if (us) return serial(Number(us[4]), Number(us[1]), Number(us[3]));
  return null;
}

/**
 * A string written to `Range.values` or `Range.formulas`, parsed as Excel parses
 * it. Source: the `Range.values` and `Range.formulas` reference
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 * values are parsed as if typed into the cell: a string that starts with `=`,
 * `+` or `-` is taken as a formula, numeric text becomes a number, `TRUE`/`FALSE`
 * a boolean, unless the cell's number format is text (`@`), which keeps the string.
 * A lone `-` or `+` stays text, as Excel keeps a single sign that is typed. Dates
 * as {@link usDate} reads them.
 *
 * @example
 * typedInto("=HYPERLINK(\"x\")", "General"); // { formula: "=HYPERLINK(\"x\")" }
 * typedInto("17040", "@"); // { value: "17040" }
 */
export function typedInto(
  input: unknown,
  numberFormat: string | undefined
): { value: FakeValue; date?: true } | { formula: string } {
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  if (input === null || input === undefined) return { value: "" };
  const text = String(input);
  if (numberFormat === "@") return { value: text };
  if (text.length > 1 && text.startsWith("=")) return { formula: text };
  const number = NUMBER.exec(text);
  if (number) {
    const [, sign, digits, exponent, percent] = number;
    const value = Number(`${sign}${digits}e${exponent ?? 0}`) / (percent ? 100 : 1);
    return { value };
  }
  if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === "true" };
  const date = usDate(text);
  if (date !== null) return { value: date, date: true };
  if (text.length > 1 && (text.startsWith("+") || text.startsWith("-")))
    return { formula: `=${text}` };
  return { value: text };
}

/** `Range.valueTypes` of a value. */
export function valueType(value: FakeValue): string {
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return ERROR_TEXTS.includes(value) ? "Error" : "String";
}

/** Writes what Excel makes of `input` into a cell (a formula's value is calculated when read). */
export function writeTyped(cell: FakeCell, input: unknown): void {
  const typed = typedInto(input, cell.numberFormat);
  if ("formula" in typed) {
    cell.formula = typed.formula;
    cell.value = "";
  } else {
    cell.value = typed.value;
    delete cell.formula;
    if (typed.date && (cell.numberFormat ?? "General") === "General")
      cell.numberFormat = "m/d/yyyy";
  }
}
