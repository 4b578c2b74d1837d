/**
 * Every Dutch text the engine produces, in one place: problems with input
 * values, with the request and with the work history, and the one-line reasons.
 * Change a wording here and every host (task pane, custom functions, CLI) follows.
 */
import { formatDate, formatEuro, formatNumber, formatYears, formatYearsAbove } from "./format";
import type { CellValue } from "./evaluation";
import type { CvRequirementPolicy } from "./request";

/** Kinds of number a cell can hold; each has its own wording and limits. */
export type NumberKind = "amount" | "rate" | "years" | "count" | "drawOrder" | "number" | "points";

const numberNoun: Record<NumberKind, string> = {
  amount: "bedrag",
  rate: "uurtarief",
  years: "aantal jaren",
  count: "aantal",
  drawOrder: "lotnummer",
  number: "getal",
  points: "aantal punten",
};

/** "Typ Ja of Nee." — the answer list ends the sentence, so "n.v.t." takes no second full stop. */
function typeYesNo(allowNotApplicable: boolean): string {
  return allowNotApplicable ? "Typ Ja, Nee of n.v.t." : "Typ Ja of Nee.";
}

/**
 * An amount in euros as `€ 75,01`; an amount with more than whole cents keeps its
 * extra decimals (`€ 75,001`), so a message never says "€ 75,00 is hoger dan € 75,00".
 */
function euroExact(amount: number): string {
  if (Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6) return formatEuro(amount);
  return `€ ${formatNumber(amount, 6)}`;
}

const numberHint: Record<NumberKind, string> = {
  amount: "Typ bijvoorbeeld 72,50 of € 72,50.",
  rate: "Typ bijvoorbeeld 72,50 of € 72,50.",
  years: "Typ bijvoorbeeld 2 of 2,5.",
  count: "Typ een heel getal, bijvoorbeeld 3.",
  drawOrder: "Typ een heel getal vanaf 1.",
  number: "Typ een getal, bijvoorbeeld 32 of 13,5.",
  points: "Typ bijvoorbeeld 50.",
};

/**
 * A cell value as a user would recognise it in a message.
 *
 * @example
 * describeCell("abc"); // "'abc'"
 * describeCell(true); // "WAAR"
 */
export function describeCell(value: CellValue): string {
  if (value === null || value === undefined) return "(leeg)";
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "number") return formatNumber(value, 6);
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "(ongeldige datum)";
    const year = value.getUTCFullYear();
    if (year >= 1 && year <= 9999) return formatDate(value);
    // Outside the four-digit years formatDate knows: still day, month and year.
    const two = (n: number) => String(n).padStart(2, "0");
    return `${two(value.getUTCDate())}-${two(value.getUTCMonth() + 1)}-${year}`;
  }
  return value.error;
}

/** Problems reading one cell. */
export const valueMessages = {
  excelError: (code: string) => `De cel bevat de Excel-fout ${code}. Vervang die door een waarde.`,
  formula: (text: string) =>
    `Formule in plaats van een waarde: '${text}'. Typ de waarde zelf, of plak alleen de waarde (Plakken speciaal > Waarden).`,
  emptyNumber: (kind: NumberKind) => `Geen ${numberNoun[kind]} ingevuld. ${numberHint[kind]}`,
  notANumber: (kind: NumberKind, value: CellValue) =>
    `Geen geldig ${numberNoun[kind]}: ${describeCell(value)}. ${numberHint[kind]}`,
  negative: (kind: NumberKind, value: CellValue) =>
    `Een ${numberNoun[kind]} kan niet negatief zijn: ${describeCell(value)}.`,
  notPositive: (kind: NumberKind, value: CellValue) =>
    `Een ${numberNoun[kind]} moet groter dan 0 zijn: ${describeCell(value)}.`,
  notWhole: (kind: NumberKind, value: CellValue) =>
    `Een ${numberNoun[kind]} moet een heel getal zijn: ${describeCell(value)}. ${numberHint[kind]}`,
  emptyYesNo: (allowNotApplicable: boolean) => `Niet ingevuld. ${typeYesNo(allowNotApplicable)}`,
  notYesNo: (value: CellValue, allowNotApplicable: boolean) =>
    `Geen geldig antwoord: ${describeCell(value)}. ${typeYesNo(allowNotApplicable)}`,
  notApplicableNotAllowed: (value: CellValue) =>
    `${describeCell(value)} (niet van toepassing) is hier niet toegestaan. Typ Ja of Nee.`,
  emptyDate: () => "Geen datum ingevuld. Typ bijvoorbeeld 04-10-2024 of 4 oktober 2024.",
  notADate: (value: CellValue) =>
    `Geen geldige datum: ${describeCell(value)}. Typ bijvoorbeeld 04-10-2024 of 4 oktober 2024.`,
  impossibleDate: (value: CellValue) => `Deze datum bestaat niet: ${describeCell(value)}.`,
  dateBefore1900: (value: CellValue) =>
    `Datum vóór 1900: ${describeCell(value)}. Controleer het jaartal.`,
  /** Issue 18: past Excel's last day (serial 2958465); Excel itself shows such a cell as ####. */
  dateAfter9999: (value: CellValue) =>
    `Datum na 31-12-9999, buiten het bereik van Excel: ${describeCell(value)}. Controleer het jaartal.`,
  yearsBeyondWindow: (value: CellValue, windowYears: number) =>
    `${describeCell(value)} jaar past niet in de laatste ${formatNumber(windowYears)} jaar. ` +
    `Typ alleen de jaren binnen die periode.`,
};

/** Problems with a candidate row as a whole, or with the fields evaluate() needs. */
export const candidateMessages = {
  field: (label: string, message: string) => `${label}: ${message}`,
  noName: () => "Deze rij heeft gegevens maar geen naam bij Kandidaat; de rij telt niet mee.",
  unreadableName: (value: CellValue) =>
    `Geen leesbare naam: ${describeCell(value)}; de rij telt niet mee.`,
  /** `total`: how many other rows there are, when `otherRows` holds only the first ones. */
  duplicateName: (name: string, otherRows: number[], total = otherRows.length) =>
    `De naam '${name}' staat ook op ${total === 1 ? "rij" : "rijen"} ${joinCounted(otherRows.map(String), total, "andere rijen")}; ` +
    `werkervaring is voor deze naam niet eenduidig toe te wijzen.`,
  historyAmbiguous: (id: string) =>
    `${id}: werkervaring hoort bij een naam die vaker voorkomt en telt daarom niet.`,
  rateLabel: "Uurtarief",
  drawLabel: "Loting",
  /** `total`: how many others there are, when `others` holds only the first names. */
  drawIncomplete: (others: string[], total = others.length) =>
    `Loting ontbreekt voor deze kandidaat, terwijl ${joinNames(others, total)} met dezelfde score en ` +
    `hetzelfde uurtarief wel een lotnummer ${total === 1 ? "heeft" : "hebben"}. ` +
    `Vul voor iedereen in de gelijke stand een lotnummer in.`,
  /** `total`: how many others there are, when `others` holds only the first names. */
  drawDuplicate: (value: number, others: string[], total = others.length) =>
    `Lotnummer ${formatNumber(value)} is ook gegeven aan ${joinNames(others, total)}. ` +
    `Geef ieder in de gelijke stand een eigen lotnummer.`,
};

/** Problems with a row of the work history (`Werkervaring`). */
export const periodMessages = {
  noCandidate: () => "Geen naam bij Kandidaat: deze periode telt niet mee.",
  unknownCandidate: (name: string) =>
    `Geen kandidaat met de naam '${name}' in Kandidaten: deze periode telt niet mee.`,
  noCountsFor: () => "Niet ingevuld waarvoor deze periode telt. Typ criteria, bijvoorbeeld K3, G9.",
  unknownCriterion: (id: string, known: string[]) =>
    `Onbekend criterium '${id}'. Werkervaring kan tellen voor ${joinList(known)}.`,
  from: (message: string) => `Van: ${message}`,
  to: (message: string) => `Tot: ${message}`,
  endBeforeStart: (from: string, to: string) =>
    `Tot (${formatDate(to)}) ligt vóór Van (${formatDate(from)}).`,
};

/** Names of the request's fields as the `Aanvraag` sheet shows them. */
export const requestLabels = {
  id: "Aanvraagnummer",
  title: "Titel",
  referenceDate: "Peildatum",
  listingClosingMoment: "Einde inschrijfdatum",
  maxRate: "Maximumtarief",
  topN: "Top N",
  hoursMin: "Minimum uren per week",
  hoursMax: "Maximum uren per week",
  hours: "Uren per week",
  termWeeks: "Looptijd in weken",
  extensionCount: "Aantal verlengingsopties",
  extensionWeeks: "Weken per verlenging",
  feePerHour: "Fee per uur",
  minAssessors: "Minimum aantal beoordelaars",
  limit: (id: string) => `Grens van ${id}`,
  points: (id: string) => `Punten van ${id}`,
  threshold: (id: string) => `Drempel van ${id}`,
  step: (id: string, index: number) => `Trede ${index + 1} van ${id}`,
  window: (id: string) => `Periode van ${id}`,
};

/** Problems with the request definition (sheet `Aanvraag`). */
export const requestMessages = {
  invalidReferenceDate: (value: string) => `Ongeldige peildatum: '${value}'.`,
  required: (label: string) => `${label} ontbreekt.`,
  invalidDate: (label: string, value: string) =>
    `${label} is geen geldige datum: '${value}'. Gebruik jjjj-mm-dd, bijvoorbeeld 2024-10-04.`,
  invalidMoment: (value: string) =>
    `Sluitingsmoment is ongeldig: '${value}'. Gebruik jjjj-mm-ddTuu:mm, bijvoorbeeld 2024-08-26T09:00.`,
  invalidListingMoment: (value: string) =>
    `Einde inschrijfdatum is ongeldig: '${value}'. Gebruik jjjj-mm-ddTuu:mm, bijvoorbeeld 2024-10-04T11:25.`,
  notPositive: (label: string) => `${label} moet een getal groter dan 0 zijn.`,
  negative: (label: string) => `${label} moet een getal van 0 of meer zijn.`,
  notWholeAtLeast: (label: string, min: number) =>
    `${label} moet een heel getal van ${min} of meer zijn.`,
  minAboveMax: (label: string) => `${label}: het minimum is groter dan het maximum.`,
  duplicateId: (id: string) => `Criterium ${id} komt meer dan één keer voor.`,
  invalidId: (id: string) =>
    `Ongeldig criterium-id '${id}'. Gebruik een letter en een nummer, bijvoorbeeld K3 of G9.`,
  headerWithoutId: (id: string, header: string) =>
    `De kolomkop '${header}' begint niet met het id ${id}; kolommen worden op hun id herkend.`,
  headerRequired: (id: string) => `${id} heeft een kolomkop nodig.`,
  ruleDoesNotFitKind: (id: string) =>
    `De toets van ${id} past niet bij het soort waarde (ja/nee of getal).`,
  thresholdRequired: (id: string) => `${id} telt een getal en heeft daarom een drempel nodig.`,
  linearMinMax: (id: string) => `${id}: het minimum moet kleiner zijn dan het maximum.`,
  noSteps: (id: string) => `${id}: voeg minstens één trede toe.`,
  stepPoints: (id: string, max: number) =>
    `${id}: de punten van een trede moeten tussen 0 en ${formatNumber(max)} liggen.`,
  windowRequired: (id: string) =>
    `${id} telt jaren en heeft daarom een periode (aantal jaren terug vanaf de peildatum) nodig.`,
  noCompetencies: () => "Voeg minstens één competentie toe.",
  duplicateCompetency: (name: string) => `Competentie '${name}' komt meer dan één keer voor.`,
  emptyScale: () => "De beoordelingsschaal is leeg.",
  duplicateScale: (value: string) => `'${value}' staat meer dan één keer in de beoordelingsschaal.`,
  passFromNotInScale: (value: string, scale: string[]) =>
    `'${value}' staat niet in de beoordelingsschaal (${joinList(scale)}).`,
  unknownKind: (id: string, kind: string) => `${id}: onbekend soort '${kind}'.`,
};

/** Problems with step-4 judgements. */
export const competencyMessages = {
  unknownJudgement: (value: string, scale: string[]) =>
    `Onbekend oordeel '${value}'. Kies uit ${joinList(scale)}.`,
  tooFewAssessors: (competency: string, count: number, min: number) =>
    `${competency}: ${count} beoordelaar${count === 1 ? "" : "s"}, er zijn er minstens ${min} nodig.`,
  missing: (competency: string) => `${competency}: geen oordeel ingevuld.`,
  missingAgreed: (competency: string) => `${competency}: nog geen eindoordeel.`,
};

/** "1,89 jaar volgens Werkervaring; getypt: 4" (issue 17 §2). */
function historyYears(
  years: number,
  typed: number | null,
  format: (years: number) => string = formatYears
): string {
  const shown = `${format(years)} jaar volgens Werkervaring`;
  return typed === null ? shown : `${shown}; getypt: ${formatNumber(typed, 6)}`;
}

/** Pieces of the one-line reason per candidate. */
export const reasonText = {
  knockedOut: (details: string[]) => `Valt af op ${details.join("; ")}`,
  alsoIncomplete: (parts: string[]) => ` (ook onvolledig: ${parts.join(", ")})`,
  incomplete: (parts: string[]) => `Onvolledig: ${parts.join(", ")}`,
  missing: (label: string) => `${label} ontbreekt`,
  unreadable: (label: string) => `${label} ongeldig`,
  rateLabel: "uurtarief",
  yesNoFailed: (id: string, label: string, value: boolean | "n.v.t.") =>
    `${id}: ${label} is ${value === true ? "Ja" : value === false ? "Nee" : "n.v.t."}`,
  yearsTooFew: (id: string, years: number, min: number) =>
    `${id}: ${formatYears(years)} jaar is minder dan de vereiste ${formatNumber(min)} jaar`,
  yearsTooMany: (id: string, years: number, max: number) =>
    `${id}: ${formatYearsAbove(years)} jaar is meer dan het maximum van ${formatNumber(max)} jaar`,
  // --- Years decided by the work history (issue 17 §2) ---
  /** "K3: 1,89 jaar volgens Werkervaring; getypt: 4 — minder dan de vereiste 2 jaar". */
  historyYearsTooFew: (id: string, years: number, typed: number | null, min: number) =>
    `${id}: ${historyYears(years, typed)} — minder dan de vereiste ${formatNumber(min)} jaar`,
  /** The years are shown rounded up, so that they never read as the maximum. */
  historyYearsTooMany: (id: string, years: number, typed: number | null, max: number) =>
    `${id}: ${historyYears(years, typed, formatYearsAbove)} — meer dan het maximum van ${formatNumber(max)} jaar`,
  /** The criteria the work history decided, for the reason line: "volgens Werkervaring: K3 2,5 jaar, G9 9,99 jaar (getypt: 10)". */
  fromHistory: (items: Array<{ id: string; years: number; typed: number | null }>) =>
    `volgens Werkervaring: ${items
      .map(
        (i) =>
          `${i.id} ${formatYears(i.years)} jaar${i.typed === null ? "" : ` (getypt: ${formatNumber(i.typed, 6)})`}`
      )
      .join(", ")}`,
  // --- end of years decided by the work history ---
  /** With `label` (the column's name): "E3: Aantal referenties is 1, minder dan het minimum van 2". */
  countTooFew: (id: string, count: number, min: number, label?: string) =>
    label
      ? `${id}: ${label} is ${formatNumber(count)}, minder dan het minimum van ${formatNumber(min)}`
      : `${id}: ${formatNumber(count)} is minder dan het minimum van ${formatNumber(min)}`,
  /** With `label` (the column's name): "E1: CV-pagina's is 6, meer dan het maximum van 5". */
  countTooMany: (id: string, count: number, max: number, label?: string) =>
    label
      ? `${id}: ${label} is ${formatNumber(count)}, meer dan het maximum van ${formatNumber(max)}`
      : `${id}: ${formatNumber(count)} is meer dan het maximum van ${formatNumber(max)}`,
  amountTooLow: (id: string, amount: number, min: number) =>
    `${id}: ${euroExact(amount)} is lager dan het minimum van ${euroExact(min)}`,
  amountTooHigh: (id: string, amount: number, max: number) =>
    `${id}: ${euroExact(amount)} is hoger dan het maximum van ${euroExact(max)}`,
  /** `withExtensions`: the contract value counts the extension options (a request setting). */
  insuranceTooLow: (id: string, insured: number, contractValue: number, withExtensions?: boolean) =>
    `${id}: verzekerd bedrag ${euroExact(insured)} is lager dan de opdrachtwaarde ` +
    `${withExtensions ? "inclusief verlengingsopties " : ""}van ${euroExact(contractValue)}`,
  rateTooHigh: (id: string, rate: number, max: number) =>
    `${id}: uurtarief ${euroExact(rate)} is hoger dan het maximum van ${euroExact(max)}`,
  score: (score: number, max: number, rank: number) =>
    `Score ${formatNumber(score)} van ${formatNumber(max)}, rang ${rank}`,
  /** `total`: how many candidates tie with this one, when `names` holds only the first names. */
  tiedWith: (names: string[], total = names.length) =>
    `gelijk met ${joinNames(names, total)} (zelfde score en uurtarief)`,
  drawn: "volgorde bepaald door loting",
  inTop: (topN: number) => `in de top ${topN}`,
  needsDraw: (fromPlace: number, toPlace: number) =>
    fromPlace === toPlace
      ? `loting nodig voor plaats ${toPlace}`
      : `loting nodig voor plaats ${fromPlace} t/m ${toPlace}`,
  outsideTop: (topN: number, cutoffScore: number | null) =>
    cutoffScore === null
      ? `buiten de top ${topN}`
      : `buiten de top ${topN} (plaats ${topN} heeft ${formatNumber(cutoffScore)} punten)`,
  separator: " — ",
};

// --- CV requirements (E…): formal requirements, named "CV-eis", never "knock-out" (issue 17 §5) ---

/** The words of the `CV-eisen` setting on `Aanvraag`: written by the template, read by every reader. */
export const cvRequirementWords: Readonly<Record<CvRequirementPolicy, string>> = {
  exclude: "uitsluiten",
  report: "alleen melden",
};

/** How reports name CV requirements and what failing one did. */
export const cvRequirementText = {
  /** The setting's label on `Aanvraag`. */
  label: "CV-eisen",
  /** One CV requirement by id, where a knock-out would show its bare id: "CV-eis E1". */
  name: (id: string) => `CV-eis ${id}`,
  /** `failures` as knockoutFailure words them: "voldoet niet aan CV-eis E1: CV-pagina's is 6, …". */
  failed: (failures: string[]) =>
    `voldoet niet aan ${failures.length === 1 ? "CV-eis" : "CV-eisen"} ${failures.join("; ")}`,
  /** A reason line of a candidate out on CV requirements only: "Valt af: voldoet niet aan CV-eis E1: …". */
  excludedOnly: (failed: string) => `Valt af: ${failed}`,
  /** Added to a reason line when the request only reports failed CV requirements. */
  reported: (failed: string) => `${failed} (alleen gemeld: telt niet mee voor uitsluiting)`,
  invalidSetting: (value: CellValue) =>
    `Onbekende waarde ${describeCell(value)}. Typ '${cvRequirementWords.exclude}' of '${cvRequirementWords.report}'.`,
};

/**
 * A Dutch list: commas, and "en" before the last item.
 *
 * @example
 * joinList(["Ans", "Bram", "Cor"]); // "Ans, Bram en Cor"
 */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
}

/** How many names (or rows) a message lists before it counts the rest ("en 4.995 anderen"). */
export const NAMES_SHOWN = 3;

/**
 * A Dutch list of names that stays one readable line: with more than
 * {@link NAMES_SHOWN} + 1 names, the first {@link NAMES_SHOWN} and "en N anderen".
 * `total` is the full count when `names` holds only the first ones, so a caller
 * with a large tie need not build every name.
 *
 * @example
 * joinNames(["Ans", "Bram", "Cor", "Daan"]); // "Ans, Bram, Cor en Daan"
 * joinNames(["Ans", "Bram", "Cor"], 118); // "Ans, Bram, Cor en 115 anderen"
 */
export function joinNames(names: string[], total = names.length): string {
  return joinCounted(names, total, "anderen");
}

/**
 * {@link joinNames} for any items, the rest counted in `rest` words: a text that lists
 * people or rows names a few and counts the others, whatever their number (issue 18).
 *
 * @example
 * joinCounted(["3", "4", "5"], 9_999, "andere rijen"); // "3, 4, 5 en 9.996 andere rijen"
 */
export function joinCounted(items: string[], total: number, rest: string): string {
  if (total <= NAMES_SHOWN + 1 && items.length >= total) return joinList(items.slice(0, total));
  const shown = items.slice(0, NAMES_SHOWN);
  return `${shown.join(", ")} en ${formatNumber(total - shown.length, 0)} ${rest}`;
}
