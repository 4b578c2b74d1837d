/**
 * The sections of a CV by their headings ("Werkervaring", "Opleidingen", "Referenties",
 * "Work experience" …): which part of the CV a line belongs to decides what it may propose
 * (a date range under "Opleiding" is no work period). One list of heading words for every
 * extractor.
 */
import type { CvLine } from "../../engine";

/** The kinds of section a CV has. "other": a heading we know but propose nothing from. */
export type SectionKind =
  "top" | "work" | "education" | "courses" | "references" | "profile" | "personal" | "other";

/** Heading texts (lower case, without ":" and decoration) to their section. */
const HEADINGS: Array<[RegExp, SectionKind]> = [
  [
    /^(mijn |my )?(relevante |professionele |eerdere |overige )?(werk ?ervaring(en)?|arbeidsverleden|loopbaan|carri[eè]re|ervaring|werkgevers?|opdrachten|(recente )?opdrachten( en werkervaring)?|werkervaring( en opdrachten)?|loopbaanoverzicht|(relevant |professional |work |employment )?(experience|history)|employment|work history|career( history)?|uitgevoerde opdrachten|functies)$/,
    "work",
  ],
  [
    /^((opleiding(en)?|onderwijs|scholing|education) en (opleiding(en)?|training(en|s)?|cursussen|diploma'?s|certificaten)|opleiding(en)?|opleiding en cursussen|opleidingen en cursussen|opleidingen en trainingen|scholing|studie|studies|onderwijs|diploma'?s|education|education en training|academic background|opleiding en diploma's|opleidingen en diploma's)$/,
    "education",
  ],
  [
    /^(cursussen|cursussen en trainingen|trainingen|training(s)?|certificaten|certificering(en)?|certificates|certifications|courses|aanvullende opleidingen|bijscholing|nascholing|courses en training(s)?|training en certificering|trainingen en certificaten|training(s)? en certification(s)?|cursussen en certificaten)$/,
    "courses",
  ],
  [
    /^(referenties?|referentie\(s\)|references?|referees?|referenties op aanvraag|references (available )?(up)?on request)$/,
    "references",
  ],
  [
    /^((cv|mijn)[- ]?profiel|profiel|persoonlijk profiel|profielschets|over mij|samenvatting|introductie|profile|summary|about me|personal profile|kernkwaliteiten|competenties|motivatie)$/,
    "profile",
  ],
  [
    /^(personalia|persoonlijke gegevens|contactgegevens|contact|gegevens|personal details|personal information|personal data)$/,
    "personal",
  ],
  [
    /^((persoonlijke )?vaardigheden( en competenties)?|(personal )?skills( en competences)?|talen|languages|taalvaardigheid|hobby'?s|interesses|interests|nevenactiviteiten|nevenfuncties|vrijwilligerswerk|vrijwilligerswerk en nevenactiviteiten|nevenactiviteiten en vrijwilligerswerk|volunteer work|volunteering|volunteer experience|voluntary work|other activities|side activities|extracurricular activities|community involvement|software|systemen|ict[- ]vaardigheden|computervaardigheden|kennis|kennis en vaardigheden|publicaties|lidmaatschappen|overig|overige|overige informatie|additional information|beschikbaarheid|availability|tarief|rijbewijs)$/,
    "other",
  ],
];

/** Decoration around a heading: bullets, numbers, colons, underscores, dashes. */
const DECORATION = /^[\s\d.•■▪●◆►|_\-–—:]+|[\s.:|_\-–—]+$/gu;

/**
 * The section a line opens, when it is a heading (a short line that is only a known heading
 * word, any case, e.g. "WERKERVARING", "Opleidingen:"); null otherwise.
 *
 * @example
 * headingOf("Werkervaring:"); // "work"
 * headingOf("Werkervaring bij de gemeente Delft als klantmanager"); // null
 */
export function headingOf(text: string): SectionKind | null {
  if (text.length > 60) return null;
  const core = text
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s*&\s*/g, " en ")
    .replace(DECORATION, "")
    .replace(/\s+/g, " ")
    .toLowerCase()
    .replace(/ and /g, " en ");
  if (!core) return null;
  for (const [re, kind] of HEADINGS) if (re.test(core)) return kind;
  return null;
}

/** A line with the section it stands in and whether it is a heading itself. */
export interface PlacedLine extends CvLine {
  section: SectionKind;
  heading: boolean;
  /** The index of the line in the document's lines. */
  index: number;
}

/**
 * Each line with the section it belongs to: the last heading above it ("top" before any).
 *
 * @example
 * placeLines([{ page: 1, line: 1, text: "Opleiding" }, { page: 1, line: 2, text: "HBO SJD" }])[1].section; // "education"
 */
export function placeLines(lines: CvLine[]): PlacedLine[] {
  const known = placed.get(lines);
  if (known) return known;
  let section: SectionKind = "top";
  const result = lines.map((line, index) => {
    const kind = headingOf(line.text);
    if (kind) section = kind;
    return { ...line, section, heading: kind !== null, index };
  });
  placed.set(lines, result);
  return result;
}

/** The placed lines of each document's lines, once: periods, references and education all read them. */
const placed = new WeakMap<CvLine[], PlacedLine[]>();
