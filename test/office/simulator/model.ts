/**
 * The Excel objects the add-in uses, as the simulator answers for them: per
 * class (Excel's own class names, as Microsoft's client sends them), its
 * properties, navigation properties, methods and indexer over the store.
 * Member names are the wire names (PascalCase). A member that is not here is
 * a {@link SimulatorGap}: the request fails loudly, so a new API call in
 * src/office cannot go untested.
 */
import {
  boxAddress,
  cellKeyColumn,
  cellKeyRow,
  newSheet,
  parseBox,
  sheetOf,
  type Box,
  type FakeCell,
  type FakeChart,
  type FakeFormat,
  type FakeName,
  type FakeSheet,
  type FakeTable,
  type FakeValue,
  type FakeWorkbookState,
} from "./state";
import { acceptedFormula, typedInto, valueType, writeTyped } from "./cells";
import { toA1, withoutTable } from "./structured";

/** An error Excel answers with (`ItemNotFound`, `InvalidArgument`, …). */
export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

/** A member of the API that the simulator does not know: a test must fail, never pass by default. */
export class SimulatorGap extends Error {
  constructor(member: string) {
    super(
      `The Excel simulator does not know ${member}; model it (with its source) before using it.`
    );
  }
}

/** One object as the simulator holds it: Excel's class name and what it stands for. */
export type SimObject = { cls: string } & Record<string, unknown>;

/** What the simulator's objects can reach: the store and the run's figures. */
export interface SimWorld {
  state: FakeWorkbookState;
  /** Workbooks opened with `Excel.createWorkbook`, as base64. */
  created: string[];
  /** Counters of the current run. */
  count(what: "calculationSuspended" | "screenUpdatingSuspended"): void;
  /** Whether Excel fills a formula written into one row of an empty table column down the column. */
  calculatedColumns: boolean;
  /** A formula cell's value now (calculated). */
  valueOf(sheet: FakeSheet, row: number, column: number): FakeValue;
  /** The areas that array formulas of the sheet spill to now (calculated). */
  spills(sheet: FakeSheet): Box[];
}

/** How one class answers. */
interface ClassSpec {
  /** Scalar properties by wire name. */
  get?: Record<string, (o: SimObject, w: SimWorld) => unknown>;
  set?: Record<string, (o: SimObject, value: unknown, w: SimWorld) => void>;
  /** Navigation properties: another object, or null (a null object). */
  nav?: Record<string, (o: SimObject, w: SimWorld) => SimObject | null>;
  /** Methods, as object paths (returning an object) or actions (returning a value). */
  call?: Record<string, (o: SimObject, args: unknown[], w: SimWorld) => unknown>;
  /** `collection.getItem(key)` as an indexer. */
  index?: (o: SimObject, args: unknown[], w: SimWorld) => SimObject | null;
  /** The items of a collection, for `load("items/…")`. */
  items?: (o: SimObject, w: SimWorld) => SimObject[];
}

const obj = (cls: string, fields: Record<string, unknown> = {}): SimObject => ({ cls, ...fields });

/** The document properties an add-in can set, by wire name (Excel.DocumentProperties, ExcelApi 1.7). */
const WRITABLE_PROPERTIES = [
  "Title",
  "Subject",
  "Author",
  "Keywords",
  "Comments",
  "Category",
  "Manager",
  "Company",
];

/** The groups of pages a sheet's headers and footers are for (Excel.HeaderFooterGroup). */
const HEADER_FOOTER_GROUPS = ["DefaultForAllPages", "FirstPage", "EvenPages", "OddPages"];
/** The texts of one group (Excel.HeaderFooter). */
const HEADER_FOOTER_TEXTS = [
  "LeftHeader",
  "CenterHeader",
  "RightHeader",
  "LeftFooter",
  "CenterFooter",
  "RightFooter",
];

/** The papers Excel knows (Excel.PaperType's values). */
const PAPER_TYPES = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
  "Paper10x14",
  "Paper11x17",
  "Note",
  "Envelope9",
  "Envelope10",
  "Envelope11",
  "Envelope12",
  "Envelope14",
  "Csheet",
  "Dsheet",
  "Esheet",
  "EnvelopeDL",
  "EnvelopeC5",
  "EnvelopeC3",
  "EnvelopeC4",
  "EnvelopeC6",
  "EnvelopeC65",
  "EnvelopeB4",
  "EnvelopeB5",
  "EnvelopeB6",
  "EnvelopeItaly",
  "EnvelopeMonarch",
  "EnvelopePersonal",
  "FanfoldUS",
  "FanfoldStdGerman",
  "FanfoldLegalGerman",
];

/** A custom document property by key (case-insensitive, as Excel finds them). */
function customProperty(w: SimWorld, key: unknown) {
  return typeof key === "string"
    ? w.state.customProperties?.find((p) => p.key.toLowerCase() === key.toLowerCase())
    : undefined;
}

/** The sheet an object stands on, checked to still exist (a deleted sheet's objects fail as in Excel). */
function liveSheet(w: SimWorld, sheet: FakeSheet): FakeSheet {
  if (!w.state.sheets.includes(sheet))
    throw new ExcelError("ItemNotFound", "The requested resource doesn't exist.");
  return sheet;
}

function sheetByName(w: SimWorld, name: unknown): FakeSheet | undefined {
  return typeof name === "string" ? sheetOf(w.state, name) : undefined;
}

function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

const WHOLE_SHEET: Box = { top: 1, left: 1, bottom: 1_048_576, right: 16_384 };

function range(sheet: FakeSheet, box: Box): SimObject {
  return obj("Range", { sheet, box });
}
const rangeSheet = (o: SimObject, w: SimWorld) => liveSheet(w, o.sheet as FakeSheet);
const rangeBox = (o: SimObject) => o.box as Box;

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
function quoted(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** An A1 address Excel accepts in `getRange` (optionally with a sheet); InvalidArgument otherwise. */
function boxOf(address: unknown): Box {
  if (address === null || address === undefined || address === "") return WHOLE_SHEET;
  if (typeof address !== "string")
    throw new ExcelError("InvalidArgument", "The argument is invalid.");
  try {
    return parseBox(address);
  } catch {
    throw new ExcelError("InvalidArgument", `The argument '${address}' is invalid.`);
  }
}

function grid<T>(box: Box, pick: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: T[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(pick(r, c));
    out.push(row);
  }
  return out;
}

/** The largest range the simulator reads or writes cell by cell (a whole sheet is refused, as it would time out). */
const MAX_CELLS = 5_000_000;

function checkSize(box: Box): void {
  if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > MAX_CELLS)
    throw new SimulatorGap(`reading or writing ${boxAddress(box)} cell by cell`);
}

/**
 * Writes a grid onto a range, cell by cell. As Excel: the grid's size must be the
 * range's, or a single value for every cell; `null` leaves a cell as it is
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values).
 */
function writeGrid(
  w: SimWorld,
  o: SimObject,
  value: unknown,
  write: (cell: FakeCell, v: unknown) => void
): void {
  const sheet = rangeSheet(o, w);
  const box = rangeBox(o);
  checkSize(box);
  const rows = box.bottom - box.top + 1;
  const columns = box.right - box.left + 1;
  const single = !Array.isArray(value);
  const cells = value as unknown[][];
  if (
    !single &&
    (cells.length !== rows || cells.some((r) => !Array.isArray(r) || r.length !== columns))
  )
    throw new ExcelError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${boxAddress(box)}).`
    );
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < columns; j++) {
      const v = single ? (Array.isArray(value) ? cells[0][0] : value) : cells[i][j];
      if (v === null || v === undefined) continue;
      const key = `${box.top + i},${box.left + j}`;
      let cell = sheet.cells.get(key);
      if (!cell) sheet.cells.set(key, (cell = { value: "" }));
      write(cell, v);
    }
}

/**
 * Refuses a write (before any cell of it changes) where a value would become a formula
 * that Excel does not take: `+31 6 12345678` into a cell not formatted as text.
 */
function refuseBadFormulas(w: SimWorld, o: SimObject, value: unknown): void {
  const sheet = rangeSheet(o, w);
  const box = rangeBox(o);
  const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  rows.forEach((row, i) =>
    (Array.isArray(row) ? row : [row]).forEach((v, j) => {
      // Only a text that starts with `=`, `+` or `-` can be read as a formula (typedInto).
      if (typeof v !== "string" || !/^[=+-]/.test(v)) return;
      const typed = typedInto(v, sheet.cells.get(`${box.top + i},${box.left + j}`)?.numberFormat);
      if ("formula" in typed && !acceptedFormula(typed.formula))
        throw new ExcelError(
          "InvalidArgument",
          `The value '${v}' can't be used: it is read as a formula that is not valid.`
        );
    })
  );
}

/**
 * The bounding box of the cells with a value or formula (or with anything, `valuesOnly` false),
 * the cells that arrays spill into included: they show values
 * ("the smallest range that encompasses any cells that have a value or formatting assigned to them",
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)).
 */
function usedBox(sheet: FakeSheet, valuesOnly: boolean, spills: Box[]): Box | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const corner = (r: number, c: number) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  for (const a of spills) {
    corner(a.top, a.left);
    corner(a.bottom, a.right);
  }
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === "" && !cell.formula) continue;
    corner(cellKeyRow(key), cellKeyColumn(key));
  }
  return top === Infinity ? null : { top, left, bottom, right };
}

/** The table that holds the cell, if any. */
function tableAt(
  w: SimWorld,
  sheet: FakeSheet,
  row: number,
  column: number
): FakeTable | undefined {
  return w.state.tables.find(
    (t) =>
      t.sheet.toLowerCase() === sheet.name.toLowerCase() &&
      row >= t.top &&
      row <= t.bottom &&
      column >= t.left &&
      column <= t.right
  );
}

/**
 * Refuses a write (before any cell of it changes) of a formula with a structured reference
 * without a table name (`[@[Kandidaat]]`) into a cell outside a table: the name may be left
 * out only in a formula inside the table
 * (https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e:
 * "the table name … is omitted … because the formula is inside the table"), so Excel does not
 * take it elsewhere.
 */
function refuseThisRowOutsideTables(w: SimWorld, o: SimObject, value: unknown): void {
  const sheet = rangeSheet(o, w);
  const box = rangeBox(o);
  const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  rows.forEach((row, i) =>
    (Array.isArray(row) ? row : [row]).forEach((v, j) => {
      if (typeof v !== "string" || !v.startsWith("=") || !v.includes("[")) return;
      const at = { sheet: sheet.name, row: box.top + i, column: box.left + j };
      try {
        toA1(v, at, w.state.tables);
      } catch (error) {
        if ((error as Error).message.startsWith("A this-row reference outside a table"))
          throw new ExcelError(
            "InvalidArgument",
            `The formula '${v}' refers to a table column without a table, outside a table.`
          );
      }
    })
  );
}

/**
 * Formulas written by the API. Where a formula lands in a data cell of a table
 * column whose other data cells are empty, Excel makes it a calculated column
 * and fills it down, but only when "Fill formulas in tables to create calculated
 * columns" is on (a per-user AutoCorrect option; OfficeDev/office-js#2093).
 */
function writeFormulas(w: SimWorld, o: SimObject, value: unknown): void {
  writeGrid(w, o, value, (cell, v) => writeTyped(cell, v));
  if (!w.calculatedColumns) return;
  const sheet = rangeSheet(o, w);
  const box = rangeBox(o);
  for (let c = box.left; c <= box.right; c++) {
    const table = tableAt(w, sheet, box.top, c);
    if (!table || box.top <= table.top) continue;
    const formula = sheet.cells.get(`${box.top},${c}`)?.formula;
    if (!formula) continue;
    const others = [];
    for (let r = table.top + 1; r <= table.bottom; r++)
      if (r < box.top || r > box.bottom) others.push(sheet.cells.get(`${r},${c}`));
    if (
      others.some(
        (cell) => cell && (cell.value !== "" || (cell.formula && cell.formula !== formula))
      )
    )
      continue;
    (table.calculated ??= {})[c - table.left] = formula;
    for (let r = table.top + 1; r <= table.bottom; r++) {
      const cell = sheet.cells.get(`${r},${c}`) ?? { value: "" };
      cell.formula = formula;
      cell.value = "";
      sheet.cells.set(`${r},${c}`, cell);
    }
  }
}

/**
 * The cells of a range that hold a formula, as rectangles: runs of columns per row, rows with
 * the same runs joined (Excel does not document its own grouping; the add-in only needs the cells).
 */
function formulaAreas(sheet: FakeSheet, box: Box): Box[] {
  const areas: Box[] = [];
  let open: Box[] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const runs: Box[] = [];
    for (let c = box.left; c <= box.right; c++) {
      if (!sheet.cells.get(`${r},${c}`)?.formula) continue;
      const last = runs[runs.length - 1];
      if (last && last.right === c - 1) last.right = c;
      else runs.push({ top: r, left: c, bottom: r, right: c });
    }
    const same =
      runs.length === open.length &&
      runs.every((run, i) => run.left === open[i].left && run.right === open[i].right);
    if (same) open.forEach((area) => (area.bottom = r));
    else {
      areas.push(...open);
      open = runs;
    }
  }
  return [...areas, ...open].sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * `Range.getSpecialCells(OrNullObject)` (ExcelApi 1.9) for the one type the add-in asks,
 * `Formulas`: the cells that hold a formula, as a RangeAreas; none is ItemNotFound, or a null
 * object (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-special-cells).
 */
function specialCells(
  o: SimObject,
  [cellType, valueType]: unknown[],
  w: SimWorld,
  orNull: boolean
): SimObject | null {
  if (cellType !== "Formulas" || (valueType !== undefined && valueType !== null))
    throw new SimulatorGap(`Range.getSpecialCells(${JSON.stringify([cellType, valueType])})`);
  const sheet = rangeSheet(o, w);
  const areas = formulaAreas(sheet, rangeBox(o));
  if (areas.length > 0) return obj("RangeAreas", { sheet, areas });
  if (orNull) return null;
  throw new ExcelError("ItemNotFound", "No cells were found.");
}

/** The formats of a sheet that meet a range, in priority order: Excel's ids are their places here. */
function formatsIn(w: SimWorld, o: SimObject): FakeFormat[] {
  const sheet = rangeSheet(o, w);
  return sheet.formats.filter((f) => intersects(parseBox(f.range), rangeBox(o)));
}

/** A conditional format as reached through the collection of `scope` (a range): its id is its place there. */
function formatObject(sheet: FakeSheet, format: FakeFormat, scope: SimObject): SimObject {
  return obj("ConditionalFormat", { sheet, format, scope });
}
function liveFormat(w: SimWorld, o: SimObject): FakeFormat {
  const sheet = liveSheet(w, o.sheet as FakeSheet);
  const format = o.format as FakeFormat;
  if (!sheet.formats.includes(format))
    throw new ExcelError("ItemNotFound", "The requested conditional format doesn't exist.");
  return format;
}

function liveTable(w: SimWorld, o: SimObject): FakeTable {
  const table = o.table as FakeTable;
  if (!w.state.tables.includes(table))
    throw new ExcelError("ItemNotFound", "The requested table doesn't exist.");
  return table;
}

/**
 * A table column's name from its header cell: a table has no empty or duplicate headers,
 * so Excel names an empty one `Kolom1`… (in a Dutch Excel) and numbers a repeated one.
 */
function headerText(w: SimWorld, sheet: FakeSheet, t: FakeTable, column: number): string {
  const value = w.valueOf(sheet, t.top, column);
  const base = value === "" ? `Kolom${column - t.left + 1}` : String(value);
  let name = base;
  for (
    let n = 2;
    t.columns.some((h, i) => i !== column - t.left && h.toLowerCase() === name.toLowerCase());
    n++
  )
    name = `${base}${n}`;
  sheet.cells.set(`${t.top},${column}`, {
    ...(sheet.cells.get(`${t.top},${column}`) ?? { value: "" }),
    value: name,
  });
  return name;
}

/** After cells of a table's header row changed: its columns take the new header texts. */
function renameHeaders(w: SimWorld, sheet: FakeSheet, box: Box): void {
  for (const t of w.state.tables) {
    if (t.sheet.toLowerCase() !== sheet.name.toLowerCase() || box.top > t.top || box.bottom < t.top)
      continue;
    for (let c = Math.max(box.left, t.left); c <= Math.min(box.right, t.right); c++)
      t.columns[c - t.left] = headerText(w, sheet, t, c);
  }
}

/** A table's whole range, or its header row. */
function tableRange(w: SimWorld, o: SimObject, headerOnly: boolean): SimObject {
  const t = liveTable(w, o);
  const bottom = headerOnly ? t.top : t.bottom;
  return range(sheetOf(w.state, t.sheet)!, { top: t.top, left: t.left, bottom, right: t.right });
}

function tableByName(w: SimWorld, name: unknown): FakeTable | undefined {
  if (typeof name !== "string") return undefined;
  return w.state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

function nameItem(w: SimWorld, o: SimObject): FakeName {
  const item = o.item as FakeName;
  if (!w.state.names.includes(item))
    throw new ExcelError("ItemNotFound", "The requested name doesn't exist.");
  return item;
}

const notFound = (what: string, key: unknown) =>
  new ExcelError("ItemNotFound", `The requested ${what} '${String(key)}' doesn't exist.`);

function setter<T>(apply: (o: SimObject, value: T, w: SimWorld) => void) {
  return (o: SimObject, value: unknown, w: SimWorld) => apply(o, value as T, w);
}

function chartSetter(key: keyof FakeChart) {
  return setter<unknown>((o, value) => {
    (o.chart as Record<string, unknown>)[key] = value;
  });
}

/** Excel's valid sheet names: 1–31 characters, none of `\ / ? * [ ] :`, not starting or ending with `'`. */
function checkSheetName(name: unknown): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[\\/?*[\]:]/.test(name) ||
    /^'|'$/.test(name)
  )
    throw new ExcelError("InvalidArgument", `The sheet name '${String(name)}' is invalid.`);
  return name;
}

/** The classes, by Excel's names. */
export const classes: Record<string, ClassSpec> = {
  Workbook: {
    nav: {
      Worksheets: () => obj("WorksheetCollection"),
      Tables: () => obj("TableCollection", { sheet: null }),
      Names: () => obj("NamedItemCollection"),
      Application: () => obj("Application"),
      Properties: () => obj("DocumentProperties"),
    },
  },
  // Excel.PageLayout → HeaderFooterGroup → HeaderFooter (ExcelApi 1.9): the texts of the
  // headers and footers, with Excel's & codes, per group of pages.
  // Its print settings (ExcelApi 1.9), as https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
  // documents them: `orientation` is an Excel.PageOrientation, `paperSize` an Excel.PaperType,
  // `zoom` an Excel.PageLayoutZoomOptions (scale 10–400, or pages to fit), and
  // `setPrintTitleRows` takes the rows repeated at the top of each page (a Range or an address;
  // as in Excel's dialog, whole rows: `$1:$1`).
  PageLayout: {
    nav: { HeadersFooters: (o) => obj("HeaderFooterGroup", { sheet: o.sheet }) },
    set: {
      Orientation: (o, value, w) => {
        if (value !== "Portrait" && value !== "Landscape")
          throw new ExcelError("InvalidArgument", `Orientation '${String(value)}' is invalid.`);
        (liveSheet(w, o.sheet as FakeSheet).pageLayout ??= {}).Orientation = value;
      },
      PaperSize: (o, value, w) => {
        if (typeof value !== "string" || !PAPER_TYPES.includes(value))
          throw new ExcelError("InvalidArgument", `Paper size '${String(value)}' is invalid.`);
        (liveSheet(w, o.sheet as FakeSheet).pageLayout ??= {}).PaperSize = value;
      },
      Zoom: (o, value, w) => {
        const zoom = (value ?? {}) as Record<string, unknown>;
        const known = ["horizontalFitToPages", "verticalFitToPages", "scale"];
        const bad = Object.entries(zoom).some(
          ([key, v]) =>
            !known.includes(key) ||
            (v !== null &&
              (!Number.isInteger(v) ||
                (key === "scale" ? (v as number) < 10 || (v as number) > 400 : (v as number) < 0)))
        );
        if (bad)
          throw new ExcelError("InvalidArgument", `Zoom ${JSON.stringify(value)} is invalid.`);
        (liveSheet(w, o.sheet as FakeSheet).pageLayout ??= {}).Zoom = { ...zoom };
      },
    },
    call: {
      SetPrintTitleRows: (o, [rows], w) => {
        if (typeof rows !== "string" || !/^\$?\d+:\$?\d+$/.test(rows))
          throw new SimulatorGap(`PageLayout.setPrintTitleRows(${JSON.stringify(rows)})`);
        (liveSheet(w, o.sheet as FakeSheet).pageLayout ??= {}).PrintTitleRows = rows;
      },
    },
  },
  HeaderFooterGroup: {
    nav: Object.fromEntries(
      HEADER_FOOTER_GROUPS.map((group) => [
        group,
        (o: SimObject) => obj("HeaderFooter", { sheet: o.sheet, group }),
      ])
    ),
  },
  HeaderFooter: {
    get: Object.fromEntries(
      HEADER_FOOTER_TEXTS.map((name) => [
        name,
        (o: SimObject, w: SimWorld) =>
          liveSheet(w, o.sheet as FakeSheet).headersFooters?.[`${o.group as string}.${name}`] ?? "",
      ])
    ),
    set: Object.fromEntries(
      HEADER_FOOTER_TEXTS.map((name) => [
        name,
        (o: SimObject, value: unknown, w: SimWorld) => {
          const sheet = liveSheet(w, o.sheet as FakeSheet);
          (sheet.headersFooters ??= {})[`${o.group as string}.${name}`] = String(value);
        },
      ])
    ),
  },
  // Excel.DocumentProperties (ExcelApi 1.7): every text property can be set but LastAuthor,
  // which Excel sets itself on saving (the client's _scalarPropertyUpdateable says the same).
  DocumentProperties: {
    get: Object.fromEntries(
      [...WRITABLE_PROPERTIES, "LastAuthor"].map((name) => [
        name,
        (_o: SimObject, w: SimWorld) => w.state.properties?.[name] ?? "",
      ])
    ),
    set: Object.fromEntries(
      WRITABLE_PROPERTIES.map((name) => [
        name,
        (_o: SimObject, value: unknown, w: SimWorld) => {
          (w.state.properties ??= {})[name] = String(value);
        },
      ])
    ),
    nav: { Custom: () => obj("CustomPropertyCollection") },
  },
  CustomPropertyCollection: {
    items: (_o, w) =>
      (w.state.customProperties ?? []).map((prop) => obj("CustomProperty", { prop })),
    index: (_o, [key], w) => {
      const prop = customProperty(w, key);
      if (!prop) throw notFound("custom property", key);
      return obj("CustomProperty", { prop });
    },
    call: {
      GetItem: (o, args, w) => classes.CustomPropertyCollection.index!(o, args, w),
      GetItemOrNullObject: (_o, [key], w) => {
        const prop = customProperty(w, key);
        return prop ? obj("CustomProperty", { prop }) : null;
      },
    },
  },
  CustomProperty: {
    get: {
      Key: (o) => (o.prop as { key: string }).key,
      Value: (o) => (o.prop as { value: unknown }).value,
      Type: (o) => {
        const value = (o.prop as { value: unknown }).value;
        return typeof value === "number"
          ? "Number"
          : typeof value === "boolean"
            ? "Boolean"
            : "String";
      },
    },
    set: {
      Value: (o, value) => {
        (o.prop as { value: unknown }).value = value;
      },
    },
  },
  Application: {
    call: {
      SuspendApiCalculationUntilNextSync: (_o, _a, w) => w.count("calculationSuspended"),
      SuspendScreenUpdatingUntilNextSync: (_o, _a, w) => w.count("screenUpdatingSuspended"),
      CreateWorkbook: (_o, [base64]) => {
        // Excel refuses what is not base64 of a file (ExcelApi 1.8, Excel.createWorkbook).
        if (typeof base64 !== "string" || !/^[A-Za-z0-9+/]+=*$/.test(base64))
          throw new ExcelError("InvalidArgument", "The argument is invalid or missing.");
        return obj("WorkbookCreated", { base64 });
      },
    },
  },
  WorkbookCreated: {
    call: {
      Open: (o, _a, w) => {
        w.created.push(o.base64 as string);
      },
    },
  },
  WorksheetCollection: {
    items: (_o, w) => w.state.sheets.map((sheet) => obj("Worksheet", { sheet })),
    index: (_o, [key], w) => {
      const sheet = sheetByName(w, key);
      if (!sheet) throw notFound("worksheet", key);
      return obj("Worksheet", { sheet });
    },
    call: {
      GetItem: (o, args, w) => classes.WorksheetCollection.index!(o, args, w),
      GetItemOrNullObject: (_o, [key], w) => {
        const sheet = sheetByName(w, key);
        return sheet ? obj("Worksheet", { sheet }) : null;
      },
      Add: (_o, [name], w) => {
        const wanted = checkSheetName(name);
        if (sheetOf(w.state, wanted))
          throw new ExcelError("ItemAlreadyExists", `A sheet named '${wanted}' exists already.`);
        const sheet = newSheet(wanted);
        w.state.sheets.push(sheet);
        return obj("Worksheet", { sheet });
      },
    },
  },
  Worksheet: {
    get: {
      Name: (o, w) => liveSheet(w, o.sheet as FakeSheet).name,
      Position: (o, w) => w.state.sheets.indexOf(liveSheet(w, o.sheet as FakeSheet)),
    },
    nav: {
      Tables: (o) => obj("TableCollection", { sheet: o.sheet }),
      Charts: (o) => obj("ChartCollection", { sheet: o.sheet }),
      FreezePanes: (o) => obj("WorksheetFreezePanes", { sheet: o.sheet }),
      PageLayout: (o) => obj("PageLayout", { sheet: o.sheet }),
    },
    call: {
      GetRange: (o, [address], w) => range(liveSheet(w, o.sheet as FakeSheet), boxOf(address)),
      GetUsedRangeOrNullObject: (o, [valuesOnly], w) => {
        const sheet = liveSheet(w, o.sheet as FakeSheet);
        const box = usedBox(sheet, valuesOnly === true, w.spills(sheet));
        return box ? range(sheet, box) : null;
      },
      Delete: (o, _a, w) => {
        const sheet = liveSheet(w, o.sheet as FakeSheet);
        if (w.state.sheets.length === 1)
          throw new ExcelError(
            "InvalidOperation",
            "A workbook must contain at least one visible worksheet."
          );
        w.state.sheets = w.state.sheets.filter((s) => s !== sheet);
        w.state.tables = w.state.tables.filter(
          (t) => t.sheet.toLowerCase() !== sheet.name.toLowerCase()
        );
        // Names and formulas that referred to the sheet now say #REF!, as in Excel (re-adding a sheet of that name does not mend them).
        for (const n of w.state.names)
          if (n.formula.toLowerCase().startsWith(`=${quoted(sheet.name).toLowerCase()}!`))
            n.formula = "=#REF!";
        const name = sheet.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        const reference = new RegExp(
          `(?:'${name.replace(/'/g, "''")}'|\\b${name})!\\$?[A-Z]+\\$?\\d+(?::\\$?[A-Z]+\\$?\\d+)?`,
          "gi"
        );
        for (const other of w.state.sheets)
          for (const cell of other.cells.values())
            if (cell.formula) cell.formula = cell.formula.replace(reference, "#REF!");
      },
      Activate: (o, _a, w) => {
        liveSheet(w, o.sheet as FakeSheet);
      },
    },
  },
  WorksheetFreezePanes: {
    call: {
      Unfreeze: (o, _a, w) => {
        delete liveSheet(w, o.sheet as FakeSheet).freeze;
      },
      FreezeRows: (o, [rows], w) => {
        liveSheet(w, o.sheet as FakeSheet).freeze = { rows: Number(rows ?? 1), columns: 0 };
      },
      FreezeAt: (o, [at], w) => {
        const sheet = liveSheet(w, o.sheet as FakeSheet);
        const box = typeof at === "string" ? boxOf(at) : rangeBox(at as SimObject);
        sheet.freeze = { rows: box.bottom, columns: box.right };
      },
    },
  },
  Range: {
    get: {
      Values: (o, w) => {
        const sheet = rangeSheet(o, w);
        checkSize(rangeBox(o));
        return grid(rangeBox(o), (r, c) => w.valueOf(sheet, r, c));
      },
      ValueTypes: (o, w) => {
        const sheet = rangeSheet(o, w);
        checkSize(rangeBox(o));
        return grid(rangeBox(o), (r, c) => valueType(w.valueOf(sheet, r, c)));
      },
      // "If a cell has no formula, its value is returned instead"
      // (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member):
      // so a cell that an array spills into, which holds no formula of its own (only the
      // anchor does: https://support.microsoft.com/office/dynamic-array-formulas-and-spilled-array-behavior-205c6b06-03ba-4151-89a1-87a7eb36e531),
      // reads as the value it shows.
      Formulas: (o, w) => {
        const sheet = rangeSheet(o, w);
        checkSize(rangeBox(o));
        return grid(rangeBox(o), (r, c) => {
          const cell = sheet.cells.get(`${r},${c}`);
          return cell?.formula ?? w.valueOf(sheet, r, c);
        });
      },
      NumberFormat: (o, w) => {
        const sheet = rangeSheet(o, w);
        checkSize(rangeBox(o));
        return grid(rangeBox(o), (r, c) => sheet.cells.get(`${r},${c}`)?.numberFormat ?? "General");
      },
      RowIndex: (o) => rangeBox(o).top - 1,
      ColumnIndex: (o) => rangeBox(o).left - 1,
      RowCount: (o) => rangeBox(o).bottom - rangeBox(o).top + 1,
      ColumnCount: (o) => rangeBox(o).right - rangeBox(o).left + 1,
      Address: (o, w) => `${quoted(rangeSheet(o, w).name)}!${boxAddress(rangeBox(o))}`,
    },
    set: {
      Values: (o, value, w) => {
        refuseBadFormulas(w, o, value);
        writeGrid(w, o, value, (cell, v) => writeTyped(cell, v));
        renameHeaders(w, rangeSheet(o, w), rangeBox(o));
        growTables(w, rangeSheet(o, w), rangeBox(o));
      },
      Formulas: (o, value, w) => {
        refuseBadFormulas(w, o, value);
        refuseThisRowOutsideTables(w, o, value);
        writeFormulas(w, o, value);
      },
      NumberFormat: (o, value, w) =>
        writeGrid(w, o, value, (cell, v) => {
          cell.numberFormat = String(v);
        }),
    },
    nav: {
      Format: (o) => obj("RangeFormat", { range: o }),
      ConditionalFormats: (o) => obj("ConditionalFormatCollection", { range: o }),
      DataValidation: (o) => obj("DataValidation", { range: o }),
      Worksheet: (o) => obj("Worksheet", { sheet: o.sheet }),
    },
    call: {
      // The client writes more than 1,500 cells as row blocks: it asks for the size check and the blocks.
      _ValidateArraySize: (o, [rows, columns]) => {
        const box = rangeBox(o);
        if (rows !== box.bottom - box.top + 1 || columns !== box.right - box.left + 1)
          throw new ExcelError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${boxAddress(box)}).`
          );
      },
      GetRow: (o, [row], w) => {
        const box = rangeBox(o);
        const top = box.top + Number(row);
        if (!Number.isInteger(row) || top > box.bottom)
          throw new ExcelError("InvalidArgument", "The row is outside the range.");
        return range(rangeSheet(o, w), { ...box, top, bottom: top });
      },
      GetBoundingRect: (o, [other], w) => {
        const a = rangeBox(o);
        const b = rangeBox(other as SimObject);
        if (rangeSheet(other as SimObject, w) !== rangeSheet(o, w))
          throw new ExcelError("InvalidArgument", "The ranges are on different sheets.");
        return range(rangeSheet(o, w), {
          top: Math.min(a.top, b.top),
          left: Math.min(a.left, b.left),
          bottom: Math.max(a.bottom, b.bottom),
          right: Math.max(a.right, b.right),
        });
      },
      // Clear: "All" (the default) empties the cells and their formats; "Contents" only values and formulas.
      Clear: (o, [applyTo], w) => {
        const sheet = rangeSheet(o, w);
        const box = rangeBox(o);
        const what = applyTo ?? "All";
        if (what !== "All" && what !== "Contents" && what !== "Formats")
          throw new SimulatorGap(`Range.clear("${String(what)}")`);
        // Formats include row heights: rows fitted to their text are back to the default.
        if (what !== "Contents")
          sheet.autofitRows = sheet.autofitRows.filter((a) => !intersects(parseBox(a.range), box));
        for (const [key, cell] of [...sheet.cells]) {
          const r = cellKeyRow(key);
          if (r < box.top || r > box.bottom) continue;
          const c = cellKeyColumn(key);
          if (c < box.left || c > box.right) continue;
          if (what === "All") sheet.cells.delete(key);
          else if (what === "Contents") {
            cell.value = "";
            delete cell.formula;
          } else {
            delete cell.numberFormat;
            delete cell.bold;
            delete cell.wrap;
          }
        }
        if (what !== "Formats") renameHeaders(w, sheet, box);
      },
      Select: (o, _a, w) => {
        w.state.selection = { sheet: rangeSheet(o, w).name, address: boxAddress(rangeBox(o)) };
      },
      GetSpecialCells: (o, args, w) => specialCells(o, args, w, false),
      GetSpecialCellsOrNullObject: (o, args, w) => specialCells(o, args, w, true),
    },
  },
  // "Address value will contain the worksheet name for each rectangular block of cells
  // (e.g., "Sheet1!A1:B4, Sheet1!D1:D4")": https://learn.microsoft.com/javascript/api/excel/excel.rangeareas#excel-excel-rangeareas-address-member
  RangeAreas: {
    get: {
      Address: (o, w) => {
        const sheet = liveSheet(w, o.sheet as FakeSheet);
        return (o.areas as Box[]).map((a) => `${quoted(sheet.name)}!${boxAddress(a)}`).join(", ");
      },
      AreaCount: (o) => (o.areas as Box[]).length,
    },
  },
  RangeFormat: {
    set: {
      WrapText: (o, value, w) =>
        writeGrid(w, o.range as SimObject, value === true, (cell, v) => {
          cell.wrap = v === true;
        }),
      ColumnWidth: (o, value, w) => {
        const r = o.range as SimObject;
        const sheet = rangeSheet(r, w);
        for (let c = rangeBox(r).left; c <= rangeBox(r).right; c++) sheet.widths[c] = Number(value);
      },
    },
    nav: { Font: (o) => obj("RangeFont", { range: o.range }) },
    call: {
      AutofitRows: (o, _a, w) => {
        const r = o.range as SimObject;
        const sheet = rangeSheet(r, w);
        sheet.autofitRows.push({ range: boxAddress(rangeBox(r)), widths: { ...sheet.widths } });
      },
    },
  },
  RangeFont: {
    set: {
      Bold: (o, value, w) =>
        writeGrid(w, o.range as SimObject, value === true, (cell, v) => {
          cell.bold = v === true;
        }),
    },
  },
  DataValidation: {
    set: {
      Rule: (o, rule, w) => {
        const r = o.range as SimObject;
        const list = (rule as { list?: { source?: unknown } }).list;
        if (!list || typeof list.source !== "string")
          throw new SimulatorGap("DataValidation.rule other than a list");
        rangeSheet(r, w).validations.push({
          range: boxAddress(rangeBox(r)),
          items: list.source.split(","),
        });
      },
    },
    call: {
      Clear: (o, _a, w) => {
        const r = o.range as SimObject;
        const sheet = rangeSheet(r, w);
        sheet.validations = sheet.validations.filter(
          (v) => !intersects(parseBox(v.range), rangeBox(r))
        );
      },
    },
  },
  ConditionalFormatCollection: {
    items: (o, w) => {
      const r = o.range as SimObject;
      return formatsIn(w, r).map((f) => formatObject(rangeSheet(r, w), f, r));
    },
    index: (o, [id], w) => {
      const r = o.range as SimObject;
      const found = formatsIn(w, r)[Number(id)];
      if (typeof id !== "string" || !/^\d+$/.test(id) || !found)
        throw notFound("conditional format", id);
      return formatObject(rangeSheet(r, w), found, r);
    },
    get: { Count: (o, w) => formatsIn(w, o.range as SimObject).length },
    call: {
      GetItem: (o, args, w) => classes.ConditionalFormatCollection.index!(o, args, w),
      GetCount: (o, _a, w) => formatsIn(w, o.range as SimObject).length,
      // A new rule takes the first (top) priority: every id in the collection shifts by one.
      Add: (o, [type], w) => {
        const r = o.range as SimObject;
        if (type !== "Custom" && type !== "DataBar")
          throw new SimulatorGap(`ConditionalFormatCollection.add("${String(type)}")`);
        const sheet = rangeSheet(r, w);
        const format: FakeFormat = {
          id: `cf${w.state.nextId++}`,
          type,
          range: boxAddress(rangeBox(r)),
        };
        sheet.formats.unshift(format);
        return formatObject(sheet, format, r);
      },
      // Clears the rules that meet the range (a rule that reaches beyond it is removed whole, as in Excel).
      ClearAll: (o, _a, w) => {
        const r = o.range as SimObject;
        const sheet = rangeSheet(r, w);
        const gone = new Set(formatsIn(w, r));
        sheet.formats = sheet.formats.filter((f) => !gone.has(f));
      },
    },
  },
  ConditionalFormat: {
    get: {
      // "The priority of the conditional format in the current ConditionalFormatCollection."
      Id: (o, w) => String(formatsIn(w, o.scope as SimObject).indexOf(liveFormat(w, o))),
      Priority: (o, w) => liveSheet(w, o.sheet as FakeSheet).formats.indexOf(liveFormat(w, o)),
      Type: (o, w) => liveFormat(w, o).type,
    },
    nav: {
      Custom: (o, w) => {
        if (liveFormat(w, o).type !== "Custom")
          throw new ExcelError("InvalidOperation", "The conditional format is not of type Custom.");
        return obj("CustomConditionalFormat", { sheet: o.sheet, format: o.format });
      },
      CustomOrNullObject: (o, w) =>
        liveFormat(w, o).type === "Custom"
          ? obj("CustomConditionalFormat", { sheet: o.sheet, format: o.format })
          : null,
      DataBar: (o, w) => {
        if (liveFormat(w, o).type !== "DataBar")
          throw new ExcelError(
            "InvalidOperation",
            "The conditional format is not of type DataBar."
          );
        return obj("DataBarConditionalFormat", { sheet: o.sheet, format: o.format });
      },
      DataBarOrNullObject: (o, w) =>
        liveFormat(w, o).type === "DataBar"
          ? obj("DataBarConditionalFormat", { sheet: o.sheet, format: o.format })
          : null,
    },
    call: {
      Delete: (o, _a, w) => {
        const sheet = liveSheet(w, o.sheet as FakeSheet);
        const format = liveFormat(w, o);
        sheet.formats = sheet.formats.filter((f) => f !== format);
      },
      // ExcelApi 1.6: the range the rule applies to (one area for the add-in's rules).
      GetRange: (o, _a, w) =>
        range(liveSheet(w, o.sheet as FakeSheet), parseBox(liveFormat(w, o).range)),
      GetRangeOrNullObject: (o, _a, w) =>
        range(liveSheet(w, o.sheet as FakeSheet), parseBox(liveFormat(w, o).range)),
    },
  },
  CustomConditionalFormat: {
    nav: {
      Rule: (o) => obj("ConditionalFormatRule", { sheet: o.sheet, format: o.format }),
      Format: (o) => obj("ConditionalRangeFormat", { sheet: o.sheet, format: o.format }),
    },
  },
  ConditionalFormatRule: {
    get: { Formula: (o, w) => liveFormat(w, o).formula ?? "" },
    set: {
      Formula: setter<string>((o, value, w) => {
        liveFormat(w, o).formula = String(value);
      }),
    },
  },
  ConditionalRangeFormat: {
    nav: { Fill: (o) => obj("ConditionalRangeFill", { sheet: o.sheet, format: o.format }) },
  },
  ConditionalRangeFill: {
    set: {
      Color: setter<string>((o, value, w) => {
        liveFormat(w, o).fill = String(value);
      }),
    },
  },
  DataBarConditionalFormat: {
    nav: {
      PositiveFormat: (o) =>
        obj("ConditionalDataBarPositiveFormat", { sheet: o.sheet, format: o.format }),
    },
  },
  ConditionalDataBarPositiveFormat: {
    set: {
      FillColor: setter<string>((o, value, w) => {
        liveFormat(w, o).barColour = String(value);
      }),
    },
  },
  TableCollection: {
    items: (o, w) =>
      w.state.tables
        .filter(
          (t) =>
            !o.sheet ||
            t.sheet.toLowerCase() === liveSheet(w, o.sheet as FakeSheet).name.toLowerCase()
        )
        .map((table) => obj("Table", { table })),
    index: (_o, [name], w) => {
      const table = tableByName(w, name);
      if (!table) throw notFound("table", name);
      return obj("Table", { table });
    },
    get: { Count: (o, w) => classes.TableCollection.items!(o, w).length },
    call: {
      GetItem: (o, args, w) => classes.TableCollection.index!(o, args, w),
      GetItemOrNullObject: (_o, [name], w) => {
        const table = tableByName(w, name);
        return table ? obj("Table", { table }) : null;
      },
      Add: (o, [address, hasHeaders], w) => {
        const text = String(address);
        const sheet = o.sheet
          ? liveSheet(w, o.sheet as FakeSheet)
          : sheetByName(
              w,
              text.includes("!") ? text.slice(0, text.lastIndexOf("!")).replace(/^'|'$/g, "") : ""
            );
        if (!sheet) throw new ExcelError("InvalidArgument", `The address '${text}' is invalid.`);
        const box = boxOf(text);
        if (hasHeaders !== true) throw new SimulatorGap("TableCollection.add without headers");
        if (
          w.state.tables.some(
            (t) => t.sheet.toLowerCase() === sheet.name.toLowerCase() && intersects(box, t)
          )
        )
          throw new ExcelError("InvalidOperation", "A table can't overlap another table.");
        const columns: string[] = [];
        for (let c = box.left; c <= box.right; c++) {
          const value = w.valueOf(sheet, box.top, c);
          let header = value === "" ? `Kolom${c - box.left + 1}` : String(value);
          // Excel makes duplicate headers unique by a number.
          for (let n = 2; columns.some((h) => h.toLowerCase() === header.toLowerCase()); n++)
            header = `${String(value)}${n}`;
          columns.push(header);
          sheet.cells.set(`${box.top},${c}`, {
            ...(sheet.cells.get(`${box.top},${c}`) ?? {}),
            value: header,
          });
        }
        const table: FakeTable = {
          name: `Tabel${w.state.nextId++}`,
          sheet: sheet.name,
          ...box,
          columns,
        };
        w.state.tables.push(table);
        return obj("Table", { table });
      },
    },
  },
  Table: {
    get: {
      Name: (o, w) => liveTable(w, o).name,
      ShowHeaders: () => true,
      ShowTotals: () => false,
    },
    set: {
      Name: setter<string>((o, name, w) => {
        const table = liveTable(w, o);
        const clash =
          w.state.tables.some(
            (t) => t !== table && t.name.toLowerCase() === String(name).toLowerCase()
          ) || w.state.names.some((n) => n.name.toLowerCase() === String(name).toLowerCase());
        if (clash || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(String(name)))
          throw new ExcelError(
            "InvalidArgument",
            `The table name '${String(name)}' is invalid or in use.`
          );
        table.name = String(name);
      }),
    },
    nav: {
      Worksheet: (o, w) => {
        const sheet = sheetOf(w.state, liveTable(w, o).sheet);
        return sheet ? obj("Worksheet", { sheet }) : null;
      },
      Columns: (o) => obj("TableColumnCollection", { table: o.table }),
    },
    call: {
      GetRange: (o, _a, w) => tableRange(w, o, false),
      // Deletes the table with its cells (convertToRange is the call that keeps the data);
      // formulas that referred to it by name now say #REF!.
      Delete: (o, _a, w) => {
        const t = liveTable(w, o);
        const sheet = sheetOf(w.state, t.sheet)!;
        for (let r = t.top; r <= t.bottom; r++)
          for (let c = t.left; c <= t.right; c++) sheet.cells.delete(`${r},${c}`);
        w.state.tables = w.state.tables.filter((x) => x !== t);
        for (const other of w.state.sheets)
          for (const cell of other.cells.values())
            if (cell.formula) cell.formula = withoutTable(cell.formula, t.name);
      },
      // ExcelApi 1.13: "The new range must overlap with the original table range and the headers
      // (or the top of the table) must be in the same row."
      Resize: (o, [address], w) => {
        const t = liveTable(w, o);
        const text = String(address);
        const box = boxOf(text.includes("!") ? text.slice(text.lastIndexOf("!") + 1) : text);
        if (box.top !== t.top || !intersects(box, t))
          throw new ExcelError("InvalidArgument", `The table can't be resized to ${text}.`);
        const sheet = sheetOf(w.state, t.sheet)!;
        t.left = box.left;
        t.right = box.right;
        t.bottom = box.bottom;
        t.columns = [];
        for (let c = box.left; c <= box.right; c++) t.columns.push(headerText(w, sheet, t, c));
      },
      GetHeaderRowRange: (o, _a, w) => tableRange(w, o, true),
      // The table without its header row (the add-in's tables have no totals row).
      GetDataBodyRange: (o, _a, w) => {
        const t = liveTable(w, o);
        return range(sheetOf(w.state, t.sheet)!, {
          top: t.top + 1,
          left: t.left,
          bottom: t.bottom,
          right: t.right,
        });
      },
    },
  },
  TableColumnCollection: {
    items: (o, w) =>
      liveTable(w, o).columns.map((name, index) =>
        obj("TableColumn", { table: o.table, name, index })
      ),
    call: {
      Add: (o, [index, values, name], w) => {
        const t = liveTable(w, o);
        if (index !== null && index !== undefined && index !== t.columns.length)
          throw new SimulatorGap("TableColumnCollection.add other than at the right end");
        if (values !== null && values !== undefined)
          throw new SimulatorGap("TableColumnCollection.add with values");
        const sheet = sheetOf(w.state, t.sheet)!;
        let header = typeof name === "string" ? name : `Kolom${t.columns.length + 1}`;
        if (t.columns.some((c) => c.toLowerCase() === header.toLowerCase()))
          throw new ExcelError("InvalidArgument", `The column name '${header}' is in use.`);
        const column = t.right + 1;
        if (
          w.state.tables.some(
            (x) =>
              x !== t && x.sheet === t.sheet && intersects(x, { ...t, left: column, right: column })
          )
        )
          throw new ExcelError("InvalidOperation", "The table can't grow into another table.");
        // Excel shifts filled cells to the right to make room: the simulator refuses instead.
        for (let r = t.top + 1; r <= t.bottom; r++)
          if (
            sheet.cells.get(`${r},${column}`)?.value ||
            sheet.cells.get(`${r},${column}`)?.formula
          )
            throw new SimulatorGap(
              "TableColumnCollection.add next to filled cells (Excel shifts them)"
            );
        t.right = column;
        t.columns.push(header);
        sheet.cells.set(`${t.top},${column}`, {
          ...(sheet.cells.get(`${t.top},${column}`) ?? {}),
          value: header,
        });
        return obj("TableColumn", { table: t, name: header, index: t.columns.length - 1 });
      },
    },
  },
  TableColumn: {
    get: {
      Name: (o, w) => liveTable(w, o).columns[o.index as number],
      Index: (o) => o.index,
    },
  },
  NamedItemCollection: {
    items: (_o, w) => w.state.names.map((item) => obj("NamedItem", { item })),
    index: (_o, [key], w) => {
      const item = w.state.names.find(
        (n) => typeof key === "string" && n.name.toLowerCase() === key.toLowerCase()
      );
      if (!item) throw notFound("name", key);
      return obj("NamedItem", { item });
    },
    call: {
      GetItem: (o, args, w) => classes.NamedItemCollection.index!(o, args, w),
      Add: (_o, [name, reference], w) => {
        if (typeof name !== "string" || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
          throw new ExcelError("InvalidArgument", `The name '${String(name)}' is invalid.`);
        if (w.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new ExcelError("ItemAlreadyExists", `The name '${name}' exists already.`);
        const target = reference as SimObject;
        if (!target || target.cls !== "Range")
          throw new SimulatorGap("NamedItemCollection.add of a formula");
        const abs = boxAddress(rangeBox(target)).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
        const item: FakeName = { name, formula: `=${quoted(rangeSheet(target, w).name)}!${abs}` };
        w.state.names.push(item);
        return obj("NamedItem", { item });
      },
    },
  },
  NamedItem: {
    get: {
      Name: (o, w) => nameItem(w, o).name,
      Formula: (o, w) => nameItem(w, o).formula,
      Type: (o, w) => (nameItem(w, o).formula.includes("#REF!") ? "Error" : "Range"),
    },
    call: {
      Delete: (o, _a, w) => {
        const item = nameItem(w, o);
        w.state.names = w.state.names.filter((n) => n !== item);
      },
    },
  },
  ChartCollection: {
    items: (o, w) =>
      liveSheet(w, o.sheet as FakeSheet).charts.map((chart) =>
        obj("Chart", { chart, sheet: o.sheet })
      ),
    index: (o, [name], w) => {
      const chart = liveSheet(w, o.sheet as FakeSheet).charts.find(
        (c) => typeof name === "string" && c.name?.toLowerCase() === name.toLowerCase()
      );
      if (!chart) throw notFound("chart", name);
      return obj("Chart", { chart, sheet: o.sheet });
    },
    call: {
      GetItem: (o, args, w) => classes.ChartCollection.index!(o, args, w),
      Add: (o, [type, source], w) => {
        const sheet = liveSheet(w, o.sheet as FakeSheet);
        const from = source as SimObject;
        const chart: FakeChart = {
          name: `Grafiek ${w.state.nextId++}`,
          type: String(type),
          source: boxAddress(rangeBox(from)),
          values: boxAddress(rangeBox(from)),
          pointColours: {},
        };
        sheet.charts.push(chart);
        return obj("Chart", { chart, sheet });
      },
    },
  },
  Chart: {
    get: { Name: (o) => (o.chart as FakeChart).name ?? "" },
    nav: {
      Title: (o) => obj("ChartTitle", { chart: o.chart }),
      Legend: (o) => obj("ChartLegend", { chart: o.chart }),
      Axes: (o) => obj("ChartAxes", { chart: o.chart }),
      Series: (o) => obj("ChartSeriesCollection", { chart: o.chart }),
    },
    call: {
      Delete: (o, _a, w) => {
        const sheet = liveSheet(w, o.sheet as FakeSheet);
        sheet.charts = sheet.charts.filter((c) => c !== o.chart);
      },
      SetPosition: (o, [start]) => {
        const chart = o.chart as FakeChart;
        chart.position =
          typeof start === "string"
            ? boxAddress(boxOf(start))
            : boxAddress(rangeBox(start as SimObject));
      },
    },
  },
  ChartTitle: { set: { Text: chartSetter("title") } },
  ChartLegend: { set: { Visible: chartSetter("legend") } },
  ChartAxes: { nav: { CategoryAxis: (o) => obj("ChartAxis", { chart: o.chart }) } },
  ChartAxis: { set: { ReversePlotOrder: chartSetter("reversed") } },
  ChartSeriesCollection: {
    call: {
      GetItemAt: (o, [index]) => {
        // The add-in's charts have one series (from one column of values).
        if (index !== 0) throw notFound("series", index);
        return obj("ChartSeries", { chart: o.chart });
      },
    },
  },
  ChartSeries: {
    nav: {
      Format: (o) => obj("ChartSeriesFormat", { chart: o.chart }),
      Points: (o) => obj("ChartPointsCollection", { chart: o.chart }),
    },
    call: {
      SetValues: (o, [values]) => {
        (o.chart as FakeChart).values = boxAddress(rangeBox(values as SimObject));
      },
      SetXAxisValues: (o, [values]) => {
        (o.chart as FakeChart).categories = boxAddress(rangeBox(values as SimObject));
      },
    },
  },
  ChartSeriesFormat: { nav: { Fill: (o) => obj("ChartFill", { chart: o.chart, point: null }) } },
  ChartPointsCollection: {
    call: {
      GetItemAt: (o, [index]) => {
        const chart = o.chart as FakeChart;
        const values = parseBox(chart.values ?? chart.source);
        if (typeof index !== "number" || index < 0 || index > values.bottom - values.top)
          throw notFound("point", index);
        return obj("ChartPoint", { chart, point: index });
      },
    },
  },
  ChartPoint: {
    nav: { Format: (o) => obj("ChartPointFormat", { chart: o.chart, point: o.point }) },
  },
  ChartPointFormat: { nav: { Fill: (o) => obj("ChartFill", { chart: o.chart, point: o.point }) } },
  ChartFill: {
    call: {
      SetSolidColor: (o, [colour]) => {
        const chart = o.chart as FakeChart;
        if (o.point === null) chart.colour = String(colour);
        else chart.pointColours[o.point as number] = String(colour);
      },
    },
  },
};

function spec(o: SimObject): ClassSpec {
  const found = classes[o.cls];
  if (!found) throw new SimulatorGap(`the class ${o.cls}`);
  return found;
}

/** A property read (`load`), a navigation or a method on an object, by wire name. */
export const members = {
  get(o: SimObject, name: string, w: SimWorld): unknown {
    const get = spec(o).get?.[name];
    if (!get) throw new SimulatorGap(`${o.cls}.${name}`);
    return get(o, w);
  },
  scalarNames(o: SimObject): string[] {
    return Object.keys(spec(o).get ?? {});
  },
  hasGet(o: SimObject, name: string): boolean {
    return Boolean(spec(o).get?.[name]);
  },
  set(o: SimObject, name: string, value: unknown, w: SimWorld): void {
    const set = spec(o).set?.[name];
    if (!set) throw new SimulatorGap(`setting ${o.cls}.${name}`);
    set(o, value, w);
  },
  nav(o: SimObject, name: string, w: SimWorld): SimObject | null {
    const nav = spec(o).nav?.[name];
    if (!nav) throw new SimulatorGap(`${o.cls}.${name}`);
    return nav(o, w);
  },
  hasNav(o: SimObject, name: string): boolean {
    return Boolean(spec(o).nav?.[name]);
  },
  call(o: SimObject, name: string, args: unknown[], w: SimWorld): unknown {
    const call = spec(o).call?.[name];
    if (!call) throw new SimulatorGap(`${o.cls}.${name}()`);
    return call(o, args, w);
  },
  index(o: SimObject, args: unknown[], w: SimWorld): SimObject | null {
    const index = spec(o).index;
    if (!index) throw new SimulatorGap(`${o.cls}[…]`);
    return index(o, args, w);
  },
  items(o: SimObject, w: SimWorld): SimObject[] | null {
    const items = spec(o).items;
    return items ? items(o, w) : null;
  },
};

/**
 * A table grows over rows filled directly below it: when a user types them (AutoCorrect's
 * "Include new rows and columns in table", on by default) and when the API writes values there
 * ("Setting the Range values directly below the table automatically expands the table",
 * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins). A new row
 * gets the table's calculated columns.
 */
export function growTables(w: SimWorld, sheet: FakeSheet, box: Box): void {
  for (let r = box.top; r <= box.bottom; r++) {
    const table = w.state.tables.find(
      (t) =>
        t.sheet.toLowerCase() === sheet.name.toLowerCase() &&
        t.bottom === r - 1 &&
        box.left <= t.right &&
        box.right >= t.left
    );
    if (!table) continue;
    let filled = false;
    for (let c = Math.max(box.left, table.left); c <= Math.min(box.right, table.right); c++) {
      const cell = sheet.cells.get(`${r},${c}`);
      if (cell && (cell.value !== "" || cell.formula)) filled = true;
    }
    // "The table only automatically expands if data is present in the cells directly below the table."
    if (!filled) continue;
    table.bottom = r;
    for (const [index, formula] of Object.entries(table.calculated ?? {})) {
      const key = `${r},${table.left + Number(index)}`;
      const cell = sheet.cells.get(key) ?? { value: "" };
      if (cell.value === "" && !cell.formula) sheet.cells.set(key, { ...cell, formula, value: "" });
    }
  }
}

/** Rows typed by a user from a cell on: the cells take the typed values, and tables grow as in {@link growTables}. */
export function typeCells(
  w: SimWorld,
  sheet: FakeSheet,
  top: number,
  left: number,
  rows: unknown[][],
  autoExpandTables: boolean
): void {
  let right = left;
  rows.forEach((row, i) =>
    row.forEach((value, j) => {
      const key = `${top + i},${left + j}`;
      const cell = sheet.cells.get(key) ?? { value: "" };
      writeTyped(cell, value);
      sheet.cells.set(key, cell);
      right = Math.max(right, left + j);
    })
  );
  const box = { top, left, bottom: top + rows.length - 1, right };
  renameHeaders(w, sheet, box);
  if (autoExpandTables) growTables(w, sheet, box);
}
