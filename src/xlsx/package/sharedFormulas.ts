/**
 * Shared formulas written out before the command writes into a sheet (review of issue 18):
 * a group of cells filled down in Excel is stored as one master `<f t="shared" ref si>` with
 * its text and followers `<f t="shared" si/>` without. Writing a value or formula over the
 * master would leave the followers without a definition, and Excel would drop the whole
 * group when it repairs the file (ECMA-376 part 1, §18.3.1.40). So every cell of such a
 * sheet gets its own formula text first, slid from its master the way ExcelJS reads them
 * (../read.ts, ./readCells.ts); the cached values stay as they are.
 */
import { decodeEntities } from "./markup";

const { slideFormula } = require("exceljs/lib/utils/shared-formula") as {
  slideFormula(formula: string, from: string, to: string): string;
};

/** A cell with its start tag's attributes and its content (cells do not nest). */
const CELL = /<((?:[\w.-]+:)?)c\b([^>]*?)(\/>|>([\s\S]*?)<\/\1c>)/g;
/** A formula element inside a cell. */
const FORMULA = /<((?:[\w.-]+:)?)f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1f>)/;

/** Formula text as element content: XML's own escapes only. */
function escapeFormula(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

/** An attribute's value in a start tag's attribute text, or undefined. */
function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2]) : undefined;
}

/** Attribute text without `t`, `ref` and `si`. */
function withoutShared(attrs: string): string {
  return attrs.replace(/\s(?:t|ref|si)\s*=\s*(?:"[^"]*"|'[^']*')/g, "");
}

/**
 * The worksheet XML with every shared formula written out as its own formula; the text as it
 * was when it holds none, or when a cell of a group has no `r` (then nothing is changed).
 *
 * @example
 * unshareFormulas('<c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f></c><c r="A2"><f t="shared" si="0"/></c>');
 * // '<c r="A1"><f>B1</f></c><c r="A2"><f>B2</f></c>'
 */
export function unshareFormulas(xml: string): string {
  if (!/\st\s*=\s*["']shared["']/.test(xml)) return xml;
  const masters = new Map<string, { formula: string; at: string }>();
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const f = m[4] === undefined ? null : FORMULA.exec(m[4]);
    if (!f || attribute(f[2], "t") !== "shared") continue;
    const si = attribute(f[2], "si");
    const at = attribute(m[2], "r");
    if (si === undefined || at === undefined) return xml;
    const text = f[3] === undefined ? "" : decodeEntities(f[3]);
    if (text.trim() !== "" && !masters.has(si)) masters.set(si, { formula: text, at });
  }
  return xml.replace(CELL, (cell: string, p: string, attrs: string, _end, inner?: string) => {
    if (inner === undefined) return cell;
    const f = FORMULA.exec(inner);
    if (!f || attribute(f[2], "t") !== "shared") return cell;
    const master = masters.get(attribute(f[2], "si") ?? "");
    const at = attribute(attrs, "r");
    if (!master || at === undefined) return cell;
    const text = at === master.at ? master.formula : slideFormula(master.formula, master.at, at);
    const own = `<${f[1]}f${withoutShared(f[2])}>${escapeFormula(text)}</${f[1]}f>`;
    return `<${p}c${attrs}>${inner.replace(f[0], own)}</${p}c>`;
  });
}
