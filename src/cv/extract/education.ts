/**
 * Yes proposals from education: a line under Opleiding(en)/Education that names the level a
 * criterion asks (hbo, bachelor, …: "Hogeschool" and "University of Applied Sciences" are
 * hbo) and, when the criterion names a direction ("in de richting X of Y"), one of those.
 * Courses, unfinished studies and studies still running propose nothing.
 */
import type { CvDocument, YesProposal } from "../../engine";
import { namesPhrase, wordsOf, type EducationTarget } from "./criteria";
import { findRanges } from "./dates";
import { placeLines, type PlacedLine } from "./sections";
import { yesTexts } from "./texts";

/** How a CV line names each education level. */
const LEVEL_WORDS: Record<string, RegExp> = {
  hbo: /\bhbo\b|hogeschool|hogere beroeps|university of applied sciences|\bhts\b|\bheao\b|\bpabo\b/iu,
  bachelor: /\bbachelor\b|\bb\.?sc\b|\bb\.?a\.?\b|\bbba\b/iu,
  wo: /\bwo\b|universiteit|(?<!applied sciences\s)\buniversity\b(?! of applied)/iu,
  master: /\bmaster\b|\bm\.?sc\b|\bm\.?a\.?\b|\bmba\b|\bdrs\b|\bmr\.\b/iu,
  mbo: /\bmbo\b|\broc\b/iu,
};

/** An unfinished or running study. */
const UNFINISHED =
  /niet afgerond|onvoltooid|onderbroken|gestopt|propedeuse|not completed|unfinished|\(lopend\)|lopend|in opleiding/iu;

/** The levels a line names. */
function levelsOf(text: string): string[] {
  return Object.keys(LEVEL_WORDS).filter((l) => LEVEL_WORDS[l].test(text));
}

/**
 * The education yes proposals of a candidate's documents: for each criterion the first line
 * that names its level (and direction); criteria met by the same line share one proposal.
 *
 * @example
 * proposeEducation(targets.education, [doc]); // [{ kind: "yes", source: "education", ids: ["K6", "G10"], … }]
 */
export function proposeEducation(targets: EducationTarget[], docs: CvDocument[]): YesProposal[] {
  const byLine = new Map<
    string,
    { line: PlacedLine; file: string; ids: string[]; words: string[] }
  >();
  for (const target of targets) {
    let done = false;
    for (const doc of docs) {
      if (done) break;
      const lines = placeLines(doc.lines);
      for (let i = 0; i < lines.length && !done; i++) {
        const line = lines[i];
        if (line.heading || line.section !== "education") continue;
        const levels = levelsOf(line.text);
        if (!levels.some((l) => target.levels.includes(l))) continue;
        // The lines beside it belong to it unless they are another study (a level of their own).
        const near = [lines[i - 1], line, lines[i + 1]].filter(
          (l): l is PlacedLine =>
            l !== undefined &&
            !l.heading &&
            l.section === "education" &&
            (l === line || levelsOf(l.text).length === 0)
        );
        const context = near.map((l) => l.text).join(" ");
        if (UNFINISHED.test(line.text) || UNFINISHED.test(lines[i + 1]?.text ?? "")) continue;
        if (near.some((l) => findRanges(l.text).some((r) => r.to === null))) continue;
        const tokens = wordsOf(context);
        const direction = target.directions.find((d) => namesPhrase(tokens, d));
        if (target.directions.length > 0 && !direction) continue;
        const key = `${doc.file}:${line.page}:${line.line}`;
        const entry = byLine.get(key) ?? { line, file: doc.file, ids: [], words: [] };
        entry.ids.push(target.id);
        entry.words.push(direction ? `${levels[0]} ${direction.text}` : levels[0]);
        byLine.set(key, entry);
        done = true;
      }
    }
  }
  return [...byLine.values()].map(({ line, file, ids, words }) => ({
    kind: "yes",
    source: "education",
    ids,
    note: ids.map((id, k) => yesTexts.education(id, words[k])).join("; "),
    evidence: { file, page: line.page, line: line.line, text: line.text.trim().slice(0, 200) },
  }));
}
