/** Award points for each scoring kind, and the contract value. */
import {
  awardPoints,
  contractValue,
  maxScore,
  request17040,
  totalScore,
  type AwardScoring,
} from "../../src/engine";

const crit = (scoring: AwardScoring, points = 40) => ({ points, scoring });

describe("awardPoints", () => {
  const cases: Array<[string, AwardScoring, number | boolean | "n.v.t.", number]> = [
    ["all-or-nothing: Ja", { kind: "allOrNothing" }, true, 40],
    ["all-or-nothing: Nee", { kind: "allOrNothing" }, false, 0],
    ["all-or-nothing: n.v.t. earns nothing", { kind: "allOrNothing" }, "n.v.t.", 0],
    ["all-or-nothing: at the threshold", { kind: "allOrNothing", threshold: 10 }, 10, 40],
    ["all-or-nothing: just under", { kind: "allOrNothing", threshold: 10 }, 9.99, 0],
    ["all-or-nothing: no threshold, any amount", { kind: "allOrNothing" }, 0.5, 40],
    ["all-or-nothing: no threshold, zero", { kind: "allOrNothing" }, 0, 0],
    [
      "tiered: below every step",
      {
        kind: "tiered",
        steps: [
          { min: 2, points: 10 },
          { min: 5, points: 40 },
        ],
      },
      1,
      0,
    ],
    [
      "tiered: on a step",
      {
        kind: "tiered",
        steps: [
          { min: 5, points: 40 },
          { min: 2, points: 10 },
        ],
      },
      2,
      10,
    ],
    [
      "tiered: between steps",
      {
        kind: "tiered",
        steps: [
          { min: 2, points: 10 },
          { min: 5, points: 40 },
        ],
      },
      4.9,
      10,
    ],
    [
      "tiered: top step",
      {
        kind: "tiered",
        steps: [
          { min: 2, points: 10 },
          { min: 5, points: 40 },
        ],
      },
      8,
      40,
    ],
    [
      "tiered: a step above the maximum is capped",
      { kind: "tiered", steps: [{ min: 1, points: 99 }] },
      1,
      40,
    ],
    ["tiered: Ja counts as 1", { kind: "tiered", steps: [{ min: 1, points: 25 }] }, true, 25],
    ["linear: at min", { kind: "linear", min: 2, max: 6 }, 2, 0],
    ["linear: below min", { kind: "linear", min: 2, max: 6 }, 0, 0],
    ["linear: halfway", { kind: "linear", min: 2, max: 6 }, 4, 20],
    ["linear: a third, to 2 decimals", { kind: "linear", min: 0, max: 3 }, 1, 13.33],
    ["linear: at max", { kind: "linear", min: 2, max: 6 }, 6, 40],
    ["linear: above max", { kind: "linear", min: 2, max: 6 }, 60, 40],
    // Found by the property test (seed -1861908974): the range 5e-324 made the share Infinity.
    ["linear: above a denormal max", { kind: "linear", min: 0, max: 5e-324 }, 8.9e-16, 40],
    ["linear: at min of a denormal range", { kind: "linear", min: 0, max: 5e-324 }, 0, 0],
  ];
  test.each(cases)("%s", (_label, scoring, value, expected) => {
    expect(awardPoints(crit(scoring), value)).toBe(expected);
  });

  test("a criterion of 0 points above a denormal range gives 0, not NaN", () => {
    const zero = { points: 0, scoring: { kind: "linear" as const, min: 0, max: 5e-324 } };
    expect(awardPoints(zero, 8.881784197001252e-16)).toBe(0);
  });

  test("17040: G9 at 10 years exactly scores 50", () => {
    expect(awardPoints(request17040.awards[0], 10)).toBe(50);
  });
});

test("totalScore and maxScore", () => {
  expect(totalScore([50, 0, 20])).toBe(70);
  expect(totalScore([13.33, 13.33, 13.34])).toBe(40);
  expect(maxScore(request17040.awards)).toBe(100);
});

test("contract value: rate × 32 hours × 13 weeks, and with two 13-week options", () => {
  expect(contractValue(request17040, 75)).toEqual({ base: 31_200, withExtensions: 93_600 });
  expect(contractValue(request17040, 72.5)).toEqual({ base: 30_160, withExtensions: 90_480 });
  expect(contractValue(request17040, 75.01)).toEqual({
    base: 31_204.16,
    withExtensions: 93_612.48,
  });
});
