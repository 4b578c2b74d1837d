/**
 * Where things are in the workbook: the settings rows and criteria tables of the
 * `Aanvraag` sheet, the columns of `Kandidaten` and `Werkervaring`, number
 * formats and colours. Texts come from texts.ts; this file decides positions.
 */
import type { CellValue, Request, ValueKind } from "../engine";
import { headerKey } from "./regions";
import {
  candidateHeaders,
  cellWords,
  periodHeaders,
  requestSheetTexts,
  tableRowTexts,
  topHeader,
} from "./texts";

/** Invariant number format codes (Excel shows them the Dutch way in a Dutch Excel). */
export const numberFormats = {
  euro: '"€ "#,##0.00',
  date: "dd-mm-yyyy",
  dateTime: "dd-mm-yyyy hh:mm",
  whole: "0",
  text: "@",
} as const;

/** Colours of the marks: top N, needs a draw, data bars, chart. */
export const colours = {
  top: "#C6EFCE",
  draw: "#FFEB9C",
  bar: "#5B9BD5",
  chart: "#A5A5A5",
  chartTop: "#548235",
} as const;

/** The keys of the settings rows of the `Aanvraag` sheet, in sheet order. */
export type SettingKey = keyof typeof requestSheetTexts.labels;

/** One settings row: label in column A, value in column B (a defined name), a note in C. */
export interface SettingRow {
  key: SettingKey;
  /** The defined name of the value cell (the FLEX formulas refer to these). */
  name: string;
  format?: string;
  /** A row that workbooks made before it existed lack: absent means its default, not a problem. */
  optional?: boolean;
}

/** The settings rows in order; names match the FLEX formulas' defaults (src/workbook/formulas.ts). */
export const settingRows: SettingRow[] = [
  { key: "id", name: "Aanvraagnummer", format: numberFormats.text },
  { key: "title", name: "Titel" },
  { key: "organisation", name: "Organisatie" },
  { key: "referenceDate", name: "Peildatum", format: numberFormats.date },
  { key: "closingMoment", name: "Sluitingsmoment", format: numberFormats.dateTime },
  { key: "maxRate", name: "Maximumtarief", format: numberFormats.euro },
  { key: "topN", name: "TopN", format: numberFormats.whole },
  { key: "hoursMin", name: "MinUrenPerWeek" },
  { key: "hoursMax", name: "UrenPerWeek" },
  { key: "termWeeks", name: "LooptijdWeken" },
  { key: "extensionCount", name: "Verlengingen", format: numberFormats.whole },
  { key: "extensionWeeks", name: "WekenPerVerlenging" },
  { key: "includeExtensions", name: "OptiesTellenMee" },
  { key: "feePerHour", name: "FeePerUur", format: numberFormats.euro },
  { key: "scale", name: "Beoordelingsschaal" },
  { key: "passFrom", name: "VoldoendeVanaf" },
  { key: "minAssessors", name: "MinBeoordelaars", format: numberFormats.whole },
  // Last, so older workbooks keep their cells; optional when reading (issue 17 §1 and §5).
  {
    key: "listingClosingMoment",
    name: "EindeInschrijfdatum",
    format: numberFormats.dateTime,
    optional: true,
  },
  { key: "cvRequirements", name: "CvEisen", optional: true },
];

/** Settings rows that a workbook may lack (made before the row existed): no problem when absent. */
export const optionalSettings: ReadonlySet<SettingKey> = new Set(
  settingRows.filter((row) => row.optional).map((row) => row.key)
);

/** The `Aanvraag` sheet: row 1 title, row 2 headers, settings from row 3. */
export const requestSheet = {
  titleRow: 1,
  headerRow: 2,
  firstSettingRow: 3,
  labelColumn: 1,
  valueColumn: 2,
  noteColumn: 3,
} as const;

/** Columns of the criteria tables on `Aanvraag`, in order: the grammar's (src/engine/grammar). */
export { awardColumns, knockoutColumns } from "../engine";

/** Where each block of the `Aanvraag` sheet starts for a request (title row, then table header). */
export interface RequestSheetLayout {
  settingsEnd: number;
  knockouts: { titleRow: number; headerRow: number; rows: number };
  awards: { titleRow: number; headerRow: number; rows: number };
  competencies: { titleRow: number; headerRow: number; rows: number };
  facts: { titleRow: number; headerRow: number; rows: number };
}

/** Empty rows of a criteria table that has none yet (a blank request): room to type in. */
export const EMPTY_TABLE_ROWS = 5;

/**
 * The rows of each block for this request: a blank row, a title row and the table
 * (an empty list gets {@link EMPTY_TABLE_ROWS} empty rows).
 *
 * @example
 * requestSheetLayout(request17040).knockouts.headerRow; // 22
 */
export function requestSheetLayout(request: Request): RequestSheetLayout {
  const settingsEnd = requestSheet.firstSettingRow + settingRows.length - 1;
  let next = settingsEnd + 2;
  const block = (rows: number) => {
    const at = { titleRow: next, headerRow: next + 1, rows: rows > 0 ? rows : EMPTY_TABLE_ROWS };
    next = at.headerRow + at.rows + 2;
    return at;
  };
  return {
    settingsEnd,
    knockouts: block(request.knockouts.length),
    awards: block(request.awards.length),
    competencies: block(request.competencyGate.competencies.length),
    facts: block(request.facts.length),
  };
}

/** One column of the `Kandidaten` table as the template makes it. */
export interface CandidateColumn {
  header: string;
  format?: string;
  /** Drop-down items, when the column takes Ja/Nee (or n.v.t.). */
  list?: string[];
  width: number;
}

/** The number format of a criterion column by the kind of value it holds. */
export function valueFormat(kind: ValueKind): string | undefined {
  if (kind === "amount") return numberFormats.euro;
  if (kind === "count") return numberFormats.whole;
  return undefined;
}

/** The drop-down list of a criterion column by the kind of value it holds. */
export function valueList(kind: ValueKind): string[] | undefined {
  if (kind === "yesNo") return [cellWords.yes, cellWords.no];
  if (kind === "yesNoNotApplicable") return [cellWords.yes, cellWords.no, cellWords.notApplicable];
  return undefined;
}

/**
 * The input columns of the `Kandidaten` table for a request, in template order:
 * name, supplier, rate, every criterion with a column (knock-outs, then award
 * criteria), draw order. Output columns follow ({@link outputHeaders}).
 *
 * @example
 * candidateInputColumns(request17040).map((c) => c.header).slice(0, 4);
 * // ["Kandidaat", "Leverancier", "Uurtarief (excl. btw, incl. reiskosten en fee)", "K1 Waadi-registratie"]
 */
export function candidateInputColumns(request: Request): CandidateColumn[] {
  const criteria = [...request.knockouts, ...request.awards].filter(
    (c): c is typeof c & { header: string } => !!c.header
  );
  return [
    { header: candidateHeaders.name, width: 26 },
    { header: candidateHeaders.supplier, width: 24 },
    { header: tableRowTexts.rateHeader, format: numberFormats.euro, width: 16 },
    ...criteria.map((c) => ({
      header: c.header,
      format: valueFormat(c.valueKind),
      list: valueList(c.valueKind),
      width: Math.min(Math.max(12, Math.ceil(c.header.length * 0.6)), 30),
    })),
    { header: candidateHeaders.drawOrder, format: numberFormats.whole, width: 9 },
  ];
}

/** Where `FLEX.RANKING` spills on its sheet (`liveRankingTexts.sheet`): below a title and a header row. */
export const liveRankingCell = "A3";

/**
 * Where `FLEX.WORKYEARS` spills on the same sheet, one column right of the ranking's
 * two: the criterion ids in the row above, the years per candidate row from here.
 */
export const liveHistoryCell = "D3";

/** The output columns the add-in writes, in order. */
export const outputKeys = ["status", "knockout", "score", "rank", "top", "reason"] as const;

/** One output column of `Kandidaten`. */
export type OutputKey = (typeof outputKeys)[number];

/**
 * The output headers for a request's top N, in the order of {@link outputKeys}.
 *
 * @example
 * outputHeaders(5); // ["Status", "Knock-out", "Score", "Rang", "Top 5", "Toelichting"]
 */
export function outputHeaders(topN: number): string[] {
  return outputKeys.map((key) => (key === "top" ? topHeader(topN) : candidateHeaders[key]));
}

/**
 * Whether a header is the `Top N` output column (`Top 10`, or another N: the request's N
 * may have changed since the column was made).
 *
 * @example
 * isTopHeader(" top  7 "); // true
 */
export function isTopHeader(header: CellValue): boolean {
  return /^top \d+$/.test(headerKey(header));
}

/** Widths of the output columns, in the order of {@link outputKeys}. */
export const outputWidths = [12, 12, 8, 7, 8, 70] as const;

/** The columns of the `Werkervaring` table, in order. */
export const periodColumns: CandidateColumn[] = [
  { header: periodHeaders.candidate, width: 26 },
  { header: periodHeaders.role, width: 32 },
  { header: periodHeaders.countsFor, width: 12 },
  { header: periodHeaders.from, format: numberFormats.date, width: 12 },
  { header: periodHeaders.to, format: numberFormats.date, width: 12 },
];
