/**
 * The compiled command (lib/, `tsc -p tsconfig.cli.json`, as `npm install` builds it) that the
 * tests of the real binary run: compiled only when a source is newer than its output, so a run
 * compiles at most once (the global set-up of the `programs` project, before any worker starts)
 * and not at all after `npm ci`.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "../..");
const config = path.join(root, "tsconfig.cli.json");

/** Every file under `dir` (recursively) whose name ends in one of `endings`. */
function filesUnder(dir: string, endings: string[]): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => endings.some((e) => f.endsWith(e)))
    .map((f) => path.join(dir, f));
}

/** Whether lib/ holds an output for every source of tsconfig.cli.json, each newer than every source and config. */
export function compiledCommandIsFresh(): boolean {
  const { include } = JSON.parse(fs.readFileSync(config, "utf8")) as { include: string[] };
  const sources = include
    .flatMap((dir) => filesUnder(path.join(root, dir), [".ts"]))
    .filter((f) => !f.endsWith(".d.ts"));
  const inputs = [
    ...sources,
    config,
    path.join(root, "tsconfig.json"),
    path.join(root, "package.json"),
  ];
  const newestInput = Math.max(...inputs.map((f) => fs.statSync(f).mtimeMs));
  for (const source of sources) {
    const output = path
      .join(root, "lib", path.relative(path.join(root, "src"), source))
      .replace(/\.ts$/, ".js");
    if (!fs.existsSync(output) || fs.statSync(output).mtimeMs < newestInput) return false;
  }
  return sources.length > 0;
}

/** Compiles lib/ unless it is fresh (see {@link compiledCommandIsFresh}). */
export function ensureCompiledCommand(): void {
  if (compiledCommandIsFresh()) return;
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", config], {
      cwd: root,
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? "";
    throw new Error(`tsc -p tsconfig.cli.json failed:\n${out}`, { cause: error });
  }
}
