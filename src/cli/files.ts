/**
 * Reading and writing `.xlsx` files safely: the input is only read; the output
 * goes to a temporary file beside it and is renamed into place, so a crash never
 * leaves half a workbook under the real name.
 */
import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs";
import fs from "fs";
import path from "path";
import { cliTexts } from "../workbook/texts";
import { repairLoadedTables, shareEmptyStyles } from "../xlsx";
import { writeXlsx } from "./writeXlsx";

/** A problem with a file that the user can fix (exit code 2). */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileError";
  }
}

/**
 * Loads a workbook; a missing or unreadable file is a {@link FileError} in Dutch.
 *
 * @example
 * const workbook = await loadWorkbook("examples/aanvraag-17040.xlsx");
 */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new FileError(cliTexts.notFound(file));
  }
  if (!stat.isFile()) throw new FileError(cliTexts.notFound(file));
  const workbook = new Workbook();
  try {
    // A read stream (not readFile) so that nothing ever opens the input for writing.
    await workbook.xlsx.read(fs.createReadStream(file));
  } catch {
    throw new FileError(cliTexts.unreadable(file));
  }
  repairLoadedTables(workbook);
  return workbook;
}

/**
 * The default output name: the input's name with `-beoordeeld` (or another suffix).
 *
 * @example
 * defaultOutput("data/aanvraag.xlsx"); // "data/aanvraag-beoordeeld.xlsx"
 * defaultOutput("data/aanvraag.xlsx", "-opgeschoond"); // "data/aanvraag-opgeschoond.xlsx"
 */
export function defaultOutput(input: string, suffix = "-beoordeeld"): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}${suffix}.xlsx`);
}

/** Refuses an output name that Excel would not open as a workbook. */
export function checkOutputName(file: string): void {
  if (path.extname(file).toLowerCase() !== ".xlsx") throw new FileError(cliTexts.notXlsxName(file));
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

/**
 * Writes a workbook to a temporary file beside `file` and renames it into place. The
 * workbook is handed over: its empty cell styles become one shared object (cheaper to
 * write), so change nothing in it afterwards.
 *
 * @example
 * await saveWorkbook(workbook, "uit.xlsx");
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  shareEmptyStyles(workbook);
  try {
    await writeXlsx(workbook, temporary, DEFLATE_LEVEL);
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    const reason =
      (error as NodeJS.ErrnoException).code ??
      (error instanceof Error ? error.message : String(error));
    throw new FileError(cliTexts.cannotWrite(file, reason));
  }
}

/**
 * Writes text to a file the same way (temporary file, then rename).
 *
 * @example
 * await saveText("uitslag.json", "{}");
 */
export async function saveText(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.promises.writeFile(temporary, text, "utf8");
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw new FileError(
      cliTexts.cannotWrite(file, (error as NodeJS.ErrnoException).code ?? String(error))
    );
  }
}
