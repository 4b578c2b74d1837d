/**
 * `node test/security/buildProduction.js <folder> <cache options as JSON>`: the production build of
 * productionBuild.ts, in a Node process of its own: webpack, its plugins and TypeScript load
 * there as Node loads them, not through jest's module system (a third of the build's time when
 * webpack's cache holds the modules). Prints the config's entry points as JSON.
 * Our TypeScript (test/e2e/build.ts and what it imports) is compiled by swc as jest compiles it.
 */
const fs = require("fs");
const path = require("path");
const swc = require("@swc/core");

require.extensions[".ts"] = (module, file) => {
  const { code } = swc.transformSync(fs.readFileSync(file, "utf8"), {
    filename: file,
    jsc: { parser: { syntax: "typescript" }, target: "es2020" },
    module: { type: "commonjs" },
  });
  module._compile(code, file);
};

const { productionConfig, runWebpack, withoutTypeCheck } = require("../e2e/build.ts");

async function main([dir, cache]) {
  const config = await productionConfig();
  const entry = { ...config.entry };
  config.context = path.resolve(__dirname, "../..");
  config.output = { ...config.output, path: dir };
  config.cache = JSON.parse(cache);
  await runWebpack(withoutTypeCheck(config));
  process.stdout.write(JSON.stringify(entry));
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(String(error.stack ?? error));
  process.exit(1);
});
