/** applyChanges: one sync for any number of rows; blocks only when the bytes demand it. */
import { applyChanges, readWorkbook } from "../../src/office";
import { hasRelativeReference } from "../../src/office/apply";
import type { WorkbookChange } from "../../src/workbook/changes";
import { emptyState, simulateExcel, sheetOf, type ExcelSimulator } from "./simulator";

let excel: ExcelSimulator;
beforeEach(() => (excel = simulateExcel(emptyState())));

/** The request bytes of the last {@link apply}'s writes (its read not counted). */
let applyBytes: number[] = [];

async function apply(changes: WorkbookChange[]): Promise<number> {
  return excel.host.run(async (context) => {
    const read = await readWorkbook(context);
    const before = excel.last().syncs;
    const syncs = await applyChanges(context, changes, read, excel.host.isSetSupported);
    applyBytes = excel.last().requestBytes.slice(before);
    return syncs;
  });
}

test("200,000 short rows go in one sync", async () => {
  const values = Array.from({ length: 200_000 }, (_, i) => [i % 10]);
  const syncs = await apply([
    { kind: "createSheet", sheet: "Ranking" },
    { kind: "writeValues", sheet: "Ranking", at: "A1", values },
  ]);
  expect(syncs).toBe(1);
  expect(sheetOf(excel.state, "Ranking")!.cells.get("200000,1")?.value).toBe(9);
});

test("12 MB of text goes in blocks of rows, each request under 5 MB, every cell written once", async () => {
  const text = "x".repeat(120);
  const values = Array.from({ length: 100_000 }, (_, i) => [`${i} ${text}`]);
  const syncs = await apply([
    { kind: "createSheet", sheet: "Ranking" },
    { kind: "writeValues", sheet: "Ranking", at: "B2", values },
  ]);
  const bytes = applyBytes;
  expect(syncs).toBe(bytes.length);
  expect(syncs).toBeGreaterThanOrEqual(3);
  expect(Math.max(...bytes)).toBeLessThan(5_000_000);
  expect(excel.last().calculationSuspended).toBe(syncs);
  const cells = sheetOf(excel.state, "Ranking")!.cells;
  expect(cells.size).toBe(100_000);
  expect(cells.get("2,2")?.value).toBe(`0 ${text}`);
  expect(cells.get("100001,2")?.value).toBe(`99999 ${text}`);
});

test("dates are written as Excel serial numbers, empty cells as empty", async () => {
  await apply([
    { kind: "createSheet", sheet: "Aanvraag" },
    {
      kind: "writeValues",
      sheet: "Aanvraag",
      at: "A1",
      values: [[new Date(Date.UTC(2024, 9, 4)), null, "Ja"]],
      numberFormats: ["dd-mm-yyyy", null, null],
    },
  ]);
  const cells = sheetOf(excel.state, "Aanvraag")!.cells;
  expect(cells.get("1,1")).toEqual({ value: 45569, numberFormat: "dd-mm-yyyy" });
  expect(cells.get("1,2")?.value).toBe("");
  expect(cells.get("1,3")?.value).toBe("Ja");
});

test("pageSetup: A4 landscape, one page wide, the header row on every page (ExcelApi 1.9)", async () => {
  const change: WorkbookChange = {
    kind: "pageSetup",
    sheet: "Kandidaten",
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: { first: 1, last: 1 },
  };
  await apply([{ kind: "createSheet", sheet: "Kandidaten" }, change]);
  expect(sheetOf(excel.state, "Kandidaten")!.pageLayout).toEqual({
    PaperSize: "A4",
    Orientation: "Landscape",
    Zoom: { horizontalFitToPages: 1 },
    PrintTitleRows: "$1:$1",
  });

  // A host without ExcelApi 1.9 prints with its defaults; the other writes go through.
  excel = simulateExcel(emptyState(), { excelApi: "1.8" });
  await apply([
    { kind: "createSheet", sheet: "Kandidaten" },
    change,
    { kind: "writeValues", sheet: "Kandidaten", at: "A1", values: [["Kandidaat"]] },
  ]);
  const sheet = sheetOf(excel.state, "Kandidaten")!;
  expect(sheet.pageLayout).toBeUndefined();
  expect(sheet.cells.get("1,1")?.value).toBe("Kandidaat");
});

test("one formula for every row of a column goes once on the wire; a formula with a relative reference goes cell by cell", async () => {
  const same = `=IF(TRIM(A2)="","",INDEX('Berekening'!$A$3#,ROW()-1,1))`.replace("A2", "$A$2");
  await apply([
    { kind: "createSheet", sheet: "Kandidaten" },
    {
      kind: "writeFormulas",
      sheet: "Kandidaten",
      at: "C2",
      formulas: Array.from({ length: 3_000 }, () => [same]),
    },
  ]);
  // 3,000 copies would be about 170 KB: one copy and the action.
  expect(applyBytes.reduce((a, b) => a + b, 0)).toBeLessThan(5_000);
  const cells = sheetOf(excel.state, "Kandidaten")!.cells;
  expect(cells.get("2,3")?.formula).toBe(same);
  expect(cells.get("3001,3")?.formula).toBe(same);

  // `B2` would move from row to row if sent once: each row keeps the text it was given.
  const relative = Array.from({ length: 3 }, () => ["=B2*2"]);
  await apply([{ kind: "writeFormulas", sheet: "Kandidaten", at: "D2", formulas: relative }]);
  expect(applyBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * "=B2*2".length);
  expect(cells.get("4,4")?.formula).toBe("=B2*2");
});

test("relative references are found, absolute ones, texts, sheet names and structured references are not", () => {
  for (const relative of ["=B2*2", "=$B2*2", "=B$2*2", "=Blad1!B2", "=SUM(A1:$B$3)", "=LOG10(4)"])
    expect([relative, hasRelativeReference(relative)]).toEqual([relative, true]);
  for (const fixed of [
    "=$B$2*2",
    `=IF(TRIM([@[Kandidaat]])="","A1",INDEX('Berekening'!$A$3#,ROW()-ROW(Kandidaten[#Headers]),{1,2}))`,
    "=FLEX.KNOCKOUT([@[K1 Waadi-registratie]]:[@[E3 Aantal referenties]],Knockoutcriteria[#All])",
    "=[@[E1 CV-pagina''s]]+'Blad 1''s B2'!$C$4",
  ])
    expect([fixed, hasRelativeReference(fixed)]).toEqual([fixed, false]);
});
