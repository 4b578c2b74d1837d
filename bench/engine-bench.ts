/**
 * The engine's speed at 1,000 / 10,000 / 100,000 generated candidates for request
 * 17040, each figure beside a plain sort of the same (score, rate) keys measured
 * in the same run:
 * - ranking: `rankCandidates` over every candidate's (row, name, score, rate), the
 *   knocked-out ones included (as if all were eligible: the most work), so "keys in
 *   ties" counts among all candidates, not only the eligible ones;
 * - score and rank: `evaluate` on the raw rows (read the cells, knock-outs,
 *   award score, rank, reason lines, problems, summary).
 * The plain sort is `Array.prototype.sort` with a comparator on score high to
 * low, then rate low to high, over a copy of the same entries. Each figure is the
 * median of several repetitions after a warm-up; the three are taken in turn
 * within a repetition, so a busy machine slows all of them alike. No collection
 * is forced between them: a forced full collection left V8 sorting the plain
 * array several times slower just after it, which would flatter every ratio.
 * Target (issue #8): ranking ≤ 3× the plain sort at 100,000.
 * The last line of the output is one JSON object with every figure.
 *
 * Run: npm run bench:engine   (BENCH_SIZES=1000,10000 and BENCH_RUNS=… to shorten)
 */
import { evaluate, rankCandidates, request17040 } from "../src/engine";
import type { CandidateInput, CellValue, RankEntry } from "../src/engine";

const sizes = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const runsOverride = process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : null;
const TARGET = 3;

/** Repetitions per size: more where one run is short, so the median settles. */
function runsFor(n: number): number {
  if (runsOverride !== null) return runsOverride;
  return n <= 1_000 ? 41 : n <= 10_000 ? 21 : 11;
}

/** One generated candidate: the raw row and the (score, rate) it will get. */
interface Generated {
  input: CandidateInput;
  entry: RankEntry;
}

/**
 * n candidates as a host reads them: Dutch text and numbers mixed, about 8 %
 * knocked out and 2 % incomplete. Scores are 17040's seven sums (0 … 100);
 * rates lie between € 55 and € 80, a third of them on whole € 2,50 steps and
 * the rest with cents, so ties of a few and ties of hundreds both occur.
 */
function generate(n: number): Generated[] {
  // mulberry32: a multiplying LCG in doubles loses its low bits and repeats early.
  let seed = 17040;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const row = i + 2;
    const g9 = random() < 0.5;
    const g10 = random() < 0.6;
    const g11 = random() < 0.5;
    const score = (g9 ? 50 : 0) + (g10 ? 30 : 0) + (g11 ? 20 : 0);
    const rate =
      random() < 1 / 3
        ? 55 + Math.floor(random() * 11) * 2.5
        : Math.round((55 + random() * 20) * 100) / 100;
    const knockedOut = random() < 0.08;
    const incomplete = !knockedOut && random() < 0.02;
    const values: Record<string, CellValue> = {
      K1: pick(["Ja", "n.v.t.", "ja"]),
      K2: "Ja",
      K3: pick([2, 3.5, 5, "4,5", "3"]),
      K4: knockedOut ? "Nee" : pick(["Ja", "ja", true]),
      K5: "Ja",
      K6: pick(["Ja", "JA"]),
      K7: pick(["€ 1.000.000", 2_500_000, "€ 50.000,00"]),
      G9: g9 ? pick([10, 12, "11,5"]) : pick([0, 4, "9,5"]),
      G10: g10 ? "Ja" : "Nee",
      G11: g11 ? pick([1, 2, "2,5"]) : pick([0, 0.5]),
    };
    if (incomplete) values.K3 = pick(["", "twee", { error: "#N/B" }]);
    const name = `Kandidaat ${row}`;
    out.push({
      input: {
        row,
        name,
        supplier: pick(["Flex BV", "Inhuur Nederland", "Zelfstandige"]),
        rate: random() < 0.5 ? rate : `€ ${rate.toFixed(2).replace(".", ",")}`,
        values,
      },
      entry: { row, name, score, rate, drawOrder: null },
    });
  }
  return out;
}

/** The plain sort the engine is compared with: score high to low, then rate low to high. */
function plainSort(entries: RankEntry[]): RankEntry[] {
  return entries.slice().sort((a, b) => b.score - a.score || a.rate - b.rate);
}

function time(fn: () => unknown): number {
  sink = null;
  const start = process.hrtime.bigint();
  sink = fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
/** Keeps results alive, so no call is optimised away. */
let sink: unknown = null;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface SizeFigures {
  candidates: number;
  eligible: number;
  /** Entries in tie groups, and the largest group. */
  tied: number;
  largestTie: number;
  runs: number;
  plainSortMs: number;
  rankMs: number;
  rankRatio: number;
  evaluateMs: number;
  evaluateRatio: number;
}

function measure(n: number): SizeFigures {
  const generated = generate(n);
  const inputs = generated.map((g) => g.input);
  // Made in one run of allocations, as evaluate() makes its entries: objects scattered
  // between the rows' cells would slow the plain sort down and flatter the ratios.
  const entries = generated.map(({ entry: e }) => ({
    row: e.row,
    name: e.name,
    score: e.score,
    rate: e.rate,
    drawOrder: e.drawOrder,
  }));
  const topN = request17040.topN;

  // Warm-up: the JIT settles on every path before anything counts.
  const warm = Math.max(2, Math.min(20, Math.round(200_000 / n)));
  for (let i = 0; i < warm; i++) {
    plainSort(entries);
    rankCandidates(entries, topN);
  }
  const eligible = evaluate(request17040, inputs).summary.eligible; // the result itself is let go
  for (let i = 1; i < Math.min(warm, 3); i++) evaluate(request17040, inputs);

  const runs = runsFor(n);
  const evaluateRuns = n >= 100_000 ? Math.min(runs, 5) : runs;
  const sorts: number[] = [];
  const ranks: number[] = [];
  const evaluations: number[] = [];
  for (let r = 0; r < runs; r++) {
    sorts.push(time(() => plainSort(entries)));
    ranks.push(time(() => rankCandidates(entries, topN)));
    if (r < evaluateRuns) evaluations.push(time(() => evaluate(request17040, inputs)));
  }

  const places = rankCandidates(entries, topN).places;
  let tied = 0;
  let largestTie = 0;
  for (const place of places) {
    if (place.tie) tied++;
    largestTie = Math.max(largestTie, place.tiedWith.length + 1);
  }
  const plainSortMs = median(sorts);
  const rankMs = median(ranks);
  const evaluateMs = median(evaluations);
  return {
    candidates: n,
    eligible,
    tied,
    largestTie: tied ? largestTie : 0,
    runs,
    plainSortMs,
    rankMs,
    rankRatio: rankMs / plainSortMs,
    evaluateMs,
    evaluateRatio: evaluateMs / plainSortMs,
  };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const ratio = (value: number) => `${value.toFixed(1)}×`;
const pad = (cells: string[], widths: number[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");

console.log(
  `Engine: ranking and full score-and-rank beside a plain sort of the same (score, rate) keys` +
    ` (request 17040, top ${request17040.topN}; Node ${process.version}; median, ms)`
);
const header = [
  "candidates",
  "eligible",
  "keys in ties",
  "plain sort",
  "rankCandidates",
  "ratio",
  "evaluate",
  "ratio",
  "runs",
];
const widths = header.map((h) => Math.max(h.length, 10));
console.log(pad(header, widths));
const results: SizeFigures[] = [];
for (const n of sizes) {
  const f = measure(n);
  results.push(f);
  console.log(
    pad(
      [
        f.candidates.toLocaleString("en"),
        f.eligible.toLocaleString("en"),
        `${f.tied.toLocaleString("en")} (≤${f.largestTie})`,
        ms(f.plainSortMs),
        ms(f.rankMs),
        ratio(f.rankRatio),
        ms(f.evaluateMs),
        ratio(f.evaluateRatio),
        String(f.runs),
      ],
      widths
    )
  );
}
const largest = results[results.length - 1];
console.log(
  `Target: rankCandidates ≤ ${TARGET}× the plain sort at ${largest.candidates.toLocaleString("en")}: ` +
    `${ratio(largest.rankRatio)} (${largest.rankRatio <= TARGET ? "met" : "NOT met"}); ` +
    `the full score-and-rank is ${ratio(largest.evaluateRatio)}.`
);
if (sink === undefined) console.log(""); // reads the sink once, for the linter and the optimiser
console.log(
  JSON.stringify({
    bench: "engine",
    node: process.version,
    target: { rankRatioMax: TARGET, at: largest.candidates },
    met: largest.rankRatio <= TARGET,
    sizes: results,
  })
);
