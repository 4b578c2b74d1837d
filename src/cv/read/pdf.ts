/**
 * Reading a PDF CV with pdfjs-dist: the page count and each page's text as lines (see
 * layout.ts). The same code runs in Node (the command, tests) and in the task pane: pdfjs's
 * worker code is imported as a module and runs in the same thread ("fake worker"), so no
 * worker file is fetched, no eval is used, no fonts are loaded and nothing goes to the network.
 */
/// <reference path="./pdfjs.d.ts" />
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { WorkerMessageHandler } from "pdfjs-dist/legacy/build/pdf.worker.mjs";
import type { CvDocument, CvLine } from "../../engine";
import { limitTexts, readTexts } from "../texts";
import { CvReadError } from "./errors";
import { pageLines, type TextPiece } from "./layout";

/** Pages of text read at most; the page count still counts them all. */
export const MAX_TEXT_PAGES = 50;
/** Lines read at most from one CV (50 full pages are ≈ 3,000): more is refused, not cut. */
export const MAX_LINES = 5000;
/** Pieces of text on one PDF page at most (a full page is a few hundred): more is refused. */
export const MAX_PAGE_ITEMS = 20000;

/** The refusal of a CV with more text than a CV has (`what` says what was too much). */
export function tooMuchText(file: string, what: string): CvReadError {
  return new CvReadError(file, "tooLarge", limitTexts.tooMuchText(file, what));
}

/**
 * pdfjs looks for `globalThis.pdfjsWorker.WorkerMessageHandler` before it tries to start a
 * Worker or import a worker file (pdf.mjs, PDFWorker._setupFakeWorkerGlobal): with it set,
 * pdfjs runs its worker side in this thread.
 */
function useWorkerInThisThread(): void {
  const g = globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } };
  if (!g.pdfjsWorker?.WorkerMessageHandler) g.pdfjsWorker = { WorkerMessageHandler };
}

/** The text item fields we use (pdfjs's TextItem; marked-content items have no `str`). */
interface Item {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/**
 * Reads a PDF's pages and lines; throws CvReadError (encrypted, damaged, noText) naming `file`.
 *
 * @example
 * const doc = await readPdf("jansen.pdf", bytes) // { format: "pdf", pages: 3, pagesSource: "pdf", lines }
 */
export async function readPdf(file: string, bytes: Uint8Array): Promise<CvDocument> {
  useWorkerInThisThread();
  const task = getDocument({
    // pdfjs hands the buffer to its worker side (transfer) and refuses a Node Buffer: a plain
    // copy keeps the caller's bytes (a Buffer from fs too) as they were.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      if (name === "PasswordException")
        throw new CvReadError(file, "encrypted", readTexts.encrypted(file), { cause: error });
      throw new CvReadError(file, "damaged", readTexts.damaged(file), { cause: error });
    }
    const lines: CvLine[] = [];
    const pages = pdf.numPages;
    for (let page = 1; page <= Math.min(pages, MAX_TEXT_PAGES); page++) {
      let items: Item[];
      try {
        const content = await (await pdf.getPage(page)).getTextContent();
        items = content.items as Item[];
      } catch (error) {
        throw new CvReadError(file, "damaged", readTexts.damaged(file), { cause: error });
      }
      if (items.length > MAX_PAGE_ITEMS)
        throw tooMuchText(
          file,
          `meer dan ${MAX_PAGE_ITEMS.toLocaleString("nl-NL")} stukjes tekst op pagina ${page}`
        );
      const pieces: TextPiece[] = [];
      for (const item of items) {
        if (typeof item.str !== "string" || !item.transform) continue;
        const [a, b, c, d, e, f] = item.transform;
        const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 0;
        pieces.push({ text: item.str, x: e, y: f, width: item.width ?? 0, size });
      }
      pageLines(pieces).forEach((text, i) => lines.push({ page, line: i + 1, text }));
      if (lines.length > MAX_LINES)
        throw tooMuchText(file, `meer dan ${MAX_LINES.toLocaleString("nl-NL")} regels`);
    }
    if (lines.length === 0) throw new CvReadError(file, "noText", readTexts.noText(file));
    return { file, format: "pdf", pages, pagesSource: "pdf", lines };
  } finally {
    await task.destroy();
  }
}
