/** The Aanvraag sheet through a real .xlsx: written from a request, read back the same; edits change scores. */
import ExcelJS from "exceljs";
import { request17040 } from "../../src/engine";
import { exampleWorkbook } from "../../src/cli/example";
import { WorkbookError } from "../../src/workbook/problems";
import { readRequest } from "../../src/workbook/requestRead";
import { planScore } from "../../src/workbook/score";
import { planTemplate } from "../../src/workbook/template";
import { applyChanges, readSnapshot } from "../../src/xlsx";
import { reload } from "./helpers";

async function template(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, planTemplate(request17040));
  return reload(workbook);
}

/** The cell on Aanvraag whose column header is `header`, on the row whose Id is `id`. */
function criterionCell(sheet: ExcelJS.Worksheet, id: string, header: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value !== id) return;
    let headerRow = row.number - 1;
    while (headerRow > 0 && sheet.getRow(headerRow).getCell(1).value !== "Id") headerRow--;
    const columns = sheet.getRow(headerRow).values as unknown[];
    found = row.getCell(columns.indexOf(header));
  });
  if (!found) throw new Error(`no ${id}/${header}`);
  return found;
}

function scoreError(workbook: ExcelJS.Workbook): WorkbookError {
  try {
    planScore(readSnapshot(workbook));
  } catch (error) {
    if (error instanceof WorkbookError) return error;
    throw error;
  }
  throw new Error("expected a WorkbookError");
}

describe("the Aanvraag sheet", () => {
  test("a request written by the template reads back as the same request, without problems", async () => {
    const read = readRequest(readSnapshot(await template()));
    expect(read?.problems).toEqual([]);
    expect(read?.request).toEqual(request17040);
  });

  test("the settings carry the defined names the FLEX formulas use", async () => {
    const names = readSnapshot(await template()).names;
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "Peildatum", sheet: "Aanvraag", address: "B6" },
        { name: "Maximumtarief", sheet: "Aanvraag", address: "B8" },
        { name: "TopN", sheet: "Aanvraag", address: "B9" },
        { name: "UrenPerWeek", sheet: "Aanvraag", address: "B11" },
        { name: "LooptijdWeken", sheet: "Aanvraag", address: "B12" },
        { name: "OptiesTellenMee", sheet: "Aanvraag", address: "B15" },
      ])
    );
    const tables = readSnapshot(await template())
      .sheets.find((s) => s.name === "Aanvraag")
      ?.tables.map((t) => t.name);
    expect(tables).toEqual(["Knockoutcriteria", "Gunningscriteria", "Competenties", "Gegevens"]);
  });

  test("editing points, a threshold or the maximum rate there changes every score", async () => {
    const workbook = await reload(exampleWorkbook());
    const before = planScore(readSnapshot(workbook)).evaluation;
    const sheet = workbook.getWorksheet("Aanvraag")!;
    criterionCell(sheet, "G10", "Punten").value = 40;
    criterionCell(sheet, "G9", "Drempel").value = 13;
    sheet.getCell("B8").value = "€ 80,00";
    const after = planScore(readSnapshot(workbook)).evaluation;
    const score = (e: typeof before, name: string) =>
      e.candidates.find((c) => c.name === name)?.score;
    expect(score(before, "Annelies de Boer")).toBe(100);
    expect(score(after, "Annelies de Boer")).toBe(110); // G9 still ≥ 13 via the work history (15 years)
    expect(score(before, "Chantal Bakker")).toBe(80);
    expect(score(after, "Chantal Bakker")).toBe(40); // 11 years < 13, G10 now 40
    expect(before.candidates.find((c) => c.name === "Olga Brouwer")?.status).toBe("knockedOut");
    expect(after.candidates.find((c) => c.name === "Olga Brouwer")?.status).toBe("eligible");
  });

  test("every problem of the Aanvraag sheet is reported at its cell, and nothing is scored", async () => {
    const workbook = await template();
    const sheet = workbook.getWorksheet("Aanvraag")!;
    sheet.getCell("B9").value = 0;
    sheet.getCell("B8").value = "veel";
    sheet.getCell("B6").value = "31-02-2024";
    sheet.getCell("B15").value = "misschien";
    criterionCell(sheet, "G9", "Punten").value = -5;
    criterionCell(sheet, "G10", "Scoring").value = "soms";
    criterionCell(sheet, "K3", "Toets").value = "Minimaal";
    criterionCell(sheet, "K3", "Grens").value = null;
    criterionCell(sheet, "G11", "Scoring").value = "Treden";
    criterionCell(sheet, "G11", "Treden").value = "1:10; twee";
    const error = scoreError(workbook);
    expect(error.message).toBe(
      "Het blad 'Aanvraag' bevat 8 fouten; er is niet gescoord. Herstel de cellen hieronder."
    );
    expect(error.problems).toEqual([
      {
        sheet: "Aanvraag",
        cell: "B6",
        message: "Peildatum: Deze datum bestaat niet: '31-02-2024'.",
      },
      {
        sheet: "Aanvraag",
        cell: "B8",
        message: "Maximumtarief: Geen geldig bedrag: 'veel'. Typ bijvoorbeeld 72,50 of € 72,50.",
      },
      { sheet: "Aanvraag", cell: "B9", message: "Top N moet een heel getal van 1 of meer zijn." },
      {
        sheet: "Aanvraag",
        cell: "B15",
        message: "Opties tellen mee: Geen geldig antwoord: 'misschien'. Typ Ja of Nee.",
      },
      {
        sheet: "Aanvraag",
        cell: "F27",
        message: "Grens: Geen aantal jaren ingevuld. Typ bijvoorbeeld 2 of 2,5.",
      },
      {
        sheet: "Aanvraag",
        cell: "I39",
        message: "Punten: Een aantal punten kan niet negatief zijn: -5.",
      },
      {
        sheet: "Aanvraag",
        cell: "E40",
        message:
          "Scoring: onbekende waarde 'soms'. Kies uit 'Alles of niets', 'Treden' en 'Lineair'.",
      },
      {
        sheet: "Aanvraag",
        cell: "H41",
        message:
          "Treden: '1:10; twee' is niet te lezen. Schrijf 'vanaf:punten' gescheiden door ;, bijvoorbeeld '2:10; 5:30'.",
      },
    ]);
  });

  test("a missing settings row or criteria table is a problem at the sheet", async () => {
    const workbook = await template();
    const sheet = workbook.getWorksheet("Aanvraag")!;
    workbook.definedNames.model = [];
    sheet.getCell("A9").value = "Iets anders";
    sheet.removeTable("Gunningscriteria");
    sheet.getCell("A38").value = "Code"; // the Id header of Gunningscriteria
    const error = scoreError(workbook);
    expect(error.problems).toEqual([
      {
        sheet: "Aanvraag",
        cell: "A1",
        message:
          "Het blad 'Aanvraag' heeft geen tabel 'Gunningscriteria' en geen blok met de kolomkoppen 'Id' en 'Scoring'. Maak het blad opnieuw met 'awardscore template' of herstel de tabel.",
      },
      {
        sheet: "Aanvraag",
        cell: "A9",
        message:
          "Top N ontbreekt: geen rij met 'Top N' in kolom A. Voeg de rij toe of maak het blad opnieuw met 'awardscore template'.",
      },
    ]);
  });

  test("the peildatum, the closing moment and the listing's Einde inschrijfdatum round-trip", async () => {
    const workbook = await template();
    const sheet = workbook.getWorksheet("Aanvraag")!;
    expect(sheet.getCell("A20").value).toBe("Einde inschrijfdatum");
    const read = readRequest(readSnapshot(workbook));
    expect(read?.problems).toEqual([]);
    expect(read?.request).toMatchObject({
      referenceDate: "2024-08-26",
      closingMoment: "2024-08-26T09:00",
      listingClosingMoment: "2024-10-04T11:25",
    });
    sheet.getCell("B20").value = "ooit";
    expect(scoreError(workbook).problems).toEqual([
      {
        sheet: "Aanvraag",
        cell: "B20",
        message:
          "Einde inschrijfdatum: 'ooit' is niet te lezen. Typ bijvoorbeeld 04-10-2024 11:25.",
      },
    ]);
  });

  test("a workbook made before the Einde inschrijfdatum row still reads, without it", async () => {
    const workbook = await template();
    const sheet = workbook.getWorksheet("Aanvraag")!;
    workbook.definedNames.model = [];
    sheet.getCell("A20").value = null;
    sheet.getCell("B20").value = null;
    const read = readRequest(readSnapshot(workbook));
    expect(read?.problems).toEqual([]);
    expect(read?.request.listingClosingMoment).toBeUndefined();
    expect(read?.request.referenceDate).toBe("2024-08-26");
  });

  test("without tables (a plain copy of the sheet) the criteria are found under their Id header", async () => {
    const workbook = await template();
    const sheet = workbook.getWorksheet("Aanvraag")!;
    for (const name of ["Knockoutcriteria", "Gunningscriteria", "Competenties", "Gegevens"])
      sheet.removeTable(name);
    const read = readRequest(readSnapshot(workbook));
    expect(read?.problems).toEqual([]);
    expect(read?.request.awards).toEqual(request17040.awards);
    expect(read?.request.knockouts).toEqual(request17040.knockouts);
    expect(read?.request.competencyGate).toEqual(request17040.competencyGate);
  });

  test("linear and tiered scoring read from the sheet", async () => {
    const workbook = await template();
    const sheet = workbook.getWorksheet("Aanvraag")!;
    criterionCell(sheet, "G9", "Scoring").value = "Lineair";
    criterionCell(sheet, "G9", "Drempel").value = 5;
    criterionCell(sheet, "G9", "Maximum").value = "12,5";
    criterionCell(sheet, "G11", "Scoring").value = "treden";
    criterionCell(sheet, "G11", "Treden").value = "1:10; 2,5=20";
    const read = readRequest(readSnapshot(workbook));
    expect(read?.problems).toEqual([]);
    expect(read?.request.awards[0].scoring).toEqual({ kind: "linear", min: 5, max: 12.5 });
    expect(read?.request.awards[2].scoring).toEqual({
      kind: "tiered",
      steps: [
        { min: 1, points: 10 },
        { min: 2.5, points: 20 },
      ],
    });
  });
});
