/** What a value takes on the wire: Excel's limits count the UTF-8 bytes of the JSON. */

/**
 * The UTF-8 bytes of a value's JSON (an `é` is two bytes, a `€` three).
 * A grid is counted cell by cell, the same number as encoding its whole JSON text but without
 * building it: a 100,000-row grid of formulas is tens of megabytes of text, four times the time.
 *
 * @example
 * jsonBytes([["Zoë"]]); // 10
 */
export function jsonBytes(value: unknown): number {
  if (isPlainArray(value)) return arrayBytes(value);
  const json = JSON.stringify(value);
  return json === undefined ? 0 : utf8Bytes(json);
}

function isPlainArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/** `[a,b,…]`: the brackets, the commas and each element (`null` where JSON has no value). */
function arrayBytes(values: unknown[]): number {
  let bytes = 2 + Math.max(0, values.length - 1);
  for (const v of values) {
    if (isPlainArray(v)) bytes += arrayBytes(v);
    else {
      const json = JSON.stringify(v);
      bytes += json === undefined ? 4 : utf8Bytes(json);
    }
  }
  return bytes;
}

/** The length of a text in UTF-8 (a lone surrogate as U+FFFD, three bytes, as TextEncoder writes it). */
function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 2; // two UTF-16 units, four bytes
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}
