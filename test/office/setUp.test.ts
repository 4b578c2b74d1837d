/** "Instellen" through Microsoft's Excel client on the simulator: an empty workbook, a second run, a foreign sheet. */
import { request17040 } from "../../src/engine";
import { runSetUp } from "../../src/office";
import { candidateInputColumns, outputHeaders } from "../../src/workbook/layout";
import { WorkbookError } from "../../src/workbook/problems";
import { blankRequestTexts } from "../../src/workbook/texts";
import { emptyState, simulateExcel, newSheet, sheetOf, type ExcelSimulator } from "./simulator";
import { copyState } from "./helpers";

let excel: ExcelSimulator;
beforeEach(() => (excel = simulateExcel(emptyState())));

const headers = [...candidateInputColumns(request17040).map((c) => c.header), ...outputHeaders(10)];

describe("runSetUp", () => {
  test("makes Aanvraag, Kandidaten, Werkervaring, Ranking and Berekening in an empty workbook, in two requests", async () => {
    const outcome = await runSetUp(excel.host, "17040");
    expect(outcome.changes).toBeGreaterThan(0);
    // One read (the second read has nothing to ask in an empty workbook, so the client sends nothing), one write.
    expect(excel.last().syncs).toBe(2);
    const { state } = excel;
    expect(state.sheets.map((s) => s.name)).toEqual([
      "Blad1",
      "Aanvraag",
      "Kandidaten",
      "Werkervaring",
      "Ranking",
      "Berekening",
    ]);
    const table = state.tables.find((t) => t.name === "Kandidaten");
    expect(table?.columns).toEqual(headers);
    expect(state.tables.map((t) => t.name).sort()).toEqual(
      [
        "Competenties",
        "Gegevens",
        "Gunningscriteria",
        "Kandidaten",
        "Knockoutcriteria",
        "Werkervaring",
      ].sort()
    );
    expect(state.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["Peildatum", "TopN", "Maximumtarief"])
    );
    expect(state.names.find((n) => n.name === "TopN")?.formula).toBe("=Aanvraag!$B$9");

    const kandidaten = sheetOf(state, "Kandidaten")!;
    expect(kandidaten.freeze).toEqual({ rows: 1, columns: 1 });
    const k1 = headers.findIndex((h) => h.startsWith("K1 ")) + 1;
    const k2 = headers.findIndex((h) => h.startsWith("K2 ")) + 1;
    const letter = (c: number) => String.fromCharCode(64 + c);
    expect(kandidaten.validations).toEqual(
      expect.arrayContaining([
        // The table's row and 1,000 rows below it: the lists reach rows typed below the table.
        { range: `${letter(k1)}2:${letter(k1)}1001`, items: ["Ja", "Nee", "n.v.t."] },
        { range: `${letter(k2)}2:${letter(k2)}1001`, items: ["Ja", "Nee"] },
      ])
    );
    // The headers wrap at the widths set before them, and Excel fits the row to them.
    expect(kandidaten.cells.get("1,4")?.wrap).toBe(true);
    expect(kandidaten.autofitRows).toEqual([
      expect.objectContaining({ range: `A1:${letter(headers.length)}1` }),
    ]);
    expect(kandidaten.autofitRows[0].widths[4]).toBeGreaterThan(0);
    expect(kandidaten.pageLayout).toEqual({
      PaperSize: "A4",
      Orientation: "Landscape",
      Zoom: { horizontalFitToPages: 1 },
      PrintTitleRows: "$1:$1",
    });
    expect(kandidaten.cells.get("2,3")?.numberFormat).toBe('"€ "#,##0.00');
    for (const output of ["Knock-out", "Score"]) {
      const formula = kandidaten.cells.get(`2,${headers.indexOf(output) + 1}`)?.formula ?? "";
      expect(formula).toMatch(/FLEX\.(KNOCKOUT|AWARDSCORE)\(/);
    }
    // Rang and Top 10 pick their row from the one FLEX.RANKING on Berekening.
    for (const output of ["Rang", "Top 10"]) {
      const formula = kandidaten.cells.get(`2,${headers.indexOf(output) + 1}`)?.formula ?? "";
      expect(formula).toContain("INDEX('Berekening'!$A$3#,ROW()-ROW(Kandidaten[#Headers]),");
    }
    expect(sheetOf(state, "Berekening")?.cells.get("3,1")?.formula).toMatch(/^=FLEX\.RANKING\(/);
    expect(kandidaten.cells.get(`2,${headers.indexOf("Status") + 1}`)).toBeUndefined();
    expect(excel.last().calculationSuspended).toBe(1);
    expect(excel.last().screenUpdatingSuspended).toBe(1);
  });

  test("a second run changes nothing", async () => {
    await runSetUp(excel.host, "17040");
    const before = copyState(excel.state);
    expect((await runSetUp(excel.host, "17040")).changes).toBe(0);
    expect(copyState(excel.state)).toEqual(before);
    // One read, and nothing to write.
    expect(excel.last().syncs).toBe(1);
  });

  test("keeps typed candidates and completes a missing column and name", async () => {
    await runSetUp(excel.host, "17040");
    const kandidaten = sheetOf(excel.state, "Kandidaten")!;
    kandidaten.cells.set("2,1", { value: "Ans" });
    const table = excel.state.tables.find((t) => t.name === "Kandidaten")!;
    // The evaluator deleted the Toelichting column and the name TopN.
    kandidaten.cells.delete(`1,${table.right}`);
    table.right--;
    table.columns.pop();
    excel.state.names = excel.state.names.filter((n) => n.name !== "TopN");

    await runSetUp(excel.host, "17040");
    expect(kandidaten.cells.get("2,1")?.value).toBe("Ans");
    expect(table.columns[table.columns.length - 1]).toBe("Toelichting");
    expect(excel.state.names.find((n) => n.name === "TopN")?.formula).toBe("=Aanvraag!$B$9");
  });

  test("refuses a foreign Kandidaten sheet and changes nothing", async () => {
    const foreign = newSheet("Kandidaten");
    foreign.cells.set("1,1", { value: "Naam" });
    foreign.cells.set("2,1", { value: "Piet" });
    excel.state.sheets.push(foreign);
    const before = copyState(excel.state);
    const error = await runSetUp(excel.host, "17040").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(
      /Het blad 'Kandidaten' bestaat al.*er is niets gewijzigd/
    );
    expect(copyState(excel.state)).toEqual(before);
  });

  test("a blank request: the fixed columns, no formulas, an Aanvraag to fill in", async () => {
    await runSetUp(excel.host, "blanco");
    const table = excel.state.tables.find((t) => t.name === "Kandidaten");
    expect(table?.columns).toEqual([
      "Kandidaat",
      "Leverancier",
      "Uurtarief (excl. btw, incl. reiskosten en fee)",
      "Loting",
      ...outputHeaders(10),
    ]);
    expect([...sheetOf(excel.state, "Kandidaten")!.cells.values()].some((c) => c.formula)).toBe(
      false
    );
    // The command's blank request: nothing of another request's settings (B6 is the Peildatum).
    const aanvraag = sheetOf(excel.state, "Aanvraag")!;
    expect(aanvraag.cells.get("1,1")?.value).toBe(blankRequestTexts.title);
    expect(aanvraag.cells.get("6,2")?.value ?? "").toBe("");
    expect(String(aanvraag.cells.get("6,3")?.value)).toMatch(/^Invullen/);
  });

  test("an unknown preset is refused in Dutch", async () => {
    await expect(runSetUp(excel.host, "99999")).rejects.toThrow(/Onbekende aanvraag '99999'/);
  });
});
