/**
 * Dutch texts that only the add-in's Excel host shows: what Excel itself did or could not
 * do (a workbook changed while reading, no new workbook, a table that did not grow). Every
 * text the workbook layer writes or reports (set-up, draw, sheet problems) is in
 * src/workbook/texts.ts.
 */

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

/** Issue 20: a CV proposal "Overnemen" did not write, with the workbook's status (Niet overgenomen: why). */
export const cvApplyTexts = {
  notApplied: (candidate: string, file: string, status: string) =>
    `${candidate} (${file}): ${status}`,
} as const;
