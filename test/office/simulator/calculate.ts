/**
 * Formula cells read back their calculated value, as in Excel: the store's
 * formulas are calculated by HyperFormula (GPL-3.0; a dev dependency used by
 * tests only, never shipped), structured references first turned into A1
 * ranges, and the `FLEX.*` functions by our own function code where the
 * caller registered them (in Node; the browser run has no custom functions).
 * What it cannot calculate reads as the error Excel shows for an unknown name,
 * never as an empty cell.
 */
import { CellError, DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import type { FakeValue, FakeWorkbookState } from "./state";
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

/** A formula with A1 ranges for its structured references; as written when they name nothing. */
function a1Formula(
  formula: string,
  at: { sheet: string; row: number; column: number },
  state: FakeWorkbookState
): string {
  try {
    return toA1(formula, at, state.tables);
  } catch {
    return formula;
  }
}

/** A calculator over a whole workbook, loaded again after every change. */
export interface Calculator {
  load(state: FakeWorkbookState): void;
  value(sheet: string, row: number, column: number): FakeValue;
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
  return {
    load(state) {
      engine?.destroy();
      const sheets: Record<string, RawCellContent[][]> = {};
      for (const sheet of state.sheets) {
        const rows: RawCellContent[][] = [];
        for (const [key, cell] of sheet.cells) {
          const [r, c] = key.split(",").map(Number);
          (rows[r - 1] ??= [])[c - 1] = cell.formula
            ? a1Formula(cell.formula, { sheet: sheet.name, row: r, column: c }, state)
            : cell.value === ""
              ? null
              : cell.value;
        }
        for (let r = 0; r < rows.length; r++) rows[r] ??= [];
        sheets[sheet.name] = rows;
      }
      engine = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
      for (const name of state.names) {
        try {
          engine.addNamedExpression(name.name, name.formula);
        } catch {
          // A name HyperFormula cannot hold: formulas that use it read #NAME?.
        }
      }
    },
    value(sheetName, row, column) {
      if (!engine) throw new Error("calculator not loaded");
      const sheet = engine.getSheetId(sheetName);
      if (sheet === undefined) return "#REF!";
      const value: unknown = engine.getCellValue({ sheet, row: row - 1, col: column - 1 });
      if (value instanceof DetailedCellError || value instanceof CellError)
        return ERRORS[value.type] ?? "#VALUE!";
      if (value === null) return 0;
      if (typeof value === "object") return "#VALUE!";
      return value as FakeValue;
    },
  };
}
