/**
 * The baseline: a bare ExcelJS read and write of the same file, nothing else. With
 * `writer` as a third argument the write goes through the command's own writer
 * (src/cli/writeXlsx.ts, zlib at level 6) instead of ExcelJS's, so that the command's
 * ratio against it shows what scoring adds, the writer's gain set aside.
 */
import ExcelJS from "exceljs";

async function main(input: string, output: string, mode?: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  if (mode === "writer") {
    // Loaded only here, so that the plain baseline loads nothing of the command.
    const { writeXlsx } = await import("../src/cli/writeXlsx");
    await writeXlsx(workbook, output, 6);
  } else {
    await workbook.xlsx.writeFile(output);
  }
}

void main(process.argv[2], process.argv[3], process.argv[4]);
