/**
 * `awardscore score` beside a bare ExcelJS read-and-write of the same generated
 * workbooks (1,000 and 10,000 candidates) and beside the command's old writer (ExcelJS
 * read, apply and write: bench/exceljs-score.ts): time and peak memory, each measured
 * in its own child process, taking turns, and their ratios. Target (issue 18): faster than
 * the bare ExcelJS read + write of the same file (time ratio < 1) at 1,000 and 10,000.
 * Run time is the target; CPU time is printed beside it because it varies less when
 * other work shares the machine.
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
const runs = Number(process.env.BENCH_RUNS ?? 5);

interface Figures {
  ms: number;
  cpuMs: number;
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

/** The median of some numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median times and the highest peak memory of several runs. */
function summarise(all: Figures[]): Figures {
  return {
    ms: median(all.map((f) => f.ms)),
    cpuMs: median(all.map((f) => f.cpuMs)),
    maxRssMb: Math.max(...all.map((f) => f.maxRssMb)),
  };
}

/**
 * Several runs of each command, taking turns (a, b, a, b, …) so that a change in the
 * machine's load during the bench falls on both sides of the ratio alike.
 */
function alternate(...commands: string[][]): Figures[] {
  const all: Figures[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((command, c) => all[c].push(measure(command)));
  return all.map(summarise);
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const figures = (f: Figures) => ({
  ms: Math.round(f.ms),
  cpuMs: Math.round(f.cpuMs),
  maxRssMb: Math.round(f.maxRssMb),
});

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-bench-"));
  const results: Record<string, unknown> = {};
  for (const n of sizes) {
    const input = path.join(dir, `kandidaten-${n}.xlsx`);
    execFileSync(process.execPath, [bin, "example", "--candidates", String(n), "--out", input], {
      stdio: "pipe",
    });
    const scored = path.join(dir, `score-${n}.xlsx`);
    const [score, old, bare, bareWriter] = alternate(
      [bin, "score", input, "--out", scored, "--force"], // every run replaces the last OUT
      [path.join(here, "exceljs-score.js"), input, path.join(dir, `old-${n}.xlsx`)],
      [path.join(here, "bare.js"), input, path.join(dir, `bare-${n}.xlsx`)],
      [path.join(here, "bare.js"), input, path.join(dir, `bare-writer-${n}.xlsx`), "writer"]
    );
    const ratio = {
      time: round(score.ms / bare.ms),
      memory: round(score.maxRssMb / bare.maxRssMb),
      cpu: round(score.cpuMs / bare.cpuMs),
      // The command writes with its own writer; against a bare copy through it too, which
      // leaves what scoring adds (reading the sheets, the engine, the new cells and sheets):
      timeSameWriter: round(score.ms / bareWriter.ms),
      timeOldWriter: round(score.ms / old.ms),
      memoryOldWriter: round(score.maxRssMb / old.maxRssMb),
    };
    results[n] = {
      fileMb: round(fs.statSync(input).size / 1024 / 1024),
      scoredFileMb: round(fs.statSync(scored).size / 1024 / 1024),
      score: figures(score),
      oldWriter: figures(old),
      bare: figures(bare),
      bareWriter: figures(bareWriter),
      ratio,
    };
    console.log(
      `${String(n).padStart(6)} kandidaten: awardscore score ${Math.round(score.ms)} ms, ${Math.round(score.maxRssMb)} MB` +
        ` | oude schrijver (ExcelJS) ${Math.round(old.ms)} ms, ${Math.round(old.maxRssMb)} MB: ${ratio.timeOldWriter}×` +
        ` | ExcelJS lezen+schrijven ${Math.round(bare.ms)} ms, ${Math.round(bare.maxRssMb)} MB` +
        ` | verhouding tijd ${ratio.time}×, geheugen ${ratio.memory}× (cpu ${ratio.cpu}×)` +
        ` | ExcelJS lezen + schrijver van de opdracht ${Math.round(bareWriter.ms)} ms, ${Math.round(bareWriter.maxRssMb)} MB: ${ratio.timeSameWriter}×`
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const target = { maxRatio: 1, candidates: 10_000, alsoAt: 1_000 };
  const met = sizes.every((n) => {
    const at = results[n] as { ratio: { time: number } } | undefined;
    return at !== undefined && at.ratio.time < target.maxRatio;
  });
  console.log(JSON.stringify({ runs, node: process.version, target, met, results }));
}

main();
