/** validateRequest: each broken setting is a Dutch problem at its own field path. */
import { validateRequest, request17040, type Request } from "../../src/engine";

const base = request17040;
const knockout = (id: string) => base.knockouts.find((k) => k.id === id)!;
const award = (id: string) => base.awards.find((a) => a.id === id)!;
const withKnockout = (id: string, change: object): Request => ({
  ...base,
  knockouts: base.knockouts.map((k) => (k.id === id ? { ...k, ...change } : k)),
});
const withAward = (id: string, change: object): Request => ({
  ...base,
  awards: base.awards.map((a) => (a.id === id ? { ...a, ...change } : a)),
});

test("the 17040 preset is valid", () => {
  expect(validateRequest(base)).toEqual([]);
});

const cases: Array<[string, Request, string, string]> = [
  ["topN 0", { ...base, topN: 0 }, "topN", "Top N moet een heel getal van 1 of meer zijn."],
  ["topN 2,5", { ...base, topN: 2.5 }, "topN", "heel getal"],
  [
    "maxRate 0",
    { ...base, maxRate: 0 },
    "maxRate",
    "Maximumtarief moet een getal groter dan 0 zijn.",
  ],
  ["maxRate NaN", { ...base, maxRate: Number.NaN }, "maxRate", "groter dan 0"],
  [
    "impossible peildatum",
    { ...base, referenceDate: "2024-02-30" },
    "referenceDate",
    "Peildatum is geen geldige datum: '2024-02-30'.",
  ],
  [
    "Dutch-written peildatum",
    { ...base, referenceDate: "04-10-2024" },
    "referenceDate",
    "jjjj-mm-dd",
  ],
  [
    "closing moment",
    { ...base, closingMoment: "2024-10-04 25:00" },
    "closingMoment",
    "Sluitingsmoment",
  ],
  [
    "hours min above max",
    { ...base, hoursPerWeek: { min: 40, max: 32 } },
    "hoursPerWeek",
    "minimum is groter dan het maximum",
  ],
  ["term 0 weeks", { ...base, termWeeks: 0 }, "termWeeks", "Looptijd in weken"],
  [
    "negative options",
    { ...base, extensions: { count: -1, weeks: 13 } },
    "extensions.count",
    "heel getal van 0 of meer",
  ],
  ["negative fee", { ...base, feePerHour: -1 }, "feePerHour", "Fee per uur"],
  [
    "negative points",
    withAward("G9", { points: -5 }),
    "awards.G9.points",
    "Punten van G9 moet een getal van 0 of meer zijn.",
  ],
  [
    "linear min ≥ max",
    withAward("G9", { scoring: { kind: "linear", min: 10, max: 10 } }),
    "awards.G9.scoring",
    "minimum moet kleiner",
  ],
  [
    "tiered without steps",
    withAward("G9", { scoring: { kind: "tiered", steps: [] } }),
    "awards.G9.scoring.steps",
    "minstens één trede",
  ],
  [
    "tiered step above the points",
    withAward("G9", { scoring: { kind: "tiered", steps: [{ min: 1, points: 60 }] } }),
    "awards.G9.scoring.steps.0.points",
    "tussen 0 en 50",
  ],
  [
    "years without threshold",
    withAward("G9", { scoring: { kind: "allOrNothing" } }),
    "awards.G9.scoring.threshold",
    "drempel",
  ],
  [
    "years without window",
    withAward("G11", { windowYears: undefined }),
    "awards.G11.windowYears",
    "periode",
  ],
  [
    "duplicate ids",
    { ...base, awards: [...base.awards, { ...award("G10"), id: "K3", header: "K3 Dubbel" }] },
    "awards.K3.id",
    "Criterium K3 komt meer dan één keer voor.",
  ],
  [
    "header without its id",
    withKnockout("K2", { header: "Eigen laptop" }),
    "knockouts.K2.header",
    "begint niet met het id K2",
  ],
  [
    "yes rule on a number",
    withKnockout("K3", { rule: { kind: "yes" } }),
    "knockouts.K3.rule",
    "past niet",
  ],
  [
    "atLeast on yes/no",
    withKnockout("K2", { rule: { kind: "atLeast", value: 1 } }),
    "knockouts.K2.rule",
    "past niet",
  ],
  [
    "negative limit",
    withKnockout("K3", { rule: { kind: "atLeast", value: -1 } }),
    "knockouts.K3.rule.value",
    "Grens van K3",
  ],
  [
    "bad id",
    withKnockout("K2", { id: "2K", header: "2K Eigen laptop" }),
    "knockouts.2K.id",
    "Ongeldig criterium-id",
  ],
  [
    "passFrom outside the scale",
    { ...base, competencyGate: { ...base.competencyGate, passFrom: "prima" } },
    "competencyGate.passFrom",
    "'prima' staat niet in de beoordelingsschaal",
  ],
  [
    "one assessor minimum 0",
    { ...base, competencyGate: { ...base.competencyGate, minAssessors: 0 } },
    "competencyGate.minAssessors",
    "beoordelaars",
  ],
  [
    "no competencies",
    { ...base, competencyGate: { ...base.competencyGate, competencies: [] } },
    "competencyGate.competencies",
    "minstens één competentie",
  ],
];

test.each(cases)("%s → one problem at its field", (_label, request, field, message) => {
  const problems = validateRequest(request);
  expect(problems).toEqual([{ field, message: expect.stringContaining(message) }]);
});

test("several problems are all reported", () => {
  const fields = validateRequest({ ...base, topN: 0, maxRate: -1 }).map((p) => p.field);
  expect(fields).toEqual(["maxRate", "topN"]);
  expect(knockout("K8").header).toBeNull(); // K8 needs no column, and that is no problem
});

describe("the listing's Einde inschrijfdatum (issue 17 §1)", () => {
  test("optional; when given it must be a moment jjjj-mm-ddTuu:mm", () => {
    const withoutListing: Request = { ...request17040 };
    delete withoutListing.listingClosingMoment;
    expect(validateRequest(withoutListing)).toEqual([]);
    expect(validateRequest({ ...request17040, listingClosingMoment: "04-10-2024" })).toEqual([
      {
        field: "listingClosingMoment",
        message:
          "Einde inschrijfdatum is ongeldig: '04-10-2024'. Gebruik jjjj-mm-ddTuu:mm, bijvoorbeeld 2024-10-04T11:25.",
      },
    ]);
  });
});
