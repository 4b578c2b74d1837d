/**
 * The real binary, as `npx awardscore` runs it: bin/awardscore.js → lib/cli/main.js
 * (compiled here first, as `npm install` does), with real exit codes and streams.
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { exampleWorkbook } from "../../src/cli/example";
import { awardscoreBin, bin, compileCliBeforeAll, root, scratch } from "./helpers";

compileCliBeforeAll();

/** The example workbook's bytes, written by ExcelJS once for the file's tests. */
let exampleBytes: Promise<Buffer> | undefined;

/** A copy of the example workbook as `dir`/in.xlsx: its path. */
async function exampleInput(dir: string): Promise<string> {
  exampleBytes ??= exampleWorkbook()
    .xlsx.writeBuffer()
    .then((b) => Buffer.from(b));
  const input = path.join(dir, "in.xlsx");
  fs.writeFileSync(input, await exampleBytes);
  return input;
}

/**
 * `score IN --json -` by the binary, once for two tests: with a preload that only adds, at
 * exit, a line `LOADED [the modules loaded]` to stderr (one start of the command, not two).
 */
let scoredOnce: Promise<{ dir: string; child: ReturnType<typeof spawnSync> }> | undefined;
function scoredWithModules() {
  scoredOnce ??= (async () => {
    const dir = scratch();
    const input = await exampleInput(dir);
    const preload = path.join(scratch(), "loaded.js");
    fs.writeFileSync(
      preload,
      `process.on("exit", () => process.stderr.write("\\nLOADED " + JSON.stringify(Object.keys(require.cache)) + "\\n"));`
    );
    const child = spawnSync(
      process.execPath,
      ["--require", preload, bin, "score", input, "--json", "-"],
      {
        encoding: "utf8",
        cwd: root,
      }
    );
    return { dir, child };
  })();
  return scoredOnce;
}

test("exit 0: scores a workbook; --json - gives parseable JSON on stdout", async () => {
  const { dir, child } = await scoredWithModules();
  const ran = { code: child.status, stdout: String(child.stdout), stderr: String(child.stderr) };
  expect(ran.code).toBe(0);
  expect(JSON.parse(ran.stdout).request).toMatchObject({
    id: "17040",
    referenceDate: "2024-08-26",
    topN: 10,
  });
  expect(ran.stderr).toContain("Kandidaten: 24 — 14 geschikt, 7 vallen af, 3 onvolledig");
  expect(fs.existsSync(path.join(dir, "in-beoordeeld.xlsx"))).toBe(true);
});

test("exit 2 with a Dutch message on stderr and nothing on stdout", () => {
  const ran = awardscoreBin("score", "bestaat-niet.xlsx");
  expect(ran).toEqual({
    code: 2,
    stdout: "",
    stderr: "Bestand niet gevonden: 'bestaat-niet.xlsx'.\n",
  });
  expect(awardscoreBin().code).toBe(2);
});

test("score loads neither ExcelJS's workbook nor its streaming reader and writer: it reads and writes the package itself", async () => {
  const { child } = await scoredWithModules();
  expect(child.status).toBe(0);
  const line = String(child.stderr)
    .split("\n")
    .find((l) => l.startsWith("LOADED "));
  const loaded = (JSON.parse(line!.slice(7)) as string[]).map((f) => f.split(path.sep).join("/"));
  expect(loaded.length).toBeGreaterThan(20); // the list is the real one: our own modules are in it
  expect(loaded.some((f) => f.endsWith("lib/xlsx/package/apply.js"))).toBe(true);
  expect(loaded.filter((f) => /exceljs\/lib\/doc\//.test(f))).toEqual([]);
  expect(
    loaded.filter((f) => /exceljs\/lib\/stream\/xlsx\/|\/unzipper\/|\/archiver\//.test(f))
  ).toEqual([]);
});

describe("output piped into a program that closes early", () => {
  /** Runs `awardscore ARGS | head -1` through bash: the binary's exit code, stderr and what head printed. */
  function throughHead(dir: string, args: string, redirect = "") {
    const script =
      `"${process.execPath}" "${bin}" ${args} ${redirect} 2>"${dir}/stderr.txt" | head -1; ` +
      `echo "exit=\${PIPESTATUS[0]}"`;
    const out = execFileSync("bash", ["-c", script], { encoding: "utf8", cwd: root });
    const stderr = fs.readFileSync(path.join(dir, "stderr.txt"), "utf8");
    return { out, stderr };
  }

  test("--json - | head -1: exit 0, no stack trace, OUT written", async () => {
    const dir = scratch();
    const input = await exampleInput(dir);
    const { out, stderr } = throughHead(dir, `score "${input}" --json -`);
    expect(out).toBe("{\nexit=0\n");
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(stderr).toContain("Kandidaten: 24"); // the summary went to stderr, whole
    expect(fs.readdirSync(dir).sort()).toEqual(["in-beoordeeld.xlsx", "in.xlsx", "stderr.txt"]);
  });

  test("stdout and stderr both into head: exit 0, quietly", async () => {
    const input = await exampleInput(scratch());
    // The summary (about 40 lines) and help: both more than head reads.
    const script =
      `"${process.execPath}" "${bin}" score "${input}" 2>&1 | head -1; echo "exit=\${PIPESTATUS[0]}"; ` +
      `"${process.execPath}" "${bin}" --help 2>&1 | head -1; echo "exit=\${PIPESTATUS[0]}"`;
    const out = execFileSync("bash", ["-c", script], { encoding: "utf8", cwd: root });
    expect(out).toBe(
      "Aanvraag 17040 — Klantmanager Inkomen (Gemeente Pijnacker-Nootdorp)\nexit=0\nGebruik:\nexit=0\n"
    );
  });
});

test("--version prints package.json's version; <command> --help that command's help", () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  expect(awardscoreBin("--version")).toEqual({
    code: 0,
    stdout: `awardscore ${version}\n`,
    stderr: "",
  });
  const help = awardscoreBin("opschonen", "--help");
  expect(help.code).toBe(0);
  expect(help.stdout.split("\n")[0]).toBe(
    "Gebruik: awardscore opschonen IN.xlsx [--out UIT.xlsx] [--force] [--preset ID]"
  );
});

test("an internal error is one Dutch line with exit 1, and no stack trace", () => {
  const dir = scratch();
  // A preload that breaks the deflating inside writing (no file-system error): our fault.
  const preload = path.join(dir, "kapot.js");
  fs.writeFileSync(
    preload,
    `require("zlib").deflateRaw = (buffer, options, done) => done(new TypeError("kapot"));`
  );
  const input = path.join(root, "examples/aanvraag-17040.xlsx");
  const child = spawnSync(
    process.execPath,
    ["--require", preload, bin, "score", input, "--out", path.join(dir, "uit.xlsx")],
    { encoding: "utf8", cwd: root }
  );
  expect(child.status).toBe(1);
  expect(child.stderr).toMatch(
    /^Interne fout \(een fout in awardscore, niet in uw bestand\): [^\n]+\. Meld dit graag; met AWARDSCORE_DEBUG=1 toont de opdracht de details\.\n$/
  );
  const debug = spawnSync(
    process.execPath,
    ["--require", preload, bin, "score", input, "--out", path.join(dir, "uit.xlsx")],
    { encoding: "utf8", cwd: root, env: { ...process.env, AWARDSCORE_DEBUG: "1" } }
  );
  expect(debug.status).toBe(1);
  expect(debug.stderr).toMatch(/^Interne fout [^\n]+\n[^\n]*\n\s+at /);
  expect(fs.readdirSync(dir)).toEqual(["kapot.js"]);
});
