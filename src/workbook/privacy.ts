/**
 * The use case "Persoonsgegevens opschonen": after the award, the names of the
 * candidates not selected (not in the top) become a pseudonym (`Kandidaat 07`)
 * everywhere in the evaluator's workbook — `Kandidaten`, `Werkervaring`,
 * `Ranking`, `Afwijzingen` — and their work history rows are cleared. Their
 * scores stay: years that came from the cleared history are written into their
 * criterion cells, so scoring again gives the same anonymous result. The top
 * candidates' rows are never touched. Also: when to remind the evaluator.
 */
import {
  isoToDay,
  nameKey,
  readText,
  type CandidateResult,
  type CellValue,
  type Request,
} from "../engine";
import { cellAddress } from "./address";
import type { WorkbookChange } from "./changes";
import { readCandidates, readPeriods } from "./inputs";
import { WorkbookError } from "./problems";
import { planScore, type ScoreOptions } from "./score";
import { type SheetSnapshot, type WorkbookSnapshot, findSheet } from "./snapshot";
import { privacyTexts as t, rejectionTexts, sheetNames } from "./texts";

/** One candidate whose name was replaced. */
export interface Pseudonym {
  /** The row on `Kandidaten`. */
  row: number;
  name: string;
  pseudonym: string;
}

/** What cleaning up yields. */
export interface PrivacyPlan {
  pseudonyms: Pseudonym[];
  /** Rows of `Werkervaring` cleared. */
  clearedPeriods: number[];
  /** Candidates in the top, left as they are. */
  kept: number;
  changes: WorkbookChange[];
}

/** Days after the closing date from which the reminder shows. */
const REMINDER_DAYS = 28;

/**
 * Whether the task pane should remind the evaluator to clean up: the request
 * closed more than 4 weeks (28 days) before `today`. An unreadable closing moment never reminds.
 *
 * @example
 * privacyReminderDue(request17040, "2024-09-23"); // false (28 days after the reactietermijn, 26 August)
 * privacyReminderDue(request17040, "2024-09-24"); // true
 */
export function privacyReminderDue(
  request: Pick<Request, "closingMoment">,
  today: string | Date
): boolean {
  const closed = isoToDay(request.closingMoment.slice(0, 10));
  const now =
    typeof today === "string"
      ? isoToDay(today.slice(0, 10))
      : Math.floor(today.getTime() / 86_400_000);
  if (closed === null || now === null) return false;
  return now - closed > REMINDER_DAYS;
}

/** Regex special characters escaped. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces whole-word occurrences of the names (longest first, so "Jan de Vries" wins over "Jan"). */
function replacer(map: Map<string, string>): (text: string) => string {
  const names = [...map.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return (text) => text;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${names.map(literal).join("|")})(?![\\p{L}\\p{N}])`,
    "giu"
  );
  const byKey = new Map(
    [...map].map(([name, pseudonym]) => [name.toLocaleLowerCase("nl-NL"), pseudonym])
  );
  return (text) =>
    text.replace(pattern, (found) => byKey.get(found.toLocaleLowerCase("nl-NL")) ?? found);
}

/** Whether a cell holds a formula (never overwritten with a value). */
function isFormula(sheet: SheetSnapshot, row: number, column: number): boolean {
  return !!sheet.formulas?.[row - 1]?.[column - 1];
}

/**
 * Plans the clean-up: scores the workbook (to know who is in the top), then
 * the writes that pseudonymise the others and clear their work history.
 *
 * @throws WorkbookError when the workbook cannot be scored, or a draw is still pending.
 * @example
 * const plan = planPrivacy(snapshot);
 * plan.pseudonyms[0]; // { row: 12, name: "Marieke van Leeuwen", pseudonym: "Kandidaat 11" }
 */
export function planPrivacy(snapshot: WorkbookSnapshot, options: ScoreOptions = {}): PrivacyPlan {
  const score = planScore(snapshot, options);
  const { evaluation, request } = score;
  if (evaluation.summary.needsDraw > 0) throw new WorkbookError(t.drawPending);

  const candidates = readCandidates(snapshot, request);
  const periods = readPeriods(snapshot);
  const top = evaluation.candidates.filter((c) => c.top);
  const topKeys = new Set(top.map((c) => nameKey(c.name)));
  const width = Math.max(2, String(evaluation.candidates.length).length);

  const pseudonyms: Pseudonym[] = [];
  const others: CandidateResult[] = [];
  evaluation.candidates.forEach((c, i) => {
    if (c.top) return;
    others.push(c);
    pseudonyms.push({ row: c.row, name: c.name, pseudonym: t.pseudonym(i + 1, width) });
  });
  // A name shared with a top candidate is not replaced in free text: that would touch the top.
  // The top's names map to themselves, so "Jan" never eats the start of "Jan de Vries".
  const replaceMap = new Map<string, string>();
  for (const p of pseudonyms)
    if (!topKeys.has(nameKey(p.name)) && p.name !== p.pseudonym)
      replaceMap.set(p.name, p.pseudonym);
  if (replaceMap.size > 0) for (const c of top) replaceMap.set(c.name, c.name);
  const replace = replacer(replaceMap);

  const changes: WorkbookChange[] = [];
  const written = new Set<string>();
  const write = (sheet: string, row: number, column: number, value: CellValue) => {
    written.add(`${sheet}!${row}:${column}`);
    changes.push({ kind: "writeValues", sheet, at: cellAddress(row, column), values: [[value]] });
  };

  // Kandidaten: the name cell, and years from the work history into their criterion cell.
  const region = candidates.region;
  const kandidaten = region.sheet;
  for (const [i, c] of others.entries()) {
    const column = region.firstColumn + candidates.columns.name;
    if (!isFormula(kandidaten, c.row, column))
      write(kandidaten.name, c.row, column, pseudonyms[i].pseudonym);
    for (const outcome of [...c.knockouts, ...c.awards]) {
      const index = candidates.columns.criteria.get(outcome.id);
      if (outcome.source !== "history" || typeof outcome.value !== "number" || index === undefined)
        continue;
      const at = region.firstColumn + index;
      if (!isFormula(kandidaten, c.row, at)) write(kandidaten.name, c.row, at, outcome.value);
    }
  }

  // Werkervaring: clear the rows of the others (by name), keep the top's.
  const clearedPeriods: number[] = [];
  if (periods) {
    const otherKeys = new Set(others.map((c) => nameKey(c.name)));
    const columns = periods.region.headers.length;
    for (const input of periods.inputs) {
      const key = nameKey(readText(input.candidate));
      if (!otherKeys.has(key) || topKeys.has(key)) continue;
      clearedPeriods.push(input.row);
      for (let k = 0; k < columns; k++) {
        const column = periods.region.firstColumn + k;
        if (!isFormula(periods.region.sheet, input.row, column))
          write(periods.region.sheet.name, input.row, column, null);
      }
    }
  }

  // Every other text cell that names one of them: reasons, tie notes, paragraphs.
  const sheets = [
    sheetNames.candidates,
    sheetNames.periods,
    sheetNames.ranking,
    rejectionTexts.sheet,
  ];
  for (const name of sheets) {
    const sheet = findSheet(snapshot, name);
    if (!sheet) continue;
    sheet.values.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (typeof value !== "string" || written.has(`${sheet.name}!${r + 1}:${c + 1}`)) return;
        if (isFormula(sheet, r + 1, c + 1)) return;
        const next = replace(value);
        if (next !== value) write(sheet.name, r + 1, c + 1, next);
      })
    );
  }
  return { pseudonyms, clearedPeriods, kept: top.length, changes };
}
