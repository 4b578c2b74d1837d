/**
 * The Dutch terminal summary of a scoring: counts per status, knock-outs per
 * criterion, CV requirements not met, the top N with score and rate, ties and draws, the problems.
 */
import { isCvRequirement, NAMES_SHOWN, type CandidateResult, type Evaluation } from "../engine";
import type { SheetProblem } from "../workbook/problems";
import { problemLine } from "../workbook/problems";
import { referenceDateTexts } from "../workbook/texts";
import { summaryTexts as t } from "./texts";
import { terminalText } from "./terminal";

/** At most this many problems are listed; the rest is counted. */
const MAX_PROBLEMS = 25;

/** Groups of candidates by a key, in first-seen order. */
function groups(
  candidates: CandidateResult[],
  key: (c: CandidateResult) => string
): CandidateResult[][] {
  const map = new Map<string, CandidateResult[]>();
  for (const c of candidates) {
    const k = key(c);
    const group = map.get(k);
    if (group) group.push(c);
    else map.set(k, [c]);
  }
  return [...map.values()];
}

/** The names a line shows of a group: the first few; the line counts the rest. */
function firstNames(group: CandidateResult[]): string[] {
  return group.slice(0, NAMES_SHOWN + 1).map((c) => c.name);
}

/**
 * The summary as lines of text. With `requestReferenceDate` (the request's own
 * peildatum, when the scoring used another) the peildatum line says so.
 *
 * @example
 * summaryLines(plan.evaluation, plan.problems).join("\n");
 * // "Aanvraag 17040 — Klantmanager Inkomen (Gemeente Pijnacker-Nootdorp)\nPeildatum 26-08-2024 (reactietermijn) · …"
 */
export function summaryLines(
  evaluation: Evaluation,
  problems: SheetProblem[],
  requestReferenceDate?: string
): string[] {
  const { request, summary } = evaluation;
  const lines = [
    t.heading(request.id, request.title, request.organisation),
    t.reference(referenceDateTexts.line(request, requestReferenceDate), request.topN),
    "",
    t.counts(summary.received, summary.eligible, summary.knockedOut, summary.incomplete),
  ];
  const failed = request.knockouts.filter((k) => (summary.failedPerCriterion[k.id] ?? 0) > 0);
  const knockouts = failed.filter((k) => !isCvRequirement(k));
  if (knockouts.length === 0) lines.push(t.noKnockouts);
  else {
    lines.push(t.knockoutsHeading);
    for (const k of knockouts)
      lines.push(t.knockoutLine(k.id, summary.failedPerCriterion[k.id], k.description));
  }
  // CV requirements under their own heading, which says what failing one did.
  const cv = failed.filter(isCvRequirement);
  if (cv.length === 0 && request.knockouts.some(isCvRequirement)) lines.push(t.noCvRequirements);
  else if (cv.length > 0) {
    lines.push(t.cvRequirementsHeading(request.cvRequirements));
    for (const k of cv)
      lines.push(t.knockoutLine(k.id, summary.failedPerCriterion[k.id], k.description));
  }

  const byRow = new Map(evaluation.candidates.map((c) => [c.row, c]));
  const ranked = evaluation.ranking
    .map((row) => byRow.get(row))
    .filter((c): c is CandidateResult => !!c);
  const top = ranked.filter((c) => c.top);
  lines.push("", t.topHeading(request.topN, top.length));
  for (const c of top) {
    // After a recorded draw the tied candidates hold places of their own: no "=".
    lines.push(
      t.topLine(c.rank ?? 0, c.tie && !c.drawn, c.name, c.supplier, c.score ?? 0, c.rate ?? 0)
    );
  }
  if (!summary.final)
    lines.push(t.notFinal(summary.incomplete, summary.needsDraw, summary.unnamed));
  const ties = groups(
    ranked.filter((c) => c.tie),
    (c) => `${c.score}|${c.rate}`
  );
  if (ties.length > 0) {
    lines.push("", t.tiesHeading);
    for (const g of ties)
      lines.push(t.tieLine(firstNames(g), g[0].score ?? 0, g[0].rate ?? 0, g.length));
  }
  const draws = groups(
    ranked.filter((c) => c.needsDraw),
    (c) => `${c.score}|${c.rate}`
  );
  if (draws.length > 0) {
    lines.push("", t.drawHeading);
    for (const g of draws)
      lines.push(t.drawLine(firstNames(g), g[0].rank ?? 0, request.topN, g.length));
  }

  lines.push("");
  if (problems.length === 0) lines.push(t.noProblems);
  else {
    lines.push(t.problemsHeading(problems.length));
    for (const p of problems.slice(0, MAX_PROBLEMS)) lines.push(`  ${problemLine(p)}`);
    if (problems.length > MAX_PROBLEMS) lines.push(t.moreProblems(problems.length - MAX_PROBLEMS));
  }
  // Names, suppliers, titles and values are the user's: shown, never executed by the terminal.
  return lines.map(terminalText);
}
