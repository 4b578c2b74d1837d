/**
 * What every office test file would work out again for itself (the example workbook read by
 * ExcelJS, the FLEX functions' metadata parsed by Microsoft's generator, Microsoft's Excel
 * client compiled), worked out once per `jest` run and kept as a file in the run's temporary
 * folder (test/setup/runFolder.ts), under a key made of everything it is made from. A test file
 * then loads neither ExcelJS nor the TypeScript compiler (0.8 s each per file, measured).
 *
 * A value is kept only when it reads back deep-strictly equal to what was made (Dates,
 * `undefined` and holes included), so a test gets what it would have made itself. Outside a
 * run with the global set-up, nothing is kept.
 */
import crypto from "crypto";
import fs from "fs";
import path from "path";
import { isDeepStrictEqual } from "util";
import { RUN_SHARED, runFolder } from "../setup/runFolder";

/**
 * The folder of the kept values, shared on purpose by the run's files ({@link RUN_SHARED}: the
 * teardown removes it without naming it as left behind).
 */
function cacheFolder(): string | null {
  const run = runFolder();
  if (!run) return null;
  const dir = path.join(run, `${RUN_SHARED}office-cache`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Whether values are kept (in a `jest` run with the global set-up). */
export function keepsValues(): boolean {
  return runFolder() !== null;
}

/** The file that keeps `name` for `key` (a digest of the key: any text). */
function cacheFile(dir: string, name: string, key: string): string {
  const digest = crypto.createHash("sha256").update(key).digest("hex").slice(0, 32);
  return path.join(dir, `${name}-${digest}`);
}

/** Writes a file whole or not at all (two workers may keep the same value at once). */
function writeWhole(file: string, data: string | Buffer): void {
  const part = `${file}.${process.pid}.part`;
  fs.writeFileSync(part, data);
  fs.renameSync(part, file);
}

/** A sha256 of a file's bytes, for keys: the value changes when the file does. */
export function fileDigest(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** A value as JSON that keeps what JSON loses: Dates, `undefined`, holes, -0, NaN and ±Infinity. */
function encode(value: unknown): unknown {
  if (value === undefined) return { $: "u" };
  if (value instanceof Date) return { $: "d", t: String(value.getTime()) };
  if (typeof value === "number")
    return Number.isFinite(value) && !Object.is(value, -0) ? value : { $: "n", v: String(value) };
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(i in value ? encode(value[i]) : { $: "h" });
    return out;
  }
  if (value !== null && typeof value === "object") {
    if (Object.getPrototypeOf(value) !== Object.prototype)
      throw new Error(`runCache: cannot keep a ${value.constructor?.name ?? "special"} object`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encode(v);
    return "$" in out ? { $: "o", v: out } : out;
  }
  return value;
}

/** The value {@link encode} wrote. */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    value.forEach((v, i) => {
      const tag =
        v !== null && typeof v === "object" && !Array.isArray(v) ? (v as { $?: string }).$ : "";
      if (tag !== "h") out[i] = decode(v);
    });
    return out;
  }
  if (value === null || typeof value !== "object") return value;
  const tagged = value as { $?: string; t?: string; v?: unknown };
  if (tagged.$ === "u") return undefined;
  if (tagged.$ === "d") return new Date(Number(tagged.t));
  if (tagged.$ === "n") return Number(tagged.v);
  const fields = (tagged.$ === "o" ? tagged.v : value) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = decode(v);
  return out;
}

/** The kept value of `name` for `key`, or undefined when none is kept (or no run). */
function read<T>(name: string, key: string): T | undefined {
  const dir = cacheFolder();
  if (!dir) return undefined;
  const file = cacheFile(dir, name, key);
  if (!fs.existsSync(file)) return undefined;
  return decode(JSON.parse(fs.readFileSync(file, "utf8"))) as T;
}

/** Keeps `value` of `name` for `key`, after checking that it reads back as it is. */
function keep<T>(name: string, key: string, value: T): T {
  const dir = cacheFolder();
  if (!dir) return value;
  const text = JSON.stringify(encode(value));
  if (!isDeepStrictEqual(decode(JSON.parse(text)), value))
    throw new Error(`runCache: ${name} does not read back as it was made`);
  writeWhole(cacheFile(dir, name, key), text);
  return value;
}

/**
 * `make()`'s value, made once per run: later calls (in this or another test file) read it back.
 *
 * @example
 * const metadata = madeOnce("flex-metadata", fileDigest(functionsSource), () => flexMetadata());
 */
export function madeOnce<T>(name: string, key: string, make: () => T): T {
  return read<T>(name, key) ?? keep(name, key, make());
}

/** {@link madeOnce} for a value made asynchronously. */
export async function madeOnceAsync<T>(
  name: string,
  key: string,
  make: () => Promise<T>
): Promise<T> {
  return read<T>(name, key) ?? keep(name, key, await make());
}

/**
 * Bytes kept per run as they are (V8's code cache of a script), or null when none are kept.
 * V8 itself refuses a code cache that does not fit its script or its flags.
 */
export function keptBytes(name: string, key: string): Buffer | null {
  const dir = cacheFolder();
  if (!dir) return null;
  const file = cacheFile(dir, name, key);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

/** Keeps bytes for {@link keptBytes}. */
export function keepBytes(name: string, key: string, bytes: Buffer): void {
  const dir = cacheFolder();
  if (dir) writeWhole(cacheFile(dir, name, key), bytes);
}
