/**
 * The use case "Beoordelen": from a snapshot of the workbook to the evaluation,
 * the problems at their cells, and the changes that write the result. Pure: the
 * host reads once and applies the changes once, whatever the number of rows.
 * It writes only the output columns, the `Ranking` sheet and the marks; never an
 * input cell.
 */
import {
  evaluate,
  exclusionText,
  presets,
  readText,
  type CandidateResult,
  type CellValue,
  type Evaluation,
  type Request,
} from "../engine";
import { cellAddress, columnLetters, rangeAddress } from "./address";
import type { WorkbookChange } from "./changes";
import { readCandidates, readPeriods, problemCells, type CandidateSheet } from "./inputs";
import { outputHeaders, outputWidths } from "./layout";
import { WorkbookError, type SheetProblem } from "./problems";
import { checkRankingSheet, rankingChanges, topMarks } from "./rankingSheet";
import { cellValue, type WorkbookSnapshot } from "./snapshot";
import { readRequest } from "./requestRead";
import { candidateHeaders, cellWords, cliTexts, fatalMessages } from "./texts";

/** Options of a scoring. */
export interface ScoreOptions {
  /** The preset to use when the workbook has no `Aanvraag` sheet (e.g. `17040`). */
  preset?: string;
}

/** What scoring a workbook yields. */
export interface ScorePlan {
  request: Request;
  /** Where the request came from. */
  requestSource: "sheet" | "preset";
  evaluation: Evaluation;
  /** Every problem with an input value, at its sheet and cell, in Dutch. */
  problems: SheetProblem[];
  changes: WorkbookChange[];
  /** Remarks for the user that are not problems (a preset that was not used). */
  notes: string[];
}

/**
 * Scores the workbook: reads `Aanvraag` (or the preset), `Kandidaten` and
 * `Werkervaring`, evaluates, and plans the writes.
 *
 * @throws WorkbookError when the workbook cannot be scored (missing sheet or column, invalid request, …).
 * @example
 * const plan = planScore(snapshot, { preset: "17040" });
 * plan.evaluation.summary.top; // 10
 */
export function planScore(snapshot: WorkbookSnapshot, options: ScoreOptions = {}): ScorePlan {
  const presetIds = Object.keys(presets);
  if (options.preset !== undefined && !presets[options.preset]) {
    throw new WorkbookError(fatalMessages.unknownPreset(options.preset, presetIds));
  }
  const fromSheet = readRequest(snapshot);
  const notes: string[] = [];
  let request: Request;
  if (fromSheet) {
    if (fromSheet.problems.length > 0) {
      throw new WorkbookError(
        fatalMessages.invalidRequest(fromSheet.problems.length),
        fromSheet.problems
      );
    }
    request = fromSheet.request;
    if (options.preset !== undefined) notes.push(cliTexts.presetIgnored(options.preset));
  } else if (options.preset !== undefined) {
    request = presets[options.preset];
  } else {
    throw new WorkbookError(fatalMessages.noRequest(presetIds));
  }

  const candidates = readCandidates(snapshot, request);
  const periods = readPeriods(snapshot);
  checkRankingSheet(snapshot);
  const evaluation = evaluate(request, candidates.inputs, periods?.inputs ?? []);
  const problems = problemCells(evaluation.problems, candidates, periods);
  const changes = [...outputChanges(candidates, evaluation), ...rankingChanges(evaluation)];
  return {
    request,
    requestSource: fromSheet ? "sheet" : "preset",
    evaluation,
    problems,
    changes,
    notes,
  };
}

/** The output cells of one candidate row, in the order of {@link outputHeaders}. */
function outputRow(result: CandidateResult | undefined, request: Request): CellValue[] {
  if (!result) return outputHeaders.map(() => null);
  // As FLEX.KNOCKOUT words it: what put the candidate out, a CV requirement as `CV-eis E1`.
  const knockout =
    result.status === "eligible"
      ? cellWords.ok
      : result.status === "knockedOut"
        ? exclusionText(result.failed, request)
        : null;
  return [
    cellWords.status[result.status],
    knockout,
    result.score,
    result.rank,
    result.top ? cellWords.yes : result.needsDraw ? cellWords.draw : cellWords.no,
    result.reason,
  ];
}

/**
 * The writes on `Kandidaten`: output columns that are missing are added at the
 * right (never over a filled cell), then every output column is written as one
 * block per column, and the marks are (re)set.
 */
function outputChanges(candidates: CandidateSheet, evaluation: Evaluation): WorkbookChange[] {
  const { region, columns } = candidates;
  const sheet = region.sheet.name;
  const changes: WorkbookChange[] = [];
  const missing = outputHeaders.filter((h) => !columns.outputs.has(h));
  const position = new Map(columns.outputs);
  const firstNew = region.headers.length;
  missing.forEach((header, i) => position.set(header, firstNew + i));

  // The cells of new columns must be empty: nothing the user typed is overwritten.
  for (let i = 0; i < missing.length; i++) {
    const column = region.firstColumn + firstNew + i;
    for (let row = region.headerRow; row <= region.lastDataRow; row++) {
      if (readText(cellValue(region.sheet, row, column)) !== "") {
        throw new WorkbookError(
          fatalMessages.occupied(sheet, cellAddress(row, column), missing[i])
        );
      }
    }
  }
  if (missing.length > 0) {
    if (region.table)
      changes.push({
        kind: "addTableColumns",
        sheet,
        table: region.table.name,
        columns: [...missing],
      });
    else {
      changes.push({
        kind: "writeValues",
        sheet,
        at: cellAddress(region.headerRow, region.firstColumn + firstNew),
        values: [[...missing]],
        bold: true,
      });
    }
    changes.push({
      kind: "columnWidths",
      sheet,
      widths: missing.map((h, i) => ({
        column: region.firstColumn + firstNew + i,
        width: outputWidths[outputHeaders.indexOf(h)],
      })),
    });
  }

  const rows = region.lastDataRow - region.firstDataRow + 1;
  if (rows <= 0) return changes;
  const byRow = new Map(evaluation.candidates.map((c) => [c.row, c]));
  const cells: CellValue[][] = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++)
    cells.push(outputRow(byRow.get(row), evaluation.request));

  // One block per output column: the columns need not be adjacent or in our order.
  outputHeaders.forEach((header, k) => {
    const column = region.firstColumn + (position.get(header) ?? 0);
    changes.push({
      kind: "writeValues",
      sheet,
      at: cellAddress(region.firstDataRow, column),
      values: cells.map((r) => [r[k]]),
    });
  });

  const lastColumn = region.firstColumn + Math.max(region.headers.length + missing.length - 1, 0);
  const body = rangeAddress(
    region.firstDataRow,
    region.firstColumn,
    region.lastDataRow,
    lastColumn
  );
  const topCell = `$${columnLetters(region.firstColumn + (position.get(candidateHeaders.top) ?? 0))}${region.firstDataRow}`;
  const scoreColumn = region.firstColumn + (position.get(candidateHeaders.score) ?? 0);
  changes.push(
    ...topMarks(
      sheet,
      body,
      topCell,
      rangeAddress(region.firstDataRow, scoreColumn, region.lastDataRow, scoreColumn)
    )
  );
  return changes;
}
