/**
 * Issue 17: `awardscore share` refuses while the top is not final (a candidate incomplete,
 * a draw pending): exit 2, a Dutch message naming the cells to decide, nothing written.
 * The example is first made final (test/workbook/decide.ts), then one thing is undone.
 */
import type ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { exampleWorkbook } from "../../src/cli/example";
import { cellAddress } from "../../src/workbook/address";
import { planScore } from "../../src/workbook/score";
import { readSnapshot } from "../../src/xlsx";
import { finalise } from "../workbook/decide";
import { candidate, requestWithTop, smallWorkbook } from "../workbook/smallWorkbook";
import { awardscore, scratch } from "./helpers";

/** The 1-based column of the header that is `header` or starts with `header `. */
function columnOf(workbook: ExcelJS.Workbook, header: string): number {
  const headers = workbook.getWorksheet("Kandidaten")!.getRow(1).values as ExcelJS.CellValue[];
  const index = headers.findIndex((h) => h === header || String(h).startsWith(`${header} `));
  expect(index).toBeGreaterThan(0);
  return index;
}

/** A final example with `undo` applied, written to a scratch folder. */
async function finalExampleWith(undo: (w: ExcelJS.Workbook) => void) {
  const dir = scratch();
  const workbook = exampleWorkbook();
  finalise(workbook);
  expect(planScore(readSnapshot(workbook)).evaluation.summary.final).toBe(true);
  undo(workbook);
  const input = path.join(dir, "aanvraag.xlsx");
  await workbook.xlsx.writeFile(input);
  return { dir, input, out: path.join(dir, "gemeente.xlsx"), workbook };
}

test("an incomplete row: exit 2, the cell to decide named, nothing written", async () => {
  let cell = "";
  const { dir, input, out } = await finalExampleWith((w) => {
    // The best candidate's K2 emptied: the evaluator has not decided it.
    const best = planScore(readSnapshot(w)).evaluation.ranking[0];
    const column = columnOf(w, "K2");
    w.getWorksheet("Kandidaten")!.getCell(best, column).value = null;
    cell = cellAddress(best, column);
  });
  const ran = await awardscore("share", input, "--out", out);
  expect(ran.code).toBe(2);
  expect(ran.stdout).toBe("");
  expect(ran.stderr).toContain(
    `De top is nog niet definitief, dus er is niets gedeeld. Beslis eerst deze cel en beoordeel opnieuw: Kandidaten!${cell}.`
  );
  expect(ran.stderr).toContain("zegt het cv er niets over, typ dan Nee of 0");
  expect(ran.stderr).toContain(`  Kandidaten!${cell}: K2`);
  expect(fs.readdirSync(dir)).toEqual(["aanvraag.xlsx"]);
});

test("a pending draw: exit 2, every Loting cell of the tie named, nothing written", async () => {
  // Top 2: Ans first; Bram and Cor tie on score and rate for place 2.
  const workbook = smallWorkbook(requestWithTop(2), [
    candidate({ Kandidaat: "Ans", G11: 1 }),
    candidate({ Kandidaat: "Bram" }),
    candidate({ Kandidaat: "Cor" }),
  ]);
  const dir = scratch();
  const input = path.join(dir, "aanvraag.xlsx");
  await workbook.xlsx.writeFile(input);
  const loting = cellAddress(1, columnOf(workbook, "Loting")).replace(/\d+$/, "");
  const ran = await awardscore("share", input, "--out", path.join(dir, "gemeente.xlsx"));
  expect(ran.code).toBe(2);
  expect(ran.stderr).toContain(
    `Beslis eerst deze 2 cellen en beoordeel opnieuw: Kandidaten!${loting}3 en Kandidaten!${loting}4.`
  );
  for (const row of [3, 4])
    expect(ran.stderr).toContain(
      `  Kandidaten!${loting}${row}: Loting: nog te beslissen (loting nodig voor plaats 2).`
    );
  expect(fs.readdirSync(dir)).toEqual(["aanvraag.xlsx"]);

  // The draw recorded: the top is final and the workbook is written.
  const sheet = workbook.getWorksheet("Kandidaten")!;
  sheet.getCell(`${loting}3`).value = 2;
  sheet.getCell(`${loting}4`).value = 1;
  await workbook.xlsx.writeFile(input);
  const shared = await awardscore("share", input, "--out", path.join(dir, "gemeente.xlsx"));
  expect(shared).toMatchObject({ code: 0, stderr: "" });
  expect(fs.readdirSync(dir).sort()).toEqual(["aanvraag.xlsx", "gemeente.xlsx"]);
});
