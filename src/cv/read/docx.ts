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
 * also ends after ~45 lines of text (≈ 95 characters a line). Without `<Pages>` the count is
 * that estimate ("estimate").
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import type { CvDocument, CvLine } from "../../engine";
import { readTexts } from "../texts";
import { CvReadError } from "./errors";
import { MAX_TEXT_PAGES } from "./pdf";

/** WordprocessingML's namespaces: transitional (what Word writes) and strict. */
const W = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Lines of text on a page, for the estimate. */
export const LINES_PER_PAGE = 45;
/** Characters on one line of text, for the estimate. */
const CHARS_PER_LINE = 95;

/** The main document's path from _rels/.rels (word/document.xml when not found). */
function mainPart(files: Record<string, Uint8Array>): string {
  const rels = files["_rels/.rels"];
  if (rels) {
    const xml = new TextDecoder().decode(rels);
    for (const rel of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
      if (/Type="[^"]*\/officeDocument"/.test(rel)) {
        const target = /Target="([^"]+)"/.exec(rel)?.[1];
        if (target) return target.replace(/^\//, "");
      }
    }
  }
  return "word/document.xml";
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
  const walk = new Walk(rendered);
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => walk.open(tag));
  parser.on("closetag", (tag) => walk.close(tag));
  parser.on("text", (text) => walk.text(text));
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new CvReadError(file, "damaged", readTexts.damaged(file), { cause: error });
  }
  const lines = walk.result();
  if (lines.length === 0) throw new CvReadError(file, "noText", readTexts.noText(file));
  const written = propertiesPages(files["docProps/app.xml"]);
  const estimate = walk.pageCount();
  return {
    file,
    format: "docx",
    pages: written ?? estimate,
    pagesSource: written ? "properties" : "estimate",
    lines: written ? lines.map((l) => (l.page > written ? { ...l, page: written } : l)) : lines,
  };
}

/** A table row being read: where its text started (lines used on the page) and its tallest cell. */
interface Row {
  start: number;
  end: number;
}

/** The walk through document.xml: the text of the open paragraphs, pages and the lines made. */
class Walk {
  private readonly lines: { page: number; text: string }[] = [];
  /** Text of each open paragraph (text boxes open a paragraph inside another). */
  private readonly paragraphs: string[] = [];
  /** Inside w:t (text), or inside an element whose text we skip (mc:Fallback). */
  private inText = 0;
  private skip = 0;
  /** A page break seen since the last line: the next line starts a new page. */
  private pendingBreak = false;
  /** Whether the current page has a line yet. */
  private pageHasText = false;
  /** A section break in the open paragraph's properties (applies after it). */
  private sectionBreak = false;
  private inSectPr = 0;
  /** Inside w:tabs (tab stop definitions, not tab characters). */
  private inTabs = 0;
  /** The page where the current run of text started after an explicit break. */
  private breakPage = 1;
  /** Lines of text used since then (the estimate's overflow). */
  private used = 0;
  private readonly rows: Row[] = [];

  /** @param rendered whether Word's layout breaks are present (then no overflow is estimated) */
  constructor(private readonly rendered: boolean) {}

  /** The current page. */
  private page(): number {
    return this.rendered ? this.breakPage : this.breakPage + Math.floor(this.used / LINES_PER_PAGE);
  }

  /** The estimated page count (at least the last line's page). */
  pageCount(): number {
    if (this.rendered) return this.breakPage;
    return this.breakPage + Math.max(0, Math.ceil(this.used / LINES_PER_PAGE) - 1);
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

  /**
   * Ends the open paragraph's current line (at a line or page break, or at the paragraph's
   * end). A pending page break moves to the next page at the next text, or at a paragraph's
   * end even without text (its mark sits on the new page, as in Word).
   */
  private flush(paragraphEnd = false): void {
    const open = this.paragraphs.length - 1;
    if (open < 0) return;
    const text = this.paragraphs[open]
      .replace(/[ \u00a0]+/g, " ")
      .replace(/ *\t */g, "\t")
      .trim();
    this.paragraphs[open] = "";
    if (!text && !paragraphEnd) return;
    if (this.pendingBreak) {
      this.breakPage = this.page() + 1;
      this.used = 0;
      this.pendingBreak = false;
      this.pageHasText = false;
    }
    if (!text) {
      this.used += 0.5;
      return;
    }
    this.lines.push({ page: this.page(), text });
    this.pageHasText = true;
    this.used += Math.max(1, Math.ceil(text.length / CHARS_PER_LINE));
  }

  /** Notes a page break: the next line starts a new page. */
  private pageBreak(): void {
    this.flush();
    this.pendingBreak = true;
  }

  open(tag: SaxesTagNS): void {
    if (tag.uri === MC && tag.local === "Fallback") this.skip++;
    if (this.skip) return;
    if (!W.has(tag.uri)) return;
    switch (tag.local) {
      case "p":
        this.paragraphs.push("");
        break;
      case "t":
        this.inText++;
        break;
      case "tabs":
        this.inTabs++;
        break;
      case "tab":
        if (this.paragraphs.length && !this.inTabs)
          this.paragraphs[this.paragraphs.length - 1] += "\t";
        break;
      case "noBreakHyphen":
        if (this.paragraphs.length) this.paragraphs[this.paragraphs.length - 1] += "-";
        break;
      case "br": {
        const type = this.attr(tag, "type");
        if (type === "page") this.pageBreak();
        else this.flush();
        break;
      }
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
        if (this.paragraphs.length) this.sectionBreak = true;
        break;
      case "type":
        if (this.inSectPr && this.attr(tag, "val") === "continuous") this.sectionBreak = false;
        break;
      case "tr":
        this.rows.push({ start: this.used, end: this.used });
        break;
      case "tc": {
        const row = this.rows[this.rows.length - 1];
        if (row) this.used = row.start;
        break;
      }
    }
  }

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
        if (row) row.end = Math.max(row.end, this.used);
        break;
      }
      case "tr": {
        const row = this.rows.pop();
        if (row) this.used = Math.max(row.end, this.used);
        break;
      }
    }
  }

  text(text: string): void {
    if (this.inText && !this.skip && this.paragraphs.length)
      this.paragraphs[this.paragraphs.length - 1] += text;
  }
}
