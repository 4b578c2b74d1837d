/** planSetUp on snapshots: what it makes, completes, keeps and refuses. */
import { request17040 } from "../../src/engine";
import type { WorkbookChange } from "../../src/workbook/changes";
import { outputHeaders } from "../../src/workbook/layout";
import { WorkbookError } from "../../src/workbook/problems";
import { blankRequest, planSetUp, setUpRequest } from "../../src/workbook/setUp";
import { planTemplate } from "../../src/workbook/template";
import { candidatesSheet, headers17040, passing, sheet, snapshotOf } from "./helpers";

const kinds = (changes: WorkbookChange[]) => changes.map((c) => c.kind);

describe("planSetUp", () => {
  test("on an empty workbook: the template's changes, plus the FLEX formulas in Knock-out, Score, Rang and Top 10", () => {
    const changes = planSetUp(snapshotOf(), request17040);
    const template = planTemplate(request17040, { rows: 1 });
    expect(changes.filter((c) => c.kind !== "writeFormulas")).toEqual(
      expect.arrayContaining(template)
    );
    const formulas = changes.filter((c) => c.kind === "writeFormulas");
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
});
