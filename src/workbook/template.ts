/**
 * The use case "Nieuwe aanvraag": a new request workbook with `Aanvraag`,
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

/** A table at A1 with its formats, drop-down lists, widths and a frozen header. */
function tableChanges(
  sheet: string,
  table: string,
  columns: CandidateColumn[],
  rows: number
): WorkbookChange[] {
  const last = 1 + rows;
  const changes: WorkbookChange[] = [
    { kind: "createSheet", sheet },
    { kind: "writeValues", sheet, at: "A1", values: [columns.map((c) => c.header)] },
    {
      kind: "createTable",
      sheet,
      name: table,
      range: rangeAddress(1, 1, last, columns.length),
      columns: columns.map((c) => c.header),
    },
    { kind: "freezePanes", sheet, rows: 1, columns: 1 },
    {
      kind: "columnWidths",
      sheet,
      widths: columns.map((c, i) => ({ column: i + 1, width: c.width })),
    },
  ];
  columns.forEach((c, i) => {
    const range = rangeAddress(2, i + 1, last, i + 1);
    if (c.format) changes.push({ kind: "numberFormat", sheet, range, format: c.format });
    if (c.list) changes.push({ kind: "listValidation", sheet, range, items: c.list });
  });
  return changes;
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
