/** The record of a scoring as the workbook layer plans it: planScoreRun, the Verantwoording rows, the own-sheet check. */
import { formatDate, type CellValue } from "../../src/engine";
import type { WriteValues } from "../../src/workbook/changes";
import { recordChanges, recordTable, type ScoreRecord } from "../../src/workbook/record";
import { planScoreRun } from "../../src/workbook/scoreRun";
import { fatalMessages, recordTexts } from "../../src/workbook/texts";
import { candidatesSheet, passing, sheet, snapshotOf } from "./helpers";

const preset = { preset: "17040" };
const people = [
  passing,
  { ...passing, Kandidaat: "Bert", Uurtarief: 80 },
  { ...passing, Kandidaat: "Cor", K6: null },
];
const history = sheet("Werkervaring", [
  ["Kandidaat", "Functie", "Telt voor", "Van", "Tot"],
  // Well inside the 5-year window whatever the peildatum, and well over K3's 2 years: three years.
  ["Ans", "Klantmanager inkomen", "K3", "01-01-2020", "31-12-2022"],
]);

/** Every value the plan writes on Verantwoording, by its cell. */
function written(record: ScoreRecord): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const change of recordChanges(record)) {
    if (change.kind !== "writeValues") continue;
    const { at, values } = change as WriteValues;
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(at)!;
    const column = letters.charCodeAt(0) - 64;
    values.forEach((cells_, r) =>
      cells_.forEach((v, c) =>
        cells.set(`${String.fromCharCode(64 + column + c)}${Number(row) + r}`, v)
      )
    );
  }
  return cells;
}

test("planScoreRun writes output columns, Ranking, Afwijzingen and Verantwoording, and records the run", () => {
  const now = new Date(2024, 8, 2, 14, 5, 9);
  const run = planScoreRun(snapshotOf(candidatesSheet(people), history), preset, now);
  const sheets = new Set(run.changes.flatMap((c) => ("sheet" in c ? [c.sheet] : [])));
  expect([...sheets].sort()).toEqual(["Afwijzingen", "Kandidaten", "Ranking", "Verantwoording"]);
  expect(run.record.requestSource).toEqual({ kind: "preset", id: "17040" });
  const ans = run.record.candidates.find((c) => c.name === "Ans")!;
  expect(ans.values.find((v) => v.id === "K3")).toMatchObject({ source: "history" });
  expect(ans.values.find((v) => v.id === "K3")!.value).toBeCloseTo(3, 1);
  expect(ans.values.find((v) => v.id === "G9")).toEqual({ id: "G9", value: 12, source: "cell" });
  expect(ans.contractValue).toEqual({
    used: 70 * 32 * 13,
    base: 70 * 32 * 13,
    withExtensions: 70 * 32 * 39,
    includesExtensions: false,
  });

  const cells = written(run.record);
  expect(cells.get("A1")).toBe(recordTexts.title("17040", run.request.title));
  expect(cells.get("B5")).toBe(formatDate(run.request.referenceDate));
  expect(cells.get("B6")).toBe("preset 17040");
  expect(cells.get("B7")).toBe("02-09-2024 14:05:09");
  expect(cells.get("B8")).toBe(run.record.digest.value);
  const rules = [...cells.values()].map(String);
  expect(rules).toContain("ten minste 2 jaar in de laatste 5 jaar");
  expect(rules).toContain("50 punten bij ten minste 10 jaar in de laatste 15 jaar, anders 0");
  expect(rules).toContain("verzekerd bedrag ten minste de opdrachtwaarde (basistermijn)");
});

test("the record's row shows where a value came from, and the number typed beside Werkervaring's", () => {
  const run = planScoreRun(snapshotOf(candidatesSheet(people), history), preset);
  const record: ScoreRecord = {
    ...run.record,
    candidates: run.record.candidates.map((c) => ({
      ...c,
      values: c.values.map((v) =>
        v.id === "K3" && v.source === "history" ? { ...v, typed: 4 } : v
      ),
    })),
  };
  const table = recordTable(record);
  const source = table.headers.indexOf("K3 bron");
  expect(table.rows.map((r) => [r[1], r[source]])).toEqual([
    ["Ans", "Werkervaring; getypt: 4"],
    ["Bert", "getypt"],
    ["Cor", "getypt"],
  ]);
  const status = table.headers.indexOf("Status");
  expect(table.rows.map((r) => r[status])).toEqual(["Geschikt", "Valt af", "Onvolledig"]);
  expect(table.headers).not.toContain("K8"); // the rate is K8's value, shown once
});

test("the digest does not depend on the moment, and follows the inputs", () => {
  const a = planScoreRun(
    snapshotOf(candidatesSheet(people), history),
    preset,
    new Date(2024, 0, 1)
  );
  const b = planScoreRun(
    snapshotOf(candidatesSheet(people), history),
    preset,
    new Date(2025, 0, 1)
  );
  expect(b.record.digest.value).toBe(a.record.digest.value);
  const other = planScoreRun(
    snapshotOf(candidatesSheet([{ ...passing, G9: 11 }, ...people.slice(1)]), history),
    preset
  );
  expect(other.record.digest.value).not.toBe(a.record.digest.value);
});

test("a Verantwoording that is someone else's stops the run, read whole or only as far as its head", () => {
  const foreign = sheet("Verantwoording", [["Notulen"]]);
  expect(() => planScoreRun(snapshotOf(candidatesSheet(people), foreign), preset)).toThrow(
    fatalMessages.foreignSheet("Verantwoording")
  );
  const heads = {
    ...snapshotOf(candidatesSheet(people)),
    heads: [{ name: "verantwoording", first: "Notulen", hasContent: true }],
  };
  expect(() => planScoreRun(heads, preset)).toThrow(fatalMessages.foreignSheet("verantwoording"));
  const ours = {
    ...snapshotOf(candidatesSheet(people)),
    heads: [
      { name: "Verantwoording", first: "Verantwoording aanvraag 17040 — x", hasContent: true },
    ],
  };
  expect(planScoreRun(ours, preset).record.candidates).toHaveLength(3);
});
