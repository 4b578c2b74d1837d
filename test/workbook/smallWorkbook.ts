/**
 * A request workbook as `awardscore template` makes it, with a few typed candidates and
 * no work history: for tests that must not depend on the example's data or dates.
 */
import ExcelJS from "exceljs";
import { request17040, type CellValue, type Request } from "../../src/engine";
import { planTemplate } from "../../src/workbook/template";
import { applyChanges } from "../../src/xlsx";
import { passing, rowFor } from "./helpers";

/** A candidate of {@link passing} (80 points, € 70) with these fields changed. */
export function candidate(fields: Record<string, CellValue>): Record<string, CellValue> {
  return { ...passing, ...fields };
}

/**
 * The template of `request` (17040 with its own top N, say) with `candidates` typed in from row 2.
 *
 * @example
 * smallWorkbook({ ...request17040, topN: 3 }, [candidate({ Kandidaat: "Ans" })]);
 */
export function smallWorkbook(
  request: Request,
  candidates: Array<Record<string, CellValue>>
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, planTemplate(request, { rows: candidates.length }));
  const sheet = workbook.getWorksheet("Kandidaten")!;
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  candidates.forEach((c, i) =>
    rowFor(headers, c).forEach((value, j) => {
      if (value !== null && value !== undefined)
        sheet.getCell(i + 2, j + 1).value = value as ExcelJS.CellValue;
    })
  );
  return workbook;
}

/** Request 17040 with a top of `topN`. */
export function requestWithTop(topN: number): Request {
  return { ...request17040, topN };
}
