/**
 * The package reader on tiny hand-made packages, one rule each: how parts are found, how
 * cells are read, and that hostile input is refused or costs nothing.
 */
import { ZipFile } from "yazl";
import { packageFullSnapshot, packageSnapshot } from "../../../src/xlsx/package/snapshot";
import { isDateFormat } from "../../../src/xlsx/package/strings";
import { LIMITS, readPackage, type Package } from "../../../src/xlsx/package/zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** A zip of these parts, as bytes. */
function zip(parts: Record<string, string>): Promise<Buffer> {
  const file = new ZipFile();
  for (const [name, text] of Object.entries(parts)) file.addBuffer(Buffer.from(text), name);
  file.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    file.outputStream.on("data", (c: Buffer) => chunks.push(c));
    file.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    file.outputStream.on("error", reject);
  });
}

interface Options {
  workbook?: string;
  sheetPart?: string;
  /** How the workbook's relationship names the sheet (default: relative to the workbook). */
  sheetTarget?: string;
  main?: string;
  rel?: string;
  workbookPr?: string;
  extra?: Record<string, string>;
  sheetRels?: string;
  sheetName?: string;
  definedNames?: string;
}

/** A package with one sheet whose worksheet element holds `body`. */
async function workbook(body: string, o: Options = {}): Promise<Package> {
  const wb = o.workbook ?? "xl/workbook.xml";
  const sheet = o.sheetPart ?? "xl/worksheets/sheet1.xml";
  const main = o.main ?? MAIN;
  const rel = o.rel ?? REL;
  const wbDir = wb.slice(0, wb.lastIndexOf("/"));
  const wbRels = `${wbDir}/_rels/${wb.slice(wb.lastIndexOf("/") + 1)}.rels`;
  const sheetDir = sheet.slice(0, sheet.lastIndexOf("/"));
  const parts: Record<string, string> = {
    "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="/${wb}"/></Relationships>`,
    [wb]: `<workbook xmlns="${main}" xmlns:r="${rel}">${o.workbookPr ?? ""}<sheets><sheet name="${o.sheetName ?? "Kandidaten"}" sheetId="1" r:id="rId1"/></sheets>${o.definedNames ?? ""}</workbook>`,
    [wbRels]: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="${o.sheetTarget ?? `/${sheet}`}"/>${o.extra?.["wbrels"] ?? ""}</Relationships>`,
    [sheet]: `<worksheet xmlns="${main}" xmlns:r="${rel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">${body}</worksheet>`,
  };
  if (o.sheetRels)
    parts[`${sheetDir}/_rels/${sheet.slice(sheet.lastIndexOf("/") + 1)}.rels`] =
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${o.sheetRels}</Relationships>`;
  for (const [name, text] of Object.entries(o.extra ?? {}))
    if (name !== "wbrels") parts[name] = text;
  return readPackage(await zip(parts));
}

const values = (pkg: Package) => packageFullSnapshot(pkg).sheets[0].values;

test("odd part names and absolute targets: xl/wb.xml, /sheets/a.xml, a table at /tables/t.xml", async () => {
  const pkg = await workbook(
    `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c><c r="B1" t="inlineStr"><is><t>Naam</t></is></c></row>` +
      `<row r="2"><c r="A2"><v>7</v></c></row></sheetData><tableParts count="1"><tablePart r:id="rT"/></tableParts>`,
    {
      workbook: "xl/wb.xml",
      sheetPart: "sheets/a.xml",
      sheetTarget: "/sheets/a.xml",
      sheetRels: `<Relationship Id="rT" Type="${REL}/table" Target="/tables/t.xml"/>`,
      extra: {
        "tables/t.xml": `<table xmlns="${MAIN}" id="1" name="Kandidaten" displayName="Kandidaten" ref="A1:B3"><tableColumns count="2"><tableColumn id="1" name="Id"/><tableColumn id="2" name="Naam_x000a_1"/></tableColumns></table>`,
      },
    }
  );
  const sheet = packageSnapshot(pkg).sheets[0];
  expect(sheet.values).toEqual([["Id", "Naam"], [7]]);
  // No headerRowCount: one header row (Excel and LibreOffice leave out the default).
  expect(sheet.tables).toEqual([
    {
      name: "Kandidaten",
      headerRow: 1,
      firstColumn: 1,
      columns: ["Id", "Naam\n1"],
      rowCount: 2,
      totalsRow: false,
    },
  ]);
});

test("relative targets with .. and a table without header row and with a totals row", async () => {
  const pkg = await workbook(`<sheetData/><tableParts><tablePart r:id="rT"/></tableParts>`, {
    sheetTarget: "worksheets/sheet1.xml",
    sheetRels: `<Relationship Id="rT" Type="${REL}/table" Target="../tables/table9.xml"/>`,
    extra: {
      "xl/tables/table9.xml": `<table xmlns="${MAIN}" name="T" displayName="T" ref="B2:C9" headerRowCount="0" totalsRowCount="1"><tableColumns><tableColumn name="a"/><tableColumn name="b"/></tableColumns></table>`,
    },
  });
  expect(packageSnapshot(pkg).sheets[0].tables).toEqual([
    { name: "T", headerRow: 2, firstColumn: 2, columns: ["a", "b"], rowCount: 7, totalsRow: true },
  ]);
});

test('Strict namespaces, ISO dates (t="d") and the 1904 date system with a date format', async () => {
  const styles = `<styleSheet xmlns="${STRICT_MAIN}"><numFmts><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>`;
  const pkg = await workbook(
    `<sheetData><row r="1"><c r="A1" t="d"><v>1990-01-01T12:00:00</v></c><c r="B1" s="1"><v>0</v></c><c r="C1" s="2"><v>1</v></c><c r="D1" s="3"><v>1.5</v></c></row></sheetData>`,
    {
      main: STRICT_MAIN,
      rel: STRICT_REL,
      workbookPr: `<workbookPr date1904="1"/>`,
      extra: {
        wbrels: `<Relationship Id="rS" Type="${STRICT_REL}/styles" Target="styles.xml"/>`,
        "xl/styles.xml": styles,
      },
    }
  );
  expect(values(pkg)).toEqual([
    [
      new Date(Date.UTC(1990, 0, 1, 12)),
      new Date(Date.UTC(1904, 0, 1)),
      new Date(Date.UTC(1904, 0, 2)),
      1.5,
    ],
  ]);
});

test("date formats: d, m, y, h, s outside quotes, brackets and escapes", () => {
  expect(
    ["dd-mm-yyyy", "[$-413]d mmmm yyyy", "h:mm", "[h]:mm:ss", "DD/MM/YYYY"].map(isDateFormat)
  ).toEqual([true, true, true, true, true]);
  expect(
    ['0 "dagen"', "[Red]0.00", "General", "#,##0\\ \\d", "@", "0.00_m"].map(isDateFormat)
  ).toEqual([false, false, false, false, false, false]);
});

test("AlternateContent: the Fallback is read, the Choice is not", async () => {
  const pkg = await workbook(
    `<sheetData><row r="1"><mc:AlternateContent><mc:Choice Requires="x14"><c r="A1"><v>1</v></c></mc:Choice><mc:Fallback><c r="A1"><v>2</v></c></mc:Fallback></mc:AlternateContent></row></sheetData>`
  );
  expect(values(pkg)).toEqual([[2]]);
});

test("inline strings (runs joined, phonetic left out, _xHHHH_ decoded, whitespace kept), rows and cells without r", async () => {
  const pkg = await workbook(
    `<sheetData><row><c t="inlineStr"><is><r><t xml:space="preserve"> Jan </t></r>\n <r><t>de_x000A_Vries</t></r><rPh sb="0" eb="1"><t>ヤン</t></rPh></is></c><c t="b"><v>1</v></c></row>` +
      `<row><c r="C2" t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v>x_x001B_</v></c></row><row r="5"><c><v>3</v></c></row></sheetData>`
  );
  expect(values(pkg)).toEqual([
    [" Jan de\nVries", true],
    [null, null, { error: "#N/A" }, "x\u001b"],
    [],
    [],
    [3],
  ]);
  expect(packageFullSnapshot(pkg).sheets[0].formulas?.[1]?.[3]).toBe("=A1");
});

test("shared strings with rich runs and phonetic guides; shared formulas translated to each copy", async () => {
  const pkg = await workbook(
    `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1&amp;$A$1&amp;C1</f><v>1</v></c></row>` +
      `<row r="2"><c r="B2"><f t="shared" si="0"/><v>2</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>0</v></c></row></sheetData>`,
    {
      extra: {
        wbrels: `<Relationship Id="rSS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
        "xl/sharedStrings.xml": `<sst xmlns="${MAIN}"><si><r><t>Piet</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Jansen</t></r><rPh><t>ピ</t></rPh></si></sst>`,
      },
    }
  );
  const sheet = packageFullSnapshot(pkg).sheets[0];
  expect(sheet.values).toEqual([
    ["Piet Jansen", 1],
    [null, 2],
    [null, 0],
  ]);
  expect(sheet.formulas?.map((r) => r[1])).toEqual(["=A1&$A$1&C1", "=A2&$A$1&C2", "=A3&$A$1&C3"]);
});

test("merged cells: the value only in the top-left cell, a merge clipped to the cells there are", async () => {
  const pkg = await workbook(
    `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>9</v></c></row><row r="2"><c r="A2"><v>9</v></c><c r="C2"><v>5</v></c></row></sheetData>` +
      `<mergeCells><mergeCell ref="A1:B1048576"/></mergeCells>`
  );
  const started = Date.now();
  expect(values(pkg)).toEqual([
    [1, null],
    [null, null, 5],
  ]);
  expect(Date.now() - started).toBeLessThan(1000);
});

test("names that point at one cell or block; a workbook name wins over a sheet's", async () => {
  const pkg = await workbook(`<sheetData/>`, {
    definedNames:
      `<definedNames><definedName name="Top">'Mijn ''blad'''!$B$5</definedName><definedName name="Blok">Kandidaten!$A$20:$J$31</definedName>` +
      `<definedName name="Blok" localSheetId="0">Kandidaten!$A$1</definedName><definedName name="Som">SUM(Kandidaten!A1:A2)</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="0">Kandidaten!$A$1:$B$2</definedName></definedNames>`,
  });
  expect(packageSnapshot(pkg).names).toEqual([
    { name: "Top", sheet: "Mijn 'blad'", address: "B5" },
    { name: "Blok", sheet: "Kandidaten", address: "A20:J31" },
  ]);
});

test("notes: legacy comments and threaded comments (marked), headers, footers, validations, properties", async () => {
  const pkg = await workbook(
    `<sheetData/><headerFooter><oddHeader>&amp;CJan de Vries</oddHeader></headerFooter>` +
      `<dataValidations count="1"><dataValidation type="list" sqref="D2:H1048576 J2" prompt="Kies"><formula1>"Ja,Nee"</formula1></dataValidation></dataValidations>`,
    {
      sheetRels:
        `<Relationship Id="c1" Type="${REL}/comments" Target="../comments1.xml"/>` +
        `<Relationship Id="t1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/tc1.xml"/>`,
      extra: {
        "xl/comments1.xml": `<comments xmlns="${MAIN}"><authors><author>Ans</author></authors><commentList><comment ref="C3" authorId="0"><text><t>Let op</t></text></comment><comment ref="A1" authorId="0"><text><r><t>Ans:</t></r><r><t xml:space="preserve"> gebeld</t></r></text></comment></commentList></comments>`,
        "xl/threadedComments/tc1.xml": `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A1" id="{1}"><text>Bel Piet</text></threadedComment></ThreadedComments>`,
        "docProps/core.xml": `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jan</dc:creator><dc:title></dc:title></cp:coreProperties>`,
        "docProps/app.xml": `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>Gemeente</Company></Properties>`,
        "docProps/custom.xml": `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Behandelaar"><vt:lpwstr>Piet</vt:lpwstr></property></Properties>`,
      },
    }
  );
  const snapshot = packageFullSnapshot(pkg);
  const sheet = snapshot.sheets[0];
  expect(sheet.notes).toEqual([
    { at: "A1", text: "Ans: gebeld" },
    { at: "A1", text: "Bel Piet", threaded: true },
    { at: "C3", text: "Let op" },
  ]);
  expect(sheet.headerFooter).toEqual({ oddHeader: "&CJan de Vries" });
  expect(sheet.validations).toEqual([{ range: "D2", prompt: "Kies", formulae: ['"Ja,Nee"'] }]);
  expect(snapshot.properties).toEqual({ creator: "Jan", company: "Gemeente" });
  expect(snapshot.customProperties).toEqual({ Behandelaar: "Piet" });
});

test("a DOCTYPE or entity declaration is refused, billion laughs quickly", async () => {
  const laughs =
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`
    ).join("") +
    `]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
  const pkg = await readPackage(
    await zip({
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Kandidaten" sheetId="1" r:id="r1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml": laughs,
    })
  );
  const started = Date.now();
  expect(() => packageSnapshot(pkg)).toThrow(
    expect.objectContaining({ problem: { kind: "doctype", part: "xl/worksheets/sheet1.xml" } })
  );
  expect(Date.now() - started).toBeLessThan(1000);
});

test.each([
  [
    "a validation on the whole sheet",
    `<sheetData/><dataValidations><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a"</formula1></dataValidation></dataValidations>`,
  ],
  [
    "drop-downs on D2:H1048576",
    `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><dataValidations><dataValidation type="list" sqref="D2:H1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>`,
  ],
  [
    "conditional formats on whole columns",
    `<sheetData/><conditionalFormatting sqref="A:XFD"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>`,
  ],
  [
    "a dimension of the whole sheet",
    `<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`,
  ],
  [
    "a merge down to the last row",
    `<sheetData><row r="100"><c r="A100"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A100:Z1048576"/></mergeCells>`,
  ],
])("%s costs nothing (< 1 s)", async (_name, body) => {
  const pkg = await workbook(body);
  const started = Date.now();
  const snapshot = packageFullSnapshot(pkg);
  expect(Date.now() - started).toBeLessThan(1000);
  expect(snapshot.sheets[0].values.length).toBeLessThanOrEqual(100);
});

test("a cell beyond XFD or row 1048576 (or row 0) is left out, the rest read", async () => {
  const pkg = await workbook(
    `<sheetData><row r="0"><c r="A0"><v>0</v></c></row><row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row><row r="1048577"><c r="A1048577"><v>3</v></c></row></sheetData>`
  );
  expect(values(pkg)).toEqual([[1]]);
});

test("more cells than the cap: refused with tooManyCells, naming the sheet", async () => {
  const row = (r: number) =>
    `<row r="${r}">${Array.from({ length: 10 }, (_, c) => `<c><v>${c}</v></c>`).join("")}</row>`;
  const pkg = await workbook(
    `<sheetData>${Array.from({ length: 20 }, (_, r) => row(r + 1)).join("")}</sheetData>`
  );
  expect(packageSnapshot(pkg, { ...LIMITS, cells: 1000 }).sheets[0].values).toHaveLength(20);
  expect(() => packageSnapshot(pkg, { ...LIMITS, cells: 150 })).toThrow(
    expect.objectContaining({
      problem: { kind: "tooManyCells", sheet: "Kandidaten", cells: 151, limit: 150 },
    })
  );
  // A single value far down costs its rows: the slots cap refuses it.
  const far = await workbook(
    `<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>`
  );
  expect(() => packageSnapshot(far, { ...LIMITS, slots: 100_000 })).toThrow(
    expect.objectContaining({ problem: expect.objectContaining({ kind: "tooManyCells" }) })
  );
});
