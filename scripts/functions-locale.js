/**
 * Webpack plugin: after CustomFunctionsMetadataPlugin has written functions.json
 * (Dutch, from the JSDoc), derive functions.en-US.json from it and a translation
 * table keyed by function id and parameter name. The build fails when a Dutch
 * description is missing, a translation is missing, or the table names a function
 * or parameter that no longer exists. Both files also allow error values into
 * `any` parameters, so that one #N/B in a Score column does not stop FLEX.RANK
 * for every row: the functions treat such a row as not eligible. Neither allows data types
 * (`allowCustomDataForDataTypeAny`, which the generator sets, is removed).
 */
const fs = require("fs");
const path = require("path");

const PLUGIN = "FunctionsLocalePlugin";

/**
 * The localised metadata and every problem found, from the generated metadata and a table.
 * Pure, so the test can call it without webpack.
 */
function localiseMetadata(metadata, translations, locale) {
  const problems = [];
  const localised = JSON.parse(JSON.stringify(metadata));
  const seen = new Set();
  for (const fn of localised.functions) {
    seen.add(fn.id);
    if (!fn.description) problems.push(`${fn.id}: no Dutch description in functions.ts`);
    const entry = translations[fn.id];
    if (!entry || !entry.description) {
      problems.push(`${fn.id}: no ${locale} description`);
    } else {
      fn.description = entry.description;
    }
    const params = (entry && entry.parameters) || {};
    for (const param of fn.parameters) {
      if (!param.description) problems.push(`${fn.id}(${param.name}): no Dutch description`);
      const translated = params[param.name];
      if (!translated || !translated.description) {
        problems.push(`${fn.id}(${param.name}): no ${locale} description`);
        continue;
      }
      param.description = translated.description;
      if (translated.name) param.name = translated.name;
    }
    const names = new Set(
      metadata.functions.find((f) => f.id === fn.id).parameters.map((p) => p.name)
    );
    for (const name of Object.keys(params)) {
      if (!names.has(name)) problems.push(`${fn.id}: translation for unknown parameter '${name}'`);
    }
  }
  for (const id of Object.keys(translations)) {
    if (!seen.has(id)) problems.push(`translation for unknown function '${id}'`);
  }
  return { metadata: localised, problems };
}

class FunctionsLocalePlugin {
  /** @param {{ source: string, output: string, translations: string, locale: string }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { webpack } = compiler;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.fileDependencies.add(path.resolve(this.options.translations));
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.options.source);
          if (!asset) {
            if (compilation.errors.length === 0) {
              compilation.errors.push(
                new webpack.WebpackError(`${PLUGIN}: ${this.options.source} was not generated`)
              );
            }
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          metadata.allowErrorForDataTypeAny = true;
          // Microsoft's generator always sets it; it asks for data types (CustomFunctionsRuntime
          // 1.4, not in Excel 2021), and the functions use none.
          delete metadata.allowCustomDataForDataTypeAny;
          const translations = JSON.parse(fs.readFileSync(this.options.translations, "utf8"));
          const { metadata: localised, problems } = localiseMetadata(
            metadata,
            translations,
            this.options.locale
          );
          for (const problem of problems) {
            compilation.errors.push(new webpack.WebpackError(`${PLUGIN}: ${problem}`));
          }
          const json = (value) => new webpack.sources.RawSource(JSON.stringify(value, null, 2));
          compilation.updateAsset(this.options.source, json(metadata));
          compilation.emitAsset(this.options.output, json(localised));
        }
      );
    });
  }
}

module.exports = { FunctionsLocalePlugin, localiseMetadata };
