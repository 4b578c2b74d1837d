/**
 * The file side's interpreter of the command (src/xlsx/package/apply.ts) makes every kind of
 * change: one example of each (test/workbook/changeKinds.ts) applied to the same workbook
 * changes the part it must change, and a kind it does not know fails loudly.
 */
import ExcelJS from "exceljs";
import type { WorkbookChange } from "../../../src/workbook/changes";
import { applyChanges } from "../../../src/xlsx";
import { applyToPackage } from "../../../src/xlsx/package/apply";
import { readPackage } from "../../../src/xlsx/package/zip";
import { base, examples, unknownChange } from "../../workbook/changeKinds";
import { changedParts } from "./helpers";

/** Per kind, a part the change must write (`Blad` is xl/worksheets/sheet1.xml). */
const mustChange: Record<WorkbookChange["kind"], RegExp> = {
  createSheet: /^xl\/workbook\.xml$/,
  resetSheet: /^xl\/worksheets\/sheet1\.xml$/,
  writeValues: /^xl\/worksheets\/sheet1\.xml$/,
  writeFormulas: /^xl\/worksheets\/sheet1\.xml$/,
  createTable: /^xl\/tables\/table2\.xml$/,
  addTableColumns: /^xl\/tables\/table1\.xml$/,
  growTable: /^xl\/tables\/table1\.xml$/,
  defineName: /^xl\/workbook\.xml$/,
  listValidation: /^xl\/worksheets\/sheet1\.xml$/,
  numberFormat: /^xl\/styles\.xml$/,
  formulaFormat: /^xl\/worksheets\/sheet1\.xml$/,
  dataBar: /^xl\/worksheets\/sheet1\.xml$/,
  freezePanes: /^xl\/worksheets\/sheet1\.xml$/,
  columnWidths: /^xl\/worksheets\/sheet1\.xml$/,
  barChart: /^xl\/charts\/chart1\.xml$/,
  writeNote: /^xl\/comments\d*\.xml$/,
  headerFooterTexts: /^xl\/worksheets\/sheet1\.xml$/,
  validationTexts: /^xl\/worksheets\/sheet1\.xml$/,
  documentProperties: /^docProps\/core\.xml$/,
  pageSetup: /^xl\/worksheets\/sheet1\.xml$/,
};

let bytes: Buffer;
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, base);
  bytes = Buffer.from(await workbook.xlsx.writeBuffer());
});

test.each(examples())("%s is made", async (kind, change) => {
  const pkg = await readPackage(bytes);
  const { parts } = applyToPackage(pkg, [change]);
  const changed = changedParts(pkg.parts, parts);
  expect(changed).toContainEqual(expect.stringMatching(mustChange[kind as WorkbookChange["kind"]]));
});

test("a note on a cell without one is not added: no use case adds a note to a user's workbook (src/xlsx/package/notes.ts)", async () => {
  const pkg = await readPackage(bytes);
  const { parts } = applyToPackage(pkg, [
    { kind: "writeNote", sheet: "Blad", at: "B3", text: "Nieuw" },
  ]);
  expect(changedParts(pkg.parts, parts)).toEqual([]);
});

test("a kind of change it does not know fails, naming it", async () => {
  const pkg = await readPackage(bytes);
  expect(() => applyToPackage(pkg, [unknownChange])).toThrow(/Unknown change: .*paintItBlack/);
});
