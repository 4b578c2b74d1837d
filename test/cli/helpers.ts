/**
 * Running the command in-process with captured output, in a fresh temporary folder;
 * and through the real binary (bin/awardscore.js → lib/cli/main.js, compiled first).
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import type { ScoreReport } from "../../src/cli/report";
import { run } from "../../src/cli/run";

/** What one run printed and returned. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `awardscore` with these arguments. */
export async function awardscore(...argv: string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    errStream: { isTTY: false },
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** A new empty temporary folder. */
export function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-cli-"));
}

/** The `--json` report a run wrote to `file`. */
export function readReport(file: string): ScoreReport {
  return JSON.parse(fs.readFileSync(file, "utf8")) as ScoreReport;
}

/** The repository's root, where the binary runs. */
export const root = path.resolve(__dirname, "../..");
/** The real binary, as `npx awardscore` runs it. */
export const bin = path.join(root, "bin/awardscore.js");

/** Runs the real binary with these arguments: its exit code (null when killed) and streams. */
export function awardscoreBin(...args: string[]): Omit<Ran, "code"> & { code: number | null } {
  const child = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Compiles lib/ (`tsc -p tsconfig.cli.json`, as `npm install` does) before the file's tests. */
export function compileCliBeforeAll(): void {
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
      { cwd: root, stdio: "pipe" }
    );
  }, 120_000);
}
