/**
 * The builder runs in the task pane too: no Node module may creep into src/share,
 * and nothing it imports from the workbook layer may bring one in.
 */
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "../..");

/** Every module a source file imports, resolved to a path under src/ or a package name. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/^import[^"']*["']([^"']+)["']/gm)].map(([, spec]) =>
    spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : spec
  );
}

function resolve(base: string): string {
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts")])
    if (fs.existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${base}`);
}

test("src/share and everything it imports use no Node module; exceljs is the only package", () => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = fs
    .readdirSync(path.join(root, "src/share"))
    .map((f) => path.join(root, "src/share", f));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of imports(file)) {
      if (path.isAbsolute(spec)) queue.push(resolve(spec));
      else packages.add(spec);
    }
  }
  expect([...packages]).toEqual(["exceljs"]);
  for (const file of seen) {
    const text = fs.readFileSync(file, "utf8");
    expect(text).not.toMatch(/\b(require\(|process\.|Buffer\.|__dirname)/);
  }
});
