/**
 * Applying {@link WorkbookChange}s through Office.js: every change is queued and
 * the batch is synced once, with calculation and screen updating suspended. A
 * batch that would carry more than {@link MAX_BATCH_BYTES} of payload is split:
 * big writes go in blocks of rows, so the syncs grow with the bytes written,
 * never with the rows, and no request body comes near Excel on the web's 5 MB.
 */
import { isCellError, type CellValue } from "../engine";
import { assertNever } from "../engine/assertNever";
import { columnLetters, parseCell, parseRange, rangeAddress } from "../workbook/address";
import { listSource } from "../workbook/listSource";
import type { GrowTable, WorkbookChange } from "../workbook/changes";
import { jsonBytes, jsonRowBytes } from "./bytes";
import type { OfficeRead } from "./read";

/** Payload per sync: under Excel on the web's 5 MB request limit with room for the envelope. */
export const MAX_BATCH_BYTES = 4_000_000;
/** Largest block of one write, so blocks pack well into batches. */
const MAX_BLOCK_BYTES = 1_000_000;
/** A guess at the envelope of one queued action (ids, method names). */
const ACTION_BYTES = 200;

/** Excel's serial day 0 is 1899-12-30 (Unix day 25569 is 1970-01-01). */
function excelValue(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if (isCellError(value)) return value.error;
  return value;
}

/**
 * Whether Excel could read a string as something other than text when it is written
 * through `Range.values` (with USA rules, https://github.com/OfficeDev/office-js/issues/1559):
 * a formula (`=`, `+`, `-`), a number, a date, a currency, a percentage, a boolean. Erring
 * on the side of yes only costs a format written twice.
 *
 * @example
 * parsable("+31 6 12345678"); // true
 * parsable("Annelies de Boer"); // false
 */
export function parsable(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const text = value.trim();
  if (text === "") return false;
  return (
    /^[=+\-@0-9.,$€£¥(#']/.test(text) ||
    /^(true|false|waar|onwaar)$/i.test(text) ||
    /^[a-z]{3,9}\.?[\s-]+\d/i.test(text)
  );
}

/** One queued unit of work and its estimated payload. */
interface Step {
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
}

/** Which optional API sets the host has (old hosts may lack some): {@link OfficeHost.isSetSupported}. */
export type Supports = (set: string, version: string) => boolean;

/** The widest row of a grid (at least 1); a loop, since spreading 100,000 rows overflows the stack. */
function gridWidth(grid: unknown[][]): number {
  let width = 1;
  for (const row of grid) if (row.length > width) width = row.length;
  return width;
}

/** A grid of `rows` × `columns` copies of one value. */
function filled<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(value));
}

/** A column of characters as points (Calibri 11: about 5.6 pt a character plus padding). */
function points(characters: number): number {
  return Math.round(characters * 5.6 + 5);
}

/** Blocks of rows of a grid, each under {@link MAX_BLOCK_BYTES} of JSON. */
function rowBlocks<T>(grid: T[][]): Array<{ offset: number; rows: T[][]; bytes: number }> {
  // Each row counted once; a block's JSON is its rows, a comma between them and its brackets.
  const rowBytes = jsonRowBytes(grid);
  const blockBytes = (from: number, to: number) => {
    let bytes = 2 + Math.max(to - from - 1, 0);
    for (let i = from; i < to; i++) bytes += rowBytes[i];
    return bytes;
  };
  const bytes = blockBytes(0, grid.length);
  if (bytes <= MAX_BLOCK_BYTES) return [{ offset: 0, rows: grid, bytes }];
  const count = Math.ceil(bytes / MAX_BLOCK_BYTES);
  const size = Math.ceil(grid.length / count);
  const blocks: Array<{ offset: number; rows: T[][]; bytes: number }> = [];
  for (let offset = 0; offset < grid.length; offset += size) {
    const end = Math.min(offset + size, grid.length);
    blocks.push({ offset, rows: grid.slice(offset, end), bytes: blockBytes(offset, end) });
  }
  return blocks;
}

/** The steps of writing a grid property (values, formulas, formats) at a top-left cell. */
function gridSteps(
  sheet: string,
  at: string,
  grid: unknown[][],
  set: (range: Excel.Range, rows: unknown[][]) => void
): Step[] {
  const { row, column } = parseCell(at);
  const width = gridWidth(grid);
  return rowBlocks(grid).map((block) => ({
    bytes: block.bytes + ACTION_BYTES,
    queue: (context) => {
      const range = context.workbook.worksheets
        .getItem(sheet)
        .getRange(
          rangeAddress(
            row + block.offset,
            column,
            row + block.offset + block.rows.length - 1,
            column + width - 1
          )
        );
      set(range, block.rows);
    },
  }));
}

/**
 * The one formula of a block of more than one cell that holds the same formula
 * everywhere (a live output column: set-up writes it to every row of the table),
 * else null. Only formulas without a relative A1 reference qualify: the output
 * formulas refer by structured references, names and absolute cells only.
 */
function sameFormula(grid: string[][]): string | null {
  const first = grid[0]?.[0];
  if (first === undefined || (grid.length === 1 && grid[0].length === 1)) return null;
  for (const row of grid) for (const formula of row) if (formula !== first) return null;
  return hasRelativeReference(first) ? null : first;
}

/**
 * Whether a formula has an A1 reference that is not absolute in row and column (`B2`,
 * `$B2`, `B$2`): Excel moves such a reference from cell to cell when one formula is set
 * for a range. Texts, quoted sheet names and structured references are skipped; a name
 * that looks like a cell (`LOG10(`) counts, which only costs sending the block whole.
 *
 * @example
 * hasRelativeReference("=INDEX('Berekening'!$A$3#,ROW()-1,1)"); // false
 */
export function hasRelativeReference(formula: string): boolean {
  const bare = formula.replace(/"[^"]*"|'(?:[^']|'')*'|\[(?:[^[\]']|'.|\[[^\]]*\])*\]/g, " ");
  const cell = /(^|[^A-Za-z0-9_.$])(\$?)[A-Za-z]{1,3}(\$?)\d+(?![A-Za-z0-9_.])/g;
  for (let m = cell.exec(bare); m !== null; m = cell.exec(bare)) {
    if (m[2] !== "$" || m[3] !== "$") return true;
  }
  return false;
}

/**
 * One formula into every cell of a block, sent once: Excel sets a single value given
 * to `Range.formulas` in every cell of the range (shown in Excel by J. K. Pieterse,
 * https://techcommunity.microsoft.com/idea/microsoft365developerplatform/allow-passing-a-single-value-to-the-range-object-values-and-formulas/4211172,
 * although the type says `any[][]`). A table of 100,000 rows is one formula per column
 * on the wire, not 100,000 copies of a 600-character text.
 */
function sameFormulaStep(sheet: string, at: string, grid: string[][], formula: string): Step {
  const { row, column } = parseCell(at);
  return {
    bytes: jsonBytes(formula) + ACTION_BYTES,
    queue: (context) => {
      const range = context.workbook.worksheets
        .getItem(sheet)
        .getRange(rangeAddress(row, column, row + grid.length - 1, column + gridWidth(grid) - 1));
      (range as unknown as { formulas: string }).formulas = formula;
    },
  };
}

/** The same formula text Excel gives back: with `=`, no spaces, upper case. */
function formulaKey(formula: string | null): string {
  return (formula ?? "").replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
}

/** A conditional format to delete: its sheet and its id as read. */
interface FormatDelete {
  sheet: string;
  id: string;
}

/** What the steps of one batch share: the rules to delete first, and the tables kept and resized. */
interface BatchPlan {
  deletes: FormatDelete[];
  supports: Supports;
  /** Lower-case names of tables on a sheet being emptied that are made again: kept and resized instead. */
  resized: Set<string>;
}

/**
 * Turns one change into steps; `known` tracks what exists as the changes go. Rules
 * that a change replaces go to `deletes`, to be deleted before anything is added.
 */
function stepsOf(change: WorkbookChange, known: OfficeRead, plan: BatchPlan): Step[] {
  const { deletes } = plan;
  const small = (queue: Step["queue"]): Step[] => [{ bytes: ACTION_BYTES, queue }];
  const sheetKey = change.sheet?.toLowerCase() ?? "";
  switch (change.kind) {
    case "createSheet":
      if (known.sheets.has(sheetKey)) return [];
      known.sheets.add(sheetKey);
      return small((context) => context.workbook.worksheets.add(change.sheet));
    case "resetSheet": {
      const exists = known.sheets.has(sheetKey);
      const head = known.heads.get(sheetKey);
      const tables =
        head?.tables ??
        known.snapshot.sheets
          .find((x) => x.name.toLowerCase() === sheetKey)
          ?.tables.map((t) => t.name) ??
        [];
      known.sheets.add(sheetKey);
      known.formats.set(sheetKey, []);
      return small((context) => {
        if (!exists) {
          context.workbook.worksheets.add(change.sheet);
          return;
        }
        // Emptied in place, never deleted and added again: formulas and names that refer to it keep working.
        const sheet = context.workbook.worksheets.getItem(change.sheet);
        for (const name of tables)
          if (!plan.resized.has(name.toLowerCase())) context.workbook.tables.getItem(name).delete();
        for (const name of head?.charts ?? []) sheet.charts.getItem(name).delete();
        const all = sheet.getRange();
        all.conditionalFormats.clearAll();
        all.dataValidation.clear();
        all.clear("All");
        sheet.freezePanes.unfreeze();
      });
    }
    case "writeValues": {
      const width = gridWidth(change.values);
      const values = change.values.map((r) => {
        const row = r.map(excelValue);
        while (row.length < width) row.push("");
        return row;
      });
      // Text stays text: a string Excel could read as something else is written into a cell
      // formatted as text (`@`), and the cell's format is set back after (a format changed later
      // does not read the text again). Else `=HYPERLINK(…)` becomes a formula and `+31…`,
      // `17040` or `04-10-2024` a number or a date
      // (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
      const columnFormats = change.numberFormats ?? [];
      const { row: top, column: left } = parseCell(change.at);
      const formatSteps = (c: number, grid: Array<Array<string | null>>) =>
        gridSteps(change.sheet, `${columnLetters(left + c)}${top}`, grid, (range, rows) => {
          range.numberFormat = rows as string[][];
        });
      const steps: Step[] = [];
      const resets: Step[] = [];
      // Column by column, so that a column without such text costs no format at all.
      for (let c = 0; c < width; c++) {
        const own = columnFormats[c] ?? null;
        const texts = values.map((row) => parsable(row[c]));
        if (!texts.some(Boolean)) {
          if (own) steps.push(...formatSteps(c, filled(values.length, 1, own)));
          continue;
        }
        steps.push(
          ...formatSteps(
            c,
            texts.map((text) => [text ? "@" : own])
          )
        );
        resets.push(
          ...formatSteps(
            c,
            texts.map((text) => [text ? (own ?? "General") : null])
          )
        );
      }
      steps.push(
        ...gridSteps(change.sheet, change.at, values, (range, rows) => {
          range.values = rows;
        })
      );
      steps.push(...resets);
      const { row, column } = parseCell(change.at);
      const bottom = row + values.length - 1;
      if (change.bold || change.wrap) {
        const address = rangeAddress(row, column, bottom, column + width - 1);
        steps.push(
          ...small((context) => {
            const range = context.workbook.worksheets.getItem(change.sheet).getRange(address);
            if (change.bold) range.format.font.bold = true;
            if (change.wrap) {
              range.format.wrapText = true;
              // Each row as tall as its longest paragraph, at the widths already set.
              range.format.autofitRows();
            }
          })
        );
      }
      return steps;
    }
    case "writeFormulas": {
      const one = sameFormula(change.formulas);
      if (one !== null) return [sameFormulaStep(change.sheet, change.at, change.formulas, one)];
      return gridSteps(change.sheet, change.at, change.formulas, (range, rows) => {
        range.formulas = rows;
      });
    }
    case "createTable":
      return small((context) => {
        if (plan.resized.has(change.name.toLowerCase())) {
          // Kept, so structured references to it (`Rangorde[#All]`) stay valid: ExcelApi 1.13.
          context.workbook.tables.getItem(change.name).resize(change.range);
          return;
        }
        const table = context.workbook.worksheets
          .getItem(change.sheet)
          .tables.add(change.range, true);
        table.name = change.name;
      });
    case "addTableColumns":
      return change.columns.map((name) => ({
        bytes: ACTION_BYTES,
        queue: (context: Excel.RequestContext) => {
          context.workbook.tables.getItem(change.table).columns.add(undefined, undefined, name);
        },
      }));
    case "growTable":
      // Done before the batch by growTables: a resize Excel refuses must not fail the writes.
      return [];
    case "defineName": {
      const exists = known.names.has(change.name.toLowerCase());
      known.names.add(change.name.toLowerCase());
      return small((context) => {
        const names = context.workbook.names;
        if (exists) names.getItem(change.name).delete();
        names.add(
          change.name,
          context.workbook.worksheets.getItem(change.sheet).getRange(change.address)
        );
      });
    }
    case "listValidation": {
      const list = listSource(change.items);
      if (!list.ok) return []; // never a half-escaped list (src/workbook/listSource.ts)
      return small((context) => {
        const validation = context.workbook.worksheets
          .getItem(change.sheet)
          .getRange(change.range).dataValidation;
        validation.clear();
        validation.rule = { list: { inCellDropDown: true, source: list.source } };
      });
    }
    case "numberFormat": {
      const { top, left, bottom, right } = parseRange(change.range);
      return gridSteps(
        change.sheet,
        rangeAddress(top, left, top, left),
        filled(bottom - top + 1, right - left + 1, change.format),
        (range, rows) => {
          range.numberFormat = rows;
        }
      );
    }
    case "formulaFormat": {
      const existing = known.formats.get(sheetKey) ?? [];
      const same = existing.filter(
        (f) => f.type === "Custom" && formulaKey(f.formula) === formulaKey(change.formula)
      );
      known.formats.set(
        sheetKey,
        existing.filter((f) => !same.includes(f))
      );
      deletes.push(...same.map((old) => ({ sheet: change.sheet, id: old.id })));
      return small((context) => {
        const sheet = context.workbook.worksheets.getItem(change.sheet);
        const format = sheet.getRange(change.range).conditionalFormats.add("Custom");
        format.custom.rule.formula = change.formula;
        format.custom.format.fill.color = change.fill;
      });
    }
    case "dataBar": {
      // The add-in's data bar is the one on its range (known when checked just before writing);
      // without that knowledge, every data bar on the add-in's own sheet.
      const existing = known.formats.get(sheetKey) ?? [];
      const bars = existing.filter(
        (f) => f.type === "DataBar" && (f.range === undefined || f.range === change.range)
      );
      known.formats.set(
        sheetKey,
        existing.filter((f) => !bars.includes(f))
      );
      deletes.push(...bars.map((old) => ({ sheet: change.sheet, id: old.id })));
      return small((context) => {
        const sheet = context.workbook.worksheets.getItem(change.sheet);
        const format = sheet.getRange(change.range).conditionalFormats.add("DataBar");
        format.dataBar.positiveFormat.fillColor = change.colour;
      });
    }
    case "freezePanes":
      return small((context) => {
        const sheet = context.workbook.worksheets.getItem(change.sheet);
        if (change.columns > 0)
          sheet.freezePanes.freezeAt(
            sheet.getRange(rangeAddress(1, 1, Math.max(change.rows, 1), change.columns))
          );
        else sheet.freezePanes.freezeRows(change.rows);
      });
    case "columnWidths":
      return change.widths.map(({ column, width }) => ({
        bytes: ACTION_BYTES,
        queue: (context: Excel.RequestContext) => {
          const letters = columnLetters(column);
          context.workbook.worksheets
            .getItem(change.sheet)
            .getRange(`${letters}:${letters}`).format.columnWidth = points(width);
        },
      }));
    case "barChart":
      return [
        {
          bytes: ACTION_BYTES * (8 + change.highlightFirst),
          queue: (context) => {
            const sheet = context.workbook.worksheets.getItem(change.sheet);
            const chart = sheet.charts.add(
              "BarClustered",
              sheet.getRange(change.values),
              "Columns"
            );
            chart.title.text = change.title;
            chart.legend.visible = false;
            // Bars are drawn bottom-up; reversed, the first place is on top.
            chart.axes.categoryAxis.reversePlotOrder = true;
            const series = chart.series.getItemAt(0);
            series.setXAxisValues(sheet.getRange(change.categories));
            series.setValues(sheet.getRange(change.values));
            series.format.fill.setSolidColor(change.colour);
            const rows = parseRange(change.values);
            const count = Math.min(change.highlightFirst, rows.bottom - rows.top + 1);
            for (let i = 0; i < count; i++)
              series.points.getItemAt(i).format.fill.setSolidColor(change.highlight);
            chart.setPosition(change.anchor);
          },
        },
      ];
    case "documentProperties":
      // As runCleanUp reads them: built-in by their Office.js name, custom as `custom:<key>`.
      return small((context) => {
        const properties = context.workbook.properties;
        for (const [name, text] of Object.entries(change.properties)) {
          if (name.startsWith("custom:")) properties.custom.getItem(name.slice(7)).value = text;
          else (properties as unknown as Record<string, string>)[name] = text;
        }
      });
    case "headerFooterTexts":
      // As runCleanUp reads them: `group.text`, e.g. `firstPage.centerHeader` (ExcelApi 1.9).
      return small((context) => {
        const groups = context.workbook.worksheets.getItem(change.sheet).pageLayout
          .headersFooters as unknown as Record<string, Record<string, string>>;
        for (const [key, text] of Object.entries(change.texts)) {
          const [group, name] = key.split(".");
          groups[group][name] = text;
        }
      });
    case "pageSetup": {
      // Worksheet.pageLayout (ExcelApi 1.9): a host without it prints with its defaults
      // rather than fail the writes around it.
      if (!plan.supports("ExcelApi", "1.9")) return [];
      const zoom: Excel.PageLayoutZoomOptions = {};
      // 0 is "as many pages as needed": left out, as the documented fit-to-width example does
      // (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions,
      // https://github.com/OfficeDev/office-js/issues/1860 sets `{ horizontalFitToPages: 1 }` alone).
      if (change.fitToWidth > 0) zoom.horizontalFitToPages = change.fitToWidth;
      if (change.fitToHeight > 0) zoom.verticalFitToPages = change.fitToHeight;
      const titles = change.printTitleRows;
      return small((context) => {
        const layout = context.workbook.worksheets.getItem(change.sheet).pageLayout;
        layout.paperSize = change.paper;
        layout.orientation = change.orientation === "landscape" ? "Landscape" : "Portrait";
        layout.zoom = zoom;
        if (titles) layout.setPrintTitleRows(`$${titles.first}:$${titles.last}`);
      });
    }
    case "writeNote":
    case "validationTexts":
      // The add-in reads no notes or validations (the snapshot says so in `unread`), so
      // no use case asks it to write them.
      throw new Error(`The add-in does not write '${change.kind}'.`);
    default:
      return assertNever(change, "change");
  }
}

/**
 * The tables on a sheet that is emptied in place and that the same changes make again
 * under the same name: where the host can resize a table (ExcelApi 1.13), they are kept,
 * so that formulas and charts that refer to them by name keep working.
 */
function resizedTables(
  changes: WorkbookChange[],
  known: OfficeRead,
  supports: Supports
): Set<string> {
  const resized = new Set<string>();
  if (!supports("ExcelApi", "1.13")) return resized;
  const reset = new Set(
    changes.filter((c) => c.kind === "resetSheet").map((c) => c.sheet.toLowerCase())
  );
  for (const change of changes) {
    if (change.kind !== "createTable" || !reset.has(change.sheet.toLowerCase())) continue;
    const head = known.heads.get(change.sheet.toLowerCase());
    if (head?.tables.some((t) => t.toLowerCase() === change.name.toLowerCase()))
      resized.add(change.name.toLowerCase());
  }
  return resized;
}

/** The tables to grow over the rows typed below them. */
function growsOf(changes: WorkbookChange[]): GrowTable[] {
  return changes.filter((c): c is GrowTable => c.kind === "growTable");
}

/**
 * Grows each table over the rows typed below it with Table.resize (ExcelApi 1.13,
 * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1):
 * "The new range must overlap with the original table range and the headers (or the top of
 * the table) must be in the same row"), before the writes and in a sync of its own: Excel
 * refuses a resize over merged cells or another table, and that must not fail the scoring.
 * No sync at all when there is nothing to grow (the usual case). Returns what was not grown:
 * every table on a host without resize, which {@link tablesLeftSmall} checks after the writes.
 *
 * @example
 * const ungrown = await growTables(context, plan.changes, host.isSetSupported); // []
 */
export async function growTables(
  context: Excel.RequestContext,
  changes: WorkbookChange[],
  supports: Supports
): Promise<GrowTable[]> {
  const grows = growsOf(changes);
  if (grows.length === 0 || !supports("ExcelApi", "1.13")) return grows;
  const refused: GrowTable[] = [];
  for (const grow of grows) {
    context.workbook.tables.getItem(grow.table).resize(grow.range);
    try {
      // One sync per table (at most two), so that one refusal leaves the other grown.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch {
      refused.push(grow);
    }
  }
  return refused;
}

/**
 * After the writes, of the tables {@link growTables} did not grow, those that still end above
 * the rows typed below them: those rows were scored all the same, and the task pane says so.
 * Excel may have grown a table itself, as it does when values are written directly below it
 * (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins), so the
 * extent is read again: one sync, only when there are such tables.
 *
 * @example
 * await tablesLeftSmall(context, ungrown); // [{ kind: "growTable", table: "Werkervaring", … }]
 */
export async function tablesLeftSmall(
  context: Excel.RequestContext,
  ungrown: GrowTable[]
): Promise<GrowTable[]> {
  if (ungrown.length === 0) return [];
  // A table a co-author removed meanwhile is a null object: it did not grow either.
  const tables = ungrown.map((g) => context.workbook.tables.getItemOrNullObject(g.table));
  const extents = tables.map((t) => t.getRange().load("rowIndex,rowCount"));
  await context.sync();
  return ungrown.filter(
    (g, i) =>
      tables[i].isNullObject ||
      extents[i].rowIndex + extents[i].rowCount < parseRange(g.range).bottom
  );
}

/**
 * One step that deletes conditional formats by the ids read. Excel's id is the
 * rule's priority in its collection and shifts when a rule is added or deleted
 * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member):
 * so the deletes come before any add of the batch, and per sheet from the lowest
 * priority (highest id) up, so that no delete shifts an id still to come.
 */
function deleteFormats(deletes: FormatDelete[]): Step {
  const ordered = [...deletes].sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || Number(b.id) - Number(a.id)
  );
  return {
    bytes: ACTION_BYTES * ordered.length,
    queue: (context) => {
      for (const { sheet, id } of ordered)
        context.workbook.worksheets
          .getItem(sheet)
          .getRange()
          .conditionalFormats.getItem(id)
          .delete();
    },
  };
}

/**
 * Queues the changes and syncs: once, or once per {@link MAX_BATCH_BYTES} of payload.
 * Returns the number of syncs it took.
 *
 * @example
 * const read = await readWorkbook(context);
 * await applyChanges(context, planScore(read.snapshot).changes, read); // 1
 */
export async function applyChanges(
  context: Excel.RequestContext,
  changes: WorkbookChange[],
  known: OfficeRead,
  supports: Supports
): Promise<number> {
  const plan: BatchPlan = {
    deletes: [],
    supports,
    resized: resizedTables(changes, known, supports),
  };
  // Formulas after everything else: values written directly below a table grow it (on a host
  // that cannot resize tables, ExcelApi < 1.13), and a live formula's this-row references
  // (`[@[Kandidaat]]`) are taken only inside the table.
  const ordered = [
    ...changes.filter((c) => c.kind !== "writeFormulas"),
    ...changes.filter((c) => c.kind === "writeFormulas"),
  ];
  const steps = ordered.flatMap((change) => stepsOf(change, known, plan));
  if (plan.deletes.length > 0) steps.unshift(deleteFormats(plan.deletes));
  if (steps.length === 0) return 0;
  const suspend = () => {
    if (supports("ExcelApi", "1.6")) context.application.suspendApiCalculationUntilNextSync();
    if (supports("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  };
  let syncs = 0;
  let bytes = 0;
  suspend();
  for (const step of steps) {
    if (bytes > 0 && bytes + step.bytes > MAX_BATCH_BYTES) {
      // One sync per 4 MB of payload, by design: the count follows the bytes, not the rows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
      bytes = 0;
      suspend();
    }
    step.queue(context);
    bytes += step.bytes;
  }
  await context.sync();
  return syncs + 1;
}
