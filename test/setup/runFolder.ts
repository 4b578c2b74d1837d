/**
 * The temporary folder of one `jest` run: the global set-up makes it and points TMPDIR at it,
 * so `os.tmpdir()` in every test, in the command the tests start and in LibreOffice is inside
 * it; the global teardown removes it, whatever a test left. The system's temporary folder
 * keeps nothing of a run.
 */
import fs from "fs";
import os from "os";
import path from "path";

/** The environment variable that holds the run's folder (set by the global set-up). */
export const RUN_FOLDER = "AWARDSCORE_TEST_TMPDIR";
/** The environment variable that holds TMPDIR as it was before the run (empty when unset). */
const SYSTEM_TMPDIR = "AWARDSCORE_SYSTEM_TMPDIR";

/** The run's temporary folder, or null outside a `jest` run with the global set-up. */
export function runFolder(): string | null {
  return process.env[RUN_FOLDER] ?? null;
}

/** Makes the run's folder under the system's temporary folder and points TMPDIR at it. */
export function openRunFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-tests-"));
  process.env[SYSTEM_TMPDIR] = process.env.TMPDIR ?? "";
  process.env[RUN_FOLDER] = dir;
  process.env.TMPDIR = dir;
  return dir;
}

/**
 * Removes the run's folder and puts TMPDIR back. Returns what tests left at its top (besides
 * the folders shared on purpose, {@link RUN_SHARED}), so the teardown can name the tests that do not clean up.
 */
export function closeRunFolder(): string[] {
  const dir = runFolder();
  if (!dir) return [];
  const left = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((name) => !name.startsWith(RUN_SHARED))
    : [];
  fs.rmSync(dir, { recursive: true, force: true });
  const before = process.env[SYSTEM_TMPDIR];
  if (before) process.env.TMPDIR = before;
  else delete process.env.TMPDIR;
  delete process.env[RUN_FOLDER];
  delete process.env[SYSTEM_TMPDIR];
  return left;
}

/**
 * The name that starts every folder the run's tests share on purpose (made once per run, read by
 * several files: LibreOffice's profiles, the production build, the CV corpus as PDF, the Office
 * tests' cache): the teardown removes them without naming them as left behind.
 */
export const RUN_SHARED = "run-shared-";

/** The name that starts every LibreOffice profile in the run's folder. */
export const LIBREOFFICE_PROFILE = `${RUN_SHARED}libreoffice-`;
