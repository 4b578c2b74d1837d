/**
 * Every text the task pane shows, one object per language (Dutch first).
 * Components take a {@link Strings} and never hold text of their own.
 * Messages that come from the workbook (problems, fatal errors) are Dutch in every language.
 */

/** The texts of the task pane in one language, with its number and date formats. */
export interface Strings {
  /** BCP 47 tag for `lang` and number formats. */
  locale: string;
  appTitle: string;
  tagline: string;
  loading: string;
  notInExcel: string;

  notSetUpTitle: string;
  notSetUpText: string;
  startFromPreset: (id: string, title: string) => string;
  startBlank: string;
  settingUp: string;

  requestHeading: (id: string, title: string) => string;
  organisation: string;
  referenceDate: string;
  maxRate: string;
  topN: string;
  knockoutsHeading: string;
  awardsHeading: string;
  points: (points: number) => string;
  editRequest: string;

  scoreAction: string;
  scoring: string;
  scoreHint: string;

  resultsHeading: string;
  received: string;
  eligible: string;
  knockedOut: string;
  incomplete: string;
  inTop: string;
  needsDraw: string;
  knockoutsPerCriterion: string;
  noKnockouts: string;
  topHeading: (n: number) => string;
  topEmpty: string;
  columnRank: string;
  columnName: string;
  columnScore: string;
  columnRate: string;
  columnMarks: string;
  markTie: string;
  markNeedsDraw: string;
  markDrawn: string;
  noRate: string;

  drawNeededTitle: string;
  drawNeededText: (names: string[], from: number, to: number) => string;
  recordDraw: string;
  drawDialogTitle: string;
  drawDialogText: (from: number, to: number) => string;
  drawLotFor: (name: string) => string;
  drawDuplicate: string;
  drawSave: string;
  drawCancel: string;
  recordingDraw: string;

  problemsHeading: (count: number) => string;
  problemLink: (sheet: string, cell: string) => string;

  errorTitle: string;
  workbookErrorHint: string;
  officeErrorHint: string;
  unexpectedError: (message: string) => string;
  unexpectedErrorHint: string;
  dismiss: string;

  formatEuro: (amount: number) => string;
  formatNumber: (value: number) => string;
  formatDate: (iso: string) => string;
}

const euro = (locale: string) => (amount: number) =>
  new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(amount);
const number = (locale: string) => (value: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
/** `jjjj-mm-dd` → `dd-mm-jjjj` (Dutch) or `dd/mm/yyyy` (English); anything else unchanged. */
const date = (separator: string) => (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [m[3], m[2], m[1]].join(separator) : iso;
};

/** Dutch texts: the default. */
export const nl: Strings = {
  locale: "nl",
  appTitle: "AwardScore",
  tagline: "Knock-outcriteria controleren, gunningsscore berekenen en de top 10 markeren.",
  loading: "Bezig met laden…",
  notInExcel: "Deze pagina werkt in Excel. Open AwardScore via het lint in Excel.",

  notSetUpTitle: "Nieuwe beoordeling",
  notSetUpText:
    "Deze werkmap is nog niet ingericht. Begin met een bekende aanvraag of met een lege aanvraag die u zelf invult op het blad Aanvraag.",
  startFromPreset: (id, title) => `Aanvraag ${id} – ${title}`,
  startBlank: "Lege aanvraag",
  settingUp: "Werkmap inrichten…",

  requestHeading: (id, title) => `Aanvraag ${id}: ${title}`,
  organisation: "Opdrachtgever",
  referenceDate: "Peildatum",
  maxRate: "Maximaal uurtarief",
  topN: "Top",
  knockoutsHeading: "Knock-outcriteria",
  awardsHeading: "Gunningscriteria",
  points: (points) => `${points} punten`,
  editRequest: "Aanvraag bewerken (blad Aanvraag)",

  scoreAction: "Controleren en beoordelen",
  scoring: "Bezig met controleren en beoordelen…",
  scoreHint: "Vul de kandidaten in op het blad Kandidaten en kies dan Controleren en beoordelen.",

  resultsHeading: "Resultaat",
  received: "Ontvangen",
  eligible: "Geschikt",
  knockedOut: "Afgewezen (knock-out)",
  incomplete: "Onvolledig",
  inTop: "In de top",
  needsDraw: "Loting nodig",
  knockoutsPerCriterion: "Knock-outs per criterium",
  noKnockouts: "Niemand is afgewezen op een knock-outcriterium.",
  topHeading: (n) => `Top ${n}`,
  topEmpty: "Nog geen geschikte kandidaten.",
  columnRank: "Rang",
  columnName: "Kandidaat",
  columnScore: "Score",
  columnRate: "Uurtarief",
  columnMarks: "Opmerking",
  markTie: "Gelijk",
  markNeedsDraw: "Loting nodig",
  markDrawn: "Geloot",
  noRate: "–",

  drawNeededTitle: "Loting nodig",
  drawNeededText: (names, from, to) =>
    `${names.join(", ")} hebben dezelfde score en hetzelfde uurtarief en strijden om plaats ${from} tot en met ${to}. Leg de uitkomst van de loting vast.`,
  recordDraw: "Loting vastleggen",
  drawDialogTitle: "Loting vastleggen",
  drawDialogText: (from, to) =>
    `Geef elke kandidaat het lotnummer uit de loting (1 is het hoogst) voor plaats ${from} tot en met ${to}. Daarna wordt opnieuw beoordeeld.`,
  drawLotFor: (name) => `Lotnummer van ${name}`,
  drawDuplicate: "Elk lotnummer mag maar één keer voorkomen.",
  drawSave: "Vastleggen en opnieuw beoordelen",
  drawCancel: "Annuleren",
  recordingDraw: "Loting vastleggen en opnieuw beoordelen…",

  problemsHeading: (count) => (count === 1 ? "1 probleem" : `${count} problemen`),
  problemLink: (sheet, cell) => `${sheet}!${cell}`,

  errorTitle: "Dat lukte niet",
  workbookErrorHint: "Pas de werkmap aan zoals hierboven staat en probeer het opnieuw.",
  officeErrorHint:
    "Excel kon de opdracht niet uitvoeren. Sluit een geopende celbewerking af (Enter of Esc) en probeer het opnieuw.",
  unexpectedError: (message) => `Er ging iets mis: ${message}`,
  unexpectedErrorHint:
    "Probeer het opnieuw. Blijft het misgaan, sluit dan het taakvenster en open het opnieuw.",
  dismiss: "Sluiten",

  formatEuro: euro("nl-NL"),
  formatNumber: number("nl-NL"),
  formatDate: date("-"),
};

/** English texts, for an English Office. */
export const en: Strings = {
  locale: "en",
  appTitle: "AwardScore",
  tagline: "Check the knock-out criteria, compute the award score and mark the top 10.",
  loading: "Loading…",
  notInExcel: "This page works inside Excel. Open AwardScore from the ribbon in Excel.",

  notSetUpTitle: "New evaluation",
  notSetUpText:
    "This workbook is not set up yet. Start from a known request or from a blank request that you fill in on the Aanvraag sheet.",
  startFromPreset: (id, title) => `Request ${id} – ${title}`,
  startBlank: "Blank request",
  settingUp: "Setting up the workbook…",

  requestHeading: (id, title) => `Request ${id}: ${title}`,
  organisation: "Client",
  referenceDate: "Reference date",
  maxRate: "Maximum hourly rate",
  topN: "Top",
  knockoutsHeading: "Knock-out criteria",
  awardsHeading: "Award criteria",
  points: (points) => `${points} points`,
  editRequest: "Edit the request (Aanvraag sheet)",

  scoreAction: "Check and score",
  scoring: "Checking and scoring…",
  scoreHint: "Enter the candidates on the Kandidaten sheet, then choose Check and score.",

  resultsHeading: "Result",
  received: "Received",
  eligible: "Eligible",
  knockedOut: "Knocked out",
  incomplete: "Incomplete",
  inTop: "In the top",
  needsDraw: "Draw needed",
  knockoutsPerCriterion: "Knock-outs per criterion",
  noKnockouts: "Nobody failed a knock-out criterion.",
  topHeading: (n) => `Top ${n}`,
  topEmpty: "No eligible candidates yet.",
  columnRank: "Rank",
  columnName: "Candidate",
  columnScore: "Score",
  columnRate: "Hourly rate",
  columnMarks: "Note",
  markTie: "Tie",
  markNeedsDraw: "Draw needed",
  markDrawn: "Drawn",
  noRate: "–",

  drawNeededTitle: "Draw needed",
  drawNeededText: (names, from, to) =>
    `${names.join(", ")} have the same score and the same hourly rate and compete for places ${from} to ${to}. Record the outcome of the draw.`,
  recordDraw: "Record the draw",
  drawDialogTitle: "Record the draw",
  drawDialogText: (from, to) =>
    `Give each candidate their lot number from the draw (1 ranks highest) for places ${from} to ${to}. The candidates are then scored again.`,
  drawLotFor: (name) => `Lot number of ${name}`,
  drawDuplicate: "Each lot number may occur only once.",
  drawSave: "Record and score again",
  drawCancel: "Cancel",
  recordingDraw: "Recording the draw and scoring again…",

  problemsHeading: (count) => (count === 1 ? "1 problem" : `${count} problems`),
  problemLink: (sheet, cell) => `${sheet}!${cell}`,

  errorTitle: "That did not work",
  workbookErrorHint: "Change the workbook as described above and try again.",
  officeErrorHint:
    "Excel could not carry out the command. Finish any cell you are editing (Enter or Esc) and try again.",
  unexpectedError: (message) => `Something went wrong: ${message}`,
  unexpectedErrorHint: "Try again. If it keeps failing, close the task pane and open it again.",
  dismiss: "Close",

  formatEuro: euro("en-GB"),
  formatNumber: number("en-GB"),
  formatDate: date("/"),
};

/**
 * Chooses the texts for Office's display language: English for `en-*`, Dutch for
 * anything else (the users are Dutch).
 * @example stringsFor('en-US') === en; stringsFor('nl-NL') === nl
 */
export function stringsFor(displayLanguage: string | undefined): Strings {
  return displayLanguage?.toLowerCase().startsWith("en") ? en : nl;
}
