/**
 * What the browser page gets instead of Microsoft's office.js: the fake Excel of
 * test/office/fakeExcel behind a global `Excel`, and a tiny `Office` whose
 * `onReady` resolves with host Excel and whose context has the language and
 * theme of the run (`window.__officeConfig`, set before the page loads).
 */
import { installFakeExcel, sheetOf, type FakeValue } from "../office/fakeExcel";

/** The language and theme of one run. */
export interface OfficeConfig {
  displayLanguage: string;
  bodyBackgroundColor: string;
}

/** Rows keyed by header, as the test pushes them into a table. */
export type TableRows = Array<Record<string, FakeValue>>;

const host = window as unknown as {
  __officeConfig?: OfficeConfig;
  Office?: unknown;
  awardscoreHost?: unknown;
};
const config: OfficeConfig = host.__officeConfig ?? {
  displayLanguage: "nl-NL",
  bodyBackgroundColor: "#ffffff",
};
const excel = installFakeExcel();
// A delay before every Excel.run, so a screenshot can catch the progress bar.
let delayMs = 0;
const fakeRun = (globalThis as unknown as { Excel: { run: (batch: unknown) => Promise<unknown> } })
  .Excel;
const run = fakeRun.run.bind(fakeRun);
fakeRun.run = async (batch) => {
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  return run(batch);
};
const info = { host: "Excel", platform: "OfficeOnline" };

host.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  context: {
    displayLanguage: config.displayLanguage,
    officeTheme: { bodyBackgroundColor: config.bodyBackgroundColor },
  },
  onReady(callback?: (i: typeof info) => void) {
    return Promise.resolve().then(() => {
      callback?.(info);
      return info;
    });
  },
};

/** The leading id of a header (`K3 …` → `K3`), or the whole header. */
const keyOf = (header: string) => (/^[A-Z]\d+\b/.exec(header)?.[0] ?? header).toLowerCase();

/** The page's handle for the test: the fake workbook and a way to type rows into a table. */
host.awardscoreHost = {
  excel,
  /** Writes rows under a table's header as an evaluator would type them, matching headers by their id. */
  fillTable(tableName: string, rows: TableRows): number {
    const table = excel.state.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
    if (!table) throw new Error(`no table ${tableName}`);
    const sheet = sheetOf(excel.state, table.sheet)!;
    rows.forEach((record, i) => {
      const byKey = new Map(Object.entries(record).map(([h, v]) => [keyOf(h), v]));
      table.columns.forEach((column, j) => {
        const value = byKey.get(keyOf(column));
        if (value === undefined || value === "") return;
        sheet.cells.set(`${table.top + 1 + i},${table.left + j}`, { value });
      });
    });
    table.bottom = Math.max(table.bottom, table.top + rows.length);
    return rows.length;
  },
  /** A column of a table by header, data rows only. */
  column(tableName: string, header: string): FakeValue[] {
    const table = excel.state.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
    if (!table) throw new Error(`no table ${tableName}`);
    const sheet = sheetOf(excel.state, table.sheet)!;
    const c = table.left + table.columns.indexOf(header);
    const out: FakeValue[] = [];
    for (let r = table.top + 1; r <= table.bottom; r++)
      out.push(sheet.cells.get(`${r},${c}`)?.value ?? "");
    return out;
  },
  /** The conditional formats of a sheet. */
  formats(sheetName: string) {
    return sheetOf(excel.state, sheetName)?.formats ?? [];
  },
  sheetNames: () => excel.state.sheets.map((s) => s.name),
  /** Makes every following Excel.run wait `ms` first. */
  slowDown(ms: number) {
    delayMs = ms;
  },
  /** Renames a column of a table (header cell too), as an evaluator might by mistake. */
  renameColumn(tableName: string, from: string, to: string) {
    const table = excel.state.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
    if (!table) throw new Error(`no table ${tableName}`);
    const c = table.columns.indexOf(from);
    table.columns[c] = to;
    sheetOf(excel.state, table.sheet)!.cells.set(`${table.top},${table.left + c}`, { value: to });
  },
  selection: () => excel.state.selection,
  /** How many workbooks `Excel.createWorkbook` opened, and the last one's base64. */
  created: () => ({ count: excel.created.length, last: excel.created[excel.created.length - 1] }),
};
