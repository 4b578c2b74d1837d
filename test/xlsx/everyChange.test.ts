/**
 * The ExcelJS interpreter (src/xlsx/apply.ts) handles every kind of change: one example of
 * each (test/workbook/changeKinds.ts) changes the written file, except a bar chart, which
 * ExcelJS cannot write: it is reported as skipped, and no plan the product gives this
 * interpreter has one (the command's score output goes through src/xlsx/package/apply.ts,
 * which draws it). A kind it does not know fails loudly.
 */
import ExcelJS from "exceljs";
import { presets } from "../../src/engine";
import type { WorkbookChange } from "../../src/workbook/changes";
import { blankRequest, planTemplate } from "../../src/workbook/template";
import { applyChanges } from "../../src/xlsx";
import { readPackage, type Part } from "../../src/xlsx/package/zip";
import { base, examples, oneOfEach, unknownChange } from "../workbook/changeKinds";
import { changedParts } from "./package/helpers";

/** The parts of a workbook as ExcelJS writes it. */
async function partsOf(workbook: ExcelJS.Workbook): Promise<Part[]> {
  return (await readPackage(Buffer.from(await workbook.xlsx.writeBuffer()))).parts;
}

let bytes: Buffer;
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, base);
  bytes = Buffer.from(await workbook.xlsx.writeBuffer());
});

/** The base workbook as read back, and its parts as ExcelJS writes it unchanged. */
async function loaded(): Promise<{ workbook: ExcelJS.Workbook; before: Part[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { workbook, before: await partsOf(workbook) };
}

/** The examples as ExcelJS's snapshot keys a validation: by its first cell (src/xlsx/read.ts). */
const forExcelJS = examples({
  ...oneOfEach,
  validationTexts: { ...oneOfEach.validationTexts, range: "C2" },
}).filter(([kind]) => kind !== "barChart");

test.each(forExcelJS)("%s is made", async (_, change) => {
  const { workbook, before } = await loaded();
  const report = applyChanges(workbook, [change]);
  expect(report.skipped).toEqual([]);
  expect(changedParts(before, await partsOf(workbook))).not.toEqual([]);
});

test("barChart is reported as skipped, the file unchanged: ExcelJS cannot write a chart", async () => {
  const [, chart] = examples().find(([kind]) => kind === "barChart")!;
  const { workbook, before } = await loaded();
  expect(applyChanges(workbook, [chart]).skipped).toEqual([chart]);
  expect(changedParts(before, await partsOf(workbook))).toEqual([]);
});

test("no template the product writes through ExcelJS asks for a chart", () => {
  const plans: WorkbookChange[][] = [
    planTemplate(blankRequest()),
    ...Object.values(presets).map((request) => planTemplate(request)),
  ];
  expect(plans.length).toBeGreaterThan(1);
  for (const plan of plans) expect(plan.filter((c) => c.kind === "barChart")).toEqual([]);
});

test("a kind of change it does not know fails, naming it", async () => {
  const { workbook } = await loaded();
  expect(() => applyChanges(workbook, [unknownChange])).toThrow(/Unknown change: .*paintItBlack/);
});
