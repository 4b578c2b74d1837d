/**
 * Excel tables of a workbook package: a new table part (with its relationship from the
 * sheet, the sheet's `<tableParts>` and its content type), columns added at a table's
 * right end, a table grown down. Table parts are found through the sheets'
 * relationships, whatever they are called and however their targets are written.
 */
import { parseRange, rangeAddress } from "../../workbook/address";
import { CONTENT_TYPES, type PackageEditor } from "./editor";
import { cellsOf, type CellsContext } from "./cells";
import { attributesOf, childElements, prefixOf, rootElement, withAttribute } from "./markup";
import { relationshipsOf } from "./parts";
import { findSheet, relationshipAttribute, sheetEditOf } from "./sheets";
import { escapeXml } from "./xml";

/** A table part of the workbook. */
interface TablePart {
  /** The sheet it is on. */
  sheet: string;
  part: string;
  id: number;
  name: string;
}

/** Every table of the workbook, as the sheets' relationships find them now. */
function tables(editor: PackageEditor): TablePart[] {
  const found: TablePart[] = [];
  const current = editor.current();
  for (const sheet of editor.workbook.sheets) {
    if (!sheet.part || !editor.has(sheet.part)) continue;
    for (const rel of relationshipsOf(current, sheet.part)) {
      if (rel.type !== "table" || !rel.part) continue;
      const xml = editor.text(rel.part);
      if (xml === undefined) continue;
      const attrs = attributesOf(xml, rootElement(xml));
      found.push({
        sheet: sheet.name,
        part: rel.part,
        id: Number(attrs.id) || 0,
        name: attrs.displayName ?? attrs.name ?? "",
      });
    }
  }
  return found;
}

/** A text for an attribute: escaped, with line breaks kept as Excel keeps them in column names. */
function attribute(text: string): string {
  return escapeXml(text)
    .replace(/\r/g, "_x000D_")
    .replace(/\n/g, "_x000A_")
    .replace(/\t/g, "_x0009_");
}

/** The table of that name (any case) on a sheet. */
function tableOn(editor: PackageEditor, sheet: string, name: string): TablePart {
  const lower = name.toLowerCase();
  const own = findSheet(editor, sheet)?.name.toLowerCase();
  const table = tables(editor).find(
    (t) => t.sheet.toLowerCase() === own && t.name.toLowerCase() === lower
  );
  if (!table) throw new Error(`Table '${name}' does not exist on '${sheet}'.`);
  return table;
}

/** The main namespace of a new table part. */
function mainNamespace(editor: PackageEditor): string {
  return editor.strict
    ? "http://purl.oclc.org/ooxml/spreadsheetml/main"
    : "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
}

/**
 * Creates a table over `range` (header row included) with `columns` as its header cells,
 * styled as ../apply.ts styles one (TableStyleLight9, row stripes). Its id and name are
 * unique in the workbook (a name in use gets `_2`, `_3`, …).
 */
export function createTable(
  context: CellsContext,
  sheet: string,
  name: string,
  range: string,
  columns: string[]
): void {
  const editor = context.editor;
  const edit = sheetEditOf(editor, sheet);
  const all = tables(editor);
  const id = all.reduce((max, t) => Math.max(max, t.id), 0) + 1;
  const taken = new Set(all.map((t) => t.name.toLowerCase()));
  for (const n of editor.workbook.definedNames) taken.add(n.name.toLowerCase());
  let unique = name;
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name}_${n}`;
  const { top, left, bottom } = parseRange(range);
  const ref = rangeAddress(top, left, Math.max(bottom, top + 1), left + columns.length - 1);
  const folder = editor.workbook.workbook.replace(/[^/]*$/, "");
  const part = editor.freeName(`${folder}tables/table{n}.xml`);
  const columnsXml = columns
    .map((column, i) => `<tableColumn id="${i + 1}" name="${attribute(column)}"/>`)
    .join("");
  editor.setText(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<table xmlns="${mainNamespace(editor)}" id="${id}" name="${attribute(unique)}" displayName="${attribute(unique)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
      `<autoFilter ref="${ref}"/>` +
      `<tableColumns count="${columns.length}">${columnsXml}</tableColumns>` +
      `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
      `</table>`
  );
  editor.setContentType(part, CONTENT_TYPES.table);
  const rid = editor.addRelationship(edit.part, "table", part);
  const p = edit.prefix;
  const existing = edit.children("tableParts")[0];
  const entry = `<${p}tablePart ${relationshipAttribute(editor, edit.xml.text, rid)}/>`;
  if (existing) {
    const count = (existing.match(/<(?:[\w.-]+:)?tablePart[\s/>]/g) ?? []).length + 1;
    const root = rootElement(existing);
    let open = existing.slice(0, root.openEnd);
    const selfClosing = root.closeStart === root.end;
    if (selfClosing) open = `${open.slice(0, -2).replace(/\s+$/, "")}>`;
    open = withAttribute(open, "count", String(count));
    const inner = selfClosing ? "" : existing.slice(root.openEnd, root.closeStart);
    edit.setChildren("tableParts", `${open}${inner}${entry}</${root.qname}>`);
  } else edit.setChildren("tableParts", `<${p}tableParts count="1">${entry}</${p}tableParts>`);
  const cells = cellsOf(context, edit);
  columns.forEach((column, i) => cells.writeValue(top, left + i, column, null));
}

/** Sets `ref` on a table part's root and its `autoFilter`. */
function setRefs(xml: string, ref: string): string {
  const root = rootElement(xml);
  const autoFilter = childElements(xml, root).find((c) => c.name === "autoFilter");
  let next = xml;
  if (autoFilter) {
    const tag = xml.slice(autoFilter.start, autoFilter.openEnd);
    next =
      next.slice(0, autoFilter.start) +
      withAttribute(tag, "ref", ref) +
      next.slice(autoFilter.openEnd);
  }
  const open = next.slice(root.start, root.openEnd);
  return next.slice(0, root.start) + withAttribute(open, "ref", ref) + next.slice(root.openEnd);
}

/** Adds columns at a table's right end, their names in its header row. */
export function addTableColumns(
  context: CellsContext,
  sheet: string,
  name: string,
  columns: string[]
): void {
  const editor = context.editor;
  const table = tableOn(editor, sheet, name);
  let xml = editor.text(table.part)!;
  const root = rootElement(xml);
  const attrs = attributesOf(xml, root);
  const { top, left, bottom, right } = parseRange(attrs.ref ?? "");
  const list = childElements(xml, root).find((c) => c.name === "tableColumns");
  if (!list) throw new Error(`Table '${name}' has no columns.`);
  const existing = childElements(xml, list);
  let nextId =
    existing.reduce((max, c) => Math.max(max, Number(attributesOf(xml, c).id) || 0), 0) + 1;
  const p = prefixOf(root);
  const added = columns
    .map((column) => `<${p}tableColumn id="${nextId++}" name="${attribute(column)}"/>`)
    .join("");
  const open = withAttribute(
    xml.slice(list.start, list.openEnd),
    "count",
    String(existing.length + columns.length)
  );
  xml =
    list.closeStart === list.end
      ? `${xml.slice(0, list.start)}${open.slice(0, -2).replace(/\s+$/, "")}>${added}</${list.qname}>${xml.slice(list.end)}`
      : `${xml.slice(0, list.start)}${open}${xml.slice(list.openEnd, list.closeStart)}${added}${xml.slice(list.closeStart)}`;
  editor.setText(table.part, setRefs(xml, rangeAddress(top, left, bottom, right + columns.length)));
  const headerRows = attrs.headerRowCount === "0" ? 0 : 1;
  if (headerRows === 0) return;
  const cells = cellsOf(context, sheetEditOf(editor, sheet));
  columns.forEach((column, i) => cells.writeValue(top, right + 1 + i, column, null));
}

/** Grows a table down to `range` (its header row stays where it is). */
export function growTable(editor: PackageEditor, sheet: string, name: string, range: string): void {
  const table = tableOn(editor, sheet, name);
  const xml = editor.text(table.part)!;
  const { top, left } = parseRange(attributesOf(xml, rootElement(xml)).ref ?? "");
  const grown = parseRange(range);
  if (grown.top !== top || grown.left !== left)
    throw new Error(`Table '${name}' cannot grow to ${range}.`);
  editor.setText(
    table.part,
    setRefs(xml, rangeAddress(grown.top, grown.left, grown.bottom, grown.right))
  );
}
