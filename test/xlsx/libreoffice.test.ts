/**
 * A real reader: LibreOffice (headless, private profile) opens the workbooks we write.
 * The workbook the command writes: as CSV, the Kandidaten sheet's values, ranks and Top 10
 * column read back as written; as PDF it renders, its pages PNGs in artifacts/scored/.
 * The template as LibreOffice prints it: every sheet on A4 landscape, one page wide, and
 * the Kandidaten headers wrapped inside a header row tall enough for them (their words end
 * above the first candidate's). Pages as PNG in artifacts/template/.
 * Every PDF is made in one LibreOffice start (a start costs seconds of CPU), in the set-up.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import type { ScoreReport } from "../../src/cli/report";
import { request17040 } from "../../src/engine";
import { blankRequest, planTemplate } from "../../src/workbook/template";
import { applyChanges } from "../../src/xlsx";
import { awardscore, scratch } from "../cli/helpers";
import { exampleWorkbook } from "../../src/cli/example";
import { outputHeaders17040 } from "../workbook/helpers";
import { convert, csvAllSheets, csvRows, pdftoppm, soffice, which } from "./libreoffice";

const root = path.resolve(__dirname, "../..");
const pdfinfo = which("pdfinfo");
const pdftotext = which("pdftotext");

const withLibreOffice = soffice && pdftoppm ? describe : describe.skip;
const withPrintTools = soffice && pdftoppm && pdfinfo && pdftotext ? describe : describe.skip;

/** One word of a PDF page with its box (points, y down), as `pdftotext -bbox` gives it. */
interface Word {
  text: string;
  yMin: number;
  yMax: number;
}

/** The words of each page of a PDF. */
function pdfWords(pdf: string): Word[][] {
  const html = execFileSync(pdftotext!, ["-bbox", pdf, "-"], { encoding: "utf8" });
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return html
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g
        ),
      ].map(([, yMin, yMax, text]) => ({
        text: text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]),
        yMin: Number(yMin),
        yMax: Number(yMax),
      }))
    );
}

/** Each page's size in points, as `pdfinfo` gives it. */
function pageSizes(pdf: string): Array<{ width: number; height: number }> {
  const info = execFileSync(pdfinfo!, ["-f", "1", "-l", "100", pdf], { encoding: "utf8" });
  return [...info.matchAll(/Page +\d+ size: +([\d.]+) x ([\d.]+) pts/g)].map(([, w, h]) => ({
    width: Number(w),
    height: Number(h),
  }));
}

const dir = scratch();
/** The scored example: IN, OUT. */
const input = path.join(dir, "aanvraag.xlsx");
const out = path.join(dir, "uit.xlsx");
/** The template, with the 17040 preset and blank (in their own folder: IN is also aanvraag.xlsx). */
const templates = path.join(dir, "template");
const preset = path.join(templates, "aanvraag.xlsx");
const blank = path.join(templates, "leeg.xlsx");
/** Every PDF: uit.pdf, aanvraag.pdf, leeg.pdf. */
const pdfs = path.join(dir, "pdf");
let report: ScoreReport;
let headers: string[] = [];

beforeAll(async () => {
  await exampleWorkbook().xlsx.writeFile(input);
  const ran = await awardscore("score", input, "--out", out, "--json", path.join(dir, "uit.json"));
  expect(ran.code).toBe(0);
  report = JSON.parse(fs.readFileSync(path.join(dir, "uit.json"), "utf8")) as ScoreReport;
  fs.mkdirSync(templates);
  for (const [file, request] of [
    [preset, request17040],
    [blank, blankRequest()],
  ] as const) {
    const workbook = new ExcelJS.Workbook();
    applyChanges(workbook, planTemplate(request));
    // A first candidate as the user types one: the row the headers must stay above.
    const sheet = workbook.getWorksheet("Kandidaten")!;
    sheet.getCell("A2").value = "Ans de Vries";
    sheet.getCell("C2").value = 70;
    if (file === preset) headers = (sheet.getRow(1).values as string[]).slice(1);
    await workbook.xlsx.writeFile(file);
  }
  if (soffice) convert(dir, [out, preset, blank], "pdf", pdfs);
}, 180_000);

withLibreOffice("LibreOffice reads the scored workbook", () => {
  test("as CSV: status, score, rank and Top 10 of every row read back as written", () => {
    // Token 12 = -1: every sheet to its own file (LibreOffice ≥ 7.2), named <file>-<sheet>.csv.
    convert(dir, out, csvAllSheets, path.join(dir, "csv"));
    const rows = csvRows(fs.readFileSync(path.join(dir, "csv", "uit-Kandidaten.csv"), "utf8"));
    const header = rows[0];
    const at = (name: string) => header.indexOf(name);
    expect(header.slice(-6)).toEqual(outputHeaders17040);
    const status = { eligible: "Geschikt", knockedOut: "Valt af", incomplete: "Onvolledig" };
    for (const c of report.candidates) {
      const row = rows[c.row - 1];
      expect(row[at("Kandidaat")]).toBe(c.name);
      expect(row[at("Status")]).toBe(status[c.status]);
      expect(row[at("Score")]).toBe(c.score === null ? "" : String(c.score));
      expect(row[at("Rang")]).toBe(c.rank === null ? "" : String(c.rank));
      expect(row[at("Top 10")]).toBe(c.top ? "Ja" : c.needsDraw ? "Loting" : "Nee");
      expect(row[at("Toelichting")]).toBe(c.reason);
    }
    const ranking = csvRows(fs.readFileSync(path.join(dir, "csv", "uit-Ranking.csv"), "utf8"));
    expect(ranking[0][0]).toBe("Ranking aanvraag 17040 — Klantmanager Inkomen");
    expect(ranking.slice(4, 6).map((r) => r[1])).toEqual(["Annelies de Boer", "Bram Visser"]);
  }, 120_000);

  test("as PDF: it renders, and its pages are saved as PNG in artifacts/scored/", () => {
    const pdf = path.join(pdfs, "uit.pdf");
    expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
    const artifacts = path.join(root, "artifacts", "scored");
    // Emptied first: pages left by an earlier run must not pass for this one's.
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    execFileSync(pdftoppm!, ["-png", "-r", "60", pdf, path.join(artifacts, "uit")], {
      stdio: "pipe",
    });
    const pages = fs.readdirSync(artifacts).filter((f) => /^uit-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThan(0);
    expect(fs.statSync(path.join(artifacts, pages[0])).size).toBeGreaterThan(1000);
  }, 120_000);
});

withPrintTools("the template printed by LibreOffice", () => {
  test("every page is A4 landscape, and each sheet is one page wide (Aanvraag, Kandidaten, Werkervaring)", () => {
    for (const name of ["aanvraag", "leeg"]) {
      const pdf = path.join(pdfs, `${name}.pdf`);
      const sizes = pageSizes(pdf);
      // The empty Ranking prints nothing: one page a sheet, so none is split across pages.
      expect(sizes).toHaveLength(3);
      for (const { width, height } of sizes) {
        expect(width).toBeCloseTo(841.89, 0);
        expect(height).toBeCloseTo(595.28, 0);
      }
      const kandidaten = pdfWords(pdf)[1].map((w) => w.text);
      // The first and the last column on the same page.
      expect(kandidaten).toEqual(expect.arrayContaining(["Kandidaat", "Ans", "Toelichting"]));
    }
    const artifacts = path.join(root, "artifacts", "template");
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    execFileSync(pdftoppm!, [
      "-png",
      "-r",
      "60",
      path.join(pdfs, "aanvraag.pdf"),
      path.join(artifacts, "aanvraag"),
    ]);
    expect(fs.readdirSync(artifacts).filter((f) => f.endsWith(".png"))).toHaveLength(3);
  });

  test("the Kandidaten headers wrap, and every line of them ends above the first candidate", () => {
    const words = pdfWords(path.join(pdfs, "aanvraag.pdf"))[1];
    const first = words.find((w) => w.text === "Ans")!;
    // LibreOffice may break a line after a hyphen (`CV-` / `pagina's`): compare the parts.
    const parts = (text: string) => text.split(/\s+|(?<=-)/).filter((p) => p !== "");
    const headerWords = new Set(headers.flatMap(parts));
    const printed = words
      .flatMap((w) => parts(w.text).map((text) => ({ ...w, text })))
      .filter((w) => headerWords.has(w.text));
    // Nothing of a header is lost: each of its words is on the page.
    expect(new Set(printed.map((w) => w.text))).toEqual(headerWords);
    for (const word of printed) expect(word.yMax).toBeLessThanOrEqual(first.yMin);
    // Wrapped: the rate's header takes more than one line.
    const line = (text: string) => words.find((w) => w.text === text)!.yMin;
    expect(line("fee)")).toBeGreaterThan(line("Uurtarief"));
  });
});
