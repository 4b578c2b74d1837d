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
  tooOldTitle: string;
  /** Excel lacks requirement sets the add-in needs (`ExcelApi 1.9`, …): what is missing and what to use. */
  tooOld: (missing: string[]) => string;

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
  /** A CV requirement by id, never called a knock-out: "CV-eis E1". */
  cvRequirement: (id: string) => string;
  /** The request's CV requirements, with what failing one does (`CV-eisen: uitsluiten | alleen melden`). */
  cvRequirementsHeading: (exclude: boolean) => string;
  /** The CV requirements not met in a scoring, with what that did. */
  cvRequirementsFailed: (exclude: boolean) => string;
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

  afterHeading: string;
  shareAction: string;
  shareHint: string;
  sharing: string;
  shareDone: (top: number) => string;
  /** Sharing refused while the top is not final (issue 17): the cells to decide first. */
  shareNotFinal: (cells: string[]) => string;
  shareNotFinalHint: string;
  cleanUpNotFinal: (cells: string[]) => string;
  cleanUpNotFinalHint: string;
  cleanUpAction: string;
  cleanUpHint: string;
  cleaningUp: string;
  cleanUpConfirmTitle: string;
  cleanUpConfirmText: string;
  cleanUpConfirm: string;
  cleanUpCancel: string;
  cleanUpDone: (names: number, periods: number, kept: number) => string;
  /** After a clean-up that emptied `Voorstellen`: how many rows of CV lines went. */
  cleanUpProposals: (rows: number) => string;
  cleanUpNothing: string;
  /** Shown when the pane is opened again over results of an earlier scoring. */
  resultsMayBeStale: string;
  privacyReminderTitle: string;
  privacyReminder: (closed: string) => string;

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

  // The peildatum and the listing's date (issue 17 §1).
  /** After the peildatum when it is the response deadline: "(reactietermijn)". */
  referenceDateIsDeadline: string;
  listingClosingMoment: string;
  /** After the listing's date: it does not count. */
  listingClosingNotUsed: string;

  // CV intake (issue 20). Messages of the CV reader and notes of its proposals are Dutch in every language.
  cvHeading: string;
  cvHint: string;
  /** The button that opens the file chooser. */
  cvChoose: string;
  /** The drop zone's text. */
  cvDrop: string;
  cvReading: string;
  /** The label of a file's candidate drop-down. */
  cvCandidateFor: (file: string) => string;
  cvPickCandidate: string;
  /** No candidates on `Kandidaten` yet: type them first. */
  cvNoCandidates: string;
  cvRemoveFile: (file: string) => string;
  /** An error the reader did not word (a bug): naming the file. */
  cvUnreadable: (file: string, message: string) => string;
  /** Which proposals come ticked, and that nothing changes before "Overnemen". */
  cvReviewHint: string;
  cvProposalsFor: (candidate: string) => string;
  cvNoProposals: string;
  /** A CV requirement's proposal: `E1 CV-pagina's: 3`. */
  cvRequirementValue: (id: string, description: string, value: string) => string;
  /** A work period's proposal (`to` null: still running). */
  cvPeriod: (role: string, from: string, to: string | null) => string;
  /** The criteria a period is suggested to count for. */
  cvCountsFor: (ids: string[]) => string;
  /** A "Ja" for yes/no criteria, from education or a period. */
  cvYes: (ids: string[], fromEducation: boolean) => string;
  /** Where a proposal comes from. */
  cvEvidence: (file: string, page: number, line: number) => string;
  /** A proposal that cannot be applied, with the workbook's (Dutch) reason. */
  cvBlocked: (reason: string) => string;
  cvApply: string;
  /** How many are ticked, beside "Overnemen". */
  cvChecked: (checked: number, total: number) => string;
  cvApplying: string;
  /** After "Overnemen": what was written, and to score again. */
  cvApplied: (count: number) => string;
  cvClear: string;
}

const euro = (locale: string) => (amount: number) =>
  new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(amount);
const number = (locale: string) => (value: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
/** `a, b en c`: a list in running text, with the language's word for "and". */
const listOf = (items: string[], and: string) =>
  items.length < 2
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
/** `jjjj-mm-dd` → `dd-mm-jjjj` (Dutch) or `dd/mm/yyyy` (English); anything else unchanged. */
const date = (separator: string) => (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [m[3], m[2], m[1]].join(separator) : iso;
};

/** Dutch texts: the default. */
export const nl: Strings = {
  locale: "nl",
  appTitle: "AwardScore",
  tagline:
    "Knock-outcriteria controleren, gunningsscore berekenen en de top van de aanvraag markeren.",
  loading: "Bezig met laden…",
  notInExcel: "Deze pagina werkt in Excel. Open AwardScore via het lint in Excel.",
  tooOldTitle: "Excel is te oud",
  tooOld: (missing) =>
    `Deze versie van Excel is te oud voor AwardScore: ${listOf(missing, "en")} ${missing.length === 1 ? "ontbreekt" : "ontbreken"}. Gebruik Microsoft 365, Excel 2021 of nieuwer, of Excel op het web.`,

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
  knockedOut: "Afgewezen (knock-out of CV-eis)",
  incomplete: "Onvolledig",
  inTop: "In de top",
  needsDraw: "Loting nodig",
  knockoutsPerCriterion: "Knock-outs per criterium",
  noKnockouts: "Niemand is afgewezen op een knock-outcriterium.",
  cvRequirement: (id) => `CV-eis ${id}`,
  cvRequirementsHeading: (exclude) =>
    exclude ? "CV-eisen (wie er niet aan voldoet, valt af)" : "CV-eisen (alleen gemeld)",
  cvRequirementsFailed: (exclude) =>
    exclude ? "CV-eisen niet gehaald (valt af)" : "CV-eisen niet gehaald (alleen gemeld)",
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

  afterHeading: "Na de beoordeling",
  shareAction: "Delen met gemeente",
  shareHint:
    "Opent een nieuwe werkmap voor de gemeente: de regels, de top met hun scores, en stap 3 en 4 om in te vullen. Kandidaten buiten de top staan er alleen als aantal in.",
  sharing: "Werkmap voor de gemeente maken…",
  shareDone: (top) =>
    `De werkmap voor de gemeente is geopend in een nieuw venster (${top} ${top === 1 ? "kandidaat" : "kandidaten"} in de top). Sla hem op en stuur hem naar de gemeente.`,
  shareNotFinal: (cells) =>
    `De top is nog niet definitief, dus er is niets gedeeld. Beslis eerst ${cells.length === 1 ? "deze cel" : `deze ${cells.length} cellen`}: ${listOf(cells, "en")}.`,
  shareNotFinalHint:
    "Een onvolledige rij beslist u zelf: zegt het cv er niets over, typ dan Nee of 0. Bij een loting vult u de kolom Loting in. Beoordeel daarna opnieuw en deel dan.",
  cleanUpNotFinal: (cells) =>
    `De top is nog niet definitief, dus er is niets opgeschoond. Beslis eerst ${cells.length === 1 ? "deze cel" : `deze ${cells.length} cellen`}: ${listOf(cells, "en")}.`,
  cleanUpNotFinalHint:
    "Pas als vaststaat wie in de top zit, mag de rest worden opgeschoond. Beslis de cellen, beoordeel opnieuw en schoon dan op.",
  cleanUpAction: "Persoonsgegevens opschonen",
  cleanUpHint:
    "Na de gunning: de namen van de kandidaten buiten de top worden vervangen door een pseudoniem en hun werkervaring wordt gewist. De scores blijven.",
  cleaningUp: "Persoonsgegevens opschonen…",
  cleanUpConfirmTitle: "Persoonsgegevens opschonen?",
  cleanUpConfirmText:
    "In deze werkmap worden de namen van alle kandidaten buiten de top vervangen door een pseudoniem (zoals Kandidaat 07), in elke cel van elk blad (ook in de toelichtingen, de ranking en de afwijzingen); hun contactgegevens (e-mail, telefoon, adres) en hun werkervaring worden gewist, en het blad Voorstellen (regels uit cv's) wordt leeggemaakt. Dit kunt u niet ongedaan maken met Ctrl+Z: bewaar eerst een kopie als u die nog nodig hebt.",
  cleanUpConfirm: "Opschonen",
  cleanUpCancel: "Annuleren",
  cleanUpDone: (names, periods, kept) =>
    `Opgeschoond: ${names} ${names === 1 ? "naam" : "namen"} vervangen door een pseudoniem, ${periods} ${periods === 1 ? "periode" : "perioden"} werkervaring gewist; ${kept} ${kept === 1 ? "kandidaat" : "kandidaten"} in de top ongewijzigd.`,
  cleanUpNothing: "Er was niets meer op te schonen.",
  cleanUpProposals: (rows) =>
    `Het blad Voorstellen is leeggemaakt (${rows} ${rows === 1 ? "rij" : "rijen"} met regels uit cv's).`,
  resultsMayBeStale:
    "Deze uitslag is van de vorige beoordeling. Is de werkmap intussen gewijzigd, beoordeel dan opnieuw.",
  privacyReminderTitle: "Persoonsgegevens opschonen",
  privacyReminder: (closed) =>
    `De aanvraag sloot op ${closed}, meer dan 4 weken geleden. Schoon de persoonsgegevens op van de kandidaten die niet geselecteerd zijn.`,

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

  referenceDateIsDeadline: "(reactietermijn)",
  listingClosingMoment: "Einde inschrijfdatum",
  listingClosingNotUsed: "(telt niet mee)",

  // CV intake (issue 20).
  cvHeading: "CV's inlezen",
  cvHint:
    "Sleep de cv's (PDF of Word .docx) hierheen of kies ze. AwardScore leest ze alleen op deze computer en stelt waarden voor, elk met de regel waar die vandaan komt.",
  cvChoose: "CV's kiezen",
  cvDrop: "Of sleep cv-bestanden hierheen.",
  cvReading: "CV's lezen…",
  cvCandidateFor: (file) => `Kandidaat bij ${file}`,
  cvPickCandidate: "Kies de kandidaat",
  cvNoCandidates:
    "Er staan nog geen kandidaten op het blad Kandidaten. Typ eerst hun namen in de kolom Kandidaat.",
  cvRemoveFile: (file) => `${file} weghalen`,
  cvUnreadable: (file, message) => `${file}: kan niet worden gelezen (${message}).`,
  cvReviewHint:
    "Aangevinkt staat wat het cv zelf zegt: pagina's, taal, referenties en werkperiodes. Een Ja voor een knock-out en een geschat aantal pagina's vinkt u zelf aan, na het bewijs te hebben gelezen. Er verandert niets in de werkmap tot u op Overnemen klikt; een ingevulde cel blijft zoals hij is.",
  cvProposalsFor: (candidate) => `Voorstellen voor ${candidate}`,
  cvNoProposals: "Geen voorstellen uit dit cv.",
  cvRequirementValue: (id, description, value) => `${id} ${description}: ${value}`,
  cvPeriod: (role, from, to) =>
    `Werkervaring: ${role || "(functie onbekend)"}, ${date("-")(from)} – ${to === null ? "heden" : date("-")(to)}`,
  cvCountsFor: (ids) =>
    ids.length ? `Telt voor: ${ids.join(", ")}` : "Telt voor: (geen voorstel)",
  cvYes: (ids, fromEducation) =>
    `Ja voor ${listOf(ids, "en")} (${fromEducation ? "opleiding" : "werkperiode"})`,
  cvEvidence: (file, page, line) => `${file}, pagina ${page}, regel ${line}`,
  cvBlocked: (reason) => `Wordt niet overgenomen: ${reason}`,
  cvApply: "Overnemen",
  cvChecked: (checked, total) => `${checked} van ${total} aangevinkt`,
  cvApplying: "Voorstellen overnemen…",
  cvApplied: (count) =>
    `${count === 1 ? "1 voorstel" : `${count} voorstellen`} overgenomen in Werkervaring en Kandidaten. Klik op Controleren en beoordelen om opnieuw te scoren.`,
  cvClear: "CV's wissen",
};

/** English texts, for an English Office. */
export const en: Strings = {
  locale: "en",
  appTitle: "AwardScore",
  tagline: "Check the knock-out criteria, compute the award score and mark the top of the request.",
  loading: "Loading…",
  notInExcel: "This page works inside Excel. Open AwardScore from the ribbon in Excel.",
  tooOldTitle: "Excel is too old",
  tooOld: (missing) =>
    `This version of Excel is too old for AwardScore: ${listOf(missing, "and")} ${missing.length === 1 ? "is" : "are"} missing. Use Microsoft 365, Excel 2021 or later, or Excel on the web.`,

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
  knockedOut: "Excluded (knock-out or CV requirement)",
  incomplete: "Incomplete",
  inTop: "In the top",
  needsDraw: "Draw needed",
  knockoutsPerCriterion: "Knock-outs per criterion",
  noKnockouts: "Nobody failed a knock-out criterion.",
  cvRequirement: (id) => `CV requirement ${id}`,
  cvRequirementsHeading: (exclude) =>
    exclude
      ? "CV requirements (a candidate who fails one is excluded)"
      : "CV requirements (reported only)",
  cvRequirementsFailed: (exclude) =>
    exclude ? "CV requirements not met (excluded)" : "CV requirements not met (reported only)",
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

  afterHeading: "After scoring",
  shareAction: "Share with the municipality",
  shareHint:
    "Opens a new workbook for the municipality: the rules, the top with their scores, and steps 3 and 4 to fill in. Candidates outside the top appear only as counts.",
  sharing: "Making the workbook for the municipality…",
  shareDone: (top) =>
    `The workbook for the municipality is open in a new window (${top} ${top === 1 ? "candidate" : "candidates"} in the top). Save it and send it to the municipality.`,
  shareNotFinal: (cells) =>
    `The top is not final yet, so nothing was shared. First decide ${cells.length === 1 ? "this cell" : `these ${cells.length} cells`}: ${listOf(cells, "and")}.`,
  shareNotFinalHint:
    "An incomplete row is yours to decide: if the CV does not say, type Nee or 0. For a draw, fill in the Loting column. Then score again and share.",
  cleanUpNotFinal: (cells) =>
    `The top is not final yet, so nothing was cleaned up. First decide ${cells.length === 1 ? "this cell" : `these ${cells.length} cells`}: ${listOf(cells, "and")}.`,
  cleanUpNotFinalHint:
    "Only once it is settled who is in the top may the others be cleaned up. Decide the cells, score again, then clean up.",
  cleanUpAction: "Clean up personal data",
  cleanUpHint:
    "After the award: the names of the candidates outside the top are replaced by a pseudonym and their work history is cleared. The scores stay.",
  cleaningUp: "Cleaning up personal data…",
  cleanUpConfirmTitle: "Clean up personal data?",
  cleanUpConfirmText:
    "In this workbook the names of all candidates outside the top are replaced by a pseudonym (such as Kandidaat 07) in every cell of every sheet (the explanations, the ranking and the rejections too), and their contact details (e-mail, phone, address) and work history are cleared, and the Voorstellen sheet (lines from CVs) is emptied. Ctrl+Z cannot undo this: save a copy first if you still need one.",
  cleanUpConfirm: "Clean up",
  cleanUpCancel: "Cancel",
  cleanUpDone: (names, periods, kept) =>
    `Cleaned up: ${names} ${names === 1 ? "name" : "names"} replaced by a pseudonym, ${periods} ${periods === 1 ? "period" : "periods"} of work history cleared; ${kept} ${kept === 1 ? "candidate" : "candidates"} in the top unchanged.`,
  cleanUpNothing: "There was nothing left to clean up.",
  cleanUpProposals: (rows) =>
    `The Voorstellen sheet was emptied (${rows} ${rows === 1 ? "row" : "rows"} of lines from CVs).`,
  resultsMayBeStale:
    "These results are from the last scoring. If the workbook has changed since, score again.",
  privacyReminderTitle: "Clean up personal data",
  privacyReminder: (closed) =>
    `The request closed on ${closed}, more than 4 weeks ago. Clean up the personal data of the candidates who were not selected.`,

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

  referenceDateIsDeadline: "(response deadline)",
  listingClosingMoment: "Listing closes",
  listingClosingNotUsed: "(not used for scoring)",

  // CV intake (issue 20).
  cvHeading: "Read CVs",
  cvHint:
    "Drop the CVs (PDF or Word .docx) here or choose them. AwardScore reads them on this computer only and proposes values, each with the line it comes from.",
  cvChoose: "Choose CVs",
  cvDrop: "Or drop CV files here.",
  cvReading: "Reading CVs…",
  cvCandidateFor: (file) => `Candidate for ${file}`,
  cvPickCandidate: "Choose the candidate",
  cvNoCandidates:
    "There are no candidates on the Kandidaten sheet yet. First type their names in the Kandidaat column.",
  cvRemoveFile: (file) => `Remove ${file}`,
  cvUnreadable: (file, message) => `${file}: cannot be read (${message}).`,
  cvReviewHint:
    "Ticked is what the CV itself says: pages, language, references and work periods. A Ja for a knock-out and an estimated page count are yours to tick, after reading the evidence. Nothing in the workbook changes until you click Apply; a filled cell stays as it is.",
  cvProposalsFor: (candidate) => `Proposals for ${candidate}`,
  cvNoProposals: "No proposals from this CV.",
  cvRequirementValue: (id, description, value) => `${id} ${description}: ${value}`,
  cvPeriod: (role, from, to) =>
    `Work history: ${role || "(role unknown)"}, ${date("/")(from)} – ${to === null ? "present" : date("/")(to)}`,
  cvCountsFor: (ids) =>
    ids.length ? `Counts for: ${ids.join(", ")}` : "Counts for: (no suggestion)",
  cvYes: (ids, fromEducation) =>
    `Ja for ${listOf(ids, "and")} (${fromEducation ? "education" : "work period"})`,
  cvEvidence: (file, page, line) => `${file}, page ${page}, line ${line}`,
  cvBlocked: (reason) => `Will not be applied: ${reason}`,
  cvApply: "Apply",
  cvChecked: (checked, total) => `${checked} of ${total} ticked`,
  cvApplying: "Applying proposals…",
  cvApplied: (count) =>
    `${count === 1 ? "1 proposal" : `${count} proposals`} applied to Werkervaring and Kandidaten. Click Check and score to score again.`,
  cvClear: "Clear CVs",
};

/**
 * The display languages that get the English texts: exactly the locales that manifest.xml
 * overrides to English (ribbon, add-in name, function help), so the pane never speaks
 * another language than the rest of the add-in. Office reports the UI language as a BCP 47
 * tag; an English variant not listed here gets Dutch everywhere, the pane included.
 */
export const englishLocales: readonly string[] = [
  "en-US",
  "en-GB",
  "en-AU",
  "en-CA",
  "en-IE",
  "en-IN",
  "en-NZ",
  "en-ZA",
];

/**
 * Chooses the texts for Office's display language: English for the {@link englishLocales}
 * (any case), Dutch for anything else (the users are Dutch).
 *
 * @example stringsFor("en-GB") === en; stringsFor("nl-NL") === nl; stringsFor("en-SG") === nl
 */
export function stringsFor(displayLanguage: string | undefined): Strings {
  const language = displayLanguage?.toLowerCase();
  return englishLocales.some((locale) => locale.toLowerCase() === language) ? en : nl;
}
