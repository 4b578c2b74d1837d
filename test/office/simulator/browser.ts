/**
 * Excel on Windows for a browser page: the host bridge `window.external` that
 * Excel puts into its add-in web view before the page's own scripts run (a
 * script on document creation), answered by the simulator's server. The page
 * loads Microsoft's office.js itself, unmodified; office.js finds Excel through
 * this bridge, starts as it starts in Excel on Windows, and sends every
 * `Excel.run` request to it. Nothing in office.js is overridden or hooked.
 *
 * Only what office.js calls on the bridge is modelled, each with the line of
 * `@microsoft/office-js` 1.1.110 that calls it (`dist/office.debug.js`, "OD",
 * and `dist/excel-win32-16.01.debug.js`, "XW"; the minified files that the
 * CDN serves run the same code). No Node APIs.
 */
import type { SimulatorServer } from "./server";

/**
 * Host info flags, OD 1476-1482: a shared runtime with custom functions, as
 * AwardScore's manifest declares it.
 */
export const SHARED_APP_WITH_FUNCTIONS = 1 | 2;

/**
 * The `_host_Info` that Excel on Windows appends to the add-in's page URL
 * (`taskpane.html?_host_Info=Excel$Win32$16.01$en-US$$$$0`, the URL of
 * Microsoft's own debugging set-up). office.js reads it at OD 1681-1682 and splits
 * it at OD 1707-1725: host, platform, host file version, locale, correlation
 * id, dialog, logging, flags. Host `Excel` on `Win32` makes it load
 * `excel-win32-16.01.js` beside itself (OD 1956-1971) and report
 * `{ host: "Excel", platform: "PC" }` (OD 571-578, 600-621, 1885-1889).
 *
 * @example
 * desktopHostInfo("nl-NL"); // "Excel$Win32$16.01$nl-NL$$$$3"
 */
export function desktopHostInfo(locale: string, flags = SHARED_APP_WITH_FUNCTIONS): string {
  return ["Excel", "Win32", "16.01", locale, "", "", "", String(flags)].join("$");
}

/** What Excel tells the add-in about itself. */
export interface DesktopExcelOptions {
  /** Excel's display language (`Office.context.displayLanguage`), e.g. "nl-NL". */
  uiLocale: string;
  /** The language of the data (`Office.context.contentLanguage`); the UI's by default. */
  dataLocale?: string;
  /**
   * `Office.context.officeTheme` as CSS colours (`#rrggbb`): Excel sends them as
   * integers and office.js turns each into a colour (XW 4847-4868 with 921-923).
   */
  theme: Record<string, string>;
  /** Requirement sets and the newest version of each this Excel supports. */
  requirements: Record<string, string>;
  /** Excel's build (`Office.context.diagnostics.version`). */
  fullVersion?: string;
}

/** The bridge's handle for the test. */
export interface DesktopExcel {
  /** Milliseconds Excel takes before it answers each request (0 by default). */
  latencyMs: number;
  /** Host calls the bridge does not model and every request the simulator could not answer: a test fails on any. */
  gaps: string[];
  /** The add-in's document settings (`Office.context.document.settings`), as saved. */
  settings: Map<string, unknown>;
}

/** `OSF.DDA.MethodDispId.dispidExecuteRichApiRequestMethod` (XW 1667): one `context.sync()`. */
const EXECUTE_RICH_API = 93;
/** `OSF.DDA.ErrorCodeManager.errorCodes` (XW 1772, 1817). */
const OOE_SUCCESS = 0;
const OOE_INTERNAL_ERROR = 5001;
/**
 * The codes by which the host refuses a payload and the client's names for them
 * (`RichApiMessageUtility`, XW 10982-10989, 11082-11083).
 */
const PAYLOAD_REFUSALS: Record<string, number> = {
  RequestPayloadSizeLimitExceeded: 5103,
  ResponsePayloadSizeLimitExceeded: 5104,
};

/**
 * Services of the host itself, outside the workbook, that office.js calls on
 * its own (each in a request of its own, on a `NewObject` path named after the
 * service): the methods Excel acknowledges, by service. Their answers carry no
 * data; an event registration is a trace action that Excel reports as reached.
 */
const HOST_SERVICES: Record<string, string[]> = {
  // The ribbon's action handler is ready: after Office.onReady, always (XW 23644-23668, 23677-23698).
  "Microsoft.InternalService.AddinInternalService": ["NotifyActionHandlerReady"],
  // The custom functions' runtime is ready, with host flag 2 (XW 59500-59505, 59732-59737,
  // 60463-60470); its request also instantiates the runtime's root object (XW 59776-59780).
  "Microsoft.ExcelServices.CustomFunctions": ["_SetOsfControlContainerReadyForCustomFunctions"],
  // `Office.addin.onVisibilityModeChanged` (XW 23259-23296): a generic event of the service
  // (XW 22649-22669) whose handler is added when its trace marker comes back (XW 15040-15055,
  // 13477-13480); no method is called.
  "Microsoft.AppRuntime.AppRuntimeService": [],
  // office.js's telemetry sink (telemetry/oteljs_agave.js, loaded at OD 1193-1195, 1290) sends
  // its events through the host; its first is a test event (oteljs_agave.debug.js 1703-1716).
  "Microsoft.Telemetry.TelemetryService": ["SendTelemetryEvent"],
};

/**
 * Path and action types on the wire (as protocol.ts names them; a trace action is
 * type 5 on path 0, XW 13463-13470).
 */
const GLOBAL_OBJECT = 1;
const NEW_OBJECT = 2;
const INSTANTIATE = 1;
const METHOD = 3;
const TRACE = 5;

interface WireMessage {
  Actions?: Array<{ Id: number; ActionType: number; Name: string; ObjectPathId: number }>;
  ObjectPaths?: Record<string, { ObjectPathType: number; Name: string }>;
}

/**
 * The answer to a request made only of host services (and the context's root
 * object), or undefined when the request is the workbook's: the simulator's.
 * An action not listed is a gap. A trace action is reached: its id is in
 * `TraceIds` (read at XW 14055-14057, 14690) and it has a result (what a trace
 * marker waits for, XW 12272-12281, 13375-13383).
 */
function hostServiceAnswer(message: WireMessage, gaps: string[]): string | undefined {
  const paths = message.ObjectPaths ?? {};
  const isService = (p: { ObjectPathType: number; Name: string }) =>
    p.ObjectPathType === NEW_OBJECT && p.Name in HOST_SERVICES;
  const all = Object.values(paths);
  const onlyServices = all.every((p) => isService(p) || p.ObjectPathType === GLOBAL_OBJECT);
  if (!all.some(isService) || !onlyServices) return undefined;
  const results: Array<{ ActionId: number; Value: unknown }> = [];
  const traceIds: number[] = [];
  for (const action of message.Actions ?? []) {
    const path = paths[String(action.ObjectPathId)];
    const method = action.ActionType === METHOD && path && isService(path);
    if (action.ActionType === TRACE) traceIds.push(action.Id);
    if (action.ActionType === INSTANTIATE) results.push({ ActionId: action.Id, Value: {} });
    else if (
      action.ActionType === TRACE ||
      (method && HOST_SERVICES[path.Name].includes(action.Name))
    )
      results.push({ ActionId: action.Id, Value: null });
    else gaps.push(`host service ${path?.Name ?? "?"}: ${action.Name} is not modelled`);
  }
  return JSON.stringify({ Results: results, TraceIds: traceIds });
}

/**
 * What a COM host hands to script as an array: a SAFEARRAY, read with
 * `toArray()` (XW 4538-4545 for a response, 4602 for an event registration).
 */
const safeArray = (items: unknown[]) => ({ toArray: () => items });

/**
 * Puts Excel on Windows behind `target.external`, over the simulator's server.
 * Call it before office.js runs (an init script of the page).
 *
 * @example
 * const excel = installDesktopExcel(window, simulatorServer(emptyState()), {
 *   uiLocale: "nl-NL",
 *   theme: { bodyBackgroundColor: "#262626" },
 *   requirements: { ExcelApi: "1.17" },
 * });
 * // then the page opens taskpane.html?_host_Info=<desktopHostInfo("nl-NL")>
 */
export function installDesktopExcel(
  target: Window,
  server: SimulatorServer,
  options: DesktopExcelOptions
): DesktopExcel {
  const excel: DesktopExcel = { latencyMs: 0, gaps: [], settings: new Map() };
  const later = (work: () => void) => setTimeout(work, excel.latencyMs);
  const colour = (css: string) => parseInt(css.replace("#", ""), 16);

  /**
   * `window.external.GetContext()`: every getter that XW 4996-5084 reads to make
   * the add-in's context, in its order. Excel = app type 1 (XW 1356-1358);
   * capabilities 0 = read-write and activation 2 = document opened for the rich
   * client (XW 4642-4649); integration level 0 = document level (XW 1508-1510);
   * initial display mode 2 = task pane (OD 1501-1506, reported as
   * `info.addin.visibilityMode` for a shared runtime, OD 1880-1884).
   */
  const context = {
    GetAppType: () => 1,
    GetSolutionRef: () => "awardscore-e2e",
    GetAppVersionMajor: () => 16,
    GetAppVersionMinor: () => 1,
    GetAppUILocale: () => options.uiLocale,
    GetAppDataLocale: () => options.dataLocale ?? options.uiLocale,
    GetDocUrl: () => "",
    GetAppCapabilities: () => 0,
    GetActivationMode: () => 2,
    GetControlIntegrationLevel: () => 0,
    GetSolutionToken: () => "",
    GetCorrelationId: () => "00000000-0000-0000-0000-000000000000",
    GetInstanceId: () => "awardscore-e2e-instance",
    GetTouchEnabled: () => false,
    GetCommerceAllowed: () => true,
    /** `Office.context.requirements` (XW 5048; parsed lower-cased at XW 2405-2411). */
    GetSupportedMatrix: () => JSON.stringify(options.requirements),
    GetHostCustomMessage: () => "",
    GetHostFullVersion: () => options.fullVersion ?? "16.0.17928.20114",
    GetDialogRequirementMatrix: () => "",
    GetFeaturesForSolution: () => "",
    GetInitialDisplayMode: () => 2,
    /** XW 4856: a JSON object of colours as integers. */
    GetOfficeThemeInfo: () =>
      JSON.stringify(
        Object.fromEntries(Object.entries(options.theme).map(([k, v]) => [k, colour(v)]))
      ),
    /** Document settings: `Read` fills the two arrays it is given (XW 4910-4925), `Write` takes two (XW 4931-4955). */
    GetSettings: () => ({
      Read(keys: string[], values: unknown[]) {
        for (const [k, v] of excel.settings) {
          keys.push(k);
          values.push(v);
        }
      },
      Write(keys: string[], values: unknown[]) {
        excel.settings.clear();
        keys.forEach((k, i) => excel.settings.set(k, values[i]));
      },
    }),
  };

  /** One `context.sync()` of the Excel client, sent as XW 10949-10957 and 11017-11046 pack it. */
  const executeRichApi = (message: unknown[]) => {
    // [customData, method, path, headers, body, appPermission, requestFlags, …] (XW 11032-11046)
    const [, , path, , body, , flags] = message as [
      unknown,
      string,
      string,
      unknown,
      string,
      unknown,
      number,
    ];
    const service = hostServiceAnswer(JSON.parse(body) as WireMessage, excel.gaps);
    if (service !== undefined) return safeArray([OOE_SUCCESS, [200, [], service]]);
    const answer = server.answer({ url: `${path}?flags=${flags}`, body });
    if (answer.statusCode === 200) {
      const headers = Object.entries(answer.headers).flat();
      // The payload is [status code, headers as name, value, …, body] (XW 11054-11077).
      return safeArray([OOE_SUCCESS, [answer.statusCode, headers, answer.body]]);
    }
    const error = (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;
    const refusal = PAYLOAD_REFUSALS[error.code];
    if (refusal) return safeArray([refusal, null]);
    // Anything else the simulator cannot answer reaches the client as the request's error, in the
    // shape Excel's answers carry errors (`Body.Error`, XW 14100-14111), and fails the test.
    excel.gaps.push(`${error.code}: ${error.message}`);
    const failed = {
      Error: { Code: error.code, Message: error.message, HttpStatusCode: answer.statusCode },
    };
    return safeArray([OOE_SUCCESS, [answer.statusCode, [], JSON.stringify(failed)]]);
  };

  const external = {
    GetContext: () => context,
    /**
     * `window.external.Execute(dispId, params, callback)` (XW 4756-4763), called
     * through `OSF.DDA.SafeArray.Delegate.executeAsync` (XW 4498-4590), whose
     * callback takes the host's answer as a SAFEARRAY [status, payload].
     */
    Execute(dispId: number, params: unknown[], callback: (answer: unknown) => void) {
      later(() => {
        if (dispId === EXECUTE_RICH_API) return callback(executeRichApi(params[0] as unknown[]));
        excel.gaps.push(`window.external.Execute: dispId ${dispId} is not modelled`);
        callback(safeArray([OOE_INTERNAL_ERROR, null]));
      });
    },
    /**
     * `RegisterEvent(dispId, targetId, handler, callback)` (XW 4764-4771): the
     * events office.js subscribes to at start-up (rich API messages, XW 8601-8610;
     * app commands). Excel accepts them; no event is fired.
     */
    RegisterEvent(
      _dispId: number,
      _targetId: string,
      _handler: unknown,
      callback: (status: number) => void
    ) {
      later(() => callback(OOE_SUCCESS));
    },
    UnregisterEvent(_dispId: number, _targetId: string, callback: (status: number) => void) {
      later(() => callback(OOE_SUCCESS));
    },
  };
  // `external` is a replaceable attribute of Window: Excel's bridge takes its place.
  Object.defineProperty(target, "external", {
    value: external,
    configurable: true,
    writable: true,
  });
  return excel;
}
