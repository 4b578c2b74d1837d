/**
 * The Office requirement sets AwardScore needs, derived from the Office.js APIs it calls, and
 * the start-up check against the running Excel. manifest.xml declares exactly
 * {@link requiredSets} (test/manifest checks it, and greps src for every API in the table).
 *
 * Hard minimum, not optional: every host that has CustomFunctionsRuntime 1.2 and
 * SharedRuntime 1.1 (Microsoft 365 from version 2002, Excel 2021, Mac 16.35, the web) already
 * has ExcelApi 1.9, so declaring the newest API the code calls costs no user a thing. The
 * run-time checks in src/office (screen updating, calculation, createWorkbook) stay as a
 * second line of defence.
 *
 * Not in the table: `Excel.run({ delayForCellEdit: true }, …)`. Microsoft's reference tags the
 * option with no set of its own; its RunOptions page now says ExcelApi 1.20, beside the newer
 * mergeUndoGroup, but the option was documented in 2020, years before 1.20. A host that does
 * not know it runs the batch as before, which fails only while a cell is being edited, with the
 * pane's hint to finish the edit.
 */

/** A requirement set and the lowest version of it that is needed. */
export interface RequirementSet {
  readonly name: string;
  readonly version: string;
}

/** An Office.js API the code calls, how to find it in src, and the set that brought it. */
export interface ApiUse {
  /** The API as Microsoft's reference names it. */
  readonly api: string;
  /** What a call looks like in src/office, src/taskpane or src/functions. */
  readonly pattern: RegExp;
  readonly set: string;
  readonly version: string;
}

/**
 * Every Office.js API above ExcelApi 1.1 that the add-in calls, with its set from Microsoft's
 * reference (the `[Api set: …]` line of each member in @types/office-js).
 *
 * @example apiUses.find((u) => u.api.endsWith("suspendScreenUpdatingUntilNextSync"))?.version // "1.9"
 */
export const apiUses: readonly ApiUse[] = [
  {
    api: "Application.suspendScreenUpdatingUntilNextSync",
    pattern: /\.suspendScreenUpdatingUntilNextSync\(/,
    set: "ExcelApi",
    version: "1.9",
  },
  {
    // On the global Excel or on src/office's handle to it (`excel.createWorkbook`).
    api: "Excel.createWorkbook",
    pattern: /\bexcel\.createWorkbook\(/i,
    set: "ExcelApi",
    version: "1.8",
  },
  { api: "Range.dataValidation", pattern: /\.dataValidation\b/, set: "ExcelApi", version: "1.8" },
  { api: "Worksheet.freezePanes", pattern: /\.freezePanes\./, set: "ExcelApi", version: "1.7" },
  {
    api: "NamedItem.formula",
    pattern: /names\.load\([^)]*formula/,
    set: "ExcelApi",
    version: "1.7",
  },
  {
    api: "ChartAxis.reversePlotOrder",
    pattern: /\.reversePlotOrder\b/,
    set: "ExcelApi",
    version: "1.7",
  },
  {
    api: "ChartSeries.setXAxisValues",
    pattern: /\.setXAxisValues\(/,
    set: "ExcelApi",
    version: "1.7",
  },
  { api: "ChartSeries.setValues", pattern: /\.setValues\(/, set: "ExcelApi", version: "1.7" },
  {
    api: "Application.suspendApiCalculationUntilNextSync",
    pattern: /\.suspendApiCalculationUntilNextSync\(/,
    set: "ExcelApi",
    version: "1.6",
  },
  {
    api: "Range.conditionalFormats",
    pattern: /\.conditionalFormats\b/,
    set: "ExcelApi",
    version: "1.6",
  },
  {
    api: "WorksheetCollection.getItemOrNullObject",
    pattern: /worksheets\.getItemOrNullObject\(/,
    set: "ExcelApi",
    version: "1.4",
  },
  {
    api: "Worksheet.getUsedRangeOrNullObject",
    pattern: /\.getUsedRangeOrNullObject\(/,
    set: "ExcelApi",
    version: "1.4",
  },
  { api: "NamedItemCollection.add", pattern: /names\.add\(/, set: "ExcelApi", version: "1.4" },
  {
    api: "NamedItem.delete",
    pattern: /names\.getItem\([^)]*\)\.delete\(/,
    set: "ExcelApi",
    version: "1.4",
  },
  {
    api: "TableColumnCollection.add (with a name)",
    pattern: /columns\.add\([^)]*,\s*\w+\)/,
    set: "ExcelApi",
    version: "1.4",
  },
  { api: "RangeFormat.autofitRows", pattern: /\.autofitRows\(/, set: "ExcelApi", version: "1.2" },
  { api: "RangeFormat.columnWidth", pattern: /\.columnWidth\b/, set: "ExcelApi", version: "1.2" },
  { api: "Table.worksheet", pattern: /\.worksheet\.load\(/, set: "ExcelApi", version: "1.2" },
  {
    api: "CustomFunctions.Error",
    pattern: /new CustomFunctions\.Error\(/,
    set: "CustomFunctionsRuntime",
    version: "1.2",
  },
];

/**
 * Sets that no single call brings: the manifest's one long-lived runtime shared by the task
 * pane, the ribbon and the custom functions needs SharedRuntime 1.1.
 *
 * @example runtimeSets[0] // { name: "SharedRuntime", version: "1.1" }
 */
export const runtimeSets: readonly RequirementSet[] = [{ name: "SharedRuntime", version: "1.1" }];

/**
 * Compares dotted versions by number, so 1.10 is newer than 1.9.
 *
 * @example compareVersions("1.10", "1.9") > 0 // true
 */
export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The sets to require: per set the newest version any API in `uses` needs, plus `runtime`,
 * in the order each set first appears.
 *
 * @example
 * requiredSets();
 * // [{ name: "ExcelApi", version: "1.9" }, { name: "CustomFunctionsRuntime", version: "1.2" },
 * //  { name: "SharedRuntime", version: "1.1" }]
 */
export function requiredSets(
  uses: readonly ApiUse[] = apiUses,
  runtime: readonly RequirementSet[] = runtimeSets
): RequirementSet[] {
  const newest = new Map<string, string>();
  const needs = [...uses.map((u) => ({ name: u.set, version: u.version })), ...runtime];
  for (const { name, version } of needs) {
    const known = newest.get(name);
    if (known === undefined || compareVersions(version, known) > 0) newest.set(name, version);
  }
  return [...newest].map(([name, version]) => ({ name, version }));
}

/** Office's `Office.context.requirements.isSetSupported`. */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

/**
 * The sets this Excel lacks, in the order of `sets`. A host without `isSetSupported` cannot
 * tell and is given the benefit of the doubt (none missing), as src/office does.
 *
 * @example
 * missingSets((name) => name !== "ExcelApi"); // [{ name: "ExcelApi", version: "1.9" }]
 * missingSets(Office.context.requirements?.isSetSupported.bind(Office.context.requirements));
 */
export function missingSets(
  isSetSupported: IsSetSupported | undefined,
  sets: readonly RequirementSet[] = requiredSets()
): RequirementSet[] {
  if (!isSetSupported) return [];
  return sets.filter((set) => !isSetSupported(set.name, set.version));
}

/**
 * A set as Microsoft writes it, for the message to the user.
 *
 * @example formatSet({ name: "ExcelApi", version: "1.9" }) // "ExcelApi 1.9"
 */
export function formatSet(set: RequirementSet): string {
  return `${set.name} ${set.version}`;
}
