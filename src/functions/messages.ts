/**
 * Every Dutch text the FLEX functions add to the engine's own messages: problems
 * with the shape of a range, a criteria table or a column. (Messages about one
 * value come from the engine, so a cell and a report word a problem alike.)
 */
import { joinList } from "../engine";

/** Problems the FLEX functions report in a cell's error flag. */
export const functionMessages = {
  unexpected: (detail: string) => `Onverwachte fout in de functie: ${detail}`,
  notOneRow: (label: string) =>
    `${label}: geef één rij of één kolom cellen, bijvoorbeeld [@[G9 …]]:[@[G11 …]].`,
  oneCell: (label: string) => `${label}: geef één cel.`,
  notOneColumn: (label: string) => `${label}: geef één kolom, bijvoorbeeld Kandidaten[Score].`,
  lengthMismatch: (labels: string[]) => `${joinList(labels)} moeten even veel cellen hebben.`,
  headersMismatch: (values: number, headers: number) =>
    `Er zijn ${values} waarden maar ${headers} kolomkoppen; geef de kolomkoppen van dezelfde kolommen.`,
  valueCount: (given: number, ids: string[], requiredIds: string[]) =>
    `${given} waarde${given === 1 ? "" : "n"} gegeven; verwacht ${ids.length}` +
    (requiredIds.length !== ids.length ? ` of ${requiredIds.length}` : "") +
    ` in de volgorde ${ids.join(", ")}. Geef anders ook de kolomkoppen mee.`,
  missingColumn: (id: string) =>
    `Geen kolom voor ${id} bij de kolomkoppen: voeg de kolom toe of neem hem op in het bereik.`,
  duplicateColumn: (id: string) => `Er zijn twee kolommen voor ${id}.`,
  emptyCriteria: (label: string) => `${label} is leeg: er staan geen criteria in het bereik.`,
  criteriaColumnMissing: (label: string, column: string) =>
    `${label}: geen kolom '${column}' gevonden in de kopregel.`,
  criteriaColumns: (label: string, columns: string[]) =>
    `${label} heeft minstens de kolommen ${columns.join(", ")} nodig (in die volgorde, of met een kopregel).`,
  criterionRow: (label: string, row: number, message: string) => `${label}, rij ${row}: ${message}`,
  invalidId: (value: string) =>
    `Ongeldig criterium-id '${value}'. Gebruik een letter en een nummer, bijvoorbeeld G9.`,
  duplicateId: (id: string) => `${id} staat meer dan één keer in de criteria.`,
  unknownScoring: (id: string, value: string) =>
    `${id}: onbekende soort '${value}'. Kies alles-of-niets, treden of lineair.`,
  unknownValueKind: (id: string, value: string) =>
    `${id}: onbekende soort waarde '${value}'. Kies ja/nee, ja/nee/n.v.t., jaren, aantal of bedrag.`,
  valueKindRequired: (id: string) =>
    `${id}: geef de soort waarde (jaren, aantal of bedrag): een grens, drempel of treden vergelijkt een getal.`,
  unknownRule: (id: string, value: string) =>
    `${id}: onbekende toets '${value}'. Kies ja, minimaal, maximaal, dekt opdrachtwaarde of maximumtarief.`,
  notANumber: (id: string, what: string, value: string) =>
    `${id}: ${what} is geen getal: ${value}.`,
  numberRequired: (id: string, what: string) => `${id}: ${what} ontbreekt.`,
  invalidSteps: (id: string, value: string) =>
    `${id}: treden '${value}' zijn onleesbaar. Schrijf vanaf:punten, gescheiden door ;, bijvoorbeeld 2:10; 5:30.`,
  scoreNotANumber: (value: string) => `Score ${value} is geen getal: verwijs naar de kolom Score.`,
  rateDecides: (row: number, message: string) =>
    `Uurtarief (kolom), cel ${row}: ${message} Die rij heeft dezelfde score als deze, dus het tarief beslist over de rang.`,
  rowNotInColumns: () =>
    "Deze rij staat niet in de kolommen: geef de kolommen van dezelfde tabel als de rij.",
  periodRow: (row: number, message: string) => `Werkervaring, rij ${row}: ${message}`,
  noPeriods: (filters: string[]) =>
    filters.length === 0
      ? "Geen perioden gevonden."
      : `Geen perioden gevonden voor ${joinList(filters)}; de getypte waarde telt.`,
  windowYears: (value: string) =>
    `Aantal jaren terug moet een getal groter dan 0 zijn (of leeg voor alle jaren): ${value}.`,
  // FLEX.WORKYEARS and the Werkervaring it hands to FLEX.KNOCKOUT and FLEX.AWARDSCORE (issue 16).
  notHistoryCriterion: (value: string, known: string[]) =>
    `'${value}' is geen criterium in jaren dat werkervaring kan tellen; kies uit ${joinList(known)}.`,
  historyUnreadable: (id: string) =>
    `${id}: de werkervaring van deze kandidaat is niet te lezen (zie het blad Werkervaring); de jaren zijn onbekend.`,
  historyMismatch: (years: number, ids: number) =>
    `Er zijn ${years} jaren werkervaring maar ${ids} criterium-ids; geef er even veel.`,
  label: {
    historyIds: "Criterium-ids",
    history: "Werkervaring (jaren)",
    values: "Waarden",
    headers: "Kolomkoppen",
    awardCriteria: "Gunningscriteria",
    knockoutCriteria: "Knock-outcriteria",
    scores: "Score (kolom)",
    rates: "Uurtarief (kolom)",
    draws: "Loting (kolom)",
    from: "Van",
    to: "Tot",
    candidates: "Kandidaat (kolom)",
    countsFor: "Telt voor (kolom)",
    threshold: "de drempel",
    minimum: "het minimum",
    maximum: "het maximum",
    points: "het aantal punten",
    limit: "de grens",
    window: "de periode (jaren)",
    includeExtensions: "Opties tellen mee",
    windowYears: "Jaren terug",
  },
};
