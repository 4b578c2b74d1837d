/**
 * The one place where the simulator tells the `FLEX.*` functions how a blank cell
 * arrives: null as Excel on the web hands it, 0 as Excel on Windows does
 * (office-js #4702, #5262, #1951). The encoding itself lives in the FLEX plugin
 * (test/functions/flexCore.ts), which hands HyperFormula's blanks to our functions.
 */
import { setBlankEncoding } from "../../functions/flexCore";
import type { BlankEncoding } from "./calculate";

/**
 * Sets what the functions get for a blank cell from now on.
 *
 * @example
 * encodeBlanks("zero"); // FLEX.KNOCKOUT now sees 0 for a blank K3, as on Windows
 */
export function encodeBlanks(encoding: BlankEncoding): void {
  setBlankEncoding(encoding);
}
