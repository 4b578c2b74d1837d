/**
 * Years in a window that ends on the peildatum (2024-08-26 for 17040), counted in
 * days: a period includes its `Tot` day, the window of N years holds the days of the
 * N calendar years ending on the peildatum, and shown years round down.
 */
import {
  calendarYears,
  coveredDays,
  daysForYears,
  excelSerialToIso,
  floorYears,
  formatYears,
  isoToDay,
  mergeSpans,
  reachesYears,
  readWorkHistory,
  request17040,
  yearsInWindow,
  yearsOfDays,
  type Period,
} from "../../src/engine";

const PEIL = "2024-08-26";
const PEIL_DAY = isoToDay(PEIL)!;
const open = (from: string): Period => ({ from, to: null });
const span = (from: string, to: string): Period => ({ from, to });

describe("yearsInWindow", () => {
  const cases: Array<[string, Period[], number, number]> = [
    ["2 years exactly, t/m the peildatum", [span("2022-08-27", "2024-08-26")], 5, 2],
    ["an open end runs up to and including the peildatum", [open("2022-08-27")], 5, 2],
    ["one day short of 2 years shows 1,99", [open("2022-08-28")], 5, 1.99],
    ["a future end is cut at the peildatum", [span("2022-08-27", "2026-01-01")], 5, 2],
    [
      "a start after the peildatum is ignored",
      [span("2024-08-27", "2025-08-27"), open("2025-01-01")],
      5,
      0,
    ],
    // The window of 5 years is 27-08-2019 t/m 26-08-2024; 731 days are the 2 years before the peildatum.
    ["a start before the window is cut to the window", [span("2010-01-01", "2021-08-26")], 5, 2],
    ["the whole window at most", [span("2000-01-01", "2030-01-01")], 5, 5],
    [
      "a period inside another counts once",
      [span("2019-08-27", "2024-08-26"), span("2021-01-01", "2022-01-01")],
      5,
      5,
    ],
    [
      "periods that touch (t/m one day, from the next) join into 2 years",
      [span("2022-08-27", "2023-08-26"), span("2023-08-27", "2024-08-26")],
      5,
      2,
    ],
    ["the year before the peildatum (with 29-02-2024) is 366 days", [open("2023-08-27")], 3, 1],
    ["a period before the window counts nothing", [span("2010-01-01", "2015-01-01")], 5, 0],
    ["no periods", [], 5, 0],
  ];
  test.each(cases)("%s", (_label, periods, window, expected) => {
    expect(yearsInWindow(periods, PEIL, window)).toBe(expected);
  });

  test("a period counts inclusive of its Tot day: one day less is one day short", () => {
    expect(coveredDays([span("2023-08-27", "2024-08-26")], PEIL, 3).days).toBe(366);
    expect(coveredDays([span("2023-08-27", "2024-08-25")], PEIL, 3).days).toBe(365);
    expect(coveredDays([span("2024-08-26", "2024-08-26")], PEIL, 3).days).toBe(1);
    expect(yearsInWindow([span("2023-08-27", "2024-08-25")], PEIL, 3)).toBe(0.99);
  });

  test("overlapping periods count each day once", () => {
    const overlapping = [span("2020-08-27", "2022-08-26"), span("2021-08-27", "2023-08-26")];
    const joined = [span("2020-08-27", "2023-08-26")];
    expect(coveredDays(overlapping, PEIL, 5)).toEqual(coveredDays(joined, PEIL, 5));
    expect(coveredDays(overlapping, PEIL, 5).days).toBe(1095);
    // 3 years back from 26-08-2024 hold 1096 days (29-02-2024 inside): 1095 days is 2,99 years.
    expect(yearsInWindow(overlapping, PEIL, 5)).toBe(2.99);
  });

  test("an invalid peildatum is an error, not a number", () => {
    expect(() => yearsInWindow([], "2024-02-30", 5)).toThrow(/peildatum/);
  });
});

describe("days for N years, counted back from the peildatum", () => {
  test("N calendar years ending on the peildatum", () => {
    expect(daysForYears(PEIL_DAY, 1)).toBe(366); // 27-08-2023 t/m 26-08-2024, with 29-02-2024
    expect(daysForYears(PEIL_DAY, 2)).toBe(731);
    expect(daysForYears(PEIL_DAY, 3)).toBe(1096);
    expect(daysForYears(PEIL_DAY, 10)).toBe(PEIL_DAY - isoToDay("2014-08-26")!);
    expect(daysForYears(PEIL_DAY, 0)).toBe(0);
  });

  test("a fraction of a year is that fraction of the year before, rounded up to a day", () => {
    expect(daysForYears(PEIL_DAY, 1.5)).toBe(366 + 183); // ⌈0,5 × 365⌉
    expect(daysForYears(PEIL_DAY, 0.5)).toBe(183); // 0,5 × 366
    expect(daysForYears(PEIL_DAY, 2.3)).toBe(731 + 110); // ⌈0,3 × 365⌉ = ⌈109,5⌉
    expect(daysForYears(PEIL_DAY, 1.2)).toBe(366 + 73); // 0,2 × 365 = 73 exactly, not 74
  });

  test("leap-day windows: a peildatum on 29 February and one year after", () => {
    const leap = isoToDay("2024-02-29")!;
    expect(daysForYears(leap, 1)).toBe(366); // 01-03-2023 t/m 29-02-2024
    expect(daysForYears(leap, 4)).toBe(1461); // 01-03-2020 t/m 29-02-2024
    expect(yearsInWindow([open("2023-03-01")], "2024-02-29", 3)).toBe(1);
    expect(reachesYears(coveredDays([open("2023-03-02")], "2024-02-29", 3), 1)).toBe(false);
    // 28-02-2025: one year back is 28-02-2024, so 29-02-2024 is inside the window.
    expect(daysForYears(isoToDay("2025-02-28")!, 1)).toBe(366);
    expect(reachesYears(coveredDays([open("2024-02-29")], "2025-02-28", 3), 1)).toBe(true);
    expect(reachesYears(coveredDays([open("2024-03-01")], "2025-02-28", 3), 1)).toBe(false);
  });

  test("yearsOfDays is the inverse of daysForYears for whole years", () => {
    for (const n of [1, 2, 5, 10, 15]) {
      expect(yearsOfDays(PEIL_DAY, daysForYears(PEIL_DAY, n))).toBe(n);
      expect(yearsOfDays(PEIL_DAY, daysForYears(PEIL_DAY, n) - 1)).toBeLessThan(n);
    }
    expect(yearsOfDays(PEIL_DAY, 730)).toBeCloseTo(1 + 364 / 365, 12);
  });

  test("exactly enough days reach N years; one day less does not", () => {
    for (const n of [1, 2, 10, 1.5, 0.25]) {
      const need = daysForYears(PEIL_DAY, n);
      expect(reachesYears({ days: need, referenceDay: PEIL_DAY }, n)).toBe(true);
      expect(reachesYears({ days: need - 1, referenceDay: PEIL_DAY }, n)).toBe(false);
    }
  });
});

describe("shown years round down to two decimals", () => {
  test.each([
    [1.99726, 1.99],
    [1.999999, 1.99],
    [2, 2],
    [0.29, 0.29],
    [9.9999, 9.99],
    [0, 0],
  ])("%p shows as %p", (years, shown) => {
    expect(floorYears(years)).toBe(shown);
  });

  test("with a decimal comma, never reading as the threshold it fails", () => {
    expect(formatYears(1.99726)).toBe("1,99");
    expect(formatYears(2.5)).toBe("2,5");
    expect(formatYears(9.999)).toBe("9,99");
  });
});

describe("dates", () => {
  test("calendarYears counts anniversaries, then the fraction of the next year", () => {
    expect(calendarYears(isoToDay("2023-10-04")!, isoToDay("2024-04-04")!)).toBeCloseTo(
      183 / 366,
      10
    );
    expect(calendarYears(isoToDay("2020-02-29")!, isoToDay("2021-02-28")!)).toBe(1);
    expect(calendarYears(isoToDay("2024-01-01")!, isoToDay("2023-01-01")!)).toBe(0);
  });
  test("Excel serials in the 1900 system, around the phantom 29-02-1900", () => {
    expect(excelSerialToIso(59)).toBe("1900-02-28");
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe("1900-03-01");
    expect(excelSerialToIso(45569)).toBe("2024-10-04");
    expect(excelSerialToIso(2_958_466)).toBeNull();
  });
  test("mergeSpans clips to the window and joins overlaps", () => {
    expect(
      mergeSpans(
        [
          [0, 10],
          [5, 20],
          [30, 40],
          [50, 45],
        ],
        2,
        35
      )
    ).toEqual([
      [2, 20],
      [30, 35],
    ]);
  });
});

describe("readWorkHistory", () => {
  test("periods go to each criterion in 'Telt voor', comma or semicolon separated", () => {
    const history = readWorkHistory(request17040, [
      { row: 2, candidate: " Ans  Jansen ", countsFor: "K3, g9", from: "27-08-2022", to: "" },
      {
        row: 3,
        candidate: "ans jansen",
        countsFor: "G9;G11",
        from: 41000,
        to: new Date(Date.UTC(2020, 0, 1)),
      },
    ]);
    expect(history.problems).toEqual([]);
    const ans = history.byName.get("ans jansen")!;
    expect([...ans.byCriterion.keys()].sort()).toEqual(["G11", "G9", "K3"]);
    expect(ans.byCriterion.get("G9")!.periods).toEqual([
      { from: "2022-08-27", to: null },
      { from: "2012-04-01", to: "2020-01-01" },
    ]);
  });

  const problems: Array<[string, Record<string, unknown>, string, string]> = [
    [
      "no name",
      { candidate: "", countsFor: "K3", from: "01-01-2020" },
      "candidate",
      "Geen naam bij Kandidaat",
    ],
    [
      "unknown id",
      { candidate: "Ans", countsFor: "K3, X9", from: "01-01-2020" },
      "countsFor",
      "Onbekend criterium 'X9'",
    ],
    [
      "a yes/no id",
      { candidate: "Ans", countsFor: "K4", from: "01-01-2020" },
      "countsFor",
      "Onbekend criterium 'K4'. Werkervaring kan tellen voor K3, G9 en G11.",
    ],
    [
      "empty 'Telt voor'",
      { candidate: "Ans", countsFor: "", from: "01-01-2020" },
      "countsFor",
      "Niet ingevuld waarvoor",
    ],
    [
      "unreadable from",
      { candidate: "Ans", countsFor: "K3", from: "31-02-2020" },
      "from",
      "Van: Deze datum bestaat niet",
    ],
    [
      "missing from",
      { candidate: "Ans", countsFor: "K3", from: "" },
      "from",
      "Van: Geen datum ingevuld",
    ],
    [
      "unreadable to",
      { candidate: "Ans", countsFor: "K3", from: "01-01-2020", to: "ooit" },
      "to",
      "Tot: Geen geldige datum",
    ],
    [
      "end before start",
      { candidate: "Ans", countsFor: "K3", from: "01-01-2020", to: "01-01-2019" },
      "to",
      "Tot (01-01-2019) ligt vóór Van (01-01-2020).",
    ],
  ];
  test.each(problems)("%s is a problem at its own field", (_label, fields, field, message) => {
    const history = readWorkHistory(request17040, [
      { row: 7, countsFor: null, from: null, to: null, candidate: null, ...fields },
    ]);
    expect(history.problems).toHaveLength(1);
    expect(history.problems[0]).toMatchObject({ source: "periods", row: 7, field });
    expect(history.problems[0].message).toContain(message);
  });

  test("an unreadable period makes its criteria unknown instead of counting the rest", () => {
    const history = readWorkHistory(request17040, [
      { row: 2, candidate: "Ans", countsFor: "K3", from: "01-01-2015", to: "" },
      { row: 3, candidate: "Ans", countsFor: "K3", from: "01-01-2020", to: "01-01-2019" },
    ]);
    expect(history.byName.get("ans")!.byCriterion.get("K3")!.unreadable).toBe(true);
  });

  test("empty rows are skipped", () => {
    const history = readWorkHistory(request17040, [
      { row: 2, candidate: "", role: " ", countsFor: null, from: null, to: undefined },
    ]);
    expect(history.problems).toEqual([]);
    expect(history.byName.size).toBe(0);
  });
});
