/**
 * scripts/check-licences.js on the real tree (it must pass) and on a fake tree
 * whose production dependencies include GPL, AGPL (transitively), LGPL and an
 * unknown licence (it must fail on exactly those, and never look at devDependencies).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const root = path.resolve(__dirname, "../..");
const script = path.join(root, "scripts/check-licences.js");

interface Listed {
  name: string;
  version: string;
  license?: string;
  verdict: "ok" | "copyleft" | "unknown";
}

/** Runs the script on `dir` with --json; its exit status and what it listed. */
function check(dir: string): { status: number | null; packages: Listed[]; failures: Listed[] } {
  const run = spawnSync(process.execPath, [script, "--root", dir, "--json"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`no output: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { packages: Listed[]; failures: Listed[] };
  return { status: run.status, ...report };
}

/** Writes `node_modules/<name>/package.json` (nested under `parent` when given). */
function fakePackage(
  dir: string,
  name: string,
  fields: Record<string, unknown>,
  dependencies: Record<string, string> = {}
): void {
  const at = path.join(dir, "node_modules", name);
  fs.mkdirSync(at, { recursive: true });
  fs.writeFileSync(
    path.join(at, "package.json"),
    JSON.stringify({ name, version: "1.0.0", ...fields, dependencies })
  );
}

describe("the licence check", () => {
  test("passes on the real production tree, which holds exceljs and react but no devDependency", () => {
    const { status, packages, failures } = check(root);
    expect(failures).toEqual([]);
    expect(status).toBe(0);
    const names = new Set(packages.map((p) => p.name));
    expect(names.has("exceljs")).toBe(true);
    expect(names.has("react-dom")).toBe(true);
    expect(names.has("@fluentui/react-components")).toBe(true);
    for (const dev of ["jest", "webpack", "typescript", "hyperformula", "playwright-core"])
      expect(names.has(dev)).toBe(false);
    expect(packages.every((p) => typeof p.license === "string" && p.license !== "")).toBe(true);
  });

  describe("on a fake tree", () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-licences-"));
      const dependencies = {
        "mit-lib": "1.0.0",
        "dual-lib": "1.0.0",
        "gpl-lib": "1.0.0",
        "lgpl-lib": "1.0.0",
        "mystery-lib": "1.0.0",
        "old-style-lib": "1.0.0",
      };
      fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({
          name: "fake",
          version: "1.0.0",
          license: "MIT",
          dependencies,
          // A GPL build tool is fine: it never ships.
          devDependencies: { "gpl-dev-tool": "1.0.0" },
        })
      );
      fakePackage(dir, "mit-lib", { license: "MIT" }, { "agpl-inner": "1.0.0" });
      fakePackage(dir, "agpl-inner", { license: "AGPL-3.0-only" });
      fakePackage(dir, "dual-lib", { license: "(MIT OR GPL-3.0-or-later)" });
      fakePackage(dir, "gpl-lib", { license: "GPL-2.0-only" });
      fakePackage(dir, "lgpl-lib", { license: "LGPL-2.1-or-later" });
      fakePackage(dir, "mystery-lib", {});
      fakePackage(dir, "old-style-lib", { licenses: [{ type: "BSD-3-Clause" }] });
      fakePackage(dir, "gpl-dev-tool", { license: "GPL-3.0-only" });
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test("fails on GPL, transitive AGPL, LGPL and a missing licence, and on nothing else", () => {
      const { status, packages, failures } = check(dir);
      expect(status).toBe(1);
      expect(Object.fromEntries(failures.map((f) => [f.name, f.verdict]))).toEqual({
        "agpl-inner": "copyleft",
        "gpl-lib": "copyleft",
        "lgpl-lib": "copyleft",
        "mystery-lib": "unknown",
      });
      const byName = new Map(packages.map((p) => [p.name, p]));
      expect(byName.get("dual-lib")?.verdict).toBe("ok");
      expect(byName.get("old-style-lib")).toMatchObject({ license: "BSD-3-Clause", verdict: "ok" });
      expect(byName.has("gpl-dev-tool")).toBe(false);
    });
  });
});
