/**
 * The add-in's actions as the task pane calls them: each is one `Excel.run`
 * that reads the workbook once, runs a pure use case of src/workbook, and
 * applies its changes in as few syncs as the bytes allow.
 */
import type { CandidateProposals, Evaluation, Request } from "../engine";
import { planApplyProposals, proposalSheet, type ApplyPlan } from "../workbook/cvIntake";
import { readCandidates } from "../workbook/inputs";
import { planDraw } from "../workbook/draw";
import { checkFinal } from "../workbook/finality";
import { planPrivacy, privacyStatus, type PrivacyStatus } from "../workbook/privacy";
import { WorkbookError, type SheetProblem } from "../workbook/problems";
import { readRequest, type RequestRead } from "../workbook/requestRead";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { WorkbookChange } from "../workbook/changes";
import type { ScoreRecord } from "../workbook/record";
import { planScore, type ScoreOptions } from "../workbook/score";
import { checkScoreRunSheets, planScoreRun, scoreRunOwnSheets } from "../workbook/scoreRun";
import { planSetUp, setUpRequest } from "../workbook/setUp";
import { fatalMessages, liveRankingTexts, privacyTexts, sheetNames } from "../workbook/texts";
import { parseRange } from "../workbook/address";
import { applyChanges, growTables, tablesLeftSmall } from "./apply";
import type { OfficeHost } from "./host";
import { noteWrites, readWorkbook, type OfficeRead } from "./read";
import { cvApplyTexts, officeTexts, tableGrowTexts } from "./texts";
import { checkUnchanged } from "./verify";

/** What a scoring gives the task pane. */
export interface ScoreOutcome {
  request: Request;
  evaluation: Evaluation;
  problems: SheetProblem[];
  notes: string[];
  /** The clean-up reminder, as the workbook was before this scoring wrote. */
  privacy: PrivacyStatus;
  /** What the `Verantwoording` sheet records of this scoring. */
  record: ScoreRecord;
}

/** What a set-up did. */
export interface SetUpOutcome {
  /** The number of changes applied; 0 when everything was there already. */
  changes: number;
}

/** What sharing with the municipality did. */
export interface ShareOutcome {
  /** The candidates in the shared workbook (the top, which is final). */
  top: number;
}

/** What "Persoonsgegevens opschonen" did. */
export interface PrivacyOutcome {
  /** Names replaced by a pseudonym (candidates not in the top). */
  pseudonyms: number;
  /** Rows of `Werkervaring` cleared. */
  clearedPeriods: number;
  /** Candidates in the top, left as they are. */
  kept: number;
  /** Other mentions of their names replaced, in cells and formulas of any sheet. */
  replaced: number;
  /** Cells of contact columns (e-mail, telefoon, …) emptied. */
  contactCells: number;
  /** Rows of `Voorstellen` (proposals with lines from the CVs) emptied. */
  clearedProposals: number;
  /** What the clean-up could not vouch for (Dutch): parts not read, a sheet named after one. */
  warnings: string[];
}

export type { PrivacyStatus };

/** The request with its problems and the clean-up reminder. */
export interface RequestOutcome extends RequestRead {
  privacy: PrivacyStatus;
}

/** The sheets a scoring reads whole: `Ranking` is the add-in's own output, read (when at all) as far as its head. */
const inputSheets = [sheetNames.request, sheetNames.candidates, sheetNames.periods];

/**
 * Reads, scores and writes in one context: output columns, `Ranking`, `Afwijzingen`, `Verantwoording`.
 * The add-in's scoring is live (ScoreOptions.live): `Knock-out`, `Score`, `Rang` and `Top N` keep
 * their formulas, which Excel calculates; so it knows which of their cells hold a formula
 * (`Kandidaten`, without the formulas' text) and reads the small `Berekening` sheet whole.
 */
async function score(
  host: OfficeHost,
  context: Excel.RequestContext,
  options: ScoreOptions
): Promise<ScoreOutcome> {
  // Where the host cannot find formula cells (ExcelApi 1.9), the formulas of Kandidaten are read whole.
  const cells = host.isSetSupported("ExcelApi", "1.9");
  // The add-in's own sheets are rewritten whole: only their heads are read, to be sure they are ours.
  const read = await readWorkbook(context, {
    // Voorstellen too: the privacy status counts its CV lines.
    sheets: [...inputSheets, liveRankingTexts.sheet, proposalSheet],
    formulas: cells ? [liveRankingTexts.sheet] : [liveRankingTexts.sheet, sheetNames.candidates],
    formulaCells: cells ? sheetNames.candidates : undefined,
    heads: [...scoreRunOwnSheets],
    sizes: host.readSizes,
  });
  const snapshot: WorkbookSnapshot = { ...read.snapshot, heads: [...read.heads.values()] };
  const live = { ...options, live: true };
  const plan = planScoreRun(snapshot, live, new Date());
  const privacy = privacyStatus(read.snapshot, plan.request, new Date());
  await checkUnchanged(context, read);
  const notGrown = await applyGrowing(host, context, plan.changes, read);
  return {
    request: plan.request,
    evaluation: plan.evaluation,
    problems: plan.problems,
    notes: [...plan.notes, ...notGrown],
    privacy,
    record: plan.record,
  };
}

/**
 * Sets up (or completes) the request workbook from a preset id or `blanco`.
 *
 * @throws WorkbookError (Dutch) when a sheet of the add-in's name holds something else; nothing is changed then.
 * @example
 * await runSetUp(officeHost({ Excel, Office }), "17040"); // { changes: 120 }
 */
export async function runSetUp(host: OfficeHost, presetOrBlank: string): Promise<SetUpOutcome> {
  const request = setUpRequest(presetOrBlank);
  return host.run(async (context) => {
    // The add-in's sheets and `Berekening`, whose FLEX.RANKING set-up makes when it is missing.
    const read = await readWorkbook(context, {
      formulas: true,
      more: [liveRankingTexts.sheet],
      sizes: host.readSizes,
    });
    const changes = planSetUp(read.snapshot, request);
    await applyChanges(context, changes, read, host.isSetSupported);
    noteWrites(host.readSizes, changes);
    return { changes: changes.length };
  });
}

/**
 * Scores the candidates ("Beoordelen"): output columns, `Ranking` sheet, marks and chart.
 * Two syncs to read and one per 4 MB written.
 *
 * @throws WorkbookError (Dutch) when the workbook cannot be scored.
 * @example
 * const { evaluation, problems } = await runScore();
 */
export async function runScore(
  host: OfficeHost,
  options: ScoreOptions = {}
): Promise<ScoreOutcome> {
  return host.run((context) => score(host, context, options));
}

/**
 * Records a draw for a tied group (sheet rows and their lot numbers 1…n) and re-scores.
 * The sheets the scoring rewrites are checked before the draw is written: a user's sheet
 * named `Afwijzingen` (or `Ranking`, `Verantwoording`) stops it with nothing written.
 *
 * @throws WorkbookError (Dutch) for rows that are not candidates, a bad order, or a sheet of the add-in's name that is the user's.
 * @example
 * await runRecordDraw([12, 14], [2, 1]);
 */
export async function runRecordDraw(
  host: OfficeHost,
  rows: number[],
  order: number[],
  options: ScoreOptions = {},
  names?: string[]
): Promise<ScoreOutcome> {
  return host.run(async (context) => {
    const read = await readWorkbook(context, {
      sheets: [sheetNames.candidates],
      heads: [...scoreRunOwnSheets],
      sizes: host.readSizes,
    });
    const draw = planDraw(read.snapshot, rows, order, names);
    checkScoreRunSheets({ ...read.snapshot, heads: [...read.heads.values()] });
    await applyChanges(context, draw, read, host.isSetSupported);
    return score(host, context, options);
  });
}

/**
 * The request as the `Aanvraag` sheet defines it (null when there is no such sheet), with its
 * problems and whether to remind the evaluator to clean up personal data (`today` decides
 * whether the request closed more than 4 weeks ago). One read of two syncs; nothing is written.
 *
 * @example
 * const read = await runReadRequest();
 * read?.request.id; // "17040"
 * read?.privacy; // { due: true, closed: "2024-08-26", pending: 14 }
 */
export async function runReadRequest(
  host: OfficeHost,
  today: Date = new Date()
): Promise<RequestOutcome | null> {
  return host.run(async (context) => {
    // Voorstellen too: the privacy status counts its CV lines.
    const sheets = [...inputSheets, proposalSheet];
    const snapshot = (await readWorkbook(context, { sheets, sizes: host.readSizes })).snapshot;
    const read = readRequest(snapshot);
    return read && { ...read, privacy: privacyStatus(snapshot, read.request, today) };
  });
}

/**
 * "Delen met gemeente": scores the workbook (writing nothing to it), builds the
 * workbook for the municipality in the browser and opens it as a new workbook in
 * Excel. ExcelJS is loaded only now, in a chunk of its own.
 *
 * @throws WorkbookError (Dutch) when the workbook cannot be scored or this Excel cannot open a new workbook;
 *   NotFinalError (a WorkbookError) listing the cells to decide while the top is not final.
 * @example
 * await runShare(); // { top: 10 }: a new workbook with Voorblad, Top 10, Stap 3, Stap 4
 */
export async function runShare(
  host: OfficeHost,
  options: ScoreOptions = {}
): Promise<ShareOutcome> {
  if (!host.isSetSupported("ExcelApi", "1.8"))
    throw new WorkbookError(officeTexts.cannotCreateWorkbook);
  const plan = await host.run(async (context) =>
    planScore(
      (await readWorkbook(context, { sheets: inputSheets, sizes: host.readSizes })).snapshot,
      options
    )
  );
  checkFinal(plan); // nothing leaves while a candidate is incomplete or a draw is pending
  const { sharedWorkbookBase64 } = await import(/* webpackChunkName: "share" */ "../share");
  await host.createWorkbook(await sharedWorkbookBase64(plan.evaluation));
  return { top: plan.evaluation.summary.top };
}

/**
 * What the add-in does not read for the clean-up in this round, so the plan warns
 * about them: notes (Excel's `worksheet.notes`/`comments`) and data-validation
 * messages (`dataValidation.prompt`, `errorAlert`). The command line (ExcelJS) cleans them.
 */
const CLEAN_UP_UNREAD = ["notes", "validations"] as const;

/** The groups of pages of a sheet's headers and footers (Excel.HeaderFooterGroup, ExcelApi 1.9). */
const HEADER_FOOTER_GROUPS = ["defaultForAllPages", "firstPage", "evenPages", "oddPages"] as const;
/** The texts of one group (Excel.HeaderFooter), with Excel's & codes. */
const HEADER_FOOTER_TEXTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;

/** A sheet's header and footer texts as the snapshot gives them, by `group.text` (`firstPage.centerHeader`). */
function headerFooterTexts(sheet: Excel.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const group of HEADER_FOOTER_GROUPS)
    for (const text of HEADER_FOOTER_TEXTS) {
      const value = sheet.pageLayout.headersFooters[group][text];
      if (value) out[`${group}.${text}`] = value;
    }
  return out;
}

/** The document properties the add-in reads and can set (Excel.DocumentProperties, ExcelApi 1.7). */
const DOCUMENT_PROPERTIES = [
  "title",
  "subject",
  "author",
  "keywords",
  "comments",
  "category",
  "manager",
  "company",
] as const;

/** The key of a custom property in the snapshot's properties. */
const CUSTOM = "custom:";

/**
 * The document's text properties as the snapshot gives them: the built-in ones by their
 * Office.js name, the custom ones that hold text as `custom:<key>`.
 */
function documentProperties(
  properties: Excel.DocumentProperties,
  custom: Excel.CustomPropertyCollection
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of DOCUMENT_PROPERTIES) if (properties[name]) out[name] = properties[name];
  for (const item of custom.items)
    if (typeof item.value === "string" && item.value !== "")
      out[`${CUSTOM}${item.key}`] = item.value;
  return out;
}

/**
 * "Persoonsgegevens opschonen": after the award, the names of the candidates not
 * in the top become pseudonyms in every cell of every sheet (formulas too: a name
 * cell that is a formula becomes the pseudonym), their contact cells are emptied and
 * their work history is cleared; their scores stay. One sync for the sheet names,
 * one read, then the writes. What it does not read is named in `warnings`.
 *
 * @throws WorkbookError (Dutch) when the workbook cannot be scored or a draw is still pending; nothing is changed then.
 * @example
 * await runCleanUp(); // { pseudonyms: 14, clearedPeriods: 9, kept: 10, contactCells: 0, … }
 */
export async function runCleanUp(
  host: OfficeHost,
  options: ScoreOptions = {}
): Promise<PrivacyOutcome> {
  return host.run(async (context) => {
    const worksheets = context.workbook.worksheets.load(
      [
        "items/name",
        ...HEADER_FOOTER_GROUPS.map((group) => `items/pageLayout/headersFooters/${group}`),
      ].join(",")
    );
    const properties = context.workbook.properties.load([...DOCUMENT_PROPERTIES, "lastAuthor"]);
    const custom = context.workbook.properties.custom.load("items/key,items/value");
    await context.sync();
    const read = await readWorkbook(context, {
      formulas: true,
      sheets: worksheets.items.map((w) => w.name),
      sizes: host.readSizes,
    });
    for (const worksheet of worksheets.items) {
      const key = worksheet.name.toLowerCase();
      const sheet = read.snapshot.sheets.find((s) => s.name.toLowerCase() === key);
      if (sheet) sheet.headerFooter = headerFooterTexts(worksheet);
    }
    const plan = planPrivacy(
      {
        ...read.snapshot,
        properties: documentProperties(properties, custom),
        unread: [...CLEAN_UP_UNREAD],
      },
      options
    );
    // Excel sets "last modified by" itself (read-only in Office.js): the plan cannot clean it.
    if (plan.mentions(properties.lastAuthor)) plan.warnings.push(privacyTexts.lastAuthor);
    await checkUnchanged(context, read);
    await applyChanges(context, plan.changes, read, host.isSetSupported);
    noteWrites(host.readSizes, plan.changes);
    return {
      pseudonyms: plan.counts.names,
      clearedPeriods: plan.clearedPeriods.length,
      kept: plan.kept,
      replaced: plan.counts.cells + plan.counts.formulas,
      contactCells: plan.counts.contactCells,
      clearedProposals: plan.clearedProposals,
      warnings: plan.warnings,
    };
  });
}

/**
 * Shows a cell in Excel (a problem's link in the task pane).
 *
 * @example
 * await selectCell("Kandidaten", "F7");
 */
export async function selectCell(host: OfficeHost, sheet: string, address: string): Promise<void> {
  await host.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

// ---- CV intake (issue 20) ----

/** What the CV intake needs of the workbook: the request and the candidates' names. */
export interface CvIntakeOutcome {
  request: Request;
  /** The names in `Kandidaten`, in sheet order, each once (empty names left out). */
  candidates: string[];
}

/**
 * The request and the names of `Kandidaten`, for the pane's CV intake (the candidate of
 * each file). One read of two syncs; nothing is written.
 *
 * @throws WorkbookError (Dutch) when there is no `Aanvraag` sheet or `Kandidaten` cannot be read.
 * @example
 * await runCvIntake(host); // { request, candidates: ["Eva Jansen", "Piet Bos", …] }
 */
export async function runCvIntake(host: OfficeHost): Promise<CvIntakeOutcome> {
  return host.run(async (context) => {
    const snapshot = (await readWorkbook(context, { sheets: inputSheets, sizes: host.readSizes }))
      .snapshot;
    const read = readRequest(snapshot);
    if (!read) throw new WorkbookError(fatalMessages.noSheet(sheetNames.request));
    const names = readCandidates(snapshot, read.request)
      .inputs.map((c) => (typeof c.name === "string" ? c.name.trim() : String(c.name ?? "")))
      .filter((name) => name !== "");
    return { request: read.request, candidates: [...new Set(names)] };
  });
}

/** Whether each proposal of a candidate can be applied now: null, or the Dutch reason why not. */
export interface CvCheckOutcome {
  candidate: string;
  blocked: Array<string | null>;
}

/** What "Overnemen" did. */
export interface CvApplyOutcome {
  /** Proposals of which something was written. */
  applied: number;
  /** Rows appended to `Werkervaring` and cells of `Kandidaten` filled. */
  periodRows: number;
  cells: number;
  /** The proposals not applied, each with its Dutch status naming why. */
  notApplied: string[];
}

/**
 * The snapshot the CV plan needs: the request, `Kandidaten` with its formulas (a formula
 * is never taken for an empty cell), `Werkervaring` and `Voorstellen` (when the command
 * wrote one, its rows get their status).
 */
async function readForCv(host: OfficeHost, context: Excel.RequestContext) {
  const cells = host.isSetSupported("ExcelApi", "1.9");
  const read = await readWorkbook(context, {
    sheets: [...inputSheets, proposalSheet],
    formulas: cells ? [] : [sheetNames.candidates],
    formulaCells: cells ? sheetNames.candidates : undefined,
    sizes: host.readSizes,
  });
  const request = readRequest(read.snapshot)?.request;
  if (!request) throw new WorkbookError(fatalMessages.noSheet(sheetNames.request));
  return { read, request };
}

/** The reason in a plan's status ("Niet overgenomen: de cel had al een waarde (…)" → "de cel …"). */
const reasonOf = (status: string) => status.replace(/^niet overgenomen:\s*/i, "");

/**
 * Which proposals "Overnemen" would apply now and why not the others (a cell that holds a
 * value, a period that is there already, a missing column): the workbook's own plan
 * (src/workbook/cvIntake.ts), run on a fresh read. Nothing is written.
 *
 * @throws WorkbookError (Dutch) for a candidate not on `Kandidaten`.
 * @example
 * await runCheckCvProposals(host, [{ candidate: "Piet Bos", proposals }]);
 * // [{ candidate: "Piet Bos", blocked: [null, "de cel had al een waarde (E3: 2)"] }]
 */
export async function runCheckCvProposals(
  host: OfficeHost,
  proposals: CandidateProposals[]
): Promise<CvCheckOutcome[]> {
  return host.run(async (context) => {
    const { read, request } = await readForCv(host, context);
    const plan = planApplyProposals(read.snapshot, request, proposals);
    return proposals.map((group) => ({
      candidate: group.candidate,
      blocked: group.proposals.map((proposal) => {
        const outcome = plan.outcomes.find(
          (o) => o.candidate === group.candidate && o.proposal === proposal
        );
        return outcome && !outcome.applied ? reasonOf(outcome.status) : null;
      }),
    }));
  });
}

/**
 * "Overnemen": applies the proposals the evaluator ticked in ONE batch (src/workbook's
 * planApplyProposals): rows appended to `Werkervaring` (its table grown first, as a scoring
 * does), empty cells of `Kandidaten` filled; a typed value is never overwritten. The user
 * undoes it by their own edit; the next scoring counts it.
 *
 * @throws WorkbookError (Dutch) for a candidate not on `Kandidaten`; nothing is written then.
 * @example
 * await runApplyCvProposals(host, chosen); // { applied: 5, periodRows: 2, cells: 3, notApplied: [] }
 */
export async function runApplyCvProposals(
  host: OfficeHost,
  chosen: CandidateProposals[]
): Promise<CvApplyOutcome> {
  return host.run(async (context) => {
    const { read, request } = await readForCv(host, context);
    const plan: ApplyPlan = planApplyProposals(read.snapshot, request, chosen);
    await checkUnchanged(context, read);
    const notGrown = await applyGrowing(host, context, plan.changes, read);
    return {
      applied: plan.applied,
      periodRows: plan.periodRows,
      cells: plan.cells,
      notApplied: [
        ...plan.outcomes
          .filter((o) => !o.applied)
          .map((o) => cvApplyTexts.notApplied(o.candidate, o.proposal.evidence.file, o.status)),
        ...notGrown,
      ],
    };
  });
}

/**
 * Applies a plan's changes in one batch with its tables grown first (as scoring and CV intake
 * both need), and says which tables the host could not grow (Dutch notes).
 */
async function applyGrowing(
  host: OfficeHost,
  context: Excel.RequestContext,
  changes: WorkbookChange[],
  read: OfficeRead
): Promise<string[]> {
  const ungrown = await growTables(context, changes, host.isSetSupported);
  await applyChanges(context, changes, read, host.isSetSupported);
  noteWrites(host.readSizes, changes);
  return (await tablesLeftSmall(context, ungrown)).map((grow) =>
    tableGrowTexts.notGrown(grow.sheet, grow.table, grow.from, parseRange(grow.range).bottom)
  );
}
