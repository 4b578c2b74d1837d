/**
 * Formula cells read back their calculated value, as in Excel: the store's
 * formulas are calculated by HyperFormula (GPL-3.0; a dev dependency used by
 * tests only, never shipped), structured references first turned into A1
 * ranges, and the `FLEX.*` functions by our own function code where the
 * caller registered them (in Node; the browser run has no custom functions).
 * What it cannot calculate reads as the error Excel shows for an unknown name,
 * never as an empty cell.
 *
 * Dynamic arrays as in Excel 365 (every Excel that runs custom functions), each
 * behaviour from Microsoft's own pages:
 * - a formula whose result is an array spills into the cells below and to the
 *   right of it, and a function applied to a range works element-wise
 *   (`IF(ISBLANK(A1:A9),"",A1:A9)` is nine values): HyperFormula's
 *   `useArrayArithmetic` ("Dynamic array formulas and spilled array behavior",
 *   https://support.microsoft.com/office/dynamic-array-formulas-and-spilled-array-behavior-205c6b06-03ba-4151-89a1-87a7eb36e531);
 * - a spill blocked by a cell that is not empty is `#SPILL!` in the formula's cell
 *   (`Excel.SpillErrorCellValueSubType.collision`,
 *   https://learn.microsoft.com/javascript/api/excel/excel.spillerrorcellvaluesubtype;
 *   HyperFormula does the same);
 * - "Spilled array formulas aren't supported in Excel tables" (the page above;
 *   `SpillErrorCellValueSubType.table`: "An error caused by entering a dynamic array
 *   formula in a table"): a formula in a table whose result is more than one cell
 *   is `#SPILL!` and spills nothing;
 * - the spilled range operator: `A3#` (also `'Berekening'!$A$3#`) is the whole range
 *   that the formula in A3 spills to
 *   (https://support.microsoft.com/office/spilled-range-operator-3dd5899f-bca2-4b9d-a172-3eae9ac22efd);
 *   `#REF!` when A3 holds no array formula. HyperFormula has no `#`: the formulas
 *   are calculated with the anchor's cell, the size of each anchor's array is
 *   measured, the references are written as that A1 range and calculated again,
 *   until no size changes.
 */
import {
  CellError,
  DetailedCellError,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import { columnLetters, columnNumber, type FakeValue, type FakeWorkbookState } from "./state";
import { toA1 } from "./structured";

/** HyperFormula's error types as Excel's error values. */
const ERRORS: Record<string, string> = {
  DIV_BY_ZERO: "#DIV/0!",
  NA: "#N/A",
  NAME: "#NAME?",
  NUM: "#NUM!",
  REF: "#REF!",
  VALUE: "#VALUE!",
  CYCLE: "#REF!",
  SPILL: "#SPILL!",
  ERROR: "#NAME?",
  LIC: "#NAME?",
};

/**
 * A formula with A1 ranges for its structured references; as written when they name nothing.
 * This-row references as a relative row (`$C5`, the same cell as `$C$5`): HyperFormula caches
 * a parsed formula by its text relative to its cell, so a table's calculated column is parsed
 * once rather than once per row (measured: parsing was a third of a calculation of 400 rows).
 */
function a1Formula(
  formula: string,
  at: { sheet: string; row: number; column: number },
  state: FakeWorkbookState
): string {
  try {
    return toA1(formula, at, state.tables, true);
  } catch {
    return formula;
  }
}

/** What the custom functions are handed for a blank cell, by platform. */
export type BlankEncoding = "null" | "zero";

/** A calculator over a whole workbook, loaded again after every change. */
export interface Calculator {
  load(state: FakeWorkbookState): void;
  /** The value of a formula cell. */
  value(sheet: string, row: number, column: number): FakeValue;
  /** The value a formula spills into a cell without a formula of its own; null where nothing spills. */
  spilled(sheet: string, row: number, column: number): FakeValue | null;
  /** The areas that arrays spill to on a sheet (anchors included). */
  spillAreas(sheet: string): Area[];
}

/** A rectangle of a sheet, 1-based. */
export interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell reference followed by the spilled range operator: optional sheet, the cell, `#`. */
const SPILL_REFERENCE =
  /((?:'(?:[^']|'')+'|[A-Za-z_\\][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)#/g;

/**
 * A formula's spill references (`Berekening!$A$3#`) replaced outside its strings:
 * `replace` gets the sheet (unquoted, or the formula's own sheet) and the anchor cell.
 */
function replaceSpills(
  formula: string,
  own: string,
  replace: (sheet: string, row: number, column: number, text: string) => string
): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            SPILL_REFERENCE,
            (
              text: string,
              sheet: string | undefined,
              _d1,
              letters: string,
              _d2,
              digits: string
            ) => {
              const name = sheet
                ? sheet
                    .slice(0, -1)
                    .replace(/^'(.*)'$/, "$1")
                    .replace(/''/g, "'")
                : own;
              return replace(name, Number(digits), columnNumber(letters), text.slice(0, -1));
            }
          )
    )
    .join("");
}

/**
 * A formula as HyperFormula calculates it as Excel 365 does: a formula that is one range
 * (`=Tabel[[Score]]`, `=A1:B4`) spills its cells in Excel; HyperFormula spills only a
 * calculated array, so the range gets a unary `+` (which keeps text as text).
 */
function spillingRange(formula: string): string {
  const reference =
    /^=\s*((?:'(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+)\s*$/;
  const match = reference.exec(formula);
  return match ? `=+${match[1]}` : formula;
}

/**
 * A formula with its spill references as their anchor cell, for a check of its syntax
 * (HyperFormula has no `#`).
 *
 * @example
 * withoutSpillOperator("=ROWS('Berekening'!$A$3#)"); // "=ROWS('Berekening'!$A$3)"
 */
export function withoutSpillOperator(formula: string): string {
  return replaceSpills(formula, "", (_s, _r, _c, text) => text);
}

/** Whether a formula has a spill reference outside its strings. */
function hasSpill(formula: string): boolean {
  let found = false;
  replaceSpills(formula, "", (_s, _r, _c, text) => {
    found = true;
    return text;
  });
  return found;
}

/** A sheet name as HyperFormula reads it in a reference: always quoted. */
function sheetPrefix(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** How the calculator builds its engines. */
const config = { licenseKey: "gpl-v3", useArrayArithmetic: true };

/** {@link namesHeld}'s answers by their question (sheet names, names, registered plugins). */
const heldNames = new Map<string, Array<{ name: string; expression: string }>>();

/**
 * The names HyperFormula can hold, tried one by one on an engine with the sheets but no
 * cells (a name it cannot hold: formulas that use it read #NAME?); the workbook's engine
 * is then built with them, so it calculates once rather than again after each name.
 * The answer depends only on the sheets' names, the names in order and the functions
 * registered, so it is remembered by those (measured: the trial engine cost as much to
 * make as the workbook's, for the same answer on almost every calculation).
 */
function namesHeld(
  sheets: string[],
  wanted: FakeWorkbookState["names"]
): Array<{ name: string; expression: string }> {
  const key = JSON.stringify([
    HyperFormula.getAllFunctionPlugins().length,
    sheets,
    wanted.map((n) => [n.name, n.formula]),
  ]);
  const known = heldNames.get(key);
  if (known) return known.map((n) => ({ ...n }));
  const names: Array<{ name: string; expression: string }> = [];
  const trial = HyperFormula.buildFromSheets(
    Object.fromEntries(sheets.map((name) => [name, []])),
    config
  );
  for (const name of wanted) {
    try {
      trial.addNamedExpression(name.name, name.formula);
      names.push({ name: name.name, expression: name.formula });
    } catch {
      // Left out.
    }
  }
  trial.destroy();
  heldNames.set(
    key,
    names.map((n) => ({ ...n }))
  );
  return names;
}

/**
 * A HyperFormula calculator.
 *
 * @example
 * const calc = calculator();
 * calc.load(state);
 * calc.value("Stap 3", 2, 5); // 17
 */
export function calculator(): Calculator {
  let engine: HyperFormula | undefined;
  /** The areas that arrays spill to (more than their anchor), per lower-case sheet name. */
  let spills = new Map<string, Area[]>();
  /** Formula cells whose result is overridden: a spill in a table. */
  let overridden = new Map<string, string>();

  const address = (sheet: string, row: number, column: number): SimpleCellAddress | undefined => {
    const id = engine!.getSheetId(sheet);
    return id === undefined ? undefined : { sheet: id, row: row - 1, col: column - 1 };
  };
  /** The anchor's array size (1×1 for a formula with one value or a blocked spill); null for no array formula. */
  const arraySize = (sheet: string, row: number, column: number) => {
    const at = address(sheet, row, column);
    if (!at || engine!.getCellType(at) !== "ARRAYFORMULA") return null;
    // HyperFormula's public API tells an array's anchor but not its size: its graph's vertex does.
    const graph = (
      engine as unknown as {
        dependencyGraph: { getCell(a: SimpleCellAddress): { width?: number; height?: number } };
      }
    ).dependencyGraph;
    const { width = 1, height = 1 } = graph.getCell(at);
    return { width, height };
  };
  const convert = (value: unknown): FakeValue => {
    if (value instanceof DetailedCellError || value instanceof CellError)
      return ERRORS[value.type] ?? "#VALUE!";
    if (value === null) return 0;
    if (typeof value === "object") return "#VALUE!";
    return value as FakeValue;
  };

  return {
    load(state) {
      engine?.destroy();
      spills = new Map();
      overridden = new Map();
      const sheets: Record<string, RawCellContent[][]> = {};
      /** Formulas with spill references, as A1, to be measured and written again. */
      const spillers: Array<{ sheet: string; row: number; column: number; formula: string }> = [];
      const inTables: Array<{ sheet: string; row: number; column: number }> = [];
      const anchorOnly = (formula: string, own: string) =>
        replaceSpills(formula, own, (_s, _r, _c, text) => text);
      for (const sheet of state.sheets) {
        const rows: RawCellContent[][] = [];
        for (const [key, cell] of sheet.cells) {
          const [r, c] = key.split(",").map(Number);
          let content: RawCellContent = cell.value === "" ? null : cell.value;
          if (cell.formula) {
            const formula = spillingRange(
              a1Formula(cell.formula, { sheet: sheet.name, row: r, column: c }, state)
            );
            content = formula;
            if (hasSpill(formula)) {
              spillers.push({ sheet: sheet.name, row: r, column: c, formula });
              content = anchorOnly(formula, sheet.name);
            }
            const name = sheet.name.toLowerCase();
            if (
              state.tables.some(
                (t) =>
                  t.sheet.toLowerCase() === name &&
                  r >= t.top &&
                  r <= t.bottom &&
                  c >= t.left &&
                  c <= t.right
              )
            )
              inTables.push({ sheet: sheet.name, row: r, column: c });
          }
          (rows[r - 1] ??= [])[c - 1] = content;
        }
        for (let r = 0; r < rows.length; r++) rows[r] ??= [];
        sheets[sheet.name] = rows;
      }
      const names = namesHeld(Object.keys(sheets), state.names);
      const build = () => {
        engine?.destroy();
        engine = HyperFormula.buildFromSheets(sheets, config, names);
      };
      build();
      const current = new Map(
        spillers.map((s) => [`${s.sheet}!${s.row},${s.column}`, anchorOnly(s.formula, s.sheet)])
      );
      // Sizes follow from sizes (a spill read by a formula that spills): again until none changes.
      for (let round = 0; round < 10; round++) {
        const changes: Array<{ at: SimpleCellAddress; content: RawCellContent }> = [];
        for (const cell of inTables) {
          const key = `${cell.sheet}!${cell.row},${cell.column}`;
          if (overridden.has(key)) continue;
          const size = arraySize(cell.sheet, cell.row, cell.column);
          if (!size || size.width * size.height <= 1) continue;
          overridden.set(key, "#SPILL!");
          changes.push({ at: address(cell.sheet, cell.row, cell.column)!, content: "#SPILL!" });
        }
        for (const s of spillers) {
          const key = `${s.sheet}!${s.row},${s.column}`;
          if (overridden.has(key)) continue;
          const formula = replaceSpills(s.formula, s.sheet, (sheet, row, column, text) => {
            if (engine!.getSheetId(sheet) === undefined) return "#REF!";
            const size = arraySize(sheet, row, column);
            if (!size) return "#REF!";
            // An anchor that shows an error (blocked, or the whole call failed) spills nothing: its error is what the reference gives.
            const anchor: unknown = engine!.getCellValue(address(sheet, row, column)!);
            if (
              overridden.has(`${sheet}!${row},${column}`) ||
              size.width * size.height <= 1 ||
              anchor instanceof DetailedCellError ||
              anchor instanceof CellError
            )
              return text;
            return `${sheetPrefix(sheet)}$${columnLetters(column)}$${row}:$${columnLetters(column + size.width - 1)}$${row + size.height - 1}`;
          });
          if (formula === current.get(key)) continue;
          current.set(key, formula);
          changes.push({ at: address(s.sheet, s.row, s.column)!, content: formula });
        }
        if (changes.length === 0) break;
        for (const { at, content } of changes)
          sheets[engine!.getSheetName(at.sheet)!][at.row][at.col] = content;
        try {
          engine!.batch(() => {
            for (const { at, content } of changes) engine!.setCellContents(at, [[content]]);
          });
        } catch {
          // HyperFormula cannot always change a cell that an array spills over ("Unknown array"): built anew.
          build();
        }
      }
      // Where arrays spill now: for the cells without a formula of their own.
      for (const sheet of state.sheets)
        for (const [key, cell] of sheet.cells) {
          if (!cell.formula) continue;
          const [r, c] = key.split(",").map(Number);
          const size = arraySize(sheet.name, r, c);
          if (!size || size.width * size.height <= 1) continue;
          const list = spills.get(sheet.name.toLowerCase()) ?? [];
          list.push({
            sheet: sheet.name,
            top: r,
            left: c,
            bottom: r + size.height - 1,
            right: c + size.width - 1,
          });
          spills.set(sheet.name.toLowerCase(), list);
        }
    },
    value(sheetName, row, column) {
      if (!engine) throw new Error("calculator not loaded");
      const at = address(sheetName, row, column);
      if (!at) return "#REF!";
      return convert(engine.getCellValue(at));
    },
    spillAreas(sheetName) {
      return spills.get(sheetName.toLowerCase()) ?? [];
    },
    spilled(sheetName, row, column) {
      if (!engine) throw new Error("calculator not loaded");
      const area = spills
        .get(sheetName.toLowerCase())
        ?.find((a) => row >= a.top && row <= a.bottom && column >= a.left && column <= a.right);
      if (!area) return null;
      return convert(engine.getCellValue(address(area.sheet, row, column)!));
    },
  };
}
