/**
 * The add-in's actions as the task pane calls them: each is one `Excel.run`
 * that reads the workbook once, runs a pure use case of src/workbook, and
 * applies its changes in as few syncs as the bytes allow.
 */
import type { Evaluation, Request } from "../engine";
import { planDraw } from "../workbook/draw";
import { readRequest, type RequestRead } from "../workbook/requestRead";
import type { SheetProblem } from "../workbook/problems";
import { planScore, type ScoreOptions } from "../workbook/score";
import { planSetUp, setUpRequest } from "../workbook/setUp";
import { applyChanges } from "./apply";
import { readWorkbook } from "./read";

/** What a scoring gives the task pane. */
export interface ScoreOutcome {
  request: Request;
  evaluation: Evaluation;
  problems: SheetProblem[];
  notes: string[];
}

/** What a set-up did. */
export interface SetUpOutcome {
  /** The number of changes applied; 0 when everything was there already. */
  changes: number;
}

/** Reads, scores and writes in one context. */
async function score(context: Excel.RequestContext, options: ScoreOptions): Promise<ScoreOutcome> {
  const read = await readWorkbook(context);
  const plan = planScore(read.snapshot, options);
  await applyChanges(context, plan.changes, read);
  return {
    request: plan.request,
    evaluation: plan.evaluation,
    problems: plan.problems,
    notes: plan.notes,
  };
}

/**
 * Sets up (or completes) the request workbook from a preset id or `blanco`.
 *
 * @throws WorkbookError (Dutch) when a sheet of the add-in's name holds something else; nothing is changed then.
 * @example
 * await runSetUp("17040"); // { changes: 120 }
 */
export async function runSetUp(presetOrBlank: string): Promise<SetUpOutcome> {
  const request = setUpRequest(presetOrBlank);
  return Excel.run(async (context) => {
    const read = await readWorkbook(context, { formulas: true });
    const changes = planSetUp(read.snapshot, request);
    await applyChanges(context, changes, read);
    return { changes: changes.length };
  });
}

/**
 * Scores the candidates ("Beoordelen"): output columns, `Ranking` sheet, marks and chart.
 * Two syncs to read and one per 4 MB written.
 *
 * @throws WorkbookError (Dutch) when the workbook cannot be scored.
 * @example
 * const { evaluation, problems } = await runScore();
 */
export async function runScore(options: ScoreOptions = {}): Promise<ScoreOutcome> {
  return Excel.run((context) => score(context, options));
}

/**
 * Records a draw for a tied group (sheet rows and their lot numbers 1…n) and re-scores.
 *
 * @throws WorkbookError (Dutch) for rows that are not candidates or a bad order.
 * @example
 * await runRecordDraw([12, 14], [2, 1]);
 */
export async function runRecordDraw(
  rows: number[],
  order: number[],
  options: ScoreOptions = {}
): Promise<ScoreOutcome> {
  return Excel.run(async (context) => {
    const read = await readWorkbook(context);
    await applyChanges(context, planDraw(read.snapshot, rows, order), read);
    return score(context, options);
  });
}

/**
 * The request as the `Aanvraag` sheet defines it (null when there is no such sheet), with its problems.
 * One read of two syncs; nothing is written.
 *
 * @example
 * const read = await runReadRequest();
 * read?.request.id; // "17040"
 */
export async function runReadRequest(): Promise<RequestRead | null> {
  return Excel.run(async (context) => readRequest((await readWorkbook(context)).snapshot));
}

/**
 * Shows a cell in Excel (a problem's link in the task pane).
 *
 * @example
 * await selectCell("Kandidaten", "F7");
 */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}
