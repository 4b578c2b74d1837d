/**
 * The FLEX functions inside a real formula engine (HyperFormula; GPL, a
 * devDependency used only in tests), registered by ./flexPlugin.ts, called by
 * cell formulas over named ranges and table-like sheets.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { registerFlexFunctions } from "./flexPlugin";
import { limitRows17040 } from "./helpers";

const header = [
  "Kandidaat",
  "Uurtarief",
  "K1",
  "K2",
  "K3",
  "K4",
  "K5",
  "K6",
  "K7",
  "G9",
  "G10",
  "G11",
  "Loting",
];
const candidates: RawCellContent[][] = [
  ["Ans", 70, "Ja", "Ja", 5, "Ja", "Ja", "Ja", "€ 1.000.000", 12, "Ja", 2, null],
  ["Bram", "70,00", "Ja", "Ja", 2, "Ja", "Ja", "Ja", 1000000, 10, "Ja", 0, null],
  ["Cor", 70, "n.v.t.", "ja", "2,5", "Ja", "Ja", "Ja", 1000000, 12, "ja", "0,5", null],
  ["Dirk", "75,01", "Ja", "Ja", 5, "Ja", "Ja", "Ja", 1000000, 12, "Ja", 2, null],
  ["Eva", 70, "Ja", "Ja", 5, "Ja", null, "Ja", 1000000, 12, "Ja", 2, null],
  [null, null, null, null, null, null, null, null, null, null, null, null, null],
];

function rowFormulas(r: number, last: number): string[] {
  const col = (c: string) => `${c}$2:${c}$${last}`;
  const line = (c: string) => `TRANSPOSE(${col(c)})`;
  const standing = `O${r},B${r},${line("O")},${line("B")}`;
  return [
    `=IF(TRIM(A${r})="","",FLEX.KNOCKOUT(C${r}:I${r},Knockoutcriteria,B${r},Maximumtarief,UrenPerWeek,` +
      `LooptijdWeken,Verlengingen,WekenPerVerlenging,OptiesTellenMee,C$1:I$1))`,
    `=IF(ISERROR(N${r}),"",IF(N${r}="OK",FLEX.AWARDSCORE(J${r}:L${r},Gunningscriteria,J$1:L$1),""))`,
    `=FLEX.RANK(${standing},M${r},${line("M")})`,
    `=IF(TRIM(A${r})="","",FLEX.TOP(${standing},TopN,M${r},${line("M")}))`,
  ];
}

let hf: HyperFormula;

beforeAll(() => registerFlexFunctions());

beforeEach(() => {
  const last = candidates.length + 1;
  hf = HyperFormula.buildFromSheets(
    {
      Aanvraag: [
        ["Id", "Scoring", "Drempel", "Punten", null, "Id", "Soort waarde", "Toets", "Grens"],
        ["G9", "Alles of niets", 10, 50, null, "K1", "Ja/Nee/n.v.t.", "Ja", null],
        ["G10", "Alles of niets", null, 30, null, "K2", "Ja/Nee", "Ja", null],
        ["G11", "Alles of niets", 1, 20, null, "K3", "Jaren", "Minimaal", 2],
        [null, null, null, null, null, "K4", "Ja/Nee", "Ja", null],
        [null, null, null, null, null, "K5", "Ja/Nee", "Ja", null],
        [null, null, null, null, null, "K6", "Ja/Nee", "Ja", null],
        [null, null, null, null, null, "K7", "Bedrag", "Dekt opdrachtwaarde", null],
        [null, null, null, null, null, "K8", "Bedrag", "Maximumtarief", null],
        [],
        ...limitRows17040,
        ["TopN", 2],
        ["Peildatum", "26-08-2024"],
      ],
      Kandidaten: [
        [...header, "Knock-out", "Score", "Rang", "Top 10"],
        ...candidates.map((row, i) => [...row, ...rowFormulas(i + 2, last)]),
      ],
      Werkervaring: [
        ["Kandidaat", "Telt voor", "Van", "Tot"],
        ["Ans", "K3, G9", "27-08-2020", "26-08-2023"],
        ["Ans", "K3", "27-08-2022", null],
        ["Bram", "G11", "01-01-2024", null],
      ],
    },
    { licenseKey: "gpl-v3" }
  );
  const names: Record<string, string> = {
    Gunningscriteria: "=Aanvraag!$A$1:$D$4",
    Knockoutcriteria: "=Aanvraag!$F$1:$I$9",
    Maximumtarief: "=Aanvraag!$B$11",
    UrenPerWeek: "=Aanvraag!$B$12",
    LooptijdWeken: "=Aanvraag!$B$13",
    Verlengingen: "=Aanvraag!$B$14",
    WekenPerVerlenging: "=Aanvraag!$B$15",
    OptiesTellenMee: "=Aanvraag!$B$16",
    TopN: "=Aanvraag!$B$17",
    Peildatum: "=Aanvraag!$B$18",
  };
  for (const [name, expression] of Object.entries(names)) hf.addNamedExpression(name, expression);
});

afterEach(() => hf.destroy());

const sheetId = () => hf.getSheetId("Kandidaten") as number;

/** The output columns, errors as their code and message. */
function outputs(): unknown[][] {
  return candidates.map((_, i) =>
    [13, 14, 15, 16].map((col) => {
      const value = hf.getCellValue({ sheet: sheetId(), row: i + 1, col });
      return typeof value === "object" && value !== null && "type" in value
        ? `#${(value as { type: string }).type}: ${(value as { message: string }).message}`
        : value;
    })
  );
}

describe("FLEX functions in cell formulas (HyperFormula)", () => {
  test("the output columns of a Kandidaten-like sheet", () => {
    expect(outputs()).toEqual([
      ["OK", 100, 1, "Ja"],
      ["OK", 80, 2, "Loting"],
      ["OK", 80, 2, "Loting"],
      ["K8", "", "", "Nee"],
      ["#NA: K5: Niet ingevuld. Typ Ja of Nee.", "", "", "Nee"],
      ["", "", "", ""],
    ]);
  });

  test("recording the draw and editing the Aanvraag sheet recalculate every row", () => {
    hf.setCellContents({ sheet: sheetId(), row: 2, col: 12 }, 2);
    hf.setCellContents({ sheet: sheetId(), row: 3, col: 12 }, 1);
    expect(outputs().map((row) => row.slice(2))).toEqual([
      [1, "Ja"],
      [3, "Nee"],
      [2, "Ja"],
      ["", "Nee"],
      ["", "Nee"],
      ["", ""],
    ]);
    const aanvraag = hf.getSheetId("Aanvraag") as number;
    hf.setCellContents({ sheet: aanvraag, row: 10, col: 1 }, 76); // Maximumtarief
    hf.setCellContents({ sheet: aanvraag, row: 2, col: 3 }, 40); // points of G10
    expect(
      outputs()
        .slice(0, 4)
        .map((row) => row.slice(0, 3))
    ).toEqual([
      ["OK", 110, 1],
      ["OK", 90, 4],
      ["OK", 90, 3],
      ["OK", 110, 2], // equal score: the lower rate (Ans, 70) ranks higher
    ]);
  });

  test("FLEX.YEARS over the Werkervaring columns, and IFNA for the typed value", () => {
    const werk = hf.getSheetId("Werkervaring") as number;
    const calc = (formula: string) => hf.calculateFormula(formula, werk);
    expect(calc('=FLEX.YEARS(C2:C4,D2:D4,Peildatum,5,A2:A4,"Ans",B2:B4,"K3")')).toBe(4);
    // 27-08-2020 t/m 26-08-2023 is 1095 days; the 3 years before 26-08-2024 hold 1096 (29-02-2024).
    expect(calc('=FLEX.YEARS(C2:C4,D2:D4,Peildatum,15,A2:A4,"Ans",B2:B4,"G9")')).toBe(2.99);
    expect(calc('=FLEX.YEARS(C2:C4,D2:D4,Peildatum,3,A2:A4,"Bram",B2:B4,"G11")')).toBe(0.65);
    expect(calc('=IFNA(FLEX.YEARS(C2:C4,D2:D4,Peildatum,5,A2:A4,"Cor",B2:B4,"K3"),2.5)')).toBe(2.5);
    expect(calc("=FLEX.YEARS(C2:C3,D2:D3,Peildatum)")).toBe(4);
    // The K3 boundary in a cell: exactly 2 years, and one day short showing 1,99 (never 2).
    expect(calc('=FLEX.YEARS("27-08-2022","",Peildatum,5)')).toBe(2);
    expect(calc('=FLEX.YEARS("28-08-2022","",Peildatum,5)')).toBe(1.99);
  });

  test("FLEX.CONTRACTVALUE with and without the options, and an error with its message", () => {
    const calc = (formula: string) => hf.calculateFormula(formula, sheetId());
    expect(calc("=FLEX.CONTRACTVALUE(B2,UrenPerWeek,LooptijdWeken)")).toBe(29120);
    expect(calc('=FLEX.CONTRACTVALUE(75,32,13,Verlengingen,WekenPerVerlenging,"Ja")')).toBe(93600);
    expect(calc('=FLEX.CONTRACTVALUE("abc",32,13)')).toMatchObject({
      type: "VALUE",
      message: expect.stringMatching(/^Uurtarief: Geen geldig uurtarief/),
    });
  });
});
