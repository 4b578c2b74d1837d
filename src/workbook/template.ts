/**
 * The use case "Nieuwe aanvraag": a new request workbook (from a preset, or blank) with `Aanvraag`,
 * `Kandidaten` (a table with validation lists, formats, frozen header),
 * `Werkervaring` (a table) and an empty `Ranking` sheet.
 */
import type { Request } from "../engine";
import { rangeAddress } from "./address";
import type { WorkbookChange } from "./changes";
import {
  candidateInputColumns,
  outputHeaders,
  outputWidths,
  periodColumns,
  type CandidateColumn,
} from "./layout";
import { requestSheetChanges } from "./requestWrite";
import { sheetNames, tableNames } from "./texts";

/** Options of the template. */
export interface TemplateOptions {
  /** Data rows of the `Kandidaten` table (validation lists and formats included); at least 1. */
  rows?: number;
  /** Data rows of the `Werkervaring` table; at least 1. */
  periodRows?: number;
}

/**
 * Rows below a new table that get its columns' drop-down lists too. Excel grows a table over
 * a row typed directly below it and carries the column's validation along when the validation
 * covers the whole column of the table; LibreOffice grows no table, and the command counts rows
 * typed below a table as its rows: so the lists reach this far below in any program. Bounded,
 * so a reader that walks a validation's cells stays quick (1,000 rows × a column or ten).
 */
export const LIST_ROWS_BELOW = 1000;

/** Every sheet of the template prints on A4 landscape, one page wide, a table's header row on every page. */
function printOnA4(sheet: string, headerRow?: number): WorkbookChange {
  return {
    kind: "pageSetup",
    sheet,
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    ...(headerRow === undefined ? {} : { printTitleRows: { first: headerRow, last: headerRow } }),
  };
}

/**
 * A table at A1 with its formats, drop-down lists, widths, a frozen header and print
 * settings. The widths come first: the header wraps at them, and its row is as tall as
 * its longest header needs (Excel fits it; a file gets the height, see xlsx/apply.ts).
 */
function tableChanges(
  sheet: string,
  table: string,
  columns: CandidateColumn[],
  rows: number
): WorkbookChange[] {
  const last = 1 + rows;
  const changes: WorkbookChange[] = [
    { kind: "createSheet", sheet },
    {
      kind: "columnWidths",
      sheet,
      widths: columns.map((c, i) => ({ column: i + 1, width: c.width })),
    },
    {
      kind: "writeValues",
      sheet,
      at: "A1",
      values: [columns.map((c) => c.header)],
      bold: true,
      wrap: true,
    },
    {
      kind: "createTable",
      sheet,
      name: table,
      range: rangeAddress(1, 1, last, columns.length),
      columns: columns.map((c) => c.header),
    },
    { kind: "freezePanes", sheet, rows: 1, columns: 1 },
    printOnA4(sheet, 1),
  ];
  const listBottom = Math.max(last, 1 + LIST_ROWS_BELOW);
  columns.forEach((c, i) => {
    const range = rangeAddress(2, i + 1, last, i + 1);
    if (c.format) changes.push({ kind: "numberFormat", sheet, range, format: c.format });
    if (c.list)
      changes.push({
        kind: "listValidation",
        sheet,
        range: rangeAddress(2, i + 1, listBottom, i + 1),
        items: c.list,
      });
  });
  return changes;
}

/**
 * A blank request: everything about the assignment empty for the user to fill in on `Aanvraag`
 * (number, title, dates, rate, hours, term, options, fee, the criteria and the competencies;
 * the sheet says what goes where), and only the settings that hold for most requests filled in:
 * top 10, options do not count towards the contract value, a failed CV requirement excludes,
 * and step 4's scale `onvoldoende; voldoende; goed` from `voldoende` with two assessors.
 * Its empty numbers are NaN and its empty texts "": written as empty cells, never scored
 * (validateRequest names each).
 *
 * @example
 * blankRequest().knockouts; // []
 * blankRequest().topN; // 10
 */
export function blankRequest(): Request {
  return {
    id: "",
    title: "",
    organisation: "",
    referenceDate: "",
    closingMoment: "",
    maxRate: Number.NaN,
    topN: 10,
    hoursPerWeek: { min: Number.NaN, max: Number.NaN },
    termWeeks: Number.NaN,
    extensions: { count: Number.NaN, weeks: Number.NaN },
    contractValueIncludesExtensions: false,
    feePerHour: Number.NaN,
    cvRequirements: "exclude",
    knockouts: [],
    awards: [],
    competencyGate: {
      competencies: [],
      scale: ["onvoldoende", "voldoende", "goed"],
      passFrom: "voldoende",
      minAssessors: 2,
    },
    facts: [],
  };
}

/**
 * The changes that make a new request workbook from a request (a preset or one read from a sheet).
 *
 * @example
 * planTemplate(request17040).find((c) => c.kind === "createTable" && c.name === "Kandidaten");
 */
export function planTemplate(request: Request, options: TemplateOptions = {}): WorkbookChange[] {
  const rows = Math.max(1, options.rows ?? 1);
  const candidateColumns: CandidateColumn[] = [
    ...candidateInputColumns(request),
    ...outputHeaders(request.topN).map((header, i) => ({ header, width: outputWidths[i] })),
  ];
  return [
    ...requestSheetChanges(request),
    printOnA4(sheetNames.request),
    ...tableChanges(sheetNames.candidates, tableNames.candidates, candidateColumns, rows),
    ...tableChanges(
      sheetNames.periods,
      tableNames.periods,
      periodColumns,
      Math.max(1, options.periodRows ?? 1)
    ),
    { kind: "createSheet", sheet: sheetNames.ranking },
  ];
}
