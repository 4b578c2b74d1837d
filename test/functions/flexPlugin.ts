/**
 * The FLEX functions registered in HyperFormula (GPL-3.0; a dev dependency used
 * by tests only): from the same JSDoc metadata that Microsoft's generator turns
 * into functions.json (matrix parameters as ranges, the rest as scalars that may
 * be errors), each call handed to our own function code as Excel hands it.
 * Used by the HyperFormula tests and by the Excel simulator's calculation.
 */
import fs from "fs";
import {
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
    }>;
    associate: Array<{ id: string; functionName: string }>;
  };
};

/** A HyperFormula value as Excel on the web hands it to a custom function (a blank as null). */
function asExcel(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError)
    return { code: value.type === ErrorType.NA ? "#N/A" : `#${value.type}!` };
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(asExcel));
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: unknown }).val;
  return value;
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
    implemented[name] = {
      method,
      parameters: fn.parameters.map((p) => ({
        argumentType:
          p.dimensionality === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.SCALAR,
        optionalArg: p.optional === true,
      })),
    };
    translations[name] = name;
    (FlexPlugin.prototype as unknown as Record<string, unknown>)[method] = function (
      this: FunctionPlugin & {
        runFunction: (...a: unknown[]) => unknown;
        metadata: (n: string) => unknown;
      },
      ast: { args: unknown[] },
      state: unknown
    ) {
      return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
        try {
          return implementation(...args.map(asExcel));
        } catch (error) {
          if (!(error instanceof FunctionError)) throw error;
          return new CellError(
            error.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE,
            error.message
          );
        }
      });
    };
  }
  (FlexPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(FlexPlugin as never, { enGB: translations });
}
