/**
 * Changes applied to a workbook package in place: read back by ExcelJS and LibreOffice
 * they give what the ExcelJS writer gives, and every part no change touches keeps its bytes.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { evaluatorSnapshot } from "../../../src/cli/commands";
import { exampleWorkbook } from "../../../src/cli/example";
import { loadWorkbook, saveWorkbook } from "../../../src/cli/files";
import type { WorkbookChange } from "../../../src/workbook/changes";
import { planScoreRun } from "../../../src/workbook/scoreRun";
import { planVerify } from "../../../src/workbook/verify";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { applyChanges, fullSnapshot, repairLoadedTables } from "../../../src/xlsx";
import { applyToPackage } from "../../../src/xlsx/package/apply";
import { workbookParts } from "../../../src/xlsx/package/parts";
import { readPackage, writePackage, type Part } from "../../../src/xlsx/package/zip";
import { convert, csvAllSheets, csvRows, soffice } from "../libreoffice";

const FORMAT_KINDS = new Set([
  "listValidation",
  "validationTexts",
  "formulaFormat",
  "dataBar",
  "freezePanes",
  "columnWidths",
  "headerFooterTexts",
  "writeNote",
  "documentProperties",
]);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "package-apply-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
/** A fresh file name in the test folder. */
function file(name: string): string {
  return path.join(dir, `${++counter}-${name}`);
}

/** The bytes of an ExcelJS workbook as written. */
async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The workbook as LibreOffice saves it (xlsx → xlsx). */
function libreOfficeSaved(bytes: Buffer): Buffer {
  const input = file("in.xlsx");
  fs.writeFileSync(input, bytes);
  const out = path.join(dir, `lo-${counter}`);
  fs.mkdirSync(out);
  convert(dir, input, "xlsx", out);
  return fs.readFileSync(path.join(out, path.basename(input)));
}

/** The workbook as openpyxl saves it (absolute relationship targets). */
function openpyxlSaved(bytes: Buffer): Buffer {
  const input = file("in.xlsx");
  const output = file("openpyxl.xlsx");
  fs.writeFileSync(input, bytes);
  execFileSync("/usr/bin/python3", [
    "-c",
    "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])",
    input,
    output,
  ]);
  return fs.readFileSync(output);
}

/** Applies changes to the package in `bytes` and writes OUT; gives its path and the result. */
async function applied(bytes: Buffer, changes: WorkbookChange[]) {
  const pkg = await readPackage(bytes);
  const result = applyToPackage(pkg, changes);
  const out = file("out.xlsx");
  await writePackage(result.parts, out);
  return { pkg, result, out };
}

/**
 * ExcelJS's reading of a file, as the command reads (tables repaired). ExcelJS finds a table
 * only by a relative target (`../tables/table1.xml`): absolute ones, as openpyxl writes them,
 * are made relative for it first (a limit of this reader, not of the file).
 */
async function excelRead(out: string): Promise<ExcelJS.Workbook> {
  const pkg = await readPackage(fs.readFileSync(out));
  const parts = pkg.parts.map((part) =>
    /worksheets\/_rels\/.*\.rels$/.test(part.name)
      ? { name: part.name, data: Buffer.from(part.data.toString("utf8").replace(/Target="\/xl\/tables\//g, 'Target="../tables/')) }
      : part
  );
  const relative = file("exceljs.xlsx");
  await writePackage(parts, relative);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(relative);
  repairLoadedTables(workbook);
  return workbook;
}

/** A sheet of a full snapshot by name. */
function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The parts whose bytes differ between two part lists, and those only in one. */
function changedParts(before: Part[], after: Part[]): string[] {
  const old = new Map(before.map((p) => [p.name, p.data]));
  const changed: string[] = [];
  for (const part of after) {
    const was = old.get(part.name);
    if (!was || !was.equals(part.data)) changed.push(part.name);
    old.delete(part.name);
  }
  return [...changed, ...[...old.keys()].map((n) => `-${n}`)].sort();
}

/** The formulas of a sheet by address, as ExcelJS reads them. */
function formulas(workbook: ExcelJS.Workbook, sheet: string): Record<string, string> {
  const out: Record<string, string> = {};
  workbook.getWorksheet(sheet)?.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as { formula?: string; sharedFormula?: string } | null;
      if (value && typeof value === "object" && "formula" in value && value.formula)
        out[cell.address] = value.formula;
    })
  );
  return out;
}

/** A small workbook: a sheet with a table, a second sheet, a date, a shared string. */
function smallWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet("Gegevens");
  data.addTable({
    name: "Lijst",
    ref: "A1",
    columns: [{ name: "Naam" }, { name: "Uren" }],
    rows: [
      ["Olga", 32],
      ["Piet", 40],
    ],
  });
  data.getCell("D1").value = "los";
  data.getCell("D2").value = { formula: "B2*2", result: 64 };
  const other = workbook.addWorksheet("Anders");
  other.getCell("A1").value = "blijft";
  other.getCell("B3").value = new Date(Date.UTC(2024, 9, 4));
  other.getCell("B3").numFmt = "dd-mm-yyyy";
  return workbook;
}

/** The three writers of IN: ExcelJS, LibreOffice, openpyxl. */
async function flavours(workbook: ExcelJS.Workbook): Promise<Array<[string, Buffer]>> {
  const bytes = await bytesOf(workbook);
  const out: Array<[string, Buffer]> = [["ExcelJS", bytes]];
  if (soffice) out.push(["LibreOffice", libreOfficeSaved(bytes)]);
  out.push(["openpyxl", openpyxlSaved(bytes)]);
  return out;
}

describe("applyToPackage on a small workbook written by ExcelJS, LibreOffice and openpyxl", () => {
  let inputs: Array<[string, Buffer]>;
  beforeAll(async () => {
    inputs = await flavours(smallWorkbook());
  }, 120_000);

  test("values of every type land in their cells, in row and column order; other parts keep their bytes", async () => {
    for (const [writer, bytes] of inputs) {
      const changes: WorkbookChange[] = [
        {
          kind: "writeValues",
          sheet: "Gegevens",
          at: "C2",
          values: [
            ["tekst & <meer> \"'", 1.5, true],
            [{ error: "#N/A" }, new Date(Date.UTC(2024, 0, 31)), null],
          ],
        },
        { kind: "writeValues", sheet: "Gegevens", at: "A7", values: [[" spatie ", -0.1]] },
        { kind: "writeValues", sheet: "Gegevens", at: "B5", values: [[1e21]] },
      ];
      const { pkg, result, out } = await applied(bytes, changes);
      const sheetPart = workbookParts(pkg).sheets[0].part!;
      // The sheet changed; the styles only when the date's format needed a new cell format.
      const changed = changedParts(pkg.parts, result.parts);
      expect([writer, changed.filter((p) => p !== workbookParts(pkg).styles)]).toEqual([
        writer,
        [sheetPart],
      ]);
      const workbook = await excelRead(out);
      const sheet = workbook.getWorksheet("Gegevens")!;
      expect([writer, sheet.getCell("C2").value]).toEqual([writer, "tekst & <meer> \"'"]);
      expect(sheet.getCell("D2").value).toBe(1.5);
      expect(sheet.getCell("E2").value).toBe(true);
      expect(sheet.getCell("C3").value).toEqual({ error: "#N/A" });
      expect(sheet.getCell("D3").value).toEqual(new Date(Date.UTC(2024, 0, 31)));
      expect(sheet.getCell("A7").value).toBe(" spatie ");
      expect(sheet.getCell("B7").value).toBe(-0.1);
      expect(sheet.getCell("B5").value).toBe(1e21);
      expect(sheet.getCell("A2").value).toBe("Olga");
      expect(sheet.getCell("D1").value).toBe("los");
      expect(workbook.getWorksheet("Anders")!.getCell("B3").value).toEqual(
        new Date(Date.UTC(2024, 9, 4))
      );
    }
  });

  test("formulas are written with their cached results and the calculation chain goes", async () => {
    for (const [writer, bytes] of inputs) {
      const { result, out } = await applied(bytes, [
        {
          kind: "writeFormulas",
          sheet: "Anders",
          at: "C1",
          formulas: [["=1+1", "=\"a\"&\"b\"", "=1/0", "=TRUE()"]],
          results: [[2, "ab", { error: "#DIV/0!" }, true]],
        },
      ]);
      expect(result.parts.some((p) => /calcChain/i.test(p.name))).toBe(false);
      const workbook = await excelRead(out);
      const sheet = workbook.getWorksheet("Anders")!;
      expect([writer, sheet.getCell("C1").value]).toEqual([writer, { formula: "1+1", result: 2 }]);
      expect(sheet.getCell("D1").value).toEqual({ formula: '"a"&"b"', result: "ab" });
      expect(sheet.getCell("E1").value).toEqual({ formula: "1/0", result: { error: "#DIV/0!" } });
      expect(sheet.getCell("F1").value).toEqual({ formula: "TRUE()", result: true });
      expect(sheet.getCell("A1").value).toBe("blijft");
    }
  });

  test("a new sheet with a table and a name; a reset sheet loses its table; the others keep theirs", async () => {
    for (const [writer, bytes] of inputs) {
      const { out } = await applied(bytes, [
        { kind: "createSheet", sheet: "Ranking" },
        { kind: "createSheet", sheet: "ranking" },
        {
          kind: "writeValues",
          sheet: "Ranking",
          at: "A2",
          values: [
            ["Olga", 80],
            ["Piet", 70],
          ],
          numberFormats: [null, "0.0"],
          bold: true,
        },
        { kind: "createTable", sheet: "Ranking", name: "Ranking", range: "A1:B3", columns: ["Naam", "Score"] },
        { kind: "defineName", name: "Top", sheet: "Mijn blad", address: "A1:B2" },
        { kind: "defineName", name: "Top", sheet: "Ranking", address: "A2:B3" },
        { kind: "resetSheet", sheet: "Gegevens" },
        { kind: "writeValues", sheet: "Gegevens", at: "B2", values: [["nieuw"]] },
        { kind: "resetSheet", sheet: "Verantwoording" },
      ]);
      const workbook = await excelRead(out);
      const snapshot = fullSnapshot(workbook);
      expect([writer, snapshot.sheets.map((s) => s.name)]).toEqual([
        writer,
        ["Gegevens", "Anders", "Ranking", "Verantwoording"],
      ]);
      const ranking = sheetOf(snapshot, "Ranking");
      expect(ranking.values).toEqual([
        ["Naam", "Score"],
        ["Olga", 80],
        ["Piet", 70],
      ]);
      expect(ranking.tables).toEqual([
        expect.objectContaining({ name: "Ranking", columns: ["Naam", "Score"], rowCount: 2 }),
      ]);
      expect(workbook.getWorksheet("Ranking")!.getCell("B2").numFmt).toBe("0.0");
      expect(workbook.getWorksheet("Ranking")!.getCell("A3").font?.bold).toBe(true);
      const gegevens = sheetOf(snapshot, "Gegevens");
      expect(gegevens.tables).toEqual([]);
      expect(gegevens.values.slice(1)).toEqual([[null, "nieuw"]]);
      expect(gegevens.values.flat().filter((v) => v !== null)).toEqual(["nieuw"]);
      expect(snapshot.names).toEqual([{ name: "Top", sheet: "Ranking", address: "A2:B3" }]);
      expect(sheetOf(snapshot, "Anders").values[0][0]).toBe("blijft");
    }
  });

  test("a table gets columns at its right end and grows down over typed rows", async () => {
    for (const [writer, bytes] of inputs) {
      const { out } = await applied(bytes, [
        { kind: "writeValues", sheet: "Gegevens", at: "A4", values: [["Ans", 24]] },
        { kind: "growTable", sheet: "Gegevens", table: "lijst", range: "A1:B4", from: 4 },
        { kind: "addTableColumns", sheet: "Gegevens", table: "Lijst", columns: ["Status", "Score"] },
        { kind: "writeValues", sheet: "Gegevens", at: "C2", values: [["Ja", 1], ["Nee", 2], ["Ja", 3]] },
      ]);
      const workbook = await excelRead(out);
      const table = sheetOf(fullSnapshot(workbook), "Gegevens").tables[0];
      expect([writer, table]).toEqual([
        writer,
        expect.objectContaining({ name: "Lijst", columns: ["Naam", "Uren", "Status", "Score"], rowCount: 3 }),
      ]);
      const model = (workbook.getWorksheet("Gegevens")!.getTables()[0] as unknown as {
        table: { autoFilterRef?: string; tableRef?: string };
      }).table;
      expect(model.autoFilterRef).toBe("A1:D4");
      expect(workbook.getWorksheet("Gegevens")!.getCell("D1").value).toBe("Score");
    }
  });

  test("a bar chart is reported as skipped", async () => {
    const chart: WorkbookChange = {
      kind: "barChart",
      sheet: "Gegevens",
      title: "Scores",
      categories: "A2:A3",
      values: "B2:B3",
      anchor: "D2",
      colour: "#000000",
      highlight: "#FFFFFF",
      highlightFirst: 1,
    };
    const { result, pkg } = await applied(inputs[0][1], [chart]);
    expect(result.skipped).toEqual([chart]);
    expect(changedParts(pkg.parts, result.parts)).toEqual([]);
  });
});

/** The sheets the score command writes. */
const SCORED = ["Kandidaten", "Werkervaring", "Ranking", "Afwijzingen", "Verantwoording"];

/**
 * What a sheet holds that a reader cares about: values, formulas, tables. An empty text
 * counts as empty: the package writer writes it as an empty inline string, which ExcelJS
 * reads as no value (it reads "" only from the shared strings, where ExcelJS writes it).
 */
function content(workbook: ExcelJS.Workbook, sheet: string) {
  const snapshot = sheetOf(fullSnapshot(workbook), sheet);
  const values = snapshot.values.map((row) => {
    const cells = row.map((v) => (v === "" ? null : v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  return { values, tables: snapshot.tables, formulas: formulas(workbook, sheet) };
}

describe("scoring the example: the package writer gives what the ExcelJS writer gives", () => {
  const now = new Date(Date.UTC(2026, 11, 5, 12));
  let input: string;
  let packageOut: string;
  let excelOut: string;
  let pkgParts: { before: Part[]; after: Part[]; sheets: Record<string, string> };

  beforeAll(async () => {
    input = file("aanvraag.xlsx");
    await exampleWorkbook().xlsx.writeFile(input);
    // The ExcelJS way, as the command does it now.
    const workbook = await loadWorkbook(input);
    const run = planScoreRun(evaluatorSnapshot(workbook), {}, now);
    applyChanges(workbook, run.changes);
    excelOut = file("exceljs-out.xlsx");
    await saveWorkbook(workbook, excelOut);
    // The package way (the format changes are the formats module's: left out until it is merged).
    const again = await loadWorkbook(input);
    const plan = planScoreRun(evaluatorSnapshot(again), {}, now);
    const own = plan.changes.filter((c) => !FORMAT_KINDS.has(c.kind));
    const { pkg, result, out } = await applied(fs.readFileSync(input), own);
    packageOut = out;
    const parts = workbookParts(pkg);
    pkgParts = {
      before: pkg.parts,
      after: result.parts,
      sheets: Object.fromEntries(parts.sheets.map((s) => [s.name, s.part!])),
    };
  }, 120_000);

  test("every scored sheet has the same values, formulas and tables", async () => {
    const fromPackage = await excelRead(packageOut);
    const fromExcel = await excelRead(excelOut);
    expect(fromPackage.worksheets.map((w) => w.name)).toEqual(
      fromExcel.worksheets.map((w) => w.name)
    );
    for (const sheet of SCORED) {
      const mine = content(fromPackage, sheet);
      expect([sheet, mine.values.length > 1]).toEqual([sheet, true]);
      expect([sheet, mine]).toEqual([sheet, content(fromExcel, sheet)]);
    }
    expect(fullSnapshot(fromPackage).names).toEqual(fullSnapshot(fromExcel).names);
  });

  test("checking OUT finds it as scored: the record agrees with a fresh scoring", async () => {
    const result = planVerify(evaluatorSnapshot(await loadWorkbook(packageOut)));
    expect(result?.differences).toEqual([]);
  });

  test("the sheets the command does not write, and every other part it does not own, keep their bytes", () => {
    const changed = changedParts(pkgParts.before, pkgParts.after);
    const untouched = pkgParts.before
      .map((p) => p.name)
      .filter((n) => !changed.includes(n) && !changed.includes(`-${n}`));
    expect(untouched).toContain(pkgParts.sheets["Aanvraag"]);
    for (const name of changed)
      expect([name, /^xl\/(worksheets|tables)\/|styles\.xml|workbook\.xml|_rels|Content_Types|-xl\/calcChain/.test(name)]).toEqual([name, true]);
  });

  (soffice ? test : test.skip)(
    "LibreOffice opens OUT and shows the same values as in the ExcelJS-written OUT",
    () => {
      const csvOf = (xlsx: string, tag: string) => {
        const outdir = path.join(dir, `csv-${tag}`);
        fs.mkdirSync(outdir);
        convert(dir, xlsx, csvAllSheets, outdir);
        const base = path.basename(xlsx, ".xlsx");
        return Object.fromEntries(
          SCORED.map((sheet) => [
            sheet,
            csvRows(fs.readFileSync(path.join(outdir, `${base}-${sheet}.csv`), "utf8")),
          ])
        );
      };
      const mine = csvOf(packageOut, "package");
      const theirs = csvOf(excelOut, "exceljs");
      for (const sheet of SCORED) {
        expect([sheet, mine[sheet].length > 1]).toEqual([sheet, true]);
        expect([sheet, mine[sheet]]).toEqual([sheet, theirs[sheet]]);
      }
    },
    180_000
  );
});
