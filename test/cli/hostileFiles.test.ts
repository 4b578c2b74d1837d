/**
 * Hostile and odd files (issue 18): small files that used to take the command down. Each is
 * the bundled example changed at the XML level, run through the real binary under
 * /usr/bin/time: it ends within 10 s and 500 MB here, with a result or a Dutch message
 * (exit 2), never a crash (exit 1) or a stack trace.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { WORKSHEET_ORDER } from "../../src/xlsx/package/markup";
import { workbookParts } from "../../src/xlsx/package/parts";
import { readPackage, writePackage, type Part } from "../../src/xlsx/package/zip";
import { bin, compileCliBeforeAll, root, scratch } from "./helpers";

compileCliBeforeAll();
jest.setTimeout(60_000);

const example = path.join(root, "examples/aanvraag-17040.xlsx");

/** The example's package, read once for the file's tests (they map its parts, never change them). */
let examplePackage: ReturnType<typeof readPackage> | undefined;
const examplePkg = () => (examplePackage ??= readPackage(fs.readFileSync(example)));

/** The example's parts with the Kandidaten sheet's XML changed by `edit`. */
async function withKandidaten(edit: (xml: string) => string): Promise<Part[]> {
  const pkg = await examplePkg();
  const part = workbookParts(pkg).sheets.find((s) => s.name === "Kandidaten")!.part!;
  return pkg.parts.map((p) =>
    p.name === part ? { name: p.name, data: Buffer.from(edit(p.data.toString("utf8"))) } : p
  );
}

/**
 * Inserts `xml`, a worksheet child named `child`, where the schema puts it: before the first
 * child that comes later in CT_Worksheet's order, else before the worksheet's end.
 */
function insertChild(sheet: string, child: (typeof WORKSHEET_ORDER)[number], xml: string): string {
  for (const name of WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(child) + 1)) {
    const at = sheet.search(new RegExp(`<(?:\\w+:)?${name}[\\s/>]`));
    if (at >= 0) return sheet.slice(0, at) + xml + sheet.slice(at);
  }
  const end = sheet.lastIndexOf("</");
  return sheet.slice(0, end) + xml + sheet.slice(end);
}

/** What one run of the real binary did, with its time and peak memory. */
interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  megabytes: number;
}

/** Runs the binary under /usr/bin/time. */
function measured(...args: string[]): Measured {
  const child = spawnSync("/usr/bin/time", ["-f", "TIME %e %M", process.execPath, bin, ...args], {
    encoding: "utf8",
    cwd: root,
    timeout: 60_000,
  });
  const line = child.stderr.split("\n").find((l) => l.startsWith("TIME "));
  const [seconds, kb] = (line ?? "TIME 999 99999999").slice(5).split(" ").map(Number);
  return {
    code: child.status,
    stdout: child.stdout,
    stderr: child.stderr.replace(/^TIME .*$/m, "").trim(),
    seconds,
    megabytes: kb / 1024,
  };
}

/** Asserts the bounds every hostile file must keep. */
function expectBounded(run: Measured): void {
  expect(run.seconds).toBeLessThanOrEqual(10);
  expect(run.megabytes).toBeLessThanOrEqual(500);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect([0, 2]).toContain(run.code);
}

/**
 * A zip whose one extra part declares `declared` bytes but holds the deflate stream
 * `stream` (written by hand: yazl computes sizes itself).
 */
function zipWithRawPart(parts: Part[], name: string, stream: Buffer, declared: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const entries = [
    ...parts.map((p) => ({
      name: p.name,
      data: zlib.deflateRawSync(p.data),
      size: p.data.length,
      crc: crc32(p.data),
    })),
    { name, data: stream, size: declared, crc: 0 },
  ];
  for (const entry of entries) {
    const fileName = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, entry.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** CRC-32 (the zip's checksum) of some bytes: Node's zlib computes it. */
const crc32 = (data: Buffer): number => zlib.crc32(data);

/** One flushed deflate block of 64 MB of zeros, made once for the file's tests. */
let zeroBlock: Buffer | undefined;

/** A raw deflate stream of `chunks` × 64 MB of zeros, made from one flushed block repeated. */
function zeros(chunks: number): Buffer {
  const block = (zeroBlock ??= zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024), {
    level: 1,
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  }));
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: chunks }, () => block), last]);
}

describe("hostile and odd files end in bounded time and memory, with a result or a Dutch message", () => {
  const dir = scratch();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function file(name: string, parts: Part[] | Buffer): Promise<string> {
    const target = path.join(dir, name);
    if (Buffer.isBuffer(parts)) fs.writeFileSync(target, parts);
    else await writePackage(parts, target);
    return target;
  }

  test.each([
    [
      "a data validation on A1:XFD1048576",
      (x: string) =>
        insertChild(
          x,
          "dataValidations",
          '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>'
        ),
    ],
    [
      "a merged area A100:Z1048576",
      (x: string) =>
        insertChild(
          x,
          "mergeCells",
          '<mergeCells count="1"><mergeCell ref="A100:Z1048576"/></mergeCells>'
        ),
    ],
    [
      "drop-downs on D2:H1048576",
      (x: string) =>
        insertChild(
          x,
          "dataValidations",
          '<dataValidations count="1"><dataValidation type="list" sqref="D2:H1048576"><formula1>"Ja,Nee"</formula1></dataValidation></dataValidations>'
        ),
    ],
    [
      "a dimension of A1:XFD1048576",
      (x: string) =>
        /<dimension\b/.test(x)
          ? x.replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:XFD1048576"')
          : insertChild(x, "dimension", '<dimension ref="A1:XFD1048576"/>'),
    ],
  ])("%s: scored, within bounds", async (name, edit) => {
    const input = await file(`${name.replace(/\W+/g, "-")}.xlsx`, await withKandidaten(edit));
    const run = measured(
      "score",
      input,
      "--out",
      path.join(dir, `${path.basename(input, ".xlsx")}-uit.xlsx`)
    );
    expectBounded(run);
    expect(run.code).toBe(0);
  });

  test("an unreferenced part of 3.9 GB in a small zip is refused before it is inflated", async () => {
    const pkg = await examplePkg();
    const bomb = zeros(4); // 256 MB of zeros, about 250 KB deflated, declared as 3.9 GB
    const input = await file(
      "bom.xlsx",
      zipWithRawPart(pkg.parts, "xl/media/leeg.bin", bomb, 3_900_000_000)
    );
    expect(fs.statSync(input).size).toBeLessThan(2 * 1024 * 1024);
    const run = measured("score", input, "--out", path.join(dir, "bom-uit.xlsx"));
    expectBounded(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/xl\/media\/leeg\.bin/);
    expect(fs.existsSync(path.join(dir, "bom-uit.xlsx"))).toBe(false);
  });

  test("a part that inflates to far more than its header says is refused while inflating", async () => {
    const pkg = await examplePkg();
    const input = await file(
      "liegt.xlsx",
      zipWithRawPart(pkg.parts, "xl/media/klein.bin", zeros(2), 1000)
    );
    const run = measured("score", input, "--out", path.join(dir, "liegt-uit.xlsx"));
    expectBounded(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/klein\.bin/);
  });

  test("a billion-laughs DOCTYPE in the shared strings is refused and says why", async () => {
    const pkg = await examplePkg();
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>';
    const parts = pkg.parts.map((p) =>
      p.name === "xl/sharedStrings.xml"
        ? {
            name: p.name,
            data: Buffer.from(
              p.data
                .toString("utf8")
                .replace(/^<\?xml[^>]*\?>/, laughs)
                .replace("<t>", "<t>&lol9;")
            ),
          }
        : p
    );
    const input = await file("lachen.xlsx", parts);
    const run = measured("score", input, "--out", path.join(dir, "lachen-uit.xlsx"));
    expectBounded(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/DOCTYPE/);
    expect(run.stderr).toMatch(/sharedStrings\.xml/);
  });

  test.each([
    [
      "a header at XFD1",
      (x: string) =>
        x.replace(/<\/row>/, '<c r="XFD1" t="inlineStr"><is><t>Kandidaat</t></is></c></row>'),
    ],
    [
      "a cell beyond column XFD",
      (x: string) =>
        x.replace(/<\/row>/, '<c r="XFE1" t="inlineStr"><is><t>te ver</t></is></c></row>'),
    ],
    [
      "a row beyond 1048576",
      (x: string) =>
        x.replace(
          /<\/sheetData>/,
          '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'
        ),
    ],
  ])("%s: a result or a Dutch message, never a crash", async (name, edit) => {
    const input = await file(`${name.replace(/\W+/g, "-")}.xlsx`, await withKandidaten(edit));
    const run = measured(
      "score",
      input,
      "--out",
      path.join(dir, `${path.basename(input, ".xlsx")}-uit.xlsx`)
    );
    expectBounded(run);
    if (run.code === 2) expect(run.stderr).toMatch(/Kandidaten|XFD|1048576|rij|kolom/i);
  });

  test("a table whose ref has no row (A1:W) is a Dutch message, not a crash", async () => {
    const pkg = await examplePkg();
    const parts = pkg.parts.map((p) =>
      /^xl\/tables\/table\d+\.xml$/.test(p.name) &&
      p.data.toString("utf8").includes('name="Kandidaten"')
        ? {
            name: p.name,
            data: Buffer.from(p.data.toString("utf8").replace(/ref="[^"]*"/g, 'ref="A1:W"')),
          }
        : p
    );
    const input = await file("tabel.xlsx", parts);
    const run = measured("score", input, "--out", path.join(dir, "tabel-uit.xlsx"));
    expectBounded(run);
    expect(run.code).toBe(2);
  });
});
