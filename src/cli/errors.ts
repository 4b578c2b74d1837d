/**
 * The command's errors that the user can fix, shared by files.ts and formats.ts; and the
 * file-system errors of the operating system, said in Dutch with the path and what to do.
 */
import path from "path";
import { fileTexts, type FileAction } from "./texts";

/** A problem with a file that the user can fix (exit code 2). */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileError";
  }
}

/**
 * Whether an error is the operating system's (a code such as ENOENT or EACCES from a system
 * call), as opposed to an error in our own code.
 *
 * @example
 * isSystemError(Object.assign(new Error("x"), { code: "ENOENT", syscall: "open" })); // true
 * isSystemError(new TypeError("Cannot read properties of null")); // false
 */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  // Not `instanceof Error`: an error of another realm (a vm context, jest) is one too.
  if (typeof error !== "object" || error === null) return false;
  const { code, syscall, errno } = error as NodeJS.ErrnoException;
  return (
    typeof code === "string" &&
    /^E[A-Z0-9]+$/.test(code) &&
    (typeof syscall === "string" || typeof errno === "number")
  );
}

/**
 * A file-system error on `file` as a {@link FileError} in Dutch: the path, what went wrong
 * and what to do (a missing folder, no rights, a full disk, a file locked by Excel, …).
 *
 * @example
 * fileSystemError("write", "map/uit.xlsx", enoent).message;
 * // "Kan 'map/uit.xlsx' niet schrijven: de map 'map' bestaat niet. Maak de map eerst aan, …"
 */
export function fileSystemError(
  action: FileAction,
  file: string,
  error: NodeJS.ErrnoException
): FileError {
  return new FileError(
    fileTexts.fileSystem(action, file, error.code ?? "?", path.dirname(file) || ".")
  );
}
