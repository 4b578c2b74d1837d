/**
 * A user's own workbook, made by another program, plus our sheet: grafts a plain
 * `Kandidaten` sheet (the 17040 headers and a few candidates of known verdict) into any
 * .xlsx package AT THE XML LEVEL — a new worksheet part, its relationship, its content
 * type Override and its `<sheet>` entry in the workbook part — leaving every other part
 * byte for byte as its writer made it (inline strings: sharedStrings is not touched).
 * Also reads a package's parts and relationships, and names the parts the command owns
 * ({@link commandOwnedParts}): the parts a writer may change; every other part must stay.
 * Handles relative and absolute relationship targets, any part names, Strict OOXML and
 * prefixed workbook XML.
 */
import JSZip from "jszip";
import { passing } from "../workbook/helpers";
import buffer from "buffer";
import path from "path";
import zlib from "zlib";
import { request17040, type CellValue } from "../../src/engine";
import { candidateInputColumns } from "../../src/workbook/layout";
import { recordTexts, rejectionTexts, sheetNames } from "../../src/workbook/texts";

// ── namespaces and relationship types, transitional and Strict ──

const transitional = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
const strict = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
const packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
const contentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
const worksheetContentType =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** A relationship type's last segment (`worksheet`, `styles`, …), the same in both flavours. */
function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

// ── XML by text (enough for package plumbing; no DOM, no entity expansion) ──

/** An XML attribute value as text: the five entities and character references. */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e]!;
  });
}

/** Text escaped for an XML attribute value or element content. */
function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`
  );
}

/** The attributes of a start tag's text (`name="v"` pairs, names with their prefix). */
function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    found.set(m[1], unescapeXml(m[2] ?? m[3]));
  return found;
}

/** Every start (or empty) tag of elements with this local name, any prefix: its prefix and text. */
function tags(xml: string, localName: string): { prefix: string; text: string; index: number }[] {
  const re = new RegExp(`<(?:([\\w.-]+):)?${localName}(?=[\\s/>])[^>]*>`, "g");
  return [...xml.matchAll(re)].map((m) => ({ prefix: m[1] ?? "", text: m[0], index: m.index! }));
}

/** The prefix (`""` for the default namespace) the document binds to `namespace`, if any. */
function prefixOf(xml: string, namespace: string): string | undefined {
  for (const m of xml.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if ((m[2] ?? m[3]) === namespace) return m[1] ?? "";
  return undefined;
}

/** `prefix:name`, or `name` for the default namespace. */
function qualified(prefix: string, name: string): string {
  return prefix ? `${prefix}:${name}` : name;
}

/** The `<sheets>` element of a workbook part's XML (empty when there is none). */
function sheetsElement(workbookXml: string): string {
  const [open] = tags(workbookXml, "sheets");
  if (!open || open.text.endsWith("/>")) return "";
  const close = workbookXml.indexOf(`</${qualified(open.prefix, "sheets")}`, open.index);
  return close < 0 ? "" : workbookXml.slice(open.index, close);
}

/** Inserts `insertion` as the last child of the first element named `localName` (expanding `<x/>`). */
function appendChild(xml: string, localName: string, insertion: string): string {
  const [open] = tags(xml, localName);
  if (!open) throw new GraftError(`no <${localName}> element`);
  const name = qualified(open.prefix, localName);
  if (open.text.endsWith("/>")) {
    const expanded = `${open.text.slice(0, -2).trimEnd()}>${insertion}</${name}>`;
    return xml.slice(0, open.index) + expanded + xml.slice(open.index + open.text.length);
  }
  const close = xml.indexOf(`</${name}`, open.index);
  if (close < 0) throw new GraftError(`no </${name}>`);
  return xml.slice(0, close) + insertion + xml.slice(close);
}

const utf8 = new TextDecoder("utf-8");

// ── the package: parts and relationships ──

/** A grafting that cannot be done on this package (not a zip, no workbook, …). */
export class GraftError extends Error {
  constructor(message: string) {
    super(`graft: ${message}`);
    this.name = "GraftError";
  }
}

/** What JSZip keeps of a part it read from a zip (its CompressedObject). */
interface StoredPart {
  compressedContent?: unknown;
  uncompressedSize?: unknown;
  compression?: { magic?: string };
}

/** A package as a zip, with lookups by part name (OPC part names ignore case). */
export class Package {
  private constructor(readonly zip: JSZip) {}

  /** Opens a package's bytes. */
  static async open(bytes: Uint8Array): Promise<Package> {
    try {
      return new Package(await JSZip.loadAsync(bytes));
    } catch (error) {
      throw new GraftError(`not a zip package (${(error as Error).message})`);
    }
  }

  /** Every part's name (zip entries that are not folders), as stored. */
  names(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  /** The stored name of a part (`xl/workbook.xml`, no leading slash), any case; undefined when absent. */
  find(name: string): string | undefined {
    const key = name.replace(/^\//, "").toLowerCase();
    return this.names().find((n) => n.toLowerCase() === key);
  }

  /**
   * A part's bytes, or undefined when absent. A deflated part JSZip read from the zip is
   * inflated by Node's zlib, not by JSZip's pako: the same bytes for all 2,911 parts of the
   * foreign workbooks, in a third of the CPU time (0.4 s instead of 1.2 s for all of them;
   * foreign.test.ts inflates them three times). As JSZip does, a part that inflates to
   * another size than its entry declares is refused (lib/compressedObject.js: "uncompressed
   * data size mismatch"), here as soon as it passes that size.
   */
  async bytes(name: string): Promise<Uint8Array | undefined> {
    const stored = this.find(name);
    if (stored === undefined) return undefined;
    const file = this.zip.file(stored)!;
    // JSZip's record of a part it read (lib/compressedObject.js); a part set since has none.
    const read = (file as unknown as { _data?: StoredPart })._data;
    if (
      read?.compression?.magic !== "\x08\x00" ||
      !(read.compressedContent instanceof Uint8Array) ||
      typeof read.uncompressedSize !== "number"
    )
      return file.async("uint8array");
    const size = read.uncompressedSize;
    const inflated = zlib.inflateRawSync(read.compressedContent, {
      maxOutputLength: Math.min(size + 1, buffer.constants.MAX_LENGTH),
    });
    if (inflated.length !== size) throw new Error(`${stored}: uncompressed data size mismatch`);
    return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
  }

  /** A part's text (UTF-8), or undefined when absent. */
  async text(name: string): Promise<string | undefined> {
    const bytes = await this.bytes(name);
    return bytes === undefined ? undefined : utf8.decode(bytes);
  }

  /** The relationships of a part (`""`: the package's own), targets resolved to part names. */
  async relationships(source: string): Promise<Relationship[]> {
    const xml = await this.text(relationshipsPart(source));
    if (xml === undefined) return [];
    return tags(xml, "Relationship").map(({ text }) => {
      const a = attributes(text);
      const external = a.get("TargetMode") === "External";
      const target = a.get("Target") ?? "";
      return {
        id: a.get("Id") ?? "",
        type: a.get("Type") ?? "",
        target: external ? target : resolveTarget(source, target),
        external,
      };
    });
  }
}

/** One relationship; `target` a part name (no leading slash) unless external. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships part of a part (`""`: the package's `_rels/.rels`). */
export function relationshipsPart(source: string): string {
  const dir = path.posix.dirname(source);
  return path.posix.join(dir === "." ? "" : dir, "_rels", `${path.posix.basename(source)}.rels`);
}

/** A relationship target as a part name: absolute (`/xl/…`) or relative to the source's folder. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // not percent-encoded after all
  }
  const joined = decoded.startsWith("/")
    ? decoded
    : path.posix.join("/", path.posix.dirname(source), decoded);
  return path.posix.normalize(joined).replace(/^\/+/, "");
}

/** The workbook part: the target of the package's officeDocument relationship. */
export async function workbookPart(pkg: Package): Promise<string> {
  const office = (await pkg.relationships("")).find(
    (r) => relationshipKind(r.type) === "officeDocument" && !r.external
  );
  if (!office) throw new GraftError("no officeDocument relationship in _rels/.rels");
  const stored = pkg.find(office.target);
  if (!stored) throw new GraftError(`the workbook part ${office.target} is missing`);
  return stored;
}

/** The sheets the workbook part lists: name and part (undefined when its relationship is broken). */
export async function sheetParts(
  pkg: Package
): Promise<{ name: string; part: string | undefined }[]> {
  const workbook = await workbookPart(pkg);
  const xml = (await pkg.text(workbook))!;
  const relationships = await pkg.relationships(workbook);
  return tags(sheetsElement(xml), "sheet").map(({ text }) => {
    const a = attributes(text);
    // r:id in any prefix: the attribute whose local name is `id` and that is not plain `id`.
    const rid = [...a].find(([k]) => /:id$/.test(k))?.[1];
    const target = relationships.find((r) => r.id === rid)?.target;
    return { name: a.get("name") ?? "", part: target && pkg.find(target) };
  });
}

// ── what the command owns ──

/** One kind of part the command may change in a workbook it writes over. */
export interface OwnedPart {
  /** What it is. */
  part: string;
  /** Why the command changes it. */
  why: string;
}

/** The sheets the command writes: Kandidaten in place (its output cells), the others its own. */
export const commandSheets = [
  sheetNames.candidates,
  sheetNames.ranking,
  rejectionTexts.sheet,
  recordTexts.sheet,
] as const;

/**
 * THE parts of a user's workbook that `score` may change (issue 18: "change only what it
 * owns; keep everything else byte for byte"). Every other part of IN must be in OUT under
 * the same name with the same bytes. Resolved per package by {@link ownedPartNames}.
 */
export const commandOwnedParts: readonly OwnedPart[] = [
  { part: "[Content_Types].xml", why: "content types of added or removed parts" },
  { part: "the workbook part (officeDocument of _rels/.rels)", why: "sheet list, defined names" },
  { part: "the workbook part's relationships", why: "relationships of added sheets and parts" },
  { part: "the styles part", why: "cell formats of the cells the command writes" },
  { part: "the shared strings part", why: "texts of the cells the command writes" },
  { part: "the calculation chain", why: "may go: Excel rebuilds it, and says nothing" },
  { part: "docProps/app.xml (extended-properties of _rels/.rels)", why: "the sheet titles" },
  {
    part: `the sheet parts of ${commandSheets.join(", ")}, their relationships and their tables`,
    why: "Kandidaten's output cells, rules and table range; Ranking, Afwijzingen and Verantwoording are the command's own",
  },
];

/** The names of the parts of this package that {@link commandOwnedParts} describes, with what each is. */
export async function ownedPartNames(pkg: Package): Promise<Map<string, string>> {
  const owned = new Map<string, string>();
  const add = (name: string | undefined, what: string) => {
    const stored = name === undefined ? undefined : pkg.find(name);
    if (stored !== undefined) owned.set(stored, what);
  };
  add("[Content_Types].xml", "content types");
  const workbook = await workbookPart(pkg);
  add(workbook, "workbook");
  add(relationshipsPart(workbook), "workbook relationships");
  const kinds: Record<string, string> = {
    styles: "styles",
    sharedStrings: "shared strings",
    calcChain: "calculation chain",
  };
  for (const r of await pkg.relationships(workbook))
    if (!r.external && kinds[relationshipKind(r.type)])
      add(r.target, kinds[relationshipKind(r.type)]);
  for (const r of await pkg.relationships(""))
    if (!r.external && relationshipKind(r.type) === "extended-properties")
      add(r.target, "app properties");
  add("docProps/app.xml", "app properties");
  const own = new Set<string>(commandSheets.map((s) => s.toLowerCase()));
  for (const sheet of await sheetParts(pkg)) {
    if (!own.has(sheet.name.toLowerCase()) || !sheet.part) continue;
    add(sheet.part, `sheet ${sheet.name}`);
    add(relationshipsPart(sheet.part), `sheet ${sheet.name} relationships`);
    for (const r of await pkg.relationships(sheet.part))
      if (!r.external && relationshipKind(r.type) === "table")
        add(r.target, `table of ${sheet.name}`);
  }
  return owned;
}

// ── the grafted candidates ──

/** A grafted candidate: the values by field (`name`, `supplier`, `rate`, criterion id) and its verdict. */
export interface GraftedCandidate {
  values: Record<string, CellValue>;
  expected: {
    status: "eligible" | "knockedOut" | "incomplete";
    failed: string[];
    score: number | null;
    rank: number | null;
  };
}

/** Passes every knock-out and CV requirement of 17040. */
const passes: Record<string, CellValue> = Object.fromEntries(
  Object.entries(passing).filter(([key]) => /^[KE]\d+$/.test(key))
);

/**
 * The candidates grafted into every workbook: two that pass and rank (100 and 80 points),
 * one knocked out on K8 (rate above € 75) and one incomplete (K6 empty). No Werkervaring
 * sheet, so the typed years count.
 */
export const graftedCandidates: GraftedCandidate[] = [
  {
    values: {
      name: "Anna Graft",
      supplier: "Ent B.V.",
      rate: 68,
      ...passes,
      G9: 12,
      G10: "Ja",
      G11: 2,
    },
    expected: { status: "eligible", failed: [], score: 100, rank: 1 },
  },
  {
    values: {
      name: "Bert Graft",
      supplier: "Ent B.V.",
      rate: 65,
      ...passes,
      G9: 11,
      G10: "Ja",
      G11: 0.5,
    },
    expected: { status: "eligible", failed: [], score: 80, rank: 2 },
  },
  {
    values: {
      name: "Cor Graft",
      supplier: "Ent B.V.",
      rate: 80,
      ...passes,
      G9: 12,
      G10: "Ja",
      G11: 2,
    },
    expected: { status: "knockedOut", failed: ["K8"], score: null, rank: null },
  },
  {
    values: {
      name: "Dina Graft",
      supplier: "Ent B.V.",
      rate: 70,
      ...passes,
      K6: null,
      G9: 12,
      G10: "Ja",
      G11: 2,
    },
    expected: { status: "incomplete", failed: [], score: null, rank: null },
  },
];

/** The field of a Kandidaten header: name, supplier, rate, draw, or a criterion id. */
function fieldOf(header: string, index: number): string {
  const id = /^([A-Z]\d+)\b/.exec(header)?.[1];
  return id ?? ["name", "supplier", "rate"][index] ?? "draw";
}

/** `A`, `B`, … `AA` for a 1-based column. */
function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** One cell as SpreadsheetML: a number, or an inline string; nothing for an empty value. */
function cellXml(ref: string, value: CellValue): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(String(value))}</t></is></c>`;
}

/** The grafted worksheet: headers of 17040 in row 1, one row per candidate, inline strings only. */
export function kandidatenSheetXml(mainNamespace: string, candidates = graftedCandidates): string {
  const headers = candidateInputColumns(request17040).map((c) => c.header);
  const fields = headers.map(fieldOf);
  const rows = [
    headers.map((h, i) => cellXml(`${columnLetters(i + 1)}1`, h)).join(""),
    ...candidates.map((c, r) =>
      fields.map((f, i) => cellXml(`${columnLetters(i + 1)}${r + 2}`, c.values[f] ?? null)).join("")
    ),
  ];
  const last = `${columnLetters(headers.length)}${candidates.length + 1}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${mainNamespace}"><dimension ref="A1:${last}"/><sheetData>` +
    rows.map((cells, i) => `<row r="${i + 1}">${cells}</row>`).join("") +
    `</sheetData></worksheet>`
  );
}

// ── the graft ──

/** What a graft made. */
export interface Grafted {
  bytes: Uint8Array;
  /** The new worksheet part (`xl/worksheets/sheet7.xml`). */
  sheetPart: string;
  /** Whether the workbook is Strict OOXML. */
  strict: boolean;
}

/** The first name `base{n}.xml` in `dir` that no part uses (any case). */
function unusedPartName(pkg: Package, dir: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = path.posix.join(dir, `${base}${n}.xml`);
    if (pkg.find(name) === undefined) return name;
  }
}

/**
 * Adds a plain `Kandidaten` sheet with these candidates to an .xlsx package at the XML
 * level: a new worksheet part, a relationship in the workbook part's rels, a content type
 * Override, a `<sheet>` entry in the workbook part. Every other part keeps its bytes.
 *
 * @throws GraftError when the package has no workbook to graft into, or a Kandidaten sheet.
 * @example
 * const { bytes, sheetPart } = await graftKandidaten(fs.readFileSync("theirs.xlsx"));
 */
export async function graftKandidaten(
  input: Uint8Array,
  candidates = graftedCandidates
): Promise<Grafted> {
  const pkg = await Package.open(input);
  const workbook = await workbookPart(pkg);
  let workbookXml = (await pkg.text(workbook))!;

  // The workbook's flavour: the namespace its <workbook> element is in.
  const [root] = tags(workbookXml, "workbook");
  if (!root) throw new GraftError(`${workbook} has no <workbook> element`);
  const declared = [...workbookXml.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)]
    .filter((m) => (m[1] ?? "") === root.prefix)
    .map((m) => m[2] ?? m[3]);
  const isStrict = declared.includes(strict.main);
  const ns = isStrict ? strict : transitional;

  const existing = await sheetParts(pkg);
  if (existing.some((s) => s.name.toLowerCase() === sheetNames.candidates.toLowerCase()))
    throw new GraftError(`${workbook} already has a sheet named ${sheetNames.candidates}`);

  // The new worksheet part, beside the workbook part, under a name nobody uses.
  const workbookDir = path.posix.dirname(workbook) === "." ? "" : path.posix.dirname(workbook);
  const sheetPart = unusedPartName(pkg, path.posix.join(workbookDir, "worksheets"), "sheet");
  pkg.zip.file(sheetPart, kandidatenSheetXml(ns.main, candidates));

  // Its relationship from the workbook part, with an Id nobody uses.
  const relsName = pkg.find(relationshipsPart(workbook)) ?? relationshipsPart(workbook);
  let relsXml =
    (await pkg.text(relsName)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRelationships}"></Relationships>`;
  const ids = new Set(tags(relsXml, "Relationship").map((t) => attributes(t.text).get("Id")));
  let n = 1;
  while (ids.has(`rId${n}`) || ids.has(`rIdGraft${n}`)) n++;
  const rid = ids.has(`rId${n}`) ? `rIdGraft${n}` : `rId${n}`;
  const relsPrefix = tags(relsXml, "Relationships")[0]?.prefix ?? "";
  const target = path.posix.relative(workbookDir || ".", sheetPart);
  relsXml = appendChild(
    relsXml,
    "Relationships",
    `<${qualified(relsPrefix, "Relationship")} Id="${rid}" Type="${ns.relationships}/worksheet" Target="${escapeXml(target)}"/>`
  );
  pkg.zip.file(relsName, relsXml);

  // Its content type.
  const typesName = pkg.find("[Content_Types].xml");
  if (!typesName) throw new GraftError("no [Content_Types].xml");
  let typesXml = (await pkg.text(typesName))!;
  const typesPrefix = prefixOf(typesXml, contentTypesNamespace) ?? "";
  typesXml = appendChild(
    typesXml,
    "Types",
    `<${qualified(typesPrefix, "Override")} PartName="/${escapeXml(sheetPart)}" ContentType="${worksheetContentType}"/>`
  );
  pkg.zip.file(typesName, typesXml);

  // Its <sheet> entry, last (no localSheetId of a defined name moves), with a new sheetId.
  const sheetIds = tags(sheetsElement(workbookXml), "sheet").map(
    (t) => Number(attributes(t.text).get("sheetId")) || 0
  );
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const relPrefix = prefixOf(root.text, ns.relationships);
  const idAttribute = relPrefix
    ? `${relPrefix}:id="${rid}"`
    : `xmlns:graft="${ns.relationships}" graft:id="${rid}"`;
  workbookXml = appendChild(
    workbookXml,
    "sheets",
    `<${qualified(root.prefix, "sheet")} name="${sheetNames.candidates}" sheetId="${sheetId}" ${idAttribute}/>`
  );
  pkg.zip.file(workbook, workbookXml);

  const bytes = await pkg.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { bytes, sheetPart, strict: isStrict };
}

/**
 * The parts of IN that are not {@link commandOwnedParts owned} and are not in OUT with the
 * same bytes: `missing` (gone or renamed) and `changed`, by part name.
 */
export async function changedForeignParts(
  input: Uint8Array,
  output: Uint8Array
): Promise<{ missing: string[]; changed: string[]; owned: Map<string, string> }> {
  const before = await Package.open(input);
  const after = await Package.open(output);
  const owned = await ownedPartNames(before);
  const missing: string[] = [];
  const changed: string[] = [];
  for (const name of before.names()) {
    if (owned.has(name)) continue;
    const a = (await before.bytes(name))!;
    const b = await after.bytes(name);
    if (b === undefined) missing.push(name);
    else if (Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) changed.push(name);
  }
  return { missing, changed, owned };
}
