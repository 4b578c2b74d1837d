import { escapeColumn, outputFormulas } from "../../src/functions/formulas";
import { outputHeaders17040 } from "../workbook/helpers";

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

describe("formulas of the Kandidaten output columns", () => {
  const formulas = outputFormulas(input);

  test("Knock-out: the K and E columns by id, the limits and CV-eisen by name, empty without a name", () => {
    expect(formulas.knockout).toBe(
      '=IF(TRIM([@[Kandidaat]])="","",FLEX.KNOCKOUT([@[K1 Waadi-registratie]]:[@[E3 Aantal referenties]],' +
        "Knockoutcriteria[#All],[@[Uurtarief]],Maximumtarief,UrenPerWeek,LooptijdWeken,Verlengingen," +
        "WekenPerVerlenging,OptiesTellenMee," +
        "Kandidaten[[#Headers],[K1 Waadi-registratie]:[E3 Aantal referenties]],CvEisen))"
    );
  });

  test("Knock-out: without a CV-eisen cell (an older Aanvraag sheet) the argument is left out", () => {
    const older = outputFormulas({ ...input, names: { cvRequirements: null } });
    expect(older.knockout).toBe(formulas.knockout.replace(",CvEisen))", "))"));
    expect(older.knockout).not.toMatch(/CvEisen/);
  });

  test("Score: only for a row whose verdict is OK (empty when knocked out, incomplete or empty)", () => {
    expect(formulas.score).toBe(
      '=IF(ISERROR([@[Knock-out]]),"",IF([@[Knock-out]]="OK",FLEX.AWARDSCORE(' +
        "[@[G9 Jaren allround inkomensconsulent gemeente (laatste 15 jaar)]]:[@[G11 Jaren Civision (laatste 3 jaar)]]," +
        "Gunningscriteria[#All],Kandidaten[[#Headers],[G9 Jaren allround inkomensconsulent gemeente (laatste 15 jaar)]:" +
        '[G11 Jaren Civision (laatste 3 jaar)]]),""))'
    );
  });

  test("Rang and Top 10: the row, the whole Score and Uurtarief columns as rows, the draw; no Knock-out column", () => {
    const standing =
      "[@[Score]],[@[Uurtarief]],TRANSPOSE(Kandidaten[[Score]]),TRANSPOSE(Kandidaten[[Uurtarief]])";
    const draw = "[@[Loting]],TRANSPOSE(Kandidaten[[Loting]])";
    expect(formulas.rank).toBe(`=FLEX.RANK(${standing},${draw})`);
    expect(formulas.top).toBe(`=IF(TRIM([@[Kandidaat]])="","",FLEX.TOP(${standing},TopN,${draw}))`);
  });

  test("without a Loting column the draw arguments are left out; other names can be given", () => {
    const other = outputFormulas({
      ...input,
      headers: headers17040.filter((h) => h !== "Loting"),
      names: { topN: "Aanvraag_TopN" },
    });
    expect(other.top).toMatch(/,Aanvraag_TopN\)\)$/);
    expect(other.rank).not.toMatch(/Loting/);
  });

  test("a criterion without a column is a programming error, not a broken formula", () => {
    expect(() => outputFormulas({ ...input, awardIds: ["G9", "G12"] })).toThrow(
      "No column for G12"
    );
  });

  test("special characters in a column name are escaped", () => {
    expect(escapeColumn("E1 CV-pagina's [#]")).toBe("E1 CV-pagina''s '['#']");
  });
});
