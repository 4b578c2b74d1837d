import { knockout } from "../../src/functions/knockout";
import {
  knockoutCriteria17040 as criteria,
  limits17040 as limits,
  passingKnockouts,
  thrown,
} from "./helpers";

/** K1–K7 of a passing candidate, changed at the given positions. */
function values(changes: Record<number, unknown> = {}): unknown[][] {
  const row: unknown[] = [...passingKnockouts];
  for (const [index, value] of Object.entries(changes)) row[Number(index)] = value;
  return [row];
}

describe("FLEX.KNOCKOUT", () => {
  test.each([
    ["passes everything", values(), 75, "OK"],
    ["rate 75,00 passes K8", values(), "75,00", "OK"],
    ["rate 75,01 fails K8", values(), 75.01, "K8"],
    ["2 years exactly passes K3", values({ 2: 2 }), 70, "OK"],
    ["1,99 years fails K3", values({ 2: "1,99" }), 70, "K3"],
    ["n.v.t. passes K1 (self-employed)", values({ 0: "n.v.t." }), 70, "OK"],
    ["every failed id, in the request's order", values({ 1: "Nee", 2: 1 }), 80, "K2; K3; K8"],
    ["K7 below the contract value (70 × 32 × 13 = 29.120)", values({ 6: 29119.99 }), 70, "K7"],
    ["K7 exactly the contract value", values({ 6: "€ 29.120,00" }), 70, "OK"],
  ])("%s", (_, row, rate, expected) => {
    expect(knockout(row, criteria, rate, limits)).toBe(expected);
  });

  test("the options count for K7 when the request says so", () => {
    const withOptions = { ...limits, includeExtensions: "Ja" };
    expect(knockout(values({ 6: 29120 }), criteria, 70, withOptions)).toBe("K7");
    expect(knockout(values({ 6: 87360 }), criteria, 70, withOptions)).toBe("OK");
  });

  test("a lower maximum rate from the Aanvraag sheet knocks out more", () => {
    expect(knockout(values(), criteria, 72, { ...limits, maxRate: "€ 70,00" })).toBe("K8");
  });

  test("a failure is reported even when another value is missing", () => {
    expect(knockout(values({ 3: "" }), criteria, 80, limits)).toBe("K8");
  });

  test("a missing value without a failure is #N/A, never OK", () => {
    expect(thrown(() => knockout(values({ 4: null }), criteria, 70, limits))).toEqual({
      code: "#N/A",
      message: "K5: Niet ingevuld. Typ Ja of Nee.",
    });
  });

  test("an unreadable value is #VALUE!", () => {
    const error = thrown(() => knockout(values({ 0: "misschien" }), criteria, 70, limits));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^K1: Geen geldig antwoord: 'misschien'/);
  });

  test("without a rate K7 and K8 cannot be decided", () => {
    const error = thrown(() => knockout(values(), criteria, "", limits));
    expect(error).toEqual({
      code: "#N/A",
      message: expect.stringMatching(/^Uurtarief: Geen uurtarief/),
    });
  });

  test("an empty row gives an empty result", () => {
    expect(knockout([[null, "", null, "", "", "", ""]], criteria, null, limits)).toBe("");
  });

  test("formal requirements count when their columns are given, by header", () => {
    const headers = [
      ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "E1 CV-pagina's", "E3 Aantal referenties"],
    ];
    const row = [[...passingKnockouts, 6, 1]];
    expect(knockout(row, criteria, 70, limits, headers)).toBe("CV-eis E1; CV-eis E3");
  });

  test("formal requirements by position: all of them or none", () => {
    expect(knockout([[...passingKnockouts, 5, "Ja", 2]], criteria, 70, limits)).toBe("OK");
    expect(
      thrown(() => knockout([[...passingKnockouts, 5]], criteria, 70, limits)).message
    ).toMatch(/verwacht 10 of 7 in de volgorde K1, K2, K3, K4, K5, K6, K7, E1, E2, E3/);
  });

  test.each([
    [{ maxRate: "" }, "#N/A", "Maximumtarief ontbreekt."],
    [{ maxRate: "veel" }, "#VALUE!", "Maximumtarief moet een getal groter dan 0 zijn."],
    [{ termWeeks: 0 }, "#VALUE!", "Looptijd in weken moet een getal groter dan 0 zijn."],
    [
      { extensionCount: 1.5 },
      "#VALUE!",
      "Aantal verlengingsopties moet een heel getal van 0 of meer zijn.",
    ],
    [
      { includeExtensions: "soms" },
      "#VALUE!",
      expect.stringMatching(/^Opties tellen mee: Geen geldig antwoord/),
    ],
  ])("a bad limit is an error: %o", (change, code, message) => {
    expect(thrown(() => knockout(values(), criteria, 70, { ...limits, ...change }))).toEqual({
      code,
      message,
    });
  });

  test("a bad knock-out table is #VALUE! with its row", () => {
    const bad = [...criteria.slice(0, 3), ["K3", "jaren", "ongeveer", 2, "Nee"]];
    expect(thrown(() => knockout(values(), bad, 70, limits)).message).toBe(
      "Knock-outcriteria, rij 4: K3: onbekende toets 'ongeveer'. Kies ja, minimaal, maximaal, dekt opdrachtwaarde of maximumtarief."
    );
  });
});
