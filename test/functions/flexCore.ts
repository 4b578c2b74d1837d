/**
 * The FLEX functions registered in HyperFormula (GPL-3.0; a dev dependency used
 * by tests only), the part that runs anywhere, the browser too: no fs, path or
 * require. It takes the functions' metadata (what Microsoft's generator reads
 * from the JSDoc of src/functions/functions.ts: id, parameters' dimensionality
 * and optional, result dimensionality) and the implementation per id; the Node
 * part (flexPlugin.ts) gets that metadata from Microsoft's parseTree, and the
 * browser run (test/e2e) gets it from the same parser at build time.
 *
 * Matrix parameters are ranges, the rest scalars that may be errors; each call
 * is handed to our own function code as Excel hands it.
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
import { FunctionError } from "../../src/functions/errors";

/** How a blank cell is handed to a custom function: null (web), 0 (Windows desktop) or "". */
export type BlankEncoding = "null" | "zero" | "empty";

/** One function as Microsoft's metadata describes it (parseTree's `functions`, with its associated name). */
export interface FlexFunctionMetadata {
  /** The id after `FLEX.` (`RANKING`). */
  id: string;
  /** The exported function of src/functions/functions.ts that `CustomFunctions.associate` ties to the id. */
  functionName: string;
  parameters: Array<{ dimensionality?: string; optional?: boolean }>;
  result?: { dimensionality?: string };
}

/** A function's implementation: called with the arguments as Excel hands them. */
export type FlexImplementation = (...args: unknown[]) => unknown;

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

/**
 * The implementation per id from a module of exported functions (src/functions/functions.ts),
 * by the name each id is associated with; throws for an id without its function.
 *
 * @example
 * import * as flex from "../../src/functions/functions";
 * const implementations = implementationsOf(metadata, flex);
 */
export function implementationsOf(
  metadata: readonly FlexFunctionMetadata[],
  module: object
): Record<string, FlexImplementation> {
  const exported = module as Record<string, unknown>;
  const out: Record<string, FlexImplementation> = {};
  for (const fn of metadata) {
    const implementation = exported[fn.functionName];
    if (typeof implementation !== "function")
      throw new Error(`FLEX.${fn.id}: no exported function ${fn.functionName}`);
    out[fn.id] = implementation as FlexImplementation;
  }
  return out;
}

let registered = false;

/**
 * Registers every function of `metadata` as `FLEX.<id>` in HyperFormula, once per
 * process (or page): a later call does nothing.
 *
 * @example
 * registerFlex(metadata, implementationsOf(metadata, flex));
 * HyperFormula.buildFromArray([["=FLEX.CONTRACTVALUE(75,32,13,2,13,FALSE)"]], { licenseKey: "gpl-v3" });
 */
export function registerFlex(
  metadata: readonly FlexFunctionMetadata[],
  implementations: Record<string, FlexImplementation>
): void {
  if (registered) return;
  registered = true;
  class FlexPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  for (const fn of metadata) {
    const name = `FLEX.${fn.id}`;
    const implementation = implementations[fn.id];
    if (!implementation) throw new Error(`No implementation for ${name}`);
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
      if (width === undefined) throw new Error(`No result width for FLEX.${fn.id} in flexCore.ts`);
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
