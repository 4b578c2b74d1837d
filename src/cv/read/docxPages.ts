/**
 * The page estimate of a .docx without Word's page count: how much room each line of text
 * takes, from the page size and margins (w:sectPr), the columns, and the font size and
 * paragraph spacing of the paragraph's style (word/styles.xml, through `basedOn` to the
 * document defaults) or its own properties; words wrap whole. Measured on LibreOffice's PDFs
 * of the test documents (test/cv/read.pdf.test.ts, "the estimate agrees"), set in DejaVu, the
 * fonts LibreOffice falls back to here: a line is ≈ 1.164 × the font size high (single
 * spacing), a character ≈ 0.55 × the font size wide. Word writes the page count itself
 * (docProps/app.xml), so the estimate serves documents made by other programs. An
 * estimate: the page count it gives says "geschat".
 */
import { SaxesParser } from "saxes";

/** Points per twentieth of a point (twips), the unit of sizes in WordprocessingML. */
const PT_PER_TWIP = 1 / 20;
/** Line height of single spacing, per point of font size. */
export const LINE_HEIGHT = 1.164;
/** What a table row takes beyond its text (its border), in points. */
export const ROW_EXTRA = 0.5;
/** Average width of a character, per point of font size. */
export const CHAR_WIDTH = 0.55;

/** A section's page: the room for text in points and its columns. */
export interface Geometry {
  /** Height of one column of text (page height less top and bottom margins). */
  height: number;
  /** Width of one column of text. */
  width: number;
  columns: number;
}

/** How a paragraph's text is set: font size (pt), spacing before/after (pt), line spacing. */
export interface ParagraphFormat {
  size: number;
  before: number;
  after: number;
  /** Line spacing: a factor of single spacing (`auto`), or an exact/at-least height in points. */
  line: { factor: number } | { points: number; atLeast: boolean };
}

/** A4 with Word's 2.5 cm margins, when a document does not say. */
const A4: Geometry = {
  height: (16838 - 2 * 1417) * PT_PER_TWIP,
  width: (11906 - 2 * 1417) * PT_PER_TWIP,
  columns: 1,
};

const attr = (xml: string, element: string, name: string): number | null => {
  const tag = new RegExp(`<w:${element}\\b[^>]*>`).exec(xml)?.[0];
  const value = tag && new RegExp(`\\bw:${name}="(-?\\d+)"`).exec(tag)?.[1];
  return value ? Number(value) : null;
};

/** The geometry of one w:sectPr's XML. */
function geometry(sectPr: string): Geometry {
  const h = attr(sectPr, "pgSz", "h") ?? 16838;
  const w = attr(sectPr, "pgSz", "w") ?? 11906;
  const top = Math.abs(attr(sectPr, "pgMar", "top") ?? 1417);
  const bottom = Math.abs(attr(sectPr, "pgMar", "bottom") ?? 1417);
  const left = attr(sectPr, "pgMar", "left") ?? 1417;
  const right = attr(sectPr, "pgMar", "right") ?? 1417;
  const columns = Math.max(1, attr(sectPr, "cols", "num") ?? 1);
  const space = attr(sectPr, "cols", "space") ?? 720;
  const text = w - left - right;
  return {
    height: Math.max(100, (h - top - bottom) * PT_PER_TWIP),
    width: Math.max(50, ((text - (columns - 1) * space) / columns) * PT_PER_TWIP),
    columns,
  };
}

/** WordprocessingML's namespaces: transitional (what Word writes) and strict. */
const WML = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);

/** Elements nested deeper than this (Word's go ≈ 20 deep) make a document.xml unreadable. */
const MAX_DEPTH = 256;

/**
 * The sections of a document.xml: where each ends (just before the end of its w:sectPr's
 * start tag, where the parser is) and its page, read with saxes in one pass (no regular
 * expression over the document: a hostile file of unclosed elements must not take long).
 * A paragraph belongs to the first section that ends after it. Throws saxes's error when
 * the XML is not well-formed.
 */
export function sections(xml: string): Section[] {
  const found: Section[] = [];
  const parser = new SaxesParser({ xmlns: true });
  // Depth of w:sectPr elements: a nested one (old properties in w:sectPrChange) is skipped.
  let depth = 0;
  let current: { end: number; parts: string[]; start: string } | null = null;
  // Elements open: saxes looks a prefix up through them, so thousands nested take long.
  let open = 0;
  parser.on("opentag", (tag) => {
    if (++open > MAX_DEPTH) throw new Error(`more than ${MAX_DEPTH} elements nested`);
    if (tag.isSelfClosing) open--;
    if (!WML.has(tag.uri)) return;
    if (tag.local === "sectPr") {
      if (depth++ === 0) current = { end: parser.position - 1, parts: [], start: "nextPage" };
      return;
    }
    if (depth !== 1 || !current) return;
    const attrs = Object.values(tag.attributes).filter((a) => /^[\w-]+$/.test(a.value));
    if (tag.local === "type")
      current.start = attrs.find((a) => a.local === "val")?.value ?? "nextPage";
    else if (tag.local === "pgSz" || tag.local === "pgMar" || tag.local === "cols")
      current.parts.push(
        `<w:${tag.local} ${attrs.map((a) => `w:${a.local}="${a.value}"`).join(" ")}/>`
      );
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) open--;
    if (!WML.has(tag.uri) || tag.local !== "sectPr") return;
    if (--depth === 0 && current) {
      found.push({
        end: current.end,
        geometry: geometry(current.parts.join("")),
        start: current.start,
      });
      current = null;
    }
  });
  parser.write(xml).close();
  return found.length ? found : [{ end: Infinity, geometry: A4, start: "nextPage" }];
}

/** The index of the first section ending at or after `position` (sections are in document order). */
function firstEndingFrom(list: Section[], position: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].end < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Whether the section break at `position` (a paragraph's w:sectPr) starts a new page. The
 * break belongs to the section after it: its w:type says how it starts ("continuous" on the
 * same page; "nextPage", the default, "evenPage", "oddPage" on a new one).
 */
export function breaksPage(list: Section[], position: number): boolean {
  const next = list[firstEndingFrom(list, position)];
  return next ? next.start !== "continuous" : false;
}

/** A section of document.xml: where its w:sectPr is, its page, and how it starts (w:type). */
export interface Section {
  end: number;
  geometry: Geometry;
  start: string;
}

/** The section of the paragraph at `position` in document.xml. */
export function sectionAt(list: Section[], position: number): Geometry {
  return (list[firstEndingFrom(list, position)] ?? list[list.length - 1]).geometry;
}

/** What a style or paragraph sets itself (absent = inherited). */
interface Own {
  size?: number;
  before?: number;
  after?: number;
  line?: number;
  lineRule?: string;
  basedOn?: string;
}

/** The formatting set in a piece of pPr/rPr XML. */
export function ownFormat(xml: string): Own {
  const own: Own = {};
  const sz = attr(xml, "sz", "val");
  if (sz !== null) own.size = sz / 2;
  const spacing = /<w:spacing\b[^>]*>/.exec(xml)?.[0];
  if (spacing) {
    const num = (name: string) => {
      const v = new RegExp(`\\bw:${name}="(-?\\d+)"`).exec(spacing)?.[1];
      return v === undefined ? undefined : Number(v);
    };
    own.before = num("before");
    own.after = num("after");
    own.line = num("line");
    own.lineRule = /\bw:lineRule="(\w+)"/.exec(spacing)?.[1];
  }
  return own;
}

/** The paragraph styles of styles.xml and the document defaults, to resolve a paragraph's format. */
export class StyleBook {
  private readonly styles = new Map<string, Own>();
  private readonly defaults: Own;
  private readonly normal: string | undefined;

  /**
   * Reads styles.xml (absent: Word's defaults, 10 pt, no spacing) with saxes in one pass (no
   * regular expression over the file: hostile unclosed elements must not take long); a
   * broken file gives what was read before the break.
   */
  constructor(xml: string | undefined) {
    let defaults: Own = {};
    let normal: string | undefined;
    // The open w:docDefaults or paragraph w:style: its first w:sz and w:spacing, as XML.
    let current: { id?: string; isDefault: boolean; basedOn?: string; xml: string[] } | null = null;
    let open = 0;
    const parser = new SaxesParser({ xmlns: true });
    parser.on("opentag", (tag) => {
      if (++open > MAX_DEPTH) throw new Error(`more than ${MAX_DEPTH} elements nested`);
      if (tag.isSelfClosing) open--;
      if (!WML.has(tag.uri)) return;
      const value = (name: string) =>
        Object.values(tag.attributes).find((a) => a.local === name)?.value;
      if (!current) {
        if (tag.local === "docDefaults") current = { isDefault: false, xml: [] };
        else if (tag.local === "style" && value("type") === "paragraph" && value("styleId"))
          current = {
            id: value("styleId"),
            isDefault: value("default") === "1" || value("default") === "true",
            xml: [],
          };
        return;
      }
      if (tag.local === "basedOn") current.basedOn ??= value("val");
      else if (tag.local === "sz" || tag.local === "spacing")
        current.xml.push(
          `<w:${tag.local} ${Object.values(tag.attributes)
            .filter((a) => /^[\w-]+$/.test(a.value))
            .map((a) => `w:${a.local}="${a.value}"`)
            .join(" ")}/>`
        );
    });
    parser.on("closetag", (tag) => {
      if (!tag.isSelfClosing) open--;
      if (!current || !WML.has(tag.uri)) return;
      if (tag.local === "docDefaults" && current.id === undefined) {
        defaults = ownFormat(current.xml.join(""));
        current = null;
      } else if (tag.local === "style" && current.id !== undefined) {
        const own = ownFormat(current.xml.join(""));
        own.basedOn = current.basedOn;
        this.styles.set(current.id, own);
        if (current.isDefault) normal = current.id;
        current = null;
      }
    });
    try {
      if (xml) parser.write(xml).close();
    } catch {
      // A broken styles.xml: what was read so far, Word's defaults for the rest.
    }
    this.defaults = defaults;
    this.normal = normal;
  }

  /** The format of a paragraph of style `styleId` with its own properties `own` (pPr and its runs' largest size). */
  format(styleId: string | undefined, own: Own): ParagraphFormat {
    const chain: Own[] = [own];
    const seen = new Set<string>();
    for (let id = styleId ?? this.normal; id && !seen.has(id);) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) break;
      chain.push(style);
      id = style.basedOn;
    }
    chain.push(this.defaults);
    const pick = <K extends keyof Own>(key: K): Own[K] =>
      chain.find((o) => o[key] !== undefined)?.[key];
    const lineRule = pick("lineRule") ?? "auto";
    const line = pick("line");
    return {
      size: pick("size") ?? 10,
      before: (pick("before") ?? 0) * PT_PER_TWIP,
      after: (pick("after") ?? 0) * PT_PER_TWIP,
      line:
        line === undefined
          ? { factor: 1 }
          : lineRule === "auto"
            ? { factor: line / 240 }
            : { points: line * PT_PER_TWIP, atLeast: lineRule === "atLeast" },
    };
  }
}

/** How `text` set in `format` on a column `width` points wide wraps: its lines and their height (points). */
export function textLines(
  text: string,
  format: ParagraphFormat,
  width: number
): { lines: number; height: number } {
  const perLine = Math.max(1, Math.floor(width / (CHAR_WIDTH * format.size)));
  // Whole words to a line (a word longer than a line takes lines of its own).
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) used = need;
    else {
      lines += used === 0 ? 0 : 1;
      lines += Math.floor((word.length - 1) / perLine);
      used = ((word.length - 1) % perLine) + 1;
    }
  }
  const single = LINE_HEIGHT * format.size;
  const height =
    "factor" in format.line
      ? single * format.line.factor
      : format.line.atLeast
        ? Math.max(single, format.line.points)
        : format.line.points;
  return { lines, height };
}
