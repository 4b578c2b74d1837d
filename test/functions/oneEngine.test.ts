/**
 * One engine: for every candidate row, the FLEX functions (composed as the
 * formulas of formulas.ts compose them) give the same knock-out, score, rank and
 * top verdict as the engine's evaluate — through `awardscore score --json` on
 * examples/aanvraag-17040.xlsx when that file exists, and always on the
 * candidates below.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import {
  evaluate,
  request17040,
  type CandidateInput,
  type CellValue,
  type PeriodInput,
} from "../../src/engine";
import { compileCliBeforeAll } from "../cli/helpers";
import { awardScore } from "../../src/functions/award";
import { FunctionError } from "../../src/functions/errors";
import { knockout } from "../../src/functions/knockout";
import { rank, ranking, top } from "../../src/functions/ranking";
import { years } from "../../src/functions/years";
import { awardCriteria17040, knockoutCriteria17040, limits17040 } from "./helpers";

/** The command's side of the comparison runs lib/, compiled from the current sources. */
compileCliBeforeAll();

/** What `awardscore score --json` says of a candidate (the fields compared here). */
interface Verdict {
  row: number;
  name: string;
  status: string;
  failed: string[];
  score: number | null;
  rank: number | null;
  top: boolean;
  needsDraw: boolean;
}

const root = path.resolve(__dirname, "../..");
const example = path.join(root, "examples/aanvraag-17040.xlsx");
const knockoutIds = ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "E1", "E2", "E3"];
const awardIds = ["G9", "G10", "G11"];
const windows: Record<string, number | undefined> = Object.fromEntries(
  [...request17040.knockouts, ...request17040.awards].map((c) => [c.id, c.windowYears])
);

/** A function's result, or its error as Excel passes an error cell on. */
function cell(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (error instanceof FunctionError) return { code: error.code, message: error.message };
    throw error;
  }
}

const isError = (value: unknown) => typeof value === "object" && value !== null;

/** The output columns of a table, computed cell by cell as Excel would with the formulas of formulas.ts. */
function flexColumns(rows: CandidateInput[], periods: PeriodInput[]) {
  const column = (pick: (p: PeriodInput) => CellValue) => periods.map((p) => [pick(p)]);
  const history = {
    from: column((p) => p.from),
    to: column((p) => p.to),
    candidates: column((p) => p.candidate),
    countsFor: column((p) => p.countsFor),
  };
  /** A years cell: from the work history where it has periods (FLEX.YEARS), else as typed (IFNA). */
  const value = (row: CandidateInput, id: string): unknown => {
    if (windows[id] === undefined || periods.length === 0) return row.values[id];
    const fromHistory = cell(() =>
      years(history.from, history.to, request17040.referenceDate, windows[id], {
        candidates: history.candidates,
        candidate: row.name,
        countsFor: history.countsFor,
        criterion: id,
      })
    );
    return isError(fromHistory) && (fromHistory as { code: string }).code === "#N/A"
      ? row.values[id]
      : fromHistory;
  };
  const knockouts = rows.map((row) => {
    if (String(row.name ?? "").trim() === "") return "";
    const ids = knockoutIds.filter((id) => id in row.values);
    return cell(() =>
      knockout([ids.map((id) => value(row, id))], knockoutCriteria17040, row.rate, limits17040, [
        ids,
      ])
    );
  });
  // FLEX.AWARDSCORE itself scores every row with a verdict; the Score formula shows it only for OK.
  const points = rows.map((row, i) =>
    isError(knockouts[i]) || knockouts[i] === ""
      ? ""
      : cell(() =>
          awardScore([awardIds.map((id) => value(row, id))], awardCriteria17040, [awardIds])
        )
  );
  const scores = points.map((p, i) => (knockouts[i] === "OK" ? p : ""));
  // As the set-up's formula passes them to FLEX.RANKING: each whole column once, N×1.
  const columns = {
    scores: scores.map((score) => [score]),
    rates: rows.map((r) => [r.rate]),
    draws: rows.map((r) => [r.drawOrder ?? null]),
  };
  const spill = ranking(columns, 10).map((line) =>
    line.map((c) => (c instanceof FunctionError ? { code: c.code, message: c.message } : c))
  );
  return rows.map((row, i) => {
    const own = { score: scores[i], rate: row.rate, draw: row.drawOrder };
    const named = String(row.name ?? "").trim() !== "";
    // Rang and Top 10 pick the row from the spill (INDEX); FLEX.RANK and FLEX.TOP, each call
    // with its own copy of the columns as Excel hands them over, say the same for that row.
    expect(spill[i][0]).toEqual(cell(() => rank(own, structuredClone(columns))));
    expect(spill[i][1]).toEqual(cell(() => top(own, structuredClone(columns), 10)));
    return {
      knockout: knockouts[i],
      points: points[i],
      score: scores[i],
      rank: spill[i][0],
      top: named ? spill[i][1] : "",
    };
  });
}

function expectSame(rows: CandidateInput[], periods: PeriodInput[], verdicts: Verdict[]): void {
  const flex = flexColumns(rows, periods);
  const byRow = new Map(rows.map((row, i) => [row.row, flex[i]]));
  expect(verdicts.length).toBeGreaterThan(0);
  for (const verdict of verdicts) {
    const got = byRow.get(verdict.row);
    const seen = {
      row: verdict.row,
      failed:
        typeof got?.knockout === "string" && got.knockout !== "OK"
          ? got.knockout
              .split("; ")
              .filter(Boolean)
              .map((part) => part.replace(/^CV-eis /, "")) // a CV requirement is named as one
          : [],
      eligible: got?.knockout === "OK" && typeof got.score === "number",
      // The Score column as the formula fills it: only a row whose verdict is OK has one, as in the engine
      // (a knocked-out candidate is not assessed further, issue 17).
      score: typeof got?.score === "number" ? got.score : null,
      rank: got?.rank === "" ? null : got?.rank,
      top: got?.top === "Ja",
      needsDraw: got?.top === "Loting",
    };
    expect(seen).toEqual({
      row: verdict.row,
      failed: verdict.failed,
      eligible: verdict.status === "eligible",
      score: verdict.score,
      rank: verdict.rank,
      top: verdict.top,
      needsDraw: verdict.needsDraw,
    });
  }
}

// --- the candidates of this test: every status, ties inside the top ten and at place ten, a draw ---

const passing: Record<string, CellValue> = {
  K1: "Ja",
  K2: "Ja",
  K3: 5,
  K4: "Ja",
  K5: "Ja",
  K6: "Ja",
  K7: "€ 1.000.000",
  G9: 12,
  G10: "Ja",
  G11: 2,
};
/** Award values per score: 100, 80, 70, 50, 30, 20, 0. */
const awardsFor: Record<number, Record<string, CellValue>> = {
  100: { G9: 12, G10: "Ja", G11: 2 },
  80: { G9: 10, G10: "Ja", G11: 0 },
  70: { G9: 12, G10: "Nee", G11: "1,0" },
  50: { G9: "10 jaar", G10: "Nee", G11: 0 },
  30: { G9: 0, G10: "ja", G11: 0 },
  20: { G9: "9,99", G10: "Nee", G11: 1 },
  0: { G9: 0, G10: "Nee", G11: 0 },
};

let nextRow = 2;
function candidate(
  name: CellValue,
  score: number,
  rate: CellValue,
  extra: Record<string, CellValue> = {},
  drawOrder: CellValue = null
): CandidateInput {
  return {
    row: nextRow++,
    name,
    rate,
    drawOrder,
    values: { ...passing, ...awardsFor[score], ...extra },
  };
}

function inTestCandidates(draws: boolean): CandidateInput[] {
  nextRow = 2;
  return [
    candidate("Ans", 100, 70),
    candidate("Bram", 100, "65,00"),
    candidate("Cor", 80, 70),
    candidate("Dina", 80, "€ 70,00"),
    candidate("Eef", 80, 70),
    // Places 9 to 11: a tie that straddles place 10 until the draw is recorded.
    candidate("Fleur", 70, 60, {}, draws ? 3 : null),
    candidate("Gert", 70, "60", {}, draws ? 1 : null),
    candidate("Hans", 70, 60, {}, draws ? 2 : null),
    candidate("Ilse", 50, 72),
    candidate("Joop", 30, 70),
    candidate("Kees", 30, 70),
    candidate("Lot", 30, 70, {}, 1),
    candidate("Mo", 20, 74),
    candidate("Nina", 100, 75),
    candidate("Otto", 100, "75,01"),
    candidate("Piet", 100, 80, { K2: "Nee", K3: "1,99" }),
    candidate("Quinten", 100, 70, { K1: "n.v.t.", K3: 2, G9: 10 }),
    candidate("Rosa", 100, 70, { K5: "" }),
    candidate("Sem", 100, 70, { K4: "misschien" }),
    candidate("Tess", 100, 70, { G10: "" }),
    candidate("Uri", 100, "", {}),
    candidate("Vera", 80, 70, { K7: 29119.99 }),
    candidate("Wim", 0, 70, { K3: 0 }),
    candidate("Xander", 100, 70, { K3: 0, G9: 0 }),
    candidate(null, 100, 70),
    candidate("Yara", 100, 70, { K6: "Nee", G11: "" }),
    candidate("Zoë", 100, 70, { E1: 6, E2: "Ja", E3: 2 }),
  ];
}

const periods: PeriodInput[] = [
  { row: 2, candidate: "Xander", countsFor: "K3, G9", from: "04-10-2012", to: "" },
  { row: 3, candidate: "Wim", countsFor: "K3", from: "04-10-2023", to: "" },
  { row: 4, candidate: "Wim", countsFor: "K3", from: "01-01-2023", to: "31-03-2024" },
];

describe("one engine: FLEX functions and evaluate", () => {
  test.each([
    ["without draws (a tie straddles place 10)", false],
    ["with the draw recorded", true],
  ])("the in-test candidates, %s", (_, draws) => {
    const rows = inTestCandidates(draws);
    const evaluation = evaluate(request17040, rows, periods);
    const statuses = new Set(evaluation.candidates.map((c) => c.status));
    expect(statuses).toEqual(new Set(["eligible", "knockedOut", "incomplete"]));
    expect(evaluation.candidates.some((c) => c.needsDraw)).toBe(!draws);
    expectSame(rows, periods, evaluation.candidates);
  });
});

// --- the example workbook and the headless command, where they exist ---

/** An ExcelJS cell value as the engine's cell value. */
function fromExcel(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value as CellValue;
  if ("result" in value) return fromExcel(value.result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("text" in value) return String(value.text);
  if ("error" in value) return { error: String(value.error) };
  return null;
}

async function readExample(): Promise<{ rows: CandidateInput[]; periods: PeriodInput[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(example);
  const sheetRows = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet)
      return {
        headers: [] as string[],
        rows: [] as Array<{ row: number; get: (h: string) => CellValue }>,
      };
    // ExcelJS gives a sparse array (index 0 and empty cells are holes): fill them.
    const headers = Array.from(sheet.getRow(1).values as ExcelJS.CellValue[], (v) =>
      String(fromExcel(v) ?? "").trim()
    );
    const rows = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const values = sheet.getRow(r).values as ExcelJS.CellValue[];
      rows.push({
        row: r,
        get: (h: string) =>
          fromExcel(values[headers.findIndex((x) => x === h || x.split(" ")[0] === h)]),
      });
    }
    return { headers, rows };
  };
  const kandidaten = sheetRows("Kandidaten");
  const ids = [...knockoutIds, ...awardIds].filter((id) =>
    kandidaten.headers.some((h) => h.split(" ")[0] === id)
  );
  const rows = kandidaten.rows.map(({ row, get }) => ({
    row,
    name: get("Kandidaat"),
    rate: get("Uurtarief"),
    drawOrder: get("Loting"),
    values: Object.fromEntries(ids.map((id) => [id, get(id)])),
  }));
  const werk = sheetRows("Werkervaring");
  const periodRows = werk.rows.map(({ row, get }) => ({
    row,
    candidate: get("Kandidaat"),
    role: get("Functie"),
    countsFor: get("Telt voor"),
    from: get("Van"),
    to: get("Tot"),
  }));
  return { rows, periods: periodRows };
}

const withExample = fs.existsSync(example) ? test : test.skip;

withExample(
  "examples/aanvraag-17040.xlsx: every row as `awardscore score --json` says",
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-json-"));
    const out = path.join(dir, "score.json");
    const scratch = path.join(dir, "beoordeeld.xlsx");
    let json: { candidates: Verdict[] };
    try {
      execFileSync(
        process.execPath,
        [path.join(root, "bin/awardscore.js"), "score", example, "--out", scratch, "--json", out],
        {
          cwd: root,
          stdio: "pipe",
        }
      );
      json = JSON.parse(fs.readFileSync(out, "utf8")) as { candidates: Verdict[] };
    } finally {
      // Nothing is left in the temp folder, whether the command succeeded or not.
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const { rows, periods: history } = await readExample();
    expectSame(rows, history, json.candidates);
  }
);
