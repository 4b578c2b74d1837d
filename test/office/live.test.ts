/**
 * The live formulas of the add-in's workbook (issue 16) through Microsoft's Excel client:
 * set-up writes them into every row, scoring re-asserts them for rows the table gained and
 * for cells a value replaced, never overwrites them, and what they calculate is what the
 * headless command decides.
 */
import { scoreReport } from "../../src/cli/report";
import { exclusionText, request17040, type CellValue } from "../../src/engine";
import { runScore, runSetUp } from "../../src/office";
import { readWorkbook, type ReadOptions } from "../../src/office/read";
import { planScoreRun } from "../../src/workbook/scoreRun";
import { cellWords, liveRankingTexts } from "../../src/workbook/texts";
import {
  columnLetters,
  emptyState,
  sheetOf,
  simulateExcel,
  type BlankEncoding,
  type ExcelSimulator,
  type FakeTable,
  type FakeValue,
  type FakeWorkbookState,
} from "./simulator";
import { generatedRow, inputHeaders, shownValues, stateFromSnapshot } from "./helpers";
import { exampleSnapshot, preset } from "./example";

const snapshot = exampleSnapshot();
const OUTPUTS = ["Knock-out", "Score", "Rang", "Top 10"];

function candidatesTable(state: FakeWorkbookState): FakeTable {
  return state.tables.find((t) => t.name.toLowerCase() === "kandidaten")!;
}

/** The formula of every data row of every output column, by `header!row`, and Berekening's A3. */
function liveFormulas(state: FakeWorkbookState): Record<string, string | undefined> {
  const table = candidatesTable(state);
  const sheet = sheetOf(state, table.sheet)!;
  const out: Record<string, string | undefined> = {};
  for (const header of OUTPUTS) {
    const column = table.left + table.columns.indexOf(header);
    for (let row = table.top + 1; row <= table.bottom; row++)
      out[`${header}!${row}`] = sheet.cells.get(`${row},${column}`)?.formula;
  }
  out[`${liveRankingTexts.sheet}!A3`] = sheetOf(state, liveRankingTexts.sheet)?.cells.get(
    "3,1"
  )?.formula;
  return out;
}

/** Expects a formula in every row of every output column and FLEX.RANKING on Berekening. */
function expectLive(state: FakeWorkbookState): void {
  const formulas = liveFormulas(state);
  const missing = Object.entries(formulas).filter(([, f]) => !f?.startsWith("="));
  expect(missing).toEqual([]);
  expect(formulas[`${liveRankingTexts.sheet}!A3`]).toMatch(/^=FLEX\.RANKING\(/);
  // The work history's years for K3, G9 and G11 beside it, read by Knock-out and Score.
  const berekening = sheetOf(state, liveRankingTexts.sheet);
  expect(berekening?.cells.get("3,4")?.formula).toMatch(/^=FLEX\.WORKYEARS\(/);
  expect(["2,4", "2,5", "2,6"].map((at) => berekening?.cells.get(at)?.value)).toEqual([
    "K3",
    "G9",
    "G11",
  ]);
}

/** A generated candidate's input cells, placed under the table's own headers (inputs only). */
function typedRow(table: FakeTable, i: number): FakeValue[] {
  const values = generatedRow(i);
  const byHeader = new Map(inputHeaders.map((h, c) => [h, values[c]]));
  const last = Math.max(...inputHeaders.map((h) => table.columns.indexOf(h)));
  return table.columns.slice(0, last + 1).map((h) => {
    const value: CellValue = byHeader.get(h) ?? null;
    return value === null ? "" : (value as FakeValue);
  });
}

const starts: Array<[string, () => FakeWorkbookState]> = [
  ["an empty workbook", () => emptyState()],
  ["the example workbook", () => stateFromSnapshot(snapshot())],
];

describe.each(starts)("after set-up on %s", (_, start) => {
  let excel: ExcelSimulator;
  let table: FakeTable;
  beforeEach(async () => {
    // A row typed below the table does not join it by itself: the scoring grows the table.
    excel = simulateExcel(start(), { autoExpandTables: false });
    await runSetUp(excel.host, "17040");
    table = candidatesTable(excel.state);
    expectLive(excel.state);
    const below = table.bottom + 1;
    excel.type(table.sheet, `A${below}`, [typedRow(table, 3)]);
    expect(table.bottom).toBe(below - 1);
  });

  test("a row added below the table: scoring grows the table and leaves formulas in every row of every output column", async () => {
    const before = table.bottom;
    await runScore(excel.host, preset);
    expect(table.bottom).toBe(before + 1);
    expectLive(excel.state);
    // The new row calculates: its Knock-out shows a verdict, not an error of a missing formula.
    const shown = await shownValues(excel, table.sheet);
    const knockout = shown(table.bottom, table.left + table.columns.indexOf("Knock-out"));
    expect(typeof knockout === "string" && knockout !== "").toBe(true);
  });

  test("scoring twice leaves every formula as it was", async () => {
    await runScore(excel.host, preset);
    const once = liveFormulas(excel.state);
    await runScore(excel.host, preset);
    expect(liveFormulas(excel.state)).toEqual(once);
    expectLive(excel.state);
  });

  test("a formula a user typed over with a value is restored and reported by its cell", async () => {
    await runScore(excel.host, preset);
    const row = table.top + 1;
    const column = table.left + table.columns.indexOf("Score");
    const formula = liveFormulas(excel.state)[`Score!${row}`];
    excel.type(table.sheet, `${columnLetters(column)}${row}`, [[99]]);
    expect(sheetOf(excel.state, table.sheet)!.cells.get(`${row},${column}`)?.formula).toBe(
      undefined
    );
    const outcome = await runScore(excel.host, preset);
    expect(sheetOf(excel.state, table.sheet)!.cells.get(`${row},${column}`)?.formula).toBe(formula);
    const cell = `${columnLetters(column)}${row}`;
    expect(outcome.notes.some((n) => n.includes(cell) && n.includes("99"))).toBe(true);
  });
});

test("on a host that cannot resize tables (ExcelApi 1.12), the values written below the table grow it before the formulas land", async () => {
  const excel = simulateExcel(emptyState(), { autoExpandTables: false, excelApi: "1.12" });
  await runSetUp(excel.host, "17040");
  const table = candidatesTable(excel.state);
  excel.type(table.sheet, `A${table.bottom + 1}`, [typedRow(table, 3)]);
  const before = table.bottom;
  await runScore(excel.host, preset);
  expect(table.bottom).toBe(before + 1);
  expectLive(excel.state);
});

/** Whether a cell shows an error value. */
const isError = (value: FakeValue) => typeof value === "string" && /^#[A-Z/0-9]+[!?]?$/.test(value);

/**
 * The live cells as the engine's status: Knock-out `OK` is eligible (unless the Score is an
 * error: an award value the function cannot read makes the candidate incomplete, as in the
 * engine), ids knocked out, an error or nothing incomplete.
 */
function statusOf(knockout: FakeValue, score: FakeValue): string {
  if (knockout === cellWords.ok) return isError(score) ? "incomplete" : "eligible";
  if (knockout === "" || isError(knockout)) return "incomplete";
  return "knockedOut";
}

describe.each(["null", "zero"] as BlankEncoding[])(
  "the example workbook, blanks handed as %s",
  (blanks) => {
    test("what the live formulas calculate is the command's JSON: status, score, rank and top mark of every candidate", async () => {
      // The whole example, its Werkervaring too: where a candidate has periods for K3, G9 or
      // G11 they decide its years (FLEX.WORKYEARS on Berekening), as in the engine.
      const workbook = snapshot();
      expect(workbook.sheets.find((s) => s.name === "Werkervaring")?.values.length).toBeGreaterThan(
        1
      );
      const excel = simulateExcel(stateFromSnapshot(workbook), { blanks });
      await runSetUp(excel.host, "17040");
      const outcome = await runScore(excel.host, preset);
      const command = planScoreRun(workbook, preset);
      const json = scoreReport(command.evaluation, command.problems, command.record);
      expect(scoreReport(outcome.evaluation, outcome.problems, outcome.record)).toEqual(json);
      expectLive(excel.state);

      const table = candidatesTable(excel.state);
      const shown = await shownValues(excel, table.sheet);
      const cell = (row: number, header: string) =>
        shown(row, table.left + table.columns.indexOf(header));
      const statuses = new Set(json.candidates.map((c) => c.status));
      expect(statuses).toEqual(new Set(["eligible", "knockedOut", "incomplete"]));
      expect(json.candidates.filter((c) => c.needsDraw || c.top).length).toBeGreaterThan(0);
      const live = json.candidates.map((c) => ({
        row: c.row,
        status: statusOf(cell(c.row, "Knock-out"), cell(c.row, "Score")),
        knockout: cell(c.row, "Knock-out"),
        score: cell(c.row, "Score"),
        rank: cell(c.row, "Rang"),
        top: cell(c.row, "Top 10"),
      }));
      const expected = json.candidates.map((c) => ({
        row: c.row,
        status: c.status,
        knockout:
          c.status === "eligible"
            ? cellWords.ok
            : c.status === "knockedOut"
              ? exclusionText(c.failed, request17040)
              : live.find((l) => l.row === c.row)!.knockout,
        // An incomplete candidate's Score shows nothing, or the error that made it incomplete.
        score:
          c.score ?? (c.status === "incomplete" ? live.find((l) => l.row === c.row)!.score : ""),
        rank: c.rank ?? "",
        top: c.top ? cellWords.yes : c.needsDraw ? cellWords.draw : cellWords.no,
      }));
      expect(live).toEqual(expected);
      // Zoë Huisman: K3 blank, 5 years according to Werkervaring: OK live as in the engine.
      const zoe = json.candidates.find((c) => c.name === "Zoë Huisman")!;
      expect(live.find((l) => l.row === zoe.row)).toMatchObject({
        status: "eligible",
        knockout: "OK",
      });
      // Scoring compared every live cell with the engine's verdict: none differs.
      expect(outcome.notes.filter((n) => /iets anders dan de beoordeling/.test(n))).toEqual([]);
      // A second scoring, now that the ranks settled, compares rank and top mark too.
      const again = await runScore(excel.host, preset);
      expect(again.notes.filter((n) => /iets anders dan de beoordeling/.test(n))).toEqual([]);
    });
  }
);

/**
 * Measured at 400 rows (the simulator calculates every FLEX formula again per request, so
 * 10,000 live rows take many minutes here); the bytes grow with the rows, the areas do not
 * (1,000 rows: values 509,571 B, with the formula cells 509,770 B, with the formulas' text 2,442,438 B).
 */
test("scoring a live workbook of 400 candidates knows its formula cells without reading their text", async () => {
  const ROWS = 400;
  const excel = simulateExcel(emptyState());
  await runSetUp(excel.host, "17040");
  const table = candidatesTable(excel.state);
  excel.type(
    table.sheet,
    "A2",
    Array.from({ length: ROWS }, (_, i) => typedRow(table, i))
  );
  const outcome = await runScore(excel.host, preset);
  expect(outcome.evaluation.candidates).toHaveLength(ROWS);
  expectLive(excel.state);
  const kandidaten = sheetOf(excel.state, table.sheet)!;
  const column = table.left + table.columns.indexOf("Score");
  excel.type(table.sheet, `${columnLetters(column)}200`, [[12]]); // typed over one formula
  /** The bytes Excel answers to one read of Kandidaten with these options. */
  const readBytes = async (options: ReadOptions) => {
    const found = await excel.host.run(async (context) => {
      const read = await readWorkbook(context, { sheets: ["Kandidaten"], ...options });
      return read.snapshot.sheets[0].formulas;
    });
    const bytes = excel.last().responseBytes.reduce((a, b) => a + b, 0);
    return { bytes, formulas: found };
  };
  const values = await readBytes({});
  const cells = await readBytes({ formulaCells: "Kandidaten" });
  const text = await readBytes({ formulas: ["Kandidaten"] });
  // The formula cells as areas and the first row's formula text (one row, to tell an earlier
  // version's formulas) cost next to nothing; all their text would cost more than the values.
  expect(cells.bytes - values.bytes).toBeLessThan(5_000);
  expect(text.bytes - values.bytes).toBeGreaterThan(100 * (cells.bytes - values.bytes));
  expect(text.bytes).toBeGreaterThan(2 * values.bytes);
  // Both tell the same cells apart: a formula in every output cell but the one typed over.
  const held = (grid: Array<Array<string | null>> | undefined) =>
    (grid ?? []).reduce((n, row) => n + row.filter((f) => f?.startsWith("=")).length, 0);
  expect(held(cells.formulas)).toBe(4 * ROWS - 1);
  expect(held(text.formulas)).toBe(4 * ROWS - 1);
  expect(cells.formulas?.[199]?.[column - 1]).toBeNull();
  expect(kandidaten.cells.get(`200,${column}`)?.value).toBe(12);
}, 300_000);

test("a candidates table of another name (Tabel1): its formula cells are found, so a second scoring keeps them and says nothing", async () => {
  const state = stateFromSnapshot(snapshot());
  candidatesTable(state).name = "Tabel1";
  const excel = simulateExcel(state);
  await runSetUp(excel.host, "17040");
  const table = excel.state.tables.find((t) => t.name === "Tabel1")!;
  const score = table.left + table.columns.indexOf("Score");
  const sheet = () => sheetOf(excel.state, table.sheet)!;
  const formula = sheet().cells.get(`${table.top + 1},${score}`)?.formula;
  expect(formula).toMatch(/FLEX\.AWARDSCORE\(/);
  await runScore(excel.host, preset);
  const second = await runScore(excel.host, preset);
  for (let row = table.top + 1; row <= table.bottom; row++)
    expect([row, sheet().cells.get(`${row},${score}`)?.formula]).toEqual([row, formula]);
  // Read as formulas, not as values of an earlier scoring or values typed over them.
  expect(
    second.notes.filter((n) => /eerdere beoordeling|teruggezet|tonen iets anders/.test(n))
  ).toEqual([]);
});

test("an earlier version's Knock-out formulas (cells passed bare, a blank as 0 on Windows) are found from the first row and replaced in the whole column, with one note", async () => {
  const excel = simulateExcel(stateFromSnapshot(snapshot()));
  await runSetUp(excel.host, "17040");
  const table = candidatesTable(excel.state);
  const column = table.left + table.columns.indexOf("Knock-out");
  const sheet = () => sheetOf(excel.state, table.sheet)!;
  const current = sheet().cells.get(`${table.top + 1},${column}`)!.formula!;
  // As set-up wrote it before issue 16: no IF(ISBLANK(…)) around the arguments.
  const bare = unwrapBlanks(current);
  expect(bare).not.toMatch(/ISBLANK/);
  expect(bare).toMatch(/FLEX\.KNOCKOUT\(/);
  for (let row = table.top + 1; row <= table.bottom; row++)
    sheet().cells.set(`${row},${column}`, { value: "", formula: bare });
  const outcome = await runScore(excel.host, preset);
  for (let row = table.top + 1; row <= table.bottom; row++)
    expect([row, sheet().cells.get(`${row},${column}`)?.formula]).toEqual([row, current]);
  expect(outcome.notes).toContainEqual(
    expect.stringMatching(
      /^Kandidaten: de kolom 'Knock-out' had nog de formules van een eerdere versie/
    )
  );
});

/** A formula with every `IF(ISBLANK(x),"",x)` turned back into `x` (parentheses in `[…]` skipped). */
function unwrapBlanks(formula: string): string {
  const start = "IF(ISBLANK(";
  let out = formula;
  for (let at = out.indexOf(start); at >= 0; at = out.indexOf(start)) {
    let depth = 1;
    let brackets = 0;
    let i = at + start.length;
    for (; i < out.length && depth > 0; i++) {
      const ch = out[i];
      if (ch === "[") brackets++;
      else if (ch === "]") brackets--;
      else if (brackets === 0 && ch === "(") depth++;
      else if (brackets === 0 && ch === ")") depth--;
    }
    const x = out.slice(at + start.length, i - 1);
    const whole = `${start}${x}),"",${x})`;
    expect(out.slice(at, at + whole.length)).toBe(whole);
    out = out.slice(0, at) + x + out.slice(at + whole.length);
  }
  return out;
}
