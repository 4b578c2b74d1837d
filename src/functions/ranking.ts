/**
 * FLEX.RANK and FLEX.TOP: one row's place among the rows that have a score, from
 * its own cells and the whole Score, Uurtarief and (optional) Loting columns,
 * ranked by the engine's rankCandidates.
 *
 * A row takes part when its Score is a number: the set-up's Score formula gives
 * a score only to a row whose knock-out verdict is OK (and OK includes a valid
 * rate, K8), so the Knock-out column need not be passed as well.
 *
 * Excel calls a whole-column function once per row, each time with its own,
 * freshly deserialised copy of every column, so the cost of one call is what
 * counts. The ranking of a column content is computed once and kept; a later
 * call compares, exactly, the cells its own answer depends on with the kept
 * ones and looks its place up. Those cells are:
 * - every score: any row with a higher score is ahead, whatever its rate;
 * - the rate and the draw of each row with this row's score: the engine
 *   compares rates only within an equal score, and draws only within an equal
 *   score and rate.
 * A rate or draw of a row with another score cannot move this row's place, so it
 * is not read: one pass over one column and a few cells, where comparing every
 * column cost a pass per column.
 */
import {
  candidateMessages,
  rankCandidates,
  readNumber,
  requestLabels,
  type RankEntry,
  type RankPlace,
} from "../engine";
import { columnOf, isOmitted, lineOf, toCell } from "./cells";
import { invalidValue } from "./errors";
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

/** The same cells for every row of the table: whole columns, same length. */
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
  const standing = ownStanding(row);
  const raw = rawColumns(columns);
  if (standing === null) {
    checkShape(raw);
    return "";
  }
  return placeOf(standing, raw, RANK_ONLY).rank;
}

/**
 * `Ja` when the row is unambiguously in the top N, `Loting` when it is in a tie
 * that straddles place N without a complete draw, else `Nee` (also for a row
 * without a score; the set-up's formula leaves a row without a name empty).
 *
 * @throws FunctionError `#VALUE!` as {@link rank} (a row with N others clearly ahead is `Nee` without further checks), or when top N is not a whole number of 1 or more.
 * @example
 * top({ score: 80, rate: 70 }, { scores: [[80], [90]], rates: [[70], [75]] }, 10); // "Ja"
 */
export function top(row: StandingRow, columns: StandingColumns, topN: unknown): TopVerdict {
  const n = readSetting(topN, requestLabels.topN, "wholeAtLeastOne");
  const standing = ownStanding(row);
  const raw = rawColumns(columns);
  if (standing === null) {
    checkShape(raw);
    return "Nee";
  }
  if (higherScores(raw, standing.score, n)) return "Nee";
  const place = placeOf(standing, raw, n);
  return place.top ? "Ja" : place.needsDraw ? "Loting" : "Nee";
}

/** Forgets every cached ranking (tests and benchmarks start cold with it). */
export function clearRankingCache(): void {
  cache.length = 0;
}

const RANK_ONLY = 0;
const CACHE_SIZE = 2;
/** What a snapshot holds as "the other cell" where the score cell is a number. */
const NUMBER = Symbol("number");

/** The column arguments as passed: scores, rates, draws (null when left out). */
type RawColumns = [unknown, unknown, unknown];

interface Standing {
  score: number;
  rate: number;
  drawOrder: number | null;
}

/** The rows with one score: what a row with that score compares besides the scores. */
interface Level {
  /** Their positions in the columns (0-based). */
  rows: number[];
  /** Their rate cells: the numbers (NaN for no number), and the other cells ({@link NUMBER} for a number). */
  rates: Float64Array;
  rateOthers: unknown[];
  /** Per rate (as read): the rows with this score and that rate, and their draw cells. */
  ties: Map<number, { rows: number[]; draws: unknown[] }>;
  /** The first of them whose rate is no valid rate: a place at this score cannot be decided. */
  badRate: { row: number; message: string } | null;
}

interface Snapshot {
  /** The arguments the snapshot was read from (the same arrays again need no comparison). */
  columns: RawColumns;
  /** Each row's score cell where it is a number, NaN where it is not. */
  scores: Float64Array;
  /** Each row's score cell where it is no number, {@link NUMBER} where it is. */
  others: unknown[];
  /** Per score: the rows that have it. */
  levels: Map<number, Level>;
  /** The rows with a score, as the engine ranks them. */
  entries: RankEntry[];
  /** The positions of the rows with a score, highest score first. */
  order: Int32Array;
  /** Per top N: the place of each standing key. */
  places: Map<number, Map<string, RankPlace>>;
}

const cache: Snapshot[] = [];

function rawColumns(columns: StandingColumns): RawColumns {
  const draws = columns.draws === undefined || columns.draws === null ? null : columns.draws;
  return [columns.scores, columns.rates, draws];
}

/** Bad columns are reported on every row, also where there is no place to look up. */
function checkShape(raw: RawColumns): void {
  if (!shapedAlike(raw, lineLength(raw[0]))) snapshotOf(raw, null);
}

function placeOf(standing: Standing, raw: RawColumns, topN: number): RankPlace {
  const snapshot = snapshotOf(raw, standing);
  const level = snapshot.levels.get(standing.score);
  if (level?.badRate) throw invalidValue(m.rateDecides(level.badRate.row, level.badRate.message));
  let places = snapshot.places.get(topN);
  if (!places && topN === RANK_ONLY) places = snapshot.places.values().next().value;
  if (!places) {
    places = new Map();
    const ranking = rankCandidates(snapshot.entries, topN).places;
    for (let i = 0; i < ranking.length; i++) {
      const entry = snapshot.entries[ranking[i].row - 1];
      places.set(standingKey(entry.score, entry.rate, entry.drawOrder), ranking[i]);
    }
    snapshot.places.set(topN, places);
  }
  const place = places.get(standingKey(standing.score, standing.rate, standing.drawOrder));
  if (!place) throw invalidValue(m.rowNotInColumns());
  return place;
}

/**
 * Whether at least n rows of these scores have a higher score than this one:
 * then the row is out of the top n whatever the rates and draws, since the
 * engine ranks every higher score first. Read from the cells themselves, so it
 * is exact; the cached ranking only says which rows to read first (the highest
 * scores last time), so that this usually takes n cells instead of a column.
 */
function higherScores(raw: RawColumns, score: number, n: number): boolean {
  const order = cache[0]?.order;
  const size = lineLength(raw[0]);
  if (!order || size < 0 || !shapedAlike(raw, size)) return false;
  const scores = raw[0] as unknown[][];
  const limit = Math.min(order.length, 2 * n + 16);
  let found = 0;
  for (let k = 0; k < limit; k++) {
    if (order[k] >= size) return false;
    const cell = cellAt(scores, order[k]);
    const points = typeof cell === "number" ? cell : toCell(cell);
    if (isScore(points) && points > score && ++found >= n) return true;
  }
  return false;
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

function standingKey(score: number, rate: number, drawOrder: number | null): string {
  return `${score}|${rate}|${drawOrder ?? ""}`;
}

function single(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const cells = lineOf(value, m.label.values);
  if (cells.length !== 1) throw invalidValue(m.oneCell(m.label.values));
  return cells[0];
}

/**
 * A cached snapshot that gives this standing the same place as these columns
 * would, or a new snapshot of the columns (standing null: a snapshot of the very
 * same arrays, else a new one).
 */
function snapshotOf(raw: RawColumns, standing: Standing | null): Snapshot {
  for (let i = 0; i < cache.length; i++) {
    if (holds(cache[i], raw, standing)) {
      const hit = cache[i];
      if (i > 0) {
        cache.splice(i, 1);
        cache.unshift(hit);
      }
      return hit;
    }
  }
  const snapshot = takeSnapshot(raw);
  cache.unshift(snapshot);
  cache.length = Math.min(cache.length, CACHE_SIZE);
  return snapshot;
}

function takeSnapshot(raw: RawColumns): Snapshot {
  const s = columnOf(raw[0], m.label.scores);
  const r = columnOf(raw[1], m.label.rates);
  const d = raw[2] === null ? null : columnOf(raw[2], m.label.draws);
  const n = s.length;
  if (r.length !== n || (d !== null && d.length !== n)) {
    const labels = [m.label.scores, m.label.rates];
    throw invalidValue(m.lengthMismatch(d === null ? labels : [...labels, m.label.draws]));
  }
  const scores = new Float64Array(n);
  const others: unknown[] = new Array(n);
  const levels = new Map<number, Level>();
  const entries: RankEntry[] = [];
  const positions: number[] = [];
  for (let i = 0; i < n; i++) {
    const cell = s[i][0];
    const points = toCell(cell);
    // A plain number is compared as a number later, anything else (a score in a data type too) by what it says.
    scores[i] = typeof cell === "number" ? cell : NaN;
    others[i] = typeof cell === "number" ? NUMBER : cell;
    if (!isScore(points)) continue;
    let level = levels.get(points);
    if (!level) {
      level = {
        rows: [],
        rates: new Float64Array(0),
        rateOthers: [],
        ties: new Map(),
        badRate: null,
      };
      levels.set(points, level);
    }
    const rateCell = r[i][0];
    const drawCell = d === null ? null : d[i][0];
    level.rows.push(i);
    level.rateOthers.push(typeof rateCell === "number" ? NUMBER : rateCell);
    const hourly = readNumber(toCell(rateCell), "rate");
    if (!hourly.ok && !level.badRate) level.badRate = { row: i + 1, message: hourly.message };
    // A row with an invalid rate still counts by its score for every other score.
    const rate = hourly.ok ? hourly.value : 0;
    const tie = level.ties.get(rate) ?? { rows: [], draws: [] };
    level.ties.set(rate, tie);
    tie.rows.push(i);
    tie.draws.push(drawCell);
    positions.push(i);
    entries.push({
      row: entries.length + 1,
      name: String(i + 1),
      score: points,
      rate,
      drawOrder: drawOrderOf(drawCell),
    });
  }
  for (const level of levels.values()) {
    level.rates = Float64Array.from(level.rows, (i) => {
      const cell = r[i][0];
      return typeof cell === "number" ? cell : NaN;
    });
  }
  const order = Int32Array.from(positions);
  const points = entries.map((e) => e.score);
  const byScore = Int32Array.from(points.keys()).sort((a, b) => points[b] - points[a]);
  for (let k = 0; k < byScore.length; k++) order[k] = positions[byScore[k]];
  return { columns: raw, scores, others, levels, entries, order, places: new Map() };
}

/**
 * Whether the snapshot gives this standing the place that these columns give it
 * (see the top of the file for which cells that takes). The same arrays as read
 * pass at once: a host hands each call arrays it never changes afterwards.
 * Columns of another shape (a row instead of a column) never match, and get
 * read and checked in full.
 */
function holds(snapshot: Snapshot, raw: RawColumns, standing: Standing | null): boolean {
  const [cs, cr, cd] = snapshot.columns;
  const [s, r, d] = raw;
  if (s === cs && r === cr && d === cd) return true;
  if (standing === null) return false;
  const n = snapshot.scores.length;
  if ((d === null) !== (cd === null) || !shapedAlike(raw, n)) return false;
  const scores = s as unknown[][];
  // Every score: a pass over the whole line.
  if (!sameAt(scores, n, null, snapshot.scores, snapshot.others)) return false;
  const level = snapshot.levels.get(standing.score);
  if (!level) return true; // the row is not in these columns: the lookup reports it
  if (!sameAt(r as unknown[][], n, level.rows, level.rates, level.rateOthers)) return false;
  const tie = level.ties.get(standing.rate);
  if (d !== null && tie) {
    for (let k = 0; k < tie.rows.length; k++) {
      const cell = cellAt(d as unknown[][], tie.rows[k]);
      if (cell !== tie.draws[k] && !sameObject(cell, tie.draws[k])) return false;
    }
  }
  return true;
}

/**
 * The hot loop of a whole-column recalculation: whether the cells of a line at
 * these positions (every position when null) are the kept ones. One loop per
 * shape, so that each reads its cells without a branch or a boxed number.
 */
function sameAt(
  line: unknown[][],
  n: number,
  positions: number[] | null,
  numbers: Float64Array,
  others: unknown[]
): boolean {
  const count = positions === null ? n : positions.length;
  if (isColumnOf(line, n)) {
    for (let k = 0; k < count; k++) {
      const cell = line[positions === null ? k : positions[k]][0];
      if (typeof cell === "number") {
        if (cell !== numbers[k]) return false;
      } else if (cell !== others[k] && !sameObject(cell, others[k])) return false;
    }
  } else {
    const row = line[0];
    for (let k = 0; k < count; k++) {
      const cell = row[positions === null ? k : positions[k]];
      if (typeof cell === "number") {
        if (cell !== numbers[k]) return false;
      } else if (cell !== others[k] && !sameObject(cell, others[k])) return false;
    }
  }
  return true;
}

/** The number of cells of a line argument (an N×1 column or a 1×N row); -1 for anything else. */
function lineLength(line: unknown): number {
  if (!Array.isArray(line) || line.length === 0) return -1;
  if (line.length === 1) return Array.isArray(line[0]) ? line[0].length : -1;
  return line.length;
}

/**
 * Whether every argument is a line of n cells, each an N×1 column or a 1×N row
 * (checked on the first and last row, as Excel passes rectangles). Lines of any
 * other shape get read in full, and reported.
 */
function shapedAlike(raw: RawColumns, n: number): boolean {
  if (n < 1) return false;
  return (
    lineLength(raw[0]) === n &&
    isLine(raw[0], n) &&
    isLine(raw[1], n) &&
    (raw[2] === null || isLine(raw[2], n))
  );
}

function isLine(line: unknown, n: number): boolean {
  return isColumnOf(line, n) || (Array.isArray(line) && line.length === 1 && isRowOf(line[0], n));
}

function isRowOf(row: unknown, n: number): boolean {
  return Array.isArray(row) && row.length === n;
}

/** The i-th cell (0-based) of a line that {@link shapedAlike} accepted. */
function cellAt(line: unknown[][], i: number): unknown {
  return line.length === 1 ? line[0][i] : line[i][0];
}

/** Whether an argument is an N×1 column (checked on its first and last row; a mismatch inside shows as a different cell). */
function isColumnOf(column: unknown, n: number): column is unknown[][] {
  if (!Array.isArray(column) || column.length !== n) return false;
  const head: unknown = column[0];
  const tail: unknown = column[n - 1];
  return Array.isArray(head) && head.length === 1 && Array.isArray(tail) && tail.length === 1;
}

/** Error cells and data types arrive as new objects on every call: compare what they say. */
function sameObject(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return false;
  const codeA = (a as { code?: unknown }).code;
  if (codeA !== undefined) return codeA === (b as { code?: unknown }).code;
  const x = toCell(a);
  const y = toCell(b);
  if (typeof x === "object" && x !== null && typeof y === "object" && y !== null) {
    if (x instanceof Date || y instanceof Date) {
      return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
    }
    return x.error === y.error;
  }
  return x === y;
}
