/**
 * Who goes into the shared workbook: the candidates unambiguously in the top, in
 * ranking order, and what may be said about them (never a name from outside the top).
 */
import {
  formatNumber,
  isCvRequirement,
  type AwardCriterion,
  type CandidateResult,
  type Evaluation,
} from "../engine";
import { cvTexts, topTexts as t } from "./texts";

/**
 * The top candidates in ranking order (a pending draw keeps its group out).
 *
 * @example
 * topCandidates(evaluation).map((c) => c.rank); // [1, 2, 3, 4, 4, 6, …]
 */
export function topCandidates(evaluation: Evaluation): CandidateResult[] {
  const byRow = new Map(evaluation.candidates.map((c) => [c.row, c]));
  return evaluation.ranking
    .map((row) => byRow.get(row))
    .filter((c): c is CandidateResult => !!c && c.top);
}

/**
 * The pending draw, when there is one: how many candidates and for which places.
 *
 * @example
 * pendingDraw(evaluation); // { count: 3, from: 10, to: 10 }
 */
export function pendingDraw(
  evaluation: Evaluation
): { count: number; from: number; to: number } | null {
  const waiting = evaluation.candidates.filter((c) => c.needsDraw);
  if (waiting.length === 0) return null;
  const from = Math.min(...waiting.map((c) => c.rank ?? evaluation.request.topN));
  return { count: waiting.length, from, to: evaluation.request.topN };
}

/**
 * The note on a top row: whom it ties with (only names in the top), a draw done, and
 * the CV requirements it failed (in the top only when the request just reports them).
 *
 * @example
 * topNote(dirk, top); // "Gelijke stand met Esther de Wit"
 * topNote(bo, top); // "Niet voldaan aan CV-eis E1 (alleen gemeld)"
 */
export function topNote(candidate: CandidateResult, top: CandidateResult[]): string {
  const parts: string[] = [];
  if (candidate.tie) {
    const names = top
      .filter(
        (c) => c !== candidate && c.tie && c.score === candidate.score && c.rate === candidate.rate
      )
      .map((c) => c.name);
    if (names.length > 0) parts.push(t.tie(names));
  }
  if (candidate.drawn) parts.push(t.drawn);
  const cv = candidate.failed.filter((id) => isCvRequirement({ id }));
  if (cv.length > 0) parts.push(cvTexts.reported(cv));
  return parts.join("; ");
}

/** A criterion's value as a reader recognises it. */
function valueText(criterion: AwardCriterion, value: number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? t.yes : t.no;
  if (criterion.valueKind === "years") return t.years(value);
  return formatNumber(value);
}

/**
 * Why a top candidate has this score: per award criterion the value and the points.
 *
 * @example
 * scoreReason(annelies, request.awards);
 * // "Score 100 van 100: G9 12 jaar → 50 punten; G10 Ja → 30 punten; G11 2 jaar → 20 punten"
 */
export function scoreReason(candidate: CandidateResult, awards: AwardCriterion[]): string {
  const max = awards.reduce((sum, a) => sum + Math.max(0, a.points), 0);
  const parts = candidate.awards.map((outcome) => {
    const criterion = awards.find((a) => a.id === outcome.id);
    const value = criterion ? valueText(criterion, outcome.value) : "";
    const source = outcome.source === "history" ? ` (${t.fromHistory})` : "";
    return t.awardPart(outcome.id, `${value}${source}`, outcome.points ?? 0);
  });
  return t.reason(candidate.score ?? 0, max, parts);
}
