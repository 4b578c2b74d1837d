/**
 * FLEX.RANK and FLEX.TOP for every row of a table, each call with the whole
 * columns (Score, Uurtarief, Loting), at 1,000 and 10,000 rows. Target: under
 * 0.5 s for the full column at 10,000 rows.
 *
 * Method:
 * - The table: 85 % of the rows have a score (steps of 10 from 0 to 100, so
 *   ties on score are many), the rest an empty Score as the set-up's formula
 *   gives a knocked-out or incomplete row; rates with cents from 55 to 75 (so
 *   some rows tie on score and rate too); an empty Loting column, passed.
 * - Three ways a host hands over the columns:
 *   - "fresh": every call gets its own copy of the column arguments, made with
 *     JSON.parse of the columns' JSON, as Excel's runtime deserialises each
 *     invocation's arguments; each column as one 1×N row, as the set-up's
 *     formulas pass them (TRANSPOSE(Kandidaten[[Score]])). The copy is made
 *     before the clock starts;
 *   - "freshColumns": the same, each column as N×1 (Kandidaten[[Score]] itself);
 *   - "same": every call gets the same arrays (a formula engine in one process
 *     can), warm in the processor's cache.
 * - Per function, mode and size: the function is called once per row, in row
 *   order; nothing is kept between calls. Only the FLEX call itself is inside
 *   the timed region (performance.now() just before and after it); the sum over
 *   all rows is the whole column, the first call is shown on its own too. A
 *   warm-up of the first 200 rows goes before each measurement, so the JIT has
 *   compiled the code. One measurement, no averaging: on a shared machine, run
 *   it more than once.
 *
 * Output: a table for people, and as the LAST line one JSON object with every
 * figure (read by the aggregator of `npm run bench`):
 * {"bench":"functions","node":…,"results":{"1000":{"rank":{"fresh":{"totalMs":…,"perCallUs":…,"firstCallMs":…},"same":{…}},"top":{…}},"10000":{…}}}
 *
 * Run: npm run bench:functions
 */
import { rank, top, type StandingColumns } from "../src/functions/ranking";

interface Row {
  score: unknown;
  rate: unknown;
  draw: unknown;
}

type Fn = "rank" | "top";
/**
 * fresh: a fresh copy of the lines per call, shaped as the set-up's formulas pass
 * them (1×N rows: TRANSPOSE of the columns); freshColumns: a fresh copy of N×1
 * columns (a formula that passes Kandidaten[Score] itself); same: the same rows every call.
 */
type Mode = "fresh" | "freshColumns" | "same";

interface Figures {
  totalMs: number;
  perCallUs: number;
  firstCallMs: number;
}

const SIZES = [1_000, 10_000];
const TOP_N = 10;

/** A table of n rows (see the header for its make-up). */
function table(n: number): Row[] {
  let seed = 17040;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => {
    const scored = random() < 0.85;
    return {
      score: scored ? Math.floor(random() * 11) * 10 : "",
      rate: Math.round((55 + random() * 20) * 100) / 100,
      draw: "",
    };
  });
}

function columnsOf(rows: Row[], asColumns: boolean): StandingColumns {
  const line = (cell: (r: Row) => unknown) =>
    asColumns ? rows.map((r) => [cell(r)]) : [rows.map(cell)];
  return { scores: line((r) => r.score), rates: line((r) => r.rate), draws: line((r) => r.draw) };
}

function timeColumn(rows: Row[], mode: Mode, fn: Fn): Figures {
  const shared = columnsOf(rows, mode === "freshColumns");
  const fresh = mode !== "same";
  const json = fresh ? JSON.stringify(shared) : "";
  let total = 0;
  let first = 0;
  let sink = 0;
  for (let i = 0; i < rows.length; i++) {
    const columns = fresh ? (JSON.parse(json) as StandingColumns) : shared;
    const start = performance.now();
    const result = fn === "rank" ? rank(rows[i], columns) : top(rows[i], columns, TOP_N);
    const elapsed = performance.now() - start;
    sink += result === "" ? 0 : 1;
    if (i === 0) first = elapsed;
    total += elapsed;
  }
  if (sink === 0) throw new Error("no row was ranked: the bench measures nothing");
  return { totalMs: total, perCallUs: (total / rows.length) * 1000, firstCallMs: first };
}

const modeLabels: Record<Mode, string> = {
  fresh: "fresh copy per call, 1×N rows (TRANSPOSE)",
  freshColumns: "fresh copy per call, N×1 columns",
  same: "same arrays every call",
};
const round = (x: number) => Math.round(x * 100) / 100;
const ms = (x: number) => `${x.toFixed(1)} ms`;

console.log(`FLEX.RANK / FLEX.TOP for every row, whole columns per call (Node ${process.version})`);
console.log(
  ["rows", "columns handed over", "function", "first call", "whole column", "per call"].join(" | ")
);
const results: Record<string, Record<Fn, Record<Mode, Figures>>> = {};
for (const n of SIZES) {
  const rows = table(n);
  const bySize = {} as Record<Fn, Record<Mode, Figures>>;
  for (const fn of ["rank", "top"] as const) {
    bySize[fn] = {} as Record<Mode, Figures>;
    for (const mode of ["fresh", "freshColumns", "same"] as const) {
      timeColumn(rows.slice(0, 200), mode, fn); // warm up the JIT
      const figures = timeColumn(rows, mode, fn);
      bySize[fn][mode] = {
        totalMs: round(figures.totalMs),
        perCallUs: round(figures.perCallUs),
        firstCallMs: round(figures.firstCallMs),
      };
      console.log(
        [
          n.toLocaleString("en"),
          modeLabels[mode],
          `FLEX.${fn.toUpperCase()}`,
          ms(figures.firstCallMs),
          ms(figures.totalMs),
          `${figures.perCallUs.toFixed(1)} µs`,
        ].join(" | ")
      );
    }
  }
  results[String(n)] = bySize;
}
const TARGET_MS = 500;
const atTarget = results["10000"]?.rank.fresh.totalMs;
const met = atTarget !== undefined && atTarget < TARGET_MS;
if (atTarget !== undefined) {
  console.log(
    `Target: FLEX.RANK over the whole column at 10,000 rows, fresh copies as the set-up passes them, under ${TARGET_MS} ms: ${ms(atTarget)} (${met ? "met" : "not met"}).`
  );
}
const target = { maxMs: TARGET_MS, rows: 10_000, fn: "rank", mode: "fresh" };
console.log(JSON.stringify({ bench: "functions", node: process.version, target, met, results }));
