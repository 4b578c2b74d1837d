/**
 * The per-worker compile cache of the test runs (compileCache.js): a module runs afresh in each
 * context from one compiled script, is compiled again when its code changes, keeps its line
 * numbers, and what it does not handle goes to jest's own compile.
 */
import vm from "vm";

const { moduleCompiler } = require("./compileCache") as {
  moduleCompiler: (compileFunction: typeof vm.compileFunction) => {
    compile: typeof vm.compileFunction;
    counts: { compiled: number; reused: number; passed: number };
  };
};

const params = ["module", "exports", "require"];
const code = [
  "let calls = 0;",
  "module.exports = { count: () => ++calls, where: () => new Error('here').stack };",
].join("\n");

/** Runs a compiled module wrapper as jest does, in a context, and returns its exports. */
function load(wrapper: ReturnType<typeof vm.compileFunction>) {
  const module = { exports: {} as { count(): number; where(): string } };
  wrapper.call(module.exports, module, module.exports, () => undefined);
  return module.exports;
}

/** How this run compiles (test/setup/runtime.js installed it), with Node's own compileFunction. */
const installed = (
  vm.compileFunction as unknown as {
    awardscoreCache?: {
      counts: { compiled: number; reused: number; passed: number };
      original: typeof vm.compileFunction;
    };
  }
).awardscoreCache;
/** Node's compileFunction, which jest's runtime calls. */
const original = installed?.original ?? vm.compileFunction;

/** A module compiler whose fallback (Node's compileFunction) is counted. */
function compiler() {
  const fallback = jest.fn(original);
  return { ...moduleCompiler(fallback as unknown as typeof vm.compileFunction), fallback };
}

test("one compile per module; each context gets its own module state and its own realm", () => {
  const { compile, counts, fallback } = compiler();
  const first = vm.createContext({});
  const second = vm.createContext({});
  const a = compile(code, params, { filename: "/m.js", parsingContext: first });
  const b = compile(code, params, { filename: "/m.js", parsingContext: second });
  expect(counts).toEqual({ compiled: 1, reused: 1, passed: 0 });
  expect(fallback).not.toHaveBeenCalled();
  const one = load(a);
  const two = load(b);
  expect([one.count(), one.count(), two.count()]).toEqual([1, 2, 1]);
  // Each wrapper belongs to its context's realm, as jest's compileFunction makes it.
  expect(vm.runInContext("Function", first)).toBe(a.constructor);
  expect(vm.runInContext("Function", second)).toBe(b.constructor);
  expect(a.constructor).not.toBe(b.constructor);
});

test("a module whose code changed is compiled again", () => {
  const { compile, counts } = compiler();
  const context = vm.createContext({});
  compile(code, params, { filename: "/m.js", parsingContext: context });
  const changed = compile(code.replace("++calls", "calls += 10"), params, {
    filename: "/m.js",
    parsingContext: context,
  });
  expect(counts).toEqual({ compiled: 2, reused: 0, passed: 0 });
  expect(load(changed).count()).toBe(10);
});

test("stack traces keep the module's own line and column numbers, as jest's compile gives them", () => {
  const { compile } = compiler();
  const options = { filename: "/work/m.js", parsingContext: vm.createContext({ Error }) };
  const position = (stack: string) => /m\.js:(\d+:\d+)/.exec(stack)?.[1];
  // `new Error` is on line 2, column 55 of the module's code
  expect(position(load(compile(code, params, options)).where())).toBe("2:55");
  expect(position(load(original(code, params, options)).where())).toBe("2:55");
});

test("dynamic import, cached data and calls outside a context go to jest's own compile", () => {
  const { compile, counts, fallback } = compiler();
  const context = vm.createContext({});
  const dynamic = "module.exports = () => import('x');";
  compile(dynamic, params, { filename: "/d.js", parsingContext: context });
  compile(dynamic, params, { filename: "/d.js", parsingContext: context });
  compile(code, params, { filename: "/m.js" });
  compile(code, params, { filename: "/m.js", parsingContext: context, produceCachedData: true });
  expect(fallback).toHaveBeenCalledTimes(4);
  expect(counts).toEqual({ compiled: 0, reused: 0, passed: 4 });
});

test("it is what this run compiles with: jest's runtime went through it", () => {
  expect(installed).toBeDefined();
  // this test file and what it imports were compiled through it
  expect(installed!.counts.compiled + installed!.counts.reused).toBeGreaterThan(0);
  expect(installed!.original).not.toBe(vm.compileFunction);
});
