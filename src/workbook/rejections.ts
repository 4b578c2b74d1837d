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
  NAMES_SHOWN,
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

/**
 * What every paragraph of one evaluation looks up, found once: the candidate at place N
 * of the ranking (the final top's last place; null with fewer candidates) and the ranked
 * candidates by standing (score and rate). Looking these up per paragraph made
 * `Afwijzingen` quadratic: 10,000 tied candidates each searched all 10,000.
 */
interface Standings {
  placeN: CandidateResult | null;
  byStanding: Map<string, CandidateResult[]>;
  /** Per standing, its candidates with a lot by place, and each one's index there: sorted once, not per paragraph (10,000 drawn candidates each sorted all 10,000). */
  lotsByStanding: Map<string, { lots: CandidateResult[]; at: Map<CandidateResult, number> }>;
}

const standingsOf = new WeakMap<Evaluation, Standings>();

function standingKey(candidate: CandidateResult): string {
  return `${candidate.score}|${candidate.rate}`;
}

function standings(evaluation: Evaluation): Standings {
  let found = standingsOf.get(evaluation);
  if (found) return found;
  const byRow = new Map(evaluation.candidates.map((c) => [c.row, c]));
  const row = evaluation.ranking[evaluation.request.topN - 1];
  const byStanding = new Map<string, CandidateResult[]>();
  for (const c of evaluation.candidates) {
    if (c.rank === null) continue;
    const group = byStanding.get(standingKey(c));
    if (group) group.push(c);
    else byStanding.set(standingKey(c), [c]);
  }
  found = {
    placeN: row === undefined ? null : (byRow.get(row) ?? null),
    byStanding,
    lotsByStanding: new Map(),
  };
  standingsOf.set(evaluation, found);
  return found;
}

/** The candidate's standing group, its candidates with a lot by place, and their indexes (found once per standing). */
function lotsOf(
  found: Standings,
  candidate: CandidateResult
): { group: CandidateResult[]; lots: CandidateResult[]; at: Map<CandidateResult, number> } {
  const key = standingKey(candidate);
  const group = found.byStanding.get(key);
  if (!group) {
    const lots = candidate.drawOrder !== null ? [candidate] : [];
    return { group: [candidate], lots, at: new Map(lots.map((c, i) => [c, i])) };
  }
  let sorted = found.lotsByStanding.get(key);
  if (!sorted) {
    const lots = group
      .filter((c) => c.drawOrder !== null)
      .sort((a, b) => (a.rank as number) - (b.rank as number));
    sorted = { lots, at: new Map(lots.map((c, i) => [c, i])) };
    found.lotsByStanding.set(key, sorted);
  }
  return { group, ...sorted };
}

/**
 * What decided against a candidate with the same score as place N: the recorded draw
 * (when it tied with place N on score and rate), else the rate, with both rates.
 * A draw among thousands names the first places and the candidate's own lot, and counts the rest.
 */
function tieBreak(
  candidate: CandidateResult,
  last: CandidateResult,
  evaluation: Evaluation
): string {
  if (candidate.score !== last.score || candidate.rate === null || last.rate === null) return "";
  // Tied with place N: the same score and rate, ranked (the engine's rule, as tiedWith holds it).
  if (candidate.drawn && last !== candidate && last.rate === candidate.rate && last.rank !== null) {
    const { group, lots, at } = lotsOf(standings(evaluation), candidate);
    const own = at.get(candidate);
    const shown =
      lots.length <= NAMES_SHOWN + 1
        ? lots
        : own !== undefined && own >= NAMES_SHOWN
          ? [...lots.slice(0, NAMES_SHOWN), candidate]
          : lots.slice(0, NAMES_SHOWN);
    return t.drawDecided(
      candidate.rate,
      group.length - 1,
      shown.map((c) => ({
        lot: c.drawOrder as number,
        place: c.rank as number,
        own: c === candidate,
      })),
      lots.length
    );
  }
  if (candidate.rate > last.rate)
    return t.rateDecided(candidate.rate, last.rate, evaluation.request.topN);
  return "";
}

/** The undecided cells by row, found once per list (a per-paragraph search was quadratic). */
const undecidedRows = new WeakMap<SheetProblem[], Map<number, SheetProblem[]>>();

function undecidedOn(undecided: SheetProblem[], row: number): SheetProblem[] {
  let byRow = undecidedRows.get(undecided);
  if (!byRow) {
    byRow = new Map();
    for (const problem of undecided) {
      const at = parseCell(problem.cell).row;
      const own = byRow.get(at);
      if (own) own.push(problem);
      else byRow.set(at, [problem]);
    }
    undecidedRows.set(undecided, byRow);
  }
  return byRow.get(row) ?? [];
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
    const own = undecidedOn(undecided, candidate.row);
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
  const last = standings(evaluation).placeN;
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
