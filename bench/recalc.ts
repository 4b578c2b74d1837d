/**
 * The recalculation model of `npm run bench:functions` (bench/functions-bench.ts):
 * a `Kandidaten` table of request 17040 in memory, each design's formulas as a
 * small dependency description, and a recalculation that does for one changed
 * cell what Excel does with custom functions.
 *
 * A design is a list of formula kinds in calculation order. A kind fills a table
 * column (one formula per row) or one cell outside the table (the spill's
 * anchor). Per kind: the arguments it hands to its custom function (`args`, in
 * the function's order), what Excel itself reads in the same formula (`reads`:
 * IF, ISERROR, INDEX, TRIM; a dependency but no hand-over), and either the
 * custom function or, for a formula of native functions only, its work in
 * JavaScript. From the changed cell, {@link plan} finds the formulas that must
 * recalculate: a formula whose arguments or reads touch a changed cell, or a
 * whole column with a changed cell, or a changed spill; its output is changed in
 * turn. The calls and cells counted follow from that, not from a fixed number.
 *
 * Hand-over as Excel's custom-functions runtime does it: per call, every argument
 * arrives as JSON and is deserialised into a fresh copy (a range as rows of
 * cells, a single cell as its value), so {@link recalculate} serialises each
 * argument outside the clock (Excel's side; a column's JSON once per change of
 * that column, as the text is the same for every call) and parses it per call
 * inside the clock, just before the call. Cells handed over: every cell of every
 * argument of every call, a single cell counting 1. A native formula hands over
 * nothing (0 cells).
 *
 * The new design also has FLEX.WORKYEARS on Berekening (the years from Werkervaring,
 * one call for all rows); a changed score does not touch it, but each Knock-out and
 * Score call gets its row of that spill (k cells, picked by Excel's INDEX) and the ids.
 *
 * Blank typed cells: the old formulas passed cells as they are, and Excel on the
 * web hands a blank as null (so the model does; Windows hands 0, same size); the
 * new ones wrap every typed argument in IF(ISBLANK(x),"",x), so they arrive as "".
 */
import { historyCriteria, request17040, type Request } from "../src/engine";
import { awardScore } from "../src/functions/award";
import { DEFAULT_REQUEST_NAMES } from "../src/workbook/formulas";
import { KNOCKOUT_OK, knockout } from "../src/functions/knockout";
import { rank, ranking, top } from "../src/functions/ranking";
import { workYears } from "../src/functions/workYears";
import { candidateInputColumns } from "../src/workbook/layout";
import { requestSheetChanges } from "../src/workbook/requestWrite";

/**
 * A reference in a formula. `present`: passed as IF(ISBLANK(x),"",x), so a blank
 * arrives as "" (otherwise as null, as Excel on the web hands it).
 */
export type Ref =
  /** `[@[A]]` (one cell: its value) or `[@[A]]:[@[C]]` (1×k): this row's cells of these table columns. */
  | { kind: "row"; columns: string[]; present?: boolean }
  /** A whole table column: `TRANSPOSE(Kandidaten[[A]])` as one 1×N row, or `Kandidaten[[A]]` as N×1. */
  | { kind: "column"; column: string; shape: "1xN" | "Nx1"; present?: boolean }
  /** A range or cell outside the table by name: a criteria table, a header row, a setting, a spill (`'Berekening'!$A$3#`). */
  | { kind: "name"; name: string; present?: boolean }
  /** This row's row of a spill, picked natively: `INDEX('Berekening'!$D$3#,ROW()-…,{1,2,3})` (1×k). */
  | { kind: "spillRow"; name: string };

/** One kind of formula of a design. */
export interface FormulaKind {
  /** What it fills: a table column (a formula in every row) or one cell outside the table. */
  output: { column: string } | { name: string };
  /** The formula as set-up writes it (shortened for people). */
  formula: string;
  /** The custom function's arguments, in order; none for a native formula. */
  args: Ref[];
  /** What Excel itself reads in the formula (IF, ISERROR, INDEX, TRIM): a dependency, no hand-over. */
  reads: Ref[];
  /** The custom function, on the fresh copies of its arguments. */
  call?: (args: unknown[]) => unknown;
  /**
   * The formula's native IF around the call, e.g. `IF([@Knock-out]="OK",FLEX.…,"")`: where it
   * is false Excel does not call the function (no hand-over) and the cell shows `otherwise`.
   */
  guard?: { when: (sheet: Sheet, row: number) => boolean; otherwise: unknown };
  /** A formula of native functions only: its work on its row, modelled in JavaScript. */
  native?: (sheet: Sheet, row: number) => unknown;
}

/** A design: its formula kinds in an order where each reads only the outputs of kinds before it. */
export interface Design {
  name: "old" | "new";
  title: string;
  kinds: FormulaKind[];
}

/** The workbook's cells the formulas read: the table's columns and the named ranges and cells. */
export interface Sheet {
  n: number;
  /** Table columns by key (`G9`, `Score` …), one cell per row; null is a blank cell. */
  columns: Record<string, unknown[]>;
  /** Ranges and cells outside the table: a 2-D array for a range, the value for a cell. */
  names: Record<string, unknown>;
}

/** The cell that changes: a table column's key and a 0-based row. */
export interface Change {
  column: string;
  row: number;
  value: unknown;
}

/** Formulas that recalculate: a kind, and its rows (for a cell outside the table: [0]). */
export interface Step {
  kind: FormulaKind;
  rows: number[];
}

const RANKING_SPILL = "'Berekening'!$A$3#";
const HISTORY_SPILL = "'Berekening'!$D$3#";
const HISTORY_IDS = "'Berekening'!$D$2:$F$2";
/** The Werkervaring columns FLEX.WORKYEARS reads (the bench's table has no periods: one blank row). */
const PERIOD_COLUMNS = ["Kandidaat", "Telt voor", "Van", "Tot"].map((c) => `Werkervaring[[${c}]]`);
const request: Request = request17040;

// ---- The table ----

/** The table's column keys: ids for the criteria, short names for the rest. */
const knockoutKeys = request.knockouts.filter((k) => k.header).map((k) => k.id);
const awardKeys = request.awards.filter((a) => a.header).map((a) => a.id);

/** The 17040 values of a candidate who passes every knock-out and scores 100. */
const passing: Record<string, unknown> = {
  K1: "Ja",
  K2: "Ja",
  K3: 3,
  K4: "Ja",
  K5: "Ja",
  K6: "Ja",
  K7: 1_000_000,
  E1: 4,
  E2: "Ja",
  E3: 2,
  G9: 12,
  G10: "Ja",
  G11: 1,
};

/** The criteria table `name` with its header row, exactly as set-up writes it on `Aanvraag` (`[#All]`). */
function criteriaTable(name: string): unknown[][] {
  const changes = requestSheetChanges(request);
  const at = changes.findIndex((c) => c.kind === "createTable" && c.name === name);
  const values = changes[at - 1];
  if (at < 0 || values.kind !== "writeValues") throw new Error(`No table ${name} in set-up.`);
  return values.values.map((row) => [...row]);
}

/**
 * A table of n rows, as the functions bench always had it: 85 % of the rows
 * have a score (steps of 10 from 0 to 100, so ties on score are many), the
 * others none ("", as the Score formula gives a knocked-out row; those have K3
 * below 2 years and Knock-out `K3`); rates with cents from 55 to 75; a blank
 * Loting column. `changedRow` is a candidate with G9 12 years, G10 and G11 met:
 * the Score 100 of 17040. The Score of every other row is taken as the formula
 * left it; their award cells are those of a 100 too, as neither design reads
 * them after a change elsewhere.
 */
export function makeSheet(n: number, changedRow: number): Sheet {
  let seed = 17040;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const columns: Record<string, unknown[]> = {
    Kandidaat: [],
    Uurtarief: [],
    ...Object.fromEntries([...knockoutKeys, ...awardKeys].map((k) => [k, [] as unknown[]])),
    Loting: [],
    "Knock-out": [],
    Score: [],
    Rang: [],
    Top: [],
  };
  for (let i = 0; i < n; i++) {
    const scored = random() < 0.85;
    const score = scored ? Math.floor(random() * 11) * 10 : "";
    const rate = Math.round((55 + random() * 20) * 100) / 100;
    columns.Kandidaat.push(`Kandidaat ${i + 1}`);
    columns.Uurtarief.push(rate);
    for (const k of [...knockoutKeys, ...awardKeys]) columns[k].push(passing[k]);
    if (!scored) columns.K3[i] = 1;
    columns.Loting.push(null);
    columns["Knock-out"].push(scored ? KNOCKOUT_OK : "K3");
    columns.Score.push(i === changedRow ? 100 : score);
    columns.Rang.push("");
    columns.Top.push("");
  }
  columns.K3[changedRow] = passing.K3;
  columns["Knock-out"][changedRow] = KNOCKOUT_OK;
  const headers = new Map(candidateInputColumns(request).map((c) => [c.header.split(" ")[0], c]));
  const headerRow = (keys: string[]) => [keys.map((k) => headers.get(k)?.header ?? k)];
  const span = (keys: string[]) => [keys[0], keys[keys.length - 1]].join(":");
  return {
    n,
    columns,
    names: {
      "Gunningscriteria[#All]": criteriaTable("Gunningscriteria"),
      "Knockoutcriteria[#All]": criteriaTable("Knockoutcriteria"),
      [`Kandidaten[[#Headers],${span(awardKeys)}]`]: headerRow(awardKeys),
      [`Kandidaten[[#Headers],${span(knockoutKeys)}]`]: headerRow(knockoutKeys),
      Maximumtarief: request.maxRate,
      UrenPerWeek: request.hoursPerWeek.max,
      LooptijdWeken: request.termWeeks,
      Verlengingen: request.extensions.count,
      WekenPerVerlenging: request.extensions.weeks,
      OptiesTellenMee: "Nee",
      CvEisen: "uitsluiten",
      TopN: request.topN,
      Peildatum: request.referenceDate.split("-").reverse().join("-"),
      [HISTORY_IDS]: [historyCriteria(request)],
      ...Object.fromEntries(PERIOD_COLUMNS.map((c) => [c, [[null]]])),
      // As FLEX.WORKYEARS leaves it without periods: every row's years "" (the typed cells decide).
      [HISTORY_SPILL]: Array.from({ length: n }, () => historyCriteria(request).map(() => "")),
      [RANKING_SPILL]: null,
    },
  };
}

// ---- The designs ----

const row = (...columns: string[]): Ref => ({ kind: "row", columns });
const name = (n: string, present = false): Ref => ({ kind: "name", name: n, present });
/** The setting names FLEX.KNOCKOUT gets, in its order, as set-up's formulas name them. */
const settings = (
  [
    "maxRate",
    "hoursPerWeek",
    "termWeeks",
    "extensionCount",
    "extensionWeeks",
    "includeExtensions",
  ] as const
).map((key) => DEFAULT_REQUEST_NAMES[key]);
/** `IF(TRIM([@Kandidaat])="","",…)`: a row without a name is no candidate. */
const named = {
  when: (sheet: Sheet, r: number) => String(sheet.columns.Kandidaat[r] ?? "").trim() !== "",
  otherwise: "",
};
const awardHeaders = `Kandidaten[[#Headers],${awardKeys[0]}:${awardKeys[awardKeys.length - 1]}]`;
const knockoutHeaders = `Kandidaten[[#Headers],${knockoutKeys[0]}:${knockoutKeys[knockoutKeys.length - 1]}]`;

/**
 * The new design's last two arguments of FLEX.KNOCKOUT and FLEX.AWARDSCORE: this row's years
 * from the FLEX.WORKYEARS spill (picked natively by INDEX, k cells) and the ids above it.
 */
function historyArgs(present: boolean): Ref[] {
  return present ? [{ kind: "spillRow", name: HISTORY_SPILL }, name(HISTORY_IDS)] : [];
}

/** FLEX.KNOCKOUT's arguments: this row's K1…E3, the criteria, the rate, the settings, the headers, CvEisen. */
function knockoutKind(present: boolean): FormulaKind {
  return {
    output: { column: "Knock-out" },
    formula: present
      ? '=IF(TRIM([@Kandidaat])="","",FLEX.KNOCKOUT(IF(ISBLANK([@K1]:[@E3]),"",[@K1]:[@E3]),…))'
      : '=IF(TRIM([@Kandidaat])="","",FLEX.KNOCKOUT([@K1]:[@E3],Knockoutcriteria[#All],[@Uurtarief],Maximumtarief,…))',
    args: [
      { kind: "row", columns: knockoutKeys, present },
      name("Knockoutcriteria[#All]", present),
      { kind: "row", columns: ["Uurtarief"], present },
      ...settings.map((s) => name(s, present)),
      name(knockoutHeaders),
      name("CvEisen", present),
      ...historyArgs(present),
    ],
    reads: [row("Kandidaat")],
    guard: named,
    call: (a) =>
      knockout(
        a[0],
        a[1],
        a[2],
        {
          maxRate: a[3],
          hoursPerWeek: a[4],
          termWeeks: a[5],
          extensionCount: a[6],
          extensionWeeks: a[7],
          includeExtensions: a[8],
          cvRequirements: a[10],
        },
        a[9],
        { years: a[11], ids: a[12] }
      ),
  };
}

/** FLEX.AWARDSCORE's arguments: this row's G9…G11, Gunningscriteria[#All], their headers. */
function scoreKind(present: boolean): FormulaKind {
  return {
    output: { column: "Score" },
    formula: present
      ? '=IF(ISERROR([@Knock-out]),"",IF([@Knock-out]="OK",FLEX.AWARDSCORE(IF(ISBLANK([@G9]:[@G11]),"",[@G9]:[@G11]),IF(ISBLANK(Gunningscriteria[#All]),"",…),Kandidaten[[#Headers],[G9]:[G11]]),""))'
      : '=IF(ISERROR([@Knock-out]),"",IF([@Knock-out]="OK",FLEX.AWARDSCORE([@G9]:[@G11],Gunningscriteria[#All],Kandidaten[[#Headers],[G9]:[G11]]),""))',
    args: [
      { kind: "row", columns: awardKeys, present },
      name("Gunningscriteria[#All]", present),
      name(awardHeaders),
      ...historyArgs(present),
    ],
    reads: [row("Knock-out")],
    guard: { when: (sheet, r) => sheet.columns["Knock-out"][r] === KNOCKOUT_OK, otherwise: "" },
    call: (a) => awardScore(a[0], a[1], a[2], { years: a[3], ids: a[4] }),
  };
}

const line = (column: string): Ref => ({ kind: "column", column, shape: "1xN" });

/** The per-row design of commit 46ecc8e: FLEX.RANK and FLEX.TOP in every row, each with the whole columns. */
export const oldDesign: Design = {
  name: "old",
  title: "old: FLEX.RANK and FLEX.TOP per row, whole columns each (46ecc8e)",
  kinds: [
    knockoutKind(false),
    scoreKind(false),
    {
      output: { column: "Rang" },
      formula:
        "=FLEX.RANK([@Score],[@Uurtarief],TRANSPOSE(Kandidaten[[Score]]),TRANSPOSE(Kandidaten[[Uurtarief]]),[@Loting],TRANSPOSE(Kandidaten[[Loting]]))",
      args: [
        row("Score"),
        row("Uurtarief"),
        line("Score"),
        line("Uurtarief"),
        row("Loting"),
        line("Loting"),
      ],
      reads: [],
      call: (a) =>
        rank({ score: a[0], rate: a[1], draw: a[4] }, { scores: a[2], rates: a[3], draws: a[5] }),
    },
    {
      output: { column: "Top" },
      formula:
        '=IF(TRIM([@Kandidaat])="","",FLEX.TOP([@Score],[@Uurtarief],TRANSPOSE(Kandidaten[[Score]]),TRANSPOSE(Kandidaten[[Uurtarief]]),TopN,[@Loting],TRANSPOSE(Kandidaten[[Loting]])))',
      args: [
        row("Score"),
        row("Uurtarief"),
        line("Score"),
        line("Uurtarief"),
        name("TopN"),
        row("Loting"),
        line("Loting"),
      ],
      reads: [row("Kandidaat")],
      guard: named,
      call: (a) =>
        top(
          { score: a[0], rate: a[1], draw: a[5] },
          { scores: a[2], rates: a[3], draws: a[6] },
          a[4]
        ),
    },
  ],
};

const column = (c: string): Ref => ({ kind: "column", column: c, shape: "Nx1", present: true });
/** Native INDEX into the spill: the row's cell of the matrix FLEX.RANKING returned. */
const pick =
  (c: 0 | 1) =>
  (sheet: Sheet, r: number): unknown =>
    (sheet.names[RANKING_SPILL] as unknown[][])[r][c];

/** The design of issue 16 (src/workbook/formulas.ts): one FLEX.RANKING, native INDEX per row. */
export const newDesign: Design = {
  name: "new",
  title: "new: one FLEX.RANKING on Berekening, INDEX per row (issue 16)",
  kinds: [
    {
      output: { name: HISTORY_SPILL },
      formula:
        "=FLEX.WORKYEARS('Berekening'!$D$2:$F$2,IF(ISBLANK(Kandidaten[[Kandidaat]]),\"\",Kandidaten[[Kandidaat]]),…Werkervaring…,Peildatum,…criteria…)",
      args: [
        name(HISTORY_IDS),
        { kind: "column", column: "Kandidaat", shape: "Nx1", present: true },
        ...PERIOD_COLUMNS.map((c) => name(c, true)),
        name("Peildatum", true),
        name("Knockoutcriteria[#All]", true),
        name("Gunningscriteria[#All]", true),
      ],
      reads: [],
      call: (a) =>
        workYears(
          a[0],
          a[1],
          { candidates: a[2], countsFor: a[3], from: a[4], to: a[5] },
          a[6],
          a[7],
          a[8]
        ),
    },
    knockoutKind(true),
    scoreKind(true),
    {
      output: { name: RANKING_SPILL },
      formula:
        '=FLEX.RANKING(IF(ISBLANK(Kandidaten[[Score]]),"",Kandidaten[[Score]]),IF(ISBLANK(Kandidaten[[Uurtarief]]),…),IF(ISBLANK(TopN),"",TopN),IF(ISBLANK(Kandidaten[[Loting]]),…))',
      args: [column("Score"), column("Uurtarief"), name("TopN", true), column("Loting")],
      reads: [],
      call: (a) => ranking({ scores: a[0], rates: a[1], draws: a[3] }, a[2]),
    },
    {
      output: { column: "Rang" },
      formula:
        '=IF(TRIM([@Kandidaat])="","",INDEX(\'Berekening\'!$A$3#,ROW()-ROW(Kandidaten[#Headers]),1))',
      args: [],
      reads: [row("Kandidaat"), name(RANKING_SPILL)],
      native: pick(0),
    },
    {
      output: { column: "Top" },
      formula:
        '=IF(TRIM([@Kandidaat])="","",INDEX(\'Berekening\'!$A$3#,ROW()-ROW(Kandidaten[#Headers]),2))',
      args: [],
      reads: [row("Kandidaat"), name(RANKING_SPILL)],
      native: pick(1),
    },
  ],
};

// ---- Which formulas recalculate ----

const outputOf = (kind: FormulaKind): string =>
  "column" in kind.output ? kind.output.column : kind.output.name;

/** What a reference points at: a table column or a name. */
const targetOf = (ref: Ref): string =>
  ref.kind === "name" || ref.kind === "spillRow" ? ref.name : ref.kind === "row" ? "" : ref.column;
const targetsOf = (ref: Ref): string[] => (ref.kind === "row" ? ref.columns : [targetOf(ref)]);

/**
 * The formulas that recalculate after `change`, in calculation order: each kind's
 * rows whose references touch a changed cell (this row's cells, a whole column
 * with a changed cell, a changed name), whose outputs then count as changed.
 *
 * @throws Error when a kind reads its own output or a later kind's (no calculation order).
 */
export function plan(design: Design, sheet: Sheet, change: Pick<Change, "column" | "row">): Step[] {
  const outputs = design.kinds.map(outputOf);
  design.kinds.forEach((kind, k) => {
    for (const ref of [...kind.args, ...kind.reads]) {
      for (const t of targetsOf(ref)) {
        if (outputs.indexOf(t) >= k)
          throw new Error(`${outputs[k]} reads ${t}, calculated after it.`);
      }
    }
  });
  const changedRows = new Map<string, Set<number>>([[change.column, new Set([change.row])]]);
  const changedNames = new Set<string>();
  const steps: Step[] = [];
  for (const kind of design.kinds) {
    const refs = [...kind.args, ...kind.reads];
    const all = refs.some((r) =>
      r.kind === "column"
        ? (changedRows.get(r.column)?.size ?? 0) > 0
        : (r.kind === "name" || r.kind === "spillRow") && changedNames.has(r.name)
    );
    if ("name" in kind.output) {
      if (refs.some((r) => r.kind === "row" || r.kind === "spillRow"))
        throw new Error(`${kind.output.name} is outside the table: no row.`);
      if (all) {
        steps.push({ kind, rows: [0] });
        changedNames.add(kind.output.name);
      }
      continue;
    }
    const rows = new Set<number>();
    if (all) for (let i = 0; i < sheet.n; i++) rows.add(i);
    else {
      for (const r of refs) {
        if (r.kind !== "row") continue;
        for (const c of r.columns) for (const i of changedRows.get(c) ?? []) rows.add(i);
      }
    }
    if (rows.size === 0) continue;
    const sorted = [...rows].sort((a, b) => a - b);
    steps.push({ kind, rows: sorted });
    const out = changedRows.get(kind.output.column) ?? new Set<number>();
    for (const i of sorted) out.add(i);
    changedRows.set(kind.output.column, out);
  }
  return steps;
}

/** The cells one argument hands over: rows × columns of a range, 1 for a single cell. */
export function cellsOf(ref: Ref, sheet: Sheet): number {
  if (ref.kind === "row") return ref.columns.length;
  if (ref.kind === "spillRow") return (sheet.names[ref.name] as unknown[][])[0]?.length ?? 0;
  if (ref.kind === "column") return sheet.n;
  const value = sheet.names[ref.name];
  return Array.isArray(value) ? value.reduce((s: number, r: unknown[]) => s + r.length, 0) : 1;
}

/**
 * Custom-function calls and cells handed over by the steps, at most (a formula whose
 * guard is false calls nothing: {@link recalculate} counts what was handed over);
 * native formulas count their cells apart.
 */
export function count(
  steps: Step[],
  sheet: Sheet
): { calls: number; cells: number; nativeCells: number } {
  let calls = 0;
  let cells = 0;
  let nativeCells = 0;
  for (const { kind, rows } of steps) {
    if (!kind.call) {
      nativeCells += rows.length;
      continue;
    }
    calls += rows.length;
    cells += rows.length * kind.args.reduce((s, ref) => s + cellsOf(ref, sheet), 0);
  }
  return { calls, cells, nativeCells };
}

// ---- Recalculating ----

const blank = (value: unknown, present: boolean | undefined): unknown =>
  value === null && present ? "" : value;
const blanks = (value: unknown, present: boolean | undefined): unknown =>
  Array.isArray(value)
    ? value.map((r: unknown) =>
        Array.isArray(r) ? r.map((c) => blank(c, present)) : blank(r, present)
      )
    : blank(value, present);

/** What one recalculation did and took. */
export interface Outcome {
  calls: number;
  cells: number;
  /** Cells of native formulas recalculated (no hand-over). */
  nativeCells: number;
  /** Milliseconds inside the clock (see {@link recalculate}); extrapolated when `sampled`. */
  ms: number;
  /** Calls made for real; fewer than `calls` when a sample was extrapolated. */
  callsMade: number;
  sampled: boolean;
}

/**
 * Changes one cell and recalculates what depends on it, as Excel would. Inside
 * the clock: per custom-function call the JSON.parse of each argument (the fresh
 * copy) and the call itself; per native kind its loop over its rows (reading the
 * returned matrix). Outside: serialising the arguments, the dependency plan,
 * a formula's native IF around its call (a row it leaves out is neither called
 * nor counted), writing results into the sheet. With `sampleCalls`, a kind with more rows than
 * that is run for its first `sampleCalls` rows only and its time scaled by
 * rows / sample (its other rows keep their old results).
 */
export function recalculate(
  design: Design,
  sheet: Sheet,
  change: Change,
  sampleCalls = Infinity
): Outcome {
  sheet.columns[change.column][change.row] = change.value;
  const steps = plan(design, sheet, change);
  let calls = 0;
  let cells = 0;
  let nativeCells = 0;
  const versions = new Map<string, number>();
  const cache = new Map<string, string>();
  const write = (kind: FormulaKind, r: number, value: unknown) => {
    const out = outputOf(kind);
    if ("column" in kind.output) sheet.columns[out][r] = value;
    else sheet.names[out] = value;
    versions.set(out, (versions.get(out) ?? 0) + 1);
  };
  /** The JSON Excel sends for one argument; a column's or name's text is made once per version. */
  const serialise = (ref: Ref, r: number): string => {
    if (ref.kind === "row") {
      const cells = ref.columns.map((c) => blank(sheet.columns[c][r], ref.present));
      return JSON.stringify(cells.length === 1 ? cells[0] : [cells]);
    }
    if (ref.kind === "spillRow") return JSON.stringify([(sheet.names[ref.name] as unknown[][])[r]]);
    const target = targetOf(ref);
    const key = `${JSON.stringify(ref)}@${versions.get(target) ?? 0}`;
    let text = cache.get(key);
    if (text === undefined) {
      let value: unknown;
      if (ref.kind === "name") value = blanks(sheet.names[ref.name], ref.present);
      else {
        const cells = sheet.columns[ref.column].map((c) => blank(c, ref.present));
        value = ref.shape === "1xN" ? [cells] : cells.map((c) => [c]);
      }
      text = JSON.stringify(value);
      cache.set(key, text);
    }
    return text;
  };

  let ms = 0;
  let callsMade = 0;
  let sampled = false;
  for (const { kind, rows } of steps) {
    if (kind.native) {
      const native = kind.native;
      const results = new Array<unknown>(rows.length);
      const start = performance.now();
      for (let k = 0; k < rows.length; k++) results[k] = native(sheet, rows[k]);
      ms += performance.now() - start;
      nativeCells += rows.length;
      rows.forEach((r, k) => write(kind, r, results[k]));
      continue;
    }
    const call = kind.call!;
    const perCall = kind.args.reduce((sum, ref) => sum + cellsOf(ref, sheet), 0);
    const called = kind.guard
      ? rows.filter((r) => {
          if (kind.guard!.when(sheet, r)) return true;
          write(kind, r, kind.guard!.otherwise);
          return false;
        })
      : rows;
    calls += called.length;
    cells += called.length * perCall;
    const made = Math.min(called.length, sampleCalls);
    let kindMs = 0;
    for (let k = 0; k < made; k++) {
      const r = called[k];
      const texts = kind.args.map((ref) => serialise(ref, r));
      const start = performance.now();
      const copies = texts.map((t) => JSON.parse(t) as unknown);
      let result: unknown;
      try {
        result = call(copies);
      } catch (error) {
        result = error; // Excel shows the error in the cell
      }
      kindMs += performance.now() - start;
      write(kind, r, result);
    }
    callsMade += made;
    if (made < called.length) sampled = true;
    if (made > 0) ms += (kindMs * called.length) / made;
  }
  return { calls, cells, nativeCells, ms, callsMade, sampled };
}
