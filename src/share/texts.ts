/**
 * Every Dutch text of the workbook for the municipality (`Voorblad`, `Top {N}`,
 * `Stap 3`, `Stap 4`), including the words its formulas write and compare, in one place.
 * Counts (the top's size, the competencies) come from the request, never from here.
 */
import {
  formatDate,
  formatEuro,
  formatNumber,
  formatYears,
  joinList,
  type CvRequirementPolicy,
} from "../engine";

/** Sheet names of the shared workbook; the top's sheet is named after the request's top N. */
export const sharedSheetNames = {
  cover: "Voorblad",
  top: (topN: number) => `Top ${topN}`,
  step3: "Stap 3",
  step4: "Stap 4",
  /** Issue 18: a hidden sheet with the drop-down lists that cannot be written as a list (a comma, over 255 characters). */
  lists: "Keuzelijsten",
} as const;

const numberWords = [
  "geen",
  "één",
  "twee",
  "drie",
  "vier",
  "vijf",
  "zes",
  "zeven",
  "acht",
  "negen",
  "tien",
  "elf",
  "twaalf",
];

/**
 * A count in words as Dutch prose writes it (digits from 13 on).
 *
 * @example
 * countWord(6); // "zes"
 */
export function countWord(count: number): string {
  return numberWords[count] ?? formatNumber(count);
}

/** The hourly rate as the request defines it (K8: excl. VAT, incl. travel and fee). */
const rateHeader = "Uurtarief (excl. btw, incl. reiskosten en fee)";

/** Texts of the `Voorblad` sheet. */
export const coverTexts = {
  title: (id: string, title: string) => `Aanvraag ${id} — ${title}`,
  subtitle: "Selectie van kandidaten voor de gemeente (stap 1 en 2 beoordeeld door Flextender)",
  requestHeading: "De aanvraag",
  labels: {
    id: "Aanvraagnummer",
    title: "Titel",
    organisation: "Organisatie",
    referenceDate: "Peildatum",
    closingMoment: "Reactietermijn",
    maxRate: "Maximumtarief",
    hours: "Uren per week",
    term: "Looptijd",
    made: "Gemaakt op",
  },
  hours: (min: number, max: number) =>
    min === max ? `${formatNumber(max)}` : `${formatNumber(min)}–${formatNumber(max)}`,
  term: (weeks: number, count: number, extensionWeeks: number) =>
    count > 0
      ? `${formatNumber(weeks)} weken, ${count} verlengingsoptie${count === 1 ? "" : "s"} van ${formatNumber(extensionWeeks)} weken`
      : `${formatNumber(weeks)} weken`,
  /** The request's words for the term, with the weeks behind them. */
  termInWords: (words: string, weeks: string) => `${words} (${weeks})`,
  referenceNote: "Alle jaren ervaring zijn geteld in een periode die eindigt op de peildatum.",
  /** The peildatum line's note when the scoring used another than the request's (`--peildatum`). */
  referenceOverridden: (requestDate: string) =>
    `Opgegeven bij het beoordelen, in plaats van ${formatDate(requestDate)} uit de aanvraag.`,
  /** The listing's own closing date: shown under its name, never used to judge (issue 17 §1). */
  listing: "Einde inschrijfdatum",
  listingNote: "De datum van de advertentie; telt niet mee bij het beoordelen.",
  procedureHeading: "De procedure in het kort",
  procedure: (topN: number, competencies: number, minAssessors: number, passFrom: string) => [
    "Stap 1 — Knock-outcriteria: wie op één criterium niet voldoet, valt af. De CV-eisen staan apart.",
    "Stap 2 — Gunningscriteria: punten per criterium; de hoogste scores gaan door.",
    `De (maximaal) ${topN} best scorende geschikte kandidaten staan op het blad '${sharedSheetNames.top(topN)}'.`,
    "Stap 3 — De gemeente vergelijkt de top op relevante werkervaring op soortgelijke opdrachten " +
      "en bij soortgelijke organisaties (blad 'Stap 3'):",
    '   "De (minimaal 2) kandidaten die op basis van deze criteria als beste worden beoordeeld, ' +
      'worden uitgenodigd voor een selectiegesprek (stap 4 in de beoordeling)."',
    `Stap 4 — Selectiegesprek over de ${countWord(competencies)} competenties met minstens ${minAssessors} ` +
      "beoordelaars (blad 'Stap 4'); per competentie leggen zij één gezamenlijk eindoordeel vast,",
    `   dat minstens '${passFrom}' moet zijn. Voldoet geen van de uitgenodigde kandidaten, dan mag stap 3 worden herhaald.`,
  ],
  planningHeading: "Planning (uit de aanvraag)",
  knockoutsHeading: "Knock-outcriteria (stap 1)",
  awardsHeading: "Gunningscriteria (stap 2)",
  pointsHeader: "Punten",
  criterionHeader: "Criterium",
  idHeader: "Id",
  maxPoints: (points: number) => `Maximaal ${formatNumber(points)} punten`,
  rulesHeading: "Rangorde",
  tieBreak: "Bij gelijke score gaat de kandidaat met het laagste uurtarief voor.",
  draw:
    "Bij gelijke score én gelijk uurtarief is er een gelijke stand. Binnen de top delen zij de rang; " +
    "valt de gelijke stand over de laatste plaats van de top heen, dan beslist een loting.",
  countsHeading: "Aantallen",
  counts: {
    received: "Ontvangen kandidaten",
    out: "Gevallen af",
    knockedOut: "Gevallen op een knock-outcriterium",
    incomplete: "Onvolledig (niet te beoordelen)",
    eligible: "Geschikt",
    top: (topN: number) => `In de top (op blad '${sharedSheetNames.top(topN)}')`,
    needsDraw: "Wachten op loting",
  },
  perCriterion: (id: string) => `  waarvan op ${id}`,
  perCriterionNote: "Een kandidaat kan bij meer dan één criterium meetellen.",
  privacyNote:
    "Dit bestand bevat alleen naam, leverancier, uurtarief en beoordeling van de kandidaten in de top; " +
    "van de andere kandidaten alleen aantallen.",
} as const;

// --- CV requirements (E…) on the Voorblad: "CV-eis", never "knock-out" (issue 17 §5) ---

/** What the request's `CV-eisen` setting does, as the Voorblad states it. */
const cvSettingWords: Readonly<Record<CvRequirementPolicy, string>> = {
  exclude: "uitsluiten: wie er een niet haalt, valt af",
  report: "alleen melden: telt niet mee",
};

/** Texts of the `Voorblad` about the formal CV requirements (E…), apart from the knock-outs. */
export const cvTexts = {
  heading: "CV-eisen",
  /** What failing one does: the request's `CV-eisen` setting. */
  settingLabel: "Gevolg",
  quoteLabel: "Uit de aanvraag",
  setting: (policy: CvRequirementPolicy) => cvSettingWords[policy],
  /** The label of the request's fact that holds its own CV-eisen sentence (preset 17040 has it). */
  factLabel: "CV-eisen in de aanvraag",
  /** The request's own sentence, quoted as the procedure quotes its step 3. */
  quote: (sentence: string) => `"${sentence}"`,
  /** The count of everyone out in step 1, named by what can put a candidate out. */
  out: (policy: CvRequirementPolicy) =>
    policy === "exclude"
      ? "Gevallen af (knock-outcriterium of CV-eis)"
      : "Gevallen af (knock-outcriterium)",
  failed: "Niet voldaan aan een CV-eis",
  countNote: (excludes: boolean) =>
    excludes
      ? "Wie niet voldoet aan een CV-eis, valt af (CV-eisen: uitsluiten)."
      : "Alleen gemeld: telt niet mee; wie alleen een CV-eis niet haalt, valt niet af.",
  /** The note on a top candidate who failed CV requirements that the request only reports. */
  reported: (ids: string[]) =>
    `Niet voldaan aan ${ids.length === 1 ? "CV-eis" : "CV-eisen"} ${joinList(ids)} (alleen gemeld)`,
} as const;

/** Texts of the `Top {N}` sheet. */
export const topTexts = {
  title: (id: string, title: string) => `Top aanvraag ${id} — ${title}`,
  /** `peildatum`: as {@link peildatum} words it. */
  subtitle: (peildatum: string, topN: number, count: number) =>
    `${peildatum} · top ${topN} · ${count} kandidat${count === 1 ? "" : "en"}`,
  headers: {
    rank: "Rang",
    name: "Kandidaat",
    supplier: "Leverancier",
    rate: rateHeader,
    total: "Totaal",
    note: "Opmerking",
    reason: "Toelichting",
  },
  awardHeader: (id: string, points: number) => `${id} (${formatNumber(points)})`,
  tie: (names: string[]) => `Gelijke stand met ${joinList(names)}`,
  drawn: "Volgorde bepaald door loting",
  empty: "Er zijn (nog) geen kandidaten in de top.",
  drawPending: (count: number, from: number, to: number) =>
    `Let op: voor ${from === to ? `plaats ${to}` : `plaats ${from} t/m ${to}`} is nog een loting nodig tussen ` +
    `${count} kandidaten met dezelfde score en hetzelfde uurtarief. Zij staan hier niet in; ` +
    `na de loting volgt een nieuwe versie van dit bestand.`,
  reason: (score: number, max: number, parts: string[]) =>
    `Score ${formatNumber(score)} van ${formatNumber(max)}: ${parts.join("; ")}`,
  awardPart: (id: string, value: string, points: number) =>
    `${id} ${value} → ${formatNumber(points)} punt${points === 1 ? "" : "en"}`,
  yes: "Ja",
  no: "Nee",
  notApplicable: "n.v.t.",
  years: (years: number) => `${formatYears(years)} jaar`, // rounded down (issue 17 §2)
  fromHistory: "volgens werkervaring",
  rate: (rate: number) => formatEuro(rate),
} as const;

/** Texts and words of the `Stap 3` sheet. */
export const step3Texts = {
  title: "Stap 3 — Uitnodiging voor een selectiegesprek",
  instructions: [
    "Kies per kandidaat in de gele cellen een oordeel uit de lijst. Totaal en rang rekenen zichzelf uit.",
    'Uit de aanvraag: "De (minimaal 2) kandidaten die op basis van deze criteria als beste worden ' +
      'beoordeeld, worden uitgenodigd voor een selectiegesprek (stap 4 in de beoordeling)."',
    "Zet bij 'Uitnodigen' Ja voor wie u uitnodigt; de controle onderaan zegt of dat klopt met de totalen.",
  ],
  headers: {
    awardRank: "Rang stap 2",
    name: "Kandidaat",
    supplier: "Leverancier",
    rate: rateHeader,
    assignments: "Relevante werkervaring op soortgelijke opdrachten",
    organisations: "Relevante werkervaring bij soortgelijke organisaties",
    total: "Totaal",
    rank: "Rang stap 3",
    invite: "Uitnodigen",
    check: "Controle",
    skippedNames: "Hulpkolom: hoger dan een uitgenodigde",
    unjudgedNames: "Hulpkolom: nog geen oordeel",
  },
  scaleHeading: "Schaal",
  scaleHeaders: { judgement: "Oordeel", points: "Punten" },
  /** From worst to best; the points are the position (0 for the first). */
  scale: ["onvoldoende", "matig", "voldoende", "goed", "zeer goed"],
  yes: "Ja",
  no: "Nee",
  /** The per-row check words (a native formula writes them). */
  rowUnjudged: "Nog geen oordeel",
  rowSkipped: "Niet uitgenodigd, maar hoger dan een uitgenodigde kandidaat",
  /** The check line's pieces; a native formula joins them with the counts and names. */
  checkOk: "OK: ",
  checkOkOne: " kandidaat uitgenodigd",
  checkOkMany: " kandidaten uitgenodigd",
  checkOkTail: "; wie niet is uitgenodigd, staat niet hoger.",
  checkWarning: "Let op: ",
  checkShort: (required: number) =>
    `Nodig minstens ${required} kandidat${required === 1 ? "" : "en"} uit; nu `,
  checkSkipped: "Niet uitgenodigd, maar hoger beoordeeld dan een uitgenodigde kandidaat: ",
  checkUnjudged: "Nog geen oordeel: ",
  empty: "Er zijn geen kandidaten in de top; stap 3 vervalt.",
} as const;

/** Texts and words of the `Stap 4` sheet. */
export const step4Texts = {
  title: "Stap 4 — Selectiegesprek over de competenties",
  instructions: (minAssessors: number, passFrom: string) => [
    `Kies per competentie het oordeel van elke beoordelaar (minstens ${minAssessors}) en daarna het ` +
      "Eindoordeel waarover de beoordelaars het samen eens zijn.",
    `Het Eindoordeel beslist: een competentie voldoet als het Eindoordeel minstens '${passFrom}' is. ` +
      'Uit de aanvraag: "De kandidaten dienen op elke competentie minimaal een voldoende te scoren."',
    "Verschillen de beoordelaars twee stappen of meer, of vond een beoordelaar een competentie lager dan " +
      `'${passFrom}' terwijl het Eindoordeel voldoet, motiveer het Eindoordeel dan in de kolom 'Motivering'.`,
  ],
  overviewHeading: "Overzicht",
  overviewHeaders: {
    name: "Kandidaat",
    invited: "Uitgenodigd (blad 'Stap 3')",
    filled: "Oordelen beoordelaars",
    agreed: (count: number) => `Eindoordelen (van ${count})`,
    motivations: "Motivering nodig",
    passes: "Voldoet aan alle competenties",
  },
  blockTitle: (place: number, name: string, supplier: string) =>
    `${place}. ${name}${supplier ? ` (${supplier})` : ""}`,
  headers: {
    competency: "Competentie",
    assessor: (n: number) => `Beoordelaar ${n}`,
    agreed: "Eindoordeel",
    verdict: "Oordeel",
    motivationCheck: "Controle motivering",
    motivation: "Motivering",
  },
  optionalAssessor: (n: number) => `Beoordelaar ${n} (optioneel)`,
  passesLabel: "Voldoet aan alle competenties",
  /** Verdict words the formulas write. */
  pass: "Voldoet",
  fail: "Voldoet niet",
  open: "Nog open",
  yes: "Ja",
  no: "Nee",
  /** What the motivation check writes. */
  motivationNeeded: "Motivering nodig",
  motivationGiven: "Gemotiveerd",
  /** The closing line's outcomes (a native formula picks one). */
  lineRepeat: (passFrom: string) =>
    "Geen van de uitgenodigde kandidaten heeft op alle competenties een eindoordeel van minstens " +
    `'${passFrom}'. Stap 3 mag worden herhaald.`,
  linePassesOne: " uitgenodigde kandidaat voldoet aan alle competenties.",
  linePassesMany: " uitgenodigde kandidaten voldoen aan alle competenties.",
  lineWaiting: "Nog niet alle uitgenodigde kandidaten zijn volledig beoordeeld.",
  lineNone: "Nog niemand uitgenodigd (kolom 'Uitnodigen' op blad 'Stap 3').",
  empty: "Er zijn geen kandidaten in de top; stap 4 vervalt.",
} as const;

/**
 * "Peildatum 26-08-2024 (reactietermijn)", or with the request's own date beside it when
 * the scoring used another (`--peildatum`).
 *
 * @example
 * peildatum({ referenceDate: "2024-08-26", closingMoment: "2024-08-26T09:00" }, "2024-08-26"); // "Peildatum 26-08-2024 (reactietermijn)"
 */
export function peildatum(
  request: { referenceDate: string; closingMoment: string },
  requestReferenceDate: string
): string {
  const date = `Peildatum ${formatDate(request.referenceDate)}`;
  if (requestReferenceDate !== request.referenceDate)
    return `${date} (opgegeven bij het beoordelen, in plaats van ${formatDate(requestReferenceDate)} uit de aanvraag)`;
  return request.closingMoment.slice(0, 10) === request.referenceDate
    ? `${date} (reactietermijn)`
    : date;
}
