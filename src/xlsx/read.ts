/**
 * A {@link WorkbookSnapshot} from an ExcelJS workbook: the add-in's sheets as
 * values from A1 as Excel shows them (formula cells give their cached result, a
 * merged area its value in the top-left cell only), their tables, and the
 * workbook's defined names.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../engine";
import { parseRange, rangeAddress } from "../workbook/address";
import type {
  NameSnapshot,
  NoteSnapshot,
  SheetSnapshot,
  TableSnapshot,
  ValidationSnapshot,
  WorkbookSnapshot,
} from "../workbook/snapshot";
import { sheetNames } from "../workbook/texts";
import { HEADER_FOOTER_KINDS } from "./headerFooter";

/**
 * An ExcelJS cell value as the engine's cell value.
 *
 * @example
 * toCellValue({ formula: "1+1", result: 2 }); // 2
 * toCellValue({ richText: [{ text: "Ja" }] }); // "Ja"
 */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value as CellValue;
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    return toCellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("text" in value) return toCellValue((value as { text: ExcelJS.CellValue }).text);
  return null;
}

/** The formula text of a cell, with its `=`; null when the cell holds a value. */
function formulaOf(value: ExcelJS.CellValue): string | null {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    if ("formula" in value && value.formula) return `=${value.formula}`;
    if ("sharedFormula" in value && value.sharedFormula) return `=${value.sharedFormula}`;
  }
  return null;
}

/** The tables on a worksheet with their positions and columns. */
function tablesOf(worksheet: ExcelJS.Worksheet): TableSnapshot[] {
  const tables: TableSnapshot[] = [];
  for (const table of worksheet.getTables() as unknown as Array<{
    model?: TableModel;
    table?: TableModel;
  }>) {
    const model = table.model ?? table.table;
    if (!model) continue;
    const ref = model.tableRef ?? model.ref;
    if (!ref) continue;
    const { top, left, bottom } = parseRange(ref);
    const header = model.headerRow === false ? 0 : 1;
    const totals = model.totalsRow ? 1 : 0;
    tables.push({
      name: model.name,
      headerRow: top,
      firstColumn: left,
      columns: model.columns.map((c) => c.name),
      rowCount: Math.max(0, bottom - top + 1 - header - totals),
      totalsRow: totals === 1,
    });
  }
  return tables;
}

/** What this code reads of ExcelJS's table model (loaded tables carry `tableRef`, new ones `ref`). */
interface TableModel {
  name: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: Array<{ name: string }>;
  style?: object | null;
}

/**
 * Puts right what ExcelJS reads wrong in tables that Excel or LibreOffice saved, so that the
 * snapshot sees their true extent and writing the file keeps them. ExcelJS takes a missing
 * `headerRowCount` (Excel leaves out the default, 1) for a table without a header row, and
 * writes it back as such; a header row is there when its cells hold the column names. And it
 * cannot write a table without `tableStyleInfo` (LibreOffice saves none): it gets a plain one.
 *
 * @example
 * await workbook.xlsx.readFile("opgeslagen-in-libreoffice.xlsx");
 * repairLoadedTables(workbook);
 */
export function repairLoadedTables(workbook: ExcelJS.Workbook): void {
  for (const worksheet of workbook.worksheets) {
    for (const table of worksheet.getTables() as unknown as Array<{ table?: TableModel }>) {
      const model = table.table;
      if (!model) continue;
      model.style ??= {};
      const ref = model.tableRef ?? model.ref;
      if (model.headerRow !== false || !ref) continue;
      const { top, left } = parseRange(ref);
      const row = worksheet.getRow(top);
      model.headerRow = model.columns.every(
        (c, i) => String(toCellValue(row.getCell(left + i).value) ?? "").trim() === c.name.trim()
      );
    }
  }
}

/**
 * One worksheet as a sheet snapshot.
 *
 * @example
 * sheetSnapshot(workbook.getWorksheet("Kandidaten")!).values[0][0]; // "Kandidaat"
 */
export function sheetSnapshot(worksheet: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  let formulas: Array<Array<string | null>> | undefined;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const raw = row.values as ExcelJS.CellValue[];
    const cells: CellValue[] = new Array(Math.max(0, raw.length - 1)).fill(null);
    for (let c = 1; c < raw.length; c++) {
      const v = raw[c];
      if (v === undefined || v === null) continue;
      // ExcelJS gives every cell of a merged area the value of its top-left cell;
      // Excel shows (and its API reads) that value only there, the rest empty.
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      cells[c - 1] = toCellValue(v);
      // A copy of a shared formula holds its master's address; the cell gives its own text.
      const formula =
        v && typeof v === "object" && "sharedFormula" in v && cell.formula
          ? `=${cell.formula}`
          : formulaOf(v);
      if (formula) {
        formulas ??= [];
        (formulas[rowNumber - 1] ??= [])[c - 1] = formula;
      }
    }
    while (values.length < rowNumber - 1) values.push([]);
    values[rowNumber - 1] = cells;
  });
  const snapshot: SheetSnapshot = { name: worksheet.name, values, tables: tablesOf(worksheet) };
  if (formulas) snapshot.formulas = formulas;
  return snapshot;
}

/** A defined name's range `'Mijn blad'!$B$5` as sheet and address. */
function parseName(name: string, range: string): NameSnapshot | null {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(range);
  if (!match) return null;
  const sheet = (match[1] ?? match[2]).replace(/''/g, "'");
  try {
    const { top, left, bottom, right } = parseRange(match[3].replace(/\$/g, ""));
    return { name, sheet, address: rangeAddress(top, left, bottom, right) };
  } catch {
    return null;
  }
}

/**
 * The snapshot the use cases read: the sheets `Aanvraag`, `Kandidaten`,
 * `Werkervaring` and `Ranking` when present, and the defined names.
 *
 * @example
 * const workbook = new ExcelJS.Workbook();
 * await workbook.xlsx.readFile("aanvraag.xlsx");
 * readSnapshot(workbook).sheets.map((s) => s.name); // ["Aanvraag", "Kandidaten", …]
 */
export function readSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const wanted = new Set(Object.values(sheetNames).map((n) => n.toLowerCase()));
  const sheets = workbook.worksheets
    .filter((ws) => wanted.has(ws.name.toLowerCase()))
    .map(sheetSnapshot);
  return { sheets, names: definedNames(workbook) };
}

/** The workbook's defined names that point at one cell or block. */
function definedNames(workbook: ExcelJS.Workbook): NameSnapshot[] {
  const names: NameSnapshot[] = [];
  for (const entry of workbook.definedNames.model as Array<{ name: string; ranges: string[] }>) {
    if (entry.ranges.length !== 1) continue;
    const parsed = parseName(entry.name, entry.ranges[0]);
    if (parsed) names.push(parsed);
  }
  return names;
}

/** A note as ExcelJS keeps it: a text, or rich text runs. */
function noteText(note: ExcelJS.Comment | string | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** The header and footer kinds ExcelJS reads and writes, all of them text. */
export { HEADER_FOOTER_KINDS };

/** The document properties ExcelJS reads and writes as text (core.xml and app.xml). */
export const TEXT_PROPERTIES = [
  "creator",
  "lastModifiedBy",
  "title",
  "subject",
  "keywords",
  "description",
  "category",
  "company",
  "manager",
  "language",
  "contentStatus",
] as const;

/**
 * One worksheet as a sheet snapshot with everything else that can hold text: the notes
 * on its cells, its headers and footers and its data validations (for the clean-up).
 *
 * @example
 * fullSheetSnapshot(workbook.getWorksheet("Kandidaten")!).notes; // [{ at: "B5", text: "…" }]
 */
export function fullSheetSnapshot(worksheet: ExcelJS.Worksheet): SheetSnapshot {
  const snapshot = sheetSnapshot(worksheet);
  const notes: NoteSnapshot[] = [];
  worksheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const text = noteText(cell.note);
      if (text !== null) notes.push({ at: cell.address, text });
    })
  );
  snapshot.notes = notes;
  const headerFooter: Record<string, string> = {};
  const own = (worksheet.headerFooter ?? {}) as Record<string, unknown>;
  for (const kind of HEADER_FOOTER_KINDS)
    if (typeof own[kind] === "string") headerFooter[kind] = own[kind];
  snapshot.headerFooter = headerFooter;
  const model = (
    worksheet as unknown as { dataValidations: { model: Record<string, ValidationModel> } }
  ).dataValidations.model;
  // ExcelJS keys a validation by each of its cells, all sharing one object: one rule is
  // taken once, keyed by its first cell (changing that object changes every cell's).
  const seen = new Set<ValidationModel>();
  const rules = Object.entries(model ?? {}).filter(([, v]) => !seen.has(v) && seen.add(v));
  snapshot.validations = rules.map(([range, v]) => {
    const validation: ValidationSnapshot = { range };
    for (const field of ["promptTitle", "prompt", "errorTitle", "error"] as const)
      if (typeof v[field] === "string") validation[field] = v[field];
    if (Array.isArray(v.formulae)) validation.formulae = v.formulae.map((f) => String(f));
    return validation;
  });
  return snapshot;
}

/** What this code reads of ExcelJS's data validation model. */
interface ValidationModel {
  promptTitle?: string;
  prompt?: string;
  errorTitle?: string;
  error?: string;
  formulae?: unknown[];
}

/**
 * Everything of the workbook that can hold a name, for the clean-up: every sheet (not
 * only the add-in's) with its notes, headers and footers and validations, the defined
 * names, and the document's text properties. What ExcelJS does not read at all (custom
 * properties, threaded comments) it does not write either: such parts are gone from a
 * workbook it saves.
 *
 * @example
 * fullSnapshot(workbook).properties?.creator; // "Jan de Vries"
 */
export function fullSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = {
    sheets: workbook.worksheets.map(fullSheetSnapshot),
    names: definedNames(workbook),
  };
  const properties: Record<string, string> = {};
  const own = workbook as unknown as Record<string, unknown>;
  for (const name of TEXT_PROPERTIES)
    if (typeof own[name] === "string" && own[name] !== "") properties[name] = own[name];
  snapshot.properties = properties;
  return snapshot;
}
