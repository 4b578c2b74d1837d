/** The workbook layer over ExcelJS: snapshots from `.xlsx` files and changes applied to them. */
export { fullSnapshot, readSnapshot, repairLoadedTables, sheetSnapshot, toCellValue } from "./read";
export { applyChanges, shareEmptyStyles, type ApplyReport } from "./apply";
