/**
 * Every Dutch text of the workbook for the municipality (`Voorblad`, `Top 10`,
 * `Stap 3`, `Stap 4`), including the words its formulas write and compare, in one place.
 */
import { formatDate, formatEuro, formatNumber, formatYears, joinList } from "../engine";

/** Sheet names of the shared workbook. */
export const sharedSheetNames = {
  cover: "Voorblad",
  top: "Top 10",
  step3: "Stap 3",
  step4: "Stap 4",
} as const;

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
    closingMoment: "Sluitingsmoment",
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
  referenceNote: "Alle jaren ervaring zijn geteld in een periode die eindigt op de peildatum.",
  procedureHeading: "De procedure in het kort",
  procedure: (topN: number, minAssessors: number, passFrom: string) => [
    "Stap 1 — Knock-outcriteria: wie op één criterium niet voldoet, valt af.",
    "Stap 2 — Gunningscriteria: punten per criterium; de hoogste scores gaan door.",
    `De (maximaal) ${topN} best scorende geschikte kandidaten staan op het blad 'Top 10'.`,
    "Stap 3 — De gemeente vergelijkt de top op relevante ervaring met vergelijkbare opdrachten " +
      "en organisaties (blad 'Stap 3') en nodigt er minstens 2 uit.",
    `Stap 4 — Gesprek over zes competenties door minstens ${minAssessors} beoordelaars (blad 'Stap 4'); ` +
      `elke competentie moet minstens '${passFrom}' zijn. Voldoet niemand, dan mag stap 3 herhaald worden.`,
  ],
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
    knockedOut: "Gevallen op een knock-outcriterium",
    incomplete: "Onvolledig (niet te beoordelen)",
    eligible: "Geschikt",
    top: "In de top (op blad 'Top 10')",
    needsDraw: "Wachten op loting",
  },
  perCriterion: (id: string) => `  waarvan op ${id}`,
  perCriterionNote: "Een kandidaat kan op meer dan één criterium afvallen.",
  privacyNote:
    "Dit bestand bevat alleen naam, leverancier, uurtarief en beoordeling van de kandidaten in de top; " +
    "van de andere kandidaten alleen aantallen.",
} as const;

/** Texts of the `Top 10` sheet. */
export const topTexts = {
  title: (id: string, title: string) => `Top aanvraag ${id} — ${title}`,
  subtitle: (referenceDate: string, topN: number, count: number) =>
    `Peildatum ${formatDate(referenceDate)} · top ${topN} · ${count} kandidat${count === 1 ? "" : "en"}`,
  headers: {
    rank: "Rang",
    name: "Kandidaat",
    supplier: "Leverancier",
    rate: "Uurtarief",
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
  title: "Stap 3 — Vergelijking op relevante ervaring",
  instructions: [
    "Kies per kandidaat in de gele cellen een oordeel uit de lijst. Totaal en rang rekenen zichzelf uit.",
    "Zet bij 'Uitnodigen' Ja voor wie u uitnodigt voor een gesprek (stap 4); minstens 2.",
  ],
  headers: {
    awardRank: "Rang stap 2",
    name: "Kandidaat",
    supplier: "Leverancier",
    rate: "Uurtarief",
    assignments: "Ervaring met vergelijkbare opdrachten",
    organisations: "Ervaring met vergelijkbare organisaties",
    total: "Totaal",
    rank: "Rang stap 3",
    invite: "Uitnodigen",
  },
  scaleHeading: "Schaal",
  scaleHeaders: { judgement: "Oordeel", points: "Punten" },
  /** From worst to best; the points are the position (0 for the first). */
  scale: ["onvoldoende", "matig", "voldoende", "goed", "zeer goed"],
  yes: "Ja",
  no: "Nee",
  /** The check line as a native formula's pieces: `invited` is the COUNTIF expression. */
  checkOk: "OK: ",
  checkOkTail: " kandidaten uitgenodigd.",
  checkShort: "Let op: nodig minstens 2 kandidaten uit; nu ",
  checkShortTail: ".",
  empty: "Er zijn geen kandidaten in de top; stap 3 vervalt.",
} as const;

/** Texts and words of the `Stap 4` sheet. */
export const step4Texts = {
  title: "Stap 4 — Gesprek over de competenties",
  instructions: (minAssessors: number, passFrom: string) => [
    `Kies per competentie per beoordelaar een oordeel uit de lijst (minstens ${minAssessors} beoordelaars).`,
    `Een competentie voldoet als elke beoordelaar haar minstens '${passFrom}' vindt; ` +
      "één lager oordeel is genoeg om niet te voldoen.",
  ],
  overviewHeading: "Overzicht",
  overviewHeaders: {
    name: "Kandidaat",
    filled: "Oordelen ingevuld",
    passes: "Voldoet aan alle competenties",
  },
  blockTitle: (place: number, name: string, supplier: string) =>
    `${place}. ${name}${supplier ? ` (${supplier})` : ""}`,
  headers: {
    competency: "Competentie",
    assessor: (n: number) => `Beoordelaar ${n}`,
    verdict: "Oordeel",
  },
  optionalAssessor: (n: number) => `Beoordelaar ${n} (optioneel)`,
  passesLabel: "Voldoet aan alle competenties",
  /** Verdict words the formulas write. */
  pass: "Voldoet",
  fail: "Voldoet niet",
  open: "Nog open",
  yes: "Ja",
  no: "Nee",
  /** The closing line's three outcomes (a native formula picks one). */
  lineRepeat: "Geen kandidaat voldoet aan alle competenties: stap 3 mag worden herhaald.",
  linePasses: " kandidaat/kandidaten voldoen aan alle competenties.",
  lineWaiting: "Nog niet alle gesprekken zijn volledig beoordeeld.",
  lineNone: "Nog geen gesprekken beoordeeld.",
  empty: "Er zijn geen kandidaten in de top; stap 4 vervalt.",
} as const;
