/**
 * Just before a use case writes: one sync that reads again what the writes
 * depend on, and refuses to write when it moved. The candidates' names and the
 * table's extent (outputs are written by row position), and the add-in's sheet's
 * conditional formats with their ranges (rules are deleted by an id that is their
 * priority, which any rule added or removed meanwhile shifts). Excel has no
 * compare-and-swap, so this narrows the window between reading and writing to
 * one round trip; in it an edit can still slip through, and the next scoring
 * puts every row right.
 */
import { rangeAddress } from "../workbook/address";
import { identityText, rowIdentities, sameRows } from "../workbook/identity";
import { WorkbookError } from "../workbook/problems";
import { sheetNames } from "../workbook/texts";
import { existingFormats, loadFormats, type OfficeRead } from "./read";
import { officeTexts } from "./texts";

/** An address as Excel gives it (`Kandidaten!U2:U26`) without its sheet. */
function withoutSheet(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/**
 * Checks that `Kandidaten` and `Werkervaring` still hold the candidates of the read on the
 * same rows, and `Kandidaten` the same conditional formats; adds each format's range to the read.
 *
 * @throws WorkbookError (Dutch: "de werkmap is intussen gewijzigd; beoordeel opnieuw") when not.
 * @example
 * await checkUnchanged(context, read); // then write
 */
export async function checkUnchanged(
  context: Excel.RequestContext,
  read: OfficeRead
): Promise<void> {
  const pinned = rowIdentities(read.snapshot).map((identity) => {
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
    const extent = table?.getRange().load("rowIndex,rowCount");
    return { identity, names, table, extent };
  });
  const key = sheetNames.candidates.toLowerCase();
  const known = read.formats.get(key);
  const sheet = known ? context.workbook.worksheets.getItem(sheetNames.candidates) : null;
  const formats = sheet ? loadFormats(sheet.getRange().conditionalFormats) : null;
  const ranges =
    sheet && known
      ? known.map((f) =>
          sheet.getRange().conditionalFormats.getItem(f.id).getRangeOrNullObject().load("address")
        )
      : [];
  try {
    await context.sync();
  } catch (error) {
    // A rule read moments ago is gone: the sheet changed meanwhile.
    if ((error as { code?: string }).code === "ItemNotFound")
      throw new WorkbookError(officeTexts.changedMeanwhile);
    throw error;
  }
  for (const { identity, names, table, extent } of pinned) {
    const now = names ? names.values.map((row) => identityText(row[0] === "" ? null : row[0])) : [];
    const size =
      table && extent && !table.isNullObject
        ? {
            headerRow: extent.rowIndex + 1,
            rowCount: extent.rowCount - (table.showHeaders ? 1 : 0) - (table.showTotals ? 1 : 0),
          }
        : null;
    if (!sameRows(identity, now, size)) throw new WorkbookError(officeTexts.changedMeanwhile);
  }
  if (known && formats) {
    const fresh = existingFormats(formats);
    const asRead = known.map((f) => ({ id: f.id, type: f.type, formula: f.formula }));
    if (JSON.stringify(fresh) !== JSON.stringify(asRead))
      throw new WorkbookError(officeTexts.changedMeanwhile);
    known.forEach((f, i) => {
      if (!ranges[i].isNullObject) f.range = withoutSheet(ranges[i].address);
    });
  }
}
