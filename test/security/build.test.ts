/**
 * The security checks of checks.ts over the real production build (productionBuild.ts: the main
 * webpack config, production mode, made once per run and shared with the metadata test) with
 * ADDIN_URL set to another host, so that a URL left pointing at the dev server shows up too; and
 * over our own source for dynamic code.
 */
import fs from "fs";
import path from "path";
import {
  cspOf,
  cspProblems,
  dynamicCodeIn,
  kindOf,
  manifestOrigin,
  OFFICE_JS,
  permissionsOf,
  scriptProblems,
  urlsIn,
  withoutMarkupComments,
  type FoundUrl,
} from "./checks";
import { DEPLOYED_AT, productionBuild, type ProductionBuild } from "./productionBuild";

const root = path.resolve(__dirname, "../..");
const deployedAt = DEPLOYED_AT;
let build: ProductionBuild | undefined;
let dist: string;

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

const read = (file: string) => fs.readFileSync(path.join(dist, file), "utf8");

beforeAll(async () => {
  build = await productionBuild();
  dist = build.dir;
}, 600_000);

afterAll(() => build?.release());

describe("the production build", () => {
  test("holds the page, its scripts and the manifest", () => {
    const files = filesUnder(dist);
    for (const f of ["taskpane.html", "taskpane.js", "functions.js", "manifest.xml"])
      expect(files).toContain(f);
    expect(manifestOrigin(read("manifest.xml"))).toBe(new URL(deployedAt).origin);
  });

  test("names no URL but its own host, office.js, namespace names and the documented ones", () => {
    const own = manifestOrigin(read("manifest.xml"));
    const disallowed: Array<FoundUrl & { file: string }> = [];
    const reasons = new Map<string, number>();
    for (const file of filesUnder(dist)) {
      const kind = kindOf(file);
      if (!kind) continue;
      for (const found of urlsIn(read(file), kind, own)) {
        if (!found.allowed) disallowed.push({ file, ...found });
        else reasons.set(found.allowed, (reasons.get(found.allowed) ?? 0) + 1);
      }
    }
    expect(disallowed).toEqual([]);
    // The check saw the URLs it allows: the manifest's own ones and office.js.
    expect(reasons.get("own host")).toBeGreaterThan(5);
    expect(reasons.get("office.js")).toBe(1);
    // The dev server's address is rewritten everywhere the add-in uses it (a comment may keep it).
    expect(withoutMarkupComments(read("manifest.xml"))).not.toContain("localhost");
  });

  test("our source has no eval, new Function or string timer", () => {
    const ours = filesUnder(path.join(root, "src")).filter((f) => /\.(tsx?|js|html)$/.test(f));
    expect(ours.length).toBeGreaterThan(20);
    const uses = ours.flatMap((f) =>
      dynamicCodeIn(fs.readFileSync(path.join(root, "src", f), "utf8")).map(
        (u) => `${f}: ${u.snippet}`
      )
    );
    expect(uses).toEqual([]);
  });

  test("the bundles hold dynamic code only where a documented third-party idiom puts it", () => {
    const unexpected: string[] = [];
    let documented = 0;
    for (const file of filesUnder(dist).filter((f) => f.endsWith(".js"))) {
      for (const use of dynamicCodeIn(read(file), true)) {
        if (use.exception) documented++;
        else unexpected.push(`${file}: …${use.snippet}…`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(documented).toBeGreaterThan(0); // the scan reaches the bundles
  });

  test("the built page carries the source's Content-Security-Policy, and it is tight", () => {
    const source = cspOf(fs.readFileSync(path.join(root, "src/taskpane/taskpane.html"), "utf8"));
    const built = cspOf(read("taskpane.html"));
    expect(built).toBeDefined();
    expect(built).toBe(source);
    expect(cspProblems(built)).toEqual([]);
    expect(scriptProblems(read("taskpane.html"))).toEqual([]);
    expect(read("taskpane.html")).toContain(OFFICE_JS);
  });

  test("the manifest asks only ReadWriteDocument", () => {
    expect(permissionsOf(read("manifest.xml"))).toEqual(["ReadWriteDocument"]);
    expect(permissionsOf(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"))).toEqual([
      "ReadWriteDocument",
    ]);
  });
});
