/** Writing an ExcelJS workbook to bytes and reading it back, as a file would be. */
import ExcelJS from "exceljs";

/** The workbook after a save and a load. */
export async function reload(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await workbook.xlsx.writeBuffer();
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(buffer as ArrayBuffer);
  return again;
}
