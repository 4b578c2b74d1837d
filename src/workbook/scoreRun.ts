/**
 * The use case "Beoordelen" whole, as both hosts run it (the command and the
 * add-in): score, check that every sheet it rewrites is ours, and plan the writes
 * of the output columns, `Ranking`, `Afwijzingen` and `Verantwoording`.
 */
import { withinCellLimits } from "./cellLimits";
import { checkRejectionSheet, rejectionChanges } from "./rejections";
import { checkRecordSheet, recordChanges, scoreRecord, type ScoreRecord } from "./record";
import { planScore, type ScoreOptions, type ScorePlan } from "./score";
import type { WorkbookSnapshot } from "./snapshot";

/** A scoring with everything it writes, and its record. */
export interface ScoreRun extends ScorePlan {
  /** What the `Verantwoording` sheet and the JSON report record. */
  record: ScoreRecord;
}

/**
 * Scores the workbook and plans every write of a scoring, at the moment `now`.
 * The add-in's own sheets (`Ranking`, `Afwijzingen`, `Verantwoording`) are checked in
 * the snapshot, whole or by their heads; a user's sheet of such a name stops the run.
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
  checkRejectionSheet(snapshot);
  checkRecordSheet(snapshot);
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
