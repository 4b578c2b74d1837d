/**
 * The `CV-eisen` setting on the `Aanvraag` sheet through a real .xlsx (issue 17 §5):
 * written with a drop-down, read back the same, an unknown value reported at its
 * cell, absent in older sheets (then `uitsluiten`), read alike by the sheet reader
 * and FLEX.KNOCKOUT, and deciding the scoring (planScore) both ways.
 */
import ExcelJS from "exceljs";
import { request17040, type CellValue, type CvRequirementPolicy } from "../../src/engine";
import { FunctionError } from "../../src/functions/errors";
import { readCvRequirementsSetting } from "../../src/functions/settings";
import { columnLetters } from "../../src/workbook/address";
import type { WorkbookChange } from "../../src/workbook/changes";
import { outputHeaders } from "../../src/workbook/layout";
import { WorkbookError } from "../../src/workbook/problems";
import { readRequest } from "../../src/workbook/requestRead";
import { planScore } from "../../src/workbook/score";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { planTemplate } from "../../src/workbook/template";
import { applyChanges, readSnapshot } from "../../src/xlsx";
import { candidatesSheet, headers17040, passing } from "../workbook/helpers";
import { reload } from "./helpers";

async function template(cvRequirements: CvRequirementPolicy): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, planTemplate({ ...request17040, cvRequirements }));
  return reload(workbook);
}

/** The value cell of the CV-eisen row, found by its label in column A. */
function settingCell(sheet: ExcelJS.Worksheet): ExcelJS.Cell {
  for (let row = 1; row <= sheet.rowCount; row++)
    if (sheet.getCell(row, 1).value === "CV-eisen") return sheet.getCell(row, 2);
  throw new Error("no CV-eisen row");
}

/** The policy the sheet reader takes from the workbook, or its problems. */
function fromSheet(workbook: ExcelJS.Workbook) {
  const read = readRequest(readSnapshot(workbook))!;
  return read.problems.length > 0
    ? { problems: read.problems }
    : { policy: read.request.cvRequirements };
}

describe("the CV-eisen setting on Aanvraag", () => {
  test.each(["exclude", "report"] as const)(
    "a request with %p is written and read back as the same request",
    async (policy) => {
      const read = readRequest(readSnapshot(await template(policy)));
      expect(read?.problems).toEqual([]);
      expect(read?.request).toEqual({ ...request17040, cvRequirements: policy });
    }
  );

  test("the row: label, the words, a defined name, a drop-down and a note that says CV-eis", async () => {
    const workbook = await template("report");
    const sheet = workbook.getWorksheet("Aanvraag")!;
    const cell = settingCell(sheet);
    expect(cell.value).toBe("alleen melden");
    expect(cell.address).toBe("B21");
    expect(readSnapshot(workbook).names).toContainEqual({
      name: "CvEisen",
      sheet: "Aanvraag",
      address: "B21",
    });
    expect(cell.dataValidation).toMatchObject({
      type: "list",
      formulae: ['"uitsluiten,alleen melden"'],
    });
    expect(String(sheet.getCell("C21").value)).toMatch(
      /^E1–E3 zijn CV-eisen, geen knock-outcriteria/
    );
  });

  test("an unknown value is a problem at its cell, and nothing is scored", async () => {
    const workbook = await template("exclude");
    settingCell(workbook.getWorksheet("Aanvraag")!).value = "soms";
    let error: unknown;
    try {
      planScore(readSnapshot(workbook));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).problems).toEqual([
      {
        sheet: "Aanvraag",
        cell: "B21",
        message: "CV-eisen: Onbekende waarde 'soms'. Typ 'uitsluiten' of 'alleen melden'.",
      },
    ]);
  });

  test("a sheet made before the setting (no such row, no name) reads as uitsluiten, without a problem", async () => {
    const workbook = await template("report");
    const cell = settingCell(workbook.getWorksheet("Aanvraag")!);
    workbook.getWorksheet("Aanvraag")!.getCell(cell.row, 1).value = null;
    cell.value = null;
    workbook.definedNames.remove("Aanvraag!$B$21", "CvEisen");
    const snapshot = readSnapshot(workbook);
    expect(snapshot.names.map((n) => n.name)).not.toContain("CvEisen");
    expect(fromSheet(workbook)).toEqual({ policy: "exclude" });
  });

  test.each<[CellValue, string]>([
    ["uitsluiten", "exclude"],
    ["alleen melden", "report"],
    ["ALLEEN MELDEN", "report"],
    [null, "exclude"],
    ["soms", "error"],
    [true, "error"],
  ])(
    "the same cell gives one verdict to the sheet reader and to FLEX.KNOCKOUT: %p",
    async (value, expected) => {
      const workbook = await template("exclude");
      settingCell(workbook.getWorksheet("Aanvraag")!).value = value as ExcelJS.CellValue;
      const sheet = fromSheet(workbook);
      let flex: string;
      try {
        flex = readCvRequirementsSetting(value);
      } catch (error) {
        if (!(error instanceof FunctionError)) throw error;
        flex = "error";
        expect(sheet.problems?.map((p) => p.message)).toEqual([error.message]);
      }
      expect(flex).toBe(expected);
      expect(sheet.policy ?? "error").toBe(expected);
    }
  );
});

describe("planScore with the CV-eisen setting", () => {
  const people = [
    { ...passing, Kandidaat: "Ans", Uurtarief: 70 }, // 80 points, all met
    { ...passing, Kandidaat: "Bram", Uurtarief: 65, E1: 6 }, // 80 points, E1 fails
    { ...passing, Kandidaat: "Cor", Uurtarief: 72, K3: 1, E3: 1 }, // K3 and E3 fail
  ];
  /** The template's Aanvraag sheet with these candidates on Kandidaten. */
  async function scored(policy: CvRequirementPolicy) {
    const snapshot = readSnapshot(await template(policy));
    const withPeople: WorkbookSnapshot = {
      ...snapshot,
      sheets: [...snapshot.sheets.filter((s) => s.name !== "Kandidaten"), candidatesSheet(people)],
    };
    return planScore(withPeople);
  }
  /** The values written into an output column, from row 2 down. */
  function column(changes: WorkbookChange[], header: string): CellValue[] {
    const letter = columnLetters(headers17040.length + outputHeaders(10).indexOf(header) + 1);
    const write = changes.find((c) => c.kind === "writeValues" && c.at === `${letter}2`);
    return write?.kind === "writeValues" ? write.values.map((r) => r[0]) : [];
  }

  test("uitsluiten: Status Valt af, Knock-out column CV-eis E1, no rank", async () => {
    const plan = await scored("exclude");
    expect(plan.requestSource).toBe("sheet");
    expect(column(plan.changes, "Status")).toEqual(["Geschikt", "Valt af", "Valt af"]);
    expect(column(plan.changes, "Knock-out")).toEqual(["OK", "CV-eis E1", "K3; CV-eis E3"]);
    // (Whether an excluded candidate's Score cell stays empty is issue 17 §3's, not asserted here.)
    expect(column(plan.changes, "Score")[0]).toBe(80);
    expect(column(plan.changes, "Rang")).toEqual([1, null, null]);
    expect(column(plan.changes, "Toelichting")[1]).toBe(
      "Valt af: voldoet niet aan CV-eis E1: CV-pagina's is 6, meer dan het maximum van 5"
    );
  });

  test("alleen melden: Bram is scored and ranked (first, on rate), the Toelichting reports E1", async () => {
    const plan = await scored("report");
    expect(column(plan.changes, "Status")).toEqual(["Geschikt", "Geschikt", "Valt af"]);
    expect(column(plan.changes, "Knock-out")).toEqual(["OK", "OK", "K3"]);
    expect(column(plan.changes, "Score").slice(0, 2)).toEqual([80, 80]);
    expect(column(plan.changes, "Rang")).toEqual([2, 1, null]);
    const reasons = column(plan.changes, "Toelichting");
    expect(reasons[1]).toMatch(
      /^Score 80 van 100, rang 1 — in de top 10 — voldoet niet aan CV-eis E1: .*\(alleen gemeld: telt niet mee voor uitsluiting\)$/
    );
    expect(reasons[2]).toMatch(/^Valt af op K3: .* — voldoet niet aan CV-eis E3: /);
  });
});
