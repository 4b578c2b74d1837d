/**
 * The use case "Narekenen" (`awardscore verify`): from a scored workbook's own
 * inputs and request (the `Aanvraag` sheet, or the preset its `Verantwoording`
 * names), at the peildatum recorded there, every verdict is computed again and
 * compared with what the workbook says: the output columns of `Kandidaten` and the
 * `Verantwoording` record (its digest of the inputs and every candidate's row).
 * Each difference is named by its cell. Pure: reads a snapshot, writes nothing.
 */
import {
  ENGINE_VERSION,
  evaluate,
  formatDate,
  formatNumber,
  isEmptyCell,
  readDate,
  readText,
  type CellValue,
} from "../engine";
import { cellAddress } from "./address";
import { readCandidates } from "./inputs";
import { outputHeaders, outputKeys } from "./layout";
import { WorkbookError, type SheetProblem } from "./problems";
import { recordTable, scoreRecord, RECORD_SETTINGS_ROW } from "./record";
import { headerKey } from "./regions";
import { outputRow, planScore } from "./score";
import { cellValue, findSheet, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { recordTexts, verifyTexts as v } from "./texts";

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

/** The output columns a verdict is compared on (the reason is compared in the record). */
const verdictKeys = outputKeys.filter((key) => key !== "reason");

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

  const plan = planScore(snapshot, recorded.preset === null ? {} : { preset: recorded.preset });
  let { request, evaluation } = plan;
  if (request.referenceDate !== recorded.referenceDate) {
    request = { ...request, referenceDate: recorded.referenceDate };
    evaluation = evaluate(request, plan.inputs.candidates, plan.inputs.periods);
    notes.push(v.referenceDate(formatDate(recorded.referenceDate)));
  }
  const record = scoreRecord(
    { ...plan, request, evaluation },
    recorded.preset ?? undefined,
    new Date()
  );

  const differences: SheetProblem[] = [];
  if (recorded.digest.value !== record.digest.value) {
    differences.push({
      sheet: sheet.name,
      cell: recorded.digest.cell,
      message: v.digestChanged(recorded.digest.value || v.empty, record.digest.value),
    });
  }

  // Kandidaten: the verdict cells of every row.
  const candidates = readCandidates(snapshot, request);
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

  return {
    differences,
    notes,
    candidates: evaluation.candidates.length,
    digest: record.digest.value,
  };
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
