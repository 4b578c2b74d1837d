/**
 * Reading a Word .docx CV: unzip (fflate), then walk word/document.xml (saxes) in document
 * order. Each paragraph is a line (a line break inside it starts a new line); a table's cells
 * are read row by row, cell by cell, each paragraph of a cell its own line (as a PDF of the
 * table reads); text boxes are read where they are anchored (the modern form only, not its
 * old VML copy in mc:Fallback); a tab stays a tab. Headers, footers and notes are not read.
 *
 * Pages: Word (and LibreOffice) write the page count in docProps/app.xml `<Pages>`: used when
 * there ("properties"). Each line's page comes from the breaks: `w:br w:type="page"`,
 * `w:lastRenderedPageBreak` (where Word's last layout broke the page), `w:pageBreakBefore`
 * and section breaks other than "continuous"; when Word's layout breaks are absent, a page
 * also ends when its text fills it (docxPages.ts: page size, margins, columns, font sizes and
 * spacing of the styles). Without `<Pages>` the count is that estimate ("estimate"), and
 * also when the explicit breaks alone make more pages than `<Pages>` says (a stale count).
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import type { CvDocument, CvLine } from "../../engine";
import { readTexts } from "../texts";
import {
  ownFormat,
  ROW_EXTRA,
  sectionAt,
  sections,
  StyleBook,
  textLines,
  breaksPage,
  type ParagraphFormat,
  type Section,
} from "./docxPages";
import { CvReadError } from "./errors";
import { MAX_LINES, MAX_TEXT_PAGES, tooMuchText } from "./pdf";

/** WordprocessingML's namespaces: transitional (what Word writes) and strict. */
const W = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** The main document's path from _rels/.rels (word/document.xml when not found). */
function mainPart(files: Record<string, Uint8Array>): string {
  const rels = files["_rels/.rels"];
  let found: string | undefined;
  if (rels) {
    // saxes, not a regular expression over the file: hostile unclosed tags must not take long.
    const parser = new SaxesParser();
    parser.on("opentag", (tag) => {
      const type = tag.attributes.Type;
      const target = tag.attributes.Target;
      if (
        found === undefined &&
        tag.name.endsWith("Relationship") &&
        target &&
        /\/officeDocument$/.test(type ?? "")
      )
        found = target.replace(/^\//, "");
    });
    try {
      parser.write(new TextDecoder().decode(rels)).close();
    } catch {
      // A broken .rels: what was found before the break, else the usual place.
    }
  }
  return found ?? "word/document.xml";
}

/** The main document's XML, or undefined when the zip holds no Word document (an .xlsx, .odt …). */
export function documentPart(files: Record<string, Uint8Array>): Uint8Array | undefined {
  return files[mainPart(files)] ?? files["word/document.xml"];
}

/** The page count Word wrote in docProps/app.xml, or null. */
function propertiesPages(app: Uint8Array | undefined): number | null {
  if (!app) return null;
  const match = /<(?:\w+:)?Pages>\s*(\d+)\s*</.exec(new TextDecoder().decode(app));
  const pages = match ? Number(match[1]) : NaN;
  return pages > 0 ? pages : null;
}

/**
 * Reads a .docx's lines and pages from its unzipped `files`; throws CvReadError (damaged,
 * noText) naming `file`.
 *
 * @example
 * readDocxFiles("jansen.docx", unzipSync(bytes)) // { format: "docx", pages: 2, pagesSource: "properties", lines }
 */
export function readDocxFiles(file: string, files: Record<string, Uint8Array>): CvDocument {
  const part = documentPart(files);
  if (!part) throw new CvReadError(file, "unknownFormat", readTexts.unknownFormat(file));
  const xml = new TextDecoder().decode(part);
  const rendered = xml.includes("lastRenderedPageBreak");
  const styles = files["word/styles.xml"];
  let sectionList: Section[];
  try {
    // Parses the whole XML once first: a file that is not well-formed stops here.
    sectionList = sections(xml);
  } catch (error) {
    throw new CvReadError(file, "damaged", readTexts.damaged(file), { cause: error });
  }
  const parser = new SaxesParser({ xmlns: true });
  const walk = new Walk(
    rendered,
    new StyleBook(styles && new TextDecoder().decode(styles)),
    sectionList,
    () => parser.position
  );
  parser.on("opentag", (tag) => walk.openTag(tag));
  parser.on("closetag", (tag) => walk.close(tag));
  parser.on("text", (text) => walk.text(text));
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new CvReadError(file, "damaged", readTexts.damaged(file), { cause: error });
  }
  const lines = walk.result();
  if (lines.length === 0) throw new CvReadError(file, "noText", readTexts.noText(file));
  if (lines.length > MAX_LINES)
    throw tooMuchText(file, `meer dan ${MAX_LINES.toLocaleString("nl-NL")} regels`);
  const written = propertiesPages(files["docProps/app.xml"]);
  const estimate = walk.pageCount();
  // A stale <Pages> (a program that changed the text but not the count) is beaten by the
  // explicit breaks, a sure lower bound; then the estimate counts, and says "geschat". The
  // estimate's overflow alone does not overrule Word's count (it may be a page too many).
  const trusted = written !== null && walk.breakPages() <= written ? written : null;
  return {
    file,
    format: "docx",
    pages: trusted ?? estimate,
    pagesSource: trusted ? "properties" : "estimate",
    lines: trusted ? lines.map((l) => (l.page > trusted ? { ...l, page: trusted } : l)) : lines,
  };
}

/** A table row being read: where it started (page, points used), its tallest cell, its lines. */
interface Row {
  page: number;
  start: number;
  end: number;
  /** Index of its first line in the lines made. */
  firstLine: number;
  /** Whether it may not break across pages (w:cantSplit); rows may by default. */
  cantSplit: boolean;
}

/** A paragraph being read: its text so far and what sets its size. */
interface Open {
  text: string;
  styleId?: string;
  /** Spacing and size from its own pPr. */
  own: ReturnType<typeof ownFormat>;
  /** The largest font size of its runs. */
  size?: number;
  /** Where it starts in document.xml (for its section). */
  position: number;
  /** Lines made from it so far. */
  lines: number;
}

/** The walk through document.xml: the text of the open paragraphs, pages and the lines made. */
class Walk {
  private readonly lines: { page: number; text: string }[] = [];
  /** The open paragraphs (a text box opens a paragraph inside another). */
  private readonly paragraphs: Open[] = [];
  /** Inside w:t (text), inside w:pPr, or inside an element whose text we skip (mc:Fallback). */
  private inText = 0;
  private inPPr = 0;
  private skip = 0;
  /** A page break seen since the last line: the next line starts a new page. */
  private pendingBreak = false;
  /** Explicit page breaks taken (each starts a new page). */
  private breaksTaken = 0;
  /** Whether the current page has a line yet. */
  private pageHasText = false;
  /** A section break in the open paragraph's properties that starts a new page after it. */
  private sectionBreak = false;
  private inSectPr = 0;
  /** Inside w:tabs (tab stop definitions, not tab characters). */
  private inTabs = 0;
  /** The page where the current run of text started after an explicit break. */
  private page = 1;
  /** Points of column height used on the current page. */
  private used = 0;
  /** Points of text height on a page, of the last paragraph's section. */
  private capacity: number;
  /**
   * What a point of text takes of the page's height: 1 / the section's columns (text in
   * columns fills them side by side; a section's columns are balanced, as LibreOffice and
   * Word do at a continuous section break).
   */
  private scale: number;
  private readonly rows: Row[] = [];
  /** Widths (points) of the open table cells. */
  private readonly cells: number[] = [];

  /**
   * @param rendered whether Word's layout breaks are present (then no overflow is estimated)
   * @param position where the parser is in document.xml
   */
  constructor(
    private readonly rendered: boolean,
    private readonly styles: StyleBook,
    private readonly sectionList: Section[],
    private readonly position: () => number
  ) {
    const first = sectionAt(sectionList, 0);
    this.capacity = first.height;
    this.scale = 1 / first.columns;
  }

  /** The page count (breaks and, without Word's layout breaks, the estimate's overflow). */
  pageCount(): number {
    return this.page;
  }

  /** The pages the explicit breaks alone make (page and section breaks, Word's layout breaks). */
  breakPages(): number {
    return this.breaksTaken + 1;
  }

  /**
   * Places `lines` lines of `height` points on the page, as a word processor does with
   * widow and orphan control (two lines): they fit, or a paragraph of four lines or more
   * splits leaving at least two on each page, or the whole part moves to the next page.
   * Returns the page where the part starts.
   */
  private place(lines: number, height: number): number {
    if (this.rendered) return this.page;
    const fit = Math.floor((this.capacity - this.used) / height + 0.01);
    if (lines <= fit) {
      this.used += lines * height;
      return this.page;
    }
    if (lines >= 4 && fit >= 2) {
      const start = this.page;
      const rest = lines - Math.min(fit, lines - 2);
      this.page += 1 + Math.floor((rest * height) / this.capacity);
      this.used = (rest * height) % this.capacity;
      return start;
    }
    if (this.used > 0) this.page++;
    this.page += Math.floor((lines * height) / this.capacity);
    this.used = (lines * height) % this.capacity;
    return this.page - Math.floor((lines * height) / this.capacity);
  }

  /** The lines made, numbered per page from 1. */
  result(): CvLine[] {
    const counts = new Map<number, number>();
    return this.lines
      .filter((l) => l.page <= MAX_TEXT_PAGES)
      .map((l) => {
        const line = (counts.get(l.page) ?? 0) + 1;
        counts.set(l.page, line);
        return { page: l.page, line, text: l.text };
      });
  }

  private attr(tag: SaxesTagNS, local: string): string | undefined {
    for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
    return undefined;
  }

  private get open(): Open | undefined {
    return this.paragraphs[this.paragraphs.length - 1];
  }

  /** The open paragraph's format and the width of its column (or table cell). */
  private layout(p: Open): { format: ParagraphFormat; width: number } {
    const geometry = sectionAt(this.sectionList, p.position);
    this.capacity = geometry.height;
    this.scale = 1 / geometry.columns;
    const format = this.styles.format(p.styleId, { ...p.own, size: p.size ?? p.own.size });
    const cell = this.cells[this.cells.length - 1];
    const width =
      cell === undefined ? geometry.width : Number.isNaN(cell) ? geometry.width / 2 : cell;
    return { format, width };
  }

  /**
   * Ends the open paragraph's current line (at a line or page break, or at the paragraph's
   * end). A pending page break moves to the next page at the next text, or at a paragraph's
   * end even without text (its mark sits on the new page, as in Word).
   */
  private flush(paragraphEnd = false): void {
    const p = this.open;
    if (!p) return;
    const text = p.text
      .replace(/[ \u00a0]+/g, " ")
      .replace(/ *\t */g, "\t")
      .trim();
    p.text = "";
    if (!text && !paragraphEnd) return;
    if (this.pendingBreak) {
      this.breaksTaken++;
      this.page++;
      this.used = 0;
      this.pendingBreak = false;
      this.pageHasText = false;
    }
    const { format, width } = this.layout(p);
    if (p.lines === 0 && this.used > 0) this.used += format.before * this.scale;
    if (text || p.lines === 0) {
      const { lines, height } = textLines(text, format, width);
      const page = this.place(lines, height * this.scale);
      if (text) {
        this.lines.push({ page, text });
        this.pageHasText = true;
        p.lines++;
      }
    }
    if (paragraphEnd) this.used += format.after * this.scale;
  }

  /** Notes a page break: the next line starts a new page. */
  private pageBreak(): void {
    this.flush();
    this.pendingBreak = true;
  }

  /** Adds text to the open paragraph. */
  private add(text: string): void {
    const p = this.open;
    if (p) p.text += text;
  }

  /** An element opens. */
  openTag(tag: SaxesTagNS): void {
    if (tag.uri === MC && tag.local === "Fallback") this.skip++;
    if (this.skip) return;
    if (!W.has(tag.uri)) return;
    const p = this.open;
    switch (tag.local) {
      case "p":
        this.paragraphs.push({ text: "", own: {}, position: this.position(), lines: 0 });
        break;
      case "pPr":
        this.inPPr++;
        break;
      case "pStyle":
        if (p && this.inPPr) p.styleId = this.attr(tag, "val");
        break;
      case "spacing":
        if (p && this.inPPr && !this.inSectPr) {
          const own = ownFormat(
            `<w:spacing ${Object.values(tag.attributes)
              .map((a) => `w:${a.local}="${a.value}"`)
              .join(" ")}/>`
          );
          p.own = {
            ...p.own,
            ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)),
          };
        }
        break;
      case "sz": {
        const size = Number(this.attr(tag, "val")) / 2;
        if (p && size > 0) p.size = Math.max(p.size ?? 0, size);
        break;
      }
      case "t":
        this.inText++;
        break;
      case "tabs":
        this.inTabs++;
        break;
      case "tab":
        if (!this.inTabs) this.add("\t");
        break;
      case "noBreakHyphen":
        this.add("-");
        break;
      case "br":
        if (this.attr(tag, "type") === "page") this.pageBreak();
        else this.flush();
        break;
      case "cr":
        this.flush();
        break;
      case "lastRenderedPageBreak":
        // Word also marks the start of a page it broke by an explicit break: count that once.
        if (this.pageHasText) this.pageBreak();
        break;
      case "pageBreakBefore": {
        const val = this.attr(tag, "val");
        if (val !== "0" && val !== "false" && val !== "off") this.pendingBreak = true;
        break;
      }
      case "sectPr":
        this.inSectPr++;
        if (p) this.sectionBreak = breaksPage(this.sectionList, this.position());
        break;
      case "tr":
        this.rows.push({
          page: this.page,
          start: this.used,
          end: this.used,
          firstLine: this.lines.length,
          cantSplit: false,
        });
        break;
      case "tc": {
        const row = this.rows[this.rows.length - 1];
        if (row) {
          this.page = row.page;
          this.used = row.start;
        }
        this.cells.push(NaN);
        break;
      }
      case "cantSplit": {
        const row = this.rows[this.rows.length - 1];
        const val = this.attr(tag, "val");
        if (row) row.cantSplit = val !== "0" && val !== "false" && val !== "off";
        break;
      }
      case "tcW": {
        // A cell's width in twips (type dxa); other types: half the column.
        const w = Number(this.attr(tag, "w"));
        const dxa = (this.attr(tag, "type") ?? "dxa") === "dxa" && w > 0;
        // Less Word's default cell margins (108 twips each side).
        if (this.cells.length) this.cells[this.cells.length - 1] = dxa ? (w - 216) / 20 : NaN;
        break;
      }
    }
  }

  /** An element closes. */
  close(tag: SaxesTagNS): void {
    if (tag.uri === MC && tag.local === "Fallback") {
      this.skip--;
      return;
    }
    if (this.skip || !W.has(tag.uri)) return;
    switch (tag.local) {
      case "t":
        this.inText--;
        break;
      case "pPr":
        this.inPPr--;
        break;
      case "p":
        this.flush(true);
        this.paragraphs.pop();
        if (this.sectionBreak) {
          this.sectionBreak = false;
          this.pendingBreak = true;
        }
        break;
      case "tabs":
        this.inTabs--;
        break;
      case "sectPr":
        this.inSectPr--;
        break;
      case "tc": {
        const row = this.rows[this.rows.length - 1];
        // Within the row's page (a cell that ran over counts as running on, down the page).
        if (row) row.end = Math.max(row.end, this.used + (this.page - row.page) * this.capacity);
        this.cells.pop();
        break;
      }
      case "tr": {
        const row = this.rows.pop();
        if (!row || this.rendered) break;
        this.page = row.page;
        this.used = Math.max(row.end, row.start) + ROW_EXTRA;
        if (this.used > this.capacity + 0.01) {
          // A row that may not split and does not fit moves to the next page, its lines too;
          // others run on over the page (their lines' pages are where their cells put them).
          const move = row.cantSplit && row.start > 0;
          if (move) {
            this.page++;
            this.used -= row.start;
          }
          this.page += Math.floor(this.used / this.capacity);
          this.used %= this.capacity;
          if (move)
            for (let i = row.firstLine; i < this.lines.length; i++) this.lines[i].page = this.page;
        }
        break;
      }
    }
  }

  /** Text inside an element. */
  text(text: string): void {
    if (this.inText && !this.skip) this.add(text);
  }
}
