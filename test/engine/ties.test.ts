/** Large ties: reason lines and draw messages stay one readable line, and `tiedWith` lists the other rows. */
import {
  evaluate,
  joinNames,
  rankCandidates,
  request17040,
  type CandidateInput,
  type CellValue,
} from "../../src/engine";
import { row, valuesForScore } from "./helpers";

/** `count` candidates with score 80 and rate 70 on rows 2, 3, …, named "Kandidaat <row>". */
function tiedRows(count: number, drawOrder?: (index: number) => CellValue): CandidateInput[] {
  return Array.from({ length: count }, (_, i) =>
    row({
      row: i + 2,
      name: `Kandidaat ${i + 2}`,
      rate: 70,
      drawOrder: drawOrder?.(i),
      values: { ...valuesForScore(80), K7: 1_000_000 },
    })
  );
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("joinNames caps a list of names", () => {
  test.each<[string[], number | undefined, string]>([
    [[], undefined, ""],
    [["Ans"], undefined, "Ans"],
    [["Ans", "Bram"], undefined, "Ans en Bram"],
    [["Ans", "Bram", "Cor", "Daan"], undefined, "Ans, Bram, Cor en Daan"],
    [["Ans", "Bram", "Cor", "Daan", "Eva"], undefined, "Ans, Bram, Cor en 2 anderen"],
    [["Ans", "Bram", "Cor"], 118, "Ans, Bram, Cor en 115 anderen"],
    [["Ans", "Bram", "Cor", "Daan"], 4, "Ans, Bram, Cor en Daan"],
    [["Ans", "Bram", "Cor", "Daan"], 5, "Ans, Bram, Cor en 2 anderen"],
  ])("%j of %s", (names, total, expected) => {
    expect(joinNames(names, total)).toBe(expected);
  });
});

describe("a reason line names at most three tied candidates", () => {
  test("119 others: three names and 'en 116 anderen'", () => {
    const evaluation = evaluate({ ...request17040, topN: 10 }, tiedRows(120));
    const first = evaluation.candidates[0];
    expect(first.reason).toBe(
      "Score 80 van 100, rang 1 — gelijk met Kandidaat 3, Kandidaat 4, Kandidaat 5 en 116 anderen " +
        "(zelfde score en uurtarief), loting nodig voor plaats 1 t/m 10"
    );
    const longest = Math.max(...evaluation.candidates.map((c) => c.reason.length));
    expect(longest).toBeLessThan(160);
  });

  test("the names are the first others by row, whoever reads them", () => {
    const evaluation = evaluate({ ...request17040, topN: 10 }, tiedRows(120).reverse());
    const reasonOf = (row: number) => evaluation.candidates.find((c) => c.row === row)?.reason;
    const names = (line: string | undefined) => line?.split(" (zelfde")[0].split("gelijk met ")[1];
    expect(names(reasonOf(4))).toBe("Kandidaat 2, Kandidaat 3, Kandidaat 5 en 116 anderen");
    expect(names(reasonOf(6))).toBe("Kandidaat 2, Kandidaat 3, Kandidaat 4 en 116 anderen");
    expect(names(reasonOf(121))).toBe("Kandidaat 2, Kandidaat 3, Kandidaat 4 en 116 anderen");
  });

  test("four others are all named", () => {
    const evaluation = evaluate(request17040, tiedRows(5));
    expect(evaluation.candidates[4].reason).toBe(
      "Score 80 van 100, rang 1 — gelijk met Kandidaat 2, Kandidaat 3, Kandidaat 4 en Kandidaat 5 " +
        "(zelfde score en uurtarief), in de top 10"
    );
  });
});

describe("draw messages name at most three candidates", () => {
  test("a missing draw number among 40 numbered", () => {
    const evaluation = evaluate(
      { ...request17040, topN: 10 },
      tiedRows(41, (i) => (i === 0 ? null : i))
    );
    const message = evaluation.problems.find((p) => p.row === 2 && p.field === "drawOrder");
    expect(message?.message).toBe(
      "Loting ontbreekt voor deze kandidaat, terwijl Kandidaat 3, Kandidaat 4, Kandidaat 5 en 37 anderen " +
        "met dezelfde score en hetzelfde uurtarief wel een lotnummer hebben. " +
        "Vul voor iedereen in de gelijke stand een lotnummer in."
    );
  });

  test("one draw number given to six candidates", () => {
    const evaluation = evaluate(
      { ...request17040, topN: 10 },
      tiedRows(8, (i) => (i < 6 ? 1 : i))
    );
    const message = evaluation.problems.find((p) => p.row === 2 && p.field === "drawOrder");
    expect(message?.message).toBe(
      "Lotnummer 1 is ook gegeven aan Kandidaat 3, Kandidaat 4, Kandidaat 5 en 2 anderen. " +
        "Geef ieder in de gelijke stand een eigen lotnummer."
    );
  });
});

describe("tiedWith lists the rows of the other eligible candidates with the same score and rate", () => {
  test("a small tie, a lone candidate and a knocked-out candidate", () => {
    const inputs = [
      row({ row: 2, name: "Ans", rate: 70, values: valuesForScore(80) }),
      row({ row: 3, name: "Bram", rate: 72, values: valuesForScore(80) }),
      row({ row: 4, name: "Cor", rate: 70, values: valuesForScore(80) }),
      row({ row: 5, name: "Dirk", rate: 80, values: valuesForScore(80) }),
      row({ row: 6, name: "Eva", rate: 70, values: valuesForScore(80) }),
    ];
    const evaluation = evaluate(request17040, inputs);
    expect(evaluation.candidates.map((c) => [c.name, c.tiedWith])).toEqual([
      ["Ans", [4, 6]],
      ["Bram", []],
      ["Cor", [2, 6]],
      ["Dirk", []], // knocked out on K8
      ["Eva", [2, 4]],
    ]);
  });

  test("the same rows whatever the input order", () => {
    const inputs = tiedRows(6).reverse();
    const evaluation = evaluate(request17040, inputs);
    const byRow = new Map(evaluation.candidates.map((c) => [c.row, c.tiedWith]));
    expect(byRow.get(4)).toEqual([2, 3, 5, 6, 7]);
  });

  test.each([33, 120])(
    "a tie of %i: every list complete, plain data to copy and change",
    (count) => {
      const evaluation = evaluate(request17040, tiedRows(count));
      const rows = range(2, count + 1);
      for (const candidate of evaluation.candidates) {
        expect(candidate.tiedWith).toEqual(rows.filter((r) => r !== candidate.row));
      }
      const first = evaluation.candidates[0];
      expect(Object.keys(first)).toContain("tiedWith");
      expect({ ...first }.tiedWith).toHaveLength(count - 1);
      expect(JSON.parse(JSON.stringify(first)).tiedWith).toEqual(range(3, count + 1));
      expect(structuredClone(evaluation.candidates[1]).tiedWith).toHaveLength(count - 1);
      first.tiedWith = [99];
      expect(first.tiedWith).toEqual([99]);
    }
  );

  test("rankCandidates gives the same lists, by row", () => {
    const entries = [7, 3, 5, ...range(10, 50)].map((r) => ({
      row: r,
      name: `K${r}`,
      score: 80,
      rate: 70,
      drawOrder: null,
    }));
    const places = rankCandidates(entries, 10).places;
    const all = [3, 5, 7, ...range(10, 50)];
    expect(places.map((p) => p.row)).toEqual(all);
    for (const place of places) expect(place.tiedWith).toEqual(all.filter((r) => r !== place.row));
  });
});
