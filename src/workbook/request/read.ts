/**
 * Reading the `Aanvraag` sheet back into a {@link Request}, section by section:
 * the settings (settings.ts), the criteria tables through the engine's grammar
 * (criteria.ts), the competencies and facts (lists.ts). Every problem, the
 * engine's validateRequest included, lands on its own cell (reader.ts), so editing
 * a threshold there changes every score.
 */
import type { Request } from "../../engine";
import { parseCell } from "../address";
import type { SheetProblem } from "../problems";
import { findSheet, type WorkbookSnapshot } from "../snapshot";
import { sheetNames } from "../texts";
import { readAwards, readKnockouts } from "./criteria";
import { readCompetencies, readFacts } from "./lists";
import { Reader } from "./reader";
import { readSettings } from "./settings";

/** The request read from the sheet, and every problem with it at its cell. */
export interface RequestRead {
  request: Request;
  problems: SheetProblem[];
  /** Nothing about the assignment is filled in yet (no number, no title, no criteria): a blank template. */
  blank: boolean;
}

/**
 * Reads the request from the `Aanvraag` sheet; null when the workbook has no such sheet.
 *
 * @example
 * const read = readRequest(snapshot);
 * read?.problems; // [{ sheet: "Aanvraag", cell: "B9", message: "Top N moet een heel getal van 1 of meer zijn." }]
 */
export function readRequest(snapshot: WorkbookSnapshot): RequestRead | null {
  const sheet = findSheet(snapshot, sheetNames.request);
  if (!sheet) return null;
  const r = new Reader(sheet);
  const { settings, gate } = readSettings(snapshot, sheet, r);
  const request: Request = {
    ...settings,
    knockouts: readKnockouts(sheet, r),
    awards: readAwards(sheet, r),
    competencyGate: { competencies: readCompetencies(sheet, r), ...gate },
    facts: readFacts(sheet),
  };
  r.validate(request);
  // Top to bottom, left to right: the order in which the user fixes them.
  const position = (p: SheetProblem) => {
    const { row, column } = parseCell(p.cell);
    return row * 100_000 + column;
  };
  const problems = r.problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => position(a.p) - position(b.p) || a.i - b.i);
  const blank =
    !request.id && !request.title && request.knockouts.length + request.awards.length === 0;
  return { request, problems: problems.map(({ p }) => p), blank };
}
