/**
 * One changed score, recalculated the way Excel calls custom functions, for the
 * old per-row design and the new one (issue 16, "Measure what matters"), at
 * 1,000 and 10,000 rows of a `Kandidaten` table of request 17040.
 *
 * The change: G9 of the middle row goes from 12 years to 5, so its Score falls
 * from 100 to 50. What recalculates follows from each design's dependency
 * description in bench/recalc.ts (which formulas read the changed cell, which read
 * their results):
 * - old (commit 46ecc8e's formulas): the changed row's Score (FLEX.AWARDSCORE with
 *   its G9:G11 span, Gunningscriteria[#All] and the span's headers); then, as the
 *   Score column changed, every row's Rang (FLEX.RANK) and Top (FLEX.TOP), each
 *   call with its own cells and fresh copies of the whole Score, Uurtarief and
 *   Loting lines (TRANSPOSE: 1×N each), Top also TopN;
 * - new (src/workbook/formulas.ts): the changed row's Score; then ONE
 *   FLEX.RANKING with fresh copies of the whole Score, Uurtarief and Loting
 *   columns (N×1) and TopN; then the 2·N INDEX cells of Rang and Top 10, native
 *   Excel: 0 cells handed over, their cost modelled as reading the returned
 *   matrix once (one read per cell, in JavaScript).
 * The Knock-out formulas are in both descriptions and do not recalculate (they
 * do not read G9).
 *
 * Cells handed over: every cell of every argument of every custom-function call
 * (a single cell counts 1). Results going back are not counted: 2·N + 1 cells in
 * both designs (one per call in the old, the N×2 spill in the new). The table: 85 % of the rows with a score in steps of
 * 10, rates with cents from 55 to 75, an empty Loting column that is passed
 * (null in the old design, as Excel on the web hands a blank to formulas that
 * pass it as it is; "" in the new, IF(ISBLANK(x),"",x)).
 *
 * Inside the clock: per custom-function call, the JSON.parse of each argument's
 * JSON (the fresh copy Excel's runtime deserialises per call) and the call;
 * for the native INDEX cells, the loop that reads the returned matrix. Outside:
 * building the table, serialising the arguments (Excel's side: a column's JSON
 * once per change, as its text is the same for every call), finding what to
 * recalculate, writing results into the model. Not measurable here at all:
 * Excel's own cost outside JavaScript (reading the cells, serialising, the
 * message to the runtime and back, writing the results, its calculation chain):
 * the cells handed over are the measure of that part.
 *
 * Per design and size: one warm-up recalculation at 200 rows (so the JIT has
 * compiled the code), then measured recalculations, each on a fresh table,
 * until 5 runs or 10 s of runs; the median is reported. A design whose first run
 * at a size is estimated (from a first sample of calls) over 2 minutes is
 * measured on a sample of calls per formula kind and extrapolated, printed as
 * such. After the runs both designs' Rang and Top of every row must agree, or
 * the bench fails.
 *
 * Output: a table for people, the targets (new cells ≤ 4·N + constant, checked
 * as growth of at most 4 cells per added row from 1,000 to 10,000; new ≤ 500 ms
 * at 10,000) with PASS/FAIL, and as the LAST line one JSON object:
 * {"bench":"functions",…,"recalc":{"old":{"1000":{"cells":…,"ms":…},"10000":{…}},"new":{…}}}
 *
 * Run: npm run bench:functions   (BENCH_SIZES=1000 to shorten)
 */
import {
  makeSheet,
  newDesign,
  oldDesign,
  plan,
  count,
  recalculate,
  type Design,
  type Outcome,
  type Sheet,
} from "./recalc";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const WARM_UP_ROWS = 200;
const MAX_RUNS = 5;
const RUNS_BUDGET_MS = 10_000;
const REAL_RUN_LIMIT_MS = 120_000;
const PROBE_CALLS = 500;
const TARGET_MS = 500;
const TARGET_CELLS_PER_ROW = 4;
const designs = [oldDesign, newDesign];

const changedRowOf = (n: number) => Math.floor(n / 2);
const changeOf = (n: number) => ({ column: "G9", row: changedRowOf(n), value: 5 });

/** One measured figure: the median run, how many runs, whether extrapolated. */
interface Measured extends Outcome {
  runs: number;
  sheet: Sheet;
}

function measure(design: Design, n: number): Measured {
  recalculate(design, makeSheet(WARM_UP_ROWS, changedRowOf(WARM_UP_ROWS)), changeOf(WARM_UP_ROWS));
  const planSheet = makeSheet(n, changedRowOf(n));
  const planned = count(plan(design, planSheet, changeOf(n)), planSheet);
  let sample = Infinity;
  if (planned.calls > PROBE_CALLS) {
    const probe = recalculate(design, makeSheet(n, changedRowOf(n)), changeOf(n), PROBE_CALLS);
    if (probe.ms > REAL_RUN_LIMIT_MS) sample = PROBE_CALLS;
  }
  const outcomes: Array<Outcome & { sheet: Sheet }> = [];
  const started = performance.now();
  while (
    outcomes.length < MAX_RUNS &&
    (outcomes.length === 0 || performance.now() - started < RUNS_BUDGET_MS)
  ) {
    const sheet = makeSheet(n, changedRowOf(n));
    outcomes.push({ ...recalculate(design, sheet, changeOf(n), sample), sheet });
    if (sample !== Infinity) break;
  }
  const sorted = [...outcomes].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...median, sheet: outcomes[outcomes.length - 1].sheet, runs: outcomes.length };
}

/** Both designs' Rang and Top of every row agree (only when neither was sampled). */
function agree(n: number, old: Measured, fresh: Measured): void {
  if (old.sampled || fresh.sampled) return;
  for (const column of ["Score", "Rang", "Top"]) {
    const a = old.sheet.columns[column];
    const b = fresh.sheet.columns[column];
    for (let i = 0; i < n; i++) {
      if (a[i] !== b[i]) {
        throw new Error(
          `${n} rows: ${column} of row ${i + 1} is ${String(a[i])} in the old design, ${String(b[i])} in the new.`
        );
      }
    }
  }
  const changed = old.sheet.columns.Score[changedRowOf(n)];
  if (changed !== 50) throw new Error(`The changed row's Score is ${String(changed)}, not 50.`);
}

const fmt = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits });
const round = (x: number) => Math.round(x * 100) / 100;

console.log(`One changed score (G9 of the middle row, Score 100 → 50), Node ${process.version}`);
for (const design of designs) {
  console.log(`  ${design.title}:`);
  for (const kind of design.kinds) console.log(`    ${kind.formula}`);
}
console.log("");
console.log(
  ["design", "rows", "calls", "native cells", "cells handed over", "ms", "runs"].join(" | ")
);
const results: Record<string, Record<string, Measured>> = { old: {}, new: {} };
for (const n of SIZES) {
  for (const design of designs) {
    const m = measure(design, n);
    results[design.name][String(n)] = m;
    console.log(
      [
        design.name,
        fmt(n),
        fmt(m.calls),
        fmt(m.nativeCells),
        fmt(m.cells),
        `${fmt(m.ms, 1)}${m.sampled ? ` (extrapolated from ${fmt(m.callsMade)} calls)` : ""}`,
        String(m.runs),
      ].join(" | ")
    );
  }
  agree(n, results.old[String(n)], results.new[String(n)]);
}

console.log("");
console.log(
  ["rows", "old cells", "new cells", "old/new", "old ms", "new ms", "old/new"].join(" | ")
);
for (const n of SIZES) {
  const o = results.old[String(n)];
  const w = results.new[String(n)];
  console.log(
    [
      fmt(n),
      fmt(o.cells),
      fmt(w.cells),
      `${fmt(o.cells / w.cells, 0)}×`,
      fmt(o.ms, 1),
      fmt(w.ms, 1),
      `${fmt(o.ms / w.ms, 0)}×`,
    ].join(" | ")
  );
}

const first = SIZES[0];
const last = SIZES[SIZES.length - 1];
const newCells = (n: number) => results.new[String(n)].cells;
const perRow = last > first ? (newCells(last) - newCells(first)) / (last - first) : NaN;
const constant = newCells(last) - TARGET_CELLS_PER_ROW * last;
const cellsMet = Number.isFinite(perRow) && perRow <= TARGET_CELLS_PER_ROW;
const atTarget = results.new["10000"]?.ms;
const msMet = atTarget !== undefined && atTarget <= TARGET_MS;
console.log("");
console.log(
  `Target: new cells ≤ ${TARGET_CELLS_PER_ROW}·N + constant: ${fmt(perRow, 2)} cells per added row from ${fmt(first)} to ${fmt(last)} ` +
    `(at ${fmt(last)}: ${fmt(newCells(last))} = ${TARGET_CELLS_PER_ROW}·N ${constant < 0 ? "−" : "+"} ${fmt(Math.abs(constant))}): ${cellsMet ? "PASS" : "FAIL"}`
);
console.log(
  `Target: new ≤ ${TARGET_MS} ms at 10,000 rows: ${atTarget === undefined ? "not measured" : `${fmt(atTarget, 1)} ms`}` +
    `: ${msMet ? "PASS" : "FAIL"}`
);

const figures = (d: "old" | "new") =>
  Object.fromEntries(
    SIZES.map((n) => {
      const m = results[d][String(n)];
      return [String(n), { cells: m.cells, ms: round(m.ms) }];
    })
  );
const detail = (d: "old" | "new", pick: (m: Measured) => unknown) =>
  Object.fromEntries(SIZES.map((n) => [String(n), pick(results[d][String(n)])]));
console.log(
  JSON.stringify({
    bench: "functions",
    node: process.version,
    calls: { old: detail("old", (m) => m.calls), new: detail("new", (m) => m.calls) },
    nativeCells: {
      old: detail("old", (m) => m.nativeCells),
      new: detail("new", (m) => m.nativeCells),
    },
    runs: { old: detail("old", (m) => m.runs), new: detail("new", (m) => m.runs) },
    extrapolated: { old: detail("old", (m) => m.sampled), new: detail("new", (m) => m.sampled) },
    targets: {
      cellsPerRow: { max: TARGET_CELLS_PER_ROW, measured: round(perRow), met: cellsMet },
      ms: {
        max: TARGET_MS,
        rows: 10_000,
        measured: atTarget === undefined ? null : round(atTarget),
        met: msMet,
      },
    },
    met: cellsMet && msMet,
    recalc: { old: figures("old"), new: figures("new") },
  })
);
