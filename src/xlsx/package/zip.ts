/**
 * An `.xlsx` file as the package it is: a zip of named parts. Reading checks every
 * part against the caps in {@link LIMITS} before inflating it (from the zip's central
 * directory, and again while inflating: yauzl stops an entry that inflates to more than
 * its header says), so a small hostile file can neither fill the memory nor run long.
 * Writing gives every part it did not change back with the same bytes.
 */
import fs from "fs";
import yauzl from "yauzl";
import { ZipFile } from "yazl";

/**
 * The caps on what the command reads. A workbook of 10,000 candidates is a zip of about
 * 1.5 MB with parts of at most 12 MB, inflated 8 to 12 times; the caps leave room above
 * that for real workbooks with pictures and pivot caches, and stop what is not one, so
 * that any input ends within about 500 MB of memory here (a part is held as bytes and,
 * when read or edited, as text).
 */
export const LIMITS = {
  /** The file itself. */
  fileBytes: 50 * 1024 * 1024,
  /** One part, inflated. */
  partBytes: 100 * 1024 * 1024,
  /** All parts together, inflated. */
  totalBytes: 200 * 1024 * 1024,
  /** How much a part larger than {@link LIMITS.ratioFrom} may grow when inflated. */
  ratio: 200,
  /** Parts up to this size may grow by any ratio (a few KB of zeros is no bomb). */
  ratioFrom: 1024 * 1024,
  /** Parts in one package. */
  parts: 10_000,
  /**
   * Cells one read of the sheets takes in (every `<c>` of every sheet read). The example at
   * 10,000 candidates has about 175,000, at 17,100 about 300,000; scoring 17,100 candidates
   * peaks at about 0.9 GB here. The cap stops larger sheets with a message.
   */
  cells: 300_000,
  /**
   * Row and column slots one read lays out from A1 (rows up to the last, each row up to its
   * last value): a single value in XFD1048576 costs a million rows, so such a sheet is
   * refused instead of filling the memory. The example at 10,000 candidates needs about
   * 500,000.
   */
  slots: 4_000_000,
} as const;

/** Why a package cannot be read: each has its own Dutch message (see ../../workbook/texts). */
export type PackageProblem =
  | { kind: "notZip" }
  | { kind: "fileTooLarge"; bytes: number; limit: number }
  | { kind: "tooManyParts"; count: number; limit: number }
  | { kind: "partTooLarge"; part: string; bytes: number; limit: number }
  | { kind: "totalTooLarge"; bytes: number; limit: number }
  | { kind: "ratio"; part: string; ratio: number; limit: number }
  | { kind: "encryptedPart"; part: string }
  | { kind: "badPart"; part: string; reason: string }
  | { kind: "doctype"; part: string }
  | { kind: "notXml"; part: string; reason: string }
  | { kind: "missingPart"; part: string }
  | { kind: "tooManyCells"; sheet: string; cells: number; limit: number }
  | { kind: "badReference"; sheet: string; ref: string }
  | { kind: "badTable"; part: string; table: string; ref: string }
  | { kind: "notWorkbook"; reason: string };

/** A package that cannot be read, with the reason as data (the command words it in Dutch). */
export class PackageError extends Error {
  constructor(readonly problem: PackageProblem) {
    super(`${problem.kind}${"part" in problem ? ` (${problem.part})` : ""}`);
    this.name = "PackageError";
  }
}

/** One part of a package: its name in the zip and its inflated bytes. */
export interface Part {
  /** The name as the zip spells it, without a leading `/`. */
  name: string;
  data: Buffer;
}

/**
 * The parts of a package in the zip's order. Part names are case-insensitive in a package
 * (ECMA-376 part 2, §9.1.1.1): {@link Package.get} finds a part however it is spelled.
 */
export class Package {
  private readonly byKey = new Map<string, Part>();

  constructor(readonly parts: Part[]) {
    for (const part of parts) this.byKey.set(partKey(part.name), part);
  }

  /** The part of that name (any case, with or without a leading `/`), or undefined. */
  get(name: string): Part | undefined {
    return this.byKey.get(partKey(name));
  }

  /** The part's text, decoded as XML says (UTF-8, or UTF-16 with a byte order mark). */
  text(name: string): string | undefined {
    const part = this.get(name);
    return part ? decodeXml(part.data) : undefined;
  }
}

/** The key a part name is found by: no leading `/`, lower case. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

/** XML bytes as text: UTF-8 (with or without its byte order mark) or UTF-16 with one. */
export function decodeXml(data: Buffer): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe)
    return data.subarray(2).toString("utf16le");
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return data.subarray(3).toString("utf8");
  return data.toString("utf8");
}

/** A yauzl call as a promise. */
function promised<T>(call: (done: (error: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    call((error, value) => (error ? reject(error) : resolve(value as T)))
  );
}

/**
 * Reads the package in `bytes` (an `.xlsx`, `.xlsm`, …) within `limits`.
 *
 * @throws PackageError when it is no zip, a cap is exceeded or a part cannot be inflated.
 * @example
 * const pkg = await readPackage(await fs.promises.readFile("aanvraag.xlsx"));
 * pkg.text("xl/workbook.xml");
 */
export async function readPackage(bytes: Buffer, limits = LIMITS): Promise<Package> {
  if (bytes.length > limits.fileBytes)
    throw new PackageError({ kind: "fileTooLarge", bytes: bytes.length, limit: limits.fileBytes });
  let zip: yauzl.ZipFile;
  try {
    zip = await promised<yauzl.ZipFile>((done) =>
      yauzl.fromBuffer(
        bytes,
        { lazyEntries: true, decodeStrings: true, strictFileNames: false },
        done
      )
    );
  } catch {
    throw new PackageError({ kind: "notZip" });
  }
  const entries: yauzl.Entry[] = [];
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entries.length >= limits.parts) {
          reject(
            new PackageError({ kind: "tooManyParts", count: zip.entryCount, limit: limits.parts })
          );
          return;
        }
        entries.push(entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", (error: Error) => reject(error));
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError({ kind: "notZip" });
  }
  for (const entry of entries) {
    if (entry.fileName.endsWith("/")) continue;
    checkEntry(entry, limits);
    total += entry.uncompressedSize;
    if (total > limits.totalBytes)
      throw new PackageError({ kind: "totalTooLarge", bytes: total, limit: limits.totalBytes });
  }
  const parts: Part[] = [];
  for (const entry of entries) {
    if (entry.fileName.endsWith("/")) continue;
    parts.push({ name: entry.fileName, data: await inflate(zip, entry) });
  }
  return new Package(parts);
}

/** Refuses an entry whose declared size or ratio exceeds the caps, or that is encrypted. */
function checkEntry(entry: yauzl.Entry, limits: typeof LIMITS): void {
  const name = entry.fileName;
  if (entry.isEncrypted()) throw new PackageError({ kind: "encryptedPart", part: name });
  if (entry.uncompressedSize > limits.partBytes)
    throw new PackageError({
      kind: "partTooLarge",
      part: name,
      bytes: entry.uncompressedSize,
      limit: limits.partBytes,
    });
  if (entry.uncompressedSize > limits.ratioFrom) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > limits.ratio)
      throw new PackageError({
        kind: "ratio",
        part: name,
        ratio: Math.round(ratio),
        limit: limits.ratio,
      });
  }
}

/** The inflated bytes of one entry; yauzl checks they are as many as the header says. */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  try {
    const stream = await promised<NodeJS.ReadableStream>((done) => zip.openReadStream(entry, done));
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (error) {
    throw new PackageError({
      kind: "badPart",
      part: entry.fileName,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Writes `parts` as a zip at `file` (in place: callers that need a crash-safe write go
 * through a temporary name), each deflated at `level` (1 fastest … 9 smallest). The
 * `[Content_Types].xml` part goes first, as Office writes it.
 *
 * @example
 * await writePackage(pkg.parts, "uit.xlsx", 6);
 */
export async function writePackage(parts: Part[], file: string, level = 6): Promise<void> {
  const zip = new ZipFile();
  const out = fs.createWriteStream(file);
  const written = new Promise<void>((resolve, reject) => {
    out.on("close", () => resolve());
    out.on("error", reject);
    zip.outputStream.on("error", reject);
  });
  zip.outputStream.pipe(out);
  const ordered = [
    ...parts.filter((p) => partKey(p.name) === "[content_types].xml"),
    ...parts.filter((p) => partKey(p.name) !== "[content_types].xml"),
  ];
  // A fixed date: the same workbook gives the same bytes (the record's digest reads cells, not zips).
  const mtime = new Date(Date.UTC(2000, 0, 1));
  for (const part of ordered)
    zip.addBuffer(part.data, part.name, { compressionLevel: level, mtime });
  zip.end();
  await written;
}
