/**
 * The manual alternative users have today, beside `awardscore score`: the same
 * ranking done with native spreadsheet formulas (knock-outs with AND, points with
 * IF, RANK.EQ plus a COUNTIFS tie-break on the rate, per row) in the generated
 * workbook of 1,000 and 10,000 candidates, recalculated by LibreOffice headless
 * (private profile, OOXMLRecalcMode 0), each timed end to end as a child process.
 * LibreOffice also converts the same workbook WITHOUT the formulas, so the
 * formula cost shows apart from its start-up and file loading. The native ranks
 * are compared with awardscore's, candidate by candidate. The generated
 * Werkervaring periods are blanked first (in the file both tools read): years
 * from periods have no simple native formula, and the comparison must be of the
 * same ranking.
 * The last line of the output is one JSON object with the figures.
 *
 * Run: npm run bench:native (BENCH_RUNS=n: median of n runs; default 3 at 1,000, 1 above)
 */
// ExcelJS rows and cells, not Office.js proxies: there is nothing to load.
/* eslint-disable office-addins/load-object-before-read */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { request17040 } from "../src/engine";
import { csvAllSheets, csvRows, profile, soffice } from "../test/xlsx/libreoffice";

const root = path.resolve(__dirname, "../../../..");
const bin = path.join(root, "bin/awardscore.js");
const sizes = (process.env.BENCH_NATIVE_SIZES ?? "1000,10000").split(",").map(Number);
/** Runs per figure: the median of three where a run is short, one where it takes minutes. */
const runsFor = (n: number) => Math.max(1, Number(process.env.BENCH_RUNS ?? (n <= 1_000 ? 3 : 1)));
const topN = 10;

/** Runs a command to its end; wall-clock milliseconds. Throws on failure. */
function timed(command: string, args: string[], timeoutMs = 900_000): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(command, args, {
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0)
    throw new Error(
      `failed (${child.status ?? child.signal}): ${command} ${args.join(" ")}\n${child.stderr}`
    );
  return ms;
}

/** The median of `runs` timed runs. */
function median(runs: number, run: () => number): number {
  const times = Array.from({ length: runs }, run).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** LibreOffice headless converting `file` to one CSV per sheet in `outdir`, with the recalculating profile. */
function libreOffice(profileUrl: string, file: string, outdir: string): number {
  return timed(soffice!, [
    `-env:UserInstallation=${profileUrl}`,
    "--headless",
    "--norestore",
    "--convert-to",
    csvAllSheets,
    "--outdir",
    outdir,
    file,
  ]);
}

/** Empties the data rows of the Werkervaring sheet, so the typed years decide for everyone. */
async function blankPeriods(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Werkervaring");
  if (!sheet) return;
  const last = sheet.rowCount; // fixed first: actualRowCount shrinks as rows are emptied
  for (let r = 2; r <= last; r++) sheet.getRow(r).eachCell((cell) => (cell.value = null));
  await workbook.xlsx.writeFile(file);
}

/** The formula columns appended to the Kandidaten sheet (after its table), by header. */
const nativeHeaders = ["Tarief (formule)", "Score (formule)", "Rang (formule)", "Top 10 (formule)"];

/**
 * Writes `native` = `input` plus, per candidate row, the evaluator's own formulas:
 * the rate as a number, the score when every knock-out passes (else empty), the
 * rank = RANK.EQ(score) + COUNTIFS(same score, lower rate), and the top-10 flag.
 */
async function addFormulas(input: string, native: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  const sheet = workbook.getWorksheet("Kandidaten")!;
  const header = sheet.getRow(1);
  const letter = (id: string): string => {
    for (let c = 1; c <= sheet.columnCount; c++) {
      const text = String(header.getCell(c).value ?? "");
      if (text === id || text.startsWith(`${id} `))
        return header.getCell(c).address.replace(/\d+$/, "");
    }
    throw new Error(`no column ${id} on Kandidaten`);
  };
  // Uurtarief and every criterion of 17040 that has a column (K8 is the rate itself).
  const criteria = [...request17040.knockouts, ...request17040.awards].filter((c) => c.header);
  const col = Object.fromEntries(
    ["Uurtarief", ...criteria.map((c) => c.id)].map((id) => [id, letter(id)])
  );
  const last = sheet.actualRowCount;
  const first = sheet.columnCount + 2; // one empty column between the table and the formulas
  const [rateCol, scoreCol, rankCol] = [0, 1, 2].map((i) =>
    sheet
      .getRow(1)
      .getCell(first + i)
      .address.replace(/\d+$/, "")
  );
  nativeHeaders.forEach((h, i) => (header.getCell(first + i).value = h));
  const numbers = ["K3", "K7", "E1", "E3", "G9", "G11"];
  for (let r = 2; r <= last; r++) {
    const c = (id: string) => `${col[id]}${r}`;
    const rate = `${rateCol}${r}`;
    const complete = `AND(ISNUMBER(${rate}),${numbers.map((id) => `ISNUMBER(${c(id)})`).join(",")})`;
    const eligible =
      `AND(OR(${c("K1")}="Ja",${c("K1")}="n.v.t."),${c("K2")}="Ja",${c("K3")}>=2,${c("K4")}="Ja",` +
      `${c("K5")}="Ja",${c("K6")}="Ja",${c("K7")}>=${rate}*32*13,${rate}<=75,${c("E1")}<=5,` +
      `${c("E2")}="Ja",${c("E3")}>=2)`;
    const points = `IF(${c("G9")}>=10,50,0)+IF(${c("G10")}="Ja",30,0)+IF(${c("G11")}>=1,20,0)`;
    const row = sheet.getRow(r);
    row.getCell(first).value = {
      formula:
        `IF(ISNUMBER(${c("Uurtarief")}),${c("Uurtarief")},` +
        `IFERROR(_xlfn.NUMBERVALUE(TRIM(SUBSTITUTE(${c("Uurtarief")},"€","")),",","."),""))`,
    };
    row.getCell(first + 1).value = { formula: `IF(${complete},IF(${eligible},${points},""),"")` };
    const scores = `$${scoreCol}$2:$${scoreCol}$${last}`;
    const rates = `$${rateCol}$2:$${rateCol}$${last}`;
    row.getCell(first + 2).value = {
      formula:
        `IF(ISNUMBER(${scoreCol}${r}),_xlfn.RANK.EQ(${scoreCol}${r},${scores},0)` +
        `+COUNTIFS(${scores},${scoreCol}${r},${rates},"<"&${rate}),"")`,
    };
    row.getCell(first + 3).value = {
      formula: `IF(ISNUMBER(${rankCol}${r}),IF(${rankCol}${r}<=${topN},"Ja","Nee"),"")`,
    };
  }
  await workbook.xlsx.writeFile(native);
}

/** The native ranks from LibreOffice's CSV of the Kandidaten sheet, by candidate name. */
function nativeRanks(csvFile: string): Map<string, number | null> {
  const [head, ...rows] = csvRows(fs.readFileSync(csvFile, "utf8"));
  const name = head.indexOf("Kandidaat");
  const rank = head.indexOf(nativeHeaders[2]);
  if (name < 0 || rank < 0) throw new Error(`no Kandidaat or rank column in ${csvFile}`);
  return new Map(
    rows
      .filter((row) => row[name])
      .map((row) => [row[name], row[rank] === "" ? null : Number(row[rank])] as const)
  );
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

async function main(): Promise<void> {
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-native-"));
  // One profile for every conversion, made once before any timing: a first start builds it.
  const profileUrl = profile(dir);
  const results: Record<string, unknown> = {};
  try {
    for (const n of sizes) {
      const plain = path.join(dir, `kandidaten-${n}.xlsx`);
      const native = path.join(dir, `native-${n}.xlsx`);
      const runs = runsFor(n);
      timed(process.execPath, [bin, "example", "--candidates", String(n), "--out", plain]);
      await blankPeriods(plain);
      await addFormulas(plain, native);
      const out = path.join(dir, `out-${n}`);
      fs.mkdirSync(out);
      if (Object.keys(results).length === 0) libreOffice(profileUrl, plain, out); // warm-up, untimed

      const baselineMs = median(runs, () => libreOffice(profileUrl, plain, out));
      const nativeMs = median(runs, () => libreOffice(profileUrl, native, out));
      const jsonFile = path.join(dir, `score-${n}.json`);
      const scoreMs = median(runs, () =>
        timed(process.execPath, [
          bin,
          "score",
          plain,
          "--out",
          path.join(dir, `scored-${n}.xlsx`),
          "--json",
          jsonFile,
        ])
      );

      const ours = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as {
        candidates: Array<{ name: string; rank: number | null; top: boolean }>;
      };
      const theirs = nativeRanks(path.join(out, `native-${n}-Kandidaten.csv`));
      let same = 0;
      let sameTop = 0;
      const differ: string[] = [];
      for (const c of ours.candidates) {
        const rank = theirs.get(c.name);
        if (rank === (c.rank ?? null)) same++;
        else if (differ.length < 5) differ.push(`${c.name}: ${c.rank ?? "-"} / ${rank ?? "-"}`);
        if ((rank !== null && rank !== undefined && rank <= topN) === c.top) sameTop++;
      }
      const formulaMs = nativeMs - baselineMs;
      results[n] = {
        runs,
        fileMb: round(fs.statSync(native).size / 1024 / 1024),
        libreOfficeFormulasMs: Math.round(nativeMs),
        libreOfficeWithoutFormulasMs: Math.round(baselineMs),
        formulaCostMs: Math.round(formulaMs),
        awardscoreScoreMs: Math.round(scoreMs),
        ratio: round(nativeMs / scoreMs),
        formulaCostRatio: round(formulaMs / scoreMs),
        agreement: { candidates: ours.candidates.length, sameRank: same, sameTop10: sameTop },
      };
      console.log(
        `${String(n).padStart(6)} kandidaten: LibreOffice met formules ${Math.round(nativeMs)} ms ` +
          `(zonder formules ${Math.round(baselineMs)} ms, formules ${Math.round(formulaMs)} ms) | ` +
          `awardscore score ${Math.round(scoreMs)} ms | verhouding ${round(nativeMs / scoreMs)}× | ` +
          `zelfde rang ${same}/${ours.candidates.length}, zelfde top 10 ${sameTop}/${ours.candidates.length}`
      );
      if (differ.length > 0)
        console.log(`  verschillen (awardscore / formules): ${differ.join("; ")}`);
    }
  } finally {
    if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ bench: "native", node: process.version, results }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
