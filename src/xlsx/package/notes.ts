/**
 * Notes edited in place: the text of a cell's note in the sheet's legacy comments part
 * (`xl/comments1.xml`, found through the sheet's relationships), its VML shape when the
 * note goes, and the Excel 365 threaded comment on the same cell (with its replies), so
 * that a name the clean-up replaces survives in none of them. Every other note, and every
 * other byte of those parts, stays as it was.
 */
import type { PackageEditor, SheetEdit } from "./editor";
import { attributesOf, childElements, rootElement, splice, type ElementSpan } from "./markup";
import { relationshipsOf, type Relationship } from "./parts";
import type { Package } from "./zip";
import { escapeXml } from "./xml";

/**
 * Every element under `span` (not itself) in document order, depth first.
 *
 * @example
 * descendants(xml, rootElement(xml)).filter((e) => e.name === "cfRule");
 */
export function descendants(text: string, span: ElementSpan): ElementSpan[] {
  const found: ElementSpan[] = [];
  for (const child of childElements(text, span)) {
    found.push(child);
    if (child.closeStart > child.openEnd) found.push(...descendants(text, child));
  }
  return found;
}

/** The relationships of a part as the package is now (edits included). */
export function currentRelationships(editor: PackageEditor, part: string): Relationship[] {
  const now = { text: (name: string) => editor.text(name) } as unknown as Package;
  return relationshipsOf(now, part);
}

/** An A1 reference compared as Excel does: no `$`, upper case. */
function cellKey(ref: string): string {
  return ref.replace(/\$/g, "").trim().toUpperCase();
}

/** 0-based row and column of an A1 cell (`B5` → 4, 1). */
function zeroBased(at: string): { row: number; column: number } | null {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(cellKey(at));
  if (!match) return null;
  let column = 0;
  for (const ch of match[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/**
 * Sets the text of the note on cell `at` of `sheet` to `text` (one run, keeping the look
 * of the note's last run and its author), or removes the note (null) with its VML shape.
 * A threaded comment on the same cell (Excel 365) gets the same text, its replies and
 * mentions removed (they may name people; the legacy note's text holds the whole thread),
 * or goes with its replies. A cell without a note is left alone, without an error: the
 * clean-up only rewrites notes it read, and no use case creates a note in a user's
 * workbook. The authors list (`<authors>`) and `xl/persons` are not changed.
 *
 * @example
 * writeNote(editor, editor.sheetEdit("Kandidaten", "xl/worksheets/sheet2.xml"), "B5", "Kandidaat 1");
 */
export function writeNote(
  editor: PackageEditor,
  sheet: SheetEdit,
  at: string,
  text: string | null
): void {
  let pending = sheet.state.get("notes") as Map<string, string | null> | undefined;
  if (!pending) {
    const notes = new Map<string, string | null>();
    pending = notes;
    sheet.state.set("notes", notes);
    sheet.finishers.push(() => flushNotes(editor, sheet, notes));
  }
  pending.set(cellKey(at), text);
}

/**
 * The notes of a sheet written in one pass over each part when the sheet is finished (a
 * clean-up may rewrite thousands of notes: one pass each would read the parts thousands
 * of times).
 */
function flushNotes(
  editor: PackageEditor,
  sheet: SheetEdit,
  notes: Map<string, string | null>
): void {
  const relationships = currentRelationships(editor, sheet.part);
  for (const rel of relationships)
    if (rel.type === "comments" && rel.part) editComments(editor, rel.part, notes);
  for (const rel of relationships)
    if (rel.type === "threadedComment" && rel.part) editThreaded(editor, rel.part, notes);
  const shapes = new Map<string, boolean>();
  for (const [key, text] of notes) {
    const where = zeroBased(key);
    if (where) shapes.set(`${where.row},${where.column}`, text === null);
  }
  // The notes' shapes live in the VML part the sheet's <legacyDrawing> points at.
  const legacy = sheet.children("legacyDrawing")[0];
  const legacyId = legacy
    ? /\s[\w]*:?id\s*=\s*["']([^"']+)["']/.exec(legacy.replace(/^<[^\s>]+/, ""))?.[1]
    : undefined;
  for (const rel of relationships) {
    if (rel.type !== "vmlDrawing" || !rel.part) continue;
    if (legacyId !== undefined && rel.id !== legacyId) continue;
    editShapes(editor, rel.part, shapes);
  }
  if ([...notes.values()].includes(null)) dropEmptyParts(editor, sheet, relationships, legacyId);
}

/**
 * After a note went: a comments or threaded comments part left without comments goes
 * (with its relationship and content type), and so does a VML part left without shapes
 * (with the sheet's `<legacyDrawing>`), as Excel writes a sheet without notes.
 */
function dropEmptyParts(
  editor: PackageEditor,
  sheet: SheetEdit,
  relationships: Relationship[],
  legacyId: string | undefined
): void {
  const drop = (rel: Relationship) => {
    editor.removeRelationship(sheet.part, rel.id);
    editor.setContentType(rel.part!, null);
    editor.remove(rel.part!);
  };
  for (const rel of relationships) {
    const text = rel.part ? editor.text(rel.part) : undefined;
    if (text === undefined) continue;
    if (rel.type === "comments" && !/<(\w+:)?comment\b/.test(text)) drop(rel);
    if (rel.type === "threadedComment" && !/<(\w+:)?threadedComment\b/.test(text)) drop(rel);
  }
  // The VML last: it stays while the sheet keeps a comments part.
  for (const rel of relationships) {
    const text = rel.part ? editor.text(rel.part) : undefined;
    if (text === undefined) continue;
    if (
      rel.type === "vmlDrawing" &&
      (legacyId === undefined || rel.id === legacyId) &&
      !/<(\w+:)?shape\b/.test(text) &&
      !relationships.some((r) => r.type === "comments" && r.part && editor.has(r.part))
    ) {
      drop(rel);
      sheet.setChildren("legacyDrawing", "");
    }
  }
}

/** Sets or removes the `<comment ref>` of the cells in `notes` in a legacy comments part. */
function editComments(
  editor: PackageEditor,
  part: string,
  notes: Map<string, string | null>
): void {
  const xml = editor.text(part);
  if (xml === undefined) return;
  const root = rootElement(xml);
  const list = childElements(xml, root).find((c) => c.name === "commentList");
  if (!list || list.closeStart === list.end) return;
  const edits: Array<[number, number, string]> = [];
  for (const comment of childElements(xml, list)) {
    if (comment.name !== "comment") continue;
    const text = notes.get(cellKey(attributesOf(xml, comment).ref ?? ""));
    if (text === undefined) continue;
    if (text === null) {
      edits.push([comment.start, comment.end, ""]);
      continue;
    }
    const body = childElements(xml, comment).find((c) => c.name === "text");
    if (!body) continue;
    const p = body.qname.slice(0, body.qname.length - body.name.length);
    const runs = childElements(xml, body).filter((c) => c.name === "r");
    const lastRun = runs[runs.length - 1];
    const look = lastRun ? childElements(xml, lastRun).find((c) => c.name === "rPr") : undefined;
    const t = `<${p}t xml:space="preserve">${escapeXml(text)}</${p}t>`;
    const content = lastRun
      ? `<${p}r>${look ? xml.slice(look.start, look.end) : ""}${t}</${p}r>`
      : t;
    if (body.closeStart === body.end)
      edits.push([body.start, body.end, `<${body.qname}>${content}</${body.qname}>`]);
    else edits.push([body.openEnd, body.closeStart, content]);
  }
  if (edits.length > 0) editor.setText(part, splice(xml, edits));
}

/** Sets or removes the threaded comments on the cells in `notes` and their replies. */
function editThreaded(
  editor: PackageEditor,
  part: string,
  notes: Map<string, string | null>
): void {
  const xml = editor.text(part);
  if (xml === undefined) return;
  const root = rootElement(xml);
  const all = childElements(xml, root).filter((c) => c.name === "threadedComment");
  const attrs = all.map((c) => attributesOf(xml, c));
  // The threads to change: their first comment's id, and the text it gets.
  const tops = new Map<string, string | null>();
  all.forEach((_, i) => {
    const text = notes.get(cellKey(attrs[i].ref ?? ""));
    if (text !== undefined && !attrs[i].parentId) tops.set(attrs[i].id ?? "", text);
  });
  if (tops.size === 0) return;
  const edits: Array<[number, number, string]> = [];
  all.forEach((comment, i) => {
    const { id, parentId } = attrs[i];
    const reply = parentId !== undefined && tops.has(parentId);
    const top = !parentId && tops.has(id ?? "");
    if (!reply && !top) return;
    const text = tops.get(id ?? "");
    if (reply || text === null || text === undefined) {
      edits.push([comment.start, comment.end, ""]);
      return;
    }
    const p = comment.qname.slice(0, comment.qname.length - comment.name.length);
    const children = childElements(xml, comment);
    const body = children.find((c) => c.name === "text");
    const t = `<${p}text>${escapeText(text)}</${p}text>`;
    for (const child of children) {
      if (child.name === "mentions") edits.push([child.start, child.end, ""]);
      else if (child === body) edits.push([child.start, child.end, t]);
    }
    if (!body) {
      if (comment.closeStart === comment.end)
        edits.push([
          comment.start,
          comment.end,
          `${xml.slice(comment.start, comment.end - 2).trimEnd()}>${t}</${comment.qname}>`,
        ]);
      else edits.push([comment.openEnd, comment.openEnd, t]);
    }
  });
  editor.setText(part, splice(xml, edits));
}

/** Plain XML text (a threaded comment is an `xsd:string`: no `_xHHHH_` escapes). */
function escapeText(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!)
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      ""
    );
}

/**
 * Removes the note shapes of cells (`<x:ClientData ObjectType="Note">` with its 0-based
 * `x:Row` and `x:Column`; `shapes` maps "row,column" to true) from a VML part, or (false) empties the text a writer
 * may have copied into its `v:textbox` (Excel's readers take the note's text from the
 * comments part). VML is read as text (Excel's VML is not always well-formed XML); every
 * other byte stays.
 */
function editShapes(editor: PackageEditor, part: string, shapes: Map<string, boolean>): void {
  const vml = editor.text(part);
  if (vml === undefined) return;
  const shape = /<(\w+:)?shape\b[\s\S]*?<\/\1shape\s*>/g;
  const edits: Array<[number, number, string]> = [];
  for (let m = shape.exec(vml); m; m = shape.exec(vml)) {
    const body = m[0];
    if (!/ObjectType\s*=\s*["']Note["']/.test(body)) continue;
    const r = /<(?:\w+:)?Row\s*>\s*(\d+)\s*</.exec(body);
    const c = /<(?:\w+:)?Column\s*>\s*(\d+)\s*</.exec(body);
    const remove = r && c ? shapes.get(`${Number(r[1])},${Number(c[1])}`) : undefined;
    if (remove === undefined) continue;
    if (remove) {
      edits.push([m.index, m.index + body.length, ""]);
      continue;
    }
    const box = /(<(\w+:)?textbox\b[^>]*>)([\s\S]*?)(<\/\2textbox\s*>)/.exec(body);
    if (!box) continue;
    const emptied = box[3]
      .replace(/>[^<]*</g, "><")
      .replace(/^[^<]*/, "")
      .replace(/[^>]*$/, "");
    if (emptied === box[3]) continue;
    const at = m.index + box.index + box[1].length;
    edits.push([at, at + box[3].length, emptied]);
  }
  if (edits.length > 0) editor.setText(part, splice(vml, edits));
}
