/**
 * The FLEX functions inside a real formula engine (HyperFormula; GPL, a
 * devDependency used only in tests), registered by ./flexPlugin.ts, calculating
 * the very formulas set-up writes (outputFormulas of src/workbook/formulas.ts):
 * every typed argument wrapped in IF(ISBLANK(x),"",x), Rang and Top N picked
 * with INDEX from one FLEX.RANKING spill on the Berekening sheet.
 *
 * HyperFormula has no tables, so the structured references are turned into the
 * A1 ranges they stand for by the Excel simulator's own translation
 * (test/office/simulator/structured.ts), with the array arithmetic that Excel's
 * dynamic arrays have (`useArrayArithmetic`). HyperFormula has no spill
 * reference either (`'Berekening'!$A$3#`): here, and only here, INDEX points at
 * the spill's explicit extent `'Berekening'!$A$3:$B$<N+2>` instead.
 *
 * Every case runs once per way a blank cell reaches a custom function (null as
 * Excel on the web, 0 as Excel on Windows, "" too): the results must be the same
 * and the engine's.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { evaluate, request17040, type CandidateInput, type CellValue } from "../../src/engine";
import { AWARD_COLUMNS } from "../../src/functions/criteria";
import { outputFormulas, type OutputFormulas } from "../../src/workbook/formulas";
import type { FakeTable } from "../office/simulator/state";
import { toA1 } from "../office/simulator/structured";
import { registerFlexFunctions, setBlankEncoding, type BlankEncoding } from "./flexPlugin";
import { passingValues } from "../engine/helpers";
import { knockoutCriteria17040, limitRows17040 } from "./helpers";

const TOP_N = 3;
const request = { ...request17040, topN: TOP_N };
const knockoutColumns = request.knockouts.filter((c) => c.header !== null);
const ids = [...knockoutColumns, ...request.awards].map((c) => c.id);
const headers = [
  "Kandidaat",
  "Leverancier",
  "Uurtarief",
  ...knockoutColumns.map((c) => c.header as string),
  ...request.awards.map((c) => c.header as string),
  "Loting",
  "Knock-out",
  "Score",
  "Rang",
  "Top 10",
];
const out = { knockout: headers.indexOf("Knock-out") };

/** One candidate: name, rate, values by id (missing = blank), draw. */
interface Person {
  name: string | null;
  rate: RawCellContent;
  values?: Record<string, RawCellContent>;
  blank?: string[];
  draw?: number;
}
/** The knock-out values of a passing candidate (test/engine/helpers), with the CV requirements met. */
const passing: Record<string, RawCellContent> = {
  ...Object.fromEntries(Object.entries(passingValues).filter(([id]) => id.startsWith("K"))),
  E1: 4,
  E2: "Ja",
  E3: 2,
} as Record<string, RawCellContent>;
const awards = (g9: RawCellContent, g10: RawCellContent, g11: RawCellContent) => ({
  G9: g9,
  G10: g10,
  G11: g11,
});
const people: Person[] = [
  { name: "Ans", rate: 70, values: awards(12, "Ja", 2) }, // 100
  { name: "Bram", rate: "70,00", values: awards(10, "Ja", 0) }, // 80, tie at rate 70
  { name: "Cor", rate: 70, values: awards(12, "ja", "0,5") }, // 80, tie at rate 70
  { name: "Dirk", rate: "75,01", values: awards(12, "Ja", 2) }, // K8
  { name: "Eva", rate: 70, values: awards(12, "Ja", 2), blank: ["K5"] }, // incomplete
  { name: "Fenna", rate: 70, values: awards(12, "Ja", 2), blank: ["K3"] }, // incomplete (blank K3 is no 0)
  { name: "Gijs", rate: 60, values: awards(10, "Ja", 0) }, // 80 at a lower rate
  { name: "Hans", rate: 70, values: awards(11, "Ja", 0) }, // 80, tie at rate 70
  { name: null, rate: null, blank: ids }, // an empty table row
  { name: "Ivo", rate: 65, values: awards(5, "Ja", 0) }, // 30
];
const rowCount = people.length;
const lastRow = rowCount + 1;

function rowCells(person: Person): RawCellContent[] {
  const value = (id: string) =>
    person.blank?.includes(id) ? null : (person.values?.[id] ?? passing[id] ?? null);
  return [
    person.name,
    person.name ? "Bureau" : null,
    person.rate,
    ...ids.map(value),
    person.draw ?? null,
  ];
}

/** The award table's header, as the functions read it (src/functions/criteria.ts). */
const awardHeader: string[] = [...AWARD_COLUMNS];
const awardRows: RawCellContent[][] = [
  ["G9", "", "G9", "Jaren", "Alles of niets", 10, null, null, 50, 15],
  ["G10", "", "G10", "Ja/Nee", "Alles of niets", null, null, null, 30, null],
  ["G11", "", "G11", "Jaren", "Alles of niets", 1, null, null, 20, 3],
];
const knockoutRows = knockoutCriteria17040.map((r) => r.map((c) => (c === "" ? null : c)));
/** The Aanvraag sheet: the award table at A1, the knock-out table below it, then the settings. */
const settingsTop = 1 + awardRows.length + 1 + knockoutRows.length + 2;
const settings: Array<[string, RawCellContent]> = [
  ...limitRows17040.filter(([name]) => name !== "OptiesTellenMee"),
  ["OptiesTellenMee", null], // cleared: Nee, as the engine's request has it
  ["TopN", TOP_N],
  ["CvEisen", "uitsluiten"],
];

const tables: FakeTable[] = [
  {
    name: "Gunningscriteria",
    sheet: "Aanvraag",
    top: 1,
    left: 1,
    bottom: 1 + awardRows.length,
    right: awardHeader.length,
    columns: awardHeader,
  },
  {
    name: "Knockoutcriteria",
    sheet: "Aanvraag",
    top: awardRows.length + 3,
    left: 1,
    bottom: awardRows.length + 2 + knockoutRows.length,
    right: knockoutRows[0].length,
    columns: knockoutRows[0] as string[],
  },
  {
    name: "Kandidaten",
    sheet: "Kandidaten",
    top: 1,
    left: 1,
    bottom: lastRow,
    right: headers.length,
    columns: headers,
  },
];

const formulas = outputFormulas({
  table: "Kandidaten",
  headers,
  knockoutIds: knockoutColumns.map((c) => c.id),
  awardIds: request.awards.map((c) => c.id),
  ranking: { sheet: "Berekening", cell: "A3" },
});

/** HyperFormula has no `X#`: the spill's own extent, N rows of two columns from A3 (only in this test). */
function withoutSpillReference(formula: string): string {
  return formula.replace("'Berekening'!$A$3#", `'Berekening'!$A$3:$B$${rowCount + 2}`);
}

/** A set-up formula without the blank wrapper: `IF(ISBLANK(x),"",x)` back to `x` (to show why it is there). */
function unwrapped(formula: string): string {
  const start = "IF(ISBLANK(";
  let result = formula;
  for (let at = result.indexOf(start); at >= 0; at = result.indexOf(start)) {
    let depth = 1;
    let i = at + start.length;
    for (; depth > 0; i++) {
      if (result[i] === "(") depth++;
      else if (result[i] === ")") depth--;
    }
    const inner = result.slice(at + start.length, i - 1);
    const whole = `${start}${inner}),"",${inner})`;
    expect(result.slice(at, at + whole.length)).toBe(whole);
    result = result.slice(0, at) + inner + result.slice(at + whole.length);
  }
  return result;
}

function build(encoding: BlankEncoding, edit: (f: string) => string = (f) => f): HyperFormula {
  setBlankEncoding(encoding);
  const at = (row: number, column: number, sheet: string) => ({ sheet, row, column });
  const a1 = (formula: string, row: number, column: number, sheet: string) =>
    toA1(withoutSpillReference(edit(formula)), at(row, column, sheet), tables);
  const column = (key: keyof OutputFormulas) =>
    out.knockout + (["knockout", "score", "rank", "top"] as const).indexOf(key as never);
  const hf = HyperFormula.buildFromSheets(
    {
      Aanvraag: [
        awardHeader,
        ...awardRows,
        [],
        ...knockoutRows,
        [],
        ...settings.map(([name, value]) => [name, value]),
      ],
      Kandidaten: [
        headers,
        ...people.map((p, i) => [
          ...rowCells(p),
          a1(formulas.knockout, i + 2, column("knockout") + 1, "Kandidaten"),
          a1(formulas.score, i + 2, column("score") + 1, "Kandidaten"),
        ]),
      ],
      Berekening: [
        ["Live rangorde (FLEX.RANKING): de kolommen Rang en Top 10 lezen hieruit. Niet bewerken."],
        ["Rang", "Top 10"],
        [a1(formulas.ranking, 3, 1, "Berekening")],
      ],
      Werkervaring: [
        ["Kandidaat", "Telt voor", "Van", "Tot"],
        ["Ans", "K3, G9", "27-08-2020", "26-08-2023"],
        ["Ans", "K3", "27-08-2022", null],
        ["Bram", "G11", "01-01-2024", null],
      ],
    },
    { licenseKey: "gpl-v3", useArrayArithmetic: true }
  );
  settings.forEach(([name], i) => hf.addNamedExpression(name, `=Aanvraag!$B$${settingsTop + i}`));
  hf.addNamedExpression("Peildatum", "=DATE(2024,8,26)");
  // Rang and Top 10 are written once the spill has its values: HyperFormula 3.5, building a
  // workbook whose INDEX reads a spill that is not calculated yet, fails ("Unknown array").
  const sheet = hf.getSheetId("Kandidaten") as number;
  people.forEach((_, i) => {
    for (const key of ["rank", "top"] as const) {
      const col = column(key);
      hf.setCellContents(
        { sheet, row: i + 1, col },
        a1(formulas[key], i + 2, col + 1, "Kandidaten")
      );
    }
  });
  return hf;
}

/** The output columns (Knock-out, Score, Rang, Top 10), errors as `#TYPE: message`. */
function outputs(hf: HyperFormula): unknown[][] {
  const sheet = hf.getSheetId("Kandidaten") as number;
  return people.map((_, i) =>
    [0, 1, 2, 3].map((k) => {
      const value = hf.getCellValue({ sheet, row: i + 1, col: out.knockout + k });
      return typeof value === "object" && value !== null && "type" in value
        ? `#${(value as { type: string }).type}: ${(value as { message: string }).message}`
        : value;
    })
  );
}

/** The engine's verdicts for the same rows, as those four cells show them. */
function engineOutputs(draws: Record<string, number> = {}): unknown[][] {
  const inputs: CandidateInput[] = people.map((p, i) => {
    const cells = rowCells(p);
    return {
      row: i + 2,
      name: p.name,
      rate: p.rate as CellValue,
      drawOrder: (p.name && draws[p.name]) ?? null,
      values: Object.fromEntries(ids.map((id, k) => [id, cells[3 + k] as CellValue])),
    };
  });
  const byRow = new Map(evaluate(request, inputs).candidates.map((c) => [c.row, c]));
  return people.map((_, i) => {
    const c = byRow.get(i + 2);
    if (!c) return ["", "", "", ""];
    const knockout =
      c.status === "eligible"
        ? "OK"
        : c.status === "incomplete"
          ? "incomplete"
          : c.failed.map((id) => (id.startsWith("E") ? `CV-eis ${id}` : id)).join("; ");
    return [knockout, c.score ?? "", c.rank ?? "", c.top ? "Ja" : c.needsDraw ? "Loting" : "Nee"];
  });
}

/** The cells with an incomplete verdict (#N/A with its message) read as `incomplete`. */
const asVerdicts = (rows: unknown[][]) =>
  rows.map(([k, ...rest]) => [
    typeof k === "string" && k.startsWith("#NA: ") ? "incomplete" : k,
    ...rest,
  ]);

beforeAll(() => registerFlexFunctions());
afterAll(() => setBlankEncoding("null"));

describe.each<BlankEncoding>(["null", "zero", "empty"])(
  "the set-up's formulas in HyperFormula, a blank cell handed over as %s",
  (encoding) => {
    let hf: HyperFormula;
    beforeEach(() => {
      hf = build(encoding);
    });
    afterEach(() => hf.destroy());

    test("every verdict, score, rank and top mark is the engine's", () => {
      const expected = [
        ["OK", 100, 1, "Ja"],
        ["OK", 80, 3, "Loting"],
        ["OK", 80, 3, "Loting"],
        ["K8", "", "", "Nee"],
        ["incomplete", "", "", "Nee"],
        ["incomplete", "", "", "Nee"],
        ["OK", 80, 2, "Ja"],
        ["OK", 80, 3, "Loting"],
        ["", "", "", ""],
        ["OK", 30, 6, "Nee"],
      ];
      expect(asVerdicts(outputs(hf))).toEqual(expected);
      expect(asVerdicts(outputs(hf))).toEqual(engineOutputs());
      // The incomplete rows say what is missing, not a knock-out.
      expect(outputs(hf)[4][0]).toMatch(/^#NA: K5: /);
      expect(outputs(hf)[5][0]).toMatch(/^#NA: K3: /);
    });

    test("the Berekening spill holds every table row's rank and top mark, in the table's order", () => {
      const sheet = hf.getSheetId("Berekening") as number;
      const spill = people.map((_, i) => [
        hf.getCellValue({ sheet, row: i + 2, col: 0 }),
        hf.getCellValue({ sheet, row: i + 2, col: 1 }),
      ]);
      expect(spill).toEqual(
        engineOutputs().map(([, , rank, top], i) => [rank, people[i].name ? top : "Nee"])
      );
    });

    test("recording a complete draw and clearing a typed K3 recalculate every row, as the engine", () => {
      const sheet = hf.getSheetId("Kandidaten") as number;
      const draws: Record<string, number> = { Bram: 2, Cor: 3, Hans: 1 };
      const lotingColumn = headers.indexOf("Loting");
      people.forEach((p, i) => {
        if (p.name && draws[p.name])
          hf.setCellContents({ sheet, row: i + 1, col: lotingColumn }, draws[p.name]);
      });
      expect(asVerdicts(outputs(hf)).map((row) => row.slice(2))).toEqual([
        [1, "Ja"],
        [4, "Nee"],
        [5, "Nee"],
        ["", "Nee"],
        ["", "Nee"],
        ["", "Nee"],
        [2, "Ja"],
        [3, "Ja"],
        ["", ""],
        [6, "Nee"],
      ]);
      expect(asVerdicts(outputs(hf))).toEqual(engineOutputs(draws));
      // Clearing a typed K3 (Fenna's is blank; Ans's now too) makes Ans incomplete, never knocked out.
      hf.setCellContents(
        { sheet, row: 1, col: headers.indexOf(knockoutColumns[2].header as string) },
        null
      );
      expect(outputs(hf)[0]).toEqual([expect.stringMatching(/^#NA: K3: /), "", "", "Nee"]);
    });
  }
);

describe("why the set-up wraps every typed argument", () => {
  test("without IF(ISBLANK(…)) a blank handed over as 0 (Windows) is a typed 0: a blank K3 is a knock-out, a cleared OptiesTellenMee #VALUE!", () => {
    const fenna = people.findIndex((p) => p.name === "Fenna");
    const options = {
      row: settingsTop - 1 + settings.findIndex(([n]) => n === "OptiesTellenMee"),
      col: 1,
    };
    const zero = build("zero", unwrapped);
    const web = build("null", unwrapped);
    try {
      // The cleared setting arrives as 0 on Windows: every named row is #VALUE!; on the web it is Nee.
      const named = people.flatMap((p, i) => (p.name ? [i] : []));
      for (const i of named) expect(outputs(zero)[i][0]).toMatch(/^#VALUE: Opties tellen mee: /);
      expect(outputs(web)[0][0]).toBe("OK");
      // With the setting typed, the blank K3 arrives as 0 years on Windows: knocked out, not incomplete.
      // (The encoding is the plugin's for every calculation: set it back for this workbook's.)
      setBlankEncoding("zero");
      zero.setCellContents({ sheet: zero.getSheetId("Aanvraag") as number, ...options }, "Nee");
      expect(outputs(zero)[fenna][0]).toBe("K3");
      expect(outputs(web)[fenna][0]).toMatch(/^#NA: K3: /);
    } finally {
      zero.destroy();
      web.destroy();
    }
    // With the wrapper both platforms say incomplete, and the cleared setting is Nee.
    for (const encoding of ["zero", "null"] as const) {
      const wrapped = build(encoding);
      expect(outputs(wrapped)[fenna][0]).toMatch(/^#NA: K3: /);
      expect(outputs(wrapped)[0][0]).toBe("OK");
      wrapped.destroy();
    }
  });
});

describe.each<BlankEncoding>(["null", "zero"])(
  "FLEX.YEARS and FLEX.CONTRACTVALUE, blanks as %s",
  (encoding) => {
    let hf: HyperFormula;
    beforeEach(() => {
      hf = build(encoding);
    });
    afterEach(() => hf.destroy());

    test("FLEX.YEARS over the Werkervaring columns: an open Tot, blank or 0, runs to the end date", () => {
      const werk = hf.getSheetId("Werkervaring") as number;
      const calc = (formula: string) => hf.calculateFormula(formula, werk);
      expect(calc('=FLEX.YEARS(C2:C4,D2:D4,Peildatum,5,A2:A4,"Ans",B2:B4,"K3")')).toBe(4);
      // 27-08-2020 t/m 26-08-2023 is 1095 days; the 3 years before 26-08-2024 hold 1096 (29-02-2024).
      expect(calc('=FLEX.YEARS(C2:C4,D2:D4,Peildatum,15,A2:A4,"Ans",B2:B4,"G9")')).toBe(2.99);
      expect(calc('=FLEX.YEARS(C2:C4,D2:D4,Peildatum,3,A2:A4,"Bram",B2:B4,"G11")')).toBe(0.65);
      expect(calc('=IFNA(FLEX.YEARS(C2:C4,D2:D4,Peildatum,5,A2:A4,"Cor",B2:B4,"K3"),2.5)')).toBe(
        2.5
      );
      expect(calc("=FLEX.YEARS(C2:C3,D2:D3,Peildatum)")).toBe(4);
      // A typed 0 as Tot is open too (0 is no date), the same as the blank D4.
      expect(calc('=FLEX.YEARS("01-01-2024",0,Peildatum,3)')).toBe(
        calc("=FLEX.YEARS(C4,D4,Peildatum,3)")
      );
      // The K3 boundary in a cell: exactly 2 years, and one day short showing 1,99 (never 2).
      expect(calc('=FLEX.YEARS("27-08-2022","",Peildatum,5)')).toBe(2);
      expect(calc('=FLEX.YEARS("28-08-2022","",Peildatum,5)')).toBe(1.99);
    });

    test("FLEX.CONTRACTVALUE with and without the options, and an error with its message", () => {
      const calc = (formula: string) =>
        hf.calculateFormula(formula, hf.getSheetId("Kandidaten") as number);
      expect(calc("=FLEX.CONTRACTVALUE(C2,UrenPerWeek,LooptijdWeken)")).toBe(29120);
      expect(calc('=FLEX.CONTRACTVALUE(75,32,13,Verlengingen,WekenPerVerlenging,"Ja")')).toBe(
        93600
      );
      expect(calc('=FLEX.CONTRACTVALUE("abc",32,13)')).toMatchObject({
        type: "VALUE",
        message: expect.stringMatching(/^Uurtarief: Geen geldig uurtarief/),
      });
    });
  }
);
