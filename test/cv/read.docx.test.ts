/**
 * Reading Word CVs (src/cv/read): .docx written here with the `docx` package or as XML, read
 * in document order with pages per line; and the files readCv refuses, each with a Dutch
 * message naming the file (an old .doc made by LibreOffice in one start).
 */
import {
  Document,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Tab,
  Textbox,
  TextRun,
  WidthType,
} from "docx";
import { strToU8, zipSync } from "fflate";
import fs from "fs";
import path from "path";
import { readCv } from "../../src/cv/read";
import { convert, soffice } from "../xlsx/libreoffice";
import { docxBytes, numbered, p, rawDocx, readError, tempFolder } from "./readHelpers";

describe("a .docx CV", () => {
  test("reads paragraphs, page breaks and line numbers per page", async () => {
    const bytes = await docxBytes(
      new Document({
        sections: [
          {
            children: [
              new Paragraph("Curriculum vitae Anna de Vries"),
              new Paragraph("Werkervaring"),
              new Paragraph({
                children: [
                  new TextRun("jan. 2019 – heden"),
                  new PageBreak(),
                  new TextRun("Klantmanager Inkomen"),
                ],
              }),
              new Paragraph("Gemeente Delft"),
              new Paragraph({ text: "Opleiding", pageBreakBefore: true }),
              new Paragraph({
                children: [
                  new TextRun("2010 – 2014"),
                  new TextRun({ children: [new Tab(), "hbo SJD"] }),
                ],
              }),
            ],
          },
        ],
      })
    );
    const doc = await readCv("de-vries.docx", bytes);
    expect(numbered(doc.lines)).toEqual([
      "1.1 Curriculum vitae Anna de Vries",
      "1.2 Werkervaring",
      "1.3 jan. 2019 – heden",
      "2.1 Klantmanager Inkomen",
      "2.2 Gemeente Delft",
      "3.1 Opleiding",
      "3.2 2010 – 2014\thbo SJD",
    ]);
    expect(doc).toMatchObject({
      file: "de-vries.docx",
      format: "docx",
      pages: 3,
      pagesSource: "estimate",
    });
  });

  test("reads a table row by row, each cell its own line, and a text box once where it is anchored", async () => {
    const cell = (text: string) =>
      new TableCell({
        children: [new Paragraph(text)],
        width: { size: 4500, type: WidthType.DXA },
      });
    const bytes = await docxBytes(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new TextRun("Profiel"),
                  new Textbox({
                    style: { width: "200pt", height: "60pt" },
                    children: [new Paragraph("Kader: Civision Inkomen")],
                  }),
                ],
              }),
              new Table({
                rows: [
                  new TableRow({
                    children: [cell("2015 - 2018"), cell("Inkomensconsulent, Gemeente Leiden")],
                  }),
                  new TableRow({
                    children: [cell("2019 – nu"), cell("Klantmanager, Gemeente Delft")],
                  }),
                ],
              }),
              new Paragraph("Referenties op aanvraag"),
            ],
          },
        ],
      })
    );
    const doc = await readCv("tabel.docx", bytes);
    expect(doc.lines.map((l) => l.text)).toEqual([
      "Kader: Civision Inkomen",
      "Profiel",
      "2015 - 2018",
      "Inkomensconsulent, Gemeente Leiden",
      "2019 – nu",
      "Klantmanager, Gemeente Delft",
      "Referenties op aanvraag",
    ]);
  });

  test("reads a text box once: its modern form, not the old copy in mc:Fallback", async () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const body =
      `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      `<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">${box("In het kader")}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml">${box("In het kader")}</v:textbox></w:pict></mc:Fallback>` +
      `</mc:AlternateContent></w:r><w:r><w:t>Erna</w:t></w:r></w:p>`;
    const doc = await readCv("kader.docx", rawDocx(body));
    expect(doc.lines.map((l) => l.text)).toEqual(["In het kader", "Erna"]);
  });

  test("a line break starts a new line; tab stop definitions are no tabs", async () => {
    const body =
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="2000"/></w:tabs></w:pPr>` +
      `<w:r><w:t>Gemeente Delft</w:t><w:br/><w:t>Klantmanager</w:t><w:tab/><w:t>2019</w:t></w:r></w:p>`;
    const doc = await readCv("regels.docx", rawDocx(body));
    expect(doc.lines.map((l) => l.text)).toEqual(["Gemeente Delft", "Klantmanager\t2019"]);
  });

  test("takes the page count from docProps/app.xml when Word wrote it", async () => {
    const body = p("Een") + p("Twee", "<w:pageBreakBefore/>");
    const written = await readCv("vier.docx", rawDocx(body, 4));
    expect(written).toMatchObject({ pages: 4, pagesSource: "properties" });
    expect(numbered(written.lines)).toEqual(["1.1 Een", "2.1 Twee"]);
    const estimated = await readCv("twee.docx", rawDocx(body));
    expect(estimated).toMatchObject({ pages: 2, pagesSource: "estimate" });
  });

  test("estimates pages from the room the text takes when nothing breaks them, and section breaks", async () => {
    // A4, margins 2.5 cm: 700 points of text height; 10-point lines 11.64 points high: 60 a page.
    const lines = (n: number, pPr = "") =>
      Array.from({ length: n }, (_, i) => p(`Regel ${i + 1}`, pPr)).join("");
    const doc = await readCv("lang.docx", rawDocx(lines(130)));
    expect(doc).toMatchObject({ pages: 3, pagesSource: "estimate" });
    expect(doc.lines[59]).toEqual({ page: 1, line: 60, text: "Regel 60" });
    expect(doc.lines[60]).toEqual({ page: 2, line: 1, text: "Regel 61" });
    // 10 points after each paragraph: 32 a page.
    const spaced = await readCv("ruim.docx", rawDocx(lines(100, '<w:spacing w:after="200"/>')));
    expect(spaced.pages).toBe(4);
    expect(spaced.lines[32]).toEqual({ page: 2, line: 1, text: "Regel 33" });
    // 14-point text (a run's size): 42 a page.
    const big = `<w:p><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>Groot</w:t></w:r></w:p>`;
    expect((await readCv("groot.docx", rawDocx(big.repeat(50)))).pages).toBe(2);
    // A section break belongs to the section after it: its w:type says how that one starts.
    const sections =
      p("Eerste sectie", `<w:sectPr><w:type w:val="nextPage"/></w:sectPr>`) +
      p("Tweede sectie, doorlopend", `<w:sectPr><w:type w:val="continuous"/></w:sectPr>`) +
      p("Derde sectie, nieuwe pagina", `<w:sectPr/>`) +
      p("Vierde sectie, nieuwe pagina");
    expect(numbered((await readCv("secties.docx", rawDocx(sections))).lines)).toEqual([
      "1.1 Eerste sectie",
      "1.2 Tweede sectie, doorlopend",
      "2.1 Derde sectie, nieuwe pagina",
      "3.1 Vierde sectie, nieuwe pagina",
    ]);
  });

  test("a long paragraph splits at the page's end leaving two lines; a short one moves whole", async () => {
    // 82 characters a line: 13 words of five letters; 58 lines leave room for two.
    const words = (n: number) => Array.from({ length: n }, () => "woord").join(" ");
    const fill = Array.from({ length: 58 }, (_, i) => p(`Regel ${i + 1}`)).join("");
    const split = await readCv("splitst.docx", rawDocx(fill + p(`Lang ${words(77)}`) + p("Erna")));
    expect(split.lines.slice(58).map((l) => l.page)).toEqual([1, 2]);
    expect(split.pages).toBe(2);
    const moved = await readCv("schuift.docx", rawDocx(fill + p("Kort") + p(`Drie ${words(38)}`)));
    expect(moved.lines.slice(58).map((l) => `${l.page}.${l.line}`)).toEqual(["1.59", "2.1"]);
  });

  test("a table row runs on over the page, unless it may not split", async () => {
    const fill = Array.from({ length: 30 }, (_, i) => p(`Regel ${i + 1}`)).join("");
    const row = (n: number, trPr = "") =>
      `<w:tbl><w:tr>${trPr}<w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/></w:tcPr>` +
      Array.from({ length: n }, (_, i) => p(`Cel ${i + 1}`)).join("") +
      `</w:tc></w:tr></w:tbl>`;
    const runs = await readCv("loopt.docx", rawDocx(fill + row(50) + p("Erna")));
    expect(runs.lines[30]).toMatchObject({ page: 1, text: "Cel 1" });
    expect(runs.pages).toBe(2);
    const kept = await readCv(
      "blijft.docx",
      rawDocx(fill + row(40, "<w:trPr><w:cantSplit/></w:trPr>"))
    );
    expect(kept.lines[30]).toMatchObject({ page: 2, line: 1, text: "Cel 1" });
    expect(kept.pages).toBe(2);
  });

  test("trusts Word's own layout breaks and counts an explicit break Word also marked once", async () => {
    const r = (inner: string) => `<w:r>${inner}</w:r>`;
    const body =
      p("Pagina 1") +
      `<w:p>${r("<w:t>Nog pagina 1</w:t>")}${r('<w:br w:type="page"/>')}</w:p>` +
      `<w:p>${r("<w:lastRenderedPageBreak/><w:t>Pagina 2</w:t>")}</w:p>` +
      `<w:p>${r("<w:t>Doorlopend op</w:t><w:lastRenderedPageBreak/><w:t>pagina 3</w:t>")}</w:p>` +
      Array.from({ length: 60 }, () => p("Word brak hier geen pagina")).join("");
    const doc = await readCv("word.docx", rawDocx(body));
    expect(numbered(doc.lines.slice(0, 5))).toEqual([
      "1.1 Pagina 1",
      "1.2 Nog pagina 1",
      "2.1 Pagina 2",
      "2.2 Doorlopend op",
      "3.1 pagina 3",
    ]);
    expect(doc.pages).toBe(3);
  });

  test("55 pages: all counted, text read from the first 50", async () => {
    const body = Array.from({ length: 55 }, (_, i) =>
      p(`Pagina ${i + 1}`, i > 0 ? "<w:pageBreakBefore/>" : "")
    ).join("");
    const doc = await readCv("lang.docx", rawDocx(body));
    expect(doc.pages).toBe(55);
    expect(doc.lines.length).toBe(50);
    expect(doc.lines[49]).toEqual({ page: 50, line: 1, text: "Pagina 50" });
  });

  test("a .docx with only an image has no text", async () => {
    const body = `<w:p><w:r><w:drawing/></w:r></w:p>`;
    const error = await readError("scan.docx", rawDocx(body));
    expect(error.code).toBe("noText");
    expect(error.message).toBe(
      "scan.docx: geen tekst gevonden (een scan zonder tekstlaag?). Typ de gegevens zelf over."
    );
  });
});

describe("files readCv refuses, each with a Dutch message naming the file", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempFolder("cv-read-docx-");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("an old Word .doc (made by LibreOffice) → oldWord, by content whatever its name", async () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is needed for this test");
    fs.writeFileSync(
      path.join(dir, "oud.docx"),
      await docxBytes(new Document({ sections: [{ children: [new Paragraph("Oud cv")] }] }))
    );
    convert(dir, path.join(dir, "oud.docx"), "doc", dir);
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, "oud.doc")));
    const error = await readError("bakker.doc", bytes);
    expect(error).toMatchObject({ code: "oldWord", file: "bakker.doc" });
    expect(error.message).toMatch(
      /^bakker\.doc: ".doc"-bestanden \(oude Word-indeling\) kan AwardScore niet lezen/
    );
    expect((await readError("bakker.pdf", bytes)).code).toBe("oldWord");
  });

  test("an encrypted Word file (OLE holding EncryptionInfo) → encrypted", async () => {
    // The directory of a compound file names its streams in UTF-16LE; Word's password
    // protection stores the .docx as "EncryptedPackage" beside "EncryptionInfo" (MS-OFFCRYPTO 2.3.4.1).
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));
    bytes.set(name("EncryptionInfo"), 1024);
    bytes.set(name("EncryptedPackage"), 1152);
    const error = await readError("geheim.docx", bytes);
    expect(error.code).toBe("encrypted");
    expect(error.message).toMatch(/^geheim\.docx: het bestand is beveiligd met een wachtwoord/);
  });

  test("random bytes, text, a zip without a Word document, other old Office files → unknownFormat", async () => {
    let seed = 20;
    const random = Uint8Array.from(
      { length: 5000 },
      () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff
    );
    for (const [file, bytes] of [
      ["ruis.pdf", random],
      ["cv.txt", strToU8("Curriculum vitae\nAnna de Vries")],
      ["cv.xlsx", zipSync({ "xl/workbook.xml": strToU8("<workbook/>") })],
      [
        "oud.xls",
        Uint8Array.from([
          0xd0,
          0xcf,
          0x11,
          0xe0,
          0xa1,
          0xb1,
          0x1a,
          0xe1,
          ...new Array(600).fill(0),
        ]),
      ],
    ] as const) {
      const error = await readError(file, bytes);
      expect(error.code).toBe("unknownFormat");
      expect(error.message).toMatch(
        new RegExp(`^${file.replace(".", "\\.")}: dit is geen PDF of Word-bestand`)
      );
    }
  });

  test("a cut-off .docx → damaged", async () => {
    const whole = await docxBytes(
      new Document({ sections: [{ children: [new Paragraph("Heel cv")] }] })
    );
    const error = await readError("half.docx", whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.code).toBe("damaged");
    expect(error.message).toMatch(/^half\.docx: het bestand is beschadigd of onvolledig/);
    const broken = rawDocx("<w:p><w:r><w:t>open</w:r></w:p>");
    expect((await readError("kapot.docx", broken)).code).toBe("damaged");
  });

  test("a file above 20 MB → tooLarge, before reading it", async () => {
    const error = await readError("groot.pdf", new Uint8Array(20 * 1024 * 1024 + 1));
    expect(error.code).toBe("tooLarge");
    expect(error.message).toBe(
      "groot.pdf: het bestand is te groot (20 MB; AwardScore leest cv's tot 20 MB)."
    );
  });
});
