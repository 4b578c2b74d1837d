/**
 * Reading the workbook through Office.js: in one sync when the sheets fit in a
 * response (up to about 10,000 candidates), else in blocks of rows so that no
 * response comes near Excel on the web's 5 MB. Only what a use case needs:
 * formulas only when asked, sheets the add-in rewrites whole only as far as their
 * head, values without their types (an error is confirmed only where a value
 * reads like one).
 */
import type { CellValue } from "../engine";
import { parseRange, rangeAddress } from "../workbook/address";
import type {
  NameSnapshot,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../workbook/snapshot";
import type { WorkbookChange } from "../workbook/changes";
import { dutchErrorNames, sheetNames, tableNames } from "../workbook/texts";
import { jsonBytes } from "./bytes";

/** A conditional format that is on a sheet already (so the add-in can replace its own). */
export interface ExistingFormat {
  id: string;
  type: string;
  /** The rule's formula for a custom rule, else null. */
  formula: string | null;
  /** The range it applies to (A1, no sheet), where known: checked just before writing. */
  range?: string;
}

/** What the office layer knows after reading: the snapshot and what applying needs besides. */
export interface OfficeRead {
  snapshot: WorkbookSnapshot;
  /** Lower-case names of every sheet that exists (of those asked for). */
  sheets: Set<string>;
  /** Lower-case names of every defined name. */
  names: Set<string>;
  /** Conditional formats per lower-case sheet name. */
  formats: Map<string, ExistingFormat[]>;
  /** The heads of the sheets asked for in {@link ReadOptions.heads}, per lower-case name (only those that exist). */
  heads: Map<string, SheetHead>;
}

/** What tells whose a sheet is, without reading it whole: its A1, whether it has any content, and what is on it. */
export interface SheetHead {
  name: string;
  first: CellValue;
  hasContent: boolean;
  /** Names of its tables and charts, so that rewriting it in place can remove them. */
  tables: string[];
  charts: string[];
}

/** What to read besides values. */
export interface ReadOptions {
  /** The sheets to read whole (default: the add-in's four, `Aanvraag`, `Kandidaten`, `Werkervaring`, `Ranking`). */
  sheets?: string[];
  /**
   * Also the formulas: of every sheet read (`true`: set-up and clean-up need them), or of the
   * sheets named (e.g. the small `Berekening`). They double a sheet's response.
   */
  formulas?: boolean | string[];
  /**
   * A sheet whose cells that hold a formula are to be known, without the formulas' text
   * (the add-in's scoring: which live output cells still hold their formula, which a value
   * replaced). One `getSpecialCells("Formulas")` over the sheet's used range in the first sync
   * (any table there, whatever its name: the workbook layer finds the table on the sheet by its
   * headers too), whose
   * answer is a list of areas (ExcelApi 1.9): at 10,000 rows a few hundred bytes, where the
   * text of four output formulas would be some 14 MB. Such a cell's formula in the snapshot is
   * {@link FORMULA_NOT_READ}; a sheet whose formulas are read whole keeps their text.
   */
  formulaCells?: string;
  /** More sheets to read whole, besides {@link sheets} (e.g. `Afwijzingen` to clean it up). */
  more?: string[];
  /** Sheets of which only the head is read (the add-in rewrites them whole). */
  heads?: string[];
  /**
   * What the last read of this host saw per sheet (lower-case name), kept up to date here:
   * when it predicts more than one response can carry, the values are read in blocks at once.
   */
  sizes?: Map<string, SeenSize>;
}

/** A sheet as last read: its rows and the JSON bytes their values (and formulas, when read) took. */
export interface SeenSize {
  rows: number;
  bytes: number;
  /** Null when the formulas were not read. */
  formulaBytes: number | null;
}

/**
 * The response budget of one sync: under Excel on the web's 5 MB per response
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * with room for the envelope.
 */
export const READ_BUDGET_BYTES = 4_000_000;
/** Rows read first of a sheet not seen before, to measure what a row takes. */
const PROBE_ROWS = 200;
/** Blocks are planned at this share of the budget: rows differ in length. */
const PLANNED_SHARE = 0.8;

/**
 * The snapshot's formula of a cell that {@link ReadOptions.formulaCells} found to hold one,
 * its text not read: it says "a formula", never which.
 */
export const FORMULA_NOT_READ = "=";

/**
 * The areas of a `RangeAreas` address (`Kandidaten!U2:X11, Kandidaten!U13:X20`, the sheet
 * quoted where needed: https://learn.microsoft.com/javascript/api/excel/excel.rangeareas#excel-excel-rangeareas-address-member),
 * as 1-based boxes.
 *
 * @example
 * areasOf("Kandidaten!U2:X3, Kandidaten!U5"); // [{ top: 2, left: 21, bottom: 3, right: 24 }, { top: 5, … }]
 */
export function areasOf(
  address: string
): Array<{ top: number; left: number; bottom: number; right: number }> {
  const area = /(?:'(?:[^']|'')*'|[^!,\s][^!,]*)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/gi;
  return [...address.matchAll(area)].map((m) => parseRange(m[1].replace(/\$/g, "")));
}

/** `=Aanvraag!$B$5` or `='Mijn blad'!$A$1:$B$2` as sheet and address; null for anything else. */
export function parseNameFormula(name: string, formula: string): NameSnapshot | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^!'=]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(
    formula.trim()
  );
  if (!match) return null;
  const { top, left, bottom, right } = parseRange(match[3].replace(/\$/g, ""));
  return {
    name,
    sheet: (match[1] ?? match[2]).replace(/''/g, "'"),
    address: rangeAddress(top, left, bottom, right),
  };
}

/** Excel's error values as `Range.values` gives them (the English codes). */
const ERROR_CODES = new Set(Object.keys(dutchErrorNames));

/** A value as `Range.values` gives it: "" is empty; an error is a string that only `valueTypes` tells from text. */
function plainCell(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  return value as CellValue;
}

/** Whether Office.js refused a response as too large (Excel on the web). */
function tooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "ResponsePayloadSizeLimitExceeded";
}

/** One sheet being read: its proxy and, once known, its used range. */
interface SheetRead {
  wanted: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  formats: Excel.ConditionalFormatCollection | null;
  tables: Excel.TableCollection;
}

/** A table's proxies. */
interface TableRead {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  columns: Excel.TableColumnCollection;
}

/** A block of rows of a sheet to read: 0-based sheet row and column, and the bytes it is expected to take. */
interface Block {
  sheet: string;
  top: number;
  rows: number;
  left: number;
  columns: number;
  bytes: number;
  /** Formulas too. */
  formulas: boolean;
}

/**
 * Queues the first read. The proxies of a sheet that may be missing are chained:
 * on a null worksheet every method gives a null object (the client itself sends
 * later requests on a null object as `ObjectPathType.NullObject`, 7), so one sync
 * reads sheets that exist and tells which do not.
 */
function queueFirst(
  context: Excel.RequestContext,
  wanted: string[],
  heads: string[],
  withValues: boolean,
  formulasOf: (sheet: string) => boolean,
  formulaCells: string | undefined
) {
  const workbook = context.workbook;
  const sheets: SheetRead[] = wanted.map((name) => {
    const sheet = workbook.worksheets.getItemOrNullObject(name).load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    if (!withValues) used.load("rowIndex,columnIndex,rowCount,columnCount");
    else if (!formulasOf(name)) used.load("rowIndex,columnIndex,rowCount,columnCount,values");
    else used.load("rowIndex,columnIndex,rowCount,columnCount,values,formulas");
    // The add-in's rules are on Kandidaten only (Ranking is emptied whole): no other sheet's are read.
    const formats =
      name.toLowerCase() === sheetNames.candidates.toLowerCase()
        ? loadFormats(sheet.getRange().conditionalFormats)
        : null;
    const tables = sheet.tables.load("items/name");
    return { wanted: name, sheet, used, formats, tables };
  });
  const headReads = heads.map((name) => {
    const sheet = workbook.worksheets.getItemOrNullObject(name).load("name");
    const used = sheet.getUsedRangeOrNullObject(true).load("address");
    const first = sheet.getRange("A1").load("values");
    const tables = sheet.tables.load("items/name");
    const charts = sheet.charts.load("items/name");
    return { sheet, used, first, tables, charts };
  });
  // The add-in's own tables by name, in the same sync; any other table on a sheet read comes after.
  const known = Object.values(tableNames).map((name) =>
    tableProxies(workbook.tables.getItemOrNullObject(name))
  );
  const names = workbook.names.load("items/name,items/type,items/formula");
  // Chained on a table that may be missing: a null object then, as above.
  const formulaAreas = formulaCells
    ? workbook.worksheets
        .getItemOrNullObject(formulaCells)
        .getUsedRangeOrNullObject(true)
        .getSpecialCellsOrNullObject("Formulas")
        .load("address")
    : null;
  // The text of the first data row's formulas of the add-in's table (a few KB): enough to tell
  // an earlier version's output formulas (src/workbook/liveFormulas.ts isOutdatedFormula), as
  // set-up writes a column whole. A null object where the table is missing or named otherwise.
  const firstFormulas = formulaCells
    ? workbook.tables
        .getItemOrNullObject(tableNames.candidates)
        .getDataBodyRange()
        .getRow(0)
        .load("formulas,rowIndex,columnIndex")
    : null;
  return { sheets, headReads, known, names, formulaAreas, firstFormulas };
}

/**
 * Queues loading a sheet's conditional formats. Only a custom rule has a formula: for any
 * other type `customOrNullObject` is a null object whose rule is never filled.
 */
export function loadFormats(
  formats: Excel.ConditionalFormatCollection
): Excel.ConditionalFormatCollection {
  return formats.load("items/id,items/type,items/customOrNullObject/rule/formula");
}

/** The formats as loaded by {@link loadFormats}. */
export function existingFormats(formats: Excel.ConditionalFormatCollection): ExistingFormat[] {
  return formats.items.map((f) => ({
    id: f.id,
    type: f.type,
    formula: f.customOrNullObject.isNullObject ? null : f.customOrNullObject.rule.formula,
  }));
}

function tableProxies(table: Excel.Table): TableRead {
  table.load("name,showHeaders,showTotals");
  return {
    table,
    sheet: table.worksheet.load("name"),
    range: table.getRange().load("rowIndex,columnIndex,rowCount"),
    columns: table.columns.load("items/name"),
  };
}

/** The values of a used range from A1 (empty rows and columns before it). */
function fromA1<T>(rowIndex: number, columnIndex: number, grid: T[][], empty: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rowIndex; r++) out.push([]);
  const pad: T[] = new Array<T>(columnIndex).fill(empty);
  for (const row of grid) out.push([...pad, ...row]);
  return out;
}

/**
 * Formulas as the snapshot holds them: the text where a cell has one, else null.
 * `Range.formulas` gives a text cell its text, so text that starts with `=` (kept
 * as text on purpose) is no formula: a formula is what differs from the value.
 */
function formulaGrid(grid: unknown[][], values: unknown[][]): Array<Array<string | null>> {
  return grid.map((row, r) =>
    row.map((f, c) =>
      typeof f === "string" && f.startsWith("=") && f !== values[r]?.[c] ? f : null
    )
  );
}

/**
 * Reads blocks of rows, a sync per {@link READ_BUDGET_BYTES} as planned; a sync
 * that Excel still refuses as too large is sent again in halves.
 */
async function readBlocks(
  context: Excel.RequestContext,
  blocks: Block[],
  into: Map<string, { values: unknown[][]; formulas: unknown[][] }>
): Promise<void> {
  const queue = [...blocks];
  // Halved each time Excel refuses a response: the cells were larger than planned.
  let budget = READ_BUDGET_BYTES;
  while (queue.length > 0) {
    const group: Block[] = [];
    let bytes = 0;
    while (queue.length > 0) {
      const next = queue[0];
      if (group.length > 0 && bytes + next.bytes > budget) break;
      group.push(queue.shift()!);
      bytes += next.bytes;
    }
    const ranges = group.map((b) =>
      context.workbook.worksheets
        .getItem(b.sheet)
        .getRange(rangeAddress(b.top + 1, b.left + 1, b.top + b.rows, b.left + b.columns))
        .load(b.formulas ? "values,formulas" : "values")
    );
    try {
      // One sync per budget of response, by design: the count follows the bytes, not the rows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!tooLarge(error) || (group.length === 1 && group[0].rows === 1)) throw error;
      budget /= 2;
      const halves = group.flatMap((b) => {
        if (b.rows === 1) return [b];
        const upper = Math.ceil(b.rows / 2);
        return [
          { ...b, rows: upper, bytes: b.bytes / 2 },
          { ...b, top: b.top + upper, rows: b.rows - upper, bytes: b.bytes / 2 },
        ];
      });
      queue.unshift(...halves);
      continue;
    }
    group.forEach((b, i) => {
      const target = into.get(b.sheet.toLowerCase())!;
      ranges[i].values.forEach((row, r) => (target.values[b.top + r] = row));
      if (b.formulas) ranges[i].formulas.forEach((row, r) => (target.formulas[b.top + r] = row));
    });
  }
}

/** JSON bytes a cell's value type takes in a response (`"String",` and the like). */
const BYTES_PER_TYPE = 10;

/**
 * Tells errors from text: `Range.values` gives an error as its code (`#N/A`), the
 * same as text typed after a `'`. Only where values read like an error are their
 * types asked: per column, the rows from the first such value to the last, as
 * many per sync as a response can carry. No sync at all when there are none.
 */
async function confirmErrors(
  context: Excel.RequestContext,
  sheets: SheetSnapshot[]
): Promise<void> {
  const spans: Array<{ sheet: SheetSnapshot; column: number; top: number; bottom: number }> = [];
  for (const sheet of sheets) {
    const byColumn = new Map<number, { top: number; bottom: number }>();
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value !== "string" || !ERROR_CODES.has(value)) return;
        const span = byColumn.get(c);
        if (span) span.bottom = r;
        else byColumn.set(c, { top: r, bottom: r });
      })
    );
    for (const [column, span] of byColumn) spans.push({ sheet, column, ...span });
  }
  while (spans.length > 0) {
    const group: typeof spans = [];
    let bytes = 0;
    while (spans.length > 0) {
      const cost = (spans[0].bottom - spans[0].top + 1) * BYTES_PER_TYPE;
      if (group.length > 0 && bytes + cost > READ_BUDGET_BYTES) break;
      group.push(spans.shift()!);
      bytes += cost;
    }
    const ranges = group.map(({ sheet, column, top, bottom }) =>
      context.workbook.worksheets
        .getItem(sheet.name)
        .getRange(rangeAddress(top + 1, column + 1, bottom + 1, column + 1))
        .load("valueTypes")
    );
    // One sync per response's worth of types, by design (usually none, or one).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    group.forEach(({ sheet, column, top }, i) =>
      ranges[i].valueTypes.forEach((types, r) => {
        const value = sheet.values[top + r]?.[column];
        if (types[0] === "Error" && typeof value === "string")
          sheet.values[top + r][column] = { error: value };
      })
    );
  }
}

/**
 * The values of the sheets too large for one response, in blocks: rows per block from
 * what the host saw last time, else from a first block of {@link PROBE_ROWS} rows.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  present: SheetRead[],
  grids: Map<string, { values: unknown[][]; formulas: unknown[][] }>,
  formulasOf: (sheet: string) => boolean,
  seen: (name: string) => SeenSize | undefined,
  seenBytes: (name: string, size: SeenSize) => number
): Promise<void> {
  const sheets = present.filter((s) => !s.used.isNullObject);
  const perRow = new Map<SheetRead, number>();
  const probes: Block[] = [];
  for (const s of sheets) {
    const size = seen(s.wanted);
    if (size && size.rows > 0) perRow.set(s, seenBytes(s.wanted, size) / size.rows);
    else
      probes.push({
        sheet: s.sheet.name,
        top: s.used.rowIndex,
        rows: Math.min(PROBE_ROWS, s.used.rowCount),
        left: s.used.columnIndex,
        columns: s.used.columnCount,
        bytes: 0,
        formulas: formulasOf(s.wanted),
      });
  }
  if (probes.length > 0) await readBlocks(context, probes, grids);
  const blocks: Block[] = [];
  for (const s of sheets) {
    const grid = grids.get(s.sheet.name.toLowerCase())!;
    let start = 0;
    if (!perRow.has(s)) {
      const probe = probes.find((p) => p.sheet === s.sheet.name)!;
      const rows = grid.values.slice(probe.top, probe.top + probe.rows);
      const bytes =
        jsonBytes(rows) +
        (probe.formulas ? jsonBytes(grid.formulas.slice(probe.top, probe.top + probe.rows)) : 0);
      perRow.set(s, Math.max(1, bytes / Math.max(1, probe.rows)));
      start = probe.rows;
    }
    const bytesPerRow = perRow.get(s)!;
    const rowsPerBlock = Math.max(1, Math.floor((READ_BUDGET_BYTES * PLANNED_SHARE) / bytesPerRow));
    for (let top = start; top < s.used.rowCount; top += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, s.used.rowCount - top);
      blocks.push({
        sheet: s.sheet.name,
        top: s.used.rowIndex + top,
        rows,
        left: s.used.columnIndex,
        columns: s.used.columnCount,
        bytes: rows * bytesPerRow,
        formulas: formulasOf(s.wanted),
      });
    }
  }
  await readBlocks(context, blocks, grids);
}

/**
 * Reads the sheets of {@link ReadOptions} (values, tables, conditional formats),
 * the heads of the sheets the add-in rewrites whole, and the defined names: in
 * one sync when they fit in a response, else in blocks of rows.
 *
 * @example
 * const read = await readWorkbook(context);
 * read.snapshot.sheets.map((s) => s.name); // ["Aanvraag", "Kandidaten", …]
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<OfficeRead> {
  const wanted = [...(options.sheets ?? Object.values(sheetNames)), ...(options.more ?? [])];
  const formulaSheets = Array.isArray(options.formulas)
    ? new Set(options.formulas.map((name) => name.toLowerCase()))
    : null;
  const formulasOf = (name: string) =>
    options.formulas === true || (formulaSheets?.has(name.toLowerCase()) ?? false);
  const seen = (name: string) => options.sizes?.get(name.toLowerCase());
  const seenBytes = (name: string, size: SeenSize) =>
    size.bytes + (formulasOf(name) ? (size.formulaBytes ?? size.bytes) : 0);
  const predicted = wanted.reduce((sum, name) => {
    const size = seen(name);
    return sum + (size ? seenBytes(name, size) : 0);
  }, 0);
  // Values with the first sync when they fit in a response (as far as this host has seen), else in blocks.
  let whole = predicted <= READ_BUDGET_BYTES;
  let first = queueFirst(
    context,
    wanted,
    options.heads ?? [],
    whole,
    formulasOf,
    options.formulaCells
  );
  try {
    await context.sync();
  } catch (error) {
    if (!whole || !tooLarge(error)) throw error;
    // Larger than this host has seen (so what it saw is no guide): without values, then in blocks.
    whole = false;
    for (const name of wanted) options.sizes?.delete(name.toLowerCase());
    first = queueFirst(
      context,
      wanted,
      options.heads ?? [],
      false,
      formulasOf,
      options.formulaCells
    );
    await context.sync();
  }

  const present = first.sheets.filter((s) => !s.sheet.isNullObject);
  const grids = new Map<string, { values: unknown[][]; formulas: unknown[][] }>();
  for (const s of present) {
    const grid = { values: [] as unknown[][], formulas: [] as unknown[][] };
    grids.set(s.sheet.name.toLowerCase(), grid);
    if (s.used.isNullObject) continue;
    if (whole) {
      grid.values = s.used.values;
      if (formulasOf(s.wanted)) grid.formulas = s.used.formulas;
    } else {
      // Blocks are placed by sheet row (0-based), from the used range's first row.
      grid.values = new Array(s.used.rowIndex + s.used.rowCount);
      grid.formulas = new Array(s.used.rowIndex + s.used.rowCount);
    }
  }
  if (!whole) await readInBlocks(context, present, grids, formulasOf, seen, seenBytes);
  for (const s of present) {
    const grid = grids.get(s.sheet.name.toLowerCase())!;
    const rows = s.used.isNullObject
      ? []
      : whole
        ? grid.values
        : grid.values.slice(s.used.rowIndex);
    const formulaRows =
      !formulasOf(s.wanted) || s.used.isNullObject
        ? null
        : whole
          ? grid.formulas
          : grid.formulas.slice(s.used.rowIndex);
    options.sizes?.set(s.wanted.toLowerCase(), {
      rows: rows.length,
      bytes: jsonBytes(rows),
      formulaBytes: formulaRows ? jsonBytes(formulaRows) : null,
    });
  }

  // Tables on the sheets read that are not the add-in's own by name: their details in one more sync.
  const knownTables = first.known.filter((t) => !t.table.isNullObject);
  const knownNames = new Set(knownTables.map((t) => t.table.name.toLowerCase()));
  const others = present.flatMap((s) =>
    s.tables.items
      .map((t) => t.name)
      .filter((name) => !knownNames.has(name.toLowerCase()))
      .map((name) => tableProxies(context.workbook.tables.getItem(name)))
  );
  if (others.length > 0) await context.sync();

  const sheets: SheetSnapshot[] = present.map((s) => {
    const snapshot: SheetSnapshot = { name: s.sheet.name, values: [], tables: [] };
    if (s.used.isNullObject) {
      if (formulasOf(s.wanted)) snapshot.formulas = [];
      return snapshot;
    }
    const grid = grids.get(s.sheet.name.toLowerCase())!;
    // Whole: the used range's rows; in blocks: placed by sheet row, from the used range's first row.
    const rows = (grid: unknown[][]) => (whole ? grid : grid.slice(s.used.rowIndex));
    const { rowIndex, columnIndex } = s.used;
    snapshot.values = fromA1(
      rowIndex,
      columnIndex,
      rows(grid.values).map((row) => row.map(plainCell)),
      null
    );
    if (formulasOf(s.wanted))
      snapshot.formulas = fromA1(
        rowIndex,
        columnIndex,
        formulaGrid(rows(grid.formulas), rows(grid.values)),
        null
      );
    return snapshot;
  });
  await confirmErrors(context, sheets);

  for (const t of [...knownTables, ...others]) {
    const owner = sheets.find((s) => s.name.toLowerCase() === t.sheet.name.toLowerCase());
    if (!owner) continue;
    const headers = t.table.showHeaders ? 1 : 0;
    const totals = t.table.showTotals ? 1 : 0;
    const table: TableSnapshot = {
      name: t.table.name,
      headerRow: t.range.rowIndex + 1,
      firstColumn: t.range.columnIndex + 1,
      columns: t.columns.items.map((c) => c.name),
      rowCount: Math.max(0, t.range.rowCount - headers - totals),
      totalsRow: totals === 1,
    };
    owner.tables.push(table);
  }

  if (first.formulaAreas && !first.formulaAreas.isNullObject) {
    const owner = sheets.find((s) => s.name.toLowerCase() === options.formulaCells?.toLowerCase());
    if (owner && !formulasOf(owner.name)) {
      markFormulas(owner, areasOf(first.formulaAreas.address));
      const probe = first.firstFormulas;
      if (probe && !probe.isNullObject) firstRowFormulas(owner, probe);
    }
  }

  const formats = new Map<string, ExistingFormat[]>();
  for (const { sheet, formats: list } of present)
    if (list) formats.set(sheet.name.toLowerCase(), existingFormats(list));
  const nameSnapshots: NameSnapshot[] = [];
  for (const n of first.names.items) {
    if (n.type !== "Range") continue;
    const parsed = parseNameFormula(n.name, n.formula);
    if (parsed) nameSnapshots.push(parsed);
  }
  const heads = new Map<string, SheetHead>();
  const presentHeads = first.headReads.filter((h) => !h.sheet.isNullObject);
  for (const { sheet, used, first: a1, tables, charts } of presentHeads) {
    heads.set(sheet.name.toLowerCase(), {
      name: sheet.name,
      first: plainCell(a1.values[0][0]),
      hasContent: !used.isNullObject,
      tables: tables.items.map((t) => t.name),
      charts: charts.items.map((c) => c.name),
    });
  }
  return {
    snapshot: { sheets, names: nameSnapshots },
    sheets: new Set(
      [...present.map((s) => s.sheet), ...presentHeads.map((h) => h.sheet)].map((s) =>
        s.name.toLowerCase()
      )
    ),
    names: new Set(first.names.items.map((n) => n.name.toLowerCase())),
    formats,
    heads,
  };
}

/**
 * The snapshot's formulas of a sheet whose formula cells are known but not their text:
 * {@link FORMULA_NOT_READ} in each cell of the areas, null elsewhere.
 */
function markFormulas(
  sheet: SheetSnapshot,
  areas: Array<{ top: number; left: number; bottom: number; right: number }>
): void {
  const formulas: Array<Array<string | null>> = sheet.values.map((row) => row.map(() => null));
  for (const area of areas)
    for (let r = area.top; r <= area.bottom; r++) {
      const row = (formulas[r - 1] ??= []);
      for (let c = area.left; c <= area.right; c++) row[c - 1] = FORMULA_NOT_READ;
    }
  for (let r = 0; r < formulas.length; r++) formulas[r] ??= [];
  sheet.formulas = formulas;
}

/** The formula text of one row read whole, in place of the markers {@link markFormulas} set there. */
function firstRowFormulas(
  sheet: SheetSnapshot,
  row: { formulas: unknown[][]; rowIndex: number; columnIndex: number }
): void {
  const line = sheet.formulas?.[row.rowIndex];
  if (!line) return;
  (row.formulas[0] ?? []).forEach((formula, j) => {
    const c = row.columnIndex + j;
    if (line[c] === FORMULA_NOT_READ && typeof formula === "string" && formula.startsWith("="))
      line[c] = formula;
  });
}

/**
 * Adds what a use case wrote to what the host saw, so that the next read plans for it
 * (an overwrite counts twice: that errs on the side of blocks).
 *
 * @example
 * noteWrites(host.readSizes, plan.changes);
 */
export function noteWrites(sizes: Map<string, SeenSize>, changes: WorkbookChange[]): void {
  for (const change of changes) {
    if (change.kind !== "writeValues" && change.kind !== "writeFormulas") continue;
    const size = sizes.get(change.sheet.toLowerCase());
    if (!size) continue;
    const grid = change.kind === "writeValues" ? change.values : change.formulas;
    size.bytes += jsonBytes(grid);
    if (change.kind === "writeFormulas" && size.formulaBytes !== null)
      size.formulaBytes += jsonBytes(grid);
  }
}

/**
 * The snapshot the use cases read.
 *
 * @example
 * const snapshot = await readSnapshot(context);
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<WorkbookSnapshot> {
  return (await readWorkbook(context, options)).snapshot;
}
