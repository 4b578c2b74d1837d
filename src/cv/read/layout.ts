/**
 * A PDF page's text pieces into lines in reading order. pdfjs gives pieces of text with a
 * position (x, y of the baseline, width, font size) in content-stream order, which is not
 * always reading order. Here: pieces on one baseline make a row; a wide gap splits a row
 * into segments (so two columns are never glued into one line); when many segments start at
 * one x with text ending before it (a gutter), the rows between full-width rows are read
 * column by column if they look like two columns; otherwise (a table, tab stops, a hanging
 * indent) row by row, left to right.
 */

/** One piece of text on a page, in PDF units (points), y upwards as in PDF. */
export interface TextPiece {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  /** The font size (height of the text). */
  size: number;
}

/** Part of a row: pieces close together. */
interface Segment {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

/** Pieces whose baselines differ by at most this fraction of the font size share a row. */
const ROW_TOLERANCE = 0.35;
/**
 * A gap wider than this many font sizes splits a row. A word space is ≈ 0.25, a justified
 * line's widest rarely above 1.5; a column gutter or a tab to the next column is wider.
 */
const SPLIT_GAP = 2;
/** A gap wider than this fraction of the font size between two pieces is a word space. */
const SPACE_GAP = 0.15;
/** A gutter needs at least this many rows whose segment starts at it. */
const GUTTER_ROWS = 3;

/**
 * The lines of one page in reading order, as trimmed texts (empty ones dropped).
 *
 * @example
 * pageLines([{ text: "Werkervaring", x: 72, y: 700, width: 60, size: 12 }]) // ["Werkervaring"]
 */
export function pageLines(pieces: TextPiece[]): string[] {
  const rows = groupRows(pieces.filter((p) => p.text.length > 0 && p.size > 0));
  const stops = columnStarts(rows);
  const segmented = rows.map((row) => splitRow(row, stops)).filter((row) => row.length > 0);
  return readingOrder(segmented)
    .map((s) => s.text.replace(/\s+/g, " ").trim())
    .filter((t) => t.length > 0);
}

/** Pieces grouped by baseline, top to bottom; each row's pieces left to right. */
function groupRows(pieces: TextPiece[]): TextPiece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; size: number; pieces: TextPiece[] }[] = [];
  for (const piece of sorted) {
    const row = rows.find(
      (r) => Math.abs(r.y - piece.y) <= ROW_TOLERANCE * Math.max(r.size, piece.size)
    );
    if (row) {
      row.pieces.push(piece);
      row.size = Math.max(row.size, piece.size);
    } else rows.push({ y: piece.y, size: piece.size, pieces: [piece] });
  }
  return rows.sort((a, b) => b.y - a.y).map((r) => r.pieces.sort((a, b) => a.x - b.x));
}

/** A column start needs at least this many rows whose first piece starts at it. */
const STOP_ROWS = 5;

/**
 * The x where a column starts: right of the margin, at least {@link STOP_ROWS} rows begin
 * there (nothing left of it on that row), and at least as many other rows have a piece starting
 * there after a space (a narrow gutter next to a sidebar). Empty when there is none.
 */
function columnStarts(rows: TextPiece[][]): number[] {
  const pieces = rows.flat().filter((p) => p.text.trim() !== "");
  if (pieces.length < 2 * STOP_ROWS) return [];
  const margin = Math.min(...pieces.map((p) => p.x));
  const firsts = rows
    .map((row) => row.find((p) => p.text.trim() !== ""))
    .filter((p): p is TextPiece => p !== undefined && p.x > margin + 36);
  const stops: number[] = [];
  for (const first of firsts) {
    if (stops.some((x) => Math.abs(x - first.x) <= 1)) continue;
    const alone = firsts.filter((p) => Math.abs(p.x - first.x) <= 1).length;
    const after = rows.filter((row) => {
      const k = row.findIndex((p) => Math.abs(p.x - first.x) <= 1);
      return k > 0 && row.slice(0, k).some((p) => p.text.trim() !== "");
    }).length;
    if (alone >= STOP_ROWS && after >= 1) stops.push(first.x);
  }
  return stops;
}

/**
 * One row into segments at wide gaps, or at a column start after a space when the text there
 * stands on its own baseline (a narrow gutter between independent columns), joining the pieces
 * of a segment with spaces where needed.
 */
function splitRow(row: TextPiece[], stops: number[] = []): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const piece of row) {
    const blank = piece.text.trim() === "";
    if (current) {
      const gap = piece.x - current.x1;
      const size = Math.max(current.size, piece.size);
      // A column start splits only text on another baseline: a table's cells share theirs.
      const atStop =
        gap > SPACE_GAP * size &&
        Math.abs(piece.y - current.y) > 0.3 &&
        stops.some((x) => Math.abs(piece.x - x) <= 1);
      if ((gap > SPLIT_GAP * size || atStop) && !blank) {
        segments.push(current);
        current = null;
      } else {
        if (gap > SPACE_GAP * size && !/\s$/.test(current.text) && !/^\s/.test(piece.text))
          current.text += " ";
        current.text += piece.text;
        current.x1 = Math.max(current.x1, blank ? current.x1 : piece.x + piece.width);
        current.size = size;
        continue;
      }
    }
    if (blank) continue;
    current = {
      x0: piece.x,
      x1: piece.x + piece.width,
      y: piece.y,
      size: piece.size,
      text: piece.text,
    };
  }
  if (current) segments.push(current);
  return segments;
}

/**
 * The segments in reading order. A gutter is an x where at least {@link GUTTER_ROWS}
 * segments start, right of the margin, with text ending left of it. Rows that have text
 * across the gutter (a name or heading over the full width) separate bands; inside a band
 * the text left of the gutter is read before the text right of it when the band is two
 * columns (see {@link isColumns}); otherwise (a table, tab stops, a hanging indent) row by
 * row, left to right.
 */
function readingOrder(rows: Segment[][]): Segment[] {
  const gutter = findGutter(rows);
  if (gutter === null) return rows.flat();
  const crosses = (row: Segment[]) => row.some((s) => s.x0 < gutter - 1 && s.x1 > gutter - 1);
  const out: Segment[] = [];
  let band: Segment[][] = [];
  let lastLeft: Segment | null = null;
  const flush = () => {
    lastLeft = null;
    if (band.length === 0) return;
    if (isColumns(band, gutter)) {
      out.push(...band.flatMap((row) => row.filter((s) => s.x1 <= gutter)));
      out.push(...band.flatMap((row) => row.filter((s) => s.x1 > gutter)));
    } else out.push(...band.flat());
    band = [];
  };
  for (const row of rows) {
    const left = row.filter((s) => s.x1 <= gutter);
    // Text on the left far below the left column's last line, once the right column has
    // begun, is text under both columns (a short full-width line), not the left column going on.
    const under =
      left.length === row.length &&
      lastLeft !== null &&
      band.some((r) => r.some((s) => s.x1 > gutter)) &&
      lastLeft.y - row[0].y > 2.5 * Math.max(lastLeft.size, row[0].size);
    if (crosses(row) || under) flush();
    if (crosses(row)) out.push(...row);
    else {
      band.push(row);
      if (left.length) lastLeft = left[0];
    }
  }
  flush();
  return out;
}

/**
 * The x where most segments start right of the margin, with at least {@link GUTTER_ROWS}
 * segments starting there and as many ending before it; null when there is none.
 */
function findGutter(rows: Segment[][]): number | null {
  const segments = rows.flat();
  if (segments.length < 2 * GUTTER_ROWS) return null;
  const margin = Math.min(...segments.map((s) => s.x0));
  const starts = segments.map((s) => s.x0).sort((a, b) => a - b);
  let best: { x: number; count: number } | null = null;
  for (let i = 0; i < starts.length; i++) {
    if (starts[i] < margin + 36) continue;
    let j = i;
    while (j + 1 < starts.length && starts[j + 1] - starts[i] <= 6) j++;
    const count = j - i + 1;
    const x = starts[i];
    const before = segments.filter((s) => s.x1 < x - s.size * 0.5).length;
    if (count >= GUTTER_ROWS && before >= GUTTER_ROWS && (!best || count > best.count))
      best = { x, count };
    i = j;
  }
  return best ? best.x : null;
}

/**
 * Whether a band is two columns (read one after the other) rather than a table, tab stops or
 * a hanging indent (read row by row). Columns show as: lines of one side between two
 * adjacent lines of the other (independent line spacing); or, with shared baselines, one
 * side going on alone after the other ended, with no line alone between the shared rows. A table's cells and tab stops pair up on their
 * rows, and a hanging indent's lines alternate between the sides without sitting between
 * adjacent lines. Two columns on the very same baselines that also end together look like
 * a table: they are read row by row (each side still its own line).
 */
function isColumns(band: Segment[][], gutter: number): boolean {
  const leftRows = band.filter((row) => row.some((s) => s.x1 <= gutter));
  const rightRows = band.filter((row) => row.some((s) => s.x1 > gutter));
  const between = (outer: Segment[][], inner: Segment[][]) => {
    let count = 0;
    for (let i = 0; i + 1 < outer.length; i++) {
      const top = outer[i][0];
      const bottom = outer[i + 1][0];
      if (top.y - bottom.y > 1.6 * Math.max(top.size, bottom.size)) continue;
      count += inner.filter((row) => row[0].y < top.y - 0.5 && row[0].y > bottom.y + 0.5).length;
    }
    return count;
  };
  const onlyLeft = leftRows.filter((row) => !rightRows.includes(row));
  const onlyRight = rightRows.filter((row) => !leftRows.includes(row));
  const paired = leftRows.filter((row) => rightRows.includes(row));
  // A label column beside its values (Europass: "Data" | "01-03-2022 – heden"): most rows that
  // hold both sides share the very same baseline; a wrapped label between two value lines
  // does not make it two columns.
  const sameBaseline = paired.filter((row) => {
    const left = row.find((s) => s.x1 <= gutter);
    const right = row.find((s) => s.x1 > gutter);
    return left !== undefined && right !== undefined && Math.abs(left.y - right.y) <= 0.3;
  }).length;
  const labels = sameBaseline >= 3 && sameBaseline >= 0.8 * paired.length;
  if (!labels && between(leftRows, onlyRight) + between(rightRows, onlyLeft) >= 2) return true;
  if (paired.length < 2) return false;
  const first = band.indexOf(paired[0]);
  const last = band.indexOf(paired[paired.length - 1]);
  const solo = [...onlyLeft, ...onlyRight].map((row) => band.indexOf(row));
  const holes = solo.filter((i) => i > first && i < last).length;
  const after = (rows: Segment[][]) => rows.filter((row) => band.indexOf(row) > last).length;
  return holes === 0 && (after(onlyRight) >= 2 || after(onlyLeft) >= 2);
}
