import fc from "fast-check";
import { rankCandidates } from "../../src/engine";
import { rank, top, type StandingColumns } from "../../src/functions/ranking";
import { thrown } from "./helpers";

interface Row {
  score: unknown;
  rate: unknown;
  draw?: unknown;
}

function columnsOf(rows: Row[]): StandingColumns {
  return {
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

/** The same columns as 1×N rows, as `TRANSPOSE(Kandidaten[Score])` passes them. */
function rowsOf(rows: Row[]): StandingColumns {
  return {
    scores: [rows.map((r) => r.score)],
    rates: [rows.map((r) => r.rate)],
    draws: [rows.map((r) => r.draw ?? null)],
  };
}

const ok = (score: number, rate: unknown, draw?: unknown): Row => ({
  score,
  rate,
  draw,
});

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

  test("rows without a score (knocked out, incomplete, empty) get an empty rank and Nee, and are not counted", () => {
    const rows: Row[] = [
      { score: "", rate: 80 },
      { score: { code: "#N/A" }, rate: 70 },
      { score: null, rate: null },
      { score: "", rate: "abc" },
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

  test("a score in a data type counts as its number", () => {
    const rows: Row[] = [{ score: { type: "Double", basicValue: 90 }, rate: 70 }, ok(80, 70)];
    expect(sheet(rows, 1)).toEqual([
      [1, "Ja"],
      [2, "Nee"],
    ]);
  });

  test("a changed cell changes the ranking: nothing is kept between calls", () => {
    const rows = [ok(80, 70), ok(90, 70)];
    expect(rank(rows[0], columnsOf(rows))).toBe(2);
    const changed = [ok(80, 70), ok(70, 70)];
    expect(rank(changed[0], columnsOf(changed))).toBe(1);
    expect(rank(rows[0], columnsOf(rows))).toBe(2);
  });

  test("error cells, text and empty cells in the Score column are no score and are not counted", () => {
    const rows: Row[] = [
      ok(80, 70),
      { score: { code: "#N/A", message: "G10" }, rate: 70 },
      { score: "90", rate: 70 },
      { score: null, rate: 70 },
    ];
    expect(rank(rows[0], structuredClone(columnsOf(rows)))).toBe(1);
    expect(top(rows[0], structuredClone(columnsOf(rows)), 1)).toBe("Ja");
  });

  test("a row with N higher scores is Nee for TOP before any rate is read", () => {
    const rows: Row[] = [ok(90, 70), ok(85, 70), ok(80, 70), { score: 80, rate: "duur" }];
    expect(top(rows[2], columnsOf(rows), 2)).toBe("Nee");
    expect(thrown(() => top(rows[2], columnsOf(rows), 3)).message).toMatch(
      /^Uurtarief \(kolom\), cel 4: /
    );
    expect(thrown(() => rank(rows[2], columnsOf(rows))).message).toMatch(/cel 4: .*dezelfde score/);
  });

  test("1×N rows (TRANSPOSE of the columns) rank as the columns do", () => {
    const rows = [ok(90, 70), ok(80, 70, 2), ok(80, 70, 1), ok(70, 60), { score: "", rate: 50 }];
    const asRows = rows.map((row) => [
      rank(row, structuredClone(rowsOf(rows))),
      top(row, structuredClone(rowsOf(rows)), 2),
    ]);
    expect(asRows).toEqual(sheet(rows, 2));
    expect(asRows[1]).toEqual([3, "Nee"]);
  });

  test("a changed rate or draw counts where it decides the place, and only there", () => {
    const rows = [ok(90, 70), ok(80, 70), ok(80, 72), ok(70, 60)];
    expect(sheet(rows, 10).map(([r]) => r)).toEqual([1, 2, 3, 4]);
    // Another score's rate cannot move these rows; the same score's rate can.
    const cheaper = [ok(90, 50), ok(80, 70), ok(80, 69), ok(70, 60)];
    expect(sheet(cheaper, 10).map(([r]) => r)).toEqual([1, 3, 2, 4]);
    const drawn = [ok(90, 50), ok(80, 70, 2), ok(80, 70, 1), ok(70, 60)];
    expect(sheet(drawn, 2)).toEqual([
      [1, "Ja"],
      [3, "Nee"],
      [2, "Ja"],
      [4, "Nee"],
    ]);
    expect(sheet([ok(90, 50), ok(80, 70, 1), ok(80, 70, 2), ok(70, 60)], 2)[1]).toEqual([2, "Ja"]);
  });

  test("an invalid rate at the same score is #VALUE! there, and does not matter to other scores", () => {
    const rows = [ok(90, 70), ok(80, 70), { score: 80, rate: "duur" }, ok(70, 60)];
    const results = rows.map((row) => {
      try {
        return rank(row, structuredClone(columnsOf(rows)));
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(results[0]).toBe(1);
    expect(results[1]).toMatch(/^Uurtarief \(kolom\), cel 3: .*dezelfde score/);
    expect(results[2]).toMatch(/^Uurtarief: /);
    expect(results[3]).toBe(4);
  });

  test("horizontal columns are accepted", () => {
    const columns = { scores: [[80, 90]], rates: [[70, 70]] };
    expect(rank(ok(80, 70), columns)).toBe(2);
  });

  test.each([
    [{ score: "tachtig", rate: 70 }, /Score 'tachtig' is geen getal/],
    [{ score: 80, rate: "" }, /^Uurtarief: /],
    [ok(85, 70), /Deze rij staat niet in de kolommen/],
    [ok(80, 71), /Deze rij staat niet in de kolommen/],
  ])("bad input in the own row is #VALUE! (%#)", (row, message) => {
    const rows = [ok(80, 70)];
    expect(thrown(() => rank(row, columnsOf(rows)))).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(message),
    });
  });

  test("columns of different lengths are #VALUE!", () => {
    const columns = { scores: [[80], [90]], rates: [[70]] };
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
          const cells: Row[] = rows.map((r) => ({
            score: r.eligible ? r.score : "",
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

  test("property: after a change anywhere, every row's answer is the engine's for the new columns", () => {
    const cell = fc.record({
      scored: fc.boolean(),
      score: fc.constantFrom(30, 50, 80, 100),
      rate: fc.constantFrom(60, 70, 75),
      draw: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    });
    type Cell = { scored: boolean; score: number; rate: number; draw?: number };
    const asRows = (cells: Cell[]): Row[] =>
      cells.map((c) => ({ score: c.scored ? c.score : "", rate: c.rate, draw: c.draw }));
    const engine = (cells: Cell[], topN: number) => {
      const ranking = rankCandidates(
        cells
          .map((c, i) => ({
            row: i + 1,
            name: `${i}`,
            score: c.score,
            rate: c.rate,
            drawOrder: c.draw ?? null,
          }))
          .filter((_, i) => cells[i].scored),
        topN
      );
      const byRow = new Map(ranking.places.map((p) => [p.row, p]));
      return cells.map((_, i) => {
        const place = byRow.get(i + 1);
        return [
          place ? place.rank : "",
          place?.top ? "Ja" : place?.needsDraw ? "Loting" : "Nee",
        ] as [number | "", string];
      });
    };
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(), cell), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 6 }),
        (before, changes, topN) => {
          expect(sheet(asRows(before), topN)).toEqual(engine(before, topN));
          const after = before.slice();
          for (const [at, value] of changes) after[at % after.length] = value;
          expect(sheet(asRows(after), topN)).toEqual(engine(after, topN));
        }
      ),
      { numRuns: 300 }
    );
  });
});
