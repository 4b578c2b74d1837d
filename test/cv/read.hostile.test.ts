/**
 * Hostile CV files (src/cv/read): files made to hang or crash a reader (a zip bomb, endless
 * unclosed elements, a page of thousands of tiny lines, a stale page count) are refused or
 * read quickly, each refusal a Dutch message naming the file. The files are built here, small.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { crc32, deflateRawSync } from "zlib";
import { readCv } from "../../src/cv/read";
import { p, rawDocx, readError } from "./readHelpers";

/** A one-page PDF whose content stream is `content` (text in Helvetica as /F1). */
function textPdf(content: string): Uint8Array {
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  const object = (n: number, body: string) => {
    offsets[n] = pdf.length;
    pdf += `${n} 0 obj\n${body}\nendobj\n`;
  };
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(
    3,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
  );
  object(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  object(5, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  const xref = pdf.length;
  pdf += `xref\n0 6\n0000000000 65535 f \n${offsets
    .slice(1)
    .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
    .join("")}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(pdf, true);
}

/** A text operator drawing `text` at (x, y) in `size` points. */
const show = (x: number, y: number | string, size: number, text: string) =>
  `/F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm (${text}) Tj`;

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
 * A zip of `entries`, each deflated by Node's zlib (level 9): fflate's own deflate takes
 * ≈ 1.5 CPU-s for the bomb's 40 MB, zlib ≈ 0.2. Reading (fflate's inflate) is what is tested.
 */
function deflatedZip(entries: Record<string, Uint8Array>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const fileName = Buffer.from(name, "utf8");
    const deflated = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, deflated);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The 40 MB bomb, built once for both tests (each gets its own copy). */
let bomb: Uint8Array | undefined;

/**
 * A .docx whose document.xml unpacks to 40 MB (a paragraph, then spaces); with `lie`, the
 * zip's directory and local header declare 1 KB instead.
 */
function zipBomb(lie: boolean): Uint8Array {
  if (!bomb) {
    const head = strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`);
    const xml = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    xml.set(head);
    bomb = deflatedZip({ "_rels/.rels": strToU8("<Relationships/>"), "word/document.xml": xml });
  }
  const zip = bomb.slice();
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
    const bytes = zipBomb(lie);
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

describe("a PDF page of thousands of tiny lines", () => {
  test("16,000 lines on one page → tooLarge 'te veel tekst' naming the file, quickly", async () => {
    const ops = Array.from({ length: 16000 }, (_, i) =>
      show(72, (800 - i * 0.05).toFixed(2), 0.04, "ab")
    );
    const bytes = textPdf(`BT ${ops.join("\n")} ET`);
    const { value: error, seconds } = await cpuSeconds(() => readError("regels.pdf", bytes));
    expect(error.code).toBe("tooLarge");
    expect(error.message).toBe(
      "regels.pdf: het bestand bevat te veel tekst om als cv te lezen (meer dan 5.000 regels). Vraag de leverancier om een gewoon cv, of typ de gegevens zelf over."
    );
    expect(seconds).toBeLessThan(8);
  });

  test("two columns of 8,000 tiny lines each → tooLarge, quickly", async () => {
    const ops = Array.from({ length: 8000 }, (_, i) => {
      const y = 800 - i * 0.09;
      return `${show(72, y.toFixed(2), 0.04, "links")}\n${show(300, (y - 0.03).toFixed(2), 0.04, "rechts")}`;
    });
    const bytes = textPdf(`BT ${ops.join("\n")} ET`);
    const { value: error, seconds } = await cpuSeconds(() => readError("kolommen.pdf", bytes));
    expect(error.message).toMatch(/^kolommen\.pdf: het bestand bevat te veel tekst/);
    expect(seconds).toBeLessThan(8);
  });

  test("30,000 pieces of text on one page → refused before laying them out", async () => {
    const ops = Array.from({ length: 30000 }, (_, i) =>
      show(72 + (i % 50) * 9, 800 - Math.floor(i / 50), 1, "x")
    );
    const bytes = textPdf(`BT ${ops.join("\n")} ET`);
    const { value: error, seconds } = await cpuSeconds(() => readError("stukjes.pdf", bytes));
    expect(error.code).toBe("tooLarge");
    expect(error.message).toMatch(
      /^stukjes\.pdf: het bestand bevat te veel tekst om als cv te lezen \(meer dan 20\.000 stukjes tekst op pagina 1\)/
    );
    expect(seconds).toBeLessThan(8);
  });
});

describe("a .docx whose <Pages> in docProps/app.xml is stale", () => {
  /** Ten paragraphs, each after the first on a new page (9 explicit page breaks). */
  const tenPages = Array.from({ length: 10 }, (_, i) =>
    i === 0
      ? p("Pagina 1")
      : `<w:p><w:r><w:br w:type="page"/><w:t>Pagina ${i + 1}</w:t></w:r></w:p>`
  ).join("");

  test("<Pages>1</Pages> against 9 page breaks → the breaks' count, 'estimate', lines on their pages", async () => {
    const doc = await readCv("oud.docx", rawDocx(tenPages, 1));
    expect(doc.pages).toBe(10);
    expect(doc.pagesSource).toBe("estimate");
    expect(doc.lines.map((l) => `${l.page}.${l.line} ${l.text}`)).toEqual(
      Array.from({ length: 10 }, (_, i) => `${i + 1}.1 Pagina ${i + 1}`)
    );
  });

  test.each([10, 12])(
    "<Pages>%i</Pages> agreeing with or above the breaks → kept, 'properties'",
    async (pages) => {
      const doc = await readCv("goed.docx", rawDocx(tenPages, pages));
      expect(doc.pages).toBe(pages);
      expect(doc.pagesSource).toBe("properties");
      expect(doc.lines[9]).toEqual({ page: 10, line: 1, text: "Pagina 10" });
    }
  );
});

describe("a .docx with hostile styles.xml or _rels/.rels", () => {
  /** rawDocx's files with `name` replaced by `xml`. */
  const withPart = (name: string, xml: string) => {
    const files = unzipSync(rawDocx(p("Werkervaring")));
    files[name] = strToU8(xml);
    return zipSync(files);
  };
  const styles = (inner: string) => `<w:styles xmlns:w="${W}">${inner}</w:styles>`;

  test.each([
    [
      "50,000 unclosed paragraph styles",
      "word/styles.xml",
      styles('<w:style w:type="paragraph">'.repeat(50000)),
    ],
    [
      "50,000 empty paragraph styles",
      "word/styles.xml",
      styles('<w:style w:type="paragraph" w:styleId="a"/>'.repeat(50000)),
    ],
    ["50,000 unclosed relationships", "_rels/.rels", "<Relationship ".repeat(50000)],
  ])("%s: the text is still read, quickly", async (_, name, xml) => {
    const bytes = withPart(name, xml);
    expect(bytes.length).toBeLessThan(8192);
    const { value: doc, seconds } = await cpuSeconds(() => readCv("stijl.docx", bytes));
    expect(doc.lines.map((l) => l.text)).toEqual(["Werkervaring"]);
    // Before: 6.3, 7.6 and 15.5 CPU-s; now 0.05–0.6 here, 1.3 on a loaded CI run.
    expect(seconds).toBeLessThan(3);
  });
});
