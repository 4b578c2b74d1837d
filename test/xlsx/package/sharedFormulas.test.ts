/**
 * Shared formulas in a sheet the command writes into (review of issue 18): the followers of a
 * group keep their formulas when the master cell is written over.
 */
import ExcelJS from "exceljs";
import { applyToPackage } from "../../../src/xlsx/package/apply";
import { unshareFormulas } from "../../../src/xlsx/package/sharedFormulas";
import { packageFullSnapshot } from "../../../src/xlsx/package/snapshot";
import { readPackage } from "../../../src/xlsx/package/zip";
import JSZip from "jszip";

test("each cell of a shared group gets its own formula, slid from the master; values stay", () => {
  const xml =
    '<sheetData><row r="2"><c r="B2" t="str"><f t="shared" ref="B2:B4" si="0">Werkervaring!A2&amp;" x"</f><v>Jan x</v></c></row>' +
    '<row r="3"><c r="B3" t="str"><f t="shared" si="0"/><v>Piet x</v></c></row>' +
    '<row r="4"><c r="B4" t="str"><f t="shared" si="0"></f><v>Els x</v></c></row></sheetData>';
  expect(unshareFormulas(xml)).toBe(
    '<sheetData><row r="2"><c r="B2" t="str"><f>Werkervaring!A2&amp;" x"</f><v>Jan x</v></c></row>' +
      '<row r="3"><c r="B3" t="str"><f>Werkervaring!A3&amp;" x"</f><v>Piet x</v></c></row>' +
      '<row r="4"><c r="B4" t="str"><f>Werkervaring!A4&amp;" x"</f><v>Els x</v></c></row></sheetData>'
  );
  // Nothing shared: the text as it was.
  expect(unshareFormulas('<c r="A1"><f>1+1</f><v>2</v></c>')).toBe(
    '<c r="A1"><f>1+1</f><v>2</v></c>'
  );
});

test("writing over the master of a filled-down group leaves every follower its formula", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Notities");
  ["Jan", "Piet", "Els"].forEach((name, i) => (sheet.getCell(`A${i + 2}`).value = name));
  sheet.getCell("B2").value = {
    formula: "A2",
    result: "Jan",
    shareType: "shared",
    ref: "B2:B4",
  } as ExcelJS.CellValue;
  sheet.getCell("B3").value = { sharedFormula: "B2", result: "Piet" } as ExcelJS.CellValue;
  sheet.getCell("B4").value = { sharedFormula: "B2", result: "Els" } as ExcelJS.CellValue;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  // The file really holds a shared group (else this test would prove nothing).
  const zip = await JSZip.loadAsync(bytes);
  expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toMatch(/t="shared"/);

  const pkg = await readPackage(bytes);
  const { parts } = applyToPackage(pkg, [
    { kind: "writeValues", sheet: "Notities", at: "B2", values: [["Kandidaat 01"]] },
  ]);
  const part = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
  expect(part.data.toString("utf8")).not.toMatch(/t="shared"/);
  const after = packageFullSnapshot(await readPackage(await zipOf(parts)));
  const notities = after.sheets.find((s) => s.name === "Notities")!;
  expect(notities.values[1][1]).toBe("Kandidaat 01");
  expect(notities.formulas?.[2]?.[1]).toBe("=A3");
  expect(notities.formulas?.[3]?.[1]).toBe("=A4");
  expect(notities.values[2][1]).toBe("Piet");
});

/** The parts as a zip's bytes. */
async function zipOf(parts: Array<{ name: string; data: Buffer }>): Promise<Buffer> {
  const zip = new JSZip();
  for (const part of parts) zip.file(part.name, part.data);
  return zip.generateAsync({ type: "nodebuffer" });
}
