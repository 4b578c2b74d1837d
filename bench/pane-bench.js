/**
 * Runs bench/pane-bench.ts from its own folder: the e2e helpers it reuses find the
 * repository, the Excel host and office.js by their __dirname, so the TypeScript is transpiled
 * in place on require (TypeScript's transpileModule, no type check: `npm run
 * typecheck` covers these files) instead of being compiled to another folder.
 *
 * Run: npm run bench:pane
 */
const fs = require("fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      jsx: ts.JsxEmit.ReactJSX,
    },
  });
  module._compile(outputText, filename);
};

require("./pane-bench.ts");
