import { awardScore } from "../../src/functions/award";
import { AWARD_COLUMNS, KNOCKOUT_COLUMNS } from "../../src/functions/criteria";
import { awardColumns, knockoutColumns } from "../../src/workbook/layout";
import { criteriaHeaders } from "../../src/workbook/texts";
import { awardCriteria17040 as criteria, awardRow, thrown } from "./helpers";

describe("FLEX.AWARDSCORE", () => {
  test.each([
    ["10 years exactly earns G9", [[10, "Ja", 1]], 100],
    ["9,99 years does not", [["9,99", "Ja", 1]], 50],
    ["G10 Nee", [[12, "Nee", 2]], 70],
    ["text the Dutch way", [["12 jaar", "ja", "1,0"]], 100],
    ["nothing earned", [[0, "Nee", 0]], 0],
    ["Excel TRUE for Ja", [[0, true, 0]], 30],
  ])("%s", (_, values, expected) => {
    expect(awardScore(values, criteria)).toBe(expected);
  });

  test("a column of values works as well as a row", () => {
    expect(awardScore([[10], ["Ja"], [1]], criteria)).toBe(100);
  });

  test("an empty row gives an empty result, not 0", () => {
    expect(awardScore([[null, "", "  "]], criteria)).toBe("");
  });

  test("a missing value is #N/A naming the criterion", () => {
    expect(thrown(() => awardScore([[12, "", 2]], criteria))).toEqual({
      code: "#N/A",
      message: "G10: Niet ingevuld. Typ Ja of Nee.",
    });
  });

  test("unreadable text is #VALUE!, never a score", () => {
    const error = thrown(() => awardScore([["veel", "Ja", 2]], criteria));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^G9: Geen geldig aantal jaren: 'veel'/);
  });

  test("an Excel error in a value cell is #VALUE! with the error named", () => {
    const error = thrown(() => awardScore([[{ code: "#N/A" }, "Ja", 2]], criteria));
    expect(error).toEqual({ code: "#VALUE!", message: expect.stringContaining("#N/A") });
  });

  test("with headers the values are matched by id, whatever the order", () => {
    const headers = [["G11 Jaren Civision", "Opmerking", "G9 Jaren", "G10 Opleiding"]];
    expect(awardScore([[0, "tekst", 10, "Ja"]], criteria, headers)).toBe(80);
  });

  test("without headers the number of values must fit the criteria", () => {
    expect(thrown(() => awardScore([[10, "Ja"]], criteria)).message).toMatch(
      /2 waarden gegeven; verwacht 3 in de volgorde G9, G10, G11/
    );
  });

  test("headers that miss a criterion are an error", () => {
    const error = thrown(() => awardScore([[10, "Ja"]], criteria, [["G9", "G10"]]));
    expect(error.message).toMatch(/Geen kolom voor G11/);
  });

  test("changing a threshold or the points in the criteria changes the score", () => {
    const edited = [
      awardRow("G9", "Alles of niets", 12, 50),
      awardRow("G10", "Alles of niets", "", 40),
      awardRow("G11", "Alles of niets", 1, 20),
    ];
    expect(awardScore([[10, "Ja", 1]], edited)).toBe(60);
  });

  test("tiered and linear criteria, with a header row in any column order", () => {
    const table = [
      ["Punten", "Id", "Soort", "Drempel", "Maximum", "Treden", "Soort waarde"],
      [40, "G1", "lineair", 0, 10, "", "aantal"],
      [30, "G2", "treden", "", "", "2:10; 5:30", "aantal"],
    ];
    expect(awardScore([[5, 3]], table)).toBe(30);
    expect(awardScore([[10, 6]], table)).toBe(70);
  });

  test.each([
    [[awardRow("G9", "soms", 10, 50)], /G9: onbekende soort 'soms'/],
    [[awardRow("G9", "alles-of-niets", "tien", 50)], /G9: de drempel is geen getal: 'tien'/],
    [[awardRow("G9", "alles-of-niets", 10, "")], /G9: het aantal punten ontbreekt/],
    [[awardRow("9", "alles-of-niets", 10, 50)], /Ongeldig criterium-id '9'/],
    [
      [awardRow("G9", "treden", "", 50, { steps: "veel", valueKind: "Jaren" })],
      /G9: treden 'veel' zijn onleesbaar/,
    ],
    [
      [awardRow("G9", "Alles of niets", 10, 50, { valueKind: "kleur" })],
      /G9: onbekende soort waarde 'kleur'/,
    ],
    [[["G9", "alles-of-niets", 10, 50]], /minstens de kolommen Id, Omschrijving, Kolomkop/],
    [[[""]], /Gunningscriteria is leeg/],
  ])("a bad criteria range is #VALUE! (%#)", (table, message) => {
    const error = thrown(() => awardScore([[10]], table));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });

  test("a range without its header row is read in the workbook layout's column order", () => {
    const headers = (fields: readonly string[]) =>
      fields.map((f) => criteriaHeaders[f as keyof typeof criteriaHeaders]);
    expect(AWARD_COLUMNS).toEqual(headers(awardColumns));
    expect(KNOCKOUT_COLUMNS).toEqual(headers(knockoutColumns));
  });

  test("the award table with its header row, as the layout writes it", () => {
    expect(awardScore([[10, "Ja", 1]], [[...AWARD_COLUMNS], ...criteria])).toBe(100);
  });
});
