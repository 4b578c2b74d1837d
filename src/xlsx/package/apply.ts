/**
 * Applying {@link WorkbookChange}s to a workbook package in place: OUT is IN with the
 * command's own changes. Every part no change touches keeps its bytes; the sheets that
 * change are edited where they change; the add-in's own sheets are replaced whole. The
 * calculation chain goes when a formula cell changed (Excel rebuilds it). Every kind of
 * change is made, a bar chart included (./charts.ts; ExcelJS, ../apply.ts, cannot draw one).
 */
import { assertNever } from "../../engine/assertNever";
import type { WorkbookChange, WriteValues } from "../../workbook/changes";
import { parseCell } from "../../workbook/address";
import { wrappedLines } from "../apply";
import {
  blockLook,
  cellsOf,
  numberFormat,
  writeFormulas,
  writeValues,
  type CellsContext,
} from "./cells";
import { addBarChart } from "./charts";
import { PackageEditor } from "./editor";
import { applyFormatChange } from "./formats";
import { unshareFormulas } from "./sharedFormulas";
import { applyPageSetup } from "./pageSetup";
import { createSheet, defineName, findSheet, resetSheet, sheetEditOf } from "./sheets";
import { addTableColumns, createTable, growTable } from "./tables";
import type { Package, Part } from "./zip";

/** What {@link applyToPackage} gives: the parts of OUT (it makes every kind of change). */
export interface PackageApplyResult {
  parts: Part[];
}

/** Applies one change. */
function applyOne(context: CellsContext, change: WorkbookChange): void {
  const editor = context.editor;
  switch (change.kind) {
    case "createSheet":
      createSheet(editor, change.sheet);
      return;
    case "resetSheet":
      // The old sheet's formulas go: the calculation chain may name them.
      if (findSheet(editor, change.sheet)) context.formulasChanged = true;
      resetSheet(editor, change.sheet);
      return;
    case "writeValues":
      writeValues(
        cellsOf(context, sheetEditOf(editor, change.sheet)),
        change.at,
        change.values,
        (c) => blockLook(change, c)
      );
      return;
    case "writeFormulas":
      writeFormulas(
        cellsOf(context, sheetEditOf(editor, change.sheet)),
        change.at,
        change.formulas,
        change.results
      );
      return;
    case "numberFormat":
      numberFormat(
        cellsOf(context, sheetEditOf(editor, change.sheet)),
        change.range,
        change.format
      );
      return;
    case "createTable":
      createTable(context, change.sheet, change.name, change.range, change.columns);
      return;
    case "addTableColumns":
      addTableColumns(context, change.sheet, change.table, change.columns);
      return;
    case "growTable":
      growTable(editor, change.sheet, change.table, change.range);
      return;
    case "defineName":
      defineName(editor, change.name, change.sheet, change.address);
      return;
    case "barChart":
      addBarChart(editor, change);
      return;
    case "listValidation":
    case "validationTexts":
    case "formulaFormat":
    case "dataBar":
    case "freezePanes":
    case "columnWidths":
    case "headerFooterTexts":
    case "writeNote":
    case "documentProperties":
      applyFormatChange(editor, change);
      return;
    case "pageSetup":
      applyPageSetup(editor, change);
      return;
    default:
      assertNever(change, "change");
  }
}

/** Excel's default row height and column width (Calibri 11), in points and characters (as ../apply.ts). */
const LINE_HEIGHT = 15;
const DEFAULT_WIDTH = 8.43;

/** The widths of a sheet's columns as its `<cols>` says now, by 1-based column. */
function columnWidths(cols: string[]): Map<number, number> {
  const widths = new Map<number, number>();
  for (const xml of cols) {
    const re = /<(?:[\w.-]+:)?col\b([^>]*)>/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const attr = (name: string) =>
        new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(m![1])?.[1];
      const min = Number(attr("min"));
      const max = Number(attr("max"));
      const width = Number(attr("width"));
      if (!Number.isFinite(min) || !Number.isFinite(max) || !Number.isFinite(width)) continue;
      for (let c = min; c <= Math.min(max, min + 16384); c++) widths.set(c, width);
    }
  }
  return widths;
}

/** Gives the rows of a wrapped block the height of their tallest cell (as ../apply.ts fitRows). */
function fitRows(context: CellsContext, change: WriteValues): void {
  const edit = sheetEditOf(context.editor, change.sheet);
  const widths = columnWidths(edit.children("cols"));
  const { row: top, column: left } = parseCell(change.at);
  const cells = cellsOf(context, edit);
  change.values.forEach((values, r) => {
    let lines = 1;
    values.forEach((value, c) => {
      if (typeof value === "string" && value !== "")
        lines = Math.max(lines, wrappedLines(value, widths.get(left + c) ?? DEFAULT_WIDTH));
    });
    if (lines > 1) cells.setHeight(top + r, lines * LINE_HEIGHT);
  });
}

/** Removes the calculation chain (part, relationship, content type): Excel rebuilds it. */
function dropCalcChain(editor: PackageEditor): void {
  const workbook = editor.workbook.workbook;
  for (const rel of editor.workbook.relationships) {
    if (rel.type !== "calcChain" || !rel.part) continue;
    editor.removeRelationship(workbook, rel.id);
    editor.remove(rel.part);
    editor.setContentType(rel.part, null);
  }
}

/**
 * Applies changes in order to a workbook package and gives the parts of the result.
 *
 * @example
 * const { parts } = applyToPackage(await readPackage(bytes), plan.changes);
 * await writePackage(parts, "uit.xlsx");
 */
export function applyToPackage(pkg: Package, changes: WorkbookChange[]): PackageApplyResult {
  const editor = new PackageEditor(pkg);
  const context: CellsContext = { editor, formulasChanged: false };
  // A sheet the changes write cells into has its shared formulas written out first, so that
  // no write can leave a group without its master (./sharedFormulas.ts).
  const written = new Set(
    changes
      .filter((c) => c.kind === "writeValues" || c.kind === "writeFormulas")
      .map((c) => c.sheet!.toLowerCase())
  );
  for (const entry of editor.workbook.sheets) {
    if (!entry.part || !written.has(entry.name.toLowerCase())) continue;
    const text = editor.text(entry.part);
    if (text === undefined) continue;
    const unshared = unshareFormulas(text);
    if (unshared !== text) editor.setText(entry.part, unshared);
  }
  for (const change of changes) applyOne(context, change);
  // Last, when every column has its width: Excel fits wrapped rows itself, a file needs heights.
  for (const change of changes)
    if (change.kind === "writeValues" && change.wrap) fitRows(context, change);
  if (context.formulasChanged) dropCalcChain(editor);
  return { parts: editor.result() };
}
