/**
 * The `Voorblad`: the request, its planning (the reactietermijn, the peildatum
 * and the request's dated facts, in date order), the procedure and its rules, and
 * the counts — the only place where candidates outside the top appear, as numbers.
 */
import type ExcelJS from "exceljs";
import {
  failureExcludes,
  formatDate,
  formatEuro,
  isCvRequirement,
  type Evaluation,
} from "../engine";
import { printLandscape, putRow, shareColours, widths, type PlainValue } from "./cells";
import { coverTexts as t, cvTexts } from "./texts";

/** `2024-10-04T11:25` as `04-10-2024 11:25`. */
function moment(value: string): string {
  const [date, time] = value.split("T");
  return time ? `${formatDate(date)} ${time}` : formatDate(date);
}

/** The date a fact's text starts with (`22-08-2024 09:00` → `2024-08-22`), or null: only dated facts are planning. */
function factDate(value: string): string | null {
  const match = /^(\d{2})-(\d{2})-(\d{4})\b/.exec(value.trim());
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

/** One line of the planning: a label, its text, and the date it sorts by. */
interface PlanningLine {
  label: string;
  value: string;
  date: string;
  note?: string;
}

/**
 * Fills the `Voorblad` sheet.
 *
 * @example
 * writeCover(workbook.addWorksheet("Voorblad"), evaluation, new Date());
 */
export function writeCover(
  sheet: ExcelJS.Worksheet,
  evaluation: Evaluation,
  made: Date,
  requestReferenceDate?: string
): void {
  const { request, summary } = evaluation;
  let row = 1;
  const line = (values: PlainValue[], style: Parameters<typeof putRow>[4] = {}) => {
    putRow(sheet, row, 1, values, style);
    row++;
  };
  const heading = (text: string) => {
    row++;
    line([text], { bold: true });
  };

  line([t.title(request.id, request.title)], { bold: true });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  line([t.subtitle]);

  heading(t.requestHeading);
  const l = t.labels;
  line([l.id, request.id], { formats: [null, "@"] });
  line([l.title, request.title]);
  line([l.organisation, request.organisation]);
  line([l.maxRate, formatEuro(request.maxRate)]);
  line([l.hours, t.hours(request.hoursPerWeek.min, request.hoursPerWeek.max)]);
  // The request's own words for the term where it has them, with the weeks the contract value uses.
  const term = t.term(request.termWeeks, request.extensions.count, request.extensions.weeks);
  const termFact = request.facts.find((f) => f.label.trim().toLowerCase() === l.term.toLowerCase());
  line([l.term, termFact ? t.termInWords(termFact.value, term) : term]);
  // Facts that repeat a line of ours (the preset also keeps hours and term as text) are left out;
  // dated facts go to the planning.
  const shown = new Set<string>(Object.values(l).map((label) => label.toLowerCase()));
  const planning: PlanningLine[] = [
    {
      label: l.closingMoment,
      value: moment(request.closingMoment),
      date: request.closingMoment.slice(0, 10),
    },
    {
      label: l.referenceDate,
      value: formatDate(request.referenceDate),
      date: request.referenceDate,
      note:
        requestReferenceDate !== undefined && requestReferenceDate !== request.referenceDate
          ? `${t.referenceOverridden(requestReferenceDate)} ${t.referenceNote}`
          : t.referenceNote,
    },
  ];
  if (request.listingClosingMoment)
    planning.push({
      label: t.listing,
      value: moment(request.listingClosingMoment),
      date: request.listingClosingMoment.slice(0, 10),
      note: t.listingNote,
    });
  // The request's CV-eisen sentence is quoted under CV-eisen below, not among the facts.
  shown.add(cvTexts.factLabel.toLowerCase());
  for (const fact of request.facts) {
    if (shown.has(fact.label.trim().toLowerCase())) continue;
    const date = factDate(fact.value);
    if (date) planning.push({ label: fact.label, value: fact.value, date });
    else line([fact.label, fact.value]);
  }
  line([l.made, formatDate(made)]);

  heading(t.planningHeading);
  // A stable sort: on the same day our two lines come first, then the facts in the request's order.
  for (const p of [...planning].sort((a, b) => a.date.localeCompare(b.date))) {
    line([p.label, p.value]);
    if (p.note) line(["", p.note]);
  }

  heading(t.procedureHeading);
  const gate = request.competencyGate;
  for (const text of t.procedure(
    request.topN,
    gate.competencies.length,
    gate.minAssessors,
    gate.passFrom
  ))
    line([text]);

  // Knock-outs and CV requirements apart: a CV requirement is never called a knock-out (issue 17 §5).
  const knockouts = request.knockouts.filter((k) => !isCvRequirement(k));
  const cvRequirements = request.knockouts.filter(isCvRequirement);
  heading(t.knockoutsHeading);
  line([t.idHeader, t.criterionHeader], { bold: true, fill: shareColours.header });
  for (const k of knockouts) line([k.id, k.description], { wrap: true });

  const cv = cvTexts;
  if (cvRequirements.length > 0) {
    heading(cv.heading);
    const sentence = request.facts.find(
      (f) => f.label.trim().toLowerCase() === cv.factLabel.toLowerCase()
    );
    if (sentence) line([cv.quoteLabel, cv.quote(sentence.value)]);
    line([cv.settingLabel, cv.setting(request.cvRequirements)]);
    line([t.idHeader, t.criterionHeader], { bold: true, fill: shareColours.header });
    for (const e of cvRequirements) line([e.id, e.description], { wrap: true });
  }

  heading(t.awardsHeading);
  line([t.idHeader, t.criterionHeader, t.pointsHeader], { bold: true, fill: shareColours.header });
  for (const a of request.awards) line([a.id, a.description, a.points], { wrap: true });
  const max = request.awards.reduce((sum, a) => sum + Math.max(0, a.points), 0);
  line(["", t.maxPoints(max)]);

  heading(t.rulesHeading);
  line([t.tieBreak]);
  line([t.draw]);

  heading(t.countsHeading);
  // Counts sit next to their label, not at the far end of the wide text column.
  const count = (label: string, value: number) => {
    line([label, value]);
    sheet.getCell(row - 1, 2).alignment = { horizontal: "left" };
  };
  const c = t.counts;
  count(c.received, summary.received);
  // Out in step 1: the engine's status, so a CV requirement that is only reported puts nobody out.
  count(cvRequirements.length > 0 ? cv.out(request.cvRequirements) : c.out, summary.knockedOut);
  const failing = (criteria: typeof request.knockouts) =>
    evaluation.candidates.filter((r) => r.failed.some((id) => criteria.some((k) => k.id === id)))
      .length;
  count(c.knockedOut, failing(knockouts));
  for (const k of knockouts) count(t.perCriterion(k.id), summary.failedPerCriterion[k.id] ?? 0);
  if (cvRequirements.length > 0) {
    count(cv.failed, failing(cvRequirements));
    for (const e of cvRequirements)
      count(t.perCriterion(e.id), summary.failedPerCriterion[e.id] ?? 0);
    line(["", cv.countNote(cvRequirements.some((e) => failureExcludes(e, request)))]);
  }
  line(["", t.perCriterionNote]);
  count(c.incomplete, summary.incomplete);
  count(c.eligible, summary.eligible);
  count(c.top(request.topN), summary.top);
  if (summary.needsDraw > 0) count(c.needsDraw, summary.needsDraw);

  row++;
  line([t.privacyNote]);

  widths(sheet, [36, 90, 10]);
  printLandscape(sheet);
}
