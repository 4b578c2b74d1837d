// ESLint for the add-in: Microsoft's office-addins rules (load/sync discipline, prettier) for
// every TypeScript file, .tsx included, with React's recommended rules for the task pane; the
// layers of src/ and their arrows (below); plain Node for the JavaScript in scripts/ and bench/.
// `npm run lint` covers src, test, bench and scripts; test/architecture/lint.test.ts shows
// that every wrong arrow fails.
import { existsSync, readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const [, , officeBlock] = officeAddins.configs.recommended;

/**
 * The layers of src/ and the arrows between them: each folder imports only itself, the folders
 * in `imports` and the packages in `packages` ("node:" = Node's built-in modules); `lazy` may
 * only be loaded with a dynamic `import()` (its own webpack chunk, fetched when first used).
 * Anything functions and workbook share therefore lives in src/engine.
 */
const NODE = "node:";
const layers = {
  engine: { imports: [], packages: [] },
  functions: { imports: ["engine"], packages: [] },
  workbook: { imports: ["engine"], packages: ["@noble/hashes"] },
  office: { imports: ["engine", "workbook"], packages: [], lazy: ["share"] },
  xlsx: { imports: ["engine", "workbook"], packages: ["exceljs", "saxes", "yauzl", "yazl", NODE] },
  share: { imports: ["engine", "workbook"], packages: ["exceljs"] },
  cv: { imports: ["engine"], packages: ["pdfjs-dist", "fflate", "saxes", "franc-min"] },
  cli: {
    imports: ["engine", "workbook", "xlsx", "share", "cv"],
    packages: ["exceljs", "saxes", "yauzl", "yazl", "cli-progress", NODE],
  },
  taskpane: {
    imports: ["engine", "workbook", "office"],
    packages: ["react", "react-dom", "@fluentui/react-components", "@fluentui/react-icons"],
    lazy: ["share", "exceljs", "cv"],
  },
};
const layerNames = Object.keys(layers);

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const oneOf = (names) => `(?:${names.map(escape).join("|")})`;
const packageNames = (packages) =>
  packages.flatMap((p) => (p === NODE ? builtinModules.filter((m) => !m.startsWith("_")) : [p]));

/** How deep folders nest inside a layer today (src/xlsx/package: 1), plus room for two more. */
function deepest(dir, depth = 0) {
  if (!existsSync(dir)) return depth;
  const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  return Math.max(depth, ...folders.map((f) => deepest(join(dir, f.name), depth + 1)));
}
const depths = [...Array(deepest(fileURLToPath(new URL("./src", import.meta.url))) + 3).keys()];

/**
 * The regular expressions (on the import's text) of the imports a file of `layer` may not make,
 * `depth` folders below src/<layer>: a relative import that climbs out of the layer
 * (depth + 1 times "..") must go on into an allowed layer; a package must be one of the layer's.
 * `dynamic`: the arrows of an `import()`, which may also load the layer's `lazy` chunks.
 */
function forbidden(layer, depth, { dynamic }) {
  const { imports, packages, lazy = [] } = layers[layer];
  const allowedLayers = [layer, ...imports, ...(dynamic ? lazy.filter((l) => layers[l]) : [])];
  const allowedPackages = packageNames([
    ...packages,
    ...(dynamic ? lazy.filter((l) => !layers[l]) : []),
  ]);
  const node = packages.includes(NODE) ? "node:|" : "";
  const allowed =
    allowedPackages.length > 0 ? `(?!(?:${node}${oneOf(allowedPackages)}(?:/|$)))` : "";
  return [
    {
      regex: `^(?:\\.\\./){${depth}}\\.\\.(?:$|/(?!${oneOf(allowedLayers)}(?:/|$)))`,
      message: `Wrong arrow: src/${layer} ${arrows(layer)}.`,
    },
    {
      regex: `^${allowed}[^./]`,
      message:
        allowedPackages.length > 0
          ? `Wrong arrow: src/${layer} ${arrows(layer)}; a new package for this layer is a decision: add it to the layers in eslint.config.mjs.`
          : `Wrong arrow: src/${layer} ${arrows(layer)}, no package.`,
    },
  ];
}

/** The arrows of `layer` in words, for the lint message. */
function arrows(layer) {
  const { imports, packages, lazy = [] } = layers[layer];
  const name = (l) => (layers[l] ? `src/${l}` : l);
  const list = [...imports.map(name), ...packages.map((p) => (p === NODE ? "Node's modules" : p))];
  const only =
    list.length > 0 ? `imports only ${list.join(", ")}` : "imports nothing outside itself";
  return lazy.length > 0
    ? `${only} (${lazy.map(name).join(" and ")} only through a dynamic import())`
    : only;
}

/** Per layer and depth: its import arrows, static (import, export … from) and dynamic (import()). */
const arrowBlocks = layerNames.flatMap((layer) =>
  depths.map((depth) => ({
    files: [`src/${layer}/${"*/".repeat(depth)}*.{ts,tsx,js,mjs,cjs}`],
    rules: {
      "no-restricted-imports": ["error", { patterns: forbidden(layer, depth, { dynamic: false }) }],
      "no-restricted-syntax": [
        "error",
        ...forbidden(layer, depth, { dynamic: true }).map(({ regex, message }) => ({
          // esquery ends a regular expression at its first "/", so the slashes are written \x2F.
          selector: `ImportExpression[source.value=/${regex.replace(/\//g, "\\x2F")}/]`,
          message,
        })),
      ],
    },
  }))
);

/** Per layer: the host globals it may not touch (only src/office touches `Excel`). */
const globalBlocks = layerNames.map((layer) => {
  const excel =
    layer === "office"
      ? []
      : [{ name: "Excel", message: "Only src/office touches the Excel global." }];
  const office = ["office", "taskpane"].includes(layer)
    ? []
    : [
        {
          name: "Office",
          message: `src/${layer} runs without Office: the Office global belongs to src/office and src/taskpane.`,
        },
      ];
  return {
    files: [`src/${layer}/**/*.{ts,tsx,js,mjs,cjs}`],
    rules: {
      "no-restricted-globals": ["error", ...excel, ...office],
      "no-restricted-properties": [
        "error",
        ...[...excel, ...office].flatMap(({ name, message }) =>
          ["globalThis", "window", "self"].map((object) => ({ object, property: name, message }))
        ),
      ],
    },
  };
});

/** Node's globals for the plain JavaScript in scripts/ and bench/ (TypeScript checks the rest). */
const nodeGlobals = Object.fromEntries(
  [
    ...Object.getOwnPropertyNames(globalThis),
    "require",
    "module",
    "exports",
    "__dirname",
    "__filename",
  ]
    .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name))
    .map((name) => [name, "readonly"])
);

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.react,
  {
    ...officeBlock,
    files: ["**/*.{ts,tsx}"],
    languageOptions: { ...officeBlock.languageOptions, parser: tsParser, ecmaVersion: 2022 },
    settings: { react: { version: "18" } },
    rules: {
      ...officeBlock.rules,
      // TypeScript checks names; ESLint's no-undef does not know DOM, Office or Node globals.
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // scripts/ and bench/ hold a few Node programs in plain JavaScript: CommonJS (.js) or ES modules (.mjs).
    files: ["**/*.{js,cjs}"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: nodeGlobals },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: nodeGlobals },
  },
  {
    // The load/sync rules are about Office.js proxies; elsewhere (ExcelJS rows, plain objects)
    // they only see look-alike property names.
    files: ["src/engine/**", "src/functions/**", "src/workbook/**", "src/xlsx/**", "src/cli/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  ...arrowBlocks,
  ...globalBlocks,
];
