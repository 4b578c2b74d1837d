/**
 * Work periods: the date ranges of a CV outside its education, courses, references and
 * personal sections, each with its role and employer from the same line or the nearest
 * lines ("Klantmanager Inkomen – Gemeente Delft" before or after the dates), and the lines
 * that describe it (where a topic such as a software package is named).
 */
import type { CvDocument, Evidence, IsoDate } from "../../engine";
import {
  completeRange,
  completionOf,
  findDangling,
  findRanges,
  inOrder,
  type DateRange,
  type Precision,
} from "./dates";
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
  /\b(gemeente|gemeenten|municipality|city of|b\.?v\.?|n\.?v\.?|stichting|uwv|svb|sociale dienst|werkplein|holding|groep|group|bureau|regio|provincie|ministerie|intergemeentelijke|samenwerkingsverband|waterschap|ggd|consultancy|partners|vereniging|ltd|inc|gmbh)\b|(dienst|diensten|detachering|bedrijf|corporatie|verzekeraar|kantoor|organisatie|instelling)\b/iu;

/** A bullet or dash that opens a line of description (also a Symbol font's private-use bullet). */
const BULLET = /^\s*[•▪■●◦·*\-–—>\uF000-\uF0FF]\s*/u;

/** The words that open a range with no end ("sinds maart 2020"). */
const SINCE_WORDS = new Set(["sinds", "sedert", "vanaf", "since"]);

/** Words of a job title. */
const JOB_WORDS =
  /(medewerker|manager|consulent|adviseur|beheerder|rechercheur|co[öo]rdinator|leider|specialist|verlener|casemanager|officer|advisor|consultant|\blead\b|analist|functionaris|jurist|regisseur|coach|trainer|docent|directeur|hoofd|assistent|secretar|begeleider|beleids|teamleider|klantmanager|werker|behandelaar|controller|inspecteur|ondersteuner)/iu;

/** A table's column headers: no role. */
const COLUMN_HEADER =
  /^(periode|periode van|periode tot|van|tot|t\/m|tot en met|from|to|until|start|begin|einde|eind|functie|werkgever|organisatie|opdrachtgever|werkzaamheden|taken|omschrijving|datum|data|rol|period|role|employer|organisation|organization|dates|tasks|duties|description)$/iu;

/** A short line that reads like a title (role, employer), not a sentence of description. */
function titleLike(line: PlacedLine | undefined): boolean {
  if (!line || line.heading) return false;
  const text = line.text.trim();
  if (text.length < 3 || text.length > 110 || BULLET.test(text)) return false;
  if (/[.;]$/.test(text) && !/\b(b\.?v|n\.?v)\.$/iu.test(text)) return false;
  if (text.split(/\s+/).length > 14) return false;
  return /\p{L}{2}/u.test(text);
}

/**
 * Whether `next` continues `text` (the same title wrapped, or its employer below it): it
 * starts in lower case, `text` ends in a joining word, comma or open bracket, or `text`
 * names no employer and `next` does.
 */
function wraps(text: string, next: string): boolean {
  const [a, b] = [text.trim(), next.trim()];
  return softWrap(a, b) || (!EMPLOYER_WORDS.test(a) && EMPLOYER_WORDS.test(b) && b.length <= 70);
}

/** Whether `b` is the same text as `a`, wrapped: joined with a space, not a comma. */
function softWrap(a: string, b: string): boolean {
  return (
    /^\p{Ll}/u.test(b) ||
    /(?:[,(&–-]|\s(?:bij|en|van|de|der|voor|at|of|and|in|gemeente|stichting))$/iu.test(a) ||
    a.split("(").length > a.split(")").length
  );
}

/**
 * Whether `b` goes on with `a`'s title ("Beleidsmedewerker" / "Participatiewet, Gemeente
 * Delft"): a soft wrap, or neither `a`'s last part nor `b`'s first two words name an employer.
 */
function sameTitle(a: string, b: string): boolean {
  if (softWrap(a, b)) return true;
  const last = a.split(/,\s*/).pop() ?? a;
  const firstWords = b.split(/\s+/).slice(0, 2).join(" ");
  return !EMPLOYER_WORDS.test(last) && !EMPLOYER_WORDS.test(firstWords);
}

/** Role lines as one text: a wrapped line joined with a space, the next title with a comma. */
function joinTitles(texts: string[]): string {
  return texts.reduce(
    (all, t, k) => (k === 0 ? t : `${all}${sameTitle(texts[k - 1], t) ? " " : ", "}${t}`),
    ""
  );
}

/** The text of a line without its date ranges and the separators around them. */
function cleanRole(text: string): string {
  return (
    text
      // Running text: "werkte ik als klantmanager bij de gemeente Delft." → the role after "als".
      .trim()
      .replace(/^\p{L}+(?:\s\p{L}+){0,4}\s(?:als|as an?|as)\s+/u, "")
      .replace(/(?<!\b\p{L})\.$/u, "") // a sentence's full stop, not "B.V."
      .replace(/^[\s|:,;–—\-•·()]+|[\s|:,;–—\-•·(]+$/gu, "")
      .replace(/\s*[|│\t]\s*/gu, ", ")
      .replace(/\s{2,}/g, ", ")
      .replace(/\s+/g, " ")
      .trim()
  );
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

/** The parts of a role text: split at dashes, commas, "bij"/"at", never inside brackets. */
function roleParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  const separator = /^(?:\s+[–—|-]\s+|,\s*|\s+(?:bij|at|@)\s+|\s*\|\s*)/iu;
  for (let k = 0; k < text.length;) {
    const ch = text[k];
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    const sep = depth === 0 ? separator.exec(text.slice(k)) : null;
    if (sep) {
      parts.push(current);
      current = "";
      k += sep[0].length;
    } else {
      current += ch;
      k++;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => /\p{L}/u.test(p));
}

/** The employer parts of a role text. */
function formatEmployers(text: string): string {
  return roleParts(text)
    .filter((p) => EMPLOYER_WORDS.test(p))
    .join(", ");
}

/**
 * Role and employer as `Functie` shows them: the role first, then the employer.
 *
 * @example
 * formatRole("Gemeente Delft, Klantmanager inkomen"); // "Klantmanager inkomen, Gemeente Delft"
 */
export function formatRole(text: string): string {
  const parts = roleParts(text);
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
  // A range whose end wrapped to a later line: its end from the first line (within four) that
  // holds only that end; the lines between may hold the role (a wrapped table row).
  const wrappedUntil = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].heading) continue;
    const dangling = findDangling(lines[i].text, dated[i]);
    if (!dangling) continue;
    for (let k = i + 1; k <= i + 4 && k < lines.length && !lines[k].heading; k++) {
      if (dated[k].length) break;
      const end = completionOf(lines[k].text, dangling.month);
      if (!end) continue;
      if (!inOrder(dangling.from, end.to)) break;
      dated[i] = dated[i]
        .filter((r) => r.start !== dangling.start)
        .concat({
          from: dangling.from,
          to: end.to,
          openWord: end.openWord,
          start: dangling.start,
          end: dangling.end,
        })
        .sort((a, b) => a.start - b.start);
      wrappedUntil.set(i, k);
      break;
    }
  }
  // A table's "Van" and "Tot" cells on lines of their own ("01-2021" then "10-2023" or
  // "heden"): a start that names its month, then a line that holds only the end.
  const endCells = new Set<number>();
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].heading || lines[i + 1].heading || dated[i].length || dated[i + 1].length)
      continue;
    const start = completionOf(lines[i].text);
    if (!start?.to || start.to.month === undefined) continue;
    const end = completionOf(lines[i + 1].text);
    if (!end || (end.to && end.to.month === undefined) || !inOrder(start.to, end.to)) continue;
    const text = lines[i].text;
    dated[i] = [{ from: start.to, to: end.to, openWord: end.openWord, start: 0, end: text.length }];
    endCells.add(i + 1);
    i++;
  }
  const isDated = (i: number) => dated[i] !== undefined && dated[i].length > 0;

  // A line that may name a role or employer: a title in the same section, no dates, not a
  // table's column header, not yet taken by another period.
  const taken = new Set<number>(endCells);
  const usable = (k: number, section: SectionKind) =>
    k >= 0 &&
    k < lines.length &&
    titleLike(lines[k]) &&
    !isDated(k) &&
    lines[k].section === section &&
    !COLUMN_HEADER.test(lines[k].text.trim()) &&
    !taken.has(k);

  // Both sides of a date line may hold titles (a role above this period, or below it): the
  // side with more role or employer words wins; a tie goes to the lines below.
  const titleScore = (ks: number[]) =>
    ks.reduce(
      (n, k) =>
        n + (JOB_WORDS.test(lines[k].text) ? 1 : 0) + (EMPLOYER_WORDS.test(lines[k].text) ? 1 : 0),
      0
    );
  // A tie between the sides goes to the side the section's first period has its titles on
  // (a table "Functie | Organisatie | Periode" has them above every date line).
  const titlesAbove = (i: number): boolean => {
    let first = i;
    while (first > 0 && !lines[first - 1].heading) first--;
    while (first < i && !isDated(first)) first++;
    const k = first - 1;
    return (
      k >= 0 &&
      titleLike(lines[k]) &&
      !isDated(k) &&
      !COLUMN_HEADER.test(lines[k].text.trim()) &&
      lines[k].section === lines[i].section
    );
  };
  const aboveOf = (i: number, section: SectionKind): number[] => {
    if (!usable(i - 1, section)) return [];
    // A wrapped title, or the role above the employer above the dates.
    let k = i - 1;
    while (k > i - 3 && usable(k - 1, section) && wraps(lines[k - 1].text, lines[k].text)) k--;
    return range0(k, i);
  };
  const belowOf = (i: number, section: SectionKind): number[] => {
    if (!usable(i + 1, section)) return [];
    const below = [i + 1, ...continuation(i + 1, section)];
    if (below.length === 1 && usable(i + 2, section) && !EMPLOYER_WORDS.test(lines[i + 1].text))
      below.push(i + 2);
    return below;
  };

  /** Lines after `k` that continue its text (a wrapped line, the employer below the role). */
  const continuation = (k: number, section: SectionKind): number[] => {
    const more: number[] = [];
    for (let n = k + 1; n <= k + 3 && usable(n, section); n++) {
      if (!wraps(lines[n - 1].text, lines[n].text)) break;
      more.push(n);
    }
    return more;
  };

  // The sentence a range stands in: in running text it may go on over the next lines (a PDF's
  // wrapped paragraph); in a list or table the line alone.
  const sentenceOf = (i: number, range: DateRange): string => {
    let text = lines[i].text;
    if (text.split(/\s+/).length >= 8)
      for (let k = i + 1; k <= i + 2 && k < lines.length; k++) {
        if (lines[k].heading || isDated(k) || BULLET.test(lines[k].text)) break;
        if (/[.!?]\s*$/u.test(text)) break;
        text += ` ${lines[k].text}`;
      }
    const head = text.slice(0, range.start);
    const from = Math.max(...[". ", "! ", "? "].map((p) => head.lastIndexOf(p)));
    const end = /[.!?](?:\s|$)/u.exec(text.slice(range.end));
    return text.slice(from < 0 ? 0 : from, end ? range.end + end.index + 1 : text.length);
  };

  // First the role lines of every period (so that a title above the next period is not
  // read as this period's description), then each period's description.
  const drafts: Array<{ i: number; range: DateRange; role: string; roleLines: PlacedLine[] }> = [];
  for (let i = 0; i < lines.length; i++) {
    const ranges = dated[i];
    if (!ranges.length) continue;
    const line = lines[i];
    if (NOT_WORK.has(line.section)) continue;
    for (let r = 0; r < ranges.length; r++) {
      const range = ranges[r];
      const own = roleOnLine(line.text, ranges, r);
      if (line.section !== "work" && EDUCATION_WORDS.test(own || line.text)) continue;
      // Volunteering is no work experience, whatever the section ("… dat doe ik als vrijwilliger").
      if (VOLUNTEER_WORDS.test(sentenceOf(i, range))) continue;
      // "werkzaam in het sociaal domein sinds 2017": outside a work section, a "sinds" with a
      // bare year in the middle of a sentence is a summary, not a period.
      if (
        line.section !== "work" &&
        SINCE_WORDS.has(range.openWord ?? "") &&
        range.from.month === undefined &&
        (line.text.slice(0, range.start).match(/\p{L}+/gu) ?? []).length >= 3
      )
        continue;
      // "Rijbewijs sinds 2005", "getrouwd sinds 2010": outside a work section, a "sinds" needs
      // a job or employer on its line.
      if (
        line.section !== "work" &&
        SINCE_WORDS.has(range.openWord ?? "") &&
        !JOB_WORDS.test(line.text) &&
        !EMPLOYER_WORDS.test(line.text)
      )
        continue;
      let roleKs: number[] = [];
      const wrapped = wrappedUntil.get(i);
      const section = line.section;
      let roleLines: PlacedLine[];
      if (own) {
        // Several periods on one line: each is matched on its own part of the line.
        const self = ranges.length > 1 ? { ...line, text: own } : line;
        // An employer alone on the date line: the role is the title above it.
        if (r === 0 && formatRole(own) === formatEmployers(own) && usable(i - 1, section))
          roleKs.push(i - 1);
        const after = r === ranges.length - 1 ? continuation(i, section) : [];
        roleLines = [...roleKs.map((k) => lines[k]), self, ...after.map((k) => lines[k])];
        roleKs.push(...after);
      } else {
        if (wrapped !== undefined && wrapped > i + 1)
          roleKs = range0(i + 1, wrapped).filter(
            (k) => titleLike(lines[k]) && !completionOf(lines[k].text)
          );
        else {
          const [above, below] = [aboveOf(i, section), belowOf(i, section)];
          const [a, b] = [titleScore(above), titleScore(below)];
          roleKs = above.length && (a > b || (a === b && titlesAbove(i))) ? above : below;
        }
        roleLines = roleKs.map((k) => lines[k]);
      }
      for (const k of roleKs) taken.add(k);
      const role = joinTitles(roleLines.map((l) => (l.index === i ? own : cleanRole(l.text))));
      if (line.section !== "work" && EDUCATION_WORDS.test(role)) continue;
      if (subItem(range, line, role, drafts[drafts.length - 1])) continue;
      drafts.push({ i, range, role, roleLines });
    }
  }

  return drafts.map(({ i, range, role, roleLines }) => {
    const blockLines: PlacedLine[] = [];
    for (let k = i + 1; k < lines.length && k <= i + 15; k++) {
      if (lines[k].heading || isDated(k)) break;
      if (!taken.has(k)) blockLines.push(lines[k]);
    }
    return {
      ...completeRange(range),
      openWord: range.openWord,
      role: formatRole(role),
      roleLines,
      blockLines,
      line: lines[i],
      evidence: evidenceOf(doc.file, lines[i]),
    };
  });
}

/** Words that make a date line volunteering, not work. */
const VOLUNTEER_WORDS =
  /\b(vrijwilliger|vrijwilligster|vrijwilligers(werk)?|volunteer(ing)?|voluntary)\b/iu;

/**
 * Whether a range is a sub-item of the period above it ("Herbeoordelingen Participatiewet
 * 2019–2020" under "Inkomensconsulent, feb. 2018 – dec. 2022"): in the same section, within
 * that period's dates, and neither its line nor its role names a job or employer of its own.
 */
function subItem(
  range: DateRange,
  line: PlacedLine,
  role: string,
  above: { i: number; range: DateRange } | undefined
): boolean {
  if (!above || above.i >= line.index) return false;
  if ([role, line.text].some((t) => JOB_WORDS.test(t) || EMPLOYER_WORDS.test(t))) return false;
  const [inner, outer] = [completeRange(range), completeRange(above.range)];
  if (inner.from === outer.from && inner.to === outer.to) return false;
  const endsWithin = outer.to === null || (inner.to !== null && inner.to <= outer.to);
  return inner.from >= outer.from && endsWithin;
}

/** The whole numbers from `from` up to (not including) `to`. */
function range0(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
