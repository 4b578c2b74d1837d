/**
 * The real binary, as `npx awardscore` runs it: bin/awardscore.js → lib/cli/main.js
 * (compiled here first, as `npm install` does), with real exit codes and streams.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { exampleWorkbook } from "../../src/cli/example";
import { awardscoreBin, bin, compileCliBeforeAll, root, scratch } from "./helpers";

compileCliBeforeAll();

test("exit 0: scores a workbook; --json - gives parseable JSON on stdout", async () => {
  const dir = scratch();
  const input = path.join(dir, "in.xlsx");
  await exampleWorkbook().xlsx.writeFile(input);
  const ran = awardscoreBin("score", input, "--json", "-");
  expect(ran.code).toBe(0);
  expect(JSON.parse(ran.stdout).request).toMatchObject({
    id: "17040",
    referenceDate: "2024-08-26",
    topN: 10,
  });
  expect(ran.stderr).toContain("Kandidaten: 24 — 14 geschikt, 7 vallen af, 3 onvolledig");
  expect(fs.existsSync(path.join(dir, "in-beoordeeld.xlsx"))).toBe(true);
});

test("exit 2 with a Dutch message on stderr and nothing on stdout", () => {
  const ran = awardscoreBin("score", "bestaat-niet.xlsx");
  expect(ran).toEqual({
    code: 2,
    stdout: "",
    stderr: "Bestand niet gevonden: 'bestaat-niet.xlsx'.\n",
  });
  expect(awardscoreBin().code).toBe(2);
});

test("score loads ExcelJS's workbook but not its streaming reader and writer", async () => {
  const dir = scratch();
  const input = path.join(dir, "in.xlsx");
  await exampleWorkbook().xlsx.writeFile(input);
  const preload = path.join(dir, "loaded.js");
  fs.writeFileSync(
    preload,
    `process.on("exit", () => process.stderr.write("\\nLOADED " + JSON.stringify(Object.keys(require.cache)) + "\\n"));`
  );
  const child = spawnSync(process.execPath, ["--require", preload, bin, "score", input], {
    encoding: "utf8",
    cwd: root,
  });
  expect(child.status).toBe(0);
  const line = child.stderr.split("\n").find((l) => l.startsWith("LOADED "));
  const loaded = (JSON.parse(line!.slice(7)) as string[]).map((f) => f.split(path.sep).join("/"));
  expect(loaded.some((f) => f.endsWith("exceljs/lib/doc/workbook.js"))).toBe(true);
  expect(
    loaded.filter((f) => /exceljs\/lib\/stream\/xlsx\/|\/unzipper\/|\/archiver\//.test(f))
  ).toEqual([]);
});
