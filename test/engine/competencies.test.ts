/** Step 4: the competency gate (the Eindoordeel decides), the motivation asked, and the "repeat step 3" signal. */
import { competencyVerdict, repeatStep3, request17040 } from "../../src/engine";

const gate = request17040.competencyGate;
/** The same judgements for every competency. */
const all = (assessors: string[], agreed: string) =>
  gate.competencies.map(() => ({ assessors: [...assessors], agreed }));

describe("competencyVerdict", () => {
  const cases: Array<[string, ReturnType<typeof all>, boolean | null]> = [
    ["an Eindoordeel voldoende or better passes", all(["voldoende", "goed"], "voldoende"), true],
    ["case and spaces do not matter", all([" Voldoende", "GOED "], " Goed"), true],
    [
      "the Eindoordeel decides, not one assessor's onvoldoende",
      all(["voldoende", "onvoldoende"], "voldoende"),
      true,
    ],
    [
      "an Eindoordeel onvoldoende fails, whatever the assessors said",
      all(["goed", "goed"], "onvoldoende"),
      false,
    ],
    [
      "one failed competency fails the candidate",
      [
        { assessors: ["onvoldoende", "goed"], agreed: "onvoldoende" },
        ...all(["goed", "goed"], "goed").slice(1),
      ],
      false,
    ],
    ["no Eindoordeel yet: undecided", all(["goed", "goed"], ""), null],
    ["one assessor is not enough", all(["goed"], "goed"), null],
    ["an unknown judgement leaves it undecided", all(["goed", "prima"], "goed"), null],
    ["an unknown Eindoordeel leaves it undecided", all(["goed", "goed"], "prima"), null],
    ["a missing competency leaves it undecided", all(["goed", "goed"], "goed").slice(1), null],
    [
      "a failing Eindoordeel fails even with too few assessors",
      all(["goed"], "onvoldoende"),
      false,
    ],
    ["empty judgements are not counted", all(["goed", "", "goed"], "goed"), true],
  ];
  test.each(cases)("%s", (_label, recorded, expected) => {
    expect(competencyVerdict(gate, recorded).passed).toBe(expected);
  });

  test("complete only when every competency has a known Eindoordeel", () => {
    expect(competencyVerdict(gate, all(["goed", "goed"], "onvoldoende")).complete).toBe(true);
    const partly = all(["goed", "goed"], "goed");
    partly[5].agreed = "";
    expect(competencyVerdict(gate, partly).complete).toBe(false);
    partly[5].agreed = "prima";
    expect(competencyVerdict(gate, partly).complete).toBe(false);
  });

  test.each([
    ["assessors two steps apart", ["onvoldoende", "goed"], "onvoldoende", true],
    [
      "two steps apart, with a third assessor between",
      ["goed", "voldoende", "onvoldoende"],
      "goed",
      true,
    ],
    ["one step apart, Eindoordeel passes", ["voldoende", "goed"], "goed", false],
    [
      "an assessor's onvoldoende while the Eindoordeel passes",
      ["onvoldoende", "voldoende"],
      "voldoende",
      true,
    ],
    [
      "an assessor's onvoldoende and a failing Eindoordeel",
      ["onvoldoende", "voldoende"],
      "onvoldoende",
      false,
    ],
    ["all agree", ["goed", "goed"], "goed", false],
  ] as Array<[string, string[], string, boolean]>)(
    "motivation: %s",
    (_label, assessors, agreed, expected) => {
      const verdict = competencyVerdict(gate, all(assessors, agreed));
      expect(verdict.competencies.map((c) => c.needsMotivation)).toEqual(
        gate.competencies.map(() => expected)
      );
    }
  );

  test("per competency, with Dutch problems", () => {
    const recorded = all(["goed", "goed"], "goed");
    recorded[1] = { assessors: ["goed"], agreed: "goed" };
    recorded[2] = { assessors: ["goed", "prima"], agreed: "goed" };
    recorded[3] = { assessors: ["onvoldoende", "goed"], agreed: "onvoldoende" };
    recorded[4] = { assessors: ["goed", "goed"], agreed: "" };
    const verdict = competencyVerdict(gate, recorded);
    expect(verdict.competencies.map((c) => c.passed)).toEqual([
      true,
      null,
      null,
      false,
      null,
      true,
    ]);
    expect(verdict.competencies.map((c) => c.agreed)).toEqual([
      "goed",
      "goed",
      "goed",
      "onvoldoende",
      null,
      "goed",
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
      {
        competency: "Schriftelijke vaardigheid",
        assessor: "agreed",
        message: "Schriftelijke vaardigheid: nog geen eindoordeel.",
      },
    ]);
  });

  test("minAssessors and passFrom come from the gate", () => {
    const strict = { ...gate, passFrom: "goed", minAssessors: 3 };
    expect(competencyVerdict(strict, all(["goed", "goed", "goed"], "goed")).passed).toBe(true);
    expect(competencyVerdict(strict, all(["goed", "goed", "goed"], "voldoende")).passed).toBe(
      false
    );
    expect(competencyVerdict(strict, all(["goed", "goed"], "goed")).passed).toBeNull();
    // Below "goed" is failing here: a voldoende under a passing Eindoordeel asks for a motivation.
    expect(
      competencyVerdict(strict, all(["goed", "goed", "voldoende"], "goed")).competencies[0]
        .needsMotivation
    ).toBe(true);
  });
});

describe("repeatStep3", () => {
  test.each([
    [
      "every invited complete and nobody passes",
      [
        [false, true],
        [false, true],
      ],
      true,
    ],
    [
      "someone passes",
      [
        [false, true],
        [true, true],
      ],
      false,
    ],
    [
      "one has failed but is not complete yet",
      [
        [false, true],
        [false, false],
      ],
      false,
    ],
    [
      "complete but undecided (too few assessors) may still pass",
      [
        [false, true],
        [null, true],
      ],
      false,
    ],
    ["nobody invited yet", [], false],
  ] as Array<[string, Array<[boolean | null, boolean]>, boolean]>)(
    "%s",
    (_label, list, expected) => {
      expect(repeatStep3(list.map(([passed, complete]) => ({ passed, complete })))).toBe(expected);
    }
  );
});
