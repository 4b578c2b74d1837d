/**
 * Each module compiled once per jest worker, not once per test file.
 *
 * Jest gives every test file a module registry of its own: a module that 40 files import is
 * executed 40 times, as it should be. Jest 30 also compiles it 40 times:
 * jest-runtime calls `vm.compileFunction` for every module it executes, and V8 keeps no
 * compiled code for it. Only the top level of each function is compiled then; every function
 * the tests call is compiled again when first called. That was 20 CPU-s of a full run (profiled
 * per test file), and more for the lazy compiles, which profiles cannot tell apart.
 *
 * Here each module is compiled once per worker, as a `vm.Script` holding the same wrapper
 * function that jest-runtime asks for, with the same parameters. Every test file then runs that
 * script in its own context. A script is not bound to one context: V8 keeps its compiled code
 * (the bytecode of its functions, also those compiled later, on first call) apart from any
 * context, and every run makes new closures, a new `module` and new state in the test file's
 * context. It is what V8 does with a script it has compiled before in the same isolate, only
 * held for the worker's life. What a module does is unchanged. Only the time to compile it
 * again is saved. Measured in band, over 40 module-heavy files (task pane, CV readers,
 * command): 51.1 → 41.8 CPU-s (three pairs of runs).
 *
 * A module's script is made again when its code changes (jest transforms again after an edit
 * in watch mode). A module whose code calls `import(...)` is compiled by jest as before: its
 * dynamic import needs jest's `importModuleDynamically`, which a shared script cannot carry.
 * So is any other call of `vm.compileFunction` (another context, cached data, extensions).
 * The wrapper is on a line of its own with a line offset of -1, so line and column numbers in
 * stack traces and source maps are those of the module's code.
 *
 * test/setup/runtime.js installs it in each worker; compileCache.test.ts tests it.
 */
const vm = require("vm");

/** Code that calls `import(...)`, which needs jest's own compile. */
const DYNAMIC_IMPORT = /\bimport\s*\(/;

/**
 * A `vm.compileFunction` that reuses one compiled script per module file (see above); any call
 * it does not handle goes to `compileFunction`.
 */
function moduleCompiler(compileFunction) {
  /** filename → { params, code, script (null when jest compiles it itself) } */
  const scripts = new Map();
  const counts = { compiled: 0, reused: 0, passed: 0 };

  function compile(code, params = [], options = {}, ...rest) {
    const { parsingContext, filename } = options;
    const own =
      parsingContext !== undefined &&
      typeof filename === "string" &&
      typeof code === "string" &&
      options.cachedData === undefined &&
      !options.produceCachedData &&
      !(options.contextExtensions && options.contextExtensions.length > 0);
    if (!own) {
      counts.passed++;
      return compileFunction(code, params, options, ...rest);
    }
    const names = params.join(", ");
    let entry = scripts.get(filename);
    if (!entry || entry.params !== names || entry.code !== code) {
      const script = DYNAMIC_IMPORT.test(code)
        ? null
        : new vm.Script(`(function (${names}) {\n${code}\n})`, { filename, lineOffset: -1 });
      entry = { params: names, code, script };
      scripts.set(filename, entry);
      if (script) counts.compiled++;
    } else if (entry.script) counts.reused++;
    if (!entry.script) {
      counts.passed++;
      return compileFunction(code, params, options, ...rest);
    }
    return entry.script.runInContext(parsingContext);
  }

  return { compile, counts };
}

/**
 * Installs {@link moduleCompiler} as `vm.compileFunction` in this process, once; returns it, with
 * the `original` compileFunction it falls back to.
 */
function install() {
  if (vm.compileFunction.awardscoreCache) return vm.compileFunction.awardscoreCache;
  const original = vm.compileFunction;
  const compiler = { ...moduleCompiler(original), original };
  const compile = (...args) => compiler.compile(...args);
  compile.awardscoreCache = compiler;
  vm.compileFunction = compile;
  return compiler;
}

module.exports = { moduleCompiler, install };
