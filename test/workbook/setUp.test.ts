/** planSetUp on snapshots: what it makes, completes, keeps and refuses. */
import { request17040 } from "../../src/engine";
import type { WorkbookChange } from "../../src/workbook/changes";
import { outputHeaders } from "../../src/workbook/layout";
import { WorkbookError } from "../../src/workbook/problems";
import { blankRequest, planSetUp, setUpRequest } from "../../src/workbook/setUp";
import { planTemplate } from "../../src/workbook/template";
import { candidatesSheet, headers17040, passing, sheet, snapshotOf } from "./helpers";
import { applyToSnapshot } from "./liveSnapshot";

const kinds = (changes: WorkbookChange[]) => changes.map((c) => c.kind);

describe("planSetUp", () => {
  test("on an empty workbook: the template's changes, plus the FLEX formulas in Knock-out, Score, Rang and Top 10", () => {
    const changes = planSetUp(snapshotOf(), request17040);
    const template = planTemplate(request17040, { rows: 1 });
    expect(changes.filter((c) => c.kind !== "writeFormulas")).toEqual(
      expect.arrayContaining(template)
    );
    const formulas = changes.filter((c) => c.kind === "writeFormulas" && c.sheet === "Kandidaten");
    const headers = [...headers17040, ...outputHeaders(10)];
    expect(formulas.map((c) => c.kind === "writeFormulas" && c.at)).toEqual(
      ["Knock-out", "Score", "Rang", "Top 10"].map(
        (h) => `${String.fromCharCode(65 + headers.indexOf(h))}2`
      )
    );
  });

  test("an existing table with candidates: adds only the missing output columns and their formulas", () => {
    const snapshot = snapshotOf(candidatesSheet([passing, { ...passing, Kandidaat: "Bram" }]));
    const changes = planSetUp(snapshot, request17040).filter(
      (c) => "sheet" in c && c.sheet === "Kandidaten"
    );
    expect(kinds(changes)).toEqual([
      "addTableColumns",
      "columnWidths",
      ...Array(4).fill("writeFormulas"),
    ]);
    expect(changes[0]).toMatchObject({ columns: [...outputHeaders(10)] });
    // Formulas go into the rows that are there, below the header.
    expect(changes[2]).toMatchObject({
      formulas: [[expect.stringMatching(/^=IF\(TRIM/)], [expect.any(String)]],
    });
  });

  test("never writes formulas over a column that holds values", () => {
    const snapshot = snapshotOf(candidatesSheet([{ ...passing, Score: 80 }], { outputs: true }));
    const changes = planSetUp(snapshot, request17040);
    const scoreAt = `${String.fromCharCode(65 + headers17040.length + 2)}2`;
    expect(changes.some((c) => c.kind === "writeFormulas" && c.at === scoreAt)).toBe(false);
  });

  test("refuses a Kandidaten sheet without the add-in's table, and a foreign Ranking sheet", () => {
    const foreign = snapshotOf(
      sheet("Kandidaten", [
        ["Naam", "Telefoon"],
        ["Piet", "06"],
      ])
    );
    expect(() => planSetUp(foreign, request17040)).toThrow(WorkbookError);
    expect(() => planSetUp(foreign, request17040)).toThrow(/Het blad 'Kandidaten' bestaat al/);
    const ranking = snapshotOf(sheet("Ranking", [["Mijn lijst"]]));
    expect(() => planSetUp(ranking, request17040)).toThrow(/Ranking/);
  });

  test("an empty sheet of the name is filled in", () => {
    const changes = planSetUp(snapshotOf(sheet("Kandidaten", [])), request17040);
    expect(changes.some((c) => c.kind === "createTable" && c.name === "Kandidaten")).toBe(true);
  });

  test("a blank request and presets by id", () => {
    expect(blankRequest().knockouts).toEqual([]);
    expect(setUpRequest("blanco").id).toBe("");
    expect(setUpRequest("17040")).toBe(request17040);
    expect(() => setUpRequest("1")).toThrow(/Onbekende aanvraag/);
  });

  describe("live formulas (issue 16)", () => {
    const headers = [...headers17040, ...outputHeaders(10)];
    const letter = (header: string) => String.fromCharCode(65 + headers.indexOf(header));
    const outputs = ["Knock-out", "Score", "Rang", "Top 10"];
    const formulaWrites = (changes: WorkbookChange[], sheetName = "Kandidaten") =>
      changes.filter(
        (c): c is Extract<WorkbookChange, { kind: "writeFormulas" }> =>
          c.kind === "writeFormulas" && c.sheet === sheetName
      );
    const twelve = Array.from({ length: 12 }, (_, i) => ({ ...passing, Kandidaat: `K${i + 1}` }));

    test("a table of 12 rows gets the four formulas in every row, one block per column", () => {
      const changes = planSetUp(snapshotOf(candidatesSheet(twelve)), request17040);
      const writes = formulaWrites(changes);
      expect(writes.map((c) => c.at)).toEqual(outputs.map((h) => `${letter(h)}2`));
      for (const write of writes) {
        expect(write.formulas).toHaveLength(12);
        expect(new Set(write.formulas.map((r) => r[0])).size).toBe(1);
      }
      expect(writes[2].formulas[11][0]).toMatch(
        /^=IF\(TRIM\(\[@\[Kandidaat\]\]\)="","",INDEX\('Berekening'!\$A\$3#/
      );
    });

    test("makes the Berekening sheet: title, headers, FLEX.RANKING in A3, before the table's formulas that read it", () => {
      const changes = planSetUp(snapshotOf(), request17040);
      const onBerekening = changes.filter((c) => "sheet" in c && c.sheet === "Berekening");
      expect(onBerekening[0]).toEqual({ kind: "resetSheet", sheet: "Berekening" });
      expect(onBerekening).toContainEqual(
        expect.objectContaining({
          kind: "writeValues",
          at: "A1",
          values: [
            [
              expect.stringMatching(
                /^Live berekening: de rangorde \(FLEX.RANKING, vanaf A3\).*FLEX.WORKYEARS, vanaf D3.*Niet bewerken/
              ),
            ],
          ],
        })
      );
      expect(onBerekening).toContainEqual(
        expect.objectContaining({ kind: "writeValues", at: "A2", values: [["Rang", "Top 10"]] })
      );
      const ranking = formulaWrites(changes, "Berekening");
      expect(ranking).toHaveLength(2);
      expect(ranking[0].at).toBe("A3");
      expect(ranking[0].formulas[0][0]).toMatch(
        /^=FLEX\.RANKING\(IF\(ISBLANK\(Kandidaten\[\[Score\]\]\)/
      );
      // The work history's years beside it: the ids of 17040's criteria in years above D3.
      expect(onBerekening).toContainEqual(
        expect.objectContaining({ kind: "writeValues", at: "D2", values: [["K3", "G9", "G11"]] })
      );
      expect(ranking[1].at).toBe("D3");
      expect(ranking[1].formulas[0][0]).toMatch(
        /^=FLEX\.WORKYEARS\('Berekening'!\$D\$2:\$F\$2,IF\(ISBLANK\(Kandidaten\[\[Kandidaat\]\]\)/
      );
      // Made after the Ranking sheet (the last tab) and before any formula that reads its spill.
      const index = (p: (c: WorkbookChange) => boolean) => changes.findIndex(p);
      expect(index((c) => c.kind === "resetSheet" && c.sheet === "Berekening")).toBeGreaterThan(
        index((c) => c.kind === "createSheet" && c.sheet === "Ranking")
      );
      expect(index((c) => c.kind === "writeFormulas" && c.sheet === "Kandidaten")).toBeGreaterThan(
        index((c) => c.kind === "writeFormulas" && c.sheet === "Berekening")
      );
    });

    test("per cell: a typed value or another formula stays, the empty rows around them get the formula in blocks", () => {
      const table = candidatesSheet(
        Array.from({ length: 6 }, (_, i) => ({ ...passing, Kandidaat: `K${i + 1}` })),
        { outputs: true }
      );
      const column = headers.indexOf("Rang");
      table.formulas = table.values.map((row) => row.map(() => null));
      table.formulas[1][column] = "=1"; // row 2: a formula of the user's
      table.values[3][column] = 7; // row 4: a value the user typed
      const rang = formulaWrites(planSetUp(snapshotOf(table), request17040)).filter((c) =>
        c.at.startsWith(letter("Rang"))
      );
      expect(rang.map((c) => [c.at, c.formulas.length])).toEqual([
        [`${letter("Rang")}3`, 1],
        [`${letter("Rang")}5`, 3],
      ]);
    });

    test("a column of values from an earlier scoring is kept whole, also its empty cells (no column half values, half formulas)", () => {
      const rows = [
        { ...passing, Score: 80 },
        { ...passing, Kandidaat: "Bram", K1: "Nee", Score: null },
      ];
      const changes = planSetUp(snapshotOf(candidatesSheet(rows, { outputs: true })), request17040);
      expect(formulaWrites(changes).some((c) => c.at.startsWith(letter("Score")))).toBe(false);
      expect(formulaWrites(changes).filter((c) => c.at.startsWith(letter("Rang")))).toHaveLength(1);
    });

    test("a Berekening sheet that is ours is completed, not duplicated; a foreign one is refused, nothing planned", () => {
      const first = planSetUp(snapshotOf(candidatesSheet(twelve)), request17040);
      const after = applyToSnapshot(snapshotOf(candidatesSheet(twelve)), first);
      // Set-up again over its own result: nothing to write, no second Berekening.
      expect(planSetUp(after, request17040)).toEqual([]);

      // Ours without its formula (cleared by hand): made again.
      const cleared = applyToSnapshot(after, [
        { kind: "writeValues", sheet: "Berekening", at: "A3", values: [[null]] },
      ]);
      const again = planSetUp(cleared, request17040);
      expect(again[0]).toEqual({ kind: "resetSheet", sheet: "Berekening" });
      expect(formulaWrites(again, "Berekening")).toHaveLength(2);
      expect(formulaWrites(again)).toEqual([]);
      // Likewise without FLEX.WORKYEARS alone.
      const noYears = applyToSnapshot(after, [
        { kind: "writeValues", sheet: "Berekening", at: "D3", values: [[null]] },
      ]);
      expect(formulaWrites(planSetUp(noYears, request17040), "Berekening")).toHaveLength(2);

      const foreign = snapshotOf(
        candidatesSheet(twelve),
        sheet("Berekening", [["Mijn sommen"], [1, 2]])
      );
      expect(() => planSetUp(foreign, request17040)).toThrow(WorkbookError);
      expect(() => planSetUp(foreign, request17040)).toThrow(/Het blad 'Berekening' bestaat al/);
    });
  });
});
