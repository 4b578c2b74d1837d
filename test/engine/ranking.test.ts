/** Ranking, ties and the top N: the three tie situations and the rate tie-break. */
import { evaluate, rankCandidates, request17040, type CellValue } from "../../src/engine";
import { row, valuesForScore } from "./helpers";

type Spec = [name: string, score: 0 | 20 | 30 | 50 | 70 | 80 | 100, rate: number, draw?: CellValue];

function run(specs: Spec[], topN: number) {
  const inputs = specs.map(([name, score, rate, draw], i) =>
    row({
      row: i + 2,
      name,
      rate,
      drawOrder: draw,
      values: { ...valuesForScore(score), K7: 1_000_000 },
    })
  );
  const evaluation = evaluate({ ...request17040, topN }, inputs);
  const by = (name: string) => evaluation.candidates.find((c) => c.name === name)!;
  const table = (names: string[]) =>
    names.map((n) => {
      const c = by(n);
      return [n, c.rank, c.top, c.tie, c.needsDraw, c.drawn];
    });
  return { evaluation, by, table };
}

describe("a tie inside the top only shares a rank", () => {
  const { evaluation, by, table } = run(
    [
      ["Ans", 100, 70],
      ["Bram", 80, 70],
      ["Cor", 80, 70],
      ["Dirk", 50, 70],
    ],
    10
  );
  test("competition ranks 1, 2, 2, 4; all in the top", () => {
    expect(table(["Ans", "Bram", "Cor", "Dirk"])).toEqual([
      ["Ans", 1, true, false, false, false],
      ["Bram", 2, true, true, false, false],
      ["Cor", 2, true, true, false, false],
      ["Dirk", 4, true, false, false, false],
    ]);
  });
  test("the reason names the other", () => {
    expect(by("Bram").reason).toBe(
      "Score 80 van 100, rang 2 — gelijk met Cor (zelfde score en uurtarief), in de top 10"
    );
    expect(by("Ans").reason).toBe("Score 100 van 100, rang 1 — in de top 10");
  });
  test("no problem for a tie without a draw", () => expect(evaluation.problems).toEqual([]));
});

describe("a tie straddling place N needs a draw", () => {
  const { evaluation, by, table } = run(
    [
      ["Ans", 100, 70],
      ["Bram", 80, 70],
      ["Cor", 70, 70],
      ["Dirk", 70, 70],
      ["Eva", 70, 70],
      ["Fien", 50, 60],
    ],
    3
  );
  test("the tied group is needsDraw, not top; the top holds only the unambiguous ones", () => {
    expect(table(["Ans", "Bram", "Cor", "Dirk", "Eva", "Fien"])).toEqual([
      ["Ans", 1, true, false, false, false],
      ["Bram", 2, true, false, false, false],
      ["Cor", 3, false, true, true, false],
      ["Dirk", 3, false, true, true, false],
      ["Eva", 3, false, true, true, false],
      ["Fien", 6, false, false, false, false],
    ]);
    expect(evaluation.summary).toMatchObject({ top: 2, needsDraw: 3, cutoffScore: 80 });
  });
  test("the reasons say so", () => {
    expect(by("Cor").reason).toBe(
      "Score 70 van 100, rang 3 — gelijk met Dirk en Eva (zelfde score en uurtarief), loting nodig voor plaats 3"
    );
    expect(by("Fien").reason).toBe(
      "Score 50 van 100, rang 6 — buiten de top 3 (plaats 3 heeft 70 punten)"
    );
  });
  test("with two places open the draw is for both", () => {
    const { by: by2 } = run(
      [
        ["Ans", 100, 70],
        ["Cor", 70, 70],
        ["Dirk", 70, 70],
        ["Eva", 70, 70],
      ],
      3
    );
    expect(by2("Cor").reason).toContain("loting nodig voor plaats 2 t/m 3");
  });
  test("a group that exactly fills the top is in", () => {
    const { table: t } = run(
      [
        ["Ans", 100, 70],
        ["Cor", 70, 70],
        ["Dirk", 70, 70],
        ["Eva", 50, 70],
      ],
      3
    );
    expect(t(["Cor", "Dirk", "Eva"])).toEqual([
      ["Cor", 2, true, true, false, false],
      ["Dirk", 2, true, true, false, false],
      ["Eva", 4, false, false, false, false],
    ]);
  });
  test("a tie wholly below place N needs no draw", () => {
    const { table: t, by: b } = run(
      [
        ["Ans", 100, 70],
        ["Bram", 80, 70],
        ["Cor", 50, 70],
        ["Dirk", 50, 70],
      ],
      2
    );
    expect(t(["Cor", "Dirk"])).toEqual([
      ["Cor", 3, false, true, false, false],
      ["Dirk", 3, false, true, false, false],
    ]);
    expect(b("Cor").reason).toContain("buiten de top 2 (plaats 2 heeft 80 punten)");
  });
});

describe("a tie resolved by a recorded draw", () => {
  const { evaluation, by, table } = run(
    [
      ["Ans", 100, 70],
      ["Bram", 80, 70],
      ["Cor", 70, 70, 2],
      ["Dirk", 70, 70, "3"],
      ["Eva", 70, 70, 1],
    ],
    3
  );
  test("distinct ranks in draw order, drawn, only the first in", () => {
    expect(table(["Eva", "Cor", "Dirk"])).toEqual([
      ["Eva", 3, true, true, false, true],
      ["Cor", 4, false, true, false, true],
      ["Dirk", 5, false, true, false, true],
    ]);
    expect(evaluation.ranking).toEqual([2, 3, 6, 4, 5]);
    expect(evaluation.summary.needsDraw).toBe(0);
  });
  test("the reason mentions the draw", () => {
    expect(by("Eva").reason).toBe(
      "Score 70 van 100, rang 3 — gelijk met Cor en Dirk (zelfde score en uurtarief), volgorde bepaald door loting, in de top 3"
    );
  });
});

describe("an incomplete draw leaves the tie standing", () => {
  test("partial draw numbers: still needsDraw, a problem at drawOrder for the one without", () => {
    const { evaluation, table } = run(
      [
        ["Ans", 100, 70],
        ["Cor", 70, 70, 1],
        ["Dirk", 70, 70],
      ],
      1 + 1
    );
    expect(table(["Cor", "Dirk"])).toEqual([
      ["Cor", 2, false, true, true, false],
      ["Dirk", 2, false, true, true, false],
    ]);
    expect(evaluation.problems).toEqual([
      expect.objectContaining({
        row: 4,
        field: "drawOrder",
        message:
          "Loting ontbreekt voor deze kandidaat, terwijl Cor met dezelfde score en hetzelfde " +
          "uurtarief wel een lotnummer heeft. Vul voor iedereen in de gelijke stand een lotnummer in.",
      }),
    ]);
  });
  test("duplicate draw numbers: still needsDraw, a problem at each", () => {
    const { evaluation, by } = run(
      [
        ["Ans", 100, 70],
        ["Cor", 70, 70, 1],
        ["Dirk", 70, 70, 1],
      ],
      2
    );
    expect(by("Cor").needsDraw).toBe(true);
    expect(evaluation.problems.map((p) => [p.row, p.field])).toEqual([
      [3, "drawOrder"],
      [4, "drawOrder"],
    ]);
    expect(evaluation.problems[0].message).toContain("Lotnummer 1 is ook gegeven aan Dirk");
  });
  test("an unreadable draw number is a problem and no number", () => {
    const { evaluation, by } = run(
      [
        ["Ans", 100, 70],
        ["Cor", 70, 70, "eerste"],
        ["Dirk", 70, 70, 2],
      ],
      2
    );
    expect(by("Cor").drawn).toBe(false);
    expect(evaluation.problems.map((p) => [p.row, p.field])).toEqual([
      [3, "drawOrder"],
      [3, "drawOrder"],
    ]);
  });
});

describe("the rate breaks a tie in score", () => {
  test("at equal score the lower rate ranks higher; not a tie", () => {
    const { table } = run(
      [
        ["Ans", 80, 74.99],
        ["Bram", 80, 65],
        ["Cor", 80, 70],
      ],
      2
    );
    expect(table(["Bram", "Cor", "Ans"])).toEqual([
      ["Bram", 1, true, false, false, false],
      ["Cor", 2, true, false, false, false],
      ["Ans", 3, false, false, false, false],
    ]);
  });
  test("a rate computed by a formula (70.00000000000001) still ties with 70", () => {
    const { by } = run(
      [
        ["Ans", 80, 70],
        ["Bram", 80, (70 * 3) / 3 + 1e-14],
      ],
      10
    );
    expect([by("Ans").tie, by("Bram").tie, by("Ans").rank, by("Bram").rank]).toEqual([
      true,
      true,
      1,
      1,
    ]);
  });
  test("a higher score beats a lower rate", () => {
    const { by } = run(
      [
        ["Ans", 100, 75],
        ["Bram", 80, 50],
      ],
      10
    );
    expect([by("Ans").rank, by("Bram").rank]).toEqual([1, 2]);
  });
});

describe("rankCandidates on its own", () => {
  test("cut-off score and the score at place N", () => {
    const ranking = rankCandidates(
      [
        { row: 2, name: "A", score: 90, rate: 70, drawOrder: null },
        { row: 3, name: "B", score: 80, rate: 70, drawOrder: null },
        { row: 4, name: "C", score: 80, rate: 70, drawOrder: null },
      ],
      2
    );
    expect(ranking.cutoffScore).toBe(90);
    expect(ranking.placeNScore).toBe(80);
    expect(ranking.places.map((p) => p.contested)).toEqual([
      null,
      { from: 2, to: 2 },
      { from: 2, to: 2 },
    ]);
  });
  test("nobody in the top leaves the cut-off empty", () => {
    const ranking = rankCandidates(
      [
        { row: 2, name: "A", score: 90, rate: 70, drawOrder: null },
        { row: 3, name: "B", score: 90, rate: 70, drawOrder: null },
      ],
      1
    );
    expect(ranking.cutoffScore).toBeNull();
    expect(ranking.places.every((p) => p.needsDraw && !p.top)).toBe(true);
  });
  test("the default request's top 10 with a tie over places 9 and 10", () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({
      row: i + 2,
      name: `K${i}`,
      score: i < 8 ? 100 - i : 50,
      rate: 70,
      drawOrder: null,
    }));
    const ranking = rankCandidates(entries, 10);
    expect(ranking.places.filter((p) => p.top)).toHaveLength(8);
    expect(ranking.places.filter((p) => p.needsDraw).map((p) => p.rank)).toEqual([9, 9, 9, 9]);
  });
});
