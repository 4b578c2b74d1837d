/**
 * FLEX.YEARS: years of experience in a window that ends on a given date, from
 * columns of periods (the `Werkervaring` table), by the engine's yearsInWindow.
 */
import {
  candidateMessages,
  isEmptyCell,
  nameKey,
  periodMessages,
  readDate,
  readNumber,
  readText,
  requestLabels,
  yearsInWindow,
  type CellValue,
  type Period,
} from "../engine";
import { isOmitted, lineOf } from "./cells";
import { invalidValue, notAvailable } from "./errors";
import { functionMessages as m } from "./messages";

/** Which periods count: those of one candidate, those that count for one criterion, or both. */
export interface PeriodFilter {
  /** The `Kandidaat` column of the periods, and the name to keep. */
  candidates?: unknown;
  candidate?: unknown;
  /** The `Telt voor` column (`K3, G9`), and the criterion id to keep. */
  countsFor?: unknown;
  criterion?: unknown;
}

/**
 * Years in the `windowYears` calendar years ending on `endDate` (all of the past
 * when empty), by the engine's own rule (experience.ts): each period inclusive of
 * its `Tot` day, an empty `Tot` running up to and including the end date, cut to
 * the window, overlaps counted once, rounded down to 2 decimals. So the value
 * reaches a whole threshold exactly when the engine's verdict on days passes.
 *
 * @throws FunctionError `#N/A` when no period matches, `#VALUE!` when a matching period or the end date is unreadable.
 * @example
 * years([["27-08-2022"]], [[""]], "26-08-2024", 5); // 2
 * years([["28-08-2022"]], [[""]], "26-08-2024", 5); // 1,99 (one day short of 2)
 */
export function years(
  from: unknown,
  to: unknown,
  endDate: unknown,
  windowYears?: unknown,
  filter: PeriodFilter = {}
): number {
  const froms = lineOf(from, m.label.from).map(noZeroDate);
  const tos = lineOf(to, m.label.to).map(noZeroDate);
  const names = isOmitted(filter.candidate) ? null : lineOf(filter.candidates, m.label.candidates);
  const ids = isOmitted(filter.criterion) ? null : lineOf(filter.countsFor, m.label.countsFor);
  const lengths = [
    froms.length,
    tos.length,
    names?.length ?? froms.length,
    ids?.length ?? froms.length,
  ];
  if (lengths.some((length) => length !== froms.length)) {
    const labels = [m.label.from, m.label.to];
    if (names) labels.push(m.label.candidates);
    if (ids) labels.push(m.label.countsFor);
    throw invalidValue(m.lengthMismatch(labels));
  }

  const end = readDate(noZeroDate(oneCell(endDate, requestLabels.referenceDate)));
  if (!end.ok) {
    const message = candidateMessages.field(requestLabels.referenceDate, end.message);
    throw end.problem === "empty" ? notAvailable(message) : invalidValue(message);
  }
  const window = readWindow(windowYears);
  const name = names ? nameKey(readText(oneCell(filter.candidate, m.label.candidates))) : null;
  const id = ids ? readText(oneCell(filter.criterion, m.label.countsFor)).toUpperCase() : null;

  const periods: Period[] = [];
  for (let i = 0; i < froms.length; i++) {
    if (names && nameKey(readText(names[i])) !== name) continue;
    if (ids && !countsFor(ids[i], id ?? "")) continue;
    if (!names && !ids && isEmptyCell(froms[i]) && isEmptyCell(tos[i])) continue;
    periods.push(readPeriod(froms[i], tos[i], i + 1));
  }
  if (periods.length === 0) {
    const filters = [names ? readText(oneCell(filter.candidate, "")) : "", id ?? ""].filter(
      Boolean
    );
    throw notAvailable(m.noPeriods(filters));
  }
  return yearsInWindow(periods, end.value, window);
}

/** A date cell with 0 read as blank: serial 0 is no date (see {@link years}). */
function noZeroDate(cell: CellValue): CellValue {
  return cell === 0 ? null : cell;
}

function readPeriod(from: CellValue, to: CellValue, row: number): Period {
  const start = readDate(from);
  if (!start.ok) throw invalidValue(m.periodRow(row, periodMessages.from(start.message)));
  if (isEmptyCell(to)) return { from: start.value, to: null };
  const finish = readDate(to);
  if (!finish.ok) throw invalidValue(m.periodRow(row, periodMessages.to(finish.message)));
  if (finish.value < start.value) {
    throw invalidValue(m.periodRow(row, periodMessages.endBeforeStart(start.value, finish.value)));
  }
  return { from: start.value, to: finish.value };
}

/** As the engine reads `Telt voor`: ids separated by commas, semicolons or spaces, any case. */
function countsFor(cell: CellValue, id: string): boolean {
  return readText(cell)
    .split(/[,;\s]+/)
    .some((token) => token.toUpperCase() === id);
}

function readWindow(value: unknown): number | undefined {
  if (isOmitted(value)) return undefined;
  const cell = oneCell(value, m.label.windowYears);
  const read = readNumber(cell, "years");
  if (!read.ok || read.value <= 0) throw invalidValue(m.windowYears(readText(cell)));
  return read.value;
}

function oneCell(value: unknown, label: string): CellValue {
  const cells = lineOf(value, label);
  if (cells.length !== 1) throw invalidValue(m.oneCell(label));
  return cells[0];
}
