/**
 * Issue 18, "Done when" 2: round trips with real programs. The template, the example
 * (its open rows decided and its draw recorded first, test/workbook/decide.ts, so that
 * `share` may share it) and that example scored, each opened and saved by LibreOffice
 * (headless, private profile) and by openpyxl (Debian's python3-openpyxl, through
 * scripts/openpyxl-resave.py), then scored and shared: the same verdicts as the original
 * (status, knock-outs, score, rank, top per candidate from --json), and `share` ends as it
 * does for the original, with a municipality's workbook of the same values.
 * Every problem of a round trip is listed in its one test. In the same LibreOffice start, the
 * example as shipped and scored are saved for the package reader (src/xlsx/package): it must
 * give the evaluator snapshot ExcelJS gives of what LibreOffice wrote.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import type { ScoreReport } from "../../src/cli/report";
import { exampleWorkbook } from "../../src/cli/example";
import { awardscore, root, scratch, type Ran } from "../cli/helpers";
import { evaluatorSnapshot } from "../../src/cli/commands";
import { packageEvaluatorSnapshot } from "../../src/xlsx/package/snapshot";
import { readPackage } from "../../src/xlsx/package/zip";
import { finalise } from "../workbook/decide";
import { convert, soffice } from "./libreoffice";
import { excelJs, meaning } from "./package/helpers";

/** Debian's Python with python3-openpyxl (not pyenv's `python3` on PATH). */
const python = "/usr/bin/python3";
const resaveScript = path.join(root, "scripts/openpyxl-resave.py");

/** Whether Debian's Python can import openpyxl. */
function hasOpenpyxl(): boolean {
  try {
    execFileSync(python, ["-c", "import openpyxl"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

const openpyxl = hasOpenpyxl();
if (!soffice) console.warn("LibreOffice (soffice) is not installed: no LibreOffice round trips.");
if (!openpyxl) console.warn(`${python} cannot import openpyxl: no openpyxl round trips.`);

/** The workbooks that go round: how each is made in `dir`, as `<key>.xlsx`. */
const originals = [
  {
    key: "template",
    what: "the template",
    make: async (dir: string) => {
      const ran = await awardscore(
        "template",
        "--preset",
        "17040",
        "--out",
        path.join(dir, "template.xlsx")
      );
      expect(ran.code).toBe(0);
    },
  },
  {
    key: "example",
    what: "the example, decided",
    make: async (dir: string) => {
      const workbook = exampleWorkbook();
      finalise(workbook);
      await workbook.xlsx.writeFile(path.join(dir, "example.xlsx"));
    },
  },
  {
    key: "scored",
    what: "the example, decided and scored",
    make: async (dir: string) => {
      const out = path.join(dir, "scored.xlsx");
      const ran = await awardscore("score", path.join(dir, "example.xlsx"), "--out", out);
      expect(ran.code).toBe(0);
    },
  },
] as const;

/** The programs that open and save them: each saves every file of `files` into `outdir`, same name. */
const programs = [
  {
    name: "LibreOffice",
    available: !!soffice,
    resave: (dir: string, files: string[], outdir: string) =>
      convert(dir, files, "xlsx", outdir, 240_000),
  },
  {
    name: "openpyxl",
    available: openpyxl,
    resave: (_dir: string, files: string[], outdir: string) => {
      for (const file of files)
        execFileSync(python, [resaveScript, file, path.join(outdir, path.basename(file))], {
          stdio: "pipe",
          timeout: 60_000,
        });
    },
  },
];

/** A run in one line for a problem list. */
function said(command: string, ran: Ran): string {
  return `${command}: exit ${ran.code}: ${ran.stderr.split("\n").slice(0, 3).join(" / ")}`;
}

/** What the scoring decided per candidate, from its --json report. */
function verdicts(report: ScoreReport) {
  return report.candidates.map((c) => ({
    row: c.row,
    name: c.name,
    status: c.status,
    failed: c.failed,
    score: c.score,
    rank: c.rank,
    top: c.top,
    needsDraw: c.needsDraw,
    drawn: c.drawn,
  }));
}

/** Every sheet's values as text, by sheet name (what the municipality reads). */
async function sheetValues(file: string): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      rows[r - 1] = values.map((v) => (v === null || v === undefined ? "" : JSON.stringify(v)));
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

/** The first differences between two workbooks' values, in words. */
function valueDifferences(
  original: Record<string, string[][]>,
  again: Record<string, string[][]>
): string[] {
  const found: string[] = [];
  const names = [...new Set([...Object.keys(original), ...Object.keys(again)])];
  for (const name of names) {
    if (!original[name] || !again[name]) {
      found.push(`sheet ${name}: ${original[name] ? "missing" : "added"}`);
      continue;
    }
    const rows = Math.max(original[name].length, again[name].length);
    for (let r = 0; r < rows; r++) {
      const a = original[name][r] ?? [];
      const b = again[name][r] ?? [];
      for (let c = 0; c < Math.max(a.length, b.length); c++)
        if ((a[c] ?? "") !== (b[c] ?? ""))
          found.push(`${name} row ${r + 1} column ${c + 1}: ${a[c] ?? ""} → ${b[c] ?? ""}`);
    }
  }
  return found.slice(0, 10);
}

/** What `score` and `share` made of one workbook, in `dir`. */
interface Outcome {
  score: Ran;
  verdicts?: ReturnType<typeof verdicts>;
  share: Ran;
  shared?: Record<string, string[][]>;
}

/** Scores and shares `file`, its outputs beside it as `<name>-<what>`. */
async function scoreAndShare(file: string): Promise<Outcome> {
  const base = file.replace(/\.xlsx$/, "");
  const json = `${base}-report.json`;
  const score = await awardscore("score", file, "--out", `${base}-scored.xlsx`, "--json", json);
  const outcome: Outcome = {
    score,
    share: await awardscore("share", file, "--out", `${base}-shared.xlsx`),
  };
  if (score.code === 0) outcome.verdicts = verdicts(JSON.parse(fs.readFileSync(json, "utf8")));
  if (outcome.share.code === 0) outcome.shared = await sheetValues(`${base}-shared.xlsx`);
  return outcome;
}

const dir = scratch();
const originalOutcomes = new Map<string, Promise<Outcome>>();
/**
 * For the package reader (src/xlsx/package): the example as shipped and scored, saved by
 * LibreOffice in the round trip's own start (a start costs seconds of CPU).
 */
const shipped = ["voorbeeld.xlsx", "beoordeeld.xlsx"];

beforeAll(async () => {
  for (const original of originals) await original.make(dir);
  const example = path.join(dir, shipped[0]);
  fs.copyFileSync(path.join(root, "examples/aanvraag-17040.xlsx"), example);
  expect((await awardscore("score", example, "--out", path.join(dir, shipped[1]))).stderr).toBe("");
  fs.mkdirSync(path.join(dir, "original"));
  for (const original of originals) {
    const file = path.join(dir, "original", `${original.key}.xlsx`);
    fs.copyFileSync(path.join(dir, `${original.key}.xlsx`), file);
    originalOutcomes.set(original.key, scoreAndShare(file));
  }
  await Promise.all(originalOutcomes.values());
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the originals score, and share as far as the top allows", async () => {
  const template = await originalOutcomes.get("template")!;
  const example = await originalOutcomes.get("example")!;
  const scored = await originalOutcomes.get("scored")!;
  for (const outcome of [template, example, scored]) expect(outcome.score.code).toBe(0);
  // The decided example has a final top: its share makes the municipality's workbook.
  expect(example.verdicts!.length).toBeGreaterThan(10);
  expect(example.share.code).toBe(0);
  expect(scored.verdicts).toEqual(example.verdicts);
});

for (const program of programs) {
  const each = program.available ? describe : describe.skip;
  each(`saved by ${program.name}`, () => {
    const saved = path.join(dir, program.name);
    let resaved: string | undefined;

    beforeAll(() => {
      fs.mkdirSync(saved);
      try {
        program.resave(
          path.join(dir, `${program.name}-profile`),
          [
            ...originals.map((o) => `${o.key}.xlsx`),
            ...(program.name === "LibreOffice" ? shipped : []),
          ].map((name) => path.join(dir, name)),
          saved
        );
      } catch (error) {
        resaved = `${program.name} could not save: ${(error as Error).message}`;
      }
    }, 300_000);

    test.each(originals.map((o) => ({ ...o })))(
      `$what, saved by ${program.name}: scored and shared as the original`,
      async ({ key }) => {
        expect(resaved).toBeUndefined();
        const file = path.join(saved, `${key}.xlsx`);
        expect(fs.existsSync(file)).toBe(true);
        const original = await originalOutcomes.get(key)!;
        const again = await scoreAndShare(file);
        const problems: string[] = [];
        if (again.score.code !== 0) problems.push(said("score", again.score));
        else if (JSON.stringify(again.verdicts) !== JSON.stringify(original.verdicts)) {
          const before = original.verdicts ?? [];
          const after = again.verdicts ?? [];
          problems.push(`verdicts: ${before.length} candidates before, ${after.length} after`);
          for (let i = 0; i < Math.max(before.length, after.length); i++)
            if (JSON.stringify(before[i]) !== JSON.stringify(after[i]))
              problems.push(`verdict ${JSON.stringify(before[i])} → ${JSON.stringify(after[i])}`);
        }
        if (again.share.code !== original.share.code)
          problems.push(
            `${said("share", again.share)} (the original: exit ${original.share.code})`
          );
        else if (original.shared && again.shared)
          problems.push(
            ...valueDifferences(original.shared, again.shared).map((d) => `shared ${d}`)
          );
        expect(problems).toEqual([]);
      },
      120_000
    );

    if (program.name === "LibreOffice")
      test("the package reader: the example and a scored file saved by LibreOffice give the snapshots ExcelJS gives", async () => {
        expect(resaved).toBeUndefined();
        for (const name of shipped) {
          const bytes = fs.readFileSync(path.join(saved, name));
          const pkg = await readPackage(bytes);
          const loaded = await excelJs(bytes);
          const evaluator = packageEvaluatorSnapshot(pkg);
          // LibreOffice leaves out headerRowCount: the tables keep their header row.
          expect(evaluator.sheets.find((s) => s.name === "Kandidaten")?.tables[0]?.headerRow).toBe(
            1
          );
          expect(meaning(evaluator)).toEqual(meaning(evaluatorSnapshot(loaded)));
        }
      });
  });
}
