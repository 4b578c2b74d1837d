/**
 * The set-up's texts ("Instellen"), part of the workbook layer's texts (src/workbook/texts.ts
 * re-exports them). A file of their own because the task pane shows the word for a blank
 * request before it loads any workbook code (src/taskpane/officeApi.ts): this file is all
 * the pane's first paint takes of the workbook layer.
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
