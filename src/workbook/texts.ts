/**
 * Every Dutch text of the workbook layer and the command line in one place:
 * sheet and table names, headers, labels of the `Aanvraag` sheet, words written
 * into cells, fatal errors, problems and the terminal summary. The engine's own
 * messages (values, candidates, periods, request fields) stay in the engine.
 */
import {
  cvRequirementText,
  cvRequirementWords,
  formatDate,
  formatEuro,
  formatNumber,
  joinList,
  type CvRequirementPolicy,
} from "../engine";

/** Sheet names the add-in creates and reads. */
export const sheetNames = {
  request: "Aanvraag",
  candidates: "Kandidaten",
  periods: "Werkervaring",
  ranking: "Ranking",
} as const;

/** Table names (also the defined names the `FLEX` formulas use). */
export const tableNames = {
  candidates: "Kandidaten",
  periods: "Werkervaring",
  knockouts: "Knockoutcriteria",
  awards: "Gunningscriteria",
  competencies: "Competenties",
  facts: "Gegevens",
  ranking: "Rangorde",
} as const;

/** Fixed headers of the `Kandidaten` table (input) and the add-in's output headers. */
export const candidateHeaders = {
  name: "Kandidaat",
  supplier: "Leverancier",
  rate: "Uurtarief",
  drawOrder: "Loting",
  status: "Status",
  knockout: "Knock-out",
  score: "Score",
  rank: "Rang",
  top: "Top 10",
  reason: "Toelichting",
} as const;

/** Headers of the `Werkervaring` table. */
export const periodHeaders = {
  candidate: "Kandidaat",
  role: "Functie",
  countsFor: "Telt voor",
  from: "Van",
  to: "Tot",
} as const;

/** Headers of the criteria tables on the `Aanvraag` sheet (words the FLEX functions also recognise). */
export const criteriaHeaders = {
  id: "Id",
  description: "Omschrijving",
  header: "Kolomkop",
  valueKind: "Soort waarde",
  rule: "Toets",
  limit: "Grens",
  window: "Periode (jaren)",
  optional: "Optioneel",
  scoring: "Scoring",
  threshold: "Drempel",
  maximum: "Maximum",
  steps: "Treden",
  points: "Punten",
  competency: "Competentie",
  factLabel: "Gegeven",
  factValue: "Waarde",
} as const;

/** Words written into cells (and read back from them). */
export const cellWords = {
  yes: "Ja",
  no: "Nee",
  notApplicable: "n.v.t.",
  draw: "Loting",
  ok: "OK",
  status: { eligible: "Geschikt", knockedOut: "Valt af", incomplete: "Onvolledig" },
  valueKind: {
    yesNo: "Ja/Nee",
    yesNoNotApplicable: "Ja/Nee/n.v.t.",
    years: "Jaren",
    count: "Aantal",
    amount: "Bedrag",
  },
  rule: {
    yes: "Ja",
    atLeast: "Minimaal",
    atMost: "Maximaal",
    coversContractValue: "Dekt opdrachtwaarde",
    maxRate: "Maximumtarief",
  },
  scoring: { allOrNothing: "Alles of niets", tiered: "Treden", linear: "Lineair" },
} as const;

/** Labels of the settings rows on the `Aanvraag` sheet, and the section titles. */
export const requestSheetTexts = {
  title: (id: string, title: string) => `Aanvraag ${id} — ${title}`.trim(),
  settingHeader: "Instelling",
  valueHeader: "Waarde",
  noteHeader: "Toelichting",
  knockoutsTitle:
    "Knock-outcriteria (K…) en CV-eisen (E…: alleen als de kolom er is; zie CV-eisen hierboven)",
  awardsTitle:
    "Gunningscriteria (Scoring: Alles of niets met Drempel; Treden als 'vanaf:punten; …'; Lineair van Drempel tot Maximum)",
  competenciesTitle: "Competenties (stap 4)",
  factsTitle: "Overige gegevens",
  labels: {
    id: "Aanvraagnummer",
    title: "Titel",
    organisation: "Organisatie",
    referenceDate: "Peildatum",
    closingMoment: "Sluitingsmoment",
    maxRate: "Maximumtarief",
    topN: "Top N",
    hoursMin: "Minimum uren per week",
    hoursMax: "Maximum uren per week",
    termWeeks: "Looptijd in weken",
    extensionCount: "Aantal verlengingsopties",
    extensionWeeks: "Weken per verlenging",
    includeExtensions: "Opties tellen mee",
    feePerHour: "Fee per uur",
    scale: "Beoordelingsschaal",
    passFrom: "Voldoende vanaf",
    minAssessors: "Minimum aantal beoordelaars",
    cvRequirements: cvRequirementText.label,
  },
  notes: {
    referenceDate: "Einddatum van elke ervaringsperiode; staat op elk rapport.",
    maxRate: "K8: hoogste uurtarief excl. btw, incl. reiskosten en platformfee.",
    topN: "Zoveel kandidaten gaan naar de gemeente.",
    hoursMax: "Opdrachtwaarde = tarief × maximum uren × weken.",
    includeExtensions: "Ja: de opdrachtwaarde voor K7 telt de verlengingsopties mee.",
    scale: "Van slecht naar goed, gescheiden door ;",
    cvRequirements:
      `E1–E3 zijn CV-eisen, geen knock-outcriteria. ${cvRequirementWords.exclude} (ook als deze cel ` +
      `leeg is): wie niet aan een CV-eis voldoet, valt af; ${cvRequirementWords.report}: het staat ` +
      `in de Toelichting, score en rang blijven gelijk.`,
  },
} as const;

/** Texts of the `Ranking` sheet. */
export const rankingTexts = {
  title: (id: string, title: string) => `Ranking aanvraag ${id} — ${title}`,
  subtitle: (referenceDate: string, topN: number, eligible: number, received: number) =>
    `Peildatum ${formatDate(referenceDate)} · top ${topN} · ${eligible} van ${received} kandidaten geschikt`,
  headers: {
    place: "Plaats",
    rank: "Rang",
    name: "Kandidaat",
    supplier: "Leverancier",
    rate: "Uurtarief",
    score: "Score",
    top: "Top 10",
    note: "Opmerking",
  },
  tie: (names: string[]) => `Gelijke stand met ${joinList(names)}`,
  draw: "Loting nodig",
  drawn: "Volgorde door loting",
  empty: "Geen geschikte kandidaten.",
  chartTitle: "Score per kandidaat",
} as const;

/** Fatal errors: the workbook cannot be scored (the command exits with 2). */
export const fatalMessages = {
  noSheet: (sheet: string) =>
    `Het blad '${sheet}' ontbreekt. Voeg een blad '${sheet}' toe met de kandidaten, met de kolomkoppen in rij 1 (of als Excel-tabel).`,
  noHeader: (sheet: string, header: string) =>
    `Het blad '${sheet}' heeft geen kolom '${header}'. Voeg die kolom toe (kolomkop '${header}').`,
  noCriterionColumn: (sheet: string, header: string) =>
    `Het blad '${sheet}' heeft geen kolom voor ${header.split(" ")[0]}. Voeg de kolom '${header}' toe; ` +
    `de kolom wordt herkend aan het id vooraan.`,
  duplicateColumn: (sheet: string, what: string, cells: string[]) =>
    `Het blad '${sheet}' heeft meer dan één kolom voor ${what} (${joinList(cells)}). Houd er één over.`,
  occupied: (sheet: string, cell: string, header: string) =>
    `${sheet}!${cell}: hier zou de uitvoerkolom '${header}' komen, maar de cel is niet leeg. ` +
    `Maak de kolom rechts van de kandidaten vrij; er wordt niets overschreven.`,
  foreignSheet: (sheet: string) =>
    `Het blad '${sheet}' bestaat al en bevat iets anders dan de uitvoer van AwardScore. ` +
    `Hernoem of verwijder dat blad; er wordt niets overschreven.`,
  noRequest: (presetIds: string[]) =>
    `Het blad '${sheetNames.request}' ontbreekt en er is geen preset gekozen. ` +
    `Voeg het blad '${sheetNames.request}' toe, of kies een preset met --preset (${joinList(presetIds)}).`,
  unknownPreset: (id: string, presetIds: string[]) =>
    `Onbekende preset '${id}'. Beschikbaar: ${joinList(presetIds)}.`,
  invalidRequest: (count: number) =>
    `Het blad '${sheetNames.request}' bevat ${count === 1 ? "een fout" : `${count} fouten`}; er is niet gescoord. ` +
    `Herstel ${count === 1 ? "de cel" : "de cellen"} hieronder.`,
  noTable: (sheet: string, table: string, marker: string) =>
    `Het blad '${sheet}' heeft geen tabel '${table}' en geen blok met de kolomkoppen 'Id' en '${marker}'. ` +
    `Maak het blad opnieuw met 'awardscore template' of herstel de tabel.`,
} as const;

/** Problems with cells of the `Aanvraag` sheet that the engine's validateRequest cannot see (reading). */
export const requestCellMessages = {
  missingSetting: (label: string) =>
    `${label} ontbreekt: geen rij met '${label}' in kolom A. Voeg de rij toe of maak het blad opnieuw met 'awardscore template'.`,
  field: (label: string, message: string) => `${label}: ${message}`,
  unknownWord: (label: string, value: string, allowed: string[]) =>
    `${label}: onbekende waarde '${value}'. Kies uit ${joinList(allowed.map((a) => `'${a}'`))}.`,
  invalidSteps: (value: string) =>
    `Treden: '${value}' is niet te lezen. Schrijf 'vanaf:punten' gescheiden door ;, bijvoorbeeld '2:10; 5:30'.`,
  invalidMoment: (value: string) =>
    `Sluitingsmoment: '${value}' is niet te lezen. Typ bijvoorbeeld 04-10-2024 11:25.`,
  emptyTable: (table: string) => `De tabel '${table}' heeft geen criteria.`,
} as const;

/** The command line's own texts: usage, errors, the summary. */
export const cliTexts = {
  usage: [
    "Gebruik:",
    "  awardscore template [--preset 17040] --out BESTAND.xlsx",
    "  awardscore score IN.xlsx [--preset ID] [--out UIT.xlsx] [--json PAD|-]",
    "  awardscore share IN.xlsx --out UIT.xlsx [--preset ID]",
    "  awardscore opschonen IN.xlsx [--out UIT.xlsx] [--preset ID]",
    "",
    "  template  maakt een nieuwe aanvraagwerkmap (Aanvraag, Kandidaten, Werkervaring, Ranking).",
    "  score     beoordeelt de kandidaten in IN.xlsx en schrijft UIT.xlsx (standaard IN-beoordeeld.xlsx);",
    "            IN.xlsx zelf blijft ongewijzigd. --json - schrijft de uitslag als JSON naar stdout.",
    "            Het blad Afwijzingen krijgt een alinea per kandidaat buiten de top, voor de leverancier.",
    "  share     maakt de werkmap voor de gemeente (Voorblad, Top 10, Stap 3, Stap 4): alleen de top,",
    "            als waarden; de anderen alleen als aantallen. Scoort eerst; IN.xlsx blijft ongewijzigd.",
    "  opschonen vervangt na de gunning de namen van de niet-geselecteerde kandidaten door een",
    "            pseudoniem (Kandidaat 07) en wist hun werkervaring; schrijft UIT.xlsx",
    "            (standaard IN-opgeschoond.xlsx). De kandidaten in de top blijven ongewijzigd.",
  ].join("\n"),
  unknownCommand: (command: string) =>
    `Onbekende opdracht '${command}'. Kies 'template', 'score', 'share' of 'opschonen'.`,
  noCommand: "Geef een opdracht: 'template', 'score', 'share' of 'opschonen'.",
  badOption: (detail: string) => `Ongeldige optie: ${detail}`,
  outRequired:
    "Geef met --out aan waar de nieuwe werkmap moet komen, bijvoorbeeld --out aanvraag.xlsx.",
  inRequired:
    "Geef de werkmap op die beoordeeld moet worden, bijvoorbeeld: awardscore score aanvraag.xlsx",
  tooManyArguments: (extra: string[]) => `Onverwacht argument: ${joinList(extra)}.`,
  notXlsxName: (file: string) =>
    `'${file}' is geen .xlsx-bestand. Geef een werkmap op die eindigt op .xlsx.`,
  notFound: (file: string) => `Bestand niet gevonden: '${file}'.`,
  unreadable: (file: string) =>
    `'${file}' is geen leesbare .xlsx-werkmap. Sla het bestand in Excel op als Excel-werkmap (.xlsx).`,
  outIsIn: (file: string) =>
    `De uitvoer mag niet hetzelfde bestand zijn als de invoer ('${file}'): de invoer wordt nooit gewijzigd.`,
  exists: (file: string) => `'${file}' bestaat al. Kies een andere naam of gebruik --force.`,
  cannotWrite: (file: string, reason: string) => `Kan '${file}' niet schrijven: ${reason}`,
  presetIgnored: (id: string) =>
    `Let op: --preset ${id} is niet gebruikt; het blad 'Aanvraag' in de werkmap bepaalt de aanvraag.`,
  written: (file: string) => `Geschreven: ${file}`,
  jsonWritten: (file: string) => `JSON: ${file}`,
  templateWritten: (file: string, id: string) =>
    `Nieuwe werkmap voor aanvraag ${id}: ${file}. Vul de kandidaten in op het blad 'Kandidaten' en beoordeel met: awardscore score ${file}`,
  progress: "Beoordelen",
  internalError: (detail: string) => `Interne fout: ${detail}`,
} as const;

/** The Dutch terminal summary of a scoring. */
export const summaryTexts = {
  heading: (id: string, title: string, organisation: string) =>
    `Aanvraag ${id} — ${title}${organisation ? ` (${organisation})` : ""}`,
  reference: (referenceDate: string, topN: number) =>
    `Peildatum ${formatDate(referenceDate)} · top ${topN}`,
  counts: (received: number, eligible: number, knockedOut: number, incomplete: number) =>
    `Kandidaten: ${received} — ${eligible} geschikt, ${knockedOut} ${knockedOut === 1 ? "valt" : "vallen"} af, ${incomplete} onvolledig`,
  knockoutsHeading: "Knock-outs per criterium:",
  knockoutLine: (id: string, count: number, description: string) =>
    `  ${id.padEnd(4)}${String(count).padStart(3)}×  ${description}`,
  noKnockouts: "Knock-outs: geen",
  /** CV requirements (E…) have their own heading: they are no knock-outs, and the request decides what failing one does. */
  cvRequirementsHeading: (policy: CvRequirementPolicy) =>
    policy === "exclude"
      ? `CV-eisen niet gehaald (CV-eisen: ${cvRequirementWords.exclude}, dus valt af):`
      : `CV-eisen niet gehaald (CV-eisen: ${cvRequirementWords.report}, telt niet mee):`,
  noCvRequirements: "CV-eisen niet gehaald: geen",
  topHeading: (topN: number, count: number) =>
    count === 0 ? `Top ${topN}: nog niemand` : `Top ${topN}:`,
  topLine: (
    rank: number,
    shared: boolean,
    name: string,
    supplier: string,
    score: number,
    rate: number
  ) =>
    `  ${`${rank}${shared ? "=" : ""}`.padStart(4)}  ${name}${supplier ? ` (${supplier})` : ""} — ` +
    `${formatNumber(score)} punten, ${formatEuro(rate)}`,
  tiesHeading: "Gelijke stand (zelfde score en uurtarief):",
  tieLine: (names: string[], score: number, rate: number) =>
    `  ${joinList(names)}: ${formatNumber(score)} punten, ${formatEuro(rate)}`,
  drawHeading: "Loting nodig:",
  drawLine: (names: string[], from: number, to: number) =>
    `  ${joinList(names)} ${from === to ? `voor plaats ${to}` : `voor plaats ${from} t/m ${to}`} — vul de kolom Loting in en beoordeel opnieuw`,
  problemsHeading: (count: number) => `Problemen (${count}):`,
  noProblems: "Problemen: geen",
  moreProblems: (count: number) => `  … en nog ${count} (alle problemen staan in --json)`,
} as const;

/** Texts of the `Afwijzingen` sheet: one paragraph per candidate not in the top, for the supplier. */
export const rejectionTexts = {
  sheet: "Afwijzingen",
  title: (id: string, title: string) => `Afwijzingen aanvraag ${id} — ${title}`,
  subtitle: (referenceDate: string, topN: number) =>
    `Peildatum ${formatDate(referenceDate)} · één alinea per kandidaat buiten de top ${topN}, ` +
    `om naar de leverancier te sturen. Alleen voor intern gebruik; gaat niet naar de gemeente.`,
  headers: {
    row: "Rij",
    name: "Kandidaat",
    supplier: "Leverancier",
    status: "Status",
    send: "Versturen",
    text: "Tekst voor de leverancier",
  },
  status: {
    knockedOut: "Valt af",
    incomplete: "Onvolledig",
    outsideTop: "Buiten de top",
    needsDraw: "Loting nodig",
  },
  yes: "Ja",
  notYet: "Nog niet",
  empty: "Alle kandidaten zitten in de top; er zijn geen afwijzingen.",
  who: (name: string, supplier: string) => (supplier ? `${name} (${supplier})` : name),
  request: (id: string, title: string, organisation: string) =>
    `aanvraag ${id}, ${title}${organisation ? ` (${organisation})` : ""}`,
  /** `cvDetails`: the CV requirements that excluded too (see cvDetail), never called knock-outs. */
  knockedOut: (who: string, request: string, details: string[], cvDetails: string[] = []) =>
    `${who} is niet geselecteerd voor ${request}. De kandidaat voldoet niet aan ` +
    [
      ...(details.length > 0
        ? [
            `${details.length === 1 ? "het knock-outcriterium" : "de knock-outcriteria"} ${joinList(details)}`,
          ]
        : []),
      ...(cvDetails.length > 0 ? [joinList(cvDetails)] : []),
    ].join(" en niet aan ") +
    `. Wie niet aan ${
      cvDetails.length === 0
        ? "alle knock-outcriteria"
        : details.length === 0
          ? "de CV-eisen"
          : "alle knock-outcriteria en CV-eisen"
    } voldoet, kan niet verder meedingen.`,
  /** A CV requirement in a letter: "CV-eis E1 (CV van maximaal 5 pagina's): CV-pagina's is 6, …". */
  cvDetail: (id: string, description: string, failure: string) =>
    `${cvRequirementText.name(id)} (${description}): ${failure}`,
  /** Added to any letter when the request only reports failed CV requirements (`CV-eisen: alleen melden`). */
  cvReported: (details: string[]) =>
    ` Het cv voldoet niet aan ${joinList(details)}; volgens de aanvraag wordt dat alleen gemeld ` +
    `en telt het niet mee voor de selectie.`,
  knockoutDetail: (id: string, description: string, failure: string) =>
    `${id} (${description}): ${failure}`,
  outsideTop: (
    who: string,
    request: string,
    score: number,
    max: number,
    rank: number,
    topN: number,
    cutoff: number | null,
    sameScore: boolean
  ) =>
    `${who} voldoet aan alle knock-outcriteria, maar is niet geselecteerd voor ${request}. ` +
    `Met een score van ${formatNumber(score)} van ${formatNumber(max)} punten staat de kandidaat op rang ${rank}; ` +
    `de gemeente ontvangt de ${topN} best scorende kandidaten` +
    (cutoff === null
      ? "."
      : ` en plaats ${topN} heeft een score van ${formatNumber(cutoff)} punten.`) +
    (sameScore ? " Bij gelijke score gaat de kandidaat met het laagste uurtarief voor." : ""),
  needsDraw: (who: string, request: string, from: number, to: number) =>
    `${who} heeft voor ${request} dezelfde score en hetzelfde uurtarief als andere kandidaten rond ` +
    `plaats ${to}; een loting beslist over ${from === to ? `plaats ${to}` : `plaats ${from} t/m ${to}`}. ` +
    `Nog niet versturen: na de loting volgt de uitslag.`,
  incomplete: (who: string, request: string, fields: string[]) =>
    `${who} is niet beoordeeld voor ${request}: de inschrijving was onvolledig. ` +
    `Van ${joinList(fields)} ontbrak een bruikbare waarde.`,
  rateField: "het uurtarief",
  field: (id: string, description: string) => `${id} (${description})`,
} as const;

/** Texts of "Persoonsgegevens opschonen" (the `opschonen` command and the task-pane reminder). */
export const privacyTexts = {
  pseudonym: (index: number, width: number) => `Kandidaat ${String(index).padStart(width, "0")}`,
  drawPending:
    "Er is nog een loting nodig: eerst moet vaststaan wie in de top zit. " +
    "Vul de kolom Loting in, beoordeel opnieuw en schoon daarna op.",
  done: (count: number, periods: number, kept: number) =>
    `Opgeschoond: ${count} ${count === 1 ? "naam" : "namen"} vervangen door een pseudoniem, ` +
    `${periods} ${periods === 1 ? "periode" : "perioden"} werkervaring gewist; ` +
    `${kept} ${kept === 1 ? "kandidaat" : "kandidaten"} in de top ongewijzigd.`,
  nothing: "Er was niets op te schonen: alle kandidaten zitten in de top.",
  reminder: (closed: string) =>
    `De aanvraag sloot op ${closed}, meer dan 4 weken geleden. Schoon de persoonsgegevens op ` +
    `van de kandidaten die niet geselecteerd zijn (Persoonsgegevens opschonen).`,
  actionLabel: "Persoonsgegevens opschonen",
} as const;

/** The command line's texts for `share` and `opschonen`. */
export const shareCliTexts = {
  shareOutRequired:
    "Geef met --out aan waar de werkmap voor de gemeente moet komen, bijvoorbeeld --out gemeente.xlsx.",
  shareInRequired:
    "Geef de werkmap met de kandidaten op, bijvoorbeeld: awardscore share aanvraag.xlsx --out gemeente.xlsx",
  privacyInRequired:
    "Geef de werkmap op die opgeschoond moet worden, bijvoorbeeld: awardscore opschonen aanvraag-beoordeeld.xlsx",
  shareWritten: (file: string, top: number) =>
    `Werkmap voor de gemeente: ${file} (${top} ${top === 1 ? "kandidaat" : "kandidaten"} in de top).`,
  drawPendingNote: (count: number) =>
    `Let op: ${count} kandidaten wachten op een loting; zij staan niet in de werkmap voor de gemeente.`,
} as const;
