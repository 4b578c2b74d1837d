/**
 * The record of a scoring in the command's output (issue 17 §8): the JSON's values per
 * criterion, contract value and digest, and the `Verantwoording` sheet of the scored file.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { exampleWorkbook } from "../../src/cli/example";
import type { ScoreReport } from "../../src/cli/report";
import { ENGINE_VERSION } from "../../src/engine";
import { outputHeaders17040 } from "../workbook/helpers";
import { awardscore, scratch } from "./helpers";

/** The example workbook in a fresh folder, after an optional edit. */
async function example(dir: string, edit?: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = exampleWorkbook();
  edit?.(workbook);
  const file = path.join(dir, "aanvraag.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Scores a file and returns the JSON report and the scored workbook. */
async function scored(
  input: string,
  suffix = "-uit"
): Promise<{ report: ScoreReport; workbook: ExcelJS.Workbook }> {
  const out = input.replace(/\.xlsx$/, `${suffix}.xlsx`);
  const json = input.replace(/\.xlsx$/, `${suffix}.json`);
  const ran = await awardscore("score", input, "--out", out, "--json", json);
  expect(ran.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  return { report: JSON.parse(fs.readFileSync(json, "utf8")) as ScoreReport, workbook };
}

/** The cell of a defined name of the example (`Aanvraag!$B$15` → sheet and address). */
function namedCell(workbook: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const [sheet, address] = workbook.definedNames.getRanges(name).ranges[0].split("!");
  return workbook.getWorksheet(sheet.replace(/'/g, ""))!.getCell(address.replace(/\$/g, ""));
}

describe("score --json records what was used", () => {
  test("engine version, peildatum, rules and digest at the top; per candidate the value used and its source", async () => {
    const { report } = await scored(await example(scratch()));
    expect(report.engineVersion).toBe(ENGINE_VERSION);
    expect(report.referenceDate).toBe(report.rules.referenceDate);
    expect(report.rules.knockouts.map((k) => k.id)).toContain("K7");
    expect(report.requestSource).toEqual({ kind: "sheet" });
    expect(report.digest).toMatchObject({ algorithm: "SHA-256", format: "awardscore-invoer/1" });
    expect(report.digest.value).toMatch(/^[0-9a-f]{64}$/);

    const byName = (name: string) => report.candidates.find((c) => c.name === name)!;
    // Annelies: K3 typed 3, but her Werkervaring (open since 2019) fills the whole 5-year window.
    const annelies = byName("Annelies de Boer");
    expect(annelies.values.K3).toMatchObject({ source: "history", value: 5 });
    expect([undefined, 3]).toContain(annelies.values.K3.typed);
    expect(annelies.values.G9).toMatchObject({ source: "history", value: 15 });
    expect(annelies.values.K7).toEqual({ source: "cell", value: 1_000_000 });
    expect(annelies.values.G11).toEqual({ source: "cell", value: 2 });
    expect(annelies.values.K8).toEqual({ source: "cell", value: 68 });
    // Bram typed everything: "n.v.t." for K1, and his K3 stays as typed.
    const bram = byName("Bram Visser");
    expect(bram.values.K1).toEqual({ source: "cell", value: "n.v.t." });
    expect(bram.values.K3).toEqual({ source: "cell", value: 3 });
    expect(bram.values.G10).toEqual({ source: "cell", value: true });
  });

  test("the contract value for K7: 68 × 32 hours × 13 weeks, with the options only when Aanvraag says so", async () => {
    const base = (await scored(await example(scratch()))).report;
    expect(base.candidates.find((c) => c.name === "Annelies de Boer")!.contractValue).toEqual({
      used: 68 * 32 * 13,
      base: 68 * 32 * 13,
      withExtensions: 68 * 32 * 39,
      includesExtensions: false,
    });
    const withOptions = (
      await scored(
        await example(scratch(), (w) => {
          namedCell(w, "OptiesTellenMee").value = "Ja";
        })
      )
    ).report;
    expect(
      withOptions.candidates.find((c) => c.name === "Annelies de Boer")!.contractValue
    ).toMatchObject({
      used: 68 * 32 * 39,
      includesExtensions: true,
    });
    expect(withOptions.digest.value).not.toBe(base.digest.value);
  });

  test("the digest is the same on every run and changes when one input cell changes", async () => {
    const dir = scratch();
    const input = await example(dir);
    const first = (await scored(input)).report.digest.value;
    const again = (await scored(input, "-weer")).report.digest.value; // an OUT of its own (no --force)
    expect(again).toBe(first);
    const edited = (
      await scored(
        await example(scratch(), (w) => {
          w.getWorksheet("Kandidaten")!.getCell("F2").value = 2; // Annelies' K3 typed 2 instead of 3 (Werkervaring still decides)
        })
      )
    ).report.digest.value;
    expect(edited).not.toBe(first);
    const history = (
      await scored(
        await example(scratch(), (w) => {
          w.getWorksheet("Werkervaring")!.getCell("B2").value = "Consulent, gemeente Delft";
        })
      )
    ).report.digest.value;
    expect(history).not.toBe(first);
  });
});

describe("the scored file's Verantwoording", () => {
  test("holds the version, peildatum, moment, digest, rules and a row per candidate, as values", async () => {
    const { report, workbook } = await scored(await example(scratch()));
    const sheet = workbook.getWorksheet("Verantwoording")!;
    expect(sheet).toBeDefined();
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
    const setting = (label: string) => rows.find((r) => r?.[0] === label)?.[1];
    expect(String(rows[0][0])).toMatch(/^Verantwoording aanvraag 17040/);
    expect(setting("Engineversie")).toBe(ENGINE_VERSION);
    expect(setting("Peildatum")).toBe(report.referenceDate.split("-").reverse().join("-"));
    expect(setting("Beoordeeld op")).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(setting("Digest invoer (SHA-256)")).toBe(report.digest.value);
    expect(JSON.parse(String(setting("Regels (JSON)")))).toEqual(report.rules);
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((cell) => (formulas += cell.formula ? 1 : 0)));
    expect(formulas).toBe(0);

    const header = rows.findIndex((r) => r?.[0] === "Rij");
    const headers = rows[header] as string[];
    expect(headers.slice(0, 3)).toEqual(["Rij", "Kandidaat", "Uurtarief"]);
    expect(headers).toEqual(
      expect.arrayContaining(["K3", "K3 bron", "G9 bron", ...outputHeaders17040])
    );
    const body = rows.slice(header + 1).filter(Boolean);
    expect(body).toHaveLength(report.candidates.length);
    const at = (name: string, column: string) =>
      body.find((r) => r[1] === name)![headers.indexOf(column)];
    expect(at("Annelies de Boer", "K3")).toBe(5);
    expect(String(at("Annelies de Boer", "K3 bron"))).toMatch(/^Werkervaring/);
    expect(at("Bram Visser", "K3 bron")).toBe("getypt");
    expect(at("Bram Visser", "K1")).toBe("n.v.t.");
    expect(at("Olga Brouwer", "Status")).toBe("Valt af");
    expect(at("Olga Brouwer", "Knock-out")).toBe("K8");
    const olga = report.candidates.find((c) => c.name === "Olga Brouwer")!;
    expect(at("Olga Brouwer", "Toelichting")).toBe(olga.reason);
    expect(
      at(
        "Olga Brouwer",
        headers.find((h) => h.startsWith("Opdrachtwaarde K7"))!
      )
    ).toBe(olga.contractValue!.used);
  });

  test("a Verantwoording sheet with someone else's content stops the scoring; nothing is written", async () => {
    const dir = scratch();
    const input = await example(dir, (w) => {
      w.addWorksheet("Verantwoording").getCell("A1").value = "Mijn aantekeningen";
    });
    const ran = await awardscore("score", input);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("Het blad 'Verantwoording' bestaat al");
    expect(fs.existsSync(path.join(dir, "aanvraag-beoordeeld.xlsx"))).toBe(false);
  });
});
