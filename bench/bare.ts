/**
 * The baseline: a bare ExcelJS read and write of the same file, nothing else; with
 * ExcelJS's default deflate level, or the level given as a third argument.
 */
import ExcelJS from "exceljs";

async function main(input: string, output: string, level?: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  const zip = level ? { compressionOptions: { level: Number(level) } } : {};
  await workbook.xlsx.writeFile(output, { zip });
}

void main(process.argv[2], process.argv[3], process.argv[4]);
