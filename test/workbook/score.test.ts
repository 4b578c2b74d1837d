/** planScore on in-memory snapshots: the pure use case, without any host. */
import { request17040, type CellValue } from "../../src/engine";
import type { WorkbookChange, WriteValues } from "../../src/workbook/changes";
import { parseCell, parseRange } from "../../src/workbook/address";
import { outputHeaders } from "../../src/workbook/layout";
import { WorkbookError } from "../../src/workbook/problems";
import { planScore } from "../../src/workbook/score";
import { candidatesSheet, headers17040, passing, rowFor, sheet, snapshotOf } from "./helpers";

const people: Array<Record<string, CellValue>> = [
  { ...passing, Kandidaat: "Ans", Uurtarief: 70 },
  { ...passing, Kandidaat: "Bram", Uurtarief: "€ 72,50", G11: 2 },
  { ...passing, Kandidaat: "Cor", Uurtarief: "75,01" },
  { ...passing, Kandidaat: "Dina", K3: "1,5", K4: "Nee" },
  { ...passing, Kandidaat: "Eva", K7: "abc" },
  { ...passing, Kandidaat: null, Leverancier: "X" },
];

function verdicts(plan: ReturnType<typeof planScore>) {
  return plan.evaluation.candidates.map((c) => ({
    name: c.name,
    status: c.status,
    failed: c.failed,
    score: c.score,
    rank: c.rank,
    top: c.top,
  }));
}

function thrown(run: () => unknown): WorkbookError {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkbookError) return error;
    throw error;
  }
  throw new Error("expected a WorkbookError");
}

describe("planScore", () => {
  const plan = planScore(snapshotOf(candidatesSheet(people)), { preset: "17040" });

  test("scores every status, with the preset when there is no Aanvraag sheet", () => {
    expect(plan.requestSource).toBe("preset");
    expect(verdicts(plan)).toEqual([
      { name: "Ans", status: "eligible", failed: [], score: 80, rank: 2, top: true },
      { name: "Bram", status: "eligible", failed: [], score: 100, rank: 1, top: true },
      // Knocked out: not assessed further, so no score (issue 17).
      { name: "Cor", status: "knockedOut", failed: ["K8"], score: null, rank: null, top: false },
      {
        name: "Dina",
        status: "knockedOut",
        failed: ["K3", "K4"],
        score: null,
        rank: null,
        top: false,
      },
      { name: "Eva", status: "incomplete", failed: [], score: null, rank: null, top: false },
    ]);
  });

  test("every problem sits at its own cell, in Dutch", () => {
    const k7 = String.fromCharCode(64 + headers17040.findIndex((h) => h.startsWith("K7")) + 1);
    expect(plan.problems).toEqual([
      {
        sheet: "Kandidaten",
        cell: `${k7}6`,
        message: "K7: Geen geldig bedrag: 'abc'. Typ bijvoorbeeld 72,50 of € 72,50.",
      },
      {
        sheet: "Kandidaten",
        cell: "A7",
        message: "Deze rij heeft gegevens maar geen naam bij Kandidaat; de rij telt niet mee.",
      },
    ]);
  });

  test("adds the missing output columns at the right of the table, never over an input cell", () => {
    expect(plan.changes).toContainEqual({
      kind: "addTableColumns",
      sheet: "Kandidaten",
      table: "Kandidaten",
      columns: [...outputHeaders(10)],
    });
    const inputWidth = headers17040.length;
    const writes = plan.changes.filter(
      (c): c is WriteValues => c.kind === "writeValues" && c.sheet === "Kandidaten"
    );
    expect(writes).toHaveLength(outputHeaders(10).length);
    for (const write of writes) expect(parseCell(write.at).column).toBeGreaterThan(inputWidth);
    const status = writes[0].values.map((r) => r[0]);
    expect(status).toEqual(["Geschikt", "Geschikt", "Valt af", "Valt af", "Onvolledig", null]);
    const top = writes[4].values.map((r) => r[0]);
    expect(top).toEqual(["Ja", "Ja", "Nee", "Nee", "Nee", null]);
    expect(writes[1].values.map((r) => r[0])).toEqual(["OK", "OK", "K8", "K3; K4", null, null]);
  });

  test("marks the top with one rule reading the Top 10 column, a second for Loting, and a data bar on Score", () => {
    const marks = plan.changes.filter(
      (c) => c.sheet === "Kandidaten" && (c.kind === "formulaFormat" || c.kind === "dataBar")
    );
    const topColumn = String.fromCharCode(64 + headers17040.length + 5);
    const scoreColumn = String.fromCharCode(64 + headers17040.length + 3);
    const body = `A2:${String.fromCharCode(64 + headers17040.length + 6)}7`;
    expect(marks).toEqual([
      {
        kind: "formulaFormat",
        sheet: "Kandidaten",
        range: body,
        formula: `=$${topColumn}2="Ja"`,
        fill: "#C6EFCE",
      },
      {
        kind: "formulaFormat",
        sheet: "Kandidaten",
        range: body,
        formula: `=$${topColumn}2="Loting"`,
        fill: "#FFEB9C",
      },
      {
        kind: "dataBar",
        sheet: "Kandidaten",
        range: `${scoreColumn}2:${scoreColumn}7`,
        colour: "#5B9BD5",
      },
    ]);
  });

  test("writes the Ranking sheet sorted, with the score per criterion and a chart", () => {
    const ranking = plan.changes.filter((c) => c.sheet === "Ranking");
    expect(ranking[0]).toEqual({ kind: "resetSheet", sheet: "Ranking" });
    const table = ranking.find((c): c is WriteValues => c.kind === "writeValues" && c.at === "A4");
    expect(table?.values).toEqual([
      [
        "Rang",
        "Kandidaat",
        "Leverancier",
        "Uurtarief",
        "Score",
        "G9 (50)",
        "G10 (30)",
        "G11 (20)",
        "Top 10",
        "Opmerking",
      ],
      [1, "Bram", "Flexpool", 72.5, 100, 50, 30, 20, "Ja", ""],
      [2, "Ans", "Flexpool", 70, 80, 50, 30, 0, "Ja", ""],
    ]);
    expect(ranking.map((c) => c.kind)).toEqual(
      expect.arrayContaining(["createTable", "formulaFormat", "dataBar", "barChart", "freezePanes"])
    );
  });

  test("column order does not matter, nor does a table versus a plain range", () => {
    const shuffled = [...headers17040].reverse();
    const other = planScore(
      snapshotOf(candidatesSheet(people, { headers: shuffled, table: false })),
      { preset: "17040" }
    );
    expect(verdicts(other)).toEqual(verdicts(plan));
    expect(other.problems.map((p) => p.message)).toEqual(plan.problems.map((p) => p.message));
    // A plain range gets its output headers written in row 1, right of the last header.
    expect(other.changes).toContainEqual({
      kind: "writeValues",
      sheet: "Kandidaten",
      at: `${String.fromCharCode(64 + shuffled.length + 1)}1`,
      values: [[...outputHeaders(10)]],
      bold: true,
    });
  });

  test("headers are matched by their leading id: the text after it may be edited", () => {
    const edited = headers17040.map((h) => (h.startsWith("K3 ") ? "K3 jaren (aangepast)" : h));
    const other = planScore(snapshotOf(candidatesSheet(people, { headers: edited })), {
      preset: "17040",
    });
    expect(verdicts(other)).toEqual(verdicts(plan));
  });

  test("existing output columns are reused wherever they are; scoring twice plans the same changes", () => {
    const withOutputs = candidatesSheet(people, { outputs: true });
    const first = planScore(snapshotOf(withOutputs), { preset: "17040" });
    expect(first.changes.some((c) => c.kind === "addTableColumns")).toBe(false);
    expect(planScore(snapshotOf(withOutputs), { preset: "17040" }).changes).toEqual(first.changes);
  });

  test("uses the work history for years when the sheet has periods", () => {
    const history = sheet(
      "Werkervaring",
      [
        ["Kandidaat", "Functie", "Telt voor", "Van", "Tot"],
        ["Ans", "Civision", "G11", "01-01-2022", null],
        ["Onbekend", "X", "G11", "01-01-2022", "31-12-2022"],
      ],
      "Werkervaring"
    );
    const other = planScore(snapshotOf(candidatesSheet(people), history), { preset: "17040" });
    expect(other.evaluation.candidates[0].score).toBe(100);
    expect(other.problems).toContainEqual({
      sheet: "Werkervaring",
      cell: "A3",
      message: "Geen kandidaat met de naam 'Onbekend' in Kandidaten: deze periode telt niet mee.",
    });
  });

  test("a missing optional column (E1–E3) is skipped, a missing required one is fatal", () => {
    const noE = headers17040.filter((h) => !/^E\d/.test(h));
    expect(
      planScore(snapshotOf(candidatesSheet(people, { headers: noE })), { preset: "17040" })
        .evaluation.summary.eligible
    ).toBe(2);
    const noK5 = headers17040.filter((h) => !h.startsWith("K5"));
    expect(
      thrown(() =>
        planScore(snapshotOf(candidatesSheet(people, { headers: noK5 })), { preset: "17040" })
      ).message
    ).toBe(
      "Het blad 'Kandidaten' heeft geen kolom voor K5. Voeg de kolom 'K5 Participatiewet-ervaring (laatste 3 jaar)' toe; de kolom wordt herkend aan het id vooraan."
    );
  });

  test.each([
    [
      "no Kandidaten sheet",
      () => snapshotOf(sheet("Blad1", [["x"]])),
      "Het blad 'Kandidaten' ontbreekt. Voeg een blad 'Kandidaten' toe met de kandidaten, met de kolomkoppen in rij 1 (of als Excel-tabel).",
    ],
    [
      "no Kandidaat column",
      () =>
        snapshotOf(
          candidatesSheet(people, { headers: headers17040.filter((h) => h !== "Kandidaat") })
        ),
      "Het blad 'Kandidaten' heeft geen kolom 'Kandidaat'. Voeg die kolom toe (kolomkop 'Kandidaat').",
    ],
    [
      "no Uurtarief column",
      () =>
        snapshotOf(
          candidatesSheet(people, {
            headers: headers17040.filter((h) => !h.startsWith("Uurtarief")),
          })
        ),
      "Het blad 'Kandidaten' heeft geen kolom 'Uurtarief'. Voeg die kolom toe (kolomkop 'Uurtarief').",
    ],
    [
      "two columns for one criterion",
      () => snapshotOf(candidatesSheet(people, { headers: [...headers17040, "K3 nog eens"] })),
      "Het blad 'Kandidaten' heeft meer dan één kolom voor K3 (F1 en R1). Houd er één over.",
    ],
    [
      "a filled cell where an output column would go",
      () => {
        const s = candidatesSheet(people, { table: false });
        s.values[3] = [...s.values[3], "notitie"];
        return snapshotOf(s);
      },
      "Kandidaten!R4: hier zou de uitvoerkolom 'Status' komen, maar de cel is niet leeg. Maak de kolom rechts van de kandidaten vrij; er wordt niets overschreven.",
    ],
    [
      "a foreign Ranking sheet",
      () => snapshotOf(candidatesSheet(people), sheet("Ranking", [["Mijn eigen lijst"]])),
      "Het blad 'Ranking' bestaat al en bevat iets anders dan de uitvoer van AwardScore. Hernoem of verwijder dat blad; er wordt niets overschreven.",
    ],
    [
      "Werkervaring without Telt voor",
      () =>
        snapshotOf(
          candidatesSheet(people),
          sheet("Werkervaring", [
            ["Kandidaat", "Van", "Tot"],
            ["Ans", "01-01-2020", null],
          ])
        ),
      "Het blad 'Werkervaring' heeft geen kolom 'Telt voor'. Voeg die kolom toe (kolomkop 'Telt voor').",
    ],
  ])("fatal: %s", (_, make, message) => {
    expect(thrown(() => planScore(make(), { preset: "17040" })).message).toBe(message);
  });

  test("fatal: neither an Aanvraag sheet nor a preset; an unknown preset", () => {
    expect(thrown(() => planScore(snapshotOf(candidatesSheet(people)))).message).toBe(
      "Het blad 'Aanvraag' ontbreekt en er is geen preset gekozen. Voeg het blad 'Aanvraag' toe, of kies een preset met --preset (17040)."
    );
    expect(
      thrown(() => planScore(snapshotOf(candidatesSheet(people)), { preset: "99" })).message
    ).toBe("Onbekende preset '99'. Beschikbaar: 17040.");
  });

  test("a tie straddling place N needs a draw; the Loting column resolves it", () => {
    const tied = Array.from({ length: 12 }, (_, i) => ({
      ...passing,
      Kandidaat: `K${i}`,
      Uurtarief: i < 8 ? 60 + i : 70,
    }));
    const draw = planScore(snapshotOf(candidatesSheet(tied)), { preset: "17040" });
    expect(draw.evaluation.summary).toMatchObject({ top: 8, needsDraw: 4 });
    const writes = draw.changes.filter(
      (c): c is WriteValues => c.kind === "writeValues" && c.sheet === "Kandidaten"
    );
    expect(writes[4].values.map((r) => r[0])).toEqual([
      ...Array(8).fill("Ja"),
      ...Array(4).fill("Loting"),
    ]);
    const drawn = tied.map((t, i) => ({ ...t, Loting: i >= 8 ? 12 - i : null }));
    const resolved = planScore(snapshotOf(candidatesSheet(drawn)), { preset: "17040" });
    expect(resolved.evaluation.summary).toMatchObject({ top: 10, needsDraw: 0 });
    expect(
      resolved.evaluation.candidates
        .filter((c) => c.top)
        .map((c) => c.name)
        .slice(8)
    ).toEqual(["K10", "K11"]);
  });

  test("no change ever writes into an input column or row 1 of the inputs", () => {
    const changes: WorkbookChange[] = plan.changes;
    for (const change of changes) {
      if (change.sheet !== "Kandidaten" || change.kind !== "writeValues") continue;
      const { column } = parseCell(change.at);
      expect(column).toBeGreaterThan(headers17040.length);
    }
    for (const change of changes) {
      if (change.kind === "formulaFormat" || change.kind === "dataBar") {
        expect(parseRange(change.range).top).toBeGreaterThanOrEqual(2);
      }
    }
    expect(rowFor(["Kandidaat"], { Kandidaat: "x" })).toEqual(["x"]);
    expect(request17040.topN).toBe(10);
  });
});

describe("the peildatum (issue 17 §1)", () => {
  const history = sheet("Werkervaring", [
    ["Kandidaat", "Functie", "Telt voor", "Van", "Tot"],
    ["Ans", "Klantmanager inkomen", "K3", "27-08-2022", null],
  ]);
  const rows = [{ ...passing, Kandidaat: "Ans", Uurtarief: 70, K3: null }];
  const subtitle = (plan: ReturnType<typeof planScore>) =>
    plan.changes
      .filter((c): c is WriteValues => c.kind === "writeValues" && c.sheet === "Ranking")
      .map((c) => c.values)
      .find((v) => v[0]?.[0] === "Ranking aanvraag 17040 — Klantmanager Inkomen")?.[1]?.[0];

  test("17040 judges at the reactietermijn; the listing's date is named and not used", () => {
    const plan = planScore(snapshotOf(candidatesSheet(rows), history), { preset: "17040" });
    expect(plan.referenceDateSource).toBe("request");
    expect(plan.evaluation.request.referenceDate).toBe("2024-08-26");
    expect(plan.evaluation.candidates[0].status).toBe("eligible"); // exactly 2 years
    expect(subtitle(plan)).toBe(
      "Peildatum 26-08-2024 (reactietermijn) · Einde inschrijfdatum 04-10-2024 11:25 (telt niet mee) · top 10 · 1 van 1 kandidaten geschikt"
    );
    expect(plan.notes).toEqual([]);
  });

  test("ScoreOptions.referenceDate replaces the request's peildatum, and the reports say so", () => {
    const plan = planScore(snapshotOf(candidatesSheet(rows), history), {
      preset: "17040",
      referenceDate: "2024-08-25",
    });
    expect(plan.referenceDateSource).toBe("option");
    expect(plan.requestReferenceDate).toBe("2024-08-26");
    expect(plan.request.referenceDate).toBe("2024-08-25");
    expect(plan.evaluation.request.referenceDate).toBe("2024-08-25");
    expect(request17040.referenceDate).toBe("2024-08-26"); // the preset itself is untouched
    // One day earlier, 27-08-2022 up to the peildatum is one day short of 2 years.
    expect(plan.evaluation.candidates[0].failed).toEqual(["K3"]);
    expect(subtitle(plan)).toBe(
      "Peildatum 25-08-2024 (opgegeven bij het beoordelen, in plaats van 26-08-2024 uit de aanvraag) · " +
        "Einde inschrijfdatum 04-10-2024 11:25 (telt niet mee) · top 10 · 0 van 1 kandidaten geschikt"
    );
    expect(plan.notes).toEqual([
      "Let op: peildatum 25-08-2024 (--peildatum) in plaats van 26-08-2024 uit de aanvraag.",
    ]);
  });

  test("a peildatum option that is not a date is refused in Dutch", () => {
    const error = thrown(() =>
      planScore(snapshotOf(candidatesSheet(rows)), { preset: "17040", referenceDate: "2024-02-30" })
    );
    expect(error.message).toBe(
      "Ongeldige optie: --peildatum '2024-02-30' is geen datum. Typ dd-mm-jjjj, bijvoorbeeld --peildatum 26-08-2024."
    );
  });
});
