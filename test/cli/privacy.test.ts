/**
 * `awardscore opschonen` leaves no trace (issue 17 §7): a name planted in every place a
 * workbook can hold it is found in no part of the cleaned file, read as raw XML; the top's
 * names and every score stay. Once with a workbook written by ExcelJS, once with the same
 * workbook saved by LibreOffice. No verdict depends on the peildatum: every year is typed.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import type { CellValue } from "../../src/engine";
import { headers17040, passing, rowFor } from "../workbook/helpers";
import { convert } from "../xlsx/libreoffice";
import { awardscore, readReport, scratch } from "./helpers";

/** Candidates outside the top (knocked out on K2): their names must go. */
const others = ["Jan de Vries", "Marieke van Leeuwen", "Piet Jansen", "Kees Smit", "Olga Brouwer"];
/** The top: "Jan de Vriesendorp" holds "Jan de Vries", "Piet" is a word of "Piet Jansen". */
const top = ["Ans Bakker", "Jan de Vriesendorp", "Piet"];
/** Contact data of the others: must go too. */
const contacts = ["jan@devries.example", "06-12345678", "Dorpsstraat 12"];

const headers = [...headers17040, "E-mail", "Telefoon", "Adres"];

/** The input: Kandidaten with every trace planted, a free sheet `Notities`, properties. */
function plantedWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  Object.assign(workbook, {
    creator: "Jan de Vries",
    lastModifiedBy: "Piet Jansen",
    title: "Beoordeling Marieke van Leeuwen",
    subject: "CV van Kees Smit",
    keywords: "Olga Brouwer; 17040",
    description: "Opmerkingen over Jan de Vries",
    category: "Piet Jansen",
    company: "Bureau Jan de Vries",
    manager: "Olga Brouwer",
  });
  const sheet = workbook.addWorksheet("Kandidaten");
  sheet.addRow(headers);
  const rows: Array<[string, Record<string, CellValue>]> = [
    ["Ans Bakker", {}],
    [
      "Jan de Vries",
      { K2: "Nee", "E-mail": contacts[0], Telefoon: contacts[1], Adres: contacts[2] },
    ],
    ["Jan de Vriesendorp", { Uurtarief: 71 }],
    ["Marieke van Leeuwen", { K2: "Nee", Telefoon: "+31 6 87654321" }],
    ["Piet Jansen", { K2: "Nee" }],
    ["Piet", { Uurtarief: 72 }],
    ["Kees Smit", { K2: "Nee" }],
    ["Olga Brouwer", { K2: "Nee" }],
  ];
  for (const [name, fields] of rows)
    sheet.addRow(rowFor(headers, { ...passing, ...fields, Kandidaat: name }));
  // Name cells that are formulas: a joined text, and a reference to another sheet.
  sheet.getCell("A8").value = { formula: '"Kees "&"Smit"', result: "Kees Smit" };
  sheet.getCell("A9").value = { formula: "Notities!A1", result: "Olga Brouwer" };
  // A note on a name cell, and on a top candidate's cell that mentions another.
  sheet.getCell("A3").note = "Gesprek met Jan de Vries op maandag";
  sheet.getCell("A2").note = "Beter dan Marieke van Leeuwen";
  // A data validation whose prompt, error and list name candidates.
  sheet.getCell("B3").dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: ['"Jan de Vries,Piet Jansen,Flexpool"'],
    showInputMessage: true,
    promptTitle: "Leverancier van Jan de Vries",
    prompt: "Vraag Piet Jansen",
    showErrorMessage: true,
    errorTitle: "Fout",
    error: "Niet voor Marieke van Leeuwen",
  };
  // A rule over a range: one rule, one mention (ExcelJS keys it by each of its cells).
  (
    sheet as unknown as {
      dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
    }
  ).dataValidations.add("D2:D9", {
    type: "whole",
    operator: "between",
    formulae: [0, 100],
    showInputMessage: true,
    prompt: "Navragen bij Olga Brouwer",
  });
  sheet.headerFooter.oddHeader = "&CBeoordeling Jan de Vries";
  sheet.headerFooter.oddFooter = '&L&"Arial,Bold"Marieke van Leeuwen&RPagina &P';
  sheet.headerFooter.differentFirst = true;
  sheet.headerFooter.firstHeader = "&LKees Smit";
  const notes = workbook.addWorksheet("Notities");
  notes.getCell("A1").value = "Olga Brouwer";
  notes.getCell("B2").value =
    "Jan de Vries en MARIEKE VAN  LEEUWEN belden; Piet belt morgen; Jan de Vriesendorp ook.";
  notes.getCell("B3").value = {
    formula: 'Kandidaten!A3&" is afgewezen"',
    result: "Jan de Vries is afgewezen",
  };
  notes.getCell("B4").value = {
    formula: '"Contact: "&"Piet Jansen"',
    result: "Contact: Piet Jansen",
  };
  notes.getCell("B5").value = { formula: 'IF(A1="Olga Brouwer",1,0)', result: 1 };
  notes.getCell("B6").value = "jansen is een achternaam; Vriesland ook";
  // A formula filled down: Excel (and ExcelJS) keep the copy as a reference to the first.
  notes.getCell("B7").value = {
    formula: 'Kandidaten!A5&" belde"',
    result: "Marieke van Leeuwen belde",
    shareType: "shared",
    ref: "B7:B8",
  } as ExcelJS.CellValue;
  notes.getCell("B8").value = {
    sharedFormula: "B7",
    result: "Piet Jansen belde",
  } as unknown as ExcelJS.CellValue;
  workbook.definedNames.add("Notities!$A$1", "Bron");
  return workbook;
}

/** Adds what ExcelJS cannot write: a custom property and a defined name's comment. */
async function withCustomParts(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  zip.file(
    "docProps/custom.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Kandidaat">' +
      "<vt:lpwstr>Jan de Vries</vt:lpwstr></property></Properties>"
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'
    )
  );
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file(
    "_rels/.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'
    )
  );
  const book = await zip.file("xl/workbook.xml")!.async("string");
  expect(book).toContain('<definedName name="Bron"');
  zip.file(
    "xl/workbook.xml",
    book.replace(
      '<definedName name="Bron"',
      '<definedName name="Bron" comment="Lijst van Jan de Vries"'
    )
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

/** Every part of a zip as text. */
async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const texts = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) texts.set(name, await zip.files[name].async("string"));
  return texts;
}

/** A name as a whole word anywhere in a text, any case, any white space between its words. */
function mentions(text: string, name: string): boolean {
  const words = name.split(" ").join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/** Scores `input`, cleans it up, and checks every part of the result. */
async function cleanAndCheck(dir: string, input: string, custom: boolean): Promise<string[]> {
  const scored = path.join(dir, "beoordeeld.xlsx");
  const json = path.join(dir, "voor.json");
  const scoredRun = await awardscore(
    "score",
    input,
    "--out",
    scored,
    "--json",
    json,
    "--preset",
    "17040"
  );
  expect(scoredRun.stderr).toBe("");
  expect(scoredRun.code).toBe(0);
  if (custom) await withCustomParts(scored);
  const before = await parts(scored);
  // Every name is in the scored file before: the test plants what it means to find.
  const all = [...before.values()].join("\n");
  for (const name of [...others, ...contacts]) expect(mentions(all, name)).toBe(true);

  const cleaned = path.join(dir, "opgeschoond.xlsx");
  const ran = await awardscore("opschonen", scored, "--out", cleaned, "--preset", "17040");
  expect(ran.stderr).toBe("");
  expect(ran.code).toBe(0);

  const after = await parts(cleaned);
  for (const [part, text] of after) {
    for (const name of [...others, ...contacts])
      expect({ part, name, found: mentions(text, name) }).toEqual({ part, name, found: false });
  }
  const text = [...after.values()].join("\n");
  for (const name of top) expect(mentions(text, name)).toBe(true);
  expect(text).toContain("Vriesland ook"); // "jansen" and "Vriesland" are no names
  expect(text).toMatch(/Kandidaat \d{2}/);

  // The scores stay: scoring the cleaned workbook gives the same verdicts, row by row.
  const again = path.join(dir, "na.json");
  const rescored = await awardscore(
    "score",
    cleaned,
    "--out",
    path.join(dir, "weer.xlsx"),
    "--json",
    again,
    "--preset",
    "17040"
  );
  expect(rescored.code).toBe(0);
  const first = readReport(json);
  const second = readReport(again);
  expect(second.candidates.map((c) => [c.row, c.status, c.score, c.top])).toEqual(
    first.candidates.map((c) => [c.row, c.status, c.score, c.top])
  );
  expect(
    first.candidates
      .filter((c) => c.top)
      .map((c) => c.name)
      .sort()
  ).toEqual([...top].sort());
  // References keep working: each formula keeps its own text, the filled-down copy too.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(cleaned);
  const notities = book.getWorksheet("Notities")!;
  expect(notities.getCell("B3").formula).toBe('Kandidaten!A3&" is afgewezen"');
  expect(notities.getCell("B8").formula).toBe('Kandidaten!A6&" belde"');
  expect(notities.getCell("B8").result).toMatch(/^Kandidaat \d{2} belde$/);
  return ran.stdout.split("\n");
}

describe("awardscore opschonen leaves no trace", () => {
  test("a workbook written by ExcelJS: no part of the result holds a name of the others", async () => {
    const dir = scratch();
    const input = path.join(dir, "aanvraag.xlsx");
    await plantedWorkbook().xlsx.writeFile(input);
    const lines = await cleanAndCheck(dir, input, true);
    expect(lines).toEqual([
      "Opgeschoond: 5 namen vervangen door een pseudoniem, 0 perioden werkervaring gewist; " +
        "3 kandidaten in de top ongewijzigd.",
      // Cells: on Notities, Ranking, Afwijzingen and Verantwoording; formulas:
      // a reference's result, a joined text made a value, a literal in IF, a formula filled
      // down (twice); validation:
      // title, prompt, error and two list items, a range's prompt; properties: the nine planted
      // and the custom property (kept in the package now, and cleaned like the others).
      "Ook 44 vermeldingen van die namen vervangen: 18 in cellen, 5 in formules, 2 in notities, " +
        "3 in kop- en voetteksten, 6 in gegevensvalidatie en 10 in documenteigenschappen.",
      "2 naamcellen met een formule bevatten nu het pseudoniem als waarde.",
      "4 cellen met contactgegevens gewist (kolommen 'E-mail', 'Telefoon' en 'Adres').",
      // The planted comment on a defined name, which no snapshot holds.
      "Ook vervangen in onderdelen van de werkmap buiten de bladen: xl/workbook.xml (1×).",
      `Geschreven: ${path.join(dir, "opgeschoond.xlsx")}`,
    ]);
    // Once more: nothing is left, and the report says so.
    const twice = path.join(dir, "twee.xlsx");
    const again = await awardscore(
      "opschonen",
      path.join(dir, "opgeschoond.xlsx"),
      "--out",
      twice,
      "--preset",
      "17040"
    );
    expect(again.stdout.split("\n")).toEqual([
      "Opgeschoond: 0 namen vervangen door een pseudoniem, 0 perioden werkervaring gewist; " +
        "3 kandidaten in de top ongewijzigd.",
      `Geschreven: ${twice}`,
    ]);
  }, 60_000);

  test("the same workbook saved by LibreOffice", async () => {
    const dir = scratch();
    const written = path.join(dir, "bron.xlsx");
    await plantedWorkbook().xlsx.writeFile(written);
    const outdir = path.join(dir, "lo");
    convert(dir, written, "xlsx:Calc MS Excel 2007 XML", outdir);
    const input = path.join(dir, "aanvraag.xlsx");
    fs.renameSync(path.join(outdir, "bron.xlsx"), input);
    // LibreOffice kept the planted names (else this test would prove nothing).
    const saved = [...(await parts(input)).values()].join("\n");
    for (const name of others) expect(mentions(saved, name)).toBe(true);
    const lines = await cleanAndCheck(dir, input, false);
    expect(lines[0]).toMatch(/^Opgeschoond: 5 namen vervangen door een pseudoniem/);
  }, 120_000);
});
