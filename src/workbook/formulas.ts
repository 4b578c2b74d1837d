/**
 * The formulas of the `Kandidaten` table's output columns (`Knock-out`, `Score`,
 * `Rang`, `Top 10`) and of the one live ranking they read, for the add-in to
 * write. Structured references only, so they follow rows and columns that are
 * added or moved; English function syntax with commas, as `Range.formulas`
 * expects in every language.
 *
 * Blanks are decided here, in one place: every argument that points at cells a
 * user types is passed as `IF(ISBLANK(x),"",x)`. Excel on the web hands a blank
 * cell to an `any` parameter as null, Excel on Windows as 0 (office-js issues
 * #4702, #5262, #1951), and a function cannot tell that 0 from a typed 0 (a K3 of
 * 0 years is a knock-out, a blank K3 is incomplete). `ISBLANK` is calculated by
 * Excel itself, the same on every platform, so the functions only ever see "" for
 * a blank. With dynamic arrays (every Excel that runs custom functions) the
 * wrapper works on a range as on a cell, and costs no extra hand-over.
 *
 * Ranking needs the whole Score column. One `FLEX.RANKING` on its own sheet
 * (a table cannot hold a spill) gets the columns once per recalculation and
 * spills the rank and top mark of every table row; the table's `Rang` and
 * `Top N` cells pick their row from that spill with Excel's own `INDEX`. One
 * changed score thus hands over about 3·N cells, where a per-row function
 * handed over 3·N cells N times (bench/functions-bench.ts measures both).
 *
 * In the workbook layer because set-up writes these formulas (src/workbook/setUp.ts,
 * liveFormulas.ts); src/functions defines the FLEX functions they call.
 */
import { KNOCKOUT_OK } from "../engine/knockoutWord";
import { columnLetters, columnNumber } from "./address";
import { leadingId } from "./regions";

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
  /** The peildatum, the end of every work-history window (FLEX.WORKYEARS). */
  referenceDate: string;
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
  referenceDate: "Peildatum",
  cvRequirements: "CvEisen",
};

/** Where the live ranking spills: the top-left cell of its spill, on a sheet of its own. */
export interface RankingAnchor {
  /** The sheet, e.g. `Berekening`. */
  sheet: string;
  /** The cell that holds `FLEX.RANKING`, A1 (e.g. `A3`). */
  cell: string;
}

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
  /** Where `FLEX.RANKING` spills; `Rang` and `Top N` read from there. */
  ranking: RankingAnchor;
  /**
   * The criteria whose years the `Werkervaring` table's periods decide where a candidate
   * has periods for them (the engine's historyCriteria: those in years), the periods
   * table's name, and where `FLEX.WORKYEARS` spills (its ids in the row above);
   * absent or no ids: no work history in the formulas.
   */
  history?: { ids: string[]; periods: string; anchor: RankingAnchor };
  names?: Partial<RequestNames>;
}

/** The `FLEX.WORKYEARS` formula and the ids it reads from the row above its cell, left to right. */
export interface HistoryFormula {
  ids: string[];
  formula: string;
}

/** The formula per output column, and the one formula they rank by. */
export interface OutputFormulas {
  knockout: string;
  score: string;
  rank: string;
  top: string;
  /** The `FLEX.RANKING` formula for {@link FormulaTable.ranking}'s cell (outside the table). */
  ranking: string;
  /** For {@link FormulaTable.history}'s anchor: the ids (the row above it) and `FLEX.WORKYEARS`; null without work history. */
  history: HistoryFormula | null;
}

/**
 * The FLEX custom functions the formulas call, as a formula names them (namespace `FLEX` in
 * every language, manifest.xml; the functions' ids in src/functions/functions.ts).
 */
const FLEX = {
  knockout: "FLEX.KNOCKOUT",
  awardScore: "FLEX.AWARDSCORE",
  ranking: "FLEX.RANKING",
  workYears: "FLEX.WORKYEARS",
} as const;

const FIXED = {
  name: "Kandidaat",
  knockout: "Knock-out",
  score: "Score",
  rate: "Uurtarief",
  draw: "Loting",
};

/**
 * An argument as the functions must see it: a blank cell as "" on every platform
 * (see the file comment), a typed value as it is. Works on one cell and on a range.
 *
 * @example
 * present("[@[Uurtarief]]"); // 'IF(ISBLANK([@[Uurtarief]]),"",[@[Uurtarief]])'
 */
export function present(reference: string): string {
  return `IF(ISBLANK(${reference}),"",${reference})`;
}

/**
 * The output formulas for a table. The criteria's cells are passed as the
 * span from the first to the last of their columns, with the headers of that
 * span, so the functions match them by id whatever columns lie between.
 * As in the engine, a row without a name is no candidate (empty verdict and
 * top mark). Only a row whose verdict is OK gets a score: an incomplete or
 * knocked-out candidate has none, so FLEX.RANKING sees from the Score column
 * alone who takes part.
 *
 * @throws Error when a criterion has no column or `Kandidaat`, `Knock-out`, `Score` or `Uurtarief` is missing.
 * @example
 * const f = outputFormulas({ table: "Kandidaten", headers, knockoutIds: ["K1", …], awardIds: ["G9", "G10", "G11"], ranking: { sheet: "Berekening", cell: "A3" } });
 * f.rank; // '=IF(TRIM([@[Kandidaat]])="","",INDEX('Berekening'!$A$3#,ROW()-ROW(Kandidaten[#Headers]),1))'
 * f.ranking; // '=FLEX.RANKING(IF(ISBLANK(Kandidaten[[Score]]),"",Kandidaten[[Score]]),…,TopN,…)'
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
      const index = headers.findIndex((h) => leadingId(h) === id.toUpperCase());
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
  const named = `TRIM(${thisRow(name)})=""`;
  const setting = (n: string) => present(n);
  const spill = `${sheetReference(input.ranking.sheet)}!${absolute(input.ranking.cell)}#`;
  // The row's place in the spill: the table's data rows in their current order, as the columns go to FLEX.RANKING.
  const pick = (column: 1 | 2) => `INDEX(${spill},ROW()-ROW(${table}[#Headers]),${column})`;
  const history = historyFormula(input, names, column(name));
  // This row of the FLEX.WORKYEARS spill and its ids, after the other arguments (a left-out
  // CV-eisen as "", which FLEX.KNOCKOUT reads as left out).
  const years = history ? `,${history.row},${history.ids}` : "";

  return {
    knockout:
      `=IF(${named},"",${FLEX.knockout}(${present(knockouts.values)},${present(all(names.knockoutCriteria))},` +
      `${present(thisRow(rate))},${setting(names.maxRate)},${setting(names.hoursPerWeek)},` +
      `${setting(names.termWeeks)},${setting(names.extensionCount)},${setting(names.extensionWeeks)},` +
      `${setting(names.includeExtensions)},${knockouts.headers}` +
      `${names.cvRequirements ? `,${setting(names.cvRequirements)}` : history ? ',""' : ""}${years}))`,
    score:
      `=IF(ISERROR(${thisRow(knockoutHeader)}),"",IF(${thisRow(knockoutHeader)}="${KNOCKOUT_OK}",` +
      `${FLEX.awardScore}(${present(awards.values)},${present(all(names.awardCriteria))},${awards.headers}${years}),""))`,
    rank: `=IF(${named},"",${pick(1)})`,
    top: `=IF(${named},"",${pick(2)})`,
    ranking:
      `=${FLEX.ranking}(${present(column(score))},${present(column(rate))},${setting(names.topN)}` +
      `${hasDraw ? `,${present(column(FIXED.draw))}` : ""})`,
    history: history && { ids: history.idList, formula: history.formula },
  };
}

/**
 * The `FLEX.WORKYEARS` formula, with the references a row of the table hands on: its
 * row of the spill (`INDEX(…#,ROW()-ROW(table[#Headers]),{1,2,3})`, a 1×k array as
 * Excel 365 gives it) and the ids above the spill. Null without history criteria.
 */
function historyFormula(
  input: FormulaTable,
  names: RequestNames,
  candidates: string
): { idList: string[]; formula: string; row: string; ids: string } | null {
  const history = input.history;
  if (!history || history.ids.length === 0) return null;
  const { sheet, cell } = history.anchor;
  const anchor = absolute(cell);
  const [, letters, digits] = /^\$([A-Z]+)\$(\d+)$/.exec(anchor) as RegExpExecArray;
  const first = columnNumber(letters);
  const headerRow = Number(digits) - 1;
  const ids = `${sheetReference(sheet)}!$${letters}$${headerRow}:$${columnLetters(first + history.ids.length - 1)}$${headerRow}`;
  const periods = (header: string) => present(`${history.periods}[[${escapeColumn(header)}]]`);
  const formula =
    `=${FLEX.workYears}(${ids},${present(candidates)},${periods(PERIOD.candidate)},` +
    `${periods(PERIOD.countsFor)},${periods(PERIOD.from)},${periods(PERIOD.to)},` +
    `${present(names.referenceDate)},${present(all(names.knockoutCriteria))},${present(all(names.awardCriteria))})`;
  const picks = history.ids.map((_, i) => i + 1).join(",");
  return {
    idList: [...history.ids],
    formula,
    row: `INDEX(${sheetReference(sheet)}!${anchor}#,ROW()-ROW(${input.table}[#Headers]),{${picks}})`,
    ids,
  };
}

/** The headers of the `Werkervaring` table that FLEX.WORKYEARS reads. */
const PERIOD = { candidate: "Kandidaat", countsFor: "Telt voor", from: "Van", to: "Tot" };

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

/** A sheet name as a formula needs it: always quoted, with `'` doubled (valid for any name). */
function sheetReference(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** An A1 cell made absolute: `A3` → `$A$3`. */
function absolute(cell: string): string {
  return cell.replace(
    /^\$?([A-Za-z]+)\$?(\d+)$/,
    (_, c: string, r: string) => `$${c.toUpperCase()}$${r}`
  );
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
