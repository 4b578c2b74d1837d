/** Changes applied to real .xlsx files: tables grow, marks are replaced not piled up, input cells stay. */
import ExcelJS from "exceljs";
import { exampleWorkbook } from "../../src/cli/example";
import { outputHeaders } from "../../src/workbook/layout";
import { planScore } from "../../src/workbook/score";
import { applyChanges, readSnapshot } from "../../src/xlsx";
import { reload } from "./helpers";

/** Every cell value of every sheet but the add-in's own, as text. */
function cells(workbook: ExcelJS.Workbook, skipColumnsFrom?: number): string[] {
  const out: string[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.name === "Ranking") continue;
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (sheet.name === "Kandidaten" && skipColumnsFrom !== undefined && c >= skipColumnsFrom)
          return;
        out.push(`${sheet.name}!${r}:${c}=${JSON.stringify(cell.value)}`);
      })
    );
  }
  return out;
}

async function score(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  applyChanges(workbook, planScore(readSnapshot(workbook)).changes);
  return reload(workbook);
}

describe("applyChanges on .xlsx", () => {
  test("scoring leaves every input cell as it was, and scoring twice equals scoring once", async () => {
    const input = await reload(exampleWorkbook());
    const outputStart = (input.getWorksheet("Kandidaten")!.getRow(1).values as unknown[]).indexOf(
      "Status"
    );
    const before = cells(input, outputStart);
    const once = await score(input);
    expect(cells(once, outputStart)).toEqual(before);
    const twice = await score(await reload(once));
    expect(cells(twice)).toEqual(cells(once));
    const rules = (wb: ExcelJS.Workbook) =>
      (wb.getWorksheet("Kandidaten") as unknown as { conditionalFormattings: unknown[] })
        .conditionalFormattings.length;
    expect(rules(once)).toBe(3);
    expect(rules(twice)).toBe(3);
    expect(twice.worksheets.map((w) => w.name)).toEqual([
      "Aanvraag",
      "Kandidaten",
      "Werkervaring",
      "Ranking",
    ]);
  });

  test("a table without output columns grows to hold them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Kandidaten");
    const source = (await reload(exampleWorkbook())).getWorksheet("Kandidaten")!;
    const headers = (source.getRow(1).values as string[])
      .slice(1)
      .filter((h) => !(outputHeaders as readonly string[]).includes(h));
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 2; r <= 26; r++) rows.push(headers.map((_, c) => source.getCell(r, c + 1).value));
    sheet.addTable({
      name: "Kandidaten",
      ref: "A1",
      columns: headers.map((name) => ({ name })),
      rows,
    });
    const loaded = await reload(workbook);
    applyChanges(loaded, planScore(readSnapshot(loaded), { preset: "17040" }).changes);
    const again = await reload(loaded);
    const table = readSnapshot(again).sheets.find((s) => s.name === "Kandidaten")!.tables[0];
    expect(table.columns).toEqual([...headers, ...outputHeaders]);
    expect(table.rowCount).toBe(25);
    expect(again.getWorksheet("Kandidaten")!.getCell(2, headers.length + 5).value).toBe("Ja");
  });

  test("a bar chart is reported as skipped: ExcelJS cannot draw one (the data bar stays)", async () => {
    const workbook = await reload(exampleWorkbook());
    const report = applyChanges(workbook, planScore(readSnapshot(workbook)).changes);
    expect(report.skipped.map((c) => c.kind)).toEqual(["barChart"]);
  });
});
