/**
 * Microsoft's office.js CDN on this machine, for the browser run only: the page
 * keeps its production script address
 * (`https://appsforoffice.microsoft.com/lib/1/hosted/office.js`, so its
 * Content-Security-Policy is checked against the real origin), and Chromium gets
 * the files of `@microsoft/office-js/dist` (office.js loads the host's script and
 * its strings beside itself). Every other request that would leave the machine
 * is refused and recorded: the test shows what office.js tried to reach.
 */
import { existsSync, readFileSync, statSync } from "fs";
import path from "path";
import type { BrowserContext } from "playwright-core";

/** The folder the page's `<script src>` points to (src/taskpane/taskpane.html). */
export const officeCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** The same files, from the dev dependency. */
export const officeDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

const types: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".json": "application/json",
};

/** What the routes saw: CDN files served, and every refused request. */
export interface OfficeRoutes {
  served: string[];
  refused: string[];
}

/**
 * Routes the context's requests: the CDN folder to `dist`, `local` (the test
 * server) through, anything else refused.
 *
 * @example
 * const routes = await routeOffice(context, server.url);
 * // … routes.served includes "office.js", "excel-win32-16.01.js"
 */
export async function routeOffice(context: BrowserContext, local: string): Promise<OfficeRoutes> {
  const routes: OfficeRoutes = { served: [], refused: [] };
  await context.route(
    (url) => !url.href.startsWith(local),
    async (route) => {
      const url = route.request().url();
      const name = url.startsWith(officeCdn)
        ? new URL(url).pathname.slice(new URL(officeCdn).pathname.length)
        : "";
      const file = path.join(officeDist, name);
      if (
        name &&
        file.startsWith(officeDist + path.sep) &&
        existsSync(file) &&
        statSync(file).isFile()
      ) {
        routes.served.push(name);
        return route.fulfill({
          status: 200,
          contentType: types[path.extname(file)] ?? "application/octet-stream",
          body: readFileSync(file),
        });
      }
      routes.refused.push(url);
      return route.abort("blockedbyclient");
    }
  );
  return routes;
}
