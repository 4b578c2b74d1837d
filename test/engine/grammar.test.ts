/** The grammar of the Aanvraag sheet's criteria tables (src/engine/grammar): words in, criteria or problems as data out. */
import {
  headerColumn,
  leadingId,
  parseAwardTable,
  parseKnockoutTable,
  ruleWords,
  valueKindWords,
  word,
} from "../../src/engine";

describe("the words", () => {
  test.each([
    ["Ten minste", "tenminste"],
    ["Ja/Nee/n.v.t.", "janeenvt"],
    ["  Soort   waarde ", "soortwaarde"],
    ["Alles-of-niets", "allesofniets"],
    ["Periode (jaren)", "periodejaren"],
    ["Café", "cafe"],
  ])("word(%j) is %j", (cell, expected) => {
    expect(word(cell)).toBe(expected);
  });

  test("the template's own words, the code's names and the other Dutch ways read alike", () => {
    expect(
      ["Minimaal", "minimaal", "Ten minste", "atLeast", "min"].map((w) => ruleWords.get(word(w)))
    ).toEqual(["atLeast", "atLeast", "atLeast", "atLeast", "atLeast"]);
    expect(ruleWords.get(word("Ten hoogste"))).toBe("atMost");
    expect(ruleWords.get(word("ongeveer"))).toBeUndefined();
    expect(valueKindWords.get(word("JA/NEE/N.V.T."))).toBe("yesNoNotApplicable");
  });

  test("a header is read per table: `Soort` is the scoring of an award, the value kind of a knock-out", () => {
    expect(headerColumn("awards", "Soort")).toBe("scoring");
    expect(headerColumn("knockouts", "Soort")).toBe("valueKind");
    expect(headerColumn("knockouts", "Scoring")).toBeUndefined();
    expect(headerColumn("awards", "code")).toBe("id");
  });

  test("the id that leads a column header", () => {
    expect(leadingId("g10 Opleiding")).toBe("G10");
    expect(leadingId("K3a")).toBeNull();
    expect(leadingId("Kandidaat")).toBeNull();
  });
});

describe("a criteria table", () => {
  const headers = ["Id", "Soort waarde", "Toets", "Grens", "Periode (jaren)"];

  test("reads criteria, skipping empty rows, with the row each came from", () => {
    const read = parseKnockoutTable(headers, [
      ["K2", "", "Ja", "", ""],
      ["", "", "", "", ""],
      ["k3", "Jaren", "Ten minste", "2,5", 5],
    ]);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([0, 2]);
    expect(read.criteria).toEqual([
      {
        id: "K2",
        header: "K2",
        description: "",
        valueKind: "yesNo",
        rule: { kind: "yes" },
        optional: false,
      },
      {
        id: "K3",
        header: "K3",
        description: "",
        valueKind: "years",
        rule: { kind: "atLeast", value: 2.5 },
        windowYears: 5,
        optional: false,
      },
    ]);
  });

  test("gives every problem as data: row, column and code, with the cell", () => {
    const read = parseKnockoutTable(headers, [
      ["K3", "", "Minimaal", 2, 5],
      ["K3", "Jaren", "ongeveer", "", 5],
      ["K4", "Aantal", "Maximaal", "veel", ""],
    ]);
    expect(
      read.problems.map(({ row, column, code, value }) => ({ row, column, code, value }))
    ).toEqual([
      { row: 0, column: "valueKind", code: "valueKindRequired", value: "" },
      { row: 1, column: "id", code: "duplicateId", value: "K3" },
      { row: 1, column: "rule", code: "unknownWord", value: "ongeveer" },
      { row: 2, column: "limit", code: "number", value: "veel" },
    ]);
  });

  test("a criterion the engine refuses on its own is a problem of its row, at the column to fix", () => {
    const read = parseAwardTable(
      ["Id", "Soort waarde", "Scoring", "Drempel", "Maximum", "Punten", "Periode (jaren)"],
      [["G11", "Aantal", "Lineair", 5, 5, 20, ""]]
    );
    expect(read.problems).toEqual([
      expect.objectContaining({
        code: "invalidCriterion",
        row: 0,
        column: "scoring",
        criterion: { field: "awards.G11.scoring", message: expect.stringContaining("minimum") },
      }),
    ]);
  });

  test("a table without a required column, or without rows, is a problem of the table", () => {
    expect(parseAwardTable(["Id", "Scoring"], [["G9", "Lineair"]]).problems).toEqual([
      { code: "missingColumn", row: null, column: "points", id: "", value: null },
    ]);
    expect(parseAwardTable(null, [["G9", "", "", "", "Lineair"]]).problems).toEqual([
      expect.objectContaining({ code: "tooFewColumns", column: "threshold" }),
    ]);
    expect(parseKnockoutTable(headers, [["", "", "", "", ""]]).problems).toEqual([
      { code: "noCriteria", row: null, column: null, id: "", value: null },
    ]);
  });
});
