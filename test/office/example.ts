/** The example workbook (examples/aanvraag-17040.xlsx) as the office tests start from it. */
import path from "path";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { xlsxSnapshot } from "./helpers";

/** The example workbook's path. */
export const example = path.resolve(__dirname, "../../examples/aanvraag-17040.xlsx");
/** The options that score it with the 17040 preset. */
export const preset = { preset: "17040" };

/** Reads the example once, before the test file's tests; the function returned gives its snapshot. */
export function exampleSnapshot(): () => WorkbookSnapshot {
  let snapshot: WorkbookSnapshot | undefined;
  beforeAll(async () => {
    snapshot = await xlsxSnapshot(example);
  });
  return () => snapshot!;
}
