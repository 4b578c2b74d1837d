import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { PackageEditor } from "../../../src/xlsx/package/editor";
import {
  applyFormatChange,
  parseRef,
  setDxfSink,
  subtract,
  type FormatChange,
} from "../../../src/xlsx/package/formats";
import { currentRelationships } from "../../../src/xlsx/package/notes";
import { Package, readPackage, writePackage, type Part } from "../../../src/xlsx/package/zip";
import { fullSnapshot } from "../../../src/xlsx/read";
import { convert, csvAllSheets, csvRows } from "../libreoffice";

jest.setTimeout(120_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "formats-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let counter = 0;

/** A package from an ExcelJS workbook made by `make`. */
async function excelPackage(make: (wb: ExcelJS.Workbook) => void): Promise<Package> {
  const wb = new ExcelJS.Workbook();
  make(wb);
  return readPackage(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Extra parts added to a package (through an editor, as a builder). */
function withParts(pkg: Package, add: (editor: PackageEditor) => void): Package {
  const editor = new PackageEditor(pkg);
  add(editor);
  return new Package(editor.result());
}

interface Outcome {
  file: string;
  parts: Part[];
  changed: string[];
  text: (name: string) => string;
  workbook: () => Promise<ExcelJS.Workbook>;
}

/** Applies `changes` to `pkg`, writes the result and says which parts changed. */
async function run(
  pkg: Package,
  changes: FormatChange[],
  prepare?: (e: PackageEditor) => void
): Promise<Outcome> {
  const editor = new PackageEditor(pkg);
  prepare?.(editor);
  for (const change of changes) applyFormatChange(editor, change);
  const parts = editor.result();
  const file = path.join(tmp, `out${++counter}.xlsx`);
  await writePackage(parts, file);
  const changed = parts
    .filter((p) => {
      const before = pkg.get(p.name);
      return !before || !before.data.equals(p.data);
    })
    .map((p) => p.name);
  const byName = new Map(parts.map((p) => [p.name, p]));
  return {
    file,
    parts,
    changed,
    text: (name) => byName.get(name)!.data.toString("utf8"),
    workbook: async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb;
    },
  };
}

/** Every part of `before` not in `changed` (nor in `removed`, gone) is in `after` with the same bytes. */
function expectUntouched(before: Package, out: Outcome, removed: string[] = []): void {
  const after = new Map(out.parts.map((p) => [p.name, p.data]));
  expect(before.parts.map((p) => p.name).filter((n) => !after.has(n))).toEqual(removed);
  for (const part of before.parts)
    if (!out.changed.includes(part.name) && !removed.includes(part.name))
      expect(after.get(part.name)!.equals(part.data)).toBe(true);
  expect(out.changed.length).toBeLessThan(before.parts.length);
}

/** xmllint accepts every changed part. */
function expectWellFormed(out: Outcome): void {
  for (const name of out.changed) {
    const file = path.join(tmp, `part${++counter}.xml`);
    fs.writeFileSync(file, out.parts.find((p) => p.name === name)!.data);
    execFileSync("xmllint", ["--noout", file], { stdio: "pipe" });
  }
}

const SHEET = "xl/worksheets/sheet1.xml";

interface Internals {
  conditionalFormattings: Array<{ ref: string; rules: Array<Record<string, unknown>> }>;
  dataValidations: { model: Record<string, Record<string, unknown>> };
}
const internals = (ws: ExcelJS.Worksheet) => ws as unknown as Internals;

test("rectangles: a hostile whole-sheet range loses a block as at most four rectangles", () => {
  const all = parseRef("A1:XFD1048576")!;
  expect(all).toEqual({ top: 1, left: 1, bottom: 1048576, right: 16384 });
  expect(parseRef("$B:$D")).toEqual({ top: 1, left: 2, bottom: 1048576, right: 4 });
  expect(parseRef("3:4")).toEqual({ top: 3, left: 1, bottom: 4, right: 16384 });
  expect(parseRef("XFE1")).toBeNull();
  const pieces = subtract(all, parseRef("D2:H1048576")!);
  expect(pieces).toEqual([
    { top: 1, left: 1, bottom: 1, right: 16384 },
    { top: 2, left: 1, bottom: 1048576, right: 3 },
    { top: 2, left: 9, bottom: 1048576, right: 16384 },
  ]);
  expect(subtract(parseRef("B2:C3")!, parseRef("A1:D4")!)).toEqual([]);
});

test("a drop-down replaces the validation on its range and takes its cells from overlapping ones; others and every untouched part stay", async () => {
  const pkg = await excelPackage((wb) => {
    const ws = wb.addWorksheet("Kandidaten");
    ws.getCell("A1").value = "Naam";
    const dv = (ws as unknown as { dataValidations: { add(r: string, v: unknown): void } })
      .dataValidations;
    dv.add("B2:B10", { type: "list", formulae: ['"x,y"'], prompt: "oud" });
    dv.add("A1:D20", { type: "whole", operator: "between", formulae: [1, 9], prompt: "getal" });
    dv.add("F1:F3", { type: "textLength", operator: "lessThan", formulae: [5] });
    wb.addWorksheet("Ander").getCell("A1").value = 1;
  });
  const started = Date.now();
  const out = await run(pkg, [
    { kind: "listValidation", sheet: "kandidaten", range: "B2:B10", items: ['ja "zeker"', "nee"] },
  ]);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(out.changed).toEqual([SHEET]);
  expectUntouched(pkg, out);
  expectWellFormed(out);
  const xml = out.text(SHEET);
  expect(xml).toContain('<dataValidations count="3">');
  expect(xml).toContain('sqref="A1:D1 A11:D20 A2:A10 C2:D10"');
  expect(xml).toContain("<formula1>&quot;ja &quot;&quot;zeker&quot;&quot;,nee&quot;</formula1>");
  const ws = (await out.workbook()).getWorksheet("Kandidaten")!;
  const model = internals(ws).dataValidations.model;
  expect(model.B5).toMatchObject({
    type: "list",
    formulae: ['"ja ""zeker"",nee"'],
    errorStyle: "warning",
  });
  expect(model.B5.error).toBe('Kies ja "zeker", nee.');
  expect(model.C5).toMatchObject({ type: "whole", prompt: "getal" });
  expect(model.A15).toMatchObject({ type: "whole" });
  expect(model.F2).toMatchObject({ type: "textLength" });
});

test("a drop-down over a hostile whole-sheet validation ends at once with the rest of it kept", async () => {
  const base = await excelPackage((wb) => {
    wb.addWorksheet("Blad").getCell("A1").value = "x";
  });
  const hostile = withParts(base, (e) => {
    const xml = e.text(SHEET)!;
    e.setText(
      SHEET,
      xml.replace(
        "<pageMargins",
        '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>1</formula1></dataValidation></dataValidations><pageMargins'
      )
    );
  });
  const started = Date.now();
  const out = await run(hostile, [
    { kind: "listValidation", sheet: "Blad", range: "D2:H1048576", items: ["a"] },
  ]);
  expect(Date.now() - started).toBeLessThan(2000);
  expect(out.text(SHEET)).toContain('sqref="A1:XFD1 A2:C1048576 I2:XFD1048576"');
  expect(out.text(SHEET)).toContain('<dataValidations count="2">');
  expectWellFormed(out);
});

test("a drop-down takes its cells from an x14 validation in the sheet's extLst too", async () => {
  const base = await excelPackage((wb) => {
    wb.addWorksheet("Blad").getCell("A1").value = "x";
  });
  const x14 = (sqrefs: string[]) =>
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="${sqrefs.length}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
    sqrefs
      .map(
        (s) =>
          `<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lijst!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>${s}</xm:sqref></x14:dataValidation>`
      )
      .join("") +
    `</x14:dataValidations></ext></extLst>`;
  const pkg = withParts(base, (e) =>
    e.setText(
      SHEET,
      e.text(SHEET)!.replace("</worksheet>", `${x14(["D2:D100", "E5"])}</worksheet>`)
    )
  );
  const out = await run(pkg, [
    { kind: "listValidation", sheet: "Blad", range: "D50:E60", items: ["a", "b"] },
  ]);
  expectWellFormed(out);
  const xml = out.text(SHEET);
  expect(xml).toContain('<x14:dataValidations count="2"');
  expect(xml).toContain("<xm:sqref>D2:D49 D61:D100</xm:sqref>");
  expect(xml).toContain("<xm:sqref>E5</xm:sqref>");
  const texts = await run(pkg, [
    {
      kind: "validationTexts",
      sheet: "Blad",
      range: "D2:D100",
      texts: { prompt: "Kies P1" },
      formulae: ["Lijst!$B$1:$B$3"],
    },
  ]);
  expect(texts.text(SHEET)).toContain(
    '<x14:dataValidation type="list" allowBlank="1" prompt="Kies P1"><x14:formula1><xm:f>Lijst!$B$1:$B$3</xm:f>'
  );
  const whole = await run(pkg, [
    { kind: "listValidation", sheet: "Blad", range: "D1:E100", items: ["a"] },
  ]);
  expect(whole.text(SHEET)).not.toContain("extLst");
  expectWellFormed(whole);
});

test("a drop-down in an empty <dataValidations/> makes it hold one, counted", async () => {
  const base = await excelPackage((wb) => {
    wb.addWorksheet("Blad").getCell("A1").value = "x";
  });
  const pkg = withParts(base, (e) =>
    e.setText(
      SHEET,
      e.text(SHEET)!.replace("<pageMargins", '<dataValidations count="0"/><pageMargins')
    )
  );
  const out = await run(pkg, [
    { kind: "listValidation", sheet: "Blad", range: "B2", items: ["a"] },
  ]);
  expect(out.text(SHEET)).toMatch(/<dataValidations count="1"><dataValidation [^>]*sqref="B2">/);
  expectWellFormed(out);
});

test("validation texts are set on the validation the snapshot keys (by its sqref or, as ExcelJS does, its first cell)", async () => {
  const pkg = await excelPackage((wb) => {
    const ws = wb.addWorksheet("Blad");
    const dv = (ws as unknown as { dataValidations: { add(r: string, v: unknown): void } })
      .dataValidations;
    dv.add("B2:B4", {
      type: "list",
      formulae: ['"Jan,Piet"'],
      prompt: "Vraag Jan",
      showInputMessage: true,
    });
    dv.add("C2:C4", {
      type: "whole",
      operator: "between",
      formulae: [1, 2],
      error: "Jan zegt nee",
    });
  });
  const snapshot = fullSnapshot(await (await run(pkg, [])).workbook());
  const key = snapshot.sheets[0].validations!.find((v) => v.prompt === "Vraag Jan")!.range;
  const out = await run(pkg, [
    {
      kind: "validationTexts",
      sheet: "Blad",
      range: key,
      texts: { prompt: "Vraag P1 & co" },
      formulae: ['"P1,Piet"'],
    },
    { kind: "validationTexts", sheet: "Blad", range: "C2:C4", texts: { error: "P1 zegt nee" } },
  ]);
  const model = internals((await out.workbook()).getWorksheet("Blad")!).dataValidations.model;
  expect(model.B3).toMatchObject({ prompt: "Vraag P1 & co", formulae: ['"P1,Piet"'] });
  expect(model.C2.error).toBe("P1 zegt nee");
  expect(out.text(SHEET)).not.toContain("Jan");
  expectWellFormed(out);
  await expect(
    run(pkg, [{ kind: "validationTexts", sheet: "Blad", range: "Z9", texts: { prompt: "x" } }])
  ).rejects.toThrow("No validation on 'Blad'!Z9.");
});

test("thousands of validation texts rewritten take one pass over the sheet's validations", async () => {
  const count = 5000;
  const base = await excelPackage((wb) => {
    wb.addWorksheet("Blad").getCell("A1").value = "x";
  });
  const validations = Array.from(
    { length: count },
    (_, i) =>
      `<dataValidation type="whole" prompt="Jan ${i}" sqref="B${i + 1}:C${i + 1}"><formula1>1</formula1></dataValidation>`
  ).join("");
  const pkg = withParts(base, (e) =>
    e.setText(
      SHEET,
      e
        .text(SHEET)!
        .replace(
          "<pageMargins",
          `<dataValidations count="${count}">${validations}</dataValidations><pageMargins`
        )
    )
  );
  const started = Date.now();
  const out = await run(
    pkg,
    Array.from({ length: count }, (_, i): FormatChange => ({
      kind: "validationTexts",
      sheet: "Blad",
      range: i % 2 === 0 ? `B${i + 1}:C${i + 1}` : `B${i + 1}`,
      texts: { prompt: `Kandidaat ${i}` },
    }))
  );
  expect(Date.now() - started).toBeLessThan(5000);
  const xml = out.text(SHEET);
  expect(xml).not.toContain("Jan");
  expect(xml).toContain('prompt="Kandidaat 4999" sqref="B5000:C5000"');
});

test("conditional formats: the same rule twice is one rule, priorities stay unique, the fill is one dxf; a data bar replaces the earlier one and its x14 twin", async () => {
  const pkg = await excelPackage((wb) => {
    const ws = wb.addWorksheet("Ranking");
    for (let r = 2; r <= 9; r++) ws.getCell(`B${r}`).value = r;
    ws.addConditionalFormatting({
      ref: "B2:B9",
      rules: [
        { type: "dataBar", cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF0000FF" } },
      ] as unknown as ExcelJS.ConditionalFormattingRule[],
    });
    ws.addConditionalFormatting({
      ref: "A1:A5",
      rules: [
        { type: "expression", formulae: ["A1>1"], style: { font: { bold: true } } },
      ] as unknown as ExcelJS.ConditionalFormattingRule[],
    });
  });
  const rule: FormatChange = {
    kind: "formulaFormat",
    sheet: "Ranking",
    range: "A2:C9",
    formula: "=$B2>5",
    fill: "#C6EFCE",
  };
  const out = await run(pkg, [
    rule,
    { kind: "dataBar", sheet: "Ranking", range: "B2:B9", colour: "#638EC6" },
    rule,
  ]);
  expectUntouched(pkg, out);
  expectWellFormed(out);
  expect(out.changed.sort()).toEqual([SHEET, "xl/styles.xml"].sort());
  const xml = out.text(SHEET);
  const priorities = [...xml.matchAll(/priority="(\d+)"/g)].map((m) => m[1]);
  expect(new Set(priorities).size).toBe(priorities.length);
  expect(xml).not.toContain("x14:cfRule");
  expect(xml).not.toContain("{B025F937");
  const styles = out.text("xl/styles.xml");
  expect(styles.match(/<dxf>/g)).toHaveLength(
    (pkg.text("xl/styles.xml")!.match(/<dxf>/g) ?? []).length + 1
  );
  const ws = (await out.workbook()).getWorksheet("Ranking")!;
  const formats = internals(ws).conditionalFormattings;
  expect(formats.map((f) => [f.ref, f.rules.map((r) => r.type)])).toEqual([
    ["A1:A5", ["expression"]],
    ["B2:B9", ["dataBar"]],
    ["A2:C9", ["expression"]],
  ]);
  expect(formats[2].rules[0].formulae).toEqual(["$B2>5"]);
  expect(formats[1].rules[0]).toMatchObject({ color: { argb: "FF638EC6" } });
});

test("a dxf sink given by the styles module is used", async () => {
  const pkg = await excelPackage((wb) => {
    wb.addWorksheet("Blad").getCell("A1").value = 1;
  });
  const fills: string[] = [];
  const out = await run(
    pkg,
    [{ kind: "formulaFormat", sheet: "Blad", range: "A1", formula: "A1>0", fill: "#FF0000" }],
    (e) => setDxfSink(e, { addDxf: (fill) => (fills.push(fill), 7) })
  );
  expect(fills).toEqual(["#FF0000"]);
  expect(out.text(SHEET)).toContain('dxfId="7"');
  expect(out.changed).toEqual([SHEET]);
});

test("frozen panes are set in the existing view (its selection kept where its pane stays) and removed with 0 and 0", async () => {
  const pkg = await excelPackage((wb) => {
    const ws = wb.addWorksheet("Blad", {
      views: [{ state: "normal", zoomScale: 85, activeCell: "C3" }],
    });
    ws.getCell("A1").value = 1;
    wb.addWorksheet("Leeg").getCell("A1").value = 2;
  });
  const out = await run(pkg, [
    { kind: "freezePanes", sheet: "Blad", rows: 1, columns: 2 },
    { kind: "freezePanes", sheet: "Leeg", rows: 3, columns: 0 },
  ]);
  expectWellFormed(out);
  const xml = out.text(SHEET);
  expect(xml).toMatch(
    /<sheetView [^>]*zoomScale="85"[^>]*><pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"\/><selection activeCell="C3"/
  );
  const wb = await out.workbook();
  expect(wb.getWorksheet("Blad")!.views[0]).toMatchObject({
    state: "frozen",
    xSplit: 2,
    ySplit: 1,
    zoomScale: 85,
  });
  expect(wb.getWorksheet("Leeg")!.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  const again = await run(new Package(out.parts), [
    { kind: "freezePanes", sheet: "Blad", rows: 0, columns: 0 },
  ]);
  expect(again.text(SHEET)).not.toContain("<pane");
  expect((await again.workbook()).getWorksheet("Blad")!.views[0].state).toBe("normal");
});

test("column widths split a <col> range: only the given columns change, the others keep every attribute", async () => {
  const pkg = await excelPackage((wb) => {
    const ws = wb.addWorksheet("Blad");
    ws.getCell("A1").value = 1;
    ws.getColumn(1).width = 30;
  });
  const spread = withParts(pkg, (e) =>
    e.setText(
      SHEET,
      e
        .text(SHEET)!
        .replace(
          /<cols>.*<\/cols>/,
          '<cols><col min="1" max="5" width="30" style="0" hidden="1" customWidth="1"/></cols>'
        )
    )
  );
  const out = await run(spread, [
    {
      kind: "columnWidths",
      sheet: "Blad",
      widths: [
        { column: 3, width: 12 },
        { column: 8, width: 40 },
      ],
    },
  ]);
  expectWellFormed(out);
  expect(out.text(SHEET)).toContain(
    '<cols><col min="1" max="2" width="30" style="0" hidden="1" customWidth="1"/><col min="3" max="3" width="12" style="0" hidden="1" customWidth="1"/><col min="4" max="5" width="30" style="0" hidden="1" customWidth="1"/><col min="8" max="8" width="40" customWidth="1"/></cols>'
  );
  const ws = (await out.workbook()).getWorksheet("Blad")!;
  expect([1, 3, 5, 8].map((c) => ws.getColumn(c).width)).toEqual([30, 12, 30, 40]);
});

test("header and footer texts are set escaped, the others kept", async () => {
  const pkg = await excelPackage((wb) => {
    const ws = wb.addWorksheet("Blad");
    ws.getCell("A1").value = 1;
    ws.headerFooter.oddHeader = "&CJan";
    ws.headerFooter.firstFooter = "Eerste";
  });
  const out = await run(pkg, [
    {
      kind: "headerFooterTexts",
      sheet: "Blad",
      texts: { oddHeader: "&CP1 <b>", oddFooter: "&RVoet" },
    },
  ]);
  expectWellFormed(out);
  const hf = (await out.workbook()).getWorksheet("Blad")!.headerFooter;
  expect(hf).toMatchObject({ oddHeader: "&CP1 <b>", oddFooter: "&RVoet", firstFooter: "Eerste" });
});

const THREADED = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";

test("notes: a text is set keeping the author, a removed note takes its VML shape and its threaded comment with replies along; no name survives", async () => {
  const base = await excelPackage((wb) => {
    const ws = wb.addWorksheet("Kandidaten");
    ws.getCell("A1").value = "Naam";
    // ExcelJS reads notes of cells with a value only.
    for (const at of ["B2", "C3", "D4"]) ws.getCell(at).value = at;
    ws.getCell("B2").note = "Gesproken met Jan de Vries";
    ws.getCell("C3").note = "Jan de Vries belt terug";
    ws.getCell("D4").note = "Blijft";
  });
  const tc = "xl/threadedComments/threadedComment1.xml";
  const pkg = withParts(base, (e) => {
    e.setText(
      tc,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        `<threadedComment ref="B2" dT="2024-01-01T10:00:00.00" personId="{P1}" id="{T1}"><text>Gesproken met @Jan de Vries</text><mentions><mention mentionpersonId="{P1}" mentionId="{M1}" startIndex="14" length="12"/></mentions></threadedComment>` +
        `<threadedComment ref="B2" dT="2024-01-01T11:00:00.00" personId="{P1}" id="{T2}" parentId="{T1}"><text>Jan de Vries: akkoord</text></threadedComment>` +
        `<threadedComment ref="C3" dT="2024-01-01T11:00:00.00" personId="{P1}" id="{T3}"><text>Jan de Vries belt terug</text></threadedComment>` +
        `<threadedComment ref="C3" dT="2024-01-01T12:00:00.00" personId="{P1}" id="{T4}" parentId="{T3}"><text>Jan?</text></threadedComment>` +
        `</ThreadedComments>`
    );
    e.addRelationship(SHEET, THREADED, tc);
    e.setContentType(tc, "application/vnd.ms-excel.threadedcomments+xml");
  });
  const out = await run(pkg, [
    { kind: "writeNote", sheet: "Kandidaten", at: "B2", text: "Gesproken met Kandidaat 1 & co" },
    { kind: "writeNote", sheet: "Kandidaten", at: "C3", text: null },
    { kind: "writeNote", sheet: "Kandidaten", at: "Z99", text: "geen notitie: niets" },
  ]);
  expectUntouched(pkg, out);
  expectWellFormed(out);
  expect(out.changed.sort()).toEqual(
    ["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", tc].sort()
  );
  for (const name of out.changed) expect(out.text(name)).not.toContain("Jan");
  const threaded = out.text(tc);
  expect(threaded).toContain(
    'id="{T1}"><text>Gesproken met Kandidaat 1 &amp; co</text></threadedComment>'
  );
  expect(threaded).not.toMatch(/\{T[234]\}"/);
  const vml = out.text("xl/drawings/vmlDrawing1.vml");
  expect(vml.match(/ObjectType="Note"/g)).toHaveLength(2);
  expect(vml).not.toMatch(/<x:Row>2<\/x:Row><x:Column>2<\/x:Column>/);
  const snapshot = fullSnapshot(await out.workbook());
  expect(snapshot.sheets[0].notes).toEqual([
    { at: "B2", text: "Gesproken met Kandidaat 1 & co" },
    { at: "D4", text: "Blijft" },
  ]);
  expect(out.text("xl/comments1.xml")).toContain('authorId="0"');
  // A writer that copies the text into the VML shape: it is emptied there too.
  const copied = withParts(pkg, (e) => {
    const vml = e.text("xl/drawings/vmlDrawing1.vml")!;
    e.setText(
      "xl/drawings/vmlDrawing1.vml",
      vml.replace('<div style="text-align:left"/>', "<div><font>Jan de Vries</font></div>")
    );
  });
  const again = await run(copied, [
    { kind: "writeNote", sheet: "Kandidaten", at: "B2", text: "Kandidaat 1" },
  ]);
  expect(again.text("xl/drawings/vmlDrawing1.vml")).toContain("<div><font></font></div>");
  expect(again.text("xl/drawings/vmlDrawing1.vml")).not.toContain("Jan");
});

test("thousands of notes rewritten (the clean-up of a large workbook) take one pass over each part", async () => {
  const count = 5000;
  const pkg = await excelPackage((wb) => {
    const ws = wb.addWorksheet("Kandidaten");
    for (let r = 1; r <= count; r++) {
      ws.getCell(`A${r}`).value = r;
      ws.getCell(`A${r}`).note = `Jan de Vries ${r}`;
    }
  });
  const started = Date.now();
  const out = await run(
    pkg,
    Array.from({ length: count }, (_, i): FormatChange => ({
      kind: "writeNote",
      sheet: "Kandidaten",
      at: `A${i + 1}`,
      text: i % 2 === 0 ? `Kandidaat ${i + 1}` : null,
    }))
  );
  expect(Date.now() - started).toBeLessThan(5000);
  expect(out.text("xl/comments1.xml")).not.toContain("Jan");
  expect(out.text("xl/comments1.xml").match(/<comment /g)).toHaveLength(count / 2);
  expect(out.text("xl/drawings/vmlDrawing1.vml").match(/ObjectType="Note"/g)).toHaveLength(
    count / 2
  );
});

test("document properties: core and app elements replaced or added with the right prefix, text custom properties changed, nothing else", async () => {
  const base = await excelPackage((wb) => {
    wb.creator = "Jan de Vries";
    wb.title = "Aanvraag";
    wb.company = "Gemeente";
    wb.addWorksheet("Blad").getCell("A1").value = 1;
  });
  const custom = "docProps/custom.xml";
  const pkg = withParts(base, (e) => {
    e.setText(
      custom,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Behandelaar"><vt:lpwstr>Jan de Vries</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Nummer"><vt:i4>17040</vt:i4></property></Properties>`
    );
    e.addRelationship(
      "",
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
      custom
    );
    e.setContentType(custom, "application/vnd.openxmlformats-officedocument.custom-properties+xml");
  });
  const out = await run(pkg, [
    {
      kind: "documentProperties",
      properties: {
        creator: "Persoon 1",
        lastAuthor: "Persoon <2>",
        manager: "Persoon 3",
        "custom:Behandelaar": "Persoon 1",
        "custom:Nummer": "niet: geen tekst",
      },
    },
  ]);
  expectUntouched(pkg, out);
  expectWellFormed(out);
  expect(out.changed.sort()).toEqual(["docProps/app.xml", "docProps/core.xml", custom].sort());
  const wb = await out.workbook();
  expect(fullSnapshot(wb).properties).toMatchObject({
    creator: "Persoon 1",
    lastModifiedBy: "Persoon <2>",
    title: "Aanvraag",
    company: "Gemeente",
    manager: "Persoon 3",
  });
  expect(out.text(custom)).toContain("<vt:lpwstr>Persoon 1</vt:lpwstr>");
  expect(out.text(custom)).toContain("<vt:i4>17040</vt:i4>");
  expect(out.text("docProps/core.xml")).toContain(
    "<cp:lastModifiedBy>Persoon &lt;2&gt;</cp:lastModifiedBy>"
  );
});

test("document properties in a package without core and app parts: both added with relationship and content type", async () => {
  const base = await excelPackage((wb) => {
    wb.addWorksheet("Blad").getCell("A1").value = 1;
  });
  const bare = withParts(base, (e) => {
    for (const rel of currentRelationships(e, ""))
      if (rel.part?.startsWith("docProps/")) {
        e.removeRelationship("", rel.id);
        e.setContentType(rel.part, null);
        e.remove(rel.part);
      }
  });
  expect(bare.get("docProps/core.xml")).toBeUndefined();
  const out = await run(bare, [
    { kind: "documentProperties", properties: { title: "Ranking", company: "Gemeente" } },
  ]);
  expectWellFormed(out);
  const wb = await out.workbook();
  expect(fullSnapshot(wb).properties).toMatchObject({ title: "Ranking", company: "Gemeente" });
  expect(out.text("[Content_Types].xml")).toContain('PartName="/docProps/core.xml"');
});

test("a workbook saved by openpyxl (absolute targets): every kind applied, read back by openpyxl", async () => {
  const source = path.join(tmp, "openpyxl.xlsx");
  execFileSync("/usr/bin/python3", [
    "-c",
    `
import openpyxl
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Kandidaten"
ws["A1"] = "Naam"; ws["A2"] = "Jan"; ws["B2"] = 7
ws["A2"].comment = Comment("Jan de Vries belde", "Auteur")
dv = DataValidation(type="list", formula1='"a,b"', sqref="C2:C100")
ws.add_data_validation(dv)
ws.column_dimensions["B"].width = 25
ws.freeze_panes = "B2"
wb.properties.creator = "Jan de Vries"
wb.save(${JSON.stringify(source)})
`,
  ]);
  const pkg = await readPackage(fs.readFileSync(source));
  expect(pkg.text("xl/_rels/workbook.xml.rels")).toContain('Target="/xl/worksheets/sheet1.xml"');
  const out = await run(pkg, [
    { kind: "listValidation", sheet: "Kandidaten", range: "C50:C60", items: ["ja", "nee"] },
    {
      kind: "formulaFormat",
      sheet: "Kandidaten",
      range: "B2:B9",
      formula: "B2>5",
      fill: "#FFC7CE",
    },
    { kind: "dataBar", sheet: "Kandidaten", range: "B2:B9", colour: "#638EC6" },
    { kind: "freezePanes", sheet: "Kandidaten", rows: 1, columns: 0 },
    { kind: "columnWidths", sheet: "Kandidaten", widths: [{ column: 2, width: 10 }] },
    { kind: "headerFooterTexts", sheet: "Kandidaten", texts: { oddFooter: "&CVoet" } },
    { kind: "writeNote", sheet: "Kandidaten", at: "A2", text: "Kandidaat 1 belde" },
    { kind: "documentProperties", properties: { creator: "Persoon 1" } },
  ]);
  expectUntouched(pkg, out);
  expectWellFormed(out);
  // ExcelJS cannot read openpyxl's notes (absolute targets): openpyxl reads its own back.
  const read = execFileSync(
    "/usr/bin/python3",
    [
      "-c",
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Kandidaten"]
print(json.dumps({
  "validations": [[str(v.sqref), v.type, v.formula1] for v in ws.data_validations.dataValidation],
  "formats": [[str(cf.sqref), [r.type for r in cf.rules]] for cf in ws.conditional_formatting],
  "freeze": ws.freeze_panes,
  "width": ws.column_dimensions["B"].width,
  "footer": ws.oddFooter.center.text or ws.oddFooter.left.text or ws.oddFooter.right.text,
  "note": ws["A2"].comment.text,
  "creator": wb.properties.creator,
}))
`,
      out.file,
    ],
    { encoding: "utf8" }
  );
  expect(JSON.parse(read)).toEqual({
    validations: [
      ["C2:C49 C61:C100", "list", '"a,b"'],
      ["C50:C60", "list", '"ja,nee"'],
    ],
    formats: [["B2:B9", ["expression", "dataBar"]]],
    freeze: "A2",
    width: 10,
    footer: "Voet",
    note: "Kandidaat 1 belde",
    creator: "Persoon 1",
  });
});

test("a workbook saved by LibreOffice with a conditional format, a drop-down and a frozen pane added opens in LibreOffice with its values", async () => {
  const made = path.join(tmp, "made.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ranking");
  ws.addRow(["Naam", "Score"]);
  ws.addRow(["Anna", 8]);
  ws.addRow(["Bram", 3]);
  ws.getCell("A2").note = "Jan";
  await wb.xlsx.writeFile(made);
  const lo = path.join(tmp, "lo");
  fs.mkdirSync(lo);
  convert(tmp, made, "xlsx:Calc MS Excel 2007 XML", lo);
  const pkg = await readPackage(fs.readFileSync(path.join(lo, "made.xlsx")));
  const out = await run(pkg, [
    { kind: "formulaFormat", sheet: "Ranking", range: "A2:B3", formula: "$B2>5", fill: "#C6EFCE" },
    { kind: "dataBar", sheet: "Ranking", range: "B2:B3", colour: "#638EC6" },
    { kind: "listValidation", sheet: "Ranking", range: "C2:C3", items: ["ja", "nee"] },
    { kind: "freezePanes", sheet: "Ranking", rows: 1, columns: 1 },
    { kind: "writeNote", sheet: "Ranking", at: "A2", text: null },
  ]);
  // The only note went: its comments and VML parts go too.
  expectUntouched(pkg, out, ["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"]);
  expect(out.text(SHEET)).not.toContain("legacyDrawing");
  expect(out.text("xl/worksheets/_rels/sheet1.xml.rels")).not.toMatch(/comments|vmlDrawing/);
  expect(out.text("[Content_Types].xml")).not.toContain("comments1");
  expectWellFormed(out);
  const back = await out.workbook();
  const sheet = back.getWorksheet("Ranking")!;
  expect(internals(sheet).dataValidations.model.C2).toMatchObject({ type: "list" });
  expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
  expect(fullSnapshot(back).sheets[0].notes).toEqual([]);
  const csv = path.join(tmp, "csv");
  fs.mkdirSync(csv);
  convert(tmp, out.file, csvAllSheets, csv);
  const produced = fs.readdirSync(csv).filter((f) => f.endsWith(".csv"));
  expect(produced).toHaveLength(1);
  expect(csvRows(fs.readFileSync(path.join(csv, produced[0]), "utf8"))).toEqual([
    ["Naam", "Score"],
    ["Anna", "8"],
    ["Bram", "3"],
  ]);
});
