/**
 * The score use case composed once (src/workbook/scoreRun.ts), as both hosts run it: the
 * command puts the sheets a scoring rewrites into the snapshot whole, the add-in only their
 * heads. The guard must give the same verdict either way, for each of those sheets.
 */
import type { CellValue } from "../../src/engine";
import { checkScoreRunSheets, planScoreRun, scoreRunOwnSheets } from "../../src/workbook/scoreRun";
import type { SheetHeadSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import {
  fatalMessages,
  rankingTexts,
  recordTexts,
  rejectionTexts,
  sheetNames,
} from "../../src/workbook/texts";
import { candidatesSheet, passing, sheet, snapshotOf } from "./helpers";

const preset = { preset: "17040" };
const people = [passing, { ...passing, Kandidaat: "Bert", Uurtarief: 80 }];

/** The title each own sheet gets from a scoring (A1), by sheet name. */
const ourTitle: Record<string, string> = {
  [sheetNames.ranking]: rankingTexts.title("17040", "Klantmanager"),
  [rejectionTexts.sheet]: rejectionTexts.title("17040", "Klantmanager"),
  [recordTexts.sheet]: recordTexts.title("17040", "Klantmanager"),
};

/** What a sheet of that name may hold, and whether a scoring may rewrite it. */
const contents: Array<{ what: string; rows: (name: string) => CellValue[][]; ours: boolean }> = [
  { what: "the user's notes in A1", rows: () => [["Mijn notities"]], ours: false },
  {
    what: "A1 empty, the user's notes below",
    rows: () => [[null], [null, "mijn tekst"]],
    ours: false,
  },
  { what: "nothing at all", rows: () => [[null]], ours: true },
  { what: "an earlier scoring's output", rows: (name) => [[ourTitle[name]], ["…"]], ours: true },
];

/** The sheet as the command reads it: whole, beside the inputs. */
function whole(name: string, rows: CellValue[][]): WorkbookSnapshot {
  return snapshotOf(candidatesSheet(people), sheet(name, rows));
}

/** The sheet as the add-in reads it: only its head. */
function headOnly(name: string, rows: CellValue[][]): WorkbookSnapshot {
  const head: SheetHeadSnapshot = {
    name,
    first: rows[0]?.[0] ?? null,
    hasContent: rows.some((row) => row.some((v) => v !== null && v !== "")),
  };
  return { ...snapshotOf(candidatesSheet(people)), heads: [head] };
}

test("the sheets every scoring rewrites whole are Ranking, Afwijzingen and Verantwoording", () => {
  expect([...scoreRunOwnSheets].sort()).toEqual(
    [sheetNames.ranking, rejectionTexts.sheet, recordTexts.sheet].sort()
  );
  // Every one of them is written by the run (reset, then filled), so every one needs the guard.
  const run = planScoreRun(snapshotOf(candidatesSheet(people)), preset);
  const reset = run.changes.filter((c) => c.kind === "resetSheet").map((c) => c.sheet);
  for (const name of scoreRunOwnSheets) expect(reset).toContain(name);
});

describe.each([...scoreRunOwnSheets])("a sheet '%s' that already exists", (name) => {
  test.each(contents)(
    "holding $what: the same verdict read whole or by its head",
    ({ rows, ours }) => {
      for (const read of [whole, headOnly]) {
        const snapshot = read(name, rows(name));
        if (ours) {
          expect(() => checkScoreRunSheets(snapshot)).not.toThrow();
          const run = planScoreRun(snapshot, preset);
          expect(run.changes.some((c) => c.kind === "resetSheet" && c.sheet === name)).toBe(true);
        } else {
          expect(() => checkScoreRunSheets(snapshot)).toThrow(fatalMessages.foreignSheet(name));
          expect(() => planScoreRun(snapshot, preset)).toThrow(fatalMessages.foreignSheet(name));
        }
      }
    }
  );
});
