/**
 * Reading CV files into lines (src/cv/read): PDF (pdfjs-dist) and Word .docx (fflate +
 * saxes), recognised by content. Runs unchanged in Node and in the task pane's lazy chunk:
 * no Node API, no network, no worker file.
 */
import type { CvDocument } from "../../engine";
import { limitTexts, readTexts } from "../texts";
import { readDocxFiles } from "./docx";
import { CvReadError, tooLargeError } from "./errors";
import { hasStream, sniff } from "./format";
import { readPdf } from "./pdf";
import { MAX_UNZIPPED_MB, UnzipError, unzipCapped } from "./zip";

export { CvReadError, MAX_FILE_MB, tooLargeError, type CvReadErrorCode } from "./errors";

/**
 * Reads one CV file (by its bytes) into lines. Throws CvReadError with a Dutch message
 * naming the file: tooLarge (> 20 MB, a .docx unpacking to > 30 MB), encrypted, noText (no text on any page: a scan),
 * oldWord (.doc), unknownFormat, damaged. Reads at most 50 pages of text. The format comes
 * from the content (PDF, a zip holding a Word document, OLE), never from the name.
 *
 * @example
 * const doc = await readCv("jansen.pdf", new Uint8Array(await file.arrayBuffer()))
 * doc.lines[0] // { page: 1, line: 1, text: "Curriculum vitae" }
 */
export async function readCv(file: string, bytes: Uint8Array): Promise<CvDocument> {
  const tooLarge = tooLargeError(file, bytes.length);
  if (tooLarge) throw tooLarge;
  switch (sniff(bytes)) {
    case "pdf":
      return readPdf(file, bytes);
    case "zip": {
      let files: Record<string, Uint8Array>;
      try {
        files = unzipCapped(
          bytes,
          (name) =>
            name === "_rels/.rels" ||
            name === "docProps/app.xml" ||
            /^word\/[^/]+\.xml$/.test(name),
          MAX_UNZIPPED_MB * 1024 * 1024
        );
      } catch (error) {
        if (error instanceof UnzipError && error.reason === "tooLarge")
          throw new CvReadError(
            file,
            "tooLarge",
            limitTexts.unzippedTooLarge(file, MAX_UNZIPPED_MB),
            { cause: error }
          );
        throw new CvReadError(file, "damaged", readTexts.damaged(file), { cause: error });
      }
      return readDocxFiles(file, files);
    }
    case "ole":
      if (hasStream(bytes, "EncryptionInfo"))
        throw new CvReadError(file, "encrypted", readTexts.encrypted(file));
      if (hasStream(bytes, "WordDocument"))
        throw new CvReadError(file, "oldWord", readTexts.oldWord(file));
      // Another old Office file (.xls, .ppt, .msg …).
      throw new CvReadError(file, "unknownFormat", readTexts.unknownFormat(file));
    default:
      throw new CvReadError(file, "unknownFormat", readTexts.unknownFormat(file));
  }
}
