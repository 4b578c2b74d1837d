/**
 * An Excel for the tests that Microsoft's own client talks to: the add-in's
 * code runs against the real `@microsoft/office-js` client (loaded in a Node
 * `vm`), whose requests the simulator's server answers from its store. It
 * counts what Excel would see (requests, bytes, flags) and enforces what Excel
 * on the web enforces that the client cannot show.
 */
import path from "path";
import * as flex from "../../../src/functions/functions";
import { officeHost, type OfficeHost } from "../../../src/office/host";
import {
  implementationsOf,
  registerFlex,
  type FlexFunctionMetadata,
} from "../../functions/flexCore";
import { fileDigest, madeOnce } from "../runCache";
import { encodeBlanks } from "./blanks";
import { loadExcelClient, type LoadedClient } from "./client";
import { simulatorServer, type SimOptions, type SimulatorServer } from "./server";
import { emptyState, type FakeWorkbookState } from "./state";

export * from "./state";
export { PAYLOAD_LIMIT_BYTES, type SimOptions, type SimRun } from "./server";
export type { BlankEncoding } from "./calculate";

/** The simulated Excel: its server (store, figures) and the host the add-in's code gets. */
export interface ExcelSimulator extends SimulatorServer {
  /** What src/office gets: made by the add-in's own `officeHost` over the real client. */
  host: OfficeHost;
  /** Microsoft's client as loaded (for tests that call it directly). */
  client: LoadedClient;
}

/** The source whose JSDoc Microsoft's generator reads (as test/functions/flexPlugin.ts). */
const functionsSource = path.resolve(__dirname, "../../../src/functions/functions.ts");
let registered = false;

/**
 * Registers the `FLEX.*` functions in HyperFormula, as test/functions/flexPlugin.ts does, with
 * the metadata Microsoft's parser reads from src/functions/functions.ts parsed once per run
 * (test/office/runCache.ts): a test file that finds it kept does not load the parser and the
 * TypeScript compiler it runs on.
 */
function registerFlexFunctions(): void {
  if (registered) return;
  registered = true;
  const parser = require("custom-functions-metadata/package.json") as { version: string };
  const metadata = madeOnce(
    "flex-metadata",
    `${parser.version} ${fileDigest(functionsSource)}`,
    (): FlexFunctionMetadata[] =>
      (
        require("../../functions/flexPlugin") as typeof import("../../functions/flexPlugin")
      ).flexMetadata()
  );
  registerFlex(metadata, implementationsOf(metadata, flex));
}

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
 * await runSetUp(excel.host, "17040");
 * excel.last().syncs; // 2
 */
export function simulateExcel(
  state: FakeWorkbookState = emptyState(),
  options: SimOptions = {}
): ExcelSimulator {
  const server = simulatorServer(state, {
    registerFunctions: registerFlexFunctions,
    encodeBlanks,
    ...options,
  });
  const client = loadExcelClient("https://excel-simulator.invalid/", async (request) =>
    server.answer(request)
  );
  const excelApi = options.excelApi ?? "1.17";
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
  const counted = <T>(work: () => Promise<T>): Promise<T> => {
    server.beginRun();
    return work().finally(() => server.endRun());
  };
  return Object.assign(server, {
    client,
    host: {
      ...production,
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
        counted(() => production.run(batch)),
      createWorkbook: (base64: string) => counted(() => production.createWorkbook(base64)),
    },
  });
}
