/**
 * FLEX.RANK and FLEX.TOP: one row's place among the rows that have a score, from
 * its own cells and the whole Score, Uurtarief and (optional) Loting columns.
 * This is the counting form of the ranking rule; its sorting form is
 * src/engine/ranking.ts (rankCandidates). Both take the order from
 * src/engine/tieBreak.ts (byScore, byRate, drawSettles, byDraw): score high to
 * low, then the lower rate ("Bij een gelijke score is het uurtarief
 * doorslaggevend", the request), then a complete draw order; equal standing
 * shares the first place of its group.
 *
 * A row takes part when its Score is a number: the set-up's Score formula gives
 * a score only to a row whose knock-out verdict is OK (and OK includes a valid
 * rate, K8), so the Knock-out column need not be passed as well.
 *
 * Excel calls a whole-column function once per row, each time with its own,
 * freshly deserialised copy of every column, so the cost of one call is what
 * counts, and sorting the column per call would make the whole column
 * quadratic-times-log. One row's place needs no sort: it is the number of rows
 * ahead of it, counted in one pass over the Score column. Only the rows with
 * the same score have their rate read (a cheaper one is ahead), and only the
 * rows with the same score and rate their draw. A rate or draw of a row with
 * another score cannot move this row's place, so it is not read, and an
 * invalid one there is not this row's error. The tests hold every row's answer
 * against rankCandidates over the whole column.
 *
 * FLEX.RANKING is the whole-column form: one call gets the three columns once and
 * returns every row's rank and top mark (an N×2 spill), ranked by the engine's
 * own rankCandidates, so one changed score costs one hand-over of 3·N cells
 * instead of 2·N calls of 3·N cells each. FLEX.RANK and FLEX.TOP remain for a
 * single row (a user's own formula); every answer of theirs equals RANKING's row.
 */
import {
  candidateMessages,
  rankCandidates,
  readNumber,
  requestLabels,
  type RankEntry,
} from "../engine";
// From the module itself, not the index: tsc's CommonJS output makes each name the index
// passes on a getter, and a getter per cell made FLEX.RANK and FLEX.TOP 3.7× slower
// (every row of 10,000, CPU time).
import { byDraw, byRate, byScore, drawSettles } from "../engine/tieBreak";
import { columnOf, isOmitted, lineOf, toCell } from "./cells";
import { FunctionError, invalidValue } from "./errors";
import { functionMessages as m } from "./messages";
import { readSetting } from "./settings";

/** One row's own cells, as FLEX.RANK and FLEX.TOP receive them. */
export interface StandingRow {
  /** The row's Score: a number for a row that takes part, else empty (or an error). */
  score: unknown;
  rate: unknown;
  /** The recorded draw order (`Loting`); optional. */
  draw?: unknown;
}

/** The same cells for every row of the table: whole columns (N×1) or rows (1×N), same length. */
export interface StandingColumns {
  scores: unknown;
  rates: unknown;
  draws?: unknown;
}

/** The `Top 10` verdicts: in, out, or in a tie at the cut that needs a draw. */
export type TopVerdict = "Ja" | "Nee" | "Loting";

/**
 * The competition rank (1, 2, 2, 4) of a row with a score; "" for a row without
 * one (knocked out, incomplete or empty). Ties break exactly as the engine
 * ranks: score high to low, rate low to high, then a complete draw order.
 *
 * @throws FunctionError `#VALUE!` when the columns differ in length, the own score is text, a rate that decides the place is no valid rate, or the row is not in the columns.
 * @example
 * rank({ score: 80, rate: 70 }, { scores: [[80], [90], [""]], rates: [[70], [75], [80]] }); // 2
 */
export function rank(row: StandingRow, columns: StandingColumns): number | "" {
  const lines = linesOf(columns);
  const standing = ownStanding(row);
  if (standing === null) return "";
  return placeOf(standing, lines, Infinity).rank;
}

/**
 * `Ja` when the row is unambiguously in the top N, `Loting` when it is in a tie
 * that straddles place N without a complete draw, else `Nee` (also for a row
 * without a score; the set-up's formula leaves a row without a name empty).
 *
 * @throws FunctionError `#VALUE!` as {@link rank} (a row with N others scoring higher is `Nee` without further checks), or when top N is not a whole number of 1 or more.
 * @example
 * top({ score: 80, rate: 70 }, { scores: [[80], [90]], rates: [[70], [75]] }, 10); // "Ja"
 */
export function top(row: StandingRow, columns: StandingColumns, topN: unknown): TopVerdict {
  const n = readSetting(topN, requestLabels.topN, "wholeAtLeastOne");
  const lines = linesOf(columns);
  const standing = ownStanding(row);
  if (standing === null) return "Nee";
  const place = placeOf(standing, lines, n);
  if (place.outscored) return "Nee";
  if (place.drawn || place.size === 1) return place.rank <= n ? "Ja" : "Nee";
  const start = place.rank - 1; // 0-based first place of the tie group
  if (start + place.size <= n) return "Ja";
  return start < n ? "Loting" : "Nee";
}

interface Standing {
  score: number;
  rate: number;
  drawOrder: number | null;
}

/**
 * A line argument, read without copying: `cells[i]` of a 1×N row, or
 * `cells[i][0]` of an N×1 column.
 */
interface Line {
  cells: unknown[];
  vertical: boolean;
}

interface Lines {
  scores: Line;
  rates: Line;
  draws: Line | null;
  length: number;
}

/** Where a row stands: its rank, its tie group's size, and whether a draw settled the group. */
interface Place {
  rank: number;
  size: number;
  drawn: boolean;
  /** Counting stopped at the limit: at least that many rows score higher (rank and size unknown). */
  outscored: boolean;
}

/**
 * The row's place. With a finite `limit` (top N), counting stops as soon as
 * `limit` rows score higher: the row is out whatever the rates and draws.
 */
function placeOf(own: Standing, lines: Lines, limit: number): Place {
  const { higher, same } = scanScores(lines, own.score, limit);
  if (higher >= limit) return { rank: 0, size: 0, drawn: false, outscored: true };

  // Rows with the same score: a cheaper one is ahead, an equal rate is in the group.
  const group: number[] = [];
  const ahead = higher + cheaper(lines.rates, same, own.rate, group);

  // The group's draw: complete and distinct settles it, and then the lower numbers are ahead.
  const draws = group.map((i) =>
    lines.draws === null ? null : drawOrderOf(cellOf(lines.draws, i))
  );
  if (!draws.includes(own.drawOrder)) throw invalidValue(m.rowNotInColumns());
  const drawn = group.length > 1 && drawSettles(draws);
  let drawnAhead = 0;
  if (drawn) {
    for (const d of draws) if (byDraw(d as number, own.drawOrder as number) < 0) drawnAhead++;
  }
  return { rank: ahead + drawnAhead + 1, size: group.length, drawn, outscored: false };
}

/**
 * One pass over the Score column: how many rows score higher than `score`
 * (stopping at `limit`), and which rows score the same (positions, 0-based).
 * The hot loop of a whole-column recalculation. Scores fall in a handful of
 * values in any order, so a branch on "higher?" would be mispredicted half the
 * time: both counts are added as 0 or 1 instead, on the number as it came (a
 * whole score stays a small integer to V8); together three times faster at
 * 10,000 rows. A number cell is a score as it is (Excel passes only finite
 * numbers); any other cell is read as the engine reads it (a data type, an
 * error, text, empty).
 */
function scanScores(
  lines: Lines,
  score: number,
  limit: number
): { higher: number; same: Int32Array } {
  const { cells, vertical } = lines.scores;
  const n = lines.length;
  if (positions.length < n) positions = new Int32Array(Math.max(n, 2 * positions.length));
  const at = positions;
  // A small integer: comparing the count with Infinity would make V8 count in doubles.
  const stop = limit > n ? n + 1 : Math.floor(limit);
  let higher = 0;
  let count = 0;
  for (let i = 0; i < n && higher < stop; i++) {
    // The shape is the same for every cell of a call, so this branch is always predicted.
    const cell = vertical ? (cells[i] as unknown[])[0] : cells[i];
    if (typeof cell !== "number") {
      const points = scoreOf(cell);
      // No score: neither ahead nor in the group. Kept from byScore: one NaN there
      // turns V8's subtraction into doubles for every call, 1.5× slower at 10,000 rows.
      if (points === null) continue;
      const order = byScore(points, score);
      if (order < 0) higher++;
      else if (order === 0) at[count++] = i;
      continue;
    }
    const order = byScore(cell, score);
    higher += Number(order < 0);
    at[count] = i;
    count += Number(order === 0);
  }
  return { higher, same: at.subarray(0, count) };
}

/**
 * Scratch space for {@link scanScores}: the positions of the rows with the own
 * score, valid until the next call (one call runs at a time; nothing is kept).
 */
let positions = new Int32Array(1024);

/** A score cell that is not a plain number: its number, or null for no score. */
function scoreOf(cell: unknown): number | null {
  if (cell === "" || cell === null || cell === undefined) return null;
  const points = toCell(cell);
  return isScore(points) ? points : null;
}

/**
 * Of the rows at `same`, how many have a lower rate than `rate`; the ones with
 * that very rate are added to `group`. One loop per shape, the cell never
 * leaving it: a rate handed to a helper as `unknown` is boxed, and at 10,000
 * rows that allocation cost more than all the rest of a call.
 */
function cheaper(line: Line, same: Int32Array, rate: number, group: number[]): number {
  const { cells, vertical } = line;
  let count = 0;
  for (let k = 0; k < same.length; k++) {
    const i = same[k];
    const cell = vertical ? (cells[i] as unknown[])[0] : cells[i];
    // A rate with at most two decimals is taken as it is: readNumber would give the same number.
    const value =
      typeof cell === "number" && cell > 0 && cell < 1e9 && Math.round(cell * 100) / 100 === cell
        ? cell
        : rateOf(cell, i);
    const order = byRate(value, rate);
    if (order < 0) count++;
    else if (order === 0) group.push(i);
  }
  return count;
}

/**
 * The rate of row `i` (0-based) as the engine reads it. An invalid rate here
 * decides this row's place, so it is this row's error.
 */
function rateOf(cell: unknown, i: number): number {
  const hourly = readNumber(toCell(cell), "rate");
  if (!hourly.ok) throw invalidValue(m.rateDecides(i + 1, hourly.message));
  return hourly.value;
}

function cellOf(line: Line, i: number): unknown {
  return line.vertical ? (line.cells[i] as unknown[])[0] : line.cells[i];
}

/**
 * The column arguments as lines of one length. An N×1 column or a 1×N row is
 * used as passed (Excel passes rectangles, so the first and last row show the
 * shape); anything else goes through columnOf, which rejects a block.
 *
 * @throws FunctionError `#VALUE!` for a block, or lines of different lengths.
 */
function linesOf(columns: StandingColumns): Lines {
  const scores = lineFrom(columns.scores, m.label.scores);
  const rates = lineFrom(columns.rates, m.label.rates);
  const draws = isLeftOut(columns.draws) ? null : lineFrom(columns.draws, m.label.draws);
  const length = lengthOf(scores);
  if (lengthOf(rates) !== length || (draws !== null && lengthOf(draws) !== length)) {
    const labels = [m.label.scores, m.label.rates];
    throw invalidValue(m.lengthMismatch(draws === null ? labels : [...labels, m.label.draws]));
  }
  return { scores, rates, draws, length };
}

function isLeftOut(value: unknown): boolean {
  return value === undefined || value === null;
}

function lineFrom(value: unknown, label: string): Line {
  if (Array.isArray(value) && value.length > 0) {
    const first: unknown = value[0];
    const last: unknown = value[value.length - 1];
    if (Array.isArray(first) && first.length === 1 && Array.isArray(last) && last.length === 1) {
      return { cells: value, vertical: true };
    }
    if (value.length === 1 && Array.isArray(first)) return { cells: first, vertical: false };
  }
  return { cells: columnOf(value, label), vertical: true };
}

function lengthOf(line: Line): number {
  return line.cells.length;
}

/**
 * What ranking needs of the own row, or null when it has no score. Read strictly:
 * a score that is text, or a valid score with an invalid rate, is an error here
 * (the Score formula never makes either).
 */
function ownStanding(row: StandingRow): Standing | null {
  const points = toCell(single(row.score));
  if (!isScore(points)) {
    if (typeof points === "string" && points.trim() !== "") {
      throw invalidValue(m.scoreNotANumber(`'${points}'`));
    }
    return null;
  }
  const hourly = readNumber(toCell(single(row.rate)), "rate");
  if (!hourly.ok) {
    throw invalidValue(candidateMessages.field(candidateMessages.rateLabel, hourly.message));
  }
  return { score: points, rate: hourly.value, drawOrder: drawOrderOf(single(row.draw)) };
}

function isScore(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** As the engine: an unreadable draw number is no number (evaluate reports it as a problem). */
function drawOrderOf(draw: unknown): number | null {
  if (isOmitted(draw)) return null;
  const drawn = readNumber(toCell(draw), "drawOrder");
  return drawn.ok ? drawn.value : null;
}

function single(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const cells = lineOf(value, m.label.values);
  if (cells.length !== 1) throw invalidValue(m.oneCell(m.label.values));
  return cells[0];
}

/** One cell of the FLEX.RANKING spill: a rank, "" (no score), a top mark, or this row's own error. */
export type RankingCell = number | string | FunctionError;

/**
 * Every row's rank and top mark at once, in the rows' own order: `[rank, top]`
 * per row, as {@link rank} and {@link top} give them for that row (the same
 * value, or the same error in that row's cells). Ranked by the engine's
 * rankCandidates (sort by score high to low, rate low to high, a complete
 * distinct draw settles a tie group): O(N log N), every cell read once.
 *
 * A row whose own data is bad gets its error in its own two cells, the rest of
 * the spill stays usable: a score that is text, or a score with an invalid rate.
 * An invalid rate also decides the places of the rows with the same score, so
 * their rank is that error too (their top mark is `Nee` when N rows score higher
 * anyway, as FLEX.TOP says).
 *
 * @throws FunctionError `#VALUE!` for the whole call: columns of different lengths, a block, or a top N that is not a whole number of 1 or more.
 * @example
 * ranking({ scores: [[80], [90], [""]], rates: [[70], [75], [80]] }, 1);
 * // [[2, "Nee"], [1, "Ja"], ["", "Nee"]]
 */
export function ranking(columns: StandingColumns, topN: unknown): RankingCell[][] {
  const n = readSetting(topN, requestLabels.topN, "wholeAtLeastOne");
  const lines = linesOf(columns);
  const count = lines.length;
  const out: RankingCell[][] = new Array(count);
  const scores = new Float64Array(count).fill(NaN);
  const entries: RankEntry[] = [];
  /** Per score (as a number), the first row with that score and an invalid rate, and its message. */
  const badRate = new Map<number, FunctionError>();

  for (let i = 0; i < count; i++) {
    const cell = cellOf(lines.scores, i);
    const points = typeof cell === "number" ? cell : toCell(cell);
    if (!isScore(points)) {
      out[i] =
        typeof points === "string" && points.trim() !== ""
          ? errorRow(invalidValue(m.scoreNotANumber(`'${points}'`)))
          : ["", "Nee"];
      continue;
    }
    scores[i] = points;
    const rateCell = cellOf(lines.rates, i);
    const fast =
      typeof rateCell === "number" &&
      rateCell > 0 &&
      rateCell < 1e9 &&
      Math.round(rateCell * 100) / 100 === rateCell;
    const hourly = fast
      ? { ok: true as const, value: rateCell }
      : readNumber(toCell(rateCell), "rate");
    const drawOrder = lines.draws === null ? null : drawOrderOf(cellOf(lines.draws, i));
    if (!hourly.ok) {
      out[i] = errorRow(
        invalidValue(candidateMessages.field(candidateMessages.rateLabel, hourly.message))
      );
      if (!badRate.has(points))
        badRate.set(points, invalidValue(m.rateDecides(i + 1, hourly.message)));
    }
    // A row with a bad rate still scores higher than the lower scores: it is ranked with a
    // placeholder rate, and only its own score group (all in error) could see the difference.
    entries.push({
      row: i,
      name: String(i + 1),
      score: points,
      rate: hourly.ok ? hourly.value : 0,
      drawOrder,
    });
  }

  const places = rankCandidates(entries, n).places;
  const placeOfRow = new Int32Array(count);
  for (let k = 0; k < places.length; k++) placeOfRow[places[k].row] = k;
  // Rows scoring higher than a score: the places before the first of that score.
  const firstOfScore = new Map<number, number>();
  for (let k = places.length - 1; k >= 0; k--) firstOfScore.set(scores[places[k].row], k);

  for (let i = 0; i < count; i++) {
    if (out[i] !== undefined) continue; // no score, or its own bad score or rate
    const place = places[placeOfRow[i]];
    const decider = badRate.get(scores[i]);
    if (decider !== undefined) {
      out[i] = [decider, (firstOfScore.get(scores[i]) as number) >= n ? "Nee" : decider];
      continue;
    }
    out[i] = [place.rank, place.top ? "Ja" : place.needsDraw ? "Loting" : "Nee"];
  }
  return out;
}

function errorRow(error: FunctionError): RankingCell[] {
  return [error, error];
}
