/**
 * Every Dutch text of the workbook layer and the command line in one place:
 * sheet and table names, headers, labels of the `Aanvraag` sheet, words written
 * into cells, fatal errors, problems and the terminal summary. The engine's own
 * messages (values, candidates, periods, request fields) stay in the engine.
 */
import {
  columnHeaders,
  requestWords,
  cvRequirementText,
  cvRequirementWords,
  formatDate,
  formatEuro,
  formatNumber,
  joinCounted,
  joinList,
  joinNames,
  type CvRequirementPolicy,
} from "../engine";

/** Sheet names the add-in creates and reads. */
export const sheetNames = {
  request: "Aanvraag",
  candidates: "Kandidaten",
  periods: "Werkervaring",
  ranking: "Ranking",
} as const;

/**
 * The add-in's own sheet for the live ranking and work history: `FLEX.RANKING` spills the
 * rank and top mark of every candidate row there (read by `Rang` and `Top N`), and
 * `FLEX.WORKYEARS` the years from `Werkervaring` (read by `Knock-out` and `Score`).
 * Not in {@link sheetNames}: the headless command neither reads nor writes it.
 */
export const liveRankingTexts = {
  sheet: "Berekening",
  /** A1: what the sheet is and that it is not for typing (starts with `Live`, as the check recognises the sheet). */
  title: (topN: number) =>
    `Live berekening: de rangorde (FLEX.RANKING, vanaf A3) voor de kolommen Rang en ${topHeader(topN)} van Kandidaten, ` +
    `en de jaren uit Werkervaring (FLEX.WORKYEARS, vanaf D3) voor Knock-out en Score. ` +
    `Niet bewerken: Controleren en beoordelen maakt het blad opnieuw als het ontbreekt.`,
  /** Row 2, above the two columns of the spill. */
  rankHeader: "Rang",
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
  reason: "Toelichting",
} as const;

/**
 * The output header of the top, in `Kandidaten` and `Ranking`: `Top {N}` of the request
 * (reading accepts any `Top N`).
 *
 * @example
 * topHeader(10); // "Top 10"
 */
export function topHeader(topN: number): string {
  return `Top ${topN}`;
}

/** Headers of the `Werkervaring` table. */
export const periodHeaders = {
  candidate: "Kandidaat",
  role: "Functie",
  countsFor: "Telt voor",
  from: "Van",
  to: "Tot",
} as const;

/**
 * Headers of the tables on the `Aanvraag` sheet. The criteria tables' headers are the
 * grammar's (src/engine/grammar: FLEX and the workbook read them there).
 */
export const criteriaHeaders = {
  ...columnHeaders,
  competency: "Competentie",
  factLabel: "Gegeven",
  factValue: "Waarde",
} as const;

/**
 * Words written into cells (and read back from them). Those of the `Aanvraag` sheet's
 * criteria tables (Ja/Nee, the value kinds, rules and scorings) are the grammar's
 * (src/engine/grammar, `requestWords`).
 */
export const cellWords = {
  /** Issue 18: the mark at the end of a text cut to a cell's 32,767 characters. */
  shortened: "… (ingekort)",
  ...requestWords,
  draw: "Loting",
  ok: "OK",
  status: { eligible: "Geschikt", knockedOut: "Valt af", incomplete: "Onvolledig" },
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
    // Issue 17 §1: the listing's own date, shown under its name, never used to judge.
    listingClosingMoment: "Einde inschrijfdatum",
    cvRequirements: cvRequirementText.label,
  },
  notes: {
    referenceDate:
      "Einddatum van elke ervaringsperiode (17040: de reactietermijn); staat op elk rapport.",
    closingMoment: "De reactietermijn; de herinnering om op te schonen telt vanaf hier.",
    listingClosingMoment:
      "Datum op de uitvraag; staat op de rapporten maar telt niet mee voor de beoordeling.",
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
  /** `dates`: {@link referenceDateTexts.line}. */
  subtitle: (dates: string, topN: number, eligible: number, received: number) =>
    `${dates} · top ${topN} · ${eligible} van ${received} kandidaten geschikt`,
  headers: {
    place: "Plaats",
    rank: "Rang",
    name: "Kandidaat",
    supplier: "Leverancier",
    rate: "Uurtarief",
    score: "Score",
    note: "Opmerking",
  },
  /** `total`: how many others share the standing, when `names` holds only the first ones. */
  tie: (names: string[], total = names.length) => `Gelijke stand met ${joinNames(names, total)}`,
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
    `Sluitingsmoment: '${value}' is niet te lezen. Typ bijvoorbeeld 26-08-2024 09:00.`,
  invalidListingMoment: (value: string) =>
    `Einde inschrijfdatum: '${value}' is niet te lezen. Typ bijvoorbeeld 04-10-2024 11:25.`,
  emptyTable: (table: string) => `De tabel '${table}' heeft geen criteria.`,
} as const;

/** The command line's own texts: usage, errors, the summary. */
export const cliTexts = {
  usage: [
    "Gebruik:",
    "  awardscore template [--preset ID] --out BESTAND.xlsx [--force]",
    "  awardscore score IN.xlsx [--preset ID] [--out UIT.xlsx] [--force] [--json PAD|-] [--peildatum dd-mm-jjjj]",
    "  awardscore share IN.xlsx --out UIT.xlsx [--force] [--preset ID] [--peildatum dd-mm-jjjj]",
    "  awardscore opschonen IN.xlsx [--out UIT.xlsx] [--force] [--preset ID]",
    "  awardscore verify BEOORDEELD.xlsx",
    "",
    "  template  maakt een nieuwe aanvraagwerkmap (Aanvraag, Kandidaten, Werkervaring, Ranking):",
    "            met --preset 17040 voor die aanvraag ingevuld, zonder --preset leeg om zelf in te vullen.",
    "  score     beoordeelt de kandidaten in IN.xlsx en schrijft UIT.xlsx (standaard IN-beoordeeld.xlsx);",
    "            IN.xlsx zelf blijft ongewijzigd. --json - schrijft de uitslag als JSON naar stdout.",
    "            Het blad Afwijzingen krijgt een alinea per kandidaat buiten de top, voor de leverancier.",
    "  share     maakt de werkmap voor de gemeente (Voorblad, Top N, Stap 3, Stap 4): alleen de top,",
    "            als waarden; de anderen alleen als aantallen. Scoort eerst; IN.xlsx blijft ongewijzigd.",
    "  opschonen vervangt na de gunning de namen van de niet-geselecteerde kandidaten door een",
    "            pseudoniem (Kandidaat 07) en wist hun werkervaring; schrijft UIT.xlsx",
    "            (standaard IN-opgeschoond.xlsx). De kandidaten in de top blijven ongewijzigd.",
    "",
    "  --peildatum dd-mm-jjjj  telt de ervaring tot en met deze datum in plaats van de peildatum",
    "            uit de aanvraag (17040: de reactietermijn, 26-08-2024); elk rapport vermeldt dat.",
    "  verify    rekent elke uitslag van een beoordeelde werkmap na uit de eigen invoer, bij de",
    "            peildatum van het blad Verantwoording; exit 0 als alles klopt, 2 met elk verschil per cel.",
    "",
    "  --force   vervangt een bestaand UIT.xlsx; zonder --force stopt de opdracht en schrijft niets.",
    "  Uitleg per opdracht: awardscore <opdracht> --help (of awardscore help <opdracht>).",
    "  Versie: awardscore --version.",
  ].join("\n"),
  unknownCommand: (command: string) =>
    `Onbekende opdracht '${command}'. Kies 'template', 'score', 'share', 'opschonen' of 'verify'.`,
  noCommand: "Geef een opdracht: 'template', 'score', 'share', 'opschonen' of 'verify'.",
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
  presetIgnored: (id: string) =>
    `Let op: --preset ${id} is niet gebruikt; het blad 'Aanvraag' in de werkmap bepaalt de aanvraag.`,
  written: (file: string) => `Geschreven: ${file}`,
  jsonWritten: (file: string) => `JSON: ${file}`,
  templateWritten: (file: string, id: string) =>
    `Nieuwe werkmap voor aanvraag ${id}: ${file}. Vul de kandidaten in op het blad 'Kandidaten' en beoordeel met: awardscore score ${file}`,
  progress: "Beoordelen",
} as const;

/** The Dutch terminal summary of a scoring. */
export const summaryTexts = {
  heading: (id: string, title: string, organisation: string) =>
    `Aanvraag ${id} — ${title}${organisation ? ` (${organisation})` : ""}`,
  /** `dates`: {@link referenceDateTexts.line}. */
  reference: (dates: string, topN: number) => `${dates} · top ${topN}`,
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
  /** Issue 17 §3: the top is final only with no candidate incomplete and no draw pending. */
  notFinal: (incomplete: number, needsDraw: number, unnamed: number) =>
    `De top is nog niet definitief (${[
      incomplete > 0 ? `${incomplete} onvolledig` : "",
      needsDraw > 0 ? `${needsDraw} wachten op loting` : "",
      unnamed > 0 ? `${unnamed} ${unnamed === 1 ? "rij" : "rijen"} zonder naam` : "",
    ]
      .filter((part) => part !== "")
      .join(
        ", "
      )}): share maakt nog geen werkmap voor de gemeente en geen brief wordt verstuurd. ` +
    `Beslis eerst de cellen hieronder en beoordeel opnieuw.`,
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
  /** `total`: how many are tied, when `names` holds only the first ones. */
  tieLine: (names: string[], score: number, rate: number, total = names.length) =>
    `  ${joinNames(names, total)}: ${formatNumber(score)} punten, ${formatEuro(rate)}`,
  drawHeading: "Loting nodig:",
  /** `total`: how many need the draw, when `names` holds only the first ones. */
  drawLine: (names: string[], from: number, to: number, total = names.length) =>
    `  ${joinNames(names, total)} ${from === to ? `voor plaats ${to}` : `voor plaats ${from} t/m ${to}`} — vul de kolom Loting in en beoordeel opnieuw`,
  problemsHeading: (count: number) => `Problemen (${count}):`,
  noProblems: "Problemen: geen",
  moreProblems: (count: number) => `  … en nog ${count} (alle problemen staan in --json)`,
} as const;

/** All `items` in a Dutch list, then the `rest` counted: "a, b, c en 9.996 andere lotnummers". */
function countedRest(items: string[], rest: number, one: string, many: string): string {
  if (rest <= 0) return joinList(items);
  return `${items.join(", ")} en ${formatNumber(rest, 0)} ${rest === 1 ? one : many}`;
}

/** Texts of the `Afwijzingen` sheet: one paragraph per candidate not in the top, for the supplier. */
export const rejectionTexts = {
  sheet: "Afwijzingen",
  title: (id: string, title: string) => `Afwijzingen aanvraag ${id} — ${title}`,
  /** `dates`: {@link referenceDateTexts.line}. */
  subtitle: (dates: string, topN: number) =>
    `${dates} · één alinea per kandidaat buiten de top ${topN}, ` +
    `om naar de leverancier te sturen. Alleen voor intern gebruik; gaat niet naar de gemeente.`,
  headers: {
    row: "Rij",
    name: "Kandidaat",
    supplier: "Leverancier",
    status: "Status",
    send: "Versturen",
    text: "Tekst voor de leverancier",
    why: "Waarom niet",
  },
  status: {
    knockedOut: "Valt af",
    incomplete: "Onvolledig",
    outsideTop: "Buiten de top",
    needsDraw: "Loting nodig",
  },
  yes: "Ja",
  no: "Nee",
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
    placeNScore: number | null,
    tieBreak: string
  ) =>
    `${who} voldoet aan alle knock-outcriteria, maar is niet geselecteerd voor ${request}. ` +
    `Met een score van ${formatNumber(score)} van ${formatNumber(max)} punten staat de kandidaat op rang ${rank}; ` +
    `de gemeente ontvangt de ${topN} best scorende kandidaten` +
    (placeNScore === null
      ? "."
      : ` en de kandidaat op plaats ${topN} heeft een score van ${formatNumber(placeNScore)} punten.`) +
    tieBreak,
  /** Equal score as place N, a higher rate: the rate decided, with both rates. */
  rateDecided: (own: number, placeN: number, topN: number) =>
    ` Bij gelijke score gaat het laagste uurtarief voor: het uurtarief van deze kandidaat is ` +
    `${formatEuro(own)}, dat van de kandidaat op plaats ${topN} ${formatEuro(placeN)}.`,
  /** Equal score and rate as place N: the recorded draw decided, in its order. */
  /** `lots`: the first places and the candidate's own; `total`: all lots drawn, when more (the rest is counted). */
  drawDecided: (
    rate: number,
    others: number,
    lots: Array<{ lot: number; place: number; own: boolean }>,
    total = lots.length
  ) =>
    ` Deze kandidaat had dezelfde score en hetzelfde uurtarief (${formatEuro(rate)}) als ` +
    `${others === 1 ? "een andere kandidaat" : `${formatNumber(others, 0)} andere kandidaten`}; daarom heeft een loting de volgorde bepaald: ` +
    countedRest(
      lots.map(
        (l, i) =>
          `lotnummer ${formatNumber(l.lot)}${l.own ? " (deze kandidaat)" : ""} ${i === 0 ? "werd " : ""}plaats ${l.place}`
      ),
      total - lots.length,
      "ander lotnummer",
      "andere lotnummers"
    ) +
    ".",
  needsDraw: (who: string, request: string, from: number, to: number) =>
    `${who} heeft voor ${request} dezelfde score en hetzelfde uurtarief als andere kandidaten rond ` +
    `plaats ${to}; een loting beslist over ${from === to ? `plaats ${to}` : `plaats ${from} t/m ${to}`}. ` +
    `Nog niet versturen: na de loting volgt de uitslag.`,
  /** Not a letter yet: the evaluator still decides these values (the supplier is not blamed for them). */
  incomplete: (who: string, request: string, fields: string[]) =>
    `Nog niet versturen: over ${who} is voor ${request} nog niet beslist. ` +
    `De beoordelaar beslist nog over ${joinList(fields)}. Zegt het cv er niets over, dan is dat ook een beslissing: ` +
    `typ Nee of 0 en beoordeel opnieuw; daarna staat hier de brief.`,
  rateField: "het uurtarief",
  field: (id: string, description: string) => `${id} (${description})`,
} as const;

/** Texts of "Persoonsgegevens opschonen" (the `opschonen` command and the task-pane reminder). */
export const privacyTexts = {
  pseudonym: (index: number, width: number) => `Kandidaat ${String(index).padStart(width, "0")}`,
  done: (count: number, periods: number, kept: number) =>
    `Opgeschoond: ${count} ${count === 1 ? "naam" : "namen"} vervangen door een pseudoniem, ` +
    `${periods} ${periods === 1 ? "periode" : "perioden"} werkervaring gewist; ` +
    `${kept} ${kept === 1 ? "kandidaat" : "kandidaten"} in de top ongewijzigd.`,
  nothing: "Er was niets op te schonen: alle kandidaten zitten in de top.",
  reminder: (closed: string) =>
    `De aanvraag sloot op ${closed}, meer dan 4 weken geleden. Schoon de persoonsgegevens op ` +
    `van de kandidaten die niet geselecteerd zijn (Persoonsgegevens opschonen).`,
  actionLabel: "Persoonsgegevens opschonen",
  // ---- issue 17 §7: every trace, counted ----
  /** The mentions replaced besides the name cells, by where; null when there were none. */
  traces: (counts: {
    cells: number;
    formulas: number;
    notes: number;
    headersFooters: number;
    validations: number;
    properties: number;
  }) => {
    const parts = [
      [counts.cells, "in cellen"],
      [counts.formulas, "in formules"],
      [counts.notes, counts.notes === 1 ? "in een notitie" : "in notities"],
      [counts.headersFooters, "in kop- en voetteksten"],
      [counts.validations, "in gegevensvalidatie"],
      [counts.properties, "in documenteigenschappen"],
    ].filter(([n]) => (n as number) > 0);
    if (parts.length === 0) return null;
    const total = parts.reduce((sum, [n]) => sum + (n as number), 0);
    return (
      `Ook ${total} ${total === 1 ? "vermelding" : "vermeldingen"} van die namen vervangen: ` +
      `${joinList(parts.map(([n, where]) => `${n} ${where}`))}.`
    );
  },
  formulaNames: (count: number) =>
    count === 1
      ? "1 naamcel met een formule bevat nu het pseudoniem als waarde."
      : `${count} naamcellen met een formule bevatten nu het pseudoniem als waarde.`,
  contacts: (count: number, columns: string[]) =>
    `${count} ${count === 1 ? "cel" : "cellen"} met contactgegevens gewist ` +
    `(${columns.length === 1 ? "kolom" : "kolommen"} ${joinList(columns.map((c) => `'${c}'`))}).`,
  sheetNamed: (sheet: string) =>
    `Let op: het blad '${sheet}' heeft de naam van een kandidaat buiten de top. ` +
    `Hernoem het zelf; de naam van een blad is niet aangepast.`,
  unread: (parts: string[]) =>
    `Let op: ${joinList(parts)} ${parts.length === 1 ? "is" : "zijn"} niet nagekeken; ` +
    `kijk zelf of daar nog een naam van een kandidaat staat.`,
  parts: {
    notes: "de notities bij cellen",
    headersFooters: "de kop- en voetteksten",
    validations: "de teksten van gegevensvalidatie",
    properties: "de documenteigenschappen",
  },
  lastAuthor:
    "Let op: 'Laatst gewijzigd door' noemt een kandidaat buiten de top; dat kan de " +
    "invoegtoepassing niet wijzigen. Excel zet daar de naam van wie de werkmap opslaat: sla hem nu op.",
  // ---- end issue 17 §7 ----
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
} as const;

// ---- issue 18: the user's files, handled with care (command line) ----

/** How to save a workbook as `.xlsx`, in Excel and in LibreOffice (part of several messages). */
const saveAsXlsx =
  "Sla het op als .xlsx: in Excel met Opslaan als → Excel-werkmap (*.xlsx), in LibreOffice met " +
  "Opslaan als → Excel 2007-365 (*.xlsx).";

/** Which error was raised, for a message: reading or writing. */
export type FileAction = "read" | "write";

/**
 * Issue 18: the command's texts about the user's files: never overwriting without `--force`,
 * `--json` apart from the workbooks, file-system errors with the path and what to do, other
 * spreadsheet formats and their conversion by LibreOffice, `--version` and each command's help.
 */
export const fileTexts = {
  jsonIsWorkbook: (file: string, role: "in" | "out") =>
    `--json '${file}' is hetzelfde bestand als de ${role === "in" ? "invoer" : "uitvoer"}: de JSON zou ` +
    `de werkmap vervangen. Er is niets geschreven. Kies een andere naam voor --json, bijvoorbeeld --json uitslag.json.`,
  /** `defaultOf`: the name is that command's default output name (not given with --out). */
  exists: (file: string, defaultOf?: "score" | "opschonen") =>
    `'${file}' bestaat al en wordt niet overschreven${defaultOf ? " (het is de standaardnaam voor de uitvoer)" : ""}. ` +
    `Er is niets geschreven. Kies een andere naam met --out, of gebruik --force om het bestand te vervangen.` +
    (defaultOf === "score"
      ? ` Hebt u in '${file}' zelf iets ingevuld (zoals de Loting), beoordeel dan dat bestand.`
      : ""),
  /**
   * A file-system error `code` (ENOENT, EACCES, …) in Dutch, with the path and what to do.
   * `folder` is the folder the file goes to (for a missing folder).
   */
  fileSystem: (action: FileAction, file: string, code: string, folder: string): string => {
    const cannot = `Kan '${file}' niet ${action === "read" ? "lezen" : "schrijven"}`;
    switch (code) {
      case "ENOENT":
        return action === "read"
          ? `Bestand niet gevonden: '${file}'.`
          : `${cannot}: de map '${folder}' bestaat niet. Maak de map eerst aan, of kies een andere plek.`;
      case "ENOTDIR":
        return `${cannot}: een deel van het pad is geen map. Controleer het pad, of kies een andere plek.`;
      case "EACCES":
      case "EPERM":
        return (
          `${cannot}: geen toegang (geen rechten op het bestand of de map, of het bestand is ` +
          `geopend in een ander programma). Sluit het bestand in Excel als het daar open is, of ` +
          `kies een ${action === "read" ? "kopie op een plek" : "map"} waar u wel rechten hebt.`
        );
      case "EBUSY":
      case "ETXTBSY":
        return (
          `${cannot}: het bestand is in gebruik door een ander programma, bijvoorbeeld geopend in Excel. ` +
          `Sluit het bestand daar en probeer het opnieuw.`
        );
      case "ENOSPC":
      case "EDQUOT":
        return `${cannot}: de schijf is vol. Maak ruimte vrij of kies een plek op een andere schijf, en probeer het opnieuw.`;
      case "EISDIR":
        return `${cannot}: dat is een map, geen bestand. Geef de naam van een bestand op.`;
      case "EROFS":
        return `${cannot}: de schijf is alleen-lezen. Kies een plek waar u kunt schrijven.`;
      case "EMFILE":
      case "ENFILE":
        return `${cannot}: er staan te veel bestanden tegelijk open. Sluit andere programma's en probeer het opnieuw.`;
      case "ENAMETOOLONG":
        return `${cannot}: de naam of het pad is te lang. Kies een kortere naam of een map hoger op de schijf.`;
      case "EIO":
        return `${cannot}: de schijf of de netwerkverbinding gaf een fout. Controleer die en probeer het opnieuw.`;
      default:
        return `${cannot} (systeemfout ${code}). Controleer het bestand en de map en probeer het opnieuw.`;
    }
  },
  /** The input is not a zip package at all (a CSV, a text, a PDF, a damaged file). */
  notZip: (file: string) =>
    `'${file}' is geen leesbare .xlsx-werkmap: het is geen Excel-bestand (misschien een CSV-, tekst- of ` +
    `pdf-bestand, of een beschadigd of onvolledig bestand). Open het in Excel of LibreOffice en ${saveAsXlsx.charAt(0).toLowerCase()}${saveAsXlsx.slice(1)}`,
  ods: (file: string) =>
    `'${file}' is een OpenDocument-rekenblad (.ods), geen Excel-werkmap, en LibreOffice is hier niet ` +
    `geïnstalleerd om het om te zetten. Open het in LibreOffice of Excel. ${saveAsXlsx}`,
  xls: (file: string) =>
    `'${file}' is een oude Excel-werkmap (.xls, Excel 97-2003), en LibreOffice is hier niet geïnstalleerd ` +
    `om het om te zetten. Open het in Excel of LibreOffice. ${saveAsXlsx}`,
  encrypted: (file: string) =>
    `'${file}' is beveiligd met een wachtwoord (versleuteld) en kan niet worden gelezen. Open het in ` +
    `Excel, haal het wachtwoord weg (Bestand → Info → Werkmap beveiligen → Versleutelen met wachtwoord: ` +
    `maak het wachtwoord leeg) en sla het op als Excel-werkmap (*.xlsx).`,
  xlsb: (file: string) =>
    `'${file}' is een binaire Excel-werkmap (.xlsb) en kan niet worden gelezen. ${saveAsXlsx}`,
  /** The format's name in the conversion notice. */
  formatName: { ods: "een OpenDocument-rekenblad (.ods)", xls: "een oude Excel-werkmap (.xls)" },
  converted: (file: string, format: string) =>
    `'${file}' is ${format} en is omgezet met LibreOffice; het resultaat is een .xlsx-werkmap ` +
    `(de invoer zelf blijft ongewijzigd).`,
  conversionFailed: (file: string, format: string, reason: string) =>
    `'${file}' is ${format}; omzetten met LibreOffice is mislukt (${reason}). Open het in LibreOffice of ` +
    `Excel. ${saveAsXlsx}`,
  conversionTimedOut: "LibreOffice deed er langer dan 60 seconden over",
  conversionNoResult: "LibreOffice maakte geen .xlsx",
  conversionExitCode: (code: number) => `LibreOffice stopte met foutcode ${code}`,
  conversionError: (code: string) => `LibreOffice kon niet worden gestart: systeemfout ${code}`,
  /** An unexpected exception: our fault (exit 1). */
  internalError: (message: string) =>
    `Interne fout (een fout in awardscore, niet in uw bestand): ${message}. ` +
    `Meld dit graag; met AWARDSCORE_DEBUG=1 toont de opdracht de details.`,
  /** stdout or stderr failed for another reason than a reader that stopped early. */
  outputFailed: (code: string) =>
    `Kan de uitvoer niet wegschrijven (systeemfout ${code}). Controleer waar de uitvoer naartoe gaat.`,
  version: (version: string) => `awardscore ${version}`,
  /** Each command's own help (`awardscore <command> --help`). */
  help: {
    template: [
      "Gebruik: awardscore template --out BESTAND.xlsx [--preset ID] [--force]",
      "",
      "Maakt een nieuwe aanvraagwerkmap (Aanvraag, Kandidaten, Werkervaring, Ranking).",
      "",
      "  --out BESTAND.xlsx  waar de nieuwe werkmap komt (verplicht)",
      "  --preset ID         de aanvraag waarmee de werkmap begint (beschikbaar: 17040); zonder",
      "                      --preset een lege aanvraag: vul het blad Aanvraag zelf in",
      "  --force             vervangt BESTAND.xlsx als dat al bestaat; zonder --force stopt de opdracht",
      "  -h, --help          deze uitleg",
    ].join("\n"),
    score: [
      "Gebruik: awardscore score IN.xlsx [--out UIT.xlsx] [--force] [--json PAD|-] [--preset ID] [--peildatum dd-mm-jjjj]",
      "",
      "Beoordeelt de kandidaten in IN.xlsx en schrijft UIT.xlsx; IN.xlsx zelf blijft ongewijzigd.",
      "Een .ods of .xls wordt eerst met LibreOffice omgezet naar .xlsx, als LibreOffice is geïnstalleerd.",
      "",
      "  --out UIT.xlsx      waar de beoordeelde werkmap komt (standaard IN-beoordeeld.xlsx)",
      "  --force             vervangt UIT.xlsx als dat al bestaat; zonder --force stopt de opdracht",
      "  --json PAD          schrijft de uitslag ook als JSON naar PAD (nooit IN of UIT);",
      "                      --json - schrijft de JSON naar stdout en de samenvatting naar stderr",
      "  --preset ID         de aanvraag als de werkmap geen blad Aanvraag heeft (beschikbaar: 17040)",
      "  --peildatum dd-mm-jjjj  telt de ervaring tot en met deze datum in plaats van de peildatum uit de aanvraag",
      "  -h, --help          deze uitleg",
      "",
      "Exitcode: 0 beoordeeld (ook met problemen in cellen), 2 onbruikbare invoer of een bestand dat",
      "niet geschreven kan worden (met een melding), 1 een interne fout.",
    ].join("\n"),
    share: [
      "Gebruik: awardscore share IN.xlsx --out UIT.xlsx [--force] [--preset ID] [--peildatum dd-mm-jjjj]",
      "",
      "Maakt de werkmap voor de gemeente (Voorblad, Top N, Stap 3, Stap 4): alleen de top, als waarden.",
      "Scoort eerst; zolang de top niet definitief is, schrijft de opdracht niets. IN.xlsx blijft ongewijzigd.",
      "",
      "  --out UIT.xlsx      waar de werkmap voor de gemeente komt (verplicht)",
      "  --force             vervangt UIT.xlsx als dat al bestaat; zonder --force stopt de opdracht",
      "  --preset ID         de aanvraag als de werkmap geen blad Aanvraag heeft (beschikbaar: 17040)",
      "  --peildatum dd-mm-jjjj  telt de ervaring tot en met deze datum",
      "  -h, --help          deze uitleg",
    ].join("\n"),
    opschonen: [
      "Gebruik: awardscore opschonen IN.xlsx [--out UIT.xlsx] [--force] [--preset ID]",
      "",
      "Vervangt na de gunning de namen van de niet-geselecteerde kandidaten door een pseudoniem",
      "(Kandidaat 07) en wist hun werkervaring en contactgegevens. IN.xlsx blijft ongewijzigd.",
      "",
      "  --out UIT.xlsx      waar de opgeschoonde werkmap komt (standaard IN-opgeschoond.xlsx)",
      "  --force             vervangt UIT.xlsx als dat al bestaat; zonder --force stopt de opdracht",
      "  --preset ID         de aanvraag als de werkmap geen blad Aanvraag heeft (beschikbaar: 17040)",
      "  -h, --help          deze uitleg",
    ].join("\n"),
    verify: [
      "Gebruik: awardscore verify BEOORDEELD.xlsx",
      "",
      "Rekent elke uitslag van een beoordeelde werkmap na uit de eigen invoer, bij de peildatum van",
      "het blad Verantwoording. Schrijft niets.",
      "",
      "  -h, --help          deze uitleg",
      "",
      "Exitcode: 0 als alles klopt, 2 met elk verschil per cel.",
    ].join("\n"),
  },
} as const;
// ---- end issue 18 (command line) ----

/**
 * Issue 17: whether the top is final (no candidate `incomplete`, no draw pending). Until it is,
 * `share` refuses and no rejection letter is marked to send; these texts say which cells to decide.
 */
export const finalityTexts = {
  /** At most this many cells are named in one sentence; the problems list them all. */
  cellsShown: 12,
  cells: (cells: string[], total: number) =>
    total > cells.length ? `${cells.join(", ")} en nog ${total - cells.length}` : joinList(cells),
  notFinal: (cells: string, count: number, action: "share" | "cleanUp") =>
    `De top is nog niet definitief, dus er is niets ${action === "share" ? "gedeeld" : "opgeschoond"}. Beslis eerst ` +
    `${count === 1 ? "deze cel" : `deze ${count} cellen`} en beoordeel opnieuw: ${cells}. ` +
    `Een onvolledige rij beslist u zelf: zegt het cv er niets over, typ dan Nee of 0. ` +
    `Bij een loting vult u de kolom Loting in; een rij zonder naam krijgt een naam of wordt leeggemaakt.`,
  decide: (field: string) =>
    `${field}: nog te beslissen. Zegt het cv er niets over, typ dan Nee of 0.`,
  drawPending: (from: number, to: number) =>
    `Loting: nog te beslissen (loting nodig ${from === to ? `voor plaats ${to}` : `voor plaats ${from} t/m ${to}`}). Vul het lotnummer in.`,
  /** Row 3 of `Afwijzingen` while the top is not final. */
  lettersOnHold: (cells: string) =>
    `Versturen: Nee bij elke brief, want de top is nog niet definitief. Nog te beslissen: ${cells}. ` +
    `Beoordeel daarna opnieuw.`,
  /**
   * The `Waarom niet` cell of a letter with a reason of its own. The reason every letter waits
   * for is line 3, once: a cell per letter would take 10,000 letters past four syncs.
   */
  whyOwnCells: (cells: string) => `Nog te beslissen in deze rij: ${cells}.`,
  whyDraw: "Eerst de loting vastleggen (kolom Loting).",
} as const;

/**
 * Issue 17 §3 and §6: rows typed below a table, columns of no criterion, and the
 * `Uurtarief` header as the template writes it (any header that starts with
 * `Uurtarief` is read as the rate).
 */
export const tableRowTexts = {
  /** The rate header of a new `Kandidaten` table: what the rate includes, as request 17040 says it. */
  rateHeader: "Uurtarief (excl. btw, incl. reiskosten en fee)",
  rowsBelowTable: (sheet: string, table: string, first: number, last: number) =>
    first === last
      ? `${sheet}: rij ${first} staat onder de tabel '${table}'; meegeteld.`
      : `${sheet}: rijen ${first} t/m ${last} staan onder de tabel '${table}'; meegeteld.`,
  unknownCriterionColumn: (header: string, requestId: string) =>
    `kolom '${header}' hoort bij geen criterium van ${requestId ? `aanvraag ${requestId}` : "de aanvraag"}; ` +
    `de kolom telt niet mee.`,
  columnOfRateCriterion: (header: string, id: string) =>
    `kolom '${header}' telt niet mee: ${id} heeft geen eigen kolom en wordt getoetst aan het uurtarief.`,
} as const;

// --- The peildatum and the listing's date on every report (issue 17 §1) ---

/** A moment `jjjj-mm-ddTuu:mm` as `dd-mm-jjjj uu:mm`. */
function formatMoment(moment: string): string {
  const [date, time] = moment.split("T");
  return time ? `${formatDate(date)} ${time}` : formatDate(date);
}

/** How every report names the peildatum and the listing's own closing date. */
export const referenceDateTexts = {
  /**
   * "Peildatum 26-08-2024 (reactietermijn)"; with `requestDate` (the request's own
   * peildatum, when the scoring used another): says so and names both.
   */
  peildatum: (request: { referenceDate: string; closingMoment: string }, requestDate?: string) => {
    const date = `Peildatum ${formatDate(request.referenceDate)}`;
    if (requestDate !== undefined && requestDate !== request.referenceDate)
      return `${date} (opgegeven bij het beoordelen, in plaats van ${formatDate(requestDate)} uit de aanvraag)`;
    return request.closingMoment.slice(0, 10) === request.referenceDate
      ? `${date} (reactietermijn)`
      : date;
  },
  /** "Einde inschrijfdatum 04-10-2024 11:25 (telt niet mee)". */
  listing: (moment: string) => `Einde inschrijfdatum ${formatMoment(moment)} (telt niet mee)`,
  /** Both, as one line part: "Peildatum 26-08-2024 (reactietermijn) · Einde inschrijfdatum …". */
  line: (
    request: { referenceDate: string; closingMoment: string; listingClosingMoment?: string },
    requestDate?: string
  ) =>
    [
      referenceDateTexts.peildatum(request, requestDate),
      ...(request.listingClosingMoment
        ? [referenceDateTexts.listing(request.listingClosingMoment)]
        : []),
    ].join(" · "),
  /** Where the peildatum came from, for the record: the request, or `--peildatum` instead of the request's. */
  source: (used: string, requestDate: string) =>
    used === requestDate
      ? "de aanvraag"
      : `opgegeven bij het beoordelen (--peildatum), in plaats van ${formatDate(requestDate)} uit de aanvraag`,
  /** A note for the command line when --peildatum replaced the request's peildatum. */
  overridden: (used: string, requestDate: string) =>
    `Let op: peildatum ${formatDate(used)} (--peildatum) in plaats van ${formatDate(requestDate)} uit de aanvraag.`,
  /** --peildatum that is not a date. */
  badReferenceDate: (value: string) =>
    `Ongeldige optie: --peildatum '${value}' is geen datum. Typ dd-mm-jjjj, bijvoorbeeld --peildatum 26-08-2024.`,
} as const;

// --- end of the peildatum texts ---
// ── Issue 17 §8: the record anyone can recompute (`Verantwoording`, `awardscore verify`) ──

/** Texts of the `Verantwoording` sheet: what a scoring used and decided, as values. */
export const recordTexts = {
  sheet: "Verantwoording",
  title: (id: string, title: string) => `Verantwoording aanvraag ${id} — ${title}`,
  subtitle:
    "Vastgelegd bij het beoordelen, alleen waarden. Iedereen kan de uitslag narekenen met: " +
    "awardscore verify BESTAND.xlsx",
  labels: {
    engineVersion: "Engineversie",
    referenceDate: "Peildatum",
    requestSource: "Regels uit",
    runAt: "Beoordeeld op",
    digest: "Digest invoer (SHA-256)",
    digestFormat: "Vorm van de digest",
    referenceDateSource: "Peildatum uit",
    rules: "Regels (JSON)",
  },
  requestSource: {
    sheet: "blad Aanvraag",
    preset: (id: string) => `preset ${id}`,
  },
  digestFormat: (format: string) =>
    `${format}: SHA-256 van de RFC 8785-JSON van de aanvraag en de rijen van Kandidaten en ` +
    `Werkervaring zoals gelezen (datums als Excel-serienummer); zie de README`,
  rulesHeading: "Regels",
  rulesHeaders: { id: "Criterium", description: "Omschrijving", test: "Toets" },
  candidatesHeading: "Per kandidaat: de gebruikte waarde per criterium en de uitslag",
  headers: {
    row: "Rij",
    name: "Kandidaat",
    rate: "Uurtarief",
    source: (id: string) => `${id} bron`,
    contractValue: (id: string, withExtensions: boolean) =>
      `Opdrachtwaarde ${id} (${withExtensions ? "incl. verlengingen" : "basistermijn"})`,
    top: (topN: number) => `Top ${topN}`,
  },
  source: {
    cell: "getypt",
    history: "Werkervaring",
    historyTyped: (typed: string) => `Werkervaring; getypt: ${typed}`,
  },
  rule: {
    yes: "Ja",
    yesOrNotApplicable: "Ja of n.v.t.",
    atLeast: (limit: string) => `ten minste ${limit}`,
    atMost: (limit: string) => `ten hoogste ${limit}`,
    covers: (withExtensions: boolean) =>
      `verzekerd bedrag ten minste de opdrachtwaarde (${withExtensions ? "incl. verlengingen" : "basistermijn"})`,
    maxRate: (rate: string) => `uurtarief ten hoogste ${rate}`,
    years: (count: string) => `${count} jaar`,
    window: (years: string) => ` in de laatste ${years} jaar`,
    allOrNothing: (points: string, threshold: string | null) =>
      `${points} punten bij ${threshold === null ? "Ja" : `ten minste ${threshold}`}, anders 0`,
    tiered: (steps: string) => `punten per trede (vanaf: punten) ${steps}`,
    linear: (points: string, min: string, max: string) =>
      `0 punten bij ${min} of minder, ${points} bij ${max} of meer, lineair daartussen`,
  },
} as const;

/** The command line's texts for `awardscore verify`. */
export const verifyTexts = {
  inRequired:
    "Geef de beoordeelde werkmap op, bijvoorbeeld: awardscore verify aanvraag-beoordeeld.xlsx",
  noRecord: (file: string) =>
    `'${file}' heeft geen blad '${recordTexts.sheet}': de werkmap is niet beoordeeld met deze ` +
    `versie van AwardScore, of het blad is verwijderd. Beoordeel eerst met: awardscore score ${file}`,
  unreadable: (cell: string, label: string) =>
    `${recordTexts.sheet}!${cell}: '${label}' ontbreekt of is niet te lezen; zo is niet na te rekenen. ` +
    `Beoordeel de werkmap opnieuw.`,
  agree: (candidates: number, digest: string) =>
    `In orde: de invoer is ongewijzigd (digest ${digest.slice(0, 12)}…) en de uitslag van alle ` +
    `${candidates} ${candidates === 1 ? "kandidaat" : "kandidaten"} klopt met de herberekening.`,
  differ: (count: number) =>
    `${count} ${count === 1 ? "verschil" : "verschillen"} tussen de werkmap en de herberekening:`,
  digestChanged: (recorded: string, now: string) =>
    `de invoer is gewijzigd na het beoordelen: digest bij beoordelen ${recorded}, nu ${now}`,
  cellDiffers: (header: string, found: string, expected: string) =>
    `${header} is ${found}, herberekend ${expected}`,
  rowMissing: (row: number, name: string) =>
    `kandidaat in rij ${row} (${name}) ontbreekt in de verantwoording`,
  rowExtra: (row: string) => `rij ${row} staat in de verantwoording maar is geen kandidaat meer`,
  columnMissing: (header: string) => `de kolom '${header}' ontbreekt`,
  empty: "leeg",
  engineVersion: (recorded: string, now: string) =>
    `Let op: beoordeeld met engineversie ${recorded}, nagerekend met ${now}.`,
  referenceDate: (date: string) => `Nagerekend met de vastgelegde peildatum ${date}.`,
  // Issue 17 §8: the input cells, and the sheets Ranking and Afwijzingen.
  inputEdited: (was: string, now: string) =>
    `invoer gewijzigd na het beoordelen: was ${was}, nu ${now}`,
  sheetMissing: (sheet: string) => `het blad '${sheet}' ontbreekt; beoordeel opnieuw`,
  text: "de tekst",
  columnHeader: "de kolomkop",
} as const;

// ---- Issue 18: the blank request (`awardscore template` without --preset, the pane's `blanco`) ----

/** Texts of a blank `Aanvraag`: what to fill in, beside each empty cell; and what scoring it says. */
export const blankRequestTexts = {
  /** A1 of a blank request (starts with `Aanvraag`, as set-up recognises the sheet). */
  title: "Aanvraag (nieuw) — vul de lege cellen in kolom B en de tabellen hieronder in",
  /** The Toelichting of a setting whose cell is empty: what to type, and whether it may stay empty. */
  fillIn: {
    id: "Invullen: het nummer van de uitvraag, bijvoorbeeld 17040.",
    title: "Invullen: de titel van de opdracht, bijvoorbeeld Klantmanager Inkomen.",
    organisation: "De opdrachtgever, bijvoorbeeld Gemeente Pijnacker-Nootdorp. Mag leeg blijven.",
    referenceDate:
      "Invullen, als dd-mm-jjjj: einddatum van elke ervaringsperiode, meestal de reactietermijn; staat op elk rapport.",
    closingMoment:
      "De reactietermijn als dd-mm-jjjj uu:mm; de herinnering om op te schonen telt vanaf hier. Mag leeg blijven.",
    maxRate: "Invullen: hoogste uurtarief excl. btw, incl. reiskosten en platformfee (K8).",
    hoursMin:
      "Invullen: het minimum aantal uren per week (gelijk aan het maximum als er één getal is).",
    hoursMax:
      "Invullen: het maximum aantal uren per week. Opdrachtwaarde = tarief × maximum uren × weken.",
    termWeeks: "Invullen: de looptijd zonder verlengingen, in weken (3 maanden = 13 weken).",
    extensionCount: "Invullen: het aantal verlengingsopties; 0 als er geen zijn.",
    extensionWeeks: "Invullen: de weken per verlenging; 0 als er geen verlengingsopties zijn.",
    feePerHour: "Invullen: de fee per gewerkt uur (zit in het maximumtarief); 0 als er geen is.",
    listingClosingMoment:
      "Datum op de uitvraag, als dd-mm-jjjj uu:mm; staat op de rapporten, telt niet mee. Mag leeg blijven.",
  } as Partial<Record<keyof typeof requestSheetTexts.labels, string>>,
  /** The first line when scoring a request that is still blank. */
  notFilledIn: (count: number) =>
    `Het blad '${sheetNames.request}' is nog niet ingevuld; er is niet gescoord. ` +
    `Vul ${count === 1 ? "de cel" : `deze ${count} cellen`} in (kolom Toelichting zegt wat er in hoort) ` +
    `en beoordeel opnieuw:`,
  /** The command's line after writing a blank request. */
  written: (file: string) =>
    `Nieuwe lege aanvraag: ${file}. Vul eerst het blad '${sheetNames.request}' in (instellingen, ` +
    `knock-outcriteria, gunningscriteria, competenties), voeg op '${sheetNames.candidates}' een kolom ` +
    `per criterium toe (kolomkop zoals in de kolom Kolomkop) en beoordeel met: awardscore score ${file}`,
} as const;

// ---- Issue 16: the live formulas of Kandidaten, re-asserted by the add-in's scoring ----

/** What the add-in's scoring says about the live formulas of `Kandidaten` and the `Berekening` sheet. */
export const liveFormulaTexts = {
  /** A column with values of an earlier scoring (or of the command) and no formula: turned into formulas. */
  oldValues: (sheet: string, headers: string[]) =>
    `${sheet}: ${headers.length === 1 ? "de kolom" : "de kolommen"} ${joinList(headers.map((h) => `'${h}'`))} ` +
    `${headers.length === 1 ? "bevatte" : "bevatten"} nog waarden van een eerdere beoordeling; ` +
    `daar staan nu de live formules.`,
  /** Columns that held an earlier set-up's per-row FLEX.RANK / FLEX.TOP: now the formulas that read FLEX.RANKING. */
  upgraded: (sheet: string, headers: string[]) =>
    `${sheet}: ${headers.length === 1 ? "de kolom" : "de kolommen"} ${joinList(headers.map((h) => `'${h}'`))} ` +
    `${headers.length === 1 ? "had" : "hadden"} nog de formules van een eerdere versie; daar staan nu de huidige ` +
    `(een lege cel telt op elk platform als leeg, Werkervaring telt mee, de rangorde wordt één keer berekend op het blad ${liveRankingTexts.sheet}).`,
  /** Cells of a live column that held a typed value instead of the formula: the formula is back. */
  restored: (cells: string[], total: number) =>
    `Formule teruggezet in ${joinCounted(cells, total, total - cells.length === 1 ? "andere cel" : "andere cellen")}: ` +
    `daar stond een getypte waarde in plaats van de formule. Deze kolommen rekent Excel zelf uit; ` +
    `wat de beoordeling vastlegt, staat op Ranking en Verantwoording.`,
  /** One restored cell: where, and what it held. */
  restoredCell: (cell: string, value: string) => `${cell} (was ${value})`,
  /** Live cells that show something else than the engine's verdict. */
  differs: (cells: string[], total: number) =>
    `${total === 1 ? "Deze live cel toont" : "Deze live cellen tonen"} iets anders dan de beoordeling: ` +
    `${joinCounted(cells, total, total - cells.length === 1 ? "andere cel" : "andere cellen")}. ` +
    `Nog niet herberekend (F9), een eigen formule, of formules van een eerdere versie (kies dan opnieuw Instellen)? ` +
    `Ranking, Afwijzingen en Verantwoording volgen de beoordeling.`,
  /** One differing cell: where, what it shows and what the scoring gives. */
  differsCell: (cell: string, shown: string, expected: string) =>
    `${cell} (toont ${shown}, beoordeling ${expected})`,
  /** An empty cell, in the two texts above. */
  empty: "leeg",
  /** The `Berekening` sheet no longer fitted the request (its top N, its criteria in years): made again. */
  sheetOutdated: (sheet: string, changes: string[]) =>
    `Het blad '${sheet}' hoorde niet meer bij de aanvraag (${changes.join("; ")}); opnieuw gemaakt.`,
  /** The `Berekening` sheet was missing, or its formula was: made again. */
  sheetMade: (sheet: string, cell: string, missing: boolean) =>
    missing
      ? `Het blad '${sheet}' (de live rangorde voor Rang en Top) ontbrak; opnieuw gemaakt.`
      : `Op het blad '${sheet}' ontbrak de formule in ${cell}; het blad is opnieuw gemaakt.`,
} as const;

// ---- Issue 19 (helper A): problems of the criteria tables that only the grammar finds ----

/** Problems with the criteria tables on `Aanvraag` (src/workbook/request/criteria.ts). */
export const criteriaTableMessages = {
  /** An empty `Soort waarde` where the rule or scoring compares a number. */
  valueKindRequired: (label: string, allowed: string[]) =>
    `${label} ontbreekt: de toets of scoring vergelijkt een getal. Kies uit ${joinList(allowed.map((a) => `'${a}'`))}.`,
} as const;
