/**
 * A PDF page's text pieces into lines in reading order. pdfjs gives pieces of text with a
 * position (x, y of the baseline, width, font size) in content-stream order, which is not
 * always reading order. Here: pieces on one baseline make a row; a wide gap splits a row
 * into segments (so two columns are never glued into one line); when the segments of many
 * rows start at one x with free space before it (a gutter), the rows between full-width rows
 * are read column by column; otherwise (a table, or tab stops) row by row, left to right.
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
const ROW_TOLERANCE = 0.45;
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
  const segmented = rows.map(splitRow).filter((row) => row.length > 0);
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

/** One row into segments at wide gaps, joining the pieces of a segment with spaces where needed. */
function splitRow(row: TextPiece[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const piece of row) {
    const blank = piece.text.trim() === "";
    if (current) {
      const gap = piece.x - current.x1;
      const size = Math.max(current.size, piece.size);
      if (gap > SPLIT_GAP * size && !blank) {
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
 * The segments in reading order. A gutter is an x where at least {@link GUTTER_ROWS} rows
 * start a segment after a wide gap. Rows that have text across the gutter (a name or
 * heading over the full width) separate bands; inside a band the text left of the gutter is
 * read before the text right of it — unless the band looks like a table or tab stops: every
 * left segment has a right one on its baseline, and the left side never wraps.
 */
function readingOrder(rows: Segment[][]): Segment[] {
  const gutter = findGutter(rows);
  if (gutter === null) return rows.flat();
  const crosses = (row: Segment[]) => row.some((s) => s.x0 < gutter - 1 && s.x1 > gutter - 1);
  const out: Segment[] = [];
  let band: Segment[][] = [];
  const flush = () => {
    lastLeft = null;
    if (band.length === 0) return;
    if (isColumns(band, gutter)) {
      out.push(...band.flatMap((row) => row.filter((s) => s.x1 <= gutter)));
      out.push(...band.flatMap((row) => row.filter((s) => s.x1 > gutter)));
    } else out.push(...band.flat());
    band = [];
  };
  let lastLeft: Segment | null = null;
  for (const row of rows) {
    const left = row.filter((s) => s.x1 <= gutter);
    const onlyLeft = left.length === row.length;
    // Text on the left far below the left column's last line, once the right column has
    // begun, is text under both columns (a short full-width line), not the left column going on.
    const under =
      onlyLeft &&
      lastLeft !== null &&
      band.some((r) => r.some((s) => s.x1 > gutter)) &&
      lastLeft.y - row[0].y > 2.5 * Math.max(lastLeft.size, row[0].size);
    if (crosses(row) || under) flush();
    if (crosses(row)) {
      out.push(...row);
      lastLeft = null;
    } else {
      band.push(row);
      if (left.length) lastLeft = left[0];
    }
  }
  flush();
  return out;
}

/** The x of the most common start of a segment after a wide gap, when enough rows share it. */
function findGutter(rows: Segment[][]): number | null {
  const starts: number[] = [];
  for (const row of rows) for (let i = 1; i < row.length; i++) starts.push(row[i].x0);
  if (starts.length < GUTTER_ROWS) return null;
  starts.sort((a, b) => a - b);
  let best: { x: number; count: number } | null = null;
  for (let i = 0; i < starts.length; i++) {
    let j = i;
    while (j + 1 < starts.length && starts[j + 1] - starts[i] <= 6) j++;
    const count = j - i + 1;
    if (!best || count > best.count) best = { x: starts[i], count };
  }
  return best && best.count >= GUTTER_ROWS ? best.x : null;
}

/**
 * Whether a band is two independent columns (read one after the other) rather than a table
 * or tab stops (read row by row): columns have left text without right text on its baseline
 * and right text without left text, or left text that fills its column (wrapped prose).
 */
function isColumns(band: Segment[][], gutter: number): boolean {
  let leftAlone = 0;
  let rightAlone = 0;
  let wide = 0;
  let left = 0;
  const leftEdge = Math.min(...band.flat().map((s) => s.x0));
  for (const row of band) {
    const l = row.filter((s) => s.x1 <= gutter);
    const r = row.filter((s) => s.x1 > gutter);
    if (l.length && !r.length) leftAlone++;
    if (r.length && !l.length) rightAlone++;
    for (const s of l) {
      left++;
      if (s.x1 - leftEdge > 0.6 * (gutter - leftEdge)) wide++;
    }
  }
  return (leftAlone >= 2 && rightAlone >= 2) || (left > 0 && wide / left >= 0.3);
}
