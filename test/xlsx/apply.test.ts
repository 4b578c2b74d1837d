/** Changes applied to real .xlsx files: tables grow, marks are replaced not piled up, input cells stay. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { exampleWorkbook } from "../../src/cli/example";
import { outputHeaders } from "../../src/workbook/layout";
import { planScore } from "../../src/workbook/score";
import { applyChanges, readSnapshot, shareEmptyStyles } from "../../src/xlsx";
import { request17040 } from "../../src/engine";
import { planTemplate } from "../../src/workbook/template";
import { headerLines, wrappedLines } from "../../src/xlsx/apply";
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
      .filter((h) => !(outputHeaders(10) as readonly string[]).includes(h));
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
    expect(table.columns).toEqual([...headers, ...outputHeaders(10)]);
    expect(table.rowCount).toBe(25);
    expect(again.getWorksheet("Kandidaten")!.getCell(2, headers.length + 5).value).toBe("Ja");
  });

  test("a bar chart is reported as skipped: ExcelJS cannot draw one (the data bar stays)", async () => {
    const workbook = await reload(exampleWorkbook());
    const report = applyChanges(workbook, planScore(readSnapshot(workbook)).changes);
    expect(report.skipped.map((c) => c.kind)).toEqual(["barChart"]);
  });

  test("written cells of one look share one style object, and the file keeps every look", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad");
    applyChanges(workbook, [
      {
        kind: "writeValues",
        sheet: "Blad",
        at: "A1",
        values: [
          ["Olga", 75.5, "Lange tekst"],
          ["Piet", 70, "Nog een tekst"],
        ],
        numberFormats: ["@", '"€ "#,##0.00', null],
        wrap: true,
      },
    ]);
    const sheet = workbook.getWorksheet("Blad")!;
    expect(sheet.getCell("A1").style).toBe(sheet.getCell("A2").style);
    expect(sheet.getCell("B1").style).toBe(sheet.getCell("B2").style);
    expect(sheet.getCell("A1").style).not.toBe(sheet.getCell("B1").style);
    const again = (await reload(workbook)).getWorksheet("Blad")!;
    expect(again.getCell("A2").numFmt).toBe("@");
    expect(again.getCell("B2").numFmt).toBe('"€ "#,##0.00');
    expect(again.getCell("C2").numFmt).toBeUndefined();
    for (const address of ["A1", "B2", "C2"])
      expect(again.getCell(address).alignment).toEqual({ wrapText: true, vertical: "top" });
  });

  test("a new format on some cells leaves the cells that shared their style as they were", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Blad");
    sheet.getCell("A1").value = 1;
    sheet.getCell("A2").value = 2;
    sheet.getCell("A1").numFmt = "0.0";
    sheet.getCell("A2").numFmt = "0.0";
    // Read back, ExcelJS gives both cells the same style object.
    const loaded = await reload(workbook);
    const blad = loaded.getWorksheet("Blad")!;
    expect(blad.getCell("A1").style).toBe(blad.getCell("A2").style);
    applyChanges(loaded, [{ kind: "numberFormat", sheet: "Blad", range: "A1", format: "0.00" }]);
    expect(blad.getCell("A1").numFmt).toBe("0.00");
    expect(blad.getCell("A2").numFmt).toBe("0.0");
  });

  test("sharing empty styles keeps a date a date and a number a number", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Blad");
    sheet.getCell("A1").value = "tekst";
    sheet.getCell("A2").value = new Date(Date.UTC(2024, 9, 4));
    sheet.getCell("A3").value = 42;
    shareEmptyStyles(workbook);
    expect(sheet.getCell("A1").style).not.toBe(sheet.getCell("A2").style);
    const again = (await reload(workbook)).getWorksheet("Blad")!;
    expect(again.getCell("A1").value).toBe("tekst");
    expect(again.getCell("A2").value).toEqual(new Date(Date.UTC(2024, 9, 4)));
    expect(again.getCell("A3").value).toBe(42);
  });
});

describe("wrapped rows get a height for their text", () => {
  test("lines from the text's length and the column's width, each line of text on its own", () => {
    expect(wrappedLines("kort", 10)).toBe(1);
    expect(wrappedLines("", 10)).toBe(1);
    expect(wrappedLines("a".repeat(12), 10)).toBe(1);
    expect(wrappedLines("a".repeat(13), 10)).toBe(2);
    expect(wrappedLines("a".repeat(30), 10)).toBe(3);
    expect(wrappedLines("een\ntwee\n" + "a".repeat(13), 10)).toBe(4);
  });

  test("a wrapped block's rows are as tall as their tallest cell; one-line rows and unwrapped blocks keep the default", () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad");
    applyChanges(workbook, [
      { kind: "columnWidths", sheet: "Blad", widths: [{ column: 2, width: 10 }] },
      {
        kind: "writeValues",
        sheet: "Blad",
        at: "A2",
        values: [
          ["x", "a".repeat(30)],
          ["y", "kort"],
        ],
        wrap: true,
      },
      { kind: "writeValues", sheet: "Blad", at: "A5", values: [["b".repeat(300)]] },
    ]);
    const sheet = workbook.getWorksheet("Blad")!;
    expect(sheet.getRow(2).height).toBe(45);
    expect(sheet.getRow(3).height).toBeUndefined();
    expect(sheet.getRow(5).height).toBeUndefined();
  });
});

describe("a bold, wrapped header row is as tall as its longest header wrapped word by word", () => {
  test("a word that does not fit starts a new line; a longer word breaks inside", () => {
    // 12 a line: "Uurtarief" + " (excl." is 16.
    expect(headerLines("Uurtarief (excl. btw)", 12)).toBe(2);
    expect(headerLines("K3 Jaren klantmanager inkomen (laatste 5 jaar)", 28)).toBe(2);
    expect(headerLines("Loting", 9)).toBe(1);
    expect(headerLines("a".repeat(25), 10)).toBe(3);
    expect(headerLines("ab " + "a".repeat(25), 10)).toBe(4);
    expect(headerLines("een\ntwee", 30)).toBe(2);
    // Word by word needs more lines than a count of characters would give.
    const text = "Uurtarief (excl. btw, incl. reiskosten en fee)";
    expect(headerLines(text, 16)).toBe(4);
    expect(wrappedLines(text, 16)).toBe(3);
  });

  test("the template's Kandidaten header row in a file: wrapped, 15 pt a line of its longest header", () => {
    const workbook = new ExcelJS.Workbook();
    applyChanges(workbook, planTemplate(request17040));
    const sheet = workbook.getWorksheet("Kandidaten")!;
    let lines = 1;
    sheet.getRow(1).eachCell((cell, c) => {
      expect(cell.alignment).toMatchObject({ wrapText: true });
      lines = Math.max(lines, headerLines(String(cell.value), sheet.getColumn(c).width!));
    });
    expect(lines).toBe(4); // the rate's header at width 16
    expect(sheet.getRow(1).height).toBe(lines * 15);
  });
});

describe("pageSetup", () => {
  test("a file prints A4 landscape, one page wide, the header row on every page", async () => {
    const workbook = new ExcelJS.Workbook();
    applyChanges(workbook, [
      { kind: "createSheet", sheet: "Kandidaten" },
      { kind: "writeValues", sheet: "Kandidaten", at: "A1", values: [["Kandidaat"], ["Anna"]] },
      {
        kind: "pageSetup",
        sheet: "Kandidaten",
        paper: "A4",
        orientation: "landscape",
        fitToWidth: 1,
        fitToHeight: 0,
        printTitleRows: { first: 1, last: 1 },
      },
    ]);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const setup = /<pageSetup [^>]*\/>/.exec(sheet)?.[0] ?? "";
    // ECMA-376 ST_PaperSize 9 is A4; fitToHeight 0 is "as many pages tall as needed".
    expect(setup).toMatch(/paperSize="9"/);
    expect(setup).toMatch(/orientation="landscape"/);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="0"/);
    expect(sheet).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const book = await zip.file("xl/workbook.xml")!.async("string");
    expect(book).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">(&apos;)?Kandidaten(&apos;)?!\$1:\$1<\/definedName>/
    );
  });
});
