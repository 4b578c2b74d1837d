/**
 * Builds the workbook of one bad-input case with ExcelJS, the way an evaluator's
 * file would look: the `Aanvraag` sheet of request 17040 (unless the case uses the
 * preset), a `Kandidaten` table (or plain range) of three good candidates, an
 * optional `Werkervaring` sheet, then the case's edits (a bad value, a merge, a
 * hidden row, …). Described in cases.json; see README.md.
 */
import ExcelJS from "exceljs";
import { request17040 } from "../../../src/engine";
import type { WorkbookChange } from "../../../src/workbook/changes";
import { candidateInputColumns, periodColumns } from "../../../src/workbook/layout";
import { leadingId } from "../../../src/workbook/regions";
import { requestSheetChanges } from "../../../src/workbook/requestWrite";
import { candidateHeaders } from "../../../src/workbook/texts";
import { applyChanges } from "../../../src/xlsx";

/** A cell as cases.json writes it: a plain value, an Excel error, a date, or a formula with its cached result. */
export type CaseValue =
  | string
  | number
  | boolean
  | null
  | { error: string }
  | { date: string }
  | { formula: string; result?: CaseValue };

/** One change to the built workbook. */
export type Edit =
  | { set: string; value: CaseValue }
  | { merge: string }
  | { hideRows: string; rows: number[] }
  | { autoFilter: string }
  | { removeSheet: string }
  | { addSheet: string; rows: CaseValue[][] }
  | { renameSheet: string; to: string }
  | { formatRows: string; from: number; count: number; columns: number[] };

/** The input of a case. */
export interface CaseInput {
  /** `Kandidaten` as an Excel table (default) or a plain range. */
  table?: boolean;
  /** The request from the `Aanvraag` sheet (default), from the preset 17040, or from neither (no `Aanvraag` sheet). */
  request?: "sheet" | "preset" | "none";
  /** The row of the headers of `Kandidaten` (default 1); rows above hold a title. */
  headerRow?: number;
  /** Headers renamed (a text) or left out (null), by fixed name or criterion id. */
  headers?: Record<string, string | null>;
  /** Headers added at the right. */
  extraHeaders?: string[];
  /** Data rows of the `Kandidaten` table when more than the candidates (empty rows below them). */
  tableRows?: number;
  /** The candidates by field (fixed name or criterion id); default three good ones. */
  candidates?: Array<Record<string, CaseValue>>;
  /** Rows of a `Werkervaring` table (fields Kandidaat, Functie, Telt voor, Van, Tot). */
  periods?: Array<Record<string, CaseValue>>;
  edits?: Edit[];
}

/** Three candidates who pass every knock-out, with different scores and rates. */
export const goodCandidates: Array<Record<string, CaseValue>> = [
  {
    Kandidaat: "Ans",
    Leverancier: "Flexpool",
    Uurtarief: 70,
    K1: "Ja",
    K3: 3,
    K7: 1_000_000,
    G9: 12,
    G10: "Ja",
    G11: 1,
  },
  {
    Kandidaat: "Bram",
    Leverancier: "Interim BV",
    Uurtarief: 65,
    K1: "n.v.t.",
    K3: "2,5",
    K7: "€ 1.000.000",
    G9: 10,
    G10: "Nee",
    G11: 0,
  },
  {
    Kandidaat: "Cor",
    Leverancier: "Talent & Co",
    Uurtarief: "€ 72,50",
    K1: "Ja",
    K3: 4,
    K7: 500_000,
    G9: 3,
    G10: "Ja",
    G11: 2,
  },
];

/** Values every good candidate shares. */
const common: Record<string, CaseValue> = {
  K2: "Ja",
  K4: "Ja",
  K5: "Ja",
  K6: "Ja",
  E1: 4,
  E2: "Ja",
  E3: 2,
  Loting: null,
};

/** A case value as ExcelJS stores it. */
export function excelValue(value: CaseValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object") return value;
  if ("error" in value) return { error: value.error as ExcelJS.CellErrorValue["error"] };
  if ("date" in value) {
    const [y, m, d] = value.date.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  const result = value.result === undefined ? undefined : excelValue(value.result);
  return { formula: value.formula, result } as ExcelJS.CellFormulaValue;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`case: no sheet ${name}`);
  return sheet;
}

/** `Kandidaten!C3` → the sheet and the address. */
function split(ref: string): [string, string] {
  const at = ref.lastIndexOf("!");
  return [ref.slice(0, at), ref.slice(at + 1)];
}

/**
 * The case's workbook.
 *
 * @example
 * const workbook = buildCase({ edits: [{ set: "Kandidaten!C3", value: "zeventig" }] });
 */
export function buildCase(input: CaseInput): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2024, 9, 4));
  workbook.modified = workbook.created;
  const changes: WorkbookChange[] =
    input.request === "preset" || input.request === "none" ? [] : requestSheetChanges(request17040);

  const templateHeaders = candidateInputColumns(request17040).map((c) => c.header);
  const columns: Array<{ header: string; field: string }> = [];
  for (const header of templateHeaders) {
    // The template's rate header says what the rate includes; the cases call the column `Uurtarief`.
    const field =
      leadingId(header) ??
      (header.startsWith(candidateHeaders.rate) ? candidateHeaders.rate : header);
    const renamed = input.headers && field in input.headers ? input.headers[field] : header;
    if (renamed !== null) columns.push({ header: renamed, field });
  }
  for (const header of input.extraHeaders ?? [])
    columns.push({ header, field: leadingId(header) ?? header });
  const rows = (input.candidates ?? goodCandidates).map((c) => ({ ...common, ...c }));
  const headerRow = input.headerRow ?? 1;
  changes.push(
    { kind: "createSheet", sheet: "Kandidaten" },
    {
      kind: "writeValues",
      sheet: "Kandidaten",
      at: `A${headerRow}`,
      values: [columns.map((c) => c.header)],
    }
  );
  if (headerRow > 1)
    changes.push({
      kind: "writeValues",
      sheet: "Kandidaten",
      at: "A1",
      values: [["Kandidaten aanvraag 17040"]],
    });
  if (input.table !== false) {
    const last = String.fromCharCode(64 + columns.length);
    changes.push({
      kind: "createTable",
      sheet: "Kandidaten",
      name: "Kandidaten",
      range: `A${headerRow}:${last}${headerRow + Math.max(rows.length, 1)}`,
      columns: columns.map((c) => c.header),
    });
  }
  if (input.periods) {
    const headers = periodColumns.map((c) => c.header);
    changes.push(
      { kind: "createSheet", sheet: "Werkervaring" },
      { kind: "writeValues", sheet: "Werkervaring", at: "A1", values: [headers] },
      {
        kind: "createTable",
        sheet: "Werkervaring",
        name: "Werkervaring",
        range: `A1:E${1 + Math.max(input.periods.length, 1)}`,
        columns: headers,
      }
    );
  }
  applyChanges(workbook, changes);

  // Values go in after the tables, so formulas, errors and dates stay what the case says.
  const kandidaten = sheetOf(workbook, "Kandidaten");
  rows.forEach((row, i) =>
    columns.forEach((c, j) => {
      const value = row[c.field];
      if (value !== undefined && value !== null)
        kandidaten.getCell(headerRow + 1 + i, j + 1).value = excelValue(value);
    })
  );
  if (input.periods) {
    const werkervaring = sheetOf(workbook, "Werkervaring");
    input.periods.forEach((row, i) =>
      periodColumns.forEach((c, j) => {
        const value = row[c.header];
        if (value !== undefined && value !== null)
          werkervaring.getCell(2 + i, j + 1).value = excelValue(value);
      })
    );
  }
  if (input.tableRows) {
    // As Excel stores a table stretched over empty rows: only its range grows, no cells.
    const [table] = kandidaten.getTables() as unknown as Array<{
      table: { tableRef: string; autoFilterRef: string };
    }>;
    const last = String.fromCharCode(64 + columns.length);
    const ref = `A${headerRow}:${last}${headerRow + input.tableRows}`;
    table.table.tableRef = ref;
    table.table.autoFilterRef = ref;
  }
  for (const edit of input.edits ?? []) applyEdit(workbook, edit);
  return workbook;
}

function applyEdit(workbook: ExcelJS.Workbook, edit: Edit): void {
  if ("set" in edit) {
    const [sheet, cell] = split(edit.set);
    sheetOf(workbook, sheet).getCell(cell).value = excelValue(edit.value);
  } else if ("merge" in edit) {
    const [sheet, range] = split(edit.merge);
    sheetOf(workbook, sheet).mergeCells(range);
  } else if ("hideRows" in edit) {
    const sheet = sheetOf(workbook, edit.hideRows);
    for (const row of edit.rows) sheet.getRow(row).hidden = true;
  } else if ("autoFilter" in edit) {
    const [sheet, range] = split(edit.autoFilter);
    sheetOf(workbook, sheet).autoFilter = range;
  } else if ("removeSheet" in edit) {
    workbook.removeWorksheet(sheetOf(workbook, edit.removeSheet).id);
  } else if ("addSheet" in edit) {
    const sheet = workbook.addWorksheet(edit.addSheet);
    edit.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = excelValue(value);
      })
    );
  } else if ("renameSheet" in edit) {
    sheetOf(workbook, edit.renameSheet).name = edit.to;
  } else {
    // Empty cells with a number format, as when a column was formatted far down.
    const sheet = sheetOf(workbook, edit.formatRows);
    for (let r = edit.from; r < edit.from + edit.count; r++) {
      const row = sheet.getRow(r);
      for (const c of edit.columns) row.getCell(c).numFmt = '"€ "#,##0.00';
    }
  }
}
