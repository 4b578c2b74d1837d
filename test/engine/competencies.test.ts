/** Step 4: the competency gate and the "repeat step 3" signal. */
import { competencyVerdict, repeatStep3, request17040 } from "../../src/engine";

const gate = request17040.competencyGate;
const all = (...judgements: string[]) => gate.competencies.map(() => judgements);

describe("competencyVerdict", () => {
  const cases: Array<[string, string[][], boolean | null]> = [
    ["everyone voldoende or better passes", all("voldoende", "goed"), true],
    ["case and spaces do not matter", all(" Voldoende", "GOED "), true],
    ["one assessor's onvoldoende fails the competency", all("voldoende", "onvoldoende"), false],
    [
      "one failed competency fails the candidate",
      [["onvoldoende", "goed"], ...all("goed", "goed").slice(1)],
      false,
    ],
    ["one assessor is not enough", all("goed"), null],
    ["an unknown judgement leaves it undecided", all("goed", "prima"), null],
    ["a missing competency leaves it undecided", all("goed", "goed").slice(1), null],
    ["a fail is a fail even with too few assessors", all("onvoldoende"), false],
    ["empty judgements are not counted", all("goed", "", "goed"), true],
  ];
  test.each(cases)("%s", (_label, judgements, expected) => {
    expect(competencyVerdict(gate, judgements).passed).toBe(expected);
  });

  test("per competency, with Dutch problems", () => {
    const judgements = all("goed", "goed");
    judgements[1] = ["goed"];
    judgements[2] = ["goed", "prima"];
    judgements[3] = ["onvoldoende", "goed"];
    const verdict = competencyVerdict(gate, judgements);
    expect(verdict.competencies.map((c) => c.passed)).toEqual([
      true,
      null,
      null,
      false,
      true,
      true,
    ]);
    expect(verdict.problems).toEqual([
      {
        competency: "Klantgericht",
        assessor: null,
        message: "Klantgericht: 1 beoordelaar, er zijn er minstens 2 nodig.",
      },
      {
        competency: "Resultaatgericht",
        assessor: 1,
        message: "Onbekend oordeel 'prima'. Kies uit onvoldoende, voldoende en goed.",
      },
    ]);
  });

  test("minAssessors and passFrom come from the gate", () => {
    const strict = { ...gate, passFrom: "goed", minAssessors: 3 };
    expect(competencyVerdict(strict, all("goed", "goed", "goed")).passed).toBe(true);
    expect(competencyVerdict(strict, all("goed", "goed", "voldoende")).passed).toBe(false);
    expect(competencyVerdict(strict, all("goed", "goed")).passed).toBeNull();
  });
});

describe("repeatStep3", () => {
  test.each([
    ["nobody passes all", [false, false], true],
    ["someone passes", [false, true], false],
    ["an undecided interview may still pass", [false, null], false],
    ["nobody interviewed yet", [], false],
  ] as Array<[string, Array<boolean | null>, boolean]>)("%s", (_label, passed, expected) => {
    expect(repeatStep3(passed.map((p) => ({ passed: p })))).toBe(expected);
  });
});
