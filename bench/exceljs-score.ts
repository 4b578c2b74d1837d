/**
 * The command's scoring as it was before the package writer (issue 18): the workbook read
 * whole by ExcelJS, the changes applied to ExcelJS's model and every part written again by
 * ExcelJS's renderers (through the command's zlib writer). Kept for the bench only, as the
 * old writer beside the new one (`npm run bench:cli`).
 */
import ExcelJS from "exceljs";
import { planScoreRun } from "../src/workbook/scoreRun";
import { applyChanges, readSnapshot, repairLoadedTables, sheetSnapshot } from "../src/xlsx";
import { writeXlsx } from "../src/cli/writeXlsx";
import { recordTexts, rejectionTexts } from "../src/workbook/texts";

async function main(input: string, output: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  repairLoadedTables(workbook);
  const snapshot = readSnapshot(workbook);
  for (const name of [rejectionTexts.sheet, recordTexts.sheet]) {
    const sheet = workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (sheet) snapshot.sheets.push(sheetSnapshot(sheet));
  }
  const plan = planScoreRun(snapshot, {}, new Date());
  applyChanges(workbook, plan.changes);
  await writeXlsx(workbook, output, 6);
}

void main(process.argv[2], process.argv[3]);
