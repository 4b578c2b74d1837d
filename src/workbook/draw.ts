/**
 * The use case "Loting vastleggen": the evaluator has drawn lots for a tied
 * group; the order is written into the `Loting` cells of those rows only (the
 * column is added to the table when it is not there). The caller re-scores.
 */
import { readText } from "../engine";
import { cellAddress, sheetAddress } from "./address";
import type { WorkbookChange } from "./changes";
import { numberFormats } from "./layout";
import { WorkbookError } from "./problems";
import { columnsNamed, dataRegion } from "./regions";
import { findSheet, type WorkbookSnapshot } from "./snapshot";
import { candidateHeaders, drawTexts, fatalMessages, sheetNames, tableNames } from "./texts";

/**
 * The changes that record a draw: `order[i]` (1, 2, …) into the `Loting` cell of sheet row `rows[i]`.
 * With `names` (the candidates the evaluator drew for, as the pane showed them), each row must
 * still hold that candidate: rows may have moved since the pane's scoring.
 *
 * @throws WorkbookError in Dutch for rows that are not candidate rows, rows that no longer hold
 * the named candidate, or an order that is not 1…n once each.
 * @example
 * planDraw(snapshot, [12, 14], [2, 1]);
 * // [{ kind: "writeValues", sheet: "Kandidaten", at: "T12", values: [[2]] }, { …, at: "T14", values: [[1]] }]
 */
export function planDraw(
  snapshot: WorkbookSnapshot,
  rows: number[],
  order: number[],
  names?: string[]
): WorkbookChange[] {
  if (rows.length === 0) throw new WorkbookError(drawTexts.noRows);
  if (rows.length !== order.length)
    throw new WorkbookError(drawTexts.lengths(rows.length, order.length));
  const sheet = findSheet(snapshot, sheetNames.candidates);
  if (!sheet) throw new WorkbookError(fatalMessages.noSheet(sheetNames.candidates));
  const region = dataRegion(sheet, tableNames.candidates, candidateHeaders.name);

  const seen = new Set<number>();
  for (const row of rows) {
    if (!Number.isInteger(row) || row < region.firstDataRow || row > region.lastDataRow) {
      throw new WorkbookError(drawTexts.notACandidate(sheetAddress(sheet.name, `${row}:${row}`)));
    }
    if (seen.has(row)) throw new WorkbookError(drawTexts.duplicateRow(row));
    seen.add(row);
  }
  const [nameIndex] = columnsNamed(region.headers, candidateHeaders.name);
  names?.forEach((name, i) => {
    const found = readText(sheet.values[rows[i] - 1]?.[region.firstColumn - 1 + (nameIndex ?? 0)]);
    if (nameIndex === undefined || found !== readText(name))
      throw new WorkbookError(drawTexts.moved(rows[i], name, found));
  });
  const lots = new Set(order);
  for (const value of order) {
    if (!Number.isInteger(value) || value < 1 || lots.size !== order.length) {
      throw new WorkbookError(drawTexts.badOrder(value));
    }
  }

  const changes: WorkbookChange[] = [];
  const found = columnsNamed(region.headers, candidateHeaders.drawOrder);
  let column: number;
  if (found.length > 0) column = region.firstColumn + found[0];
  else {
    column = region.firstColumn + region.headers.length;
    for (let row = region.headerRow; row <= region.lastDataRow; row++) {
      if (readText(sheet.values[row - 1]?.[column - 1]) !== "") {
        throw new WorkbookError(
          fatalMessages.occupied(sheet.name, cellAddress(row, column), candidateHeaders.drawOrder)
        );
      }
    }
    changes.push(
      region.table
        ? {
            kind: "addTableColumns",
            sheet: sheet.name,
            table: region.table.name,
            columns: [candidateHeaders.drawOrder],
          }
        : {
            kind: "writeValues",
            sheet: sheet.name,
            at: cellAddress(region.headerRow, column),
            values: [[candidateHeaders.drawOrder]],
            bold: true,
          }
    );
  }
  rows.forEach((row, i) =>
    changes.push({
      kind: "writeValues",
      sheet: sheet.name,
      at: cellAddress(row, column),
      values: [[order[i]]],
      numberFormats: [numberFormats.whole],
    })
  );
  return changes;
}
