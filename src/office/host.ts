/**
 * The add-in's way into Excel, taken as a parameter: in Office the global
 * `Excel` and `Office`; in the tests Microsoft's same client talking to a
 * simulator. Every use case of src/office runs through {@link OfficeHost.run}.
 */

import type { SeenSize } from "./read";

/** What src/office needs of Excel. */
export interface OfficeHost {
  /** Runs a batch in Excel (`Excel.run`), waiting while the user is editing a cell. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Opens a new workbook from an `.xlsx` in base64 (`Excel.createWorkbook`, ExcelApi 1.8). */
  createWorkbook(base64: string): Promise<void>;
  /** Whether the host supports a requirement set; a host that cannot tell says yes. */
  isSetSupported(set: string, version: string): boolean;
  /** What the last read saw per sheet, so that a large workbook is read in blocks from the start. */
  readSizes: Map<string, SeenSize>;
}

/** The parts of Office.js a host is made of. */
export interface OfficeGlobals {
  Excel: typeof Excel;
  Office?: {
    context?: { requirements?: { isSetSupported(set: string, version?: string): boolean } };
  };
}

/**
 * A host over Excel's client. `delayForCellEdit`: a batch that starts while the
 * user is typing in a cell waits for the edit to end instead of failing with
 * `InvalidOperationInCellEditMode`.
 *
 * @example
 * const host = officeHost({ Excel, Office }); // what pageHost() returns
 * await host.run(async (context) => { … });
 */
export function officeHost(globals: OfficeGlobals): OfficeHost {
  const excel = globals.Excel;
  return {
    run: (batch) => excel.run({ delayForCellEdit: true }, batch),
    createWorkbook: (base64) => excel.createWorkbook(base64),
    isSetSupported: (set, version) => {
      const requirements = globals.Office?.context?.requirements;
      return requirements ? requirements.isSetSupported(set, version) : true;
    },
    readSizes: new Map(),
  };
}

/**
 * The host over Office's own `Excel` and `Office` globals, the one the task pane
 * uses: src/office is the only folder that touches the `Excel` global.
 *
 * @example
 * await runScore(pageHost());
 */
export function pageHost(): OfficeHost {
  return officeHost({ Excel, Office });
}
