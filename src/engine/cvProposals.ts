/**
 * What CV intake proposes, as data: the values a CV suggests for one candidate, each
 * with the page and line it came from. Made by src/cv (reading and extracting), shown
 * in the `Voorstellen` sheet and the pane, and applied by src/workbook only when the
 * evaluator confirms. A proposal never scores or ranks: the confirmed values do.
 */
import type { CriterionId, IsoDate } from "./request";

/** Where in a CV a proposal comes from: the file, its page and line (both from 1), the line's text. */
export interface Evidence {
  /** The file's name as the user gave it (no folder). */
  file: string;
  page: number;
  line: number;
  /** The line as read (trimmed; at most 200 characters). */
  text: string;
}

/** One line of a CV as read: its page and line number (both from 1) and its text. */
export interface CvLine {
  page: number;
  line: number;
  text: string;
}

/** A CV read into lines: what src/cv/read gives and src/cv/extract takes. */
export interface CvDocument {
  /** The file's name (no folder). */
  file: string;
  format: "pdf" | "docx";
  /** The page count. */
  pages: number;
  /**
   * How the page count was found: counted in the PDF, written by Word (or LibreOffice) in the
   * document's properties, or estimated from page breaks and length (the proposal says so).
   */
  pagesSource: "pdf" | "properties" | "estimate";
  lines: CvLine[];
}

/** A proposed value for a CV requirement column (E1 pages, E2 Dutch, E3 references). */
export interface RequirementProposal {
  kind: "requirement";
  /** The criterion id whose `Kandidaten` column gets the value (E1, E2, E3). */
  id: CriterionId;
  /** The value as the column takes it: a count, or "Ja"/"Nee". */
  value: number | "Ja" | "Nee";
  /** Why, in Dutch, for the evaluator (e.g. "5 pagina's (PDF)", "geschat: 2 pagina's"). */
  note: string;
  evidence: Evidence;
}

/** A proposed row of `Werkervaring`. */
export interface PeriodProposal {
  kind: "period";
  /** Role and employer as `Functie` shows them ("Klantmanager inkomen, Gemeente Delft"). */
  role: string;
  /** The first day: a month-only start takes the month's first day, a year-only start 1 January. */
  from: IsoDate;
  /** The last day; null = still running ("heden", "nu", "sinds …"). */
  to: IsoDate | null;
  /**
   * The CV names no end, only a dash after the start ("2019 –"): read as still running, but
   * it may be a missing date, so the proposal waits for the evaluator's own Ja.
   */
  endImplied?: boolean;
  /**
   * Suggested `Telt voor` ids, from the request's own criteria texts (may be empty); only
   * criteria measured in years (engine/workHistory.ts historyCriteria).
   */
  countsFor: CriterionId[];
  /** Why, in Dutch: how the dates were completed and why each id is suggested. */
  note: string;
  evidence: Evidence;
}

/**
 * A proposed "Ja" for yes/no criteria of `Kandidaten`: from an education line (K6, G10 for
 * 17040), or from a period inside the criterion's window that names what it asks (K4
 * Civision, K5 Participatiewet). `Werkervaring` counts only for criteria in years, so these
 * go to the candidate's own column.
 */
export interface YesProposal {
  kind: "yes";
  source: "education" | "period";
  /** The criterion ids the line suggests "Ja" for. */
  ids: CriterionId[];
  note: string;
  evidence: Evidence;
}

/** One proposal for one candidate. */
export type CvProposal = RequirementProposal | PeriodProposal | YesProposal;

/** All proposals from one candidate's CV files. */
export interface CandidateProposals {
  /** The candidate's name as in `Kandidaten`. */
  candidate: string;
  proposals: CvProposal[];
}

/**
 * Whether a proposal waits for the evaluator's own Ja rather than being taken as the CV states
 * it: a "Ja" for a yes/no criterion (a judgement on an education or period line), a period
 * whose end is only a dash, a page count
 * that is estimated (a .docx without Word's own count: its note says "geschat"), and a "Nee"
 * (a CV requirement failed: one tick would knock the candidate out). The pane leaves these
 * unticked; `awardscore cv … --overnemen` with CVs leaves them `Voorgesteld`.
 *
 * @example
 * needsOwnTick({ kind: "requirement", id: "E2", value: "Nee", note: "Engels", evidence }); // true
 */
export function needsOwnTick(proposal: CvProposal): boolean {
  if (proposal.kind === "yes") return true;
  if (proposal.kind === "period") return proposal.endImplied === true;
  if (proposal.kind !== "requirement") return false;
  return proposal.value === "Nee" || /geschat/i.test(proposal.note);
}

/**
 * The candidate a file's name names: its name without extension, with `_`, `-` and `.` as
 * spaces, equal to or containing a candidate's whole name (case and spacing ignored); null
 * when none or more than one does. The pane preselects it; the command (`cv` without
 * `--kandidaat`) requires it.
 *
 * @example
 * candidateOfFile("CV_Eva-Jansen.pdf", ["Eva Jansen", "Piet Bos"]); // "Eva Jansen"
 */
export function candidateOfFile(file: string, candidates: string[]): string | null {
  const key = (text: string) =>
    ` ${text
      .normalize("NFC")
      .replace(/[\s_.-]+/g, " ")
      .trim()
      .toLocaleLowerCase("nl-NL")} `;
  const base = key(file.replace(/\.[^.]*$/, ""));
  const found = candidates.filter((name) => key(name).trim() !== "" && base.includes(key(name)));
  if (found.length === 1) return found[0];
  // Two names where one holds the other ("Jan Bos", "Jan Bos-Smit"): the longest, if it alone fits.
  const longest = found.filter((n) => found.every((m) => m === n || key(n).includes(key(m))));
  return longest.length === 1 ? longest[0] : null;
}
