/**
 * Why a CV file could not be read: one error type with a code and a Dutch message naming the
 * file; and the size limit, checked here without loading the readers (the pane imports this
 * lazily to refuse a file by its size before reading its bytes).
 */
import { readTexts } from "../texts";

/** What went wrong reading a CV file (the message says it in Dutch, naming the file). */
export type CvReadErrorCode =
  "encrypted" | "noText" | "oldWord" | "unknownFormat" | "damaged" | "tooLarge";

/**
 * A CV file that cannot be read: `code` says why, `message` says it in Dutch and names `file`.
 *
 * @example
 * try { await readCv("jansen.pdf", bytes) } catch (e) { if (e instanceof CvReadError) show(e.message) }
 */
export class CvReadError extends Error {
  /** The file's name as the user gave it. */
  readonly file: string;
  readonly code: CvReadErrorCode;

  /** An error of `code` for `file` with the Dutch `message` (from src/cv/texts.ts). */
  constructor(file: string, code: CvReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CvReadError";
    this.file = file;
    this.code = code;
  }
}

/** The largest CV file read, in MB (a CV is rarely above 5 MB; a scan is refused anyway). */
export const MAX_FILE_MB = 20;

/**
 * The tooLarge error for a CV file of `size` bytes above {@link MAX_FILE_MB}, or null when it
 * is not too large: lets the command and the pane refuse a file before reading it into memory.
 *
 * @example
 * const refused = tooLargeError("jansen.pdf", fs.statSync(path).size); if (refused) throw refused;
 */
export function tooLargeError(file: string, size: number): CvReadError | null {
  if (size <= MAX_FILE_MB * 1024 * 1024) return null;
  return new CvReadError(
    file,
    "tooLarge",
    readTexts.tooLarge(file, size / (1024 * 1024), MAX_FILE_MB)
  );
}
