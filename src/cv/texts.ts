/**
 * The Dutch texts of src/cv that users read. One block per part: `readTexts` (reading a CV
 * file, src/cv/read); the extractor keeps its own block in src/cv/extract/texts.ts.
 */

// ---- readTexts: reading CV files (src/cv/read) ------------------------------------------

/** Why a CV file could not be read, in Dutch, each naming the file. */
export const readTexts = {
  /** A PDF that asks for a password, or a Word file saved with one. */
  encrypted: (file: string) =>
    `${file}: het bestand is beveiligd met een wachtwoord. Sla het op zonder wachtwoord (als PDF of .docx) en lees het opnieuw in.`,
  /** No text on any page: a scan or photo without a text layer, or a document of images only. */
  noText: (file: string) =>
    `${file}: geen tekst gevonden (een scan zonder tekstlaag?). Typ de gegevens zelf over.`,
  /** A Word 97–2003 `.doc`. */
  oldWord: (file: string) =>
    `${file}: ".doc"-bestanden (oude Word-indeling) kan AwardScore niet lezen: sla het op als .docx of PDF.`,
  /** Neither PDF nor Word (.docx), judged by the content, not the name. */
  unknownFormat: (file: string) =>
    `${file}: dit is geen PDF of Word-bestand (.docx); AwardScore leest alleen die twee. Sla het cv op als PDF of .docx.`,
  /** A PDF or .docx that is broken or cut off. */
  damaged: (file: string) =>
    `${file}: het bestand is beschadigd of onvolledig en kan niet worden gelezen. Vraag de leverancier om een nieuw exemplaar.`,
  /** Larger than the limit. */
  tooLarge: (file: string, megabytes: number, limit: number) =>
    `${file}: het bestand is te groot (${megabytes.toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB; AwardScore leest cv's tot ${limit} MB).`,
} as const;

// ---- readTexts (limits): hostile or oversized files (src/cv/read) ------------------------

/** Why a CV file was refused for its size once opened, in Dutch, each naming the file. */
export const limitTexts = {
  /** A .docx whose parts unpack to more than the limit (a "zip bomb", or a damaged file). */
  unzippedTooLarge: (file: string, limit: number) =>
    `${file}: het bestand is uitgepakt te groot (meer dan ${limit} MB tekst en opmaak; een cv is veel kleiner). Het is beschadigd of zo gemaakt dat het niet gelezen kan worden; vraag de leverancier om een nieuw exemplaar of een PDF.`,
  /** More lines (or text pieces on one page) than a CV has. */
  tooMuchText: (file: string, what: string) =>
    `${file}: het bestand bevat te veel tekst om als cv te lezen (${what}). Vraag de leverancier om een gewoon cv, of typ de gegevens zelf over.`,
} as const;
