/**
 * FLEX.WORKYEARS: per candidate row and per criterion measured in years, the
 * years its periods on the `Werkervaring` sheet give, counted by the engine's own
 * work-history rules (readWorkHistory, candidateYears). FLEX.KNOCKOUT and
 * FLEX.AWARDSCORE take a row of this result, so that, as in the engine, a
 * candidate's periods for a criterion decide its years and the typed cell decides
 * only where there are none.
 */
import {
  candidateMessages,
  candidateYears,
  daysForYears,
  historyCriteria,
  nameKey,
  readDate,
  readText,
  readWorkHistory,
  requestLabels,
  yearsOfDays,
  type AwardCriterion,
  type CellValue,
  type CoveredDays,
  type KnockoutCriterion,
  type PeriodInput,
  type Request,
} from "../engine";
import { columnOf, lineOf, toCell } from "./cells";
import { readAwardCriteria, readKnockoutCriteria } from "./criteria";
import { FunctionError, invalidValue } from "./errors";
import { VERDICT_ONLY } from "./knockout";
import { functionMessages as m } from "./messages";

/** The `Werkervaring` columns FLEX.WORKYEARS reads, each one column of the same length. */
export interface PeriodColumns {
  candidates: unknown;
  countsFor: unknown;
  from: unknown;
  to: unknown;
}

/**
 * One row per name in `names` (the `Kandidaten` table's name column, in its order),
 * one column per id in `ids`: the years the candidate's periods give for that
 * criterion; "" where the candidate has no period for it (or the row has no name),
 * so the typed cell decides; an error in that cell where the years are unknown (a
 * period that cannot be read, a name on several rows, no valid peildatum), as the
 * engine then has no years.
 *
 * The number is the exact years of the days covered (yearsOfDays), except that days
 * that make exactly one of the criterion's bounds (a limit, threshold, step, linear
 * minimum or maximum, the window) give that bound itself. So comparing the number
 * with a bound gives the engine's verdict on days (reachesYears): the days of a bound
 * reach it, one day short does not; between linear bounds the points follow the
 * exact years, as in the engine.
 *
 * @throws FunctionError `#VALUE!` when an id is no criterion in years, or the columns do not fit.
 * @example
 * workYears([["K3", "G9", "G11"]], [["Ans"], ["Bo"]], periods, "26-08-2024", knockouts, awards);
 * // [[2, 2, ""], ["", "", ""]]: Ans has one open period since 27-08-2022 for K3 and G9
 */
export function workYears(
  ids: unknown,
  names: unknown,
  periods: PeriodColumns,
  referenceDate: unknown,
  knockoutCriteria: unknown,
  awardCriteria: unknown
): Array<Array<number | "" | FunctionError>> {
  const knockouts = readKnockoutCriteria(knockoutCriteria);
  const awards = readAwardCriteria(awardCriteria);
  const request: Request = {
    ...VERDICT_ONLY,
    maxRate: 0,
    hoursPerWeek: { min: 0, max: 0 },
    termWeeks: 0,
    extensions: { count: 0, weeks: 0 },
    contractValueIncludesExtensions: false,
    cvRequirements: "exclude",
    knockouts,
    awards,
  };
  const known = historyCriteria(request);
  const criteria = lineOf(ids, m.label.historyIds).map((cell) => {
    const text = readText(cell);
    const id = known.find((k) => k.toUpperCase() === text.toUpperCase());
    if (id === undefined) throw invalidValue(m.notHistoryCriterion(text, known));
    return [...knockouts, ...awards].find((c) => c.id === id) as KnockoutCriterion | AwardCriterion;
  });

  const rows = readPeriodRows(periods);
  const history = readWorkHistory(request, rows);
  const problemsByRow = new Map<number, string[]>();
  for (const p of history.problems) {
    const list = problemsByRow.get(p.row) ?? [];
    list.push(p.message);
    problemsByRow.set(p.row, list);
  }
  const end = readDate(oneCell(referenceDate));
  const reference = end.ok ? end.value : "";
  const noReference = end.ok
    ? null
    : invalidValue(candidateMessages.field(requestLabels.referenceDate, end.message));

  const keys = columnOf(names, m.label.candidates).map((row) => {
    const name = readText(toCell(row[0]));
    return name === "" ? null : nameKey(name);
  });
  const count = new Map<string, number>();
  for (const key of keys) if (key !== null) count.set(key, (count.get(key) ?? 0) + 1);

  return keys.map((key) => {
    const own = key === null ? undefined : history.byName.get(key);
    return criteria.map((criterion) => {
      const years = candidateYears(own, criterion, reference);
      if (years.kind === "none" || own === undefined) return "";
      if ((count.get(key as string) ?? 0) > 1)
        return invalidValue(candidateMessages.historyAmbiguous(criterion.id));
      if (years.kind === "years") return yearsValue(years.covered, bounds(criterion));
      if (noReference) return noReference;
      const messages = own.rows.flatMap((row) =>
        (problemsByRow.get(row) ?? []).map((message) => m.periodRow(row, message))
      );
      return invalidValue(messages.join(" ") || m.historyUnreadable(criterion.id));
    });
  });
}

/** The period rows as the engine reads them; `row` is the row's place in the columns (1 = first). */
function readPeriodRows(periods: PeriodColumns): PeriodInput[] {
  const candidates = lineOf(periods.candidates, m.label.candidates);
  const countsFor = lineOf(periods.countsFor, m.label.countsFor);
  const from = lineOf(periods.from, m.label.from);
  const to = lineOf(periods.to, m.label.to);
  const lengths = [countsFor.length, from.length, to.length];
  if (lengths.some((length) => length !== candidates.length))
    throw invalidValue(
      m.lengthMismatch([m.label.candidates, m.label.countsFor, m.label.from, m.label.to])
    );
  return candidates.map((candidate, i) => ({
    row: i + 1,
    candidate,
    countsFor: countsFor[i],
    from: from[i],
    to: to[i],
  }));
}

/** The years that a criterion's verdict compares with: its limits, thresholds, steps and window. */
function bounds(criterion: KnockoutCriterion | AwardCriterion): number[] {
  const found: number[] = [];
  if (criterion.windowYears !== undefined) found.push(criterion.windowYears);
  if ("rule" in criterion) {
    if (criterion.rule.kind === "atLeast" || criterion.rule.kind === "atMost")
      found.push(criterion.rule.value);
    return found;
  }
  const scoring = criterion.scoring;
  if (scoring.kind === "allOrNothing" && scoring.threshold !== undefined)
    found.push(scoring.threshold);
  if (scoring.kind === "tiered") found.push(...scoring.steps.map((step) => step.min));
  if (scoring.kind === "linear") found.push(scoring.min, scoring.max);
  return found;
}

/**
 * The years of the days covered: exactly a bound when the days are the days of that
 * bound (so `>=` and `<=` on the number agree with the engine's comparisons of days,
 * whatever the floating point of yearsOfDays), else the exact years.
 */
function yearsValue(covered: CoveredDays, limits: number[]): number {
  let exact: number | null = null;
  for (const limit of limits)
    if (limit > 0 && daysForYears(covered.referenceDay, limit) === covered.days)
      exact = Math.max(exact ?? limit, limit);
  return exact ?? yearsOfDays(covered.referenceDay, covered.days);
}

function oneCell(value: unknown): CellValue {
  const cells = lineOf(value, requestLabels.referenceDate);
  if (cells.length !== 1) throw invalidValue(m.oneCell(requestLabels.referenceDate));
  return cells[0];
}
