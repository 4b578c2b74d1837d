/**
 * The use case "Beoordelen" whole, as both hosts run it (the command's `score` and the
 * add-in's Beoordelen and Loting vastleggen): score, check that every sheet it rewrites
 * is ours, and plan the writes of the output columns, `Ranking`, `Afwijzingen` and
 * `Verantwoording`, with the record of the run. The hosts only read and write.
 */
import { withinCellLimits } from "./cellLimits";
import { checkRankingSheet } from "./rankingSheet";
import { checkRejectionSheet, rejectionChanges } from "./rejections";
import { checkRecordSheet, recordChanges, scoreRecord, type ScoreRecord } from "./record";
import { planScore, type ScoreOptions, type ScorePlan } from "./score";
import type { WorkbookSnapshot } from "./snapshot";
import { recordTexts, rejectionTexts, sheetNames } from "./texts";

/** A scoring with everything it writes, and its record. */
export interface ScoreRun extends ScorePlan {
  /** What the `Verantwoording` sheet and the JSON report record. */
  record: ScoreRecord;
}

/**
 * The sheets every scoring rewrites whole (`Ranking`, `Afwijzingen`, `Verantwoording`): a
 * host puts them in the snapshot, whole or by their heads (SheetHeadSnapshot), so that
 * {@link checkScoreRunSheets} can tell a user's sheet of such a name from ours. (The add-in's
 * live scoring also rewrites `Berekening` when it makes the live formulas; planScore checks
 * that one where it does.)
 */
export const scoreRunOwnSheets: readonly string[] = [
  sheetNames.ranking,
  rejectionTexts.sheet,
  recordTexts.sheet,
];

/**
 * The guard of a scoring: refuses when a sheet it rewrites whole ({@link scoreRunOwnSheets})
 * holds something of the user's. One check for both hosts, whether a sheet is in the
 * snapshot whole (the command) or by its head (the add-in). A host that writes anything
 * before it scores (the add-in's draw) calls it first, so that nothing is written then.
 *
 * @throws WorkbookError naming the first such sheet.
 * @example
 * checkScoreRunSheets(snapshot); // throws when 'Afwijzingen' holds the user's notes
 */
export function checkScoreRunSheets(snapshot: WorkbookSnapshot): void {
  checkRankingSheet(snapshot);
  checkRejectionSheet(snapshot);
  checkRecordSheet(snapshot);
}

/**
 * Scores the workbook and plans every write of a scoring, at the moment `now`.
 * The sheets it rewrites whole are checked in the snapshot ({@link checkScoreRunSheets});
 * a user's sheet of such a name stops the run.
 *
 * @throws WorkbookError when the workbook cannot be scored or an own sheet is someone else's.
 * @example
 * const run = planScoreRun(snapshot, { preset: "17040" }, new Date());
 * run.record.digest.value; // "3f1c…"
 */
export function planScoreRun(
  snapshot: WorkbookSnapshot,
  options: ScoreOptions = {},
  now: Date = new Date()
): ScoreRun {
  const plan = planScore(snapshot, options);
  checkScoreRunSheets(snapshot);
  const record = scoreRecord(plan, options.preset, now);
  return {
    ...plan,
    // Names, suppliers and the request's texts have any length: no written cell over Excel's limit.
    changes: withinCellLimits([
      ...plan.changes,
      ...rejectionChanges(plan.evaluation, plan.undecided, plan.requestReferenceDate),
      ...recordChanges(record),
    ]),
    record,
  };
}
