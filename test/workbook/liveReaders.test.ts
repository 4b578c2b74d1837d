/**
 * The readers of a scored workbook on the add-in's own workbook after issue 16: live
 * formulas in the output columns and a `Berekening` sheet. Narekenen, opschonen, the
 * record and the municipality's workbook ignore the sheet, and the live cells (showing
 * the verdicts) read as the values a scoring wrote.
 */
import type { CellValue } from "../../src/engine";
import { request17040 } from "../../src/engine";
import { planPrivacy } from "../../src/workbook/privacy";
import { planScoreRun } from "../../src/workbook/scoreRun";
import { planSetUp } from "../../src/workbook/setUp";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { planVerify } from "../../src/workbook/verify";
import { buildSharedWorkbook } from "../../src/share/build";
import { candidatesSheet, passing, snapshotOf } from "./helpers";
import { applyToSnapshot, calculate } from "./liveSnapshot";

const people: Array<Record<string, CellValue>> = [
  { ...passing, Kandidaat: "Ans", Uurtarief: 70 },
  { ...passing, Kandidaat: "Bram", Uurtarief: 72.5, G11: 2 },
  { ...passing, Kandidaat: "Cor", Uurtarief: 75.01 },
  { ...passing, Kandidaat: "Eva", Uurtarief: 60, G9: 0 },
];

/** Set up, scored live, calculated: the add-in's workbook as Excel holds it. */
function liveWorkbook(): WorkbookSnapshot {
  const base = snapshotOf(candidatesSheet(people));
  const setUp = applyToSnapshot(base, planSetUp(base, request17040));
  const run = planScoreRun(setUp, { live: true }, new Date(Date.UTC(2024, 9, 1, 10)));
  return calculate(applyToSnapshot(setUp, run.changes), run);
}

const withoutBerekening = (snapshot: WorkbookSnapshot): WorkbookSnapshot => ({
  ...snapshot,
  sheets: snapshot.sheets.filter((s) => s.name !== "Berekening"),
});

describe("readers of the live workbook", () => {
  const snapshot = liveWorkbook();

  test("the workbook has the live ranking, with its formula and spill", () => {
    const sheet = snapshot.sheets.find((s) => s.name === "Berekening")!;
    expect(sheet.formulas?.[2]?.[0]).toMatch(/^=FLEX\.RANKING\(/);
    expect(sheet.values.slice(2, 6).map((r) => r.slice(0, 2))).toEqual([
      [2, "Ja"],
      [1, "Ja"],
      ["", "Nee"],
      [3, "Ja"],
    ]);
  });

  test("narekenen (verify): no difference, and the Berekening sheet changes nothing", () => {
    const result = planVerify(snapshot);
    expect(result?.differences).toEqual([]);
    expect(planVerify(withoutBerekening(snapshot))).toEqual(result);
  });

  test("opschonen: pseudonyms as without the sheet, and nothing written on Berekening", () => {
    const plan = planPrivacy(snapshot);
    expect(plan.pseudonyms.map((p) => p.name)).toEqual(["Cor"]);
    expect(plan.changes.filter((c) => c.sheet === "Berekening")).toEqual([]);
    expect(plan.changes).toEqual(planPrivacy(withoutBerekening(snapshot)).changes);
  });

  test("the record and the municipality's workbook: the engine's verdicts, values only, no Berekening", () => {
    const run = planScoreRun(snapshot, {}, new Date(Date.UTC(2024, 9, 1, 10)));
    expect(run.record).toEqual(
      planScoreRun(withoutBerekening(snapshot), {}, new Date(Date.UTC(2024, 9, 1, 10))).record
    );
    const shared = buildSharedWorkbook(run.evaluation, { made: new Date(Date.UTC(2024, 9, 2)) });
    expect(shared.worksheets.map((w) => w.name)).not.toContain("Berekening");
    const formulas: string[] = [];
    shared.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) formulas.push(cell.formula);
        })
      )
    );
    expect(formulas.filter((f) => /FLEX\./.test(f))).toEqual([]);
  });
});
