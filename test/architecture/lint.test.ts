/**
 * The layers' arrows, checked by the tools: each wrong import (and the `Excel`
 * global outside src/office) fails `npm run lint`, each right one passes. The
 * arrows are written here again, from the design, so a config that drifts from
 * them fails this test. ESLint loads its config (eslint.config.mjs) as an ES
 * module, which jest's module system cannot, so every snippet is linted in one
 * Node process with ESLint's own API (`lintText` with a file path in each folder).
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");

/** Each folder of src/ and the folders it may import statically. */
const arrows: Record<string, string[]> = {
  engine: [],
  functions: ["engine"],
  workbook: ["engine"],
  office: ["engine", "workbook"],
  xlsx: ["engine", "workbook"],
  share: ["engine", "workbook"],
  cv: ["engine"],
  cli: ["engine", "workbook", "xlsx", "share", "cv"],
  taskpane: ["engine", "workbook", "office"],
};
const layers = Object.keys(arrows);

/** A snippet of code as the file `file` (relative to the repository), linted in beforeAll. */
interface Probe {
  file: string;
  code: string;
}
const probes = new Map<string, Probe>();
/** Registers a snippet (while the tests are collected) and returns its key for {@link problems}. */
function probe(file: string, code: string): string {
  const key = JSON.stringify([file, code]);
  probes.set(key, { file, code });
  return key;
}

/** Lints every probe in one Node process; per probe the architecture rules' messages, or the parse error. */
const lintScript = `
import { ESLint } from "eslint";
const own = new Set(["no-restricted-imports", "no-restricted-syntax", "no-restricted-globals", "no-restricted-properties"]);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const eslint = new ESLint({ cwd: process.cwd(), ruleFilter: ({ ruleId }) => own.has(ruleId) });
const out = [];
for (const { file, code } of JSON.parse(Buffer.concat(chunks).toString("utf8"))) {
  const [result] = await eslint.lintText(code, { filePath: file });
  out.push(result.messages.filter((m) => m.fatal || own.has(m.ruleId)).map((m) => (m.fatal ? "FATAL " : "") + m.message));
}
const ignored = [];
for (const file of JSON.parse(process.argv[1])) ignored.push(await eslint.isPathIgnored(file));
process.stdout.write(JSON.stringify({ out, ignored }));
`;

/** Files `npm run lint` must reach, one per folder it covers. */
const reached = [
  "src/engine/index.ts",
  "test/architecture/lint.test.ts",
  "bench/run-all.ts",
  "scripts/check-licences.js",
  "scripts/make-icons.mjs",
];

const results = new Map<string, string[]>();
let ignored: boolean[] = [];
beforeAll(() => {
  const list = [...probes.entries()];
  const stdout = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", lintScript, JSON.stringify(reached.map((f) => join(root, f)))],
    {
      cwd: root,
      input: JSON.stringify(list.map(([, p]) => ({ file: join(root, p.file), code: p.code }))),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }
  );
  const parsed: { out: string[][]; ignored: boolean[] } = JSON.parse(stdout);
  list.forEach(([key], i) => results.set(key, parsed.out[i]));
  ignored = parsed.ignored;
}, 120_000);

/** The architecture rules' messages for a probe; a snippet that does not parse fails the test. */
function problems(key: string): string[] {
  const found = results.get(key);
  if (!found) throw new Error(`not linted: ${key}`);
  expect(found.filter((m) => m.startsWith("FATAL"))).toEqual([]);
  return found;
}

const importOf = (from: string) => `import { x } from "${from}";\n\nexport const y = x;\n`;
const dynamicOf = (from: string) => `export const y = () => import("${from}");\n`;
const wrong = (layer: string) => [expect.stringContaining(`Wrong arrow: src/${layer} imports`)];

describe("every arrow between the layers of src/", () => {
  const cases = layers.flatMap((layer) =>
    layers
      .filter((other) => other !== layer)
      .map((other) => ({
        layer,
        other,
        allowed: arrows[layer].includes(other),
        top: probe(`src/${layer}/a.ts`, importOf(`../${other}/b`)),
        sub: probe(`src/${layer}/sub/a.ts`, importOf(`../../${other}`)),
      }))
  );

  test.each(cases)("src/$layer → src/$other: allowed $allowed", ({ layer, allowed, top }) => {
    expect(problems(top)).toEqual(allowed ? [] : wrong(layer));
  });

  test.each(cases)(
    "from a sub-folder: src/$layer/sub → src/$other: allowed $allowed",
    ({ layer, allowed, sub }) => {
      expect(problems(sub)).toEqual(allowed ? [] : wrong(layer));
    }
  );

  const own = layers.map((layer) => ({
    layer,
    keys: [
      probe(`src/${layer}/a.ts`, importOf("./b")),
      probe(`src/${layer}/sub/a.ts`, importOf("../b")),
      probe(`src/${layer}/sub/deeper/a.ts`, importOf("../../b")),
    ],
  }));
  test.each(own)("src/$layer imports its own files, from any depth", ({ keys }) => {
    for (const key of keys) expect(problems(key)).toEqual([]);
  });

  const outside = layers.map((layer) => ({
    layer,
    keys: [
      "../../test/engine/helpers",
      "../../package.json",
      "../../bench/measure",
      "../../../x",
      "../..",
    ].map((from) => probe(`src/${layer}/a.ts`, importOf(from))),
  }));
  test.each(outside)("src/$layer imports nothing outside src/", ({ layer, keys }) => {
    for (const key of keys) expect(problems(key)).toEqual(wrong(layer));
  });

  const reExports = {
    named: probe("src/functions/a.ts", 'export { x } from "../workbook/b";\n'),
    star: probe("src/engine/a.ts", 'export * from "../workbook/b";\n'),
    right: probe("src/functions/a.ts", 'export { x } from "../engine/b";\n'),
  };
  test("a re-export is an import too", () => {
    expect(problems(reExports.named)).toEqual(wrong("functions"));
    expect(problems(reExports.star)).toEqual(wrong("engine"));
    expect(problems(reExports.right)).toEqual([]);
  });

  const typeOnly = {
    workbook: probe(
      "src/workbook/a.ts",
      'import type { X } from "../office/b";\n\nexport type Y = X;\n'
    ),
    engine: probe(
      "src/engine/a.ts",
      'import type { X } from "../workbook/b";\n\nexport type Y = X;\n'
    ),
  };
  test("a type-only import is an arrow too", () => {
    expect(problems(typeOnly.workbook)).toEqual(wrong("workbook"));
    expect(problems(typeOnly.engine)).toEqual(wrong("engine"));
  });
});

describe("packages per layer", () => {
  const forbidden = [
    ["engine", "exceljs"],
    ["engine", "react"],
    ["engine", "fs"],
    ["engine", "node:path"],
    ["engine", "@noble/hashes/sha2"],
    ["functions", "react"],
    ["functions", "exceljs"],
    ["workbook", "react"],
    ["workbook", "exceljs"],
    ["workbook", "fs"],
    ["office", "exceljs"],
    ["share", "fs"],
    ["share", "node:fs"],
    ["cli", "react"],
    ["cli", "@fluentui/react-components"],
    ["taskpane", "exceljs"],
    ["taskpane", "fs"],
    ["cv", "fs"],
    ["cv", "exceljs"],
    ["cv", "react"],
    ["workbook", "pdfjs-dist"],
    ["engine", "franc-min"],
  ].map(([layer, from]) => ({ layer, from, key: probe(`src/${layer}/a.ts`, importOf(from)) }));
  test.each(forbidden)("src/$layer may not import $from", ({ layer, key }) => {
    expect(problems(key)).toEqual(wrong(layer));
  });

  const allowed = [
    ["workbook", "@noble/hashes/sha2"],
    ["xlsx", "exceljs"],
    ["xlsx", "fs"],
    ["share", "exceljs"],
    ["cli", "exceljs"],
    ["cli", "node:fs/promises"],
    ["cli", "cli-progress"],
    ["taskpane", "react"],
    ["taskpane", "@fluentui/react-components"],
    ["cv", "pdfjs-dist/legacy/build/pdf.mjs"],
    ["cv", "fflate"],
    ["cv", "saxes"],
    ["cv", "franc-min"],
  ].map(([layer, from]) => ({ layer, from, key: probe(`src/${layer}/a.ts`, importOf(from)) }));
  test.each(allowed)("src/$layer may import $from", ({ key }) => {
    expect(problems(key)).toEqual([]);
  });
});

describe("the lazy chunks: src/share, ExcelJS and the CV readers (src/cv) only through a dynamic import()", () => {
  const lazy = [
    ["taskpane", "../share"],
    ["taskpane", "exceljs"],
    ["office", "../share"],
    ["taskpane", "../cv"],
  ].map(([layer, from]) => ({
    layer,
    from,
    statically: probe(`src/${layer}/a.ts`, importOf(from)),
    dynamically: probe(`src/${layer}/a.ts`, dynamicOf(from)),
  }));
  test.each(lazy)("src/$layer → $from", ({ layer, statically, dynamically }) => {
    expect(problems(statically)).toEqual(wrong(layer));
    expect(problems(dynamically)).toEqual([]);
  });

  const still = [
    ["workbook", "../office"],
    ["workbook", "../share"],
    ["functions", "../workbook/texts"],
    ["engine", "exceljs"],
    ["taskpane", "../cli"],
  ].map(([layer, from]) => ({ layer, from, key: probe(`src/${layer}/a.ts`, dynamicOf(from)) }));
  test.each(still)(
    "a dynamic import() opens no other arrow: src/$layer → $from",
    ({ layer, key }) => {
      expect(problems(key)).toEqual(wrong(layer));
    }
  );
});

describe("only src/office touches the Excel global", () => {
  const run = layers.map((layer) => ({
    layer,
    key: probe(`src/${layer}/a.ts`, "export const run = () => Excel.run(async () => undefined);\n"),
  }));
  test.each(run)("src/$layer", ({ layer, key }) => {
    expect(problems(key)).toEqual(
      layer === "office"
        ? []
        : [expect.stringContaining("Only src/office touches the Excel global")]
    );
  });

  const through = {
    globalThis: probe("src/taskpane/a.ts", "export const e = globalThis.Excel;\n"),
    window: probe("src/workbook/a.ts", "export const e = window.Excel;\n"),
    office: probe("src/office/a.ts", "export const e = globalThis.Excel;\n"),
  };
  test("also through globalThis or window", () => {
    expect(problems(through.globalThis)).toHaveLength(1);
    expect(problems(through.window)).toHaveLength(1);
    expect(problems(through.office)).toEqual([]);
  });

  const local = probe(
    "src/xlsx/a.ts",
    'import Excel from "exceljs";\n\nexport const w = new Excel.Workbook();\n'
  );
  test("a local name Excel is not the global", () => {
    expect(problems(local)).toEqual([]);
  });

  const office = "export const ready = () => Office.onReady();\n";
  const officeGlobal = Object.fromEntries(
    layers.map((layer) => [layer, probe(`src/${layer}/a.ts`, office)])
  );
  test.each(layers)("the Office global only in src/office and src/taskpane: src/%s", (layer) => {
    expect(problems(officeGlobal[layer])).toHaveLength(
      ["office", "taskpane"].includes(layer) ? 0 : 1
    );
  });
});

describe("the reach of npm run lint", () => {
  test("npm run lint covers src, test, bench and scripts, and ignores none of them", () => {
    const script: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts
      .lint;
    for (const folder of ["src", "test", "bench", "scripts"])
      expect(script.split(/\s+/)).toContain(folder);
    expect(ignored).toEqual(reached.map(() => false));
  });
});
