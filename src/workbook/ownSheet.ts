/**
 * Sheets the add-in owns and rewrites whole (`Ranking`, `Afwijzingen`, `Verantwoording`): before
 * rewriting one, make sure it is ours, so a user's sheet of the same name is never lost.
 */
import { readText, type CellValue } from "../engine";
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
  if (!existing) {
    const key = name.toLocaleLowerCase("nl-NL");
    checkOwnHead(
      snapshot.heads?.find((h) => h.name.toLocaleLowerCase("nl-NL") === key),
      title
    );
    return;
  }
  checkOwnHead(
    {
      name: existing.name,
      first: existing.values[0]?.[0] ?? null,
      hasContent: existing.values.some((row) => row.some((v) => readText(v) !== "")),
    },
    title
  );
}

/**
 * The same check from a sheet's head only (its A1 and whether it holds anything),
 * for a host that need not read the whole sheet; no head means no such sheet.
 *
 * @throws WorkbookError naming the sheet.
 * @example
 * checkOwnHead({ name: "Afwijzingen", first: "Mijn notities", hasContent: true }, "Afwijzingen"); // throws
 */
export function checkOwnHead(
  head: { name: string; first: CellValue; hasContent: boolean } | undefined,
  title: string
): void {
  if (!head) return;
  const ourTitle = title.split(" ")[0];
  if (head.hasContent && !readText(head.first).startsWith(ourTitle)) {
    throw new WorkbookError(fatalMessages.foreignSheet(head.name));
  }
}
