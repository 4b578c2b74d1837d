/**
 * The live formulas of the add-in's workbook (issue 16): the formulas of the
 * `Kandidaten` output columns for a request, and the `Berekening` sheet whose one
 * `FLEX.RANKING` the `Rang` and `Top N` formulas read. Set-up writes them, the
 * add-in's scoring re-asserts them; the headless command never writes either.
 */
import { historyCriteria, isCellError, readText, type CellValue, type Request } from "../engine";
import { outputFormulas, type HistoryFormula, type OutputFormulas } from "./formulas";
import { cellAddress, parseCell } from "./address";
import type { WorkbookChange, WriteFormulas } from "./changes";
import { isTopHeader, liveHistoryCell, liveRankingCell, settingRows } from "./layout";
import { checkOwnSheet } from "./ownSheet";
import { leadingId } from "./regions";
import { findSheet, type NameSnapshot, type WorkbookSnapshot } from "./snapshot";
import {
  candidateHeaders,
  liveRankingTexts,
  periodHeaders,
  sheetNames,
  tableNames,
  topHeader,
} from "./texts";

/** The output columns that hold a live formula in the add-in's workbook (Status and Toelichting stay values). */
export const formulaKeys = ["knockout", "score", "rank", "top"] as const;

/** One output column with a live formula. */
export type FormulaKey = (typeof formulaKeys)[number];

/** The defined name of the `CV-eisen` setting. */
const cvName = settingRows.find((r) => r.key === "cvRequirements")!.name;

/**
 * The `CV-eisen` setting's name when the workbook defines it (an older `Aanvraag` sheet
 * may lack the row; FLEX.KNOCKOUT then excludes, as the sheet reader does), else null.
 *
 * @example
 * cvSetting([{ name: "CvEisen", sheet: "Aanvraag", address: "B21" }]); // "CvEisen"
 */
export function cvSetting(names: Array<Pick<NameSnapshot, "name">>): string | null {
  return names.some((n) => n.name.toLowerCase() === cvName.toLowerCase()) ? cvName : null;
}

/**
 * The name of the `Werkervaring` table that FLEX.WORKYEARS reads: the table of that name,
 * else a table on the `Werkervaring` sheet with the columns it reads; null when there is none.
 *
 * @example
 * periodsTable(snapshot); // "Werkervaring"
 */
export function periodsTable(snapshot: WorkbookSnapshot): string | null {
  const tables = snapshot.sheets.flatMap((sheet) =>
    sheet.tables.map((table) => ({ sheet, table }))
  );
  const needed = [
    periodHeaders.candidate,
    periodHeaders.countsFor,
    periodHeaders.from,
    periodHeaders.to,
  ];
  const fits = (columns: string[]) => needed.every((h) => columns.includes(h));
  const named = tables.find(
    (t) => t.table.name.toLowerCase() === tableNames.periods.toLowerCase() && fits(t.table.columns)
  );
  const onSheet = tables.find(
    (t) => t.sheet.name.toLowerCase() === sheetNames.periods.toLowerCase() && fits(t.table.columns)
  );
  return (named ?? onSheet)?.table.name ?? null;
}

/**
 * The output formulas of a candidates table with these headers; null when a column they
 * need is missing (then the columns hold values, as the headless command writes them).
 * With a periods table (`periods`), the criteria in years that have a column (the engine's
 * historyCriteria) take their years from `FLEX.WORKYEARS` where a candidate has periods.
 *
 * @example
 * tableFormulas(request17040, "Kandidaten", headers, "CvEisen", "Werkervaring")?.rank; // '=IF(TRIM([@[Kandidaat]])="","",INDEX(…))'
 */
export function tableFormulas(
  request: Request,
  table: string,
  headers: string[],
  cv: string | null,
  periods: string | null = null
): OutputFormulas | null {
  const knockoutIds = request.knockouts
    .filter((k) => k.header !== null && headers.some((h) => leadingId(h) === k.id))
    .map((k) => k.id);
  const awardIds = request.awards.filter((a) => a.header !== null).map((a) => a.id);
  if (knockoutIds.length === 0 || awardIds.length === 0) return null;
  const historyIds = historyCriteria(request).filter(
    (id) => knockoutIds.includes(id) || awardIds.includes(id)
  );
  try {
    return outputFormulas({
      table,
      headers,
      knockoutIds,
      awardIds,
      names: { cvRequirements: cv },
      ranking: { sheet: liveRankingTexts.sheet, cell: liveRankingCell },
      history:
        periods === null
          ? undefined
          : {
              ids: historyIds,
              periods,
              anchor: { sheet: liveRankingTexts.sheet, cell: liveHistoryCell },
            },
    });
  } catch {
    return null;
  }
}

/**
 * The formula of an output column by its header; undefined for a column without one.
 * The top column by any `Top N`: a table made for another N keeps its column.
 *
 * @example
 * columnFormula(formulas, "Top 7") === formulas.top; // true
 */
export function columnFormula(formulas: OutputFormulas, header: string): string | undefined {
  if (isTopHeader(header)) return formulas.top;
  const byHeader: Record<string, string> = {
    [candidateHeaders.knockout]: formulas.knockout,
    [candidateHeaders.score]: formulas.score,
    [candidateHeaders.rank]: formulas.rank,
  };
  return byHeader[header];
}

/**
 * Whether a cell's formula is one (`=…`): a host may give a value where there is none.
 *
 * @example
 * isFormula("=1+1"); // true
 */
export function isFormula(formula: string | null | undefined): formula is string {
  return typeof formula === "string" && formula.startsWith("=");
}

/**
 * Whether a formula is an output formula of an earlier set-up that the current ones
 * replace: the per-row `FLEX.RANK` and `FLEX.TOP`, which hand Excel's whole columns to
 * JavaScript once per row (quadratic in Excel; bench/functions-bench.ts measures it), and a
 * `FLEX.KNOCKOUT` or `FLEX.AWARDSCORE` that passes its cells bare, so that a blank reaches
 * it as 0 on Windows (the current formulas wrap every typed argument in ISBLANK, see
 * src/workbook/formulas.ts). `FLEX.RANKING` is not one of them. Needs the formula's text.
 *
 * @example
 * isOutdatedFormula("=FLEX.RANK([@[Score]],[@[Uurtarief]],TRANSPOSE(Kandidaten[[Score]]),…)"); // true
 * isOutdatedFormula("=IF(ISERROR([@[Knock-out]]),"",IF([@[Knock-out]]="OK",FLEX.AWARDSCORE([@[G9 …]]:[@[G11 …]],…),""))"); // true
 * isOutdatedFormula("=IF(TRIM([@[Kandidaat]])="","",INDEX('Berekening'!$A$3#,…))"); // false
 */
export function isOutdatedFormula(formula: string | null | undefined): boolean {
  if (!isFormula(formula)) return false;
  if (/\bFLEX\.(?:RANK|TOP)\s*\(/i.test(formula)) return true;
  return /\bFLEX\.(?:KNOCKOUT|AWARDSCORE)\s*\(/i.test(formula) && !/\bISBLANK\s*\(/i.test(formula);
}

/**
 * Whether a cell holds something: a value (an error value too) or a formula.
 *
 * @example
 * holds(null, null); // false
 */
export function holds(value: CellValue, formula: string | null | undefined): boolean {
  return isFormula(formula) || isCellError(value) || readText(value) !== "";
}

/**
 * One formula into the given rows of a column, one change per run of adjacent rows:
 * a table of 10,000 rows with a few gaps is a few changes, not 10,000.
 *
 * @example
 * formulaBlocks("Kandidaten", 20, [2, 3, 4, 9], "=…").map((c) => c.at); // ["T2", "T9"]
 */
export function formulaBlocks(
  sheet: string,
  column: number,
  rows: number[],
  formula: string
): WriteFormulas[] {
  const blocks: WriteFormulas[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
    if (i > start)
      blocks.push({
        kind: "writeFormulas",
        sheet,
        at: cellAddress(rows[start], column),
        formulas: Array.from({ length: i - start }, () => [formula]),
      });
    start = i;
  }
  return blocks;
}

/**
 * Refuses a `Berekening` sheet that holds something other than the live ranking.
 *
 * @throws WorkbookError naming the sheet.
 */
export function checkLiveRankingSheet(snapshot: WorkbookSnapshot): void {
  checkOwnSheet(snapshot, liveRankingTexts.sheet, liveRankingTexts.title(0));
}

/** What the `Berekening` sheet needs: nothing, or to be made (it is missing, or its formula is). */
export type LiveRankingState = "complete" | "missing" | "noFormula";

/**
 * Whether the `Berekening` sheet is there with a formula in its cell (and in
 * `FLEX.WORKYEARS`'s cell when `history`). A host that read the sheet without formulas,
 * or only its head, cannot tell: a sheet with content is then taken as complete (never
 * rewritten on a guess). Check it first with {@link checkLiveRankingSheet}.
 *
 * @example
 * liveRankingState({ sheets: [], names: [] }); // "missing"
 */
export function liveRankingState(snapshot: WorkbookSnapshot, history = false): LiveRankingState {
  const sheet = findSheet(snapshot, liveRankingTexts.sheet);
  if (!sheet) {
    const key = liveRankingTexts.sheet.toLocaleLowerCase("nl-NL");
    const head = snapshot.heads?.find((h) => h.name.toLocaleLowerCase("nl-NL") === key);
    return head?.hasContent ? "complete" : "missing";
  }
  const { row, column } = parseCell(liveRankingCell);
  const years = parseCell(liveHistoryCell);
  const historyThere = !history || isFormula(sheet.formulas?.[years.row - 1]?.[years.column - 1]);
  if (isFormula(sheet.formulas?.[row - 1]?.[column - 1]) && historyThere) return "complete";
  const content = sheet.values.some((cells) => cells.some((v) => holds(v, null)));
  if (!content) return "missing";
  return sheet.formulas ? "noFormula" : "complete";
}

/**
 * What on a complete `Berekening` sheet no longer fits the request, in the order of its
 * row 2: the top header (`Top 10` when the request now has another top N) and the ids of
 * the criteria in years above FLEX.WORKYEARS (a criterion added, removed or no longer in
 * years). Empty when it fits, or when the sheet was not read whole. The values are read,
 * so this needs no formula text.
 *
 * @example
 * outdatedLiveRanking(snapshot, 10, ["K3", "G9", "G11"]); // [] after set-up for 17040
 * outdatedLiveRanking(snapshot, 5, ["K3", "G9", "G11"]); // ["Top 10 → Top 5"]
 */
export function outdatedLiveRanking(
  snapshot: WorkbookSnapshot,
  topN: number,
  ids: string[] | null
): string[] {
  const sheet = findSheet(snapshot, liveRankingTexts.sheet);
  if (!sheet) return [];
  const found: string[] = [];
  const headerRow = sheet.values[parseCell(liveRankingCell).row - 2] ?? [];
  const topCell = readText(headerRow[parseCell(liveRankingCell).column] ?? null);
  if (topCell !== "" && topCell !== topHeader(topN)) found.push(`${topCell} → ${topHeader(topN)}`);
  if (ids !== null) {
    const years = parseCell(liveHistoryCell);
    const row = sheet.values[years.row - 2] ?? [];
    const shown = row
      .slice(years.column - 1)
      .map((v) => readText(v))
      .filter((v) => v !== "");
    if (shown.join(",") !== ids.join(","))
      found.push(`${shown.join(", ") || "—"} → ${ids.join(", ")}`);
  }
  return found;
}

/**
 * The cell of the `Berekening` sheet whose formula is missing: the ranking's, else (with
 * `history`) FLEX.WORKYEARS's; the ranking's when neither can be told.
 *
 * @example
 * missingFormulaCell(snapshot, true); // "D3" when only FLEX.WORKYEARS was cleared
 */
export function missingFormulaCell(snapshot: WorkbookSnapshot, history: boolean): string {
  const formulas = findSheet(snapshot, liveRankingTexts.sheet)?.formulas;
  const at = (cell: string) => {
    const { row, column } = parseCell(cell);
    return formulas?.[row - 1]?.[column - 1];
  };
  return history && isFormula(at(liveRankingCell)) ? liveHistoryCell : liveRankingCell;
}

/**
 * The `Berekening` sheet made whole: emptied (a stale value in the spill's way would
 * stop the spill), its title in A1, the headers of the spill's two columns in row 2,
 * `ranking` (the `FLEX.RANKING` formula) in A3; with `history`, its criterion ids in row
 * 2 from D and `FLEX.WORKYEARS` in D3.
 *
 * @example
 * liveRankingChanges(formulas.ranking, 10, formulas.history)[0]; // { kind: "resetSheet", sheet: "Berekening" }
 */
export function liveRankingChanges(
  ranking: string,
  topN: number,
  history: HistoryFormula | null = null
): WorkbookChange[] {
  const sheet = liveRankingTexts.sheet;
  const { row, column } = parseCell(liveRankingCell);
  const years = parseCell(liveHistoryCell);
  const historyChanges: WorkbookChange[] = history
    ? [
        {
          kind: "writeValues",
          sheet,
          at: cellAddress(years.row - 1, years.column),
          values: [history.ids],
          bold: true,
        },
        { kind: "writeFormulas", sheet, at: liveHistoryCell, formulas: [[history.formula]] },
      ]
    : [];
  return [
    { kind: "resetSheet", sheet },
    { kind: "writeValues", sheet, at: "A1", values: [[liveRankingTexts.title(topN)]], bold: true },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(row - 1, column),
      values: [[liveRankingTexts.rankHeader, topHeader(topN)]],
      bold: true,
    },
    { kind: "writeFormulas", sheet, at: liveRankingCell, formulas: [[ranking]] },
    ...historyChanges,
    {
      kind: "columnWidths",
      sheet,
      widths: [
        { column, width: 8 },
        { column: column + 1, width: 9 },
      ],
    },
  ];
}
