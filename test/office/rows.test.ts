/**
 * Issue 17 §3 in the add-in, through Microsoft's Excel client on the simulator: rows
 * typed directly below the `Kandidaten` and `Werkervaring` tables on a host whose tables
 * did not grow (`autoExpandTables: false`, as in a workbook typed in LibreOffice) are
 * scored, named in a note, and the tables are grown with Table.resize (ExcelApi 1.13).
 * Without resize (ExcelApi 1.9) the rows still count and the pane says which table stayed
 * as it was. No verdict here depends on the peildatum (years typed, or a period from 2010).
 */
import { runScore } from "../../src/office";
import { officeTexts } from "../../src/office/texts";
import { WorkbookError } from "../../src/workbook/problems";
import type { CellValue } from "../../src/engine";
import { outputHeaders } from "../../src/workbook/layout";
import type { SheetSnapshot } from "../../src/workbook/snapshot";
import { candidatesSheet, passing, sheet, snapshotOf } from "../workbook/helpers";
import { columnValues, stateFromSnapshot } from "./helpers";
import { parseBox, sheetOf, simulateExcel } from "./simulator";

const preset = { preset: "17040" };
const since2010 = new Date(Date.UTC(2010, 0, 1));

/** Two candidates in the table and two typed below it; Cor's K3 comes from a period typed below Werkervaring. */
function workbook(): SheetSnapshot[] {
  const people: Array<Record<string, CellValue>> = [
    { ...passing, Kandidaat: "Ans", Uurtarief: 70, G11: 2 },
    { ...passing, Kandidaat: "Bram", Uurtarief: 65 },
    { ...passing, Kandidaat: "Cor", Uurtarief: 60, K3: 0 },
    { ...passing, Kandidaat: "Dina", K4: "Nee" },
  ];
  const candidates = candidatesSheet(people);
  candidates.tables[0].rowCount = 2;
  const periods = sheet(
    "Werkervaring",
    [
      ["Kandidaat", "Functie", "Telt voor", "Van", "Tot"],
      ["Bram", "Klantmanager", "G9", since2010, null],
      ["Cor", "Klantmanager inkomen", "K3", since2010, null],
    ],
    "Werkervaring"
  );
  periods.tables[0].rowCount = 1;
  return [candidates, periods];
}

function setUp(excelApi: string) {
  const excel = simulateExcel(stateFromSnapshot(snapshotOf(...workbook())), {
    autoExpandTables: false,
    excelApi,
  });
  const table = (name: string) => excel.state.tables.find((t) => t.name === name)!;
  return { excel, table };
}

describe("rows below the tables, on an Excel with Table.resize (ExcelApi 1.13)", () => {
  test("are scored, named, and both tables grow over them; outputs and marks cover them", async () => {
    const { excel, table } = setUp("1.13");
    expect(table("Kandidaten").bottom).toBe(3);
    const outcome = await runScore(excel.host, preset);

    expect(outcome.evaluation.candidates.map((c) => [c.row, c.name, c.status])).toEqual([
      [2, "Ans", "eligible"],
      [3, "Bram", "eligible"],
      [4, "Cor", "eligible"],
      [5, "Dina", "knockedOut"],
    ]);
    expect(outcome.notes).toEqual([
      "Kandidaten: rijen 4 t/m 5 staan onder de tabel 'Kandidaten'; meegeteld.",
      "Werkervaring: rij 3 staat onder de tabel 'Werkervaring'; meegeteld.",
    ]);
    // Werkervaring gets no writes: only Table.resize grows it.
    expect(table("Werkervaring").bottom).toBe(3);
    expect(table("Kandidaten").bottom).toBe(5);
    const kandidaten = table("Kandidaten");
    const column = (header: string) => kandidaten.left + kandidaten.columns.indexOf(header);
    expect(columnValues(excel.state, "Kandidaten", column("Status"), 2, 5)).toEqual([
      "Geschikt",
      "Geschikt",
      "Geschikt",
      "Valt af",
    ]);
    expect(columnValues(excel.state, "Kandidaten", column("Rang"), 2, 5)).toEqual([1, 3, 2, ""]);
    expect(kandidaten.columns.slice(-outputHeaders(10).length)).toEqual(outputHeaders(10));
    const formats = sheetOf(excel.state, "Kandidaten")!.formats;
    expect(formats.map((f) => f.type).sort()).toEqual(["Custom", "Custom", "DataBar"]);
    for (const format of formats) expect(parseBox(format.range).bottom).toBe(5);
  });

  test("scoring again finds the rows inside the tables: no note, the same verdicts", async () => {
    const { excel } = setUp("1.13");
    const first = await runScore(excel.host, preset);
    const again = await runScore(excel.host, preset);
    expect(again.notes).toEqual([]);
    expect(again.evaluation.candidates).toEqual(first.evaluation.candidates);
  });
});

describe("rows below the tables, on an Excel without Table.resize (ExcelApi 1.9)", () => {
  test("are scored and named; the table Excel did not grow is named too", async () => {
    const { excel, table } = setUp("1.9");
    const outcome = await runScore(excel.host, preset);
    expect(outcome.evaluation.candidates.map((c) => [c.name, c.status])).toEqual([
      ["Ans", "eligible"],
      ["Bram", "eligible"],
      ["Cor", "eligible"],
      ["Dina", "knockedOut"],
    ]);
    // Excel grows a table itself where values are written directly below it (the outputs of
    // Kandidaten); nothing is written to Werkervaring, so it stays as it was, and the pane says so.
    expect(table("Werkervaring").bottom).toBe(2);
    expect(outcome.notes).toEqual([
      "Kandidaten: rijen 4 t/m 5 staan onder de tabel 'Kandidaten'; meegeteld.",
      "Werkervaring: rij 3 staat onder de tabel 'Werkervaring'; meegeteld.",
      "Werkervaring: de tabel 'Werkervaring' kon niet worden vergroot; rij 3 is wel " +
        "meegeteld. Sleep de hoek rechtsonder van de tabel tot onder rij 3 om de rij in de tabel op te nemen.",
    ]);
    const kandidaten = table("Kandidaten");
    const status = kandidaten.left + kandidaten.columns.indexOf("Status");
    expect(columnValues(excel.state, "Kandidaten", status, 4, 5)).toEqual(["Geschikt", "Valt af"]);
  });
});

test("a resize Excel refuses (the table was removed meanwhile) fails nothing else: the rest is written, the pane says so", async () => {
  const { excel, table } = setUp("1.13");
  let removed = false;
  excel.options.between = (sim) => {
    // Once Kandidaten has grown, a co-author turns Werkervaring into a plain range.
    if (removed || table("Kandidaten").bottom !== 5) return;
    sim.state.tables = sim.state.tables.filter((t) => t.name !== "Werkervaring");
    removed = true;
  };
  const outcome = await runScore(excel.host, preset);
  expect(removed).toBe(true);
  expect(outcome.notes).toContain(
    "Werkervaring: de tabel 'Werkervaring' kon niet worden vergroot; rij 3 is wel meegeteld. " +
      "Sleep de hoek rechtsonder van de tabel tot onder rij 3 om de rij in de tabel op te nemen."
  );
  const kandidaten = table("Kandidaten");
  const status = kandidaten.left + kandidaten.columns.indexOf("Status");
  expect(columnValues(excel.state, "Kandidaten", status, 2, 5)).toEqual([
    "Geschikt",
    "Geschikt",
    "Geschikt",
    "Valt af",
  ]);
});

test("a table grown by someone else between reading and writing: nothing is written, a Dutch message", async () => {
  const { excel, table } = setUp("1.13");
  const start = excel.requests;
  excel.options.between = (_sim, request) => {
    // A co-author drags the table's corner over the rows below, after the add-in read them.
    if (request === start + 1) table("Kandidaten").bottom = 5;
  };
  const error = await runScore(excel.host, preset).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookError);
  expect((error as Error).message).toBe(officeTexts.changedMeanwhile);
  const kandidaten = table("Kandidaten");
  expect(kandidaten.columns).not.toContain("Status");
  expect(table("Werkervaring").bottom).toBe(2);
});
