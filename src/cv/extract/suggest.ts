/**
 * What a work period may count for: `Telt voor` suggestions for the request's criteria in
 * years, and "Ja" proposals for its yes/no experience criteria (a period inside the
 * criterion's window that names what it asks), from the criteria's own texts (criteria.ts).
 * Always a suggestion: the note names the words found.
 */
import type { CriterionId, IsoDate, YesProposal } from "../../engine";
import { addYears, isoToDay } from "../../engine/dates";
import { namesPhrase, wordsOf, type ExperienceTarget, type Phrase } from "./criteria";
import type { FoundPeriod } from "./periods";
import type { PlacedLine } from "./sections";
import { periodTexts, yesTexts } from "./texts";

/** A criterion a period names, with the words and the line that name it. */
export interface Match {
  id: CriterionId;
  words: string;
  line: PlacedLine;
}

function employerNamed(lines: PlacedLine[], word: string): boolean {
  return lines.some((l) => wordsOf(l.text).some((t) => t.startsWith(word)));
}

/** The first line of `lines` that names the phrase (alone, or with its neighbour in the list). */
function lineNaming(lines: PlacedLine[], phrase: Phrase): PlacedLine | null {
  for (const l of lines) if (namesPhrase(wordsOf(l.text), phrase)) return l;
  if (lines.length > 1 && namesPhrase(wordsOf(lines.map((l) => l.text).join(" ")), phrase))
    return lines[0];
  return null;
}

/**
 * The criteria a period names: a role phrase in its role lines (and the employer word, when
 * the criterion asks one: "binnen een gemeente"), a topic anywhere in its lines.
 *
 * @example
 * matchPeriod(period, targets.experience); // [{ id: "K3", words: "klantmanager inkomen", line }]
 */
export function matchPeriod(period: FoundPeriod, targets: ExperienceTarget[]): Match[] {
  const roleLines = period.roleLines.length ? period.roleLines : [period.line];
  const matches: Match[] = [];
  for (const target of targets) {
    const lines = target.where === "role" ? roleLines : [...roleLines, ...period.blockLines];
    if (target.employerWord && !employerNamed(roleLines, target.employerWord)) continue;
    for (const phrase of target.phrases) {
      const line = lineNaming(lines, phrase);
      if (line) {
        matches.push({ id: target.id, words: phrase.text, line });
        break;
      }
    }
  }
  return matches;
}

/** The `Telt voor` ids and their note for a period. */
export function countsForOf(
  period: FoundPeriod,
  targets: ExperienceTarget[]
): { ids: CriterionId[]; notes: string[] } {
  const matches = matchPeriod(
    period,
    targets.filter((t) => t.use === "years")
  );
  const notes = matches.map((m) => {
    const target = targets.find((t) => t.id === m.id);
    const employer = target?.employerWord ? ` ${periodTexts.employer(target.employerWord)}` : "";
    return periodTexts.countsFor(m.id, m.words) + employer;
  });
  return { ids: matches.map((m) => m.id), notes };
}

/** Whether a period overlaps the window of `years` years up to the peildatum (any period when no window). */
function inWindow(
  from: IsoDate,
  to: IsoDate | null,
  referenceDate: IsoDate,
  years?: number
): boolean {
  const reference = isoToDay(referenceDate);
  const start = isoToDay(from);
  if (reference === null || start === null) return false;
  if (start > reference) return false;
  if (years === undefined) return true;
  const end = to === null ? reference : (isoToDay(to) ?? reference);
  return end > addYears(reference, -years);
}

/**
 * The "Ja" proposals for yes/no experience criteria: for each, the first period inside its
 * window that names what it asks; criteria named on the same line share one proposal.
 *
 * @example
 * yesFromPeriods(periods, targets.experience, "2024-08-26"); // [{ kind: "yes", source: "period", ids: ["K4"], … }]
 */
export function yesFromPeriods(
  periods: FoundPeriod[],
  targets: ExperienceTarget[],
  referenceDate: IsoDate
): YesProposal[] {
  const byLine = new Map<
    string,
    { match: Match; file: string; ids: CriterionId[]; notes: string[] }
  >();
  for (const target of targets.filter((t) => t.use === "yes")) {
    for (const period of periods) {
      if (!inWindow(period.from, period.to, referenceDate, target.windowYears)) continue;
      const [match] = matchPeriod(period, [target]);
      if (!match) continue;
      const key = `${period.evidence.file}:${match.line.page}:${match.line.line}`;
      // The line as read (a period's own part of a shared line is matched, the whole line shown).
      const text = match.line.index === period.line.index ? period.evidence.text : match.line.text;
      const entry = byLine.get(key) ?? {
        match: { ...match, line: { ...match.line, text } },
        file: period.evidence.file,
        ids: [],
        notes: [],
      };
      entry.ids.push(target.id);
      entry.notes.push(
        yesTexts.period(target.id, match.words, period.from, period.to, target.windowYears)
      );
      byLine.set(key, entry);
      break;
    }
  }
  return [...byLine.values()].map(({ match, file, ids, notes }) => ({
    kind: "yes",
    source: "period",
    ids,
    note: notes.join("; "),
    evidence: {
      file,
      page: match.line.page,
      line: match.line.line,
      text: match.line.text.trim().slice(0, 200),
    },
  }));
}
