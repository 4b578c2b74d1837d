/** evaluate(): rows, names, work history and the summary. */
import { evaluate, knockoutFailure, request17040, type CellValue } from "../../src/engine";
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
    // 01-01-2024 t/m 26-08-2024: 239 of the 366 days of the year before the peildatum.
    expect(ans.knockouts.find((k) => k.id === "K3")).toEqual({
      id: "K3",
      value: 0.65,
      source: "history",
      typed: 10,
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
        period({ candidate: "Ans", countsFor: "K3", from: "27-08-2022", to: "26-08-2024" }),
        period({ candidate: "Ans", countsFor: "G9", from: "27 augustus 2014", to: null }),
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
      [period({ candidate: "Ans", countsFor: "G11; K3", from: "2022-08-27", to: null })]
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
    expect(evaluation.candidates[0].reason).toBe("Onvolledig: K3 ongeldig");
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

describe("exact years at the peildatum 26-08-2024 (issue 17 §2)", () => {
  const fromHistory = (id: string, from: string, values: Record<string, CellValue> = {}) =>
    evaluate(
      request17040,
      [row({ name: "Ans", values: { [id]: "", ...values } })],
      [period({ candidate: "Ans", countsFor: id, from, to: null })]
    ).candidates[0];

  test("K3 (2 of the last 5 years): from 27-08-2022 passes, one day later fails", () => {
    const enough = fromHistory("K3", "27-08-2022");
    expect(enough.knockouts.find((k) => k.id === "K3")).toMatchObject({ value: 2, passed: true });
    expect(enough.status).toBe("eligible");
    const short = fromHistory("K3", "28-08-2022");
    expect(short.knockouts.find((k) => k.id === "K3")).toMatchObject({
      value: 1.99,
      passed: false,
    });
    expect(short.failed).toEqual(["K3"]);
    expect(short.reason).toBe(
      "Valt af op K3: 1,99 jaar volgens Werkervaring — minder dan de vereiste 2 jaar"
    );
  });

  test("G9 (10 of the last 15 years): from 27-08-2014 scores 50, one day later 0", () => {
    expect(fromHistory("G9", "27-08-2014").awards[0]).toMatchObject({ value: 10, points: 50 });
    expect(fromHistory("G9", "28-08-2014").awards[0]).toMatchObject({ value: 9.99, points: 0 });
  });

  test("G11 (1 of the last 3 years): from 27-08-2023 scores 20, one day later 0", () => {
    const g11 = (from: string) => fromHistory("G11", from).awards.find((a) => a.id === "G11");
    expect(g11("27-08-2023")).toMatchObject({ value: 1, points: 20 });
    expect(g11("28-08-2023")).toMatchObject({ value: 0.99, points: 0 });
  });

  test("a Tot day counts: t/m 26-08-2024 passes K3 from 27-08-2022, t/m 25-08-2024 does not", () => {
    const until = (to: string) =>
      evaluate(
        request17040,
        [row({ name: "Ans", values: { K3: "" } })],
        [period({ candidate: "Ans", countsFor: "K3", from: "27-08-2022", to })]
      ).candidates[0].status;
    expect(until("26-08-2024")).toBe("eligible");
    expect(until("25-08-2024")).toBe("knockedOut");
  });

  test("the Toelichting and the knock-out detail name Werkervaring and the typed value", () => {
    // 06-10-2022 t/m 26-08-2024: 691 days, 1 + 325/365 = 1,89 years.
    const result = fromHistory("K3", "06-10-2022", { K3: 4 });
    expect(result.knockouts.find((k) => k.id === "K3")).toEqual({
      id: "K3",
      value: 1.89,
      source: "history",
      typed: 4,
      passed: false,
    });
    expect(result.reason).toBe(
      "Valt af op K3: 1,89 jaar volgens Werkervaring; getypt: 4 — minder dan de vereiste 2 jaar"
    );
    const k3 = request17040.knockouts.find((k) => k.id === "K3")!;
    expect(
      knockoutFailure(
        k3,
        1.89,
        { request: request17040, rate: 70 },
        { source: "history", typed: 4 }
      )
    ).toBe("K3: 1,89 jaar volgens Werkervaring; getypt: 4 — minder dan de vereiste 2 jaar");
  });

  test("an eligible candidate's Toelichting says which criteria Werkervaring decided", () => {
    const evaluation = evaluate(
      request17040,
      [row({ name: "Ans", values: { K3: "", G9: 10 } })],
      [
        period({ candidate: "Ans", countsFor: "K3", from: "27-08-2021", to: null }),
        period({ candidate: "Ans", countsFor: "G9", from: "01-01-2016", to: null }),
      ]
    );
    const ans = evaluation.candidates[0];
    expect(ans.status).toBe("eligible");
    expect(ans.awards[0]).toMatchObject({ source: "history", typed: 10, points: 0 });
    expect(ans.reason).toBe(
      "Score 50 van 100, rang 1 — in de top 10 — volgens Werkervaring: K3 3 jaar, G9 8,65 jaar (getypt: 10)"
    );
  });

  test("typed years stay as typed; a typed number larger than the window is an entry error", () => {
    const typed = (k3: CellValue) =>
      evaluate(request17040, [row({ name: "Ans", values: { K3: k3 } })]);
    expect(typed(2).candidates[0].status).toBe("eligible");
    expect(typed("1,999").candidates[0].reason).toBe(
      "Valt af op K3: 1,99 jaar is minder dan de vereiste 2 jaar"
    );
    const beyond = typed(6);
    expect(beyond.candidates[0]).toMatchObject({ status: "incomplete", missing: ["K3"] });
    expect(beyond.problems).toEqual([
      {
        source: "candidates",
        row: beyond.candidates[0].row,
        field: "K3",
        message:
          "K3: 6 jaar past niet in de laatste 5 jaar. Typ alleen de jaren binnen die periode.",
      },
    ]);
  });

  test("'at most N years' compares days too, and a failing value shows rounded up", () => {
    const request = {
      ...request17040,
      knockouts: request17040.knockouts.map((k) =>
        k.id === "K3" ? { ...k, rule: { kind: "atMost" as const, value: 2 } } : k
      ),
    };
    const judge = (from: string, k3: CellValue = "") =>
      evaluate(
        request,
        [row({ name: "Ans", values: { K3: k3 } })],
        from ? [period({ candidate: "Ans", countsFor: "K3", from, to: null })] : []
      ).candidates[0];
    expect(judge("27-08-2022").status).toBe("eligible"); // exactly 2 years
    const over = judge("26-08-2022"); // one day more
    expect(over.knockouts.find((k) => k.id === "K3")).toMatchObject({ value: 2.01, passed: false });
    expect(over.reason).toBe(
      "Valt af op K3: 2,01 jaar volgens Werkervaring — meer dan het maximum van 2 jaar"
    );
    expect(judge("", "2,001").reason).toBe(
      "Valt af op K3: 2,01 jaar is meer dan het maximum van 2 jaar"
    );
  });

  test("tiered and linear scoring compare Werkervaring on days too", () => {
    const request = {
      ...request17040,
      awards: [
        { ...request17040.awards[0], scoring: { kind: "linear" as const, min: 5, max: 10 } },
        request17040.awards[1],
        {
          ...request17040.awards[2],
          scoring: {
            kind: "tiered" as const,
            steps: [
              { min: 0.5, points: 10 },
              { min: 1.5, points: 20 },
            ],
          },
        },
      ],
    };
    const score = (id: string, from: string) =>
      evaluate(
        request,
        [row({ name: "Ans", values: { [id]: "" } })],
        [period({ candidate: "Ans", countsFor: id, from, to: null })]
      ).candidates[0].awards.find((a) => a.id === id)?.points;
    // 1,5 years before 26-08-2024: 366 + ⌈0,5 × 365⌉ = 549 days, from 25-02-2023.
    expect(score("G11", "25-02-2023")).toBe(20);
    expect(score("G11", "26-02-2023")).toBe(10);
    // Linear G9: all 50 points from exactly 10 years, none up to exactly 5 years.
    expect(score("G9", "27-08-2014")).toBe(50);
    expect(score("G9", "28-08-2014")).toBeLessThan(50);
    expect(score("G9", "27-08-2019")).toBe(0);
    expect(score("G9", "26-08-2019")).toBeGreaterThan(0);
  });
});
