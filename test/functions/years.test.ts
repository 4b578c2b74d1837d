import fc from "fast-check";
import { evaluate, knockoutPasses, request17040, yearsInWindow } from "../../src/engine";
import { years } from "../../src/functions/years";
import { period, row } from "../engine/helpers";
import { thrown } from "./helpers";

const col = (...cells: unknown[]) => cells.map((c) => [c]);

describe("FLEX.YEARS", () => {
  const PEIL = "26-08-2024";
  test.each([
    ["2 years exactly to the peildatum (K3 boundary)", col("27-08-2022"), col(""), 5, 2],
    ["one day short of 2 years shows 1,99", col("28-08-2022"), col(""), 5, 1.99],
    ["a Tot day counts: t/m the peildatum", col("27-08-2022"), col("26-08-2024"), 5, 2],
    ["a period before the window does not count", col("01-01-2010"), col("01-01-2019"), 5, 0],
    ["cut to the window", col("01-01-2010"), col(""), 5, 5],
    ["10 years exactly (G9 boundary)", col("2014-08-27"), col("26-08-2024"), 15, 10],
    ["one day short of 10 years", col("2014-08-28"), col("26-08-2024"), 15, 9.99],
    ["1 year exactly (G11 boundary)", col("27-08-2023"), col(""), 3, 1],
    [
      "overlapping periods count once",
      col("27-08-2020", "27-08-2021"),
      col("26-08-2022", "26-08-2024"),
      5,
      4,
    ],
    // 45000 is 15-03-2023: 15-03-2023 t/m 26-08-2024 is 531 days, 1 + 165/365.
    ["an end after the peildatum is cut", col(45000), col("31-12-2030"), 5, 1.45],
    ["empty rows are skipped", col("27-08-2022", null, ""), col(null, null, ""), 5, 2],
  ])("%s", (_, from, to, windowYears, expected) => {
    expect(years(from, to, PEIL, windowYears)).toBe(expected);
  });

  test("no window: all of the past", () => {
    expect(years(col("27-08-2004"), col(""), "26 augustus 2024")).toBe(20);
  });

  test("agrees with the engine: the same years, and reaching N exactly when the verdict passes", () => {
    const day = fc.integer({ min: 0, max: 365 * 30 });
    const iso = (n: number) =>
      new Date(Date.UTC(1995, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const k3 = request17040.knockouts.find((k) => k.id === "K3")!;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null })), {
          minLength: 1,
          maxLength: 5,
        }),
        (spans) => {
          const periods = spans.map(([from, length]) => ({
            from: iso(from),
            to: length === null ? null : iso(from + length),
          }));
          const flex = years(
            col(...periods.map((p) => p.from)),
            col(...periods.map((p) => p.to ?? "")),
            "2024-08-26",
            5
          );
          expect(flex).toBe(yearsInWindow(periods, "2024-08-26", 5));
          const verdict = evaluate(
            request17040,
            [row({ name: "Ans", values: { K3: "" } })],
            periods.map((p) => period({ candidate: "Ans", countsFor: "K3", ...p }))
          ).candidates[0].knockouts.find((k) => k.id === "K3")!;
          expect(verdict.value).toBe(flex);
          expect(flex >= 2).toBe(verdict.passed);
          expect(knockoutPasses(k3, flex, { request: request17040, rate: 70 })).toBe(
            verdict.passed
          );
        }
      ),
      { numRuns: 300 }
    );
  });

  test("filters one candidate's periods for one criterion, as the engine reads Telt voor", () => {
    const from = col("04-10-2019", "04-10-2020", "04-10-2014");
    const to = col("", "", "");
    const names = col("Ans de Vries", "Bram", " ans  de vries ");
    const countsFor = col("K3, G9", "K3", "g9;G11");
    expect(
      years(from, to, 45569, 15, {
        candidates: names,
        candidate: "Ans de Vries",
        countsFor,
        criterion: "G9",
      })
    ).toBe(10);
    expect(
      years(from, to, 45569, 5, {
        candidates: names,
        candidate: "Ans de Vries",
        countsFor,
        criterion: "K3",
      })
    ).toBe(5);
  });

  test("no matching period is #N/A, so IFNA can fall back to the typed value", () => {
    const error = thrown(() =>
      years(col("04-10-2020"), col(""), "04-10-2024", 5, {
        candidates: col("Bram"),
        candidate: "Ans",
        countsFor: col("K3"),
        criterion: "K3",
      })
    );
    expect(error).toEqual({
      code: "#N/A",
      message: "Geen perioden gevonden voor Ans en K3; de getypte waarde telt.",
    });
  });

  test("an unreadable date in a matching period is #VALUE! with its row", () => {
    const error = thrown(() => years(col("04-10-2020", "ooit"), col("", ""), "04-10-2024", 5));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^Werkervaring, rij 2: Van: Geen geldige datum: 'ooit'/);
  });

  test("an end before the start is #VALUE!", () => {
    expect(thrown(() => years(col("04-10-2022"), col("04-10-2021"), "04-10-2024", 5)).message).toBe(
      "Werkervaring, rij 1: Tot (04-10-2021) ligt vóór Van (04-10-2022)."
    );
  });

  test("an unreadable peildatum or window is #VALUE!, an empty peildatum #N/A", () => {
    expect(thrown(() => years(col("04-10-2022"), col(""), "31-02-2024", 5)).code).toBe("#VALUE!");
    expect(thrown(() => years(col("04-10-2022"), col(""), "", 5)).code).toBe("#N/A");
    expect(thrown(() => years(col("04-10-2022"), col(""), "04-10-2024", -1)).message).toMatch(
      /Aantal jaren terug/
    );
  });

  test("a date of exactly 0 reads as blank (0 is no date; Excel on Windows hands a blank as 0)", () => {
    // An open Tot: 0 as a blank one.
    expect(years(col("27-08-2022"), col(0), PEIL, 5)).toBe(2);
    expect(years(col("27-08-2022"), col(0), PEIL, 5)).toBe(
      years(col("27-08-2022"), col(null), PEIL, 5)
    );
    // A blank row of the table handed over as 0, 0 is skipped, as a blank row.
    expect(years(col("27-08-2022", 0), col(0, 0), PEIL, 5)).toBe(2);
    // A Van of 0 in a row with a Tot is a missing start, not 00-01-1900.
    expect(thrown(() => years(col(0), col("01-01-2024"), PEIL, 5)).message).toMatch(
      /^Werkervaring, rij 1: Van: /
    );
    expect(thrown(() => years(col(0), col("01-01-2024"), PEIL, 5))).toEqual(
      thrown(() => years(col(null), col("01-01-2024"), PEIL, 5))
    );
    // A peildatum of 0 is missing: #N/A, as a blank one.
    expect(thrown(() => years(col("27-08-2022"), col(0), 0, 5))).toEqual(
      thrown(() => years(col("27-08-2022"), col(0), "", 5))
    );
    // Other numbers are dates as before: serial 1 is 01-01-1900.
    expect(years(col(1), col(366), "31-12-1900")).toBe(1);
  });

  test("columns of different lengths are #VALUE!", () => {
    expect(thrown(() => years(col("04-10-2022", ""), col(""), "04-10-2024")).message).toBe(
      "Van en Tot moeten even veel cellen hebben."
    );
  });
});
