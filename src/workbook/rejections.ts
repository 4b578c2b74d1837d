/**
 * The use case "Afwijzingen": in the evaluator's own workbook (never in the one
 * for the municipality), a sheet with one Dutch paragraph per candidate not in
 * the top that a supplier could be sent — which knock-out failed and with what
 * value, or the score, the rank and the score of the last place; for an
 * incomplete one, what was missing. The sheet is the add-in's own: rewritten whole.
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
import { cellAddress } from "./address";
import type { WorkbookChange } from "./changes";
import { checkOwnSheet } from "./ownSheet";
import type { WorkbookSnapshot } from "./snapshot";
import { rejectionTexts as t } from "./texts";

const sheet = t.sheet;
const headerRow = 4;

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
      const failure = knockoutFailure(criterion, outcome.value, { request, rate: candidate.rate });
      const why = failure.startsWith(`${id}: `) ? failure.slice(id.length + 2) : failure;
      return (cv ? t.cvDetail : t.knockoutDetail)(id, criterion.description, why);
    });
}

/**
 * The paragraph for one candidate not in the top, with its status and whether it may be sent;
 * with `CV-eisen: alleen melden` it also says which CV requirements the CV does not meet.
 *
 * @example
 * rejectionParagraph(olga, evaluation).text;
 * // "Olga Brouwer (Interim Zuid BV) is niet geselecteerd voor aanvraag 17040, … K8 (…): uurtarief € 75,01 is hoger …"
 */
export function rejectionParagraph(
  candidate: CandidateResult,
  evaluation: Evaluation
): { status: string; send: boolean; text: string } {
  const paragraph = paragraphOf(candidate, evaluation);
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

/** The paragraph as the candidate's status decides it. */
function paragraphOf(
  candidate: CandidateResult,
  evaluation: Evaluation
): { status: string; send: boolean; text: string } {
  const { request, summary } = evaluation;
  const who = t.who(candidate.name, candidate.supplier);
  const about = t.request(request.id, request.title, request.organisation);
  if (candidate.status === "knockedOut")
    return {
      status: t.status.knockedOut,
      send: true,
      text: t.knockedOut(
        who,
        about,
        knockoutDetails(candidate, request),
        request.cvRequirements === "exclude" ? knockoutDetails(candidate, request, true) : []
      ),
    };
  if (candidate.status === "incomplete" || candidate.score === null || candidate.rank === null)
    return {
      status: t.status.incomplete,
      send: true,
      text: t.incomplete(who, about, missingFields(candidate, request)),
    };
  if (candidate.needsDraw)
    return {
      status: t.status.needsDraw,
      send: false,
      text: t.needsDraw(who, about, candidate.rank, request.topN),
    };
  const max = request.awards.reduce((sum, a) => sum + Math.max(0, a.points), 0);
  return {
    status: t.status.outsideTop,
    send: true,
    text: t.outsideTop(
      who,
      about,
      candidate.score,
      max,
      candidate.rank,
      request.topN,
      summary.cutoffScore,
      summary.cutoffScore !== null && candidate.score === summary.cutoffScore
    ),
  };
}

/**
 * The changes that (re)write the `Afwijzingen` sheet: every candidate not in the top, in row order.
 *
 * @example
 * rejectionChanges(evaluation)[0]; // { kind: "resetSheet", sheet: "Afwijzingen" }
 */
export function rejectionChanges(evaluation: Evaluation): WorkbookChange[] {
  const { request } = evaluation;
  const changes: WorkbookChange[] = [
    { kind: "resetSheet", sheet },
    {
      kind: "writeValues",
      sheet,
      at: "A1",
      values: [
        [t.title(request.id, request.title)],
        [t.subtitle(request.referenceDate, request.topN)],
      ],
      bold: true,
    },
  ];
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
  const headers = [h.row, h.name, h.supplier, h.status, h.send, h.text];
  const rows: CellValue[][] = others.map((c) => {
    const paragraph = rejectionParagraph(c, evaluation);
    return [
      c.row,
      c.name,
      c.supplier,
      paragraph.status,
      paragraph.send ? t.yes : t.notYet,
      paragraph.text,
    ];
  });
  changes.push(
    // The widths first: the wrapped paragraphs' rows are fitted to them.
    {
      kind: "columnWidths",
      sheet,
      widths: [6, 26, 24, 14, 10, 100].map((width, i) => ({ column: i + 1, width })),
    },
    { kind: "writeValues", sheet, at: cellAddress(headerRow, 1), values: [headers], bold: true },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(headerRow + 1, 1),
      values: rows,
      numberFormats: [null, "@", "@", null, null, null],
      wrap: true,
    },
    { kind: "freezePanes", sheet, rows: headerRow, columns: 0 }
  );
  return changes;
}
