/**
 * The FLEX custom functions: Dutch JSDoc (functions.json is generated from it),
 * argument hand-over and the host's error type. The work is done by the adapters
 * next to this file, and the rules by the engine.
 *
 * CustomFunctionsMetadataPlugin appends `CustomFunctions.associate("ID", fn)` to
 * this file for every function below. The module-level `CustomFunctions` makes
 * those calls register with Excel where its runtime exists and do nothing where
 * it does not (the task pane in a plain browser, tests).
 */
import { awardScore } from "./award";
import { contractValue } from "./contractValue";
import { FunctionError, hostFunction } from "./errors";
import { knockout } from "./knockout";
import { rank, ranking, top } from "./ranking";
import { workYears } from "./workYears";
import { years } from "./years";

interface CustomFunctionsRuntime {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  Error: new (code: string, message?: string) => unknown;
}

/** Excel's custom-functions runtime where it exists; elsewhere registering does nothing. */
const CustomFunctions: Pick<CustomFunctionsRuntime, "associate"> & Partial<CustomFunctionsRuntime> =
  (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions ?? {
    associate: () => undefined,
  };

/** The error Excel shows: `#VALUE!` or `#N/A` with the Dutch message in the cell's error flag. */
function toHostError(error: FunctionError): unknown {
  // CustomFunctions.ErrorCode.invalidValue is "#VALUE!" and notAvailable is "#N/A": the codes themselves.
  return CustomFunctions.Error ? new CustomFunctions.Error(error.code, error.message) : error;
}

const host = {
  awardScore: hostFunction(awardScore, toHostError),
  knockout: hostFunction(knockout, toHostError),
  rank: hostFunction(rank, toHostError),
  top: hostFunction(top, toHostError),
  ranking: hostFunction(ranking, toHostError),
  years: hostFunction(years, toHostError),
  workYears: hostFunction(workYears, toHostError),
  contractValue: hostFunction(contractValue, toHostError),
};

/**
 * Gunningsscore van één kandidaat: de punten per gunningscriterium (alles-of-niets, treden of lineair) opgeteld, met de criteria van het blad Aanvraag.
 * @customfunction AWARDSCORE
 * @param waarden De gunningswaarden van de rij, bijvoorbeeld [@[G9 …]]:[@[G11 …]].
 * @param gunningscriteria Het bereik Gunningscriteria op het blad Aanvraag: id, soort, drempel en punten per criterium.
 * @param [kolomkoppen] De kolomkoppen van dezelfde kolommen; dan worden waarden op hun id (G9, G10 …) gekoppeld in plaats van op volgorde.
 * @param [werkervaring] De jaren werkervaring van deze rij uit FLEX.WORKYEARS, bijvoorbeeld INDEX(Berekening!$D$3#;RIJ()-RIJ(Kandidaten[#Kopteksten]);REEKS(1;3)): een getal telt in plaats van de getypte cel, een fout maakt de jaren onbekend, leeg laat de getypte cel tellen.
 * @param [werkervaringIds] De criterium-ids van die jaren, bijvoorbeeld Berekening!$D$2:$F$2.
 * @returns De score; leeg voor een lege rij.
 */
export function awardscore(
  waarden: unknown[][],
  gunningscriteria: unknown[][],
  kolomkoppen?: unknown[][],
  werkervaring?: unknown[][],
  werkervaringIds?: unknown[][]
): number | string {
  return host.awardScore(waarden, gunningscriteria, kolomkoppen, {
    years: werkervaring,
    ids: werkervaringIds,
  });
}

/**
 * Knock-outtoets van één kandidaat: OK, of elk criterium waarop de kandidaat afvalt (bijvoorbeeld K3; K8; een CV-eis als CV-eis E1).
 * @customfunction KNOCKOUT
 * @param waarden De knock-outwaarden van de rij (K… en E…; K8 is het uurtarief en heeft geen kolom).
 * @param knockoutcriteria Het bereik Knockoutcriteria op het blad Aanvraag: id, soort waarde, toets en grens per criterium.
 * @param uurtarief Het uurtarief van de kandidaat.
 * @param maximumtarief Het maximale uurtarief van de aanvraag (K8).
 * @param urenPerWeek Het maximum aantal uren per week, voor de opdrachtwaarde (K7).
 * @param looptijdWeken De looptijd in weken zonder verlengingen.
 * @param [verlengingen] Het aantal verlengingsopties (leeg: geen).
 * @param [wekenPerVerlenging] Het aantal weken per verlenging.
 * @param [optiesTellenMee] Ja als de opdrachtwaarde de verlengingsopties meetelt (leeg: Nee).
 * @param [kolomkoppen] De kolomkoppen van de waarden; dan worden waarden op hun id gekoppeld in plaats van op volgorde.
 * @param [cvEisen] Wat een CV-eis (E…) doet die niet gehaald is: uitsluiten (ook leeg of weggelaten) of alleen melden (CvEisen op het blad Aanvraag).
 * @param [werkervaring] De jaren werkervaring van deze rij uit FLEX.WORKYEARS, bijvoorbeeld INDEX(Berekening!$D$3#;RIJ()-RIJ(Kandidaten[#Kopteksten]);REEKS(1;3)): een getal telt in plaats van de getypte cel, een fout maakt de jaren onbekend, leeg laat de getypte cel tellen.
 * @param [werkervaringIds] De criterium-ids van die jaren, bijvoorbeeld Berekening!$D$2:$F$2.
 * @returns OK, de ids van de criteria waarop de kandidaat afvalt, of leeg voor een lege rij.
 */
export function knockoutVerdict(
  waarden: unknown[][],
  knockoutcriteria: unknown[][],
  uurtarief: unknown,
  maximumtarief: unknown,
  urenPerWeek: unknown,
  looptijdWeken: unknown,
  verlengingen?: unknown,
  wekenPerVerlenging?: unknown,
  optiesTellenMee?: unknown,
  kolomkoppen?: unknown[][],
  cvEisen?: unknown,
  werkervaring?: unknown[][],
  werkervaringIds?: unknown[][]
): string {
  return host.knockout(
    waarden,
    knockoutcriteria,
    uurtarief,
    {
      maxRate: maximumtarief,
      hoursPerWeek: urenPerWeek,
      termWeeks: looptijdWeken,
      extensionCount: verlengingen,
      extensionWeeks: wekenPerVerlenging,
      includeExtensions: optiesTellenMee,
      cvRequirements: cvEisen,
    },
    kolomkoppen,
    { years: werkervaring, ids: werkervaringIds }
  );
}

/**
 * Jaren werkervaring van alle kandidaten in één keer, volgens het blad Werkervaring: per rij van de tabel Kandidaten en per criterium in jaren (K3, G9, G11 …) de jaren uit de perioden van die kandidaat, geteld zoals bij de beoordeling (tot en met de peildatum, binnen de periode van het criterium, overlap één keer). Leeg als de kandidaat geen periode voor het criterium heeft: dan telt de getypte cel. Zet de functie buiten de tabel, bijvoorbeeld =FLEX.WORKYEARS(Berekening!$D$2:$F$2;Kandidaten[Kandidaat];Werkervaring[Kandidaat];Werkervaring[Telt voor];Werkervaring[Van];Werkervaring[Tot];Peildatum;Knockoutcriteria[#Alles];Gunningscriteria[#Alles]) in Berekening!D3, en geef de rij door aan FLEX.KNOCKOUT en FLEX.AWARDSCORE met INDEX(Berekening!$D$3#;RIJ()-RIJ(Kandidaten[#Kopteksten]);REEKS(1;3)).
 * @customfunction WORKYEARS
 * @param ids De criterium-ids in jaren, als rij, bijvoorbeeld Berekening!$D$2:$F$2 met K3, G9 en G11.
 * @param namen De hele kolom Kandidaat van de tabel Kandidaten.
 * @param wvKandidaten De kolom Kandidaat van de tabel Werkervaring.
 * @param teltVoor De kolom Telt voor van de tabel Werkervaring (bijvoorbeeld K3, G9).
 * @param van De kolom Van van de tabel Werkervaring.
 * @param tot De kolom Tot van de tabel Werkervaring; leeg betekent: loopt nog.
 * @param peildatum De peildatum van de aanvraag.
 * @param knockoutcriteria Het bereik Knockoutcriteria op het blad Aanvraag, met kopregel.
 * @param gunningscriteria Het bereik Gunningscriteria op het blad Aanvraag, met kopregel.
 * @returns Per kandidaat een rij met per id de jaren (precies, niet afgerond), leeg zonder perioden, #WAARDE! als een periode niet te lezen is.
 */
export function workYearsOfRows(
  ids: unknown[][],
  namen: unknown[][],
  wvKandidaten: unknown[][],
  teltVoor: unknown[][],
  van: unknown[][],
  tot: unknown[][],
  peildatum: unknown,
  knockoutcriteria: unknown[][],
  gunningscriteria: unknown[][]
): Array<Array<number | string>> {
  const rows = host.workYears(
    ids,
    namen,
    { candidates: wvKandidaten, countsFor: teltVoor, from: van, to: tot },
    peildatum,
    knockoutcriteria,
    gunningscriteria
  );
  // Errors inside a returned matrix are allowed (see rankingOfRows): a row's unknown years stay in its cell.
  return rows.map((row) =>
    row.map((cell) => (cell instanceof FunctionError ? toHostError(cell) : cell))
  ) as Array<Array<number | string>>;
}

/**
 * Rang en Top N van alle kandidaten in één keer: per rij van de tabel de rang (leeg zonder score) en Ja, Nee of Loting, in de volgorde van de rijen. Hoogste score eerst, bij gelijke score het laagste uurtarief, daarna een volledige loting; gelijke stand deelt de rang (1, 2, 2, 4). Eén aanroep voor de hele kolom: zet de functie buiten de tabel, bijvoorbeeld =FLEX.RANKING(ALS(ISLEEG(Kandidaten[Score]);"";Kandidaten[Score]);ALS(ISLEEG(Kandidaten[Uurtarief]);"";Kandidaten[Uurtarief]);TopN) in Berekening!A3, en haal de rij op met INDEX(Berekening!$A$3#;RIJ()-RIJ(Kandidaten[#Kopteksten]);1).
 * @customfunction RANKING
 * @param scores De hele kolom Score (een score alleen voor wie door de knock-outtoets is), als kolom of als rij.
 * @param uurtarieven De hele kolom Uurtarief, even lang.
 * @param topN Het aantal kandidaten dat doorgaat (Top N op het blad Aanvraag, 10 voor 17040).
 * @param [lotingen] De hele kolom Loting, even lang, als er geloot is.
 * @returns Per rij twee cellen: de rang (of leeg) en Ja, Nee of Loting; #WAARDE! in de cellen van een rij met een ongeldig uurtarief.
 */
export function rankingOfRows(
  scores: unknown[][],
  uurtarieven: unknown[][],
  topN: unknown,
  lotingen?: unknown[][]
): Array<Array<number | string>> {
  // The result type is written Array<Array<…>>: Microsoft's generator reads `(number | string)[][]`
  // as a parenthesized type it has no mapping for, and fails the build; this form gives the same
  // `"dimensionality": "matrix"` result.
  const rows = host.ranking({ scores, rates: uurtarieven, draws: lotingen }, topN);
  // Errors inside a returned matrix are allowed: Microsoft's CustomFunctions.Error reference
  // (https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.error,
  // CustomFunctionsRuntime 1.2) returns `[[first], [error], [third]]` from a `number[][]`
  // function to show #NUM! in one cell of the spill. So a row's own error stays in its cells.
  return rows.map((row) =>
    row.map((cell) => (cell instanceof FunctionError ? toHostError(cell) : cell))
  ) as Array<Array<number | string>>;
}

/**
 * Rang van één kandidaat met een score: hoogste score eerst, bij gelijke score het laagste uurtarief, daarna de loting. Gelijke stand deelt de rang (1, 2, 2, 4). Leeg voor een rij zonder score (afgevallen of onvolledig). Voor één rij: in elke rij van een kolom is het traag (elke aanroep krijgt de hele kolommen); gebruik voor een hele kolom FLEX.RANKING.
 * @customfunction RANK
 * @param score De score van deze rij; alleen een rij met een getal als score doet mee.
 * @param uurtarief Het uurtarief van deze rij.
 * @param scores De hele kolom Score (een score alleen voor wie door de knock-outtoets is), als kolom of als rij: TRANSPONEREN(Kandidaten[Score]) rekent sneller.
 * @param uurtarieven De hele kolom Uurtarief, net zo (kolom of rij).
 * @param [loting] Het lotnummer van deze rij (kolom Loting), als er geloot is.
 * @param [lotingen] De hele kolom Loting, net zo (kolom of rij).
 * @returns De rang, of leeg voor een rij zonder score.
 */
export function rankOfRow(
  score: unknown,
  uurtarief: unknown,
  scores: unknown[][],
  uurtarieven: unknown[][],
  loting?: unknown,
  lotingen?: unknown[][]
): number | string {
  return host.rank(
    { score, rate: uurtarief, draw: loting },
    { scores, rates: uurtarieven, draws: lotingen }
  );
}

/**
 * Top N van één kandidaat: Ja als de kandidaat zeker bij de beste N hoort, Loting als een gelijke stand op de grens eerst een loting nodig heeft, anders Nee (ook voor een rij zonder score). Voor één rij: in elke rij van een kolom is het traag; gebruik voor een hele kolom FLEX.RANKING.
 * @customfunction TOP
 * @param score De score van deze rij; alleen een rij met een getal als score doet mee.
 * @param uurtarief Het uurtarief van deze rij.
 * @param scores De hele kolom Score (een score alleen voor wie door de knock-outtoets is), als kolom of als rij: TRANSPONEREN(Kandidaten[Score]) rekent sneller.
 * @param uurtarieven De hele kolom Uurtarief, net zo (kolom of rij).
 * @param topN Het aantal kandidaten dat doorgaat (Top N op het blad Aanvraag, 10 voor 17040).
 * @param [loting] Het lotnummer van deze rij (kolom Loting), als er geloot is.
 * @param [lotingen] De hele kolom Loting, net zo (kolom of rij).
 * @returns Ja, Nee of Loting.
 */
export function topOfRow(
  score: unknown,
  uurtarief: unknown,
  scores: unknown[][],
  uurtarieven: unknown[][],
  topN: unknown,
  loting?: unknown,
  lotingen?: unknown[][]
): string {
  return host.top(
    { score, rate: uurtarief, draw: loting },
    { scores, rates: uurtarieven, draws: lotingen },
    topN
  );
}

/**
 * Jaren werkervaring in de jaren tot en met een datum: elke periode telt tot en met haar einddatum, afgekapt op die jaren, overlap één keer geteld; een lege einddatum loopt door tot en met de peildatum. Een datum 0 telt als leeg (0 is geen datum; Excel voor Windows geeft een lege cel als 0 door).
 * @customfunction YEARS
 * @param van De kolom met begindatums (Werkervaring[Van]).
 * @param tot De kolom met einddatums (Werkervaring[Tot]); leeg (of 0) betekent: loopt nog.
 * @param peildatum De datum waarop de periode eindigt (de peildatum van de aanvraag).
 * @param [jarenTerug] Hoeveel jaren terug vanaf de peildatum meetellen (5 voor K3); leeg: alle jaren.
 * @param [kandidaten] De kolom met namen (Werkervaring[Kandidaat]), om op één kandidaat te filteren.
 * @param [kandidaat] De naam van de kandidaat, bijvoorbeeld [@Kandidaat].
 * @param [teltVoor] De kolom Telt voor (Werkervaring[Telt voor]), om op één criterium te filteren.
 * @param [criterium] Het id van het criterium, bijvoorbeeld K3.
 * @returns Het aantal jaren, naar beneden afgerond op 2 decimalen; #N/B als er geen periode is.
 */
export function yearsInPeriods(
  van: unknown[][],
  tot: unknown[][],
  peildatum: unknown,
  jarenTerug?: unknown,
  kandidaten?: unknown[][],
  kandidaat?: unknown,
  teltVoor?: unknown[][],
  criterium?: unknown
): number {
  return host.years(van, tot, peildatum, jarenTerug, {
    candidates: kandidaten,
    candidate: kandidaat,
    countsFor: teltVoor,
    criterion: criterium,
  });
}

/**
 * Opdrachtwaarde: uurtarief × maximum uren per week × weken, voor de looptijd zonder of met de verlengingsopties.
 * @customfunction CONTRACTVALUE
 * @param uurtarief Het uurtarief.
 * @param urenPerWeek Het maximum aantal uren per week.
 * @param looptijdWeken De looptijd in weken zonder verlengingen.
 * @param [verlengingen] Het aantal verlengingsopties (leeg: geen).
 * @param [wekenPerVerlenging] Het aantal weken per verlenging.
 * @param [metOpties] Ja om de verlengingsopties mee te tellen (leeg: Nee).
 * @returns De opdrachtwaarde in euro's.
 */
export function contractValueOf(
  uurtarief: unknown,
  urenPerWeek: unknown,
  looptijdWeken: unknown,
  verlengingen?: unknown,
  wekenPerVerlenging?: unknown,
  metOpties?: unknown
): number {
  return host.contractValue(
    uurtarief,
    urenPerWeek,
    looptijdWeken,
    verlengingen,
    wekenPerVerlenging,
    metOpties
  );
}
