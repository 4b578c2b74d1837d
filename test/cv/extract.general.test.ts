/**
 * General rules found by the held-out set (test/fixtures/cv-heldout): each class with its own
 * cases, written apart from the held-out files.
 */
import { proposeFromCvs } from "../../src/cv";
import { findRanges } from "../../src/cv/extract/dates";
import { findPeriods } from "../../src/cv/extract/periods";
import { request17040, type RequirementProposal } from "../../src/engine";
import { cvDoc } from "./helpers";

/** The periods of one page of lines as [from, to]. */
function periodsOf(lines: string[]): Array<[string, string | null]> {
  return findPeriods(cvDoc("x.pdf", [lines])).map((p) => [p.from, p.to]);
}

describe("references: a Symbol font's private-use bullets open entries", () => {
  const e3 = (bullet: string) =>
    proposeFromCvs(
      "X",
      [
        cvDoc("x.pdf", [
          [
            "Werkervaring",
            "2019 – heden Klantmanager, Gemeente Gouda",
            "Referenties",
            `${bullet} drs. K. Visser, afdelingshoofd, gemeente Gouda — 06-12121212`,
            `${bullet} hoofd Inkomen: Lotte Bos, gemeente Woerden, 0348-111111`,
          ],
        ]),
      ],
      request17040
    ).proposals.find((p): p is RequirementProposal => p.kind === "requirement" && p.id === "E3");
  test.each(["\uF0B7", "\uF0A7", "\uF0D8", "\uF076", "\uF0FC", "•"])("bullet %j", (bullet) => {
    expect(e3(bullet)?.value).toBe(2);
  });
  test("without bullets the role line is not an entry", () => {
    expect(e3("")?.value).toBe(1);
  });
});

describe("a slash with spaces between two month dates", () => {
  test("is a separator", () => {
    expect(findRanges("07-2016 / 01-2020 Klantmanager").map((r) => [r.from, r.to])).toEqual([
      [{ year: 2016, month: 7 }, { year: 2020, month: 1 }],
    ]);
    expect(findRanges("05-2023 / heden")[0]).toMatchObject({ to: null });
  });
  test("without spaces a slash stays inside one date", () => {
    expect(findRanges("03/2019 - 05/2021")[0]?.to).toEqual({ year: 2021, month: 5 });
  });
});
