/**
 * The recalculation model of `npm run bench:functions`: which formulas each design
 * recalculates for a changed cell, the cells they hand over, and that both designs
 * end with the same Score, Rang and Top in every row.
 */
import {
  cellsOf,
  count,
  makeSheet,
  newDesign,
  oldDesign,
  plan,
  recalculate,
  type Design,
  type Sheet,
} from "../../bench/recalc";

const N = 60;
const ROW = 30;

/** The cells one call of the kind filling `output` hands over, from its arguments. */
function perCall(design: Design, output: string, sheet: Sheet): number {
  const kind = design.kinds.find((k) =>
    "column" in k.output ? k.output.column === output : k.output.name === output
  );
  if (!kind) throw new Error(`no ${output}`);
  return kind.args.reduce((s, ref) => s + cellsOf(ref, sheet), 0);
}

const outputs = (design: Design, column: string, row = ROW) =>
  plan(design, makeSheet(N, ROW), { column, row }).map((s) => [
    "column" in s.kind.output ? s.kind.output.column : s.kind.output.name,
    s.rows.length,
  ]);

describe("the recalculation model", () => {
  test("a changed award cell: the row's Score, then every Rang and Top (old) or one FLEX.RANKING and native INDEX (new)", () => {
    expect(outputs(oldDesign, "G9")).toEqual([
      ["Score", 1],
      ["Rang", N],
      ["Top", N],
    ]);
    expect(outputs(newDesign, "G9")).toEqual([
      ["Score", 1],
      ["'Berekening'!$A$3#", 1],
      ["Rang", N],
      ["Top", N],
    ]);
  });

  test("a changed knock-out cell adds the row's Knock-out; a name everything after its Knock-out; a rate every rank; a supplier nothing", () => {
    expect(outputs(oldDesign, "K3")).toEqual([
      ["Knock-out", 1],
      ["Score", 1],
      ["Rang", N],
      ["Top", N],
    ]);
    // Excel recalculates what reads a recalculated cell, whether or not its value changed.
    expect(outputs(oldDesign, "Kandidaat")).toEqual([
      ["Knock-out", 1],
      ["Score", 1],
      ["Rang", N],
      ["Top", N],
    ]);
    expect(outputs(newDesign, "Leverancier")).toEqual([]);
    // A name: the work history's one call (its years are the name's), then every row's Knock-out
    // and Score that read the spill, then the ranking.
    expect(outputs(newDesign, "Kandidaat")).toEqual([
      ["'Berekening'!$D$3#", 1],
      ["Knock-out", N],
      ["Score", N],
      ["'Berekening'!$A$3#", 1],
      ["Rang", N],
      ["Top", N],
    ]);
    expect(outputs(newDesign, "Uurtarief")).toEqual([
      ["Knock-out", 1],
      ["Score", 1],
      ["'Berekening'!$A$3#", 1],
      ["Rang", N],
      ["Top", N],
    ]);
  });

  test("cells handed over: quadratic in the old design, 3·N plus the row's score in the new; native cells count none", () => {
    const sheet = makeSheet(N, ROW);
    const score = perCall(oldDesign, "Score", sheet);
    // G9:G11, Gunningscriteria[#All] (header + 3 criteria × 10 columns) and the 3 headers.
    expect(score).toBe(3 + 4 * 10 + 3);
    // The new Score also gets this row's years from the FLEX.WORKYEARS spill and their ids (K3, G9, G11).
    const history = 2 * 3;
    expect(perCall(newDesign, "Score", sheet)).toBe(score + history);
    const old = count(plan(oldDesign, sheet, { column: "G9", row: ROW }), sheet);
    // FLEX.RANK: own score, rate, draw + three lines; FLEX.TOP also TopN.
    expect(old).toEqual({
      calls: 1 + 2 * N,
      cells: score + N * (3 * N + 3) + N * (3 * N + 4),
      nativeCells: 0,
    });
    const fresh = count(plan(newDesign, sheet, { column: "G9", row: ROW }), sheet);
    expect(fresh).toEqual({ calls: 2, cells: score + history + 3 * N + 1, nativeCells: 2 * N });
    // What a recalculation hands over: the planned calls, less the rows whose IF leaves the function out.
    const done = recalculate(newDesign, makeSheet(N, ROW), { column: "G9", row: ROW, value: 5 });
    expect(done).toMatchObject(fresh);
    const unnamed = makeSheet(N, ROW);
    const outcome = recalculate(oldDesign, unnamed, { column: "Kandidaat", row: 3, value: " " });
    // Row 4 without a name: its FLEX.KNOCKOUT, FLEX.AWARDSCORE and FLEX.TOP are not called.
    expect(outcome.calls).toBe(2 * N - 1);
    expect(outcome.cells).toBe(old.cells - score - (3 * N + 4));
    expect([
      unnamed.columns["Knock-out"][3],
      unnamed.columns.Score[3],
      unnamed.columns.Top[3],
    ]).toEqual(["", "", ""]);
  });

  test("both designs recalculate to the same Score, Rang and Top in every row, the changed row moving down", () => {
    const sheets = [oldDesign, newDesign].map((design) => {
      const sheet = makeSheet(N, ROW);
      const outcome = recalculate(design, sheet, { column: "G9", row: ROW, value: 5 });
      expect(outcome.sampled).toBe(false);
      expect(outcome.callsMade).toBe(outcome.calls);
      expect(outcome.ms).toBeGreaterThan(0);
      return sheet;
    });
    const before = makeSheet(N, ROW);
    recalculate(oldDesign, before, { column: "G9", row: ROW, value: 12 });
    const [old, fresh] = sheets;
    expect(old.columns.Score[ROW]).toBe(50);
    expect(before.columns.Score[ROW]).toBe(100);
    expect(old.columns.Rang[ROW]).toBeGreaterThan(before.columns.Rang[ROW] as number);
    for (const column of ["Score", "Rang", "Top"]) {
      expect(fresh.columns[column]).toEqual(old.columns[column]);
    }
    // Rows without a score have no rank and are not in the top.
    const unscored = old.columns.Score.findIndex((s) => s === "");
    expect(old.columns.Rang[unscored]).toBe("");
    expect(old.columns.Top[unscored]).toBe("Nee");
    expect(old.columns.Top.filter((t) => t === "Ja").length).toBeGreaterThan(0);
  });

  test("a changed K3 below the minimum knocks the row out through FLEX.KNOCKOUT, and its Score goes empty", () => {
    for (const design of [oldDesign, newDesign]) {
      const sheet = makeSheet(N, ROW);
      recalculate(design, sheet, { column: "K3", row: ROW, value: 1 });
      expect(sheet.columns["Knock-out"][ROW]).toBe("K3");
      expect(sheet.columns.Score[ROW]).toBe("");
      expect(sheet.columns.Rang[ROW]).toBe("");
    }
  });

  test("a sample of calls is extrapolated to all of them", () => {
    const outcome = recalculate(
      oldDesign,
      makeSheet(N, ROW),
      { column: "G9", row: ROW, value: 5 },
      10
    );
    expect(outcome).toMatchObject({ sampled: true, callsMade: 1 + 10 + 10, calls: 1 + 2 * N });
  });

  test("a design whose formula reads a later formula's output has no calculation order", () => {
    const [knockout, score, ...rest] = oldDesign.kinds;
    const wrong: Design = { ...oldDesign, kinds: [score, knockout, ...rest] };
    expect(() => plan(wrong, makeSheet(N, ROW), { column: "G9", row: ROW })).toThrow(
      "Score reads Knock-out, calculated after it."
    );
  });
});
