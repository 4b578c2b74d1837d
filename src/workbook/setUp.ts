/**
 * The add-in's use case "Instellen": the request workbook of the template
 * (src/workbook/template.ts) made inside an open workbook, with the `FLEX`
 * formulas in every row of the output columns and the `Berekening` sheet they rank
 * by. Safe to run again: it adds what is missing, never clears, reorders or
 * overwrites what is there (only its own `Berekening` sheet is made again when its
 * formula is gone), and refuses (changing nothing) when a sheet of the same name
 * holds something else.
 */
import { presetById, presets, readText, type Request } from "../engine";
import type { OutputFormulas } from "./formulas";
import { cellAddress, rangeAddress } from "./address";
import type { WorkbookChange } from "./changes";
import {
  candidateInputColumns,
  isTopHeader,
  outputHeaders,
  outputWidths,
  periodColumns,
  requestSheet,
  settingRows,
  type CandidateColumn,
} from "./layout";
import {
  checkLiveRankingSheet,
  columnFormula,
  cvSetting,
  formulaBlocks,
  holds,
  isFormula,
  isOutdatedFormula,
  liveRankingChanges,
  liveRankingState,
  outdatedLiveRanking,
  tableFormulas,
} from "./liveFormulas";
import { WorkbookError } from "./problems";
import { checkRankingSheet } from "./rankingSheet";
import {
  columnsStartingWith,
  findTable,
  headerKey,
  leadingId,
  tableRegion,
  type Region,
} from "./regions";
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { blankRequest, planTemplate } from "./template";
import {
  candidateHeaders,
  fatalMessages,
  periodHeaders,
  requestSheetTexts,
  setUpTexts,
  sheetNames,
  tableNames,
} from "./texts";

/** The word for a blank request, as the task pane offers it. */
export const BLANK = setUpTexts.blank;

/** A blank request: the template's, so the pane's `blanco` and the command make the same sheet. */
export { blankRequest };

/**
 * The request for a set-up: a preset by id, or {@link BLANK}.
 *
 * @throws WorkbookError for an unknown preset.
 * @example
 * setUpRequest("17040").id; // "17040"
 */
export function setUpRequest(presetOrBlank: string): Request {
  if (presetOrBlank.toLowerCase() === BLANK) return blankRequest();
  const preset = presetById(presetOrBlank);
  if (!preset)
    throw new WorkbookError(setUpTexts.unknownPreset(presetOrBlank, Object.keys(presets)));
  return preset;
}

/** Whether a sheet has no value, no formula and no table. */
function isEmpty(sheet: SheetSnapshot): boolean {
  return (
    sheet.tables.length === 0 && sheet.values.every((row) => row.every((v) => readText(v) === ""))
  );
}

/** What set-up does with one sheet: make it, complete it, or refuse. */
type Plan = "make" | "complete";

/** Make it when absent or empty; complete it when `ours`; else refuse with the sheet's expectation. */
function decide(sheet: SheetSnapshot | undefined, ours: boolean, expected: string): Plan {
  if (!sheet || (isEmpty(sheet) && !ours)) return "make";
  if (ours) return "complete";
  throw new WorkbookError(setUpTexts.foreignSheet(sheet.name, expected));
}

/** Whether the `Aanvraag` sheet is the add-in's: its title in A1 or its criteria tables. */
function isRequestSheet(sheet: SheetSnapshot): boolean {
  const prefix = requestSheetTexts.title("", "").split(" ")[0];
  if (readText(sheet.values[0]?.[0]).startsWith(prefix)) return true;
  const names = [tableNames.knockouts, tableNames.awards].map((n) => n.toLowerCase());
  return sheet.tables.some((t) => names.includes(t.name.toLowerCase()));
}

/** The table of the add-in on a sheet, when it has the columns that identify it. */
function ourTable(
  sheet: SheetSnapshot | undefined,
  table: string,
  required: string[]
): Region | undefined {
  if (!sheet) return undefined;
  const found = findTable(sheet, table, required[0]);
  if (!found) return undefined;
  const keys = found.columns.map(headerKey);
  return required.every((r) => keys.includes(headerKey(r))) ? tableRegion(sheet, found) : undefined;
}

/** Whether `header` is already in `headers`: by leading criterion id, else by name (any `Top N`). */
function hasColumn(headers: string[], header: string): boolean {
  // Any `Uurtarief …` column is the rate: an older workbook's plain `Uurtarief` gets no second one.
  if (columnsStartingWith([header], candidateHeaders.rate).length > 0)
    return columnsStartingWith(headers, candidateHeaders.rate).length > 0;
  const id = leadingId(header);
  const fixed = Object.values(candidateHeaders).some((h) => headerKey(h) === headerKey(header));
  if (id && !fixed) return headers.some((h) => leadingId(h) === id);
  if (isTopHeader(header)) return headers.some(isTopHeader);
  return headers.some((h) => headerKey(h) === headerKey(header));
}

/** Adds the missing columns to an existing table, with their formats and lists; never over a filled cell. */
function completeTable(
  region: Region,
  wanted: CandidateColumn[]
): { changes: WorkbookChange[]; headers: string[] } {
  const sheet = region.sheet.name;
  const missing = wanted.filter((c) => !hasColumn(region.headers, c.header));
  const headers = [...region.headers, ...missing.map((c) => c.header)];
  if (missing.length === 0 || !region.table) return { changes: [], headers };
  const first = region.firstColumn + region.headers.length;
  const last = Math.max(region.lastDataRow, region.firstDataRow);
  for (let i = 0; i < missing.length; i++) {
    for (let row = region.headerRow; row <= last; row++) {
      if (readText(region.sheet.values[row - 1]?.[first + i - 1]) !== "") {
        throw new WorkbookError(
          fatalMessages.occupied(sheet, cellAddress(row, first + i), missing[i].header)
        );
      }
    }
  }
  const changes: WorkbookChange[] = [
    {
      kind: "addTableColumns",
      sheet,
      table: region.table.name,
      columns: missing.map((c) => c.header),
    },
    {
      kind: "columnWidths",
      sheet,
      widths: missing.map((c, i) => ({ column: first + i, width: c.width })),
    },
  ];
  missing.forEach((c, i) => {
    const range = rangeAddress(region.firstDataRow, first + i, last, first + i);
    if (c.format) changes.push({ kind: "numberFormat", sheet, range, format: c.format });
    if (c.list) changes.push({ kind: "listValidation", sheet, range, items: c.list });
  });
  return { changes, headers };
}

/**
 * The `FLEX` formulas of the output columns, written into every data row whose cell is
 * empty, one change per run of such rows; null when the formulas cannot be built (a
 * column they need is missing: values only, as the headless command writes). A cell
 * that holds a value or a formula keeps it. A column of values without any formula is
 * a column an earlier scoring wrote (before issue 16, or the command): set-up keeps it
 * whole, so no column ends up half values, half formulas; the add-in's next scoring
 * turns it into formulas (src/workbook/liveScore.ts).
 */
function formulaChanges(
  request: Request,
  region: {
    sheet: SheetSnapshot;
    tableName: string;
    firstColumn: number;
    firstDataRow: number;
    lastDataRow: number;
  },
  headers: string[],
  cv: string | null,
  periods: string
): { formulas: OutputFormulas; changes: WorkbookChange[] } | null {
  const formulas = tableFormulas(request, region.tableName, headers, cv, periods);
  if (!formulas) return null;
  const sheet = region.sheet;
  const last = Math.max(region.lastDataRow, region.firstDataRow);
  const changes: WorkbookChange[] = [];
  headers.forEach((header, i) => {
    const formula = columnFormula(formulas, header);
    if (!formula) return;
    const column = region.firstColumn + i;
    const empty: number[] = [];
    let formulaSeen = false;
    for (let row = region.firstDataRow; row <= last; row++) {
      const existing = sheet.formulas?.[row - 1]?.[column - 1];
      if (isFormula(existing)) formulaSeen = true;
      // An earlier set-up's per-row FLEX.RANK / FLEX.TOP is ours to replace.
      if (
        isOutdatedFormula(existing) ||
        !holds(sheet.values[row - 1]?.[column - 1] ?? null, existing)
      )
        empty.push(row);
    }
    const scored = !formulaSeen && empty.length < last - region.firstDataRow + 1;
    if (!scored) changes.push(...formulaBlocks(sheet.name, column, empty, formula));
  });
  return { formulas, changes };
}

/** A sheet as set-up is about to make it (so the formulas of a new table can be planned). */
function newSheet(name: string): SheetSnapshot {
  return { name, values: [], tables: [] };
}

/** The `Aanvraag` names that are missing, where the label of their row is in column A. */
function missingNames(snapshot: WorkbookSnapshot, sheet: SheetSnapshot): WorkbookChange[] {
  const have = new Set(snapshot.names.map((n) => n.name.toLowerCase()));
  const changes: WorkbookChange[] = [];
  for (const row of settingRows) {
    if (have.has(row.name.toLowerCase())) continue;
    const label = headerKey(requestSheetTexts.labels[row.key]);
    const at = sheet.values.findIndex((r) => headerKey(r[requestSheet.labelColumn - 1]) === label);
    if (at < 0) continue;
    changes.push({
      kind: "defineName",
      name: row.name,
      sheet: sheet.name,
      address: cellAddress(at + 1, requestSheet.valueColumn),
    });
  }
  return changes;
}

/**
 * The changes that set up (or complete) the request workbook in an open workbook.
 * Every sheet is checked before anything is planned, so a refusal changes nothing.
 *
 * @throws WorkbookError in Dutch when a sheet of the add-in's name holds something else.
 * @example
 * planSetUp({ sheets: [], names: [] }, request17040).some((c) => c.kind === "writeFormulas"); // true
 * planSetUp(afterSetUp, request17040); // []
 */
export function planSetUp(snapshot: WorkbookSnapshot, request: Request): WorkbookChange[] {
  const template = planTemplate(request, { rows: 1 });
  const onSheet = (name: string) => template.filter((c) => "sheet" in c && c.sheet === name);
  const sheets = {
    request: findSheet(snapshot, sheetNames.request),
    candidates: findSheet(snapshot, sheetNames.candidates),
    periods: findSheet(snapshot, sheetNames.periods),
  };
  const candidateTable = ourTable(sheets.candidates, tableNames.candidates, [
    candidateHeaders.name,
  ]);
  const periodTable = ourTable(sheets.periods, tableNames.periods, [
    periodHeaders.candidate,
    periodHeaders.from,
  ]);
  const plans = {
    request: decide(
      sheets.request,
      !!sheets.request && isRequestSheet(sheets.request),
      setUpTexts.expected.request
    ),
    candidates: decide(sheets.candidates, !!candidateTable, setUpTexts.expected.candidates),
    periods: decide(sheets.periods, !!periodTable, setUpTexts.expected.periods),
  };
  checkRankingSheet(snapshot);
  checkLiveRankingSheet(snapshot);

  const changes: WorkbookChange[] = [];
  if (plans.request === "make") changes.push(...onSheet(sheetNames.request));
  else if (sheets.request) changes.push(...missingNames(snapshot, sheets.request));
  // FLEX.KNOCKOUT gets the CV-eisen cell only where it exists (an older Aanvraag sheet may lack the row).
  const cv = cvSetting([
    ...snapshot.names,
    ...changes.flatMap((c) => (c.kind === "defineName" ? [c] : [])),
  ]);

  // Set-up makes or completes the Werkervaring table below: FLEX.WORKYEARS reads it.
  const periodsName = periodTable?.table?.name ?? tableNames.periods;
  const candidateColumns: CandidateColumn[] = [
    ...candidateInputColumns(request),
    ...outputHeaders(request.topN).map((header, i) => ({ header, width: outputWidths[i] })),
  ];
  let formulas: ReturnType<typeof formulaChanges>;
  if (plans.candidates === "make" || !candidateTable) {
    changes.push(...onSheet(sheetNames.candidates));
    formulas = formulaChanges(
      request,
      {
        sheet: sheets.candidates ?? newSheet(sheetNames.candidates),
        tableName: tableNames.candidates,
        firstColumn: 1,
        firstDataRow: 2,
        lastDataRow: 2,
      },
      candidateColumns.map((c) => c.header),
      cv,
      periodsName
    );
  } else {
    const { changes: added, headers } = completeTable(candidateTable, candidateColumns);
    changes.push(...added);
    formulas = formulaChanges(
      request,
      { ...candidateTable, tableName: candidateTable.table?.name ?? tableNames.candidates },
      headers,
      cv,
      periodsName
    );
  }

  if (plans.periods === "make" || !periodTable) changes.push(...onSheet(sheetNames.periods));
  else changes.push(...completeTable(periodTable, periodColumns).changes);

  if (!findSheet(snapshot, sheetNames.ranking)) changes.push(...onSheet(sheetNames.ranking));
  // The live ranking's sheet before the table's formulas that read its spill (and last in the tabs).
  const { ranking, history } = formulas?.formulas ?? { ranking: "", history: null };
  if (
    formulas &&
    (liveRankingState(snapshot, history !== null) !== "complete" ||
      outdatedLiveRanking(snapshot, request.topN, history?.ids ?? null).length > 0)
  )
    changes.push(...liveRankingChanges(ranking, request.topN, history));
  if (formulas) changes.push(...formulas.changes);
  return changes;
}
