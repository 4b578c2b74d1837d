/**
 * The request's settings as the FLEX functions receive them: one named cell of
 * the `Aanvraag` sheet per argument (Maximumtarief, uren, looptijd, opties).
 */
import {
  candidateMessages,
  cvRequirementText,
  readCvRequirements,
  readNumber,
  readYesNo,
  type CvRequirementPolicy,
  requestLabels,
  requestMessages,
  type CellValue,
  type Request,
} from "../engine";
import { invalidValue, notAvailable } from "./errors";
import { isOmitted, lineOf, toCell } from "./cells";
import { functionMessages } from "./messages";

type SettingRule = "positive" | "nonNegative" | "wholeNonNegative" | "wholeAtLeastOne";

/**
 * A number setting of the request, read the Dutch way (`75`, `75,00`, `€ 75`).
 *
 * @throws FunctionError `#N/A` when empty, `#VALUE!` when not a number or out of bounds.
 * @example
 * readSetting("€ 75,00", requestLabels.maxRate, "positive"); // 75
 * readSetting(0, requestLabels.termWeeks, "positive"); // throws "#VALUE!": "Looptijd in weken moet een getal groter dan 0 zijn."
 */
export function readSetting(value: unknown, label: string, rule: SettingRule): number {
  const cell = single(value, label);
  if (isOmitted(cell)) throw notAvailable(requestMessages.required(label));
  const read = readNumber(cell, "amount");
  const n = read.ok ? read.value : Number.NaN;
  switch (rule) {
    case "positive":
      if (!(n > 0)) throw invalidValue(requestMessages.notPositive(label));
      return n;
    case "nonNegative":
      if (!(n >= 0)) throw invalidValue(requestMessages.negative(label));
      return n;
    case "wholeNonNegative":
    case "wholeAtLeastOne": {
      const min = rule === "wholeNonNegative" ? 0 : 1;
      if (!(Number.isInteger(n) && n >= min)) {
        throw invalidValue(requestMessages.notWholeAtLeast(label, min));
      }
      return n;
    }
  }
}

/**
 * A yes/no setting (`Ja`, `Nee`, WAAR, ONWAAR); an empty cell or a left-out argument is the default.
 *
 * @throws FunctionError `#VALUE!` when it is something else.
 * @example
 * readFlag("Ja", "Opties tellen mee", false); // true
 * readFlag(undefined, "Opties tellen mee", false); // false
 */
export function readFlag(value: unknown, label: string, fallback: boolean): boolean {
  const cell = single(value, label);
  if (isOmitted(cell)) return fallback;
  const read = readYesNo(cell, false);
  if (!read.ok) throw invalidValue(candidateMessages.field(label, read.message));
  return read.value === true;
}

/**
 * The `CV-eisen` setting (`uitsluiten` or `alleen melden`) through the engine's one
 * reader of it; a left-out argument or an empty cell is `uitsluiten`, as on the sheet.
 *
 * @throws FunctionError `#VALUE!` naming the setting when it is something else.
 * @example
 * readCvRequirementsSetting("alleen melden"); // "report"
 * readCvRequirementsSetting(undefined); // "exclude"
 */
export function readCvRequirementsSetting(value: unknown): CvRequirementPolicy {
  const label = cvRequirementText.label;
  const cell = single(value, label);
  if (isOmitted(cell)) return "exclude";
  const read = readCvRequirements(cell);
  if (!read.ok) throw invalidValue(candidateMessages.field(label, read.message));
  return read.value;
}

/** The contract settings that K7 and FLEX.CONTRACTVALUE need, from their arguments. */
export type ContractSettings = Pick<
  Request,
  "hoursPerWeek" | "termWeeks" | "extensions" | "contractValueIncludesExtensions"
>;

/**
 * Hours, term and options as the engine's request fields; options default to none.
 *
 * @example
 * readContractSettings(32, 13, 2, 13, "Nee").extensions; // { count: 2, weeks: 13 }
 */
export function readContractSettings(
  hoursPerWeek: unknown,
  termWeeks: unknown,
  extensionCount: unknown,
  extensionWeeks: unknown,
  includeExtensions: unknown,
  includeLabel: string
): ContractSettings {
  const max = readSetting(hoursPerWeek, requestLabels.hoursMax, "positive");
  return {
    hoursPerWeek: { min: 0, max },
    termWeeks: readSetting(termWeeks, requestLabels.termWeeks, "positive"),
    extensions: {
      count: isOmitted(extensionCount)
        ? 0
        : readSetting(extensionCount, requestLabels.extensionCount, "wholeNonNegative"),
      weeks: isOmitted(extensionWeeks)
        ? 0
        : readSetting(extensionWeeks, requestLabels.extensionWeeks, "nonNegative"),
    },
    contractValueIncludesExtensions: readFlag(includeExtensions, includeLabel, false),
  };
}

/** A setting must be one cell; a named range of one cell may still arrive as [[value]]. */
function single(value: unknown, label: string): CellValue {
  if (!Array.isArray(value)) return toCell(value);
  const cells = lineOf(value, label);
  if (cells.length !== 1) throw invalidValue(functionMessages.oneCell(label));
  return cells[0];
}
