import { contractValue } from "../../src/functions/contractValue";
import { thrown } from "./helpers";

describe("FLEX.CONTRACTVALUE", () => {
  test.each([
    ["base term: 75 × 32 × 13", [75, 32, 13], 31200],
    ["with both options", [75, 32, 13, 2, 13, "Ja"], 93600],
    ["options given but not counted", [75, 32, 13, 2, 13, "Nee"], 31200],
    ["Dutch text", ["€ 72,50", "32", "13"], 30160],
    ["to whole cents", [75.01, 32, 13], 31204.16],
    ["Excel TRUE counts the options", [70, 32, 13, 2, 13, true], 87360],
  ])("%s", (_, args, expected) => {
    expect(contractValue(...(args as [unknown, unknown, unknown]))).toBe(expected);
  });

  test.each([
    [["", 32, 13], "#N/A", /^Uurtarief: Geen uurtarief ingevuld/],
    [["abc", 32, 13], "#VALUE!", /^Uurtarief: Geen geldig uurtarief: 'abc'/],
    [[-5, 32, 13], "#VALUE!", /negatief/],
    [[75, 0, 13], "#VALUE!", /^Maximum uren per week moet een getal groter dan 0 zijn/],
    [[75, 32, null], "#N/A", /^Looptijd in weken ontbreekt/],
    [[75, 32, 13, "twee"], "#VALUE!", /^Aantal verlengingsopties/],
  ])("bad input is an error, never a number (%#)", (args, code, message) => {
    const error = thrown(() => contractValue(...(args as [unknown, unknown, unknown, unknown?])));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});
