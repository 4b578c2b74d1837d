/**
 * Reading the workbook through Office.js in two syncs: first which of the
 * add-in's sheets, tables and names exist, then their contents, whatever the
 * number of rows.
 */
import type { CellValue } from "../engine";
import { parseRange, rangeAddress } from "../workbook/address";
import type {
  NameSnapshot,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../workbook/snapshot";
import { sheetNames } from "../workbook/texts";

/** A conditional format that is on a sheet already (so the add-in can replace its own). */
export interface ExistingFormat {
  id: string;
  type: string;
  /** The rule's formula for a custom rule, else null. */
  formula: string | null;
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

/** What tells whose a sheet is, without reading it whole: its A1 and whether it has any content. */
export interface SheetHead {
  name: string;
  first: CellValue;
  hasContent: boolean;
}

/** A cell as the engine reads it: "" is empty, error texts become errors. */
function cellOf(value: unknown, type: string | undefined): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (type === "Error") return { error: String(value) };
  return value as CellValue;
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

/** What to read besides values. */
export interface ReadOptions {
  /** Also the formulas (set-up needs them; scoring does not, and they double the response). */
  formulas?: boolean;
  /** More sheets to read whole, besides the add-in's four (e.g. `Afwijzingen` to clean it up). */
  more?: string[];
  /** Sheets of which only A1 and whether they hold anything are read (the add-in rewrites them whole). */
  heads?: string[];
}

/**
 * Reads the add-in's sheets (`Aanvraag`, `Kandidaten`, `Werkervaring`, `Ranking`)
 * and the {@link ReadOptions} extra ones, their tables and conditional formats,
 * and the defined names, in two syncs.
 *
 * @example
 * const read = await readWorkbook(context);
 * read.snapshot.sheets.map((s) => s.name); // ["Aanvraag", "Kandidaten", …]
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<OfficeRead> {
  const workbook = context.workbook;
  const wanted = [...Object.values(sheetNames), ...(options.more ?? [])];
  const proxy = (name: string) => {
    const sheet = workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    return sheet;
  };
  const proxies = wanted.map(proxy);
  const headProxies = (options.heads ?? []).map(proxy);
  const tables = workbook.tables.load("items/name");
  const names = workbook.names.load("items/name,items/type,items/formula");
  await context.sync();

  const present = proxies.filter((s) => !s.isNullObject);
  const contents = present.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    // Formulas only when asked: they double the response of a big sheet.
    if (options.formulas) used.load("values,valueTypes,rowIndex,columnIndex,formulas");
    else used.load("values,valueTypes,rowIndex,columnIndex");
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/id,items/type,items/customOrNullObject/rule/formula");
    return { sheet, used, formats };
  });
  const headContents = headProxies
    .filter((sheet) => !sheet.isNullObject)
    .map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true).load("address");
      const first = sheet.getRange("A1").load("values,valueTypes");
      return { sheet, used, first };
    });
  const tableProxies = tables.items.map((item) => {
    const table = workbook.tables.getItem(item.name);
    table.load("name,showHeaders,showTotals");
    const sheet = table.worksheet.load("name");
    const range = table.getRange().load("rowIndex,columnIndex,rowCount");
    const columns = table.columns.load("items/name");
    return { table, sheet, range, columns };
  });
  await context.sync();

  const sheets: SheetSnapshot[] = contents.map(({ sheet, used }) => ({
    name: sheet.name,
    values: usedValues(used),
    ...(options.formulas ? { formulas: usedFormulas(used) } : {}),
    tables: [],
  }));
  for (const t of tableProxies) {
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
    };
    owner.tables.push(table);
  }
  const formats = new Map<string, ExistingFormat[]>();
  for (const { sheet, formats: list } of contents) {
    formats.set(
      sheet.name.toLowerCase(),
      list.items.map((f) => ({
        id: f.id,
        type: f.type,
        // Only a custom rule has a formula: for any other type the child is a null object whose rule is never filled.
        formula: f.customOrNullObject.isNullObject ? null : f.customOrNullObject.rule.formula,
      }))
    );
  }
  const nameSnapshots: NameSnapshot[] = [];
  for (const n of names.items) {
    if (n.type !== "Range") continue;
    const parsed = parseNameFormula(n.name, n.formula);
    if (parsed) nameSnapshots.push(parsed);
  }
  const heads = new Map<string, SheetHead>();
  for (const { sheet, used, first } of headContents) {
    heads.set(sheet.name.toLowerCase(), {
      name: sheet.name,
      first: cellOf(first.values[0][0], first.valueTypes[0][0]),
      hasContent: !used.isNullObject,
    });
  }
  return {
    snapshot: { sheets, names: nameSnapshots },
    sheets: new Set(
      [...present, ...headContents.map((h) => h.sheet)].map((s) => s.name.toLowerCase())
    ),
    names: new Set(names.items.map((n) => n.name.toLowerCase())),
    formats,
    heads,
  };
}

/** The used range's values placed from A1 (empty rows and columns before it). */
function usedValues(used: Excel.Range): CellValue[][] {
  if (used.isNullObject) return [];
  const out: CellValue[][] = [];
  for (let r = 0; r < used.rowIndex; r++) out.push([]);
  const pad: CellValue[] = new Array(used.columnIndex).fill(null);
  used.values.forEach((row, r) => {
    const types = used.valueTypes[r];
    out.push([...pad, ...row.map((v, c) => cellOf(v, types[c]))]);
  });
  return out;
}

/** The used range's formulas from A1, null where a cell holds a value. */
function usedFormulas(used: Excel.Range): Array<Array<string | null>> {
  if (used.isNullObject) return [];
  const out: Array<Array<string | null>> = [];
  for (let r = 0; r < used.rowIndex; r++) out.push([]);
  const pad: null[] = new Array(used.columnIndex).fill(null);
  for (const row of used.formulas) {
    out.push([...pad, ...row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))]);
  }
  return out;
}

/**
 * The snapshot the use cases read, in two syncs.
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
