/**
 * Sheets and names of a workbook package edited in place: a new worksheet part with its
 * relationship, content type and `<sheet>` entry; an add-in sheet emptied by replacing
 * its part (its tables, notes and drawings go with it when nothing else uses them); a
 * defined name set in `workbook.xml`. Everything else of `workbook.xml` keeps its bytes.
 */
import { parseRange, rangeAddress, sheetAddress } from "../../workbook/address";
import { CONTENT_TYPES, type PackageEditor, type SheetEdit } from "./editor";
import { attributesOf, childElements, prefixOf, rootElement } from "./markup";
import { relationshipsOf, relsPartOf, type SheetEntry } from "./parts";
import { escapeXml } from "./xml";
import { partKey } from "./zip";

/** The namespaces of a new worksheet, Transitional or Strict. */
function namespaces(editor: PackageEditor): { main: string; rels: string } {
  return editor.strict
    ? {
        main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
        rels: "http://purl.oclc.org/ooxml/officeDocument/relationships",
      }
    : {
        main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        rels: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      };
}

/** An empty worksheet, as Excel writes a new one. */
function emptyWorksheet(editor: PackageEditor): string {
  const { main, rels } = namespaces(editor);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${main}" xmlns:r="${rels}">` +
    `<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><sheetData/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

/** The sheet of that name (case-insensitive), or undefined. */
export function findSheet(editor: PackageEditor, name: string): SheetEntry | undefined {
  const lower = name.toLowerCase();
  return editor.workbook.sheets.find((s) => s.name.toLowerCase() === lower);
}

/**
 * The edit of the worksheet of that name.
 *
 * @throws Error when the workbook has no such worksheet (create it first).
 */
export function sheetEditOf(editor: PackageEditor, name: string): SheetEdit {
  const sheet = findSheet(editor, name);
  if (!sheet?.part) throw new Error(`Sheet '${name}' does not exist; create it first.`);
  return editor.sheetEdit(sheet.name, sheet.part);
}

/**
 * The prefix bound to namespace `uri` on the root of `xml` (`r`), or null when the root
 * does not declare it.
 */
export function prefixFor(xml: string, uri: string): string | null {
  const root = rootElement(xml);
  const tag = xml.slice(root.start, root.openEnd);
  const escaped = uri.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const m = new RegExp(`\\sxmlns:([\\w.-]+)\\s*=\\s*["']${escaped}["']`).exec(tag);
  return m ? m[1] : null;
}

/** `r:id="…"` for an element of `xml`'s root: with the root's prefix for relationships, or declaring one. */
export function relationshipAttribute(editor: PackageEditor, xml: string, id: string): string {
  const { rels } = namespaces(editor);
  const prefix =
    prefixFor(xml, rels) ??
    prefixFor(xml, "http://schemas.openxmlformats.org/officeDocument/2006/relationships") ??
    prefixFor(xml, "http://purl.oclc.org/ooxml/officeDocument/relationships");
  return prefix ? `${prefix}:id="${escapeXml(id)}"` : `xmlns:r="${rels}" r:id="${escapeXml(id)}"`;
}

/** The workbook's folder (`xl/`). */
function folderOf(editor: PackageEditor): string {
  return editor.workbook.workbook.replace(/[^/]*$/, "");
}

/**
 * Adds a worksheet named `name` at the end of the workbook, unless a sheet of that name
 * (any case) exists. Returns the sheet.
 */
export function createSheet(editor: PackageEditor, name: string): SheetEntry {
  const existing = findSheet(editor, name);
  if (existing) return existing;
  const part = editor.freeName(`${folderOf(editor)}worksheets/sheet{n}.xml`);
  editor.setText(part, emptyWorksheet(editor));
  editor.setContentType(part, CONTENT_TYPES.worksheet);
  const workbookPart = editor.workbook.workbook;
  const rid = editor.addRelationship(workbookPart, "worksheet", part);
  const sheetId = String(
    editor.workbook.sheets.reduce((max, s) => Math.max(max, Number(s.sheetId) || 0), 0) + 1
  );
  const xml = editor.text(workbookPart)!;
  const root = rootElement(xml);
  const sheets = childElements(xml, root).find((c) => c.name === "sheets");
  const p = prefixOf(root);
  const entry = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${relationshipAttribute(editor, xml, rid)}/>`;
  let next: string;
  if (!sheets) {
    const after = childElements(xml, root).find((c) =>
      ["functionGroups", "externalReferences", "definedNames", "calcPr"].includes(c.name)
    );
    const at = after ? after.start : root.closeStart;
    next = `${xml.slice(0, at)}<${p}sheets>${entry}</${p}sheets>${xml.slice(at)}`;
  } else if (sheets.closeStart === sheets.end) {
    const open = xml.slice(sheets.start, sheets.end);
    next = `${xml.slice(0, sheets.start)}${open.slice(0, -2).replace(/\s+$/, "")}>${entry}</${sheets.qname}>${xml.slice(sheets.end)}`;
  } else next = `${xml.slice(0, sheets.closeStart)}${entry}${xml.slice(sheets.closeStart)}`;
  editor.setText(workbookPart, next);
  const sheet: SheetEntry = { name, sheetId, rid, part, state: "visible" };
  editor.workbook.sheets.push(sheet);
  return sheet;
}

/** Relationship types whose target parts go with a sheet that is emptied (when nothing else uses them). */
const OWNED = new Set([
  "table",
  "comments",
  "vmlDrawing",
  "drawing",
  "chart",
  "chartUserShapes",
  "image",
  "threadedComment",
  "themeOverride",
  "chartStyle",
  "chartColorStyle",
  "package",
  "oleObject",
  "ctrlProp",
]);

/** How many relationships of the package (other than from `except`) point at each part. */
function references(editor: PackageEditor, except: Set<string>): Map<string, number> {
  const count = new Map<string, number>();
  const current = editor.current();
  for (const name of editor.partNames()) {
    if (!/\.rels$/i.test(name)) continue;
    const source = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/i, "$1$2");
    if (except.has(partKey(source))) continue;
    for (const rel of relationshipsOf(current, source === name ? "" : source))
      if (rel.part) count.set(partKey(rel.part), (count.get(partKey(rel.part)) ?? 0) + 1);
  }
  return count;
}

/** Removes `part` with its relationships part, and the parts only it refers to, recursively. */
function removeWithOwned(editor: PackageEditor, part: string, going: Set<string>): void {
  going.add(partKey(part));
  const owned = relationshipsOf(editor.current(), part).filter(
    (r) => r.part && OWNED.has(r.type) && editor.has(r.part)
  );
  for (const rel of owned) {
    if (going.has(partKey(rel.part!))) continue;
    const others = references(editor, going);
    if ((others.get(partKey(rel.part!)) ?? 0) > 0) continue;
    removeWithOwned(editor, rel.part!, going);
    editor.remove(rel.part!);
    editor.setContentType(rel.part!, null);
  }
  editor.remove(relsPartOf(part));
}

/**
 * Empties a sheet completely: its part becomes an empty worksheet (same name, place and
 * sheetId), its tables, notes and drawings removed when no other part refers to them.
 * A missing sheet is created.
 */
export function resetSheet(editor: PackageEditor, name: string): SheetEntry {
  const sheet = findSheet(editor, name);
  if (!sheet) return createSheet(editor, name);
  if (!sheet.part) throw new Error(`Sheet '${name}' is no worksheet.`);
  editor.dropSheetEdit(sheet.part);
  removeWithOwned(editor, sheet.part, new Set());
  editor.setText(sheet.part, emptyWorksheet(editor));
  return sheet;
}

/** Element names of CT_Workbook that come after `definedNames`. */
const AFTER_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/**
 * Defines the workbook-scoped name `name` as the absolute range `address` of `sheet`;
 * every earlier name of that name (any case, workbook or sheet scoped) is replaced. With
 * `local` (a sheet-local name such as `_xlnm.Print_Titles`: the sheet's 0-based position and
 * the formula as written), only a name of that name local to that sheet is replaced.
 */
export function defineName(
  editor: PackageEditor,
  name: string,
  sheet: string,
  address: string,
  local?: { sheetIndex: number; formula: string }
): void {
  const part = editor.workbook.workbook;
  const xml = editor.text(part)!;
  const root = rootElement(xml);
  const p = prefixOf(root);
  let formula = local?.formula;
  if (formula === undefined) {
    const { top, left, bottom, right } = parseRange(address);
    const absolute = rangeAddress(top, left, bottom, right).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    formula = sheetAddress(sheet, absolute);
  }
  const scope = local ? ` localSheetId="${local.sheetIndex}"` : "";
  const element = `<${p}definedName name="${escapeXml(name)}"${scope}>${escapeXml(formula)}</${p}definedName>`;
  const children = childElements(xml, root);
  const names = children.find((c) => c.name === "definedNames");
  const edits: Array<[number, number, string]> = [];
  if (names) {
    const same = childElements(xml, names).filter((c) => {
      if (c.name !== "definedName") return false;
      const attrs = attributesOf(xml, c);
      if ((attrs.name ?? "").toLowerCase() !== name.toLowerCase()) return false;
      return !local || attrs.localSheetId === String(local.sheetIndex);
    });
    if (same.length > 0)
      same.forEach((c, i) => edits.push([c.start, c.end, i === 0 ? element : ""]));
    else if (names.closeStart === names.end) {
      const open = xml.slice(names.start, names.end);
      edits.push([
        names.start,
        names.end,
        `${open.slice(0, -2).replace(/\s+$/, "")}>${element}</${names.qname}>`,
      ]);
    } else edits.push([names.closeStart, names.closeStart, element]);
  } else {
    const after = children.find((c) => AFTER_NAMES.includes(c.name));
    const at = after ? after.start : root.closeStart;
    edits.push([at, at, `<${p}definedNames>${element}</${p}definedNames>`]);
  }
  edits.sort((a, b) => b[0] - a[0]);
  let next = xml;
  for (const [start, end, text] of edits) next = next.slice(0, start) + text + next.slice(end);
  editor.setText(part, next);
}
