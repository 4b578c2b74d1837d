/**
 * FLEX.RANK and FLEX.TOP: one row's place, from its own cells and the whole
 * columns of the table, ranked by the engine's rankCandidates.
 *
 * Excel calls a whole-column function once per row, each time with all the
 * columns. The ranking is therefore computed once per distinct content of the
 * columns and kept: a later call only checks that its columns hold the same
 * cells (one pass, no parsing, no sorting) and looks its row up.
 */
import {
  rankCandidates,
  readNumber,
  requestLabels,
  type RankEntry,
  type RankPlace,
} from "../engine";
import { columnOf, isOmitted, lineOf, toCell } from "./cells";
import { invalidValue } from "./errors";
import { KNOCKOUT_OK } from "./knockout";
import { functionMessages as m } from "./messages";
import { readSetting } from "./settings";

/** One row's own cells, as FLEX.RANK and FLEX.TOP receive them. */
export interface StandingRow {
  /** The row's FLEX.KNOCKOUT verdict. */
  knockout: unknown;
  score: unknown;
  rate: unknown;
  /** The recorded draw order (`Loting`); optional. */
  draw?: unknown;
}

/** The same cells for every row of the table: whole columns, same length. */
export interface StandingColumns {
  knockouts: unknown;
  scores: unknown;
  rates: unknown;
  draws?: unknown;
}

/** The `Top 10` verdicts: in, out, or in a tie at the cut that needs a draw. */
export type TopVerdict = "Ja" | "Nee" | "Loting" | "";

/**
 * The competition rank (1, 2, 2, 4) of an eligible row; "" for a row that is
 * knocked out, incomplete or empty. Ties break exactly as the engine ranks:
 * score high to low, rate low to high, then a complete draw order.
 *
 * @throws FunctionError `#VALUE!` when the columns differ in length, a verdict or score cell holds something else, or the row is not in the columns.
 * @example
 * rank({ knockout: "OK", score: 80, rate: 70 }, { knockouts: [["OK"], ["OK"]], scores: [[80], [90]], rates: [[70], [75]] }); // 2
 */
export function rank(row: StandingRow, columns: StandingColumns): number | "" {
  const place = placeOf(row, columns, RANK_ONLY);
  return place === null ? "" : place.rank;
}

/**
 * `Ja` when the row is unambiguously in the top N, `Loting` when it is in a tie
 * that straddles place N without a complete draw, else `Nee` ("" for an empty row).
 *
 * @throws FunctionError `#VALUE!` as {@link rank}, or when top N is not a whole number of 1 or more.
 * @example
 * top({ knockout: "OK", score: 80, rate: 70 }, columns, 10); // "Ja"
 */
export function top(row: StandingRow, columns: StandingColumns, topN: unknown): TopVerdict {
  const n = readSetting(topN, requestLabels.topN, "wholeAtLeastOne");
  if (isOmitted(row.knockout) && isOmitted(row.score)) return "";
  const place = placeOf(row, columns, n);
  if (place === null) return "Nee";
  return place.top ? "Ja" : place.needsDraw ? "Loting" : "Nee";
}

/** Forgets every cached ranking (tests and benchmarks start cold with it). */
export function clearRankingCache(): void {
  cache.length = 0;
}

const RANK_ONLY = 0;
const CACHE_SIZE = 2;

/** The column arguments as passed: knock-outs, scores, rates, draws (null when left out). */
type RawColumns = [unknown, unknown, unknown, unknown];

interface Snapshot {
  /** The arguments the snapshot was last matched with. */
  columns: RawColumns;
  /** The cells as they were, to compare a later call's columns with. */
  cells: [unknown[], unknown[], unknown[], unknown[] | null];
  /** The eligible rows, as the engine ranks them. */
  entries: RankEntry[];
  /** Each entry at its position in the columns (row 1 first), for the lookup. */
  byRow: Array<RankEntry | undefined>;
  /** Per top N: the place of each standing key. */
  places: Map<number, Map<string, RankPlace>>;
}

const cache: Snapshot[] = [];

function placeOf(row: StandingRow, columns: StandingColumns, topN: number): RankPlace | null {
  const standing = readStanding(
    toCell(single(row.knockout)),
    single(row.score),
    single(row.rate),
    single(row.draw),
    true
  );
  const snapshot = snapshotOf(columns);
  if (standing === null) return null;
  let places = snapshot.places.get(topN);
  if (!places && topN === RANK_ONLY) places = snapshot.places.values().next().value;
  if (!places) {
    places = new Map();
    for (const place of rankCandidates(snapshot.entries, topN).places) {
      const entry = snapshot.byRow[place.row - 1] as RankEntry;
      places.set(standingKey(entry.score, entry.rate, entry.drawOrder), place);
    }
    snapshot.places.set(topN, places);
  }
  const place = places.get(standingKey(standing.score, standing.rate, standing.drawOrder));
  if (!place) throw invalidValue(m.rowNotInColumns());
  return place;
}

interface Standing {
  score: number;
  rate: number;
  drawOrder: number | null;
}

/**
 * What ranking needs of a row, or null when the row is not eligible. The own
 * row is read strictly (a verdict or score that FLEX functions cannot have made
 * is an error); other rows that are unreadable are simply not eligible.
 */
function readStanding(
  knockout: unknown,
  score: unknown,
  rate: unknown,
  draw: unknown,
  strict: boolean
): Standing | null {
  const verdict = toCell(knockout);
  if (typeof verdict !== "string" || verdict.trim() === "") return null;
  if (verdict.trim().toUpperCase() !== KNOCKOUT_OK) {
    if (strict && !/^[A-Za-z]+\d+(\s*;\s*[A-Za-z]+\d+)*$/.test(verdict.trim())) {
      throw invalidValue(m.knockoutVerdict(verdict));
    }
    return null;
  }
  const points = toCell(score);
  if (typeof points !== "number") {
    if (strict && typeof points === "string" && points.trim() !== "") {
      throw invalidValue(m.scoreNotANumber(`'${points}'`));
    }
    return null;
  }
  const hourly = readNumber(toCell(rate), "rate");
  if (!hourly.ok) return null;
  // As the engine: an unreadable draw number is no number (evaluate reports it as a problem).
  const drawn = isOmitted(draw) ? null : readNumber(toCell(draw), "drawOrder");
  return { score: points, rate: hourly.value, drawOrder: drawn?.ok ? drawn.value : null };
}

function standingKey(score: number, rate: number, drawOrder: number | null): string {
  return `${score}|${rate}|${drawOrder ?? ""}`;
}

function single(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const cells = lineOf(value, m.label.values);
  return cells.length === 1 ? cells[0] : invalidCells();
}

function invalidCells(): never {
  throw invalidValue(m.oneCell(m.label.values));
}

/** The cached snapshot whose cells equal these columns, or a new one. */
function snapshotOf(columns: StandingColumns): Snapshot {
  // A left-out argument, not an empty column: checking every cell for emptiness would cost a pass.
  const draws = columns.draws === undefined || columns.draws === null ? null : columns.draws;
  const raw: RawColumns = [columns.knockouts, columns.scores, columns.rates, draws];
  for (let i = 0; i < cache.length; i++) {
    if (holds(cache[i], raw)) {
      const hit = cache[i];
      cache.splice(i, 1);
      cache.unshift(hit);
      return hit;
    }
  }
  const k = columnOf(raw[0], m.label.knockouts);
  const s = columnOf(raw[1], m.label.scores);
  const r = columnOf(raw[2], m.label.rates);
  const d = raw[3] === null ? null : columnOf(raw[3], m.label.draws);
  const n = k.length;
  if (s.length !== n || r.length !== n || (d !== null && d.length !== n)) {
    const labels = [m.label.knockouts, m.label.scores, m.label.rates];
    throw invalidValue(m.lengthMismatch(d === null ? labels : [...labels, m.label.draws]));
  }
  const snapshot = takeSnapshot(raw, k, s, r, d);
  cache.unshift(snapshot);
  cache.length = Math.min(cache.length, CACHE_SIZE);
  return snapshot;
}

function takeSnapshot(
  raw: RawColumns,
  k: unknown[][],
  s: unknown[][],
  r: unknown[][],
  d: unknown[][] | null
): Snapshot {
  const first = (column: unknown[][]) => column.map((cells) => cells[0]);
  const entries: RankEntry[] = [];
  for (let i = 0; i < k.length; i++) {
    const standing = readStanding(k[i][0], s[i][0], r[i][0], d ? d[i][0] : null, false);
    if (standing) entries.push({ row: i + 1, name: String(i + 1), ...standing });
  }
  const byRow: Array<RankEntry | undefined> = new Array(k.length);
  for (const entry of entries) byRow[entry.row - 1] = entry;
  return {
    columns: raw,
    cells: [first(k), first(s), first(r), d ? first(d) : null],
    entries,
    byRow,
    places: new Map(),
  };
}

/**
 * Whether the arguments hold the snapshot's cells. The same arrays pass at once
 * (a host hands each call arrays it never changes afterwards); otherwise one pass
 * compares them as N×1 columns, the hot loop of a whole-column recalculation.
 * Anything of another shape is no match, and gets read and checked in full.
 */
function holds(snapshot: Snapshot, raw: RawColumns): boolean {
  const [ck, cs, cr, cd] = snapshot.columns;
  const [k, s, r, d] = raw;
  if (k === ck && s === cs && r === cr && d === cd) return true;
  const [K, S, R, D] = snapshot.cells;
  const n = K.length;
  if (!isColumnOf(k, n) || !isColumnOf(s, n) || !isColumnOf(r, n)) return false;
  if ((d === null) !== (D === null) || (d !== null && !isColumnOf(d, n))) return false;
  for (let i = 0; i < n; i++) {
    const a = k[i][0];
    const b = s[i][0];
    const c = r[i][0];
    if (a !== K[i] && !sameObject(a, K[i])) return false;
    if (b !== S[i] && !sameObject(b, S[i])) return false;
    if (c !== R[i] && !sameObject(c, R[i])) return false;
  }
  if (d !== null && D !== null) {
    for (let i = 0; i < n; i++) {
      const a = d[i][0];
      if (a !== D[i] && !sameObject(a, D[i])) return false;
    }
  }
  // Later calls with these very arrays need no comparison.
  snapshot.columns = raw;
  return true;
}

/** Whether an argument is an N×1 column (checked on its first and last row; a mismatch inside shows as a different cell). */
function isColumnOf(column: unknown, n: number): column is unknown[][] {
  if (!Array.isArray(column) || column.length !== n) return false;
  if (n === 0) return true;
  const head = column[0];
  const tail = column[n - 1];
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
