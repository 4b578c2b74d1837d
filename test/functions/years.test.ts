import { years } from "../../src/functions/years";
import { thrown } from "./helpers";

const col = (...cells: unknown[]) => cells.map((c) => [c]);

describe("FLEX.YEARS", () => {
  test.each([
    ["2 years exactly to the peildatum (K3 boundary)", col("04-10-2022"), col(""), 5, 2],
    ["a period before the window does not count", col("01-01-2010"), col("01-01-2019"), 5, 0],
    ["cut to the window", col("01-01-2010"), col(""), 5, 5],
    ["10 years exactly (G9 boundary)", col("2014-10-04"), col("04-10-2024"), 15, 10],
    [
      "overlapping periods count once",
      col("04-10-2020", "04-10-2021"),
      col("04-10-2022", "04-10-2023"),
      5,
      3,
    ],
    ["an end after the peildatum is cut", col(45000), col("31-12-2030"), 5, 1.56],
    ["empty rows are skipped", col("04-10-2022", null, ""), col(null, null, ""), 5, 2],
  ])("%s", (_, from, to, windowYears, expected) => {
    expect(years(from, to, "04-10-2024", windowYears)).toBe(expected);
  });

  test("no window: all of the past", () => {
    expect(years(col("04-10-2004"), col(""), "4 oktober 2024")).toBe(20);
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

  test("columns of different lengths are #VALUE!", () => {
    expect(thrown(() => years(col("04-10-2022", ""), col(""), "04-10-2024")).message).toBe(
      "Van en Tot moeten even veel cellen hebben."
    );
  });
});
