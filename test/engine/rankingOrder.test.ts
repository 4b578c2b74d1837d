/**
 * The tie-break written once (src/engine/tieBreak.ts) and the speed-ups beside the
 * ranking: the counting-sort order (src/engine/standingOrder.ts) is the comparator
 * order of the tie-break, and a tied place is the same object whether its `tiedWith`
 * is built at once or on first read (src/engine/tiedRows.ts).
 */
import fc from "fast-check";
import {
  byDraw,
  byStanding,
  drawSettles,
  evaluate,
  rankCandidates,
  request17040,
  sameStanding,
  type RankEntry,
} from "../../src/engine";
import { standingOrder } from "../../src/engine/standingOrder";
import { row, valuesForScore } from "./helpers";

describe("the tie-break", () => {
  test.each<[{ score: number; rate: number }, { score: number; rate: number }, "a" | "b" | "tie"]>([
    [{ score: 90, rate: 75 }, { score: 80, rate: 60 }, "a"], // the higher score, whatever the rate
    [{ score: 80, rate: 60 }, { score: 80, rate: 70 }, "a"], // equal score: the lower rate
    [{ score: 80, rate: 70.01 }, { score: 80, rate: 70 }, "b"],
    [{ score: 80, rate: 70 }, { score: 80, rate: 70 }, "tie"],
  ])("%j against %j: %s ahead", (a, b, ahead) => {
    const order = byStanding(a, b);
    expect(Math.sign(order)).toBe(ahead === "a" ? -1 : ahead === "b" ? 1 : 0);
    expect(Math.sign(byStanding(b, a))).toBe(-Math.sign(order) || 0);
    expect(sameStanding(a, b)).toBe(ahead === "tie");
  });

  test.each<[Array<number | null>, boolean]>([
    [[2, 1, 3], true],
    [[1], true],
    [[1, null], false],
    [[null, null], false],
    [[1, 1], false],
    [[2, 1, 2], false],
  ])("a draw %j settles the tie: %s", (draws, settles) => {
    expect(drawSettles(draws)).toBe(settles);
  });

  test("within a settled tie the lower number goes first", () => {
    expect([3, 1, 2].sort(byDraw)).toEqual([1, 2, 3]);
  });
});

describe("the counting-sort order is the comparator order", () => {
  /** The order written plainly: stable sorts by row and then by standing. */
  function plainOrder(entries: RankEntry[]): number[] {
    return entries
      .map((_, i) => i)
      .sort((a, b) => entries[a].row - entries[b].row)
      .sort((a, b) => byStanding(entries[a], entries[b]));
  }

  const number = fc.oneof(
    fc.constantFrom(0, -0, 50, 70, 70.5, 80, 100, Infinity, -Infinity),
    fc.integer({ min: 0, max: 5 }).map((k) => 60 + k * 2.5)
  );
  const entry = (withNaN: boolean) =>
    fc.record({
      row: fc.integer({ min: 2, max: 30 }),
      name: fc.constant("x"),
      score: withNaN ? fc.oneof(number, fc.constant(NaN)) : number,
      rate: number,
      drawOrder: fc.constant(null),
    });

  test.each([false, true])("for any entries (NaN among them: %s)", (withNaN) => {
    fc.assert(
      fc.property(fc.array(entry(withNaN), { maxLength: 40 }), (entries) => {
        const { order, standing } = standingOrder(entries);
        if (!withNaN || !entries.some((e) => Number.isNaN(e.score))) {
          expect(Array.from(order)).toEqual(plainOrder(entries));
        }
        // The key per entry is equal exactly when the standing is.
        if (standing) {
          for (let i = 0; i < entries.length; i++)
            for (let j = 0; j < entries.length; j++)
              expect(standing[i] === standing[j]).toBe(sameStanding(entries[i], entries[j]));
        } else expect(entries.some((e) => Number.isNaN(e.score))).toBe(true);
      }),
      { numRuns: 200 }
    );
  });
});

describe("a tied place is the same whether its list is built at once or on first read", () => {
  /** `count` entries tied on score 80 and rate 70. */
  const tied = (count: number): RankEntry[] =>
    Array.from({ length: count }, (_, i) => ({
      row: i + 2,
      name: `Kandidaat ${i + 2}`,
      score: 80,
      rate: 70,
      drawOrder: null,
    }));

  test("rankCandidates: the same fields, in the same order, small tie and large", () => {
    const small = rankCandidates(tied(3), 1000).places[0];
    const large = rankCandidates(tied(100), 1000).places[0];
    expect(Object.keys(large)).toEqual(Object.keys(small));
    expect(large.tiedWith).toHaveLength(99);
    expect(JSON.parse(JSON.stringify(large))).toEqual({ ...small, tiedWith: large.tiedWith });
    expect(small.tiedWith).toEqual([3, 4]);
  });

  test("evaluate: the verdict has the same fields in a small tie and a large one", () => {
    const rows = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        row({
          row: i + 2,
          name: `Kandidaat ${i + 2}`,
          rate: 70,
          values: { ...valuesForScore(80), K7: 1_000_000 },
        })
      );
    const small = evaluate(request17040, rows(3)).candidates[0];
    const large = evaluate(request17040, rows(100)).candidates[0];
    expect(Object.keys(large).sort()).toEqual(Object.keys(small).sort());
    expect(large.tiedWith).toEqual(Array.from({ length: 99 }, (_, i) => i + 3));
  });
});
