/**
 * Random workbooks (random values, empty cells, garbage text, extra columns):
 * scoring never touches an input cell, and scoring twice equals scoring once.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/engine";
import { runScore } from "../../src/office";
import { outputHeaders } from "../../src/workbook/layout";
import { WorkbookError } from "../../src/workbook/problems";
import { simulateExcel, sheetOf, type ExcelSimulator, type FakeWorkbookState } from "./simulator";
import { copyState, inputHeaders, stateFromSnapshot } from "./helpers";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom("Ja", "Nee", "n.v.t.", "ja ", "JA", "€ 70,00", "2,5", "abc", "#N/A", "  "),
  fc.string({ maxLength: 12 }),
  fc.double({ min: -10, max: 2_000_000, noNaN: true }),
  fc.integer({ min: 0, max: 20 }),
  fc.boolean()
);

/** A Kandidaten table under the 17040 headers with extra columns mixed in, and random rows. */
const workbook = fc
  .record({
    extras: fc.array(fc.constantFrom("Opmerking", "Telefoon", "Extra", "Notitie"), {
      maxLength: 3,
    }),
    positions: fc.array(fc.nat(20), { maxLength: 3 }),
    rows: fc.array(fc.array(cell, { minLength: 24, maxLength: 24 }), {
      minLength: 1,
      maxLength: 30,
    }),
  })
  .map(({ extras, positions, rows }) => {
    const headers = [...inputHeaders];
    [...new Set(extras)].forEach((h, i) =>
      headers.splice(Math.min(positions[i] ?? 0, headers.length), 0, h)
    );
    const values: CellValue[][] = [headers, ...rows.map((r) => r.slice(0, headers.length))];
    return stateFromSnapshot({
      sheets: [
        {
          name: "Kandidaten",
          values,
          tables: [
            {
              name: "Kandidaten",
              headerRow: 1,
              firstColumn: 1,
              columns: headers,
              rowCount: rows.length,
            },
          ],
        },
      ],
      names: [],
    });
  });

/** The cells of the input columns of Kandidaten (every column that is not an output column). */
function inputCells(state: FakeWorkbookState): unknown {
  const table = state.tables.find((t) => t.name === "Kandidaten")!;
  const inputs = new Set(
    table.columns.flatMap((h, i) =>
      (outputHeaders(10) as readonly string[]).includes(h) ? [] : [table.left + i]
    )
  );
  const cells = sheetOf(state, "Kandidaten")!.cells;
  return [...cells]
    .filter(([key, c]) => inputs.has(Number(key.split(",")[1])) && (c.value !== "" || c.formula))
    .map(([key, c]) => [key, c.value])
    .sort();
}

const strip = (s: unknown) =>
  JSON.parse(
    JSON.stringify(s)
      .replace(/"(id|nextId)":("cf\d+"|\d+)/g, '"$1":0')
      // Excel numbers charts on: a chart made again has the next name.
      .replace(/"name":"Grafiek \d+"/g, '"name":"Grafiek"')
      // The moment of the run, in Verantwoording, is the one thing a second scoring changes.
      .replace(/"\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}"/g, '"moment"')
  );

let excel: ExcelSimulator;

test("score leaves every input cell as it was, and scoring twice equals scoring once", async () => {
  let scored = 0;
  await fc.assert(
    fc.asyncProperty(workbook, async (state) => {
      excel = simulateExcel(state);
      const before = inputCells(state);
      const untouched = copyState(state);
      try {
        await runScore(excel.host, { preset: "17040" });
      } catch (error) {
        // A workbook that cannot be scored is refused as a whole: nothing changes.
        if (!(error instanceof WorkbookError)) throw error;
        expect(copyState(state)).toEqual(untouched);
        return;
      }
      scored++;
      expect(inputCells(state)).toEqual(before);
      const once = strip(copyState(state));
      await runScore(excel.host, { preset: "17040" });
      expect(strip(copyState(state))).toEqual(once);
      expect(inputCells(state)).toEqual(before);
    }),
    { numRuns: 40 }
  );
  expect(scored).toBeGreaterThan(20);
});
