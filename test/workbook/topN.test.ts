/**
 * Issue 17 in the evaluator's workbook, on a request whose top is 3 (not 10), typed
 * candidates and no work history: `Top 3` in `Kandidaten` and `Ranking`, read back by
 * set-up and scoring; knocked-out candidates without a score, so no data bar for them.
 */
import type { CellValue } from "../../src/engine";
import type { WorkbookChange } from "../../src/workbook/changes";
import { parseCell, parseRange } from "../../src/workbook/address";
import { planScore } from "../../src/workbook/score";
import { planSetUp } from "../../src/workbook/setUp";
import { readSnapshot } from "../../src/xlsx";
import { candidate, requestWithTop, smallWorkbook } from "./smallWorkbook";

const request = requestWithTop(3);
const workbook = smallWorkbook(request, [
  candidate({ Kandidaat: "Ans", G11: 1 }),
  candidate({ Kandidaat: "Bram", Uurtarief: 60 }),
  candidate({ Kandidaat: "Cor", K2: "Nee" }), // knocked out, 80 points' worth of award values
  candidate({ Kandidaat: "Dirk", G10: "Nee" }),
  candidate({ Kandidaat: "Eva", Uurtarief: 76 }), // knocked out on K8
]);
const snapshot = readSnapshot(workbook);
const plan = planScore(snapshot);
const headers = snapshot.sheets.find((s) => s.name === "Kandidaten")!.values[0].map(String);

/** The values written into one column of `Kandidaten`, by sheet row. */
function written(header: string): Map<number, CellValue> {
  const column = headers.indexOf(header) + 1;
  const cells = new Map<number, CellValue>();
  for (const c of plan.changes) {
    if (c.kind !== "writeValues" || c.sheet !== "Kandidaten") continue;
    const at = parseCell(c.at);
    if (at.column !== column) continue;
    c.values.forEach((row, i) => cells.set(at.row + i, row[0]));
  }
  return cells;
}

test("the template names the output column after the request's top: Top 3", () => {
  expect(headers).toContain("Top 3");
  expect(headers).not.toContain("Top 10");
});

test("scoring finds the Top 3 column and writes the marks there", () => {
  const top = written("Top 3");
  expect([...top.values()]).toEqual(["Ja", "Ja", "Nee", "Ja", "Nee"]);
  const rule = plan.changes.find(
    (c): c is Extract<WorkbookChange, { kind: "formulaFormat" }> =>
      c.kind === "formulaFormat" && c.sheet === "Kandidaten"
  );
  const letter = String.fromCharCode(64 + headers.indexOf("Top 3") + 1);
  expect(rule?.formula).toBe(`=$${letter}2="Ja"`);
});

test("the Ranking sheet heads its mark column Top 3", () => {
  const head = plan.changes.find(
    (c): c is Extract<WorkbookChange, { kind: "writeValues" }> =>
      c.kind === "writeValues" && c.sheet === "Ranking" && c.at === "A4"
  );
  expect(head?.values[0]).toContain("Top 3");
  expect(head?.values[0]).not.toContain("Top 10");
});

test("set-up on the scored workbook adds no second top column and writes the top formula into Top 3", () => {
  const changes = planSetUp(snapshot, request);
  expect(changes.some((c) => c.kind === "addTableColumns")).toBe(false);
  const emptied = {
    ...snapshot,
    sheets: snapshot.sheets.map((s) =>
      s.name !== "Kandidaten"
        ? s
        : { ...s, values: s.values.map((r, i) => (i === 0 ? r : r.map(() => null))) }
    ),
  };
  const column = headers.indexOf("Top 3") + 1;
  const formulas = planSetUp(emptied, request).find(
    (c): c is Extract<WorkbookChange, { kind: "writeFormulas" }> =>
      c.kind === "writeFormulas" && c.sheet === "Kandidaten" && parseCell(c.at).column === column
  );
  // Issue 16: the top mark is column 2 of the one FLEX.RANKING spill on Berekening.
  expect(formulas?.formulas[0][0]).toMatch(
    /INDEX\('Berekening'!\$A\$3#,ROW\(\)-ROW\(Kandidaten\[#Headers\]\),2\)\)$/
  );
});

test("knocked out: no score in the engine, an empty Score cell, so the data bar draws nothing there", () => {
  const byName = (name: string) => plan.evaluation.candidates.find((c) => c.name === name)!;
  for (const name of ["Cor", "Eva"]) {
    expect(byName(name)).toMatchObject({ status: "knockedOut", score: null, awards: [] });
  }
  const scores = written("Score");
  expect([...scores.entries()]).toEqual([
    [2, 100],
    [3, 80],
    [4, null],
    [5, 50],
    [6, null],
  ]);
  // The one data bar on Kandidaten covers the Score column, where the knocked-out cells are empty.
  const bars = plan.changes.filter(
    (c): c is Extract<WorkbookChange, { kind: "dataBar" }> =>
      c.kind === "dataBar" && c.sheet === "Kandidaten"
  );
  expect(bars).toHaveLength(1);
  const range = parseRange(bars[0].range);
  expect([range.left, range.right]).toEqual([
    headers.indexOf("Score") + 1,
    headers.indexOf("Score") + 1,
  ]);
  // The Ranking sheet lists only the ranked, so none of them has a bar there either.
  const ranking = plan.changes.find(
    (c): c is Extract<WorkbookChange, { kind: "writeValues" }> =>
      c.kind === "writeValues" && c.sheet === "Ranking" && c.at === "A4"
  );
  const names = ranking?.values.slice(1).map((r) => r[1]);
  expect(names).toEqual(["Ans", "Bram", "Dirk"]);
});
