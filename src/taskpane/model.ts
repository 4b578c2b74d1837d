/**
 * What the task pane shows, as plain data: the components render these views,
 * the controller builds them from the use cases' outcomes. Types only from
 * the engine and the office layer, so nothing here loads Excel code.
 */
import {
  isCvRequirement,
  needsOwnTick,
  type CandidateProposals,
  type CandidateResult,
  type CvProposal,
  type Request,
} from "../engine";
import type { SheetProblem } from "../workbook/problems";
import type { Strings } from "./i18n/strings";

/** A preset a new evaluation can start from. */
export interface PresetView {
  id: string;
  title: string;
}

/** The request at a glance. */
export interface RequestView {
  id: string;
  title: string;
  organisation: string;
  /** `jjjj-mm-dd`. */
  referenceDate: string;
  /** The peildatum is the day of the closing moment (the reactietermijn, as for 17040). */
  referenceIsDeadline: boolean;
  /** The listing's "Einde inschrijfdatum" as `jjjj-mm-ddTuu:mm`, shown but never used to judge; null when none. */
  listingClosingMoment: string | null;
  maxRate: number;
  topN: number;
  /** The knock-out criteria (K…). */
  knockouts: Array<{ id: string; description: string }>;
  /** The CV requirements (E…), apart: they are no knock-outs. */
  cvRequirements: Array<{ id: string; description: string }>;
  /** Whether failing a CV requirement excludes (`CV-eisen: uitsluiten`) or is only reported. */
  cvRequirementsExclude: boolean;
  awards: Array<{ id: string; description: string; points: number }>;
}

/** One line of the top list. */
export interface TopRow {
  /** The sheet row of the candidate. */
  row: number;
  rank: number | null;
  name: string;
  score: number | null;
  rate: number | null;
  tie: boolean;
  needsDraw: boolean;
  drawn: boolean;
}

/** A tied group that straddles the last place of the top and needs a draw. */
export interface DrawGroup {
  from: number;
  to: number;
  candidates: Array<{ row: number; name: string }>;
}

/** The outcome of a scoring. */
export interface ResultsView {
  counts: {
    received: number;
    eligible: number;
    knockedOut: number;
    incomplete: number;
    top: number;
    needsDraw: number;
  };
  /** Every knock-out criterion (K…) that failed at least once, with how many failed it. */
  knockouts: Array<{ id: string; description: string; count: number }>;
  /** Every CV requirement (E…) that failed at least once, likewise. */
  cvRequirements: Array<{ id: string; description: string; count: number }>;
  /** Whether those failures excluded the candidates (`CV-eisen: uitsluiten`) or were only reported. */
  cvRequirementsExclude: boolean;
  /** The top N and the candidates that need a draw, in ranking order. */
  top: TopRow[];
  drawGroups: DrawGroup[];
  topN: number;
}

/** A problem at a cell, which the pane links to. */
export type ProblemView = SheetProblem;

/** An error shown as a message bar: what went wrong and what to do. */
export interface PaneError {
  message: string;
  hint: string;
  problems: ProblemView[];
}

/** What the pane is busy with, if anything. */
export type Busy = "setUp" | "score" | "draw" | "share" | "cleanUp" | "cvRead" | "cvApply" | null;

/** Whether to remind the evaluator to clean up personal data. */
export interface PrivacyView {
  /** The request closed more than 4 weeks ago. */
  due: boolean;
  /** `jjjj-mm-dd` of the closing moment. */
  closed: string;
  /** What is left to clean up; null when unknown (a draw pending). */
  pending: number | null;
}

/** The outcome of "Delen met gemeente". */
export interface ShareResult {
  top: number;
}

/** The outcome of "Persoonsgegevens opschonen". */
export interface CleanUpResult {
  pseudonyms: number;
  clearedPeriods: number;
  kept: number;
  /** Rows of `Voorstellen` emptied (the CVs' lines). */
  clearedProposals?: number;
  /** What the clean-up could not vouch for (Dutch), shown after the count. */
  warnings?: string[];
}

/** The whole state the pane renders. */
export interface PaneState {
  /** `loading` until the workbook is read; `notSetUp` without an `Aanvraag` sheet. */
  phase: "loading" | "notSetUp" | "ready";
  busy: Busy;
  request: RequestView | null;
  results: ResultsView | null;
  problems: ProblemView[];
  notes: string[];
  /** The clean-up reminder's state; null until the request is read. */
  privacy: PrivacyView | null;
  /** What the last share or clean-up did, in the pane's language. */
  notice: string | null;
  error: PaneError | null;
  /** The CV intake: the files dropped or chosen and the proposals under review. */
  cv: CvIntakeView;
}

/** The use cases' outcome of a scoring, as far as the pane needs it. */
export interface ScoreResult {
  request: Request;
  evaluation: {
    candidates: CandidateResult[];
    ranking: number[];
    summary: {
      received: number;
      eligible: number;
      knockedOut: number;
      incomplete: number;
      failedPerCriterion: Record<string, number>;
      top: number;
      needsDraw: number;
    };
  };
  problems: SheetProblem[];
  notes: string[];
  /** The clean-up reminder as the scoring found it (absent: unchanged). */
  privacy?: PrivacyView;
}

/**
 * The request at a glance, from the engine's request.
 *
 * @example
 * requestView(request17040).awards.map((a) => a.points); // [50, 30, 20]
 */
export function requestView(request: Request): RequestView {
  return {
    id: request.id,
    title: request.title,
    organisation: request.organisation,
    referenceDate: request.referenceDate,
    referenceIsDeadline: request.closingMoment.slice(0, 10) === request.referenceDate,
    listingClosingMoment: request.listingClosingMoment ?? null,
    maxRate: request.maxRate,
    topN: request.topN,
    knockouts: request.knockouts
      .filter((k) => !isCvRequirement(k))
      .map((k) => ({ id: k.id, description: k.description })),
    cvRequirements: request.knockouts
      .filter(isCvRequirement)
      .map((k) => ({ id: k.id, description: k.description })),
    cvRequirementsExclude: request.cvRequirements === "exclude",
    awards: request.awards.map((a) => ({ id: a.id, description: a.description, points: a.points })),
  };
}

/**
 * The results of a scoring: counts, knock-outs per criterion, the top in ranking
 * order (with the candidates that need a draw) and the tied groups to draw.
 *
 * @example
 * resultsView(outcome).top[0]; // { row: 5, rank: 1, name: "Annelies de Boer", score: 100, … }
 */
export function resultsView(outcome: ScoreResult): ResultsView {
  const { request, evaluation } = outcome;
  const byRow = new Map(evaluation.candidates.map((c) => [c.row, c]));
  const ranked = evaluation.ranking
    .map((row) => byRow.get(row))
    .filter((c): c is CandidateResult => c !== undefined && (c.top || c.needsDraw));
  const top: TopRow[] = ranked.map((c) => ({
    row: c.row,
    rank: c.rank,
    name: c.name,
    score: c.score,
    rate: c.rate,
    tie: c.tie,
    needsDraw: c.needsDraw,
    drawn: c.drawn,
  }));
  const topCount = ranked.filter((c) => c.top).length;
  const groups = new Map<string, DrawGroup>();
  for (const c of ranked) {
    if (!c.needsDraw) continue;
    const key = `${c.score}|${c.rate}`;
    const group = groups.get(key) ?? {
      from: c.rank ?? topCount + 1,
      to: request.topN,
      candidates: [],
    };
    group.candidates.push({ row: c.row, name: c.name });
    groups.set(key, group);
  }
  const s = evaluation.summary;
  return {
    counts: {
      received: s.received,
      eligible: s.eligible,
      knockedOut: s.knockedOut,
      incomplete: s.incomplete,
      top: s.top,
      needsDraw: s.needsDraw,
    },
    knockouts: failedCounts(
      request.knockouts.filter((k) => !isCvRequirement(k)),
      s
    ),
    cvRequirements: failedCounts(request.knockouts.filter(isCvRequirement), s),
    cvRequirementsExclude: request.cvRequirements === "exclude",
    top,
    drawGroups: [...groups.values()],
    topN: request.topN,
  };
}

/** The criteria that failed at least once, with how many failed each. */
function failedCounts(
  criteria: Request["knockouts"],
  summary: { failedPerCriterion: Record<string, number> }
): Array<{ id: string; description: string; count: number }> {
  return criteria
    .map((k) => ({
      id: k.id,
      description: k.description,
      count: summary.failedPerCriterion[k.id] ?? 0,
    }))
    .filter((k) => k.count > 0);
}

/**
 * Any error of the workbook or Office as a message with what to do. A workbook
 * error carries its Dutch message and the cells to fix; an Office error its code.
 *
 * @example
 * paneError(new WorkbookError("Het blad 'Kandidaten' ontbreekt."), nl).hint; // "Pas de werkmap aan …"
 */
export function paneError(error: unknown, strings: Strings): PaneError {
  const e = error as {
    name?: string;
    message?: string;
    code?: string;
    problems?: SheetProblem[];
    kind?: string;
    action?: string;
  } | null;
  if (e && e.name === "WorkbookError" && e.kind === "notFinal") {
    // Sharing or cleaning up refused while the top is not final: in the pane's language, naming the cells.
    const cells = (e.problems ?? []).map((p) => strings.problemLink(p.sheet, p.cell));
    const cleanUp = e.action === "cleanUp";
    return {
      message: (cleanUp ? strings.cleanUpNotFinal : strings.shareNotFinal)(cells),
      hint: cleanUp ? strings.cleanUpNotFinalHint : strings.shareNotFinalHint,
      problems: e.problems ?? [],
    };
  }
  if (e && e.name === "WorkbookError" && e.message) {
    return { message: e.message, hint: strings.workbookErrorHint, problems: e.problems ?? [] };
  }
  if (e && typeof e.code === "string" && e.message) {
    return { message: `${e.message} (${e.code})`, hint: strings.officeErrorHint, problems: [] };
  }
  const message = e?.message ?? String(error);
  return {
    message: strings.unexpectedError(message),
    hint: strings.unexpectedErrorHint,
    problems: [],
  };
}

// ---- CV intake (issue 20) ----

/** One CV file in the pane: whose it is, and whether it could be read. */
export interface CvFileView {
  /** Unique within the pane's session (the same file name may come twice). */
  id: number;
  /** The file's name as the user gave it (no folder). */
  file: string;
  /** The candidate it belongs to (a name of `Kandidaten`); null until the evaluator picks one. */
  candidate: string | null;
  /** `unreadable`: the reader's Dutch message names the file; nothing is proposed from it. */
  status: "read" | "unreadable";
  message: string | null;
}

/** One proposal as the evaluator reviews it. */
export interface CvReviewItem {
  /** Unique within the review (candidate and position). */
  key: string;
  proposal: CvProposal;
  /** Why it cannot be applied (Dutch, from the workbook: the cell already holds a value, …); null when it can. */
  blocked: string | null;
  /** Whether "Overnemen" applies it; never true while blocked. */
  checked: boolean;
}

/** The proposals for one candidate, from all of their CV files. */
export interface CvCandidateReview {
  candidate: string;
  items: CvReviewItem[];
}

/** The CV intake's state: the files and the proposals under review; nothing of it is in the workbook until "Overnemen". */
export interface CvIntakeView {
  /** The names of `Kandidaten`, to pick the candidate of each file. */
  candidates: string[];
  files: CvFileView[];
  reviews: CvCandidateReview[];
}

/** The CV intake before any file is given. */
export const emptyCvIntake: CvIntakeView = { candidates: [], files: [], reviews: [] };

/**
 * The review of proposals: each one checked by default when it can be applied and states
 * what the CV itself says (page count, language, references, a work period); a "Ja" for a
 * knock-out, an estimated page count and a "Nee" wait for the evaluator's own tick
 * (needsOwnTick in src/engine/cvProposals.ts: the command's --overnemen keeps the same rule). A blocked one is
 * shown with its reason and never checked. Nothing is applied before "Overnemen".
 *
 * @example
 * reviewOf([{ candidate: "Eva", proposals: [pages] }], [{ candidate: "Eva", blocked: [null] }]);
 * // [{ candidate: "Eva", items: [{ key: "Eva|0", proposal: pages, blocked: null, checked: true }] }]
 */
export function reviewOf(proposals: CandidateProposals[], checks: CvCheck[]): CvCandidateReview[] {
  return proposals.map((p) => {
    const blocked = checks.find((c) => c.candidate === p.candidate)?.blocked ?? [];
    return {
      candidate: p.candidate,
      items: p.proposals.map((proposal, i) => {
        const reason = blocked[i] ?? null;
        return {
          key: `${p.candidate}|${i}`,
          proposal,
          blocked: reason,
          checked: reason === null && !needsOwnTick(proposal),
        };
      }),
    };
  });
}

/** Per candidate, whether each of their proposals (in order) can be applied: null, or the Dutch reason why not. */
export interface CvCheck {
  candidate: string;
  blocked: Array<string | null>;
}

/** What "Overnemen" did. */
export interface CvApplyResult {
  /** Proposals written (rows of `Werkervaring` and cells of `Kandidaten`). */
  applied: number;
  /** The ones not written, each with its Dutch reason (a cell that holds a value, …). */
  notApplied: string[];
}

/** The checked proposals of a review, per candidate (candidates without any left out). */
export function chosenOf(reviews: CvCandidateReview[]): CandidateProposals[] {
  return reviews
    .map((r) => ({
      candidate: r.candidate,
      proposals: r.items.filter((i) => i.checked && i.blocked === null).map((i) => i.proposal),
    }))
    .filter((c) => c.proposals.length > 0);
}
