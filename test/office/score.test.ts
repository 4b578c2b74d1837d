/** "Beoordelen" through Microsoft's Excel client on the simulator, on the example workbook: the same verdicts as `awardscore score --json`. */
import path from "path";
import { scoreReport } from "../../src/cli/report";
import { runScore } from "../../src/office";
import { outputHeaders } from "../../src/workbook/layout";
import { planScoreRun } from "../../src/workbook/scoreRun";
import { cellWords } from "../../src/workbook/texts";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { simulateExcel, sheetOf, type ExcelSimulator } from "./simulator";
import {
  columnValues,
  copyState,
  fakeValue,
  generatedSheet,
  stateFromSnapshot,
  xlsxSnapshot,
} from "./helpers";

const example = path.resolve(__dirname, "../../examples/aanvraag-17040.xlsx");

let excel: ExcelSimulator;

describe("runScore on examples/aanvraag-17040.xlsx", () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await xlsxSnapshot(example);
  });

  test("gives the verdicts, problems and output values of the headless command, in four syncs at most", async () => {
    excel = simulateExcel(stateFromSnapshot(snapshot));
    const expected = planScoreRun(snapshot, { preset: "17040" });
    const outcome = await runScore(excel.host, { preset: "17040" });
    expect(scoreReport(outcome.evaluation, outcome.problems, outcome.record)).toEqual(
      scoreReport(expected.evaluation, expected.problems, expected.record)
    );
    expect(excel.last().syncs).toBeLessThanOrEqual(4);

    // Every value the command writes into Status and Toelichting is there in Excel too; Knock-out,
    // Score, Rang and Top 10 hold live formulas instead (what they calculate: live.test.ts).
    const kandidaten = sheetOf(excel.state, "Kandidaten")!;
    const table = excel.state.tables.find((t) => t.name.toLowerCase() === "kandidaten")!;
    const valueColumns = ["Status", "Toelichting"].map(
      (h) => table.left + table.columns.indexOf(h)
    );
    let compared = 0;
    for (const change of expected.changes) {
      if (change.kind !== "writeValues" || change.sheet !== "Kandidaten") continue;
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(change.at)!;
      const column = letters.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      change.values.forEach((values, r) =>
        values.forEach((value, c) => {
          const cell = kandidaten.cells.get(`${Number(row) + r},${column + c}`);
          if (!valueColumns.includes(column + c)) {
            expect(cell?.formula).toMatch(/^=/);
            return;
          }
          expect(cell?.value ?? "").toEqual(fakeValue(value));
          compared++;
        })
      );
    }
    expect(compared).toBeGreaterThanOrEqual(2 * outcome.evaluation.candidates.length);
  });

  test("marks the top ten by two rules on the table rows, a data bar on the score and a chart on Ranking", async () => {
    excel = simulateExcel(stateFromSnapshot(snapshot));
    const outcome = await runScore(excel.host, { preset: "17040" });
    const table = excel.state.tables.find((t) => t.name.toLowerCase() === "kandidaten")!;
    const topColumn = table.left + table.columns.indexOf("Top 10");
    const scoreColumn = table.left + table.columns.indexOf("Score");
    const letter = (c: number) => String.fromCharCode(64 + c);
    const body = `${letter(table.left)}${table.top + 1}:${letter(table.right)}${table.bottom}`;
    const kandidaten = sheetOf(excel.state, "Kandidaten")!;
    const custom = kandidaten.formats.filter((f) => f.type === "Custom");
    // In priority order: the rule added last is first.
    expect(custom.map((f) => [f.range, f.formula])).toEqual([
      [body, `=$${letter(topColumn)}${table.top + 1}="${cellWords.draw}"`],
      [body, `=$${letter(topColumn)}${table.top + 1}="${cellWords.yes}"`],
    ]);
    expect(custom.every((f) => !/FLEX/i.test(f.formula ?? ""))).toBe(true);
    expect(kandidaten.formats.filter((f) => f.type === "DataBar").map((f) => f.range)).toEqual([
      `${letter(scoreColumn)}${table.top + 1}:${letter(scoreColumn)}${table.bottom}`,
    ]);

    const ranking = sheetOf(excel.state, "Ranking")!;
    const eligible = outcome.evaluation.ranking.length;
    expect(ranking.charts).toHaveLength(1);
    const chart = ranking.charts[0];
    expect(chart).toMatchObject({
      type: "BarClustered",
      categories: `B5:B${4 + eligible}`,
      values: `E5:E${4 + eligible}`,
    });
    expect(Object.keys(chart.pointColours)).toHaveLength(outcome.evaluation.summary.top);
    expect(columnValues(excel.state, "Ranking", 2, 5, 4 + eligible)).toEqual(
      outcome.evaluation.ranking.map(
        (row) => outcome.evaluation.candidates.find((c) => c.row === row)!.name
      )
    );
  });

  test("scoring twice gives the same workbook as scoring once (rules replaced, not added)", async () => {
    excel = simulateExcel(stateFromSnapshot(snapshot));
    await runScore(excel.host, { preset: "17040" });
    const once = copyState(excel.state) as { nextId: number };
    await runScore(excel.host, { preset: "17040" });
    const twice = copyState(excel.state) as { nextId: number };
    // Ids of new rules differ; everything else is the same.
    const strip = (s: unknown) =>
      JSON.parse(
        JSON.stringify(s)
          .replace(/"(id|nextId)":("cf\d+"|\d+)/g, '"$1":0')
          // Excel numbers charts on: a chart made again has the next name.
          .replace(/"name":"Grafiek \d+"/g, '"name":"Grafiek"')
          // The moment of the run, in Verantwoording, is the one thing a second scoring changes.
          .replace(/"\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}"/g, '"moment"')
      );
    expect(strip(twice)).toEqual(strip(once));
  });
});

describe("round trips", () => {
  test.each([10, 1_000, 10_000])(
    "%i candidates: at most four syncs (five at 10,000), no request over 5 MB",
    async (count) => {
      excel = simulateExcel(stateFromSnapshot({ sheets: [generatedSheet(count)], names: [] }));
      const outcome = await runScore(excel.host, { preset: "17040" });
      expect(outcome.evaluation.candidates).toHaveLength(count);
      // Two to read, then one per 4 MB written (3 up to 1,000): at 10,000 the writes come to
      // about 10.7 MB, 2.7 MB of them the Verantwoording's one row per candidate, so a third
      // write batch (the budget of bench/office-bench.ts).
      expect(excel.last().syncs).toBeLessThanOrEqual(count < 10_000 ? 4 : 5);
      expect(Math.max(...excel.last().requestBytes)).toBeLessThan(5_000_000);
      const status = columnValues(excel.state, "Kandidaten", 18, 2, count + 1);
      expect(new Set(status)).toEqual(
        new Set(["Geschikt", "Valt af", "Onvolledig"].filter((s) => status.includes(s)))
      );
      expect(outputHeaders(10)).toContain("Status");
    }
  );
});
