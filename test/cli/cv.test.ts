/**
 * `awardscore cv`: CVs (.docx and PDF made here) into the `Voorstellen` sheet of a copy,
 * the evaluator's Ja applied with --overnemen (never over a typed value), unreadable CVs
 * named with nothing written, and `opschonen` clearing `Voorstellen`. In-process, and once
 * through the real binary (lib/).
 */
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import fs from "fs";
import path from "path";
import { request17040, type CellValue } from "../../src/engine";
import { candidateInputColumns } from "../../src/workbook/layout";
import { planTemplate } from "../../src/workbook/template";
import { applyChanges } from "../../src/xlsx";
import { awardscore, awardscoreBin, compileCliBeforeAll, scratch } from "./helpers";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A minimal .docx of these paragraphs, with `<Pages>` in docProps/app.xml. */
function docx(lines: string[], pages: number): Uint8Array {
  const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${lines.map(p).join("")}<w:sectPr/></w:body></w:document>`
    ),
    "docProps/app.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>${pages}</Pages></Properties>`
    ),
  });
}

/** A one-page PDF of these lines (Helvetica, one text object per line), with a correct xref. */
function pdf(lines: string[]): Uint8Array {
  // WinAnsi: the en dash is byte 0x96 (latin1 has no such character).
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/–/g, "\x96");
  const stream = lines
    .map((line, i) => `BT /F1 11 Tf 60 ${780 - i * 16} Td (${escape(line)}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

const ansCv = [
  "Curriculum vitae Ans de Vries",
  "Ik ben een ervaren klantmanager inkomen met veel ervaring in de uitvoering van de Participatiewet bij verschillende gemeenten in Zuid-Holland.",
  "Werkervaring",
  "jan. 2019 – heden Klantmanager Inkomen – Gemeente Delft",
  "Werkzaamheden in Civision en de Participatiewet, beoordelen van aanvragen levensonderhoud.",
  "2012 - 2018 Inkomensconsulent, Gemeente Leiden",
  "Opleiding",
  "2008 - 2012 HBO Sociaal Juridische Dienstverlening, Hogeschool Leiden",
  "Referenties",
  "Piet Jansen – teamleider, Gemeente Delft, 06-12345678",
  "Karin de Boer – manager, Gemeente Leiden, 06-87654321",
];

const basCv = [
  "Curriculum vitae Bas Bakker",
  "Als inkomensconsulent werk ik al jaren met plezier bij de gemeente, waar ik aanvragen voor bijstand beoordeel en klanten begeleid.",
  "Werkervaring",
  "03-2016 t/m 12-2022 Inkomensconsulent, Gemeente Gouda",
  "Referenties op aanvraag",
];

const headers = candidateInputColumns(request17040).map((c) => c.header);

/** Every input of a passing candidate (for a workbook whose top is final). */
const complete: Record<string, CellValue> = {
  Uurtarief: 70,
  K1: "Ja",
  K2: "Ja",
  K3: 3,
  K4: "Ja",
  K5: "Ja",
  K6: "Ja",
  K7: 1_000_000,
  E1: 2,
  E2: "Ja",
  E3: 2,
  G9: 12,
  G10: "Ja",
  G11: 0,
};

/** The bytes of {@link inputWorkbook}'s two workbooks, each written once for the file's tests. */
const inputBytes = new Map<boolean, Promise<Buffer>>();

/** The 17040 template with Ans (E2 typed Nee, the other CV cells empty) and Bas; `final`: every cell filled. */
async function inputWorkbook(dir: string, final = false): Promise<string> {
  if (!inputBytes.has(final)) inputBytes.set(final, writtenInput(final));
  const file = path.join(dir, "aanvraag.xlsx");
  fs.writeFileSync(file, await inputBytes.get(final)!);
  return file;
}

/** {@link inputWorkbook}'s workbook as ExcelJS writes it. */
async function writtenInput(final: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, planTemplate(request17040, { rows: 2, periodRows: 1 }));
  const rows: Array<Record<string, CellValue>> = [
    { Kandidaat: "Ans de Vries", Leverancier: "Flexpool", E2: "Nee" },
    { Kandidaat: "Bas Bakker", Leverancier: "Interim BV", E1: 0 },
  ].map((fields) => (final ? { ...complete, ...fields } : fields));
  const sheet = workbook.getWorksheet("Kandidaten")!;
  rows.forEach((fields, r) =>
    headers.forEach((h, c) => {
      const value = fields[h] ?? fields[h.split(" ")[0]];
      if (value !== undefined) sheet.getCell(r + 2, c + 1).value = value as ExcelJS.CellValue;
    })
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The Voorstellen rows (from row 4) as [Kandidaat, Soort, Kolom, Overnemen, Status]. */
function proposalRows(workbook: ExcelJS.Workbook): CellValue[][] {
  const sheet = workbook.getWorksheet("Voorstellen")!;
  const rows: CellValue[][] = [];
  for (let r = 4; r <= sheet.rowCount; r++) {
    const cell = (c: number) => (sheet.getCell(r, c).value ?? null) as CellValue;
    if (cell(1) === null) continue;
    rows.push([cell(1), cell(6), cell(7), cell(14), cell(15)]);
  }
  return rows;
}

const column = (id: string) => headers.findIndex((h) => h.split(" ")[0] === id) + 1;

describe("awardscore cv", () => {
  test("files named after candidates: proposals on Voorstellen of IN-voorstellen.xlsx, IN unchanged", async () => {
    const dir = scratch();
    const input = await inputWorkbook(dir);
    const before = fs.readFileSync(input);
    fs.writeFileSync(path.join(dir, "Ans de Vries.docx"), docx(ansCv, 2));
    fs.writeFileSync(path.join(dir, "bas_bakker.pdf"), pdf(basCv));
    const ran = await awardscore(
      "cv",
      input,
      path.join(dir, "Ans de Vries.docx"),
      path.join(dir, "bas_bakker.pdf"),
      "--json",
      path.join(dir, "voorstellen.json")
    );
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("Ans de Vries: 7 voorstellen uit Ans de Vries.docx.");
    expect(ran.stdout).toMatch(/Bas Bakker: \d+ voorstel(len)? uit bas_bakker\.pdf\./);
    const out = path.join(dir, "aanvraag-voorstellen.xlsx");
    expect(ran.stdout).toContain(`Geschreven: ${out}`);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const rows = proposalRows(await open(out));
    expect(rows.filter((r) => r[0] === "Ans de Vries").map((r) => r[1])).toEqual([
      "CV-eis",
      "CV-eis",
      "CV-eis",
      "Werkervaring",
      "Werkervaring",
      "Ja-voorstel",
      "Ja-voorstel",
    ]);
    expect(rows.every((r) => r[3] === null && r[4] === "Voorgesteld")).toBe(true);
    const bas = rows.filter((r) => r[0] === "Bas Bakker");
    expect(bas.find((r) => r[2] === "E3 Aantal referenties")).toBeDefined();
    expect(bas.find((r) => r[1] === "Werkervaring")).toBeDefined();
    const json = JSON.parse(fs.readFileSync(path.join(dir, "voorstellen.json"), "utf8")) as {
      proposals: Array<{ candidate: string; proposals: Array<{ evidence: { file: string } }> }>;
    };
    expect(json.proposals.map((p) => p.candidate)).toEqual(["Ans de Vries", "Bas Bakker"]);
    expect(json.proposals[1].proposals[0].evidence.file).toBe("bas_bakker.pdf");
  });

  test("marked Ja, JA and x applied with --overnemen: typed values stay, Werkervaring grows, scoring reads it", async () => {
    const dir = scratch();
    const input = await inputWorkbook(dir);
    const cvs = path.join(dir, "cvs");
    fs.mkdirSync(cvs);
    fs.writeFileSync(path.join(cvs, "ans.docx"), docx(ansCv, 2));
    const first = await awardscore("cv", input, cvs, "--kandidaat", "ans de vries");
    expect(first.code).toBe(0);
    const proposed = path.join(dir, "aanvraag-voorstellen.xlsx");
    // The evaluator marks E1, E2 (typed Nee on Kandidaten), both periods, and K6/G10; one unclear.
    const workbook = await open(proposed);
    const sheet = workbook.getWorksheet("Voorstellen")!;
    const marks: Record<number, string> = { 4: "Ja", 5: "JA", 7: "x", 8: "ja", 10: "misschien" };
    for (const [row, mark] of Object.entries(marks)) sheet.getCell(Number(row), 14).value = mark;
    await workbook.xlsx.writeFile(proposed);

    const unclear = await awardscore("cv", proposed, "--overnemen");
    expect(unclear.code).toBe(2);
    expect(unclear.stderr).toContain("Voorstellen!N10: 'misschien' in Overnemen is onduidelijk");
    expect(fs.existsSync(path.join(dir, "aanvraag-voorstellen-voorstellen.xlsx"))).toBe(false);

    sheet.getCell(10, 14).value = "Ja";
    await workbook.xlsx.writeFile(proposed);
    const applied = await awardscore(
      "cv",
      proposed,
      "--overnemen",
      "--out",
      path.join(dir, "uit.xlsx")
    );
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(
      "Overgenomen: 4 van 5 voorstellen (2 perioden in Werkervaring, 3 cellen op Kandidaten)."
    );
    expect(applied.stdout).toContain(
      "  Ans de Vries, E2: Niet overgenomen: E2: de cel had al een waarde (Nee)"
    );
    const out = await open(path.join(dir, "uit.xlsx"));
    const kandidaten = out.getWorksheet("Kandidaten")!;
    expect(kandidaten.getCell(2, column("E1")).value).toBe(2);
    expect(kandidaten.getCell(2, column("E2")).value).toBe("Nee");
    expect(kandidaten.getCell(2, column("K6")).value).toBe("Ja");
    expect(kandidaten.getCell(2, column("G10")).value).toBe("Ja");
    expect(kandidaten.getCell(3, column("E1")).value).toBe(0);
    const werkervaring = out.getWorksheet("Werkervaring")!;
    expect(werkervaring.getCell("A2").value).toBe("Ans de Vries");
    expect(werkervaring.getCell("D2").value).toEqual(new Date(Date.UTC(2019, 0, 1)));
    expect(werkervaring.getCell("A3").value).toBe("Ans de Vries");
    expect(proposalRows(out).map((r) => r[4])).toEqual([
      "Overgenomen",
      "Niet overgenomen: E2: de cel had al een waarde (Nee)",
      "Voorgesteld",
      "Overgenomen",
      "Overgenomen",
      "Voorgesteld",
      "Overgenomen",
    ]);
    const scored = await awardscore("score", path.join(dir, "uit.xlsx"), "--json", "-");
    expect(scored.code).toBe(0);
    const report = JSON.parse(scored.stdout) as {
      candidates: Array<{
        name: string;
        values: Record<string, { value: unknown; source: string }>;
      }>;
    };
    const ans = report.candidates.find((c) => c.name === "Ans de Vries")!;
    expect(ans.values.E1).toEqual({ value: 2, source: "cell" });
    // K3 (years in the last 5) from the period in Werkervaring, 2019 to the peildatum: the whole window.
    expect(ans.values.K3).toEqual({ value: 5, source: "history", typed: null });
  });

  test("with CVs and --overnemen: all new proposals applied at once, the rows say so", async () => {
    const dir = scratch();
    const input = await inputWorkbook(dir);
    fs.writeFileSync(path.join(dir, "bas bakker.docx"), docx(basCv, 1));
    const ran = await awardscore("cv", input, path.join(dir, "bas bakker.docx"), "--overnemen");
    expect(ran.code).toBe(0);
    const out = await open(path.join(dir, "aanvraag-voorstellen.xlsx"));
    const rows = proposalRows(out);
    expect(rows.every((r) => r[3] === "Ja")).toBe(true);
    expect(rows.find((r) => r[2] === "E1 CV-pagina's")?.[4]).toBe(
      "Niet overgenomen: E1: de cel had al een waarde (0)"
    );
    expect(out.getWorksheet("Werkervaring")!.getCell("A2").value).toBe("Bas Bakker");
  });

  test("with CVs and --overnemen: a Ja from an education line stays Voorgesteld for the evaluator's own Ja", async () => {
    const dir = scratch();
    const input = await inputWorkbook(dir);
    const lines = [
      ...basCv,
      "Opleiding",
      "2005 - 2009 Hbo-bachelor Sociaal Juridische Dienstverlening, Hogeschool Utrecht (diploma)",
    ];
    fs.writeFileSync(path.join(dir, "bas bakker.docx"), docx(lines, 1));
    const ran = await awardscore("cv", input, path.join(dir, "bas bakker.docx"), "--overnemen");
    expect(ran.code).toBe(0);
    const rows = proposalRows(await open(path.join(dir, "aanvraag-voorstellen.xlsx")));
    const yes = rows.filter((r) => r[1] === "Ja-voorstel");
    expect(yes.length).toBeGreaterThan(0);
    for (const row of yes) expect([row[3], row[4]]).toEqual([null, "Voorgesteld"]);
    // What the CV states outright was taken at once.
    const period = rows.find((r) => r[1] === "Werkervaring");
    expect([period?.[3], period?.[4]]).toEqual(["Ja", "Overgenomen"]);
  });

  test("an unreadable CV is named and nothing is written (exit 2)", async () => {
    const dir = scratch();
    const input = await inputWorkbook(dir);
    const cvs = path.join(dir, "cvs");
    fs.mkdirSync(cvs);
    fs.writeFileSync(path.join(cvs, "Ans de Vries.docx"), docx(ansCv, 2));
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    fs.writeFileSync(path.join(cvs, "Bas Bakker.doc"), ole);
    fs.writeFileSync(path.join(cvs, "notities.txt"), "geen cv");
    const ran = await awardscore("cv", input, cvs);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(
      /^Een cv is niet te lezen; er is niets geschreven:\n {2}.*Bas Bakker\.doc/
    );
    expect(ran.stdout).toBe("");
    expect(fs.readdirSync(dir).sort()).toEqual(["aanvraag.xlsx", "cvs"]);

    // Two at once, for one candidate: a PDF without text (a scan) and the old .doc, both named.
    fs.writeFileSync(path.join(dir, "scan.pdf"), pdf([]));
    const both = await awardscore(
      "cv",
      input,
      path.join(dir, "scan.pdf"),
      path.join(cvs, "Bas Bakker.doc"),
      "--kandidaat",
      "Ans de Vries",
      "--json",
      path.join(dir, "v.json")
    );
    expect(both.code).toBe(2);
    const lines = both.stderr.split("\n");
    expect(lines[0]).toBe("2 cv's zijn niet te lezen; er is niets geschreven:");
    expect(lines[1]).toMatch(/^ {2}scan\.pdf: geen tekst gevonden/);
    expect(lines[2]).toMatch(/^ {2}.*Bas Bakker\.doc.*\.doc/);
    expect(fs.readdirSync(dir).sort()).toEqual(["aanvraag.xlsx", "cvs", "scan.pdf"]);
  });

  test("a file named after no candidate, and an unknown --kandidaat, are Dutch messages naming them", async () => {
    const dir = scratch();
    const input = await inputWorkbook(dir);
    fs.writeFileSync(path.join(dir, "jansen.docx"), docx(ansCv, 2));
    const byName = await awardscore("cv", input, path.join(dir, "jansen.docx"));
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain(
      "'jansen.docx': de naam noemt geen (of meer dan één) kandidaat van het blad Kandidaten ('jansen')."
    );
    const unknown = await awardscore(
      "cv",
      input,
      path.join(dir, "jansen.docx"),
      "--kandidaat",
      "Cor"
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "'Cor' staat niet in de kolom 'Kandidaat' van het blad 'Kandidaten'"
    );
    expect(unknown.stderr).toContain("Kandidaten!A1: Hier staat geen 'Cor'.");
    expect(fs.existsSync(path.join(dir, "aanvraag-voorstellen.xlsx"))).toBe(false);
    // As the pane reads a file's name: "CV_Ans-de-Vries" names Ans de Vries.
    fs.writeFileSync(path.join(dir, "CV_Ans-de-Vries.docx"), docx(ansCv, 2));
    const pane = await awardscore("cv", input, path.join(dir, "CV_Ans-de-Vries.docx"));
    expect(pane.code).toBe(0);
    expect(pane.stdout).toContain("Ans de Vries");
  });

  test("usage mistakes, and the help", async () => {
    const none = await awardscore("cv", "in.xlsx");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Geef een of meer cv's (of een map met cv's) op, of --overnemen");
    const help = await awardscore("cv", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout.split("\n")[0]).toMatch(/^Gebruik: awardscore cv IN\.xlsx CV…\|MAP /);
    expect(help.stdout).toContain("-h, --help          deze uitleg");
    const usage = await awardscore("--help");
    expect(usage.stdout).toContain("awardscore cv IN.xlsx CV…|MAP [--kandidaat NAAM]");
  });

  test("opschonen empties Voorstellen (the CVs' lines)", async () => {
    const dir = scratch();
    const input = await inputWorkbook(dir, true);
    fs.writeFileSync(path.join(dir, "Ans de Vries.docx"), docx(ansCv, 2));
    expect((await awardscore("cv", input, path.join(dir, "Ans de Vries.docx"))).code).toBe(0);
    const proposed = path.join(dir, "aanvraag-voorstellen.xlsx");
    const cleaned = await awardscore("opschonen", proposed, "--preset", "17040");
    expect(cleaned.stderr).toBe("");
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toContain(
      "Het blad Voorstellen (voorstellen uit cv's, met regels uit de cv's) is leeggemaakt: 7 rijen."
    );
    const out = await open(path.join(dir, "aanvraag-voorstellen-opgeschoond.xlsx"));
    const sheet = out.getWorksheet("Voorstellen")!;
    expect(sheet.getCell("A1").value).toBe(
      "Voorstellen uit cv's — gewist bij het opschonen van persoonsgegevens"
    );
    expect(sheet.actualRowCount).toBe(1);
    // No line of the CV is left anywhere in the package.
    const bytes = fs.readFileSync(path.join(dir, "aanvraag-voorstellen-opgeschoond.xlsx"));
    const { unzipSync, strFromU8 } = await import("fflate");
    const text = Object.values(unzipSync(bytes))
      .map((b) => strFromU8(b))
      .join("");
    expect(text).not.toContain("Hogeschool Leiden");
  });
});

describe("the real binary", () => {
  compileCliBeforeAll();

  test("reads a PDF and a .docx from a folder (lib/, pdfjs loaded by Node)", async () => {
    const dir = scratch();
    const input = await inputWorkbook(dir);
    const cvs = path.join(dir, "cvs");
    fs.mkdirSync(cvs);
    fs.writeFileSync(path.join(cvs, "Ans de Vries.pdf"), pdf(ansCv));
    fs.writeFileSync(path.join(cvs, "Bas Bakker.docx"), docx(basCv, 1));
    const ran = awardscoreBin("cv", input, cvs);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("Ans de Vries: 7 voorstellen uit Ans de Vries.pdf.");
    const rows = proposalRows(await open(path.join(dir, "aanvraag-voorstellen.xlsx")));
    expect(rows.filter((r) => r[0] === "Ans de Vries")).toHaveLength(7);
  });
});
