/** The simulator, through Microsoft's client, behaves as Excel where the add-in depends on it. */
import { runSetUp } from "../../src/office";
import {
  emptyState,
  simulateExcel,
  sheetValues,
  type ExcelSimulator,
  type FakeValue,
} from "./simulator";

let excel: ExcelSimulator;
beforeEach(() => (excel = simulateExcel(emptyState())));

/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early on purpose */
test("a property read before load and sync throws, as in Excel; a value just set reads back as set", async () => {
  await excel.host.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    // The client keeps what was set, before any sync: Excel has not parsed it yet.
    range.values = [["=1+1", "17040"]];
    expect(range.values).toEqual([["=1+1", "17040"]]);
    range.load("values,formulas");
    await context.sync();
    expect(range.values).toEqual([[2, 17040]]);
    expect(range.formulas).toEqual([["=1+1", 17040]]);
  });
  expect(excel.last().syncs).toBe(1);
});

test("writes happen at sync; a missing sheet fails at sync; null objects tell", async () => {
  await excel.host.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("Nergens");
    context.workbook.worksheets.add("Nieuw");
    context.workbook.worksheets.getItem("Nieuw").getRange("B2").values = [["hallo"]];
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Blad1"]);
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    context.workbook.worksheets.getItem("Nergens").getRange("A1").values = [[1]];
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
  expect(sheetValues(excel.state.sheets[1])).toEqual([
    ["", ""],
    ["", "hallo"],
  ]);
});

test("counts syncs and request bytes, and refuses a block of the wrong size", async () => {
  await excel.host.run(async (context) => {
    context.workbook.worksheets.getItem("Blad1").getRange("A1:A3").values = [["a"], ["b"], ["c"]];
    await context.sync();
    context.workbook.worksheets.getItem("Blad1").getRange("A1:A2").values = [["a"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
  expect(excel.last().syncs).toBe(2);
  expect(excel.last().requestBytes[0]).toBeGreaterThan(
    JSON.stringify([["a"], ["b"], ["c"]]).length
  );
});

describe("formulas read back calculated, tables grow as in Excel", () => {
  /** The 17040 set-up, then candidates typed into the table and the row below it. */
  async function typedCandidates(calculatedColumns: boolean) {
    const sim = simulateExcel(emptyState(), { calculatedColumns });
    await runSetUp(sim.host, "17040");
    const table = sim.state.tables.find((t) => t.name === "Kandidaten")!;
    const at = (header: string) => table.columns.findIndex((h) => h.split(" ")[0] === header);
    const row = (name: string, rate: number, g9: number): FakeValue[] => {
      const cells: FakeValue[] = table.columns.map(() => "");
      const set = (header: string, value: FakeValue) => (cells[at(header)] = value);
      set("Kandidaat", name);
      set("Uurtarief", rate);
      for (const k of ["K1", "K2", "K4", "K5", "K6", "G10"]) set(k, "Ja");
      set("K3", 4);
      set("K7", 1_000_000);
      set("E1", 3);
      set("E2", "Ja");
      set("E3", 2);
      set("G9", g9);
      set("G11", 2);
      // Only the input columns are typed: the output columns hold the set-up's formulas.
      return cells.slice(0, at("Loting") + 1);
    };
    sim.type("Kandidaten", "A2", [row("Ans", 70, 12)]);
    sim.type("Kandidaten", "A3", [row("Bram", 65, 3)]);
    return { sim, table, at };
  }

  test("a row typed below the table joins it and gets the calculated columns; FLEX formulas calculate", async () => {
    const { sim, table, at } = await typedCandidates(true);
    expect(table.bottom).toBe(3);
    const score = table.left + at("Score");
    const knockout = table.left + at("Knock-out");
    expect(sim.valueAt("Kandidaten", 2, knockout)).toBe("OK");
    expect(sim.valueAt("Kandidaten", 2, score)).toBe(100);
    expect(sim.valueAt("Kandidaten", 3, score)).toBe(50);
    expect(sim.valueAt("Kandidaten", 3, table.left + at("Rang"))).toBe(2);
  });

  test("with calculated columns off, the formula of the first row does not reach a new row", async () => {
    const { sim, table, at } = await typedCandidates(false);
    expect(table.bottom).toBe(3);
    expect(sim.valueAt("Kandidaten", 2, table.left + at("Score"))).toBe(100);
    expect(sim.valueAt("Kandidaten", 3, table.left + at("Score"))).toBe("");
  });
});

test("strings written by the API are read with USA rules: dates month first, text kept only as text", async () => {
  await excel.host.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:F1");
    range.values = [["2024-08-26", "04-10-2024", "26-08-2024", "-", "+31612345678", "17040"]];
    const text = context.workbook.worksheets.getItem("Blad1").getRange("A2:F2");
    text.numberFormat = [["@", "@", "@", "@", "@", "@"]];
    text.values = [["2024-08-26", "04-10-2024", "26-08-2024", "-", "+31 6 1234", "17040"]];
    range.load("values,formulas,numberFormat");
    text.load("values");
    await context.sync();
    // 45530 is 26-08-2024 and 45392 is 10-04-2024 (month first); 26-08-2024 is no USA date.
    expect(range.values[0].slice(0, 4)).toEqual([45530, 45392, "26-08-2024", "-"]);
    expect(range.numberFormat[0][0]).toBe("m/d/yyyy");
    expect(range.values[0][4]).toBe(31612345678);
    expect(range.values[0][5]).toBe(17040);
    expect(text.values).toEqual([
      ["2024-08-26", "04-10-2024", "26-08-2024", "-", "+31 6 1234", "17040"],
    ]);
  });
});

test("a value that would be a formula Excel does not take is refused, the whole write (office-js #3256)", async () => {
  await excel.host.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
    range.values = [["ok", "+31 6 12345678"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
  expect(excel.state.sheets[0].cells.size).toBe(0);
});
