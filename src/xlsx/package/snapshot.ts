/**
 * The command's reader: a {@link WorkbookSnapshot} straight from the package, the same one
 * `../read.ts` makes from an ExcelJS workbook (see test/xlsx/package/snapshot.test.ts for
 * where ExcelJS reads wrong and this reader differs), found the way the Open Packaging
 * Conventions say (any part names, relative or absolute targets, Strict namespaces) and
 * within the caps of {@link LIMITS}: only the cells a sheet holds are visited, never a
 * range.
 *
 * Beyond ExcelJS it reads threaded comments (as notes marked `threaded`), comments on
 * cells that hold nothing, and the custom document properties (`customProperties`).
 */
import { rangeAddress } from "../../workbook/address";
import type {
  NameSnapshot,
  NoteSnapshot,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../../workbook/snapshot";
import { scoreRunOwnSheets } from "../../workbook/scoreRun";
import { sheetNames } from "../../workbook/texts";
import { cellRef, readWorksheet, type CellBudget, type CellContext } from "./readCells";
import { relationshipsOf, workbookParts, type SheetEntry, type WorkbookParts } from "./parts";
import { dateStyles, sharedStrings } from "./strings";
import { parseXml, unescapeOoxml } from "./xml";
import { LIMITS, PackageError, type Package } from "./zip";

/** The caps one read keeps to (see {@link LIMITS}). */
export interface ReadLimits {
  cells: number;
  slots: number;
}

/** A workbook package opened for reading sheets: its parts, strings and formats. */
interface Opened {
  pkg: Package;
  parts: WorkbookParts;
  context: CellContext;
}

function open(pkg: Package, limits: ReadLimits): Opened {
  const parts = workbookParts(pkg);
  const budget: CellBudget = {
    cells: limits.cells,
    slots: limits.slots,
    cellLimit: limits.cells,
    slotLimit: limits.slots,
  };
  return {
    pkg,
    parts,
    context: {
      strings: sharedStrings(pkg, parts.sharedStrings),
      dates: dateStyles(pkg, parts.styles),
      date1904: parts.date1904,
      budget,
    },
  };
}

/** The worksheets of the workbook whose parts are there, in the workbook's order. */
function worksheets(opened: Opened): Array<SheetEntry & { part: string }> {
  return opened.parts.sheets.filter(
    (s): s is SheetEntry & { part: string } => s.part !== null && !!opened.pkg.get(s.part)
  );
}

/** A column name or other attribute text as Excel writes it (`_x000a_` for a line break). */
function attrText(value: string | undefined): string {
  return unescapeOoxml(value ?? "");
}

/** The tables of a worksheet, from its `tablePart` relationships, as `../read.ts` gives them. */
function tablesOf(pkg: Package, part: string, ids: string[]): TableSnapshot[] {
  if (ids.length === 0) return [];
  const byId = new Map(relationshipsOf(pkg, part).map((r) => [r.id, r]));
  const tables: TableSnapshot[] = [];
  for (const id of ids) {
    const target = byId.get(id)?.part;
    const text = target ? pkg.text(target) : undefined;
    if (!target || text === undefined) continue;
    let table: Record<string, string> | null = null;
    const columns: string[] = [];
    parseXml(text, target, {
      open({ name, attrs }, depth) {
        if (depth === 1 && name === "table") table = attrs;
        else if (name === "tableColumn") columns.push(attrText(attrs.name));
      },
    });
    const attrs = table as Record<string, string> | null;
    if (!attrs?.ref) continue;
    const ends = attrs.ref.split(":");
    const [a, b] = ends.map((r) => cellRef(r.replace(/\$/g, "")));
    const name = attrs.name ?? attrs.displayName ?? "";
    // A range that is no range ("A1:W"), or columns that do not fit it, is a broken table:
    // reading round it would put the table's cells in the wrong place.
    if (!a || ends.length > 2 || (ends.length === 2 && !b))
      throw new PackageError({ kind: "badTable", part: target, table: name, ref: attrs.ref });
    const last = b ?? a;
    if (columns.length !== Math.abs(last.column - a.column) + 1)
      throw new PackageError({ kind: "badTable", part: target, table: name, ref: attrs.ref });
    const top = Math.min(a.row, last.row);
    const bottom = Math.max(a.row, last.row);
    // Excel and LibreOffice leave out the default of one header row.
    const header =
      attrs.headerRowCount === undefined ? 1 : Number(attrs.headerRowCount) > 0 ? 1 : 0;
    const totals = Number(attrs.totalsRowCount ?? 0) > 0 ? 1 : 0;
    tables.push({
      name,
      headerRow: top,
      firstColumn: Math.min(a.column, last.column),
      columns,
      rowCount: Math.max(0, bottom - top + 1 - header - totals),
      totalsRow: totals === 1,
    });
  }
  return tables;
}

/** One worksheet as `../read.ts`'s sheetSnapshot (or fullSheetSnapshot with `full`) gives it. */
function sheetOf(
  opened: Opened,
  sheet: SheetEntry & { part: string },
  full: boolean
): SheetSnapshot {
  const read = readWorksheet(opened.pkg, sheet.part, sheet.name, opened.context, full);
  const snapshot: SheetSnapshot = {
    name: sheet.name,
    values: read.values,
    tables: tablesOf(opened.pkg, sheet.part, read.tableIds),
  };
  if (read.formulas) snapshot.formulas = read.formulas;
  if (full) {
    snapshot.notes = notesOf(opened.pkg, sheet.part);
    snapshot.headerFooter = read.headerFooter;
    snapshot.validations = read.validations;
  }
  return snapshot;
}

/**
 * The notes of a worksheet: its legacy comments (the `comments` relationship) and its
 * threaded comments (`threadedComment`, each comment and reply a note marked `threaded`),
 * by row, then column, a cell's legacy note before its threaded ones.
 */
function notesOf(pkg: Package, part: string): NoteSnapshot[] {
  const notes: Array<NoteSnapshot & { order: number }> = [];
  for (const rel of relationshipsOf(pkg, part)) {
    const threaded = rel.type === "threadedComment";
    if (!rel.part || (rel.type !== "comments" && !threaded)) continue;
    const text = pkg.text(rel.part);
    if (text === undefined) continue;
    const element = threaded ? "threadedComment" : "comment";
    let at: string | null = null;
    let pieces: string[] = [];
    let phonetic = 0;
    let inText = false;
    parseXml(text, rel.part, {
      open({ name, attrs }) {
        if (name === element) {
          at = attrs.ref ?? null;
          pieces = [];
        } else if (name === "rPh") phonetic++;
        else if (name === "t" || (threaded && name === "text")) inText = phonetic === 0;
      },
      text(t) {
        if (inText && at !== null) pieces.push(t);
      },
      close(name) {
        if (name === "t" || name === "text") inText = false;
        else if (name === "rPh") phonetic--;
        else if (name === element && at !== null) {
          const ref = cellRef(at);
          const note: NoteSnapshot & { order: number } = {
            at,
            text: unescapeOoxml(pieces.join("")),
            order: ref ? ref.row * 20_000 + ref.column : Number.MAX_SAFE_INTEGER,
          };
          if (threaded) note.threaded = true;
          notes.push(note);
          at = null;
        }
      },
    });
  }
  return notes
    .map((note, index) => ({ note, index }))
    .sort(
      (x, y) =>
        x.note.order - y.note.order ||
        Number(!!x.note.threaded) - Number(!!y.note.threaded) ||
        x.index - y.index
    )
    .map(({ note }) => {
      const plain: NoteSnapshot = { at: note.at, text: note.text };
      if (note.threaded) plain.threaded = true;
      return plain;
    });
}

/**
 * The defined names that point at one cell or block of one sheet, as `../read.ts` gives
 * them: `Kandidaten!$A$1:$S$26` is `{ sheet: "Kandidaten", address: "A1:S26" }`. Print
 * areas and titles are left out (ExcelJS keeps them as page setup). A name defined for the
 * workbook and also on some sheets is the workbook's; one defined only on sheets is kept
 * when all of them point at the same cells.
 */
function namesOf(parts: WorkbookParts): NameSnapshot[] {
  const global = new Map<string, NameSnapshot | null>();
  const local = new Map<string, NameSnapshot | null>();
  for (const entry of parts.definedNames) {
    if (entry.name === "_xlnm.Print_Area" || entry.name === "_xlnm.Print_Titles") continue;
    const parsed = parseName(entry.name, entry.formula.trim());
    const scope = entry.localSheetId === null ? global : local;
    const before = scope.get(entry.name);
    if (before === undefined) scope.set(entry.name, parsed);
    else if (
      before &&
      (!parsed || parsed.sheet !== before.sheet || parsed.address !== before.address)
    )
      scope.set(entry.name, null);
  }
  const names: NameSnapshot[] = [];
  for (const name of new Set(parts.definedNames.map((n) => n.name))) {
    if (!global.has(name) && !local.has(name)) continue;
    const found = global.has(name) ? global.get(name) : local.get(name);
    if (found) names.push(found);
  }
  return names;
}

/** A defined name's formula `'Mijn blad'!$B$5` as sheet and address, or null for anything else. */
function parseName(name: string, formula: string): NameSnapshot | null {
  const match =
    /^(?:'((?:[^']|'')+)'|([^'!,()\s]+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(
      formula
    );
  if (!match) return null;
  const a = cellRef(match[3].replace(/\$/g, ""));
  const b = match[4] ? cellRef(match[4].replace(/\$/g, "")) : a;
  if (!a || !b) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  return {
    name,
    sheet,
    address: rangeAddress(
      Math.min(a.row, b.row),
      Math.min(a.column, b.column),
      Math.max(a.row, b.row),
      Math.max(a.column, b.column)
    ),
  };
}

/** The document properties `../read.ts` reads as text, by element (core.xml and app.xml). */
const PROPERTY_ELEMENTS: Record<string, string> = {
  creator: "creator",
  lastModifiedBy: "lastModifiedBy",
  title: "title",
  subject: "subject",
  keywords: "keywords",
  description: "description",
  category: "category",
  language: "language",
  contentStatus: "contentStatus",
  Company: "company",
  Manager: "manager",
};

/** The package's part of a relationship type, or the usual name when it has none. */
function packagePart(pkg: Package, type: string, usual: string): string | null {
  const found = relationshipsOf(pkg, "").find((r) => r.type === type && r.part)?.part;
  return found ?? (pkg.get(usual) ? usual : null);
}

/** The text properties of docProps/core.xml and app.xml that hold something. */
function propertiesOf(pkg: Package): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const part of [
    packagePart(pkg, "core-properties", "docProps/core.xml"),
    packagePart(pkg, "extended-properties", "docProps/app.xml"),
  ]) {
    const text = part ? pkg.text(part) : undefined;
    if (!part || text === undefined) continue;
    let field: string | null = null;
    let value = "";
    parseXml(text, part, {
      open({ name }, depth) {
        field = depth === 2 ? (PROPERTY_ELEMENTS[name] ?? null) : null;
        value = "";
      },
      text(t) {
        if (field) value += t;
      },
      close(_name, depth) {
        if (depth === 2 && field && value !== "") properties[field] = value;
        if (depth === 2) field = null;
      },
    });
  }
  return properties;
}

/** The custom document properties (docProps/custom.xml) with a text or other simple value. */
function customPropertiesOf(pkg: Package): Record<string, string> {
  const part = packagePart(pkg, "custom-properties", "docProps/custom.xml");
  const text = part ? pkg.text(part) : undefined;
  const properties: Record<string, string> = {};
  if (!part || text === undefined) return properties;
  let name: string | null = null;
  let value: string | null = null;
  parseXml(text, part, {
    open({ name: tag, attrs }, depth) {
      if (tag === "property" && depth === 2) name = attrs.name ?? null;
      else if (name !== null && depth === 3) value = "";
    },
    text(t) {
      if (value !== null) value += t;
    },
    close(tag, depth) {
      if (depth === 3 && name !== null && value !== null && value !== "") properties[name] = value;
      if (depth === 3) value = null;
      if (tag === "property" && depth === 2) name = null;
    },
  });
  return properties;
}

/**
 * The snapshot the use cases read, as `readSnapshot` of `../read.ts` gives it from
 * ExcelJS: the sheets `Aanvraag`, `Kandidaten`, `Werkervaring` and `Ranking` when present
 * (names matched regardless of case), and the defined names.
 *
 * @throws PackageError when the package holds no workbook, a part is no XML or a cap is passed.
 * @example
 * const snapshot = packageSnapshot(await readPackage(fs.readFileSync("aanvraag.xlsx")));
 * snapshot.sheets.map((s) => s.name); // ["Aanvraag", "Kandidaten", …]
 */
export function packageSnapshot(pkg: Package, limits: ReadLimits = LIMITS): WorkbookSnapshot {
  const opened = open(pkg, limits);
  const wanted = new Set(Object.values(sheetNames).map((n) => n.toLowerCase()));
  const sheets = worksheets(opened)
    .filter((s) => wanted.has(s.name.toLowerCase()))
    .map((s) => sheetOf(opened, s, false));
  return { sheets, names: namesOf(opened.parts) };
}

/**
 * The snapshot `score` and `verify` read: {@link packageSnapshot} plus the `Afwijzingen`
 * and `Verantwoording` sheets, as `evaluatorSnapshot` of src/cli/commands.ts gives it.
 *
 * @example
 * packageEvaluatorSnapshot(pkg).sheets.map((s) => s.name); // [… "Afwijzingen", "Verantwoording"]
 */
export function packageEvaluatorSnapshot(
  pkg: Package,
  limits: ReadLimits = LIMITS
): WorkbookSnapshot {
  const opened = open(pkg, limits);
  const all = worksheets(opened);
  const wanted = new Set(Object.values(sheetNames).map((n) => n.toLowerCase()));
  const sheets = all
    .filter((s) => wanted.has(s.name.toLowerCase()))
    .map((s) => sheetOf(opened, s, false));
  // The other sheets a scoring rewrites whole, so that it can check they are ours (`Ranking` is one of sheetNames).
  for (const name of scoreRunOwnSheets.filter((n) => !wanted.has(n.toLowerCase()))) {
    const sheet = all.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (sheet) sheets.push(sheetOf(opened, sheet, false));
  }
  return { sheets, names: namesOf(opened.parts) };
}

/**
 * Everything of the workbook that can hold a name, for the clean-up, as `fullSnapshot` of
 * `../read.ts` gives it: every worksheet with its notes (threaded comments too, marked
 * `threaded`), headers and footers and data validations, the defined names, the text
 * properties of docProps/core.xml and app.xml, and the custom properties of
 * docProps/custom.xml in `customProperties`.
 *
 * @example
 * packageFullSnapshot(pkg).properties?.creator; // "Jan de Vries"
 */
export function packageFullSnapshot(pkg: Package, limits: ReadLimits = LIMITS): WorkbookSnapshot {
  const opened = open(pkg, limits);
  const snapshot: WorkbookSnapshot = {
    sheets: worksheets(opened).map((s) => sheetOf(opened, s, true)),
    names: namesOf(opened.parts),
    properties: propertiesOf(pkg),
  };
  const custom = customPropertiesOf(pkg);
  if (Object.keys(custom).length > 0) snapshot.customProperties = custom;
  return snapshot;
}
