/** Why a CV file could not be read: one error type with a code and a Dutch message naming the file. */

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
