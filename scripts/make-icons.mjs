#!/usr/bin/env node
// Renders assets/logo.svg to the PNG icons the manifest names (assets/icon-<size>.png).
// The PNGs are committed, so only whoever changes the logo needs rsvg-convert
// (Debian/Ubuntu: apt-get install -y librsvg2-bin); the build never runs this.
//
//   node scripts/make-icons.mjs            render every size
//   node scripts/make-icons.mjs 32 128     render only these sizes

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Icon sizes in pixels: 16/32/80 for the ribbon, 32/64 for the add-in icons, 128 for stores and dialogs. */
export const ICON_SIZES = [16, 32, 64, 80, 128];

const assetsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
const source = join(assetsDir, "logo.svg");

/**
 * Renders the logo as a square PNG of `size` pixels and returns the file written.
 *
 * @example renderIcon(32) // → ".../assets/icon-32.png"
 */
export function renderIcon(size) {
  const target = join(assetsDir, `icon-${size}.png`);
  execFileSync(
    "rsvg-convert",
    [
      "--width",
      String(size),
      "--height",
      String(size),
      "--format",
      "png",
      "--output",
      target,
      source,
    ],
    {
      stdio: ["ignore", "inherit", "inherit"],
    }
  );
  const png = readFileSync(target);
  // IHDR width and height sit at bytes 16..23 of every PNG.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== size || height !== size) {
    throw new Error(`${target} is ${width}×${height}, expected ${size}×${size}`);
  }
  return target;
}

function hasRsvgConvert() {
  try {
    execFileSync("rsvg-convert", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function main(args) {
  if (!hasRsvgConvert()) {
    console.error(
      "rsvg-convert not found. Install it (Debian/Ubuntu: apt-get install -y librsvg2-bin) and run again."
    );
    return 2;
  }
  const sizes = args.length > 0 ? args.map(Number) : ICON_SIZES;
  const bad = sizes.filter((size) => !Number.isInteger(size) || size < 1);
  if (bad.length > 0) {
    console.error(`Not a size in pixels: ${bad.join(", ")}`);
    return 2;
  }
  for (const size of sizes) {
    console.log(renderIcon(size));
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
