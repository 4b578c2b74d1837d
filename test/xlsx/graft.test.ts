/**
 * The graft of test/xlsx/graft.ts, which the foreign-workbook test relies on: the grafted
 * `Kandidaten` sheet is a real sheet (our reader scores its candidates as expected;
 * LibreOffice reads its headers and names) and every other part keeps its bytes, also in a
 * package with a prefixed workbook part under another name and absolute targets, a Strict
 * OOXML workbook and a workbook with AlternateContent (the last two from ../shared/foreign-xlsx).
 */
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import { planScore } from "../../src/workbook/score";
import { readSnapshot } from "../../src/xlsx";
import { candidateInputColumns } from "../../src/workbook/layout";
import { request17040 } from "../../src/engine";
import { scratch } from "../cli/helpers";
import {
  changedForeignParts,
  graftedCandidates,
  graftKandidaten,
  ownedPartNames,
  Package,
  sheetParts,
} from "./graft";
import { convert, csvAllSheets, csvRows, soffice } from "./libreoffice";

const headers = candidateInputColumns(request17040).map((c) => c.header);
const names = graftedCandidates.map((c) => c.values.name);

/** Every part's bytes by name. */
async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const pkg = await Package.open(bytes);
  const all = new Map<string, Buffer>();
  for (const name of pkg.names()) all.set(name, Buffer.from((await pkg.bytes(name))!));
  return all;
}

/** The names of the parts whose bytes differ between two packages, and those only in `after`. */
async function difference(before: Uint8Array, after: Uint8Array) {
  const a = await parts(before);
  const b = await parts(after);
  return {
    changed: [...a.keys()].filter((n) => !b.get(n)?.equals(a.get(n)!)).sort(),
    added: [...b.keys()].filter((n) => !a.has(n)).sort(),
  };
}

/** A package with a prefixed workbook part at /book/main.xml, absolute targets, no styles. */
async function oddPackage(): Promise<Uint8Array> {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/book/main.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/book/s/one.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `</Types>`
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pkgRel}"><Relationship Id="R9" Type="${rel}/officeDocument" Target="/book/main.xml"/></Relationships>`
  );
  zip.file(
    "book/main.xml",
    `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${main}" xmlns:rel="${rel}"><x:sheets><x:sheet name="Eén" sheetId="7" rel:id="rId1"/></x:sheets></x:workbook>`
  );
  zip.file(
    "book/_rels/main.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pkgRel}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/book/s/one.xml"/></Relationships>`
  );
  zip.file(
    "book/s/one.xml",
    `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hallo</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`
  );
  return zip.generateAsync({ type: "uint8array" });
}

test("an ExcelJS workbook: the grafted sheet scores as expected, every other part keeps its bytes", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Data");
  sheet.addRow(["tekst", 1, new Date(Date.UTC(2024, 0, 2))]);
  const input = new Uint8Array(await workbook.xlsx.writeBuffer());
  const grafted = await graftKandidaten(input);

  expect(grafted.sheetPart).toBe("xl/worksheets/sheet2.xml");
  expect(await difference(input, grafted.bytes)).toEqual({
    changed: ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"],
    added: ["xl/worksheets/sheet2.xml"],
  });

  const read = new ExcelJS.Workbook();
  await read.xlsx.load(grafted.bytes.slice().buffer);
  expect(read.worksheets.map((s) => s.name)).toEqual(["Data", "Kandidaten"]);
  const plan = planScore(readSnapshot(read), { preset: "17040" });
  expect(
    plan.evaluation.candidates.map((c) => ({
      name: c.name,
      status: c.status,
      failed: c.failed,
      score: c.score,
      rank: c.rank,
    }))
  ).toEqual(graftedCandidates.map((c) => ({ name: c.values.name, ...c.expected })));

  // What the command owns here: the grafted sheet, and the parts every writer may touch.
  const owned = await ownedPartNames(await Package.open(grafted.bytes));
  expect([...owned.keys()].sort()).toEqual(
    [
      "[Content_Types].xml",
      "docProps/app.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet2.xml",
    ].sort()
  );
  // A part changed in OUT is named; an owned one is not.
  const out = await JSZip.loadAsync(grafted.bytes);
  out.file("xl/worksheets/sheet1.xml", "<changed/>");
  out.file("xl/styles.xml", "<changed/>");
  out.remove("xl/theme/theme1.xml");
  const changed = await changedForeignParts(
    grafted.bytes,
    await out.generateAsync({ type: "uint8array" })
  );
  expect({ missing: changed.missing, changed: changed.changed }).toEqual({
    missing: ["xl/theme/theme1.xml"],
    changed: ["xl/worksheets/sheet1.xml"],
  });
});

test("a prefixed workbook part under another name, absolute targets: grafted beside it, nothing else touched", async () => {
  const input = await oddPackage();
  const grafted = await graftKandidaten(input);
  expect(grafted.sheetPart).toBe("book/worksheets/sheet1.xml");
  expect(await difference(input, grafted.bytes)).toEqual({
    changed: ["[Content_Types].xml", "book/_rels/main.xml.rels", "book/main.xml"],
    added: ["book/worksheets/sheet1.xml"],
  });
  const pkg = await Package.open(grafted.bytes);
  expect(await sheetParts(pkg)).toEqual([
    { name: "Eén", part: "book/s/one.xml" },
    { name: "Kandidaten", part: "book/worksheets/sheet1.xml" },
  ]);
  const workbookXml = (await pkg.text("book/main.xml"))!;
  expect(workbookXml).toContain(
    `<x:sheet name="Eén" sheetId="7" rel:id="rId1"/><x:sheet name="Kandidaten" sheetId="8" rel:id="rId2"/></x:sheets>`
  );
  await expect(graftKandidaten(grafted.bytes)).rejects.toThrow(
    "already has a sheet named Kandidaten"
  );
});

const folder = path.resolve(__dirname, "../../../shared/foreign-xlsx");
const foreign = ["poi/SimpleStrict.xlsx", "poi/style-alternate-content.xlsx", "poi/bug66675.xlsx"];
const withLibreOffice = soffice ? describe : describe.skip;
if (!fs.existsSync(folder)) console.warn(`${folder} is absent: graft of foreign files not tested.`);

withLibreOffice("LibreOffice reads the grafted sheet", () => {
  const dir = scratch();
  const inputs = new Map<string, Uint8Array>();

  beforeAll(async () => {
    inputs.set("odd", await oddPackage());
    if (fs.existsSync(folder))
      for (const file of foreign)
        inputs.set(path.basename(file, ".xlsx"), fs.readFileSync(path.join(folder, file)));
    const files: string[] = [];
    for (const [name, bytes] of inputs) {
      const file = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(file, (await graftKandidaten(bytes)).bytes);
      files.push(file);
    }
    convert(dir, files, csvAllSheets, path.join(dir, "csv"), 240_000);
  }, 300_000);

  test.each(["odd", ...foreign.map((f) => path.basename(f, ".xlsx"))])(
    "%s: the headers and the candidates' names read back",
    (name) => {
      expect(inputs.has(name)).toBe(true);
      const csv = path.join(dir, "csv", `${name}-Kandidaten.csv`);
      const rows = csvRows(fs.readFileSync(csv, "utf8"));
      expect(rows[0]).toEqual(headers);
      expect(rows.slice(1).map((r) => r[0])).toEqual(names);
    }
  );

  test("the Strict workbook is grafted as Strict", async () => {
    expect(inputs.has("SimpleStrict")).toBe(true);
    const grafted = await graftKandidaten(inputs.get("SimpleStrict")!);
    expect(grafted.strict).toBe(true);
    const pkg = await Package.open(grafted.bytes);
    expect(await pkg.text(grafted.sheetPart)).toContain(
      'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'
    );
  });
});
