/**
 * FLEX.CONTRACTVALUE: rate × maximum hours a week × weeks, by the engine's contractValue.
 */
import { candidateMessages, contractValue as engineContractValue, readNumber } from "../engine";
import { lineOf } from "./cells";
import { invalidValue, notAvailable } from "./errors";
import { functionMessages as m } from "./messages";
import { readContractSettings } from "./settings";

/**
 * The contract value in euros for the base term, or including every extension
 * option when `withExtensions` is `Ja`/WAAR.
 *
 * @throws FunctionError `#N/A` when the rate or a setting is empty, `#VALUE!` when unreadable.
 * @example
 * contractValue(75, 32, 13); // 31200
 * contractValue(75, 32, 13, 2, 13, "Ja"); // 93600
 */
export function contractValue(
  rate: unknown,
  hoursPerWeek: unknown,
  termWeeks: unknown,
  extensionCount?: unknown,
  extensionWeeks?: unknown,
  withExtensions?: unknown
): number {
  const settings = readContractSettings(
    hoursPerWeek,
    termWeeks,
    extensionCount,
    extensionWeeks,
    withExtensions,
    m.label.includeExtensions
  );
  const cells = lineOf(rate, candidateMessages.rateLabel);
  if (cells.length !== 1) throw invalidValue(m.oneCell(candidateMessages.rateLabel));
  const read = readNumber(cells[0], "rate");
  if (!read.ok) {
    const message = candidateMessages.field(candidateMessages.rateLabel, read.message);
    throw read.problem === "empty" ? notAvailable(message) : invalidValue(message);
  }
  const value = engineContractValue(settings, read.value);
  return settings.contractValueIncludesExtensions ? value.withExtensions : value.base;
}
