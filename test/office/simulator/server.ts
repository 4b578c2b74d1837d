/**
 * The simulator's side of the wire, with no Node API (a browser page uses it
 * too): the store, the figures per run, and the answer to each request that
 * Microsoft's client sends.
 */
import { calculator, type BlankEncoding } from "./calculate";
import { SimulatorGap, typeCells, type SimWorld } from "./model";
import { execute, type RequestMessage } from "./protocol";
import { parseBox, sheetOf, type FakeSheet, type FakeValue, type FakeWorkbookState } from "./state";

/**
 * Excel on the web refuses a request or a response whose payload is over 5 MB
 * (`RequestPayloadSizeLimitExceeded`, `ResponsePayloadSizeLimitExceeded`):
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * Counted here as the UTF-8 bytes of the JSON text on the wire, and "5MB" as 5,000,000
 * (the stricter reading).
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/** `OfficeExtension` request flag 64: the batch was sent with `delayForCellEdit`. */
const DELAY_FOR_CELL_EDIT = 64;

/** Figures of one `Excel.run`. */
export interface SimRun {
  /** Requests sent (each `context.sync()` with something queued). */
  syncs: number;
  /** UTF-8 bytes of each request's JSON body. */
  requestBytes: number[];
  /** UTF-8 bytes of each response's JSON body that Excel delivered. */
  responseBytes: number[];
  /** UTF-8 bytes of each response Excel on the web refused to deliver as over its limit (the request failed). */
  refusedResponseBytes: number[];
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
  /** Registers the `FLEX.*` functions in the formula engine before it first calculates (Node only). */
  registerFunctions?: () => void;
  /**
   * What a custom function is handed for a blank cell: null as Excel on the web, 0 as Excel
   * on Windows (office-js #4702, #5262, #1951). Default null.
   */
  blanks?: BlankEncoding;
  /** Sets the blank encoding of the `FLEX.*` functions before each calculation (with {@link registerFunctions}). */
  encodeBlanks?: (blanks: BlankEncoding) => void;
  /** Runs between two requests of the add-in, as another user's edits arrive in co-authoring. */
  between?: (sim: SimulatorServer, request: number) => void;
}

/** A request as the client hands it to `HttpUtility`'s send function. */
export interface WireRequest {
  url: string;
  /** The request message (an object, or its JSON text). */
  body: unknown;
}

/** The answer: an HTTP status and the JSON text of the body. */
export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** The simulated Excel's server side. */
export interface SimulatorServer {
  state: FakeWorkbookState;
  /** One entry per run (see {@link beginRun}); requests outside a run open one. */
  runs: SimRun[];
  /** Workbooks opened with `Excel.createWorkbook`, as base64. */
  created: string[];
  options: SimOptions;
  /** Requests answered so far. */
  requests: number;
  /** Answers one request of the client. */
  answer(request: WireRequest): WireResponse;
  /** Starts counting a new run (an `Excel.run`); {@link endRun} ends it. */
  beginRun(): SimRun;
  endRun(): void;
  /** The figures of the last run. */
  last(): SimRun;
  /** A user types rows of values starting at a cell (tables grow as in Excel). */
  type(sheet: string, at: string, rows: FakeValue[][]): void;
  /** The value a cell shows now (formulas calculated). */
  valueAt(sheet: string, row: number, column: number): FakeValue;
}

/**
 * The UTF-8 bytes of a text as `TextEncoder` writes it (a lone surrogate as U+FFFD, three
 * bytes), counted without encoding: the bodies are megabytes, and encoding each one only to
 * take its length made buffers of that size for the garbage collector.
 *
 * @example
 * utf8("Zoë €"); // 8
 */
export function utf8(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 2; // a pair: two units, four bytes
        i++;
      } else bytes += 2;
    } else bytes += 2; // the rest of the plane, and a lone surrogate as U+FFFD: three bytes
  }
  return bytes;
}

function newRun(): SimRun {
  return {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    refusedResponseBytes: [],
    delayForCellEdit: true,
    calculationSuspended: 0,
    screenUpdatingSuspended: 0,
  };
}

function failure(statusCode: number, code: string, message: string): WireResponse {
  return { statusCode, headers: {}, body: JSON.stringify({ error: { code, message } }) };
}

/**
 * Everything of a store that its calculation reads (every sheet's cells with their values and
 * formulas, the tables, the defined names) and the blank encoding, as one text: two equal
 * texts calculate alike.
 */
function calculationInput(state: FakeWorkbookState, blanks: BlankEncoding): string {
  const parts: string[] = [blanks, JSON.stringify(state.tables), JSON.stringify(state.names)];
  for (const sheet of state.sheets) {
    parts.push(`\u0001${sheet.name}`);
    for (const [key, cell] of sheet.cells)
      parts.push(key, typeof cell.value, String(cell.value), cell.formula ?? "\u0002");
  }
  return parts.join("\u0000");
}

/** Whether a sheet has a cell with a formula. */
function holdsFormula(sheet: FakeSheet): boolean {
  for (const cell of sheet.cells.values()) if (cell.formula) return true;
  return false;
}

/**
 * The server side of a simulated Excel over `state`.
 *
 * @example
 * const server = simulatorServer(emptyState());
 * server.answer({ url: "https://x/ProcessQuery?flags=64", body: message });
 */
export function simulatorServer(
  state: FakeWorkbookState,
  options: SimOptions = {}
): SimulatorServer {
  let current: SimRun | undefined;
  /** Whether the store may have changed since it was last compared with what was calculated. */
  let dirty = true;
  /** What the calculation was made from ({@link calculationInput}); undefined before the first. */
  let calculated: string | undefined;
  /**
   * Per lower-case sheet name, whether a sheet of that name holds a formula (so a cell of it
   * without one may be spilled into: an array spills on its anchor's sheet only); known since
   * the last change.
   */
  const withFormulas = new Map<string, boolean>();
  const calc = calculator();
  const touch = () => {
    dirty = true;
    withFormulas.clear();
  };
  /**
   * Calculates the store again when what the calculation reads changed. Tests and co-authors
   * change the store directly, so "may have changed" is marked generously (before and after
   * every request, on every write); the calculation is made again only when its input differs:
   * a request that reads, or writes what was there, costs no new calculation.
   */
  const refresh = () => {
    if (!dirty) return;
    dirty = false;
    const blanks = options.blanks ?? "null";
    const input = calculationInput(server.state, blanks);
    if (input === calculated) return;
    options.registerFunctions?.();
    options.encodeBlanks?.(blanks);
    calc.load(server.state);
    calculated = input;
  };
  /**
   * Whether a sheet of this name holds a formula: the calculation puts spills only on the
   * sheet of their anchor (calc.spilled, calc.spillAreas), so a sheet without formulas has
   * none, and reading it needs no calculation (measured: most reads after a scoring's writes
   * are of its value-only sheets).
   */
  const hasFormulas = (sheet: FakeSheet) => {
    const name = sheet.name.toLowerCase();
    let known = withFormulas.get(name);
    if (known === undefined) {
      known = server.state.sheets.some((s) => s.name.toLowerCase() === name && holdsFormula(s));
      withFormulas.set(name, known);
    }
    return known;
  };

  const world: SimWorld = {
    get state() {
      return server.state;
    },
    get created() {
      return server.created;
    },
    count: (what) => {
      if (current) current[what]++;
    },
    get calculatedColumns() {
      return options.calculatedColumns ?? true;
    },
    valueOf: (sheet, row, column) => {
      const cell = sheet.cells.get(`${row},${column}`);
      if (cell?.formula) {
        refresh();
        return calc.value(sheet.name, row, column);
      }
      // An empty cell shows what an array formula spills into it.
      if ((cell?.value ?? "") !== "" || !hasFormulas(sheet)) return cell?.value ?? "";
      refresh();
      return calc.spilled(sheet.name, row, column) ?? "";
    },
    spills: (sheet) => {
      if (!hasFormulas(sheet)) return [];
      refresh();
      return calc.spillAreas(sheet.name);
    },
  };

  const server: SimulatorServer = {
    state,
    runs: [],
    created: [],
    options,
    requests: 0,
    beginRun() {
      current = newRun();
      server.runs.push(current);
      return current;
    },
    endRun() {
      current = undefined;
    },
    last() {
      const run = server.runs[server.runs.length - 1];
      if (!run) throw new Error("No Excel.run yet.");
      return run;
    },
    answer(request) {
      const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
      const run = current ?? server.beginRun();
      const flags = /[?&]flags=(\d+)/.exec(request.url);
      if (!flags || (Number(flags[1]) & DELAY_FOR_CELL_EDIT) === 0) run.delayForCellEdit = false;
      options.between?.(server, server.requests);
      server.requests++;
      run.syncs++;
      const requestBytes = utf8(text);
      run.requestBytes.push(requestBytes);
      if (requestBytes > PAYLOAD_LIMIT_BYTES) {
        run.responseBytes.push(0);
        return failure(
          413,
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit."
        );
      }
      touch();
      let body: string;
      try {
        body = JSON.stringify(execute(JSON.parse(text) as RequestMessage, world, touch));
      } catch (error) {
        if (error instanceof SimulatorGap) {
          run.responseBytes.push(0);
          return failure(500, "SimulatorGap", error.message);
        }
        throw error;
      }
      touch();
      const responseBytes = utf8(body);
      if (responseBytes > PAYLOAD_LIMIT_BYTES) {
        // The actions ran (a batch is not a transaction); only their answer does not come back.
        run.refusedResponseBytes.push(responseBytes);
        return failure(
          413,
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit."
        );
      }
      run.responseBytes.push(responseBytes);
      return { statusCode: 200, headers: { "content-type": "application/json" }, body };
    },
    type(sheetName, at, rows) {
      const sheet = sheetOf(server.state, sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const box = parseBox(at);
      typeCells(world, sheet, box.top, box.left, rows, options.autoExpandTables ?? true);
      touch();
    },
    valueAt(sheetName, row, column) {
      const sheet = sheetOf(server.state, sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      touch();
      return world.valueOf(sheet, row, column);
    },
  };
  return server;
}
