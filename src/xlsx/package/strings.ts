/**
 * What a worksheet's cells refer to elsewhere in the package: the shared strings (a cell
 * with `t="s"` holds an index into them) and the cell formats of the styles part (a number
 * whose format is a date format is a date, as Excel shows it).
 */
import { parseXml, unescapeOoxml } from "./xml";
import type { Package } from "./zip";

/**
 * The shared strings of a workbook, in order: a plain `<t>` or the runs of a rich text
 * joined, `_xHHHH_` escapes decoded, phonetic guides (`<rPh>`) left out.
 *
 * @example
 * sharedStrings(pkg, "xl/sharedStrings.xml")[0]; // "Kandidaat"
 */
export function sharedStrings(pkg: Package, part: string | null): string[] {
  const text = part ? pkg.text(part) : undefined;
  if (text === undefined) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let phonetic = 0;
  let inT = false;
  parseXml(text, part!, {
    open({ name }) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inT = true;
    },
    text(t) {
      if (inT && current) current.push(t);
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        strings.push(unescapeOoxml(current.join("")));
        current = null;
      }
    },
  });
  return strings;
}

/**
 * Excel's built-in number formats that show a date or a time: 14–22, 45–47, and the
 * locale's date formats 27–36 and 50–58 (East Asian Excel shows these as dates; a workbook
 * written there may use them without defining them).
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a number format code shows a date or a time: a `d`, `m`, `y`, `h`, `s` or `b`
 * (Buddhist year) outside quoted text, brackets (`[Red]`, `[$€-413]`, `[h]`) and escaped
 * characters (`\d`, `_d` padding, `*d` fill). `General` and `@` are no dates.
 *
 * @example
 * isDateFormat("dd-mm-yyyy"); // true
 * isDateFormat('0 "dagen"'); // false
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[\\_*]./g, "");
  return /[dmyhsb]/i.test(bare.replace(/general/gi, ""));
}

/**
 * For each cell format (`s` of a cell, the index into `cellXfs`), whether it shows
 * numbers as dates.
 *
 * @example
 * dateStyles(pkg, "xl/styles.xml")[3]; // true when cellXfs[3] has a date format
 */
export function dateStyles(pkg: Package, part: string | null): boolean[] {
  const text = part ? pkg.text(part) : undefined;
  if (text === undefined) return [];
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  parseXml(text, part!, {
    open({ name, attrs }) {
      if (name === "numFmt" && attrs.numFmtId !== undefined)
        custom.set(Number(attrs.numFmtId), attrs.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) formats.push(Number(attrs.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id);
  });
}

/**
 * A date serial as the Date ExcelJS gives for it (so both readers agree to the
 * millisecond): days since 30-12-1899 (or since 1-1-1904), as UTC.
 *
 * @example
 * serialToDate(45658, false); // 2025-01-01T00:00:00.000Z
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
