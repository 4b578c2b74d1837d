/**
 * What the package tests share: ExcelJS's read as the command does it, and a
 * snapshot's meaning (what the contract fixes). Used by equivalence.test.ts and by the
 * LibreOffice round trip (test/xlsx/roundtrip.test.ts).
 */
import type ExcelJS from "exceljs";
import { newWorkbook } from "../../../src/cli/exceljs";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { repairLoadedTables } from "../../../src/xlsx";
import type { Part } from "../../../src/xlsx/package/zip";

/** ExcelJS's read as the command does it (src/cli/files.ts). */
export async function excelJs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = newWorkbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  repairLoadedTables(workbook);
  return workbook;
}

/**
 * The snapshot's meaning without what the contract leaves open: trailing empty cells and
 * rows ("missing cells are empty"). ExcelJS lays out every cell of a merged area and a
 * hyperlink on an empty cell as a cell of its own, so its rows run on with nulls.
 */
export function meaning(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const trim = (sheet: SheetSnapshot): SheetSnapshot => {
    const values = sheet.values.map((row) => {
      const cells = [...row];
      while (cells.length > 0 && (cells[cells.length - 1] ?? null) === null) cells.pop();
      return cells;
    });
    while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
    return { ...sheet, values };
  };
  return { ...snapshot, sheets: snapshot.sheets.map(trim) };
}

/** The parts whose bytes differ between two part lists, and those only in one (`-name`). */
export function changedParts(before: Part[], after: Part[]): string[] {
  const old = new Map(before.map((p) => [p.name, p.data]));
  const changed: string[] = [];
  for (const part of after) {
    const was = old.get(part.name);
    if (!was || !was.equals(part.data)) changed.push(part.name);
    old.delete(part.name);
  }
  return [...changed, ...[...old.keys()].map((n) => `-${n}`)].sort();
}
