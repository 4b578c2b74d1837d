/**
 * An Excel for the tests that Microsoft's own client talks to: the add-in's
 * code runs against the real `@microsoft/office-js` client (loaded in a Node
 * `vm`), whose requests this simulator answers from its store. It counts what
 * Excel would see (requests, bytes, flags) and enforces what Excel on the web
 * enforces that the client cannot show.
 */
import { officeHost, type OfficeHost } from "../../../src/office/host";
import { calculator } from "./calculate";
import { loadExcelClient, type ClientRequest, type ClientResponse, type LoadedClient } from "./client";
import { SimulatorGap, typeCells, type SimWorld } from "./model";
import { execute, type RequestMessage } from "./protocol";
import { emptyState, parseBox, sheetOf, type FakeValue, type FakeWorkbookState } from "./state";

export * from "./state";

/**
 * Excel on the web refuses a request or a response whose payload is over 5 MB
 * (`RequestPayloadSizeLimitExceeded`, `ResponsePayloadSizeLimitExceeded`):
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * Counted here as the UTF-8 bytes of the JSON text on the wire.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** `OfficeExtension` request flag 64: the batch was sent with `delayForCellEdit`. */
const DELAY_FOR_CELL_EDIT = 64;

/** Figures of one `Excel.run`. */
export interface SimRun {
  /** Requests sent (each `context.sync()` with something queued). */
  syncs: number;
  /** UTF-8 bytes of each request's JSON body. */
  requestBytes: number[];
  /** UTF-8 bytes of each response's JSON body. */
  responseBytes: number[];
  /** Whether every request of the run carried `delayForCellEdit`. */
  delayForCellEdit: boolean;
  calculationSuspended: number;
  screenUpdatingSuspended: number;
}

/** Choices of the simulated Excel. */
export interface SimOptions {
  /** "Fill formulas in tables to create calculated columns" (Excel's default: on). */
  calculatedColumns?: boolean;
  /** "Include new rows and columns in table" when typing below a table (Excel's default: on). */
  autoExpandTables?: boolean;
  /** The newest ExcelApi set the host supports (default 1.17). */
  excelApi?: string;
  /** Runs between two requests of the add-in, as another user's edits arrive in co-authoring. */
  between?: (sim: ExcelSimulator, request: number) => void;
}

/** The simulated Excel: its store, its figures and the host the add-in's code gets. */
export interface ExcelSimulator {
  state: FakeWorkbookState;
  /** One entry per `Excel.run` through {@link host}. */
  runs: SimRun[];
  /** Workbooks opened with `Excel.createWorkbook`, as base64. */
  created: string[];
  /** What src/office gets: made by the add-in's own `officeHost` over the real client. */
  host: OfficeHost;
  /** Microsoft's client as loaded (for tests that call it directly). */
  client: LoadedClient;
  options: SimOptions;
  /** The figures of the last run. */
  last(): SimRun;
  /** A user types rows of values starting at a cell (tables grow as in Excel). */
  type(sheet: string, at: string, rows: FakeValue[][]): void;
  /** The value a cell shows now (formulas calculated). */
  valueAt(sheet: string, row: number, column: number): FakeValue;
  /** Requests answered so far, in all runs. */
  requests: number;
}

const utf8 = (text: string) => Buffer.byteLength(text, "utf8");

function versionAtMost(version: string, newest: string): boolean {
  const [a, b] = version.split(".").map(Number);
  const [x, y] = newest.split(".").map(Number);
  return a < x || (a === x && (b ?? 0) <= (y ?? 0));
}

/**
 * An Excel over `state` (an empty workbook by default) for the add-in's code.
 *
 * @example
 * const excel = simulateExcel();
 * await officeActions(excel.host).runSetUp("17040");
 * excel.last().syncs; // 3
 */
export function simulateExcel(state: FakeWorkbookState = emptyState(), options: SimOptions = {}): ExcelSimulator {
  const runs: SimRun[] = [];
  const created: string[] = [];
  const excelApi = options.excelApi ?? "1.17";
  let current: SimRun | undefined;
  let dirty = true;
  const calc = calculator();

  const world: SimWorld = {
    get state() {
      return sim.state;
    },
    created,
    count: (what) => {
      if (current) current[what]++;
    },
    get calculatedColumns() {
      return options.calculatedColumns ?? true;
    },
    valueOf: (sheet, row, column) => {
      const cell = sheet.cells.get(`${row},${column}`);
      if (!cell?.formula) return cell?.value ?? "";
      if (dirty) calc.load(sim.state);
      dirty = false;
      return calc.value(sheet.name, row, column);
    },
  };

  const answer = async (request: ClientRequest): Promise<ClientResponse> => {
    const text = JSON.stringify(request.body);
    const run = current ?? (current = newRun());
    if (!/[?&]flags=(\d+)/.test(request.url) || (Number(/flags=(\d+)/.exec(request.url)![1]) & DELAY_FOR_CELL_EDIT) === 0)
      run.delayForCellEdit = false;
    options.between?.(sim, sim.requests);
    sim.requests++;
    run.syncs++;
    run.requestBytes.push(utf8(text));
    if (utf8(text) > PAYLOAD_LIMIT_BYTES) {
      run.responseBytes.push(0);
      return failure(413, "RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    dirty = true;
    let body: string;
    try {
      body = JSON.stringify(execute(JSON.parse(text) as RequestMessage, world, () => (dirty = true)));
    } catch (error) {
      if (error instanceof SimulatorGap) {
        run.responseBytes.push(0);
        return failure(500, "SimulatorGap", error.message);
      }
      throw error;
    }
    dirty = true;
    run.responseBytes.push(utf8(body));
    if (utf8(body) > PAYLOAD_LIMIT_BYTES)
      return failure(413, "ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    return { statusCode: 200, headers: { "content-type": "application/json" }, body };
  };

  const client = loadExcelClient("https://excel-simulator.invalid/", answer);
  // What Office.context.requirements answers, for the add-in and for the client's own API checks.
  const requirements = {
    isSetSupported: (set: string, version?: string) =>
      set === "ExcelApi" ? versionAtMost(version ?? "1.1", excelApi) : true,
  };
  // The host's side of Office.context (the client reads it through `window.Office`).
  client.window.Office = Object.create(client.window.Office, {
    context: { value: { requirements, platform: "PC" } },
  });
  const production = officeHost({ Excel: client.Excel, Office: client.window.Office as never });

  const sim: ExcelSimulator = {
    state,
    runs,
    created,
    client,
    options,
    requests: 0,
    host: {
      ...production,
      async run(batch) {
        current = newRun();
        runs.push(current);
        try {
          return await production.run(batch);
        } finally {
          current = undefined;
        }
      },
      async createWorkbook(base64) {
        current = newRun();
        runs.push(current);
        try {
          return await production.createWorkbook(base64);
        } finally {
          current = undefined;
        }
      },
    },
    last() {
      const run = runs[runs.length - 1];
      if (!run) throw new Error("No Excel.run yet.");
      return run;
    },
    type(sheetName, at, rows) {
      const sheet = sheetOf(sim.state, sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const box = parseBox(at);
      typeCells(world, sheet, box.top, box.left, rows, options.autoExpandTables ?? true);
      dirty = true;
    },
    valueAt(sheetName, row, column) {
      const sheet = sheetOf(sim.state, sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      dirty = true;
      return world.valueOf(sheet, row, column);
    },
  };
  return sim;
}

function newRun(): SimRun {
  return {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    delayForCellEdit: true,
    calculationSuspended: 0,
    screenUpdatingSuspended: 0,
  };
}

function failure(statusCode: number, code: string, message: string): ClientResponse {
  return { statusCode, headers: {}, body: JSON.stringify({ error: { code, message } }) };
}
