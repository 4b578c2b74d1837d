/**
 * After scoring, through Microsoft's Excel client on the simulator: the `Afwijzingen` sheet that scoring writes,
 * "Delen met gemeente" (a new workbook through Excel.createWorkbook) and
 * "Persoonsgegevens opschonen" with its reminder.
 */
import ExcelJS from "exceljs";
import { runCleanUp, runReadRequest, runScore, runShare } from "../../src/office";
import { officeTexts } from "../../src/office/texts";
import { rejectionParagraph } from "../../src/workbook/rejections";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { planScore } from "../../src/workbook/score";
import { fatalMessages, privacyTexts, rejectionTexts } from "../../src/workbook/texts";
import { decidedSnapshot, decisionsFor } from "../workbook/decide";
import { simulateExcel, sheetOf, type ExcelSimulator } from "./simulator";
import { exampleSnapshot, preset } from "./example";
import { copyState, scoreAndSettle, stateFromSnapshot } from "./helpers";
import { candidatesSheet, headers17040, passing, sheet } from "../workbook/helpers";

let excel: ExcelSimulator;
const snapshot = exampleSnapshot();
/** The example with its open rows decided as "the CV does not say" (Nee, 0): only the draw is left. */
const onlyTheDraw = (): WorkbookSnapshot =>
  decidedSnapshot(snapshot(), decisionsFor(planScore(snapshot(), preset), false, "cvSilent"));

/** Every text cell of a fake sheet. */
function texts(name: string): string[] {
  const sheet = sheetOf(excel!.state, name);
  if (!sheet) return [];
  return [...sheet.cells.values()]
    .map((c) => c.value)
    .filter((v): v is string => typeof v === "string");
}

/** Scores the example and records the draw at place ten, so the top is settled. */
const settled = () => scoreAndSettle(excel.host);

describe("Beoordelen writes Afwijzingen", () => {
  test("one paragraph per candidate outside the top, the same as the command line's", async () => {
    excel = simulateExcel(stateFromSnapshot(snapshot()));
    const outcome = await runScore(excel.host, preset);
    const outside = outcome.evaluation.candidates.filter((c) => !c.top);
    expect(outside.length).toBeGreaterThan(5);
    const cells = texts(rejectionTexts.sheet);
    for (const candidate of outside) {
      expect(cells).toContain(rejectionParagraph(candidate, outcome.evaluation).text);
    }
    // The top candidates get no paragraph.
    for (const candidate of outcome.evaluation.candidates.filter((c) => c.top)) {
      expect(cells.some((t) => t.startsWith(`${candidate.name} (`))).toBe(false);
    }
    expect(excel.last().syncs).toBeLessThanOrEqual(4);
  });

  test("the paragraph column is 100 wide before its rows are fitted to the wrapped text", async () => {
    excel = simulateExcel(stateFromSnapshot(snapshot()));
    await runScore(excel.host, preset);
    const sheet = excel.state.sheets.find((s) => s.name === rejectionTexts.sheet)!;
    const paragraphWidth = sheet.widths[6];
    expect(paragraphWidth).toBeGreaterThan(500); // 100 characters, in points
    // Fitted once, over the paragraphs, when the column already had its width.
    expect(sheet.autofitRows).toEqual([
      {
        range: expect.stringMatching(/^A5:G\d+$/), // G: why a letter may not be sent yet (issue 17)
        widths: expect.objectContaining({ 6: paragraphWidth }),
      },
    ]);
  });

  test("scoring twice rewrites the sheet: still one sheet, the same cells", async () => {
    excel = simulateExcel(stateFromSnapshot(snapshot()));
    await runScore(excel.host, preset);
    const once = texts(rejectionTexts.sheet);
    await runScore(excel.host, preset);
    expect(excel.state.sheets.filter((s) => s.name === rejectionTexts.sheet)).toHaveLength(1);
    expect(texts(rejectionTexts.sheet)).toEqual(once);
  });

  test("a sheet 'Afwijzingen' of the user's own is refused, and nothing changes", async () => {
    const state = stateFromSnapshot({
      ...snapshot(),
      sheets: [
        ...snapshot().sheets,
        { name: "Afwijzingen", values: [[null], [null, "mijn aantekeningen"]], tables: [] },
      ],
    });
    excel = simulateExcel(state);
    const before = copyState(excel.state);
    await expect(runScore(excel.host, preset)).rejects.toThrow(
      fatalMessages.foreignSheet("Afwijzingen")
    );
    expect(copyState(excel.state)).toEqual(before);
  });
});

describe("runShare (Delen met gemeente)", () => {
  test("opens the workbook for the municipality and leaves the evaluator's workbook as it was", async () => {
    // The evaluator decides the incomplete rows first (issue 17: the top must be final).
    const decided = decidedSnapshot(snapshot(), decisionsFor(planScore(snapshot(), preset), false));
    excel = simulateExcel(stateFromSnapshot(decided));
    const first = await runScore(excel.host, preset);
    const scored = first.evaluation.summary.needsDraw > 0 ? await settled() : first;
    expect(scored.evaluation.summary.final).toBe(true);
    const before = copyState(excel.state);
    const outcome = await runShare(excel.host, preset);
    expect(outcome).toEqual({ top: 10 });
    expect(copyState(excel.state)).toEqual(before);
    expect(excel.created).toHaveLength(1);

    const shared = new ExcelJS.Workbook();
    await shared.xlsx.load(Buffer.from(excel.created[0], "base64") as unknown as ArrayBuffer);
    expect(shared.worksheets.map((w) => w.name)).toEqual([
      "Voorblad",
      "Top 10",
      "Stap 3",
      "Stap 4",
    ]);
    const everything: string[] = [];
    shared.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          everything.push(String(cell.text));
          if (cell.formula) everything.push(`=${cell.formula}`);
        })
      )
    );
    const all = everything.join("\n");
    expect(all).not.toMatch(/FLEX\./);
    for (const c of scored.evaluation.candidates) {
      if (c.top) expect(all).toContain(c.name);
      else expect(all).not.toContain(c.name);
    }
  });

  test("says in Dutch what to do when this Excel cannot open a new workbook", async () => {
    // An Excel before ExcelApi 1.8 (Excel 2016): no Excel.createWorkbook.
    excel = simulateExcel(stateFromSnapshot(snapshot()), { excelApi: "1.7" });
    await expect(runShare(excel.host, preset)).rejects.toThrow(officeTexts.cannotCreateWorkbook);
    expect(excel.runs).toHaveLength(0);
  });
});

/** What the add-in says it did not check. */
const unreadByAddIn = privacyTexts.unread([
  privacyTexts.parts.notes,
  privacyTexts.parts.validations,
]);

describe("runCleanUp (Persoonsgegevens opschonen)", () => {
  test("refuses while the top is not final (rows to decide, a draw pending), names the cells, and changes nothing", async () => {
    excel = simulateExcel(stateFromSnapshot(snapshot()));
    await runScore(excel.host, preset);
    const before = copyState(excel.state);
    const refusal = runCleanUp(excel.host, preset);
    await expect(refusal).rejects.toThrow(
      /^De top is nog niet definitief, dus er is niets opgeschoond\./
    );
    const cells = await refusal.catch((e: { problems: Array<{ cell: string }> }) =>
      e.problems.map((p) => p.cell)
    );
    // The example's incomplete rows and its row without a name are among the cells.
    expect(cells).toEqual(expect.arrayContaining(["I23", "J24", "O25", "A26"]));
    expect(copyState(excel.state)).toEqual(before);
  });

  test("pseudonymises those outside the top everywhere, keeps the top, and is done after once", async () => {
    // The example's work history is the top's; give a knocked-out candidate a period too.
    const knockedOut = planScore(snapshot(), preset).evaluation.candidates.find(
      (c) => c.status === "knockedOut"
    )!;
    const base = onlyTheDraw();
    const withPeriod: WorkbookSnapshot = {
      ...base,
      sheets: base.sheets.map((sheet) =>
        sheet.name !== "Werkervaring"
          ? sheet
          : {
              ...sheet,
              values: [
                ...sheet.values,
                [knockedOut.name, "Consulent, gemeente Leiden", "G9", "01-01-2015", "31-12-2019"],
              ],
              tables: sheet.tables.map((t) => ({ ...t, rowCount: t.rowCount + 1 })),
            }
      ),
    };
    excel = simulateExcel(stateFromSnapshot(withPeriod));
    const scored = await settled();
    const top = scored.evaluation.candidates.filter((c) => c.top);
    const outside = scored.evaluation.candidates.filter((c) => !c.top);
    const werkervaring = sheetOf(excel.state, "Werkervaring");
    const historyRowsBefore = werkervaring ? werkervaring.cells.size : 0;

    const outcome = await runCleanUp(excel.host, preset);
    // The planted period and Pieter de Graaf's K3 period (src/cli/exampleData.ts), both outside the top.
    expect(outcome).toMatchObject({
      pseudonyms: outside.length,
      clearedPeriods: 2,
      kept: top.length,
      contactCells: 0,
    });
    expect(outcome.warnings).toEqual([unreadByAddIn]);
    const remaining = ["Kandidaten", "Werkervaring", "Ranking", rejectionTexts.sheet]
      .flatMap(texts)
      .join("\n");
    for (const c of outside) expect(remaining).not.toContain(c.name);
    for (const c of top) expect(texts("Kandidaten")).toContain(c.name);
    const afterHistory = sheetOf(excel.state, "Werkervaring")!;
    const filled = [...afterHistory.cells.values()].filter(
      (c) => c.value !== "" && c.value !== null
    );
    expect(filled.length).toBeLessThan(historyRowsBefore);
    // The live formulas and the Berekening sheet that scoring made are left as they were.
    const kandidatenSheet = sheetOf(excel.state, "Kandidaten")!;
    const liveTable = excel.state.tables.find((t) => t.name.toLowerCase() === "kandidaten")!;
    for (const header of ["Knock-out", "Score", "Rang", "Top 10"])
      for (let row = liveTable.top + 1; row <= liveTable.bottom; row++)
        expect(
          kandidatenSheet.cells.get(`${row},${liveTable.left + liveTable.columns.indexOf(header)}`)
            ?.formula
        ).toMatch(/^=/);
    expect(sheetOf(excel.state, "Berekening")?.cells.get("3,1")?.formula).toMatch(
      /^=FLEX\.RANKING\(/
    );

    // The anonymous scores stay: scoring again gives the same scores and ranks.
    const again = await runScore(excel.host, preset);
    expect(again.evaluation.candidates.map((c) => [c.row, c.score, c.rank, c.top])).toEqual(
      scored.evaluation.candidates.map((c) => [c.row, c.score, c.rank, c.top])
    );
    expect(await runCleanUp(excel.host, preset)).toEqual({
      pseudonyms: 0,
      clearedPeriods: 0,
      kept: top.length,
      replaced: 0,
      contactCells: 0,
      clearedProposals: 0,
      warnings: [],
    });
  });

  test("every sheet's cells and formulas, a formula name cell, the contact columns, headers and footers, the properties", async () => {
    const headers = [...headers17040, "E-mail", "Telefoon"];
    const kandidaten = candidatesSheet(
      [
        { ...passing, Kandidaat: "Ans Bakker" },
        { ...passing, Kandidaat: "Jan de Vriesendorp", Uurtarief: 71, Telefoon: "010-1" },
        {
          ...passing,
          Kandidaat: "Jan de Vries",
          K2: "Nee",
          "E-mail": "jan@x.nl",
          Telefoon: "06-9",
        },
        { ...passing, Kandidaat: "Kees Smit", K2: "Nee" },
        { ...passing, Kandidaat: "Olga Brouwer", K2: "Nee", "E-mail": "olga@x.nl" },
      ],
      { headers }
    );
    kandidaten.formulas = [];
    kandidaten.formulas[4] = ['="Kees "&"Smit"'];
    kandidaten.formulas[5] = ["=Notities!A1"];
    const notities = sheet("Notities", [
      ["Olga Brouwer"],
      [null, "Jan de Vries en Kees Smit belden; Jan de Vriesendorp niet"],
      [null, "Jan de Vries is afgewezen"],
      [null, "Contact: Kees Smit"],
    ]);
    notities.formulas = [
      [],
      [],
      [null, '=Kandidaten!A4&" is afgewezen"'],
      [null, '="Contact: "&"Kees "&"Smit"'],
    ];
    excel = simulateExcel(stateFromSnapshot({ sheets: [kandidaten, notities], names: [] }));
    excel.state.properties = {
      Author: "Kees Smit",
      Title: "Beoordeling Jan de Vries",
      Company: "Gemeente",
      LastAuthor: "Olga Brouwer",
    };
    sheetOf(excel.state, "Kandidaten")!.headersFooters = {
      "DefaultForAllPages.CenterHeader": "&BJan de Vries&B",
      "FirstPage.LeftFooter": '&"Arial,Bold"Kees Smit &P',
      "DefaultForAllPages.RightFooter": "Pagina &P",
    };
    sheetOf(excel.state, "Notities")!.headersFooters = {
      "OddPages.RightHeader": "Olga Brouwer",
    };
    excel.state.customProperties = [
      { key: "Kandidaat", value: "Jan de Vries" },
      { key: "Nummer", value: 7 },
    ];

    const outcome = await runCleanUp(excel.host, preset);
    expect(outcome).toMatchObject({ pseudonyms: 3, kept: 2, contactCells: 3 });
    expect(outcome.warnings).toEqual([unreadByAddIn, privacyTexts.lastAuthor]);
    // The document's properties: Office.js sets them all but "last modified by" (Excel's own).
    expect(excel.state.properties).toEqual({
      Author: "Kandidaat 04",
      Title: "Beoordeling Kandidaat 03",
      Company: "Gemeente",
      LastAuthor: "Olga Brouwer",
    });
    // The headers and footers, between their codes.
    expect(sheetOf(excel.state, "Kandidaten")!.headersFooters).toEqual({
      "DefaultForAllPages.CenterHeader": "&BKandidaat 03&B",
      "FirstPage.LeftFooter": '&"Arial,Bold"Kandidaat 04 &P',
      "DefaultForAllPages.RightFooter": "Pagina &P",
    });
    expect(sheetOf(excel.state, "Notities")!.headersFooters).toEqual({
      "OddPages.RightHeader": "Kandidaat 05",
    });
    expect(excel.state.customProperties).toEqual([
      { key: "Kandidaat", value: "Kandidaat 03" },
      { key: "Nummer", value: 7 },
    ]);
    const all = excel.state.sheets
      .flatMap((s) => [...s.cells.values()].flatMap((c) => [String(c.value), c.formula ?? ""]))
      .join("\n");
    for (const gone of [
      "Jan de Vries ",
      "Jan de Vries\n",
      "Kees",
      "Smit",
      "Olga",
      "jan@x.nl",
      "06-9",
      "olga@x.nl",
    ])
      expect(all).not.toContain(gone);
    for (const kept of ["Ans Bakker", "Jan de Vriesendorp", "010-1"]) expect(all).toContain(kept);
    // The reference still works: it reads the pseudonym now.
    const note = sheetOf(excel.state, "Notities")!.cells.get("3,2")!;
    expect(note.formula).toBe('=Kandidaten!A4&" is afgewezen"');
    const name = sheetOf(excel.state, "Kandidaten")!.cells.get("5,1")!;
    expect([name.value, name.formula]).toEqual(["Kandidaat 04", undefined]);
  });
});

describe("runReadRequest: the reminder to clean up", () => {
  test("not due within 4 weeks of the closing date", async () => {
    excel = simulateExcel(stateFromSnapshot(snapshot()));
    // 17040 closed at the reactietermijn, 26-08-2024; 4 weeks later is 23-09-2024.
    const read = await runReadRequest(excel.host, new Date("2024-09-20T09:00:00Z"));
    expect(read?.privacy).toEqual({ due: false, closed: "2024-08-26", pending: 0 });
  });

  test("due later: unknown while the top is not final, a count when settled, 0 after cleaning up", async () => {
    excel = simulateExcel(stateFromSnapshot(onlyTheDraw()));
    const later = new Date("2025-01-15T09:00:00Z");
    expect((await runReadRequest(excel.host, later))?.privacy).toEqual({
      due: true,
      closed: "2024-08-26",
      pending: null,
    });
    const scored = await settled();
    const pending = (await runReadRequest(excel.host, later))!.privacy.pending!;
    expect(pending).toBeGreaterThanOrEqual(
      scored.evaluation.candidates.filter((c) => !c.top).length
    );
    await runCleanUp(excel.host, preset);
    expect((await runReadRequest(excel.host, later))?.privacy.pending).toBe(0);
  });
});
