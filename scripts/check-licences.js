#!/usr/bin/env node
/**
 * Lists the production dependencies (what ships: `dependencies`, transitively, never
 * `devDependencies`) with their licences, and exits 1 when one is GPL, AGPL or LGPL, or
 * its licence is unknown (missing, not an SPDX expression, or not on the reviewed list).
 *
 * The tree comes from npm itself (`npm ls --omit=dev --all --json --long`); licences are
 * SPDX expressions parsed by spdx-expression-parse: `A OR B` passes when one side passes
 * (JSZip's `MIT OR GPL-3.0-or-later` is used under MIT), `A AND B` when both do.
 * Packages that declare no usable licence are listed, with the reason, in
 * check-licences.exceptions.json beside this file, pinned to their exact version.
 *
 * Run: npm run licences [-- --root DIR] [-- --json]
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const parseSpdx = require("spdx-expression-parse");

/** Permissive licences reviewed for shipping in a closed municipal tool. Anything else is unknown. */
const allowed = new Set([
  "0BSD",
  "Apache-2.0",
  "BlueOak-1.0.0",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "CC0-1.0",
  "ISC",
  "MIT",
  "MIT-0",
  "Unlicense",
  "Zlib",
]);

/** Copyleft families that must never ship: GPL, AGPL and LGPL in every version. */
const copyleft = /^(A|L)?GPL-/i;

/**
 * The verdict on one SPDX licence expression: `ok`, `copyleft` or `unknown`.
 *
 * @example
 * verdict("(MIT OR GPL-3.0-or-later)"); // "ok"
 * verdict("GPL-3.0-only"); // "copyleft"
 */
function verdict(expression) {
  if (typeof expression !== "string" || expression.trim() === "") return "unknown";
  let tree;
  try {
    tree = parseSpdx(expression);
  } catch (notSpdx) {
    if (!(notSpdx instanceof Error)) throw notSpdx;
    // Not SPDX ("GPL", "MIT/X11", "SEE LICENSE IN …"): a family name alone still counts as copyleft.
    return /\b(A|L)?GPL\b/i.test(expression) ? "copyleft" : "unknown";
  }
  const rank = { ok: 0, unknown: 1, copyleft: 2 };
  const walk = (node) => {
    if (node.license !== undefined) {
      if (copyleft.test(node.license)) return "copyleft";
      return allowed.has(node.license) && !node.plus ? "ok" : "unknown";
    }
    const left = walk(node.left);
    const right = walk(node.right);
    const pick = node.conjunction === "or" ? Math.min : Math.max;
    const r = pick(rank[left], rank[right]);
    return Object.keys(rank).find((k) => rank[k] === r);
  };
  return walk(tree);
}

/** A package's declared licence: `license`, or the old `licenses: [{ type }]` form joined with OR. */
function declared(pkg) {
  if (typeof pkg.license === "string") return pkg.license;
  if (pkg.license && typeof pkg.license.type === "string") return pkg.license.type;
  if (Array.isArray(pkg.licenses)) {
    const types = pkg.licenses
      .map((l) => (typeof l === "string" ? l : l && l.type))
      .filter(Boolean);
    if (types.length === 1) return types[0];
    if (types.length > 1) return `(${types.join(" OR ")})`;
  }
  return undefined;
}

/**
 * Every production dependency under `root` once per name and version, with its licence.
 *
 * @example
 * productionPackages("/work/main")[0]; // { name: "@babel/runtime", version: "7.28.4", license: "MIT", path: "…" }
 */
function productionPackages(root) {
  let out;
  try {
    out = execFileSync("npm", ["ls", "--omit=dev", "--all", "--json", "--long"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    // npm ls exits 1 on extraneous or invalid packages but still prints the tree.
    out = error.stdout;
    if (!out) throw error;
  }
  const tree = JSON.parse(out);
  const found = new Map();
  const walk = (node) => {
    for (const [name, dep] of Object.entries(node.dependencies || {})) {
      if (dep.missing && !dep.path) continue;
      // An optional dependency for another platform (npm lists it with neither version nor path:
      // pdfjs-dist's @napi-rs/canvas-darwin-arm64 on Linux) is not installed, so it cannot ship.
      if (!dep.path && dep.version === undefined) continue;
      const key = `${name}@${dep.version}`;
      if (found.has(key)) continue;
      let license = typeof dep.license === "string" ? dep.license : undefined;
      const manifest = dep.path && path.join(dep.path, "package.json");
      if (license === undefined && manifest && fs.existsSync(manifest)) {
        license = declared(JSON.parse(fs.readFileSync(manifest, "utf8")));
      }
      found.set(key, { name, version: dep.version, license, path: dep.path });
      walk(dep);
    }
  };
  walk(tree);
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The production packages under `root` with their verdicts, reviewed exceptions applied.
 *
 * @example
 * const { failures } = checkLicences("/work/main"); // failures.length === 0
 */
function checkLicences(root, exceptions = readExceptions()) {
  const packages = productionPackages(root).map((p) => {
    const exception = exceptions[`${p.name}@${p.version}`];
    const license = exception ? exception.license : p.license;
    return Object.assign({}, p, {
      license,
      declared: p.license,
      exception: exception ? exception.reason : undefined,
      verdict: verdict(license),
    });
  });
  return { packages, failures: packages.filter((p) => p.verdict !== "ok") };
}

/** The reviewed exceptions: packages whose published metadata names no usable licence. */
function readExceptions() {
  const file = path.join(__dirname, "check-licences.exceptions.json");
  return JSON.parse(fs.readFileSync(file, "utf8")).packages;
}

function main(argv) {
  const rootAt = argv.indexOf("--root");
  const root = path.resolve(rootAt >= 0 ? argv[rootAt + 1] : path.join(__dirname, ".."));
  const { packages, failures } = checkLicences(root);
  if (argv.includes("--json")) {
    console.log(JSON.stringify({ root, packages, failures }, null, 2));
  } else {
    const width = Math.max(...packages.map((p) => `${p.name}@${p.version}`.length), 10);
    for (const p of packages) {
      const mark = p.verdict === "ok" ? "" : `  <-- ${p.verdict.toUpperCase()}`;
      const note = p.exception ? `  (reviewed: declared ${p.declared || "nothing"})` : "";
      console.log(
        `${`${p.name}@${p.version}`.padEnd(width)}  ${p.license || "(none)"}${note}${mark}`
      );
    }
    const counts = {};
    for (const p of packages)
      counts[p.license || "(none)"] = (counts[p.license || "(none)"] || 0) + 1;
    console.log(
      `\n${packages.length} production packages: ` +
        Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .map(([l, n]) => `${l} ${n}`)
          .join(", ")
    );
  }
  if (failures.length > 0) {
    console.error(
      `\nLicence check FAILED: ${failures
        .map((p) => `${p.name}@${p.version} (${p.license || "no licence"}: ${p.verdict})`)
        .join(", ")}`
    );
    process.exitCode = 1;
  } else if (!argv.includes("--json")) {
    console.log("Licence check passed: no GPL, AGPL, LGPL or unknown licence ships.");
  }
}

module.exports = { allowed, verdict, productionPackages, checkLicences };

if (require.main === module) main(process.argv.slice(2));
