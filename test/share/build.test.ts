/**
 * The shared workbook as data: its sheets, only the top by name, values only,
 * native formulas only, and a name that looks like a formula stays text.
 */
import ExcelJS from "exceljs";
import {
  buildSharedWorkbook,
  sharedWorkbookBase64,
  sharedWorkbookBytes,
  step3Rows,
  step4Layout,
  topCandidates,
} from "../../src/share";
import { planScore } from "../../src/workbook/score";
import { candidatesSheet, passing, snapshotOf } from "../workbook/helpers";
import { allCellTexts, formulaName, recordDraw, reloaded, rename, scoredExample } from "./helpers";

const made = new Date(Date.UTC(2024, 9, 10));
const nativeFunctions = new Set([
  "IF",
  "OR",
  "VLOOKUP",
  "RANK",
  "COUNTIF",
  "COUNTIFS",
  "COUNTA",
  "FALSE",
]);

function formulas(workbook: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) found.push(cell.formula);
      })
    );
  return found;
}

describe("the shared workbook", () => {
  const { evaluation } = scoredExample((w) => rename(w, "Annelies de Boer", formulaName));
  const top = topCandidates(evaluation);

  test("has Voorblad, Top 10, Stap 3 and Stap 4", () => {
    const workbook = buildSharedWorkbook(evaluation, { made });
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Voorblad",
      "Top 10",
      "Stap 3",
      "Stap 4",
    ]);
  });

  test("names only the top: nobody outside it, nobody waiting for the draw", async () => {
    const workbook = await reloaded(buildSharedWorkbook(evaluation, { made }));
    const texts = allCellTexts(workbook).join("\n");
    const outside = evaluation.candidates.filter((c) => !c.top);
    expect(outside.length).toBeGreaterThan(10);
    for (const c of outside) expect(texts).not.toContain(c.name);
    for (const c of top) expect(texts).toContain(c.name);
    // The draw appears only as a count and a note.
    expect(texts).toContain("nog een loting nodig tussen 3 kandidaten");
  });

  test("no FLEX. formula; every function is one that Excel and LibreOffice both know", async () => {
    const workbook = await reloaded(buildSharedWorkbook(evaluation, { made }));
    const all = formulas(workbook);
    expect(all.length).toBeGreaterThan(100);
    for (const f of all) {
      expect(f).not.toMatch(/FLEX\./i);
      for (const [, name] of f.matchAll(/([A-Z][A-Z0-9.]*)\(/g))
        expect(nativeFunctions).toContain(name);
    }
    // Top 10 and Voorblad are values only.
    for (const name of ["Voorblad", "Top 10"]) {
      const sheet = workbook.getWorksheet(name)!;
      sheet.eachRow((row) =>
        row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
      );
    }
  });

  test("a name like =HYPERLINK(…) comes back as plain text, everywhere it is written", async () => {
    const workbook = await reloaded(buildSharedWorkbook(evaluation, { made }));
    let seen = 0;
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            expect(cell.formula).not.toContain("HYPERLINK");
            return;
          }
          if (typeof cell.value === "string" && cell.value.includes("HYPERLINK")) {
            seen++;
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.value).toContain(formulaName);
          }
        })
      );
    expect(seen).toBeGreaterThanOrEqual(4); // Top 10, Stap 3, Stap 4 overview and block title
    const topSheet = workbook.getWorksheet("Top 10")!;
    expect(topSheet.getCell("B5").value).toBe(formulaName);
    expect(topSheet.getCell("B5").numFmt).toBe("@");
  });

  test("Top 10: rank, name, supplier, rate, points per criterion, total, note and reason", async () => {
    const sheet = (await reloaded(buildSharedWorkbook(evaluation, { made }))).getWorksheet(
      "Top 10"
    )!;
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      "Rang",
      "Kandidaat",
      "Leverancier",
      "Uurtarief",
      "G9 (50)",
      "G10 (30)",
      "G11 (20)",
      "Totaal",
      "Opmerking",
      "Toelichting",
    ]);
    const dirk = top.findIndex((c) => c.name === "Dirk Mulder");
    const row = sheet.getRow(5 + dirk).values as ExcelJS.CellValue[];
    expect(row.slice(1, 10)).toEqual([
      4,
      "Dirk Mulder",
      "Interim Zuid BV",
      70,
      50,
      30,
      0,
      80,
      "Gelijke stand met Esther de Wit",
    ]);
    expect(String(row[10])).toMatch(
      /^Score 80 van 100: G9 .* → 50 punten; G10 Ja → 30 punten; G11 .* → 0 punten$/
    );
  });

  test("Voorblad: request, peildatum, rules and the counts", async () => {
    const texts = allCellTexts(await reloaded(buildSharedWorkbook(evaluation, { made })));
    for (const expected of [
      "Aanvraag 17040 — Klantmanager Inkomen",
      "26-08-2024",
      "26-08-2024 09:00",
      "10-10-2024",
      "Bij gelijke score gaat de kandidaat met het laagste uurtarief voor.",
      "  waarvan op K8",
      "Ontvangen kandidaten",
    ])
      expect(texts).toContain(expected);
    const sheet = (await reloaded(buildSharedWorkbook(evaluation, { made }))).getWorksheet(
      "Voorblad"
    )!;
    const counts = new Map<string, unknown>();
    sheet.eachRow((row) => counts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(counts.get("Ontvangen kandidaten")).toBe(24);
    expect(counts.get("Gevallen op een knock-outcriterium")).toBe(7);
    expect(counts.get("  waarvan op K8")).toBe(2);
    expect(counts.get("Onvolledig (niet te beoordelen)")).toBe(3);
    expect(counts.get("Geschikt")).toBe(14);
    expect(counts.get("In de top (op blad 'Top 10')")).toBe(9);
    expect(counts.get("Wachten op loting")).toBe(3);
  });

  test("after the draw, the top holds ten and the note is gone", () => {
    const drawn = scoredExample((w) =>
      recordDraw(w, ["Karin Peters", "Joost Vos", "Lucas Hendriks"])
    );
    const names = topCandidates(drawn.evaluation).map((c) => c.name);
    expect(names).toHaveLength(10);
    expect(names[9]).toBe("Karin Peters");
    const texts = allCellTexts(buildSharedWorkbook(drawn.evaluation, { made })).join("\n");
    expect(texts).not.toContain("loting nodig tussen");
    expect(texts).not.toContain("Joost Vos");
    expect(texts).toContain("Volgorde bepaald door loting");
  });

  test("layouts agree with the sheets", () => {
    const workbook = buildSharedWorkbook(evaluation, { made });
    const { check } = step3Rows(top.length);
    expect(String(workbook.getWorksheet("Stap 3")!.getCell(check, 1).formula)).toContain("COUNTIF");
    const layout = step4Layout(top.length, evaluation.request.competencyGate);
    expect(workbook.getWorksheet("Stap 4")!.getCell(layout.lineCell).formula).toContain("COUNTIFS");
  });

  test("bytes and base64 (what Excel.createWorkbook takes) are the same .xlsx", async () => {
    const bytes = await sharedWorkbookBytes(evaluation, { made });
    expect(bytes[0]).toBe(0x50); // PK: a zip
    const base64 = await sharedWorkbookBase64(evaluation, { made });
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
    expect(again.worksheets.map((w) => w.name)).toEqual(["Voorblad", "Top 10", "Stap 3", "Stap 4"]);
  });

  test("nobody in the top: every sheet says so, and nothing breaks", async () => {
    const none = planScore(
      snapshotOf(
        candidatesSheet([
          { ...passing, Uurtarief: 80 },
          { ...passing, Kandidaat: "Bo", K2: "Nee" },
        ])
      ),
      { preset: "17040" }
    ).evaluation;
    const workbook = await reloaded(buildSharedWorkbook(none, { made }));
    const texts = allCellTexts(workbook).join("\n");
    expect(texts).toContain("Er zijn (nog) geen kandidaten in de top.");
    expect(texts).toContain("stap 3 vervalt");
    expect(texts).toContain("stap 4 vervalt");
    expect(texts).not.toContain("Ans");
    expect(formulas(workbook)).toEqual([]);
  });
});
