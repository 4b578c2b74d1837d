/**
 * The task pane as a user first meets it in Excel: Microsoft's real office.js
 * (the page's CDN address routed to `@microsoft/office-js/dist` on this machine,
 * test/e2e/office.ts) starting as in Excel on Windows, against the Excel
 * simulator behind Excel's host bridge, put into the page before its own
 * scripts as the e2e run does it (test/e2e/host.ts, opened with
 * `taskpane.html?_host_Info=Excel$Win32$16.01$nl-NL$$$$3`), under the page's own
 * Content-Security-Policy, whose violations are counted.
 *
 * Figures, over N cold loads (BENCH_PANE_LOADS, 5 by default; routing keeps the
 * HTTP cache off, so every load fetches everything again):
 * - the JavaScript the pane itself loads at start (our bundles as built for
 *   production, minified, and gzipped with zlib level 9), and functions.js that
 *   the shared runtime's page loads beside it (built here too, on its own line);
 * - apart from it, Microsoft's office.js files that office.js loaded (the
 *   routes' served list; their bytes as in the package, and gzipped alike);
 * - the time from navigation to the first visible pane content (median), the
 *   first contentful paint, and the time until the pane no longer says it is
 *   loading (it has read the workbook and shows what to do); the simulated Excel's own set-up in the page
 *   (the host script, which in Excel is native) is measured and shown apart:
 *   it is inside the time to first content.
 * Requests that would have left the machine are refused and listed.
 *
 * The last line of the output is one JSON object with the figures.
 *
 * Run: npm run bench:pane
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { Page } from "playwright-core";
import type { Configuration } from "webpack";
import { gzipSync } from "zlib";
import { buildForE2e, productionConfig, runWebpack } from "../test/e2e/build";
import { launchChromium } from "../test/e2e/chromium";
import type { OfficeConfig } from "../test/e2e/host";
import { officeDist, routeOffice } from "../test/e2e/office";
import { serve } from "../test/e2e/server";
import { stringsFor } from "../src/taskpane/i18n/strings";
import { desktopHostInfo } from "../test/office/simulator/browser";

const root = path.resolve(__dirname, "..");
const loads = Number(process.env.BENCH_PANE_LOADS ?? 5);

/** Excel as the e2e run's first variant reports itself: Dutch, light theme, current requirement sets. */
const config: OfficeConfig = {
  displayLanguage: "nl-NL",
  officeTheme: {
    bodyBackgroundColor: "#ffffff",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#ffffff",
    controlForegroundColor: "#262626",
  },
};

/** A file's size as built and gzipped. */
interface Size {
  file: string;
  bytes: number;
  gzipBytes: number;
}

const sizeOf = (dir: string, file: string): Size => {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
};

const sum = (sizes: Size[]) => ({
  bytes: sizes.reduce((s, x) => s + x.bytes, 0),
  gzipBytes: sizes.reduce((s, x) => s + x.gzipBytes, 0),
});

/** functions.js as production builds it (the main config, functions entry, no plugins). */
async function buildFunctions(dir: string): Promise<void> {
  const main = await productionConfig();
  const c: Configuration = {
    ...main,
    context: root,
    entry: { functions: path.join(root, "src/functions/functions.ts") },
    output: { ...main.output, path: dir, clean: false },
    plugins: [],
  };
  await runWebpack(c);
}

/**
 * In the page before any script: when #root first shows text (and which), when
 * it first shows text without `loading` (the pane has read the workbook and shows
 * what to do), and every CSP violation.
 */
function watchFirstRender(loading: string): void {
  const w = window as unknown as {
    __firstRenderMs?: number;
    __firstText?: string;
    __readyMs?: number;
    __readyText?: string;
    __csp: string[];
  };
  w.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
  );
  const short = (text: string) => text.replace(/\s+/g, " ").slice(0, 80);
  const observer = new MutationObserver(() => {
    const pane = document.getElementById("root");
    const text = pane ? pane.innerText.trim() : "";
    if (text === "") return;
    const now = performance.now(); // from the navigation's start (timeOrigin)
    if (w.__firstRenderMs === undefined) {
      w.__firstRenderMs = now;
      w.__firstText = short(text);
    }
    if (!text.includes(loading)) {
      w.__readyMs = now;
      w.__readyText = short(text);
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * The init script: the watcher, then Excel's host as the e2e run installs it
 * (its config, then the built host.ts), timed: `__hostMs` is how long the
 * simulated Excel took to set itself up in the page.
 */
const initScript = (hostScript: string) =>
  `(${watchFirstRender.toString()})(${JSON.stringify(stringsFor(config.displayLanguage).loading)});
window.__officeConfig = ${JSON.stringify(config)};
window.__hostStart = performance.now();
${hostScript}
;window.__hostMs = performance.now() - window.__hostStart;`;

/** What the page reports once the pane has settled. */
interface Seen {
  firstRenderMs: number;
  firstText: string;
  readyMs: number;
  readyText: string;
  hostMs: number;
  csp: string[];
  gaps: string[];
}

const seen = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      __firstRenderMs: number;
      __firstText: string;
      __readyMs: number;
      __readyText: string;
      __hostMs: number;
      __csp: string[];
      awardscoreHost?: { gaps(): string[] };
    };
    return {
      firstRenderMs: w.__firstRenderMs,
      firstText: w.__firstText,
      readyMs: w.__readyMs,
      readyText: w.__readyText,
      hostMs: w.__hostMs,
      csp: w.__csp,
      gaps: w.awardscoreHost?.gaps() ?? ["no Excel host in the page"],
    } satisfies Seen;
  });

/** First contentful paint, once the frame after the first render is painted. */
const firstPaint = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number | null>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const entry = performance
              .getEntriesByType("paint")
              .find((p) => p.name === "first-contentful-paint");
            resolve(entry ? entry.startTime : null);
          }, 50)
        )
      )
  );

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const line = (label: string, s: { bytes: number; gzipBytes: number }) =>
  console.log(
    `${label.padEnd(36)} ${kb(s.bytes).padStart(10)} ${kb(s.gzipBytes).padStart(10)} gzip`
  );

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-pane-bench-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-pane-profile-"));
  const functionsDir = path.join(dir, "functions-only");
  const { hostScript } = await buildForE2e(dir);
  await buildFunctions(functionsDir);
  const host = fs.readFileSync(hostScript, "utf8");
  const server = await serve(dir);
  const context = await launchChromium(profile);
  try {
    const routes = await routeOffice(context, server.url);
    const url = `${server.url}taskpane.html?_host_Info=${desktopHostInfo(config.displayLanguage)}`;
    const firstRender: number[] = [];
    const hostSetup: number[] = [];
    const fcp: number[] = [];
    const violations = new Set<string>();
    const pageErrors = new Set<string>();
    const gaps = new Set<string>();
    const firstTexts = new Set<string>();
    const ready: number[] = [];
    const readyTexts = new Set<string>();
    const ours = new Set<string>();
    const office = new Set<string>();
    const officePerLoad: number[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script" && r.url().startsWith(server.url))
          scripts.push(new URL(r.url()).pathname.slice(1));
      });
      page.on("pageerror", (e) => pageErrors.add(e.message));
      const servedBefore = routes.served.length;
      await page.addInitScript({ content: initScript(host) });
      await page.goto(url);
      await page.waitForFunction(
        () => (window as unknown as { __firstRenderMs?: number }).__firstRenderMs,
        undefined,
        { timeout: 60_000 }
      );
      const paint = await firstPaint(page);
      await page.waitForFunction(
        () => (window as unknown as { __readyMs?: number }).__readyMs,
        undefined,
        { timeout: 60_000 }
      );
      // The pane settles: its start-up reads of the workbook, and any chunk they load.
      await page.waitForLoadState("networkidle");
      const s = await seen(page);
      firstRender.push(s.firstRenderMs);
      hostSetup.push(s.hostMs);
      firstTexts.add(s.firstText);
      ready.push(s.readyMs);
      readyTexts.add(s.readyText);
      if (paint !== null) fcp.push(paint);
      for (const v of s.csp) violations.add(v);
      for (const g of s.gaps) gaps.add(g);
      for (const f of scripts) ours.add(f);
      const served = new Set(routes.served.slice(servedBefore));
      officePerLoad.push(served.size);
      for (const f of served) office.add(f);
      await page.close();
    }

    const initial = [...ours].sort().map((f) => sizeOf(dir, f));
    const functions = sizeOf(functionsDir, "functions.js");
    const initialTotal = sum(initial);
    const withFunctions = sum([...initial, functions]);
    const officeFiles = [...office].sort().map((f) => sizeOf(officeDist, f));
    const officeTotal = sum(officeFiles);
    const refused = [...new Set(routes.refused)];

    console.log("The pane's own JavaScript at start (minified, gzip level 9):");
    for (const f of initial) line(`  ${f.file}`, f);
    line("initial pane JavaScript", initialTotal);
    line("+ functions.js (shared runtime page)", withFunctions);
    console.log("Microsoft's office.js files loaded (from @microsoft/office-js/dist):");
    for (const f of officeFiles) line(`  ${f.file}`, f);
    line("office.js files", officeTotal);
    console.log(
      `first visible pane content: median ${median(firstRender).toFixed(0)} ms of ${loads} ` +
        `(${firstRender.map((x) => x.toFixed(0)).join(", ")}); first contentful paint median ` +
        `${fcp.length ? median(fcp).toFixed(0) : "-"} ms; of which the simulated Excel's set-up ` +
        `in the page: median ${median(hostSetup).toFixed(0)} ms`
    );
    console.log(`first content: ${[...firstTexts].map((t) => JSON.stringify(t)).join(" / ")}`);
    console.log(
      `pane ready (workbook read, loading text gone): median ${median(ready).toFixed(0)} ms ` +
        `(${ready.map((x) => x.toFixed(0)).join(", ")}): ${[...readyTexts].map((t) => JSON.stringify(t)).join(" / ")}`
    );
    console.log(
      `CSP violations: ${violations.size}; page errors: ${pageErrors.size}; requests refused ` +
        `(would have left the machine): ${refused.length}${refused.length ? `\n  ${refused.join("\n  ")}` : ""}`
    );
    for (const e of pageErrors) console.log(`  page error: ${e}`);
    for (const g of gaps) console.log(`  simulator gap: ${g}`);
    if (!officeFiles.some((f) => f.file === "office.js"))
      throw new Error("office.js was not loaded through the routes");
    console.log(
      JSON.stringify({
        bench: "pane",
        node: process.version,
        loads,
        hostInfo: desktopHostInfo(config.displayLanguage),
        initial: { files: initial, ...initialTotal },
        functions,
        withFunctions,
        officeJs: { files: officeFiles, ...officeTotal, filesPerLoad: officePerLoad },
        firstRenderMs: {
          median: Math.round(median(firstRender)),
          runs: firstRender.map(Math.round),
        },
        firstContentfulPaintMs: fcp.length ? Math.round(median(fcp)) : null,
        readyMs: { median: Math.round(median(ready)), runs: ready.map(Math.round) },
        hostSetupMs: { median: Math.round(median(hostSetup)), runs: hostSetup.map(Math.round) },
        firstContent: [...firstTexts],
        readyContent: [...readyTexts],
        cspViolations: [...violations],
        pageErrors: [...pageErrors],
        refusedRequests: refused,
        simulatorGaps: [...gaps],
      })
    );
  } finally {
    await context.close();
    await server.close();
    for (const d of [dir, profile]) fs.rmSync(d, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
