/**
 * The contract value (opdrachtwaarde) that K7's insurance must cover.
 */
import type { Request } from "./request";

/** The contract value for the base term and including every extension option. */
export interface ContractValue {
  base: number;
  withExtensions: number;
}

/**
 * Rate × maximum hours a week × weeks, for the base term and with the options,
 * rounded to whole cents (it is compared with an amount in euros).
 *
 * @example
 * contractValue(request17040, 75); // { base: 31200, withExtensions: 93600 }
 */
export function contractValue(
  request: Pick<Request, "hoursPerWeek" | "termWeeks" | "extensions">,
  rate: number
): ContractValue {
  const perWeek = rate * request.hoursPerWeek.max;
  const optionWeeks = request.extensions.count * request.extensions.weeks;
  return {
    base: toCents(perWeek * request.termWeeks),
    withExtensions: toCents(perWeek * (request.termWeeks + optionWeeks)),
  };
}

/**
 * The contract value K7 compares with: with the options only when the request says so.
 *
 * @example
 * requiredCover(request17040, 75); // 31200
 */
export function requiredCover(
  request: Pick<
    Request,
    "hoursPerWeek" | "termWeeks" | "extensions" | "contractValueIncludesExtensions"
  >,
  rate: number
): number {
  const value = contractValue(request, rate);
  return request.contractValueIncludesExtensions ? value.withExtensions : value.base;
}

function toCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
