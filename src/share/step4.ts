/**
 * The `Stap 4` sheet: per top candidate a block of the competencies × the
 * assessors with drop-downs, and native formulas that follow the engine's rule
 * (competencyVerdict): one judgement below the pass mark fails a competency;
 * fewer judgements than the minimum, or an unknown word, leaves it open. An
 * overview on top says per candidate whether all competencies pass, and one
 * line says when no interviewed candidate passes: step 3 may be repeated.
 */
import type ExcelJS from "exceljs";
import type { CandidateResult, CompetencyGate } from "../engine";
import { cellAddress, rangeAddress } from "../workbook/address";
import { dropDown, fill, printLandscape, putFormula, putRow, shareColours, widths } from "./cells";
import { step4Texts as t } from "./texts";

/** Where one candidate's block is. */
export interface Step4Block {
  /** Row of the first competency. */
  firstRow: number;
  /** Columns of the assessors (1-based, consecutive from 2). */
  assessors: number;
  /** Column of the verdict per competency. */
  verdictColumn: number;
  /** The cell saying Ja/Nee/Nog open for all competencies. */
  passesCell: string;
}

/** Where things are on `Stap 4` for `count` candidates and a gate. */
export interface Step4Layout {
  overviewHeader: number;
  overviewFirst: number;
  lineCell: string;
  blocks: Step4Block[];
}

/**
 * The positions on `Stap 4`: the overview from row 6, the line under it, then the blocks.
 *
 * @example
 * step4Layout(10, request17040.competencyGate).lineCell; // "A18"
 */
export function step4Layout(count: number, gate: CompetencyGate): Step4Layout {
  const overviewHeader = 6;
  const overviewFirst = overviewHeader + 1;
  const lineRow = overviewFirst + count + 1;
  const assessors = Math.max(2, gate.minAssessors) + 1;
  const verdictColumn = 2 + assessors;
  const blocks: Step4Block[] = [];
  let row = lineRow + 3;
  for (let i = 0; i < count; i++) {
    const firstRow = row + 2; // block title, header, then the competencies
    const passesRow = firstRow + gate.competencies.length;
    blocks.push({
      firstRow,
      assessors,
      verdictColumn,
      passesCell: cellAddress(passesRow, verdictColumn),
    });
    row = passesRow + 2;
  }
  return { overviewHeader, overviewFirst, lineCell: cellAddress(lineRow, 1), blocks };
}

/** A sum of COUNTIFs: how many cells of `range` hold one of `words` (case-insensitive, as the engine). */
function countWords(range: string, words: string[]): string {
  return words.map((w) => `COUNTIF(${range},"${w.replace(/"/g, '""')}")`).join("+") || "0";
}

/**
 * Fills the `Stap 4` sheet.
 *
 * @example
 * writeStep4(workbook.addWorksheet("Stap 4"), topCandidates(evaluation), request.competencyGate);
 */
export function writeStep4(
  sheet: ExcelJS.Worksheet,
  top: CandidateResult[],
  gate: CompetencyGate
): void {
  putRow(sheet, 1, 1, [t.title], { bold: true });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  t.instructions(gate.minAssessors, gate.passFrom).forEach((text, i) =>
    putRow(sheet, 2 + i, 1, [text])
  );
  const layout = step4Layout(top.length, gate);
  const assessors = layout.blocks[0]?.assessors ?? Math.max(2, gate.minAssessors) + 1;
  widths(sheet, [30, ...Array.from({ length: assessors }, () => 16), 16]);
  printLandscape(sheet);
  if (top.length === 0) {
    putRow(sheet, layout.overviewHeader, 1, [t.empty]);
    return;
  }

  const passIndex = gate.scale.findIndex(
    (s) => s.toLocaleLowerCase("nl-NL") === gate.passFrom.toLocaleLowerCase("nl-NL")
  );
  const failing = gate.scale.slice(0, Math.max(passIndex, 0));
  const n = gate.competencies.length;

  putRow(sheet, layout.overviewHeader - 1, 1, [t.overviewHeading], { bold: true });
  const o = t.overviewHeaders;
  putRow(sheet, layout.overviewHeader, 1, [o.name, o.filled, o.passes], {
    bold: true,
    fill: shareColours.header,
    wrap: true,
  });
  sheet.getRow(layout.overviewHeader).height = 32;

  top.forEach((candidate, i) => {
    const block = layout.blocks[i];
    const lastAssessor = 1 + block.assessors;
    const titleRow = block.firstRow - 2;
    putRow(sheet, titleRow, 1, [t.blockTitle(i + 1, candidate.name, candidate.supplier)], {
      bold: true,
    });
    putRow(
      sheet,
      titleRow + 1,
      1,
      [
        t.headers.competency,
        ...Array.from({ length: block.assessors }, (_, a) =>
          a < Math.max(2, gate.minAssessors) ? t.headers.assessor(a + 1) : t.optionalAssessor(a + 1)
        ),
        t.headers.verdict,
      ],
      { bold: true, fill: shareColours.header, wrap: true }
    );
    sheet.getRow(titleRow + 1).height = 32;
    gate.competencies.forEach((competency, k) => {
      const row = block.firstRow + k;
      putRow(sheet, row, 1, [competency]);
      for (let col = 2; col <= lastAssessor; col++)
        dropDown(sheet.getCell(row, col), { items: gate.scale });
      const range = rangeAddress(row, 2, row, lastAssessor);
      const fails = countWords(range, failing);
      const known = countWords(range, gate.scale);
      putFormula(
        sheet.getCell(row, block.verdictColumn),
        `IF(${fails}>0,"${t.fail}",IF(OR(COUNTA(${range})<${gate.minAssessors},${known}<COUNTA(${range})),"${t.open}","${t.pass}"))`,
        t.open
      );
    });
    const verdicts = rangeAddress(
      block.firstRow,
      block.verdictColumn,
      block.firstRow + n - 1,
      block.verdictColumn
    );
    const passesRow = block.firstRow + n;
    putRow(sheet, passesRow, 1, [t.passesLabel], { bold: true });
    const passes = sheet.getCell(block.passesCell);
    putFormula(
      passes,
      `IF(COUNTIF(${verdicts},"${t.fail}")>0,"${t.no}",IF(COUNTIF(${verdicts},"${t.pass}")=${n},"${t.yes}","${t.open}"))`,
      t.open
    );
    passes.font = { bold: true };
    fill(passes, shareColours.check);

    const judgements = rangeAddress(block.firstRow, 2, block.firstRow + n - 1, lastAssessor);
    const overviewRow = layout.overviewFirst + i;
    putRow(sheet, overviewRow, 1, [candidate.name]);
    putFormula(sheet.getCell(overviewRow, 2), `COUNTA(${judgements})`, 0);
    putFormula(sheet.getCell(overviewRow, 3), block.passesCell, t.open);
  });

  const last = layout.overviewFirst + top.length - 1;
  const filled = `$B$${layout.overviewFirst}:$B$${last}`;
  const passing = `$C$${layout.overviewFirst}:$C$${last}`;
  const interviewed = `COUNTIF(${filled},">0")`;
  const passCount = `COUNTIF(${passing},"${t.yes}")`;
  const openCount = `COUNTIFS(${filled},">0",${passing},"${t.open}")`;
  const line = sheet.getCell(layout.lineCell);
  putFormula(
    line,
    `IF(${interviewed}=0,"${t.lineNone}",IF(${passCount}>0,${passCount}&"${t.linePasses}",IF(${openCount}>0,"${t.lineWaiting}","${t.lineRepeat}")))`,
    t.lineNone
  );
  line.font = { bold: true };
  fill(line, shareColours.check);
  const lineRow = Number(layout.lineCell.slice(1));
  sheet.mergeCells(lineRow, 1, lineRow, 2 + assessors);
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 0 }];
}
