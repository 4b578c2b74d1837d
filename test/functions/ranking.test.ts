import fc from "fast-check";
import { rankCandidates } from "../../src/engine";
import { clearRankingCache, rank, top, type StandingColumns } from "../../src/functions/ranking";
import { thrown } from "./helpers";

interface Row {
  knockout: unknown;
  score: unknown;
  rate: unknown;
  draw?: unknown;
}

function columnsOf(rows: Row[]): StandingColumns {
  return {
    knockouts: rows.map((r) => [r.knockout]),
    scores: rows.map((r) => [r.score]),
    rates: rows.map((r) => [r.rate]),
    draws: rows.map((r) => [r.draw ?? null]),
  };
}

/** Every row's RANK and TOP as Excel computes them: each call with its own copy of the columns. */
function sheet(rows: Row[], topN: number): Array<[number | "", string]> {
  return rows.map((row) => [
    rank(row, structuredClone(columnsOf(rows))),
    top(row, structuredClone(columnsOf(rows)), topN),
  ]);
}

const ok = (score: number, rate: unknown, draw?: unknown): Row => ({
  knockout: "OK",
  score,
  rate,
  draw,
});

beforeEach(clearRankingCache);

describe("FLEX.RANK and FLEX.TOP", () => {
  test("score high to low, then the lower rate", () => {
    const rows = [ok(80, 70), ok(90, 75), ok(80, 65), ok(100, 74.99)];
    expect(sheet(rows, 10)).toEqual([
      [4, "Ja"],
      [2, "Ja"],
      [3, "Ja"],
      [1, "Ja"],
    ]);
  });

  test("equal score and rate share a rank (1, 2, 2, 4)", () => {
    const rows = [ok(90, 70), ok(80, 70), ok(80, "€ 70,00"), ok(70, 60)];
    expect(sheet(rows, 10).map(([r]) => r)).toEqual([1, 2, 2, 4]);
  });

  test("a tie straddling place N needs a draw; the top holds only who is certainly in", () => {
    const rows = [ok(90, 70), ok(80, 70), ok(80, 70), ok(70, 60)];
    expect(sheet(rows, 2)).toEqual([
      [1, "Ja"],
      [2, "Loting"],
      [2, "Loting"],
      [4, "Nee"],
    ]);
  });

  test("a complete draw order settles the tie", () => {
    const rows = [ok(90, 70), ok(80, 70, 2), ok(80, 70, 1), ok(70, 60)];
    expect(sheet(rows, 2)).toEqual([
      [1, "Ja"],
      [3, "Nee"],
      [2, "Ja"],
      [4, "Nee"],
    ]);
  });

  test("a partial draw order does not settle it", () => {
    const rows = [ok(90, 70), ok(80, 70, 1), ok(80, 70), ok(70, 60)];
    expect(sheet(rows, 2).map(([, t]) => t)).toEqual(["Ja", "Loting", "Loting", "Nee"]);
  });

  test("rows that are not eligible get an empty rank and Nee, and are not counted", () => {
    const rows: Row[] = [
      { knockout: "K8", score: 100, rate: 80 },
      { knockout: { code: "#N/A" }, score: "", rate: 70 },
      { knockout: "OK", score: { code: "#N/A" }, rate: 70 },
      { knockout: "OK", score: "", rate: 70 },
      ok(50, 70),
    ];
    expect(sheet(rows, 10)).toEqual([
      ["", "Nee"],
      ["", "Nee"],
      ["", "Nee"],
      ["", "Nee"],
      [1, "Ja"],
    ]);
  });

  test("an empty row gives empty results", () => {
    const rows: Row[] = [ok(50, 70), { knockout: "", score: "", rate: null }];
    expect(sheet(rows, 10)[1]).toEqual(["", ""]);
  });

  test("a changed cell changes the ranking (the cache compares content)", () => {
    const rows = [ok(80, 70), ok(90, 70)];
    expect(rank(rows[0], columnsOf(rows))).toBe(2);
    const changed = [ok(80, 70), ok(70, 70)];
    expect(rank(changed[0], columnsOf(changed))).toBe(1);
    expect(rank(rows[0], columnsOf(rows))).toBe(1 + 1);
  });

  test("error cells in the columns compare by content, so fresh copies still hit the cache", () => {
    const rows: Row[] = [
      ok(80, 70),
      { knockout: { code: "#N/A", message: "K5" }, score: "", rate: 70 },
    ];
    expect(rank(rows[0], structuredClone(columnsOf(rows)))).toBe(1);
    expect(rank(rows[0], structuredClone(columnsOf(rows)))).toBe(1);
  });

  test("horizontal columns are accepted", () => {
    const columns = { knockouts: [["OK", "OK"]], scores: [[80, 90]], rates: [[70, 70]] };
    expect(rank(ok(80, 70), columns)).toBe(2);
  });

  test.each([
    [
      { knockout: "misschien", score: 80, rate: 70 },
      /Knock-out 'misschien' is geen uitkomst van FLEX.KNOCKOUT/,
    ],
    [{ knockout: "OK", score: "tachtig", rate: 70 }, /Score 'tachtig' is geen getal/],
    [ok(85, 70), /Deze rij staat niet in de kolommen/],
  ])("bad input in the own row is #VALUE! (%#)", (row, message) => {
    const rows = [ok(80, 70)];
    expect(thrown(() => rank(row, columnsOf(rows)))).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(message),
    });
  });

  test("columns of different lengths are #VALUE!", () => {
    const columns = { knockouts: [["OK"], ["OK"]], scores: [[80]], rates: [[70], [70]] };
    expect(thrown(() => rank(ok(80, 70), columns)).message).toMatch(
      /moeten even veel cellen hebben/
    );
  });

  test("top N must be a whole number of 1 or more", () => {
    const rows = [ok(80, 70)];
    expect(thrown(() => top(rows[0], columnsOf(rows), 0)).message).toBe(
      "Top N moet een heel getal van 1 of meer zijn."
    );
  });

  test("property: every row's RANK and TOP equal the engine's rankCandidates", () => {
    const row = fc.record({
      eligible: fc.boolean(),
      score: fc.constantFrom(0, 20, 30, 50, 70, 80, 100),
      rate: fc.constantFrom(60, 70, 74.99, 75),
      draw: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 25 }),
        fc.integer({ min: 1, max: 10 }),
        (rows, topN) => {
          clearRankingCache();
          const cells: Row[] = rows.map((r) => ({
            knockout: r.eligible ? "OK" : "K3",
            score: r.score,
            rate: r.rate,
            draw: r.draw,
          }));
          const engine = rankCandidates(
            rows
              .map((r, i) => ({
                row: i + 1,
                name: `${i}`,
                score: r.score,
                rate: r.rate,
                drawOrder: r.draw ?? null,
              }))
              .filter((_, i) => rows[i].eligible),
            topN
          );
          const byRow = new Map(engine.places.map((p) => [p.row, p]));
          sheet(cells, topN).forEach(([r, t], i) => {
            const place = byRow.get(i + 1);
            expect(r).toBe(place ? place.rank : "");
            expect(t).toBe(place?.top ? "Ja" : place?.needsDraw ? "Loting" : "Nee");
          });
        }
      ),
      { numRuns: 200 }
    );
  });
});
