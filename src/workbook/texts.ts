/**
 * Every Dutch text of the workbook layer in one place: what it writes into a workbook
 * (sheet and table names, headers, labels of the `Aanvraag` sheet, words written into
 * cells, set-up, draw, the add-in's own sheets) and what it reports about one (fatal
 * errors, sheet problems, Dutch error names, live-formula notes). The engine's own
 * messages (values, candidates, periods, request fields) stay in the engine; what only
 * the command prints is in src/cli/texts.ts, what only Excel's host says in src/office/texts.ts.
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
  reminder: (closed: string) =>
    `De aanvraag sloot op ${closed}, meer dan 4 weken geleden. Schoon de persoonsgegevens op ` +
    `van de kandidaten die niet geselecteerd zijn (Persoonsgegevens opschonen).`,
  actionLabel: "Persoonsgegevens opschonen",
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

/** What recomputing a scored workbook (planVerify) reports: its differences and notes. */
export const verifyTexts = {
  unreadable: (cell: string, label: string) =>
    `${recordTexts.sheet}!${cell}: '${label}' ontbreekt of is niet te lezen; zo is niet na te rekenen. ` +
    `Beoordeel de werkmap opnieuw.`,
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

// ---- Issue 19: the workbook layer's texts that lived in src/office/texts.ts (set-up, draw)
// ---- and src/engine/messages.ts (sheet layout problems, Dutch error names) ----

/** Messages of the set-up ("Instellen"), in a file of their own: the task pane's first paint needs its word `blanco`. */
export { setUpTexts } from "./setUpTexts";

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

/** Problems with the layout of a sheet the add-in reads (`Kandidaten`, `Werkervaring`), at a cell. */
export const layoutMessages = {
  headerNotInFirstRow: (sheet: string, row: number) =>
    `De kolomkoppen van het blad '${sheet}' staan in rij ${row}, niet in rij 1. ` +
    `Verwijder de rijen erboven, of maak van het blok een Excel-tabel (Invoegen > Tabel).`,
  headerFoundHere: (header: string) =>
    `Hier staat de kolomkop '${header}'; kolomkoppen horen in rij 1, of in een Excel-tabel.`,
  duplicateHere: (what: string, first: string) =>
    `Nog een kolom voor ${what}; de eerste staat in ${first}. ` +
    `Verwijder een van beide, of geef deze kolom een kop die er niet mee begint.`,
  addColumnHere: (header: string, firstColumn: boolean) =>
    firstColumn
      ? `De kolom '${header}' ontbreekt; typ de kolomkoppen in rij 1, te beginnen hier.`
      : `De kolom '${header}' ontbreekt; typ die kolomkop bijvoorbeeld hier, naast de laatste kolom.`,
  emptyHeader: () =>
    "Deze kolom heeft gegevens maar geen kolomkop. Is de kolomkop samengevoegd met die ernaast? " +
    "Maak de samenvoeging ongedaan en typ hier de kolomkop.",
};

/**
 * Excel's error values by the name a Dutch Excel shows. Files and Office.js give the
 * English code (`#N/A`); a message says what the user sees in the cell (`#N/B`).
 */
export const dutchErrorNames: Record<string, string> = {
  "#N/A": "#N/B",
  "#VALUE!": "#WAARDE!",
  "#REF!": "#VERW!",
  "#DIV/0!": "#DEEL/0!",
  "#NUM!": "#GETAL!",
  "#NAME?": "#NAAM?",
  "#NULL!": "#LEEG!",
  "#SPILL!": "#OVERLOOP!",
  "#CALC!": "#BEREKENEN!",
};

/** What scoring notes about its options. */
export const scoreTexts = {
  presetIgnored: (id: string) =>
    `Let op: --preset ${id} is niet gebruikt; het blad 'Aanvraag' in de werkmap bepaalt de aanvraag.`,
} as const;

// ---- end issue 19 ----

// ---- Issue 19 (helper A): problems of the criteria tables that only the grammar finds ----

/** Problems with the criteria tables on `Aanvraag` (src/workbook/request/criteria.ts). */
export const criteriaTableMessages = {
  /** An empty `Soort waarde` where the rule or scoring compares a number. */
  valueKindRequired: (label: string, allowed: string[]) =>
    `${label} ontbreekt: de toets of scoring vergelijkt een getal. Kies uit ${joinList(allowed.map((a) => `'${a}'`))}.`,
} as const;

// ---- Issue 20 (helper W): CV intake, the `Voorstellen` sheet and applying proposals ----

/**
 * The `Voorstellen` sheet (the add-in's own: proposals from CVs, one row each) and what
 * applying them says (src/workbook/cvIntake.ts).
 */
export const cvIntakeTexts = {
  sheet: "Voorstellen",
  /** A1; starts with `Voorstellen`, as the own-sheet check recognises the sheet. */
  title: (requestId: string) => `Voorstellen uit cv's — aanvraag ${requestId}`.trim(),
  /** A2: how to use the sheet. */
  help:
    "Controleer elk voorstel aan de hand van het bewijs (bestand, pagina, regel). Typ Ja (of x) in " +
    "'Overnemen' bij wat klopt en kies Overnemen in het taakvenster, of 'awardscore cv IN.xlsx --overnemen'. " +
    "Een waarde die u zelf typte, wordt nooit overschreven.",
  /** A1 after `opschonen`: the sheet stays the add-in's, empty. */
  cleared: "Voorstellen uit cv's — gewist bij het opschonen van persoonsgegevens",
  headers: {
    candidate: "Kandidaat",
    file: "Bestand",
    page: "Pagina",
    line: "Regel",
    evidence: "Bewijs",
    kind: "Soort",
    column: "Kolom",
    value: "Waarde",
    role: "Functie",
    from: "Van",
    to: "Tot",
    countsFor: "Telt voor",
    note: "Toelichting",
    take: "Overnemen",
    status: "Status",
  },
  kinds: { requirement: "CV-eis", period: "Werkervaring", yes: "Ja-voorstel" },
  /** What `Kolom` says for a period. */
  periodColumn: "Werkervaring",
  status: {
    proposed: "Voorgesteld",
    applied: "Overgenomen",
    notApplied: (reason: string) => `Niet overgenomen: ${reason}`,
    /** A yes for several columns of which some were filled. */
    partly: (applied: string[], reasons: string[]) =>
      `Overgenomen: ${joinList(applied)}; niet overgenomen: ${reasons.join("; ")}`,
  },
  reasons: {
    filled: (id: string, shown: string) => `${id}: de cel had al een waarde (${shown})`,
    formula: (id: string) => `${id}: de cel heeft een formule`,
    noColumn: (id: string, header: string) =>
      `het blad '${sheetNames.candidates}' heeft geen kolom voor ${id} (voeg '${header}' toe)`,
    unknownCriterion: (id: string) => `${id} is geen criterium van de aanvraag`,
    takenByOther: (id: string) => `${id}: een ander voorstel vulde de cel al`,
    periodThere: (row: number) => `deze periode staat al in ${sheetNames.periods} (rij ${row})`,
    periodTwice: "dezelfde periode is al uit een ander voorstel overgenomen",
    noPeriodSheet: `het blad '${sheetNames.periods}' is niet leesbaar; maak het met Instellen of 'awardscore template'`,
  },
  /** A value in `Overnemen` that is neither yes nor empty. */
  badTake: (value: string) =>
    `'${value}' in Overnemen is onduidelijk. Typ Ja (of x) om het voorstel over te nemen, Nee of niets om het te laten.`,
  badKind: (value: string) =>
    `Onbekende soort '${value}'. Gebruik 'CV-eis', 'Werkervaring' of 'Ja-voorstel' (of verwijder de rij).`,
  badColumn: (value: string) =>
    `'${value}' noemt geen kolom van een CV-eis of ja/nee-criterium van de aanvraag (het id vooraan, zoals E1).`,
  badValue: (id: string, message: string) => `${id}: ${message}`,
  badDate: (header: string, message: string) => `${header}: ${message}`,
  badCountsFor: (value: string, allowed: string[]) =>
    `'${value}' in Telt voor: alleen ${joinList(allowed)} tellen werkervaring in jaren.`,
  noCandidate: (header: string) =>
    `Geen kandidaat: typ in '${header}' de naam zoals op het blad '${sheetNames.candidates}'.`,
  unreadableSheet:
    "Het blad 'Voorstellen' is niet leesbaar; er is niets overgenomen. Herstel de cellen hieronder.",
  noHeaderRow: (sheet: string) =>
    `Het blad '${sheet}' heeft geen kopregel met 'Kandidaat' en 'Overnemen'. Maak het opnieuw met ` +
    `'awardscore cv' (of in het taakvenster); er is niets overgenomen.`,
  missingHeader: (sheet: string, header: string) =>
    `Het blad '${sheet}' heeft geen kolom '${header}'. Maak het opnieuw; er is niets overgenomen.`,
  unknownCandidate: (name: string) =>
    `'${name}' staat niet in de kolom 'Kandidaat' van het blad '${sheetNames.candidates}'. ` +
    `Voeg de kandidaat toe of gebruik de naam zoals die daar staat; er is niets overgenomen.`,
  unknownCandidateHere: (name: string) => `Hier staat geen '${name}'.`,
  candidateTwice: (name: string, cells: string[]) =>
    `'${name}' staat meer dan eens op het blad '${sheetNames.candidates}' (${joinList(cells)}). ` +
    `Houd één rij over; er is niets overgenomen.`,
  candidateTwiceHere: (name: string, first: string) => `'${name}' staat ook in ${first}.`,
  occupiedBelow: (sheet: string, cell: string) =>
    `${sheet}!${cell}: hier zou een nieuwe periode komen, maar de cel is niet leeg. ` +
    `Maak de rijen onder de tabel vrij; er is niets overgenomen.`,
  occupiedHere: "Niet leeg: hier zou een nieuwe periode komen.",
  totalsRow: (sheet: string, table: string) =>
    `De tabel '${table}' op '${sheet}' heeft een totaalrij en geen lege rij meer. Voeg rijen aan de ` +
    `tabel toe of zet de totaalrij uit; er is niets overgenomen.`,
  tooManyRows: (sheet: string, rows: number) =>
    `Op het blad '${sheet}' passen geen ${rows} rijen meer (Excel heeft er ten hoogste 1.048.576); er is niets geschreven.`,
} as const;

// ---- end issue 20 (helper W) ----
