/**
 * Finding a spreadsheet's parts the way the Open Packaging Conventions say (ECMA-376
 * part 2): by relationships, never by assumed names. A relationship's target may be
 * relative to its source part or absolute (`/xl/worksheets/sheet1.xml`, as openpyxl
 * writes), the workbook may be called anything, and Strict OOXML names the same
 * relationship types under `http://purl.oclc.org/ooxml/…`; all read alike here.
 */
import { parseXml } from "./xml";
import { Package, PackageError } from "./zip";

/** One relationship of a part. */
export interface Relationship {
  id: string;
  /** The type's last segment (`worksheet`, `table`, `officeDocument`, `sharedStrings`, …). */
  type: string;
  /** The full type URI as written. */
  typeUri: string;
  /** As written in the part. */
  target: string;
  /** The part it points to (no leading `/`), or null for an external target. */
  part: string | null;
}

/** The `_rels/…rels` part that holds the relationships of `part` ("" for the package). */
export function relsPartOf(part: string): string {
  const name = part.replace(/^\/+/, "");
  const slash = name.lastIndexOf("/");
  return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
}

/**
 * Resolves a relationship target against its source part: absolute when it starts with
 * `/`, else relative to the source's folder; `.` and `..` segments resolved, `%XX`
 * escapes decoded (part names are URIs).
 *
 * @example
 * resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml"); // "xl/worksheets/sheet1.xml"
 * resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml"); // "xl/worksheets/sheet1.xml"
 */
export function resolveTarget(source: string, target: string): string {
  const clean = target.split("#")[0];
  const base = clean.startsWith("/") ? [] : source.replace(/^\/+/, "").split("/").slice(0, -1);
  for (const segment of clean.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(safeDecode(segment));
  }
  return base.join("/");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The relationships of `part` ("" for the package's own), in their order; none when
 * it has no relationships part.
 *
 * @example
 * relationshipsOf(pkg, "").find((r) => r.type === "officeDocument")?.part; // "xl/workbook.xml"
 */
export function relationshipsOf(pkg: Package, part: string): Relationship[] {
  const relsName = part === "" ? "_rels/.rels" : relsPartOf(part);
  const text = pkg.text(relsName);
  if (text === undefined) return [];
  const relationships: Relationship[] = [];
  parseXml(text, relsName, {
    open({ name, attrs }) {
      if (name !== "Relationship" || !attrs.Id || !attrs.Target) return;
      const typeUri = attrs.Type ?? "";
      const external = (attrs.TargetMode ?? "").toLowerCase() === "external";
      relationships.push({
        id: attrs.Id,
        typeUri,
        type: typeUri.slice(typeUri.lastIndexOf("/") + 1),
        target: attrs.Target,
        part: external ? null : resolveTarget(part, attrs.Target),
      });
    },
  });
  return relationships;
}

/** A sheet of the workbook as `workbook.xml` lists it. */
export interface SheetEntry {
  name: string;
  sheetId: string;
  /** The relationship id (`r:id`). */
  rid: string;
  /** The worksheet part, or null when the relationship is missing or no worksheet (a chart sheet). */
  part: string | null;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
}

/** A defined name as written in `workbook.xml`. */
export interface DefinedNameEntry {
  name: string;
  /** Its formula text (`'Blad 1'!$A$1:$B$2`). */
  formula: string;
  /** The 0-based sheet index it is local to, or null for the workbook. */
  localSheetId: number | null;
  hidden: boolean;
}

/** What the readers need of a workbook package: its parts by role. */
export interface WorkbookParts {
  /** The workbook part (`xl/workbook.xml` or whatever its writer called it). */
  workbook: string;
  sheets: SheetEntry[];
  definedNames: DefinedNameEntry[];
  sharedStrings: string | null;
  styles: string | null;
  /** Whether dates count from 1904 (`<workbookPr date1904="1"/>`). */
  date1904: boolean;
  /** The workbook's relationships. */
  relationships: Relationship[];
}

/** Whether an XML boolean attribute says true. */
export function xmlTrue(value: string | undefined): boolean {
  return value === "1" || value === "true" || value === "on";
}

/**
 * The workbook of a package: found through the package's `officeDocument`
 * relationship, its sheets, names, shared strings, styles and date system.
 *
 * @throws PackageError `notWorkbook` when the package holds no spreadsheet.
 * @example
 * workbookParts(pkg).sheets.map((s) => s.name); // ["Aanvraag", "Kandidaten", …]
 */
export function workbookParts(pkg: Package): WorkbookParts {
  const office = relationshipsOf(pkg, "").find((r) => r.type === "officeDocument" && r.part);
  const workbook = office?.part ?? (pkg.get("xl/workbook.xml") ? "xl/workbook.xml" : null);
  if (!workbook) throw new PackageError({ kind: "notWorkbook", reason: "no officeDocument" });
  const text = pkg.text(workbook);
  if (text === undefined) throw new PackageError({ kind: "missingPart", part: workbook });
  const relationships = relationshipsOf(pkg, workbook);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedNameEntry[] = [];
  let date1904 = false;
  let isWorkbook = false;
  let name: { attrs: Record<string, string>; text: string } | null = null;
  parseXml(text, workbook, {
    open({ name: tag, attrs }, depth) {
      if (depth === 1) isWorkbook = tag === "workbook";
      if (tag === "workbookPr") date1904 = xmlTrue(attrs.date1904);
      else if (tag === "sheet") {
        const rel = byId.get(attrs.id ?? "");
        sheets.push({
          name: attrs.name ?? "",
          sheetId: attrs.sheetId ?? "",
          rid: attrs.id ?? "",
          part: rel && rel.type === "worksheet" ? rel.part : null,
          state: attrs.state ?? "visible",
        });
      } else if (tag === "definedName") name = { attrs, text: "" };
    },
    text(t) {
      if (name) name.text += t;
    },
    close(tag) {
      if (tag !== "definedName" || !name) return;
      const local = name.attrs.localSheetId;
      definedNames.push({
        name: name.attrs.name ?? "",
        formula: name.text,
        localSheetId: local === undefined ? null : Number(local),
        hidden: xmlTrue(name.attrs.hidden),
      });
      name = null;
    },
  });
  if (!isWorkbook)
    throw new PackageError({ kind: "notWorkbook", reason: `${workbook} is no workbook` });
  const byType = (type: string) =>
    relationships.find((r) => r.type === type && r.part)?.part ?? null;
  return {
    workbook,
    sheets,
    definedNames,
    sharedStrings: byType("sharedStrings"),
    styles: byType("styles"),
    date1904,
    relationships,
  };
}
