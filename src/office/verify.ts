/**
 * Just before a use case writes by row position: one sync that reads the
 * candidates' names and the table's extent again and refuses to write when
 * they moved. Excel has no compare-and-swap for ranges, so this narrows the
 * window between reading and writing to one round trip; in it, an edit can
 * still slip through, and the next scoring puts every row right.
 */
import { rangeAddress } from "../workbook/address";
import { identityText, rowIdentity, sameRows } from "../workbook/identity";
import { WorkbookError } from "../workbook/problems";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { officeTexts } from "./texts";

/**
 * Checks that `Kandidaten` still holds the candidates of `snapshot` on the same rows.
 *
 * @throws WorkbookError (Dutch: "de werkmap is intussen gewijzigd; beoordeel opnieuw") when not.
 * @example
 * await checkRowsUnchanged(context, read.snapshot); // then write
 */
export async function checkRowsUnchanged(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot
): Promise<void> {
  const identity = rowIdentity(snapshot);
  if (!identity) return;
  const names =
    identity.bottom >= identity.top
      ? context.workbook.worksheets
          .getItem(identity.sheet)
          .getRange(rangeAddress(identity.top, identity.column, identity.bottom, identity.column))
          .load("values")
      : null;
  const table = identity.table
    ? context.workbook.tables
        .getItemOrNullObject(identity.table.name)
        .load("showHeaders,showTotals")
    : null;
  const range = table?.getRange().load("rowIndex,rowCount");
  await context.sync();
  const now = names ? names.values.map((row) => identityText(row[0] === "" ? null : row[0])) : [];
  const extent =
    table && range && !table.isNullObject
      ? {
          headerRow: range.rowIndex + 1,
          rowCount: range.rowCount - (table.showHeaders ? 1 : 0) - (table.showTotals ? 1 : 0),
        }
      : null;
  if (!sameRows(identity, now, extent)) throw new WorkbookError(officeTexts.changedMeanwhile);
}
