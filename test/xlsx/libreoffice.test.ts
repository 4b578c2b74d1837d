/**
 * A real reader: LibreOffice (headless, private profile) opens the workbook the
 * command writes. As CSV, the Kandidaten sheet's values, ranks and Top 10 column
 * read back as written; as PDF it renders, its pages PNGs in artifacts/scored/.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import type { ScoreReport } from "../../src/cli/report";
import { awardscore, scratch } from "../cli/helpers";
import { exampleWorkbook } from "../../src/cli/example";
import { outputHeaders17040 } from "../workbook/helpers";
import { convert, csvAllSheets, csvRows, pdftoppm, soffice } from "./libreoffice";

const root = path.resolve(__dirname, "../..");

const withLibreOffice = soffice && pdftoppm ? describe : describe.skip;

withLibreOffice("LibreOffice reads the scored workbook", () => {
  const dir = scratch();
  const input = path.join(dir, "aanvraag.xlsx");
  const out = path.join(dir, "uit.xlsx");
  let report: ScoreReport;

  beforeAll(async () => {
    await exampleWorkbook().xlsx.writeFile(input);
    const ran = await awardscore(
      "score",
      input,
      "--out",
      out,
      "--json",
      path.join(dir, "uit.json")
    );
    expect(ran.code).toBe(0);
    report = JSON.parse(fs.readFileSync(path.join(dir, "uit.json"), "utf8")) as ScoreReport;
  });

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
    convert(dir, out, "pdf", dir);
    const pdf = path.join(dir, "uit.pdf");
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
