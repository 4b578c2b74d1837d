/**
 * ExcelJS's workbook class on its own, loaded on first use. The package's entry point also
 * loads its streaming reader and writer (unzipper, archiver and their polyfills), which the
 * commands never use and which take about half of ExcelJS's load time; and `score`, `verify`,
 * `opschonen` and `cv` read and write the file's package themselves, never through ExcelJS, so
 * they do not load it at all (0.15-0.2 CPU-s less at every start).
 */
import type ExcelJS from "exceljs";

let workbookClass: typeof ExcelJS.Workbook | undefined;

/** A new, empty `ExcelJS.Workbook` (the very same class), ExcelJS loaded on the first call. */
export function newWorkbook(): ExcelJS.Workbook {
  workbookClass ??= require("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook;
  return new workbookClass();
}
