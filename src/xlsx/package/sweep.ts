/**
 * The clean-up's last pass over the package (issue 18): since `opschonen` now keeps every
 * part it does not own, the names it pseudonymises may also sit in parts the snapshot does
 * not hold: the shared strings the sheets used to point at, the cached labels of charts,
 * the records of pivot caches, text boxes in drawings. Every XML part other than the
 * worksheets (which the clean-up's own changes handle, formulas included) is swept: names
 * are replaced in its text and attribute values, markup untouched; in the workbook part
 * only attributes other than names are. A part without a name keeps its bytes.
 */
import { decodeEntities } from "./markup";
import { workbookParts } from "./parts";
import { decodeXml, partKey, type Package, type Part } from "./zip";

/** What a sweep replaced, by part. */
export interface SweepResult {
  parts: Part[];
  /** Parts in which names were replaced, with how many. */
  replaced: Array<{ part: string; count: number }>;
}

/** Text and attribute values between the markup of an XML text. */
const TOKENS =
  /(<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>)|(<\/?[^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)(\s*\/?>)|([^<]+)/g;

/** Only XML's own escapes: a swept part is no cell text, so `_xHHHH_` stays as it is. */
function escapeText(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!
  );
}

/**
 * An XML text with `replace` applied to its text nodes and attribute values.
 *
 * @example
 * sweepXml('<t a="Jan">Jan</t>', (t) => ({ text: t.replace("Jan", "K1"), count: t.includes("Jan") ? 1 : 0 }));
 * // { text: '<t a="K1">K1</t>', count: 2 }
 */
export function sweepXml(
  xml: string,
  replace: (text: string) => { text: string; count: number },
  only?: { text: boolean; keepAttributes: string[] }
): { text: string; count: number } {
  let count = 0;
  const swap = (raw: string): string => {
    const decoded = decodeEntities(raw);
    const next = replace(decoded);
    if (next.count === 0) return raw;
    count += next.count;
    return escapeText(next.text);
  };
  const text = xml.replace(TOKENS, (whole, other, open, attrs, close, content) => {
    if (other !== undefined) return whole;
    if (content !== undefined) return only && !only.text ? whole : swap(content as string);
    if (!attrs) return whole;
    const swept = (attrs as string).replace(
      /(\s+[^\s=/>]+\s*=\s*)(?:"([^"]*)"|'([^']*)')/g,
      (match: string, name: string, double?: string, single?: string) => {
        const bare = name.trim().replace(/\s*=\s*$/, "");
        if (only?.keepAttributes.includes(bare.replace(/^[\w.-]+:/, ""))) return match;
        const raw = double ?? single ?? "";
        const next = swap(raw);
        return next === raw ? match : `${name}"${next}"`;
      }
    );
    return `${open as string}${swept}${close as string}`;
  });
  return { text, count };
}

/** Parts whose text is XML (the rest, pictures and binaries, cannot hold a text to sweep). */
function isXml(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/**
 * Sweeps every XML part of `parts` but the worksheets of `pkg` (the workbook part only in
 * its attributes other than names).
 *
 * @example
 * const { parts, replaced } = sweepNames(pkg, applyToPackage(pkg, plan.changes).parts, plan.replace);
 */
export function sweepNames(
  pkg: Package,
  parts: Part[],
  replace: (text: string) => { text: string; count: number }
): SweepResult {
  const book = workbookParts(pkg);
  const handled = new Set(book.sheets.map((s) => partKey(s.part ?? "")));
  // In the workbook part, the sheets' and names' own names and the names' formulas are the
  // clean-up's own business (a renamed sheet breaks formulas): only other attributes (a
  // name's comment, a description) are swept there.
  const workbook = partKey(book.workbook);
  const inWorkbook = { text: false, keepAttributes: ["name", "id", "sheetId"] };
  const replaced: SweepResult["replaced"] = [];
  const out = parts.map((part) => {
    if (!isXml(part.name) || handled.has(partKey(part.name))) return part;
    const text = decodeXml(part.data);
    const swept = sweepXml(text, replace, partKey(part.name) === workbook ? inWorkbook : undefined);
    if (swept.count === 0) return part;
    replaced.push({ part: part.name, count: swept.count });
    return { name: part.name, data: Buffer.from(swept.text, "utf8") };
  });
  return { parts: out, replaced };
}

/** A cell's start tag and its content, up to its end tag (cells do not nest). */
const CELL = /<((?:[\w.-]+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;

/**
 * Empties the shared strings no cell points at any more (their places kept, so every
 * index stays right): after the clean-up has written pseudonyms and emptied contact cells,
 * the strings they used to point at would still hold the names and e-mail addresses.
 *
 * @example
 * const { parts, emptied } = dropUnusedSharedStrings(pkg, edited.parts);
 */
export function dropUnusedSharedStrings(
  pkg: Package,
  parts: Part[]
): { parts: Part[]; emptied: number } {
  const book = workbookParts(pkg);
  if (!book.sharedStrings) return { parts, emptied: 0 };
  const sst = partKey(book.sharedStrings);
  const sheets = new Set(book.sheets.map((s) => partKey(s.part ?? "")));
  const used = new Set<number>();
  for (const part of parts) {
    if (!sheets.has(partKey(part.name))) continue;
    const text = decodeXml(part.data);
    CELL.lastIndex = 0;
    for (let m = CELL.exec(text); m; m = CELL.exec(text)) {
      if (!/\st\s*=\s*["']s["']/.test(m[2]) || m[3] === undefined) continue;
      const v = /<(?:[\w.-]+:)?v>\s*(\d+)\s*</.exec(m[3]);
      if (v) used.add(Number(v[1]));
    }
  }
  let emptied = 0;
  const out = parts.map((part) => {
    if (partKey(part.name) !== sst) return part;
    const text = decodeXml(part.data);
    let index = -1;
    const next = text.replace(
      /<((?:[\w.-]+:)?)si\b[^>]*?(?:\/>|>[\s\S]*?<\/\1si>)/g,
      (item: string, p: string) => {
        index++;
        if (used.has(index) || /^<(?:[\w.-]+:)?si\b[^>]*\/>$/.test(item)) return item;
        if (item === `<${p}si><${p}t></${p}t></${p}si>`) return item;
        emptied++;
        return `<${p}si><${p}t></${p}t></${p}si>`;
      }
    );
    return emptied === 0 ? part : { name: part.name, data: Buffer.from(next, "utf8") };
  });
  return { parts: out, emptied };
}
