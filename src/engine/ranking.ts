/**
 * Ranking eligible candidates: score high to low, then rate low to high, then a
 * recorded draw. Equal score and equal rate is a tie that is shown, never broken
 * silently; a tie straddling place N needs a draw before the top N is complete.
 * Nothing here depends on the order the candidates come in.
 */
import type { Problem } from "./evaluation";
import { candidateMessages as m, NAMES_SHOWN } from "./messages";
import { eagerTiedWith, withTiedWith } from "./tiedRows";

/** What ranking needs of an eligible candidate. */
export interface RankEntry {
  row: number;
  name: string;
  score: number;
  rate: number;
  /** The recorded draw number (`Loting`), low first; null when none. */
  drawOrder: number | null;
}

/** Where one candidate lands. */
export interface RankPlace {
  row: number;
  /** Competition rank: 1, 2, 2, 4. */
  rank: number;
  /** In the top N, unambiguously. */
  top: boolean;
  /** Equal score and rate with another candidate. */
  tie: boolean;
  /** In an unresolved tie that straddles place N. */
  needsDraw: boolean;
  /** Its place within a tie was decided by the recorded draw. */
  drawn: boolean;
  /** The rows it is tied with. */
  tiedWith: number[];
  /** For `needsDraw`: the places the draw decides, e.g. 9 to 10. */
  contested: { from: number; to: number } | null;
}

/** The ranking of a set of eligible candidates. */
export interface Ranking {
  /** In ranking order; an unresolved tie by row number. */
  places: RankPlace[];
  /** The score of the last candidate unambiguously in the top N; null when nobody is. */
  cutoffScore: number | null;
  /** The score at place N, tied or not; null with fewer than N candidates. */
  placeNScore: number | null;
  /** Partial or duplicate draw numbers in a tie, at field `drawOrder`. */
  problems: Problem[];
}

/**
 * Ranks eligible candidates and marks the top N.
 *
 * @example
 * rankCandidates([
 *   { row: 2, name: "Ans", score: 80, rate: 70, drawOrder: null },
 *   { row: 3, name: "Bram", score: 80, rate: 70, drawOrder: null },
 *   { row: 4, name: "Cor", score: 90, rate: 75, drawOrder: null },
 * ], 2).places.map((p) => [p.row, p.rank, p.top, p.needsDraw]);
 * // [[4, 1, true, false], [2, 2, false, true], [3, 2, false, true]]
 */
export function rankCandidates(entries: RankEntry[], topN: number): Ranking {
  return rankWithGroups(entries, topN).ranking;
}

/**
 * {@link rankCandidates}, plus what evaluate() needs besides: each place's whole
 * tie group (its own row included, by row; null when not tied), for the reason
 * lines without building every member's `tiedWith`, and the place of each entry
 * (`placeOf[i]` is the index in `places` of `entries[i]`).
 */
export function rankWithGroups(
  entries: RankEntry[],
  topN: number
): { ranking: Ranking; groups: Array<readonly number[] | null>; placeOf: Int32Array } {
  const n = Number.isFinite(topN) ? Math.max(0, Math.floor(topN)) : 0;
  const count = entries.length;
  // Equal standing goes by row, so row order never matters.
  const { order, standing } = standingOrder(entries);
  const places: RankPlace[] = new Array(count);
  const groups: Array<readonly number[] | null> = new Array(count);
  const placeOf = new Int32Array(count);
  const problems: Problem[] = [];
  let cutoffScore: number | null = null;

  for (let start = 0; start < count;) {
    const first = entries[order[start]];
    let end = start + 1;
    if (standing) {
      const own = standing[order[start]];
      while (end < count && standing[order[end]] === own) end++;
    } else while (end < count && sameStanding(first, entries[order[end]])) end++;
    if (end - start === 1) {
      // Alone on its score and rate: no group to build.
      const top = start < n;
      if (top) cutoffScore = first.score;
      placeOf[order[start]] = start;
      places[start] = {
        row: first.row,
        rank: start + 1,
        top,
        tie: false,
        needsDraw: false,
        drawn: false,
        contested: null,
        tiedWith: [],
      };
      groups[start] = null;
      start = end;
      continue;
    }
    const members: number[] = []; // entry indices, by row
    const groupRows: number[] = [];
    let numbered = 0;
    for (let k = start; k < end; k++) {
      const index = order[k];
      members.push(index);
      groupRows.push(entries[index].row);
      if (entries[index].drawOrder !== null) numbered++;
    }
    const resolved = numbered === members.length && resolvedByDraw(members.map((i) => entries[i]));
    if (!resolved && numbered > 0) {
      for (const problem of drawProblems(members.map((i) => entries[i]))) problems.push(problem);
    }
    if (resolved) members.sort((a, b) => byDraw(entries[a], entries[b]));
    const straddles = !resolved && start < n && end > n;
    for (let i = 0; i < members.length; i++) {
      const entry = entries[members[i]];
      const position = start + i; // 0-based place
      const top = resolved ? position < n : end <= n;
      if (top) cutoffScore = entry.score;
      const rank = resolved ? position + 1 : start + 1;
      const contested = straddles ? { from: start + 1, to: n } : null;
      // Two literals on purpose, as in evaluate's resultOf: redefining a data property as the
      // lazy accessor costs far more than adding it (1.5× → 2.8× a plain sort at 100,000).
      const tiedWith = eagerTiedWith(groupRows, entry.row);
      placeOf[members[i]] = position;
      places[position] = tiedWith
        ? {
            row: entry.row,
            rank,
            top,
            tie: true,
            needsDraw: straddles,
            drawn: resolved,
            contested,
            tiedWith,
          }
        : withTiedWith(
            {
              row: entry.row,
              rank,
              top,
              tie: true,
              needsDraw: straddles,
              drawn: resolved,
              contested,
            },
            groupRows
          );
      groups[position] = groupRows;
    }
    start = end;
  }
  const placeNScore = n >= 1 && count >= n ? entries[order[n - 1]].score : null;
  return { ranking: { places, cutoffScore, placeNScore, problems }, groups, placeOf };
}

/** Score high to low, then rate low to high. */
function byStanding(a: RankEntry, b: RankEntry): number {
  return b.score - a.score || a.rate - b.rate;
}

/**
 * The entries' indices in standing order, equal standing by row, equal rows in
 * the order given: the order of sorting by row and then, stably, by standing.
 * Sorting 100,000 objects with a comparator costs more than all the rest of the
 * ranking, yet scores and rates take few distinct values: each value gets its
 * place among the distinct ones, and stable counting sorts by rate and then by
 * score (linear time, no comparator) give the order. NaN or a value that is not
 * a number has no place: such entries take the comparator sort.
 */
function standingOrder(entries: RankEntry[]): {
  order: Int32Array;
  /**
   * Per entry, one number for its (score, rate), equal exactly when both are;
   * null after the comparator sort.
   */
  standing: Float64Array | null;
} {
  const count = entries.length;
  const scores = new Float64Array(count);
  const rates = new Float64Array(count);
  let byRow = true;
  for (let i = 0; i < count; i++) {
    const { score, rate, row } = entries[i];
    if (!isKeyable(score) || !isKeyable(rate) || !isKeyable(row)) {
      return { order: comparatorOrder(entries), standing: null };
    }
    scores[i] = -score; // high to low
    rates[i] = rate;
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
function comparatorOrder(entries: RankEntry[]): Int32Array {
  const indices = entries.map((_, i) => i);
  if (!sortedByRow(entries)) indices.sort((a, b) => entries[a].row - entries[b].row);
  indices.sort((a, b) => byStanding(entries[a], entries[b]));
  return Int32Array.from(indices);
}

function sortedByRow(entries: RankEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i - 1].row > entries[i].row) return false;
  return true;
}

function byDraw(a: RankEntry, b: RankEntry): number {
  return (a.drawOrder ?? 0) - (b.drawOrder ?? 0);
}

function sameStanding(a: RankEntry, b: RankEntry): boolean {
  return a.score === b.score && a.rate === b.rate;
}

/** A draw settles a tie only when every member has its own number. */
function resolvedByDraw(group: RankEntry[]): boolean {
  const numbers = new Set<number>();
  for (const entry of group) {
    if (entry.drawOrder === null || numbers.has(entry.drawOrder)) return false;
    numbers.add(entry.drawOrder);
  }
  return true;
}

/** The first names a message shows, and how many there are in all. */
function namesOf(entries: RankEntry[], except?: RankEntry): { names: string[]; total: number } {
  const names: string[] = [];
  let total = 0;
  for (const entry of entries) {
    if (entry === except) continue;
    total++;
    if (names.length <= NAMES_SHOWN) names.push(entry.name);
  }
  return { names, total };
}

function drawProblems(group: RankEntry[]): Problem[] {
  const withNumber = group.filter((e) => e.drawOrder !== null);
  if (withNumber.length === 0) return [];
  const problems: Problem[] = [];
  const at = (row: number, message: string): Problem => ({
    source: "candidates",
    row,
    field: "drawOrder",
    message,
  });
  const numbered = namesOf(withNumber);
  const byNumber = new Map<number, RankEntry[]>();
  for (const entry of withNumber) {
    const same = byNumber.get(entry.drawOrder as number);
    if (same) same.push(entry);
    else byNumber.set(entry.drawOrder as number, [entry]);
  }
  for (const entry of group) {
    if (entry.drawOrder === null) {
      problems.push(at(entry.row, m.drawIncomplete(numbered.names, numbered.total)));
      continue;
    }
    const sameNumber = byNumber.get(entry.drawOrder) ?? [];
    if (sameNumber.length > 1) {
      const same = namesOf(sameNumber, entry);
      problems.push(at(entry.row, m.drawDuplicate(entry.drawOrder, same.names, same.total)));
    }
  }
  return problems;
}
