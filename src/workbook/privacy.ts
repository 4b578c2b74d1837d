/**
 * The use case "Persoonsgegevens opschonen": after the award, the names of the
 * candidates not selected (not in the top) become a pseudonym (`Kandidaat 07`)
 * everywhere in the evaluator's workbook — every sheet's cells (inside longer texts
 * too) and formulas, notes, headers and footers, data validations and the document's
 * properties, as far as the host read them — their contact cells (e-mail, telefoon, …;
 * {@link contactHeaderWords}) are emptied and their work history rows cleared. Their
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
import { cellAddress, parseCell } from "./address";
import type { WorkbookChange } from "./changes";
import { clearProposalChanges, proposalsToClear } from "./cvIntake";
import { readCandidates, readPeriods } from "./inputs";
import { checkFinal } from "./finality";
import { WorkbookError } from "./problems";
import { planScore, type ScoreOptions } from "./score";
import { type SheetSnapshot, type WorkbookSnapshot, cellValue } from "./snapshot";
import { privacyTexts as t } from "./texts";

/** One candidate whose name was replaced. */
export interface Pseudonym {
  /** The row on `Kandidaten`. */
  row: number;
  name: string;
  pseudonym: string;
}

/**
 * How many mentions of a pseudonymised name were replaced, by where they were (the name
 * cells on `Kandidaten` are the pseudonyms themselves, not counted here), and how many
 * contact cells were emptied.
 */
export interface PrivacyCounts {
  /** Name cells that now hold a pseudonym instead of a name (not those that held it already). */
  names: number;
  /** Mentions in cell values (any sheet, also inside longer texts). */
  cells: number;
  /** Mentions in formulas: their text or their result. */
  formulas: number;
  /** Name cells that held a formula and now hold the pseudonym as a value. */
  formulaNames: number;
  notes: number;
  headersFooters: number;
  validations: number;
  properties: number;
  /** Cells of contact columns (e-mail, telefoon, …) emptied. */
  contactCells: number;
}

/** What cleaning up yields. */
export interface PrivacyPlan {
  pseudonyms: Pseudonym[];
  /** Rows of `Werkervaring` cleared. */
  clearedPeriods: number[];
  /** Rows of `Voorstellen` (proposals from CVs, with their lines) cleared: all of them (issue 20). */
  clearedProposals: number;
  /** Candidates in the top, left as they are. */
  kept: number;
  counts: PrivacyCounts;
  /** Headers of the `Kandidaten` columns recognised as contact data. */
  contactColumns: string[];
  /**
   * What the clean-up could not vouch for (Dutch, one line each): parts the host did not
   * read, a sheet whose name is a candidate's. The host shows them; an empty list means
   * every part it read is clean.
   */
  warnings: string[];
  changes: WorkbookChange[];
  /** Whether a text names a candidate outside the top (for what a host can read but not write). */
  mentions(text: string): boolean;
  /**
   * The text with every name of a candidate outside the top replaced by its pseudonym, and
   * how many it replaced: for a host that can reach text the snapshot does not hold (a
   * file's caches of charts and pivot tables, its shared strings).
   */
  replace(text: string): { text: string; count: number };
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

/** Whether the evaluator should be reminded to clean up personal data. */
export interface PrivacyStatus {
  /** The request closed more than 4 weeks ago. */
  due: boolean;
  /** `jjjj-mm-dd` of the closing moment. */
  closed: string;
  /** Names and work-history rows still to clean up; null when that cannot be known yet (a draw pending, a workbook error). */
  pending: number | null;
}

/**
 * The clean-up reminder for a workbook as read (before any writes of this run): whether it is
 * due at `today`, the closing date, and how many names and work-history rows are left to clean
 * up (null when that cannot be known yet: a draw pending, a workbook that cannot be scored).
 *
 * @example
 * privacyStatus(snapshot, request17040, new Date("2024-10-01")); // { due: true, closed: "2024-08-26", pending: 14 }
 */
export function privacyStatus(
  snapshot: WorkbookSnapshot,
  request: Request,
  today: Date
): PrivacyStatus {
  const due = privacyReminderDue(request, today);
  const closed = request.closingMoment.slice(0, 10);
  if (!due) return { due, closed, pending: 0 };
  try {
    const plan = planPrivacy(snapshot);
    const names = plan.pseudonyms.filter((p) => p.name !== p.pseudonym).length;
    // CV lines in Voorstellen are personal data too: the clean-up empties them (issue 20).
    return { due, closed, pending: names + plan.clearedPeriods.length + plan.clearedProposals };
  } catch (error) {
    if (error instanceof WorkbookError) return { due, closed, pending: null };
    throw error;
  }
}

/** Regex special characters escaped. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The words that mark a column of contact data on `Kandidaten` (its header contains one,
 * case ignored): these cells are emptied, not pseudonymised, for the candidates outside
 * the top. Short words (`tel`, `gsm`) must stand alone ("Tel." or "Tel mobiel", not
 * "Telling"); the others may be part of a longer word ("E-mailadres", "Telefoonnummer",
 * "Woonadres"). A column the add-in reads (name, supplier, rate, criteria, outputs) is
 * never one of them.
 */
export const contactHeaderWords = {
  part: [
    "e-mail",
    "email",
    "mail",
    "telefoon",
    "mobiel",
    "mobile",
    "phone",
    "adres",
    "address",
    "woonplaats",
    "postcode",
    "geboortedatum",
    "linkedin",
  ],
  whole: ["tel", "gsm"],
} as const;

/**
 * Whether a header names a column of contact data (see {@link contactHeaderWords}).
 *
 * @example
 * isContactHeader("E-mailadres"); // true
 * isContactHeader("Tel."); // true
 * isContactHeader("Telling"); // false
 */
export function isContactHeader(header: string): boolean {
  const text = header.toLocaleLowerCase("nl-NL");
  if (contactHeaderWords.part.some((word) => text.includes(word))) return true;
  const words = text.split(/[^\p{L}\p{N}]+/u);
  return contactHeaderWords.whole.some((word) => words.includes(word));
}

/** Replaces the names in a text and says how many it replaced. */
type Replace = (text: string) => { text: string; count: number };

/**
 * Replaces whole-word occurrences of the names (longest first, so "Jan de Vries" wins over
 * "Jan"), case-insensitive and with any run of white space between the words, as
 * {@link nameKey} compares names. A name that maps to itself (a top candidate's) is
 * matched, so its words are never taken by a shorter name, but not counted.
 */
function replacer(map: Map<string, string>): Replace {
  const byKey = new Map([...map].map(([name, pseudonym]) => [nameKey(name), pseudonym]));
  const keys = [...byKey.keys()].filter((k) => k !== "").sort((a, b) => b.length - a.length);
  if (keys.length === 0) return (text) => ({ text, count: 0 });
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${keys.map((k) => k.split(" ").map(literal).join("\\s+")).join("|")})(?![\\p{L}\\p{N}])`,
    "giu"
  );
  return (text) => {
    let count = 0;
    const next = text.replace(pattern, (found) => {
      const pseudonym = byKey.get(nameKey(found));
      if (pseudonym === undefined || nameKey(pseudonym) === nameKey(found)) return found;
      count++;
      return pseudonym;
    });
    return { text: next, count };
  };
}

/** The string literals of a formula (`"…"`, with `""` for a quote inside). */
const FORMULA_STRING = /"(?:[^"]|"")*"/g;

/** Replaces the names inside a formula's string literals only (never in references or sheet names). */
function inFormula(replace: Replace, formula: string): { text: string; count: number } {
  let count = 0;
  const text = formula.replace(FORMULA_STRING, (quoted) => {
    const inner = replace(quoted.slice(1, -1).replace(/""/g, '"'));
    count += inner.count;
    return `"${inner.text.replace(/"/g, '""')}"`;
  });
  return { text, count };
}

/** Whether the string literals of a formula, put together, still spell a name ("Jan "&"de Vries"). */
function spellsName(replace: Replace, formula: string): boolean {
  const parts = (formula.match(FORMULA_STRING) ?? []).map((q) =>
    q.slice(1, -1).replace(/""/g, '"')
  );
  return replace(parts.join("")).count > 0 || replace(parts.join(" ")).count > 0;
}

/**
 * The codes of a header or footer (`&C`, `&P`, `&"Arial,Bold"`, `&12`, `&K00FF00`, `&&`):
 * names are replaced only in the text between them, so "&CJan" is read as "Jan".
 */
const HEADER_CODE = /&(?:"[^"]*"|\d{1,3}|K[0-9A-Fa-f]{6}|K\d\d[+-]\d{3}|.)/gs;

/** Replaces the names in a header or footer text, between its codes. */
function inHeaderFooter(replace: Replace, text: string): { text: string; count: number } {
  let count = 0;
  let out = "";
  let last = 0;
  const piece = (part: string) => {
    const replaced = replace(part);
    count += replaced.count;
    return replaced.text;
  };
  for (const match of text.matchAll(HEADER_CODE)) {
    out += piece(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += piece(text.slice(last));
  return { text: out, count };
}

/** Whether a cell holds a formula. */
function isFormula(sheet: SheetSnapshot, row: number, column: number): boolean {
  return !!sheet.formulas?.[row - 1]?.[column - 1];
}

/** The validation texts a user can read. */
const VALIDATION_TEXTS = ["promptTitle", "prompt", "errorTitle", "error"] as const;

/**
 * Plans the clean-up: scores the workbook (to know who is in the top), then the writes
 * that pseudonymise the others everywhere the snapshot reaches (every sheet's cells and
 * formulas, notes, headers and footers, validations, document properties), empty their
 * contact cells and clear their work history. A name cell that is a formula becomes the
 * pseudonym as a value.
 *
 * @throws WorkbookError when the workbook cannot be scored; NotFinalError while the top is not final.
 * @example
 * const plan = planPrivacy(snapshot);
 * plan.pseudonyms[0]; // { row: 12, name: "Marieke van Leeuwen", pseudonym: "Kandidaat 11" }
 */
export function planPrivacy(snapshot: WorkbookSnapshot, options: ScoreOptions = {}): PrivacyPlan {
  const score = planScore(snapshot, options);
  const { evaluation, request } = score;
  // Only a final top says who is out: an undecided row may still reach it (issue 17 §3).
  checkFinal(score, "cleanUp");

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

  const counts: PrivacyCounts = {
    names: pseudonyms.filter((p) => nameKey(p.name) !== nameKey(p.pseudonym)).length,
    cells: 0,
    formulas: 0,
    formulaNames: 0,
    notes: 0,
    headersFooters: 0,
    validations: 0,
    properties: 0,
    contactCells: 0,
  };
  const changes: WorkbookChange[] = [];
  const written = new Set<string>();
  const key = (sheet: string, row: number, column: number) =>
    `${sheet.toLocaleLowerCase("nl-NL")}!${row}:${column}`;
  const write = (sheet: string, row: number, column: number, value: CellValue) => {
    written.add(key(sheet, row, column));
    changes.push({ kind: "writeValues", sheet, at: cellAddress(row, column), values: [[value]] });
  };

  // Kandidaten: the name cell (a formula too: it becomes the pseudonym), the contact cells
  // emptied, and years from the work history into their criterion cell.
  const region = candidates.region;
  const kandidaten = region.sheet;
  const { columns } = candidates;
  const read = new Set<number>([
    columns.name,
    columns.rate,
    ...[columns.supplier, columns.drawOrder].filter((c): c is number => c !== undefined),
    ...columns.criteria.values(),
    ...columns.outputs.values(),
  ]);
  const contact = region.headers.flatMap((header, i) =>
    !read.has(i) && isContactHeader(header) ? [i] : []
  );
  const clearedNotes = new Set<string>();
  for (const [i, c] of others.entries()) {
    const column = region.firstColumn + columns.name;
    if (isFormula(kandidaten, c.row, column)) counts.formulaNames++;
    write(kandidaten.name, c.row, column, pseudonyms[i].pseudonym);
    for (const index of contact) {
      const at = region.firstColumn + index;
      const value = cellValue(kandidaten, c.row, at);
      if ((value === null || value === "") && !isFormula(kandidaten, c.row, at)) continue;
      counts.contactCells++;
      write(kandidaten.name, c.row, at, null);
      clearedNotes.add(key(kandidaten.name, c.row, at));
    }
    for (const outcome of [...c.knockouts, ...c.awards]) {
      const index = columns.criteria.get(outcome.id);
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
    const span = periods.region.headers.length;
    for (const input of periods.inputs) {
      const name = nameKey(readText(input.candidate));
      if (!otherKeys.has(name) || topKeys.has(name)) continue;
      clearedPeriods.push(input.row);
      for (let k = 0; k < span; k++) {
        const column = periods.region.firstColumn + k;
        if (!isFormula(periods.region.sheet, input.row, column))
          write(periods.region.sheet.name, input.row, column, null);
      }
    }
  }

  // Voorstellen (issue 20): the CVs' lines, of every candidate, go whole; its cells are not
  // pseudonymised one by one. Only when the sheet is ours: a user's sheet of that name is theirs.
  const proposals = proposalsToClear(snapshot);
  const cleared = (sheet: SheetSnapshot) =>
    proposals !== undefined &&
    sheet.name.toLocaleLowerCase("nl-NL") === proposals.sheet.toLocaleLowerCase("nl-NL");

  // Every other cell of every sheet that names one of them: reasons, tie notes, paragraphs,
  // formulas (their text and their result).
  for (const sheet of snapshot.sheets) {
    if (cleared(sheet)) continue;
    sheet.values.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (written.has(key(sheet.name, r + 1, c + 1))) return;
        const formula = sheet.formulas?.[r]?.[c];
        if (formula) return formulaCell(sheet, r + 1, c + 1, formula, value);
        if (typeof value !== "string") return;
        const next = replace(value);
        if (next.count === 0) return;
        counts.cells += next.count;
        write(sheet.name, r + 1, c + 1, next.text);
      })
    );
    // A formula whose value is not text (or was not read) may still hold a name in its text.
    sheet.formulas?.forEach((cells, r) =>
      cells.forEach((formula, c) => {
        if (!formula || sheet.values[r]?.[c] !== undefined) return;
        if (written.has(key(sheet.name, r + 1, c + 1))) return;
        formulaCell(sheet, r + 1, c + 1, formula, null);
      })
    );
  }

  /** A formula that names one of them: its text and result rewritten, or made a value when its texts spell the name. */
  function formulaCell(
    sheet: SheetSnapshot,
    row: number,
    column: number,
    formula: string,
    value: CellValue
  ): void {
    const text = inFormula(replace, formula);
    const result = typeof value === "string" ? replace(value) : { text: value, count: 0 };
    if (text.count === 0 && result.count === 0) return;
    counts.formulas += Math.max(text.count, result.count);
    if (result.count > 0 && spellsName(replace, text.text)) {
      write(sheet.name, row, column, result.text);
      return;
    }
    written.add(key(sheet.name, row, column));
    changes.push({
      kind: "writeFormulas",
      sheet: sheet.name,
      at: cellAddress(row, column),
      formulas: [[text.text]],
      results: [[result.text]],
    });
  }

  // Notes, headers and footers, validations on every sheet read.
  for (const sheet of snapshot.sheets) {
    if (cleared(sheet)) continue;
    for (const note of sheet.notes ?? []) {
      const { row, column } = parseCell(note.at);
      if (clearedNotes.has(key(sheet.name, row, column))) {
        changes.push({ kind: "writeNote", sheet: sheet.name, at: note.at, text: null });
        continue;
      }
      const next = replace(note.text);
      if (next.count === 0) continue;
      counts.notes += next.count;
      changes.push({ kind: "writeNote", sheet: sheet.name, at: note.at, text: next.text });
    }
    const texts: Record<string, string> = {};
    for (const [kind, text] of Object.entries(sheet.headerFooter ?? {})) {
      const next = inHeaderFooter(replace, text);
      if (next.count === 0) continue;
      counts.headersFooters += next.count;
      texts[kind] = next.text;
    }
    if (Object.keys(texts).length > 0)
      changes.push({ kind: "headerFooterTexts", sheet: sheet.name, texts });
    for (const validation of sheet.validations ?? []) {
      let count = 0;
      const next: Partial<Record<(typeof VALIDATION_TEXTS)[number], string>> = {};
      for (const field of VALIDATION_TEXTS) {
        const text = validation[field];
        if (text === undefined) continue;
        const replaced = replace(text);
        count += replaced.count;
        if (replaced.count > 0) next[field] = replaced.text;
      }
      const formulae = validation.formulae?.map((f) => inFormula(replace, f));
      count += formulae?.reduce((sum, f) => sum + f.count, 0) ?? 0;
      if (count === 0) continue;
      counts.validations += count;
      const change: WorkbookChange = {
        kind: "validationTexts",
        sheet: sheet.name,
        range: validation.range,
        texts: next,
      };
      if (formulae?.some((f) => f.count > 0)) change.formulae = formulae.map((f) => f.text);
      changes.push(change);
    }
  }

  // The document's properties, and its custom properties (as `custom:<name>`) where read.
  const properties: Record<string, string> = {};
  const custom = Object.entries(snapshot.customProperties ?? {}).map(
    ([name, text]): [string, string] => [`custom:${name}`, text]
  );
  for (const [name, text] of [...Object.entries(snapshot.properties ?? {}), ...custom]) {
    const next = replace(text);
    if (next.count === 0) continue;
    counts.properties += next.count;
    properties[name] = next.text;
  }
  if (Object.keys(properties).length > 0) changes.push({ kind: "documentProperties", properties });
  if (proposals) changes.push(...clearProposalChanges(proposals.sheet));

  const warnings: string[] = [];
  if (replaceMap.size > 0) {
    for (const sheet of snapshot.sheets)
      if (replace(sheet.name).count > 0) warnings.push(t.sheetNamed(sheet.name));
    if (snapshot.unread && snapshot.unread.length > 0)
      warnings.push(t.unread(snapshot.unread.map((part) => t.parts[part])));
  }
  return {
    pseudonyms,
    clearedPeriods,
    clearedProposals: proposals?.rows ?? 0,
    kept: top.length,
    counts,
    contactColumns: contact.map((i) => region.headers[i]),
    warnings,
    changes,
    mentions: (text) => replace(text).count > 0,
    replace,
  };
}
