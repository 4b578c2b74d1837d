/**
 * A1 addresses: the only coordinates a user sees, so every problem and every
 * change speaks them. Rows and columns are 1-based, as on the sheet.
 */

/**
 * The column letters of a 1-based column number.
 *
 * @example
 * columnLetters(1); // "A"
 * columnLetters(28); // "AB"
 */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 1-based column number of column letters.
 *
 * @example
 * columnNumber("AB"); // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The A1 address of a cell.
 *
 * @example
 * cellAddress(7, 6); // "F7"
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/**
 * The A1 address of a block of cells; a single cell stays a single address.
 *
 * @example
 * rangeAddress(2, 1, 26, 19); // "A2:S26"
 */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const first = cellAddress(top, left);
  return top === bottom && left === right ? first : `${first}:${cellAddress(bottom, right)}`;
}

/**
 * Row and column of an A1 cell address (`$` allowed).
 *
 * @example
 * parseCell("$B$5"); // { row: 5, column: 2 }
 */
export function parseCell(address: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`Not an A1 cell address: ${address}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

/**
 * The corners of an A1 range (`A1:C9` or a single cell).
 *
 * @example
 * parseRange("A1:C9"); // { top: 1, left: 1, bottom: 9, right: 3 }
 */
export function parseRange(address: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const [a, b] = address.split(":");
  const first = parseCell(a);
  const last = b ? parseCell(b) : first;
  return { top: first.row, left: first.column, bottom: last.row, right: last.column };
}

/**
 * A sheet-qualified address for messages and names: `Kandidaten!F7`, `'Mijn blad'!A1`.
 *
 * @example
 * sheetAddress("Kandidaten", "F7"); // "Kandidaten!F7"
 */
export function sheetAddress(sheet: string, address: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}
