/**
 * The package reader gives the very snapshot ExcelJS gives (src/xlsx/read.ts), for our own
 * workbooks and for every foreign workbook ExcelJS reads, except where ExcelJS reads wrong:
 * each such difference is listed below with the file it shows in, and the right value is
 * asserted instead. The example and a scored file saved by LibreOffice are compared in
 * test/xlsx/roundtrip.test.ts, in the LibreOffice start of its round trip.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { isDeepStrictEqual } from "util";
import { request17040 } from "../../../src/engine";
import { evaluatorSnapshot } from "../../../src/cli/commands";
import type { WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { planTemplate } from "../../../src/workbook/template";
import { applyChanges, fullSnapshot, readSnapshot } from "../../../src/xlsx";
import {
  packageEvaluatorSnapshot,
  packageFullSnapshot,
  packageSnapshot,
} from "../../../src/xlsx/package/snapshot";
import { readPackage, type Package } from "../../../src/xlsx/package/zip";
import { awardscore, scratch } from "../../cli/helpers";
import { excelJs, meaning } from "./helpers";

const foreign = ["../shared/foreign-xlsx", "../../shared/foreign-xlsx", "/work/shared/foreign-xlsx"]
  .map((p) => path.resolve(p))
  .find((p) => fs.existsSync(p));

/**
 * ExcelJS's bugs, corrected on its snapshot with the package reader's value only where the
 * bug is the explanation:
 * - a formula whose cached result is 0, false or "" reads as no value (its FormulaValue
 *   copies only truthy results);
 * - it reads no threaded comments and no custom properties at all.
 */
function corrected(ej: WorkbookSnapshot, mine: WorkbookSnapshot): WorkbookSnapshot {
  const sheets = ej.sheets.map((sheet, s) => {
    const own = mine.sheets[s];
    if (!own || own.name !== sheet.name) return sheet;
    const values = sheet.values.map((row) => [...row]);
    own.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const falsy = value === 0 || value === false || value === "";
        if (falsy && own.formulas?.[r]?.[c] && (values[r]?.[c] ?? null) === null) {
          while (values.length <= r) values.push([]);
          while (values[r].length < c) values[r].push(null);
          values[r][c] = value;
        }
      })
    );
    return { ...sheet, values };
  });
  return { ...ej, sheets };
}

/** The package reader's snapshot without what ExcelJS does not read (threaded comments, custom properties). */
function withoutExtras(mine: WorkbookSnapshot): WorkbookSnapshot {
  const rest = { ...mine };
  delete rest.customProperties;
  return {
    ...rest,
    sheets: mine.sheets.map((s) =>
      s.notes ? { ...s, notes: s.notes.filter((n) => !n.threaded) } : s
    ),
  };
}

/**
 * Where ExcelJS reads a file wrong in ways {@link corrected} does not cover: the fields of
 * the snapshot that differ, why, and what the package reader gives instead (asserted).
 */
const excelJsWrong: Record<
  string,
  {
    why: string;
    right: (mine: WorkbookSnapshot) => void;
    /** The sheet fields the difference is confined to: all else must be the same. */
    only?: "validations";
  }
> = {
  "exceljs/formulas.xlsx": {
    why: "a formula cell with a hyperlink loses its formula in ExcelJS (the value becomes the link's text)",
    right: (mine) =>
      expect(mine.sheets[0].formulas?.[0]?.[0]).toBe('=_xlfn.CONCAT("someone","@example.com")'),
  },
  "poi/123233_charts.xlsx": {
    why: "ExcelJS finds worksheets only under xl/worksheets/sheetN.xml; this writer used other names",
    right: (mine) =>
      expect(mine.sheets.map((s) => s.name)).toEqual([
        "Page1_1",
        "data_Page1_1_1",
        "data_Page1_1_2",
        "data_Page1_1_3",
        "data_Page1_1_4",
      ]),
  },
  "poi/52575_main.xlsx": {
    why: "LibreOffice wrote the cached text of a formula as <v> of an inlineStr cell; ExcelJS parses it as a number (NaN)",
    right: (mine) => expect(mine.sheets[0].values[1][0]).toBe("POI rocks!"),
  },
  "poi/59026.xlsx": {
    why: "ExcelJS drops the table columns after one with a child element (calculatedColumnFormula)",
    right: (mine) =>
      expect(mine.sheets[0].tables[0].columns).toEqual(["Date", "Description", "Amount"]),
  },
  "poi/table-sample.xlsx": {
    why: "ExcelJS drops the table columns after one with a child element (calculatedColumnFormula)",
    right: (mine) => expect(mine.sheets[0].tables[0].columns).toHaveLength(5),
  },
  "poi/CustomXMLMappings-complex-type.xlsx": {
    why: "ExcelJS drops the table columns after one with a child element (xmlColumnPr)",
    right: (mine) =>
      expect(mine.sheets[1].tables[0].columns).toEqual([
        "ID",
        "Unmapped Column",
        "SchemaRef",
        "Namespace",
      ]),
  },
  "poi/StructuredRefs-lots-with-lookups.xlsx": {
    why: "ExcelJS drops table columns (as above) and merges sheet-local names of one name into one, keeping an arbitrary range and losing Query_from_RDS_1",
    right: (mine) => {
      expect(mine.names).toContainEqual({
        name: "Query_from_RDS_1",
        sheet: "query2",
        address: "L1:S15",
      });
      expect(mine.sheets.find((s) => s.name === "Query")?.tables[0].columns).toHaveLength(7);
    },
  },
  "poi/60289.xlsx": {
    why: "ExcelJS decodes _xHHHH_ escapes only in upper-case hexadecimal (_x000d_ stays)",
    right: (mine) => expect(mine.sheets[0].values[1][1]).toBe("Rich Text\r\nTest"),
  },
  "poi/SimpleStrict.xlsx": {
    why: 'Strict OOXML writes dates as t="d" ISO text; ExcelJS parses 1990-01-01 as the number 1990',
    right: (mine) => expect(mine.sheets[1].values[3][0]).toEqual(new Date(Date.UTC(1990, 0, 1))),
  },
  "poi/64759.xlsx": {
    why: "ExcelJS reads a note's text only from rich-text runs; Excel's copy of a threaded comment is a plain <t>",
    right: (mine) =>
      expect(mine.sheets[0].notes?.[0].text).toMatch(/^\[Threaded comment\][\s\S]*testing/),
  },
  "poi/right-to-left.xlsx": {
    why: "ExcelJS reads a note's text only from rich-text runs; Excel's copy of a threaded comment is a plain <t>",
    right: (mine) => expect(mine.sheets[0].notes?.[0].text).toMatch(/test comment$/),
  },
  "poi/commentTest.xlsx": {
    why: "ExcelJS keeps a note only on a cell the sheet holds; notes on empty cells are lost",
    right: (mine) =>
      expect(mine.sheets[0].notes?.map((n) => n.at)).toEqual(
        expect.arrayContaining(["A1", "B1", "A2", "B4"])
      ),
  },
  "poi/DataValidationEvaluations.xlsx": {
    why: "ExcelJS turns the formulas of whole-number, decimal and date rules into numbers (a reference becomes NaN)",
    right: (mine) =>
      expect(mine.sheets[0].validations).toContainEqual({ range: "B31", formulae: ["D2", "F2"] }),
  },
  "poi/DataValidations-49244.xlsx": {
    why: "ExcelJS turns the formulas of whole-number, decimal and date rules into numbers (a reference becomes NaN)",
    right: (mine) =>
      expect(mine.sheets[0].validations?.[0]).toEqual({
        range: "C6",
        promptTitle: "Integer Input",
        formulae: ["E6"],
      }),
  },
};

/** Files ExcelJS reads without throwing that the package reader refuses, and why that is right. */
const refused: Record<string, string> = {
  "exceljs/missing-bits.xlsx": "notWorkbook", // two parts, no workbook: ExcelJS gives an empty workbook
};

/** Files ExcelJS takes minutes or gigabytes to read (the hostile cases). */
const tooSlowForExcelJs = new Set(["exceljs/test-issue-1842.xlsx", "poi/57893-many-merges.xlsx"]);

/**
 * Compares the full snapshots of `bytes`; `read` gives ExcelJS's workbook and the package
 * when the caller has read them already (each is read once per file).
 */
async function compareFull(
  bytes: Buffer,
  label: string,
  read?: { workbook: ExcelJS.Workbook; pkg: Package }
): Promise<"same" | "documented" | "refused" | "excelJsFails"> {
  let ej: WorkbookSnapshot;
  try {
    ej = fullSnapshot(read?.workbook ?? (await excelJs(bytes)));
  } catch {
    return "excelJsFails";
  }
  if (refused[label]) {
    await expect(readPackage(bytes).then(packageFullSnapshot)).rejects.toMatchObject({
      problem: { kind: refused[label] },
    });
    return "refused";
  }
  const mine = packageFullSnapshot(read?.pkg ?? (await readPackage(bytes)));
  const left = meaning(corrected(ej, mine));
  const right = meaning(withoutExtras(mine));
  const wrong = excelJsWrong[label];
  if (wrong) {
    expect({ label, same: isDeepStrictEqual(left, right) }).toEqual({ label, same: false });
    if (wrong.only) {
      const without = (s: WorkbookSnapshot) => ({
        ...s,
        sheets: s.sheets.map((sheet) => ({ ...sheet, [wrong.only!]: undefined })),
      });
      expect(without(right)).toEqual(without(left));
    }
    wrong.right(mine);
    return "documented";
  }
  // jest's toEqual is slow on snapshots this big: it runs (and says what differs) only when the
  // strict comparison finds a difference; strictly equal snapshots are equal for toEqual too.
  if (!isDeepStrictEqual(right, left))
    expect({ label, snapshot: right }).toEqual({ label, snapshot: left });
  return "same";
}

test("the example: all three snapshots as ExcelJS gives them", async () => {
  const bytes = fs.readFileSync(path.join(__dirname, "../../../examples/aanvraag-17040.xlsx"));
  const workbook = await excelJs(bytes);
  const pkg = await readPackage(bytes);
  expect(packageSnapshot(pkg)).toEqual(readSnapshot(workbook));
  expect(packageEvaluatorSnapshot(pkg)).toEqual(evaluatorSnapshot(workbook));
  expect(await compareFull(bytes, "example", { workbook, pkg })).toBe("same");
});

test("the template as the command writes it: the same snapshots", async () => {
  const workbook = new ExcelJS.Workbook();
  applyChanges(workbook, planTemplate(request17040, { rows: 5 }));
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const pkg = await readPackage(bytes);
  const loaded = await excelJs(bytes);
  expect(packageSnapshot(pkg)).toEqual(readSnapshot(loaded));
  expect(await compareFull(bytes, "template", { workbook: loaded, pkg })).toBe("same");
});

test("a scored example (Ranking, Afwijzingen, Verantwoording): the same snapshots", async () => {
  const dir = scratch();
  const input = path.join(dir, "aanvraag.xlsx");
  fs.copyFileSync(path.join(__dirname, "../../../examples/aanvraag-17040.xlsx"), input);
  const out = path.join(dir, "beoordeeld.xlsx");
  const ran = await awardscore("score", input, "--out", out);
  expect(ran.stderr).toBe("");
  const bytes = fs.readFileSync(out);
  const pkg = await readPackage(bytes);
  const loaded = await excelJs(bytes);
  const evaluator = packageEvaluatorSnapshot(pkg);
  expect(evaluator.sheets.map((s) => s.name)).toEqual(
    expect.arrayContaining(["Ranking", "Afwijzingen", "Verantwoording"])
  );
  expect(evaluator).toEqual(evaluatorSnapshot(loaded));
  // The package writer keeps one validation per cell (an overlap is cut out of the older one).
  expect(await compareFull(bytes, "scored", { workbook: loaded, pkg })).toBe("same");
});

if (!foreign) console.warn("../shared/foreign-xlsx is absent: the foreign workbooks are not read");
/** A test that needs ../shared/foreign-xlsx: skipped (and shown so) without it. */
const withForeign = foreign ? test : test.skip;

withForeign(
  "the issue's hostile foreign files (minutes and gigabytes in ExcelJS) read within a second or two of CPU",
  async () => {
    for (const label of tooSlowForExcelJs) {
      // CPU time, not the wall clock: a machine busy with other work does not make the read slower.
      const started = process.cpuUsage();
      const snapshot = packageFullSnapshot(
        await readPackage(fs.readFileSync(path.join(foreign!, label)))
      );
      const used = process.cpuUsage(started);
      const ms = (used.user + used.system) / 1000;
      expect({ label, ms: ms < 5000 }).toEqual({ label, ms: true });
      expect(snapshot.sheets.length).toBeGreaterThan(0);
    }
  }
);

const files = foreign
  ? ["exceljs", "poi"].flatMap((d) =>
      fs
        .readdirSync(path.join(foreign, d))
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => `${d}/${f}`)
    )
  : [];

withForeign(
  "every foreign workbook ExcelJS reads: the same full snapshot, or a documented ExcelJS bug",
  async () => {
    const outcomes: Record<string, number> = {};
    for (const label of files) {
      if (tooSlowForExcelJs.has(label)) continue;
      const outcome = await compareFull(fs.readFileSync(path.join(foreign!, label)), label);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    // Every documented difference still shows (a fixed one is taken off the list).
    expect(outcomes.documented).toBe(Object.keys(excelJsWrong).length);
    expect(outcomes.same).toBeGreaterThan(150);
  },
  300_000
);
