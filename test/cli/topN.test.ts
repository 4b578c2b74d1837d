/**
 * Issue 17 through the command, on a request whose top is 3: the summary, the JSON and
 * the written workbook count from the request; a knocked-out candidate has no score.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { candidate, requestWithTop, smallWorkbook } from "../workbook/smallWorkbook";
import { awardscore, scratch } from "./helpers";

test("awardscore score: Top 3 in the summary, the JSON and both sheets; knocked out scores null", async () => {
  const dir = scratch();
  const input = path.join(dir, "aanvraag.xlsx");
  await smallWorkbook(requestWithTop(3), [
    candidate({ Kandidaat: "Ans", G11: 1 }),
    candidate({ Kandidaat: "Bram", Uurtarief: 60 }),
    candidate({ Kandidaat: "Cor", K2: "Nee" }),
    candidate({ Kandidaat: "Dirk", G10: "Nee" }),
    candidate({ Kandidaat: "Eva", G10: "Nee", Uurtarief: 72 }),
  ]).xlsx.writeFile(input);
  const out = path.join(dir, "uit.xlsx");
  const json = path.join(dir, "uit.json");
  const ran = await awardscore("score", input, "--out", out, "--json", json);
  expect(ran.code).toBe(0);
  expect(ran.stdout).toContain("· top 3\n");
  expect(ran.stdout).toContain("\nTop 3:\n");
  expect(ran.stdout).not.toMatch(/top 10/i);

  const report = JSON.parse(fs.readFileSync(json, "utf8"));
  expect(report.request.topN).toBe(3);
  expect(report.summary).toMatchObject({ top: 3, final: true });
  const cor = report.candidates.find((c: { name: string }) => c.name === "Cor");
  expect(cor).toMatchObject({ status: "knockedOut", failed: ["K2"], score: null, rank: null });

  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(out);
  const headerTexts = (name: string, row: number) =>
    (written.getWorksheet(name)!.getRow(row).values as ExcelJS.CellValue[]).map(String);
  expect(headerTexts("Kandidaten", 1)).toContain("Top 3");
  expect(headerTexts("Ranking", 4)).toContain("Top 3");
  const kandidaten = written.getWorksheet("Kandidaten")!;
  const scoreColumn = headerTexts("Kandidaten", 1).indexOf("Score");
  expect(kandidaten.getCell(4, scoreColumn).value).toBeNull(); // Cor, row 4
  expect(kandidaten.getCell(5, scoreColumn).value).toBe(50); // Dirk
  // Eva is behind Dirk on rate at 50 points: her letter says so, with both rates.
  const letters = written.getWorksheet("Afwijzingen")!;
  const texts: string[] = [];
  letters.eachRow((row) => texts.push(String(row.getCell(6).value)));
  expect(texts.find((t) => t.startsWith("Eva"))).toContain(
    "het uurtarief van deze kandidaat is € 72,00, dat van de kandidaat op plaats 3 € 70,00."
  );
});
