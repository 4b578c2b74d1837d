/**
 * Editing a part's XML in place: the text is cut into its markup tokens so that one
 * element can be found, replaced or inserted while every other byte stays as its writer
 * made it. It is used only on parts that {@link parseXml} has already read (well-formed,
 * no DOCTYPE), so markup is exactly what starts with `<`: a `<` cannot occur in text or
 * in an attribute value of such a part.
 */

/** One element found in a text: where it starts and ends, and its name as written. */
export interface ElementSpan {
  /** The name with its prefix, as written (`x:row`). */
  qname: string;
  /** The name without its prefix (`row`). */
  name: string;
  /** Offset of its `<`. */
  start: number;
  /** Offset just after its end tag (or its `/>`). */
  end: number;
  /** Offset just after its start tag's `>`. */
  openEnd: number;
  /** Offset of its end tag's `<` (equal to `end` for an empty element `<a/>`). */
  closeStart: number;
}

/** Markup tokens: comments, CDATA, processing instructions, and tags (quoted attributes may hold `>`). */
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

/** The local part of a qualified name. */
function localOf(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/**
 * The child elements of the element whose start tag ends at `from` and whose end tag
 * starts at `to` (for the root: the whole text's root span), in order.
 *
 * @example
 * const root = rootElement(xml);
 * childElements(xml, root).map((c) => c.name); // ["sheetPr", "dimension", "sheetData", …]
 */
export function childElements(text: string, parent: ElementSpan): ElementSpan[] {
  return elementsBetween(text, parent.openEnd, parent.closeStart, 0);
}

/** The elements at `depth` (0 = direct) between two offsets. */
function elementsBetween(text: string, from: number, to: number, wanted: number): ElementSpan[] {
  const found: ElementSpan[] = [];
  const open: ElementSpan[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const qname = m[2];
    if (!qname) continue; // comment, CDATA, processing instruction
    const isClose = m[1] === "/";
    const selfClosing = m[4] === "/";
    if (isClose) {
      const element = open.pop();
      if (!element) throw new Error(`Unbalanced </${qname}> at ${m.index}`);
      element.closeStart = m.index;
      element.end = m.index + m[0].length;
      if (open.length === wanted) found.push(element);
      continue;
    }
    const end = m.index + m[0].length;
    const element: ElementSpan = {
      qname,
      name: localOf(qname),
      start: m.index,
      end,
      openEnd: end,
      closeStart: end,
    };
    if (selfClosing) {
      if (open.length === wanted) found.push(element);
    } else if (open.length === wanted && element.name === "sheetData") {
      // The cells hold no sheetData: jump over them instead of reading every cell's tags.
      const close = text.indexOf(`</${qname}`, end);
      if (close < 0 || close >= to) throw new Error(`No end tag for <${qname}>`);
      element.closeStart = close;
      element.end = text.indexOf(">", close) + 1;
      found.push(element);
      TOKEN.lastIndex = element.end;
    } else open.push(element);
  }
  return found;
}

/**
 * The root element of an XML text.
 *
 * @example
 * rootElement('<?xml version="1.0"?><worksheet><sheetData/></worksheet>').name; // "worksheet"
 */
export function rootElement(text: string): ElementSpan {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (!m[2] || m[1] === "/") continue;
    const end = m.index + m[0].length;
    const root: ElementSpan = {
      qname: m[2],
      name: localOf(m[2]),
      start: m.index,
      end,
      openEnd: end,
      closeStart: end,
    };
    if (m[4] === "/") return root;
    const close = text.lastIndexOf(`</${m[2]}`);
    if (close < end) throw new Error(`No end tag for <${m[2]}>`);
    root.closeStart = close;
    root.end = text.indexOf(">", close) + 1;
    return root;
  }
  throw new Error("No root element");
}

/** The prefix (with its colon, or "") of a qualified name: new elements are written with the root's. */
export function prefixOf(span: ElementSpan): string {
  return span.qname.slice(0, span.qname.length - span.name.length);
}

/**
 * The attributes of an element's start tag, by name as written (`r:id`), decoded.
 *
 * @example
 * attributesOf('<c r="A1" t="s">', { start: 0, openEnd: 15 } as ElementSpan).r; // "A1"
 */
export function attributesOf(text: string, span: ElementSpan): Record<string, string> {
  const tag = text.slice(span.start, span.openEnd);
  const attrs: Record<string, string> = {};
  const re = /\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) attrs[m[1]] = decodeEntities(m[2] ?? m[3]);
  return attrs;
}

/** XML's five entities and character references decoded. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(
        e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      );
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e]!;
  });
}

/**
 * A start tag with one attribute set (added at the end when missing) or removed (null);
 * every other byte of the tag as it was.
 *
 * @example
 * withAttribute('<tableColumn id="1" name="A"/>', "name", "B"); // '<tableColumn id="1" name="B"/>'
 */
export function withAttribute(tag: string, name: string, value: string | null): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(\\s)${escaped}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  const encoded =
    value === null
      ? null
      : value.replace(
          /[&<>"]/g,
          (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!
        );
  if (re.test(tag))
    return tag.replace(re, (_m: string, space: string) =>
      encoded === null ? "" : `${space}${name}="${encoded}"`
    );
  if (value === null) return tag;
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, "")} ${name}="${encoded}"${tag.slice(close)}`;
}

/**
 * A text with spans replaced: `edits` are [start, end, replacement], not overlapping,
 * in any order.
 *
 * @example
 * splice("abcdef", [[1, 3, "X"]]); // "aXdef"
 */
export function splice(text: string, edits: Array<[number, number, string]>): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pieces: string[] = [];
  let at = 0;
  for (const [start, end, replacement] of sorted) {
    if (start < at) throw new Error(`Overlapping edits at ${start}`);
    pieces.push(text.slice(at, start), replacement);
    at = end;
  }
  pieces.push(text.slice(at));
  return pieces.join("");
}

/**
 * The order of a worksheet's children (CT_Worksheet, ECMA-376 part 1, §18.3.1.99): a new
 * child goes before the first existing one that comes later in this list.
 */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

/**
 * A worksheet's XML with its direct children found once, to replace children by name and
 * insert new ones in schema order; {@link toString} gives the edited text. Children in an
 * `mc:AlternateContent` keep their place. New elements must carry {@link prefix}.
 *
 * @example
 * const sheet = new WorksheetXml(xml);
 * sheet.replace("sheetViews", `<${sheet.prefix}sheetViews>…</${sheet.prefix}sheetViews>`);
 * const edited = sheet.toString();
 */
export class WorksheetXml {
  readonly root: ElementSpan;
  readonly children: ElementSpan[];
  /** The main namespace's prefix as the root uses it (`x:` or ""). */
  readonly prefix: string;
  private readonly edits: Array<[number, number, string]> = [];
  private readonly inserts = new Map<string, string>();

  constructor(readonly text: string) {
    this.root = rootElement(text);
    this.children = childElements(text, this.root);
    this.prefix = prefixOf(this.root);
  }

  /** The first child of that local name. */
  child(name: string): ElementSpan | undefined {
    return this.children.find((c) => c.name === name);
  }

  /** Every child of that local name (`conditionalFormatting` may occur many times). */
  all(name: string): ElementSpan[] {
    return this.children.filter((c) => c.name === name);
  }

  /** The text of a span. */
  textOf(span: ElementSpan): string {
    return this.text.slice(span.start, span.end);
  }

  /** Replaces one child span by `xml` ("" removes it). */
  replaceSpan(span: ElementSpan, xml: string): void {
    this.edits.push([span.start, span.end, xml]);
  }

  /**
   * Sets the children of local name `name` to `xml`: the first existing one is replaced,
   * the others removed; with none, `xml` is inserted where the schema puts it. `""` removes
   * them all. Each name may be set once per {@link WorksheetXml}.
   */
  replace(name: (typeof WORKSHEET_ORDER)[number], xml: string): void {
    const existing = this.all(name);
    if (existing.length > 0) {
      existing.forEach((span, i) => this.replaceSpan(span, i === 0 ? xml : ""));
      return;
    }
    if (xml === "") return;
    this.inserts.set(name, (this.inserts.get(name) ?? "") + xml);
  }

  /** The edited text. */
  toString(): string {
    const edits = [...this.edits];
    const rankOf = (name: string) =>
      WORKSHEET_ORDER.indexOf(name as (typeof WORKSHEET_ORDER)[number]);
    const inserts = [...this.inserts].sort((a, b) => rankOf(a[0]) - rankOf(b[0]));
    for (const [name, xml] of inserts) {
      const rank = WORKSHEET_ORDER.indexOf(name as (typeof WORKSHEET_ORDER)[number]);
      const after = this.children.find((c) => {
        const r = WORKSHEET_ORDER.indexOf(c.name as (typeof WORKSHEET_ORDER)[number]);
        return r > rank;
      });
      const at = after ? after.start : this.root.closeStart;
      edits.push([at, at, xml]);
    }
    if (this.root.closeStart === this.root.end && edits.some(([s]) => s === this.root.end)) {
      throw new Error("Cannot insert into an empty root element <worksheet/>");
    }
    return splice(this.text, edits);
  }
}
