/**
 * Builds, for the browser run, the task pane as production (the main webpack
 * config, its taskpane entry only) and, as one script, the Excel host that the
 * test puts into the pane's page before it loads (host.ts: the simulator behind
 * Excel on Windows' `window.external` bridge, for Microsoft's real office.js).
 * The host's Excel calculates the FLEX custom functions as Excel with the
 * add-in's shared runtime does: their metadata comes from Microsoft's parser over
 * src/functions/functions.ts here, at build time (`__FLEX_METADATA__`), and
 * their code is the module the shared runtime associates.
 */
import path from "path";
import webpack, { type Configuration, type RuleSetRule } from "webpack";
import { flexMetadata } from "../functions/flexPlugin";

const root = path.resolve(__dirname, "../..");

/** Where the builds went. */
export interface E2eBuild {
  dir: string;
  /** The Excel host (host.ts), to run in the page before its own scripts: never office.js itself. */
  hostScript: string;
}

/**
 * Runs webpack for the task pane (production) and the Excel host into `dir`.
 *
 * @example
 * const { hostScript } = await buildForE2e("/tmp/awardscore-e2e");
 */
export async function buildForE2e(dir: string): Promise<E2eBuild> {
  const main = await productionConfig();
  const taskpane: Configuration = {
    ...main,
    context: root,
    entry: { taskpane: path.join(root, "src/taskpane/index.tsx") },
    output: { ...main.output, path: dir, clean: false },
    // Only the page: the custom functions' metadata and the manifest are not needed in the browser.
    plugins: (main.plugins ?? []).filter((p) => p?.constructor?.name === "HtmlWebpackPlugin"),
  };
  const host: Configuration = {
    mode: "production",
    context: root,
    target: "web",
    entry: path.join(__dirname, "host.ts"),
    output: { path: path.join(dir, "host"), filename: "office-host.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: path.join(root, "tsconfig.json") },
          },
        },
      ],
    },
    plugins: [new webpack.DefinePlugin({ __FLEX_METADATA__: JSON.stringify(flexMetadata()) })],
    performance: { hints: false },
  };
  await runWebpack([taskpane, host]);
  return { dir, hostScript: path.join(dir, "host", "office-host.js") };
}

/**
 * The project's webpack configuration for a production build, as `npm run build`
 * makes it (read from webpack.config.js each time, so ADDIN_URL set before counts).
 *
 * @example
 * const config = await productionConfig();
 */
export async function productionConfig(): Promise<Configuration> {
  const factory = require(path.join(root, "webpack.config.js")) as (
    env: Record<string, unknown>,
    options: { mode: string }
  ) => Promise<Configuration>;
  return factory({}, { mode: "production" });
}

/**
 * Runs webpack; rejects with the build's errors when there are any.
 *
 * @example
 * await runWebpack({ ...(await productionConfig()), context: root });
 */
export function runWebpack(config: Configuration | Configuration[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (
      error: Error | null,
      stats?: { hasErrors(): boolean; toString(o: object): string }
    ) => {
      if (error) return reject(error);
      if (stats?.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    };
    if (Array.isArray(config)) webpack(config, (error, stats) => done(error, stats));
    else webpack(config, (error, stats) => done(error, stats));
  });
}

/**
 * Turns off ts-loader's type check in a production config, leaving its output as it is:
 * `npm run typecheck` checks the same sources under the same tsconfig.build.json
 * (`tsc -p tsconfig.build.json --noEmit`), so a test need not pay for it again.
 *
 * @example
 * await runWebpack(withoutTypeCheck(await productionConfig()));
 */
export function withoutTypeCheck(config: Configuration): Configuration {
  const typescript = config.module?.rules?.find(
    (rule): rule is RuleSetRule => typeof rule === "object" && !!rule && "use" in rule
  );
  const loader = typescript?.use as
    { loader: string; options: Record<string, unknown> } | undefined;
  if (loader?.loader !== "ts-loader")
    throw new Error("webpack.config.js no longer builds TypeScript with ts-loader");
  loader.options = { ...loader.options, transpileOnly: true };
  return config;
}
