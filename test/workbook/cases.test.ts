/**
 * Data-driven cases: each folder of test/cases/score holds `input.json` (the
 * sheets as rows from A1, plain ranges, and a preset) and `expected.json` (the
 * verdicts and the problems at their cells), side by side.
 */
import fs from "fs";
import path from "path";
import type { CellValue } from "../../src/engine";
import { planScore } from "../../src/workbook/score";
import { sheet, snapshotOf } from "./helpers";

const root = path.resolve(__dirname, "../cases/score");
const cases = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, "input.json")));

interface Input {
  preset?: string;
  sheets: Record<string, CellValue[][]>;
}

test.each(cases)("%s", (name) => {
  const input = JSON.parse(fs.readFileSync(path.join(root, name, "input.json"), "utf8")) as Input;
  const expected = JSON.parse(
    fs.readFileSync(path.join(root, name, "expected.json"), "utf8")
  ) as unknown;
  const snapshot = snapshotOf(...Object.entries(input.sheets).map(([n, rows]) => sheet(n, rows)));
  const plan = planScore(snapshot, input.preset ? { preset: input.preset } : {});
  expect({
    candidates: plan.evaluation.candidates.map((c) => ({
      row: c.row,
      name: c.name,
      status: c.status,
      failed: c.failed,
      score: c.status === "incomplete" ? null : c.score,
      rank: c.rank,
      top: c.top,
      needsDraw: c.needsDraw,
    })),
    problems: plan.problems,
  }).toEqual(expected);
});
