/** Building the Excel simulator's workbook from snapshots and `.xlsx` files, and generated candidates. */
import type ExcelJS from "exceljs";
import { runRecordDraw, runScore, type OfficeHost, type ScoreOutcome } from "../../src/office";
import { isCellError, request17040, type CellValue } from "../../src/engine";
import { candidateInputColumns } from "../../src/workbook/layout";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { readSnapshot as readXlsx } from "../../src/xlsx/read";
import { fileDigest, madeOnceAsync } from "./runCache";
import {
  boxAddress,
  newSheet,
  parseBox,
  type FakeCell,
  type FakeValue,
  type FakeWorkbookState,
} from "./simulator";

/** A cell value as Excel's `values` holds it. */
export function fakeValue(value: CellValue): FakeValue {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if (isCellError(value)) return value.error;
  return value;
}

/** A fake workbook with the sheets, tables and names of a snapshot. */
export function stateFromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbookState {
  const state: FakeWorkbookState = { sheets: [], tables: [], names: [], nextId: 1 };
  for (const sheet of snapshot.sheets) {
    const fake = newSheet(sheet.name);
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const formula = sheet.formulas?.[r]?.[c] ?? undefined;
        const cell: FakeCell = { value: fakeValue(value) };
        if (formula) cell.formula = formula;
        if (cell.value !== "" || formula) fake.cells.set(`${r + 1},${c + 1}`, cell);
      })
    );
    state.sheets.push(fake);
    for (const t of sheet.tables) {
      state.tables.push({
        name: t.name,
        sheet: sheet.name,
        top: t.headerRow,
        left: t.firstColumn,
        bottom: t.headerRow + Math.max(t.rowCount, 1),
        right: t.firstColumn + t.columns.length - 1,
        columns: [...t.columns],
      });
    }
  }
  if (state.sheets.length === 0) state.sheets.push(newSheet("Blad1"));
  for (const n of snapshot.names) {
    const [a, b] = n.address.split(":");
    const abs = (x: string) => x.replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
    state.names.push({
      name: n.name,
      formula: `=${n.sheet}!${b ? `${abs(a)}:${abs(b)}` : abs(a)}`,
    });
  }
  return state;
}

/**
 * The add-in's sheets and names of an `.xlsx` file, as a snapshot (the headless command's
 * reading). Read by ExcelJS once per run and file content: every later test file gets the same
 * snapshot back without loading ExcelJS (test/office/runCache.ts).
 */
export async function xlsxSnapshot(file: string): Promise<WorkbookSnapshot> {
  return madeOnceAsync("xlsx-snapshot", fileDigest(file), async () => {
    const { default: excelJs } = await import("exceljs");
    const workbook = new excelJs.Workbook();
    await workbook.xlsx.readFile(file);
    return readXlsx(workbook);
  });
}

/** A deep copy of a fake workbook, for comparing before and after. */
export function copyState(state: FakeWorkbookState): unknown {
  return JSON.parse(
    JSON.stringify(state, (_, value) =>
      value instanceof Map ? Object.fromEntries([...value].sort()) : value
    )
  );
}

/** The 17040 input headers and the row of a generated candidate `i` (deterministic, every status). */
export const inputHeaders = candidateInputColumns(request17040).map((c) => c.header);

/** A generated candidate row under {@link inputHeaders}: mostly eligible, some knocked out, a few incomplete. */
export function generatedRow(i: number): CellValue[] {
  const pick = <T>(xs: T[]) => xs[i % xs.length];
  const values: Record<string, CellValue> = {
    Kandidaat: `Kandidaat ${i + 1}`,
    Leverancier: pick(["Flexpool", "Interim BV", "Zelfstandig", "Talent & Co"]),
    // Rates in cents between € 55 and € 75: ties stay small groups, as in real offers.
    Uurtarief: 55 + ((i * 7919) % 2001) / 100,
    K1: pick(["Ja", "n.v.t.", "Ja", "Nee"]),
    K2: "Ja",
    K3: pick([2, 3, "4,5", 1]),
    K4: "Ja",
    K5: pick(["Ja", "Ja", "Ja", "Ja", "Ja", "Nee"]),
    K6: "Ja",
    K7: 1_000_000,
    E1: pick([3, 4, 5]),
    E2: "Ja",
    E3: pick([2, 3]),
    G9: pick([12, 8, 10, 15, 3]),
    G10: pick(["Ja", "Nee", "Ja"]),
    G11: i % 97 === 5 ? "veel" : pick([0, 1, 2]),
    Loting: null,
  };
  return inputHeaders.map((h) => {
    const id = h.split(" ")[0];
    return h in values ? values[h] : (values[id] ?? null);
  });
}

/** A `Kandidaten` sheet (a table over the 17040 headers) of `count` generated candidates. */
export function generatedSheet(count: number): SheetSnapshot {
  const values: CellValue[][] = [
    inputHeaders,
    ...Array.from({ length: count }, (_, i) => generatedRow(i)),
  ];
  return {
    name: "Kandidaten",
    values,
    tables: [
      { name: "Kandidaten", headerRow: 1, firstColumn: 1, columns: inputHeaders, rowCount: count },
    ],
  };
}

/** The values of a column block of a fake sheet, rows `top`…`bottom`. */
export function columnValues(
  state: FakeWorkbookState,
  sheet: string,
  column: number,
  top: number,
  bottom: number
): FakeValue[] {
  const s = state.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const out: FakeValue[] = [];
  for (let r = top; r <= bottom; r++) out.push(s.cells.get(`${r},${column}`)?.value ?? "");
  return out;
}

export { boxAddress };

/**
 * What a sheet shows, as Excel calculates it (formulas, spills), by 1-based row and column:
 * read through Microsoft's client in one run of its own (so `last()` is that run afterwards).
 *
 * @example
 * const shown = await shownValues(excel, "Kandidaten");
 * shown(2, 21); // 87.5
 */
export async function shownValues(
  excel: { host: OfficeHost },
  sheet: string
): Promise<(row: number, column: number) => FakeValue> {
  const grid = await excel.host.run(async (context) => {
    const used = context.workbook.worksheets
      .getItem(sheet)
      .getUsedRangeOrNullObject()
      .load("rowIndex,columnIndex,values");
    await context.sync();
    return used.isNullObject
      ? null
      : {
          top: used.rowIndex + 1,
          left: used.columnIndex + 1,
          values: used.values as FakeValue[][],
        };
  });
  return (row, column) => grid?.values[row - grid.top]?.[column - grid.left] ?? "";
}

/** An ExcelJS cell as Excel's `values` shows it: dates as serials, errors as their text, formulas as their result. */
function workbookCellValue(value: ExcelJS.CellValue): FakeValue {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if (typeof value !== "object") return value;
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value)
    return workbookCellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("text" in value) return workbookCellValue((value as { text: ExcelJS.CellValue }).text);
  return "";
}

/**
 * A fake workbook with every sheet, table and defined name of an ExcelJS workbook,
 * read the way Excel shows the file (not through src/xlsx): only the top-left cell
 * of a merged area holds its value, formulas keep their text and cached result,
 * empty cells with a number format exist without a value.
 */
export function stateFromWorkbook(workbook: ExcelJS.Workbook): FakeWorkbookState {
  // Loaded here, not on import: the caller has loaded ExcelJS already to make `workbook`.
  const { ValueType } = require("exceljs") as typeof ExcelJS;
  const state: FakeWorkbookState = { sheets: [], tables: [], names: [], nextId: 1 };
  for (const worksheet of workbook.worksheets) {
    const fake = newSheet(worksheet.name);
    worksheet.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const merged = cell.type === ValueType.Merge && cell.master !== cell;
        const value = merged ? "" : workbookCellValue(cell.value);
        const formula = merged ? undefined : (cell.formula as string | undefined);
        const numberFormat = cell.numFmt;
        if (value === "" && !formula && !numberFormat) return;
        const entry: FakeCell = { value };
        if (formula) entry.formula = `=${formula}`;
        if (numberFormat) entry.numberFormat = numberFormat;
        fake.cells.set(`${r},${c}`, entry);
      })
    );
    state.sheets.push(fake);
    for (const t of worksheet.getTables() as unknown as Array<{
      table?: { name: string; tableRef?: string; ref?: string; columns: Array<{ name: string }> };
    }>) {
      const model = t.table;
      const ref = model?.tableRef ?? model?.ref;
      if (!model || !ref) continue;
      const box = parseBox(ref.includes(":") ? ref : `${ref}:${ref}`);
      state.tables.push({
        name: model.name,
        sheet: worksheet.name,
        top: box.top,
        left: box.left,
        bottom: box.bottom,
        right: box.left + model.columns.length - 1,
        columns: model.columns.map((x) => x.name),
      });
    }
  }
  if (state.sheets.length === 0) state.sheets.push(newSheet("Blad1"));
  for (const entry of workbook.definedNames.model as Array<{ name: string; ranges: string[] }>) {
    if (entry.ranges.length === 1)
      state.names.push({ name: entry.name, formula: `=${entry.ranges[0]}` });
  }
  return state;
}

/**
 * Scores with preset 17040 and records the draw at place ten (lots in row order), so the top is settled.
 *
 * @example
 * const scored = await scoreAndSettle(excel.host); // scored.evaluation.summary.needsDraw === 0
 */
export async function scoreAndSettle(host: OfficeHost): Promise<ScoreOutcome> {
  const preset = { preset: "17040" };
  const first = await runScore(host, preset);
  const rows = first.evaluation.candidates.filter((c) => c.needsDraw).map((c) => c.row);
  return runRecordDraw(
    host,
    rows,
    rows.map((_, i) => i + 1),
    preset
  );
}
