/**
 * One grammar, two readers (issue 19): the criteria tables of `Aanvraag` read by FLEX
 * (src/functions/criteria.ts) and by the pane and the command (src/workbook/request/)
 * give the same criteria, or the same problem at the same row and column.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import {
  columnHeaders,
  request17040,
  requestWords,
  tableColumns,
  validateRequest,
  type CellValue,
  type CriteriaColumn,
  type CriteriaProblem,
  type CriteriaTableKind,
} from "../../src/engine";
import {
  CriteriaError,
  readAwardCriteria,
  readKnockoutCriteria,
} from "../../src/functions/criteria";
import { cellAddress } from "../../src/workbook/address";
import { criteriaProblemMessage } from "../../src/workbook/request/criteria";
import { readRequest } from "../../src/workbook/requestRead";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { planTemplate } from "../../src/workbook/template";
import { tableNames } from "../../src/workbook/texts";
import { applyChanges, readSnapshot } from "../../src/xlsx";
import { reload } from "../xlsx/helpers";

const readers = { knockouts: readKnockoutCriteria, awards: readAwardCriteria } as const;

/** The template of 17040, made by the product and read back from the .xlsx file. */
let template: WorkbookSnapshot;
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, planTemplate(request17040));
  template = readSnapshot(await reload(workbook));
});

function aanvraag(snapshot: WorkbookSnapshot): SheetSnapshot {
  return snapshot.sheets.find((s) => s.name === "Aanvraag")!;
}

/** A table of the sheet as Excel hands it to FLEX: `Name[#All]` (with headers) or `Name` (the body). */
function range(sheet: SheetSnapshot, name: string, withHeaders: boolean): CellValue[][] {
  const table = sheet.tables.find((t) => t.name === name)!;
  const first = withHeaders ? table.headerRow : table.headerRow + 1;
  const rows: CellValue[][] = [];
  for (let row = first; row <= table.headerRow + table.rowCount; row++)
    rows.push(
      table.columns.map((_, i) => sheet.values[row - 1]?.[table.firstColumn - 1 + i] ?? null)
    );
  return rows;
}

/** What FLEX makes of a range: the criteria, or the grammar's problem behind its `#VALUE!`. */
function flex(kind: CriteriaTableKind, table: CellValue[][]) {
  try {
    return { criteria: readers[kind](table) as unknown[] };
  } catch (error) {
    if (error instanceof CriteriaError) return { problem: error.problem, message: error.message };
    throw error;
  }
}

describe("the template's own Aanvraag", () => {
  test("gives the same request through FLEX (with and without the header row) and the workbook", () => {
    const sheet = aanvraag(template);
    const read = readRequest(template)!;
    expect(read.problems).toEqual([]);
    expect(read.request.knockouts).toEqual(request17040.knockouts);
    expect(read.request.awards).toEqual(request17040.awards);
    for (const withHeaders of [true, false]) {
      expect(readKnockoutCriteria(range(sheet, tableNames.knockouts, withHeaders))).toEqual(
        read.request.knockouts
      );
      expect(readAwardCriteria(range(sheet, tableNames.awards, withHeaders))).toEqual(
        read.request.awards
      );
    }
  });
});

/** The template with one criteria table replaced by `headers` and `rows`, as an Excel table far below the rest. */
function withTable(
  kind: CriteriaTableKind,
  headers: string[],
  rows: CellValue[][]
): { snapshot: WorkbookSnapshot; headerRow: number } {
  // A copy of the sheet's rows and tables (structuredClone would lose the Dates of another realm).
  const sheet: SheetSnapshot = {
    ...aanvraag(template),
    values: aanvraag(template).values.map((row) => [...row]),
    tables: [...aanvraag(template).tables],
  };
  const snapshot = {
    ...template,
    sheets: template.sheets.map((s) => (s.name === sheet.name ? sheet : s)),
  };
  const name = tableNames[kind];
  const headerRow = sheet.values.length + 3;
  sheet.tables = sheet.tables.filter((t) => t.name !== name);
  sheet.tables.push({ name, headerRow, firstColumn: 1, columns: headers, rowCount: rows.length });
  sheet.values[headerRow - 1] = [...headers];
  rows.forEach((row, i) => (sheet.values[headerRow + i] = [...row]));
  for (let i = 0; i < headerRow; i++) sheet.values[i] ??= [];
  return { snapshot, headerRow };
}

/** The cell the workbook reports a grammar problem at, in a table whose header row is `headerRow` from column A. */
function problemCell(p: CriteriaProblem, headers: string[], headerRow: number): string {
  const index = (column: CriteriaColumn) => headers.indexOf(columnHeaders[column]);
  if (p.row === null) return cellAddress(p.code === "noCriteria" ? headerRow + 1 : headerRow, 1);
  const at = p.column && index(p.column) >= 0 ? index(p.column) : Math.max(index("id"), 0);
  return cellAddress(headerRow + 1 + p.row, at + 1);
}

/** Both readers on one table: the same criteria, or FLEX's problem among the workbook's at the same cell. */
function agree(kind: CriteriaTableKind, headers: string[], rows: CellValue[][], body: boolean) {
  const { snapshot, headerRow } = withTable(kind, headers, rows);
  const read = readRequest(snapshot)!;
  const own = flex(kind, body ? rows : [headers, ...rows]);
  if ("criteria" in own) {
    expect(read.request[kind]).toEqual(own.criteria);
    // Nothing beyond what validateRequest says about the criteria: no problem of the grammar.
    expect(read.problems).toHaveLength(validateRequest(read.request).length);
  } else {
    expect(read.problems).toContainEqual({
      sheet: "Aanvraag",
      cell: problemCell(own.problem, headers, headerRow),
      message: criteriaProblemMessage("Aanvraag", kind, own.problem),
    });
  }
  return own;
}

describe("drifts decided once (issue 19)", () => {
  const knockoutHeaders = ["Id", "Soort waarde", "Toets", "Grens", "Periode (jaren)", "Optioneel"];

  test("Toets 'Ten minste' is Minimaal in both readers", () => {
    const rows = [["K3", "Jaren", "Ten minste", 2, 5, "Nee"]];
    const own = agree("knockouts", knockoutHeaders, rows, false);
    expect(own.criteria).toEqual([
      expect.objectContaining({ rule: { kind: "atLeast", value: 2 }, windowYears: 5 }),
    ]);
  });

  test("an empty Soort waarde on a Ja rule is Ja/Nee in both readers", () => {
    const own = agree("knockouts", knockoutHeaders, [["K2", "", "Ja", "", "", "Nee"]], false);
    expect(own.criteria).toEqual([expect.objectContaining({ valueKind: "yesNo" })]);
  });

  test("an empty Soort waarde where a number is compared is a problem in both readers", () => {
    const own = agree("knockouts", knockoutHeaders, [["K3", "", "Minimaal", 2, 5, "Nee"]], false);
    expect(own.problem).toMatchObject({ code: "valueKindRequired", row: 0, column: "valueKind" });
    expect(own.message).toBe(
      "Knock-outcriteria, rij 2: K3: geef de soort waarde (jaren, aantal of bedrag): een grens, drempel of treden vergelijkt een getal."
    );
    const read = readRequest(
      withTable("knockouts", knockoutHeaders, [["K3", "", "Minimaal", 2, 5, "Nee"]]).snapshot
    )!;
    expect(read.problems.map((p) => p.message)).toContain(
      "Soort waarde ontbreekt: de toets of scoring vergelijkt een getal. Kies uit 'Jaren', 'Aantal' en 'Bedrag'."
    );
  });

  test("an unreadable Optioneel is a problem in both readers, not a silent Nee", () => {
    const own = agree(
      "knockouts",
      knockoutHeaders,
      [["E2", "Ja/Nee", "Ja", "", "", "soms"]],
      false
    );
    expect(own.problem).toMatchObject({ code: "unknownWord", column: "optional" });
  });

  test("the Periode (jaren) column counts in FLEX as in the workbook", () => {
    const awards = ["Id", "Soort waarde", "Scoring", "Drempel", "Punten", "Periode (jaren)"];
    const own = agree("awards", awards, [["G9", "Jaren", "Alles of niets", 10, 50, 10]], false);
    expect(own.criteria).toEqual([expect.objectContaining({ windowYears: 10 })]);
  });
});

/**
 * The cells a user might type in each column: mostly what the grammar reads (the
 * template's words, other accepted words, empty where a column may be), sometimes not.
 */
function column(good: CellValue[], bad: CellValue[]): fc.Arbitrary<CellValue> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...bad) }
  );
}

const cells: Record<CriteriaColumn, fc.Arbitrary<CellValue>> = {
  id: column(["K1", "k3", "E2", "G9", "G10", "K12", "e1", "G2"], ["9", "", "K 3"]),
  description: column(["", "Hbo-bachelor"], [" "]),
  header: column([""], ["Kop", "K3 Jaren"]),
  valueKind: column(
    [...Object.values(requestWords.valueKind), "ja/nee/n.v.t.", "jaar", "euro", "JAREN"],
    ["", "kleur"]
  ),
  rule: column(
    [...Object.values(requestWords.rule), "Ten minste", "ten hoogste", "min", "uurtarief"],
    ["", "ongeveer"]
  ),
  limit: column([0, 2, "2,5", 3, "€ 1.000", "2 jaar"], ["", "tien", -1]),
  window: column([5, 10, "3,5"], ["", 0, "vijf"]),
  optional: column(["", "Ja", "Nee", "nee", true, false], ["soms"]),
  scoring: column(
    [...Object.values(requestWords.scoring), "alles-of-niets", "staffel", "LINEAIR"],
    ["", "soms"]
  ),
  threshold: column(["", 0, 1, 10, "2,5"], ["tien", -5]),
  maximum: column(["", 5, 12, 20], ["veel"]),
  steps: column(["", "2:10; 5:30", "1=5", "0:0"], ["veel", "2:10; drie"]),
  points: column([0, 20, 50, "12,5"], ["", "veel", -5]),
};

/** Soort waarde with a rule or scoring that fits it (the template's rows are so), mixed in most rows. */
const fitting: Record<CriteriaTableKind, Array<Partial<Record<CriteriaColumn, CellValue>>>> = {
  knockouts: [
    { valueKind: "Ja/Nee", rule: "Ja" },
    { valueKind: "Ja/Nee/n.v.t.", rule: "Ja" },
    { valueKind: "", rule: "Ja" },
    { valueKind: "Jaren", rule: "Ten minste" },
    { valueKind: "Aantal", rule: "Maximaal" },
    { valueKind: "Bedrag", rule: "Dekt opdrachtwaarde" },
    { valueKind: "Bedrag", rule: "Maximumtarief" },
  ],
  awards: [
    { valueKind: "Ja/Nee", scoring: "Alles of niets", threshold: "" },
    { valueKind: "", scoring: "Alles of niets", threshold: "" },
    { valueKind: "Jaren", scoring: "Lineair", threshold: 2, maximum: 10 },
    { valueKind: "Aantal", scoring: "Treden", steps: "1:5; 3:10" },
    { valueKind: "Bedrag", scoring: "Alles of niets", threshold: "€ 1.000" },
  ],
};

/** A row of a table: its cells in the order of `picked`, mostly with a fitting kind and rule. */
function rowOf(
  kind: CriteriaTableKind,
  picked: readonly CriteriaColumn[]
): fc.Arbitrary<CellValue[]> {
  const fix = fc.oneof(
    { weight: 7, arbitrary: fc.constantFrom(...fitting[kind]) },
    { weight: 3, arbitrary: fc.constant<Partial<Record<CriteriaColumn, CellValue>>>({}) }
  );
  return fc
    .tuple(fc.record(cells), fix)
    .map(([all, fixed]) => picked.map((c) => (c in fixed ? fixed[c]! : all[c])));
}

/** A table of one kind: some of its columns (Id always; any order) under their headers, and rows. */
const tables = fc.constantFrom<CriteriaTableKind>("knockouts", "awards").chain((kind) => {
  const all = tableColumns(kind);
  const columns = fc.oneof(
    { weight: 3, arbitrary: fc.constant([...all]) },
    {
      weight: 2,
      arbitrary: fc
        .shuffledSubarray(all.filter((c) => c !== "id"))
        .chain((rest) =>
          fc.nat(rest.length).map((i) => [...rest.slice(0, i), "id" as const, ...rest.slice(i)])
        ),
    }
  );
  return columns.chain((picked) =>
    fc.record({
      kind: fc.constant(kind),
      columns: fc.constant(picked),
      rows: fc.oneof(
        {
          weight: 9,
          arbitrary: fc.array(rowOf(kind, picked), {
            minLength: 1,
            maxLength: 4,
          }),
        },
        { weight: 1, arbitrary: fc.constant([]) }
      ),
      body: fc.boolean(),
    })
  );
});

describe("random criteria tables, valid and broken", () => {
  test("give the same criteria or the same problem through FLEX and the workbook", () => {
    fc.assert(
      fc.property(tables, ({ kind, columns, rows, body }) => {
        const headers = (columns as CriteriaColumn[]).map((c) => columnHeaders[c]);
        // Without its header row (`Gunningscriteria`) FLEX reads the template's order only.
        const inOrder = columns.join() === tableColumns(kind).join();
        agree(kind, headers, rows as CellValue[][], body && inOrder && rows.length > 0);
      }),
      { numRuns: 300 }
    );
  });
});
