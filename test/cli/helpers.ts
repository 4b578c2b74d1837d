/**
 * Running the command in-process with captured output, in a fresh temporary folder (removed
 * after the test file); and through the real binary (bin/awardscore.js → lib/cli/main.js,
 * compiled first).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import type { ScoreReport } from "../../src/cli/report";
import { run } from "../../src/cli/run";
import { ensureCompiledCommand } from "../setup/compiledCommand";

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

/** The folders {@link scratch} made in this test file, removed after its last test. */
const scratches: string[] = [];
if (typeof afterAll === "function")
  afterAll(() => {
    for (const dir of scratches.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

/** A new empty temporary folder, removed after the test file's last test. */
export function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-cli-"));
  scratches.push(dir);
  return dir;
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

/**
 * Compiles lib/ (`tsc -p tsconfig.cli.json`, as `npm install` does) before the file's tests,
 * when a source is newer than it (test/setup/compiledCommand.ts). jest.config.js puts every
 * file that calls this in the `programs` project, whose global set-up has compiled it already.
 */
export function compileCliBeforeAll(): void {
  beforeAll(() => ensureCompiledCommand(), 120_000);
}
