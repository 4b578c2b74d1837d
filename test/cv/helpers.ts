/** CV documents for the extractor's tests: lines as a reader gives them, numbered per page. */
import type { CvDocument } from "../../src/engine";

/**
 * A document from its pages, each page a list of lines (numbered from 1 per page).
 *
 * @example
 * cvDoc("a.pdf", [["Werkervaring", "2019 – heden Klantmanager"]]);
 */
export function cvDoc(
  file: string,
  pages: string[][],
  options: Partial<Pick<CvDocument, "format" | "pagesSource" | "pages">> = {}
): CvDocument {
  return {
    file,
    format: options.format ?? "pdf",
    pages: options.pages ?? pages.length,
    pagesSource: options.pagesSource ?? "pdf",
    lines: pages.flatMap((lines, p) =>
      lines.map((text, i) => ({ page: p + 1, line: i + 1, text }))
    ),
  };
}
