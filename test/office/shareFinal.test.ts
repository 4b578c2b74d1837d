/**
 * Issue 17 through Microsoft's Excel client on the simulator: "Delen met gemeente" refuses
 * while the top is not final, names the cells to decide, opens no workbook and changes
 * nothing; once decided it shares. Small typed workbooks, no work history.
 */
import { runScore, runShare } from "../../src/office";
import { NotFinalError } from "../../src/workbook/finality";
import { candidate, requestWithTop, smallWorkbook } from "../workbook/smallWorkbook";
import { copyState, stateFromWorkbook } from "./helpers";
import { simulateExcel } from "./simulator";

/** The column letters of a header of `Kandidaten` in a small workbook. */
function letterOf(workbook: ReturnType<typeof smallWorkbook>, header: string): string {
  const row = workbook.getWorksheet("Kandidaten")!.getRow(1);
  let letter = "";
  row.eachCell((cell) => {
    if (String(cell.value).split(" ")[0] === header) letter = cell.address.replace(/\d+$/, "");
  });
  expect(letter).not.toBe("");
  return letter;
}

test("an incomplete row: refused with its cell, nothing opened or changed", async () => {
  const workbook = smallWorkbook(requestWithTop(2), [
    candidate({ Kandidaat: "Ans" }),
    candidate({ Kandidaat: "Bram", K6: null }),
    candidate({ Kandidaat: "Cor", Uurtarief: 65 }),
  ]);
  const excel = simulateExcel(stateFromWorkbook(workbook));
  await runScore(excel.host);
  const before = copyState(excel.state);
  const refusal = await runShare(excel.host).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(NotFinalError);
  const k6 = `${letterOf(workbook, "K6")}3`;
  expect((refusal as NotFinalError).problems).toEqual([
    { sheet: "Kandidaten", cell: k6, message: expect.stringMatching(/^K6: /) },
  ]);
  expect((refusal as NotFinalError).message).toContain(
    `Beslis eerst deze cel en beoordeel opnieuw: Kandidaten!${k6}.`
  );
  expect(excel.created).toHaveLength(0);
  expect(copyState(excel.state)).toEqual(before);
});

test("a pending draw: refused with the Loting cells; after the draw it shares", async () => {
  const workbook = smallWorkbook(requestWithTop(2), [
    candidate({ Kandidaat: "Ans", G11: 1 }),
    candidate({ Kandidaat: "Bram" }),
    candidate({ Kandidaat: "Cor" }),
  ]);
  const loting = letterOf(workbook, "Loting");
  const excel = simulateExcel(stateFromWorkbook(workbook));
  const refusal = await runShare(excel.host).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(NotFinalError);
  expect((refusal as NotFinalError).problems.map((p) => p.cell)).toEqual([
    `${loting}3`,
    `${loting}4`,
  ]);
  expect(excel.created).toHaveLength(0);

  const sheet = workbook.getWorksheet("Kandidaten")!;
  sheet.getCell(`${loting}3`).value = 2;
  sheet.getCell(`${loting}4`).value = 1;
  const decided = simulateExcel(stateFromWorkbook(workbook));
  expect(await runShare(decided.host)).toEqual({ top: 2 });
  expect(decided.created).toHaveLength(1);
});
