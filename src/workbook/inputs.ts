/**
 * Reading the candidate rows (`Kandidaten`) and the work history (`Werkervaring`)
 * into the engine's inputs, and mapping the engine's problems back to cells.
 * Columns are found by fixed name or leading criterion id, in any order; a table
 * or a plain range with headers in row 1 both work.
 */
import {
  readText,
  type CandidateInput,
  type CellValue,
  type PeriodInput,
  type Problem,
  type Request,
} from "../engine";
import { cellAddress } from "./address";
import { isTopHeader, outputKeys, type OutputKey } from "./layout";
import { WorkbookError, type SheetProblem } from "./problems";
import {
  columnsNamed,
  columnsStartingWith,
  columnsWithId,
  dataRegion,
  headerKey,
  leadingId,
  regionCell,
  type Region,
} from "./regions";
import {
  cellValue,
  findSheet,
  shownValue,
  typedCell,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "./snapshot";
import {
  candidateHeaders,
  fatalMessages,
  layoutMessages,
  periodHeaders,
  sheetNames,
  tableNames,
  tableRowTexts,
  topHeader,
} from "./texts";

/** Where each input field of a candidate row is: 0-based column indexes in the region. */
export interface CandidateColumns {
  name: number;
  supplier?: number;
  rate: number;
  drawOrder?: number;
  /** Criterion id → column index, for every criterion that has a column. */
  criteria: Map<string, number>;
  /** Output column → column index, for the output columns that already exist. */
  outputs: Map<OutputKey, number>;
}

/** The candidates' block, its columns and the engine's inputs. */
export interface CandidateSheet {
  region: Region;
  columns: CandidateColumns;
  inputs: CandidateInput[];
  /** Header cells led by a criterion-like id that is none of the request's, or by one without a column (K8). */
  columnProblems: SheetProblem[];
}

/** The work history's block, its columns and the engine's inputs. */
export interface PeriodSheet {
  region: Region;
  columns: Record<keyof typeof periodHeaders, number | undefined>;
  inputs: PeriodInput[];
}

/** The one column of a fixed name; two of them is fatal (which would count?). */
function single(region: Region, found: number[], what: string): number | undefined {
  if (found.length > 1) {
    const cells = found.map((i) => cellAddress(region.headerRow, region.firstColumn + i));
    throw new WorkbookError(
      fatalMessages.duplicateColumn(region.sheet.name, what, cells),
      cells.slice(1).map((cell) => ({
        sheet: region.sheet.name,
        cell,
        message: layoutMessages.duplicateHere(what, cells[0]),
      }))
    );
  }
  return found[0];
}

/** How far down a header row that is not in row 1 is still looked for (a title, a few notes). */
const HEADER_SEARCH_ROWS = 20;

/**
 * A plain range whose headers are not in row 1: the cell below row 1 that holds
 * `header` (within the first rows), as a fatal error naming that cell.
 */
function headerBelowFirstRow(region: Region, header: string): WorkbookError | null {
  if (region.table) return null;
  const sheet = region.sheet;
  const rows = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
  for (let row = 2; row <= rows; row++) {
    const column = (sheet.values[row - 1] ?? []).findIndex(
      (v) => headerKey(v) === headerKey(header)
    );
    if (column >= 0) {
      return new WorkbookError(layoutMessages.headerNotInFirstRow(sheet.name, row), [
        {
          sheet: sheet.name,
          cell: cellAddress(row, column + 1),
          message: layoutMessages.headerFoundHere(header),
        },
      ]);
    }
  }
  return null;
}

/** The header cells that are empty while the column under them holds data (a merged header, a forgotten one). */
function emptyHeaderCells(region: Region): SheetProblem[] {
  const problems: SheetProblem[] = [];
  region.headers.forEach((header, i) => {
    if (header !== "") return;
    for (let row = region.firstDataRow; row <= region.lastDataRow; row++) {
      if (readText(regionCell(region, row, i)) !== "") {
        problems.push({
          sheet: region.sheet.name,
          cell: cellAddress(region.headerRow, region.firstColumn + i),
          message: layoutMessages.emptyHeader(),
        });
        return;
      }
    }
  });
  return problems;
}

/**
 * A missing column: fatal, with the cell to fix: an empty header above data (a
 * merged or forgotten header), else the header cell next to the last column.
 */
function missingColumn(region: Region, message: string, header: string): WorkbookError {
  const empty = emptyHeaderCells(region);
  if (empty.length > 0) return new WorkbookError(message, empty);
  const next = cellAddress(region.headerRow, region.firstColumn + region.headers.length);
  return new WorkbookError(message, [
    {
      sheet: region.sheet.name,
      cell: next,
      message: layoutMessages.addColumnHere(header, region.headers.length === 0),
    },
  ]);
}

/**
 * The region without the empty rows at its end: a table stretched over thousands of
 * empty (formatted) rows is read, scored and written only down to its last filled row.
 */
function withoutTrailingEmptyRows(region: Region): Region {
  const width = region.headers.length;
  let last = Math.min(region.lastDataRow, region.sheet.values.length);
  for (; last >= region.firstDataRow; last--) {
    const row = region.sheet.values[last - 1] ?? [];
    let filled = false;
    for (let i = 0; i < width && !filled; i++)
      filled = readText(row[region.firstColumn - 1 + i] ?? null) !== "";
    if (filled) break;
  }
  return last === region.lastDataRow ? region : { ...region, lastDataRow: last };
}

/**
 * A cell's value as the engine reads it ({@link typedCell}): an error value by its Dutch
 * name, a formula as its text, with or without a stored result (a file written by a
 * program and never opened in Excel has none), so the engine says "formula instead of a value".
 */
function inputCell(sheet: SheetSnapshot, row: number, column: number): CellValue {
  return typedCell(sheet, row, column);
}

/**
 * Reads the `Kandidaten` sheet for a request.
 *
 * @throws WorkbookError when the sheet, the `Kandidaat` or `Uurtarief` column, or a required criterion column is missing.
 * @example
 * readCandidates(snapshot, request17040).inputs[0]; // { row: 2, name: "Ans", rate: "€ 72,50", values: { K1: "Ja", … } }
 */
export function readCandidates(snapshot: WorkbookSnapshot, request: Request): CandidateSheet {
  const sheet = findSheet(snapshot, sheetNames.candidates);
  if (!sheet) throw new WorkbookError(fatalMessages.noSheet(sheetNames.candidates));
  const region = withoutTrailingEmptyRows(
    dataRegion(sheet, tableNames.candidates, candidateHeaders.name)
  );
  const fixed = (header: string) =>
    single(region, columnsNamed(region.headers, header), `'${header}'`);
  const name = fixed(candidateHeaders.name);
  if (name === undefined) {
    throw (
      headerBelowFirstRow(region, candidateHeaders.name) ??
      missingColumn(
        region,
        fatalMessages.noHeader(sheet.name, candidateHeaders.name),
        candidateHeaders.name
      )
    );
  }
  // Any header that starts with `Uurtarief`: the template's says what the rate includes.
  const rate = single(
    region,
    columnsStartingWith(region.headers, candidateHeaders.rate),
    `'${candidateHeaders.rate}'`
  );
  if (rate === undefined)
    throw missingColumn(
      region,
      fatalMessages.noHeader(sheet.name, candidateHeaders.rate),
      candidateHeaders.rate
    );

  const criteria = new Map<string, number>();
  for (const criterion of [...request.knockouts, ...request.awards]) {
    if (criterion.header === null) continue; // K8 is the rate
    const index = single(region, columnsWithId(region.headers, criterion.id), criterion.id);
    if (index !== undefined) criteria.set(criterion.id, index);
    else if (!("optional" in criterion && criterion.optional)) {
      throw missingColumn(
        region,
        fatalMessages.noCriterionColumn(sheet.name, criterion.header),
        criterion.header
      );
    }
  }
  const outputs = new Map<OutputKey, number>();
  for (const key of outputKeys) {
    const found =
      key === "top"
        ? region.headers.flatMap((h, i) => (isTopHeader(h) ? [i] : []))
        : columnsNamed(region.headers, candidateHeaders[key]);
    const what = key === "top" ? `'${topHeader(request.topN)}'` : `'${candidateHeaders[key]}'`;
    const index = single(region, found, what);
    if (index !== undefined) outputs.set(key, index);
  }
  const columns: CandidateColumns = {
    name,
    supplier: fixed(candidateHeaders.supplier),
    rate,
    drawOrder: fixed(candidateHeaders.drawOrder),
    criteria,
    outputs,
  };

  const inputs: CandidateInput[] = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++) {
    const at = (index: number | undefined): CellValue =>
      index === undefined ? null : inputCell(sheet, row, region.firstColumn + index);
    const values: Record<string, CellValue> = {};
    for (const [id, index] of criteria) values[id] = at(index);
    // The name as shown, a formula's result too: a name identifies the row (the clean-up
    // replaces it, formula or not) and is never scored; the values scored are typed (typedCell).
    const shownName = shownValue(cellValue(sheet, row, region.firstColumn + name));
    const input: CandidateInput = { row, name: shownName, rate: at(rate), values };
    if (columns.supplier !== undefined) input.supplier = at(columns.supplier);
    if (columns.drawOrder !== undefined) input.drawOrder = at(columns.drawOrder);
    inputs.push(input);
  }
  return { region, columns, inputs, columnProblems: unknownCriterionColumns(region, request) };
}

/** What a criterion id looks like: K (knock-out), G (award) or E (CV requirement) and a number. */
const CRITERION_ID = /^[KGE]\d+$/;

/**
 * The header cells led by what looks like a criterion id (`K9 Rijbewijs`) that is no
 * criterion of the request, or by the id of a criterion that has no column (K8 is the
 * rate): such a column counts for nothing, which the evaluator must see.
 */
function unknownCriterionColumns(region: Region, request: Request): SheetProblem[] {
  const criteria = new Map(
    [...request.knockouts, ...request.awards].map((c) => [c.id.toUpperCase(), c] as const)
  );
  const problems: SheetProblem[] = [];
  region.headers.forEach((header, i) => {
    const id = leadingId(header);
    if (id === null || !CRITERION_ID.test(id)) return;
    const criterion = criteria.get(id);
    if (criterion && criterion.header !== null) return;
    problems.push({
      sheet: region.sheet.name,
      cell: cellAddress(region.headerRow, region.firstColumn + i),
      message: criterion
        ? tableRowTexts.columnOfRateCriterion(header, id)
        : tableRowTexts.unknownCriterionColumn(header, request.id),
    });
  });
  return problems;
}

/**
 * Reads the `Werkervaring` sheet; null when the workbook has none (or it is empty).
 *
 * @throws WorkbookError when the sheet has rows but lacks `Kandidaat`, `Telt voor`, `Van` or `Tot`.
 * @example
 * readPeriods(snapshot)?.inputs[0]; // { row: 2, candidate: "Ans", countsFor: "K3, G9", from: Date, to: null }
 */
export function readPeriods(snapshot: WorkbookSnapshot): PeriodSheet | null {
  const sheet = findSheet(snapshot, sheetNames.periods);
  if (!sheet) return null;
  const region = withoutTrailingEmptyRows(
    dataRegion(sheet, tableNames.periods, periodHeaders.candidate)
  );
  if (region.headers.every((h) => h === "") && region.lastDataRow < region.firstDataRow)
    return null;
  const find = (header: string) =>
    single(region, columnsNamed(region.headers, header), `'${header}'`);
  const columns = {
    candidate: find(periodHeaders.candidate),
    role: find(periodHeaders.role),
    countsFor: find(periodHeaders.countsFor),
    from: find(periodHeaders.from),
    to: find(periodHeaders.to),
  };
  for (const key of ["candidate", "countsFor", "from", "to"] as const) {
    if (columns[key] === undefined) {
      throw (
        (key === "candidate" ? headerBelowFirstRow(region, periodHeaders.candidate) : null) ??
        missingColumn(
          region,
          fatalMessages.noHeader(sheet.name, periodHeaders[key]),
          periodHeaders[key]
        )
      );
    }
  }
  const inputs: PeriodInput[] = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++) {
    const at = (index: number | undefined): CellValue =>
      index === undefined ? null : inputCell(sheet, row, region.firstColumn + index);
    inputs.push({
      row,
      candidate: at(columns.candidate),
      role: at(columns.role),
      countsFor: at(columns.countsFor),
      from: at(columns.from),
      to: at(columns.to),
    });
  }
  return { region, columns, inputs };
}

/**
 * The engine's problems at their cells: a field is the column of that name or
 * criterion; a field without a column of its own (K8 is the rate) falls back to the name cell.
 *
 * @example
 * problemCells(problems, candidates, periods)[0]; // { sheet: "Kandidaten", cell: "F7", message: "K3: …" }
 */
export function problemCells(
  problems: Problem[],
  candidates: CandidateSheet,
  periods: PeriodSheet | null
): SheetProblem[] {
  const c = candidates.columns;
  return problems.map((p) => {
    if (p.source === "periods" && periods) {
      const key = p.field as keyof PeriodSheet["columns"];
      const index = periods.columns[key] ?? periods.columns.candidate ?? 0;
      return {
        sheet: periods.region.sheet.name,
        cell: cellAddress(p.row, periods.region.firstColumn + index),
        message: p.message,
      };
    }
    const fields: Record<string, number | undefined> = {
      name: c.name,
      supplier: c.supplier,
      rate: c.rate,
      drawOrder: c.drawOrder,
    };
    const index =
      fields[p.field] ?? c.criteria.get(p.field) ?? (p.field === "K8" ? c.rate : c.name);
    return {
      sheet: candidates.region.sheet.name,
      cell: cellAddress(p.row, candidates.region.firstColumn + index),
      message: p.message,
    };
  });
}
