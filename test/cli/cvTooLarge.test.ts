/**
 * `awardscore cv` refuses a CV file above the reader's limit (20 MB) by its size, before
 * reading it into memory: the reader's Dutch message naming the file, nothing written.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { request17040 } from "../../src/engine";
import { planTemplate } from "../../src/workbook/template";
import { applyChanges } from "../../src/xlsx";
import { awardscore, scratch } from "./helpers";

test("a 25 MB CV is refused by its size, unread, with the reader's message naming it", async () => {
  const dir = scratch();
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, planTemplate(request17040, { rows: 1, periodRows: 1 }));
  workbook.getWorksheet("Kandidaten")!.getCell(2, 1).value = "Ans de Vries";
  const input = path.join(dir, "aanvraag.xlsx");
  await workbook.xlsx.writeFile(input);
  // A sparse file: 25 MB long, next to nothing on disk.
  const big = path.join(dir, "groot.pdf");
  fs.writeFileSync(big, "%PDF-1.4\n");
  fs.truncateSync(big, 25 * 1024 * 1024);
  const readFile = jest.spyOn(fs.promises, "readFile");
  try {
    const ran = await awardscore("cv", input, big, "--kandidaat", "Ans de Vries");
    expect(ran.code).toBe(2);
    expect(ran.stderr.split("\n")).toEqual([
      "Een cv is niet te lezen; er is niets geschreven:",
      "  groot.pdf: het bestand is te groot (25 MB; AwardScore leest cv's tot 20 MB).",
    ]);
    expect(readFile.mock.calls.filter(([file]) => file === big)).toEqual([]);
  } finally {
    readFile.mockRestore();
  }
  expect(fs.readdirSync(dir).sort()).toEqual(["aanvraag.xlsx", "groot.pdf"]);
});
