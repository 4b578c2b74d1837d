/** Recording a draw through Microsoft's Excel client on the simulator, then re-scoring: the group that needed a draw is resolved. */
import path from "path";
import { runReadRequest, runRecordDraw, runScore, selectCell } from "../../src/office";
import { simulateExcel, sheetOf, type ExcelSimulator } from "./simulator";
import { copyState, stateFromSnapshot, xlsxSnapshot } from "./helpers";
import { fatalMessages } from "../../src/workbook/texts";

const example = path.resolve(__dirname, "../../examples/aanvraag-17040.xlsx");
let excel: ExcelSimulator;

test("a draw at place ten: only the Loting cells change, and the top ten is full afterwards", async () => {
  excel = simulateExcel(stateFromSnapshot(await xlsxSnapshot(example)));
  const first = await runScore(excel.host, { preset: "17040" });
  const group = first.evaluation.candidates.filter((c) => c.needsDraw);
  expect(group.length).toBeGreaterThan(1);
  const table = excel.state.tables.find((t) => t.name.toLowerCase() === "kandidaten")!;
  const drawColumn = table.left + table.columns.indexOf("Loting");
  const before = copyState(excel.state) as {
    sheets: Array<{ name: string; cells: Record<string, unknown> }>;
  };

  const rows = group.map((c) => c.row);
  const order = rows.map((_, i) => rows.length - i);
  const after = await runRecordDraw(excel.host, rows, order, { preset: "17040" });

  expect(after.evaluation.candidates.some((c) => c.needsDraw)).toBe(false);
  expect(after.evaluation.summary.top).toBe(Math.min(10, after.evaluation.ranking.length));
  const cells = sheetOf(excel.state, "Kandidaten")!.cells;
  rows.forEach((row, i) => expect(cells.get(`${row},${drawColumn}`)?.value).toBe(order[i]));
  // Every other input cell of Kandidaten is as it was.
  const outputs = ["Status", "Knock-out", "Score", "Rang", "Top 10", "Toelichting"].map(
    (h) => table.left + table.columns.indexOf(h)
  );
  const old = before.sheets.find((s) => s.name === "Kandidaten")!.cells;
  for (const [key, cell] of Object.entries(old)) {
    const [row, column] = key.split(",").map(Number);
    if (outputs.includes(column) || (column === drawColumn && rows.includes(row))) continue;
    expect(cells.get(key)).toEqual(cell);
  }
});

test("selectCell shows the problem's cell", async () => {
  excel = simulateExcel(stateFromSnapshot(await xlsxSnapshot(example)));
  await selectCell(excel.host, "Kandidaten", "F7");
  expect(excel.state.selection).toEqual({ sheet: "Kandidaten", address: "F7" });
  expect(excel.last().syncs).toBe(1);
});

test("runReadRequest reads the Aanvraag sheet and writes nothing", async () => {
  excel = simulateExcel(stateFromSnapshot(await xlsxSnapshot(example)));
  const before = copyState(excel.state);
  const read = await runReadRequest(excel.host);
  expect(read?.request.id).toBe("17040");
  expect(read?.problems).toEqual([]);
  expect(copyState(excel.state)).toEqual(before);
  // One request: the sheets, their values, tables and names together (a missing sheet is a null object).
  expect(excel.last().syncs).toBe(1);
});

test("a draw while 'Afwijzingen' is the user's own sheet: refused before anything is written", async () => {
  const snapshot = await xlsxSnapshot(example);
  const notes = { name: "Afwijzingen", values: [["Mijn notities"]], tables: [] };
  excel = simulateExcel(stateFromSnapshot(snapshot));
  const first = await runScore(excel.host, { preset: "17040" });
  const rows = first.evaluation.candidates.filter((c) => c.needsDraw).map((c) => c.row);
  expect(rows.length).toBeGreaterThan(1);

  // The same workbook, with a sheet of the user's where scoring writes Afwijzingen.
  excel = simulateExcel(stateFromSnapshot({ ...snapshot, sheets: [...snapshot.sheets, notes] }));
  const before = copyState(excel.state);
  await expect(
    runRecordDraw(
      excel.host,
      rows,
      rows.map((_, i) => i + 1),
      { preset: "17040" }
    )
  ).rejects.toThrow(fatalMessages.foreignSheet("Afwijzingen"));
  expect(copyState(excel.state)).toEqual(before);
});
