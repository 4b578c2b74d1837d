/**
 * What the command does with the user's package (issue 18): an `.xlsm` keeps its macros in
 * an `.xlsm` OUT, the parts the command does not own keep their bytes, and temporary files
 * that a killed run left behind are cleaned up.
 */
import fs from "fs";
import path from "path";
import { workbookParts } from "../../src/xlsx/package/parts";
import { readPackage, writePackage, type Part } from "../../src/xlsx/package/zip";
import { awardscore, root, scratch } from "./helpers";

const example = path.join(root, "examples/aanvraag-17040.xlsx");
const MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** The example as an `.xlsm`: the workbook's content type for macros and a VBA project part. */
async function exampleWithMacros(file: string, vba: Buffer): Promise<void> {
  const pkg = await readPackage(fs.readFileSync(example));
  const workbook = workbookParts(pkg).workbook;
  const parts: Part[] = pkg.parts.map((part) => {
    const text = part.data.toString("utf8");
    if (part.name === "[Content_Types].xml")
      return {
        name: part.name,
        data: Buffer.from(
          text
            .replace(
              /(<Override PartName="\/xl\/workbook\.xml" ContentType=")[^"]*"/,
              `$1${MACRO_TYPE}"`
            )
            .replace(
              "</Types>",
              '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
            )
        ),
      };
    if (part.name === `xl/_rels/${path.basename(workbook)}.rels`)
      return {
        name: part.name,
        data: Buffer.from(
          text.replace(
            "</Relationships>",
            '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'
          )
        ),
      };
    return part;
  });
  parts.push({ name: "xl/vbaProject.bin", data: vba });
  await writePackage(parts, file);
}

describe("a workbook with macros (.xlsm)", () => {
  const dir = scratch();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const vba = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));

  test("is scored into an .xlsm that keeps the macros byte for byte, and says so", async () => {
    const input = path.join(dir, "aanvraag.xlsm");
    await exampleWithMacros(input, vba);
    const ran = await awardscore("score", input);
    expect(ran.code).toBe(0);
    const out = path.join(dir, "aanvraag-beoordeeld.xlsm");
    expect(ran.stdout).toContain(out);
    expect(ran.stdout).toMatch(/macro's/);
    const pkg = await readPackage(fs.readFileSync(out));
    expect(pkg.get("xl/vbaProject.bin")?.data.equals(vba)).toBe(true);
    expect(pkg.text("[Content_Types].xml")).toContain(MACRO_TYPE);
    expect(workbookParts(pkg).sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Kandidaten", "Ranking", "Afwijzingen", "Verantwoording"])
    );
  });

  test("an .xlsx OUT for it is refused before anything is written, saying why", async () => {
    const input = path.join(dir, "macro.xlsm");
    await exampleWithMacros(input, vba);
    const out = path.join(dir, "macro-uit.xlsx");
    const ran = await awardscore("score", input, "--out", out);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/macro's/);
    expect(ran.stderr).toMatch(/\.xlsm/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

test("the example scored: every part the command does not own keeps its bytes", async () => {
  const dir = scratch();
  const out = path.join(dir, "uit.xlsx");
  expect((await awardscore("score", example, "--out", out)).code).toBe(0);
  const before = await readPackage(fs.readFileSync(example));
  const after = await readPackage(fs.readFileSync(out));
  const sheets = workbookParts(before).sheets;
  const part = (name: string) => sheets.find((s) => s.name === name)!.part!;
  // What scoring changes in the example: the Kandidaten sheet, the Werkervaring table it
  // grows, the Ranking sheet it rewrites, and the workbook's own lists of parts and styles.
  const owned = new Set([
    part("Kandidaten"),
    part("Ranking"),
    `xl/worksheets/_rels/${path.basename(part("Ranking"))}.rels`,
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "xl/styles.xml",
    "xl/tables/table6.xml", // Werkervaring, grown over the rows typed below it
  ]);
  const changed = before.parts
    .filter((p) => !owned.has(p.name))
    .filter((p) => !after.get(p.name)?.data.equals(p.data))
    .map((p) => p.name);
  expect(changed).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a temporary file that a killed run left beside OUT is removed; one of a running process is not", async () => {
  const dir = scratch();
  const out = path.join(dir, "uit.xlsx");
  // A process id that is not running here.
  let gone = 999_999;
  for (; ; gone++) {
    try {
      process.kill(gone, 0);
    } catch {
      break;
    }
  }
  const stale = path.join(dir, `.uit.xlsx.${gone}.tmp`);
  const running = path.join(dir, `.uit.xlsx.${process.ppid}.tmp`);
  fs.writeFileSync(stale, "");
  fs.writeFileSync(running, "");
  expect((await awardscore("score", example, "--out", out)).code).toBe(0);
  expect(fs.existsSync(stale)).toBe(false);
  expect(fs.existsSync(running)).toBe(true);
  fs.rmSync(dir, { recursive: true, force: true });
});
