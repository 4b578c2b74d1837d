/**
 * The shared workbook as data: its sheets, only the top by name, values only,
 * native formulas only, and a name that looks like a formula stays text.
 */
import ExcelJS from "exceljs";
import {
  evaluate,
  formatDate,
  request17040,
  type CvRequirementPolicy,
  type Evaluation,
} from "../../src/engine";
import {
  buildSharedWorkbook,
  sharedWorkbookBase64,
  sharedWorkbookBytes,
  step3Rows,
  step4Layout,
  topCandidates,
} from "../../src/share";
import { readCandidates } from "../../src/workbook/inputs";
import { planScore } from "../../src/workbook/score";
import { candidatesSheet, passing, snapshotOf } from "../workbook/helpers";
import {
  allCellTexts,
  formulaName,
  recordDraw,
  reloaded,
  rename,
  scoredExample,
  scoredExampleWith,
} from "./helpers";

const made = new Date(Date.UTC(2024, 9, 10));
const nativeFunctions = new Set([
  "IF",
  "OR",
  "AND",
  "TRIM",
  "VLOOKUP",
  "RANK",
  "COUNTIF",
  "COUNTIFS",
  "COUNTA",
  "FALSE",
]);

/** The Voorblad's rows as [column A, column B], as the municipality reads them. */
async function coverRows(evaluation: Evaluation): Promise<Array<[string, unknown]>> {
  const sheet = (await reloaded(buildSharedWorkbook(evaluation, { made }))).getWorksheet(
    "Voorblad"
  )!;
  const rows: Array<[string, unknown]> = [];
  sheet.eachRow((row) => rows.push([String(row.getCell(1).value ?? ""), row.getCell(2).value]));
  return rows;
}

const headings = [
  "Knock-outcriteria (stap 1)",
  "CV-eisen",
  "Gunningscriteria (stap 2)",
  "Rangorde",
  "Aantallen",
];

/** The rows from a heading up to the next heading (a section of the Voorblad). */
function section(rows: Array<[string, unknown]>, heading: string): Array<[string, unknown]> {
  const start = rows.findIndex(([a]) => a === heading);
  expect(start).toBeGreaterThan(0);
  const end = rows.findIndex(([a], i) => i > start && headings.includes(a));
  expect(end).toBeGreaterThan(start);
  return rows.slice(start + 1, end);
}

/**
 * Four candidates under 17040 with the given CV-eisen setting: Ans passes, Bo fails only
 * E1, Cor fails K2 and E1, Dirk fails only K3.
 */
function cvCase(cvRequirements: CvRequirementPolicy): Evaluation {
  const request = { ...request17040, cvRequirements };
  const snapshot = snapshotOf(
    candidatesSheet([
      passing,
      { ...passing, Kandidaat: "Bo", Uurtarief: 69, E1: 6 },
      { ...passing, Kandidaat: "Cor", K2: "Nee", E1: 7 },
      { ...passing, Kandidaat: "Dirk", K3: 1 },
    ])
  );
  return evaluate(request, readCandidates(snapshot, request).inputs, []);
}

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
      "Uurtarief (excl. btw, incl. reiskosten en fee)",
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
    expect(counts.get("Gevallen af (knock-outcriterium of CV-eis)")).toBe(7);
    expect(counts.get("Gevallen op een knock-outcriterium")).toBe(7);
    expect(counts.get("  waarvan op K8")).toBe(2);
    expect(counts.get("Niet voldaan aan een CV-eis")).toBe(2);
    expect(counts.get("  waarvan op E1")).toBe(1);
    expect(counts.get("  waarvan op E3")).toBe(1);
    expect(counts.get("Onvolledig (niet te beoordelen)")).toBe(3);
    expect(counts.get("Geschikt")).toBe(14);
    expect(counts.get("In de top (op blad 'Top 10')")).toBe(9);
    expect(counts.get("Wachten op loting")).toBe(3);
    // The request's dates with their names; the closing moment is the reactietermijn.
    const { referenceDate, closingMoment } = evaluation.request;
    expect(counts.get("Peildatum")).toBe(formatDate(referenceDate));
    expect(counts.get("Reactietermijn")).toBe(
      `${formatDate(closingMoment.slice(0, 10))} ${closingMoment.slice(11)}`
    );
    expect(texts).not.toContain("Sluitingsmoment");
  });

  test("Voorblad: the request's planning in date order, and its facts in its words", async () => {
    const sheet = (await reloaded(buildSharedWorkbook(evaluation, { made }))).getWorksheet(
      "Voorblad"
    )!;
    const rows: Array<[string, string]> = [];
    sheet.eachRow((row) => rows.push([String(row.getCell(1).value), String(row.getCell(2).value)]));
    const labels = rows.map(([label]) => label);
    const start = labels.indexOf("Planning (uit de aanvraag)");
    expect(start).toBeGreaterThan(0);
    const end = labels.indexOf("De procedure in het kort");
    const planning = rows
      .slice(start + 1, end)
      .filter(([label]) => label !== "" && label !== "null");
    expect(planning.map(([label]) => label)).toEqual(
      expect.arrayContaining([
        "Vragen indienen tot",
        "Antwoorden gepubliceerd",
        "Reactietermijn",
        "Peildatum",
        "Bericht over uitnodiging uiterlijk",
        "Selectiegesprekken",
      ])
    );
    const day = (text: string) => text.slice(6, 10) + text.slice(3, 5) + text.slice(0, 2);
    const days = planning.map(([, value]) => day(value));
    expect(days).toEqual([...days].sort());
    const facts = new Map(planning);
    expect(facts.get("Vragen indienen tot")).toBe("22-08-2024 09:00");
    expect(facts.get("Antwoorden gepubliceerd")).toBe("23-08-2024");
    expect(facts.get("Bericht over uitnodiging uiterlijk")).toBe("28-08-2024");
    expect(facts.get("Selectiegesprekken")).toBe("29-08-2024 en 30-08-2024");
    // The listing's own date, last (after the interviews), under its name and said not to count.
    expect(planning[planning.length - 1]).toEqual(["Einde inschrijfdatum", "04-10-2024 11:25"]);
    expect(rows.map(([, b]) => b)).toContain(
      "De datum van de advertentie; telt niet mee bij het beoordelen."
    );
    const all = new Map(rows);
    expect(all.get("Looptijd")).toBe(
      "3 maanden, met 2 opties tot verlenging van elk 3 maanden (13 weken, 2 verlengingsopties van 13 weken)"
    );
    expect(all.get("VOG")).toBe(
      "De gemeente zal om een Verklaring Omtrent het Gedrag (VOG) verzoeken."
    );
    // The procedure counts the request's competencies and quotes its step 3.
    const texts = labels.join("\n");
    expect(texts).toContain("Selectiegesprek over de zes competenties met minstens 2 beoordelaars");
    expect(texts).toContain(
      '   "De (minimaal 2) kandidaten die op basis van deze criteria als beste worden beoordeeld, worden uitgenodigd voor een selectiegesprek (stap 4 in de beoordeling)."'
    );
  });

  test("a request with a top of 3 and four competencies: every sheet and text follows it", async () => {
    const gate = evaluation.request.competencyGate;
    const three = scoredExampleWith({
      topN: 3,
      competencyGate: { ...gate, competencies: gate.competencies.slice(0, 4) },
    });
    const names = topCandidates(three).map((c) => c.name);
    expect(names).toHaveLength(3);
    const workbook = await reloaded(buildSharedWorkbook(three, { made }));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Voorblad",
      "Top 3",
      "Stap 3",
      "Stap 4",
    ]);
    const texts = allCellTexts(workbook).join("\n");
    expect(texts).not.toMatch(/Top 10|\bzes\b|\btien\b/);
    expect(texts).toContain(
      "De (maximaal) 3 best scorende geschikte kandidaten staan op het blad 'Top 3'."
    );
    expect(texts).toContain("In de top (op blad 'Top 3')");
    expect(texts).toContain("Selectiegesprek over de vier competenties");
    const top = workbook.getWorksheet("Top 3")!;
    expect([5, 6, 7].map((r) => top.getCell(r, 2).value)).toEqual(names);
    expect(top.getCell(8, 2).value).toBeNull();
    const layout = step4Layout(3, three.request.competencyGate);
    const step4 = workbook.getWorksheet("Stap 4")!;
    expect(layout.blocks).toHaveLength(3);
    const block = layout.blocks[2];
    expect(Array.from({ length: 5 }, (_, k) => step4.getCell(block.firstRow + k, 1).value)).toEqual(
      [...gate.competencies.slice(0, 4), "Voldoet aan alle competenties"]
    );
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

  describe("CV-eisen apart from the knock-outs (issue 17 §5)", () => {
    test("the criteria: K… under the knock-outs, E… under CV-eisen with the request's setting and words", async () => {
      const rows = await coverRows(evaluation);
      const knockouts = section(rows, "Knock-outcriteria (stap 1)").map(([a]) => a);
      expect(knockouts).toEqual(["Id", "K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"]);
      const cv = section(rows, "CV-eisen");
      expect(cv.map(([a]) => a).filter((a) => /^E\d/.test(a))).toEqual(["E1", "E2", "E3"]);
      expect(new Map(cv).get("Gevolg")).toBe("uitsluiten: wie er een niet haalt, valt af");
      expect(new Map(cv).get("Uit de aanvraag")).toBe(
        '"Maximaal 5 pagina’s, opgesteld in het Nederlands, minimaal 2 referenties."'
      );
      const report = section(await coverRows(cvCase("report")), "CV-eisen");
      expect(new Map(report).get("Gevolg")).toBe("alleen melden: telt niet mee");
    });

    test("the quoted sentence is the request's own fact: another request quotes its own, none without it", async () => {
      const withFacts = (facts: Evaluation["request"]["facts"]): Evaluation => {
        const base = cvCase("exclude");
        return { ...base, request: { ...base.request, facts } };
      };
      const own = section(
        await coverRows(
          withFacts([{ label: "CV-eisen in de aanvraag", value: "Maximaal 3 pagina's." }])
        ),
        "CV-eisen"
      );
      expect(new Map(own).get("Uit de aanvraag")).toBe('"Maximaal 3 pagina\'s."');
      const none = section(await coverRows(withFacts([])), "CV-eisen");
      expect(new Map(none).has("Uit de aanvraag")).toBe(false);
      // Quoted once, under CV-eisen, not again among the request's facts.
      const all = (await coverRows(evaluation)).map(([, b]) => b);
      expect(all.filter((b) => String(b).includes("Maximaal 5 pagina"))).toHaveLength(1);
    });

    test("uitsluiten: a candidate who fails only E1 is out, and counted apart under the CV-eisen", async () => {
      const rows = await coverRows(cvCase("exclude"));
      const counts = new Map(rows);
      expect(counts.get("Ontvangen kandidaten")).toBe(4);
      expect(counts.get("Gevallen af (knock-outcriterium of CV-eis)")).toBe(3); // Bo, Cor, Dirk
      expect(counts.get("Gevallen op een knock-outcriterium")).toBe(2); // Cor, Dirk
      expect(counts.get("  waarvan op K2")).toBe(1);
      expect(counts.get("  waarvan op K3")).toBe(1);
      expect(counts.get("Niet voldaan aan een CV-eis")).toBe(2); // Bo, Cor
      expect(counts.get("  waarvan op E1")).toBe(2);
      expect(counts.get("  waarvan op E2")).toBe(0);
      expect(counts.get("Geschikt")).toBe(1);
      expect(rows.map(([, b]) => String(b))).toContain(
        "Wie niet voldoet aan een CV-eis, valt af (CV-eisen: uitsluiten)."
      );
    });

    test("alleen melden: failing only E1 leaves a candidate eligible, and out of every 'gevallen af' count", async () => {
      const evaluation = cvCase("report");
      const rows = await coverRows(evaluation);
      const counts = new Map(rows);
      expect(counts.get("Gevallen af (knock-outcriterium)")).toBe(2); // Cor, Dirk; not Bo
      expect(counts.has("Gevallen af (knock-outcriterium of CV-eis)")).toBe(false);
      expect(counts.get("Gevallen op een knock-outcriterium")).toBe(2);
      expect(counts.get("Niet voldaan aan een CV-eis")).toBe(2); // still reported
      expect(counts.get("  waarvan op E1")).toBe(2);
      expect(counts.get("Geschikt")).toBe(2); // Ans and Bo
      expect(counts.get("In de top (op blad 'Top 10')")).toBe(2);
      expect(rows.map(([, b]) => String(b))).toContain(
        "Alleen gemeld: telt niet mee; wie alleen een CV-eis niet haalt, valt niet af."
      );
      // Bo is in the top; the municipality reads there which CV-eis was not met.
      const workbook = await reloaded(buildSharedWorkbook(evaluation, { made }));
      const top = workbook.getWorksheet("Top 10")!;
      const notes = new Map<string, unknown>();
      top.eachRow((row) => notes.set(String(row.getCell(2).value), row.getCell(9).value));
      expect(notes.get("Bo")).toBe("Niet voldaan aan CV-eis E1 (alleen gemeld)");
      expect(notes.get("Ans")).toBe("");
    });

    test.each(["exclude", "report"] as const)(
      "%s: no text of the shared workbook calls an E id a knock-out",
      async (policy) => {
        for (const source of [scoredExampleWith({ cvRequirements: policy }), cvCase(policy)]) {
          const rows = await coverRows(source);
          const knockouts = section(rows, "Knock-outcriteria (stap 1)");
          expect(knockouts.some(([a]) => /^E\d/.test(a))).toBe(false);
          // The counts: between the knock-out line and the CV-eisen line only K… ids.
          const labels = rows.map(([a]) => a);
          const from = labels.indexOf("Gevallen op een knock-outcriterium");
          const to = labels.indexOf("Niet voldaan aan een CV-eis");
          expect(from).toBeGreaterThan(0);
          expect(to).toBeGreaterThan(from);
          const ids = labels.slice(from + 1, to).map((a) => /\b([KE]\d+)$/.exec(a)?.[1]);
          expect(ids.filter(Boolean).length).toBe(8);
          expect(ids.filter((id) => id?.startsWith("E"))).toEqual([]);
          // No cell anywhere names an E id and a knock-out together.
          const texts = allCellTexts(await reloaded(buildSharedWorkbook(source, { made })));
          expect(texts.some((text) => /\bE\d/.test(text))).toBe(true);
          for (const text of texts) if (/\bE\d/.test(text)) expect(text).not.toMatch(/knock/i);
        }
      }
    );
  });
});
