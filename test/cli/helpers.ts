/** Running the command in-process with captured output, in a fresh temporary folder. */
import fs from "fs";
import os from "os";
import path from "path";
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
