/**
 * An encrypted PDF CV (a password to open it), made by LibreOffice Writer's PDF export with
 * a password (one start): readCv refuses it with a Dutch message naming the file.
 */
import { Document, Paragraph } from "docx";
import fs from "fs";
import path from "path";
import { convert, soffice } from "../xlsx/libreoffice";
import { docxBytes, readError, tempFolder } from "./readHelpers";

/** LibreOffice's PDF export with a password to open the file (writer_pdf_Export's filter data as JSON). */
const encryptedPdf =
  'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"geheim"}}';

let dir: string;
beforeAll(async () => {
  if (!soffice) throw new Error("LibreOffice (soffice) is needed for this test");
  dir = tempFolder("cv-read-encrypted-");
  const file = path.join(dir, "geheim.docx");
  const doc = new Document({
    sections: [{ children: [new Paragraph("Curriculum vitae Piet Smit")] }],
  });
  fs.writeFileSync(file, await docxBytes(doc));
  convert(dir, file, encryptedPdf, dir);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a PDF with a password to open → encrypted, naming the file", async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(dir, "geheim.pdf")));
  expect(new TextDecoder("latin1").decode(bytes)).toContain("/Encrypt");
  const error = await readError("smit.pdf", bytes);
  expect(error).toMatchObject({ code: "encrypted", file: "smit.pdf" });
  expect(error.message).toBe(
    "smit.pdf: het bestand is beveiligd met een wachtwoord. Sla het op zonder wachtwoord (als PDF of .docx) en lees het opnieuw in."
  );
});
