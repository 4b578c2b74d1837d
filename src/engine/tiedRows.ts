/**
 * The `tiedWith` rows of a ranked candidate: every other row of its tie group.
 * Each member of a group of g needs its own list of g − 1 rows, which is g² rows
 * in all: nothing for ties of a few, gigabytes for a group of thousands (10,000
 * candidates on 7 scores and a handful of rates). Small groups get their list
 * at once; in a large group the members share the group's rows and a member's
 * own list is built the first time something reads it.
 *
 * A speed-up beside the rules of src/engine/ranking.ts and src/engine/evaluate.ts:
 * neither rule depends on when a list is built. The measure is rankCandidates
 * beside a plain sort, `npm run bench:engine` (the README's Performance table).
 */
import type { RankPlace } from "./ranking";

/** Up to this group size every member's list is built at once, as plain data. */
const EAGER_GROUP_SIZE = 32;

/** The group of each object whose list is built on first read. */
const groupOf = new WeakMap<object, readonly number[]>();

/**
 * Sets `target.tiedWith` to the rows of `group` other than `target.row`; to `[]`
 * when `group` is null (no tie). `group` holds every member's row (the
 * target's too), in the order the list should have, and must not change afterwards.
 *
 * @example
 * withTiedWith({ row: 3 }, [2, 3, 5]).tiedWith; // [2, 5]
 */
export function withTiedWith<T extends { row: number }>(
  target: T,
  group: readonly number[] | null
): T & { tiedWith: number[] } {
  const result = target as T & { tiedWith: number[] };
  if (group === null) result.tiedWith = [];
  else if (group.length <= EAGER_GROUP_SIZE) result.tiedWith = otherRows(group, target.row);
  else {
    // One shared accessor keeps every such object on one hidden class (fast properties);
    // the group is kept beside the object rather than in a second property, which would
    // cost another defineProperty per member.
    groupOf.set(target, group);
    Object.defineProperty(target, "tiedWith", lazyTiedWith);
  }
  return result;
}

/**
 * The `tiedWith` list to store as plain data, or null when the group is so
 * large that {@link withTiedWith} must build it on first read. Lets a caller put
 * the list in its object literal: adding a property afterwards costs more than
 * making the object.
 *
 * @example
 * eagerTiedWith([2, 3, 5], 3); // [2, 5]
 * eagerTiedWith(null, 3); // []
 */
export function eagerTiedWith(group: readonly number[] | null, row: number): number[] | null {
  if (group === null) return [];
  return group.length <= EAGER_GROUP_SIZE ? otherRows(group, row) : null;
}

/** The group without one occurrence of `row`; as `group.filter(other => other !== entry)` by entry. */
function otherRows(group: readonly number[], row: number): number[] {
  const others: number[] = [];
  let skipped = false;
  for (const other of group) {
    if (!skipped && other === row) skipped = true;
    else others.push(other);
  }
  return others;
}

/**
 * The place of a member of a tie (`tie: true`), its `tiedWith` built as
 * {@link withTiedWith} does; `group` holds every member's row. Two literals on
 * purpose, as in evaluate's resultOf: a property added to a literal afterwards
 * costs more than making the object with it, and one literal whose `tiedWith` is
 * later redefined as the accessor took rankCandidates from 1.5× to 2.8× a plain
 * sort at 100,000 (`npm run bench:engine`). `satisfies` keeps the two literals to
 * the same fields.
 *
 * @example
 * tiedPlace(3, 2, true, false, false, null, [2, 3]).tiedWith; // [2]
 */
export function tiedPlace(
  row: number,
  rank: number,
  top: boolean,
  needsDraw: boolean,
  drawn: boolean,
  contested: RankPlace["contested"],
  group: readonly number[]
): RankPlace {
  const tiedWith = eagerTiedWith(group, row);
  if (tiedWith) {
    return {
      row,
      rank,
      top,
      tie: true,
      needsDraw,
      drawn,
      contested,
      tiedWith,
    } satisfies Required<RankPlace>;
  }
  const lazy = {
    row,
    rank,
    top,
    tie: true,
    needsDraw,
    drawn,
    contested,
  } satisfies Required<Omit<RankPlace, "tiedWith">>;
  return withTiedWith(lazy, group);
}

/** Replaces the accessor with a plain property, so each list is built once. */
function settle(target: object, value: number[]): void {
  Object.defineProperty(target, "tiedWith", {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

const lazyTiedWith: PropertyDescriptor = {
  get(this: { row: number }): number[] {
    const value = otherRows(groupOf.get(this) ?? [], this.row);
    settle(this, value);
    return value;
  },
  set(this: object, value: number[]) {
    settle(this, value);
  },
  enumerable: true,
  configurable: true,
};
