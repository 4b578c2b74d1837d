/**
 * The `Stap 3` sheet: the municipality judges each top candidate's relevant
 * experience with similar assignments and organisations on a word scale; native
 * formulas turn the words into points (a visible scale table), add them up, rank
 * the totals and check the invitations against the request: "De (minimaal 2)
 * kandidaten die op basis van deze criteria als beste worden beoordeeld, worden
 * uitgenodigd" — at least two (or the whole top when it holds fewer), and nobody
 * left out who has a higher total than someone invited; otherwise it names who.
 * Names are joined by per-row helper cells (no TEXTJOIN: not every program has it).
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

/** "De (minimaal 2) kandidaten …": the fewest to invite, when the top holds that many. */
export const minimumInvited = 2;

/** Where things are on `Stap 3` (1-based rows and columns). */
export const step3Layout = {
  headerRow: 6,
  firstRow: 7,
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
    check: 10,
    /** Hidden helpers: the names so far that are skipped, and that have no total. */
    skippedNames: 11,
    unjudgedNames: 12,
  },
  scaleColumn: 14,
} as const;

/** The rows of a step-3 sheet for `count` candidates: data rows and the check line. */
export function step3Rows(count: number): { first: number; last: number; check: number } {
  const first = step3Layout.firstRow;
  const last = first + Math.max(count, 1) - 1;
  return { first, last, check: last + 2 };
}

const columnWidths = [9, 26, 24, 14, 20, 20, 9, 9, 12, 30, 4, 4, 2, 14, 8];

/** A text as a formula's string literal. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
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
      h.check,
      h.skippedNames,
      h.unjudgedNames,
    ],
    { bold: true, fill: shareColours.header, wrap: true }
  );
  sheet.getRow(step3Layout.headerRow).height = 60;

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
  widths(sheet, columnWidths);
  sheet.getColumn(c.skippedNames).hidden = true;
  sheet.getColumn(c.unjudgedNames).hidden = true;

  if (top.length === 0) {
    putRow(sheet, step3Layout.firstRow, 1, [t.empty]);
    printLandscape(sheet);
    return;
  }

  const { first, last, check } = step3Rows(top.length);
  const totals = `${abs(first, c.total)}:${abs(last, c.total)}`;
  const invites = `${abs(first, c.invite)}:${abs(last, c.invite)}`;
  const yes = quoted(t.yes);
  top.forEach((candidate, i) => {
    const row = first + i;
    putRow(sheet, row, 1, [candidate.rank, candidate.name, candidate.supplier, candidate.rate], {
      formats: [null, shareFormats.text, shareFormats.text, shareFormats.euro],
    });
    const a = cellAddress(row, c.assignments);
    const o = cellAddress(row, c.organisations);
    const total = cellAddress(row, c.total);
    const invite = cellAddress(row, c.invite);
    const name = cellAddress(row, c.name);
    const rowCheck = cellAddress(row, c.check);
    dropDown(sheet.getCell(a), { range: words });
    dropDown(sheet.getCell(o), { range: words });
    dropDown(sheet.getCell(invite), { items: [t.yes, t.no] });
    putFormula(
      sheet.getCell(total),
      `IF(OR(${a}="",${o}=""),"",VLOOKUP(${a},${table},2,FALSE)+VLOOKUP(${o},${table},2,FALSE))`,
      ""
    );
    putFormula(sheet.getCell(row, c.rank), `IF(${total}="","",RANK(${total},${totals},0))`, "");
    // Left out while someone invited has a lower total: the request invites "als beste beoordeeld".
    putFormula(
      sheet.getCell(rowCheck),
      `IF(${total}="",${quoted(t.rowUnjudged)},IF(AND(${invite}<>${yes},COUNTIFS(${invites},${yes},${totals},"<"&${total})>0),${quoted(t.rowSkipped)},""))`,
      t.rowUnjudged
    );
    // Running lists of names, one helper cell a row: the last row holds them all.
    for (const [column, word] of [
      [c.skippedNames, t.rowSkipped],
      [c.unjudgedNames, t.rowUnjudged],
    ] as const) {
      const before = i === 0 ? '""' : cellAddress(row - 1, column);
      putFormula(
        sheet.getCell(row, column),
        `${before}&IF(${rowCheck}=${quoted(word)},IF(${before}="","",", ")&${name},"")`,
        ""
      );
    }
  });

  const required = Math.min(minimumInvited, top.length);
  const invited = `COUNTIF(${invites},${yes})`;
  const skipped = abs(last, c.skippedNames);
  const unjudged = abs(last, c.unjudgedNames);
  const problems =
    `IF(${invited}<${required},${quoted(t.checkShort(required))}&${invited}&". ","")` +
    `&IF(${skipped}="","",${quoted(t.checkSkipped)}&${skipped}&". ")` +
    `&IF(${unjudged}="","",${quoted(t.checkUnjudged)}&${unjudged}&". ")`;
  const ok = `${quoted(t.checkOk)}&${invited}&IF(${invited}=1,${quoted(t.checkOkOne)},${quoted(t.checkOkMany)})&${quoted(t.checkOkTail)}`;
  const checkCell = sheet.getCell(check, 1);
  const names = top.map((candidate) => candidate.name).join(", ");
  putFormula(
    checkCell,
    `IF(${problems}="",${ok},${quoted(t.checkWarning)}&TRIM(${problems}))`,
    `${t.checkWarning}${t.checkShort(required)}0. ${t.checkUnjudged}${names}.`
  );
  checkCell.font = { bold: true };
  checkCell.alignment = { wrapText: true, vertical: "top" };
  fill(checkCell, shareColours.check);
  sheet.mergeCells(check, 1, check, c.check);
  sheet.getRow(check).height = 45;

  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: step3Layout.headerRow }];
  printLandscape(sheet);
}
