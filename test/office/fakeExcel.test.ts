/** The fake host behaves as Excel where the add-in depends on it. */
import { emptyState, installFakeExcel, sheetValues, type FakeExcel } from "./fakeExcel";

let excel: FakeExcel;
beforeEach(() => (excel = installFakeExcel(emptyState())));
afterEach(() => excel.uninstall());

/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load -- reading too early on purpose */
test("a property read before load and sync throws, as in Excel", async () => {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
    range.values = [[1, "x"]];
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load("values");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(range.values).toEqual([[1, "x"]]);
  });
  expect(excel.last().syncs).toBe(1);
});

test("writes happen at sync; a missing sheet fails at sync; null objects tell", async () => {
  await Excel.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("Nergens");
    context.workbook.worksheets.add("Nieuw");
    context.workbook.worksheets.getItem("Nieuw").getRange("B2").values = [["hallo"]];
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Blad1"]);
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    context.workbook.worksheets.getItem("Nergens").getRange("A1").values = [[1]];
    await expect(context.sync()).rejects.toThrow(/ItemNotFound/);
  });
  expect(sheetValues(excel.state.sheets[1])).toEqual([
    ["", ""],
    ["", "hallo"],
  ]);
});

test("counts syncs and request bytes, and refuses a block of the wrong size", async () => {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Blad1").getRange("A1:A3").values = [["a"], ["b"], ["c"]];
    await context.sync();
    context.workbook.worksheets.getItem("Blad1").getRange("A1:A2").values = [["a"]];
    await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
  });
  expect(excel.last().syncs).toBe(2);
  expect(excel.last().requestBytes[0]).toBeGreaterThan(
    JSON.stringify([["a"], ["b"], ["c"]]).length
  );
});
