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
import { execFile as execFileCallback } from "child_process";
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { LIBREOFFICE_PROFILE, runFolder } from "../setup/runFolder";

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
  // the name starts like the run's shared LibreOffice folders, which the teardown expects to find
  const shared = path.join(run, `${LIBREOFFICE_PROFILE}webpack-production`);
  const dir = path.join(shared, "dist");
  const done = path.join(shared, "done");
  const failed = path.join(shared, "failed");
  const lock = path.join(shared, "building");
  fs.mkdirSync(shared, { recursive: true });
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (fs.existsSync(done))
      return { dir, entry: JSON.parse(fs.readFileSync(done, "utf8")), release: () => {} };
    if (fs.existsSync(failed))
      throw new Error(
        `the production build failed in another test file:\n${fs.readFileSync(failed, "utf8")}`
      );
    try {
      fs.mkdirSync(lock);
      break; // ours to build
    } catch {
      if (Date.now() > deadline) throw new Error(`the production build is not done yet: ${shared}`);
      await sleep(250); // another test file builds it
    }
  }
  let entry: Record<string, string>;
  try {
    entry = await build(dir);
    // whole or not at all, for the test files that wait on it
    fs.writeFileSync(`${done}.part`, JSON.stringify(entry));
    fs.renameSync(`${done}.part`, done);
  } catch (error) {
    fs.writeFileSync(failed, String((error as Error).stack ?? error));
    throw error;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return { dir, entry, release: () => {} };
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
            path.join(root, "scripts/functions-locale.js"),
            path.join(root, "test/e2e/build.ts"),
            builder,
            __filename,
          ],
        },
      };
  // Type-checked by `npm run typecheck` (tsconfig.build.json); the output is the same.
  const { stdout } = await execFile(process.execPath, [builder, dir, JSON.stringify(cache)], {
    cwd: root,
    env: { ...process.env, ADDIN_URL: DEPLOYED_AT }, // read when webpack.config.js loads
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, string>;
}
