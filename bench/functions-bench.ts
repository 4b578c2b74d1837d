/**
 * FLEX.RANK for every row of a table, each call with the whole columns, at 1,000
 * and 10,000 rows. Target: under 0.5 s for the full column at 10,000 rows.
 *
 * Two ways a host can hand over the columns:
 * - the same arrays to every call (one array per range, as a formula engine in
 *   one process can): the cache is found by identity;
 * - a fresh copy to every call (Excel's runtime deserialises each invocation's
 *   arguments): the cache is found by comparing the cells, one pass per call.
 * Only the FLEX.RANK calls are timed; making the copies is not.
 *
 * Run: npx tsc bench/functions-bench.ts --outDir /tmp/awardscore-bench --module commonjs
 *        --target es2020 --moduleResolution node --esModuleInterop --skipLibCheck --strict --types node
 *      && node /tmp/awardscore-bench/bench/functions-bench.js
 */
import { clearRankingCache, rank, top, type StandingColumns } from "../src/functions/ranking";

interface Row {
  knockout: unknown;
  score: unknown;
  rate: unknown;
  draw: unknown;
}

/** A table of n rows: 85 % eligible, scores in steps of 10, rates with cents (so ties happen). */
function table(n: number): Row[] {
  let seed = 17040;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => {
    const eligible = random() < 0.85;
    return {
      knockout: eligible ? "OK" : random() < 0.5 ? "K8" : { code: "#N/A" },
      score: eligible ? Math.floor(random() * 11) * 10 : "",
      rate: Math.round((55 + random() * 20) * 100) / 100,
      draw: "",
    };
  });
}

function columnsOf(rows: Row[]): StandingColumns {
  return {
    knockouts: rows.map((r) => [r.knockout]),
    scores: rows.map((r) => [r.score]),
    rates: rows.map((r) => [r.rate]),
    draws: rows.map((r) => [r.draw]),
  };
}

function timeColumn(
  rows: Row[],
  fresh: boolean,
  fn: "rank" | "top"
): { total: number; first: number } {
  clearRankingCache();
  const shared = columnsOf(rows);
  const json = fresh ? JSON.stringify(shared) : "";
  let total = 0;
  let first = 0;
  for (let i = 0; i < rows.length; i++) {
    const columns = fresh ? (JSON.parse(json) as StandingColumns) : shared;
    const start = performance.now();
    if (fn === "rank") rank(rows[i], columns);
    else top(rows[i], columns, 10);
    const elapsed = performance.now() - start;
    if (i === 0) first = elapsed;
    total += elapsed;
  }
  return { total, first };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  "FLEX.RANK / FLEX.TOP for every row, whole columns per call (Node " + process.version + ")"
);
console.log(
  ["rows", "columns handed over", "function", "first call", "whole column", "per call"].join(" | ")
);
for (const n of [1_000, 10_000]) {
  const rows = table(n);
  for (const fresh of [false, true]) {
    for (const fn of ["rank", "top"] as const) {
      timeColumn(rows.slice(0, 200), fresh, fn); // warm up the JIT
      const { total, first } = timeColumn(rows, fresh, fn);
      console.log(
        [
          n.toLocaleString("en"),
          fresh ? "fresh copy per call (Excel)" : "same arrays every call",
          `FLEX.${fn.toUpperCase()}`,
          ms(first),
          ms(total),
          `${((total / n) * 1000).toFixed(1)} µs`,
        ].join(" | ")
      );
    }
  }
}
