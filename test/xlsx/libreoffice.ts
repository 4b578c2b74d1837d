/**
 * LibreOffice headless as a real reader of the workbooks we write: a private
 * profile that recalculates every formula on load (see {@link profile}), conversion to
 * CSV (one file per sheet) or PDF (in a jest run by one LibreOffice for the whole run,
 * test/setup/office.ts), and a CSV parser. Shared by the tests that need it.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { giveUp, residentProfile, startOffice } from "../setup/office";
import { LIBREOFFICE_PROFILE, runFolder } from "../setup/runFolder";

/** The path of a command, or null when it is not installed. */
export function which(command: string): string | null {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** LibreOffice's binary, when installed. */
export const soffice = which("soffice") ?? which("libreoffice");
/** poppler's PDF → PNG renderer, when installed. */
export const pdftoppm = which("pdftoppm");

/** Every sheet to its own CSV file `<file>-<sheet>.csv` (token 12 = -1, LibreOffice ≥ 7.2), UTF-8, comma. */
export const csvAllSheets =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * A private LibreOffice profile that recalculates on load, so no cached value hides a mistake:
 * LibreOffice keeps the cached values of an .xlsx unless `OOXMLRecalcMode` is 0 (always).
 * Made under `dir` on the first start only; later starts reuse what LibreOffice set up there.
 */
export function profile(dir: string): string {
  const user = path.join(dir, "profile", "user");
  const settings = path.join(user, "registrymodifications.xcu");
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(user, { recursive: true });
    fs.writeFileSync(
      settings,
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
    );
  }
  return `file://${path.join(dir, "profile")}`;
}

/**
 * Where a conversion keeps its profile: in a `jest` run, one folder per worker in the run's
 * temporary folder (test/setup/runFolder.ts), so LibreOffice sets its profile up once per worker
 * rather than once per test file, and two workers never share one; outside a run, under `dir`.
 */
function profileFolder(dir: string): string {
  const run = runFolder();
  if (!run) return dir;
  const folder = path.join(run, `${LIBREOFFICE_PROFILE}${process.env.JEST_WORKER_ID ?? "1"}`);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * Converts `files` (one path or several) to `format` into `outdir`, stopping after `timeout` ms.
 * In a `jest` run the run's resident LibreOffice converts (test/setup/office.ts: one start for
 * the whole run); when there is none, or it failed, LibreOffice starts for this conversion with
 * the private profile of the run's worker (or under `dir`).
 */
export function convert(
  dir: string,
  files: string | string[],
  format: string,
  outdir: string,
  timeout = 120_000
): void {
  const args = ["--headless", "--norestore", "--convert-to", format, "--outdir", outdir];
  const inputs = typeof files === "string" ? [files] : files;
  // the run's LibreOffice: a full run's set-up started it; in a run of some files, the first
  // conversion does. Its watcher follows jest's main process: this worker's parent, or this
  // process itself when jest runs the files in band (no channel to a parent then)
  if (runFolder())
    startOffice(soffice, profile, undefined, process.send ? process.ppid : process.pid);
  const resident = residentProfile();
  if (resident) {
    try {
      execFileSync(soffice!, [`-env:UserInstallation=${resident}`, ...args, ...inputs], {
        stdio: "pipe",
        timeout,
      });
      return;
    } catch (error) {
      // It may be stuck on this document: stop it, and convert once more with a start of our own.
      giveUp(`converting ${inputs.join(", ")}: ${(error as Error).message}`);
    }
  }
  const folder = profileFolder(dir);
  try {
    execFileSync(soffice!, [`-env:UserInstallation=${profile(folder)}`, ...args, ...inputs], {
      stdio: "pipe",
      timeout,
    });
  } catch (error) {
    // A start that failed or was stopped may leave the profile locked: the next one starts afresh.
    fs.rmSync(path.join(folder, "profile"), { recursive: true, force: true });
    throw error;
  }
}

/** A CSV text as rows, split on commas outside double quotes. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(cell), (cell = ""));
    else if (ch === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""));
    else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length > 0) (row.push(cell), rows.push(row));
  return rows;
}
