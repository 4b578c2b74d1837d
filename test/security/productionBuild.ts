/**
 * The real production build (the main webpack config, production mode, without ts-loader's type
 * check) that the security checks (build.test.ts) and the custom functions' metadata test
 * (test/functions/metadata.test.ts) read. Made once per jest run: the first test file to ask builds
 * it into the run's temporary folder (test/setup/runFolder.ts), the others wait for it and read
 * the same files. ADDIN_URL is set to another host, so that a URL left pointing at the dev server
 * shows up in the checks; it changes the manifest only.
 *
 * webpack runs in a Node process of its own (buildProduction.js). Its persistent cache (not in
 * CI, where the clone is new and writing it would cost more than it saves) lives beside jest's (node_modules/.cache, never the system's temporary folder): a module whose
 * sources, loaders and packages are unchanged since the last run is not compiled, parsed or
 * minified again. webpack checks each cached module against its files' timestamps and hashes and
 * the packages' versions, and webpack.config.js, the plugins it names, this file,
 * buildProduction.js and test/e2e/build.ts are build dependencies: a change to any of them
 * starts afresh.
 */
import { execFile as execFileCallback, type ChildProcess } from "child_process";
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { RUN_SHARED, runFolder } from "../setup/runFolder";

const root = path.resolve(__dirname, "../..");
const builder = path.join(__dirname, "buildProduction.js");
const execFile = promisify(execFileCallback);

/** Where the build says it is deployed (ADDIN_URL at build time). */
export const DEPLOYED_AT = "https://awardscore.gemeente.example/";

/** A production build's folder, and how to let go of it. */
export interface ProductionBuild {
  dir: string;
  /** The entry points it was built from, as webpack.config.js names them. */
  entry: Record<string, string>;
  /** Removes the folder when this process made it for itself (outside a jest run); else nothing. */
  release(): void;
}

/** The builds of this process still running (stopped by {@link stopProductionBuilds}). */
const builders = new Set<ChildProcess>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The production build, built once per jest run and shared by the test files that read it.
 *
 * @example
 * const build = await productionBuild();
 * fs.readFileSync(path.join(build.dir, "functions.json"), "utf8");
 * build.release();
 */
export async function productionBuild(): Promise<ProductionBuild> {
  const run = runFolder();
  if (!run) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-build-"));
    const entry = await build(dir);
    return { dir, entry, release: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const at = sharedBuild(run);
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (fs.existsSync(at.done))
      return {
        dir: at.dir,
        entry: JSON.parse(fs.readFileSync(at.done, "utf8")),
        release: () => {},
      };
    if (fs.existsSync(at.failed))
      throw new Error(`the production build failed:\n${fs.readFileSync(at.failed, "utf8")}`);
    const ours = buildShared(at);
    if (ours) {
      await ours;
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`the production build is not done yet: ${at.shared}`);
    await sleep(250); // another test file, or the global set-up, builds it
  }
}

/** The shared build's folder in the run's folder, and the files that say how far it is. */
function sharedBuild(run: string) {
  // shared on purpose: the teardown removes it without naming it as left behind
  const shared = path.join(run, `${RUN_SHARED}webpack-production`);
  fs.mkdirSync(shared, { recursive: true });
  return {
    shared,
    dir: path.join(shared, "dist"),
    done: path.join(shared, "done"),
    failed: path.join(shared, "failed"),
    lock: path.join(shared, "building"),
  };
}

/**
 * Builds the shared build when no one else does (its lock taken): the promise of its end, `done`
 * or `failed` written; null when another test file or the global set-up builds it.
 */
function buildShared(at: ReturnType<typeof sharedBuild>): Promise<void> | null {
  try {
    fs.mkdirSync(at.lock);
  } catch {
    return null;
  }
  return build(at.dir)
    .then((entry) => {
      // whole or not at all, for the test files that wait on it
      fs.writeFileSync(`${at.done}.part`, JSON.stringify(entry));
      fs.renameSync(`${at.done}.part`, at.done);
    })
    .catch((error: unknown) => {
      fs.writeFileSync(at.failed, String((error as Error).stack ?? error));
    })
    .finally(() => fs.rmSync(at.lock, { recursive: true, force: true }));
}

/**
 * Starts the run's shared build in the background, from the global set-up of a run of every test
 * file: its 25 CPU-s then overlap the first tests instead of keeping a test file (or two, one
 * waiting for the other) on it. The test files that read it wait for it as for one of their own.
 */
export function startProductionBuild(): void {
  const run = runFolder();
  if (run) void buildShared(sharedBuild(run));
}

/** Stops a build still running (the global teardown: a run that ended before its build). */
export function stopProductionBuilds(): void {
  for (const child of builders) child.kill();
}

/**
 * Runs webpack.config.js (production, ADDIN_URL = {@link DEPLOYED_AT}) into `dir`, in a Node
 * process of its own (buildProduction.js); returns its entry points.
 */
async function build(dir: string): Promise<Record<string, string>> {
  // In CI (a clean clone, CI set) there is nothing to reuse, and writing the cache's 135 MB costs
  // 6-9 CPU-s more than the build without it.
  const cache = process.env.CI
    ? false
    : {
        type: "filesystem",
        cacheDirectory: path.join(root, "node_modules/.cache/webpack-tests"),
        // one cache per deployed address: the manifest is rewritten with it
        name: `production-${crypto.createHash("sha256").update(DEPLOYED_AT).digest("hex").slice(0, 8)}`,
        buildDependencies: {
          config: [
            path.join(root, "webpack.config.js"),
            // ts-loader's compiler options: tsconfig.build.json extends tsconfig.json
            path.join(root, "tsconfig.build.json"),
            path.join(root, "tsconfig.json"),
            path.join(root, "scripts/functions-locale.js"),
            path.join(root, "test/e2e/build.ts"),
            builder,
            __filename,
          ],
        },
      };
  // Type-checked by `npm run typecheck` (tsconfig.build.json); the output is the same.
  const running = execFile(process.execPath, [builder, dir, JSON.stringify(cache)], {
    cwd: root,
    env: { ...process.env, ADDIN_URL: DEPLOYED_AT }, // read when webpack.config.js loads
    maxBuffer: 64 * 1024 * 1024,
  });
  builders.add(running.child);
  try {
    const { stdout } = await running;
    return JSON.parse(stdout) as Record<string, string>;
  } finally {
    builders.delete(running.child);
  }
}
