/**
 * ExcelJS's workbook class on its own. The package's entry point also loads its
 * streaming reader and writer (unzipper, archiver and their polyfills), which the
 * commands never use and which take about half of ExcelJS's load time; a command
 * that scores a file pays that on every run.
 */
import type ExcelJS from "exceljs";

/** `ExcelJS.Workbook`, the very same class, without the rest of the package. */
export const Workbook: typeof ExcelJS.Workbook = require("exceljs/lib/doc/workbook");
