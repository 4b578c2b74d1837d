/**
 * The use case "Afwijzingen": in the evaluator's own workbook (never in the one
 * for the municipality), a sheet with one Dutch paragraph per candidate not in
 * the top that a supplier could be sent — which knock-out failed and with what
 * value, or the score, the rank, the score of place N and what decided a tie there
 * (the rate, or the draw); for an incomplete one, what the evaluator must still
 * decide. Only facts; none is marked to send until the top is final. The sheet is
 * the add-in's own: rewritten whole.
 */
import {
  criterionLabel,
  isCvRequirement,
  knockoutFailure,
  type CandidateResult,
  type CellValue,
  type Evaluation,
  type Request,
} from "../engine";
import { cellAddress, parseCell } from "./address";
import type { WorkbookChange } from "./changes";
import { cellList } from "./finality";
import type { SheetProblem } from "./problems";
import { checkOwnSheet } from "./ownSheet";
import type { WorkbookSnapshot } from "./snapshot";
import { finalityTexts as f, referenceDateTexts, rejectionTexts as t } from "./texts";

const sheet = t.sheet;
const headerRow = 4;
/** The row that says why no letter may be sent yet, while the top is not final. */
const holdRow = 3;

/**
 * Refuses to overwrite an `Afwijzingen` sheet that holds something other than our output.
 *
 * @throws WorkbookError naming the sheet.
 * @example
 * checkRejectionSheet(snapshot); // throws when 'Afwijzingen' is someone else's sheet
 */
export function checkRejectionSheet(snapshot: WorkbookSnapshot): void {
  checkOwnSheet(snapshot, sheet, t.title("", ""));
}

/**
 * The knock-out details of a candidate: id, criterion and why, without the id leading the reason twice;
 * `cv`: the failed CV requirements instead, each named "CV-eis".
 */
function knockoutDetails(candidate: CandidateResult, request: Request, cv = false): string[] {
  return candidate.failed
    .filter((id) => isCvRequirement({ id }) === cv)
    .map((id) => {
      const criterion = request.knockouts.find((k) => k.id === id);
      const outcome = candidate.knockouts.find((k) => k.id === id);
      if (!criterion || !outcome || outcome.value === null) return id;
      const failure = knockoutFailure(
        criterion,
        outcome.value,
        { request, rate: candidate.rate },
        outcome
      );
      const why = failure.startsWith(`${id}: `) ? failure.slice(id.length + 2) : failure;
      return (cv ? t.cvDetail : t.knockoutDetail)(id, criterion.description, why);
    });
}

/**
 * The paragraph for one candidate not in the top, with its status and whether it may be
 * sent: only once the top is final (no candidate incomplete, no draw pending); until then
 * `send` is false and `why` says what to decide first (`undecided`: the cells, as
 * {@link undecidedCells} gives them). With `CV-eisen: alleen melden` it also says which CV
 * requirements the CV does not meet.
 *
 * @example
 * rejectionParagraph(olga, evaluation).text;
 * // "Olga Brouwer (Interim Zuid BV) is niet geselecteerd voor aanvraag 17040, … K8 (…): uurtarief € 75,01 is hoger …"
 */
export function rejectionParagraph(
  candidate: CandidateResult,
  evaluation: Evaluation,
  undecided: SheetProblem[] = []
): RejectionParagraph {
  const paragraph = paragraphOf(candidate, evaluation, undecided);
  const cv = knockoutDetails(candidate, evaluation.request, true);
  if (evaluation.request.cvRequirements === "exclude" || cv.length === 0) return paragraph;
  return { ...paragraph, text: paragraph.text + t.cvReported(cv) };
}

/** What was missing, as a supplier would read it. */
function missingFields(candidate: CandidateResult, request: Request): string[] {
  return candidate.missing.map((field) => {
    if (field === "rate") return t.rateField;
    const criterion = [...request.knockouts, ...request.awards].find((c) => c.id === field);
    return criterion ? t.field(field, criterionLabel(criterion)) : field;
  });
}

/** One row of `Afwijzingen`: the status, whether it may be sent and why not, and the text. */
export interface RejectionParagraph {
  status: string;
  send: boolean;
  /** Why it may not be sent yet; empty when it may. */
  why: string;
  text: string;
}

/** The candidate at place N of the ranking (the final top's last place); null with fewer candidates. */
function placeN(evaluation: Evaluation): CandidateResult | null {
  const row = evaluation.ranking[evaluation.request.topN - 1];
  if (row === undefined) return null;
  return evaluation.candidates.find((c) => c.row === row) ?? null;
}

/**
 * What decided against a candidate with the same score as place N: the recorded draw
 * (when it tied with place N on score and rate), else the rate, with both rates.
 */
function tieBreak(
  candidate: CandidateResult,
  last: CandidateResult,
  evaluation: Evaluation
): string {
  if (candidate.score !== last.score || candidate.rate === null || last.rate === null) return "";
  if (candidate.drawn && candidate.tiedWith.includes(last.row)) {
    const rows = new Set([candidate.row, ...candidate.tiedWith]);
    const lots = evaluation.candidates
      .filter((c) => rows.has(c.row) && c.rank !== null && c.drawOrder !== null)
      .sort((a, b) => (a.rank as number) - (b.rank as number))
      .map((c) => ({ lot: c.drawOrder as number, place: c.rank as number, own: c === candidate }));
    return t.drawDecided(candidate.rate, rows.size - 1, lots);
  }
  if (candidate.rate > last.rate)
    return t.rateDecided(candidate.rate, last.rate, evaluation.request.topN);
  return "";
}

/** The paragraph as the candidate's status decides it. */
function paragraphOf(
  candidate: CandidateResult,
  evaluation: Evaluation,
  undecided: SheetProblem[] = []
): RejectionParagraph {
  const { request, summary } = evaluation;
  const who = t.who(candidate.name, candidate.supplier);
  const about = t.request(request.id, request.title, request.organisation);
  if (candidate.status === "knockedOut")
    return {
      status: t.status.knockedOut,
      send: summary.final,
      why: "",
      text: t.knockedOut(
        who,
        about,
        knockoutDetails(candidate, request),
        request.cvRequirements === "exclude" ? knockoutDetails(candidate, request, true) : []
      ),
    };
  if (candidate.status === "incomplete" || candidate.score === null || candidate.rank === null) {
    const own = undecided.filter((c) => parseCell(c.cell).row === candidate.row);
    return {
      status: t.status.incomplete,
      send: false,
      why: own.length > 0 ? f.whyOwnCells(cellList(own)) : "",
      text: t.incomplete(who, about, missingFields(candidate, request)),
    };
  }
  if (candidate.needsDraw)
    return {
      status: t.status.needsDraw,
      send: false,
      why: f.whyDraw,
      text: t.needsDraw(who, about, candidate.rank, request.topN),
    };
  const max = request.awards.reduce((sum, a) => sum + Math.max(0, a.points), 0);
  const last = placeN(evaluation);
  return {
    status: t.status.outsideTop,
    send: summary.final,
    why: "",
    text: t.outsideTop(
      who,
      about,
      candidate.score,
      max,
      candidate.rank,
      request.topN,
      last?.score ?? null,
      last ? tieBreak(candidate, last, evaluation) : ""
    ),
  };
}

/**
 * The changes that (re)write the `Afwijzingen` sheet: every candidate not in the top, in row order.
 * `requestReferenceDate` is the request's own peildatum: when the scoring used another, the subtitle says so.
 *
 * @example
 * rejectionChanges(evaluation)[0]; // { kind: "resetSheet", sheet: "Afwijzingen" }
 */
export function rejectionChanges(
  evaluation: Evaluation,
  undecided: SheetProblem[] = [],
  requestReferenceDate?: string
): WorkbookChange[] {
  const { request } = evaluation;
  const changes: WorkbookChange[] = [
    { kind: "resetSheet", sheet },
    {
      kind: "writeValues",
      sheet,
      at: "A1",
      values: [
        [t.title(request.id, request.title)],
        [t.subtitle(referenceDateTexts.line(request, requestReferenceDate), request.topN)],
      ],
      bold: true,
    },
  ];
  if (!evaluation.summary.final) {
    changes.push({
      kind: "writeValues",
      sheet,
      at: cellAddress(holdRow, 1),
      values: [[f.lettersOnHold(cellList(undecided))]],
    });
  }
  const others = evaluation.candidates.filter((c) => !c.top).sort((a, b) => a.row - b.row);
  if (others.length === 0) {
    changes.push({
      kind: "writeValues",
      sheet,
      at: cellAddress(headerRow, 1),
      values: [[t.empty]],
    });
    return changes;
  }
  const h = t.headers;
  const headers = [h.row, h.name, h.supplier, h.status, h.send, h.text, h.why];
  const rows: CellValue[][] = others.map((c) => {
    const paragraph = rejectionParagraph(c, evaluation, undecided);
    return [
      c.row,
      c.name,
      c.supplier,
      paragraph.status,
      paragraph.send ? t.yes : t.no,
      paragraph.text,
      paragraph.why,
    ];
  });
  changes.push(
    // The widths first: the wrapped paragraphs' rows are fitted to them.
    {
      kind: "columnWidths",
      sheet,
      widths: [6, 26, 24, 14, 10, 100, 40].map((width, i) => ({ column: i + 1, width })),
    },
    { kind: "writeValues", sheet, at: cellAddress(headerRow, 1), values: [headers], bold: true },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(headerRow + 1, 1),
      values: rows,
      numberFormats: [null, "@", "@", null, null, null, null],
      wrap: true,
    },
    { kind: "freezePanes", sheet, rows: headerRow, columns: 0 }
  );
  return changes;
}
