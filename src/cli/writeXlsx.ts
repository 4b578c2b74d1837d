/**
 * Writing a workbook to a file with Node's own zlib instead of ExcelJS's JSZip.
 *
 * ExcelJS renders every part of the workbook (sheets, shared strings, styles, …) and
 * hands each to a zip writer; its own writer (JSZip) deflates in JavaScript (pako),
 * one part after the other, on the main thread. Here the same parts, rendered by
 * ExcelJS's own code in ExcelJS's own order, go to yazl, which deflates each part with
 * zlib on libuv's thread pool while ExcelJS renders the next one. At 10,000
 * candidates that takes about 0.4 s off the write (2.8 s → 2.4 s), and ExcelJS's XML
 * is joined as it goes (see ./chunkedXml.ts), which takes another 1.2 s. A test
 * (test/cli/writeXlsx.test.ts) checks that every part is what
 * `workbook.xlsx.writeBuffer()` writes (but for the GUIDs ExcelJS makes anew on every
 * write) and that the steps are still those of ExcelJS's `XLSX.write`.
 */
import type ExcelJS from "exceljs";
import { once } from "events";
import fs from "fs";
import { finished } from "stream/promises";
import { ZipFile } from "yazl";
import { chunkXmlJoins, type XmlStreamClass } from "./chunkedXml";

/** ExcelJS's own XmlStream, the class its part writers render into. */
const XmlStream: XmlStreamClass = require("exceljs/lib/utils/xml-stream");

/** What ExcelJS's part writers call on the zip they are given. */
interface PartSink {
  append(
    data: string | Buffer | Uint8Array | ArrayBuffer,
    options: { name: string; base64?: boolean }
  ): void;
}

/** The model ExcelJS renders from (`workbook.model`), opaque here. */
type Model = object;

/** One step of ExcelJS's `XLSX.write`: renders some parts into the zip. */
type Step = (zip: PartSink, model: Model) => Promise<void>;

/**
 * The steps of ExcelJS's `XLSX.write` (exceljs/lib/xlsx/xlsx.js, 4.4.0, pinned in
 * package.json), in its order; steps in one group run together, as there.
 * test/cli/writeXlsx.test.ts reads `XLSX.write` and fails when its steps change.
 */
export const WRITE_STEPS = [
  ["addContentTypes"],
  ["addOfficeRels"],
  ["addWorkbookRels"],
  ["addWorksheets"],
  ["addSharedStrings"], // after the worksheets, which fill it
  ["addDrawings"],
  ["addTables"],
  ["addThemes", "addStyles"],
  ["addMedia"],
  ["addApp", "addCore"],
  ["addWorkbook"],
] as const;

type StepName = (typeof WRITE_STEPS)[number][number];

/** ExcelJS's `workbook.xlsx` as far as writing needs it. */
type XlsxSteps = Record<StepName, Step> & {
  prepareModel(model: Model, options: object): void;
};

/** A part's bytes: XML text as UTF-8, base64 text decoded, binary data as it is. */
function bytesOf(data: string | Buffer | Uint8Array | ArrayBuffer, base64?: boolean): Buffer {
  if (typeof data === "string") return Buffer.from(data, base64 ? "base64" : "utf8");
  if (Buffer.isBuffer(data)) return data;
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
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
  // A failing file is reported by the awaits below, not as an unhandled rejection.
  written.catch(() => undefined);
  try {
    // A file that cannot be made (a missing folder, no rights) fails here, before any work.
    await once(out, "open");
    const sink: PartSink = {
      append(data, { name, base64 }) {
        zip.addBuffer(bytesOf(data, base64), name, { compressionLevel: level });
      },
    };
    const model = workbook.model;
    steps.prepareModel(model, {});
    for (const group of WRITE_STEPS) {
      // A file that fails while it is written (a full disk) stops the work between steps.
      if (out.errored) throw out.errored;
      await Promise.all(group.map((name) => steps[name](sink, model)));
    }
    zip.end();
  } catch (error) {
    // Closed before the caller goes on: the caller may remove the file, which an open
    // still under way would create again afterwards.
    out.destroy();
    await written.catch(() => undefined);
    throw error;
  }
  await written;
}
