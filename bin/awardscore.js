#!/usr/bin/env node
// The headless command; its code is compiled to lib/ by `npm install` (the prepare script).
//
// Its memory is bounded (issue 18): node runs it with a heap of at most HEAP_MB, so that V8
// collects garbage before the process grows past 500 MB (left to itself it let a scoring of
// 10,000 candidates, which needs under 200 MB, grow to 570 MB; with the limit it peaks at
// 450-460 MB, ties and duplicates at 10,000 included, and 17,100 candidates at 484 MB). The read caps (LIMITS in
// src/xlsx/package/zip.ts) keep every input within this heap. Without the
// limit already set (by NODE_OPTIONS or node's own arguments), the command runs again in a
// node that has it; its exit code, signals and output are the child's.
const HEAP_MB = 360;
const flag = "--max-old-space-size";
const set =
  process.execArgv.some((a) => a.startsWith(flag)) ||
  (process.env.NODE_OPTIONS || "").includes(flag);
if (set) {
  require("../lib/cli/main.js");
} else {
  const { spawnSync } = require("child_process");
  const { constants } = require("os");
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, `${flag}=${HEAP_MB}`, __filename, ...process.argv.slice(2)],
    { stdio: "inherit" }
  );
  if (child.error) {
    process.stderr.write(`awardscore kon niet starten: ${child.error.message}\n`);
    process.exit(1);
  }
  process.exit(child.status !== null ? child.status : 128 + (constants.signals[child.signal] || 0));
}
