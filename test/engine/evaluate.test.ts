/** evaluate(): rows, names, work history and the summary. */
import { evaluate, request17040 } from "../../src/engine";
import { period, row } from "./helpers";

describe("rows", () => {
  test("an empty row is skipped without a problem", () => {
    const evaluation = evaluate(request17040, [
      row({ row: 2, name: "Ans" }),
      {
        row: 3,
        name: "  ",
        supplier: null,
        rate: "",
        drawOrder: undefined,
        values: { K1: "", K2: null },
      },
    ]);
    expect(evaluation.candidates.map((c) => c.row)).toEqual([2]);
    expect(evaluation.problems).toEqual([]);
    expect(evaluation.summary.received).toBe(1);
  });

  test("a row with data but no name is a problem at name, not a candidate", () => {
    const evaluation = evaluate(request17040, [
      row({ row: 4, name: "" }),
      row({ row: 5, name: { error: "#N/B" } }),
    ]);
    expect(evaluation.candidates).toEqual([]);
    expect(evaluation.problems).toEqual([
      {
        source: "candidates",
        row: 4,
        field: "name",
        message: expect.stringContaining("geen naam"),
      },
      { source: "candidates", row: 5, field: "name", message: expect.stringContaining("#N/B") },
    ]);
  });

  test("duplicate names are a problem at name on each row", () => {
    const evaluation = evaluate(request17040, [
      row({ row: 2, name: "Ans Jansen" }),
      row({ row: 7, name: " ans  jansen" }),
    ]);
    expect(evaluation.problems.map((p) => [p.row, p.field])).toEqual([
      [2, "name"],
      [7, "name"],
    ]);
    expect(evaluation.problems[0].message).toContain("staat ook op rij 7;");
    const three = evaluate(request17040, [
      row({ row: 2, name: "Ans" }),
      row({ row: 3, name: "Ans" }),
      row({ row: 4, name: "Ans" }),
    ]);
    expect(three.problems[0].message).toContain("staat ook op rijen 3 en 4;");
    // Without work history the duplicates are still judged on their own cells.
    expect(evaluation.candidates.map((c) => c.status)).toEqual(["eligible", "eligible"]);
  });

  test("supplier and name are read as trimmed text", () => {
    const result = evaluate(request17040, [row({ name: "  Ans ", supplier: " Interim BV " })])
      .candidates[0];
    expect([result.name, result.supplier]).toEqual(["Ans", "Interim BV"]);
  });
});

describe("work history", () => {
  test("periods decide the years where a candidate has them; otherwise the typed cell does", () => {
    const evaluation = evaluate(
      request17040,
      [
        row({ row: 2, name: "Ans", values: { K3: 10, G9: 12 } }),
        row({ row: 3, name: "Bram", values: { K3: 1 } }),
      ],
      [period({ candidate: "ANS", countsFor: "K3", from: "01-01-2024", to: "" })]
    );
    const [ans, bram] = evaluation.candidates;
    expect(ans.knockouts.find((k) => k.id === "K3")).toEqual({
      id: "K3",
      value: 0.76,
      source: "history",
      passed: false,
    });
    expect(ans.failed).toEqual(["K3"]);
    // Knocked out: not assessed on the award criteria (issue 17).
    expect([ans.awards, ans.score]).toEqual([[], null]);
    expect(bram.knockouts.find((k) => k.id === "K3")).toMatchObject({ value: 1, source: "cell" });
  });

  test("2 years exactly from history passes K3; 10 years exactly scores G9", () => {
    const result = evaluate(
      request17040,
      [row({ name: "Ans", values: { K3: "", G9: "" } })],
      [
        period({ candidate: "Ans", countsFor: "K3", from: "04-10-2022", to: "04-10-2024" }),
        period({ candidate: "Ans", countsFor: "G9", from: "4 oktober 2014", to: null }),
      ]
    ).candidates[0];
    expect(result.status).toBe("eligible");
    expect(result.knockouts.find((k) => k.id === "K3")?.value).toBe(2);
    expect(result.awards.find((a) => a.id === "G9")).toMatchObject({ value: 10, points: 50 });
  });

  test("an absent years column is filled by the history", () => {
    const result = evaluate(
      request17040,
      [row({ name: "Ans", values: { G11: undefined } })],
      [period({ candidate: "Ans", countsFor: "G11; K3", from: "2022-10-04", to: null })]
    ).candidates[0];
    expect(result.status).toBe("eligible");
    expect(result.awards.find((a) => a.id === "G11")).toMatchObject({
      value: 2,
      source: "history",
      points: 20,
    });
  });

  test("an unreadable period makes the criterion undecided: incomplete, not a guess", () => {
    const evaluation = evaluate(
      request17040,
      [row({ row: 2, name: "Ans" })],
      [
        period({ row: 10, candidate: "Ans", countsFor: "K3", from: "01-01-2015", to: null }),
        period({
          row: 11,
          candidate: "Ans",
          countsFor: "K3",
          from: "01-01-2021",
          to: "31-02-2022",
        }),
      ]
    );
    expect(evaluation.candidates[0]).toMatchObject({
      status: "incomplete",
      missing: ["K3"],
      score: null,
    });
    expect(evaluation.candidates[0].reason).toBe("Onvolledig: K3 onleesbaar");
    expect(evaluation.problems).toEqual([
      expect.objectContaining({ source: "periods", row: 11, field: "to" }),
    ]);
  });

  test("history for a name that occurs twice is not used", () => {
    const evaluation = evaluate(
      request17040,
      [row({ row: 2, name: "Ans" }), row({ row: 3, name: "Ans" })],
      [period({ candidate: "Ans", countsFor: "K3", from: "01-01-2015", to: null })]
    );
    expect(evaluation.candidates.map((c) => c.status)).toEqual(["incomplete", "incomplete"]);
    expect(evaluation.problems.filter((p) => p.field === "K3")).toHaveLength(2);
  });

  test("a period for an unknown name is a problem at candidate", () => {
    const evaluation = evaluate(
      request17040,
      [row({ name: "Ans" })],
      [period({ row: 9, candidate: "Anne", countsFor: "K3", from: "01-01-2015", to: null })]
    );
    expect(evaluation.problems).toEqual([
      { source: "periods", row: 9, field: "candidate", message: expect.stringContaining("'Anne'") },
    ]);
  });

  test("an unknown id in 'Telt voor' is a problem at countsFor; the known ids still count", () => {
    const evaluation = evaluate(
      request17040,
      [row({ name: "Ans", values: { K3: 0 } })],
      [period({ row: 9, candidate: "Ans", countsFor: "K3, K99", from: "01-01-2015", to: null })]
    );
    expect(evaluation.problems.map((p) => [p.row, p.field])).toEqual([[9, "countsFor"]]);
    expect(evaluation.candidates[0].status).toBe("eligible");
  });
});

describe("the request's scoring kinds decide the score", () => {
  // G9 linear from 5 to 15 years, G11 in steps: 1 year 10 points, 2 years 20 points.
  const request = {
    ...request17040,
    awards: [
      { ...request17040.awards[0], scoring: { kind: "linear" as const, min: 5, max: 15 } },
      request17040.awards[1],
      {
        ...request17040.awards[2],
        scoring: {
          kind: "tiered" as const,
          steps: [
            { min: 1, points: 10 },
            { min: 2, points: 20 },
          ],
        },
      },
    ],
  };
  test.each([
    [12, 2, 35 + 30 + 20, [35, 30, 20]],
    [10, 1.5, 25 + 30 + 10, [25, 30, 10]],
    [5, 0.5, 0 + 30 + 0, [0, 30, 0]],
  ])("G9 %p years, G11 %p years → %p", (g9, g11, score, points) => {
    const result = evaluate(request, [row({ values: { G9: g9, G11: g11 } })]).candidates[0];
    expect(result.score).toBe(score);
    expect(result.awards.map((a) => a.points)).toEqual(points);
  });
  test("editing points in the request changes the score", () => {
    const heavier = {
      ...request17040,
      awards: request17040.awards.map((a) => (a.id === "G10" ? { ...a, points: 60 } : a)),
    };
    expect(evaluate(heavier, [row()]).candidates[0].score).toBe(130);
  });
});

describe("summary", () => {
  test("counts per status and knock-outs per criterion", () => {
    const evaluation = evaluate({ ...request17040, topN: 2 }, [
      row({ name: "A" }),
      row({ name: "B", rate: 60 }),
      row({ name: "C", rate: 80, values: { K2: "Nee" } }),
      row({ name: "D", values: { K2: "Nee", K6: "Nee" } }),
      row({ name: "E", values: { K4: "" } }),
      row({ name: "F", values: { G9: 0 } }),
    ]);
    expect(evaluation.summary).toMatchObject({
      received: 6,
      eligible: 3,
      knockedOut: 2,
      incomplete: 1,
      top: 2,
      needsDraw: 0,
      cutoffScore: 100,
    });
    expect(evaluation.summary.failedPerCriterion).toMatchObject({ K1: 0, K2: 2, K6: 1, K8: 1 });
    expect(evaluation.ranking).toHaveLength(3);
  });

  test("the request comes back with the evaluation", () => {
    expect(evaluate(request17040, []).request).toBe(request17040);
  });
});
