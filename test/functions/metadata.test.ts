/**
 * The real functions.json and functions.en-US.json: those of the production build
 * (webpack.config.js, production mode, without ts-loader's type check) that
 * test/security/productionBuild.ts makes once per run, into the run's temporary folder, for
 * this test and the security checks (test/security/build.test.ts). Its functions.js,
 * functions.json and functions.en-US.json are those `npm run build` makes.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { productionBuild, type ProductionBuild } from "../security/productionBuild";

const { localiseMetadata } = require("../../scripts/functions-locale");

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: Fn[];
}

const root = path.resolve(__dirname, "../..");
let build: ProductionBuild | undefined;
let out: string;
let nl: Metadata;
let en: Metadata;

beforeAll(async () => {
  build = await productionBuild();
  expect(build.entry.functions).toBe("./src/functions/functions.ts");
  out = build.dir;
  nl = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8"));
  en = JSON.parse(fs.readFileSync(path.join(out, "functions.en-US.json"), "utf8"));
}, 600_000);

afterAll(() => build?.release());

const byId = (metadata: Metadata) => new Map(metadata.functions.map((f) => [f.id, f]));

/** Per function: its parameters as name:dimensionality(?optional), the result type ("any" when untyped) and, for a spill, its dimensionality. */
const expected: Record<string, { params: string[]; result: string; dimensionality?: string }> = {
  AWARDSCORE: {
    params: [
      "waarden:matrix",
      "gunningscriteria:matrix",
      "kolomkoppen:matrix?",
      "werkervaring:matrix?",
      "werkervaringIds:matrix?",
    ],
    result: "any",
  },
  KNOCKOUT: {
    params: [
      "waarden:matrix",
      "knockoutcriteria:matrix",
      "uurtarief:scalar",
      "maximumtarief:scalar",
      "urenPerWeek:scalar",
      "looptijdWeken:scalar",
      "verlengingen:scalar?",
      "wekenPerVerlenging:scalar?",
      "optiesTellenMee:scalar?",
      "kolomkoppen:matrix?",
      "cvEisen:scalar?",
      "werkervaring:matrix?",
      "werkervaringIds:matrix?",
    ],
    result: "string",
  },
  WORKYEARS: {
    params: [
      "ids:matrix",
      "namen:matrix",
      "wvKandidaten:matrix",
      "teltVoor:matrix",
      "van:matrix",
      "tot:matrix",
      "peildatum:scalar",
      "knockoutcriteria:matrix",
      "gunningscriteria:matrix",
    ],
    result: "any",
    dimensionality: "matrix",
  },
  RANKING: {
    params: ["scores:matrix", "uurtarieven:matrix", "topN:scalar", "lotingen:matrix?"],
    result: "any",
    dimensionality: "matrix",
  },
  RANK: {
    params: [
      "score:scalar",
      "uurtarief:scalar",
      "scores:matrix",
      "uurtarieven:matrix",
      "loting:scalar?",
      "lotingen:matrix?",
    ],
    result: "any",
  },
  TOP: {
    params: [
      "score:scalar",
      "uurtarief:scalar",
      "scores:matrix",
      "uurtarieven:matrix",
      "topN:scalar",
      "loting:scalar?",
      "lotingen:matrix?",
    ],
    result: "string",
  },
  YEARS: {
    params: [
      "van:matrix",
      "tot:matrix",
      "peildatum:scalar",
      "jarenTerug:scalar?",
      "kandidaten:matrix?",
      "kandidaat:scalar?",
      "teltVoor:matrix?",
      "criterium:scalar?",
    ],
    result: "number",
  },
  CONTRACTVALUE: {
    params: [
      "uurtarief:scalar",
      "urenPerWeek:scalar",
      "looptijdWeken:scalar",
      "verlengingen:scalar?",
      "wekenPerVerlenging:scalar?",
      "metOpties:scalar?",
    ],
    result: "number",
  },
};

const shape = (p: Param) => `${p.name}:${p.dimensionality ?? "scalar"}${p.optional ? "?" : ""}`;

describe("generated functions.json (Dutch)", () => {
  test("every function is there, id = name, upper case", () => {
    expect(nl.functions.map((f) => f.id).sort()).toEqual(Object.keys(expected).sort());
    for (const fn of nl.functions) expect(fn.name).toBe(fn.id);
  });

  test.each(Object.entries(expected))(
    "%s: parameters, ranges as matrices, result type",
    (id, want) => {
      const fn = byId(nl).get(id) as Fn;
      expect(fn.parameters.map(shape)).toEqual(want.params);
      expect(fn.result.type ?? "any").toBe(want.result);
      expect(fn.result.dimensionality ?? "scalar").toBe(want.dimensionality ?? "scalar");
      for (const param of fn.parameters) expect(param.type).toBe("any");
    }
  );

  test("every function and parameter has a Dutch description", () => {
    for (const fn of nl.functions) {
      expect(fn.description).toMatch(/\w{3}/);
      expect(fn.description).toMatch(/\b(de|het|een|van)\b/);
      for (const param of fn.parameters) expect(param.description).toMatch(/\w{3}/);
    }
  });

  test("formulas in the Dutch help are written as Dutch Excel shows them: ; and Dutch function names", () => {
    const texts = nl.functions.flatMap((f) => [
      f.description ?? "",
      ...f.parameters.map((p) => p.description ?? ""),
    ]);
    const formulas = texts.flatMap((t) => t.match(/=?[A-Z][A-Z.]+\([^ ]*\)/g) ?? []);
    expect(formulas.length).toBeGreaterThanOrEqual(4); // RANKING's example, its INDEX pick, TRANSPONEREN
    for (const formula of formulas) {
      // An argument list separated by `,` (outside quotes) is English syntax.
      expect(formula.replace(/"[^"]*"/g, "")).not.toContain(",");
    }
    for (const text of texts) {
      expect(text).not.toMatch(/\b(TRANSPOSE|IF|ISBLANK|ROW|ISERROR|TRIM)\(/);
      expect(text).not.toMatch(/#Headers\b/);
    }
    const ranking = byId(nl).get("RANKING") as Fn;
    expect(ranking.description).toContain(
      '=FLEX.RANKING(ALS(ISLEEG(Kandidaten[Score]);"";Kandidaten[Score]);'
    );
    expect(ranking.description).toContain(
      "INDEX(Berekening!$A$3#;RIJ()-RIJ(Kandidaten[#Kopteksten]);1)"
    );
    expect((byId(nl).get("RANK") as Fn).parameters[2].description).toContain(
      "TRANSPONEREN(Kandidaten[Score])"
    );
  });

  test("FLEX.RANK and FLEX.TOP say they are for one row, and point to FLEX.RANKING for a column", () => {
    for (const id of ["RANK", "TOP"]) {
      expect((byId(nl).get(id) as Fn).description).toMatch(/Voor één rij.*gebruik .*FLEX\.RANKING/);
      expect((byId(en).get(id) as Fn).description).toMatch(/For one row.*use FLEX\.RANKING/);
    }
  });

  test("error values may reach the functions (a #N/B score must not stop FLEX.RANK)", () => {
    expect(nl.allowErrorForDataTypeAny).toBe(true);
  });

  test("data types may not (allowCustomDataForDataTypeAny is CustomFunctionsRuntime 1.4; none is used)", () => {
    expect(nl).not.toHaveProperty("allowCustomDataForDataTypeAny");
    expect(en).not.toHaveProperty("allowCustomDataForDataTypeAny");
  });
});

describe("derived functions.en-US.json", () => {
  test("the same functions, parameters and types, in English", () => {
    const dutch = byId(nl);
    expect(en.functions.map((f) => f.id)).toEqual(nl.functions.map((f) => f.id));
    expect(en.allowErrorForDataTypeAny).toBe(true);
    for (const fn of en.functions) {
      const nlFn = dutch.get(fn.id) as Fn;
      expect(fn.name).toBe(nlFn.name);
      expect(fn.result).toEqual(nlFn.result);
      expect(fn.description).not.toBe(nlFn.description);
      expect(fn.description).toMatch(/\b(the|of|a|and)\b/);
      expect(fn.parameters.length).toBe(nlFn.parameters.length);
      fn.parameters.forEach((param, i) => {
        const withoutWords = ({ type, dimensionality, optional }: Param) => ({
          type,
          dimensionality,
          optional,
        });
        expect(withoutWords(param)).toEqual(withoutWords(nlFn.parameters[i]));
        expect(param.name).toMatch(/^[a-z_]+$/);
        expect(param.description).not.toBe(nlFn.parameters[i].description);
      });
    }
  });

  test("formulas in the English help use , and English function names", () => {
    const texts = en.functions.flatMap((f) => [
      f.description ?? "",
      ...f.parameters.map((p) => p.description ?? ""),
    ]);
    const formulas = texts.flatMap((t) => t.match(/=?[A-Z][A-Z.]+\([^ ]*\)/g) ?? []);
    expect(formulas.length).toBeGreaterThanOrEqual(4);
    for (const formula of formulas) expect(formula.replace(/"[^"]*"/g, "")).not.toContain(";");
    for (const text of texts) {
      expect(text).not.toMatch(/\b(TRANSPONEREN|ALS|ISLEEG|RIJ)\(/);
      expect(text).not.toMatch(/#Kopteksten/);
    }
    expect((byId(en).get("RANKING") as Fn).description).toContain(
      "INDEX(Berekening!$A$3#,ROW()-ROW(Kandidaten[#Headers]),1)"
    );
  });

  test("a missing or stale translation is a build error", () => {
    const translations = JSON.parse(
      fs.readFileSync(path.join(root, "src/functions/translations.en.json"), "utf8")
    );
    expect(localiseMetadata(nl, translations, "en-US").problems).toEqual([]);
    delete translations.RANK.parameters.loting;
    translations.TOP.description = "";
    translations.GONE = { description: "x" };
    expect(localiseMetadata(nl, translations, "en-US").problems).toEqual([
      "RANK(loting): no en-US description",
      "TOP: no en-US description",
      "translation for unknown function 'GONE'",
    ]);
  });
});

describe("functions.js", () => {
  const load = (globals: Record<string, unknown>) =>
    vm.runInNewContext(fs.readFileSync(path.join(out, "functions.js"), "utf8"), {
      ...globals,
      globalThis: globals,
    });

  test("registers every function where Excel's runtime exists, with CustomFunctions.Error for bad input", () => {
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    class HostError {
      constructor(
        readonly code: string,
        readonly message?: string
      ) {}
    }
    const runtime = {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
      Error: HostError,
    };
    load({ CustomFunctions: runtime });
    expect([...associated.keys()].sort()).toEqual(Object.keys(expected).sort());
    expect(associated.get("CONTRACTVALUE")?.(75, 32, 13)).toBe(31200);
    let error: unknown;
    try {
      associated.get("CONTRACTVALUE")?.("abc", 32, 13);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^Uurtarief/) });
  });

  test("loads without the runtime (task pane in a plain browser)", () => {
    expect(() => load({})).not.toThrow();
  });

  test("stays small", () => {
    const size = fs.statSync(path.join(out, "functions.js")).size;
    expect(size).toBeLessThan(60_000);
  });
});
