/** Every exit path of `awardscore`, in-process: exit codes, messages, files. */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { exampleWorkbook } from "../../src/cli/example";
import type { ScoreReport } from "../../src/cli/report";
import { cliTexts } from "../../src/cli/texts";
import { blankRequestTexts, criteriaHeaders } from "../../src/workbook/texts";
import { applyChanges } from "../../src/xlsx";
import { awardscore, scratch } from "./helpers";

const root = path.resolve(__dirname, "../..");
const example = path.join(root, "examples/aanvraag-17040.xlsx");

/** The bundled example, or a freshly made one when it is not there yet. */
async function exampleCopy(dir: string): Promise<string> {
  const file = path.join(dir, "aanvraag.xlsx");
  if (fs.existsSync(example)) fs.copyFileSync(example, file);
  else await exampleWorkbook().xlsx.writeFile(file);
  return file;
}

async function edited(dir: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const file = await exampleCopy(dir);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook);
  const out = path.join(dir, "bewerkt.xlsx");
  await workbook.xlsx.writeFile(out);
  return out;
}

describe("awardscore score", () => {
  test("scores the example: exit 0, the summary, OUT beside IN, IN byte-identical", async () => {
    const dir = scratch();
    const input = await exampleCopy(dir);
    const before = fs.readFileSync(input);
    const mtime = fs.statSync(input).mtimeMs;
    const ran = await awardscore("score", input);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toContain("Kandidaten: 24 — 14 geschikt, 7 vallen af, 3 onvolledig");
    expect(ran.stdout).toContain(
      "Loting nodig:\n  Joost Vos, Karin Peters en Lucas Hendriks voor plaats 10"
    );
    expect(ran.stdout).toContain(`Geschreven: ${path.join(dir, "aanvraag-beoordeeld.xlsx")}`);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.statSync(input).mtimeMs).toBe(mtime);
    expect(fs.readdirSync(dir).sort()).toEqual(["aanvraag-beoordeeld.xlsx", "aanvraag.xlsx"]);
  });

  test("the summary names the peildatum (reactietermijn) and the listing's date", async () => {
    const dir = scratch();
    const ran = await awardscore("score", await exampleCopy(dir));
    expect(ran.code).toBe(0);
    expect(ran.stdout.split("\n")[1]).toBe(
      "Peildatum 26-08-2024 (reactietermijn) · Einde inschrijfdatum 04-10-2024 11:25 (telt niet mee) · top 10"
    );
  });

  test("--peildatum overrides the request's peildatum; the summary, the JSON and every sheet say so", async () => {
    const dir = scratch();
    const json = path.join(dir, "uitslag.json");
    const out = path.join(dir, "uit.xlsx");
    const ran = await awardscore(
      "score",
      await exampleCopy(dir),
      "--out",
      out,
      "--peildatum",
      "27-08-2024",
      "--json",
      json
    );
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(
      "Let op: peildatum 27-08-2024 (--peildatum) in plaats van 26-08-2024 uit de aanvraag."
    );
    expect(ran.stdout).toContain(
      "Peildatum 27-08-2024 (opgegeven bij het beoordelen, in plaats van 26-08-2024 uit de aanvraag) · " +
        "Einde inschrijfdatum 04-10-2024 11:25 (telt niet mee) · top 10"
    );
    const report = JSON.parse(fs.readFileSync(json, "utf8")) as ScoreReport;
    expect(report.request).toMatchObject({
      referenceDate: "2024-08-27",
      referenceDateSource: "option",
      requestReferenceDate: "2024-08-26",
    });
    // One day later, Pieter de Graaf's 28-08-2022 up to the peildatum is exactly 2 years.
    const pieter = report.candidates.find((c) => c.name === "Pieter de Graaf");
    expect(pieter?.failed).toEqual([]);
    // The sheets of the written workbook say it too.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const overridden = "opgegeven bij het beoordelen, in plaats van 26-08-2024 uit de aanvraag";
    for (const sheet of ["Ranking", "Afwijzingen"])
      expect(String(workbook.getWorksheet(sheet)!.getCell("A2").value)).toContain(
        `Peildatum 27-08-2024 (${overridden})`
      );
    const record: string[] = [];
    workbook.getWorksheet("Verantwoording")!.eachRow((row) => record.push(row.getCell(2).text));
    expect(record).toContain(
      "opgegeven bij het beoordelen (--peildatum), in plaats van 26-08-2024 uit de aanvraag"
    );
  });

  test("--json writes exactly the shape of issue 3", async () => {
    const dir = scratch();
    const input = await exampleCopy(dir);
    const json = path.join(dir, "uitslag.json");
    const ran = await awardscore(
      "score",
      input,
      "--out",
      path.join(dir, "uit.xlsx"),
      "--json",
      json
    );
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(`JSON: ${json}`);
    const report = JSON.parse(fs.readFileSync(json, "utf8")) as ScoreReport;
    expect(report.request).toEqual({
      id: "17040",
      title: "Klantmanager Inkomen",
      referenceDate: "2024-08-26",
      referenceDateSource: "request",
      requestReferenceDate: "2024-08-26",
      closingMoment: "2024-08-26T09:00",
      listingClosingMoment: "2024-10-04T11:25",
      topN: 10,
    });
    expect(report.candidates).toHaveLength(24);
    for (const c of report.candidates) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining([
          "row",
          "name",
          "status",
          "failed",
          "score",
          "rank",
          "top",
          "tie",
          "needsDraw",
          "reason",
        ])
      );
      expect(["eligible", "knockedOut", "incomplete"]).toContain(c.status);
      if (c.status !== "eligible") expect(c.rank).toBeNull();
      if (c.status === "incomplete") expect(c.score).toBeNull();
    }
    const byName = (name: string) => report.candidates.find((c) => c.name === name);
    expect(byName("Olga Brouwer")).toMatchObject({
      row: 16,
      status: "knockedOut",
      failed: ["K8"],
      rank: null,
      top: false,
    });
    expect(byName("Tamara de Haan")?.failed).toEqual(["K2", "K6", "K8"]);
    expect(byName("Dirk Mulder")).toMatchObject({
      score: 80,
      rank: 4,
      top: true,
      tie: true,
      needsDraw: false,
    });
    expect(byName("Joost Vos")).toMatchObject({
      score: 20,
      rank: 10,
      top: false,
      tie: true,
      needsDraw: true,
    });
    expect(byName("Wouter Koster")).toMatchObject({
      status: "incomplete",
      score: null,
      rank: null,
    });
    expect(report.problems).toEqual([
      { sheet: "Kandidaten", cell: "I23", message: "K6: Niet ingevuld. Typ Ja of Nee." },
      {
        sheet: "Kandidaten",
        cell: "J24",
        message: "K7: Geen geldig bedrag: 'abc'. Typ bijvoorbeeld 72,50 of € 72,50.",
      },
      {
        sheet: "Kandidaten",
        cell: "O25",
        message: "G10: Geen geldig antwoord: 'misschien'. Typ Ja of Nee.",
      },
      {
        sheet: "Kandidaten",
        cell: "A26",
        message: "Deze rij heeft gegevens maar geen naam bij Kandidaat; de rij telt niet mee.",
      },
    ]);
  });

  test("--json - puts only JSON on stdout and the summary on stderr", async () => {
    const dir = scratch();
    const ran = await awardscore("score", await exampleCopy(dir), "--json", "-");
    expect(ran.code).toBe(0);
    expect((JSON.parse(ran.stdout) as ScoreReport).candidates).toHaveLength(24);
    expect(ran.stderr).toContain("Top 10:");
  });

  test("--preset with an Aanvraag sheet: the sheet decides, and says so", async () => {
    const dir = scratch();
    const ran = await awardscore("score", await exampleCopy(dir), "--preset", "17040");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(
      "Let op: --preset 17040 is niet gebruikt; het blad 'Aanvraag' in de werkmap bepaalt de aanvraag."
    );
  });

  test("a workbook without Aanvraag scores with --preset, and is refused without it", async () => {
    const dir = scratch();
    const input = await edited(dir, (wb) => wb.removeWorksheet(wb.getWorksheet("Aanvraag")!.id));
    expect((await awardscore("score", input, "--preset", "17040")).code).toBe(0);
    // An OUT of its own: the first run's OUT is not replaced without --force.
    const refused = await awardscore("score", input, "--out", path.join(dir, "zonder.xlsx"));
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "Het blad 'Aanvraag' ontbreekt en er is geen preset gekozen. Voeg het blad 'Aanvraag' toe, of kies een preset met --preset (17040).",
    });
  });

  test.each([
    [
      "the file does not exist",
      () => "ontbreekt.xlsx",
      [],
      (f: string) => `Bestand niet gevonden: '${f}'.`,
    ],
    [
      "the file is not an .xlsx",
      (dir: string) => {
        const f = path.join(dir, "kapot.xlsx");
        fs.writeFileSync(f, "dit is geen werkmap");
        return f;
      },
      [],
      (f: string) =>
        `'${f}' is geen leesbare .xlsx-werkmap: het is geen Excel-bestand (misschien een CSV-, tekst- of ` +
        `pdf-bestand, of een beschadigd of onvolledig bestand). Open het in Excel of LibreOffice en sla het ` +
        `op als .xlsx: in Excel met Opslaan als → Excel-werkmap (*.xlsx), in LibreOffice met Opslaan als → ` +
        `Excel 2007-365 (*.xlsx).`,
    ],
    [
      "OUT is IN",
      (dir: string) => {
        const f = path.join(dir, "zelfde.xlsx");
        fs.writeFileSync(f, "x");
        return f;
      },
      ["--out", "SELF"],
      (f: string) =>
        `De uitvoer mag niet hetzelfde bestand zijn als de invoer ('${f}'): de invoer wordt nooit gewijzigd.`,
    ],
    [
      "OUT is not an .xlsx name",
      (dir: string) => path.join(dir, "in.xlsx"),
      ["--out", "uit.csv"],
      () => "'uit.csv' is geen .xlsx-bestand. Geef een werkmap op die eindigt op .xlsx.",
    ],
    [
      "an unknown preset",
      () => "in.xlsx",
      ["--preset", "123"],
      () => "Onbekende preset '123'. Beschikbaar: 17040.",
    ],
  ])("exit 2 when %s", async (_, make, extra, message) => {
    const dir = scratch();
    const file = make(dir);
    if (extra[0] === "--preset") {
      const input = await exampleCopy(dir);
      const ran = await awardscore("score", input, ...extra);
      expect(ran).toEqual({ code: 2, stdout: "", stderr: message(input) });
      return;
    }
    const ran = await awardscore("score", file, ...extra.map((a) => (a === "SELF" ? file : a)));
    expect(ran).toEqual({ code: 2, stdout: "", stderr: message(file) });
  });

  test.each([
    [
      "no Kandidaten sheet",
      (wb: ExcelJS.Workbook) => wb.removeWorksheet(wb.getWorksheet("Kandidaten")!.id),
      "Het blad 'Kandidaten' ontbreekt. Voeg een blad 'Kandidaten' toe met de kandidaten, met de kolomkoppen in rij 1 (of als Excel-tabel).",
    ],
    [
      "no Kandidaat column",
      (wb: ExcelJS.Workbook) => {
        const sheet = wb.getWorksheet("Kandidaten")!;
        sheet.removeTable("Kandidaten");
        sheet.getCell("A1").value = "Naam";
      },
      "Het blad 'Kandidaten' heeft geen kolom 'Kandidaat'. Voeg die kolom toe (kolomkop 'Kandidaat').\n" +
        "  Kandidaten!X1: De kolom 'Kandidaat' ontbreekt; typ die kolomkop bijvoorbeeld hier, naast de laatste kolom.",
    ],
    [
      "a criterion column missing",
      (wb: ExcelJS.Workbook) => {
        const sheet = wb.getWorksheet("Kandidaten")!;
        sheet.removeTable("Kandidaten");
        sheet.getCell("N1").value = "Jaren gemeente";
      },
      "Het blad 'Kandidaten' heeft geen kolom voor G9. Voeg de kolom 'G9 Jaren allround inkomensconsulent gemeente (laatste 15 jaar)' toe; de kolom wordt herkend aan het id vooraan.\n" +
        "  Kandidaten!X1: De kolom 'G9 Jaren allround inkomensconsulent gemeente (laatste 15 jaar)' ontbreekt; typ die kolomkop bijvoorbeeld hier, naast de laatste kolom.",
    ],
  ])("exit 2 when %s", async (_, edit, message) => {
    const dir = scratch();
    const input = await edited(dir, edit);
    expect(await awardscore("score", input)).toEqual({ code: 2, stdout: "", stderr: message });
    expect(fs.existsSync(path.join(dir, "bewerkt-beoordeeld.xlsx"))).toBe(false);
  });

  test("exit 2 with every cell listed when the Aanvraag sheet is invalid", async () => {
    const dir = scratch();
    const input = await edited(dir, (wb) => {
      wb.getWorksheet("Aanvraag")!.getCell("B9").value = "tien";
    });
    expect(await awardscore("score", input)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "Het blad 'Aanvraag' bevat een fout; er is niet gescoord. Herstel de cel hieronder.\n" +
        "  Aanvraag!B9: Top N: Geen geldig aantal: 'tien'. Typ een heel getal, bijvoorbeeld 3.",
    });
  });
});

describe("awardscore template", () => {
  test("template → fill → score: the round trip", async () => {
    const dir = scratch();
    const file = path.join(dir, "nieuw.xlsx");
    const made = await awardscore("template", "--preset", "17040", "--out", file);
    expect(made).toEqual({
      code: 0,
      stdout: `Nieuwe werkmap voor aanvraag 17040: ${file}. Vul de kandidaten in op het blad 'Kandidaten' en beoordeel met: awardscore score ${file}`,
      stderr: "",
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Aanvraag",
      "Kandidaten",
      "Werkervaring",
      "Ranking",
    ]);
    const sheet = workbook.getWorksheet("Kandidaten")!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const values: Record<string, unknown> = {
      Kandidaat: "Ans de Vries",
      Uurtarief: "€ 70,00",
      K1: "n.v.t.",
      K3: "2,5",
      K7: "€ 1.000.000",
      G9: 10,
      G11: 1,
    };
    headers.forEach((h, i) => {
      const key = h in values ? h : h.split(" ")[0];
      if (/^(K\d|E2|G10)$/.test(key) && !(key in values)) sheet.getCell(2, i + 1).value = "Ja";
      else if (/^E[13]$/.test(key)) sheet.getCell(2, i + 1).value = 2;
      else if (key in values) sheet.getCell(2, i + 1).value = values[key] as ExcelJS.CellValue;
    });
    await workbook.xlsx.writeFile(file);
    const json = path.join(dir, "uit.json");
    expect((await awardscore("score", file, "--json", json)).code).toBe(0);
    const report = JSON.parse(fs.readFileSync(json, "utf8")) as ScoreReport;
    expect(report.candidates).toEqual([
      expect.objectContaining({
        row: 2,
        name: "Ans de Vries",
        status: "eligible",
        score: 100,
        rank: 1,
        top: true,
      }),
    ]);
  });

  test("without --preset: a blank request; scored unfilled, exit 2 names each Aanvraag cell to fill in", async () => {
    const dir = scratch();
    const file = path.join(dir, "leeg.xlsx");
    const made = await awardscore("template", "--out", file);
    expect(made.code).toBe(0);
    expect(made.stdout).toBe(cliTexts.blankWritten(file));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const aanvraag = workbook.getWorksheet("Aanvraag")!;
    expect(aanvraag.getCell("A1").value).toBe(blankRequestTexts.title);
    // The cells to fill in: empty, and their Toelichting says so.
    const toFill = new Set<string>();
    aanvraag.eachRow((row, r) => {
      const note = row.getCell(3).value;
      if (typeof note === "string" && note.startsWith("Invullen")) {
        expect(row.getCell(2).value ?? null).toBeNull();
        toFill.add(`B${r}`);
      }
    });
    expect(toFill.size).toBe(10);
    // What holds for most requests is filled in: top 10, scale, two assessors.
    expect(aanvraag.getCell("B9").value).toBe(10);

    const scored = await awardscore("score", file);
    expect(scored.code).toBe(2);
    expect(scored.stdout).toBe("");
    const [first, ...lines] = scored.stderr.split("\n");
    expect(first).toBe(blankRequestTexts.notFilledIn(lines.length));
    const named = lines.map((line) => /^ {2}Aanvraag!([A-Z]+\d+): /.exec(line)?.[1]);
    expect(named).not.toContain(undefined);
    // Every setting to fill in is named, and then the three tables that have no rows yet.
    expect(named.filter((cell) => toFill.has(cell!))).toEqual([...toFill]);
    expect(lines.filter((line) => !toFill.has(/!([A-Z]+\d+)/.exec(line)![1]))).toEqual([
      expect.stringMatching(/Knockoutcriteria' heeft geen criteria/),
      expect.stringMatching(/Gunningscriteria' heeft geen criteria/),
      expect.stringMatching(/competentie/),
    ]);
  });

  test("a blank request filled in on Aanvraag, with a column per criterion, scores", async () => {
    const dir = scratch();
    const file = path.join(dir, "leeg.xlsx");
    expect((await awardscore("template", "--out", file)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const aanvraag = workbook.getWorksheet("Aanvraag")!;
    const settings: Record<string, ExcelJS.CellValue> = {
      Aanvraagnummer: "20001",
      Titel: "Beleidsmedewerker",
      Peildatum: new Date(Date.UTC(2025, 0, 31)),
      Maximumtarief: 90,
      "Minimum uren per week": 24,
      "Maximum uren per week": 32,
      "Looptijd in weken": 26,
      "Aantal verlengingsopties": 0,
      "Weken per verlenging": 0,
      "Fee per uur": 0,
    };
    aanvraag.eachRow((row) => {
      const label = String(row.getCell(1).value);
      if (label in settings) row.getCell(2).value = settings[label];
    });
    // The first (empty) row of each table, below its header row.
    const under = (header: string) => {
      const rows: number[] = [];
      aanvraag.eachRow((row, r) => {
        if (row.getCell(1).value === header) rows.push(r + 1);
      });
      return rows;
    };
    const [knockoutRow, awardRow] = under(criteriaHeaders.id);
    aanvraag.getRow(knockoutRow).values = [
      "K1",
      "Rijbewijs B",
      "K1 Rijbewijs",
      "Ja/Nee",
      "Ja",
      null,
      null,
      "Nee",
    ];
    aanvraag.getRow(awardRow).values = [
      "G1",
      "Ervaring met Omgevingswet",
      "G1 Omgevingswet",
      "Ja/Nee",
      "Alles of niets",
      null,
      null,
      null,
      100,
    ];
    aanvraag.getCell(under(criteriaHeaders.competency)[0], 1).value = "Samenwerken";
    applyChanges(workbook, [
      {
        kind: "addTableColumns",
        sheet: "Kandidaten",
        table: "Kandidaten",
        columns: ["K1 Rijbewijs", "G1 Omgevingswet"],
      },
    ]);
    const kandidaten = workbook.getWorksheet("Kandidaten")!;
    const headers = (kandidaten.getRow(1).values as string[]).slice(1);
    const row = { Kandidaat: "Ans de Vries", "K1 Rijbewijs": "Ja", "G1 Omgevingswet": "Ja" };
    headers.forEach((h, i) => {
      if (h in row) kandidaten.getCell(2, i + 1).value = row[h as keyof typeof row];
      if (h.startsWith("Uurtarief")) kandidaten.getCell(2, i + 1).value = 80;
    });
    await workbook.xlsx.writeFile(file);
    const json = path.join(dir, "uit.json");
    const scored = await awardscore("score", file, "--json", json);
    expect(scored.stderr).toBe("");
    expect(scored.code).toBe(0);
    expect((JSON.parse(fs.readFileSync(json, "utf8")) as ScoreReport).candidates).toEqual([
      expect.objectContaining({ name: "Ans de Vries", status: "eligible", score: 100, rank: 1 }),
    ]);
  });

  test("exit 2: an existing file without --force, an unknown preset, no .xlsx name", async () => {
    const dir = scratch();
    const file = path.join(dir, "bestaat.xlsx");
    fs.writeFileSync(file, "x");
    expect(await awardscore("template", "--out", file)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `'${file}' bestaat al en wordt niet overschreven. Er is niets geschreven. ` +
        `Kies een andere naam met --out, of gebruik --force om het bestand te vervangen.`,
    });
    expect((await awardscore("template", "--out", file, "--force")).code).toBe(0);
    expect((await awardscore("template", "--preset", "1", "--out", file)).stderr).toBe(
      "Onbekende preset '1'. Beschikbaar: 17040."
    );
    // Own keys only: a name every object has is no preset (exit 2, not a crash).
    expect(await awardscore("template", "--preset", "constructor", "--out", file)).toEqual({
      code: 2,
      stdout: "",
      stderr: "Onbekende preset 'constructor'. Beschikbaar: 17040.",
    });
    expect((await awardscore("template", "--out", path.join(dir, "a.txt"))).code).toBe(2);
  });
});

describe("usage", () => {
  test("--help prints the usage with exit 0; a bad command line exits 2 with the usage", async () => {
    const help = await awardscore("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      "awardscore score IN.xlsx [--preset ID] [--out UIT.xlsx] [--force] [--json PAD|-]"
    );
    const bad = await awardscore("scoor");
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe(
      "Onbekende opdracht 'scoor'. Kies 'template', 'score', 'share', 'opschonen', 'verify' of 'cv'."
    );
    expect(bad.stderr).toContain("Gebruik:");
  });
});
