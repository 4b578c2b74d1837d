#!/usr/bin/env node
/**
 * `npm run test:cpu [-- JEST ARGS]`: runs `npm test` (all of it, or the files given) and
 * prints where its time went: CPU seconds per test file, its own (and how much of that went before
 * its first test: its imports) and its programs' (the run's one LibreOffice as a row of its own),
 * the 25 costliest files and the totals.
 * test/setup/cpuTimes.js (called by the test environments) does the measuring.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const folder = path.join(root, "node_modules", ".cache", "awardscore-test-cpu");
fs.mkdirSync(folder, { recursive: true });
const out = path.join(folder, "times.tsv");
fs.rmSync(out, { force: true });

const began = Date.now();
// `npm test` itself (its node options included), with the files or options given
const jest = spawnSync("npm", ["test", "--", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, AWARDSCORE_TEST_CPU: out },
});
const wall = (Date.now() - began) / 1000;

const rows = fs.existsSync(out)
  ? fs
      .readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((line) => {
        const [file, own, children, fileWall, loaded] = line.split("\t");
        return {
          file: path.isAbsolute(file) ? path.relative(root, file) : file,
          own: +own,
          children: +children,
          wall: +fileWall,
          loaded: +(loaded ?? 0),
        };
      })
  : [];
rows.sort((a, b) => b.own + b.children - (a.own + a.children));
const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
const pad = (text, width) => String(text).padStart(width);
console.log(
  `\n${"CPU-s".padStart(7)} ${"own".padStart(6)} ${"import".padStart(6)} ${"progs".padStart(6)} ${"wall".padStart(6)}  file`
);
for (const row of rows.slice(0, 25))
  console.log(
    `${pad((row.own + row.children).toFixed(1), 7)} ${pad(row.own.toFixed(1), 6)} ${pad(row.loaded.toFixed(1), 6)} ${pad(row.children.toFixed(1), 6)} ${pad(row.wall.toFixed(1), 6)}  ${row.file}`
  );
console.log(
  `\n${rows.filter((row) => /\.test\.tsx?$/.test(row.file)).length} files: ${(sum("own") + sum("children")).toFixed(0)} CPU-s ` +
    `(${sum("own").toFixed(0)} in jest's workers, of which ${sum("loaded").toFixed(0)} before the files' first tests, ` +
    `${sum("children").toFixed(0)} in the programs they started); ` +
    `${wall.toFixed(0)} s wall`
);
process.exit(jest.status ?? 1);
