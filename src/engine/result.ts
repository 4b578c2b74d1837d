/**
 * The outcome of reading one input value: the value, or why it could not be read.
 * `empty` and `invalid` are kept apart because a report says "ontbreekt" for one
 * and "ongeldig" for the other (text that is no value, or a value out of range).
 */
export type ReadResult<T> =
  { ok: true; value: T } | { ok: false; problem: "empty" | "invalid"; message: string };

/**
 * A successful read.
 *
 * @example
 * ok(72.5); // { ok: true, value: 72.5 }
 */
export function ok<T>(value: T): ReadResult<T> {
  return { ok: true, value };
}

/**
 * A failed read with its Dutch message.
 *
 * @example
 * fail("invalid", "Geen geldig bedrag: 'abc'."); // { ok: false, problem: "invalid", message: … }
 */
export function fail<T>(problem: "empty" | "invalid", message: string): ReadResult<T> {
  return { ok: false, problem, message };
}
