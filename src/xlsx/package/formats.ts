/**
 * The changes that format a sheet, edited in place in its worksheet part: drop-down
 * validations, validation texts, conditional formats (by formula and data bars), frozen
 * panes, column widths, header and footer texts; notes (./notes.ts) and document
 * properties (./properties.ts) too. Each keeps what the user's workbook has around the
 * command's own change: other validations, rules, columns, views and texts stay as written.
 * Ranges are worked with as rectangles, never cell by cell (a hostile `sqref` may cover
 * all 17 billion cells of a sheet).
 */
import { listSource } from "../../workbook/listSource";
import { stylesOf } from "./styles";
import type { PackageEditor, SheetEdit } from "./editor";
import {
  attributesOf,
  childElements,
  decodeEntities,
  rootElement,
  splice,
  withAttribute,
  type ElementSpan,
} from "./markup";
import { descendants, writeNote } from "./notes";
import { setDocumentProperties } from "./properties";
import { escapeXml } from "./xml";
import { columnLetters, rangeAddress } from "../../workbook/address";
import type {
  ColumnWidths,
  DataBar,
  DocumentProperties,
  FormulaFormat,
  FreezePanes,
  HeaderFooterTexts,
  ListValidation,
  ValidationTexts,
  WriteNote,
} from "../../workbook/changes";
import { HEADER_FOOTER_KINDS } from "../headerFooter";

/** The changes this module applies to a package. */
export type FormatChange =
  | ListValidation
  | ValidationTexts
  | FormulaFormat
  | DataBar
  | FreezePanes
  | ColumnWidths
  | HeaderFooterTexts
  | WriteNote
  | DocumentProperties;

/** Where conditional formats get their fills: a differential format's index in the styles part. */
export interface DxfSink {
  /** The index of a `<dxf>` that fills cells with `fill` (`#RRGGBB`), added when needed. */
  addDxf(fill: string): number;
}

const sinks = new WeakMap<PackageEditor, DxfSink>();

/** Makes `sink` the source of differential formats for the changes applied through `editor`. */
export function setDxfSink(editor: PackageEditor, sink: DxfSink): void {
  sinks.set(editor, sink);
}

/**
 * Applies one formatting change to the package being edited.
 *
 * @throws Error when the sheet is not in the workbook, or `validationTexts` names no validation.
 * @example
 * applyFormatChange(editor, { kind: "freezePanes", sheet: "Ranking", rows: 1, columns: 2 });
 */
export function applyFormatChange(editor: PackageEditor, change: FormatChange): void {
  switch (change.kind) {
    case "listValidation":
      return listValidation(sheetOf(editor, change.sheet), change);
    case "validationTexts":
      return validationTexts(sheetOf(editor, change.sheet), change);
    case "formulaFormat":
      return formulaFormat(editor, sheetOf(editor, change.sheet), change);
    case "dataBar":
      return dataBar(sheetOf(editor, change.sheet), change);
    case "freezePanes":
      return freezePanes(sheetOf(editor, change.sheet), change);
    case "columnWidths":
      return columnWidths(sheetOf(editor, change.sheet), change);
    case "headerFooterTexts":
      return headerFooterTexts(sheetOf(editor, change.sheet), change);
    case "writeNote":
      return writeNote(editor, sheetOf(editor, change.sheet), change.at, change.text);
    case "documentProperties":
      return setDocumentProperties(editor, change.properties);
  }
}

/** The edit of the worksheet a change names (case-insensitive, as Excel finds sheets). */
function sheetOf(editor: PackageEditor, name: string): SheetEdit {
  const wanted = name.toLowerCase();
  const entry = editor.workbook.sheets.find((s) => s.name.toLowerCase() === wanted);
  if (!entry || !entry.part) throw new Error(`No worksheet '${name}' in the workbook.`);
  return editor.sheetEdit(entry.name, entry.part);
}

// ---------------------------------------------------------------------------------------
// Rectangles of cells.

/** A block of cells, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** A column's number from its letters, or NaN when they are no column. */
function columnOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n >= 1 && n <= MAX_COLUMN ? n : NaN;
}

/**
 * One reference of a `sqref` as a rectangle: `B2`, `B2:D9`, `B:D`, `2:9` (`$` allowed),
 * or null when it is none of these.
 *
 * @example
 * parseRef("A1:XFD1048576"); // { top: 1, left: 1, bottom: 1048576, right: 16384 }
 */
export function parseRef(ref: string): Rect | null {
  const r = ref.replace(/\$/g, "").trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(r);
  let rect: Rect | null = null;
  if (m) {
    const a = { row: Number(m[2]), column: columnOf(m[1]) };
    const b = m[3] ? { row: Number(m[4]), column: columnOf(m[3]) } : a;
    rect = {
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    };
  } else if ((m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(r))) {
    const [x, y] = [columnOf(m[1]), columnOf(m[2])];
    rect = { top: 1, left: Math.min(x, y), bottom: MAX_ROW, right: Math.max(x, y) };
  } else if ((m = /^(\d+):(\d+)$/.exec(r))) {
    const [x, y] = [Number(m[1]), Number(m[2])];
    rect = { top: Math.min(x, y), left: 1, bottom: Math.max(x, y), right: MAX_COLUMN };
  }
  if (!rect || [rect.top, rect.left].some((n) => !(n >= 1))) return null;
  if (rect.bottom > MAX_ROW || rect.right > MAX_COLUMN) return null;
  return rect;
}

/** The parts of `a` outside `b`: at most four rectangles, none when `b` covers `a`. */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (b.right < a.left || b.left > a.right || b.bottom < a.top || b.top > a.bottom) return [a];
  const out: Rect[] = [];
  if (b.top > a.top) out.push({ ...a, bottom: b.top - 1 });
  if (b.bottom < a.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (b.left > a.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (b.right < a.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/** A rectangle in A1 (`B2:D9`, or `B2` for one cell). */
function refOf(rect: Rect): string {
  return rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
}

/** A `sqref` as Excel compares them: references upper case, without `$`, single-spaced. */
function sqrefKey(sqref: string): string {
  return sqref.replace(/\$/g, "").trim().split(/\s+/).join(" ").toUpperCase();
}

/**
 * A `sqref` with the cells of `remove` taken out, as references (its unreadable ones kept
 * as they are). Returns null when nothing of it is in `remove`.
 */
function sqrefWithout(sqref: string, remove: Rect[]): string[] | null {
  const out: string[] = [];
  let changed = false;
  for (const ref of sqref.trim().split(/\s+/)) {
    const rect = parseRef(ref);
    if (!rect) {
      if (ref) out.push(ref);
      continue;
    }
    let pieces = [rect];
    for (const cut of remove) pieces = pieces.flatMap((p) => subtract(p, cut));
    if (pieces.length === 1 && pieces[0] === rect) out.push(ref);
    else {
      changed = true;
      out.push(...pieces.map(refOf));
    }
  }
  return changed ? out : null;
}

// ---------------------------------------------------------------------------------------
// Element texts.

/** The prefix (with colon, or "") of an element. */
function prefixOfSpan(span: ElementSpan): string {
  return span.qname.slice(0, span.qname.length - span.name.length);
}

/**
 * An element's text with `edits` made inside it and `append` added before its end tag (an
 * empty element `<a/>` is opened for it).
 */
function editElement(
  xml: string,
  root: ElementSpan,
  edits: Array<[number, number, string]>,
  append: string
): string {
  if (root.closeStart === root.end && append) {
    // Inside an empty element the only edit there can be is of its start tag.
    const tag = edits.find(([s, e]) => s === root.start && e === root.openEnd)?.[2];
    const open = `${(tag ?? xml.slice(root.start, root.openEnd)).replace(/\s*\/>$/, "")}>`;
    return `${xml.slice(0, root.start)}${open}${append}</${root.qname}>${xml.slice(root.end)}`;
  }
  return splice(xml, append ? [...edits, [root.closeStart, root.closeStart, append]] : edits);
}

/**
 * The elements of a fragment, each as its own text (a child set once is one text that
 * may hold several elements).
 */
function elementsOf(fragments: string[]): string[] {
  const wrapped = `<f>${fragments.join("")}</f>`;
  return childElements(wrapped, rootElement(wrapped)).map((e) => wrapped.slice(e.start, e.end));
}

/** An element's start tag with attribute `name` set (or removed: null). */
function setAttribute(xml: string, span: ElementSpan, name: string, value: string | null): string {
  return withAttribute(xml.slice(span.start, span.openEnd), name, value);
}

/**
 * A text for an attribute of type `ST_Xstring` before {@link withAttribute} escapes its
 * entities: `_xHHHH_` escapes as Excel writes them (see {@link escapeXml}).
 */
function xstring(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

/** `#RRGGBB` as an ARGB `rgb` attribute value. */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

// ---------------------------------------------------------------------------------------
// Data validations.

/** Excel's longest error message of a validation. */
const ERROR_LIMIT = 225;

/** A list validation on `change.range`; other validations give up the cells it takes. */
function listValidation(sheet: SheetEdit, change: ListValidation): void {
  const p = sheet.prefix;
  const source = listSource(change.items);
  if (!source.ok) return; // never a half-escaped list (src/workbook/listSource.ts)
  const list = source.formula;
  let error = `Kies ${change.items.join(", ")}.`;
  if (error.length > ERROR_LIMIT) error = `${error.slice(0, ERROR_LIMIT - 1)}…`;
  const validation =
    `<${p}dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="warning"` +
    ` error="${escapeXml(error)}" sqref="${escapeXml(change.range)}">` +
    `<${p}formula1>${escapeXml(list)}</${p}formula1></${p}dataValidation>`;
  const taken = change.range
    .trim()
    .split(/\s+/)
    .map(parseRef)
    .filter((r): r is Rect => r !== null);
  const key = sqrefKey(change.range);
  sheet.state.delete("validationKeys");
  takeFromX14(sheet, taken, key);
  const existing = sheet.children("dataValidations")[0];
  if (existing === undefined) {
    sheet.setChildren(
      "dataValidations",
      `<${p}dataValidations count="1">${validation}</${p}dataValidations>`
    );
    return;
  }
  const root = rootElement(existing);
  const edits: Array<[number, number, string]> = [];
  let count = 0;
  for (const child of childElements(existing, root)) {
    if (child.name !== "dataValidation") continue;
    const sqref = attributesOf(existing, child).sqref ?? "";
    if (sqrefKey(sqref) === key) {
      edits.push([child.start, child.end, ""]);
      continue;
    }
    const rest = sqrefWithout(sqref, taken);
    if (rest === null) count++;
    else if (rest.length === 0) edits.push([child.start, child.end, ""]);
    else {
      count++;
      edits.push([
        child.start,
        child.openEnd,
        setAttribute(existing, child, "sqref", rest.join(" ")),
      ]);
    }
  }
  edits.push([root.start, root.openEnd, setAttribute(existing, root, "count", String(count + 1))]);
  sheet.setChildren("dataValidations", editElement(existing, root, edits, validation));
}

/**
 * The validations Excel keeps in the sheet's `extLst` (`x14:dataValidation`, e.g. a list
 * from another sheet) give up the cells in `taken` too (their `xm:sqref` cut, one left
 * without cells removed, the count kept right, what is left empty pruned).
 */
function takeFromX14(sheet: SheetEdit, taken: Rect[], key: string): void {
  const extLst = sheet.children("extLst")[0];
  if (extLst === undefined) return;
  const edits: Array<[number, number, string]> = [];
  for (const list of descendants(extLst, rootElement(extLst))) {
    if (list.name !== "dataValidations") continue;
    let count = 0;
    const inner: Array<[number, number, string]> = [];
    for (const validation of childElements(extLst, list)) {
      if (validation.name !== "dataValidation") continue;
      const ref = childElements(extLst, validation).find((c) => c.name === "sqref");
      const sqref = ref ? decodeEntities(extLst.slice(ref.openEnd, ref.closeStart)) : "";
      const rest = sqrefKey(sqref) === key ? [] : sqrefWithout(sqref, taken);
      if (rest === null || !ref) count++;
      else if (rest.length === 0) inner.push([validation.start, validation.end, ""]);
      else {
        count++;
        inner.push([ref.openEnd, ref.closeStart, rest.join(" ")]);
      }
    }
    if (inner.length === 0) continue;
    edits.push(...inner);
    if (attributesOf(extLst, list).count !== undefined)
      edits.push([list.start, list.openEnd, setAttribute(extLst, list, "count", String(count))]);
  }
  if (edits.length > 0) sheet.setChildren("extLst", pruneEmpty(splice(extLst, edits)));
}

/**
 * The texts (and formulas) of the validation keyed `change.range`: its `sqref` as written,
 * or (as ExcelJS keys them) the first cell of its `sqref`. The change is checked now and
 * written with the sheet's other validation texts in one pass when the sheet is finished
 * (a clean-up may rewrite thousands).
 */
function validationTexts(sheet: SheetEdit, change: ValidationTexts): void {
  if (!validationKeys(sheet).has(sqrefKey(change.range)))
    throw new Error(`No validation on '${sheet.name}'!${change.range}.`);
  let pending = sheet.state.get("validationTexts") as ValidationTexts[] | undefined;
  if (!pending) {
    const changes: ValidationTexts[] = [];
    pending = changes;
    sheet.state.set("validationTexts", changes);
    sheet.finishers.push(() => flushValidationTexts(sheet, changes));
  }
  pending.push(change);
}

/** The keys a validation of the sheet can be found by (its sqref, its first cell), read once. */
function validationKeys(sheet: SheetEdit): Set<string> {
  const known = sheet.state.get("validationKeys") as Set<string> | undefined;
  if (known) return known;
  const keys = new Set<string>();
  const add = (sqref: string) => {
    const key = sqrefKey(sqref);
    keys.add(key);
    keys.add(key.split(/[\s:]/)[0]);
  };
  const main = sheet.children("dataValidations")[0];
  if (main !== undefined)
    for (const child of childElements(main, rootElement(main)))
      if (child.name === "dataValidation") add(attributesOf(main, child).sqref ?? "");
  const extLst = sheet.children("extLst")[0];
  if (extLst !== undefined)
    for (const d of descendants(extLst, rootElement(extLst)))
      if (d.name === "dataValidation") {
        const ref = childElements(extLst, d).find((c) => c.name === "sqref");
        if (ref) add(decodeEntities(extLst.slice(ref.openEnd, ref.closeStart)));
      }
  sheet.state.set("validationKeys", keys);
  return keys;
}

/** Writes the validation texts asked for, in one pass over the sheet's `<dataValidations>`. */
function flushValidationTexts(sheet: SheetEdit, changes: ValidationTexts[]): void {
  const existing = sheet.children("dataValidations")[0];
  const exact = new Map<string, ElementSpan>();
  const first = new Map<string, ElementSpan>();
  if (existing !== undefined)
    for (const child of childElements(existing, rootElement(existing))) {
      if (child.name !== "dataValidation") continue;
      const key = sqrefKey(attributesOf(existing, child).sqref ?? "");
      if (!exact.has(key)) exact.set(key, child);
      const cell = key.split(/[\s:]/)[0];
      if (!first.has(cell)) first.set(cell, child);
    }
  const merged = new Map<ElementSpan, ValidationTexts>();
  for (const change of changes) {
    const key = sqrefKey(change.range);
    const child = exact.get(key) ?? first.get(key);
    if (!child) {
      x14ValidationTexts(sheet, change, key);
      continue;
    }
    const before = merged.get(child);
    merged.set(child, {
      ...change,
      texts: { ...before?.texts, ...change.texts },
      formulae: change.formulae ?? before?.formulae,
    });
  }
  if (existing === undefined || merged.size === 0) return;
  const edits: Array<[number, number, string]> = [];
  for (const [child, change] of merged) edits.push(...validationEdits(existing, child, change));
  sheet.setChildren("dataValidations", splice(existing, edits));
}

/** The edits of one `<dataValidation>` that set its texts and (when given) its formulas. */
function validationEdits(
  existing: string,
  child: ElementSpan,
  change: ValidationTexts
): Array<[number, number, string]> {
  let tag = existing.slice(child.start, child.openEnd);
  for (const [name, text] of Object.entries(change.texts))
    if (text !== undefined) tag = withAttribute(tag, name, xstring(text));
  const edits: Array<[number, number, string]> = [[child.start, child.openEnd, tag]];
  if (!change.formulae) return edits;
  const p = prefixOfSpan(child);
  const formulas = childElements(existing, child).filter(
    (c) => c.name === "formula1" || c.name === "formula2"
  );
  const written = change.formulae
    .slice(0, 2)
    .map((f, i) => `<${p}formula${i + 1}>${escapeXml(f.replace(/^=/, ""))}</${p}formula${i + 1}>`)
    .join("");
  formulas.forEach((f, i) => edits.push([f.start, f.end, i === 0 ? written : ""]));
  if (formulas.length > 0) return edits;
  if (child.closeStart === child.end)
    edits[0] = [
      child.start,
      child.end,
      `${tag.replace(/\s*\/>$/, "")}>${written}</${child.qname}>`,
    ];
  else edits.push([child.openEnd, child.openEnd, written]);
  return edits;
}

/**
 * {@link validationTexts} for a validation Excel keeps in the sheet's `extLst`
 * (`x14:dataValidation` with its `xm:sqref` and `<x14:formula1><xm:f>`); false when none
 * has that key. Formulas are set where the validation has them.
 */
function x14ValidationTexts(sheet: SheetEdit, change: ValidationTexts, key: string): boolean {
  const extLst = sheet.children("extLst")[0];
  if (extLst === undefined) return false;
  const candidates = descendants(extLst, rootElement(extLst))
    .filter((d) => d.name === "dataValidation")
    .map((validation) => {
      const ref = childElements(extLst, validation).find((c) => c.name === "sqref");
      const sqref = ref ? decodeEntities(extLst.slice(ref.openEnd, ref.closeStart)) : "";
      return { validation, key: sqrefKey(sqref) };
    });
  const found =
    candidates.find((c) => c.key === key) ??
    candidates.find((c) => c.key.split(/[\s:]/)[0] === key);
  if (!found) return false;
  const { validation } = found;
  let tag = extLst.slice(validation.start, validation.openEnd);
  for (const [name, text] of Object.entries(change.texts))
    if (text !== undefined) tag = withAttribute(tag, name, xstring(text));
  const edits: Array<[number, number, string]> = [[validation.start, validation.openEnd, tag]];
  for (const holder of childElements(extLst, validation)) {
    const n = holder.name === "formula1" ? 0 : holder.name === "formula2" ? 1 : -1;
    const formula = n >= 0 ? change.formulae?.[n] : undefined;
    const f = childElements(extLst, holder).find((c) => c.name === "f");
    if (formula === undefined || !f || f.closeStart === f.end) continue;
    edits.push([f.openEnd, f.closeStart, escapeXml(formula.replace(/^=/, ""))]);
  }
  sheet.setChildren("extLst", splice(extLst, edits));
  return true;
}

// ---------------------------------------------------------------------------------------
// Conditional formats.

/** A rule's attributes and its formula text (decoded). */
function ruleOf(
  xml: string,
  rule: ElementSpan
): { attrs: Record<string, string>; formula: string } {
  const attrs = attributesOf(xml, rule);
  const formula = childElements(xml, rule).find((c) => c.name === "formula");
  return {
    attrs,
    formula: formula ? decodeEntities(xml.slice(formula.openEnd, formula.closeStart)) : "",
  };
}

/**
 * The sheet's conditional formats with the rules on `range` that `drop` matches taken out
 * (a format left without rules goes), the x14 twins of dropped rules (`<x14:id>`) removed
 * from the sheet's `extLst`, and `append(priority)` added last with a priority above every
 * other rule of the sheet (x14 rules included).
 */
function replaceRules(
  sheet: SheetEdit,
  range: string,
  drop: (attrs: Record<string, string>, formula: string) => boolean,
  append: (priority: number) => string
): void {
  const key = sqrefKey(range);
  const kept: string[] = [];
  const twins = new Set<string>();
  let highest = 0;
  for (const text of elementsOf(sheet.children("conditionalFormatting"))) {
    const root = rootElement(text);
    const same = sqrefKey(attributesOf(text, root).sqref ?? "") === key;
    const rules = childElements(text, root).filter((c) => c.name === "cfRule");
    const edits: Array<[number, number, string]> = [];
    let left = 0;
    for (const rule of rules) {
      const { attrs, formula } = ruleOf(text, rule);
      if (same && drop(attrs, formula)) {
        edits.push([rule.start, rule.end, ""]);
        for (const d of descendants(text, rule))
          if (d.name === "id") twins.add(text.slice(d.openEnd, d.closeStart).trim());
        continue;
      }
      left++;
      highest = Math.max(highest, Number(attrs.priority) || 0);
    }
    if (edits.length === 0) kept.push(text);
    else if (left > 0) kept.push(splice(text, edits));
  }
  const extLst = sheet.children("extLst")[0];
  let ext = extLst;
  if (extLst !== undefined) {
    const root = rootElement(extLst);
    const all = descendants(extLst, root);
    const edits: Array<[number, number, string]> = [];
    for (const d of all) {
      if (d.name !== "cfRule") continue;
      const attrs = attributesOf(extLst, d);
      if (twins.has(attrs.id ?? "")) edits.push([d.start, d.end, ""]);
      else highest = Math.max(highest, Number(attrs.priority) || 0);
    }
    if (edits.length > 0) ext = pruneEmpty(splice(extLst, edits));
  }
  sheet.setChildren("conditionalFormatting", [...kept, append(highest + 1)].join(""));
  if (ext !== extLst) sheet.setChildren("extLst", ext ?? "");
}

/**
 * An `extLst` with what removing x14 rules or validations left empty taken away: an x14
 * conditional format without rules, an `x14:conditionalFormattings` without formats, an
 * `x14:dataValidations` without validations, an `ext` without
 * children; "" when the list itself is left empty.
 */
function pruneEmpty(xml: string): string {
  let text = xml;
  for (let pass = 0; pass < 4; pass++) {
    const root = rootElement(text);
    const all = descendants(text, root);
    const edits: Array<[number, number, string]> = [];
    for (const d of all) {
      const kids = childElements(text, d);
      const empty =
        (d.name === "conditionalFormatting" && !kids.some((k) => k.name === "cfRule")) ||
        (d.name === "dataValidations" && !kids.some((k) => k.name === "dataValidation")) ||
        ((d.name === "conditionalFormattings" || d.name === "ext") && kids.length === 0);
      if (empty && !edits.some(([s, e]) => d.start >= s && d.end <= e))
        edits.push([d.start, d.end, ""]);
    }
    if (edits.length === 0) break;
    text = splice(text, edits);
  }
  const root = rootElement(text);
  return childElements(text, root).length === 0 ? "" : text;
}

/** A conditional format by formula; the same rule on the same range is replaced. */
function formulaFormat(editor: PackageEditor, sheet: SheetEdit, change: FormulaFormat): void {
  const p = sheet.prefix;
  const formula = change.formula.replace(/^=/, "");
  const sink = sinks.get(editor) ?? stylesOf(editor);
  const dxfId = sink.addDxf(change.fill);
  replaceRules(
    sheet,
    change.range,
    (attrs, written) => attrs.type === "expression" && written.trim() === formula.trim(),
    (priority) =>
      `<${p}conditionalFormatting sqref="${escapeXml(change.range)}"><${p}cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><${p}formula>${escapeXml(formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`
  );
}

/** A data bar from 0 to the highest value (as ExcelJS writes it); replaces an earlier one on the range. */
function dataBar(sheet: SheetEdit, change: DataBar): void {
  const p = sheet.prefix;
  replaceRules(
    sheet,
    change.range,
    (attrs) => attrs.type === "dataBar",
    (priority) =>
      `<${p}conditionalFormatting sqref="${escapeXml(change.range)}"><${p}cfRule type="dataBar" priority="${priority}"><${p}dataBar><${p}cfvo type="num" val="0"/><${p}cfvo type="max"/><${p}color rgb="${argb(change.colour)}"/></${p}dataBar></${p}cfRule></${p}conditionalFormatting>`
  );
}

// ---------------------------------------------------------------------------------------
// Views, columns, headers and footers.

/** The panes a frozen layout has (a selection in another pane would point at nothing). */
function panesOf(rows: number, columns: number): Set<string> {
  if (rows > 0 && columns > 0) return new Set(["topLeft", "topRight", "bottomLeft", "bottomRight"]);
  if (rows > 0) return new Set(["topLeft", "bottomLeft"]);
  if (columns > 0) return new Set(["topLeft", "topRight"]);
  return new Set(["topLeft"]);
}

/**
 * Freezes the top rows and left columns in the sheet's first view (made when missing),
 * every other attribute and child of the view kept; 0 and 0 unfreezes.
 */
function freezePanes(sheet: SheetEdit, change: FreezePanes): void {
  const p = sheet.prefix;
  const rows = Math.max(0, change.rows);
  const columns = Math.max(0, change.columns);
  const active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const paneOf = (prefix: string) =>
    rows === 0 && columns === 0
      ? ""
      : `<${prefix}pane${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}` +
        ` topLeftCell="${columnLetters(columns + 1)}${rows + 1}" activePane="${active}" state="frozen"/>`;
  const pane = paneOf(p);
  const existing = sheet.children("sheetViews")[0];
  if (existing === undefined) {
    if (pane)
      sheet.setChildren(
        "sheetViews",
        `<${p}sheetViews><${p}sheetView workbookViewId="0">${pane}</${p}sheetView></${p}sheetViews>`
      );
    return;
  }
  const root = rootElement(existing);
  const view = childElements(existing, root).find((c) => c.name === "sheetView");
  if (!view) {
    if (pane)
      sheet.setChildren(
        "sheetViews",
        editElement(existing, root, [], `<${p}sheetView workbookViewId="0">${pane}</${p}sheetView>`)
      );
    return;
  }
  const paneXml = paneOf(prefixOfSpan(view));
  const panes = panesOf(rows, columns);
  const edits: Array<[number, number, string]> = [];
  const kids = childElements(existing, view);
  const old = kids.find((c) => c.name === "pane");
  for (const kid of kids) {
    if (kid.name !== "selection") continue;
    const where = attributesOf(existing, kid).pane ?? "topLeft";
    if (!panes.has(where)) edits.push([kid.start, kid.end, ""]);
  }
  if (old) edits.push([old.start, old.end, paneXml]);
  if (view.closeStart === view.end) {
    if (!paneXml) return;
    const open = `${existing.slice(view.start, view.openEnd - 2).trimEnd()}>`;
    edits.push([view.start, view.end, `${open}${paneXml}</${view.qname}>`]);
  } else if (!old && paneXml) edits.push([view.openEnd, view.openEnd, paneXml]);
  if (edits.length > 0) sheet.setChildren("sheetViews", splice(existing, edits));
}

/** One `<col>` of `<cols>`: the columns it covers and its start tag. */
interface Col {
  min: number;
  max: number;
  tag: string;
}

/**
 * Sets the width of the given columns, splitting a `<col>` that covers more columns so
 * that the others keep every attribute they had; a column without one gets its own.
 */
function columnWidths(sheet: SheetEdit, change: ColumnWidths): void {
  const p = sheet.prefix;
  const existing = sheet.children("cols")[0];
  let cols: Col[] = [];
  let open = `<${p}cols>`;
  let close = `</${p}cols>`;
  if (existing !== undefined) {
    const root = rootElement(existing);
    open = existing.slice(root.start, root.openEnd).replace(/\/>$/, ">");
    close = `</${root.qname}>`;
    cols = childElements(existing, root)
      .filter((c) => c.name === "col")
      .map((c) => {
        const attrs = attributesOf(existing, c);
        const tag = existing.slice(c.start, c.openEnd).replace(/\s*\/?>$/, "/>");
        return { min: Number(attrs.min), max: Number(attrs.max), tag };
      });
  }
  const colName = `${p}col`;
  for (const { column, width } of change.widths) {
    if (!(column >= 1 && column <= MAX_COLUMN)) continue;
    const at = cols.findIndex((c) => c.min <= column && column <= c.max);
    const set = (tag: string) =>
      withAttribute(withAttribute(tag, "width", String(width)), "customWidth", "1");
    if (at < 0) {
      const tag = set(`<${colName} min="${column}" max="${column}"/>`);
      const before = cols.findIndex((c) => c.min > column);
      cols.splice(before < 0 ? cols.length : before, 0, { min: column, max: column, tag });
      continue;
    }
    const col = cols[at];
    const span = (min: number, max: number, tag: string): Col => ({
      min,
      max,
      tag: withAttribute(withAttribute(tag, "min", String(min)), "max", String(max)),
    });
    const pieces: Col[] = [];
    if (col.min < column) pieces.push(span(col.min, column - 1, col.tag));
    pieces.push(span(column, column, set(col.tag)));
    if (column < col.max) pieces.push(span(column + 1, col.max, col.tag));
    cols.splice(at, 1, ...pieces);
  }
  sheet.setChildren("cols", `${open}${cols.map((c) => c.tag).join("")}${close}`);
}

/** CT_HeaderFooter's text children in their order. */
const HEADER_FOOTER_ORDER: readonly string[] = HEADER_FOOTER_KINDS;

/** Sets the header and footer texts named (others and the flags kept); unknown kinds are ignored. */
function headerFooterTexts(sheet: SheetEdit, change: HeaderFooterTexts): void {
  const p = sheet.prefix;
  const existing = sheet.children("headerFooter")[0] ?? `<${p}headerFooter/>`;
  const root = rootElement(existing);
  const cp = prefixOfSpan(root);
  const kids = childElements(existing, root);
  const edits: Array<[number, number, string]> = [];
  const inserts = new Map<number, string>();
  for (const kind of HEADER_FOOTER_ORDER) {
    const text = change.texts[kind];
    if (text === undefined) continue;
    const element = `<${cp}${kind}>${escapeXml(text)}</${cp}${kind}>`;
    const old = kids.find((k) => k.name === kind);
    if (old) {
      edits.push([old.start, old.end, element]);
      continue;
    }
    const rank = HEADER_FOOTER_ORDER.indexOf(kind);
    const after = kids.find((k) => HEADER_FOOTER_ORDER.indexOf(k.name) > rank);
    const at = after ? after.start : -1;
    inserts.set(at, (inserts.get(at) ?? "") + element);
  }
  for (const [at, xml] of inserts) if (at >= 0) edits.push([at, at, xml]);
  sheet.setChildren("headerFooter", editElement(existing, root, edits, inserts.get(-1) ?? ""));
}
