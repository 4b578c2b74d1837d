/**
 * Hostile CV files (src/cv/read): files made to hang or crash a reader (a zip bomb, endless
 * unclosed elements, a page of thousands of tiny lines, a stale page count) are refused or
 * read quickly, each refusal a Dutch message naming the file. The files are built here, small.
 */
import { strToU8, zipSync } from "fflate";
import { readCv } from "../../src/cv/read";
import { p, rawDocx, readError } from "./readHelpers";

/** CPU seconds (user + system) `run` takes; a generous bound, not wall time. */
async function cpuSeconds<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const before = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(before);
  return { value, seconds: (used.user + used.system) / 1e6 };
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** The offsets of the central directory headers in a zip. */
function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) found.push(i);
  return found;
}

/**
 * A .docx whose document.xml unpacks to `mb` MB (a paragraph, then spaces); with `lie`, the
 * zip's directory and local header declare 1 KB instead.
 */
function zipBomb(mb: number, lie: boolean): Uint8Array {
  const head = strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`);
  const xml = new Uint8Array(mb * 1024 * 1024).fill(0x20);
  xml.set(head);
  const zip = zipSync({
    "_rels/.rels": strToU8("<Relationships/>"),
    "word/document.xml": [xml, { level: 9 }],
  });
  if (lie) {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (const at of centralHeaders(zip)) {
      view.setUint32(at + 24, 1024, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, 1024, true);
    }
  }
  return zip;
}

describe("a zip bomb (.docx unpacking to far more than a CV)", () => {
  test.each([
    ["declared honestly", false],
    ["declaring 1 KB", true],
  ])("%s → tooLarge naming the file, quickly", async (_, lie) => {
    const bytes = zipBomb(64, lie);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const { value: error, seconds } = await cpuSeconds(() => readError("bom.docx", bytes));
    expect(error.code).toBe("tooLarge");
    expect(error.message).toMatch(/^bom\.docx: het bestand is uitgepakt te groot \(meer dan 30 MB/);
    expect(seconds).toBeLessThan(lie ? 3 : 0.5);
  });

  test("a docx just under the cap is still read", async () => {
    const body = `<w:p><w:r><w:t>Werkervaring</w:t></w:r></w:p>`;
    const xml = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}${" ".repeat(2 * 1024 * 1024)}</w:body></w:document>`;
    const doc = await readCv("groot.docx", zipSync({ "word/document.xml": strToU8(xml) }));
    expect(doc.lines.map((l) => l.text)).toEqual(["Werkervaring"]);
  });
});

describe("a .docx of endless unclosed section properties", () => {
  test("20,000 unclosed <w:sectPr> → damaged naming the file, quickly", async () => {
    const bytes = rawDocx(`${p("Werkervaring")}${"<w:sectPr>".repeat(20000)}`);
    expect(bytes.length).toBeLessThan(4096);
    const { value: error, seconds } = await cpuSeconds(() => readError("secties.docx", bytes));
    expect(error.code).toBe("damaged");
    expect(error.message).toMatch(/^secties\.docx: het bestand is beschadigd/);
    expect(seconds).toBeLessThan(1);
  });

  test("20,000 sections, each closed, are read in one pass per section", async () => {
    const section = (i: number) =>
      p(
        `Regel ${i}`,
        `<w:sectPr><w:type w:val="continuous"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`
      );
    const body = Array.from({ length: 20000 }, (_, i) => section(i)).join("");
    const { value: doc, seconds } = await cpuSeconds(() => readCv("veel.docx", rawDocx(body)));
    expect(doc.lines[0].text).toBe("Regel 0");
    expect(doc.lines.length).toBeGreaterThan(100);
    expect(seconds).toBeLessThan(5);
  });
});
