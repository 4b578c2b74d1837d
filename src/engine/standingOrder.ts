/**
 * A speed-up of src/engine/ranking.ts: the candidates in the order of the
 * tie-break (src/engine/tieBreak.ts), without a comparator sort. Sorting
 * 100,000 objects with a comparator costs more than all the rest of the
 * ranking, yet scores and rates take few distinct values: each value gets its
 * place among the distinct ones, and stable counting sorts by rate and then by
 * score (linear time, no comparator) give the order. The measure: rankCandidates
 * beside a plain comparator sort of the same keys, `npm run bench:engine`
 * (bench/engine-bench.ts; target ≤ 3× at 100,000, the README's Performance
 * table). test/engine/rankingModel.test.ts and test/engine/rankingOrder.test.ts
 * hold the result equal to the comparator sort.
 */
import { byStanding, type Standing } from "./tieBreak";

/** What the order reads of an entry: its standing and its sheet row. */
export interface OrderEntry extends Standing {
  row: number;
}

/** The entries' order, and a key per entry that is equal exactly when the standing is. */
export interface StandingOrder {
  /** Entry indices in standing order, equal standing by row, equal rows in the order given. */
  order: Int32Array;
  /**
   * Per entry, one number for its (score, rate), equal exactly when both are;
   * null after the comparator sort (compare with sameStanding instead).
   */
  standing: Float64Array | null;
}

/**
 * The entries' indices in standing order ({@link byStanding}), equal standing by
 * row, equal rows in the order given: the order of sorting by row and then,
 * stably, by standing. NaN or a value that is not a number has no place: such
 * entries take the comparator sort.
 *
 * @example
 * Array.from(standingOrder([
 *   { row: 2, score: 80, rate: 70 },
 *   { row: 3, score: 90, rate: 75 },
 * ]).order); // [1, 0]
 */
export function standingOrder(entries: readonly OrderEntry[]): StandingOrder {
  const count = entries.length;
  const scores = new Float64Array(count);
  const rates = new Float64Array(count);
  let byRow = true;
  for (let i = 0; i < count; i++) {
    const { score, rate, row } = entries[i];
    if (!isKeyable(score) || !isKeyable(rate) || !isKeyable(row)) {
      return { order: comparatorOrder(entries), standing: null };
    }
    scores[i] = -score; // high to low, as byScore
    rates[i] = rate; // low to high, as byRate
    if (i > 0 && entries[i - 1].row > row) byRow = false;
  }
  let order: Int32Array = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  if (!byRow) {
    const rows = new Float64Array(count);
    for (let i = 0; i < count; i++) rows[i] = entries[i].row;
    order = countingSort(order, densePlaces(rows));
  }
  const ratePlaces = densePlaces(rates);
  const scorePlaces = densePlaces(scores);
  order = countingSort(countingSort(order, ratePlaces), scorePlaces);
  const standing = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    standing[i] = scorePlaces.places[i] * ratePlaces.distinct + ratePlaces.places[i];
  }
  return { order, standing };
}

/** A number a place can be found for: anything but NaN (±Infinity sort as the comparator does). */
function isKeyable(value: unknown): boolean {
  return typeof value === "number" && value === value;
}

/** Each value's place among the distinct values, low to high, and how many distinct values there are. */
interface Places {
  places: Int32Array;
  distinct: number;
}

/** The places of the values; 0 and -0 are one value, as `===` and a Map key have it. */
function densePlaces(values: Float64Array): Places {
  const ids = new Map<number, number>();
  const distinctValues: number[] = [];
  const places = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let id = ids.get(value);
    if (id === undefined) {
      id = distinctValues.length;
      ids.set(value, id);
      distinctValues.push(value);
    }
    places[i] = id;
  }
  const byValue = distinctValues
    .map((_, id) => id)
    .sort((a, b) => distinctValues[a] - distinctValues[b]);
  const placeOfId = new Int32Array(byValue.length);
  for (let place = 0; place < byValue.length; place++) placeOfId[byValue[place]] = place;
  for (let i = 0; i < places.length; i++) places[i] = placeOfId[places[i]];
  return { places, distinct: byValue.length };
}

/** `order` stably sorted by the place of each index: one pass to count, one to place. */
function countingSort(order: Int32Array, key: Places): Int32Array {
  const starts = new Int32Array(key.distinct + 1);
  for (let k = 0; k < order.length; k++) starts[key.places[order[k]] + 1]++;
  for (let place = 0; place < key.distinct; place++) starts[place + 1] += starts[place];
  const sorted = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const index = order[k];
    sorted[starts[key.places[index]]++] = index;
  }
  return sorted;
}

/** The same order by comparator sorts, for values no key can be made of. */
function comparatorOrder(entries: readonly OrderEntry[]): Int32Array {
  const indices = entries.map((_, i) => i);
  if (!sortedByRow(entries)) indices.sort((a, b) => entries[a].row - entries[b].row);
  indices.sort((a, b) => byStanding(entries[a], entries[b]));
  return Int32Array.from(indices);
}

function sortedByRow(entries: readonly OrderEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i - 1].row > entries[i].row) return false;
  return true;
}
