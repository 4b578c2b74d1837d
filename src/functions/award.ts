/**
 * FLEX.AWARDSCORE: the award score of one candidate row, by the engine's
 * award rules, from the criteria table on the `Aanvraag` sheet.
 */
import { awardPoints, candidateMessages, readCriterionValue, totalScore } from "../engine";
import { readAwardCriteria } from "./criteria";
import { invalidValue, notAvailable } from "./errors";
import type { WorkHistoryRow } from "./knockout";
import { functionMessages as m } from "./messages";
import { rowValues, withHistory } from "./rowValues";

/**
 * The total award points of one row: each value read by its criterion's kind and
 * scored by the engine (all-or-nothing, tiered or linear). An entirely empty row
 * (a new table row) gives "".
 *
 * @param values The row's award cells, e.g. `[@[G9 …]]:[@[G11 …]]` (one row).
 * @param criteria The `Gunningscriteria` range (see criteria.ts for its columns).
 * @param headers Optional: the headers of the same columns, to match values by id instead of position.
 * @param history Optional: the row's years from FLEX.WORKYEARS and their ids; a number decides over the typed cell, an error makes the years unknown.
 * @throws FunctionError `#N/A` when a value is missing, `#VALUE!` when one is unreadable or the ranges do not fit.
 * @example
 * awardScore([[12, "Ja", 0.5]], [["G9", "alles-of-niets", 10, 50], ["G10", "alles-of-niets", "", 30], ["G11", "alles-of-niets", 1, 20]]); // 80
 */
export function awardScore(
  values: unknown,
  criteria: unknown,
  headers?: unknown,
  history: WorkHistoryRow = {}
): number | "" {
  const awards = readAwardCriteria(criteria);
  const row = rowValues(
    values,
    headers,
    awards.map((a) => ({ id: a.id, optional: false }))
  );
  const unknownYears = withHistory(row, history.years, history.ids);
  if (row.allEmpty) return "";
  const points: number[] = [];
  const problems: string[] = [];
  let unreadable = false;
  for (const criterion of awards) {
    const read = readCriterionValue(row.values[criterion.id], criterion.valueKind);
    if (read.ok) points.push(awardPoints(criterion, read.value));
    else if (unknownYears.includes(criterion.id)) {
      problems.push(m.historyUnreadable(criterion.id));
      unreadable = true;
    } else {
      problems.push(candidateMessages.field(criterion.id, read.message));
      unreadable ||= read.problem === "invalid";
    }
  }
  if (problems.length > 0) {
    const message = problems.join(" ");
    throw unreadable ? invalidValue(message) : notAvailable(message);
  }
  return totalScore(points);
}
