/**
 * Helpers of the CV reading tests (test/cv/read*.test.ts): writing small .docx files (the
 * `docx` package, or a zip of XML strings with fflate), converting them with LibreOffice in
 * one start, and expecting a CvReadError.
 */
import { Packer, type Document } from "docx";
import { strToU8, zipSync } from "fflate";
import fs from "fs";
import os from "os";
import path from "path";
import { CvReadError, readCv } from "../../src/cv/read";

/** A Document's .docx bytes. */
export async function docxBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/**
 * A minimal .docx from the XML of `body` (the children of w:body), with docProps/app.xml
 * holding `<Pages>` when `pages` is given.
 */
export function rawDocx(body: string, pages?: number): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`
    ),
    "docProps/app.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">${pages === undefined ? "" : `<Pages>${pages}</Pages>`}<Application>Test</Application></Properties>`
    ),
  };
  return zipSync(files);
}

/** A paragraph of plain text in WordprocessingML. */
export const p = (text: string, pPr = "") =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A fresh folder in the run's temporary folder (removed by the caller's afterAll). */
export function tempFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The error readCv throws for `bytes` (fails the test when it reads them). */
export async function readError(file: string, bytes: Uint8Array): Promise<CvReadError> {
  try {
    await readCv(file, bytes);
  } catch (error) {
    if (error instanceof CvReadError) return error;
    throw error;
  }
  throw new Error(`${file} was read, an error was expected`);
}

/** The lines as "page.line text", for comparing in one expectation. */
export const numbered = (lines: { page: number; line: number; text: string }[]) =>
  lines.map((l) => `${l.page}.${l.line} ${l.text}`);
