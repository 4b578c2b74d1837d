/**
 * The one place where the simulator tells the `FLEX.*` functions how a blank cell
 * arrives: null as Excel on the web hands it, 0 as Excel on Windows does
 * (office-js #4702, #5262, #1951). The encoding itself lives in the FLEX plugin
 * (test/functions/flexPlugin.ts), which hands HyperFormula's blanks to our functions.
 */
import * as plugin from "../../functions/flexPlugin";
import type { BlankEncoding } from "./calculate";

/** The plugin's setter, where it has one. */
const setter = (plugin as unknown as { setBlankEncoding?: (encoding: BlankEncoding) => void })
  .setBlankEncoding;

/**
 * Sets what the functions get for a blank cell from now on.
 *
 * @throws Error for 0 when the plugin cannot encode blanks yet: a test must not pass by default.
 * @example
 * encodeBlanks("zero"); // FLEX.KNOCKOUT now sees 0 for a blank K3, as on Windows
 */
export function encodeBlanks(encoding: BlankEncoding): void {
  if (setter) setter(encoding);
  else if (encoding !== "null")
    throw new Error("test/functions/flexPlugin.ts cannot hand blanks as 0 yet.");
}
