/**
 * Unzipping the parts of a .docx that reading needs, with a cap on what they unpack to: a
 * small zip can unpack to gigabytes (a "zip bomb"). The sizes the zip's directory declares
 * are checked first; then the parts are inflated in small steps, counting the real bytes,
 * and the unzipping stops as soon as the total passes the cap (a zip may lie about sizes).
 */
import { Inflate } from "fflate";

/** What the XML parts read from one .docx may unpack to at most, in MB (a CV's are well below 5). */
export const MAX_UNZIPPED_MB = 30;

/** Compressed bytes fed to the inflater per step: one step unpacks to at most ≈ 1,032 × this. */
const STEP = 4096;

/** Why unzipping stopped: the zip is broken, or its parts unpack to more than the cap. */
export class UnzipError extends Error {
  /** "damaged" (not a readable zip) or "tooLarge" (more than the cap unpacked). */
  readonly reason: "damaged" | "tooLarge";

  /** An error for `reason`. */
  constructor(reason: "damaged" | "tooLarge", message: string) {
    super(message);
    this.name = "UnzipError";
    this.reason = reason;
  }
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** One entry of the zip's central directory. */
interface Entry {
  name: string;
  compression: number;
  compressedSize: number;
  size: number;
  /** Offset of its local header. */
  offset: number;
}

/** The central directory's entries (zip64 sizes and offsets read from their extra field). */
function entries(bytes: Uint8Array): Entry[] {
  let end = bytes.length - 22;
  while (end >= 0 && u32(bytes, end) !== 0x06054b50) {
    if (bytes.length - end > 65558) end = -1;
    else end--;
  }
  if (end < 0) throw new UnzipError("damaged", "no end of central directory");
  let count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const z = Number(readU64(bytes, end - 12));
    if (u32(bytes, z) === 0x06064b50) {
      count = Number(readU64(bytes, z + 32));
      at = Number(readU64(bytes, z + 48));
    }
  }
  const list: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      throw new UnzipError("damaged", "bad central directory");
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const entry: Entry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      compression: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
    };
    zip64(entry, bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    list.push(entry);
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return list;
}

/** A little-endian 64-bit number (as a JS number; sizes above 2^53 do not occur here). */
function readU64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 2 ** 32;
}

/** Fills in the fields marked 0xFFFFFFFF from the zip64 extra field (id 1), in its order. */
function zip64(entry: Entry, extra: Uint8Array): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== 1) continue;
    let field = at + 4;
    for (const key of ["size", "compressedSize", "offset"] as const)
      if (entry[key] === 0xffffffff && field + 8 <= extra.length) {
        entry[key] = readU64(extra, field);
        field += 8;
      }
  }
}

/**
 * The entries of `bytes` (a zip) whose names `wanted` accepts, unpacked. Throws UnzipError
 * "tooLarge" when their declared or real unpacked sizes add up to more than `maxBytes`
 * (stopping at once, without unpacking the rest), "damaged" when the zip cannot be read.
 *
 * @example
 * unzipCapped(bytes, (name) => name === "word/document.xml", 30 * 1024 * 1024)
 */
export function unzipCapped(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  maxBytes: number
): Record<string, Uint8Array> {
  const needed = entries(bytes).filter((e) => wanted(e.name));
  let declared = 0;
  for (const e of needed) declared += e.size;
  if (declared > maxBytes) throw new UnzipError("tooLarge", `declared ${declared} bytes`);
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  for (const e of needed) {
    const local = e.offset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50)
      throw new UnzipError("damaged", "bad local header");
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length < e.compressedSize) throw new UnzipError("damaged", "cut off");
    if (e.compression === 0) {
      total += data.length;
      if (total > maxBytes) throw new UnzipError("tooLarge", `more than ${maxBytes} bytes`);
      files[e.name] = data.slice();
      continue;
    }
    if (e.compression !== 8) throw new UnzipError("damaged", `compression ${e.compression}`);
    const chunks: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > maxBytes) throw new UnzipError("tooLarge", `more than ${maxBytes} bytes`);
      chunks.push(chunk);
    });
    try {
      for (let at = 0; at < data.length; at += STEP)
        inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof UnzipError) throw error;
      throw new UnzipError("damaged", String(error));
    }
    files[e.name] = concat(chunks);
  }
  return files;
}

/** The chunks as one array. */
function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
