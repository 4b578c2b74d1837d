/**
 * Proposals from a candidate's CVs for the request's own criteria: E1 pages, E2 Dutch, E3
 * references (the CV requirements the request has), work periods with their `Telt voor`
 * suggestions, and "Ja" proposals from education and periods. Pure: lines in, proposals
 * out, each with the file, page and line it came from. Never scores: the evaluator confirms.
 */
import type {
  CandidateProposals,
  CvDocument,
  CvProposal,
  PeriodProposal,
  Request,
  RequirementProposal,
} from "../../engine";
import { targetsOf, type ExperienceTarget } from "./criteria";
import { proposeEducation } from "./education";
import { proposeDutch } from "./language";
import { findPeriods, type FoundPeriod } from "./periods";
import { proposeReferences } from "./references";
import { countsForOf, yesFromPeriods } from "./suggest";
import { extractTexts, periodTexts } from "./texts";

export { findRanges, completeRange, type DateRange, type DatePoint } from "./dates";
export { extractTexts, periodTexts, yesTexts } from "./texts";

/** Which CV requirement each proposal fills: found by what the criterion asks, not by its id. */
function requirementIds(request: Request): { pages?: string; dutch?: string; references?: string } {
  const ids: { pages?: string; dutch?: string; references?: string } = {};
  for (const c of request.knockouts) {
    const text = `${c.header ?? ""} ${c.description}`.toLowerCase();
    if (c.valueKind === "count" && /pagina|page/.test(text)) ids.pages ??= c.id;
    else if (c.valueKind === "count" && /referentie|reference/.test(text)) ids.references ??= c.id;
    else if (c.valueKind === "yesNo" && /nederlands|dutch/.test(text) && /\bcv\b/.test(text))
      ids.dutch ??= c.id;
  }
  return ids;
}

/**
 * The main CV among several files: the one with the most work periods (then the most lines,
 * then the first). Its pages and language are proposed; the note names the other files.
 */
function mainDocument(docs: CvDocument[], periods: Map<CvDocument, FoundPeriod[]>): CvDocument {
  return docs.reduce((best, doc) => {
    const [a, b] = [periods.get(doc)?.length ?? 0, periods.get(best)?.length ?? 0];
    return a > b || (a === b && doc.lines.length > best.lines.length) ? doc : best;
  });
}

function pagesProposal(id: string, main: CvDocument, docs: CvDocument[]): RequirementProposal {
  const last = main.lines[main.lines.length - 1] ?? { page: main.pages, line: 1, text: "" };
  const others = docs.filter((d) => d !== main).map((d) => d.file);
  return {
    kind: "requirement",
    id,
    value: main.pages,
    note:
      extractTexts.pages(main.pages, main.pagesSource) +
      (others.length ? extractTexts.mainFile(main.file, others) : ""),
    evidence: {
      file: main.file,
      page: last.page,
      line: last.line,
      text: last.text.trim().slice(0, 200),
    },
  };
}

function periodProposal(period: FoundPeriod, targets: ExperienceTarget[]): PeriodProposal {
  const { ids, notes } = countsForOf(period, targets);
  const parts = [
    periodTexts.from(period.fromPrecision, period.from),
    periodTexts.to(period.toPrecision, period.to, period.openWord),
    periodTexts.role(period.role),
    ...notes,
    ids.length ? null : periodTexts.noSuggestion,
  ].filter((p): p is string => Boolean(p));
  return {
    kind: "period",
    role: period.role,
    from: period.from,
    to: period.to,
    countsFor: ids,
    note: parts.join("; "),
    evidence: period.evidence,
    ...(period.to === null && period.openWord === "-" ? { endImplied: true } : {}),
  };
}

/**
 * The proposals from one candidate's CV documents, for the request's own criteria.
 * Several files: pages and language from the main CV (the one with the most work periods),
 * references from the first with a references section, periods from all (the same dates
 * and role once).
 *
 * @example
 * proposeFromCvs("Ans de Vries", [doc], request17040).proposals[0]; // { kind: "requirement", id: "E1", value: 3, … }
 */
export function proposeFromCvs(
  candidate: string,
  docs: CvDocument[],
  request: Request
): CandidateProposals {
  const proposals: CvProposal[] = [];
  if (!docs.length) return { candidate, proposals };
  const ids = requirementIds(request);
  const targets = targetsOf(request);
  const periodsOf = new Map(docs.map((d) => [d, findPeriods(d)] as const));
  const main = mainDocument(docs, periodsOf);

  if (ids.pages) proposals.push(pagesProposal(ids.pages, main, docs));
  if (ids.dutch) {
    const dutch = proposeDutch(ids.dutch, main);
    if (dutch) proposals.push(dutch);
  }
  if (ids.references) {
    const references = proposeReferences(ids.references, [main, ...docs.filter((d) => d !== main)]);
    if (references) proposals.push(references);
  }

  const seen = new Set<string>();
  const periods: FoundPeriod[] = [];
  for (const doc of docs)
    for (const period of periodsOf.get(doc) ?? []) {
      // The same period in two files (the PDF and the .docx of one CV) once; two jobs with the
      // same dates (a teaching job beside the municipal one) are two periods.
      const role = period.role.toLocaleLowerCase("nl-NL").replace(/\s+/g, " ").trim();
      const key = `${period.from}/${period.to ?? ""}/${role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      periods.push(period);
    }
  for (const period of periods) proposals.push(periodProposal(period, targets.experience));
  proposals.push(...yesFromPeriods(periods, targets.experience, request.referenceDate));
  proposals.push(...proposeEducation(targets.education, docs));
  return { candidate, proposals };
}
