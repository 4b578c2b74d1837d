/** The template's plan: drop-downs over the whole table and below it, wrapped headers, print settings, a blank request. */
import { request17040 } from "../../src/engine";
import type { ListValidation, PageSetup, WorkbookChange } from "../../src/workbook/changes";
import { parseRange } from "../../src/workbook/address";
import { EMPTY_TABLE_ROWS, knockoutColumns } from "../../src/workbook/layout";
import { blankRequest, LIST_ROWS_BELOW, planTemplate } from "../../src/workbook/template";

const lists = (changes: WorkbookChange[], sheet: string) =>
  changes.filter((c): c is ListValidation => c.kind === "listValidation" && c.sheet === sheet);
const table = (changes: WorkbookChange[], name: string) =>
  changes.find((c) => c.kind === "createTable" && c.name === name) as { range: string };

describe("planTemplate", () => {
  test.each([1, 24, LIST_ROWS_BELOW + 500])(
    "with %i rows, every drop-down covers each data row, and at least the 1,000 rows under the header",
    (rows) => {
      const changes = planTemplate(request17040, { rows });
      const bottom = parseRange(table(changes, "Kandidaten").range).bottom;
      expect(bottom).toBe(rows + 1);
      const ranges = lists(changes, "Kandidaten").map((c) => parseRange(c.range));
      // K1, K2, K4, K5, K6 and G10 (Ja/Nee), E2 (Ja/Nee): one list per column.
      expect(ranges).toHaveLength(7);
      for (const range of ranges) {
        expect(range.top).toBe(2);
        expect(range.bottom).toBe(Math.max(bottom, 1 + LIST_ROWS_BELOW));
      }
    }
  );

  test("each table's header row is bold and wraps, after its columns have their widths", () => {
    const changes = planTemplate(request17040);
    for (const sheet of ["Kandidaten", "Werkervaring"]) {
      const mine = changes.filter((c) => c.sheet === sheet);
      const widths = mine.findIndex((c) => c.kind === "columnWidths");
      const header = mine.findIndex((c) => c.kind === "writeValues" && c.at === "A1");
      expect(mine[header]).toMatchObject({ bold: true, wrap: true });
      // Excel fits the row to the widths set before (Range.format.autofitRows).
      expect(widths).toBeLessThan(header);
    }
  });

  test("every sheet with content prints A4 landscape, one page wide; a table's header on each page", () => {
    const setups = planTemplate(request17040).filter((c): c is PageSetup => c.kind === "pageSetup");
    expect(Object.fromEntries(setups.map((c) => [c.sheet, c.printTitleRows ?? null]))).toEqual({
      Aanvraag: null,
      Kandidaten: { first: 1, last: 1 },
      Werkervaring: { first: 1, last: 1 },
    });
    for (const setup of setups)
      expect(setup).toMatchObject({
        paper: "A4",
        orientation: "landscape",
        fitToWidth: 1,
        fitToHeight: 0,
      });
  });
});

describe("a blank request", () => {
  const changes = planTemplate(blankRequest());

  test("its criteria tables have empty rows to type in, with their drop-downs", () => {
    const knockouts = parseRange(table(changes, "Knockoutcriteria").range);
    expect(knockouts.bottom - knockouts.top).toBe(EMPTY_TABLE_ROWS);
    const awards = parseRange(table(changes, "Gunningscriteria").range);
    expect(awards.bottom - awards.top).toBe(EMPTY_TABLE_ROWS);
    const kind = lists(changes, "Aanvraag").map((c) => parseRange(c.range));
    const ruleColumn = knockoutColumns.indexOf("rule") + 1;
    expect(kind).toContainEqual({
      top: knockouts.top + 1,
      left: ruleColumn,
      bottom: knockouts.bottom,
      right: ruleColumn,
    });
  });

  test("its settings to fill in are empty cells, never NaN or an empty text", () => {
    const values = changes
      .filter((c) => c.kind === "writeValues" && c.sheet === "Aanvraag")
      .flatMap((c) => (c as { values: unknown[][] }).values.flat());
    expect(values.some((v) => typeof v === "number" && Number.isNaN(v))).toBe(false);
    expect(values).not.toContain("");
  });

  test("its Kandidaten table has the fixed and output columns only, until criteria are added", () => {
    const kandidaten = changes.find((c) => c.kind === "createTable" && c.name === "Kandidaten") as {
      columns: string[];
    };
    expect(kandidaten.columns.filter((h) => /^[KEG]\d+ /.test(h))).toEqual([]);
    expect(kandidaten.columns[0]).toBe("Kandidaat");
  });
});
