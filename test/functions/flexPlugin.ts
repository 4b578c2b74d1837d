/**
 * The FLEX functions registered in HyperFormula (GPL-3.0; a dev dependency used
 * by tests only): from the same JSDoc metadata that Microsoft's generator turns
 * into functions.json (matrix parameters as ranges, the rest as scalars that may
 * be errors), each call handed to our own function code as Excel hands it.
 * Used by the HyperFormula tests and by the Excel simulator's calculation.
 *
 * A function whose metadata result is a matrix (FLEX.RANKING) returns an array
 * that spills, its size known before it runs as Excel's is: as many rows as its
 * first argument has cells (one row per table row), as wide as
 * {@link RESULT_WIDTH} says. An error in one cell of the returned array
 * (CustomFunctions.Error inside the matrix) becomes that cell's error.
 *
 * How a blank cell reaches a custom function depends on the platform, so it is a
 * setting here ({@link setBlankEncoding}), and tests run once per encoding:
 * - `"null"`: Excel on the web hands a blank cell to an `any` parameter as null
 *   (office-js issue #4702, "its value is 0 in desktop and null in office web").
 * - `"zero"`: Excel on Windows desktop hands it as 0 (#4702), also inside a range
 *   passed to an optional `any` matrix parameter (#5262, `[1, 2, …, 0, 0]` for two
 *   blank cells) and in repeating matrix arguments (#1951, where Microsoft answered
 *   that SUM treats them alike, so a function cannot tell a blank from a typed 0).
 * - `"empty"`: the text "" — what a cell shows that holds `=""`, and what the
 *   set-up's `IF(ISBLANK(x),"",x)` wrapper hands over for a blank on every platform.
 */
import fs from "fs";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import path from "path";
import { FunctionError } from "../../src/functions/errors";
import * as flex from "../../src/functions/functions";

const { parseTree } = require("custom-functions-metadata/lib/parseTree") as {
  parseTree: (
    source: string,
    file: string
  ) => {
    functions: Array<{
      id: string;
      parameters: Array<{ dimensionality?: string; optional?: boolean }>;
      result?: { dimensionality?: string };
    }>;
    associate: Array<{ id: string; functionName: string }>;
  };
};

/** How a blank cell is handed to a custom function: null (web), 0 (Windows desktop) or "". */
export type BlankEncoding = "null" | "zero" | "empty";

const BLANK: Record<BlankEncoding, null | 0 | ""> = { null: null, zero: 0, empty: "" };

let blank: null | 0 | "" = null;

/**
 * Sets how the registered functions receive a blank cell from now on (every
 * later calculation; HyperFormula calculates on build and on change).
 *
 * @example
 * setBlankEncoding("zero"); // as Excel on Windows desktop
 */
export function setBlankEncoding(encoding: BlankEncoding): void {
  blank = BLANK[encoding];
}

/**
 * The columns of the matrix a function returns, per function id; its rows are
 * the cells of its first argument (one per table row, a 1×N row too).
 */
const RESULT_WIDTH: Record<string, number> = { RANKING: 2 };

/**
 * A matrix result sized by two of its arguments (argument indexes): as many rows as
 * `rows` has cells, as many columns as `columns` has cells. FLEX.WORKYEARS: one row
 * per name (2nd argument), one column per criterion id (1st).
 */
const RESULT_BY_ARGUMENTS: Record<string, { rows: number; columns: number }> = {
  WORKYEARS: { rows: 1, columns: 0 },
};

/** A HyperFormula value as Excel hands it to a custom function (a blank as {@link setBlankEncoding} says). */
function asExcel(value: unknown): unknown {
  // A left-out optional argument is null on every platform (Microsoft's custom-functions
  // "optional parameters" page); only a blank cell differs by platform.
  if (value === undefined) return null;
  if (value === EmptyValue) return blank;
  if (value instanceof CellError)
    return { code: value.type === ErrorType.NA ? "#N/A" : `#${value.type}!` };
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(asExcel));
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: unknown }).val;
  return value;
}

/** A FunctionError as the cell error HyperFormula shows. */
function cellError(error: FunctionError): CellError {
  return new CellError(error.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, error.message);
}

/** A returned value as HyperFormula's: a matrix as a range, an error cell in it as that cell's error. */
function fromExcel(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return SimpleRangeValue.onlyValues(
    value.map((row: unknown[]) =>
      row.map((cell) => (cell instanceof FunctionError ? cellError(cell) : cell))
    ) as never
  );
}

let registered = false;

/**
 * Registers every `FLEX.*` function in HyperFormula, once per process.
 *
 * @example
 * registerFlexFunctions();
 * HyperFormula.buildFromArray([["=FLEX.CONTRACTVALUE(75,32,13,2,13,FALSE)"]], { licenseKey: "gpl-v3" });
 */
export function registerFlexFunctions(): void {
  if (registered) return;
  registered = true;
  const file = path.resolve(__dirname, "../../src/functions/functions.ts");
  const parsed = parseTree(fs.readFileSync(file, "utf8"), file);
  class FlexPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  for (const fn of parsed.functions) {
    const name = `FLEX.${fn.id}`;
    const functionName = parsed.associate.find((a) => a.id === fn.id)?.functionName as string;
    const implementation = (flex as unknown as Record<string, (...args: unknown[]) => unknown>)[
      functionName
    ];
    const method = `flex${fn.id}`;
    const matrix = fn.result?.dimensionality === "matrix";
    const sizeMethod = `${method}Size`;
    implemented[name] = {
      method,
      parameters: fn.parameters.map((p) => ({
        argumentType:
          p.dimensionality === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.SCALAR,
        optionalArg: p.optional === true,
      })),
      ...(matrix ? { sizeOfResultArrayMethod: sizeMethod, vectorizationForbidden: true } : {}),
    };
    translations[name] = name;
    const prototype = FlexPlugin.prototype as unknown as Record<string, unknown>;
    prototype[method] = function (
      this: FunctionPlugin & {
        runFunction: (...a: unknown[]) => unknown;
        metadata: (n: string) => unknown;
      },
      ast: { args: unknown[] },
      state: unknown
    ) {
      return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
        try {
          return fromExcel(implementation(...args.map(asExcel)));
        } catch (error) {
          if (!(error instanceof FunctionError)) throw error;
          return cellError(error);
        }
      });
    };
    const byArguments = RESULT_BY_ARGUMENTS[fn.id];
    if (matrix && byArguments) {
      prototype[sizeMethod] = function (
        this: { arraySizeForAst: (ast: unknown, state: unknown) => ArraySize },
        ast: { args: unknown[] },
        state: unknown
      ) {
        if (ast.args.length <= Math.max(byArguments.rows, byArguments.columns))
          return ArraySize.error();
        const cells = (index: number) => {
          const size = this.arraySizeForAst(ast.args[index], state);
          return size.width * size.height;
        };
        return new ArraySize(cells(byArguments.columns), cells(byArguments.rows));
      };
    } else if (matrix) {
      const width = RESULT_WIDTH[fn.id];
      if (width === undefined)
        throw new Error(`No result width for FLEX.${fn.id} in flexPlugin.ts`);
      prototype[sizeMethod] = function (
        this: { arraySizeForAst: (ast: unknown, state: unknown) => ArraySize },
        ast: { args: unknown[] },
        state: unknown
      ) {
        if (ast.args.length === 0) return ArraySize.error();
        const first = this.arraySizeForAst(ast.args[0], state);
        return new ArraySize(width, first.height > 1 ? first.height : first.width);
      };
    }
  }
  (FlexPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(FlexPlugin as never, { enGB: translations });
}
