/**
 * `npm run bench`: runs every benchmark as its own child process, one after the
 * other (they would disturb each other's timings side by side), takes the last
 * JSON line each prints, and writes bench/results.json (with the date, Node and
 * the CPU) and bench/results.md (one Markdown table per bench), then prints the
 * Markdown. A bench that fails or prints no JSON is recorded with its error and
 * the others still run; the exit code is then 1.
 *
 * A full run also puts the tables into the README, between its bench markers.
 *
 * Run: npm run bench (BENCH_ONLY=native,pane for some of them; BENCH_RENDER=1 to
 * only write the Markdown again from bench/results.json)
 */
import { spawn } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const root = path.resolve(__dirname, "../../../..");
const compiled = __dirname; // node_modules/.cache/awardscore-bench/bench
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 45 * 60_000);

/** One bench: how to run it and what it measures. */
interface Bench {
  name: string;
  title: string;
  command: string;
  args: string[];
}

const node = process.execPath;

/** A bench compiled with the others: node on its .js in the cache folder. */
const compiledBench = (name: string, title: string, file: string): Bench => ({
  name,
  title,
  command: node,
  args: [path.join(compiled, file)],
});

const benches: Bench[] = [
  compiledBench("engine", "Engine: score and rank beside a plain sort (#3)", "engine-bench.js"),
  compiledBench(
    "functions",
    "FLEX functions: one changed score recalculated, per-row design beside FLEX.RANKING (#16)",
    "functions-bench.js"
  ),
  compiledBench(
    "cli",
    "awardscore score beside a bare ExcelJS read-and-write (#3)",
    "cli-bench.js"
  ),
  {
    name: "office",
    title: "Office round trips and request bytes (#5)",
    command: "npm",
    args: ["run", "--silent", "bench:office"],
  },
  compiledBench(
    "native",
    "Native formulas in LibreOffice beside awardscore score",
    "native-bench.js"
  ),
  {
    name: "pane",
    title: "Task pane: initial JavaScript and first render (#6)",
    command: node,
    args: [path.join(root, "bench/pane-bench.js")],
  },
];

/** What one bench gave: its figures (the last JSON line), or why there are none. */
export interface BenchResult {
  ok: boolean;
  seconds: number;
  exitCode: number | null;
  result?: unknown;
  error?: string;
}

/**
 * The last line of `output` that is a JSON object, parsed; undefined when there is none.
 *
 * @example
 * lastJson('12 ms\n{"a":1}\n'); // { a: 1 }
 */
export function lastJson(output: string): Record<string, unknown> | undefined {
  const lines = output.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!line.startsWith("{") || !line.endsWith("}")) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === "object" && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // a line that only looks like JSON: keep looking upwards
    }
  }
  return undefined;
}

/** Runs one bench, its output passed through (stderr) as it comes. */
function run(bench: Bench): Promise<BenchResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    const child = spawn(bench.command, bench.args, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stderr.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    const finish = (exitCode: number | null, failure?: string) => {
      clearTimeout(timer);
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      const result = lastJson(stdout);
      const tail = stderr.trim().split("\n").slice(-8).join("\n");
      let error = failure;
      if (!error && exitCode !== 0) error = `exit code ${exitCode}${tail ? `: ${tail}` : ""}`;
      if (!error && result === undefined) error = "no JSON line in its output";
      resolve({ ok: error === undefined, seconds, exitCode, result, error });
    };
    child.on("error", (e) => finish(null, e.message));
    child.on("close", (code, signal) =>
      finish(
        code,
        signal ? `stopped by ${signal}${signal === "SIGTERM" ? " (timeout)" : ""}` : undefined
      )
    );
  });
}

// ---- Markdown ----

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});
const num = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? v : undefined;

/** A number for a table: thousands with a comma, at most `digits` decimals; "–" when absent. */
function fmt(v: unknown, digits = 1): string {
  const n = num(v);
  if (n === undefined) return v === undefined || v === null ? "–" : String(v);
  return n.toLocaleString("en-US", { maximumFractionDigits: digits });
}
const times = (v: unknown) => (num(v) === undefined ? "–" : `${fmt(v, 2)}×`);
const kb = (v: unknown) => (num(v) === undefined ? "–" : `${fmt(num(v)! / 1024, 1)} KB`);
/** Bytes in MB of 10⁶ bytes, as Excel's 5 MB payload limit counts them. */
const mb = (v: unknown) => (num(v) === undefined ? "–" : `${fmt(num(v)! / 1e6, 2)} MB`);

/** A Markdown table. */
export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(headers),
    line(headers.map((_, i) => (i === 0 ? "---" : "---:"))),
    ...rows.map(line),
  ].join("\n");
}

/** Every leaf of a JSON value as a path and a value, for a bench whose shape is not known. */
function leaves(value: unknown, at = ""): string[][] {
  if (value && typeof value === "object" && !Array.isArray(value))
    return Object.entries(value as Json).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
  if (Array.isArray(value) && value.some((v) => v && typeof v === "object"))
    return value.flatMap((v, i) => leaves(v, `${at}[${i}]`));
  return [[at, Array.isArray(value) ? value.join(", ") : fmt(value, 3)]];
}

const perSize = (r: Json): Array<[string, Json]> =>
  Object.entries(obj(r.results)).map(([n, v]) => [n, obj(v)]);

/** The table of each bench, from the shape its script prints. */
const formatters: Record<string, (r: Json) => string> = {
  engine: (r) => {
    const sizes = Array.isArray(r.sizes) ? (r.sizes as Json[]) : [];
    if (sizes.length === 0) throw new Error("no sizes");
    const target = obj(r.target);
    return (
      table(
        [
          "Candidates",
          "Eligible",
          "Plain sort (ms)",
          "rankCandidates (ms)",
          "Ratio",
          "Score + rank (ms)",
          "Ratio",
        ],
        sizes.map((s) => [
          fmt(s.candidates, 0),
          fmt(s.eligible, 0),
          fmt(s.plainSortMs, 2),
          fmt(s.rankMs, 2),
          times(s.rankRatio),
          fmt(s.evaluateMs, 2),
          times(s.evaluateRatio),
        ])
      ) +
      (target.rankRatioMax !== undefined
        ? `\n\nTarget: rankCandidates ≤ ${fmt(target.rankRatioMax)}× the plain sort at ${fmt(target.at, 0)}: ${r.met ? "met" : "not met"}.`
        : "")
    );
  },
  functions: (r) => {
    const recalc = obj(r.recalc);
    const old = obj(recalc.old);
    const fresh = obj(recalc.new);
    const sizes = [...new Set([...Object.keys(old), ...Object.keys(fresh)])];
    if (sizes.length === 0) throw new Error("no recalc");
    const ratio = (a: unknown, b: unknown) =>
      num(a) !== undefined && num(b) ? times(num(a)! / num(b)!) : "–";
    const extrapolated = obj(obj(r.extrapolated).old);
    const rows = sizes.map((n) => {
      const o = obj(old[n]);
      const w = obj(fresh[n]);
      return [
        fmt(Number(n), 0),
        fmt(o.cells, 0),
        fmt(w.cells, 0),
        ratio(o.cells, w.cells),
        `${fmt(o.ms, 1)}${extrapolated[n] === true ? " (extrapolated)" : ""}`,
        fmt(w.ms, 1),
        ratio(o.ms, w.ms),
      ];
    });
    const targets = obj(r.targets);
    const cells = obj(targets.cellsPerRow);
    const ms = obj(targets.ms);
    const verdict = (t: Json) => (t.met === true ? "PASS" : "FAIL");
    return (
      table(
        [
          "Rows",
          "Old: cells handed over",
          "New: cells handed over",
          "Ratio",
          "Old (ms)",
          "New (ms)",
          "Ratio",
        ],
        rows
      ) +
      "\n\nOne changed score (G9 of one row) recalculated as Excel calls custom functions: a fresh " +
      "copy of every argument per call (JSON.parse inside the clock, with the calls). Old: the row's " +
      "FLEX.AWARDSCORE, then FLEX.RANK and FLEX.TOP in every row, each with the whole Score, Uurtarief " +
      "and Loting lines; new: the row's FLEX.AWARDSCORE and one FLEX.RANKING, the 2·N INDEX cells " +
      "native (0 cells, their cost as one read of the returned matrix). Excel's own marshalling " +
      "outside JavaScript is not in the times; the cells are its measure." +
      (cells.max !== undefined
        ? ` Targets: new cells ≤ ${fmt(cells.max, 0)}·N + constant (${fmt(cells.measured, 2)} per added row): ` +
          `${verdict(cells)}; new ≤ ${fmt(ms.max, 0)} ms at ${fmt(ms.rows, 0)} rows: ${verdict(ms)}.`
        : "")
    );
  },
  cli: (r) => {
    const rows = perSize(r).map(([n, s]) => [
      fmt(Number(n), 0),
      `${fmt(s.fileMb, 2)} → ${fmt(s.scoredFileMb, 2)}`,
      fmt(obj(s.score).ms, 0),
      fmt(obj(s.bare).ms, 0),
      times(obj(s.ratio).time),
      fmt(obj(s.bareWriter).ms, 0),
      times(obj(s.ratio).timeSameWriter),
      fmt(obj(s.score).maxRssMb, 0),
      fmt(obj(s.bare).maxRssMb, 0),
      times(obj(s.ratio).memory),
    ]);
    if (rows.length === 0) throw new Error("no results");
    const target = obj(r.target);
    return (
      table(
        [
          "Candidates",
          "File in → out (MB)",
          "awardscore score (ms)",
          "ExcelJS read+write (ms)",
          "Time ratio",
          "ExcelJS read + the command's writer (ms)",
          "Ratio",
          "score peak (MB)",
          "ExcelJS peak (MB)",
          "Memory ratio",
        ],
        rows
      ) +
      "\n\nMedians of runs taking turns, each a fresh process. The command writes with its own " +
      "writer (zlib at level 6 on the thread pool, ExcelJS's XML joined as it goes: src/cli/writeXlsx.ts); the " +
      "second ratio is against a bare copy through that writer too, so it shows what scoring adds." +
      (target.maxRatio !== undefined
        ? ` Target: at most ${fmt(target.maxRatio)}× the bare read-and-write at ${fmt(target.candidates, 0)}: ${r.met ? "met" : "not met"}.`
        : "")
    );
  },
  office: (r) => {
    const syncs = obj(r.syncs);
    const sizes = Object.keys(syncs);
    if (sizes.length === 0) throw new Error("no syncs");
    const at = (figures: unknown, n: string) => obj(figures)[n];
    return (
      table(
        [
          "Candidates",
          "First scoring: syncs",
          "Second scoring: syncs",
          "Largest request",
          "Largest response",
          "Refused responses",
        ],
        sizes.map((n) => [
          fmt(Number(n), 0),
          fmt(syncs[n], 0),
          fmt(at(r.secondSyncs, n), 0),
          mb(at(r.requestBytesMax, n)),
          mb(at(r.responseBytesMax, n)),
          fmt(at(r.refusedResponses, n), 0),
        ])
      ) +
      "\n\nThrough Microsoft's own Excel client (`@microsoft/office-js`) answered by the Excel " +
      "simulator: `context.sync()` calls of a first scoring and of a second one over the add-in's " +
      "own output, and the largest request and response of both in UTF-8 bytes of the JSON on the wire." +
      (typeof r.met === "boolean"
        ? ` Targets (bench/office-bench.ts): at most ${fmt(r.maxSyncs ?? 4, 0)} syncs up to ` +
          `${fmt(r.syncTargetUpTo ?? 10_000, 0)} candidates in both ` +
          `scorings, no request or response over 5 MB and none refused: ${r.met ? "met" : "not met"}.`
        : "")
    );
  },
  native: (r) => {
    const rows = perSize(r).map(([n, s]) => {
      const a = obj(s.agreement);
      return [
        fmt(Number(n), 0),
        fmt(s.libreOfficeFormulasMs, 0),
        fmt(s.libreOfficeWithoutFormulasMs, 0),
        fmt(s.formulaCostMs, 0),
        fmt(s.awardscoreScoreMs, 0),
        times(s.ratio),
        `${fmt(a.sameRank, 0)} / ${fmt(a.candidates, 0)}`,
      ];
    });
    if (rows.length === 0) throw new Error("no results");
    return (
      table(
        [
          "Candidates",
          "LibreOffice, formulas (ms)",
          "LibreOffice, no formulas (ms)",
          "Formula cost (ms)",
          "awardscore score (ms)",
          "Ratio",
          "Same rank",
        ],
        rows
      ) +
      "\n\nBoth end to end, each a fresh process: LibreOffice headless recalculating RANK.EQ + COUNTIFS " +
      "per row and converting to CSV, against `awardscore score` reading and writing the .xlsx."
    );
  },
  pane: (r) => {
    const initial = obj(r.initial);
    const files = Array.isArray(initial.files) ? (initial.files as Json[]) : [];
    const fn = obj(r.functions);
    const all = obj(r.withFunctions);
    const office = obj(r.officeJs);
    const officeFiles = Array.isArray(office.files) ? (office.files as Json[]) : [];
    const fr = obj(r.firstRenderMs);
    const ready = obj(r.readyMs);
    const hostSetup = obj(r.hostSetupMs);
    const runs = (v: Json) => (Array.isArray(v.runs) ? v.runs.join(", ") : "–");
    const count = (v: unknown) => (Array.isArray(v) ? String(v.length) : "–");
    return (
      table(
        ["JavaScript", "Minified", "Gzipped"],
        [
          ...files.map((f) => [String(f.file), kb(f.bytes), kb(f.gzipBytes)]),
          ["**initial task pane**", kb(initial.bytes), kb(initial.gzipBytes)],
          [`${fn.file ?? "functions.js"} (shared runtime page)`, kb(fn.bytes), kb(fn.gzipBytes)],
          ["**page total**", kb(all.bytes), kb(all.gzipBytes)],
        ]
      ) +
      (officeFiles.length
        ? "\n\n" +
          table(
            ["Microsoft's office.js, loaded beside it", "Minified", "Gzipped"],
            [
              ...officeFiles.map((f) => [String(f.file), kb(f.bytes), kb(f.gzipBytes)]),
              ["**office.js files**", kb(office.bytes), kb(office.gzipBytes)],
            ]
          )
        : "") +
      "\n\n" +
      table(
        [
          `Headless Chromium${r.loads !== undefined ? `, ${fmt(r.loads, 0)} cold loads` : ""}`,
          "Median (ms)",
          "Runs (ms)",
        ],
        [
          ["Navigation → first visible pane content", fmt(fr.median, 0), runs(fr)],
          ["First contentful paint", fmt(r.firstContentfulPaintMs, 0), ""],
          ...(ready.median !== undefined
            ? [["Navigation → pane ready (workbook read)", fmt(ready.median, 0), runs(ready)]]
            : []),
          ...(hostSetup.median !== undefined
            ? [
                [
                  "Simulated Excel's set-up in the page (inside both; native in Excel)",
                  fmt(hostSetup.median, 0),
                  runs(hostSetup),
                ],
              ]
            : []),
        ]
      ) +
      (r.hostInfo !== undefined
        ? `\n\nStarted as in Excel on Windows (\`_host_Info=${String(r.hostInfo)}\`): Microsoft's ` +
          "office.js from its CDN address routed to `@microsoft/office-js/dist`, the Excel simulator " +
          "behind the host bridge, the page's own Content-Security-Policy in force."
        : "") +
      `\n\nCSP violations while loading: ${count(r.cspViolations)}.` +
      (r.refusedRequests !== undefined
        ? ` Requests refused (would have left the machine): ${count(r.refusedRequests)}.`
        : "")
    );
  },
};

/** The Markdown of a whole run. */
export function markdown(report: {
  date: string;
  node: string;
  cpu: { model: string; count: number };
  benches: Record<string, BenchResult & { title: string }>;
}): string {
  const parts = [
    "## Benchmark results",
    "",
    `${report.date.slice(0, 10)} · Node ${report.node} · ${report.cpu.count} × ${report.cpu.model}`,
  ];
  for (const [name, b] of Object.entries(report.benches)) {
    parts.push("", `### ${b.title}`, "");
    if (b.result !== undefined) {
      let body: string;
      try {
        body = (
          formatters[name] ??
          (() => {
            throw new Error("no formatter");
          })
        )(obj(b.result));
      } catch {
        body = table(["Figure", "Value"], leaves(b.result));
      }
      parts.push(body);
    }
    if (!b.ok) {
      if (b.result !== undefined) parts.push("");
      parts.push(`**Failed:** ${(b.error ?? "").split("\n")[0]}`);
    }
  }
  return parts.join("\n") + "\n";
}

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/**
 * The README with the text between its bench markers replaced by `md` (without
 * its own top heading); unchanged when it has no markers.
 *
 * @example
 * withResults("a\n<!-- bench:start -->\nold\n<!-- bench:end -->\n", "## B\n\nnew\n"); // "a\n<!-- bench:start -->\nnew\n<!-- bench:end -->\n"
 */
export function withResults(readme: string, md: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return readme;
  const body = md.replace(/^## [^\n]*\n/, "");
  return `${readme.slice(0, start + START.length)}\n${body.trim()}\n${readme.slice(end)}`;
}

/** Puts a full run's tables into the README's Performance section. */
function updateReadme(file: string, md: string): void {
  const readme = fs.readFileSync(file, "utf8");
  const updated = withResults(readme, md);
  if (updated !== readme) fs.writeFileSync(file, updated);
}

/** Writes results.md and the README's tables again from bench/results.json, running nothing. */
function render(): void {
  const report = JSON.parse(
    fs.readFileSync(path.join(root, "bench/results.json"), "utf8")
  ) as Parameters<typeof markdown>[0];
  const md = markdown(report);
  fs.writeFileSync(path.join(root, "bench/results.md"), md);
  updateReadme(path.join(root, "README.md"), md);
  console.log(md);
}

async function main(): Promise<void> {
  if (process.env.BENCH_RENDER) return render();
  const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
  const chosen = benches.filter((b) => !only || only.includes(b.name));
  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: { model: cpus[0]?.model?.trim() ?? "unknown", count: cpus.length },
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    benches: {} as Record<string, BenchResult & { title: string; command: string }>,
  };
  for (const bench of chosen) {
    process.stderr.write(`\n=== bench:${bench.name} ===\n`);
    const result = await run(bench);
    report.benches[bench.name] = {
      title: bench.title,
      command: [
        path.basename(bench.command),
        ...bench.args.map((a) => path.relative(root, a) || a),
      ].join(" "),
      ...result,
    };
    process.stderr.write(
      `=== bench:${bench.name}: ${result.ok ? "ok" : `FAILED: ${result.error}`} (${result.seconds} s)\n`
    );
  }
  const md = markdown(report);
  fs.writeFileSync(path.join(root, "bench/results.json"), JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync(path.join(root, "bench/results.md"), md);
  if (!only) updateReadme(path.join(root, "README.md"), md);
  console.log(md);
  const failed = Object.entries(report.benches).filter(([, b]) => !b.ok);
  if (failed.length > 0) {
    console.error(`Failed: ${failed.map(([n]) => n).join(", ")}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
