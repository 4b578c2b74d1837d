/**
 * The security checks over a production build, as pure functions of file texts so
 * that each can be shown to fail (checks.test.ts) and then run on the real build
 * (build.test.ts).
 *
 * URL policy. A URL may appear in what ships only when it is:
 * - on the add-in's own host: the origin of the manifest's `SourceLocation`;
 * - Microsoft's office.js, exactly `OFFICE_JS`, or its origin as a CSP source;
 * - an XML namespace or relationship-type name: plain `http:` on a standards
 *   host (`NAMESPACE_HOSTS`). Such names are identifiers that nothing fetches
 *   (XML Namespaces §2.2); ExcelJS writes them into the .xlsx it makes and React
 *   passes them to `createElementNS`. They cannot be loaded either way: the pane
 *   is https (mixed content is blocked) and the CSP allows no `http:` source;
 * - one of `DOCUMENTED`: each with the only kind of file it may sit in and why.
 * URLs inside comments of the manifest and HTML are ignored (no parser acts on a
 * comment), and so are those in the `*.LICENSE.txt` files that the minifier moves
 * licence comments into: plain text that no page references.
 */

/** Microsoft's office.js, the only script the pane loads from elsewhere. */
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_ORIGIN = new URL(OFFICE_JS).origin;

/** Hosts whose plain-http URLs are XML namespace or relationship-type names. */
export const NAMESPACE_HOSTS = [
  "www.w3.org",
  "schemas.openxmlformats.org",
  "schemas.microsoft.com",
  "purl.org",
  // Issue 20, the CV readers' chunk: Strict Office Open XML's namespaces (the .docx reader
  // knows both spellings) and the XFA/XDP namespaces pdfjs knows forms by.
  "purl.oclc.org",
  "www.xfa.org",
  "ns.adobe.com",
];

/** The kind of a shipped file, for the URL policy. */
export type FileKind = "js" | "html" | "manifest" | "json" | "licence";

/** URLs allowed by name, each where it may appear and why. */
export const DOCUMENTED: ReadonlyArray<{ url: string; in: FileKind; why: string }> = [
  {
    url: "https://reactjs.org/docs/error-decoder.html?invariant=",
    in: "js",
    why: "react-dom's production build puts this link in the text of its minified error messages; it is never fetched",
  },
  // ExcelJS's prebuilt browser bundle (the lazy chunk behind "Delen met gemeente"): links in
  // the text of error messages, and metadata of the libraries it embeds. None is fetched.
  ...[
    "https://github.com/exceljs/exceljs/blob/master/UPGRADE-4.0.md",
    "https://github.com/crypto-browserify/crypto-browserify",
    "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    "https://stuk.github.io/jszip/documentation/howto/read_zip.html",
  ].map((url) => ({
    url,
    in: "js" as const,
    why: "ExcelJS's browser bundle: a link in the text of an error or deprecation message",
  })),
  ...[
    "https://github.com/indutny/elliptic",
    "https://github.com/indutny/elliptic/issues",
    "https://github.com/zloirock/core-js",
    "https://github.com/zloirock/core-js/blob/v3.33.0/LICENSE",
  ].map((url) => ({
    url,
    in: "js" as const,
    why: "ExcelJS's browser bundle: package metadata (homepage, bugs, licence) of a library it embeds",
  })),
  // pdfjs-dist's legacy build (the lazy chunk behind "CV's inlezen", issue 20): core-js's
  // metadata, and the URLs core-js's URL polyfill parses to test the browser's own URL
  // (`new URL("https://a/c%20d?a=1&c=3")` …) and pdfjs's own checks of URL parsing. None is fetched.
  {
    url: "https://github.com/zloirock/core-js/blob/v3.48.0/LICENSE",
    in: "js" as const,
    why: "pdfjs-dist's legacy build: package metadata (licence) of core-js, which it embeds",
  },
  ...[
    "https://a",
    "https://a/c%20d?a=1&c=3",
    "https://a@b",
    "https://тест",
    "https://a#б",
    "https://x",
    "http://$",
    "http://example.com",
    "https://foo.bar",
  ].map((url) => ({
    url,
    in: "js" as const,
    why: "pdfjs-dist's legacy build: core-js's feature test of the browser's URL parser (a string parsed, never fetched)",
  })),
  {
    url: "https://www.flextender.nl",
    in: "manifest",
    why: "the publisher's site as <AppDomain>, so a link to it may open inside the pane",
  },
  {
    url: "https://www.flextender.nl/",
    in: "manifest",
    why: "the publisher's site as <SupportUrl> and <LearnMoreUrl>: links Office shows, nothing the add-in loads",
  },
];

/** A URL found in a file, with the reason it is allowed, or none. */
export interface FoundUrl {
  url: string;
  allowed?: string;
}

const urlPattern = /\b(?:https?|wss?|ftp|file):\/\/[^\s"'`<>()\\,;{}|^]+/gi;

/** Removes XML/HTML comments: no parser acts on what they hold. */
export function withoutMarkupComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, "");
}

/**
 * Every URL in `text` and whether the policy allows it there.
 *
 * @example
 * urlsIn('fetch("https://evil.example/x")', "js", "https://localhost:3000");
 * // [{ url: "https://evil.example/x" }]
 */
export function urlsIn(text: string, kind: FileKind, ownOrigin: string): FoundUrl[] {
  const body = kind === "html" || kind === "manifest" ? withoutMarkupComments(text) : text;
  return [...body.matchAll(urlPattern)].map(([raw]) => {
    const url = raw.replace(/[.:]+$/, "");
    return { url, allowed: allowedBecause(url, kind, ownOrigin) };
  });
}

function allowedBecause(url: string, kind: FileKind, ownOrigin: string): string | undefined {
  if (kind === "licence") return "licence text";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin === ownOrigin) return "own host";
  if (url === OFFICE_JS) return "office.js";
  if (url === OFFICE_ORIGIN && kind === "html") return "office.js origin (CSP source)";
  if (parsed.protocol === "http:" && NAMESPACE_HOSTS.includes(parsed.host)) return "namespace name";
  // webpack writes `import.meta.url` as the module's own file URL on the building machine;
  // pdfjs reads it only under Node (createRequire), never in the pane, and nothing fetches it.
  if (kind === "js" && /^file:\/\/\/.*\/node_modules\/pdfjs-dist\/[\w/.-]+\.mjs$/.test(url))
    return "pdfjs-dist's import.meta.url as webpack writes it (used under Node only)";
  const documented = DOCUMENTED.find((d) => d.url === url && d.in === kind);
  return documented ? `documented: ${documented.why}` : undefined;
}

/** The kind of a built file by its name, or undefined for binaries (icons). */
export function kindOf(file: string): FileKind | undefined {
  if (file.endsWith(".LICENSE.txt")) return "licence";
  if (file.endsWith(".js")) return "js";
  if (file.endsWith(".html")) return "html";
  if (file.endsWith("manifest.xml")) return "manifest";
  if (file.endsWith(".json")) return "json";
  return undefined;
}

/** The origin that the manifest's `<SourceLocation DefaultValue="…">` (default settings) names. */
export function manifestOrigin(manifest: string): string {
  const match = /<DefaultSettings>[\s\S]*?<SourceLocation\s+DefaultValue="([^"]+)"/.exec(
    withoutMarkupComments(manifest)
  );
  if (!match) throw new Error("the manifest has no DefaultSettings/SourceLocation");
  return new URL(match[1]).origin;
}

/** Dynamic code: eval, new Function, Function(…) called with a string, eval by name. */
const dynamicCode =
  /\beval\s*\(|\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(|\[\s*["'`]eval["'`]\s*\]|\bsetTimeout\s*\(\s*["'`]|\bsetInterval\s*\(\s*["'`]/g;

/**
 * Third-party uses of dynamic code that the bundles may hold, and why each is harmless.
 * Anything else, and everything in src/, fails.
 */
export const THIRD_PARTY_DYNAMIC_CODE: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  {
    pattern: /^(?:new\s+)?Function\("return this"\)/,
    why:
      "the old way to reach the global object (webpack's runtime inside try/catch, lodash and " +
      "ExcelJS's polyfills after `self`/`global` checks that already succeed in a browser); a fixed string",
  },
  {
    pattern: /^Function\("r",\s*"regeneratorRuntime = r"\)/,
    why:
      "regenerator-runtime in ExcelJS's bundle: its last resort to publish itself when neither " +
      "assignment nor globalThis works; browsers have globalThis; a fixed string",
  },
  // pdfjs-dist (the CV readers' chunk, issue 20). The pane's CSP has no 'unsafe-eval': each
  // of these throws there and pdfjs goes on without it (src/cv/read/pdf.ts also passes
  // isEvalSupported: false).
  {
    pattern: /^Function\('return require\("'\+[\w$]+\+'"\)'\)/,
    why: "pdfjs-dist's way to load a Node built-in module under Node; in a browser it throws and is caught",
  },
  {
    pattern: /^(?:new\s+)?Function\(""\)/,
    why:
      "pdfjs-dist's test whether eval is allowed (an empty function); the pane's CSP forbids it, so pdfjs does without " +
      "(swc writes `new Function(…)` as `Function(…)`, the same call)",
  },
  {
    pattern: /^(?:new\s+)?Function\("src",\s*"srcOffset",\s*"dest",\s*"destOffset",/,
    why: "pdfjs-dist's compiler of PDF PostScript functions: used only when eval is supported, which isEvalSupported: false and the CSP rule out",
  },
  {
    pattern: /^(?:new\s+)?Function\(""\+[\w$]+\)/,
    why:
      "the setImmediate polyfill bundled with ExcelJS: runs a string only when handed one, which ExcelJS never does " +
      "(swc writes `new Function(…)` as `Function(…)`, the same call)",
  },
];

/** One use of dynamic code: where, the text around it, and the documented exception it matches, if any. */
export interface DynamicCodeUse {
  index: number;
  snippet: string;
  exception?: string;
}

/**
 * The uses of dynamic code in `code`. With `thirdParty`, the documented exceptions are marked.
 *
 * @example
 * dynamicCodeIn('const f = new Function("a", "return a");'); // one use, no exception
 */
export function dynamicCodeIn(code: string, thirdParty = false): DynamicCodeUse[] {
  return [...code.matchAll(dynamicCode)].map((m) => {
    const at = m.index ?? 0;
    const rest = code.slice(at, at + 80);
    const exception = thirdParty
      ? THIRD_PARTY_DYNAMIC_CODE.find((e) => e.pattern.test(rest))?.why
      : undefined;
    return { index: at, snippet: code.slice(Math.max(0, at - 40), at + 60), exception };
  });
}

/** The content of the Content-Security-Policy meta element of an HTML page, or undefined. */
export function cspOf(html: string): string | undefined {
  const body = withoutMarkupComments(html);
  for (const [tag] of body.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?Content-Security-Policy\b/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tag);
    if (content) return (content[1] ?? content[2]).trim();
  }
  return undefined;
}

/** A policy as directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * What is wrong with a task-pane policy; empty when it is tight enough.
 * Scripts only from the page's origin and office.js, no eval, no inline script,
 * no plugins, no `<base>` elsewhere, nothing loaded from any other host.
 * Inline styles stay allowed: Fluent UI (Griffel) inserts its style rules at run time.
 *
 * @example
 * cspProblems("default-src *"); // ["default-src must be 'self' or 'none', is *", …]
 */
export function cspProblems(policy: string | undefined): string[] {
  if (policy === undefined) return ["no Content-Security-Policy meta element"];
  const csp = parseCsp(policy);
  const problems: string[] = [];
  const sources = (name: string) => csp.get(name) ?? csp.get("default-src") ?? [];
  const defaults = csp.get("default-src");
  if (!defaults || !(defaults.join(" ") === "'self'" || defaults.join(" ") === "'none'"))
    problems.push(`default-src must be 'self' or 'none', is ${defaults?.join(" ") ?? "missing"}`);
  const scripts = sources("script-src");
  for (const s of scripts)
    if (s !== "'self'" && s !== OFFICE_ORIGIN && s !== OFFICE_JS)
      problems.push(`script-src allows ${s}`);
  if (csp.has("script-src-elem") || csp.has("script-src-attr"))
    problems.push("script-src-elem/-attr widen script-src");
  if (csp.get("object-src")?.join(" ") !== "'none'") problems.push("object-src must be 'none'");
  const base = csp.get("base-uri")?.join(" ");
  if (base !== "'self'" && base !== "'none'") problems.push("base-uri must be 'self' or 'none'");
  const connect = sources("connect-src");
  for (const s of connect)
    if (s !== "'self'" && s !== "'none'") problems.push(`connect-src allows ${s}`);
  for (const [name, list] of csp) {
    for (const s of list) {
      const keyword = /^'[^']+'$/.test(s);
      if (keyword) {
        if (/^'unsafe-(eval|hashes)'$|^'wasm-unsafe-eval'$/.test(s))
          problems.push(`${name} allows ${s}`);
        if (s === "'unsafe-inline'" && name !== "style-src") problems.push(`${name} allows ${s}`);
        continue;
      }
      if (s === "data:" && (name === "img-src" || name === "font-src")) continue;
      if (s === OFFICE_ORIGIN && (name === "script-src" || name === "script-src-elem")) continue;
      problems.push(`${name} allows ${s}`);
    }
  }
  return problems;
}

/**
 * What is wrong with the page's scripts: only the bundle from its own folder and
 * office.js, and no inline script (the CSP blocks it, so it would fail silently).
 */
export function scriptProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [, attributes, inline] of withoutMarkupComments(html).matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script>/gi
  )) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const url = src ? (src[1] ?? src[2] ?? src[3]) : undefined;
    if (url === undefined) {
      if (inline.trim() !== "") problems.push("an inline script");
      continue;
    }
    if (url !== OFFICE_JS && /^([a-z]+:)?\/\//i.test(url)) problems.push(`a script from ${url}`);
    if (/^(data|blob|javascript):/i.test(url)) problems.push(`a script from ${url}`);
  }
  return problems;
}

/**
 * The permissions the manifest asks: every `<Permissions>` element's text.
 *
 * @example
 * permissionsOf("<Permissions>ReadWriteDocument</Permissions>"); // ["ReadWriteDocument"]
 */
export function permissionsOf(manifest: string): string[] {
  return [
    ...withoutMarkupComments(manifest).matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g),
  ].map((m) => m[1]);
}
