/**
 * Reading PDF CVs (src/cv/read/pdf.ts, layout.ts): .docx written here, made PDF by
 * LibreOffice Writer in one start, read back with the pages and lines where LibreOffice put
 * them: several pages, two columns, a table, tab stops, a text box; a page image without a
 * text layer (rendered by pdftoppm) gives "geen tekst gevonden"; a cut-off PDF is damaged.
 */
import {
  ColumnBreak,
  Document,
  HeadingLevel,
  ImageRun,
  PageBreak,
  Paragraph,
  SectionType,
  Tab,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  WidthType,
} from "docx";
import { execFileSync } from "child_process";
import { zlibSync } from "fflate";
import fs from "fs";
import path from "path";
import { readCv } from "../../src/cv/read";
import { convert, pdftoppm, soffice } from "../xlsx/libreoffice";
import { docxBytes, numbered, readError, tempFolder } from "./readHelpers";

/** The CVs written here as .docx, by name. */
const cvs: Record<string, () => Document> = {
  pages: () =>
    new Document({
      sections: [
        {
          children: [
            new Paragraph("Curriculum vitae Jan Jansen"),
            new Paragraph("Werkervaring"),
            new Paragraph({ children: [new TextRun("2019 – nu"), new PageBreak()] }),
            new Paragraph("Klantmanager Inkomen, Gemeente Delft"),
            new Paragraph({ text: "Opleiding", pageBreakBefore: true }),
            new Paragraph("hbo Sociaal Juridische Dienstverlening"),
          ],
        },
      ],
    }),
  columns: () =>
    new Document({
      sections: [
        { children: [new Paragraph("Curriculum vitae Sara Bos")] },
        {
          properties: { type: SectionType.CONTINUOUS, column: { count: 2, space: 720 } },
          children: [
            new Paragraph("Persoonlijk"),
            new Paragraph("Woonplaats Gouda"),
            new Paragraph("Talen"),
            new Paragraph("Nederlands, Engels"),
            new Paragraph({ children: [new TextRun("Vaardigheden Civision"), new ColumnBreak()] }),
            new Paragraph("Werkervaring"),
            new Paragraph("maart 2018 – heden"),
            new Paragraph(
              "Klantmanager Inkomen bij de Gemeente Gouda, waar ik aanvragen voor levensonderhoud beoordeel en inwoners begeleid naar werk."
            ),
            new Paragraph("2012 - 2018 Consulent, Gemeente Woerden"),
          ],
        },
        {
          properties: { type: SectionType.CONTINUOUS },
          children: [new Paragraph("Referenties op aanvraag")],
        },
      ],
    }),
  table: () => {
    const cell = (text: string) =>
      new TableCell({
        children: [new Paragraph(text)],
        width: { size: 4500, type: WidthType.DXA },
      });
    return new Document({
      sections: [
        {
          children: [
            new Paragraph("Werkervaring"),
            new Table({
              rows: [
                new TableRow({
                  children: [cell("2015 - 2018"), cell("Inkomensconsulent, Gemeente Leiden")],
                }),
                new TableRow({
                  children: [cell("2019 – heden"), cell("Klantmanager, Gemeente Delft")],
                }),
                new TableRow({
                  children: [cell("2010 - 2015"), cell("Medewerker, Gemeente Zeist")],
                }),
              ],
            }),
          ],
        },
      ],
    });
  },
  tabs: () =>
    new Document({
      sections: [
        {
          children: [
            new Paragraph("Werkervaring"),
            ...[
              ["2019 – heden", "Klantmanager Inkomen, Gemeente Delft"],
              ["2015 – 2019", "Inkomensconsulent, Gemeente Leiden"],
              ["2010 – 2015", "Medewerker Participatiewet, Gemeente Zeist"],
            ].map(
              ([when, what]) =>
                new Paragraph({
                  tabStops: [{ type: "left", position: 3000 }],
                  children: [new TextRun(when), new TextRun({ children: [new Tab(), what] })],
                })
            ),
          ],
        },
      ],
    }),
  textbox: () =>
    new Document({
      sections: [
        {
          children: [
            new Paragraph("Profiel"),
            new Paragraph({
              children: [
                new Textbox({
                  style: { width: "250pt", height: "40pt" },
                  children: [new Paragraph("Specialist Civision Inkomen")],
                }),
              ],
            }),
            new Paragraph("Einde"),
          ],
        },
      ],
    }),
  five: () => fivePages(),
  flow: () => flowing(),
  many: () =>
    new Document({
      sections: [
        {
          children: Array.from(
            { length: 55 },
            (_, i) => new Paragraph({ text: `Pagina ${i + 1}`, pageBreakBefore: i > 0 })
          ),
        },
      ],
    }),
};

/** A CV of five full pages: 40 lines of work history a page. */
export function fivePages(): Document {
  const children: Paragraph[] = [];
  for (let page = 1; page <= 5; page++) {
    for (let i = 1; i <= 40; i++)
      children.push(
        new Paragraph({
          pageBreakBefore: page > 1 && i === 1,
          children: [
            new TextRun(
              `Pagina ${page} regel ${i}: jan. 2019 – heden Klantmanager Inkomen, Gemeente Delft`
            ),
          ],
        })
      );
  }
  return new Document({ sections: [{ children }] });
}

/**
 * A CV whose pages only its length breaks (no page breaks): headings, paragraphs with
 * spacing, long paragraphs that wrap, tables, and a continuous section in two columns; for
 * comparing the .docx estimate with LibreOffice's layout.
 */
function flowing(): Document {
  const part = (from: number, to: number) => {
    const children: (Paragraph | Table)[] = [];
    for (let s = from; s <= to; s++) {
      children.push(
        new Paragraph({ text: `Sectie ${s} Werkervaring`, heading: HeadingLevel.HEADING_1 })
      );
      for (let i = 1; i <= 6; i++)
        children.push(
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun(
                `S${s}P${i} ` +
                  "Klantmanager Inkomen bij de gemeente, verantwoordelijk voor het beoordelen van aanvragen levensonderhoud. ".repeat(
                    1 + ((s + i) % 3)
                  )
              ),
            ],
          })
        );
      if (s === 3 || s === 9)
        children.push(
          new Table({
            rows: [1, 2, 3].map(
              (r) =>
                new TableRow({
                  children: [
                    `S${s}T${r} 2015 - 2018`,
                    `S${s}U${r} Inkomensconsulent, Gemeente Leiden`,
                  ].map(
                    (t) =>
                      new TableCell({
                        children: [new Paragraph(t)],
                        width: { size: 4500, type: WidthType.DXA },
                      })
                  ),
                })
            ),
          })
        );
    }
    return children;
  };
  return new Document({
    sections: [
      { children: part(1, 3) },
      {
        properties: { type: SectionType.CONTINUOUS, column: { count: 2, space: 720 } },
        children: part(4, 6),
      },
      { properties: { type: SectionType.CONTINUOUS }, children: part(7, 9) },
    ],
  });
}

let dir: string;
const pdf = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, `${name}.pdf`)));
const texts = async (name: string) =>
  (await readCv(`${name}.pdf`, pdf(name))).lines.map((l) => l.text);

beforeAll(async () => {
  if (!soffice) throw new Error("LibreOffice (soffice) is needed for this test");
  dir = tempFolder("cv-read-pdf-");
  const files: string[] = [];
  for (const [name, make] of Object.entries(cvs)) {
    const file = path.join(dir, `${name}.docx`);
    fs.writeFileSync(file, await docxBytes(make()));
    files.push(file);
  }
  convert(dir, files, "pdf", dir);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("several pages: the page count and each line's page and number, as LibreOffice laid them out", async () => {
  const doc = await readCv("jansen.pdf", pdf("pages"));
  expect(doc).toMatchObject({ file: "jansen.pdf", format: "pdf", pages: 3, pagesSource: "pdf" });
  expect(numbered(doc.lines)).toEqual([
    "1.1 Curriculum vitae Jan Jansen",
    "1.2 Werkervaring",
    "1.3 2019 – nu",
    "2.1 Klantmanager Inkomen, Gemeente Delft",
    "3.1 Opleiding",
    "3.2 hbo Sociaal Juridische Dienstverlening",
  ]);
});

test("two columns are read one after the other, never glued into one line", async () => {
  const lines = await texts("columns");
  const left = [
    "Persoonlijk",
    "Woonplaats Gouda",
    "Talen",
    "Nederlands, Engels",
    "Vaardigheden Civision",
  ];
  expect(lines[0]).toBe("Curriculum vitae Sara Bos");
  expect(lines.slice(1, 6)).toEqual(left);
  expect(lines.slice(6, 8)).toEqual(["Werkervaring", "maart 2018 – heden"]);
  // The right column wraps in its width: its lines, joined, are its paragraphs.
  expect(lines.slice(8, -1).join(" ")).toBe(
    "Klantmanager Inkomen bij de Gemeente Gouda, waar ik aanvragen voor levensonderhoud beoordeel en inwoners begeleid naar werk. 2012 - 2018 Consulent, Gemeente Woerden"
  );
  expect(lines.slice(8, -1).length).toBeGreaterThan(2);
  expect(lines[lines.length - 1]).toBe("Referenties op aanvraag");
});

test("a table and tab stops are read row by row, each cell or tab column its own line", async () => {
  expect(await texts("table")).toEqual([
    "Werkervaring",
    "2015 - 2018",
    "Inkomensconsulent, Gemeente Leiden",
    "2019 – heden",
    "Klantmanager, Gemeente Delft",
    "2010 - 2015",
    "Medewerker, Gemeente Zeist",
  ]);
  expect(await texts("tabs")).toEqual([
    "Werkervaring",
    "2019 – heden",
    "Klantmanager Inkomen, Gemeente Delft",
    "2015 – 2019",
    "Inkomensconsulent, Gemeente Leiden",
    "2010 – 2015",
    "Medewerker Participatiewet, Gemeente Zeist",
  ]);
});

test("a text box's text is read", async () => {
  const lines = await texts("textbox");
  expect(lines).toContain("Specialist Civision Inkomen");
  expect(lines).toEqual(expect.arrayContaining(["Profiel", "Einde"]));
});

test("five full pages: 40 lines on each, numbered per page", async () => {
  const doc = await readCv("vijf.pdf", pdf("five"));
  expect(doc.pages).toBe(5);
  for (let page = 1; page <= 5; page++) {
    const lines = doc.lines.filter((l) => l.page === page);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(lines[39].text).toBe(
      `Pagina ${page} regel 40: jan. 2019 – heden Klantmanager Inkomen, Gemeente Delft`
    );
  }
});

test("55 pages: all counted, text read from the first 50", async () => {
  const doc = await readCv("lang.pdf", pdf("many"));
  expect(doc.pages).toBe(55);
  expect(doc.lines.length).toBe(50);
  expect(doc.lines[49]).toEqual({ page: 50, line: 1, text: "Pagina 50" });
});

test("a .docx without page breaks (two columns in a part): the estimate agrees with LibreOffice's layout", async () => {
  const fromPdf = await readCv("flow.pdf", pdf("flow"));
  const docx = new Uint8Array(fs.readFileSync(path.join(dir, "flow.docx")));
  const estimated = await readCv("flow.docx", docx);
  expect(fromPdf.pages).toBeGreaterThanOrEqual(3);
  expect(estimated).toMatchObject({ pages: fromPdf.pages, pagesSource: "estimate" });
  // Each paragraph's page: in the PDF, the page of the line that starts with its tag.
  const tag = (text: string) => /^S\d+[PTU]\d+ /.exec(text)?.[0];
  const pdfPage = new Map(
    fromPdf.lines.filter((l) => tag(l.text)).map((l) => [tag(l.text), l.page])
  );
  const tagged = estimated.lines.filter((l) => tag(l.text));
  const same = tagged.filter((l) => pdfPage.get(tag(l.text)) === l.page).length;
  expect(tagged.length).toBe(pdfPage.size);
  expect(same / tagged.length).toBeGreaterThanOrEqual(0.9);
});

/** A one-page PDF that holds only an RGB image (a scan): no text layer. */
function imagePdf(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const image = zlibSync(rgb);
  const content = "q 595 0 0 842 0 0 cm /Im0 Do Q";
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (part: string | Uint8Array) => {
    const bytes = typeof part === "string" ? Buffer.from(part, "latin1") : part;
    parts.push(bytes);
    length += bytes.length;
  };
  const object = (n: number, body: string, stream?: Uint8Array) => {
    offsets[n] = length;
    add(`${n} 0 obj\n${body}\n`);
    if (stream) (add("stream\n"), add(stream), add("\nendstream\n"));
    add("endobj\n");
  };
  add("%PDF-1.4\n");
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(
    3,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>"
  );
  object(
    4,
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>`,
    image
  );
  object(5, `<< /Length ${content.length} >>`, Buffer.from(content, "latin1"));
  const xref = length;
  add(
    `xref\n0 6\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
      .join("")}`
  );
  add(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

test("a scanned page (an image of a CV page, no text layer) gives 'geen tekst gevonden', as PDF and as .docx", async () => {
  if (!pdftoppm) throw new Error("pdftoppm is needed for this test");
  const base = path.join(dir, "scan");
  execFileSync(pdftoppm, [
    "-r",
    "40",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    path.join(dir, "pages.pdf"),
    base,
  ]);
  execFileSync(pdftoppm, [
    "-r",
    "40",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    "-png",
    path.join(dir, "pages.pdf"),
    base,
  ]);
  // P6 PPM: "P6\n<width> <height>\n255\n" and the RGB bytes.
  const ppm = fs.readFileSync(`${base}.ppm`);
  const [header, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString("latin1", 0, 30))!;
  const rgb = ppm.subarray(header.length);
  expect(rgb.length).toBe(Number(w) * Number(h) * 3);
  const scan = imagePdf(Number(w), Number(h), rgb);
  const error = await readError("scan-jansen.pdf", scan);
  expect(error.code).toBe("noText");
  expect(error.message).toBe(
    "scan-jansen.pdf: geen tekst gevonden (een scan zonder tekstlaag?). Typ de gegevens zelf over."
  );

  const png = fs.readFileSync(`${base}.png`);
  const docx = await docxBytes(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new ImageRun({
                  type: "png",
                  data: png,
                  transformation: { width: 400, height: 560 },
                }),
              ],
            }),
          ],
        },
      ],
    })
  );
  const docxError = await readError("scan-jansen.docx", docx);
  expect(docxError.code).toBe("noText");
  expect(docxError.message).toMatch(/^scan-jansen\.docx: geen tekst gevonden/);
});

test("a cut-off PDF → damaged, naming the file", async () => {
  const whole = pdf("pages");
  const error = await readError("half.pdf", whole.subarray(0, 600));
  expect(error.code).toBe("damaged");
  expect(error.message).toMatch(/^half\.pdf: het bestand is beschadigd of onvolledig/);
});

test("reading leaves the caller's bytes as they were (pdfjs gets a copy), a Node Buffer too", async () => {
  const bytes = fs.readFileSync(path.join(dir, "pages.pdf"));
  const before = Buffer.from(bytes).toString("base64");
  await readCv("jansen.pdf", bytes);
  expect(bytes.byteLength).toBeGreaterThan(0);
  expect(Buffer.from(bytes).toString("base64")).toBe(before);
});
