/**
 * The `Stap 4` sheet: per top candidate a block of the competencies × the
 * assessors with drop-downs, the assessors' agreed Eindoordeel, and native
 * formulas that follow the engine's rule (competencyVerdict): the Eindoordeel
 * decides (a failing one fails the competency; without it, with too few
 * assessors or with an unknown word the competency stays open), and a
 * motivation is asked where the assessors differ by two steps or more, or
 * where one judged below the pass mark while the Eindoordeel passes. An
 * overview on top follows the invitations of `Stap 3`, and one line says when
 * no invited candidate passes: step 3 may be repeated (repeatStep3).
 */
import type ExcelJS from "exceljs";
import type { CandidateResult, CompetencyGate } from "../engine";
import { cellAddress, columnLetters, rangeAddress } from "../workbook/address";
import { dropDown, fill, printLandscape, putFormula, putRow, shareColours, widths } from "./cells";
import { step3Layout } from "./step3";
import { sharedSheetNames, step4Texts as t } from "./texts";

/** Where one candidate's block is. */
export interface Step4Block {
  /** Row of the first competency. */
  firstRow: number;
  /** Columns of the assessors (1-based, consecutive from 2). */
  assessors: number;
  /** Column of the Eindoordeel. */
  agreedColumn: number;
  /** Column of the verdict per competency. */
  verdictColumn: number;
  /** Column of the motivation check ("Motivering nodig"). */
  motivationCheckColumn: number;
  /** Column where the motivation is typed. */
  motivationColumn: number;
  /** The cell saying Ja/Nee/Nog open for all competencies. */
  passesCell: string;
}

/** Where things are on `Stap 4` for `count` candidates and a gate. */
export interface Step4Layout {
  overviewHeader: number;
  overviewFirst: number;
  /** Overview columns (1-based). */
  overviewColumns: {
    name: number;
    invited: number;
    filled: number;
    agreed: number;
    motivations: number;
    passes: number;
  };
  lineCell: string;
  blocks: Step4Block[];
}

/**
 * The positions on `Stap 4`: the overview from row 7, the line under it, then the blocks.
 *
 * @example
 * step4Layout(10, request17040.competencyGate).lineCell; // "A19"
 */
export function step4Layout(count: number, gate: CompetencyGate): Step4Layout {
  const overviewHeader = 7;
  const overviewFirst = overviewHeader + 1;
  const lineRow = overviewFirst + Math.max(count, 1) + 1;
  const assessors = Math.max(2, gate.minAssessors) + 1;
  const agreedColumn = 2 + assessors;
  const blocks: Step4Block[] = [];
  let row = lineRow + 3;
  for (let i = 0; i < count; i++) {
    const firstRow = row + 2; // block title, header, then the competencies
    const passesRow = firstRow + gate.competencies.length;
    blocks.push({
      firstRow,
      assessors,
      agreedColumn,
      verdictColumn: agreedColumn + 1,
      motivationCheckColumn: agreedColumn + 2,
      motivationColumn: agreedColumn + 3,
      passesCell: cellAddress(passesRow, agreedColumn + 1),
    });
    row = passesRow + 2;
  }
  return {
    overviewHeader,
    overviewFirst,
    overviewColumns: { name: 1, invited: 2, filled: 3, agreed: 4, motivations: 5, passes: 6 },
    lineCell: cellAddress(lineRow, 1),
    blocks,
  };
}

/** A text as a formula's string literal. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A sum of COUNTIFs: how many cells of `range` hold one of `words` (case-insensitive, as the engine). */
function countWords(range: string, words: string[]): string {
  return words.map((w) => `COUNTIF(${range},${quoted(w)})`).join("+") || "0";
}

/**
 * The step (1 = the scale's first word) of the highest or lowest word in `range`, 0 when none:
 * nested IFs over COUNTIF, so no array formula is needed.
 */
function extremeStep(range: string, scale: string[], highest: boolean): string {
  const order = scale.map((word, i) => ({ word, step: i + 1 }));
  if (highest) order.reverse();
  return order.reduceRight(
    (otherwise, { word, step }) => `IF(COUNTIF(${range},${quoted(word)})>0,${step},${otherwise})`,
    "0"
  );
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
  const assessors = Math.max(2, gate.minAssessors) + 1;
  widths(sheet, [30, ...Array.from({ length: assessors }, () => 16), 16, 14, 18, 60]);
  printLandscape(sheet);
  if (top.length === 0) {
    putRow(sheet, layout.overviewHeader, 1, [t.empty]);
    return;
  }

  const passIndex = gate.scale.findIndex(
    (s) => s.toLocaleLowerCase("nl-NL") === gate.passFrom.toLocaleLowerCase("nl-NL")
  );
  const failing = gate.scale.slice(0, Math.max(passIndex, 0));
  const passing = passIndex >= 0 ? gate.scale.slice(passIndex) : [];
  const n = gate.competencies.length;
  const oc = layout.overviewColumns;

  putRow(sheet, layout.overviewHeader - 1, 1, [t.overviewHeading], { bold: true });
  const o = t.overviewHeaders;
  putRow(
    sheet,
    layout.overviewHeader,
    1,
    [o.name, o.invited, o.filled, o.agreed(n), o.motivations, o.passes],
    { bold: true, fill: shareColours.header, wrap: true }
  );
  sheet.getRow(layout.overviewHeader).height = 45;

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
        t.headers.agreed,
        t.headers.verdict,
        t.headers.motivationCheck,
        t.headers.motivation,
      ],
      { bold: true, fill: shareColours.header, wrap: true }
    );
    sheet.getRow(titleRow + 1).height = 32;
    gate.competencies.forEach((competency, k) => {
      const row = block.firstRow + k;
      putRow(sheet, row, 1, [competency]);
      for (let col = 2; col <= lastAssessor; col++)
        dropDown(sheet.getCell(row, col), { items: gate.scale });
      const agreed = cellAddress(row, block.agreedColumn);
      dropDown(sheet.getCell(agreed), { items: gate.scale });
      const motivation = sheet.getCell(row, block.motivationColumn);
      fill(motivation, shareColours.input);
      motivation.alignment = { wrapText: true, vertical: "top" };

      const range = rangeAddress(row, 2, row, lastAssessor);
      const agreedFails = countWords(agreed, failing);
      const agreedPasses = countWords(agreed, passing);
      const known = countWords(range, gate.scale);
      putFormula(
        sheet.getCell(row, block.verdictColumn),
        `IF(${agreedFails}>0,${quoted(t.fail)},IF(OR(${agreedPasses}=0,COUNTA(${range})<${gate.minAssessors},${known}<COUNTA(${range})),${quoted(t.open)},${quoted(t.pass)}))`,
        t.open
      );
      const spread = `${extremeStep(range, gate.scale, true)}-${extremeStep(range, gate.scale, false)}>=2`;
      const overruled = `AND(${agreedPasses}>0,${countWords(range, failing)}>0)`;
      const motivationCell = cellAddress(row, block.motivationColumn);
      putFormula(
        sheet.getCell(row, block.motivationCheckColumn),
        `IF(OR(${spread},${overruled}),IF(TRIM(${motivationCell})="",${quoted(t.motivationNeeded)},${quoted(t.motivationGiven)}),"")`,
        ""
      );
    });
    const column = (c: number) => rangeAddress(block.firstRow, c, block.firstRow + n - 1, c);
    const verdicts = column(block.verdictColumn);
    const passesRow = block.firstRow + n;
    putRow(sheet, passesRow, 1, [t.passesLabel], { bold: true });
    const passes = sheet.getCell(block.passesCell);
    putFormula(
      passes,
      `IF(COUNTIF(${verdicts},${quoted(t.fail)})>0,${quoted(t.no)},IF(COUNTIF(${verdicts},${quoted(t.pass)})=${n},${quoted(t.yes)},${quoted(t.open)}))`,
      t.open
    );
    passes.font = { bold: true };
    fill(passes, shareColours.check);

    const judgements = rangeAddress(block.firstRow, 2, block.firstRow + n - 1, lastAssessor);
    const overviewRow = layout.overviewFirst + i;
    const invite = `'${sharedSheetNames.step3}'!$${columnLetters(step3Layout.columns.invite)}$${step3Layout.firstRow + i}`;
    putRow(sheet, overviewRow, oc.name, [candidate.name]);
    putFormula(sheet.getCell(overviewRow, oc.invited), `IF(${invite}="","",${invite})`, "");
    putFormula(sheet.getCell(overviewRow, oc.filled), `COUNTA(${judgements})`, 0);
    putFormula(
      sheet.getCell(overviewRow, oc.agreed),
      countWords(column(block.agreedColumn), gate.scale),
      0
    );
    putFormula(
      sheet.getCell(overviewRow, oc.motivations),
      `COUNTIF(${column(block.motivationCheckColumn)},${quoted(t.motivationNeeded)})`,
      0
    );
    putFormula(sheet.getCell(overviewRow, oc.passes), block.passesCell, t.open);
    // Counts sit under their header, not against the next column's text.
    for (const column of [oc.filled, oc.agreed, oc.motivations])
      sheet.getCell(overviewRow, column).alignment = { horizontal: "left" };
  });

  const last = layout.overviewFirst + top.length - 1;
  const overview = (c: number) =>
    `$${columnLetters(c)}$${layout.overviewFirst}:$${columnLetters(c)}$${last}`;
  const invitedRange = overview(oc.invited);
  const yes = quoted(t.yes);
  const invited = `COUNTIF(${invitedRange},${yes})`;
  const passCount = `COUNTIFS(${invitedRange},${yes},${overview(oc.passes)},${yes})`;
  // "Stap 3 mag worden herhaald" only when every invited candidate has all Eindoordelen and fails.
  const completeFailing = `COUNTIFS(${invitedRange},${yes},${overview(oc.agreed)},${n},${overview(oc.passes)},${quoted(t.no)})`;
  const line = sheet.getCell(layout.lineCell);
  putFormula(
    line,
    `IF(${invited}=0,${quoted(t.lineNone)},IF(${passCount}>0,${passCount}&IF(${passCount}=1,${quoted(t.linePassesOne)},${quoted(t.linePassesMany)}),IF(${completeFailing}=${invited},${quoted(t.lineRepeat(gate.passFrom))},${quoted(t.lineWaiting)})))`,
    t.lineNone
  );
  line.font = { bold: true };
  fill(line, shareColours.check);
  const lineRow = Number(layout.lineCell.slice(1));
  sheet.mergeCells(lineRow, 1, lineRow, oc.passes);
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 0 }];
}
