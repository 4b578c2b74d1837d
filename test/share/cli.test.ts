/** Every exit path of `awardscore share` and `awardscore opschonen`, and the `Afwijzingen` sheet of `score`. */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { exampleWorkbook } from "../../src/cli/example";
import { awardscore, readReport, scratch } from "../cli/helpers";
import { evaluatorSnapshot } from "../../src/cli/commands";
import { planScore } from "../../src/workbook/score";
import { finalise } from "../workbook/decide";
import { allCellTexts, recordDraw } from "./helpers";

async function example(
  dir: string,
  edit: (w: ExcelJS.Workbook) => void = () => {}
): Promise<string> {
  const workbook = exampleWorkbook();
  edit(workbook);
  const file = path.join(dir, "aanvraag.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function sheetTexts(workbook: ExcelJS.Workbook, name: string): string {
  const sheet = workbook.getWorksheet(name);
  const texts: string[] = [];
  sheet?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  return texts.join("\n");
}

describe("awardscore share", () => {
  test("writes the workbook for the municipality once the top is final: exit 0, IN unchanged", async () => {
    const dir = scratch();
    const input = await example(dir, (w) => finalise(w));
    const before = fs.readFileSync(input);
    const out = path.join(dir, "gemeente.xlsx");
    const ran = await awardscore("share", input, "--out", out);
    expect(ran).toMatchObject({ code: 0, stderr: "" });
    expect(ran.stdout).toBe(`Werkmap voor de gemeente: ${out} (10 kandidaten in de top).`);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["aanvraag.xlsx", "gemeente.xlsx"]);
    const shared = await open(out);
    expect(shared.worksheets.map((w) => w.name)).toEqual([
      "Voorblad",
      "Top 10",
      "Stap 3",
      "Stap 4",
    ]);
    const texts = allCellTexts(shared).join("\n");
    const outside = planScore(evaluatorSnapshot(await open(input))).evaluation.candidates.filter(
      (c) => !c.top
    );
    expect(outside.length).toBeGreaterThan(5);
    for (const c of outside) expect(texts).not.toContain(c.name);
  });

  test("--peildatum overrides the request's peildatum and says so", async () => {
    const dir = scratch();
    const out = path.join(dir, "gemeente.xlsx");
    const ran = await awardscore(
      "share",
      await example(dir, finalise),
      "--out",
      out,
      "--peildatum",
      "27-08-2024"
    );
    expect(ran.code).toBe(0);
    expect(ran.stdout.split("\n")[0]).toBe(
      "Let op: peildatum 27-08-2024 (--peildatum) in plaats van 26-08-2024 uit de aanvraag."
    );
    const texts = allCellTexts(await open(out));
    expect(texts).toContain("27-08-2024");
    // The Voorblad's peildatum line and the top sheet's subtitle say it was given, not the request's.
    expect(texts).toContain(
      "Opgegeven bij het beoordelen, in plaats van 26-08-2024 uit de aanvraag. " +
        "Alle jaren ervaring zijn geteld in een periode die eindigt op de peildatum."
    );
    expect(
      texts.some((t) =>
        t.startsWith(
          "Peildatum 27-08-2024 (opgegeven bij het beoordelen, in plaats van 26-08-2024 uit de aanvraag) · top 10"
        )
      )
    ).toBe(true);
  });

  test("--preset is used when the workbook has no Aanvraag sheet", async () => {
    const dir = scratch();
    const input = await example(dir, (w) => {
      finalise(w);
      w.removeWorksheet(w.getWorksheet("Aanvraag")!.id);
    });
    const out = path.join(dir, "gemeente.xlsx");
    expect((await awardscore("share", input, "--out", out)).code).toBe(2);
    const ran = await awardscore("share", input, "--out", out, "--preset", "17040");
    expect(ran.code).toBe(0);
  });

  test.each([
    [["share"], "Geef de werkmap met de kandidaten op"],
    [["share", "a.xlsx"], "Geef met --out aan waar de werkmap voor de gemeente moet komen"],
    [["share", "a.xlsx", "b.xlsx", "--out", "c.xlsx"], "Onverwacht argument: b.xlsx."],
    [["share", "a.xlsx", "--uit", "c.xlsx"], "Ongeldige optie: '--uit' bestaat niet."],
    [["share", "a.xlsx", "--out"], "Ongeldige optie: '--out' heeft een waarde nodig."],
  ])("usage error %j: exit 2 with the usage", async (argv, message) => {
    const ran = await awardscore(...argv);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
    expect(ran.stderr).toContain("awardscore share IN.xlsx --out UIT.xlsx");
  });

  test("--help: exit 0 with share's own help", async () => {
    const ran = await awardscore("share", "--help");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(
      "Maakt de werkmap voor de gemeente (Voorblad, Top N, Stap 3, Stap 4)"
    );
  });

  test("file problems: exit 2 with a Dutch message, nothing written", async () => {
    const dir = scratch();
    const input = await example(dir, (w) => finalise(w));
    const text = path.join(dir, "kapot.xlsx");
    fs.writeFileSync(text, "geen werkmap");
    const cases: Array<[string[], string]> = [
      [["share", input, "--out", path.join(dir, "uit.csv")], "is geen .xlsx-bestand"],
      [["share", input, "--out", input], "mag niet hetzelfde bestand zijn als de invoer"],
      [
        ["share", path.join(dir, "weg.xlsx"), "--out", path.join(dir, "uit.xlsx")],
        "Bestand niet gevonden",
      ],
      [["share", text, "--out", path.join(dir, "uit.xlsx")], "is geen leesbare .xlsx-werkmap"],
      [["share", input, "--out", path.join(dir, "map", "uit.xlsx")], "Kan '"],
      [
        ["share", input, "--out", path.join(dir, "uit.xlsx"), "--preset", "99999"],
        "Onbekende preset '99999'",
      ],
    ];
    for (const [argv, message] of cases) {
      const ran = await awardscore(...argv);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(message);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["aanvraag.xlsx", "kapot.xlsx"]);
  });

  test("a workbook without Kandidaten: exit 2", async () => {
    const dir = scratch();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad1").getCell("A1").value = "x";
    const input = path.join(dir, "leeg.xlsx");
    await workbook.xlsx.writeFile(input);
    const ran = await awardscore(
      "share",
      input,
      "--out",
      path.join(dir, "uit.xlsx"),
      "--preset",
      "17040"
    );
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("Het blad 'Kandidaten' ontbreekt");
  });
});

describe("awardscore score writes Afwijzingen", () => {
  test("one row per candidate outside the top, with the paragraph", async () => {
    const dir = scratch();
    const input = await example(dir);
    const out = path.join(dir, "uit.xlsx");
    expect((await awardscore("score", input, "--out", out)).code).toBe(0);
    const sheet = (await open(out)).getWorksheet("Afwijzingen")!;
    expect(sheet.getCell("A1").value).toBe("Afwijzingen aanvraag 17040 — Klantmanager Inkomen");
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      "Rij",
      "Kandidaat",
      "Leverancier",
      "Status",
      "Versturen",
      "Tekst voor de leverancier",
      "Waarom niet",
    ]);
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 4) names.push(String(row.getCell(2).value));
    });
    expect(names).toHaveLength(24 - 9);
    expect(names).toContain("Olga Brouwer");
    expect(names).not.toContain("Annelies de Boer");
  });

  test("each paragraph's row is as tall as its wrapped text in the 100-wide column", async () => {
    const dir = scratch();
    const input = await example(dir);
    const out = path.join(dir, "uit.xlsx");
    expect((await awardscore("score", input, "--out", out)).code).toBe(0);
    const sheet = (await open(out)).getWorksheet("Afwijzingen")!;
    expect(sheet.getColumn(6).width).toBe(100);
    expect(sheet.getCell("F5").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    let rows = 0;
    sheet.eachRow((row, n) => {
      if (n <= 4) return;
      rows++;
      const text = String(row.getCell(6).value);
      expect(text.length).toBeGreaterThan(120); // every paragraph needs more than one line
      expect(row.height).toBe(Math.ceil(text.length / 120) * 15);
    });
    expect(rows).toBe(24 - 9);
  });

  test("an Afwijzingen sheet that is not ours: exit 2, nothing written", async () => {
    const dir = scratch();
    const input = await example(dir, (w) => {
      w.addWorksheet("Afwijzingen").getCell("A1").value = "Mijn eigen lijst";
    });
    const out = path.join(dir, "uit.xlsx");
    const ran = await awardscore("score", input, "--out", out);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("Het blad 'Afwijzingen' bestaat al");
    expect(fs.existsSync(out)).toBe(false);
  });
});

/** The example with its open rows decided as the CV does not say (Nee, 0) and the nameless row cleared: only the draw is left. */
function decidedButTheDraw(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.getWorksheet("Kandidaten")!;
  for (const [cell, value] of [
    ["I23", "Nee"],
    ["J24", 0],
    ["O25", "Nee"],
  ] as const)
    sheet.getCell(cell).value = value;
  sheet.getRow(26).eachCell((c) => (c.value = null));
}

describe("awardscore opschonen", () => {
  const drawn = (w: ExcelJS.Workbook) =>
    recordDraw(w, ["Karin Peters", "Joost Vos", "Lucas Hendriks"]);

  test("pseudonymises the others everywhere, clears their history, keeps every score", async () => {
    const dir = scratch();
    const input = await example(dir, finalise);
    const scored = path.join(dir, "beoordeeld.xlsx");
    const json = path.join(dir, "voor.json");
    expect((await awardscore("score", input, "--out", scored, "--json", json)).code).toBe(0);
    const before = fs.readFileSync(scored);

    const ran = await awardscore("opschonen", scored);
    const cleaned = path.join(dir, "beoordeeld-opgeschoond.xlsx");
    expect(ran.code).toBe(0);
    const outside = readReport(json).candidates.filter((c) => !c.top).length;
    expect(outside).toBeGreaterThan(10);
    expect(ran.stdout).toContain(`Opgeschoond: ${outside} namen vervangen door een pseudoniem`);
    expect(ran.stdout).toContain("10 kandidaten in de top ongewijzigd.");
    expect(ran.stdout).toContain(`Geschreven: ${cleaned}`);
    expect(fs.readFileSync(scored).equals(before)).toBe(true);

    const report = readReport(json);
    const workbook = await open(cleaned);
    const sheets = ["Kandidaten", "Werkervaring", "Ranking", "Afwijzingen"].map((s) =>
      sheetTexts(workbook, s)
    );
    const all = sheets.join("\n");
    for (const c of report.candidates) {
      if (c.top) expect(sheetTexts(workbook, "Kandidaten")).toContain(c.name);
      else expect(all).not.toContain(c.name);
    }
    for (const i of [0, 2, 3]) expect(sheets[i]).toMatch(/Kandidaat \d{2}/);

    // Scoring the cleaned workbook again gives the same verdicts and scores, row by row.
    const again = path.join(dir, "na.json");
    expect(
      (await awardscore("score", cleaned, "--out", path.join(dir, "weer.xlsx"), "--json", again))
        .code
    ).toBe(0);
    const after = readReport(again);
    expect(after.candidates.map((c) => [c.row, c.status, c.score, c.top])).toEqual(
      report.candidates.map((c) => [c.row, c.status, c.score, c.top])
    );
  });

  test.each<[string, (w: ExcelJS.Workbook) => void, string]>([
    ["rows to decide", drawn, "Kandidaten!I23"],
    ["a draw pending", decidedButTheDraw, "Kandidaten!Q11"],
  ])(
    "refuses while the top is not final (%s): exit 2, the cells named, nothing written",
    async (_, edit, cell) => {
      const dir = scratch();
      const input = await example(dir, edit);
      const ran = await awardscore("opschonen", input, "--out", path.join(dir, "uit.xlsx"));
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain("De top is nog niet definitief, dus er is niets opgeschoond.");
      expect(ran.stderr).toContain(cell);
      expect(fs.readdirSync(dir)).toEqual(["aanvraag.xlsx"]);
    }
  );

  test.each([
    [["opschonen"], "Geef de werkmap op die opgeschoond moet worden"],
    [["opschonen", "a.xlsx", "b.xlsx"], "Onverwacht argument: b.xlsx."],
    [["opschonen", "a.xlsx", "--json", "x.json"], "Ongeldige optie: '--json' bestaat niet."],
  ])("usage error %j: exit 2", async (argv, message) => {
    const ran = await awardscore(...argv);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
  });

  test("file problems: exit 2", async () => {
    const dir = scratch();
    const input = await example(dir, drawn);
    for (const [argv, message] of [
      [["opschonen", input, "--out", input], "mag niet hetzelfde bestand zijn"],
      [["opschonen", input, "--out", path.join(dir, "uit.ods")], "is geen .xlsx-bestand"],
      [["opschonen", path.join(dir, "weg.xlsx")], "Bestand niet gevonden"],
    ] as Array<[string[], string]>) {
      const ran = await awardscore(...argv);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(message);
    }
    expect(fs.readdirSync(dir)).toEqual(["aanvraag.xlsx"]);
  });
});
