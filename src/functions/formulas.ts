/**
 * The formulas of the `Kandidaten` table's output columns (`Knock-out`, `Score`,
 * `Rang`, `Top 10`), for the add-in's set-up to write. Structured references
 * only, so they follow rows and columns that are added or moved; English
 * function syntax with commas, as `Range.formulas` expects in every language.
 */
import { headerId } from "./criteria";
import { KNOCKOUT_OK } from "./knockout";

/**
 * The names on the `Aanvraag` sheet that the formulas refer to: the criteria
 * tables (passed with their header row, `[#All]`, so columns are found by
 * header) and the defined names of the setting cells.
 */
export interface RequestNames {
  awardCriteria: string;
  knockoutCriteria: string;
  maxRate: string;
  hoursPerWeek: string;
  termWeeks: string;
  extensionCount: string;
  extensionWeeks: string;
  includeExtensions: string;
  topN: string;
  /** The `CV-eisen` setting; null where the workbook has no such cell (FLEX.KNOCKOUT then excludes, as the sheet reader does). */
  cvRequirements: string | null;
}

/** The names the formulas use unless the workbook layout gives others. */
export const DEFAULT_REQUEST_NAMES: RequestNames = {
  awardCriteria: "Gunningscriteria",
  knockoutCriteria: "Knockoutcriteria",
  maxRate: "Maximumtarief",
  hoursPerWeek: "UrenPerWeek",
  termWeeks: "LooptijdWeken",
  extensionCount: "Verlengingen",
  extensionWeeks: "WekenPerVerlenging",
  includeExtensions: "OptiesTellenMee",
  topN: "TopN",
  cvRequirements: "CvEisen",
};

/** What the formulas need to know of the table. */
export interface FormulaTable {
  /** The table's name, e.g. `Kandidaten`. */
  table: string;
  /** The table's headers, in order. */
  headers: string[];
  /** The ids of the knock-out criteria and formal requirements that have a column (K8 has none). */
  knockoutIds: string[];
  /** The ids of the award criteria. */
  awardIds: string[];
  names?: Partial<RequestNames>;
}

/** The formula per output column. */
export interface OutputFormulas {
  knockout: string;
  score: string;
  rank: string;
  top: string;
}

const FIXED = {
  name: "Kandidaat",
  knockout: "Knock-out",
  score: "Score",
  rate: "Uurtarief",
  draw: "Loting",
};

/**
 * The four output formulas for a table. The criteria's cells are passed as the
 * span from the first to the last of their columns, with the headers of that
 * span, so the functions match them by id whatever columns lie between.
 * As in the engine, a row without a name is no candidate (empty verdict and
 * top mark). Only a row whose verdict is OK gets a score: an incomplete or
 * knocked-out candidate has none, so FLEX.RANK and FLEX.TOP see from the Score
 * column alone who takes part.
 *
 * @throws Error when a criterion has no column or `Knock-out`, `Score` or `Uurtarief` is missing.
 * @example
 * outputFormulas({ table: "Kandidaten", headers, knockoutIds: ["K1", …], awardIds: ["G9", "G10", "G11"] }).score;
 * // '=IF(ISERROR([@[Knock-out]]),"",IF([@[Knock-out]]="OK",FLEX.AWARDSCORE([@[G9 …]]:[@[G11 …]],Gunningscriteria[#All],Kandidaten[[#Headers],[G9 …]:[G11 …]]),""))'
 */
export function outputFormulas(input: FormulaTable): OutputFormulas {
  const names = { ...DEFAULT_REQUEST_NAMES, ...input.names };
  const { table, headers } = input;
  const fixed = (header: string) => {
    if (!headers.includes(header)) throw new Error(`Column '${header}' is missing from ${table}.`);
    return header;
  };
  const knockoutHeader = fixed(FIXED.knockout);
  const name = fixed(FIXED.name);
  const thisRow = (header: string) => `[@[${escapeColumn(header)}]]`;
  const column = (header: string) => `${table}[[${escapeColumn(header)}]]`;
  const span = (ids: string[]) => {
    const positions = ids.map((id) => {
      const index = headers.findIndex((h) => headerId(h) === id.toUpperCase());
      if (index < 0) throw new Error(`No column for ${id} in ${table}.`);
      return index;
    });
    const first = headers[Math.min(...positions)];
    const last = headers[Math.max(...positions)];
    return {
      values: `${thisRow(first)}:${thisRow(last)}`,
      headers: `${table}[[#Headers],[${escapeColumn(first)}]:[${escapeColumn(last)}]]`,
    };
  };

  const knockouts = span(input.knockoutIds);
  const awards = span(input.awardIds);
  const rate = rateHeader(headers, table);
  const score = fixed(FIXED.score);
  const hasDraw = headers.includes(FIXED.draw);
  // Only a row that passed the knock-out criteria has a score, so the ranking needs no Knock-out
  // column. The whole columns go as one row each (TRANSPOSE): Excel then hands each call one
  // array of N cells instead of N arrays of one, which every call must read in full.
  const line = (header: string) => `TRANSPOSE(${column(header)})`;
  const standing = [thisRow(score), thisRow(rate), line(score), line(rate)].join(",");
  const draw = hasDraw ? `,${thisRow(FIXED.draw)},${line(FIXED.draw)}` : "";
  const named = `TRIM(${thisRow(name)})=""`;

  return {
    knockout:
      `=IF(${named},"",FLEX.KNOCKOUT(${knockouts.values},${all(names.knockoutCriteria)},${thisRow(rate)},` +
      `${names.maxRate},${names.hoursPerWeek},${names.termWeeks},${names.extensionCount},` +
      `${names.extensionWeeks},${names.includeExtensions},${knockouts.headers}` +
      `${names.cvRequirements ? `,${names.cvRequirements}` : ""}))`,
    score:
      `=IF(ISERROR(${thisRow(knockoutHeader)}),"",IF(${thisRow(knockoutHeader)}="${KNOCKOUT_OK}",` +
      `FLEX.AWARDSCORE(${awards.values},${all(names.awardCriteria)},${awards.headers}),""))`,
    rank: `=FLEX.RANK(${standing}${draw})`,
    top: `=IF(${named},"",FLEX.TOP(${standing},${names.topN}${draw}))`,
  };
}

/**
 * The rate column: the header `Uurtarief`, or one that starts with it and says what the
 * rate includes (`Uurtarief (excl. btw, incl. reiskosten en fee)`), as the workbook reads it.
 */
function rateHeader(headers: string[], table: string): string {
  const key = FIXED.rate.toLowerCase();
  const found = headers.find((h) => {
    const header = h.trim().toLowerCase();
    return header.startsWith(key) && !/[\p{L}\p{N}]/u.test(header.charAt(key.length));
  });
  if (found === undefined) throw new Error(`Column '${FIXED.rate}' is missing from ${table}.`);
  return found;
}

/** A whole criteria table with its header row. */
function all(table: string): string {
  return `${table}[#All]`;
}

/**
 * A column name as a structured reference needs it: `[`, `]`, `#` and `'` escaped with `'`.
 *
 * @example
 * escapeColumn("E1 CV-pagina's"); // "E1 CV-pagina''s"
 */
export function escapeColumn(header: string): string {
  return header.replace(/[[\]#']/g, "'$&");
}
