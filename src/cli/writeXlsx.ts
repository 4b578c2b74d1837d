/**
 * Writing a workbook to a file with Node's own zlib instead of ExcelJS's JSZip.
 *
 * ExcelJS renders every part of the workbook (sheets, shared strings, styles, …) and
 * hands each to a zip writer; its own writer (JSZip) deflates in JavaScript (pako),
 * one part after the other, on the main thread. Here the same parts, rendered by
 * ExcelJS's own code in ExcelJS's own order, go to yazl, which deflates each part with
 * zlib on libuv's thread pool while ExcelJS renders the next one. At 10,000
 * candidates that takes about 0.3 s off the write (bench/cli-bench.ts), and ExcelJS's
 * XML is joined as it goes (see ./chunkedXml.ts), which takes another 0.5 s. A test
 * (test/cli/writeXlsx.test.ts) checks that every part is byte for byte what
 * `workbook.xlsx.writeBuffer()` writes, so a change in ExcelJS cannot slip by.
 */
import type ExcelJS from "exceljs";
import fs from "fs";
import { finished } from "stream/promises";
import { ZipFile } from "yazl";
import { chunkXmlJoins, type XmlStreamClass } from "./chunkedXml";

/** ExcelJS's own XmlStream, the class its part writers render into. */
const XmlStream: XmlStreamClass = require("exceljs/lib/utils/xml-stream");

/** What ExcelJS's part writers call on the zip they are given. */
interface PartSink {
  append(data: string | Buffer, options: { name: string; base64?: boolean }): void;
}

/** The model ExcelJS renders from (`workbook.model`), opaque here. */
type Model = object;

/**
 * The steps of ExcelJS's `XLSX.write` (exceljs/lib/xlsx/xlsx.js, 4.4.0): the model is
 * prepared once, then each step renders its parts into the zip.
 */
interface XlsxSteps {
  prepareModel(model: Model, options: object): void;
  addContentTypes(zip: PartSink, model: Model): Promise<void>;
  addOfficeRels(zip: PartSink, model: Model): Promise<void>;
  addWorkbookRels(zip: PartSink, model: Model): Promise<void>;
  addWorksheets(zip: PartSink, model: Model): Promise<void>;
  addSharedStrings(zip: PartSink, model: Model): Promise<void>;
  addDrawings(zip: PartSink, model: Model): Promise<void>;
  addTables(zip: PartSink, model: Model): Promise<void>;
  addThemes(zip: PartSink, model: Model): Promise<void>;
  addStyles(zip: PartSink, model: Model): Promise<void>;
  addMedia(zip: PartSink, model: Model): Promise<void>;
  addApp(zip: PartSink, model: Model): Promise<void>;
  addCore(zip: PartSink, model: Model): Promise<void>;
  addWorkbook(zip: PartSink, model: Model): Promise<void>;
}

/**
 * Writes `workbook` as an `.xlsx` file at `file`, each part deflated by zlib at
 * `level` (1 = fastest, 9 = smallest). The file is written in place: callers that
 * need a crash-safe write go through a temporary name (see `saveWorkbook`).
 *
 * @example
 * await writeXlsx(workbook, "uit.xlsx", 1);
 */
export async function writeXlsx(
  workbook: ExcelJS.Workbook,
  file: string,
  level: number
): Promise<void> {
  const steps = workbook.xlsx as unknown as XlsxSteps;
  chunkXmlJoins(XmlStream);
  const zip = new ZipFile();
  const out = fs.createWriteStream(file);
  zip.outputStream.pipe(out);
  const written = finished(out);
  // The file may fail (e.g. a missing folder) while parts are still being rendered:
  // that is reported by the await at the end, not as an unhandled rejection.
  written.catch(() => undefined);
  try {
    const sink: PartSink = {
      append(data, { name, base64 }) {
        const bytes =
          typeof data === "string" ? Buffer.from(data, base64 ? "base64" : "utf8") : data;
        zip.addBuffer(bytes, name, { compressionLevel: level });
      },
    };
    const model = workbook.model;
    steps.prepareModel(model, {});
    await steps.addContentTypes(sink, model);
    await steps.addOfficeRels(sink, model);
    await steps.addWorkbookRels(sink, model);
    await steps.addWorksheets(sink, model);
    await steps.addSharedStrings(sink, model); // after the worksheets, which fill it
    await steps.addDrawings(sink, model);
    await steps.addTables(sink, model);
    await Promise.all([steps.addThemes(sink, model), steps.addStyles(sink, model)]);
    await steps.addMedia(sink, model);
    await Promise.all([steps.addApp(sink, model), steps.addCore(sink, model)]);
    await steps.addWorkbook(sink, model);
    zip.end();
  } catch (error) {
    out.destroy();
    throw error;
  }
  await written;
}
