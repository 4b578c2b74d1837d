/**
 * The task pane as a user first meets it: the JavaScript it loads at start
 * (minified as built for production, and gzipped with zlib level 9) and the time
 * from navigation to the first visible pane content in headless Chromium
 * (median of 5 cold loads: routing keeps the HTTP cache off), under the page's
 * own Content-Security-Policy, whose violations are counted.
 *
 * Reuses the e2e build (test/e2e/build.ts: the production task pane and the fake
 * Office host that answers office.js), its static server and Debian's Chromium.
 * The shared runtime's page also loads functions.js beside the pane: it is built
 * here too (production, functions entry only) and shown on its own line.
 * The last line of the output is one JSON object with the figures.
 *
 * Run: npm run bench:pane
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { Configuration } from "webpack";
import { gzipSync } from "zlib";
import { buildForE2e, productionConfig, runWebpack } from "../test/e2e/build";
import { launchChromium } from "../test/e2e/chromium";
import { serve } from "../test/e2e/server";

const root = path.resolve(__dirname, "..");
const loads = Number(process.env.BENCH_PANE_LOADS ?? 5);
const officeJs = "https://appsforoffice.microsoft.com/**";

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
  const config: Configuration = {
    ...main,
    context: root,
    entry: { functions: path.join(root, "src/functions/functions.ts") },
    output: { ...main.output, path: dir, clean: false },
    plugins: [],
  };
  await runWebpack(config);
}

/** In the page before any script: when #root first shows text, and every CSP violation. */
function watchFirstRender(): void {
  const w = window as unknown as { __firstRenderMs?: number; __csp: string[] };
  w.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
  );
  const observer = new MutationObserver(() => {
    const pane = document.getElementById("root");
    if (w.__firstRenderMs === undefined && pane && pane.innerText.trim() !== "") {
      w.__firstRenderMs = performance.now(); // from the navigation's start (timeOrigin)
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

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
    await context.route(officeJs, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: host })
    );
    const firstRender: number[] = [];
    const fcp: number[] = [];
    const violations = new Set<string>();
    const loadedAtStart = new Set<string>();
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script" && r.url().startsWith(server.url))
          scripts.push(r.url().slice(server.url.length));
      });
      await page.addInitScript(watchFirstRender);
      await page.goto(`${server.url}taskpane.html`);
      const ms = await page.waitForFunction(
        () => (window as unknown as { __firstRenderMs?: number }).__firstRenderMs,
        undefined,
        { timeout: 60_000 }
      );
      firstRender.push(Number(await ms.jsonValue()));
      // First contentful paint, once the frame after the render is painted.
      const paint = await page.evaluate(
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
      if (paint !== null) fcp.push(paint);
      for (const v of await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))
        violations.add(v);
      for (const s of scripts) loadedAtStart.add(s);
      await page.close();
    }
    const initial = [...loadedAtStart].sort().map((f) => sizeOf(dir, f));
    const functions = sizeOf(functionsDir, "functions.js");
    const initialTotal = sum(initial);
    const withFunctions = sum([...initial, functions]);
    for (const s of initial)
      console.log(
        `${s.file.padEnd(28)} ${kb(s.bytes).padStart(10)} ${kb(s.gzipBytes).padStart(10)} gzip`
      );
    console.log(
      `${"initial pane JavaScript".padEnd(28)} ${kb(initialTotal.bytes).padStart(10)} ${kb(initialTotal.gzipBytes).padStart(10)} gzip`
    );
    console.log(
      `${"+ functions.js (shared page)".padEnd(28)} ${kb(withFunctions.bytes).padStart(10)} ${kb(withFunctions.gzipBytes).padStart(10)} gzip`
    );
    console.log(
      `first visible pane content: median ${median(firstRender).toFixed(0)} ms of ${loads} ` +
        `(${firstRender.map((x) => x.toFixed(0)).join(", ")}); first contentful paint median ` +
        `${fcp.length ? median(fcp).toFixed(0) : "-"} ms; CSP violations: ${violations.size}`
    );
    console.log(
      JSON.stringify({
        bench: "pane",
        node: process.version,
        initial: { files: initial, ...initialTotal },
        functions,
        withFunctions,
        firstRenderMs: {
          median: Math.round(median(firstRender)),
          runs: firstRender.map(Math.round),
        },
        firstContentfulPaintMs: fcp.length ? Math.round(median(fcp)) : null,
        cspViolations: [...violations],
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
