/**
 * `awardscore score` beside a bare ExcelJS read-and-write of the same generated
 * workbooks (1,000 and 10,000 candidates): time and peak memory, each measured
 * in its own child process, and their ratio. Target: ≤ 1.5× at 10,000.
 * The last line of the output is one JSON object with the figures.
 *
 * Run: npx tsc -p tsconfig.cli.json && npx tsc -p bench/tsconfig.json && node node_modules/.cache/awardscore-bench/bench/cli-bench.js
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const root = path.resolve(__dirname, "../../../..");
const here = __dirname;
const bin = path.join(root, "bin/awardscore.js");
const sizes = [1_000, 10_000];
const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Figures {
  ms: number;
  maxRssMb: number;
}

/** Runs node with the measuring preload; its figures from the marked stderr line. */
function measure(args: string[]): Figures {
  const child = spawnSync(process.execPath, ["--require", path.join(here, "measure.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0)
    throw new Error(`failed (${child.status}): ${args.join(" ")}\n${child.stderr}`);
  const line = child.stderr.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`no figures from: ${args.join(" ")}`);
  return JSON.parse(line.slice(6)) as Figures;
}

/** The median time and the highest peak memory of several runs. */
function repeat(args: string[]): Figures {
  const all = Array.from({ length: runs }, () => measure(args));
  const times = all.map((f) => f.ms).sort((a, b) => a - b);
  return {
    ms: times[Math.floor(times.length / 2)],
    maxRssMb: Math.max(...all.map((f) => f.maxRssMb)),
  };
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-bench-"));
  const results: Record<string, unknown> = {};
  for (const n of sizes) {
    const input = path.join(dir, `kandidaten-${n}.xlsx`);
    execFileSync(process.execPath, [bin, "example", "--candidates", String(n), "--out", input], {
      stdio: "pipe",
    });
    const score = repeat([bin, "score", input, "--out", path.join(dir, `score-${n}.xlsx`)]);
    const bare = repeat([path.join(here, "bare.js"), input, path.join(dir, `bare-${n}.xlsx`)]);
    const ratio = {
      time: round(score.ms / bare.ms),
      memory: round(score.maxRssMb / bare.maxRssMb),
    };
    results[n] = {
      fileMb: round(fs.statSync(input).size / 1024 / 1024),
      score: { ms: Math.round(score.ms), maxRssMb: Math.round(score.maxRssMb) },
      bare: { ms: Math.round(bare.ms), maxRssMb: Math.round(bare.maxRssMb) },
      ratio,
    };
    console.log(
      `${String(n).padStart(6)} kandidaten: awardscore score ${Math.round(score.ms)} ms, ${Math.round(score.maxRssMb)} MB` +
        ` | ExcelJS lezen+schrijven ${Math.round(bare.ms)} ms, ${Math.round(bare.maxRssMb)} MB` +
        ` | verhouding tijd ${ratio.time}×, geheugen ${ratio.memory}×`
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ runs, node: process.version, results }));
}

main();
