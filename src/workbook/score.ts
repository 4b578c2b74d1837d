/**
 * The use case "Beoordelen": from a snapshot of the workbook to the evaluation,
 * the problems at their cells, and the changes that write the result. Pure: the
 * host reads once and applies the changes once, whatever the number of rows.
 * It writes only the output columns, the `Ranking` sheet and the marks; never an
 * input cell.
 */
import {
  evaluate,
  isoToDay,
  exclusionText,
  presetById,
  presets,
  readText,
  type CandidateInput,
  type CandidateResult,
  type CellValue,
  type Evaluation,
  type PeriodInput,
  type Request,
} from "../engine";
import { cellAddress, columnLetters, rangeAddress } from "./address";
import type { GrowTable, WorkbookChange } from "./changes";
import { undecidedCells } from "./finality";
import { readCandidates, readPeriods, problemCells, type CandidateSheet } from "./inputs";
import type { Region } from "./regions";
import { outputHeaders, outputKeys, outputWidths, type OutputKey } from "./layout";
import { WorkbookError, type SheetProblem } from "./problems";
import { checkRankingSheet, rankingChanges, topMarks } from "./rankingSheet";
import {
  checkLiveRankingSheet,
  cvSetting,
  formulaKeys,
  liveRankingChanges,
  liveRankingState,
  outdatedLiveRanking,
  missingFormulaCell,
  periodsTable,
  tableFormulas,
  type FormulaKey,
} from "./liveFormulas";
import { planLive, type LiveColumn, type LivePlan, type RowVerdict } from "./liveScore";
import { cellValue, findSheet, type WorkbookSnapshot } from "./snapshot";
import { readRequest } from "./requestRead";
import {
  blankRequestTexts,
  cellWords,
  fatalMessages,
  liveFormulaTexts,
  liveRankingTexts,
  referenceDateTexts,
  scoreTexts,
  tableRowTexts,
} from "./texts";

/** Options of a scoring. */
export interface ScoreOptions {
  /** The preset to use when the workbook has no `Aanvraag` sheet (e.g. `17040`). */
  preset?: string;
  /**
   * A peildatum (`jjjj-mm-dd`) that replaces the request's own for this scoring
   * (`--peildatum`); every report says so.
   */
  referenceDate?: string;
  /**
   * The add-in's scoring in Excel (set only by src/office/useCases.ts; the command never
   * sets it): `Knock-out`, `Score`, `Rang` and `Top N` keep their live formulas instead of
   * getting values (src/workbook/liveScore.ts), where the workbook has an `Aanvraag`
   * sheet and a `Kandidaten` table the formulas can be built for. The snapshot then
   * carries the formulas of `Kandidaten` and reads the `Berekening` sheet.
   */
  live?: boolean;
}

/** What scoring a workbook yields. */
export interface ScorePlan {
  request: Request;
  /** Where the request came from. */
  requestSource: "sheet" | "preset";
  /** Where the peildatum in `request` (and `evaluation.request`) came from: the request, or ScoreOptions.referenceDate. */
  referenceDateSource: "request" | "option";
  /** The request's own peildatum, also when an option replaced it. */
  requestReferenceDate: string;
  evaluation: Evaluation;
  /** Every problem with an input value, at its sheet and cell, in Dutch. */
  problems: SheetProblem[];
  changes: WorkbookChange[];
  /** Remarks for the user that are not problems (a preset that was not used). */
  notes: string[];
  /** The cells to decide before the top is final (issue 17); empty when it is. */
  undecided: SheetProblem[];
  /** The rows exactly as the engine received them (for the digest of the inputs). */
  inputs: { candidates: CandidateInput[]; periods: PeriodInput[] };
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
  if (options.preset !== undefined && !presetById(options.preset)) {
    throw new WorkbookError(fatalMessages.unknownPreset(options.preset, presetIds));
  }
  // Excel calculates: the values it shows count, as they did before the add-in read formulas
  // (a formula in an input cell is no problem there); the formulas serve the live columns only.
  const live = options.live === true;
  const reading = live ? withoutFormulas(snapshot) : snapshot;
  const fromSheet = readRequest(reading);
  const notes: string[] = [];
  let request: Request;
  if (fromSheet) {
    if (fromSheet.problems.length > 0) {
      const count = fromSheet.problems.length;
      throw new WorkbookError(
        fromSheet.blank
          ? blankRequestTexts.notFilledIn(count)
          : fatalMessages.invalidRequest(count),
        fromSheet.problems
      );
    }
    request = fromSheet.request;
    if (options.preset !== undefined) notes.push(scoreTexts.presetIgnored(options.preset));
  } else if (options.preset !== undefined) {
    request = presetById(options.preset)!;
  } else {
    throw new WorkbookError(fatalMessages.noRequest(presetIds));
  }

  const requestReferenceDate = request.referenceDate;
  const overridden = options.referenceDate !== undefined;
  if (options.referenceDate !== undefined) {
    if (isoToDay(options.referenceDate) === null)
      throw new WorkbookError(referenceDateTexts.badReferenceDate(options.referenceDate));
    request = { ...request, referenceDate: options.referenceDate };
    notes.push(referenceDateTexts.overridden(options.referenceDate, requestReferenceDate));
  }

  const candidates = readCandidates(reading, request);
  const periods = readPeriods(reading);
  checkRankingSheet(snapshot);
  const evaluation = evaluate(request, candidates.inputs, periods?.inputs ?? []);
  const problems = [
    ...candidates.columnProblems,
    ...problemCells(evaluation.problems, candidates, periods),
  ];
  const grown = [candidates.region, periods?.region].flatMap((region) => {
    const change = growTable(region);
    if (!change || !region?.below) return [];
    notes.push(
      tableRowTexts.rowsBelowTable(change.sheet, change.table, change.from, region.below.last)
    );
    return [change];
  });
  const changes = [
    ...grown,
    ...outputChanges(candidates, evaluation, live && fromSheet ? snapshot : null, notes),
    ...rankingChanges(evaluation, overridden ? requestReferenceDate : undefined),
  ];
  return {
    request,
    requestSource: fromSheet ? "sheet" : "preset",
    referenceDateSource: overridden ? "option" : "request",
    requestReferenceDate,
    evaluation,
    problems,
    changes,
    notes,
    undecided: undecidedCells(evaluation, candidates, periods),
    inputs: { candidates: candidates.inputs, periods: periods?.inputs ?? [] },
  };
}

/** The snapshot without its formulas, for the readers of a host that calculates. */
function withoutFormulas(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => ({ ...sheet, formulas: undefined })),
  };
}

/**
 * The table grown over the rows typed directly below it, which were read as its rows;
 * null when the region is no table or has no such rows.
 */
function growTable(region: Region | undefined): GrowTable | null {
  if (!region?.table || !region.below) return null;
  const { table, below } = region;
  return {
    kind: "growTable",
    sheet: region.sheet.name,
    table: table.name,
    range: rangeAddress(
      table.headerRow,
      table.firstColumn,
      below.last,
      table.firstColumn + table.columns.length - 1
    ),
    from: below.first,
  };
}

/** The fields of a verdict that {@link outputRow} writes (a scoring's record keeps them too). */
export type Outcome = Pick<
  CandidateResult,
  "status" | "failed" | "score" | "rank" | "top" | "needsDraw" | "reason"
>;

/**
 * The output cells of one candidate row, in the order of {@link outputKeys}.
 *
 * @example
 * outputRow(result, request); // ["Geschikt", "OK", 80, 3, "Ja", "Score 80 van 100, rang 3 — in de top 10"]
 */
export function outputRow(result: Outcome | undefined, request: Request): CellValue[] {
  if (!result) return outputKeys.map(() => null);
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
 * block per column, and the marks are (re)set. With `live` (the snapshot with its
 * formulas, in the add-in), the columns that hold live formulas get those instead
 * ({@link liveOutputs}); what it finds goes into `notes`.
 */
function outputChanges(
  candidates: CandidateSheet,
  evaluation: Evaluation,
  live: WorkbookSnapshot | null,
  notes: string[]
): WorkbookChange[] {
  const { region, columns } = candidates;
  const sheet = region.sheet.name;
  const changes: WorkbookChange[] = [];
  const headers = outputHeaders(evaluation.request.topN);
  const missingKeys = outputKeys.filter((k) => !columns.outputs.has(k));
  const missing = missingKeys.map((k) => headers[outputKeys.indexOf(k)]);
  const position = new Map<OutputKey, number>(columns.outputs);
  const firstNew = region.headers.length;
  missingKeys.forEach((key, i) => position.set(key, firstNew + i));

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
      widths: missingKeys.map((k, i) => ({
        column: region.firstColumn + firstNew + i,
        width: outputWidths[outputKeys.indexOf(k)],
      })),
    });
  }

  const byRow = new Map(evaluation.candidates.map((c) => [c.row, c]));
  const formulaColumns = new Set<OutputKey>();
  if (live) {
    const plan = liveOutputs(live, candidates, evaluation, position, missing, byRow);
    if (plan) {
      changes.push(...plan.changes);
      notes.push(...plan.notes);
      for (const key of formulaKeys) formulaColumns.add(key);
    }
  }

  const rows = region.lastDataRow - region.firstDataRow + 1;
  if (rows <= 0) return changes;
  const cells: CellValue[][] = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++)
    cells.push(outputRow(byRow.get(row), evaluation.request));

  // One block per output column: the columns need not be adjacent or in our order.
  outputKeys.forEach((key, k) => {
    if (formulaColumns.has(key)) return;
    const column = region.firstColumn + (position.get(key) ?? 0);
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
  const topCell = `$${columnLetters(region.firstColumn + (position.get("top") ?? 0))}${region.firstDataRow}`;
  const scoreColumn = region.firstColumn + (position.get("score") ?? 0);
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

/**
 * The live side of the output columns: the `Berekening` sheet (checked; made when it or
 * its formula is missing), then the formulas of `Knock-out`, `Score`, `Rang` and `Top N`
 * into every row of the table that lacks them (src/workbook/liveScore.ts). Null when the
 * formulas cannot be built (no table, a column they need is missing): values then, as
 * the command writes.
 *
 * @throws WorkbookError when a `Berekening` sheet holds something of the user's.
 */
function liveOutputs(
  snapshot: WorkbookSnapshot,
  candidates: CandidateSheet,
  evaluation: Evaluation,
  position: Map<OutputKey, number>,
  added: string[],
  byRow: Map<number, CandidateResult>
): LivePlan | null {
  const { region } = candidates;
  if (!region.table) return null;
  const { request } = evaluation;
  const headers = [...region.headers, ...added];
  const formulas = tableFormulas(
    request,
    region.table.name,
    headers,
    cvSetting(snapshot.names),
    periodsTable(snapshot)
  );
  if (!formulas) return null;
  checkLiveRankingSheet(snapshot);

  const changes: WorkbookChange[] = [];
  const notes: string[] = [];
  const state = liveRankingState(snapshot, formulas.history !== null);
  const outdated =
    state === "complete"
      ? outdatedLiveRanking(snapshot, request.topN, formulas.history?.ids ?? null)
      : [];
  if (state !== "complete" || outdated.length > 0) {
    changes.push(...liveRankingChanges(formulas.ranking, request.topN, formulas.history));
    notes.push(
      outdated.length > 0
        ? liveFormulaTexts.sheetOutdated(liveRankingTexts.sheet, outdated)
        : liveFormulaTexts.sheetMade(
            liveRankingTexts.sheet,
            missingFormulaCell(snapshot, formulas.history !== null),
            state === "missing"
          )
    );
  }
  const columns: LiveColumn[] = formulaKeys.map((key) => {
    const index = position.get(key) ?? 0;
    return {
      key,
      column: region.firstColumn + index,
      header: headers[index],
      formula: formulas[key],
      added: index >= region.headers.length,
    };
  });
  // Every row of the table, also its empty rows at the bottom (which the readers leave out).
  const last = Math.max(region.lastDataRow, region.table.headerRow + region.table.rowCount);
  const verdict = (row: number): RowVerdict => {
    const result = byRow.get(row);
    const cells = outputRow(result, request);
    const at = (key: FormulaKey) => cells[outputKeys.indexOf(key)];
    return {
      cells: { knockout: at("knockout"), score: at("score"), rank: at("rank"), top: at("top") },
      incomplete: result?.status === "incomplete",
      knockoutsDecided: result?.knockouts.every((k) => k.passed !== null) ?? false,
    };
  };
  const sheet = findSheet(snapshot, region.sheet.name) ?? region.sheet;
  const remade = state !== "complete" || outdated.length > 0 || region.below !== undefined;
  const plan = planLive(sheet, region.firstDataRow, last, columns, verdict, remade);
  return { changes: [...changes, ...plan.changes], notes: [...notes, ...plan.notes] };
}
