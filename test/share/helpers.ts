/** The example request scored, optionally with a top candidate renamed: the input of the sharing tests. */
import ExcelJS from "exceljs";
import { exampleWorkbook } from "../../src/cli/example";
import { evaluate, request17040, type Evaluation, type Request } from "../../src/engine";
import { readCandidates, readPeriods } from "../../src/workbook/inputs";
import { planScore } from "../../src/workbook/score";
import { readSnapshot } from "../../src/xlsx";

/** A name that would be a formula if it were written as one. */
export const formulaName = '=HYPERLINK("http://x")';

/** Sets the name of one candidate on `Kandidaten` (found by its current name). */
export function rename(workbook: ExcelJS.Workbook, from: string, to: string): void {
  const sheet = workbook.getWorksheet("Kandidaten")!;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === from) cell.value = to;
    })
  );
}

/** Writes a draw order for candidates (by name) into the `Loting` column. */
export function recordDraw(workbook: ExcelJS.Workbook, order: string[]): void {
  const sheet = workbook.getWorksheet("Kandidaten")!;
  const header = sheet.getRow(1).values as ExcelJS.CellValue[];
  const column = header.indexOf("Loting");
  const nameColumn = header.indexOf("Kandidaat");
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const index = order.indexOf(String(row.getCell(nameColumn).value));
    if (index >= 0) row.getCell(column).value = index + 1;
  });
}

/** The example workbook, edited, and its evaluation. */
export function scoredExample(edit: (workbook: ExcelJS.Workbook) => void = () => {}): {
  workbook: ExcelJS.Workbook;
  evaluation: Evaluation;
} {
  const workbook = exampleWorkbook();
  edit(workbook);
  const evaluation = planScore(readSnapshot(workbook)).evaluation;
  return { workbook, evaluation };
}

/** Every cell of every sheet as text (values, formulas and cached results), for "is this anywhere" checks. */
export function allCellTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  for (const sheet of workbook.worksheets) {
    texts.push(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        texts.push(typeof cell.value === "string" ? cell.value : JSON.stringify(cell.value));
      })
    );
  }
  return texts;
}

/** The workbook after a save and a load, as the municipality receives it. */
export async function reloaded(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

/** The example's candidates evaluated under preset 17040 with some settings changed (a top of 3, fewer competencies). */
export function scoredExampleWith(change: Partial<Request>): Evaluation {
  const snapshot = readSnapshot(exampleWorkbook());
  const request: Request = { ...request17040, ...change };
  const candidates = readCandidates(snapshot, request);
  return evaluate(request, candidates.inputs, readPeriods(snapshot)?.inputs ?? []);
}
