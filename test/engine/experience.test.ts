/** Years in a window that ends on the peildatum (2024-10-04 for 17040). */
import {
  calendarYears,
  excelSerialToIso,
  isoToDay,
  mergeSpans,
  readWorkHistory,
  request17040,
  yearsInWindow,
  type Period,
} from "../../src/engine";

const PEIL = "2024-10-04";
const open = (from: string): Period => ({ from, to: null });
const span = (from: string, to: string): Period => ({ from, to });

describe("yearsInWindow", () => {
  const cases: Array<[string, Period[], number, number]> = [
    ["2 years exactly (with a 29 February inside)", [span("2022-10-04", "2024-10-04")], 5, 2],
    ["2 years exactly (no 29 February inside)", [span("2021-03-01", "2023-03-01")], 5, 2],
    ["10 years exactly", [span("2014-10-04", "2024-10-04")], 15, 10],
    ["10 years exactly, ending earlier", [span("2010-05-01", "2020-05-01")], 15, 10],
    ["an open end runs to the peildatum", [open("2022-10-04")], 5, 2],
    ["a future end is cut at the peildatum", [span("2022-10-04", "2026-01-01")], 5, 2],
    [
      "a start after the peildatum is ignored",
      [span("2024-10-05", "2025-10-05"), open("2025-01-01")],
      5,
      0,
    ],
    ["a start before the window is cut to the window", [span("2010-01-01", "2021-10-04")], 5, 2],
    ["the whole window at most", [span("2000-01-01", "2030-01-01")], 5, 5],
    [
      "overlapping periods count once",
      [span("2020-10-04", "2022-10-04"), span("2021-10-04", "2023-10-04")],
      5,
      3,
    ],
    [
      "a period inside another counts once",
      [span("2019-10-04", "2024-10-04"), span("2021-01-01", "2022-01-01")],
      5,
      5,
    ],
    [
      "touching periods join",
      [span("2020-10-04", "2021-10-04"), span("2021-10-04", "2022-10-04")],
      5,
      2,
    ],
    [
      "separate periods add up",
      [span("2020-10-04", "2021-10-04"), span("2022-10-04", "2023-10-04")],
      5,
      2,
    ],
    ["half a year", [span("2024-04-04", "2024-10-04")], 5, 0.5],
    ["a period before the window counts nothing", [span("2010-01-01", "2015-01-01")], 5, 0],
    ["'tot' meant inclusively does not lose a day", [span("2022-01-01", "2023-12-31")], 5, 2],
    ["no periods", [], 5, 0],
  ];
  test.each(cases)("%s", (_label, periods, window, expected) => {
    expect(yearsInWindow(periods, PEIL, window)).toBe(expected);
  });

  test("1,99 years stays below 2", () => {
    const years = yearsInWindow([span("2022-10-08", "2024-10-04")], PEIL, 5);
    expect(years).toBeLessThan(2);
    expect(years).toBeCloseTo(1.99, 2);
  });

  test("an invalid peildatum is an error, not a number", () => {
    expect(() => yearsInWindow([], "2024-02-30", 5)).toThrow(/peildatum/);
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
      { row: 2, candidate: " Ans  Jansen ", countsFor: "K3, g9", from: "04-10-2022", to: "" },
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
      { from: "2022-10-04", to: null },
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
