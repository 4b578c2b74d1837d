/** Reading cell values the Dutch way: each accepted form and each refusal, side by side. */
import {
  formatDate,
  formatEuro,
  formatNumber,
  readCriterionValue,
  readDate,
  readNumber,
  readYesNo,
  type CellValue,
  type NumberKind,
} from "../../src/engine";

describe("readNumber accepts Dutch-written numbers", () => {
  const cases: Array<[CellValue, NumberKind, number]> = [
    ["72", "amount", 72],
    ["72,5", "amount", 72.5],
    ["€ 72,50", "amount", 72.5],
    ["€72,50", "amount", 72.5],
    ["72,50 €", "amount", 72.5],
    ["€\u00a072,50", "amount", 72.5],
    ["€ 1.000.000", "amount", 1_000_000],
    ["1.234,56", "amount", 1234.56],
    ["1.234", "amount", 1234],
    ["72.505", "amount", 72505], // three digits after a dot: a thousands separator
    ["72.50", "amount", 72.5],
    ["72.5", "rate", 72.5],
    ["75,-", "rate", 75],
    ["1 000 000", "amount", 1_000_000],
    ["  2,5  ", "years", 2.5],
    ["2 jaar", "years", 2],
    [72.5, "rate", 72.5],
    [0, "amount", 0],
    ["0", "years", 0],
    ["3", "count", 3],
    [4, "drawOrder", 4],
    [0.1 * 3 * 250, "rate", 75], // binary noise past Excel's 15 digits is dropped
    [75.001, "rate", 75.001], // a real decimal is kept
  ];
  test.each(cases)("%p as %s → %p", (input, kind, expected) => {
    expect(readNumber(input, kind)).toEqual({ ok: true, value: expected });
  });
});

describe("readNumber refuses with a Dutch message", () => {
  const cases: Array<[CellValue, NumberKind, "empty" | "invalid", string]> = [
    ["abc", "amount", "invalid", "Geen geldig bedrag: 'abc'. Typ bijvoorbeeld 72,50 of € 72,50."],
    ["abc", "rate", "invalid", "Geen geldig uurtarief: 'abc'. Typ bijvoorbeeld 72,50 of € 72,50."],
    ["twee", "years", "invalid", "Geen geldig aantal jaren: 'twee'. Typ bijvoorbeeld 2 of 2,5."],
    ["1.234.56", "amount", "invalid", "Geen geldig bedrag: '1.234.56'."],
    ["1,234.56", "amount", "invalid", "Geen geldig bedrag: '1,234.56'."],
    ["72.5055", "amount", "invalid", "Geen geldig bedrag: '72.5055'."],
    ["1.2345", "amount", "invalid", "Geen geldig bedrag: '1.2345'."],
    ["-5", "amount", "invalid", "Een bedrag kan niet negatief zijn: '-5'."],
    ["€ -72,50", "rate", "invalid", "Een uurtarief kan niet negatief zijn: '€ -72,50'."],
    [-1, "years", "invalid", "Een aantal jaren kan niet negatief zijn: -1."],
    [-2, "count", "invalid", "Een aantal kan niet negatief zijn: -2."],
    ["2,5", "count", "invalid", "Een aantal moet een heel getal zijn: '2,5'."],
    [0, "rate", "invalid", "Een uurtarief moet groter dan 0 zijn: 0."],
    [1.5, "drawOrder", "invalid", "Een lotnummer moet een heel getal zijn: 1,5."],
    [true, "amount", "invalid", "Geen geldig bedrag: WAAR."],
    [new Date(Date.UTC(2024, 9, 4)), "amount", "invalid", "Geen geldig bedrag: 04-10-2024."],
    [Number.NaN, "amount", "invalid", "Geen geldig bedrag"],
    [{ error: "#N/B" }, "amount", "invalid", "De cel bevat de Excel-fout #N/B."],
    ["#WAARDE!", "years", "invalid", "De cel bevat de Excel-fout #WAARDE!."],
    ["=A1*2", "amount", "invalid", "Formule in plaats van een waarde: '=A1*2'."],
    ["", "amount", "empty", "Geen bedrag ingevuld."],
    ["   ", "rate", "empty", "Geen uurtarief ingevuld."],
    [null, "years", "empty", "Geen aantal jaren ingevuld."],
    [undefined, "count", "empty", "Geen aantal ingevuld."],
  ];
  test.each(cases)("%p as %s → %s", (input, kind, problem, message) => {
    const result = readNumber(input, kind);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe(problem);
    expect(result.message).toContain(message);
  });
});

describe("readYesNo", () => {
  const accepted: Array<[CellValue, boolean, boolean | "n.v.t."]> = [
    ["Ja", false, true],
    ["ja", false, true],
    ["JA", false, true],
    [" Nee ", false, false],
    ["nee", false, false],
    [true, false, true],
    [false, false, false],
    ["WAAR", false, true],
    ["onwaar", false, false],
    ["n.v.t.", true, "n.v.t."],
    ["N.v.t.", true, "n.v.t."],
    ["nvt", true, "n.v.t."],
    ["NVT", true, "n.v.t."],
    ["Ja", true, true],
  ];
  test.each(accepted)("%p (n.v.t. allowed: %p) → %p", (input, allow, expected) => {
    expect(readYesNo(input, allow)).toEqual({ ok: true, value: expected });
  });

  const refused: Array<[CellValue, boolean, string]> = [
    ["n.v.t.", false, "'n.v.t.' (niet van toepassing) is hier niet toegestaan. Typ Ja of Nee."],
    ["nvt", false, "is hier niet toegestaan"],
    ["misschien", false, "Geen geldig antwoord: 'misschien'. Typ Ja of Nee."],
    ["misschien", true, "Typ Ja, Nee of n.v.t."],
    [1, false, "Geen geldig antwoord: 1."],
    [{ error: "#N/A" }, false, "Excel-fout #N/A"],
    ['=IF(A1;"Ja";"Nee")', false, "Formule in plaats van een waarde"],
    ["", false, "Niet ingevuld. Typ Ja of Nee."],
  ];
  test.each(refused)("%p (n.v.t. allowed: %p) is refused", (input, allow, message) => {
    const result = readYesNo(input, allow);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  test("a message ending in n.v.t. has one full stop, not two", () => {
    expect(readYesNo("misschien", true)).toMatchObject({
      message: "Geen geldig antwoord: 'misschien'. Typ Ja, Nee of n.v.t.",
    });
    expect(readYesNo("", true)).toMatchObject({ message: "Niet ingevuld. Typ Ja, Nee of n.v.t." });
  });
});

describe("readDate", () => {
  const accepted: Array<[CellValue, string]> = [
    [45569, "2024-10-04"],
    [45569.47, "2024-10-04"], // a time part is ignored
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [2_958_465, "9999-12-31"],
    ["31-12-9999", "9999-12-31"],
    [new Date(Date.UTC(2024, 9, 4)), "2024-10-04"],
    ["04-10-2024", "2024-10-04"],
    ["4-10-2024", "2024-10-04"],
    ["4/10/2024", "2024-10-04"],
    ["4.10.2024", "2024-10-04"],
    ["2024-10-04", "2024-10-04"],
    ["2024-10-04T11:25", "2024-10-04"],
    ["4 oktober 2024", "2024-10-04"],
    ["4 Oktober 2024", "2024-10-04"],
    ["29 februari 2024", "2024-02-29"],
    ["1 mrt 2023", "2023-03-01"],
    ["15 okt. 2021", "2021-10-15"],
    ["29-02-2024", "2024-02-29"],
  ];
  test.each(accepted)("%p → %s", (input, expected) => {
    expect(readDate(input)).toEqual({ ok: true, value: expected });
  });

  const refused: Array<[CellValue, "empty" | "invalid", string]> = [
    ["31-02-2024", "invalid", "Deze datum bestaat niet: '31-02-2024'."],
    ["29-02-2023", "invalid", "Deze datum bestaat niet"],
    ["2024-13-01", "invalid", "Deze datum bestaat niet"],
    ["31 april 2024", "invalid", "Deze datum bestaat niet"],
    [60, "invalid", "Deze datum bestaat niet: '29-02-1900'."],
    ["01-01-1850", "invalid", "Datum vóór 1900: '01-01-1850'. Controleer het jaartal."],
    [0, "invalid", "Geen geldige datum: 0."],
    // Issue 18: outside Excel's range (31-12-9999 is serial 2958465), a message of its own.
    [2_958_466, "invalid", "Datum na 31-12-9999, buiten het bereik van Excel: 01-01-10000."],
    [1e300, "invalid", "Datum na 31-12-9999, buiten het bereik van Excel: 1.000.000.000"],
    ["01-01-10000", "invalid", "Datum na 31-12-9999, buiten het bereik van Excel: '01-01-10000'."],
    [
      new Date(Date.UTC(10_000, 0, 2)),
      "invalid",
      "Datum na 31-12-9999, buiten het bereik van Excel: 02-01-10000.",
    ],
    [new Date(Date.UTC(1850, 5, 1)), "invalid", "Datum vóór 1900: 01-06-1850."],
    [-5, "invalid", "Geen geldige datum"],
    [
      "4 octember 2024",
      "invalid",
      "Geen geldige datum: '4 octember 2024'. Typ bijvoorbeeld 04-10-2024 of 4 oktober 2024.",
    ],
    ["04-10-24", "invalid", "Geen geldige datum"],
    ["4/10-2024", "invalid", "Geen geldige datum"],
    ["gisteren", "invalid", "Geen geldige datum"],
    [true, "invalid", "Geen geldige datum: WAAR."],
    [new Date(Number.NaN), "invalid", "Geen geldige datum"],
    [{ error: "#WAARDE!" }, "invalid", "Excel-fout #WAARDE!"],
    ["=VANDAAG()", "invalid", "Formule in plaats van een waarde"],
    ["", "empty", "Geen datum ingevuld"],
  ];
  test.each(refused)("%p is refused", (input, problem, message) => {
    const result = readDate(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe(problem);
    expect(result.message).toContain(message);
  });
});

describe("readCriterionValue follows the value kind", () => {
  test.each([
    ["Ja", "yesNo", true],
    ["nvt", "yesNoNotApplicable", "n.v.t."],
    ["2,5", "years", 2.5],
    ["3", "count", 3],
    ["€ 50.000", "amount", 50_000],
  ] as const)("%p as %s → %p", (input, kind, expected) => {
    expect(readCriterionValue(input, kind)).toEqual({ ok: true, value: expected });
  });
  test("n.v.t. is refused where the kind does not allow it", () => {
    expect(readCriterionValue("nvt", "yesNo").ok).toBe(false);
  });
});

describe("formatting the Dutch way, with plain spaces", () => {
  test.each([
    [75.01, "€ 75,01"],
    [75, "€ 75,00"],
    [1234.56, "€ 1.234,56"],
    [1_000_000, "€ 1.000.000,00"],
    [0, "€ 0,00"],
  ])("formatEuro(%p) → %s", (amount, expected) => {
    expect(formatEuro(amount)).toBe(expected);
  });
  test.each([
    [72.5, undefined, "72,5"],
    [2, undefined, "2"],
    [1234567.891, undefined, "1.234.567,89"],
    [1.99, 1, "2"],
  ])("formatNumber(%p, %p) → %s", (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });
  test("formatDate writes dd-mm-jjjj from an ISO date and from a Date", () => {
    expect(formatDate("2024-10-04")).toBe("04-10-2024");
    expect(formatDate(new Date(Date.UTC(2024, 0, 9)))).toBe("09-01-2024");
  });
  test("no non-breaking space leaves the formatters", () => {
    expect(formatEuro(1234.56)).not.toMatch(/[\u00a0\u202f]/);
  });
});
