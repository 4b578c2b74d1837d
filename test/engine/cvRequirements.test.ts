/**
 * CV requirements (E1–E3) are CV-eisen, not knock-outs (issue 17 §5): the request's
 * `CV-eisen` setting decides whether failing one excludes (`uitsluiten`) or is only
 * reported (`alleen melden`). Typed values only: nothing here depends on Werkervaring
 * or the peildatum.
 */
import {
  evaluate,
  exclusionText,
  failureExcludes,
  isCvRequirement,
  readCvRequirements,
  request17040,
  validateRequest,
  type CandidateInput,
  type CvRequirementPolicy,
  type Evaluation,
} from "../../src/engine";
import { row } from "./helpers";

const withPolicy = (cvRequirements: CvRequirementPolicy) => ({ ...request17040, cvRequirements });

/** Six candidates with the E columns: one passes, the others fail a CV requirement or a knock-out. */
function candidates(): CandidateInput[] {
  const cv = { E1: 4, E2: "Ja", E3: 2 };
  return [
    row({ row: 2, name: "Ans", rate: 70, values: { ...cv } }), // 100 points
    row({ row: 3, name: "Bram", rate: 71, values: { ...cv, E1: 6 } }), // 100 points, E1 fails
    row({ row: 4, name: "Cor", rate: 72, values: { ...cv, G10: "Nee" } }), // 70 points
    row({ row: 5, name: "Dina", rate: 73, values: { ...cv, K3: 1, E3: 1 } }), // K3 and E3 fail
    row({ row: 6, name: "Eva", rate: 74, values: { ...cv, E2: "Nee", E3: 0 } }), // E2 and E3 fail
    row({ row: 7, name: "Fred", rate: 70, values: { ...cv, E1: 7, K5: "" } }), // E1 fails, K5 missing
  ];
}

const byName = (evaluation: Evaluation, name: string) =>
  evaluation.candidates.find((c) => c.name === name)!;

describe("the rule: which criterion is a CV requirement, and what failing it does", () => {
  test("E… ids are CV requirements; K… ids are knock-outs", () => {
    expect(request17040.knockouts.filter(isCvRequirement).map((k) => k.id)).toEqual([
      "E1",
      "E2",
      "E3",
    ]);
    expect(isCvRequirement({ id: "K8" })).toBe(false);
  });

  test.each([
    ["K3", "exclude", true],
    ["K3", "report", true],
    ["E1", "exclude", true],
    ["E1", "report", false],
  ] as const)("failing %s with %s excludes: %s", (id, policy, excludes) => {
    expect(failureExcludes({ id }, { cvRequirements: policy })).toBe(excludes);
  });

  test("the Knock-out column names a CV requirement as one, and only when it excluded", () => {
    expect(exclusionText(["K3", "E1", "E3"], { cvRequirements: "exclude" })).toBe(
      "K3; CV-eis E1; CV-eis E3"
    );
    expect(exclusionText(["K3", "E1"], { cvRequirements: "report" })).toBe("K3");
    expect(exclusionText(["E1"], { cvRequirements: "report" })).toBe("");
  });

  test("17040 excludes on a failed CV requirement (CV-eisen: uitsluiten)", () => {
    expect(request17040.cvRequirements).toBe("exclude");
  });
});

describe("CV-eisen: uitsluiten", () => {
  const evaluation = evaluate(withPolicy("exclude"), candidates());

  test("a failed CV requirement puts the candidate out, worded as a CV-eis", () => {
    const bram = byName(evaluation, "Bram");
    expect(bram).toMatchObject({ status: "knockedOut", failed: ["E1"], rank: null, top: false });
    expect(bram.reason).toBe(
      "Valt af: voldoet niet aan CV-eis E1: CV-pagina's is 6, meer dan het maximum van 5"
    );
  });

  test("knock-outs first, then the CV requirements, each named as what it is", () => {
    expect(byName(evaluation, "Dina").reason).toBe(
      "Valt af op K3: 1 jaar is minder dan de vereiste 2 jaar; " +
        "voldoet niet aan CV-eis E3: Aantal referenties is 1, minder dan het minimum van 2"
    );
    expect(byName(evaluation, "Eva").reason).toBe(
      "Valt af: voldoet niet aan CV-eisen E2: CV in het Nederlands is Nee; " +
        "E3: Aantal referenties is 0, minder dan het minimum van 2"
    );
  });

  test("a failed CV requirement decides even when another value is missing", () => {
    const fred = byName(evaluation, "Fred");
    expect(fred.status).toBe("knockedOut");
    expect(fred.reason).toMatch(
      /^Valt af: voldoet niet aan CV-eis E1: .* \(ook onvolledig: K5 ontbreekt\)$/
    );
  });

  test("the ranking holds only Ans and Cor; the summary counts every failure by id", () => {
    expect(evaluation.ranking).toEqual([2, 4]);
    expect(evaluation.summary).toMatchObject({ eligible: 2, knockedOut: 4, incomplete: 0 });
    expect(evaluation.summary.failedPerCriterion).toMatchObject({ K3: 1, E1: 2, E2: 1, E3: 2 });
  });
});

describe("CV-eisen: alleen melden", () => {
  const reported = evaluate(withPolicy("report"), candidates());
  // The same candidates with every CV requirement met: the ranking a report must not change.
  const met = evaluate(
    withPolicy("report"),
    candidates().map((c) => ({ ...c, values: { ...c.values, E1: 4, E2: "Ja", E3: 2 } }))
  );

  test("a failed CV requirement does not exclude and changes neither score nor rank", () => {
    for (const name of ["Bram", "Eva"]) {
      const got = byName(reported, name);
      const reference = byName(met, name);
      expect(got.status).toBe("eligible");
      expect({ score: got.score, rank: got.rank, top: got.top }).toEqual({
        score: reference.score,
        rank: reference.rank,
        top: reference.top,
      });
    }
    expect(reported.ranking).toEqual(met.ranking);
    expect(reported.summary).toMatchObject({ eligible: 4, knockedOut: 1, incomplete: 1 });
  });

  test("the failure is still recorded and counted", () => {
    expect(byName(reported, "Bram").failed).toEqual(["E1"]);
    expect(byName(reported, "Eva").failed).toEqual(["E2", "E3"]);
    expect(reported.summary.failedPerCriterion).toMatchObject({ K3: 1, E1: 2, E2: 1, E3: 2 });
  });

  test("the reason says the score and place, then the CV requirement as reported only", () => {
    const bram = byName(reported, "Bram");
    expect(bram.reason).toBe(
      `${byName(met, "Bram").reason} — voldoet niet aan CV-eis E1: CV-pagina's is 6, meer dan ` +
        "het maximum van 5 (alleen gemeld: telt niet mee voor uitsluiting)"
    );
    expect(bram.reason).toMatch(/^Score 100 van 100, rang \d/);
  });

  test("a knock-out still excludes; the CV requirement beside it is only reported", () => {
    const dina = byName(reported, "Dina");
    expect(dina).toMatchObject({ status: "knockedOut", failed: ["K3", "E3"] });
    expect(dina.reason).toBe(
      "Valt af op K3: 1 jaar is minder dan de vereiste 2 jaar — voldoet niet aan CV-eis E3: " +
        "Aantal referenties is 1, minder dan het minimum van 2 (alleen gemeld: telt niet mee voor uitsluiting)"
    );
  });

  test("a missing value keeps the candidate incomplete, with the CV requirement reported", () => {
    const fred = byName(reported, "Fred");
    expect(fred.status).toBe("incomplete");
    expect(fred.reason).toMatch(/^Onvolledig: K5 ontbreekt — voldoet niet aan CV-eis E1: /);
  });

  test("no reason calls a CV requirement a knock-out", () => {
    for (const evaluation of [reported, evaluate(withPolicy("exclude"), candidates())])
      for (const c of evaluation.candidates) {
        expect(c.reason).not.toMatch(/knock-?out/i);
        expect(c.reason).not.toMatch(/Valt af op E\d/);
      }
  });
});

describe("the CV-eisen setting", () => {
  test.each([
    ["uitsluiten", "exclude"],
    ["Uitsluiten", "exclude"],
    ["alleen melden", "report"],
    ["  Alleen   Melden ", "report"],
    ["report", "report"],
  ])("%p reads as %p", (value, policy) => {
    expect(readCvRequirements(value)).toEqual({ ok: true, value: policy });
  });

  test.each([["melden"], ["ja"], [1]])("%p is not a value of the setting", (value) => {
    expect(readCvRequirements(value)).toEqual({
      ok: false,
      problem: "invalid",
      message: expect.stringMatching(/^Onbekende waarde .*Typ 'uitsluiten' of 'alleen melden'\.$/),
    });
  });

  test("validateRequest names the field of an unknown policy", () => {
    const bad = { ...request17040, cvRequirements: "soms" as CvRequirementPolicy };
    expect(validateRequest(bad)).toEqual([
      {
        field: "cvRequirements",
        message: "Onbekende waarde 'soms'. Typ 'uitsluiten' of 'alleen melden'.",
      },
    ]);
    expect(validateRequest(withPolicy("report"))).toEqual([]);
  });
});
