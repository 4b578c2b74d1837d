/**
 * Excel on Windows for the browser run, put into the task pane's page before its
 * own scripts run (as Excel puts its host bridge into the add-in's web view): the
 * simulator's server holding the workbook, behind the `window.external` bridge
 * that Microsoft's real office.js talks to (test/office/simulator/browser.ts).
 * The page itself loads office.js from Microsoft's CDN address, which the test
 * routes to `@microsoft/office-js/dist` on this machine.
 *
 * The language, theme and requirement sets of the run come from
 * `window.__officeConfig`, set before this script; `window.awardscoreHost` is
 * the test's handle on the workbook: it types rows as a user would and reads
 * what Excel shows.
 *
 * Its Excel calculates the `FLEX.*` functions, as Excel with AwardScore's shared
 * runtime does: the metadata Microsoft's parser read from
 * src/functions/functions.ts at build time (build.ts), the functions from that
 * same module. A blank cell reaches them as 0, as Excel on Windows hands it
 * (office-js issue #4702; this bridge is Excel on Windows).
 */
import * as flex from "../../src/functions/functions";
import {
  implementationsOf,
  registerFlex,
  setBlankEncoding,
  type FlexFunctionMetadata,
} from "../functions/flexCore";
import { installDesktopExcel } from "../office/simulator/browser";
import { simulatorServer } from "../office/simulator/server";
import {
  boxAddress,
  emptyState,
  sheetOf,
  type FakeTable,
  type FakeValue,
} from "../office/simulator/state";

/** The FLEX functions' metadata, put in by the build (build.ts) from Microsoft's parser. */
declare const __FLEX_METADATA__: FlexFunctionMetadata[];

/** Registers the FLEX functions in the simulator's formula engine, blanks handed as on Windows. */
function registerFunctions(): void {
  registerFlex(__FLEX_METADATA__, implementationsOf(__FLEX_METADATA__, flex));
  setBlankEncoding("zero");
}

/** What Excel reports to the add-in in one run. */
export interface OfficeConfig {
  displayLanguage: string;
  /** `Office.context.officeTheme`: `bodyBackgroundColor` and the other colours, as `#rrggbb`. */
  officeTheme: Record<string, string>;
  /** The requirement sets Excel supports; Microsoft 365's current sets by default. */
  requirements?: Record<string, string>;
}

/** Rows keyed by header, as the test types them into a table. */
export type TableRows = Array<Record<string, FakeValue>>;

/**
 * The requirement sets of a Microsoft 365 Excel on Windows, as far as the add-in
 * and the Excel client ask about them (ExcelApi as the simulator's default).
 */
export const currentRequirements: Record<string, string> = {
  ExcelApi: "1.17",
  CustomFunctionsRuntime: "1.4",
  SharedRuntime: "1.2",
  DialogApi: "1.2",
  AddinCommands: "1.1",
};

const page = window as unknown as {
  __officeConfig?: OfficeConfig;
  awardscoreHost?: unknown;
};

/** The leading id of a header (`K3 …` → `K3`), or the whole header. */
const keyOf = (header: string) => (/^[A-Z]\d+\b/.exec(header)?.[0] ?? header).toLowerCase();

function install(config: OfficeConfig): void {
  const server = simulatorServer(emptyState(), { registerFunctions });
  const excel = installDesktopExcel(window, server, {
    uiLocale: config.displayLanguage,
    theme: config.officeTheme,
    requirements: config.requirements ?? currentRequirements,
  });
  const state = () => server.state;
  const tableOf = (name: string): FakeTable => {
    const table = state().tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) throw new Error(`no table ${name}`);
    return table;
  };
  const columnOf = (table: FakeTable, header: string) => {
    const index = table.columns.indexOf(header);
    if (index < 0) throw new Error(`no column ${header} in ${table.name}`);
    return table.left + index;
  };

  page.awardscoreHost = {
    /**
     * Types rows into a table from its first data row down, as an evaluator
     * would: each run of filled cells in a row is typed in one go, empty cells
     * are skipped, and a row typed directly below the table joins it (Excel's
     * table growth, modelled by the simulator's `type`). Headers match by their id.
     */
    fillTable(tableName: string, rows: TableRows): number {
      const table = tableOf(tableName);
      const top = table.top + 1;
      rows.forEach((record, i) => {
        const byKey = new Map(Object.entries(record).map(([h, v]) => [keyOf(h), v]));
        const cells = table.columns.map((column) => byKey.get(keyOf(column)) ?? "");
        let start = 0;
        while (start < cells.length) {
          if (cells[start] === "") {
            start++;
            continue;
          }
          let end = start;
          while (end + 1 < cells.length && cells[end + 1] !== "") end++;
          const at = boxAddress({
            top: top + i,
            left: table.left + start,
            bottom: top + i,
            right: table.left + start,
          });
          server.type(table.sheet, at, [cells.slice(start, end + 1)]);
          start = end + 1;
        }
      });
      return rows.length;
    },
    /** Types one value into data row `index` (0-based) of a table, in the column whose header matches by id. */
    typeCell(tableName: string, header: string, index: number, value: FakeValue) {
      const table = tableOf(tableName);
      const c = table.columns.findIndex((column) => keyOf(column) === keyOf(header));
      if (c < 0) throw new Error(`no column ${header} in ${table.name}`);
      const cell = { top: table.top + 1 + index, left: table.left + c };
      server.type(table.sheet, boxAddress({ ...cell, bottom: cell.top, right: cell.left }), [
        [value],
      ]);
    },
    /** A column of a table by header, data rows only, as the cells show them (formulas calculated). */
    column(tableName: string, header: string): FakeValue[] {
      const table = tableOf(tableName);
      const c = columnOf(table, header);
      const out: FakeValue[] = [];
      for (let r = table.top + 1; r <= table.bottom; r++)
        out.push(server.valueAt(table.sheet, r, c));
      return out;
    },
    /** The conditional formats of a sheet, highest priority first. */
    formats(sheetName: string) {
      return sheetOf(state(), sheetName)?.formats ?? [];
    },
    /** A table's headers by sheet column, from column A (the table's columns where it stands, "" before it). */
    headers(tableName: string): string[] {
      const table = tableOf(tableName);
      return [...Array<string>(table.left - 1).fill(""), ...table.columns];
    },
    /** A column of a table by header, data rows only: each cell's formula, or "" where it holds a value. */
    formulas(tableName: string, header: string): string[] {
      const table = tableOf(tableName);
      const c = columnOf(table, header);
      const sheet = sheetOf(state(), table.sheet);
      const out: string[] = [];
      for (let r = table.top + 1; r <= table.bottom; r++)
        out.push(sheet?.cells.get(`${r},${c}`)?.formula ?? "");
      return out;
    },
    sheetNames: () => state().sheets.map((s) => s.name),
    /** Makes Excel take `ms` before it answers each request (a screenshot can catch the progress bar). */
    slowDown(ms: number) {
      excel.latencyMs = ms;
    },
    /**
     * Types a new header over a table's column, as an evaluator might by mistake.
     * Excel renames the table's column when its header cell is typed over; the
     * simulator's `type` writes the cell only, so the column follows here.
     */
    renameColumn(tableName: string, from: string, to: string) {
      const table = tableOf(tableName);
      const c = columnOf(table, from);
      server.type(
        table.sheet,
        boxAddress({ top: table.top, left: c, bottom: table.top, right: c }),
        [[to]]
      );
      table.columns[c - table.left] = to;
    },
    selection: () => state().selection,
    /** How many workbooks `Excel.createWorkbook` opened, and the last one's base64. */
    created: () => ({
      count: server.created.length,
      last: server.created[server.created.length - 1],
    }),
    /** Host calls or requests the simulator could not answer: none in a green run. */
    gaps: () => [...excel.gaps],
    /** Requests Excel answered so far. */
    requests: () => server.requests,
  };
}

// Only the pane's own page is the add-in's web view (not frames or blank pages Chromium opens).
if (window.top === window && /\/taskpane\.html$/.test(location.pathname) && page.__officeConfig)
  install(page.__officeConfig);
