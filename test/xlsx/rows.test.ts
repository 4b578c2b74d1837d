/**
 * Issue 17 §3 through the command, on a real file: a request workbook saved by
 * LibreOffice with candidates and a period typed directly below the `Kandidaten` and
 * `Werkervaring` tables (LibreOffice does not grow a table as Excel does). The command
 * scores those rows, names them, and writes tables that cover them, with their filter;
 * LibreOffice opens the result with the rows inside the tables. No verdict here depends
 * on the peildatum (years typed, or a period from 2010).
 */
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import { request17040, type CellValue } from "../../src/engine";
import type { ScoreReport } from "../../src/cli/report";
import { exampleWorkbook } from "../../src/cli/example";
import { planTemplate } from "../../src/workbook/template";
import { applyChanges } from "../../src/xlsx";
import { awardscore, scratch } from "../cli/helpers";
import { passing, rowFor } from "../workbook/helpers";
import { convert, soffice } from "./libreoffice";

const withLibreOffice = soffice ? describe : describe.skip;

/** Each table's ref and filter ref in a file, by table name. */
async function tableRefs(file: string): Promise<Record<string, { ref: string; filter?: string }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const refs: Record<string, { ref: string; filter?: string }> = {};
  for (const sheet of workbook.worksheets)
    for (const t of sheet.getTables() as unknown as Array<{
      table: { name: string; tableRef: string; autoFilterRef?: string };
    }>)
      refs[t.table.name] = { ref: t.table.tableRef, filter: t.table.autoFilterRef };
  return refs;
}

/** Four candidates from row 2 in a template with room for two: the last two fall below the table. */
function typedWorkbook(): { workbook: ExcelJS.Workbook; lastColumn: string } {
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, planTemplate(request17040, { rows: 2, periodRows: 1 }));
  const kandidaten = workbook.getWorksheet("Kandidaten")!;
  const headers = (kandidaten.getRow(1).values as CellValue[]).slice(1).map(String);
  const people: Array<Record<string, CellValue>> = [
    { ...passing, Kandidaat: "Ans", Uurtarief: 70, G11: 2 },
    { ...passing, Kandidaat: "Bram", Uurtarief: 65 },
    { ...passing, Kandidaat: "Cor", Uurtarief: 60, K3: 0 },
    { ...passing, Kandidaat: "Dina", K4: "Nee" },
  ];
  people.forEach((p, i) => {
    const row = kandidaten.getRow(2 + i);
    rowFor(headers, p).forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v as ExcelJS.CellValue;
    });
  });
  const werkervaring = workbook.getWorksheet("Werkervaring")!;
  const since2010 = new Date(Date.UTC(2010, 0, 1));
  werkervaring.getRow(2).values = ["Bram", "Klantmanager", "G9", since2010];
  werkervaring.getRow(3).values = ["Cor", "Klantmanager inkomen", "K3", since2010];
  return { workbook, lastColumn: kandidaten.getColumn(headers.length).letter };
}

test("a table as Excel saves it (no headerRowCount, its default 1): rows below found, header kept", async () => {
  const dir = scratch();
  const typed = path.join(dir, "excel.xlsx");
  const { workbook, lastColumn } = typedWorkbook();
  await workbook.xlsx.writeFile(typed);
  // Excel leaves out attributes at their default: headerRowCount="1" is never written.
  const zip = await JSZip.loadAsync(fs.readFileSync(typed));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(/ headerRowCount="1"/, ""));
  }
  fs.writeFileSync(typed, await zip.generateAsync({ type: "nodebuffer" }));

  const out = path.join(dir, "uit.xlsx");
  const ran = await awardscore("score", typed, "--out", out);
  expect(ran.stderr).toBe("");
  expect(ran.stdout).toContain(
    "Kandidaten: rijen 4 t/m 5 staan onder de tabel 'Kandidaten'; meegeteld."
  );
  const written = await JSZip.loadAsync(fs.readFileSync(out));
  const tables = await Promise.all(
    Object.keys(written.files)
      .filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))
      .map((n) => written.file(n)!.async("string"))
  );
  const kandidaten = tables.find((xml) => xml.includes('name="Kandidaten"'))!;
  expect(kandidaten).toContain(`ref="A1:${lastColumn}5"`);
  expect(kandidaten).not.toContain('headerRowCount="0"');
});

test("the example workbook puts the rates under the template's new rate header", () => {
  const kandidaten = exampleWorkbook().getWorksheet("Kandidaten")!;
  const headers = (kandidaten.getRow(1).values as CellValue[]).slice(1);
  const column = headers.indexOf("Uurtarief (excl. btw, incl. reiskosten en fee)") + 1;
  expect(column).toBeGreaterThan(0);
  const rates = kandidaten.getColumn(column).values.slice(2);
  expect(rates.length).toBeGreaterThan(10);
  // As typed by evaluators: numbers and texts such as "€ 72,50", never empty.
  expect(rates.every((r) => r !== null && r !== undefined && r !== "")).toBe(true);
  expect(rates).toContain("€ 72,50");
});

withLibreOffice("rows typed below the tables in a LibreOffice-saved workbook", () => {
  const dir = scratch();
  const typed = path.join(dir, "getypt.xlsx");
  const saved = path.join(dir, "lo", "getypt.xlsx");
  const out = path.join(dir, "uit.xlsx");
  let lastColumn = "";
  let stdout = "";
  let report: ScoreReport;

  beforeAll(async () => {
    const built = typedWorkbook();
    const workbook = built.workbook;
    lastColumn = built.lastColumn;
    await workbook.xlsx.writeFile(typed);
    convert(dir, typed, "xlsx", path.dirname(saved));

    const ran = await awardscore(
      "score",
      saved,
      "--out",
      out,
      "--json",
      path.join(dir, "uit.json")
    );
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    stdout = ran.stdout;
    report = JSON.parse(fs.readFileSync(path.join(dir, "uit.json"), "utf8")) as ScoreReport;
  }, 180_000);

  test("LibreOffice saved the tables without the rows typed below them", async () => {
    const refs = await tableRefs(saved);
    expect(refs.Kandidaten.ref).toBe(`A1:${lastColumn}3`);
    expect(refs.Werkervaring.ref).toBe("A1:E2");
  });

  test("every row is scored (Cor's K3 from the period below Werkervaring) and named", () => {
    expect(report.candidates.map((c) => [c.row, c.name, c.status])).toEqual([
      [2, "Ans", "eligible"],
      [3, "Bram", "eligible"],
      [4, "Cor", "eligible"],
      [5, "Dina", "knockedOut"],
    ]);
    expect(stdout).toContain(
      "Kandidaten: rijen 4 t/m 5 staan onder de tabel 'Kandidaten'; meegeteld."
    );
    expect(stdout).toContain("Werkervaring: rij 3 staat onder de tabel 'Werkervaring'; meegeteld.");
  });

  test("the written tables and their filters cover the rows", async () => {
    expect(await tableRefs(out)).toMatchObject({
      Kandidaten: { ref: `A1:${lastColumn}5`, filter: `A1:${lastColumn}5` },
      Werkervaring: { ref: "A1:E3", filter: "A1:E3" },
    });
  });

  test("LibreOffice opens them as one table each, with the outputs of the rows below", async () => {
    const again = path.join(dir, "lo2");
    convert(dir, out, "xlsx", again);
    const refs = await tableRefs(path.join(again, "uit.xlsx"));
    expect(refs.Kandidaten.ref).toBe(`A1:${lastColumn}5`);
    expect(refs.Werkervaring.ref).toBe("A1:E3");

    // The statuses as LibreOffice read them (its profile recalculates on load), from the file it
    // saved: one LibreOffice start instead of a second one for CSV.
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(path.join(again, "uit.xlsx"));
    const text = (cell: ExcelJS.Cell) => {
      const value = cell.value;
      return String(
        value !== null && typeof value === "object" && "result" in value ? value.result : value
      );
    };
    const kandidaten = saved.getWorksheet("Kandidaten")!;
    const header = [...Array(kandidaten.columnCount)].map((_, c) =>
      text(kandidaten.getRow(1).getCell(c + 1))
    );
    const status = header.indexOf("Status") + 1;
    expect(status).toBeGreaterThan(0);
    expect([2, 3, 4, 5].map((r) => text(kandidaten.getRow(r).getCell(status)))).toEqual([
      "Geschikt",
      "Geschikt",
      "Geschikt",
      "Valt af",
    ]);
  }, 180_000);
});
