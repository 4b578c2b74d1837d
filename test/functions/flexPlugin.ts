/**
 * The FLEX functions registered in HyperFormula for Node (the HyperFormula tests
 * and the Excel simulator's calculation): the metadata from the JSDoc of
 * src/functions/functions.ts by Microsoft's own parser (parseTree of
 * custom-functions-metadata, the generator of functions.json), the functions from
 * that module, registered by the browser-safe core (flexCore.ts, which also says
 * how blanks are handed over: {@link setBlankEncoding}).
 */
import fs from "fs";
import path from "path";
import * as flex from "../../src/functions/functions";
import { implementationsOf, registerFlex, type FlexFunctionMetadata } from "./flexCore";

export { setBlankEncoding, type BlankEncoding, type FlexFunctionMetadata } from "./flexCore";

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

/** The source file whose JSDoc Microsoft's generator turns into functions.json. */
export const functionsSource = path.resolve(__dirname, "../../src/functions/functions.ts");

/**
 * The FLEX functions' metadata as Microsoft's parser reads it from `file`: per
 * function its id, associated function name, parameters and result (only what
 * the registration needs, so it can be handed to a browser bundle as JSON).
 *
 * @example
 * flexMetadata().find((f) => f.id === "RANKING")?.result; // { dimensionality: "matrix" }
 */
export function flexMetadata(file: string = functionsSource): FlexFunctionMetadata[] {
  const parsed = parseTree(fs.readFileSync(file, "utf8"), file);
  return parsed.functions.map((fn) => ({
    id: fn.id,
    functionName: parsed.associate.find((a) => a.id === fn.id)?.functionName as string,
    parameters: fn.parameters.map((p) => ({
      ...(p.dimensionality !== undefined ? { dimensionality: p.dimensionality } : {}),
      ...(p.optional !== undefined ? { optional: p.optional } : {}),
    })),
    ...(fn.result
      ? {
          result:
            fn.result.dimensionality !== undefined
              ? { dimensionality: fn.result.dimensionality }
              : {},
        }
      : {}),
  }));
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
  // The simulator calls this before every calculation: parse the source once.
  if (registered) return;
  registered = true;
  const metadata = flexMetadata();
  registerFlex(metadata, implementationsOf(metadata, flex));
}
