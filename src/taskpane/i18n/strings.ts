/**
 * Every text the task pane shows, one object per language (Dutch first).
 * Components take a {@link Strings} and never hold text of their own.
 */

/** The texts of the task pane in one language. */
export interface Strings {
  appTitle: string;
  tagline: string;
  loading: string;
  notInExcel: string;
}

/** Dutch texts: the default. */
export const nl: Strings = {
  appTitle: "AwardScore",
  tagline: "Knock-outcriteria controleren, gunningsscore berekenen en de top 10 markeren.",
  loading: "Bezig met laden…",
  notInExcel: "Deze pagina werkt in Excel. Open AwardScore via het lint in Excel.",
};

/** English texts, for an English Office. */
export const en: Strings = {
  appTitle: "AwardScore",
  tagline: "Check the knock-out criteria, compute the award score and mark the top 10.",
  loading: "Loading…",
  notInExcel: "This page works inside Excel. Open AwardScore from the ribbon in Excel.",
};

/**
 * Chooses the texts for Office's display language: Dutch for `nl-*`, English otherwise
 * only when the language is English, Dutch for anything else (the users are Dutch).
 * @example stringsFor('en-US') === en; stringsFor('nl-NL') === nl
 */
export function stringsFor(displayLanguage: string | undefined): Strings {
  return displayLanguage?.toLowerCase().startsWith("en") ? en : nl;
}
