/**
 * The template as LibreOffice prints it: every sheet on A4 landscape, one page wide, and
 * the Kandidaten headers wrapped inside a header row tall enough for them (their words end
 * above the first candidate's). Pages as PNG in artifacts/template/.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { request17040 } from "../../src/engine";
import { blankRequest, planTemplate } from "../../src/workbook/template";
import { applyChanges } from "../../src/xlsx";
import { scratch } from "../cli/helpers";
import { convert, pdftoppm, soffice, which } from "./libreoffice";

const pdfinfo = which("pdfinfo");
const pdftotext = which("pdftotext");
const withLibreOffice = soffice && pdftoppm && pdfinfo && pdftotext ? describe : describe.skip;

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

withLibreOffice("the template printed by LibreOffice", () => {
  const dir = scratch();
  const preset = path.join(dir, "aanvraag.xlsx");
  const blank = path.join(dir, "leeg.xlsx");
  let headers: string[] = [];

  beforeAll(async () => {
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
    convert(dir, [preset, blank], "pdf", dir);
  }, 180_000);

  test("every page is A4 landscape, and each sheet is one page wide (Aanvraag, Kandidaten, Werkervaring)", () => {
    for (const name of ["aanvraag", "leeg"]) {
      const pdf = path.join(dir, `${name}.pdf`);
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
    const artifacts = path.join(path.resolve(__dirname, "../.."), "artifacts", "template");
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    execFileSync(pdftoppm!, [
      "-png",
      "-r",
      "60",
      path.join(dir, "aanvraag.pdf"),
      path.join(artifacts, "aanvraag"),
    ]);
    expect(fs.readdirSync(artifacts).filter((f) => f.endsWith(".png"))).toHaveLength(3);
  });

  test("the Kandidaten headers wrap, and every line of them ends above the first candidate", () => {
    const words = pdfWords(path.join(dir, "aanvraag.pdf"))[1];
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
