/* eslint-disable no-undef, @typescript-eslint/no-require-imports */
/**
 * Builds the add-in: the task pane page (which also hosts the custom functions in the
 * shared runtime), functions.js, functions.json (Dutch, from JSDoc by Microsoft's
 * CustomFunctionsMetadataPlugin), functions.en-US.json (derived from it and
 * src/functions/translations.en.json) and the manifest with its icons.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsLocalePlugin } = require("./scripts/functions-locale");
// webpack's own minimizer plugin (terser-webpack-plugin's successor), resolved from webpack so its
// version is the one webpack ships with: no second copy to keep in step.
const MinimizerPlugin = require(
  require.resolve("minimizer-webpack-plugin", { paths: [path.dirname(require.resolve("webpack"))] })
);

const urlDev = "https://localhost:3000/";
// Where the production build is hosted; set ADDIN_URL at build time to deploy elsewhere.
const urlProd = process.env.ADDIN_URL || urlDev;

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } },
        },
      ],
    },
    performance: { hints: false },
    // Minified by swc (@swc/core) rather than webpack's default terser: the same files, the same
    // size, in a third of the CPU time (a production build: 15 CPU-s instead of 43 here). No inlining
    // of functions (inline 0, reduce_funcs off): inlined first, a `/*#__PURE__*/` IIFE loses its mark
    // and a library's development-only message (with its URL, test/security) stays in the bundle.
    optimization: {
      minimizer: [
        new MinimizerPlugin({
          minify: MinimizerPlugin.swcMinify,
          minimizerOptions: { compress: { passes: 2, inline: 0, reduce_funcs: false } },
        }),
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // functions.json is Dutch (DefaultLocale nl-NL); the manifest serves en-US this derived file.
      new FunctionsLocalePlugin({
        source: "functions.json",
        output: "functions.en-US.json",
        translations: "./src/functions/translations.en.json",
        locale: "en-US",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().replaceAll(urlDev, urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : undefined,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};
