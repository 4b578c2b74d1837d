/**
 * Plans applied to in-memory snapshots, for the tests of the live formulas: what a host
 * leaves in the cells after a set-up or a scoring (formulas where formulas were written,
 * values where values were), and a stand-in for Excel's calculation that makes every
 * formula cell of `Kandidaten` show the engine's verdict.
 */
import type { CellValue } from "../../src/engine";
import { parseCell, parseRange } from "../../src/workbook/address";
import type { WorkbookChange } from "../../src/workbook/changes";
import { outputHeaders, outputKeys } from "../../src/workbook/layout";
import { outputRow, type ScorePlan } from "../../src/workbook/score";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";

/** A deep copy, so a test can apply changes and keep the snapshot it started from. */
function copy(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    names: snapshot.names.map((n) => ({ ...n })),
    sheets: snapshot.sheets.map((s) => ({
      ...s,
      values: s.values.map((r) => [...r]),
      formulas: s.formulas?.map((r) => [...r]),
      tables: s.tables.map((t) => ({ ...t, columns: [...t.columns] })),
    })),
  };
}

/** Sets one cell's value and formula (null: none), growing the grids as needed. */
function put(
  sheet: SheetSnapshot,
  row: number,
  column: number,
  value: CellValue,
  formula: string | null
) {
  const formulas = (sheet.formulas ??= []);
  for (const grid of [sheet.values, formulas] as Array<Array<Array<CellValue | string | null>>>)
    while (grid.length < row) grid.push([]);
  const values = sheet.values[row - 1];
  const texts = formulas[row - 1];
  while (values.length < column) values.push(null);
  while (texts.length < column) texts.push(null);
  values[column - 1] = value;
  texts[column - 1] = formula;
}

/**
 * The snapshot after a host applied `changes` (the kinds that put something in a cell or
 * shape a sheet; formats and marks change nothing a plan reads). A written formula's cell
 * shows nothing until {@link calculate}: Excel has not calculated yet.
 */
export function applyToSnapshot(
  snapshot: WorkbookSnapshot,
  changes: WorkbookChange[]
): WorkbookSnapshot {
  const next = copy(snapshot);
  const sheetOf = (name: string): SheetSnapshot => {
    let sheet = next.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) next.sheets.push((sheet = { name, values: [], formulas: [], tables: [] }));
    return sheet;
  };
  for (const change of changes) {
    if (change.kind === "createSheet") sheetOf(change.sheet);
    else if (change.kind === "resetSheet") {
      const sheet = sheetOf(change.sheet);
      sheet.values = [];
      sheet.formulas = [];
      sheet.tables = [];
    } else if (change.kind === "writeValues") {
      const at = parseCell(change.at);
      change.values.forEach((cells, r) =>
        cells.forEach((v, c) => put(sheetOf(change.sheet), at.row + r, at.column + c, v, null))
      );
    } else if (change.kind === "writeFormulas") {
      const at = parseCell(change.at);
      change.formulas.forEach((cells, r) =>
        cells.forEach((f, c) => put(sheetOf(change.sheet), at.row + r, at.column + c, null, f))
      );
    } else if (change.kind === "createTable") {
      const range = parseRange(change.range);
      const sheet = sheetOf(change.sheet);
      sheet.tables.push({
        name: change.name,
        headerRow: range.top,
        firstColumn: range.left,
        columns: [...change.columns],
        rowCount: range.bottom - range.top,
      });
      change.columns.forEach((h, c) => put(sheet, range.top, range.left + c, h, null));
    } else if (change.kind === "addTableColumns") {
      const sheet = sheetOf(change.sheet);
      const table = sheet.tables.find((t) => t.name === change.table)!;
      for (const header of change.columns) {
        put(sheet, table.headerRow, table.firstColumn + table.columns.length, header, null);
        table.columns.push(header);
      }
    } else if (change.kind === "growTable") {
      const range = parseRange(change.range);
      const table = sheetOf(change.sheet).tables.find((t) => t.name === change.table)!;
      table.rowCount = range.bottom - range.top;
    } else if (change.kind === "defineName") {
      next.names.push({ name: change.name, sheet: change.sheet, address: change.address });
    }
  }
  return next;
}

/**
 * What Excel shows after calculating, as far as the tests need it: every formula cell of
 * the `Kandidaten` output columns shows the engine's verdict of `plan` for its row (the
 * formulas and the engine agree; test/functions proves that), every other cell stays.
 */
export function calculate(snapshot: WorkbookSnapshot, plan: ScorePlan): WorkbookSnapshot {
  const next = copy(snapshot);
  const sheet = next.sheets.find((s) => s.name === "Kandidaten")!;
  const headers = sheet.values[0].map(String);
  const byRow = new Map(plan.evaluation.candidates.map((c) => [c.row, c]));
  const names = outputHeaders(plan.request.topN);
  sheet.values.forEach((_, r) => {
    if (r === 0) return;
    const result = byRow.get(r + 1);
    const verdict = outputRow(result, plan.request);
    outputKeys.forEach((key, k) => {
      const column = headers.indexOf(names[k]) + 1;
      const formula = sheet.formulas?.[r]?.[column - 1];
      if (column === 0 || !formula) return;
      // FLEX.KNOCKOUT answers an incomplete row with #N/A (src/functions/knockout.ts); a verdict of nothing shows "".
      const shown =
        key === "knockout" && result?.status === "incomplete"
          ? { error: "#N/A" }
          : (verdict[k] ?? "");
      put(sheet, r + 1, column, shown, formula);
    });
  });
  // The FLEX.RANKING spill on Berekening: rank and top mark of every table row, from A3.
  const berekening = next.sheets.find((s) => s.name === "Berekening");
  if (berekening?.formulas?.[2]?.[0]) {
    const table = sheet.tables[0];
    for (let row = table.headerRow + 1; row <= table.headerRow + table.rowCount; row++) {
      const verdict = outputRow(byRow.get(row), plan.request);
      const spillRow = row - table.headerRow + 2;
      const at = outputKeys.indexOf("rank");
      put(
        berekening,
        spillRow,
        1,
        verdict[at] ?? "",
        spillRow === 3 ? berekening.formulas[2][0] : null
      );
      put(berekening, spillRow, 2, verdict[outputKeys.indexOf("top")] ?? "Nee", null);
    }
  }
  return next;
}
