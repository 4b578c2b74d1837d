/**
 * Dutch texts of the add-in's set-up and draw that the workbook texts module
 * (src/workbook/texts.ts) does not have yet. Meant to move there.
 */
import { joinList } from "../engine";

/** Messages of the set-up ("Instellen"). */
export const setUpTexts = {
  /** The word for a blank request, as the task pane offers it. */
  blank: "blanco",
  foreignSheet: (sheet: string, expected: string) =>
    `Het blad '${sheet}' bestaat al, maar bevat niet wat AwardScore verwacht (${expected}). ` +
    `Hernoem of verwijder dat blad en stel opnieuw in; er is niets gewijzigd.`,
  expected: {
    request: "de aanvraag met titel 'Aanvraag …' in A1",
    candidates: "een tabel 'Kandidaten' met de kolom 'Kandidaat'",
    periods: "een tabel 'Werkervaring' met de kolommen 'Kandidaat' en 'Van'",
  },
  unknownPreset: (id: string, ids: string[]) =>
    `Onbekende aanvraag '${id}'. Kies ${joinList(ids.map((i) => `'${i}'`))} of 'blanco'.`,
} as const;

/** Messages of recording a draw ("Loting vastleggen"). */
export const drawTexts = {
  noRows: "Kies de kandidaten van de loting: er zijn geen rijen opgegeven.",
  lengths: (rows: number, order: number) =>
    `Er zijn ${rows} rijen en ${order} lotnummers opgegeven; geef voor elke rij één lotnummer.`,
  notACandidate: (cell: string) => `${cell} is geen rij van een kandidaat in de tabel.`,
  duplicateRow: (row: number) => `Rij ${row} staat meer dan eens in de loting.`,
  moved: (row: number, name: string, found: string) =>
    `Rij ${row} hoort bij ${name} maar bevat nu ${found === "" ? "geen naam" : `'${found}'`}: de ` +
    `werkmap is intussen gewijzigd en er is niets vastgelegd. Beoordeel opnieuw en leg dan de loting vast.`,
  badOrder: (value: number) =>
    `Lotnummer ${value} is ongeldig: gebruik gehele getallen vanaf 1, elk één keer.`,
} as const;

/** Messages of the add-in's own actions that only Excel has. */
export const officeTexts = {
  changedMeanwhile:
    "De werkmap is intussen gewijzigd (rijen van Kandidaten of Werkervaring, of de opmaakregels " +
    "van Kandidaten, zijn veranderd terwijl AwardScore las); er is niets geschreven. Beoordeel opnieuw.",
  cannotCreateWorkbook:
    "Deze versie van Excel kan vanuit een invoegtoepassing geen nieuwe werkmap openen (daarvoor is " +
    "Excel 2019, Microsoft 365 of Excel op het web nodig). Open de aanvraag in een nieuwere Excel, " +
    "of maak de werkmap voor de gemeente met: npx awardscore share aanvraag.xlsx --out gemeente.xlsx",
} as const;

/** Issue 17 §3: rows below a table that stayed outside it (no Table.resize, or Excel refused it). */
export const tableGrowTexts = {
  notGrown: (sheet: string, table: string, first: number, last: number) =>
    `${sheet}: de tabel '${table}' kon niet worden vergroot; ` +
    `${first === last ? `rij ${first} is` : `rijen ${first} t/m ${last} zijn`} wel meegeteld. ` +
    `Sleep de hoek rechtsonder van de tabel tot onder rij ${last} om ${first === last ? "de rij" : "de rijen"} in de tabel op te nemen.`,
} as const;
