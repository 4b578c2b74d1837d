/**
 * The workbook for the municipality (the README's `share` command), built with ExcelJS from an
 * evaluation: `Voorblad`, `Top {N}` (the request's top N), `Stap 3`, `Stap 4`. Browser-safe (no Node
 * API): the CLI saves it to a file, the add-in turns it into base64 for
 * `Excel.createWorkbook`. Only the top candidates appear by name; every formula
 * is a native one (no `FLEX.`).
 */
import ExcelJS from "exceljs";
import type { Evaluation } from "../engine";
import { topCandidates } from "./candidates";
import { writeCover } from "./cover";
import { writeStep3 } from "./step3";
import { writeStep4 } from "./step4";
import { writeTop } from "./topSheet";
import { sharedSheetNames } from "./texts";

/** Options of the shared workbook. */
export interface ShareOptions {
  /** The date printed as "Gemaakt op" (default: now). */
  made?: Date;
  /** The request's own peildatum, when the scoring used another (`--peildatum`): the sheets say so. */
  requestReferenceDate?: string;
}

/**
 * Builds the shared workbook.
 *
 * @example
 * const workbook = buildSharedWorkbook(plan.evaluation, { made: new Date("2024-10-10") });
 * workbook.worksheets.map((w) => w.name); // ["Voorblad", "Top 10", "Stap 3", "Stap 4"]
 */
export function buildSharedWorkbook(
  evaluation: Evaluation,
  options: ShareOptions = {}
): ExcelJS.Workbook {
  const made = options.made ?? new Date();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "AwardScore";
  workbook.created = made;
  workbook.modified = made;
  // Excel recalculates on opening; the cached results are those of empty inputs.
  workbook.calcProperties = { fullCalcOnLoad: true };
  const top = topCandidates(evaluation);
  writeCover(
    workbook.addWorksheet(sharedSheetNames.cover),
    evaluation,
    made,
    options.requestReferenceDate
  );
  writeTop(
    workbook.addWorksheet(sharedSheetNames.top(evaluation.request.topN)),
    evaluation,
    top,
    options.requestReferenceDate
  );
  writeStep3(workbook.addWorksheet(sharedSheetNames.step3), top);
  writeStep4(workbook.addWorksheet(sharedSheetNames.step4), top, evaluation.request.competencyGate);
  return workbook;
}

/**
 * The shared workbook as `.xlsx` bytes.
 *
 * @example
 * const bytes = await sharedWorkbookBytes(plan.evaluation);
 */
export async function sharedWorkbookBytes(
  evaluation: Evaluation,
  options: ShareOptions = {}
): Promise<Uint8Array> {
  const buffer = await buildSharedWorkbook(evaluation, options).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * The shared workbook as base64, what `Excel.createWorkbook` takes.
 *
 * @example
 * await Excel.createWorkbook(await sharedWorkbookBase64(evaluation));
 */
export async function sharedWorkbookBase64(
  evaluation: Evaluation,
  options: ShareOptions = {}
): Promise<string> {
  const bytes = await sharedWorkbookBytes(evaluation, options);
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
