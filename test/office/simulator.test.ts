/** The simulator, through Microsoft's client, behaves as Excel where the add-in depends on it. */
import { emptyState, simulateExcel, sheetValues, type ExcelSimulator } from "./simulator";

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
