/**
 * Structured references (`Kandidaten[[Score]]`, `[@[Knock-out]]`,
 * `Gunningscriteria[#All]`, `Kandidaten[[#Headers],[G9 …]:[G11 …]]`) turned into
 * the A1 ranges they stand for in the store, so that a formula engine without
 * tables (HyperFormula) can calculate them. The grammar is Excel's:
 * https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
 * (`'` escapes `[`, `]`, `#` and `'` in a column name).
 */
import { columnLetters, type FakeTable } from "./state";

/** Where the formula stands: this-row references (`[@…]`) mean the table row of this cell. */
export interface FormulaCell {
  sheet: string;
  row: number;
  column: number;
}

interface Spec {
  area: "all" | "headers" | "data" | "thisRow";
  first?: string;
  last?: string;
}

/**
 * The text between brackets at `start` (an opening `[`), honouring `'` escapes; and the index after it.
 *
 * @example
 * bracketed("T[[#All]]+1", 1); // { inner: "[#All]", end: 9 }
 */
export function bracketed(text: string, start: number): { inner: string; end: number } {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return { inner: text.slice(start + 1, i), end: i + 1 };
  }
  throw new Error(`Unbalanced structured reference in ${text}`);
}

const unescape = (name: string) => name.replace(/'(.)/g, "$1");

/** Splits at top-level commas (not inside brackets). */
function items(content: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      out.push(content.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(content.slice(from).trim());
  return out;
}

function specOf(content: string): Spec {
  if (/^#all$/i.test(content)) return { area: "all" };
  if (/^#headers$/i.test(content)) return { area: "headers" };
  if (/^#data$/i.test(content)) return { area: "data" };
  if (content.startsWith("@")) {
    const rest = content.slice(1).trim();
    const column = rest.startsWith("[") ? bracketed(rest, 0).inner : rest;
    return { area: "thisRow", first: unescape(column), last: unescape(column) };
  }
  if (!content.startsWith("["))
    return { area: "data", first: unescape(content), last: unescape(content) };
  const spec: Spec = { area: "data" };
  for (const item of items(content)) {
    const parts = item.split(/\]\s*:\s*\[/);
    const names = parts.map((p) => unescape(p.replace(/^\[/, "").replace(/\]$/, "")));
    const special = names[0].toLowerCase();
    if (parts.length === 1 && special.startsWith("#")) {
      spec.area =
        special === "#all"
          ? "all"
          : special === "#headers"
            ? "headers"
            : special === "#this row"
              ? "thisRow"
              : "data";
      continue;
    }
    spec.first = names[0];
    spec.last = names[names.length - 1];
  }
  return spec;
}

function a1(table: FakeTable, spec: Spec, at: FormulaCell, relativeRow: boolean): string {
  const index = (name: string) => {
    const i = table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Error(`No column '${name}' in table ${table.name}`);
    return i;
  };
  const left = table.left + (spec.first ? index(spec.first) : 0);
  const right = table.left + (spec.last ? index(spec.last) : table.columns.length - 1);
  const [top, bottom] =
    spec.area === "all"
      ? [table.top, table.bottom]
      : spec.area === "headers"
        ? [table.top, table.top]
        : spec.area === "thisRow"
          ? [at.row, at.row]
          : [table.top + 1, table.bottom];
  const sheet = `'${table.sheet.replace(/'/g, "''")}'`;
  const row = spec.area === "thisRow" && relativeRow ? "" : "$";
  const corner = (r: number, c: number) => `$${columnLetters(c)}${row}${r}`;
  const from = corner(top, left);
  const to = corner(bottom, right);
  return from === to ? `${sheet}!${from}` : `${sheet}!${from}:${to}`;
}

/**
 * A formula with its structured references as A1 ranges. A this-row reference is the cell of
 * the formula's own row: `$U$5` (absolute), or with `relativeRow` the same cell as `$U5`, so
 * that every row of a calculated column is one formula text relative to its cell (a formula
 * engine then parses it once, not once per row).
 *
 * @throws Error for a table or column that does not exist (Excel would not have accepted the formula).
 * @example
 * toA1("=[@[Score]]*2", { sheet: "Kandidaten", row: 5, column: 3 }, tables); // "='Kandidaten'!$U$5*2"
 * toA1("=[@[Score]]*2", { sheet: "Kandidaten", row: 5, column: 3 }, tables, true); // "='Kandidaten'!$U5*2"
 */
export function toA1(
  formula: string,
  at: FormulaCell,
  tables: FakeTable[],
  relativeRow = false
): string {
  if (!formula.includes("[")) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const close = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, close);
      i = close;
      continue;
    }
    if (ch === "[") {
      const own = tables.find(
        (t) =>
          t.sheet.toLowerCase() === at.sheet.toLowerCase() &&
          at.row > t.top &&
          at.row <= t.bottom &&
          at.column >= t.left &&
          at.column <= t.right
      );
      if (!own) throw new Error(`A this-row reference outside a table: ${formula}`);
      const { inner, end } = bracketed(formula, i);
      out += a1(own, specOf(inner), at, relativeRow);
      i = end;
      continue;
    }
    const name = /^[A-Za-z_\\][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (name && !/[A-Za-z0-9_.$'!]/.test(formula[i - 1] ?? "")) {
      const next = formula[i + name[0].length] ?? "";
      const table = tables.find((t) => t.name.toLowerCase() === name[0].toLowerCase());
      if (next === "[") {
        if (!table) throw new Error(`No table ${name[0]}`);
        const { inner, end } = bracketed(formula, i + name[0].length);
        out += a1(table, specOf(inner), at, relativeRow);
        i = end;
        continue;
      }
      // A table's name alone is its data rows.
      if (table && next !== "(" && next !== "!") {
        out += a1(table, { area: "data" }, at, relativeRow);
        i += name[0].length;
        continue;
      }
      out += name[0];
      i += name[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * A formula with every reference to a deleted table (`Rangorde[#All]`, `Rangorde`) as `#REF!`,
 * as Excel rewrites the formulas that referred to a table it deletes.
 *
 * @example
 * withoutTable("=ROWS(Rangorde[#All])", "Rangorde"); // "=ROWS(#REF!)"
 */
export function withoutTable(formula: string, table: string): string {
  const name = new RegExp(
    `(^|[^A-Za-z0-9_.$'!])(${table.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})(?![A-Za-z0-9_.(!])`,
    "gi"
  );
  let out = "";
  let from = 0;
  for (let match = name.exec(formula); match; match = name.exec(formula)) {
    const start = match.index + match[1].length;
    let end = start + match[2].length;
    if (formula[end] === "[") end = bracketed(formula, end).end;
    out += formula.slice(from, start) + "#REF!";
    from = end;
    name.lastIndex = end;
  }
  return out + formula.slice(from);
}
