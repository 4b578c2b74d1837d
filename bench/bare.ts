/** The baseline: a bare ExcelJS read and write of the same file, nothing else. */
import ExcelJS from "exceljs";

async function main(input: string, output: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
}

void main(process.argv[2], process.argv[3]);
