/**
 * The corpus of bad workbooks (test/cases/bad-input): every case through both
 * paths. The command (`awardscore score` in-process on an .xlsx in a temporary
 * folder): its exit code, the problems or the error with their cells, the input
 * file's bytes unchanged. The add-in (`runScore` through Microsoft's Excel client on the Excel simulator holding the same
 * workbook as Excel shows it): the same message and cells, no other exception,
 * and every cell that held something before holds the same afterwards.
 */
import crypto from "crypto";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { request17040 } from "../../src/engine";
import { runScore } from "../../src/office";
import { readCandidates } from "../../src/workbook/inputs";
import { WorkbookError, type SheetProblem } from "../../src/workbook/problems";
import { awardscore, scratch } from "../cli/helpers";
import { simulateExcel, type FakeWorkbookState } from "../office/simulator";
import { writeXlsx } from "../../src/cli/writeXlsx";
import { readSnapshot } from "../../src/xlsx/read";
import { stateFromWorkbook } from "../office/helpers";
import { buildCase, type CaseInput } from "./bad-input/build";

/** What a case must give, the same through both paths. */
interface Expected {
  /** 0: scored (problems at their cells); 2: not scored (a Dutch error, cells to fix when any). */
  exit: 0 | 2;
  error?: string;
  problems: SheetProblem[];
  /** Status per candidate name, where the case decides it. */
  statuses?: Record<string, string>;
  /** The number of candidates scored, where the case decides it. */
  candidates?: number;
}

interface Case {
  name: string;
  covers: string;
  input: CaseInput;
  expected: Expected;
  /** Where Excel itself shows the workbook differently from the file (it calculates formulas on opening): what the add-in gives, and why. */
  addIn?: Expected & { why: string };
}

const root = path.join(__dirname, "bad-input");
const cases = JSON.parse(fs.readFileSync(path.join(root, "cases.json"), "utf8")) as Case[];
const discover = process.env.BAD_INPUT_DISCOVER === "1";

/** `  Kandidaten!C3: …` or `  'Mijn blad'!C3: …` as a problem. */
function parseProblemLine(line: string): SheetProblem {
  const match = /^ {2}(?:'((?:[^']|'')+)'|([^!']+))!([A-Z]+\d+): (.*)$/.exec(line);
  if (!match) throw new Error(`Not a problem line: ${line}`);
  return { sheet: (match[1] ?? match[2]).replace(/''/g, "'"), cell: match[3], message: match[4] };
}

/** Every cell with a value or a formula, as `sheet!row,column` → value and formula. */
function filledCells(state: FakeWorkbookState): Map<string, string> {
  const cells = new Map<string, string>();
  for (const sheet of state.sheets)
    for (const [key, cell] of sheet.cells)
      if (cell.value !== "" || cell.formula)
        cells.set(`${sheet.name}!${key}`, JSON.stringify([cell.value, cell.formula ?? null]));
  return cells;
}

/**
 * The cells of `before` that `after` no longer holds the same: each looked up, not every
 * cell of `after` listed (a table of 100,000 rows gets 600,000 formulas from the scoring).
 */
function changedCells(before: Map<string, string>, after: FakeWorkbookState): string[] {
  const sheets = new Map(after.sheets.map((sheet) => [sheet.name, sheet]));
  const now = (key: string): string | undefined => {
    const at = key.lastIndexOf("!");
    const cell = sheets.get(key.slice(0, at))?.cells.get(key.slice(at + 1));
    return cell && (cell.value !== "" || cell.formula)
      ? JSON.stringify([cell.value, cell.formula ?? null])
      : undefined;
  };
  return [...before].filter(([key, value]) => now(key) !== value).map(([key]) => key);
}

type Outcome = Omit<Expected, "statuses" | "candidates"> & {
  statuses: Record<string, string>;
  candidates: number;
};

/** The command on the case's file. */
async function throughCli(c: Case, file: string, dir: string): Promise<Outcome> {
  const json = path.join(dir, "uit.json");
  const preset = c.input.request === "preset" ? ["--preset", "17040"] : [];
  const ran = await awardscore("score", file, "--json", json, ...preset);
  if (ran.code === 0) {
    const report = JSON.parse(fs.readFileSync(json, "utf8")) as {
      candidates: Array<{ name: string; status: string }>;
      problems: SheetProblem[];
    };
    return {
      exit: 0,
      problems: report.problems,
      statuses: Object.fromEntries(report.candidates.map((x) => [x.name, x.status])),
      candidates: report.candidates.length,
    };
  }
  if (ran.code !== 2) throw new Error(`exit ${ran.code}: ${ran.stderr}`);
  const [error, ...lines] = ran.stderr.split("\n");
  return {
    exit: 2,
    error,
    problems: lines.filter((l) => l.startsWith("  ")).map(parseProblemLine),
    statuses: {},
    candidates: 0,
  };
}

/** The add-in's use case, through Microsoft's client, on the simulator holding the case's workbook. */
async function throughAddIn(
  c: Case,
  workbook: ExcelJS.Workbook
): Promise<Outcome & { changed: string[]; requestBytes: number }> {
  const excel = simulateExcel(stateFromWorkbook(workbook));
  const before = filledCells(excel.state);
  const options = c.input.request === "preset" ? { preset: "17040" } : {};
  let outcome: Outcome;
  try {
    const scored = await runScore(excel.host, options);
    outcome = {
      exit: 0,
      problems: scored.problems,
      statuses: Object.fromEntries(scored.evaluation.candidates.map((x) => [x.name, x.status])),
      candidates: scored.evaluation.candidates.length,
    };
  } catch (error) {
    // Only the Dutch WorkbookError may leave the use case.
    if (!(error instanceof WorkbookError)) throw error;
    outcome = {
      exit: 2,
      error: error.message,
      problems: error.problems,
      statuses: {},
      candidates: 0,
    };
  }
  return {
    ...outcome,
    changed: changedCells(before, excel.state),
    requestBytes: excel.last().requestBytes.reduce((a, b) => a + b, 0),
  };
}

/** The outcome as the case states it: statuses and counts only where the case decides them. */
function comparable(outcome: Outcome, expected: Expected): Expected {
  const out: Expected = { exit: outcome.exit, problems: outcome.problems };
  if (outcome.error !== undefined) out.error = outcome.error;
  if (expected.statuses)
    out.statuses = Object.fromEntries(
      Object.keys(expected.statuses).map((name) => [name, outcome.statuses[name]])
    );
  if (expected.candidates !== undefined) out.candidates = outcome.candidates;
  return out;
}

test("the corpus has at least 40 cases, each named once", () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
});

/** The table stretched over 100,000 empty rows: a case's input, and the last test's. */
const stretched: CaseInput = { tableRows: 100_000 };
/**
 * The stretched case's file as read back: built and read once. Only that one is kept: 89
 * workbooks held to the end of the file cost their collection time in every later case.
 */
let stretchedLoaded: ExcelJS.Workbook | undefined;

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
  let bytes: Buffer;
  let file: string;
  let dir: string;
  /** The file as read back, and its filled cells. */
  let loaded: ExcelJS.Workbook;
  let inputCells: Map<string, string>;
  beforeAll(async () => {
    dir = scratch();
    file = path.join(dir, "aanvraag.xlsx");
    // The parts ExcelJS's writeBuffer makes, deflated by zlib (src/cli/writeXlsx.ts), not pako.
    await writeXlsx(buildCase(c.input), file, 1);
    bytes = fs.readFileSync(file);
    loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(bytes as unknown as ArrayBuffer);
    if (JSON.stringify(c.input) === JSON.stringify(stretched)) stretchedLoaded = loaded;
    inputCells = filledCells(stateFromWorkbook(loaded));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    // Jest holds this block's functions to the end of the file, and so what they refer to.
    loaded = undefined as unknown as ExcelJS.Workbook;
    inputCells = new Map();
    bytes = Buffer.alloc(0);
  });

  test("command: exit code, message and cell; the input file is unchanged", async () => {
    const hash = crypto.createHash("sha256").update(bytes).digest("hex");
    const outcome = await throughCli(c, file, dir);
    if (discover) console.log(JSON.stringify({ name: c.name, cli: outcome }));
    else expect(comparable(outcome, c.expected)).toEqual(c.expected);
    expect(crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")).toBe(hash);

    // The scored copy holds every input cell as it was; when not scored, there is no copy.
    const out = path.join(dir, "aanvraag-beoordeeld.xlsx");
    if (outcome.exit === 2) expect(fs.existsSync(out)).toBe(false);
    else {
      const scored = new ExcelJS.Workbook();
      await scored.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
      expect(changedCells(inputCells, stateFromWorkbook(scored))).toEqual([]);
    }
  });

  test("add-in: the same message and cell, no exception, input cells unchanged", async () => {
    const { changed, requestBytes, ...outcome } = await throughAddIn(c, loaded);
    if (discover) console.log(JSON.stringify({ name: c.name, addIn: outcome }));
    else {
      const { why, ...expected } = c.addIn ?? { why: "", ...c.expected };
      expect(why === "" || why.length > 20).toBe(true);
      expect(comparable(outcome, expected)).toEqual(expected);
    }
    expect(changed).toEqual([]);
    // Three candidates' outputs, a Ranking sheet and the Verantwoording record (about 18 KB of
    // it fixed: the rules as JSON and in words): never a write per empty row (100,000 of them).
    expect(requestBytes).toBeLessThan(150_000);
  });
});

test("a table stretched over 100,000 empty rows is read down to its last filled row only", async () => {
  let workbook = stretchedLoaded;
  if (!workbook) {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildCase(stretched).xlsx.writeBuffer()) as ArrayBuffer);
  }
  const snapshot = readSnapshot(workbook);
  expect(snapshot.sheets.find((s) => s.name === "Kandidaten")?.tables[0].rowCount).toBe(100_000);
  const candidates = readCandidates(snapshot, request17040);
  expect(candidates.inputs.map((c) => c.name)).toEqual(["Ans", "Bram", "Cor"]);
  expect(candidates.region.lastDataRow).toBe(4);
});
