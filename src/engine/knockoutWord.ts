/**
 * The word a candidate's `Knock-out` cell shows when every knock-out passes. FLEX.KNOCKOUT
 * (src/functions/knockout.ts) returns it; the `Score` formula that set-up writes
 * (src/workbook/formulas.ts) and the add-in's check of the live cells (src/workbook/liveScore.ts)
 * test for it. In the engine because both src/functions and src/workbook need it.
 */

/** The verdict when every knock-out passes. */
export const KNOCKOUT_OK = "OK";
