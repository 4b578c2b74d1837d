/** What a value takes on the wire: Excel's limits count the UTF-8 bytes of the JSON. */

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of a value's JSON (an `é` is two bytes, a `€` three).
 * Arrays of texts, numbers, booleans and nulls (the grids) are counted cell by cell: the same
 * number as encoding their JSON text, without building tens of megabytes for 100,000 rows.
 *
 * @example
 * jsonBytes([["Zoë"]]); // 10
 */
export function jsonBytes(value: unknown): number {
  if (Array.isArray(value)) return arrayBytes(value, { text: "", bytes: 2 });
  return otherBytes(value, 0);
}

/**
 * The UTF-8 bytes of each row's JSON, for cutting a grid into blocks without counting it
 * twice: a block of rows takes 2 bytes for its brackets, a comma between rows and the rows.
 *
 * @example
 * jsonRowBytes([["Zoë"], [1]]); // [8, 3]
 */
export function jsonRowBytes(grid: unknown[][]): number[] {
  const last: LastText = { text: "", bytes: 2 };
  const bytes: number[] = [];
  // A loop, not map: a hole is a row too (`null` in the JSON).
  for (let i = 0; i < grid.length; i++) {
    const row: unknown = grid[i];
    bytes.push(Array.isArray(row) ? arrayBytes(row, last) : otherBytes(row, 4));
  }
  return bytes;
}

/**
 * The last text counted and its bytes. A live output column repeats one formula of about
 * 600 characters in every row: 100,000 rows took 2.7 s counted character by character,
 * and take a comparison each (the same string) counted once.
 */
interface LastText {
  text: string;
  bytes: number;
}

/** `[a,b,…]`: the brackets, the commas and each element. */
function arrayBytes(values: unknown[], last: LastText): number {
  let bytes = 2 + (values.length > 0 ? values.length - 1 : 0);
  for (const v of values) {
    if (typeof v === "string") {
      if (v !== last.text) {
        last.text = v;
        last.bytes = stringBytes(v);
      }
      bytes += last.bytes;
    } else if (typeof v === "number") bytes += Number.isFinite(v) ? String(v).length : 4;
    else if (v === null) bytes += 4;
    else if (typeof v === "boolean") bytes += v ? 4 : 5;
    else if (Array.isArray(v)) bytes += arrayBytes(v, last);
    else bytes += otherBytes(v, 4); // no JSON value in an array: null
  }
  return bytes;
}

/** Anything else through JSON.stringify; `none` when it has no JSON text. */
function otherBytes(value: unknown, none: number): number {
  const json = JSON.stringify(value);
  return json === undefined ? none : encoder.encode(json).length;
}

/** A text's JSON in UTF-8: the quotes, its escapes (as JSON.stringify writes them) and its characters. */
function stringBytes(text: string): number {
  let bytes = text.length + 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 0x22 || c === 0x5c) bytes += 1; // \" and \\
    } else if (c < 0x20) {
      // \b \t \n \f \r; the others as \u00XX
      bytes += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 1 : 5;
    } else if (c < 0x800) bytes += c < 0x80 ? 0 : 1;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 2; // a pair: two units, four bytes
        i++;
      } else bytes += 5; // a lone surrogate: \udXXX
    } else bytes += 2;
  }
  return bytes;
}
