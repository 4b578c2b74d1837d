/**
 * pdfjs-dist's worker module has no type declarations of its own; we use only the handler
 * it exports (src/cv/read/pdf.ts runs it in the page, without a separate worker file).
 */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
