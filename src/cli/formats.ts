/**
 * What kind of file the user gave, from its first (and last) bytes, before anything reads it
 * as a workbook; and, for the formats LibreOffice can turn into one, that conversion.
 *
 * Decision (issue 18, also in the README): an `.xlsx` or `.xlsm` (a zip with macros; an
 * `.xlsx` all the same) is read as it is. An `.ods` (a zip whose `mimetype` entry says
 * `application/vnd.oasis.opendocument.spreadsheet`) or an `.xls` (an OLE2 compound file,
 * magic D0 CF 11 E0 A1 B1 1A E1) is, where `soffice` (or `libreoffice`) is on PATH, first
 * converted to a temporary `.xlsx` with a private LibreOffice profile
 * (`-env:UserInstallation=file://TMP`, `--convert-to xlsx --outdir TMP`, stopped after 60 s)
 * from a copy of the input (so no lock file ever appears beside it), and the command says so
 * on stderr; OUT keeps IN's base name with `.xlsx`. Without LibreOffice each gets a Dutch
 * message naming the format and how to save it as `.xlsx`. An encrypted `.xlsx` (an OLE2 file
 * with an `EncryptionInfo` stream), an `.xlsb` (a zip with `xl/workbook.bin`) and a file that
 * is no zip at all are never converted: each has its own message.
 */
import { execFile } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import { fileTexts } from "./texts";
import { FileError } from "./errors";

/** The kinds of input told apart by {@link detectFormat}. */
export type InputFormat = "xlsx" | "ods" | "xls" | "encrypted" | "xlsb" | "notZip";

/** How many bytes of the start and of the end of a zip are looked at (its central directory is at the end). */
const ZIP_WINDOW = 64 * 1024;
/** An OLE2 compound file (`.xls`, an encrypted `.xlsx`) is read whole up to this size to find its stream names. */
const OLE_LIMIT = 256 * 1024 * 1024;
/** How long LibreOffice may take to convert one file. */
export const CONVERSION_TIMEOUT_MS = 60_000;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ODS_MIMETYPE = Buffer.from("application/vnd.oasis.opendocument.spreadsheet", "latin1");
const XLSB_PART = Buffer.from("xl/workbook.bin", "latin1");
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

/**
 * The format of a file from its bytes: `head` is its start, `tail` its end (the same bytes
 * for a small file), `whole` all of it when it is an OLE2 file (see {@link readForDetection}).
 *
 * @example
 * detectFormat(Buffer.from("PK\x03\x04…")); // "xlsx"
 * detectFormat(Buffer.from("Naam;Uurtarief")); // "notZip"
 */
export function detectFormat(head: Buffer, tail: Buffer = head): InputFormat {
  if (head.subarray(0, 8).equals(OLE_MAGIC))
    return head.includes(ENCRYPTION_INFO) || tail.includes(ENCRYPTION_INFO) ? "encrypted" : "xls";
  const zip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b; // "PK"
  if (!zip) return "notZip";
  if (head.includes(ODS_MIMETYPE) && head.subarray(0, 200).includes(Buffer.from("mimetype")))
    return "ods";
  if (head.includes(XLSB_PART) || tail.includes(XLSB_PART)) return "xlsb";
  return "xlsx";
}

/**
 * The bytes {@link detectFormat} needs: the first and last 64 KB of a file, or the whole of an
 * OLE2 file (its directory may be anywhere), up to 256 MB.
 *
 * @example
 * const { head, tail } = await readForDetection("aanvraag.xlsx");
 */
export async function readForDetection(file: string): Promise<{ head: Buffer; tail: Buffer }> {
  const handle = await fs.promises.open(file, "r");
  try {
    const { size } = await handle.stat();
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const head = await read(0, Math.min(size, ZIP_WINDOW));
    if (head.subarray(0, 8).equals(OLE_MAGIC)) {
      const whole = await read(0, Math.min(size, OLE_LIMIT));
      return { head: whole, tail: whole };
    }
    const tail = size > ZIP_WINDOW ? await read(size - ZIP_WINDOW, ZIP_WINDOW) : head;
    return { head, tail };
  } finally {
    await handle.close();
  }
}

/** The path of an executable on PATH, or null. */
export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const extensions = process.platform === "win32" ? [".exe", ".com", ""] : [""];
  for (const folder of (env.PATH ?? "").split(path.delimiter)) {
    if (folder === "") continue;
    for (const extension of extensions) {
      const candidate = path.join(folder, command + extension);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** LibreOffice's command, when it is on PATH. */
export function findLibreOffice(): string | null {
  return onPath("soffice") ?? onPath("libreoffice");
}

/** The input as a path to read as `.xlsx`, and what to clean up afterwards. */
export interface ReadableInput {
  /** The file to read: the input itself, or the temporary `.xlsx` LibreOffice made of it. */
  path: string;
  /** Removes the temporary folder of a conversion (nothing for an `.xlsx`). */
  cleanup(): Promise<void>;
}

/** Runs LibreOffice, resolving with its exit (or the error that stopped it). */
function runLibreOffice(
  soffice: string,
  args: string[]
): Promise<{ error: (Error & { killed?: boolean; code?: unknown }) | null }> {
  return new Promise((resolve) => {
    execFile(
      soffice,
      args,
      { timeout: CONVERSION_TIMEOUT_MS, killSignal: "SIGKILL", windowsHide: true },
      (error) => resolve({ error })
    );
  });
}

/**
 * The file to read as `.xlsx` for `file`: the file itself when it is an `.xlsx` (or `.xlsm`),
 * a temporary conversion by LibreOffice of an `.ods` or `.xls` (saying so through `notify`).
 *
 * @throws FileError (Dutch, naming the format and how to save as `.xlsx`) for an encrypted
 *   file, an `.xlsb`, a file that is no spreadsheet, or an `.ods`/`.xls` that cannot be converted.
 * @example
 * const input = await readableInput("aanvraag.ods", console.error);
 * try { read(input.path); } finally { await input.cleanup(); }
 */
export async function readableInput(
  file: string,
  notify: (text: string) => void
): Promise<ReadableInput> {
  const { head, tail } = await readForDetection(file);
  const format = detectFormat(head, tail);
  switch (format) {
    case "xlsx":
      return { path: file, cleanup: async () => {} };
    case "notZip":
      throw new FileError(fileTexts.notZip(file));
    case "encrypted":
      throw new FileError(fileTexts.encrypted(file));
    case "xlsb":
      throw new FileError(fileTexts.xlsb(file));
    case "ods":
    case "xls":
      return convertWithLibreOffice(file, format, notify);
  }
}

/** An `.ods` or `.xls` converted by LibreOffice to a temporary `.xlsx` (see the module's decision). */
async function convertWithLibreOffice(
  file: string,
  format: "ods" | "xls",
  notify: (text: string) => void
): Promise<ReadableInput> {
  const soffice = findLibreOffice();
  if (!soffice) throw new FileError(format === "ods" ? fileTexts.ods(file) : fileTexts.xls(file));
  const formatName = fileTexts.formatName[format];
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "awardscore-omzetten-"));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    // A copy under a plain name: LibreOffice never sees (nor locks) the user's file.
    const copy = path.join(dir, `werkmap.${format}`);
    await fs.promises.copyFile(file, copy);
    const outdir = path.join(dir, "uit");
    const { error } = await runLibreOffice(soffice, [
      `-env:UserInstallation=${pathToFileURL(path.join(dir, "profiel")).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      outdir,
      copy,
    ]);
    const converted = path.join(outdir, "werkmap.xlsx");
    if (error || !fs.existsSync(converted)) {
      const reason = error?.killed
        ? fileTexts.conversionTimedOut
        : typeof error?.code === "number"
          ? fileTexts.conversionExitCode(error.code)
          : error
            ? fileTexts.conversionError(String(error.code ?? "?"))
            : fileTexts.conversionNoResult;
      throw new FileError(fileTexts.conversionFailed(file, formatName, reason));
    }
    notify(fileTexts.converted(file, formatName));
    return { path: converted, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
