/**
 * The command's own writer (yazl + zlib, ExcelJS's XML joined as it goes) against
 * ExcelJS's own `writeBuffer`: the same parts, byte for byte.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import { chunkXmlJoins, type XmlStreamClass } from "../../src/cli/chunkedXml";
import { evaluatorSnapshot } from "../../src/cli/commands";
import { exampleWorkbook } from "../../src/cli/example";
import { FileError, saveWorkbook } from "../../src/cli/files";
import { WRITE_STEPS, writeXlsx } from "../../src/cli/writeXlsx";
import { rejectionChanges } from "../../src/workbook/rejections";
import { planScore } from "../../src/workbook/score";
import { applyChanges } from "../../src/xlsx";
import { awardscore, scratch } from "./helpers";

/** Every file in a zip, by name, as text. */
async function parts(bytes: Buffer | ArrayBuffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const all = new Map<string, string>();
  // In the zip's order. JSZip adds an entry for each folder; those hold nothing.
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) all.set(name, await zip.files[name].async("string"));
  }
  return all;
}

/**
 * Where two renderings of a part differ ("" when they do not), as a short excerpt. ExcelJS
 * gives each data bar a new GUID on every write, so GUIDs are left out.
 */
function firstDifference(name: string, ours: string, stock: string): string {
  const guid = /\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/gi;
  const [a, b] = [ours.replace(guid, "{GUID}"), stock.replace(guid, "{GUID}")];
  if (a === b) return "";
  let i = 0;
  while (a[i] === b[i]) i++;
  return `${name} at ${i}: ours …${a.slice(i - 40, i + 40)}… ExcelJS …${b.slice(i - 40, i + 40)}…`;
}

/** A fresh copy of ExcelJS's XmlStream class, untouched by any other test. */
function freshXmlStream(): XmlStreamClass & (new () => StreamLike) {
  let loaded: unknown;
  jest.isolateModules(() => {
    loaded = require("exceljs/lib/utils/xml-stream");
  });
  return loaded as XmlStreamClass & (new () => StreamLike);
}

/** What the property below does with a stream. */
interface StreamLike {
  openXml(attributes: Record<string, string>): void;
  openNode(name: string, attributes?: Record<string, string>): void;
  addAttribute(name: string, value: string): void;
  writeText(text: string): void;
  closeNode(): void;
  leafNode(name: string, attributes?: Record<string, string>, text?: string): void;
  addRollback(): number;
  commit(): void;
  rollback(): void;
  readonly xml: string;
}

type Op =
  | { op: "open"; name: string; attribute?: string }
  | { op: "text"; text: string }
  | { op: "close" }
  | { op: "leaf"; name: string; text?: string }
  | { op: "try"; ops: Op[]; keep: boolean; closeFirst: boolean };

/** Plays the same operations on a stream, as ExcelJS's part writers would. */
function play(stream: StreamLike, ops: Op[], depth: { open: number }): void {
  for (const o of ops) {
    switch (o.op) {
      case "open":
        stream.openNode(o.name, o.attribute === undefined ? undefined : { v: o.attribute });
        depth.open++;
        break;
      case "text":
        if (depth.open > 0) stream.writeText(o.text);
        break;
      case "close":
        if (depth.open > 0) {
          stream.closeNode();
          depth.open--;
        }
        break;
      case "leaf":
        stream.leafNode(o.name, undefined, o.text);
        break;
      case "try": {
        stream.addRollback();
        const inner = { open: 0 };
        play(stream, o.ops, inner);
        // ExcelJS also rolls back with its node still open (sheetPr, fill).
        if (o.keep || o.closeFirst) for (; inner.open > 0; inner.open--) stream.closeNode();
        if (o.keep) stream.commit();
        else stream.rollback();
        break;
      }
    }
  }
}

const nameArb = fc.constantFrom("row", "c", "v", "si", "t");
const opArb: fc.Arbitrary<Op> = fc.letrec<{ op: Op }>((tie) => ({
  op: fc.oneof(
    { depthSize: "small" },
    fc.record({
      op: fc.constant("open" as const),
      name: nameArb,
      attribute: fc.option(fc.string(), { nil: undefined }),
    }),
    fc.record({ op: fc.constant("text" as const), text: fc.string() }),
    fc.record({ op: fc.constant("close" as const) }),
    fc.record({
      op: fc.constant("leaf" as const),
      name: nameArb,
      text: fc.option(fc.string(), { nil: undefined }),
    }),
    fc.record({
      op: fc.constant("try" as const),
      ops: fc.array(tie("op"), { maxLength: 4 }),
      keep: fc.boolean(),
      closeFirst: fc.boolean(),
    })
  ),
})).op;

describe("chunkXmlJoins", () => {
  test("ExcelJS's XmlStream has the shape it expects; another class is left alone", () => {
    expect(chunkXmlJoins(freshXmlStream())).toBe(true);
    class Other {
      closeNode(): void {}
    }
    const before = Object.getOwnPropertyDescriptors(Other.prototype);
    expect(chunkXmlJoins(Other as unknown as XmlStreamClass)).toBe(false);
    expect(Object.getOwnPropertyDescriptors(Other.prototype)).toEqual(before);
  });

  test("the XML is the same, character for character, across chunks and rollbacks", () => {
    const Stock = freshXmlStream();
    const Chunked = freshXmlStream();
    expect(chunkXmlJoins(Chunked)).toBe(true);
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 30 }),
        fc.integer({ min: 1, max: 900 }),
        (ops, times) => {
          // Repeated, a short program passes the 4,096 pieces of a chunk several times.
          const streams = [new Stock(), new Chunked()];
          for (const stream of streams) {
            stream.openXml({ version: "1.0" });
            stream.openNode("worksheet");
            const depth = { open: 0 };
            for (let i = 0; i < times; i++) play(stream, ops, depth);
          }
          const [stock, chunked] = streams;
          expect(chunked.xml).toBe(stock.xml);
          expect(chunked.xml).toBe(stock.xml); // asked twice, the same
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("writeXlsx", () => {
  test("its steps are those of ExcelJS's XLSX.write, in the same order", () => {
    const XLSX = require("exceljs/lib/xlsx/xlsx") as { prototype: { write: () => unknown } };
    const source = XLSX.prototype.write.toString();
    const called = [...source.matchAll(/this\.(add\w+)\(zip, model\)/g)].map((m) => m[1]);
    expect(called).toEqual(WRITE_STEPS.flat());
    expect(called).toHaveLength(13);
  });

  test("a scored workbook of 2,000 candidates with an image, a note and a link: every part as ExcelJS writes it", async () => {
    const workbook = exampleWorkbook(2_000);
    const plan = planScore(evaluatorSnapshot(workbook), {});
    applyChanges(workbook, [...plan.changes, ...rejectionChanges(plan.evaluation)]);
    const sheet = workbook.getWorksheet("Aanvraag")!;
    const png = fs.readFileSync(path.join(__dirname, "../../assets/icon-32.png"));
    sheet.addImage(workbook.addImage({ buffer: png as never, extension: "png" }), "E2:F4");
    sheet.getCell("E6").note = "Nagekeken door inkoop";
    sheet.getCell("E7").value = { text: "Flextender", hyperlink: "https://example.org/17040" };
    // ExcelJS's own writer first, before this file's writer has chunked anything.
    const stock = await parts((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const file = path.join(scratch(), "uit.xlsx");
    await writeXlsx(workbook, file, 1);
    const ours = await parts(fs.readFileSync(file));
    expect([...ours.keys()]).toEqual([...stock.keys()]);
    expect([...ours.keys()]).toEqual(
      expect.arrayContaining([
        "xl/sharedStrings.xml",
        "xl/media/image1.png",
        "xl/drawings/drawing1.xml",
        "xl/comments1.xml",
      ])
    );
    for (const [name, text] of stock) expect(firstDifference(name, ours.get(name)!, text)).toBe("");
    // The big parts were long enough to be joined in chunks.
    expect(ours.get("xl/worksheets/sheet2.xml")!.length).toBeGreaterThan(500_000);
    // And ExcelJS reads it back.
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(file);
    expect(again.getWorksheet("Afwijzingen")!.rowCount).toBeGreaterThan(1_900);
    expect(again.getWorksheet("Aanvraag")!.getImages()).toHaveLength(1);
  });

  test("the XmlStream that ExcelJS renders with is the one that joins as it goes", async () => {
    await writeXlsx(exampleWorkbook(), path.join(scratch(), "uit.xlsx"), 1);
    const ExcelJSXmlStream = require("exceljs/lib/utils/xml-stream") as new () => StreamLike & {
      _xml: string[];
    };
    const stream = new ExcelJSXmlStream();
    for (let i = 0; i < 10_000; i++) stream.leafNode("v", undefined, String(i));
    expect(stream._xml.length).toBeLessThan(4_096);
    expect(stream.xml).toBe(Array.from({ length: 10_000 }, (_, i) => `<v>${i}</v>`).join(""));
  });

  test("deflates at the level asked for: level 9 makes a smaller file than level 1", async () => {
    const workbook = exampleWorkbook(500);
    const dir = scratch();
    await writeXlsx(workbook, path.join(dir, "1.xlsx"), 1);
    await writeXlsx(workbook, path.join(dir, "9.xlsx"), 9);
    const size = (f: string) => fs.statSync(path.join(dir, f)).size;
    expect(size("9.xlsx")).toBeLessThan(size("1.xlsx"));
  });

  test("a folder that does not exist: ENOENT before anything is rendered, nothing is left", async () => {
    const dir = scratch();
    const file = path.join(dir, "geen-map", "uit.xlsx");
    const workbook = exampleWorkbook();
    const render = jest.spyOn(
      workbook.xlsx as unknown as Record<string, () => void>,
      "prepareModel"
    );
    await expect(writeXlsx(workbook, file, 1)).rejects.toMatchObject({ code: "ENOENT" });
    expect(render).not.toHaveBeenCalled();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("rendering fails: saveWorkbook passes our own error on (no 'Kan … niet schrijven') and leaves no temporary file", async () => {
    const dir = scratch();
    for (let i = 0; i < 20; i++) {
      const workbook = exampleWorkbook();
      jest
        .spyOn(workbook.xlsx as unknown as Record<string, () => void>, "addWorksheets")
        .mockImplementation(() => {
          throw new Error("kapot");
        });
      const file = path.join(dir, `uit-${i}.xlsx`);
      const failed = saveWorkbook(workbook, file);
      await expect(failed).rejects.toThrow("kapot");
      await expect(failed).rejects.not.toBeInstanceOf(FileError);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("rendering fails: the file is closed before the failure returns (Windows cannot remove an open file)", async () => {
    const dir = scratch();
    const workbook = exampleWorkbook();
    jest
      .spyOn(workbook.xlsx as unknown as Record<string, () => void>, "addSharedStrings")
      .mockImplementation(() => {
        throw new Error("kapot");
      });
    const opened = jest.spyOn(fs, "createWriteStream");
    try {
      await expect(writeXlsx(workbook, path.join(dir, "uit.xlsx"), 6)).rejects.toThrow("kapot");
      expect(opened).toHaveBeenCalledTimes(1);
      const stream = opened.mock.results[0].value as fs.WriteStream;
      expect(stream.closed).toBe(true);
    } finally {
      opened.mockRestore();
    }
  });
  test("awardscore score --out in a folder that does not exist: exit 2, a Dutch message", async () => {
    const dir = scratch();
    const input = path.join(dir, "aanvraag.xlsx");
    await exampleWorkbook().xlsx.writeFile(input);
    const out = path.join(dir, "geen-map", "uit.xlsx");
    const ran = await awardscore("score", input, "--out", out);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      `Kan '${out}' niet schrijven: de map '${path.dirname(out)}' bestaat niet. ` +
        `Maak de map eerst aan, of kies een andere plek.`
    );
    expect(fs.readdirSync(dir)).toEqual(["aanvraag.xlsx"]);
  });
});
