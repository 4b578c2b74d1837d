/**
 * The `Stap 3` sheet: the municipality judges each top candidate's experience
 * with similar assignments and organisations on a word scale; native formulas
 * turn the words into points (a visible scale table), add them up, rank the
 * totals and check that at least two are invited.
 */
import type ExcelJS from "exceljs";
import type { CandidateResult } from "../engine";
import { cellAddress, columnLetters } from "../workbook/address";
import {
  dropDown,
  fill,
  printLandscape,
  putFormula,
  putRow,
  shareColours,
  shareFormats,
  widths,
} from "./cells";
import { step3Texts as t } from "./texts";

/** Where things are on `Stap 3` (1-based rows and columns). */
export const step3Layout = {
  headerRow: 5,
  firstRow: 6,
  columns: {
    awardRank: 1,
    name: 2,
    supplier: 3,
    rate: 4,
    assignments: 5,
    organisations: 6,
    total: 7,
    rank: 8,
    invite: 9,
  },
  scaleColumn: 11,
} as const;

/** The rows of a step-3 sheet for `count` candidates: data rows and the check line. */
export function step3Rows(count: number): { first: number; last: number; check: number } {
  const first = step3Layout.firstRow;
  const last = first + Math.max(count, 1) - 1;
  return { first, last, check: last + 2 };
}

/**
 * Fills the `Stap 3` sheet.
 *
 * @example
 * writeStep3(workbook.addWorksheet("Stap 3"), topCandidates(evaluation));
 */
export function writeStep3(sheet: ExcelJS.Worksheet, top: CandidateResult[]): void {
  putRow(sheet, 1, 1, [t.title], { bold: true });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  t.instructions.forEach((text, i) => putRow(sheet, 2 + i, 1, [text]));

  const c = step3Layout.columns;
  const h = t.headers;
  putRow(
    sheet,
    step3Layout.headerRow,
    1,
    [
      h.awardRank,
      h.name,
      h.supplier,
      h.rate,
      h.assignments,
      h.organisations,
      h.total,
      h.rank,
      h.invite,
    ],
    { bold: true, fill: shareColours.header, wrap: true }
  );
  sheet.getRow(step3Layout.headerRow).height = 45;

  // The scale as a table on the sheet: the drop-downs and VLOOKUP both read it.
  const scaleCol = step3Layout.scaleColumn;
  putRow(sheet, step3Layout.headerRow - 1, scaleCol, [t.scaleHeading], { bold: true });
  putRow(
    sheet,
    step3Layout.headerRow,
    scaleCol,
    [t.scaleHeaders.judgement, t.scaleHeaders.points],
    {
      bold: true,
      fill: shareColours.header,
    }
  );
  t.scale.forEach((word, i) => putRow(sheet, step3Layout.firstRow + i, scaleCol, [word, i]));
  const abs = (row: number, column: number) => `$${columnLetters(column)}$${row}`;
  const scaleFirst = step3Layout.firstRow;
  const scaleLast = step3Layout.firstRow + t.scale.length - 1;
  const words = `${abs(scaleFirst, scaleCol)}:${abs(scaleLast, scaleCol)}`;
  const table = `${words.split(":")[0]}:${abs(scaleLast, scaleCol + 1)}`;

  if (top.length === 0) {
    putRow(sheet, step3Layout.firstRow, 1, [t.empty]);
    widths(sheet, [9, 26, 24, 11, 20, 20, 9, 9, 12, 2, 14, 8]);
    printLandscape(sheet);
    return;
  }

  const { first, last, check } = step3Rows(top.length);
  const totals = `${abs(first, c.total)}:${abs(last, c.total)}`;
  const invites = `${abs(first, c.invite)}:${abs(last, c.invite)}`;
  top.forEach((candidate, i) => {
    const row = first + i;
    putRow(sheet, row, 1, [candidate.rank, candidate.name, candidate.supplier, candidate.rate], {
      formats: [null, shareFormats.text, shareFormats.text, shareFormats.euro],
    });
    const a = cellAddress(row, c.assignments);
    const o = cellAddress(row, c.organisations);
    const total = cellAddress(row, c.total);
    dropDown(sheet.getCell(a), { range: words });
    dropDown(sheet.getCell(o), { range: words });
    dropDown(sheet.getCell(row, c.invite), { items: [t.yes, t.no] });
    putFormula(
      sheet.getCell(total),
      `IF(OR(${a}="",${o}=""),"",VLOOKUP(${a},${table},2,FALSE)+VLOOKUP(${o},${table},2,FALSE))`,
      ""
    );
    putFormula(sheet.getCell(row, c.rank), `IF(${total}="","",RANK(${total},${totals},0))`, "");
  });

  const invited = `COUNTIF(${invites},"${t.yes}")`;
  const checkCell = sheet.getCell(check, 1);
  putFormula(
    checkCell,
    `IF(${invited}>=2,"${t.checkOk}"&${invited}&"${t.checkOkTail}","${t.checkShort}"&${invited}&"${t.checkShortTail}")`,
    `${t.checkShort}0${t.checkShortTail}`
  );
  checkCell.font = { bold: true };
  fill(checkCell, shareColours.check);
  sheet.mergeCells(check, 1, check, c.invite);

  widths(sheet, [9, 26, 24, 11, 20, 20, 9, 9, 12, 2, 14, 8]);
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: step3Layout.headerRow }];
  printLandscape(sheet);
}
