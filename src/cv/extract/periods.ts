/**
 * Work periods: the date ranges of a CV outside its education, courses, references and
 * personal sections, each with its role and employer from the same line or the nearest
 * lines ("Klantmanager Inkomen – Gemeente Delft" before or after the dates), and the lines
 * that describe it (where a topic such as a software package is named).
 */
import type { CvDocument, Evidence, IsoDate } from "../../engine";
import { completeRange, findRanges, type DateRange, type Precision } from "./dates";
import { placeLines, type PlacedLine, type SectionKind } from "./sections";

/** A work period found in a CV, before suggestions. */
export interface FoundPeriod {
  from: IsoDate;
  to: IsoDate | null;
  fromPrecision: Precision;
  toPrecision: Precision | null;
  openWord?: string;
  /** Role and employer as `Functie` shows them ("Klantmanager inkomen, Gemeente Delft"). */
  role: string;
  /** The lines that name the role and employer (the date line's own text, or its neighbours). */
  roleLines: PlacedLine[];
  /** The lines that describe the period (up to the next period or heading). */
  blockLines: PlacedLine[];
  /** The date line. */
  line: PlacedLine;
  evidence: Evidence;
}

/** Sections whose date ranges are not work. */
const NOT_WORK: ReadonlySet<SectionKind> = new Set([
  "education",
  "courses",
  "references",
  "personal",
  "profile",
  "other",
]);

/** Words that make a line about education, not work (outside a work section). */
const EDUCATION_WORDS =
  /\b(hbo|mbo|wo|havo|vwo|vmbo|atheneum|gymnasium|mavo|lts|meao|heao|hogeschool|universiteit|university|opleiding|studie|diploma|propedeuse|bachelor|master|cursus|training|certificaat|school|college|minor|stage|internship)\b/iu;

/** Words that name an employer: the part of a role line that is the organisation. */
export const EMPLOYER_WORDS =
  /\b(gemeente|gemeenten|municipality|city of|b\.?v\.?|n\.?v\.?|stichting|uwv|svb|sociale dienst|werkplein|holding|groep|group|bureau|dienst|regio|provincie|ministerie|werkbedrijf|intergemeentelijke|samenwerkingsverband|waterschap|belastingdienst|ggd|detachering|interim|services|consultancy|partners|vereniging|corporatie|woningcorporatie|zorg)\b/iu;

/** A bullet or dash that opens a line of description. */
const BULLET = /^\s*[•▪■●◦·*\-–—>]\s*/u;

/** A short line that reads like a title (role, employer), not a sentence of description. */
function titleLike(line: PlacedLine | undefined): boolean {
  if (!line || line.heading) return false;
  const text = line.text.trim();
  if (text.length < 3 || text.length > 110 || BULLET.test(text)) return false;
  if (/[.;]$/.test(text) && !/\b(b\.?v|n\.?v)\.$/iu.test(text)) return false;
  if (text.split(/\s+/).length > 14) return false;
  return /\p{L}{2}/u.test(text);
}

/** The text of a line without its date ranges and the separators around them. */
function cleanRole(text: string): string {
  return text
    .replace(/^[\s|:,;–—\-•·()]+|[\s|:,;–—\-•·(]+$/gu, "")
    .replace(/\s*[|│\t]\s*/gu, ", ")
    .replace(/\s{2,}/g, ", ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The role text on the date line for one range: after it (up to the next range), else before the first. */
function roleOnLine(text: string, ranges: DateRange[], index: number): string {
  const range = ranges[index];
  const next = ranges[index + 1];
  const after = cleanRole(text.slice(range.end, next ? next.start : text.length));
  if (
    /\p{L}{3}/u.test(after) &&
    !/^\(?(parttime|part-time|fulltime|full-time|freelance|interim|zzp)\)?$/iu.test(after)
  )
    return after;
  const first = ranges[0];
  const beforeText = cleanRole(
    text.slice(0, first.start).replace(/\b(van|sinds|vanaf|from|since|per)\s*$/iu, "")
  );
  return /\p{L}{3}/u.test(beforeText) ? beforeText : "";
}

/** "Gemeente Delft, Klantmanager inkomen" → role first, then employer. */
export function formatRole(text: string): string {
  const parts = text
    .split(/\s+[–—|-]\s+|,\s*|\s+(?:bij|at|@)\s+|\s*\|\s*/u)
    .map((p) => p.trim())
    .filter((p) => /\p{L}/u.test(p));
  const employers = parts.filter((p) => EMPLOYER_WORDS.test(p));
  const roles = parts.filter((p) => !EMPLOYER_WORDS.test(p));
  return [...roles, ...employers].join(", ").slice(0, 200);
}

function evidenceOf(file: string, line: PlacedLine): Evidence {
  return { file, page: line.page, line: line.line, text: line.text.trim().slice(0, 200) };
}

/**
 * The work periods of one CV document.
 *
 * @example
 * findPeriods(doc)[0]; // { from: "2019-01-01", to: null, role: "Klantmanager inkomen, Gemeente Delft", … }
 */
export function findPeriods(doc: CvDocument): FoundPeriod[] {
  const lines = placeLines(doc.lines);
  const dated = lines.map((l) => (l.heading ? [] : findRanges(l.text)));
  const isDated = (i: number) => dated[i] !== undefined && dated[i].length > 0;
  const found: FoundPeriod[] = [];

  // Whether the roles of a section stand before their dates: the line above the section's
  // first date line is a title, not the heading.
  const roleBefore = new Map<number, boolean>();
  const sectionStart = (i: number) => {
    let k = i;
    while (k > 0 && !lines[k].heading) k--;
    return k;
  };
  const layoutBefore = (i: number): boolean => {
    const start = sectionStart(i);
    const known = roleBefore.get(start);
    if (known !== undefined) return known;
    let first = start;
    while (
      first < lines.length &&
      !(isDated(first) && roleOnLine(lines[first].text, dated[first], 0) === "")
    )
      if (++first > i) break;
    const before =
      first <= i && first > start && titleLike(lines[first - 1]) && !isDated(first - 1);
    roleBefore.set(start, before);
    return before;
  };

  for (let i = 0; i < lines.length; i++) {
    const ranges = dated[i];
    if (!ranges.length) continue;
    const line = lines[i];
    if (NOT_WORK.has(line.section)) continue;
    for (let r = 0; r < ranges.length; r++) {
      const range = ranges[r];
      const own = roleOnLine(line.text, ranges, r);
      if (line.section !== "work" && EDUCATION_WORDS.test(own || line.text)) continue;
      let roleLines: PlacedLine[] = [];
      let role = own;
      if (own) roleLines = [line];
      else if (layoutBefore(i)) {
        if (titleLike(lines[i - 1]) && !isDated(i - 1)) roleLines = [lines[i - 1]];
      } else {
        for (let k = i + 1; k <= i + 2 && titleLike(lines[k]) && !isDated(k); k++) {
          roleLines.push(lines[k]);
          if (
            EMPLOYER_WORDS.test(lines[k].text) &&
            roleLines.length === 1 &&
            !titleLike(lines[k + 1])
          )
            break;
        }
      }
      if (!own) role = roleLines.map((l) => cleanRole(l.text)).join(", ");
      if (line.section !== "work" && EDUCATION_WORDS.test(role)) continue;
      const blockLines: PlacedLine[] = [];
      for (let k = i + 1; k < lines.length && k <= i + 15; k++) {
        if (lines[k].heading || isDated(k)) break;
        blockLines.push(lines[k]);
      }
      // With roles before their dates, the last title of the block is the next period's role.
      if (
        layoutBefore(i) &&
        isDated(i + blockLines.length + 1) &&
        titleLike(blockLines[blockLines.length - 1])
      )
        blockLines.pop();
      const completed = completeRange(range);
      found.push({
        ...completed,
        openWord: range.openWord,
        role: formatRole(role),
        roleLines,
        blockLines,
        line,
        evidence: evidenceOf(doc.file, line),
      });
    }
  }
  return found;
}
