/**
 * Jest: TypeScript through swc (@swc/jest, CommonJS for Node), tests under test/ mirroring src/.
 * Three projects: `programs` (the tests that run the compiled command, lib/: they call
 * compileCliBeforeAll; its global set-up compiles lib/ once when a source is newer),
 * `node` (the rest) and `taskpane` (the pane's component tests, in jsdom). The browser run
 * (test/e2e) only via `npm run test:e2e`.
 * Every run has one temporary folder (TMPDIR), removed afterwards: test/setup/runFolder.ts.
 */

const fs = require("fs");
const os = require("os");
const path = require("path");

/** TypeScript (and the pane's TSX) to CommonJS by swc, as tsc would with tsconfig.json (no type check: `npm run typecheck`). */
const swc = (tsx) => [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx },
      target: "es2020",
      transform: { react: { runtime: "automatic" }, useDefineForClassFields: false },
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  },
];
/**
 * The packages that ship only ES modules (the CV readers': pdfjs-dist, franc-min and what it
 * imports). Node runs them through require() (Node 20.19+); Jest's own module system does not,
 * so swc turns them into CommonJS like our sources.
 */
const esmPackages = ["pdfjs-dist", "franc-min", "trigram-utils", "n-gram", "collapse-white-space"];
const esm = ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }];
const transform = {
  "^.+\\.ts$": swc(false),
  "^.+\\.tsx$": swc(true),
  [`node_modules/(${esmPackages.join("|")})/.+\\.m?js$`]: esm,
};
const transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join("|")})/)`];

/** The test files that run the compiled command: those that call compileCliBeforeAll(). */
const programTests = fs
  .readdirSync(path.join(__dirname, "test"), { recursive: true, encoding: "utf8" })
  .filter((f) => /\.test\.tsx?$/.test(f) && !f.startsWith("e2e"))
  .filter((f) =>
    fs.readFileSync(path.join(__dirname, "test", f), "utf8").includes("compileCliBeforeAll()")
  )
  .map((f) => path.join(__dirname, "test", f));

/** Jest's own cache beside the project, not in the system's temp folder (which the tests leave as they found it). */
const cacheDirectory = "<rootDir>/node_modules/.cache/jest";

/** jest-runtime with each module compiled once per worker, not once per test file (test/setup/compileCache.js). */
const runtime = "<rootDir>/test/setup/runtime.js";

const node = {
  cacheDirectory,
  runtime,
  // jest-environment-node with an ordinary global object: global lookups (Math …) not through a Proxy.
  testEnvironment: "<rootDir>/test/nodeEnvironment.js",
  roots: ["<rootDir>/test"],
  transform,
  transformIgnorePatterns,
};

module.exports = {
  testTimeout: 60000,
  // Two workers even on two cores (jest's default there is one, in band): many tests wait on a
  // program they started (the command, LibreOffice, tsc, webpack) while the other runs.
  maxWorkers: Math.max(2, os.cpus().length - 1),
  globalSetup: "<rootDir>/test/setup/globalSetup.ts",
  globalTeardown: "<rootDir>/test/setup/globalTeardown.ts",
  projects: [
    {
      ...node,
      displayName: "programs",
      testMatch: programTests,
      globalSetup: "<rootDir>/test/setup/programsSetup.ts",
    },
    {
      ...node,
      displayName: "node",
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: [
        "/node_modules/",
        "<rootDir>/test/taskpane/",
        "<rootDir>/test/e2e/",
        ...programTests.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
      ],
    },
    {
      displayName: "taskpane",
      cacheDirectory,
      runtime,
      // jest-environment-jsdom with `npm run test:cpu`'s meter (test/setup/cpuTimes.js)
      testEnvironment: "<rootDir>/test/jsdomEnvironment.js",
      roots: ["<rootDir>/test/taskpane"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/taskpane/setup.ts"],
      transform,
      transformIgnorePatterns,
    },
  ],
};
