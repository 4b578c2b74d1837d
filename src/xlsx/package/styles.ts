/**
 * Editing a workbook's styles part append-only: a cell that needs another look gets a new
 * cell format (`<xf>`) derived from its current one, and a conditional format gets a new
 * differential format (`<dxf>`). Existing entries are never changed or reordered, so every
 * `s="N"` of every sheet keeps meaning what it meant; what is appended is deduplicated.
 */
import type { PackageEditor } from "./editor";
import { CONTENT_TYPES } from "./editor";
import {
  attributesOf,
  childElements,
  prefixOf,
  rootElement,
  withAttribute,
  type ElementSpan,
} from "./markup";
import { escapeXml } from "./xml";

/** The look a block of written cells asks for. */
export interface Look {
  /** An invariant number format code (`"€ "#,##0.00`, `@`, `dd-mm-yyyy`). */
  numFmt?: string;
  bold?: boolean;
  /** Wrap text, aligned to the top. */
  wrap?: boolean;
}

/** Excel's built-in number formats by code (ECMA-376 part 1, §18.8.30), as ExcelJS knows them. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "mm-dd-yy": 14,
  "d-mmm-yy": 15,
  "d-mmm": 16,
  "mmm-yy": 17,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  "m/d/yy h:mm": 22,
  "#,##0 ;(#,##0)": 37,
  "#,##0 ;[Red](#,##0)": 38,
  "#,##0.00 ;(#,##0.00)": 39,
  "#,##0.00 ;[Red](#,##0.00)": 40,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "mmss.0": 47,
  "##0.0E+0": 48,
  "@": 49,
};

/** The number format ExcelJS gives a date cell that has none (`mm-dd-yy`). */
export const DATE_FORMAT_ID = 14;

/** The children of a stylesheet in schema order (CT_Stylesheet, §18.8.39). */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** A minimal styles part, for a package that has none (one font, the two required fills, one border). */
function minimalStyles(main: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<styleSheet xmlns="${main}">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="0"/>` +
    `</styleSheet>`
  );
}

/** One list of the stylesheet (`fonts`, `cellXfs`, …): its entries as read and as appended. */
interface Section {
  span: ElementSpan | null;
  existing: string[];
  added: string[];
}

/**
 * The styles part of a package being edited. Get it with {@link stylesOf} (one per editor):
 * every append writes the part back at once.
 *
 * @example
 * const styles = stylesOf(editor);
 * const s = styles.derive(3, { numFmt: "0.00", bold: true });
 * const dxfId = styles.addDxf("#C6EFCE");
 */
export class StylesEditor {
  private readonly part: string;
  private readonly text: string;
  private readonly prefix: string;
  private readonly sections = new Map<string, Section>();
  private readonly children: ElementSpan[];
  private readonly root: ElementSpan;
  private readonly derived = new Map<string, number>();
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = 164;

  constructor(private readonly editor: PackageEditor) {
    let part = editor.workbook.styles;
    if (!part || editor.text(part) === undefined) {
      const folder = editor.workbook.workbook.replace(/[^/]*$/, "");
      part = part ?? `${folder}styles.xml`;
      const main = editor.strict
        ? "http://purl.oclc.org/ooxml/spreadsheetml/main"
        : "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
      editor.setText(part, minimalStyles(main));
      if (!editor.workbook.styles) {
        editor.addRelationship(editor.workbook.workbook, "styles", part);
        editor.workbook.styles = part;
      }
      editor.setContentType(part, CONTENT_TYPES.styles);
    }
    this.part = part;
    this.text = editor.text(part)!;
    this.root = rootElement(this.text);
    this.prefix = prefixOf(this.root);
    this.children = childElements(this.text, this.root);
    for (const name of ["numFmts", "fonts", "cellXfs", "dxfs"]) {
      const span = this.children.find((c) => c.name === name) ?? null;
      const existing = span
        ? childElements(this.text, span).map((c) => this.text.slice(c.start, c.end))
        : [];
      this.sections.set(name, { span, existing, added: [] });
    }
    for (const numFmt of this.sections.get("numFmts")!.existing) {
      const attrs = attributesOf(numFmt, rootElement(numFmt));
      const id = Number(attrs.numFmtId);
      if (!Number.isFinite(id)) continue;
      if (attrs.formatCode !== undefined && !this.formatIds.has(attrs.formatCode))
        this.formatIds.set(attrs.formatCode, id);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
  }

  /** The number of cell formats (`cellXfs`) now. */
  get xfCount(): number {
    const xfs = this.sections.get("cellXfs")!;
    return xfs.existing.length + xfs.added.length;
  }

  /** The cell format `<xf>` of index `s` (the first one when `s` is out of range). */
  private xf(s: number): string {
    const xfs = this.sections.get("cellXfs")!;
    const all = xfs.existing.length + xfs.added.length;
    const index = s >= 0 && s < all ? s : 0;
    return index < xfs.existing.length
      ? xfs.existing[index]
      : (xfs.added[index - xfs.existing.length] ??
          `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  /** The number format id of cell format `s`. */
  numFmtIdOf(s: number): number {
    const xf = this.xf(s);
    return Number(attributesOf(xf, rootElement(xf)).numFmtId ?? 0) || 0;
  }

  /** Whether cell format `s` shows numbers in the General format (id 0, or a custom code `General`). */
  isGeneral(s: number): boolean {
    const id = this.numFmtIdOf(s);
    if (id === 0) return true;
    for (const [code, known] of this.formatIds)
      if (known === id) return code.toLowerCase() === "general";
    return false;
  }

  /**
   * The index of a cell format that is cell format `s` with `look` on top (or with the
   * number format `numFmtId`), appended when no such format exists yet.
   */
  derive(s: number, look: Look, numFmtId?: number): number {
    const key = `${s}|${look.numFmt ?? ""}|${numFmtId ?? ""}|${look.bold ? 1 : 0}|${look.wrap ? 1 : 0}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const base = this.xf(s);
    const span = rootElement(base);
    let open = base.slice(0, span.openEnd);
    let inner = span.closeStart > span.openEnd ? base.slice(span.openEnd, span.closeStart) : "";
    if (open.endsWith("/>")) open = `${open.slice(0, -2).replace(/\s+$/, "")}>`;
    const formatId = look.numFmt !== undefined ? this.formatId(look.numFmt) : numFmtId;
    if (formatId !== undefined) {
      open = withAttribute(open, "numFmtId", String(formatId));
      open = withAttribute(open, "applyNumberFormat", "1");
    }
    if (look.bold) {
      const fontId = Number(attributesOf(base, span).fontId ?? 0) || 0;
      open = withAttribute(open, "fontId", String(this.boldFont(fontId)));
      open = withAttribute(open, "applyFont", "1");
    }
    if (look.wrap) {
      const alignment = /<([\w]+:)?alignment\b[^>]*?\/?>(?:\s*<\/(?:[\w]+:)?alignment>)?/.exec(
        inner
      );
      if (alignment) {
        let tag = alignment[0].replace(/>\s*<\/(?:[\w]+:)?alignment>$/, "/>");
        tag = withAttribute(tag, "wrapText", "1");
        tag = withAttribute(tag, "vertical", "top");
        inner = inner.replace(alignment[0], tag);
      } else inner = `<${this.prefix}alignment vertical="top" wrapText="1"/>${inner}`;
      open = withAttribute(open, "applyAlignment", "1");
    }
    const xf = inner === "" ? `${open.slice(0, -1)}/>` : `${open}${inner}</${span.qname}>`;
    const index = this.append("cellXfs", xf);
    this.derived.set(key, index);
    return index;
  }

  /** The id of a number format code: built in, already in the part, or appended (≥ 164). */
  formatId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.append(
      "numFmts",
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`
    );
    return id;
  }

  /** The id of a font that is font `fontId` in bold. */
  private boldFont(fontId: number): number {
    const fonts = this.sections.get("fonts")!;
    const all = [...fonts.existing, ...fonts.added];
    const font = all[fontId] ?? all[0] ?? `<${this.prefix}font/>`;
    if (/<([\w]+:)?b(\s+val\s*=\s*["'](1|true)["'])?\s*\/>/.test(font)) return fontId;
    const span = rootElement(font);
    const bold = `<${this.prefix}b/>`;
    const made =
      span.closeStart === span.end
        ? `${font.slice(0, span.openEnd - 2).replace(/\s+$/, "")}>${bold}</${span.qname}>`
        : `${font.slice(0, span.openEnd)}${bold}${font.slice(span.openEnd)}`;
    return this.append("fonts", made);
  }

  /**
   * The index of a differential format filling a cell with `fill` (`#RRGGBB`), for a
   * conditional format's `dxfId`; appended to `<dxfs>` (made when missing) unless one
   * appended before is the same.
   */
  addDxf(fill: string): number {
    const rgb = `FF${fill.replace(/^#/, "").toUpperCase()}`;
    const p = this.prefix;
    return this.append(
      "dxfs",
      `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${escapeXml(rgb)}"/></${p}patternFill></${p}fill></${p}dxf>`
    );
  }

  /** Appends an entry to a section (or finds the same one appended before) and writes the part. */
  private append(name: string, entry: string): number {
    const section = this.sections.get(name)!;
    const same = section.added.indexOf(entry);
    if (same >= 0) return section.existing.length + same;
    if (name === "cellXfs") {
      const existing = section.existing.indexOf(entry);
      if (existing >= 0) return existing;
    }
    section.added.push(entry);
    this.write();
    return section.existing.length + section.added.length - 1;
  }

  /** Writes the part: the original text with the appended entries and counts. */
  private write(): void {
    const edits: Array<[number, number, string]> = [];
    const p = this.prefix;
    for (const [name, section] of this.sections) {
      if (section.added.length === 0) continue;
      const count = String(section.existing.length + section.added.length);
      const entries = section.added.join("");
      const span = section.span;
      if (span) {
        const open = this.text.slice(span.start, span.openEnd);
        const counted = withAttribute(open.endsWith("/>") ? open : open, "count", count);
        if (span.closeStart === span.end)
          edits.push([
            span.start,
            span.end,
            `${counted.slice(0, -2).replace(/\s+$/, "")}>${entries}</${span.qname}>`,
          ]);
        else {
          edits.push([span.start, span.openEnd, counted]);
          edits.push([span.closeStart, span.closeStart, entries]);
        }
      } else {
        const rank = STYLESHEET_ORDER.indexOf(name);
        const after = this.children.find((c) => STYLESHEET_ORDER.indexOf(c.name) > rank);
        const at = after ? after.start : this.root.closeStart;
        edits.push([at, at, `<${p}${name} count="${count}">${entries}</${p}${name}>`]);
      }
    }
    const sorted = edits.sort((a, b) => a[0] - b[0]);
    let out = "";
    let at = 0;
    for (const [start, end, replacement] of sorted) {
      out += this.text.slice(at, start) + replacement;
      at = end;
    }
    this.editor.setText(this.part, out + this.text.slice(at));
  }
}

const editors = new WeakMap<PackageEditor, StylesEditor>();

/**
 * The styles editor of a package editor (made on first use; a package without a styles
 * part gets one).
 *
 * @example
 * stylesOf(editor).addDxf("#FFC7CE"); // a dxfId for a conditional format
 */
export function stylesOf(editor: PackageEditor): StylesEditor {
  let styles = editors.get(editor);
  if (!styles) editors.set(editor, (styles = new StylesEditor(editor)));
  return styles;
}
