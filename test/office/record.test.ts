/**
 * "Beoordelen" through Microsoft's Excel client on the simulator writes the record of
 * issue 17 §8: a `Verantwoording` sheet of values whose digest is the one the headless
 * command computes for the same workbook read from its file.
 */
import { ENGINE_VERSION } from "../../src/engine";
import { runScore } from "../../src/office";
import { planScoreRun } from "../../src/workbook/scoreRun";
import { fatalMessages, recordTexts } from "../../src/workbook/texts";
import { simulateExcel, sheetOf, type ExcelSimulator } from "./simulator";
import { exampleSnapshot, preset } from "./example";
import { copyState, stateFromSnapshot } from "./helpers";

let excel: ExcelSimulator;
const snapshot = exampleSnapshot();

/** The values of a fake sheet as rows (1-based keys "r,c"), empty cells as "". */
function rowsOf(name: string): unknown[][] {
  const sheet = sheetOf(excel.state, name)!;
  const rows: unknown[][] = [];
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(",").map(Number);
    (rows[r - 1] ??= [])[c - 1] = cell.value;
  }
  return rows;
}

test("the add-in's workbook gets Verantwoording: the command's digest, a row per candidate, no formula", async () => {
  excel = simulateExcel(stateFromSnapshot(snapshot()));
  const outcome = await runScore(excel.host, preset);
  // Dates reach the add-in as serial numbers and the command as dates: the digest is the same.
  const command = planScoreRun(snapshot(), preset);
  expect(outcome.record.digest.value).toBe(command.record.digest.value);

  const sheet = sheetOf(excel.state, recordTexts.sheet)!;
  expect([...sheet.cells.values()].every((cell) => !cell.formula)).toBe(true);
  const rows = rowsOf(recordTexts.sheet);
  const setting = (label: string) => rows.find((r) => r?.[0] === label)?.[1];
  expect(rows[0][0]).toBe(recordTexts.title("17040", outcome.request.title));
  expect(setting(recordTexts.labels.engineVersion)).toBe(ENGINE_VERSION);
  expect(setting(recordTexts.labels.digest)).toBe(command.record.digest.value);
  expect(setting(recordTexts.labels.referenceDate)).toBe(
    outcome.request.referenceDate.split("-").reverse().join("-")
  );
  const header = rows.findIndex((r) => r?.[0] === recordTexts.headers.row);
  const body = rows.slice(header + 1).filter((r) => r && r[0] !== "");
  expect(body.map((r) => r[0])).toEqual(
    outcome.evaluation.candidates.map((c) => c.row).sort((a, b) => a - b)
  );
  const headers = rows[header] as string[];
  const olga = body.find((r) => r[1] === "Olga Brouwer")!;
  expect(olga[headers.indexOf("Status")]).toBe("Valt af");
  expect(olga[headers.indexOf("Knock-out")]).toBe("K8");
});

test("a Verantwoording of the user's own is refused, and nothing changes", async () => {
  excel = simulateExcel(
    stateFromSnapshot({
      ...snapshot(),
      sheets: [
        ...snapshot().sheets,
        { name: "Verantwoording", values: [["Notulen overleg"]], tables: [] },
      ],
    })
  );
  const before = copyState(excel.state);
  await expect(runScore(excel.host, preset)).rejects.toThrow(
    fatalMessages.foreignSheet("Verantwoording")
  );
  expect(copyState(excel.state)).toEqual(before);
});

test("scoring again rewrites Verantwoording whole: one sheet, the same rows", async () => {
  excel = simulateExcel(stateFromSnapshot(snapshot()));
  await runScore(excel.host, preset);
  const once = rowsOf(recordTexts.sheet);
  await runScore(excel.host, preset);
  expect(excel.state.sheets.filter((s) => s.name === recordTexts.sheet)).toHaveLength(1);
  const twice = rowsOf(recordTexts.sheet);
  const at = twice.findIndex((r) => r?.[0] === recordTexts.labels.runAt);
  expect(twice[at][1]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
  twice[at][1] = once[at][1]; // the moment of the run is the one cell that may differ
  expect(twice).toEqual(once);
});
