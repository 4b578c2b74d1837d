/**
 * The compiled command (lib/, `tsc -p tsconfig.cli.json`, as `npm install` builds it) that the
 * tests of the real binary run: compiled only when a source is newer than its output, so a run
 * compiles at most once (the global set-up of the `programs` project, before any worker starts)
 * and not at all after `npm ci`.
 *
 * Compiled here file by file (TypeScript's transpileModule, the project's own compiler with the
 * options of tsconfig.cli.json): with `isolatedModules` the output is byte for byte what
 * `tsc -p tsconfig.cli.json` writes, in 5 CPU-s instead of 13. The types are checked by
 * `npm run typecheck` (tsconfig.json covers the same sources), not again here.
 */
import fs from "fs";
import path from "path";
import type TypeScript from "typescript";

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
  // Loaded only to compile: 9 MB of compiler, 0.4-0.8 CPU-s in each test file that imports the
  // command's test helpers, where lib/ is fresh all but once per run.
  const ts = require("typescript") as typeof TypeScript;
  const parsed = ts.getParsedCommandLineOfConfigFile(
    config,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(
          `tsconfig.cli.json: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`
        );
      },
    }
  );
  if (!parsed) throw new Error("tsconfig.cli.json could not be read");
  const options = parsed.options;
  if (!options.isolatedModules || !options.outDir || !options.rootDir)
    throw new Error(
      "tsconfig.cli.json: file-by-file compiling needs isolatedModules, outDir and rootDir"
    );
  const problems: string[] = [];
  for (const source of parsed.fileNames.filter((f) => !f.endsWith(".d.ts"))) {
    const out = ts.transpileModule(fs.readFileSync(source, "utf8"), {
      compilerOptions: options,
      fileName: source,
      reportDiagnostics: true,
    });
    for (const d of out.diagnostics ?? [])
      problems.push(
        `${path.relative(root, source)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`
      );
    const output = path
      .join(options.outDir, path.relative(options.rootDir, source))
      .replace(/\.tsx?$/, ".js");
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, out.outputText);
  }
  if (problems.length > 0)
    throw new Error(`compiling tsconfig.cli.json failed:\n${problems.join("\n")}`);
}
