/**
 * The use case "CV intake" as both hosts run it (the command's `cv` and the pane's
 * Overnemen): proposals from CVs (src/engine/cvProposals.ts, made by src/cv) written to the
 * add-in's own `Voorstellen` sheet, read back with the evaluator's `Overnemen` marks, and
 * applied in ONE batch: `Werkervaring` rows appended (never one that is there already),
 * empty cells of the candidate's `Kandidaten` row filled. A value the evaluator typed is
 * never overwritten: the proposal's `Status` says why it was not taken.
 *
 * `Overnemen` takes Ja in any case (`ja`, `JA`, also WAAR/TRUE as a yes/no cell does) and
 * an `x` (a tick); Nee or an empty cell leaves the proposal; anything else is a problem
 * at its cell, and nothing is applied.
 */
import {
  historyCriteria,
  isCellError,
  isEmptyCell,
  leadingId,
  nameKey,
  readCriterionValue,
  readDate,
  readText,
  readYesNo,
  type CandidateProposals,
  type CellValue,
  type CriterionId,
  type CvProposal,
  type Evidence,
  type KnockoutCriterion,
  type AwardCriterion,
  type Request,
} from "../engine";
import { cellAddress, rangeAddress } from "./address";
import { withinCellLimits } from "./cellLimits";
import type { GrowTable, WorkbookChange } from "./changes";
import { readCandidates, readPeriods, type CandidateSheet, type PeriodSheet } from "./inputs";
import { numberFormats, periodColumns } from "./layout";
import { checkOwnSheet } from "./ownSheet";
import { WorkbookError, type SheetProblem } from "./problems";
import { columnsNamed } from "./regions";
import { findSheet, shownValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { cellWords, cvIntakeTexts as t, sheetNames, tableNames } from "./texts";

/** The name of the add-in's proposals sheet. */
export const proposalSheet = t.sheet;

/** Excel's last row. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Where the header row of `Voorstellen` is (title in row 1, how-to in row 2). */
const HEADER_ROW = 3;

/** The columns of `Voorstellen`, in order. */
export const proposalHeaders: readonly string[] = [
  t.headers.candidate,
  t.headers.file,
  t.headers.page,
  t.headers.line,
  t.headers.evidence,
  t.headers.kind,
  t.headers.column,
  t.headers.value,
  t.headers.role,
  t.headers.from,
  t.headers.to,
  t.headers.countsFor,
  t.headers.note,
  t.headers.take,
  t.headers.status,
];

const WIDTHS = [24, 22, 7, 7, 50, 13, 24, 8, 36, 11, 11, 10, 40, 10, 40];

/** One row of `Voorstellen` as read back: the proposal as the row now says it, and the evaluator's mark. */
export interface ProposalRow {
  /** The sheet row. */
  row: number;
  candidate: string;
  proposal: CvProposal;
  /** `Overnemen` is Ja (or x). */
  take: boolean;
  /** The `Status` text as written. */
  status: string;
}

/** What became of one chosen proposal. */
export interface ProposalOutcome {
  candidate: string;
  proposal: CvProposal;
  /** Something of it was written. */
  applied: boolean;
  /** The `Status` text (Overgenomen, or Niet overgenomen: why). */
  status: string;
}

/** Applying proposals: the one batch of changes and what became of each proposal. */
export interface ApplyPlan {
  changes: WorkbookChange[];
  outcomes: ProposalOutcome[];
  /** Proposals of which something was written. */
  applied: number;
  /** Rows appended to `Werkervaring`. */
  periodRows: number;
  /** Cells of `Kandidaten` filled. */
  cells: number;
}

/** Writing proposals to `Voorstellen`. */
export interface ProposalSheetPlan {
  changes: WorkbookChange[];
  /** Rows the sheet holds after the writes (all candidates). */
  rows: number;
  /** Rows of these candidates written now. */
  written: number;
}

type Criterion = KnockoutCriterion | AwardCriterion;

/** The criterion of that id with a column of its own in `Kandidaten`. */
function criterionOf(request: Request, id: string): Criterion | undefined {
  const key = id.toUpperCase();
  return [...request.knockouts, ...request.awards].find(
    (c) => c.id.toUpperCase() === key && c.header !== null
  );
}

/** A date as the sheets hold it: midnight UTC (a Date, which both hosts write as a date). */
function dateCell(iso: string | null): CellValue {
  if (iso === null) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The row of `Voorstellen` for one proposal. */
function proposalCells(
  request: Request,
  candidate: string,
  proposal: CvProposal,
  take: CellValue,
  status: string
): CellValue[] {
  const e = proposal.evidence;
  const head: CellValue[] = [candidate, e.file, e.page, e.line, e.text];
  const header = (id: string) => criterionOf(request, id)?.header ?? id;
  switch (proposal.kind) {
    case "requirement":
      return [
        ...head,
        t.kinds.requirement,
        header(proposal.id),
        proposal.value,
        null,
        null,
        null,
        null,
        proposal.note,
        take,
        status,
      ];
    case "period":
      return [
        ...head,
        t.kinds.period,
        t.periodColumn,
        null,
        proposal.role,
        dateCell(proposal.from),
        dateCell(proposal.to),
        proposal.countsFor.join(", "),
        proposal.note,
        take,
        status,
      ];
    case "yes":
      return [
        ...head,
        t.kinds.yes,
        proposal.ids.map(header).join("; "),
        cellWords.yes,
        null,
        null,
        null,
        null,
        proposal.note,
        take,
        status,
      ];
  }
}

/**
 * Refuses a `Voorstellen` sheet that holds something of the user's (not starting with our title).
 *
 * @throws WorkbookError naming the sheet.
 * @example
 * checkProposalSheet(snapshot); // throws when 'Voorstellen' holds the user's notes
 */
export function checkProposalSheet(snapshot: WorkbookSnapshot): void {
  checkOwnSheet(snapshot, proposalSheet, t.title(""));
}

/** Whether the `Voorstellen` sheet exists and is ours. */
function ownProposalSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  const sheet = findSheet(snapshot, proposalSheet);
  if (!sheet) return undefined;
  try {
    checkProposalSheet(snapshot);
    return sheet;
  } catch (error) {
    if (error instanceof WorkbookError) return undefined;
    throw error;
  }
}

/**
 * What the clean-up (`opschonen`) does with `Voorstellen`: the sheet when it is ours (it is
 * emptied: the evidence lines are the CVs' text), with the number of proposal rows on it.
 *
 * @example
 * proposalsToClear(snapshot); // { sheet: "Voorstellen", rows: 12 }
 */
export function proposalsToClear(
  snapshot: WorkbookSnapshot
): { sheet: string; rows: number } | undefined {
  const sheet = ownProposalSheet(snapshot) ?? withProposalColumns(snapshot);
  if (!sheet) return undefined;
  let rows = 0;
  for (let row = HEADER_ROW + 1; row <= sheet.values.length; row++)
    if ((sheet.values[row - 1] ?? []).some((v) => readText(v) !== "")) rows++;
  return { sheet: sheet.name, rows };
}

/**
 * `Voorstellen` whose title the evaluator changed but which still has every column of ours: it
 * holds the CVs' lines all the same, so the clean-up empties it too.
 */
function withProposalColumns(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  const sheet = findSheet(snapshot, proposalSheet);
  if (!sheet) return undefined;
  try {
    return proposalColumns(sheet) ? sheet : undefined;
  } catch (error) {
    if (error instanceof WorkbookError) return undefined; // a column of ours is missing: the user's sheet
    throw error;
  }
}

/** The changes that leave `Voorstellen` empty but for its title (the clean-up). */
export function clearProposalChanges(sheet: string): WorkbookChange[] {
  return [
    { kind: "resetSheet", sheet },
    { kind: "writeValues", sheet, at: "A1", values: [[t.cleared]], bold: true },
  ];
}

/** The header row of `Voorstellen` and its columns by header; null when the sheet has none. */
function proposalColumns(
  sheet: SheetSnapshot
): { headerRow: number; columns: Map<string, number> } | null {
  const last = Math.min(sheet.values.length, 10);
  for (let row = 1; row <= last; row++) {
    const headers = (sheet.values[row - 1] ?? []).map((v) => readText(v));
    if (
      columnsNamed(headers, t.headers.candidate).length === 0 ||
      columnsNamed(headers, t.headers.take).length === 0
    )
      continue;
    const columns = new Map<string, number>();
    for (const header of proposalHeaders) {
      const found = columnsNamed(headers, header);
      if (found.length === 0) throw new WorkbookError(t.missingHeader(sheet.name, header));
      columns.set(header, found[0] + 1);
    }
    return { headerRow: row, columns };
  }
  return null;
}

/** Whether an `Overnemen` cell says yes (Ja in any case, WAAR/TRUE, or an x); null when it is unreadable. */
export function readTake(value: CellValue): boolean | null {
  if (isEmptyCell(value)) return false;
  if (typeof value === "string" && value.trim().toLowerCase() === "x") return true;
  const read = readYesNo(value, false);
  return read.ok ? read.value === true : null;
}

/** The ids in a `Kolom` or `Telt voor` cell: the leading id of each part (`K6 …; G10 …`, `K3, G9`). */
function idsIn(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((part) => leadingId(part.trim()) ?? part.trim().toUpperCase())
    .filter((id) => id !== "");
}

/**
 * The rows of `Voorstellen` as they are now, the evaluator's edits included (a corrected
 * `Waarde`, `Van`, `Tot`, `Functie` or `Telt voor` is what is applied). Empty when the sheet
 * is absent or not ours.
 *
 * @throws WorkbookError listing the cells that cannot be read (an unclear `Overnemen`, a date that is none, …); nothing is applied then.
 * @example
 * readProposalRows(snapshot, request17040).filter((r) => r.take); // the rows marked Ja
 */
export function readProposalRows(snapshot: WorkbookSnapshot, request: Request): ProposalRow[] {
  const sheet = ownProposalSheet(snapshot);
  if (!sheet) return [];
  const found = proposalColumns(sheet);
  if (!found) {
    if (sheet.values.length <= HEADER_ROW) return [];
    throw new WorkbookError(t.noHeaderRow(sheet.name));
  }
  const { headerRow, columns } = found;
  const col = (header: string) => columns.get(header) as number;
  const problems: SheetProblem[] = [];
  const problem = (row: number, header: string, message: string) =>
    problems.push({ sheet: sheet.name, cell: cellAddress(row, col(header)), message });
  const history = historyCriteria(request);
  const rows: ProposalRow[] = [];
  const h = t.headers;
  for (let row = headerRow + 1; row <= sheet.values.length; row++) {
    const cell = (header: string): CellValue => sheet.values[row - 1]?.[col(header) - 1] ?? null;
    if (proposalHeaders.every((header) => readText(cell(header)) === "")) continue;
    const take = readTake(cell(h.take));
    if (take === null) problem(row, h.take, t.badTake(readText(shownValue(cell(h.take)))));
    const candidate = readText(cell(h.candidate));
    if (candidate === "") problem(row, h.candidate, t.noCandidate(h.candidate));
    const number = (header: string) => {
      const v = cell(header);
      return typeof v === "number" ? v : Number(readText(v)) || 0;
    };
    const evidence: Evidence = {
      file: readText(cell(h.file)),
      page: number(h.page),
      line: number(h.line),
      text: readText(cell(h.evidence)),
    };
    const note = readText(cell(h.note));
    const kind = readText(cell(h.kind)).toLowerCase();
    let proposal: CvProposal | null = null;
    const strict = take === true; // only what is to be applied must be readable
    if (kind === t.kinds.requirement.toLowerCase()) {
      const id = leadingId(readText(cell(h.column))) ?? "";
      const criterion = criterionOf(request, id);
      if (!criterion) {
        if (strict) problem(row, h.column, t.badColumn(readText(cell(h.column))));
      } else {
        const read = readCriterionValue(cell(h.value), criterion.valueKind);
        const value =
          !read.ok || read.value === "n.v.t."
            ? null
            : typeof read.value === "boolean"
              ? read.value
                ? cellWords.yes
                : cellWords.no
              : read.value;
        if (value !== null)
          proposal = { kind: "requirement", id: criterion.id, value, note, evidence };
        else if (strict)
          problem(
            row,
            h.value,
            t.badValue(criterion.id, read.ok ? readText(cell(h.value)) : read.message)
          );
      }
    } else if (kind === t.kinds.period.toLowerCase()) {
      const from = readDate(cell(h.from));
      const toCell = cell(h.to);
      const to = isEmptyCell(toCell) ? null : readDate(toCell);
      const countsFor = idsIn(readText(cell(h.countsFor)));
      const unknown = countsFor.filter((id) => !history.includes(id));
      if (!from.ok && strict) problem(row, h.from, t.badDate(h.from, from.message));
      if (to && !to.ok && strict) problem(row, h.to, t.badDate(h.to, to.message));
      if (unknown.length > 0 && strict)
        problem(row, h.countsFor, t.badCountsFor(readText(cell(h.countsFor)), history));
      if (from.ok && (to === null || to.ok))
        proposal = {
          kind: "period",
          role: readText(cell(h.role)),
          from: from.value,
          to: to === null ? null : to.ok ? to.value : null,
          countsFor: countsFor.filter((id) => history.includes(id)),
          note,
          evidence,
        };
    } else if (kind === t.kinds.yes.toLowerCase()) {
      const ids = idsIn(readText(cell(h.column)));
      const known = ids.filter((id) => criterionOf(request, id));
      if ((known.length === 0 || known.length < ids.length) && strict)
        problem(row, h.column, t.badColumn(readText(cell(h.column))));
      if (known.length > 0)
        proposal = { kind: "yes", source: "period", ids: known, note, evidence };
    } else if (strict) problem(row, h.kind, t.badKind(readText(cell(h.kind))));
    if (proposal && candidate !== "")
      rows.push({
        row,
        candidate,
        proposal,
        take: take === true,
        status: readText(cell(h.status)),
      });
  }
  if (problems.length > 0) throw new WorkbookError(t.unreadableSheet, problems);
  return rows;
}

/** The rows marked Ja and not yet taken, as the proposals to apply ({@link planApplyProposals}). */
export function chosenRows(rows: ProposalRow[]): CandidateProposals[] {
  const byKey = new Map<string, CandidateProposals>();
  for (const row of rows) {
    if (!row.take || row.status.startsWith(t.status.applied)) continue;
    const key = nameKey(row.candidate);
    const group = byKey.get(key) ?? { candidate: row.candidate, proposals: [] };
    group.proposals.push(row.proposal);
    byKey.set(key, group);
  }
  return [...byKey.values()];
}

/** What identifies a proposal's row: candidate, kind, what it is for and where it came from (not the editable values). */
function proposalKey(candidate: string, proposal: CvProposal): string {
  const e = proposal.evidence;
  const what =
    proposal.kind === "requirement"
      ? proposal.id
      : proposal.kind === "yes"
        ? proposal.ids.join(",")
        : "";
  return [nameKey(candidate), proposal.kind, what, e.file, e.page, e.line].join("\u0000");
}

/** Throws when the rows would not fit in Excel. */
function checkRowLimit(sheet: string, lastRow: number, rows: number): void {
  if (lastRow > EXCEL_MAX_ROWS) throw new WorkbookError(t.tooManyRows(sheet, rows));
}

/**
 * Plans the `Voorstellen` sheet with these candidates' proposals: their earlier rows are
 * replaced, other candidates' rows (with their marks and status) stay. The sheet is rewritten
 * whole. `outcomes` (from {@link planApplyProposals}, when the proposals are applied at once)
 * give each new row its Overnemen and Status; without, each is `Voorgesteld`.
 *
 * @throws WorkbookError when a sheet `Voorstellen` holds something of the user's, or the rows do not fit.
 * @example
 * planCvProposals(snapshot, request17040, [{ candidate: "Ans", proposals }]).written; // 7
 */
export function planCvProposals(
  snapshot: WorkbookSnapshot,
  request: Request,
  proposals: CandidateProposals[],
  outcomes: ProposalOutcome[] = []
): ProposalSheetPlan {
  checkProposalSheet(snapshot);
  const replaced = new Set(proposals.map((p) => nameKey(p.candidate)));
  const sheet = ownProposalSheet(snapshot);
  const found = sheet ? proposalColumns(sheet) : null;
  const kept: CellValue[][] = [];
  if (sheet && found) {
    for (let row = found.headerRow + 1; row <= sheet.values.length; row++) {
      const cells = proposalHeaders.map(
        (header) => sheet.values[row - 1]?.[(found.columns.get(header) as number) - 1] ?? null
      );
      if (cells.every((v) => readText(v) === "")) continue;
      if (replaced.has(nameKey(readText(cells[0])))) continue;
      kept.push(cells);
    }
  }
  const count = kept.length + proposals.reduce((sum, g) => sum + g.proposals.length, 0);
  checkRowLimit(proposalSheet, HEADER_ROW + count, count);
  const statusOf = new Map<CvProposal, ProposalOutcome>();
  for (const outcome of outcomes) statusOf.set(outcome.proposal, outcome);
  const fresh: CellValue[][] = [];
  for (const group of proposals)
    for (const proposal of group.proposals) {
      const outcome = statusOf.get(proposal);
      fresh.push(
        proposalCells(
          request,
          group.candidate,
          proposal,
          outcome ? cellWords.yes : null,
          outcome ? outcome.status : t.status.proposed
        )
      );
    }
  const rows = [...kept, ...fresh];
  const changes: WorkbookChange[] = [
    { kind: "resetSheet", sheet: proposalSheet },
    {
      kind: "columnWidths",
      sheet: proposalSheet,
      widths: WIDTHS.map((width, i) => ({ column: i + 1, width })),
    },
    {
      kind: "writeValues",
      sheet: proposalSheet,
      at: "A1",
      values: [[t.title(request.id)]],
      bold: true,
    },
    { kind: "writeValues", sheet: proposalSheet, at: "A2", values: [[t.help]] },
    {
      kind: "writeValues",
      sheet: proposalSheet,
      at: cellAddress(HEADER_ROW, 1),
      values: [[...proposalHeaders]],
      bold: true,
    },
  ];
  if (rows.length > 0) {
    const last = HEADER_ROW + rows.length;
    const take = proposalHeaders.indexOf(t.headers.take) + 1;
    changes.push(
      {
        kind: "writeValues",
        sheet: proposalSheet,
        at: cellAddress(HEADER_ROW + 1, 1),
        values: rows,
        numberFormats: proposalHeaders.map((header) =>
          header === t.headers.from || header === t.headers.to
            ? numberFormats.date
            : header === t.headers.candidate || header === t.headers.file
              ? numberFormats.text
              : null
        ),
      },
      {
        kind: "listValidation",
        sheet: proposalSheet,
        range: rangeAddress(HEADER_ROW + 1, take, last, take),
        items: [cellWords.yes, cellWords.no],
      }
    );
  }
  changes.push({ kind: "freezePanes", sheet: proposalSheet, rows: HEADER_ROW, columns: 1 });
  return { changes: withinCellLimits(changes), rows: rows.length, written: fresh.length };
}

/** The candidate's row on `Kandidaten`, or a WorkbookError naming the sheet (unknown) or both cells (twice). */
function candidateRow(candidates: CandidateSheet, name: string): number {
  const key = nameKey(name);
  const rows = candidates.inputs.filter((c) => nameKey(readText(c.name)) === key).map((c) => c.row);
  const region = candidates.region;
  const column = region.firstColumn + candidates.columns.name;
  if (rows.length === 0) {
    throw new WorkbookError(t.unknownCandidate(name), [
      {
        sheet: region.sheet.name,
        cell: cellAddress(region.headerRow, column),
        message: t.unknownCandidateHere(name),
      },
    ]);
  }
  if (rows.length > 1) {
    const cells = rows.map((row) => cellAddress(row, column));
    throw new WorkbookError(
      t.candidateTwice(name, cells),
      cells.slice(1).map((cell) => ({
        sheet: region.sheet.name,
        cell,
        message: t.candidateTwiceHere(name, cells[0]),
      }))
    );
  }
  return rows[0];
}

/**
 * The row of a candidate on `Kandidaten`, for a host that checks a name before it reads CVs.
 *
 * @throws WorkbookError naming `Kandidaten` (not there) or both cells (there twice).
 * @example
 * candidateRowOf(snapshot, request17040, "ans"); // 2
 */
export function candidateRowOf(snapshot: WorkbookSnapshot, request: Request, name: string): number {
  return candidateRow(readCandidates(snapshot, request), name);
}

/** A cell as the status shows it. */
function shown(value: CellValue): string {
  const v = shownValue(value);
  if (isCellError(v)) return v.error;
  return readText(v);
}

/**
 * Plans applying the chosen proposals in ONE batch: a period becomes a `Werkervaring` row
 * (skipped when the candidate has that period, same `Van` and `Tot`, already), a CV
 * requirement or a yes fills the candidate's `Kandidaten` cell ONLY when it is empty (no
 * value, not 0, not Nee, no formula). A column the sheet lacks, or a filled cell, leaves
 * the proposal with a status that says why. The rows of `Voorstellen` these proposals came
 * from (same candidate, kind, column and evidence) get their Status, and Overnemen Ja.
 *
 * A host that writes into Excel grows the `Werkervaring` table first (src/office/apply.ts
 * growTables, as a scoring does) and reads `Kandidaten` with its formulas, so a formula is
 * never taken for an empty cell.
 *
 * @throws WorkbookError (nothing applied) for a candidate not on `Kandidaten`, or on it twice, or filled cells below the `Werkervaring` table.
 * @example
 * const plan = planApplyProposals(snapshot, request17040, [{ candidate: "Ans", proposals }]);
 * plan.outcomes[0].status; // "Overgenomen"
 */
export function planApplyProposals(
  snapshot: WorkbookSnapshot,
  request: Request,
  chosen: CandidateProposals[]
): ApplyPlan {
  const candidates = readCandidates(snapshot, request);
  const region = candidates.region;
  const kandidaten = region.sheet;
  const rowsOf = new Map<string, number>();
  for (const group of chosen)
    if (group.proposals.length > 0)
      rowsOf.set(nameKey(group.candidate), candidateRow(candidates, group.candidate));

  let periods: PeriodSheet | null = null;
  let periodSheetMissing = false;
  let periodUnreadable = false;
  const wantsPeriods = chosen.some((g) => g.proposals.some((p) => p.kind === "period"));
  if (wantsPeriods) {
    periods = readPeriods(snapshot);
    if (!periods) {
      if (findSheet(snapshot, sheetNames.periods)) periodUnreadable = true;
      else periodSheetMissing = true;
    }
  }

  const changes: WorkbookChange[] = [];
  const outcomes: ProposalOutcome[] = [];
  const filled = new Set<string>(); // cells this batch fills
  let cells = 0;

  // Periods already there, by candidate, from and to.
  const periodKey = (candidate: string, from: string | null, to: string | null) =>
    `${nameKey(candidate)}|${from ?? ""}|${to ?? ""}`;
  const existing = new Map<string, number>();
  for (const input of periods?.inputs ?? []) {
    const from = readDate(input.from);
    const to = isEmptyCell(input.to) ? null : readDate(input.to);
    if (!from.ok || (to !== null && !to.ok)) continue;
    existing.set(
      periodKey(
        readText(input.candidate),
        from.value,
        to === null ? null : to.ok ? to.value : null
      ),
      input.row
    );
  }
  const newRows: NewPeriod[] = [];
  const added = new Set<string>();

  const fillCell = (
    candidate: string,
    id: CriterionId,
    value: number | string
  ): { ok: true } | { ok: false; reason: string } => {
    const criterion = criterionOf(request, id);
    if (!criterion) return { ok: false, reason: t.reasons.unknownCriterion(id) };
    const index = candidates.columns.criteria.get(criterion.id);
    if (index === undefined)
      return { ok: false, reason: t.reasons.noColumn(criterion.id, criterion.header ?? id) };
    const row = rowsOf.get(nameKey(candidate)) as number;
    const column = region.firstColumn + index;
    const key = `${row}:${column}`;
    if (filled.has(key)) return { ok: false, reason: t.reasons.takenByOther(criterion.id) };
    if (kandidaten.formulas?.[row - 1]?.[column - 1])
      return { ok: false, reason: t.reasons.formula(criterion.id) };
    const current = kandidaten.values[row - 1]?.[column - 1] ?? null;
    if (!isEmptyCell(current))
      return { ok: false, reason: t.reasons.filled(criterion.id, shown(current)) };
    filled.add(key);
    cells++;
    changes.push({
      kind: "writeValues",
      sheet: kandidaten.name,
      at: cellAddress(row, column),
      values: [[value]],
    });
    return { ok: true };
  };

  for (const group of chosen) {
    for (const proposal of group.proposals) {
      const done = (applied: boolean, status: string) =>
        outcomes.push({ candidate: group.candidate, proposal, applied, status });
      if (proposal.kind === "requirement") {
        const result = fillCell(group.candidate, proposal.id, proposal.value);
        done(result.ok, result.ok ? t.status.applied : t.status.notApplied(result.reason));
      } else if (proposal.kind === "yes") {
        const applied: string[] = [];
        const reasons: string[] = [];
        for (const id of proposal.ids) {
          const result = fillCell(group.candidate, id, cellWords.yes);
          if (result.ok) applied.push(id);
          else reasons.push(result.reason);
        }
        done(
          applied.length > 0,
          reasons.length === 0
            ? t.status.applied
            : applied.length === 0
              ? t.status.notApplied(reasons.join("; "))
              : t.status.partly(applied, reasons)
        );
      } else {
        if (periodUnreadable) {
          done(false, t.status.notApplied(t.reasons.noPeriodSheet));
          continue;
        }
        const key = periodKey(group.candidate, proposal.from, proposal.to);
        const there = existing.get(key);
        if (there !== undefined) {
          done(false, t.status.notApplied(t.reasons.periodThere(there)));
          continue;
        }
        if (added.has(key)) {
          done(false, t.status.notApplied(t.reasons.periodTwice));
          continue;
        }
        added.add(key);
        // The name as Kandidaten has it, so the rows match exactly.
        const row = rowsOf.get(nameKey(group.candidate)) as number;
        const name = readText(
          kandidaten.values[row - 1]?.[region.firstColumn + candidates.columns.name - 1]
        );
        newRows.push({
          candidate: name || group.candidate,
          role: proposal.role,
          countsFor: proposal.countsFor.join(", "),
          from: proposal.from,
          to: proposal.to,
        });
        done(true, t.status.applied);
      }
    }
  }

  if (newRows.length > 0) {
    if (periodSheetMissing) changes.push(...newPeriodSheet(newRows));
    else changes.push(...appendPeriods(periods as PeriodSheet, newRows));
  }
  changes.push(...markRows(snapshot, request, outcomes));
  return {
    changes: withinCellLimits(changes),
    outcomes,
    applied: outcomes.filter((o) => o.applied).length,
    periodRows: newRows.length,
    cells,
  };
}

interface NewPeriod {
  candidate: string;
  role: string;
  countsFor: string;
  from: string;
  to: string | null;
}

/** A `Werkervaring` sheet with its table, made for the rows (a workbook set up without one). */
function newPeriodSheet(rows: NewPeriod[]): WorkbookChange[] {
  const sheet = sheetNames.periods;
  const last = 1 + rows.length;
  checkRowLimit(sheet, last, rows.length);
  const headers = periodColumns.map((c) => c.header);
  return [
    { kind: "createSheet", sheet },
    {
      kind: "writeValues",
      sheet,
      at: "A1",
      values: [
        headers,
        ...rows.map((r) => [r.candidate, r.role, r.countsFor, dateCell(r.from), dateCell(r.to)]),
      ],
      numberFormats: periodColumns.map((c) => c.format ?? null),
    },
    {
      kind: "createTable",
      sheet,
      name: tableNames.periods,
      range: rangeAddress(1, 1, last, headers.length),
      columns: headers,
    },
    {
      kind: "columnWidths",
      sheet,
      widths: periodColumns.map((c, i) => ({ column: i + 1, width: c.width })),
    },
  ];
}

/** The rows appended below the last filled row of `Werkervaring` (the table grown when they pass its end). */
function appendPeriods(periods: PeriodSheet, rows: NewPeriod[]): WorkbookChange[] {
  const region = periods.region;
  const sheet = region.sheet;
  const first = region.lastDataRow + 1;
  const last = first + rows.length - 1;
  checkRowLimit(sheet.name, last, rows.length);
  const table = region.table;
  const tableEnd = table ? table.headerRow + table.rowCount : region.lastDataRow;
  if (table?.totalsRow && last > tableEnd)
    throw new WorkbookError(t.totalsRow(sheet.name, table.name));
  // The rows below the table (or the range) must be empty across the block's columns.
  const width = Math.max(region.headers.length, 1);
  for (let row = Math.max(first, tableEnd + 1); row <= last; row++) {
    for (let c = 0; c < width; c++) {
      const column = region.firstColumn + c;
      const value = sheet.values[row - 1]?.[column - 1] ?? null;
      if (readText(value) !== "" || sheet.formulas?.[row - 1]?.[column - 1]) {
        const cell = cellAddress(row, column);
        throw new WorkbookError(t.occupiedBelow(sheet.name, cell), [
          { sheet: sheet.name, cell, message: t.occupiedHere },
        ]);
      }
    }
  }
  const changes: WorkbookChange[] = [];
  if (table && last > tableEnd) {
    const grow: GrowTable = {
      kind: "growTable",
      sheet: sheet.name,
      table: table.name,
      range: rangeAddress(
        table.headerRow,
        table.firstColumn,
        last,
        table.firstColumn + table.columns.length - 1
      ),
      from: tableEnd + 1,
    };
    changes.push(grow);
  }
  // The fields in the block's own column order; runs of adjacent columns written together.
  const fields: Array<{ index: number; value: (r: NewPeriod) => CellValue; date: boolean }> = [];
  const c = periods.columns;
  const add = (index: number | undefined, value: (r: NewPeriod) => CellValue, date = false) => {
    if (index !== undefined) fields.push({ index, value, date });
  };
  add(c.candidate, (r) => r.candidate);
  add(c.role, (r) => r.role);
  add(c.countsFor, (r) => r.countsFor);
  add(c.from, (r) => dateCell(r.from), true);
  add(c.to, (r) => dateCell(r.to), true);
  fields.sort((a, b) => a.index - b.index);
  let start = 0;
  while (start < fields.length) {
    let end = start;
    while (end + 1 < fields.length && fields[end + 1].index === fields[end].index + 1) end++;
    const run = fields.slice(start, end + 1);
    changes.push({
      kind: "writeValues",
      sheet: sheet.name,
      at: cellAddress(first, region.firstColumn + run[0].index),
      values: rows.map((r) => run.map((f) => f.value(r))),
      numberFormats: run.map((f) => (f.date ? numberFormats.date : null)),
    });
    start = end + 1;
  }
  return changes;
}

/** The Status (and Overnemen Ja) of the `Voorstellen` rows the outcomes came from, when the sheet is ours. */
function markRows(
  snapshot: WorkbookSnapshot,
  request: Request,
  outcomes: ProposalOutcome[]
): WorkbookChange[] {
  const sheet = ownProposalSheet(snapshot);
  if (!sheet || outcomes.length === 0) return [];
  const found = proposalColumns(sheet);
  if (!found) return [];
  let rows: ProposalRow[];
  try {
    rows = readProposalRows(snapshot, request);
  } catch (error) {
    if (error instanceof WorkbookError) return []; // the pane's own list decided; the sheet is left
    throw error;
  }
  // Rows marked Ja and not yet taken first: two proposals from one line share a key, and the
  // outcome belongs to the one the evaluator marked.
  const pending = (r: ProposalRow) => r.take && !r.status.startsWith(t.status.applied);
  const free = new Map<string, ProposalRow[]>();
  for (const row of [...rows.filter(pending), ...rows.filter((r) => !pending(r))]) {
    const key = proposalKey(row.candidate, row.proposal);
    free.set(key, [...(free.get(key) ?? []), row]);
  }
  const take = found.columns.get(t.headers.take) as number;
  const status = found.columns.get(t.headers.status) as number;
  const changes: WorkbookChange[] = [];
  for (const outcome of outcomes) {
    const row = free.get(proposalKey(outcome.candidate, outcome.proposal))?.shift();
    if (!row) continue;
    const cells: Array<[number, CellValue]> = [
      [take, cellWords.yes],
      [status, outcome.status],
    ];
    if (status === take + 1)
      changes.push({
        kind: "writeValues",
        sheet: sheet.name,
        at: cellAddress(row.row, take),
        values: [[cellWords.yes, outcome.status]],
      });
    else
      for (const [column, value] of cells)
        changes.push({
          kind: "writeValues",
          sheet: sheet.name,
          at: cellAddress(row.row, column),
          values: [[value]],
        });
  }
  return changes;
}
