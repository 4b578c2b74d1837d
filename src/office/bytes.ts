/** What a value takes on the wire: Excel's limits count the UTF-8 bytes of the JSON. */

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of a value's JSON (an `é` is two bytes, a `€` three).
 *
 * @example
 * jsonBytes([["Zoë"]]); // 10
 */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}
