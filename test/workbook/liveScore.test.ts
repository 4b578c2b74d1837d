/**
 * planScore with `live` (the add-in's scoring, issue 16): the output formulas stay the
 * source of truth in Excel. Snapshots are made by applying set-up's own plan, so the
 * formulas are exactly the ones set-up writes; `calculate` stands in for Excel.
 */
import { request17040, type CellValue } from "../../src/engine";
import { columnLetters, parseCell } from "../../src/workbook/address";
import type { WorkbookChange } from "../../src/workbook/changes";
import { WorkbookError } from "../../src/workbook/problems";
import { agrees, planLive, type LiveColumn, type RowVerdict } from "../../src/workbook/liveScore";
import { outdatedLiveRanking } from "../../src/workbook/liveFormulas";
import { planScore } from "../../src/workbook/score";
import { planSetUp } from "../../src/workbook/setUp";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import {
  candidatesSheet,
  headers17040,
  outputHeaders17040,
  passing,
  rowFor,
  sheet,
  snapshotOf,
} from "./helpers";
import { applyToSnapshot, calculate } from "./liveSnapshot";

const people: Array<Record<string, CellValue>> = [
  { ...passing, Kandidaat: "Ans", Uurtarief: 70 },
  { ...passing, Kandidaat: "Bram", Uurtarief: 72.5, G11: 2 },
  { ...passing, Kandidaat: "Cor", Uurtarief: 75.01 },
  { ...passing, Kandidaat: "Dina", K7: null },
  { ...passing, Kandidaat: "Eva", Uurtarief: 60, G9: 0 },
];

/** The workbook right after set-up over these candidates: every output cell holds its formula, nothing calculated yet. */
function afterSetUp(rows = people): WorkbookSnapshot {
  const base = snapshotOf(candidatesSheet(rows));
  return applyToSnapshot(base, planSetUp(base, request17040));
}

/** The same, calculated: every live cell shows the engine's verdict. */
function calculated(rows = people): WorkbookSnapshot {
  const snapshot = afterSetUp(rows);
  return calculate(snapshot, planScore(snapshot, { live: true }));
}

const kandidaten = (snapshot: WorkbookSnapshot) =>
  snapshot.sheets.find((s) => s.name === "Kandidaten")!;
const headers = (snapshot: WorkbookSnapshot) => kandidaten(snapshot).values[0].map(String);
/** The 1-based column of a header of Kandidaten. */
const column = (snapshot: WorkbookSnapshot, header: string) =>
  headers(snapshot).indexOf(header) + 1;
const letter = (snapshot: WorkbookSnapshot, header: string) =>
  columnLetters(column(snapshot, header));

type Kind = "writeFormulas" | "writeValues";
/** The formula or value writes on a sheet, optionally in one column. */
function writes<K extends Kind>(
  changes: WorkbookChange[],
  kind: K,
  sheetName = "Kandidaten",
  at?: number
): Array<Extract<WorkbookChange, { kind: K }>> {
  return changes.filter(
    (c): c is Extract<WorkbookChange, { kind: K }> =>
      c.kind === kind &&
      c.sheet === sheetName &&
      (at === undefined ||
        parseCell((c as Extract<WorkbookChange, { kind: Kind }>).at).column === at)
  );
}

/** A copy with one Kandidaten cell set (value, and formula or none). */
function withCell(
  snapshot: WorkbookSnapshot,
  row: number,
  col: number,
  value: CellValue,
  formula: string | null
): WorkbookSnapshot {
  const changes: WorkbookChange[] = [
    {
      kind: "writeValues",
      sheet: "Kandidaten",
      at: `${columnLetters(col)}${row}`,
      values: [[value]],
    },
  ];
  const next = applyToSnapshot(snapshot, changes);
  kandidaten(next).formulas![row - 1][col - 1] = formula;
  return next;
}

const formulaHeaders = ["Knock-out", "Score", "Rang", "Top 10"];

describe("planScore live (the add-in's scoring in Excel)", () => {
  test("writes no values into Knock-out, Score, Rang and Top 10; Status and Toelichting stay values; the rest as ever", () => {
    const snapshot = calculated();
    const plan = planScore(snapshot, { live: true });
    for (const header of formulaHeaders)
      expect(writes(plan.changes, "writeValues", "Kandidaten", column(snapshot, header))).toEqual(
        []
      );
    for (const header of ["Status", "Toelichting"])
      expect(
        writes(plan.changes, "writeValues", "Kandidaten", column(snapshot, header))
      ).toHaveLength(1);
    // Every row holds its formula and shows the verdict: nothing to write, nothing to say.
    expect(writes(plan.changes, "writeFormulas")).toEqual([]);
    expect(plan.changes.some((c) => "sheet" in c && c.sheet === "Berekening")).toBe(false);
    expect(plan.notes).toEqual([]);
    // Marks and the Ranking sheet as without live.
    const kinds = (changes: WorkbookChange[]) =>
      changes.filter(
        (c) => c.kind === "formulaFormat" || c.kind === "dataBar" || c.sheet === "Ranking"
      );
    expect(kinds(plan.changes)).toEqual(kinds(planScore(snapshot).changes));
    expect(plan.evaluation.candidates.map((c) => c.rank)).toEqual([2, 1, null, null, 3]);
  });

  test("a table without output columns: they are added, the four get their formulas in every row, nothing reported", () => {
    const setUp = afterSetUp();
    const snapshot = {
      ...setUp,
      sheets: setUp.sheets.map((s) => (s.name === "Kandidaten" ? candidatesSheet(people) : s)),
    };
    const plan = planScore(snapshot, { live: true });
    expect(plan.changes).toContainEqual(
      expect.objectContaining({ kind: "addTableColumns", columns: outputHeaders17040 })
    );
    const first = headers17040.length + 1;
    expect(writes(plan.changes, "writeFormulas").map((c) => [c.at, c.formulas.length])).toEqual(
      [1, 2, 3, 4].map((i) => [`${columnLetters(first + i)}2`, people.length])
    );
    expect(writes(plan.changes, "writeValues").map((c) => c.at)).toEqual(
      [0, 5].map((i) => `${columnLetters(first + i)}2`)
    );
    expect(plan.notes).toEqual([]);
  });

  test("idempotent: planning twice on the snapshot with formulas writes no formula either time", () => {
    const snapshot = afterSetUp();
    const once = planScore(snapshot, { live: true });
    expect(writes(once.changes, "writeFormulas")).toEqual([]);
    const twice = planScore(applyToSnapshot(snapshot, once.changes), { live: true });
    expect(writes(twice.changes, "writeFormulas")).toEqual([]);
  });

  test("rows typed below the table get the four formulas, one block per column; the other rows are left alone", () => {
    const snapshot = calculated();
    const grid = kandidaten(snapshot);
    const hs = headers(snapshot);
    grid.values.push(
      rowFor(hs, { ...passing, Kandidaat: "Fay" }),
      rowFor(hs, { ...passing, Kandidaat: "Gijs" })
    );
    const plan = planScore(snapshot, { live: true });
    expect(plan.changes).toContainEqual(expect.objectContaining({ kind: "growTable", from: 7 }));
    const formulas = writes(plan.changes, "writeFormulas");
    expect(formulas.map((c) => c.at)).toEqual(formulaHeaders.map((h) => `${letter(snapshot, h)}7`));
    expect(formulas.every((c) => c.kind === "writeFormulas" && c.formulas.length === 2)).toBe(true);
    // The new rows cannot show a value yet, and the ranks of the others move with them: no stale cells.
    expect(plan.notes.join(" ")).not.toMatch(/toont/);
    // A score of a row that stays is its own: still compared.
    const score = column(snapshot, "Score");
    const stale = withCell(snapshot, 2, score, 1, kandidaten(snapshot).formulas![1][score - 1]);
    expect(planScore(stale, { live: true }).notes.join(" ")).toMatch(
      new RegExp(`Kandidaten!${letter(snapshot, "Score")}2 \\(toont 1, beoordeling 80\\)`)
    );
    // The next scoring, on what this one left behind: nothing more to write.
    const after = calculate(applyToSnapshot(snapshot, plan.changes), plan);
    expect(writes(planScore(after, { live: true }).changes, "writeFormulas")).toEqual([]);
  });

  test("a formula cell typed over with a value is reported by its cell and restored", () => {
    const start = calculated();
    const score = column(start, "Score");
    const formula = kandidaten(start).formulas![2][score - 1]!;
    const snapshot = withCell(start, 3, score, 99, null);
    const plan = planScore(snapshot, { live: true });
    expect(writes(plan.changes, "writeFormulas")).toEqual([
      {
        kind: "writeFormulas",
        sheet: "Kandidaten",
        at: `${letter(start, "Score")}3`,
        formulas: [[formula]],
      },
    ]);
    expect(writes(plan.changes, "writeValues", "Kandidaten", score)).toEqual([]);
    expect(plan.notes).toContainEqual(
      expect.stringContaining(
        `Formule teruggezet in Kandidaten!${letter(start, "Score")}3 (was 99)`
      )
    );
  });

  test("an earlier set-up's per-row FLEX.RANK and FLEX.TOP are replaced by the formulas that read FLEX.RANKING, with one note, by scoring and by set-up", () => {
    const start = calculated();
    const rang = column(start, "Rang");
    const top = column(start, "Top 10");
    const current = kandidaten(start).formulas![1];
    const oldRank =
      "=FLEX.RANK([@[Score]],[@[Uurtarief]],TRANSPOSE(Kandidaten[[Score]]),TRANSPOSE(Kandidaten[[Uurtarief]]))";
    const oldTop = `=IF(TRIM([@[Kandidaat]])="","",FLEX.TOP([@[Score]],[@[Uurtarief]],TRANSPOSE(Kandidaten[[Score]]),TRANSPOSE(Kandidaten[[Uurtarief]]),TopN))`;
    let snapshot = start;
    for (let row = 2; row <= people.length + 1; row++) {
      const shown = kandidaten(start).values[row - 1];
      snapshot = withCell(snapshot, row, rang, shown[rang - 1], oldRank);
      snapshot = withCell(snapshot, row, top, shown[top - 1], oldTop);
    }
    const plan = planScore(snapshot, { live: true });
    expect(
      writes(plan.changes, "writeFormulas").map((c) => [c.at, c.formulas.length, c.formulas[0][0]])
    ).toEqual([
      [`${letter(start, "Rang")}2`, people.length, current[rang - 1]],
      [`${letter(start, "Top 10")}2`, people.length, current[top - 1]],
    ]);
    expect(plan.notes).toEqual([
      expect.stringMatching(
        /^Kandidaten: de kolommen 'Rang' en 'Top 10' hadden nog de formules van een eerdere versie; daar staan nu de huidige .*één keer berekend op het blad Berekening\)\.$/
      ),
    ]);
    // Set-up on the same workbook replaces them too; the current formulas elsewhere stay.
    const setUp = planSetUp(snapshot, request17040).filter(
      (c) => c.kind === "writeFormulas" && c.sheet === "Kandidaten"
    );
    expect(setUp.map((c) => (c.kind === "writeFormulas" ? c.at : ""))).toEqual([
      `${letter(start, "Rang")}2`,
      `${letter(start, "Top 10")}2`,
    ]);
  });

  test("a live cell that shows another value than the engine is reported with both; many are named three and counted", () => {
    const start = calculated();
    const rang = column(start, "Rang");
    const stale = withCell(start, 2, rang, 5, kandidaten(start).formulas![1][rang - 1]);
    const plan = planScore(stale, { live: true });
    expect(plan.notes).toEqual([
      expect.stringContaining(`Kandidaten!${letter(start, "Rang")}2 (toont 5, beoordeling 2)`),
    ]);
    // The engine's verdict is what the scoring records.
    expect(plan.evaluation.candidates[0].rank).toBe(2);
    expect(writes(plan.changes, "writeFormulas")).toEqual([]);

    let many = start;
    const score = column(start, "Score");
    for (let row = 2; row <= 6; row++)
      many = withCell(
        many,
        row,
        score,
        { error: "#VALUE!" },
        kandidaten(start).formulas![row - 1][score - 1]
      );
    const note = planScore(many, { live: true }).notes.find((n) => n.includes("toont"))!;
    expect(note).toContain(
      `Kandidaten!${letter(start, "Score")}2 (toont #WAARDE!, beoordeling 80)`
    );
    expect(note).toContain("en 2 andere cellen");
  });

  test("an incomplete candidate's knock-out error agrees with the engine (no verdict); an error elsewhere does not", () => {
    const snapshot = calculated();
    const dina = kandidaten(snapshot).values[4];
    expect(dina[column(snapshot, "Knock-out") - 1]).toEqual({ error: "#N/A" });
    expect(planScore(snapshot, { live: true }).notes).toEqual([]);
  });

  test("an incomplete candidate for an award value (its knock-outs all decided): Knock-out OK and a Score error agree; nothing else is hidden", () => {
    const none = { knockout: null, score: null, rank: null, top: "Nee" } as RowVerdict["cells"];
    const award: RowVerdict = { cells: none, incomplete: true, knockoutsDecided: true };
    const knockoutMissing: RowVerdict = { cells: none, incomplete: true, knockoutsDecided: false };
    const eligible: RowVerdict = {
      cells: { knockout: "OK", score: 80, rank: 1, top: "Ja" },
      incomplete: false,
      knockoutsDecided: true,
    };
    const error = { error: "#VALUE!" };
    // The award value made it incomplete: FLEX.KNOCKOUT passes, FLEX.AWARDSCORE cannot score.
    expect(agrees("knockout", "OK", award)).toBe(true);
    expect(agrees("score", error, award)).toBe(true);
    expect(agrees("score", null, award)).toBe(true);
    // A knock-out value made it incomplete: the knock-out shows the error, the score nothing.
    expect(agrees("knockout", error, knockoutMissing)).toBe(true);
    expect(agrees("score", null, knockoutMissing)).toBe(true);
    // Real differences stay: OK where a knock-out value is missing, a knock-out error or ids
    // where the knock-outs all passed, a score number for an incomplete row, errors elsewhere.
    expect(agrees("knockout", "OK", knockoutMissing)).toBe(false);
    expect(agrees("score", error, knockoutMissing)).toBe(false);
    expect(agrees("knockout", error, award)).toBe(false);
    expect(agrees("knockout", "K3", award)).toBe(false);
    expect(agrees("score", 70, award)).toBe(false);
    expect(agrees("rank", error, award)).toBe(false);
    expect(agrees("score", error, eligible)).toBe(false);
    expect(agrees("knockout", "OK", eligible)).toBe(true);
    expect(agrees("score", 79.99, eligible)).toBe(false);
  });

  test("columns of values from a scoring before set-up become formulas whole, with one note and no cell reported", () => {
    const start = calculated();
    const grid = kandidaten(start);
    for (const header of formulaHeaders)
      grid.formulas!.forEach((row, r) => {
        if (r > 0) row[column(start, header) - 1] = null;
      });
    const plan = planScore(start, { live: true });
    const formulas = writes(plan.changes, "writeFormulas");
    expect(formulas.map((c) => [c.at, c.kind === "writeFormulas" && c.formulas.length])).toEqual(
      formulaHeaders.map((h) => [`${letter(start, h)}2`, 5])
    );
    expect(plan.notes).toEqual([
      "Kandidaten: de kolommen 'Knock-out', 'Score', 'Rang' en 'Top 10' bevatten nog waarden van een eerdere beoordeling; daar staan nu de live formules.",
    ]);
  });

  test("the Berekening sheet is made when missing or when its formula is gone, before the formulas that read it", () => {
    const start = calculated();
    const without = { ...start, sheets: start.sheets.filter((s) => s.name !== "Berekening") };
    const plan = planScore(without, { live: true });
    const onSheet = plan.changes.filter((c) => c.sheet === "Berekening");
    expect(onSheet[0]).toEqual({ kind: "resetSheet", sheet: "Berekening" });
    const ranking = writes(plan.changes, "writeFormulas", "Berekening");
    expect(ranking).toHaveLength(2); // FLEX.RANKING in A3, FLEX.WORKYEARS in D3
    expect(ranking[0].at).toBe("A3");
    expect(ranking[0].kind === "writeFormulas" && ranking[0].formulas[0][0]).toMatch(
      /^=FLEX\.RANKING\(/
    );
    expect(plan.notes).toEqual([
      expect.stringMatching(/^Het blad 'Berekening' .*ontbrak; opnieuw gemaakt\.$/),
    ]);

    const cleared = applyToSnapshot(start, [
      { kind: "writeValues", sheet: "Berekening", at: "A3", values: [[null]] },
    ]);
    const repaired = planScore(cleared, { live: true });
    expect(writes(repaired.changes, "writeFormulas", "Berekening")).toHaveLength(2);
    expect(repaired.notes).toEqual([
      "Op het blad 'Berekening' ontbrak de formule in A3; het blad is opnieuw gemaakt.",
    ]);
    // FLEX.WORKYEARS's formula gone alone: the sheet made again too, the note names D3.
    const noYears = applyToSnapshot(start, [
      { kind: "writeValues", sheet: "Berekening", at: "D3", values: [[null]] },
    ]);
    const remade = planScore(noYears, { live: true });
    expect(writes(remade.changes, "writeFormulas", "Berekening").map((c) => c.at)).toEqual([
      "A3",
      "D3",
    ]);
    expect(remade.notes).toEqual([
      "Op het blad 'Berekening' ontbrak de formule in D3; het blad is opnieuw gemaakt.",
    ]);

    // A new table row and a missing sheet together: the sheet first, then the rows' formulas.
    const grown = {
      ...without,
      sheets: without.sheets.map((s) =>
        s.name === "Kandidaten"
          ? {
              ...s,
              values: [...s.values, rowFor(headers(start), { ...passing, Kandidaat: "Fay" })],
            }
          : s
      ),
    };
    const both = planScore(grown, { live: true }).changes;
    const first = (sheetName: string) =>
      both.findIndex((c) => c.kind === "writeFormulas" && c.sheet === sheetName);
    expect(first("Berekening")).toBeGreaterThanOrEqual(0);
    expect(first("Berekening")).toBeLessThan(first("Kandidaten"));
  });

  test("a Berekening sheet of the user's is refused when live; the command does not read it", () => {
    const start = calculated();
    const foreign = {
      ...start,
      sheets: [
        ...start.sheets.filter((s) => s.name !== "Berekening"),
        sheet("Berekening", [["Mijn sommen"], [1, 2]]),
      ],
    };
    expect(() => planScore(foreign, { live: true })).toThrow(WorkbookError);
    expect(() => planScore(foreign, { live: true })).toThrow(/Het blad 'Berekening' bestaat al/);
    expect(planScore(foreign).changes.some((c) => c.sheet === "Berekening")).toBe(false);
  });

  test("not live (the command): values in every output column, no formula, no Berekening, as before", () => {
    const snapshot = calculated();
    const plan = planScore(snapshot);
    expect(writes(plan.changes, "writeFormulas", "Kandidaten")).toEqual([]);
    for (const header of [...formulaHeaders, "Status", "Toelichting"])
      expect(
        writes(plan.changes, "writeValues", "Kandidaten", column(snapshot, header))
      ).toHaveLength(1);
    expect(plan.changes.some((c) => c.sheet === "Berekening")).toBe(false);
    expect(plan.notes).toEqual([]);
  });

  test("live without an Aanvraag sheet (a preset): the formulas would have no names to read, so values as the command writes", () => {
    const snapshot = snapshotOf(candidatesSheet(people));
    const live = planScore(snapshot, { preset: "17040", live: true });
    expect(live.changes).toEqual(planScore(snapshot, { preset: "17040" }).changes);
    expect(writes(live.changes, "writeFormulas")).toEqual([]);
  });

  test("live, an input cell's formula counts by the value Excel shows (as before the add-in read formulas)", () => {
    const start = calculated();
    const k3 = headers17040.findIndex((h) => h.startsWith("K3")) + 1;
    const snapshot = withCell(start, 2, k3, 3, "=1+2");
    const cell = `${columnLetters(k3)}2`;
    expect(planScore(snapshot, { live: true }).problems.map((p) => p.cell)).not.toContain(cell);
    // The command reads the file's formula as text and reports it (unchanged).
    expect(planScore(snapshot).problems).toContainEqual(
      expect.objectContaining({
        cell,
        message: expect.stringMatching(/^K3: Formule in plaats van een waarde/),
      })
    );
  });

  test("10,000 rows: a few changes, one per run of rows that lack the formula, and notes that name three cells", () => {
    const rows = 10_000;
    const columns: LiveColumn[] = (["knockout", "score", "rank", "top"] as const).map((key, i) => ({
      key,
      column: 20 + i,
      header: formulaHeaders[i],
      formula: `=F${i}()`,
      added: false,
    }));
    const values: CellValue[][] = [];
    const formulas: Array<Array<string | null>> = [];
    for (let row = 1; row <= rows + 1; row++) {
      values.push(Array<CellValue>(24).fill(null));
      formulas.push(Array<string | null>(24).fill(null));
      // Rows 5,000–5,009 and the last two lack the formula; row 7,000 has a value typed over it.
      if (row === 1 || (row >= 5_000 && row < 5_010) || row >= rows) continue;
      for (const c of columns) {
        values[row - 1][c.column - 1] = c.key === "score" ? 80 : "";
        formulas[row - 1][c.column - 1] = c.formula;
      }
    }
    values[6_999][20] = 95; // Score of row 7,000 typed over
    formulas[6_999][20] = null;
    const verdict = (): RowVerdict => ({
      cells: { knockout: null, score: 80, rank: null, top: null },
      incomplete: false,
    });
    const sheet = { name: "Kandidaten", values, formulas, tables: [] };
    const plan = planLive(sheet, 2, rows + 1, columns, verdict, false);
    expect(
      plan.changes.map((c) => c.kind === "writeFormulas" && [c.at, c.formulas.length])
    ).toEqual([
      ["T5000", 10],
      ["T10000", 2],
      ["U5000", 10],
      ["U7000", 1],
      ["U10000", 2],
      ["V5000", 10],
      ["V10000", 2],
      ["W5000", 10],
      ["W10000", 2],
    ]);
    expect(plan.notes).toEqual([
      "Formule teruggezet in Kandidaten!U7000 (was 95): daar stond een getypte waarde in plaats van de formule. Deze kolommen rekent Excel zelf uit; wat de beoordeling vastlegt, staat op Ranking en Verantwoording.",
    ]);

    // Every score stale: three named, the rest counted.
    for (let row = 2; row <= rows + 1; row++) if (formulas[row - 1][20]) values[row - 1][20] = 70;
    const stale = planLive(sheet, 2, rows + 1, columns, verdict, false).notes.find((n) =>
      n.includes("toont")
    );
    expect(stale).toContain(
      "Kandidaten!U2 (toont 70, beoordeling 80), Kandidaten!U3 (toont 70, beoordeling 80), Kandidaten!U4"
    );
    expect(stale).toMatch(/en 9\.984 andere cellen\./);
  });
});

describe("a Berekening sheet that no longer fits the request", () => {
  const berekening = (snapshot: WorkbookSnapshot) =>
    snapshot.sheets.find((s) => s.name === "Berekening")!;

  test("fits right after set-up: nothing outdated, nothing remade", () => {
    const snapshot = calculated();
    expect(outdatedLiveRanking(snapshot, 10, ["K3", "G9", "G11"])).toEqual([]);
    expect(planScore(snapshot, { live: true }).changes).not.toContainEqual({
      kind: "resetSheet",
      sheet: "Berekening",
    });
  });

  test("another top header or other criteria in years: named, and the sheet is made again by scoring and by set-up", () => {
    const snapshot = calculated();
    const sheet = berekening(snapshot);
    sheet.values[1] = [...sheet.values[1]];
    sheet.values[1][1] = "Top 7";
    sheet.values[1][3] = "K4";
    expect(outdatedLiveRanking(snapshot, 10, ["K3", "G9", "G11"])).toEqual([
      "Top 7 → Top 10",
      "K4, G9, G11 → K3, G9, G11",
    ]);
    const plan = planScore(snapshot, { live: true });
    expect(plan.changes).toContainEqual({ kind: "resetSheet", sheet: "Berekening" });
    expect(plan.notes).toContainEqual(
      "Het blad 'Berekening' hoorde niet meer bij de aanvraag (Top 7 → Top 10; K4, G9, G11 → K3, G9, G11); opnieuw gemaakt."
    );
    expect(planSetUp(snapshot, request17040)).toContainEqual({
      kind: "resetSheet",
      sheet: "Berekening",
    });
  });
});
