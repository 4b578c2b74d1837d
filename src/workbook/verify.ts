/**
 * The use case "Narekenen" (`awardscore verify`): from a scored workbook's own
 * inputs and request (the `Aanvraag` sheet, or the preset its `Verantwoording`
 * names), at the peildatum recorded there, every verdict is computed again and
 * compared with what the workbook says: the output columns of `Kandidaten` (the
 * `Toelichting` too), the `Verantwoording` record (its digest of the inputs and every
 * candidate's row), and the `Ranking` and `Afwijzingen` sheets cell by cell as a
 * fresh scoring writes them. A changed digest also names the input cells whose value
 * differs from the one recorded.
 * Each difference is named by its cell. Pure: reads a snapshot, writes nothing.
 */
import {
  ENGINE_VERSION,
  formatDate,
  formatNumber,
  isEmptyCell,
  readDate,
  readText,
  type CellValue,
} from "../engine";
import { cellAddress, parseCell } from "./address";
import type { WorkbookChange, WriteValues } from "./changes";
import { readCandidates } from "./inputs";
import { outputHeaders, outputKeys } from "./layout";
import { WorkbookError, type SheetProblem } from "./problems";
import { recordTable, RECORD_SETTINGS_ROW } from "./record";
import { headerKey } from "./regions";
import { outputRow } from "./score";
import { planScoreRun } from "./scoreRun";
import { cellValue, findSheet, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import {
  candidateHeaders,
  recordTexts,
  rejectionTexts,
  sheetNames,
  verifyTexts as v,
} from "./texts";

/** What recomputing a scored workbook found. */
export interface VerifyResult {
  /** Every cell whose value differs from the recomputation, in Dutch; empty when all agree. */
  differences: SheetProblem[];
  /** Remarks that are not differences (the engine version, the peildatum used). */
  notes: string[];
  /** The candidates recomputed. */
  candidates: number;
  /** The digest of the inputs as they are now. */
  digest: string;
}

/** The output columns a verdict is compared on: all of them, the reason (`Toelichting`) too. */
const verdictKeys = outputKeys;

/** The sheets a scoring rewrites whole, compared cell by cell with what a fresh scoring writes. */
const rewrittenSheets = [sheetNames.ranking, rejectionTexts.sheet];

/**
 * Recomputes a scored workbook and lists every difference by cell; null when the
 * workbook has no `Verantwoording` sheet (it was never scored with a record).
 *
 * @throws WorkbookError when the record cannot be read, or the workbook cannot be scored.
 * @example
 * planVerify(snapshot)?.differences; // [] when nothing was edited after scoring
 */
export function planVerify(snapshot: WorkbookSnapshot): VerifyResult | null {
  const sheet = findSheet(snapshot, recordTexts.sheet);
  if (!sheet) return null;
  const recorded = readRecordSheet(sheet);
  const notes: string[] = [];
  if (recorded.engineVersion !== ENGINE_VERSION)
    notes.push(v.engineVersion(recorded.engineVersion, ENGINE_VERSION));

  const preset = recorded.preset === null ? {} : { preset: recorded.preset };
  let run = planScoreRun(snapshot, preset, new Date());
  // At the recorded peildatum; the headings then name another date than the scoring wrote.
  const dateMoved = run.request.referenceDate !== recorded.referenceDate;
  if (dateMoved) {
    run = planScoreRun(snapshot, { ...preset, referenceDate: recorded.referenceDate }, new Date());
    notes.push(v.referenceDate(formatDate(recorded.referenceDate)));
  }
  const { request, evaluation, record } = run;

  const differences: SheetProblem[] = [];
  const candidates = readCandidates(snapshot, request);
  if (recorded.digest.value !== record.digest.value) {
    differences.push({
      sheet: sheet.name,
      cell: recorded.digest.cell,
      message: v.digestChanged(recorded.digest.value || v.empty, record.digest.value),
    });
  }

  // Kandidaten: the verdict cells of every row.
  const { region, columns } = candidates;
  const byRow = new Map(evaluation.candidates.map((c) => [c.row, c]));
  const expectedOutputs = new Map<number, CellValue[]>();
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++)
    expectedOutputs.set(row, outputRow(byRow.get(row), request)); // the cells the scoring wrote
  const headers = outputHeaders(request.topN);
  for (const key of verdictKeys) {
    const index = columns.outputs.get(key);
    const k = outputKeys.indexOf(key);
    const header = headers[k];
    if (index === undefined) {
      differences.push({
        sheet: region.sheet.name,
        cell: cellAddress(region.headerRow, region.firstColumn + region.headers.length),
        message: v.columnMissing(header),
      });
      continue;
    }
    const column = region.firstColumn + index;
    const shownHeader = region.headers[index] || header;
    for (let row = region.firstDataRow; row <= region.lastDataRow; row++) {
      const expected = expectedOutputs.get(row)?.[k] ?? null;
      const found = cellValue(region.sheet, row, column);
      if (!sameValue(found, expected))
        differences.push({
          sheet: region.sheet.name,
          cell: cellAddress(row, column),
          message: v.cellDiffers(shownHeader, shown(found), shown(expected)),
        });
    }
  }

  // Verantwoording: every candidate's row, by its `Rij`.
  const table = recordTable(record);
  const headerColumns = new Map<string, number>();
  (sheet.values[recorded.headerRow - 1] ?? []).forEach((h, c) => {
    const key = headerKey(h);
    if (key && !headerColumns.has(key)) headerColumns.set(key, c + 1);
  });
  const columnOf = table.headers.map((h) => headerColumns.get(headerKey(h)));
  table.headers.forEach((h, i) => {
    if (columnOf[i] === undefined)
      differences.push({
        sheet: sheet.name,
        cell: cellAddress(recorded.headerRow, 1),
        message: v.columnMissing(h),
      });
  });
  const sheetRowOf = new Map<number, number>();
  for (let row = recorded.headerRow + 1; row <= sheet.values.length; row++) {
    const rij = cellValue(sheet, row, 1);
    if (isEmptyCell(rij)) continue;
    if (typeof rij === "number" && byRow.has(rij) && !sheetRowOf.has(rij)) sheetRowOf.set(rij, row);
    else
      differences.push({
        sheet: sheet.name,
        cell: cellAddress(row, 1),
        message: v.rowExtra(readText(rij)),
      });
  }
  table.rows.forEach((cells, r) => {
    const candidate = record.candidates[r];
    const at = sheetRowOf.get(candidate.row);
    if (at === undefined) {
      differences.push({
        sheet: sheet.name,
        cell: cellAddress(recorded.headerRow, 1),
        message: v.rowMissing(candidate.row, candidate.name),
      });
      return;
    }
    cells.forEach((expected, i) => {
      const column = columnOf[i];
      if (i === 0 || column === undefined) return;
      const found = cellValue(sheet, at, column);
      if (!sameValue(found, expected))
        differences.push({
          sheet: sheet.name,
          cell: cellAddress(at, column),
          message: v.cellDiffers(table.headers[i], shown(found), shown(expected)),
        });
    });
  });

  // The inputs behind a changed digest: the recorded values against those read now.
  if (recorded.digest.value !== record.digest.value)
    differences.unshift(...editedInputs(sheet, recorded.headerRow, table, candidates));

  // Ranking and Afwijzingen: every cell as a fresh scoring writes it.
  for (const name of rewrittenSheets)
    differences.push(...rewrittenSheetDifferences(snapshot, name, run.changes, dateMoved));

  return {
    differences,
    notes,
    candidates: evaluation.candidates.length,
    digest: record.digest.value,
  };
}

/**
 * The `Kandidaten` cells whose input was edited after scoring: for every row of the
 * record, the rate and each criterion's value as recorded against the same value
 * read now (the fresh record's row), named by the cell it is read from. A value
 * from Werkervaring is not a cell's; an empty value (recorded or now) is compared
 * only when the status did not change (a criterion not judged is empty, not missing).
 */
function editedInputs(
  sheet: SheetSnapshot,
  headerRow: number,
  table: { headers: string[]; rows: CellValue[][] },
  candidates: ReturnType<typeof readCandidates>
): SheetProblem[] {
  const { region, columns } = candidates;
  const h = recordTexts.headers;
  const recordedColumn = new Map<string, number>();
  (sheet.values[headerRow - 1] ?? []).forEach((header, c) => {
    const key = headerKey(header);
    if (key && !recordedColumn.has(key)) recordedColumn.set(key, c + 1);
  });
  const freshIndex = (header: string) =>
    table.headers.findIndex((t) => headerKey(t) === headerKey(header));
  const freshRows = new Map(table.rows.map((cells) => [cells[0], cells]));
  const inputs: Array<{ header: string; index: number; source?: string }> = [
    { header: h.rate, index: columns.rate },
  ];
  for (const [id, index] of columns.criteria) {
    const source = freshIndex(h.source(id)) >= 0 ? h.source(id) : undefined;
    inputs.push({ header: id, index, source });
  }
  const statusColumn = recordedColumn.get(headerKey(candidateHeaders.status));
  const problems: SheetProblem[] = [];
  for (let row = headerRow + 1; row <= sheet.values.length; row++) {
    const rij = cellValue(sheet, row, 1);
    const fresh = freshRows.get(rij);
    if (typeof rij !== "number" || !fresh) continue;
    const freshAt = (header: string) => fresh[freshIndex(header)] ?? null;
    const sameStatus =
      statusColumn !== undefined &&
      sameValue(cellValue(sheet, row, statusColumn), freshAt(candidateHeaders.status));
    for (const input of inputs) {
      const at = recordedColumn.get(headerKey(input.header));
      if (at === undefined || freshIndex(input.header) < 0) continue;
      if (input.source !== undefined) {
        const from = recordedColumn.get(headerKey(input.source));
        const typed = recordTexts.source.cell;
        if (
          from === undefined ||
          readText(cellValue(sheet, row, from)) !== typed ||
          readText(freshAt(input.source)) !== typed
        )
          continue;
      }
      const was = cellValue(sheet, row, at);
      const now = freshAt(input.header);
      const blank = (value: CellValue) => isEmptyCell(value) || readText(value) === "";
      if ((blank(was) || blank(now)) && !sameStatus) continue;
      if (sameValue(was, now)) continue;
      const column = region.firstColumn + input.index;
      problems.push({
        sheet: region.sheet.name,
        cell: cellAddress(rij, column),
        message: v.inputEdited(shown(was), shown(cellValue(region.sheet, rij, column))),
      });
    }
  }
  return problems;
}

/**
 * The cells of an own sheet (`Ranking`, `Afwijzingen`) that differ from what the
 * scoring's `writeValues` changes put there, and any other filled cell. The
 * headings (rows written at A1) are left out when the peildatum was moved to the
 * recorded one: they then name the dates differently, not wrongly.
 */
function rewrittenSheetDifferences(
  snapshot: WorkbookSnapshot,
  name: string,
  changes: WorkbookChange[],
  skipHeadings: boolean
): SheetProblem[] {
  const writes = changes.filter(
    (c): c is WriteValues =>
      c.kind === "writeValues" && c.sheet.toLowerCase() === name.toLowerCase()
  );
  if (writes.length === 0) return [];
  const found = findSheet(snapshot, name);
  if (!found) return [{ sheet: name, cell: "A1", message: v.sheetMissing(name) }];
  const expected = new Map<string, { row: number; column: number; value: CellValue }>();
  const skipped = new Set<string>();
  for (const write of writes) {
    const at = parseCell(write.at);
    write.values.forEach((cells, r) =>
      cells.forEach((value, c) => {
        const row = at.row + r;
        const column = at.column + c;
        const key = cellAddress(row, column);
        if (skipHeadings && write.at === "A1") skipped.add(key);
        else expected.set(key, { row, column, value });
      })
    );
  }
  // The header row: the first row below the headings with several texts in a row.
  const rows = new Map<number, CellValue[]>();
  for (const cell of expected.values())
    rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell.value]);
  const headerRow =
    [...rows.keys()]
      .filter((r) => r > 2 && (rows.get(r) ?? []).length > 1)
      .sort((a, b) => a - b)[0] ?? Number.MAX_SAFE_INTEGER;
  const label = (row: number, column: number) => {
    if (row < headerRow) return v.text;
    if (row === headerRow) return v.columnHeader;
    return readText(expected.get(cellAddress(headerRow, column))?.value ?? null) || v.text;
  };
  const problems: SheetProblem[] = [];
  for (const cell of expected.values()) {
    const value = cellValue(found, cell.row, cell.column);
    if (!sameValue(value, cell.value))
      problems.push({
        sheet: found.name,
        cell: cellAddress(cell.row, cell.column),
        message: v.cellDiffers(label(cell.row, cell.column), shown(value), shown(cell.value)),
      });
  }
  found.values.forEach((cells, r) =>
    cells.forEach((value, c) => {
      const key = cellAddress(r + 1, c + 1);
      if (expected.has(key) || skipped.has(key) || isEmptyCell(value) || readText(value) === "")
        return;
      problems.push({
        sheet: found.name,
        cell: key,
        message: v.cellDiffers(label(r + 1, c + 1), shown(value), v.empty),
      });
    })
  );
  return problems.sort((a, b) => {
    const x = parseCell(a.cell);
    const y = parseCell(b.cell);
    return x.row - y.row || x.column - y.column;
  });
}

/** What the record sheet says about how it was made. */
interface RecordedRun {
  engineVersion: string;
  referenceDate: string;
  /** The preset the rules came from; null for the `Aanvraag` sheet. */
  preset: string | null;
  digest: { value: string; cell: string };
  /** The header row of the candidates' block. */
  headerRow: number;
}

/**
 * The settings of a `Verantwoording` sheet (label in A, value in B) and where its
 * candidates' block starts.
 *
 * @throws WorkbookError naming the cell of a setting that is missing or unreadable.
 */
function readRecordSheet(sheet: SheetSnapshot): RecordedRun {
  const l = recordTexts.labels;
  let headerRow = 0;
  const settings = new Map<string, { value: CellValue; row: number }>();
  for (let row = RECORD_SETTINGS_ROW; row <= sheet.values.length; row++) {
    const label = headerKey(cellValue(sheet, row, 1));
    if (label === headerKey(recordTexts.headers.row)) {
      headerRow = row;
      break;
    }
    if (label && !settings.has(label))
      settings.set(label, { value: cellValue(sheet, row, 2), row });
  }
  const setting = (label: string) => {
    const found = settings.get(headerKey(label));
    const text = found ? readText(found.value) : "";
    if (!found || text === "") {
      const cell = found ? cellAddress(found.row, 2) : cellAddress(RECORD_SETTINGS_ROW, 1);
      throw new WorkbookError(v.unreadable(cell, label));
    }
    return { value: found.value, text, cell: cellAddress(found.row, 2) };
  };
  const date = setting(l.referenceDate);
  const read = readDate(date.value);
  if (!read.ok) throw new WorkbookError(v.unreadable(date.cell, l.referenceDate));
  if (headerRow === 0)
    throw new WorkbookError(
      v.unreadable(cellAddress(RECORD_SETTINGS_ROW, 1), recordTexts.headers.row)
    );
  const source = setting(l.requestSource).text;
  const presetPrefix = recordTexts.requestSource.preset("");
  const digest = setting(l.digest);
  return {
    engineVersion: setting(l.engineVersion).text,
    referenceDate: read.value,
    preset: source.startsWith(presetPrefix) ? source.slice(presetPrefix.length).trim() : null,
    digest: { value: digest.text.trim().toLowerCase(), cell: digest.cell },
    headerRow,
  };
}

/** Whether a cell holds what the recomputation gives: numbers to within rounding, text as text. */
function sameValue(found: CellValue, expected: CellValue): boolean {
  if (isEmptyCell(expected) || (typeof expected === "string" && expected.trim() === ""))
    return isEmptyCell(found) || readText(found) === "";
  if (typeof expected === "number") {
    if (typeof found !== "number") return false;
    return Math.abs(found - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return readText(found) === readText(expected);
}

/** A value as a difference names it. */
function shown(value: CellValue): string {
  if (isEmptyCell(value) || readText(value) === "") return v.empty;
  if (typeof value === "number") return formatNumber(value, 6);
  return `'${readText(value)}'`;
}
