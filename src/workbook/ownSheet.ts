/**
 * Sheets the add-in owns and rewrites whole (`Ranking`, `Afwijzingen`): before
 * rewriting one, make sure it is ours, so a user's sheet of the same name is never lost.
 */
import { readText } from "../engine";
import { WorkbookError } from "./problems";
import { findSheet, type WorkbookSnapshot } from "./snapshot";
import { fatalMessages } from "./texts";

/**
 * Refuses an existing sheet of that name that has content but does not start with
 * our title (its first word, as written in A1 by the add-in).
 *
 * @throws WorkbookError naming the sheet.
 * @example
 * checkOwnSheet(snapshot, "Ranking", "Ranking"); // throws when 'Ranking' holds the user's notes
 */
export function checkOwnSheet(snapshot: WorkbookSnapshot, name: string, title: string): void {
  const existing = findSheet(snapshot, name);
  if (!existing) return;
  const hasContent = existing.values.some((row) => row.some((v) => readText(v) !== ""));
  const ourTitle = title.split(" ")[0];
  if (hasContent && !readText(existing.values[0]?.[0]).startsWith(ourTitle)) {
    throw new WorkbookError(fatalMessages.foreignSheet(existing.name));
  }
}
