import { escapeColumn, outputFormulas, present } from "../../src/workbook/formulas";
import { outputHeaders17040 } from "./helpers";

export const headers17040 = [
  "Kandidaat",
  "Leverancier",
  "Uurtarief",
  "K1 Waadi-registratie",
  "K2 Eigen laptop en telefoon",
  "K3 Jaren klantmanager inkomen (laatste 5 jaar)",
  "K4 Civision-ervaring (laatste 3 jaar)",
  "K5 Participatiewet-ervaring (laatste 3 jaar)",
  "K6 Hbo-bachelor",
  "K7 Verzekerd bedrag",
  "E1 CV-pagina's",
  "E2 CV in het Nederlands",
  "E3 Aantal referenties",
  "G9 Jaren allround inkomensconsulent gemeente (laatste 15 jaar)",
  "G10 Opleiding richting klantmanager inkomen of SJD",
  "G11 Jaren Civision (laatste 3 jaar)",
  "Loting",
  ...outputHeaders17040,
];

const input = {
  table: "Kandidaten",
  headers: headers17040,
  knockoutIds: ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "E1", "E2", "E3"],
  awardIds: ["G9", "G10", "G11"],
  ranking: { sheet: "Berekening", cell: "A3" },
};

/** `IF(ISBLANK(x),"",x)`, written out here so the test does not lean on present() alone. */
const w = (x: string) => `IF(ISBLANK(${x}),"",${x})`;

describe("formulas of the Kandidaten output columns", () => {
  const formulas = outputFormulas(input);

  test('present(): a blank reaches the function as "" on every platform, one cell or a range', () => {
    expect(present("[@[Uurtarief]]")).toBe('IF(ISBLANK([@[Uurtarief]]),"",[@[Uurtarief]])');
    expect(present("Kandidaten[[Score]]")).toBe(w("Kandidaten[[Score]]"));
  });

  test("Knock-out: every typed argument wrapped (the K and E span, the criteria table, the rate, the settings); the headers as they are", () => {
    const values = "[@[K1 Waadi-registratie]]:[@[E3 Aantal referenties]]";
    expect(formulas.knockout).toBe(
      `=IF(TRIM([@[Kandidaat]])="","",FLEX.KNOCKOUT(${w(values)},${w("Knockoutcriteria[#All]")},` +
        `${w("[@[Uurtarief]]")},${w("Maximumtarief")},${w("UrenPerWeek")},${w("LooptijdWeken")},` +
        `${w("Verlengingen")},${w("WekenPerVerlenging")},${w("OptiesTellenMee")},` +
        `Kandidaten[[#Headers],[K1 Waadi-registratie]:[E3 Aantal referenties]],${w("CvEisen")}))`
    );
  });

  test("Knock-out: without a CV-eisen cell (an older Aanvraag sheet) the argument is left out", () => {
    const older = outputFormulas({ ...input, names: { cvRequirements: null } });
    expect(older.knockout).toBe(formulas.knockout.replace(`,${w("CvEisen")}))`, "))"));
    expect(older.knockout).not.toMatch(/CvEisen/);
  });

  test("Score: only for a row whose verdict is OK (empty when knocked out, incomplete or empty), the values and criteria wrapped", () => {
    const g9 = "G9 Jaren allround inkomensconsulent gemeente (laatste 15 jaar)";
    const g11 = "G11 Jaren Civision (laatste 3 jaar)";
    expect(formulas.score).toBe(
      '=IF(ISERROR([@[Knock-out]]),"",IF([@[Knock-out]]="OK",FLEX.AWARDSCORE(' +
        `${w(`[@[${g9}]]:[@[${g11}]]`)},${w("Gunningscriteria[#All]")},` +
        `Kandidaten[[#Headers],[${g9}]:[${g11}]]),""))`
    );
  });

  test("FLEX.RANKING: the whole Score, Uurtarief and Loting columns once, wrapped, with TopN", () => {
    expect(formulas.ranking).toBe(
      `=FLEX.RANKING(${w("Kandidaten[[Score]]")},${w("Kandidaten[[Uurtarief]]")},${w("TopN")},` +
        `${w("Kandidaten[[Loting]]")})`
    );
  });

  test("Rang and Top 10: the row's place in the spill, column 1 and 2, by native INDEX; empty without a name", () => {
    const pick = (column: number) =>
      `INDEX('Berekening'!$A$3#,ROW()-ROW(Kandidaten[#Headers]),${column})`;
    expect(formulas.rank).toBe(`=IF(TRIM([@[Kandidaat]])="","",${pick(1)})`);
    expect(formulas.top).toBe(`=IF(TRIM([@[Kandidaat]])="","",${pick(2)})`);
    expect(formulas.rank).not.toMatch(/FLEX\./);
  });

  test("the ranking sheet is always quoted, a quote in its name doubled; the cell made absolute", () => {
    const other = outputFormulas({ ...input, ranking: { sheet: "Dirk's berekening", cell: "c7" } });
    expect(other.rank).toContain(
      "INDEX('Dirk''s berekening'!$C$7#,ROW()-ROW(Kandidaten[#Headers]),1)"
    );
    expect(other.top).toContain("'Dirk''s berekening'!$C$7#,");
    const spaced = outputFormulas({ ...input, ranking: { sheet: "Mijn blad", cell: "$B$2" } });
    expect(spaced.rank).toContain("'Mijn blad'!$B$2#");
  });

  test("without a Loting column the draw argument is left out; other names can be given", () => {
    const other = outputFormulas({
      ...input,
      headers: headers17040.filter((h) => h !== "Loting"),
      names: { topN: "Aanvraag_TopN" },
    });
    expect(other.ranking).toBe(
      `=FLEX.RANKING(${w("Kandidaten[[Score]]")},${w("Kandidaten[[Uurtarief]]")},${w("Aanvraag_TopN")})`
    );
    expect(other.ranking).not.toMatch(/Loting/);
  });

  test("a criterion without a column is a programming error, not a broken formula", () => {
    expect(() => outputFormulas({ ...input, awardIds: ["G9", "G12"] })).toThrow(
      "No column for G12"
    );
  });

  test("no history criteria: no FLEX.WORKYEARS, and Knock-out and Score without its arguments", () => {
    expect(formulas.history).toBeNull();
    expect(
      outputFormulas({
        ...input,
        history: { ids: [], periods: "Werkervaring", anchor: { sheet: "Berekening", cell: "D3" } },
      }).history
    ).toBeNull();
    expect(formulas.knockout + formulas.score).not.toMatch(/D\$3#|WORKYEARS/);
  });

  test("with the work history: FLEX.WORKYEARS in D3 reads the ids above it, every column wrapped; Knock-out and Score hand on their row of its spill", () => {
    const anchor = { sheet: "Berekening", cell: "D3" };
    const withHistory = outputFormulas({
      ...input,
      history: { ids: ["K3", "G9", "G11"], periods: "Werkervaring", anchor },
    });
    expect(withHistory.history).toEqual({
      ids: ["K3", "G9", "G11"],
      formula:
        `=FLEX.WORKYEARS('Berekening'!$D$2:$F$2,${w("Kandidaten[[Kandidaat]]")},` +
        `${w("Werkervaring[[Kandidaat]]")},${w("Werkervaring[[Telt voor]]")},${w("Werkervaring[[Van]]")},` +
        `${w("Werkervaring[[Tot]]")},${w("Peildatum")},${w("Knockoutcriteria[#All]")},${w("Gunningscriteria[#All]")})`,
    });
    const row =
      "INDEX('Berekening'!$D$3#,ROW()-ROW(Kandidaten[#Headers]),{1,2,3}),'Berekening'!$D$2:$F$2";
    expect(withHistory.knockout).toBe(formulas.knockout.replace(/\)\)$/, `,${row}))`));
    expect(withHistory.score).toBe(formulas.score.replace(`]]),""))`, `]],${row}),""))`));
    // Without a CV-eisen cell the argument stays, as "" (read as left out), before the history's.
    const older = outputFormulas({
      ...input,
      names: { cvRequirements: null },
      history: { ids: ["K3"], periods: "WV", anchor: { sheet: "Blad", cell: "z10" } },
    });
    expect(older.knockout).toMatch(
      /\]\],"",INDEX\('Blad'!\$Z\$10#,ROW\(\)-ROW\(Kandidaten\[#Headers\]\),\{1\}\),'Blad'!\$Z\$9:\$Z\$9\)\)$/
    );
    expect(older.history?.formula).toMatch(
      /^=FLEX\.WORKYEARS\('Blad'!\$Z\$9:\$Z\$9,.*WV\[\[Telt voor\]\]/
    );
  });

  test("special characters in a column name are escaped", () => {
    expect(escapeColumn("E1 CV-pagina's [#]")).toBe("E1 CV-pagina''s '['#']");
  });
});
