/**
 * The errors the FLEX functions return. The adapters throw {@link FunctionError},
 * a plain Error that needs no Office runtime (so tests run in Node); functions.ts
 * turns it into a `CustomFunctions.Error` where Excel runs the code.
 */
import { functionMessages as m } from "./messages";

/** The Excel errors a FLEX function returns: `#VALUE!` (bad input) or `#N/A` (a value is missing). */
export type FunctionErrorCode = "#VALUE!" | "#N/A";

/** A Dutch message for the cell's error flag, with the Excel error it shows as. */
export class FunctionError extends Error {
  override readonly name = "FunctionError";

  constructor(
    readonly code: FunctionErrorCode,
    message: string
  ) {
    super(message);
  }
}

/**
 * A `#VALUE!` error: the input is there but cannot be used.
 *
 * @example
 * throw invalidValue("Uurtarief: Geen geldig uurtarief: 'abc'.");
 */
export function invalidValue(message: string): FunctionError {
  return new FunctionError("#VALUE!", message);
}

/**
 * A `#N/A` error: a value needed for the answer is missing.
 *
 * @example
 * throw notAvailable("K3: Geen aantal jaren ingevuld.");
 */
export function notAvailable(message: string): FunctionError {
  return new FunctionError("#N/A", message);
}

/** What the host makes of a {@link FunctionError}; Excel's is `CustomFunctions.Error`. */
export type HostErrorFactory = (error: FunctionError) => unknown;

/**
 * Wraps an adapter so that a {@link FunctionError} it throws leaves as the host's
 * error; any other exception is a bug and becomes `#VALUE!` with a generic message
 * rather than a number that might be wrong.
 *
 * @example
 * const AWARDSCORE = hostFunction(awardScore, (e) => new CustomFunctions.Error(…));
 */
export function hostFunction<A extends unknown[], R>(
  adapter: (...args: A) => R,
  toHostError: HostErrorFactory
): (...args: A) => R {
  return (...args: A): R => {
    try {
      return adapter(...args);
    } catch (error) {
      throw toHostError(error instanceof FunctionError ? error : unexpected(error));
    }
  };
}

function unexpected(error: unknown): FunctionError {
  const detail = error instanceof Error ? error.message : String(error);
  return invalidValue(m.unexpected(detail));
}
