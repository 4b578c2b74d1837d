/**
 * Microsoft's own Excel JavaScript client (`@microsoft/office-js`,
 * `dist/excel-web-16.00.debug.js`, unmodified) loaded into a Node `vm` context,
 * with every request it sends answered by a function of ours. What the add-in's
 * code meets here is the real client: proxies, `load`, `sync`, null objects,
 * `PropertyNotLoaded`, `InvalidObjectPath`, request flags and batching.
 *
 * The client's licence allows its use to develop and test add-ins: it is a dev
 * dependency, never shipped, never changed.
 */
import fs from "fs";
import vm from "vm";
import { fileDigest, keepBytes, keepsValues, keptBytes } from "../runCache";

/** One HTTP-style request as the client sends it (`OfficeExtension.HttpUtility`). */
export interface ClientRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The request message as an object; its JSON text is what goes over the wire. */
  body: unknown;
}

/** What we answer: the status and the JSON text of the body, as a server would. */
export interface ClientResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** The client's globals inside its own context. */
export interface LoadedClient {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  /** The vm context's `window` (where `Office.context` lives for the client's requirement checks). */
  window: Record<string, unknown> & { Office: Record<string, unknown> };
}

/** The build of the client that answers as Excel on the web does (the 5 MB limits apply there). */
export const clientFile = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

let compiled: vm.Script | undefined;

/**
 * The client compiled, with V8's code cache of it kept once per run (test/office/runCache.ts):
 * 3 MB of script cost each test file 0.25 s to compile (measured). V8 refuses a cache that does
 * not fit the script or its flags, and then compiles as without one.
 */
function compiledClient(): vm.Script {
  if (compiled) return compiled;
  const source = fs.readFileSync(clientFile, "utf8");
  const key = `${process.version} ${process.arch} ${fileDigest(clientFile)}`;
  const cachedData = keptBytes("excel-client-code", key) ?? undefined;
  compiled = new vm.Script(source, { filename: clientFile, cachedData });
  if (keepsValues() && (!cachedData || compiled.cachedDataRejected)) {
    // Made after a first run of the script, so the code of its start-up is in it too.
    compiled.runInContext(vm.createContext(clientSandbox()));
    keepBytes("excel-client-code", key, compiled.createCachedData());
  }
  return compiled;
}

/** The globals the client's script finds in a fresh context. */
function clientSandbox(): Record<string, unknown> {
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: "Node.js (AwardScore tests)" },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  return sandbox;
}

/**
 * A fresh copy of Microsoft's Excel client whose requests go to `send`. Every
 * `Excel.RequestContext` made without a URL (what `Excel.run` and
 * `Excel.createWorkbook` make) talks to `baseUrl`.
 *
 * @example
 * const client = loadExcelClient("https://simulator.invalid/", async (req) => answer(req));
 * await client.Excel.run(async (context) => { … });
 */
export function loadExcelClient(
  baseUrl: string,
  send: (request: ClientRequest) => Promise<ClientResponse>
): LoadedClient {
  const sandbox = clientSandbox();
  vm.createContext(sandbox);
  compiledClient().runInContext(sandbox);
  const client = sandbox as unknown as LoadedClient & {
    OfficeExtension: {
      ClientRequestContext: { defaultRequestUrlAndHeaders: unknown };
      HttpUtility: { setCustomSendRequestFunc(f: unknown): void };
    };
  };
  // A string, not an object: the client checks an object's prototype against its own realm's.
  client.OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = baseUrl;
  client.OfficeExtension.HttpUtility.setCustomSendRequestFunc(send);
  return client;
}
