/**
 * Reading and writing `.xlsx` files safely: the input is only read; the output
 * goes to a temporary file beside it and is renamed into place, so a crash never
 * leaves half a workbook under the real name. Two outputs (the workbook and the
 * `--json`) are written both or neither: {@link prepareWorkbook} and {@link prepareText}
 * write each to its temporary file, {@link commitFiles} renames them all into place
 * only when all were written (and puts back what it replaced when a rename fails).
 * File-system errors are {@link FileError}s in Dutch (exit 2); any other error while
 * writing is ours and is passed on as it is (exit 1).
 */
import type ExcelJS from "exceljs";
import { newWorkbook } from "./exceljs";
import fs from "fs";
import path from "path";
import { repairLoadedTables, shareEmptyStyles } from "../xlsx";
import { FileError, fileSystemError, isSystemError } from "./errors";
import { readableInput } from "./formats";
import { cliTexts, fileTexts, packageProblemText, packageTexts } from "./texts";
import { writeXlsx } from "./writeXlsx";
import { checkReferences } from "../xlsx/package/check";
import { workbookParts } from "../xlsx/package/parts";
import {
  PackageError,
  readPackage,
  writePackage,
  type Package,
  type Part,
} from "../xlsx/package/zip";

export { FileError } from "./errors";

/**
 * Loads a workbook; a missing or unreadable file is a {@link FileError} in Dutch. An `.ods`
 * or `.xls` is first converted by LibreOffice when it is installed (see ./formats.ts), and
 * `notify` says so.
 *
 * @example
 * const workbook = await loadWorkbook("examples/aanvraag-17040.xlsx");
 */
export async function loadWorkbook(
  file: string,
  notify: (text: string) => void = () => {}
): Promise<ExcelJS.Workbook> {
  await checkInput(file);
  const workbook = newWorkbook();
  let input: Awaited<ReturnType<typeof readableInput>> | undefined;
  try {
    input = await readableInput(file, notify);
    // A read stream (not readFile) so that nothing ever opens the input for writing.
    await workbook.xlsx.read(fs.createReadStream(input.path));
  } catch (error) {
    if (error instanceof FileError) throw error;
    if (isSystemError(error)) throw fileSystemError("read", file, error);
    throw new FileError(cliTexts.unreadable(file));
  } finally {
    await input?.cleanup();
  }
  repairLoadedTables(workbook);
  return workbook;
}

/** Refuses an input that is missing, a folder or no file, in Dutch. */
async function checkInput(file: string): Promise<void> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    throw isSystemError(error)
      ? fileSystemError("read", file, error)
      : new FileError(cliTexts.notFound(file));
  }
  if (stat.isDirectory())
    throw new FileError(fileTexts.fileSystem("read", file, "EISDIR", path.dirname(file)));
  if (!stat.isFile()) throw new FileError(cliTexts.notFound(file));
}

/** A workbook's package as read from a file, and whether it holds macros (an `.xlsm`). */
export interface LoadedPackage {
  pkg: Package;
  macros: boolean;
}

/** The content type of a workbook with macros (ECMA-376 part 1 and MS-OFFMACRO2). */
const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroenabled.main+xml";

/**
 * Reads a workbook's package for the commands that read a workbook or write over a copy of
 * it (score, share, opschonen, verify), within the caps of LIMITS; a missing or unreadable
 * file, or one beyond a cap, is a {@link FileError} in Dutch that says why. An `.ods` or
 * `.xls` is first converted by LibreOffice when it is installed (see ./formats.ts).
 *
 * @example
 * const { pkg } = await loadPackage("examples/aanvraag-17040.xlsx");
 */
export async function loadPackage(
  file: string,
  notify: (text: string) => void = () => {}
): Promise<LoadedPackage> {
  await checkInput(file);
  let input: Awaited<ReturnType<typeof readableInput>> | undefined;
  try {
    input = await readableInput(file, notify);
    // readFile opens the input for reading only.
    const pkg = await readPackage(await fs.promises.readFile(input.path));
    const workbook = workbookParts(pkg).workbook;
    checkReferences(pkg);
    const types = pkg.text("[Content_Types].xml") ?? "";
    const macros =
      types.toLowerCase().includes(MACRO_WORKBOOK) &&
      new RegExp(`PartName="/?${workbook.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`, "i").test(
        types
      );
    return { pkg, macros };
  } catch (error) {
    throw asFileError(file, error);
  } finally {
    await input?.cleanup();
  }
}

/**
 * A reading error as the user's problem with the file: a package beyond a cap or unreadable
 * says why in Dutch, a file-system error says what to do; anything else is passed on (ours).
 *
 * @example
 * try { packageSnapshot(pkg); } catch (error) { throw asFileError("in.xlsx", error); }
 */
export function asFileError(file: string, error: unknown): unknown {
  if (error instanceof FileError) return error;
  if (error instanceof PackageError) return new FileError(packageProblemText(file, error.problem));
  if (isSystemError(error)) return fileSystemError("read", file, error);
  return error;
}

/**
 * The default output name: the input's name with `-beoordeeld` (or another suffix).
 *
 * @example
 * defaultOutput("data/aanvraag.xlsx"); // "data/aanvraag-beoordeeld.xlsx"
 * defaultOutput("data/aanvraag.xlsx", "-opgeschoond"); // "data/aanvraag-opgeschoond.xlsx"
 */
export function defaultOutput(input: string, suffix = "-beoordeeld", macros = false): string {
  const ext = path.extname(input);
  return path.join(
    path.dirname(input),
    `${path.basename(input, ext)}${suffix}${macros ? ".xlsm" : ".xlsx"}`
  );
}

/**
 * Refuses an output name that Excel would not open as a workbook: `.xlsx`, or `.xlsm` for a
 * copy of a workbook with macros (`macros`), which keeps them and must be `.xlsm`.
 */
export function checkOutputName(file: string, macros = false): void {
  const ext = path.extname(file).toLowerCase();
  if (macros && ext !== ".xlsm") throw new FileError(packageTexts.macrosNeedXlsm(file));
  if (!macros && ext !== ".xlsx") throw new FileError(cliTexts.notXlsxName(file));
}

/**
 * Refuses to replace an existing output unless `force` (`--force`): nothing is written then.
 * `defaultOf`: the name is that command's default (IN-beoordeeld.xlsx), which the message says.
 *
 * @throws FileError naming the file and how to proceed (another --out name, or --force).
 * @example
 * checkOverwrite("uit.xlsx", false); // throws when uit.xlsx exists
 */
export function checkOverwrite(
  file: string,
  force: boolean,
  defaultOf?: "score" | "opschonen"
): void {
  if (force) return;
  // lstat: a link that points nowhere is there too, and would be replaced.
  if (fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined)
    throw new FileError(fileTexts.exists(file, defaultOf));
}

/** Whether two names point at the same file (also through a link or another spelling). */
export function sameFile(a: string, b: string): boolean {
  const real = (f: string) => {
    try {
      return fs.realpathSync(f);
    } catch {
      return path.resolve(f);
    }
  };
  return real(a) === real(b);
}

/**
 * zlib's default level, as ExcelJS's own: with the deflating on the thread pool beside
 * the rendering, level 1 wrote a scored workbook of 10,000 candidates no faster (3.5-3.6 s
 * both) and made it 2.0 MB instead of 1.5 MB.
 */
const DEFLATE_LEVEL = 6;

/** An output written to a temporary file beside its target, not yet in place. */
export interface PreparedFile {
  /** The name the user asked for. */
  readonly target: string;
  /** The hidden file beside it that holds the new content until {@link commitFiles}. */
  readonly temporary: string;
}

/** The hidden temporary name beside `file` (`.uit.xlsx.1234.tmp`). */
function temporaryName(file: string, kind = "tmp"): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${kind}`);
}

/**
 * Removes the temporary files an earlier run left beside `file` when it was killed (an
 * out-of-memory abort runs no clean-up): `.NAME.PID.tmp` or `.bak` of a process that is gone.
 * A file of a process still running (another run writing the same name) is left alone.
 */
async function removeStaleTemporaries(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return; // the write itself will say what is wrong with the folder
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.(tmp|bak)$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isRunning(pid)) continue;
    await fs.promises.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** Whether a process of that id is running (signal 0 only asks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // there, but not ours
  }
}

/** Writes to `temporary` with `write`; a failure removes it, a file-system error becomes a FileError. */
async function prepare(file: string, write: (temporary: string) => Promise<void>) {
  await removeStaleTemporaries(file);
  const temporary = temporaryName(file);
  try {
    await write(temporary);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    if (isSystemError(error)) throw fileSystemError("write", file, error);
    throw error; // not the file system's: ours (exit 1)
  }
  return { target: file, temporary };
}

/**
 * First phase of writing a workbook: to a temporary file beside `file`, not yet in place
 * (then {@link commitFiles} or {@link discardFiles}). The workbook is handed over: its empty
 * cell styles become one shared object (cheaper to write), so change nothing in it afterwards.
 *
 * @throws FileError (Dutch) on a file-system error; any other error as it is.
 * @example
 * const prepared = await prepareWorkbook(workbook, "uit.xlsx");
 */
export async function prepareWorkbook(
  workbook: ExcelJS.Workbook,
  file: string
): Promise<PreparedFile> {
  shareEmptyStyles(workbook);
  return prepare(file, (temporary) => writeXlsx(workbook, temporary, DEFLATE_LEVEL));
}

/**
 * First phase of writing a text file (UTF-8), as {@link prepareWorkbook}.
 *
 * @example
 * const prepared = await prepareText("uitslag.json", "{}");
 */
export async function prepareText(file: string, text: string): Promise<PreparedFile> {
  return prepare(file, (temporary) => fs.promises.writeFile(temporary, text, "utf8"));
}

/**
 * First phase of writing a package's parts (an edited copy of the user's workbook), as
 * {@link prepareWorkbook}.
 *
 * @example
 * const prepared = await preparePackage(applyToPackage(pkg, changes).parts, "uit.xlsx");
 */
export async function preparePackage(parts: Part[], file: string): Promise<PreparedFile> {
  return prepare(file, (temporary) => writePackage(parts, temporary, DEFLATE_LEVEL));
}

/**
 * Removes the temporary files of outputs that will not be committed.
 *
 * @example
 * await discardFiles([prepared]);
 */
export async function discardFiles(prepared: readonly PreparedFile[]): Promise<void> {
  await Promise.all(prepared.map((p) => fs.promises.rm(p.temporary, { force: true })));
}

/**
 * Second phase: renames every prepared file into place, all or none. Before a rename that a
 * later one could still undo, the file it replaces is kept aside (a hard link, else a copy);
 * when a rename fails, the ones done are put back as they were and every temporary file goes.
 *
 * @throws FileError (Dutch) naming the file that could not be put in place.
 * @example
 * await commitFiles([await prepareWorkbook(workbook, "uit.xlsx"), await prepareText("uit.json", json)]);
 */
export async function commitFiles(prepared: readonly PreparedFile[]): Promise<void> {
  const done: Array<{ file: PreparedFile; backup: string | null }> = [];
  const backups: string[] = [];
  let current: PreparedFile | undefined;
  try {
    for (const [index, file] of prepared.entries()) {
      current = file;
      let backup: string | null = null;
      if (index < prepared.length - 1 && fs.lstatSync(file.target, { throwIfNoEntry: false })) {
        backup = temporaryName(file.target, "bak");
        backups.push(backup);
        await fs.promises.link(file.target, backup).catch(() => {
          return fs.promises.copyFile(file.target, backup!);
        });
      }
      await fs.promises.rename(file.temporary, file.target);
      done.push({ file, backup });
    }
  } catch (error) {
    for (const { file, backup } of done.reverse()) {
      if (backup) await fs.promises.rename(backup, file.target).catch(() => {});
      else await fs.promises.rm(file.target, { force: true });
    }
    await discardFiles(prepared);
    await Promise.all(backups.map((b) => fs.promises.rm(b, { force: true })));
    if (isSystemError(error)) throw fileSystemError("write", current!.target, error);
    throw error;
  }
  await Promise.all(backups.map((b) => fs.promises.rm(b, { force: true })));
}

/**
 * Writes a workbook to a temporary file beside `file` and renames it into place. The
 * workbook is handed over: its empty cell styles become one shared object (cheaper to
 * write), so change nothing in it afterwards.
 *
 * @throws FileError (Dutch) on a file-system error; any other error as it is (our fault).
 * @example
 * await saveWorkbook(workbook, "uit.xlsx");
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await commitFiles([await prepareWorkbook(workbook, file)]);
}

/**
 * Writes text to a file the same way (temporary file, then rename).
 *
 * @example
 * await saveText("uitslag.json", "{}");
 */
export async function saveText(file: string, text: string): Promise<void> {
  await commitFiles([await prepareText(file, text)]);
}

/**
 * Writes the edited package to `out` and, when asked, the JSON report to `jsonFile`: both or
 * neither (each to its temporary file first, then both into place).
 *
 * @throws FileError (Dutch) naming the file that could not be written; nothing is left then.
 * @example
 * await writePackageAndJson(edited.parts, "uit.xlsx", "uit.json", json);
 */
export async function writePackageAndJson(
  parts: Part[],
  out: string,
  jsonFile: string | undefined,
  json: string | undefined
): Promise<void> {
  const prepared: PreparedFile[] = [await preparePackage(parts, out)];
  if (jsonFile !== undefined && json !== undefined) {
    try {
      prepared.push(await prepareText(jsonFile, `${json}\n`));
    } catch (error) {
      await discardFiles(prepared);
      throw error;
    }
  }
  await commitFiles(prepared);
}

/**
 * Whether a name is that of a workbook with macros (`.xlsm`, `.xltm`): the default OUT of
 * such an IN is `.xlsm`, and an OUT name is checked against it before anything is read.
 * Once IN is read, its content (the workbook's content type) decides: a workbook with
 * macros needs an `.xlsm` OUT, which keeps them; one without needs `.xlsx`.
 */
export function isMacroName(file: string): boolean {
  return /\.(xlsm|xltm)$/i.test(file);
}

/**
 * The outputs of a command that writes a workbook (and perhaps a JSON report), checked before
 * anything is read: OUT (when absent, named after IN with `suffix`) is a workbook name and not
 * IN itself; the JSON file (absent for stdout, `-`) is neither IN nor OUT.
 *
 * @throws FileError (Dutch) naming the file.
 * @example
 * plannedOutputs("aanvraag.xlsx", undefined, "uit.json", "-voorstellen"); // { out: "aanvraag-voorstellen.xlsx", jsonFile: "uit.json" }
 */
export function plannedOutputs(
  input: string,
  out: string | undefined,
  json: string | undefined,
  suffix?: string
): { out: string; jsonFile: string | undefined } {
  const target = out ?? defaultOutput(input, suffix, isMacroName(input));
  checkOutputName(target, isMacroName(target));
  if (sameFile(target, input)) throw new FileError(cliTexts.outIsIn(input));
  const jsonFile = json !== undefined && json !== "-" ? json : undefined;
  if (jsonFile !== undefined) {
    if (sameFile(jsonFile, input)) throw new FileError(fileTexts.jsonIsWorkbook(jsonFile, "in"));
    if (sameFile(jsonFile, target)) throw new FileError(fileTexts.jsonIsWorkbook(jsonFile, "out"));
  }
  return { out: target, jsonFile };
}
