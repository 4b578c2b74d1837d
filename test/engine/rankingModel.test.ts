/**
 * rankCandidates against a model written the plain way (one comparator sort, then
 * the README's ranking rules for request 17040 group by group: "Bij een gelijke score is het
 * uurtarief doorslaggevend."), for any entries: rows in any order
 * and repeated, 0 and -0, infinities, partial and duplicate draws, any top N.
 * The engine keys and counting-sorts instead of comparing; this pins that it
 * ranks exactly as the rules say.
 */
import fc from "fast-check";
import { rankCandidates, type RankEntry, type RankPlace } from "../../src/engine";

/** The model gives the same places as the engine's type describes. */
type ModelPlace = RankPlace;

/** The ranking rules, written for clarity rather than speed. */
function model(entries: RankEntry[], topN: number) {
  const n = Number.isFinite(topN) ? Math.max(0, Math.floor(topN)) : 0;
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        b.entry.score - a.entry.score ||
        a.entry.rate - b.entry.rate ||
        a.entry.row - b.entry.row ||
        a.index - b.index
    )
    .map(({ entry }) => entry);
  const places: ModelPlace[] = [];
  const problemRows: number[] = [];
  let cutoffScore: number | null = null;
  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (
      end < sorted.length &&
      sorted[end].score === sorted[start].score &&
      sorted[end].rate === sorted[start].rate
    )
      end++;
    const group = sorted.slice(start, end);
    const tie = group.length > 1;
    const draws = group.map((e) => e.drawOrder);
    const resolved = tie && draws.every((d) => d !== null) && new Set(draws).size === group.length;
    if (tie && !resolved && draws.some((d) => d !== null)) {
      for (const e of group) {
        const shared = group.filter((o) => o.drawOrder === e.drawOrder).length > 1;
        if (e.drawOrder === null || shared) problemRows.push(e.row);
      }
    }
    const ordered = resolved
      ? group.slice().sort((a, b) => (a.drawOrder as number) - (b.drawOrder as number))
      : group;
    const straddles = tie && !resolved && start < n && end > n;
    ordered.forEach((entry, i) => {
      const position = start + i;
      const settled = resolved || !tie;
      const top = settled ? position < n : end <= n;
      if (top) cutoffScore = entry.score;
      const others = group.map((e) => e.row);
      others.splice(others.indexOf(entry.row), 1);
      places.push({
        row: entry.row,
        rank: settled ? position + 1 : start + 1,
        top,
        tie,
        needsDraw: straddles,
        drawn: resolved,
        contested: straddles ? { from: start + 1, to: n } : null,
        tiedWith: tie ? others : [],
      });
    });
    start = end;
  }
  const placeNScore = n >= 1 && sorted.length >= n ? sorted[n - 1].score : null;
  return { places, cutoffScore, placeNScore, problemRows };
}

function ranked(entries: RankEntry[], topN: number) {
  const ranking = rankCandidates(entries, topN);
  return {
    places: ranking.places.map((p) => ({ ...p, tiedWith: [...p.tiedWith] })),
    cutoffScore: ranking.cutoffScore,
    placeNScore: ranking.placeNScore,
    problemRows: ranking.problems.map((p) => p.row),
  };
}

const entryArb = (scores: number[], rates: number[], rows: number) =>
  fc.record({
    row: fc.integer({ min: 2, max: rows }),
    name: fc.constant("K"),
    score: fc.constantFrom(...scores),
    rate: fc.constantFrom(...rates),
    drawOrder: fc.oneof(
      { arbitrary: fc.constant(null), weight: 4 },
      { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 }
    ),
  });

const topNArb = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.constantFrom(-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY)
);

describe("rankCandidates ranks as the plain model does", () => {
  test("small pools: many ties, draws, repeated rows, 0 and -0, infinities", () => {
    const entries = fc.array(
      entryArb(
        [100, 80, 80, 50, 0, -0, Number.POSITIVE_INFINITY, -1e308],
        [70, 70, 72.5, 65.01, 0.1 + 0.2, 0.3, Number.POSITIVE_INFINITY],
        60
      ),
      { maxLength: 40 }
    );
    fc.assert(
      fc.property(entries, topNArb, (list, topN) => {
        expect(ranked(list, topN)).toEqual(model(list, topN));
      }),
      { numRuns: 400 }
    );
  });

  test("large groups, whose lists are built on first read", () => {
    const entries = fc.array(entryArb([80, 50], [70, 72.5], 400), {
      minLength: 60,
      maxLength: 160,
    });
    fc.assert(
      fc.property(entries, topNArb, (list, topN) => {
        expect(ranked(list, topN)).toEqual(model(list, topN));
      }),
      { numRuns: 60 }
    );
  });

  test("the order the entries come in changes nothing", () => {
    const entries = fc.array(entryArb([100, 80, 50], [70, 72.5, 75], 1000), { maxLength: 60 });
    fc.assert(
      fc.property(
        entries.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))
        ),
        topNArb,
        ([list, shuffled], topN) => {
          // Rows unique here: with a repeated row the input order is the last tie-break.
          const unique = [...new Map(list.map((e) => [e.row, e])).values()];
          const again = shuffled.filter((e) => unique.includes(e));
          expect(ranked(again, topN)).toEqual(ranked(unique, topN));
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("standing is equality of score and rate, nothing looser", () => {
  test("0 and -0 are one score; 0.1 + 0.2 and 0.3 are two rates", () => {
    const places = rankCandidates(
      [
        { row: 2, name: "A", score: 0, rate: 0.3, drawOrder: null },
        { row: 3, name: "B", score: -0, rate: 0.3, drawOrder: null },
        { row: 4, name: "C", score: 0, rate: 0.1 + 0.2, drawOrder: null },
      ],
      10
    ).places;
    expect(places.map((p) => [p.row, p.rank, p.tie])).toEqual([
      [2, 1, true],
      [3, 1, true],
      [4, 3, false],
    ]);
  });

  test("rows out of order: equal standing still goes by row", () => {
    const places = rankCandidates(
      [
        { row: 5, name: "A", score: 80, rate: 70, drawOrder: null },
        { row: 2, name: "B", score: 90, rate: 72, drawOrder: null },
        { row: 3, name: "C", score: 80, rate: 70, drawOrder: null },
        { row: 4, name: "D", score: 80, rate: 65, drawOrder: null },
      ],
      2
    ).places;
    expect(places.map((p) => [p.row, p.rank, p.top, p.needsDraw])).toEqual([
      [2, 1, true, false],
      [4, 2, true, false],
      [3, 3, false, false],
      [5, 3, false, false],
    ]);
  });
});
