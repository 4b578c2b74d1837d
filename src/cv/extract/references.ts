/**
 * E3: the number of references, from a section headed Referenties / Referentie(s) /
 * References / Referees: its entries up to the next heading. "Referenties op aanvraag" is
 * 0 entries, said so in the note.
 */
import type { CvDocument, RequirementProposal } from "../../engine";
import { placeLines, type PlacedLine } from "./sections";
import { extractTexts } from "./texts";

const ON_REQUEST =
  /op aanvraag|op verzoek|(up)?on request|available on|beschikbaar|worden verstrekt|desgewenst/iu;
/** Contact details, a role or an organisation: lines that belong to an entry but do not start one. */
const CONTACT = /@|\b(tel|telefoon|mobiel|phone|e-?mail|mail|tel\.?nr)\b|\+?\d[\d\s-]{7,}\d/iu;
/** A list bullet, also a Symbol or Wingdings font's private-use glyph as Word writes them (U+F0B7 …). */
const BULLET = /^\s*(?:[•▪■●◦·*\-–—>\uF000-\uF0FF]|\d{1,2}[.)])\s*/u;
/** A name at the start of a line: a salutation, initials, or two or more capitalised words. */
const NAME_START =
  /^(?:(?:[Dd]hr|[Mm]evr|[Mm]w|[Mm]r|[Mm]rs|[Mm]s|[Dd]r|[Dd]rs|[Ii]r|[Ii]ng|[Pp]rof)\.?\s|[Dd]e heer\s|[Mm]evrouw\s|(?:[A-Z]\.){1,4}\s?[A-Za-z]|[A-Z][\p{Ll}'’-]+(?:\s(?:van|de|der|den|het|ten|ter|v\.d\.|van de|van der|in 't|'t)){0,2}\s[A-Z][\p{Ll}'’-]+)/u;
/** Role words that may start a line of an entry without being a name. */
const ROLE_START =
  /^(teamleider|teammanager|manager|leidinggevende|coördinator|coordinator|afdelingshoofd|hoofd|directeur|senior|klantmanager|consulent|adviseur|beleidsmedewerker|projectleider|supervisor|director|head|team lead|gemeente|municipality|stichting|functie|organisatie|werkgever|relatie)\b/iu;

/** "Referenties: op aanvraag" on one line. */
const INLINE_HEADING = /^\s*(referenties?|referentie\(s\)|references?|referees?)\s*[:–—-]\s*\S/iu;

function isEntryStart(line: PlacedLine): boolean {
  const text = line.text.trim();
  if (BULLET.test(text)) return true;
  const body = text.replace(/^(naam|name)\s*:\s*/iu, "");
  if (CONTACT.test(body.slice(0, 12))) return false;
  if (ROLE_START.test(body)) return false;
  return NAME_START.test(body);
}

/**
 * The E3 proposal from the first references section of the documents, or null when none
 * has one.
 *
 * @example
 * proposeReferences("E3", [doc]); // { kind: "requirement", id: "E3", value: 2, note: '2 referenties onder "Referenties"', … }
 */
export function proposeReferences(id: string, docs: CvDocument[]): RequirementProposal | null {
  for (const doc of docs) {
    const lines = placeLines(doc.lines);
    const start = lines.findIndex(
      (l) => (l.heading && l.section === "references") || INLINE_HEADING.test(l.text)
    );
    if (start < 0) continue;
    const heading = lines[start];
    const headingText = heading.text.trim().replace(/[:\s]+$/u, "");
    const section: PlacedLine[] = [];
    for (let k = start + 1; k < lines.length && !lines[k].heading; k++) section.push(lines[k]);
    const evidence = {
      file: doc.file,
      page: heading.page,
      line: heading.line,
      text: heading.text.trim().slice(0, 200),
    };
    if (
      ON_REQUEST.test(heading.text) ||
      (section[0] && ON_REQUEST.test(section[0].text) && section.filter(isEntryStart).length === 0)
    ) {
      const where = ON_REQUEST.test(heading.text) ? heading : section[0];
      return {
        kind: "requirement",
        id,
        value: 0,
        note: extractTexts.referencesOnRequest(headingText),
        evidence: {
          ...evidence,
          page: where.page,
          line: where.line,
          text: where.text.trim().slice(0, 200),
        },
      };
    }
    const count = section.filter(isEntryStart).length;
    return {
      kind: "requirement",
      id,
      value: count,
      note: extractTexts.references(count, headingText),
      evidence,
    };
  }
  return null;
}
