/**
 * The `Werkervaring` sheet read into periods per candidate per criterion.
 * A period that cannot be read makes the years of the criteria it counts for
 * unknown (never a guess from the remaining periods).
 */
import { isoToDay } from "./dates";
import type { PeriodInput, Problem } from "./evaluation";
import { coveredDays, yearsOfDays, type CoveredDays, type Period } from "./experience";
import { floorYears } from "./format";
import { periodMessages as m } from "./messages";
import type { CriterionId, Request } from "./request";
import { isEmptyCell, readDate, readText } from "./values";

/** The periods of one candidate for one criterion. */
export interface CriterionHistory {
  periods: Period[];
  /** A period for this criterion could not be read: the years are unknown. */
  unreadable: boolean;
}

/** The work history of one name. */
export interface CandidateHistory {
  name: string;
  rows: number[];
  byCriterion: Map<CriterionId, CriterionHistory>;
}

/** The whole work history, by {@link nameKey}. */
export interface WorkHistory {
  byName: Map<string, CandidateHistory>;
  problems: Problem[];
}

/** The years a criterion gets from the history, when the history has periods for it. */
export type HistoryYears =
  | {
      kind: "years";
      /** As shown: rounded down to 2 decimals (see floorYears). */
      years: number;
      /** The days covered, which verdicts compare (see reachesYears). */
      covered: CoveredDays;
    }
  | { kind: "unreadable" }
  | { kind: "none" };

/**
 * The key that matches a candidate's name between sheets: trimmed, single
 * spaces, case-insensitive.
 *
 * @example
 * nameKey("  Jan  de Vries ") === nameKey("jan de vries"); // true
 */
export function nameKey(name: string): string {
  // Most names are printable ASCII with single spaces: lower case is all they need.
  if (PLAIN_TEXT.test(name)) return name.toLowerCase();
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("nl-NL");
}

/** Printable ASCII words with single spaces between them, nothing around. */
const PLAIN_TEXT = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/**
 * The ids of the criteria that work history may count for: those measured in years.
 *
 * @example
 * historyCriteria(request17040); // ["K3", "G9", "G11"]
 */
export function historyCriteria(request: Request): CriterionId[] {
  return [...request.knockouts, ...request.awards]
    .filter((c) => c.valueKind === "years")
    .map((c) => c.id);
}

/**
 * Reads the work-history rows; each unreadable value is a problem at its own field
 * (`candidate`, `countsFor`, `from`, `to`). Empty rows are skipped.
 *
 * @example
 * readWorkHistory(request17040, [
 *   { row: 2, candidate: "Ans", countsFor: "K3, G9", from: "27-08-2022", to: "" },
 * ]).byName.get("ans")?.byCriterion.get("K3"); // { periods: [{ from: "2022-08-27", to: null }], unreadable: false }
 */
export function readWorkHistory(request: Request, rows: PeriodInput[]): WorkHistory {
  const known = historyCriteria(request);
  const byName = new Map<string, CandidateHistory>();
  const problems: Problem[] = [];
  const problem = (row: number, field: string, message: string) =>
    problems.push({ source: "periods", row, field, message });

  for (const input of rows) {
    const cells = [input.candidate, input.role, input.countsFor, input.from, input.to];
    if (cells.every(isEmptyCell)) continue;
    const name = readText(input.candidate);
    if (!name) {
      problem(input.row, "candidate", m.noCandidate());
      continue;
    }
    const ids = readCountsFor(input, known, problem);
    const from = readDate(input.from);
    if (!from.ok) problem(input.row, "from", m.from(from.message));
    const to = isEmptyCell(input.to) ? null : readDate(input.to);
    if (to && !to.ok) problem(input.row, "to", m.to(to.message));
    let readable = from.ok && (to === null || to.ok);
    if (from.ok && to?.ok && to.value < from.value) {
      problem(input.row, "to", m.endBeforeStart(from.value, to.value));
      readable = false;
    }

    const key = nameKey(name);
    const history: CandidateHistory = byName.get(key) ?? { name, rows: [], byCriterion: new Map() };
    byName.set(key, history);
    history.rows.push(input.row);
    for (const id of ids) {
      const entry: CriterionHistory = history.byCriterion.get(id) ?? {
        periods: [],
        unreadable: false,
      };
      history.byCriterion.set(id, entry);
      if (readable && from.ok)
        entry.periods.push({ from: from.value, to: to?.ok ? to.value : null });
      else entry.unreadable = true;
    }
  }
  return { byName, problems };
}

/**
 * The years one candidate has for one criterion according to the history.
 *
 * @example
 * historyYears(history, "Ans", { id: "K3", windowYears: 5 }, "2024-08-26"); // { kind: "years", years: 2, covered: { days: 731, … } }
 */
export function historyYears(
  history: WorkHistory,
  name: string,
  criterion: { id: CriterionId; windowYears?: number },
  referenceDate: string
): HistoryYears {
  return candidateYears(history.byName.get(nameKey(name)), criterion, referenceDate);
}

/**
 * {@link historyYears} for a history already looked up by name (undefined: none),
 * so a caller with several criteria looks the name up once.
 *
 * @example
 * candidateYears(history.byName.get(nameKey("Ans")), { id: "K3", windowYears: 5 }, "2024-08-26");
 */
export function candidateYears(
  history: CandidateHistory | undefined,
  criterion: { id: CriterionId; windowYears?: number },
  referenceDate: string
): HistoryYears {
  const entry = history?.byCriterion.get(criterion.id);
  if (!entry) return { kind: "none" };
  // Without a valid peildatum there is no window; validateRequest reports the peildatum itself.
  if (entry.unreadable || isoToDay(referenceDate) === null) return { kind: "unreadable" };
  // Rows that share a name share its periods: their years are counted once (10,000 rows of one
  // name with 500 periods took 5,000,000 period merges).
  const key = `${criterion.windowYears}|${referenceDate}`;
  let known = yearsOf.get(entry);
  const cached = known?.get(key);
  if (cached) return cached;
  const covered = coveredDays(entry.periods, referenceDate, criterion.windowYears);
  const years: HistoryYears = {
    kind: "years",
    years: floorYears(yearsOfDays(covered.referenceDay, covered.days)),
    covered,
  };
  if (!known) yearsOf.set(entry, (known = new Map()));
  known.set(key, years);
  return years;
}

/** The years counted per criterion history, by window and peildatum (the history never changes once read). */
const yearsOf = new WeakMap<CriterionHistory, Map<string, HistoryYears>>();

/** The known criterion ids in `Telt voor`; every unknown id or an empty cell is a problem. */
function readCountsFor(
  input: PeriodInput,
  known: CriterionId[],
  problem: (row: number, field: string, message: string) => void
): CriterionId[] {
  const text = readText(input.countsFor);
  const tokens = text.split(/[,;\s]+/).filter((t) => t !== "");
  if (tokens.length === 0) problem(input.row, "countsFor", m.noCountsFor());
  const ids: CriterionId[] = [];
  for (const token of tokens) {
    const id = known.find((k) => k.toUpperCase() === token.toUpperCase());
    if (id === undefined) problem(input.row, "countsFor", m.unknownCriterion(token, known));
    else if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
