import { proposeFromCvs } from "../../src/cv";
import {
  needsOwnTick,
  request17040,
  type PeriodProposal,
  type YesProposal,
} from "../../src/engine";
import { cvDoc } from "./helpers";

const anne = cvDoc("anne.pdf", [
  [
    "Curriculum Vitae",
    "Anne de Vries",
    "Geboortedatum: 12-05-1980",
    "Hoofdstraat 12, 2611 AB Delft",
    "Telefoon: 06-12345678",
    "Profiel",
    "Ervaren klantmanager met een hart voor mensen die tijdelijk een steuntje in de rug nodig hebben.",
    "Ik werk graag samen met collega's en ketenpartners en houd van heldere afspraken.",
    "Werkervaring",
    "jan. 2019 – heden Klantmanager Inkomen – Gemeente Delft",
    "• Beoordelen van aanvragen bijstand in Civision",
    "• Toepassen van de Participatiewet",
    "03/2012 - 12/2018",
    "Inkomensconsulent",
    "Gemeente Zoetermeer",
    "• Allround behandelen van uitkeringen",
  ],
  [
    "Opleiding",
    "2008 - 2012 HBO Sociaal Juridische Dienstverlening, Haagse Hogeschool",
    "Cursussen",
    "Cursus Participatiewet 2015",
    "VOG 2023",
    "Referenties",
    "Mevr. J. Jansen – teamleider Inkomen, Gemeente Delft, 06-11111111",
    "Dhr. P. Bakker – afdelingshoofd, Gemeente Zoetermeer, 06-22222222",
  ],
]);

const proposals = proposeFromCvs("Anne de Vries", [anne], request17040).proposals;
const periods = proposals.filter((p): p is PeriodProposal => p.kind === "period");
const yes = proposals.filter((p): p is YesProposal => p.kind === "yes");

test("a CV gives pages, language, references and its two work periods, not its education", () => {
  expect(proposals.filter((p) => p.kind === "requirement").map((p) => [p.id, p.value])).toEqual([
    ["E1", 2],
    ["E2", "Ja"],
    ["E3", 2],
  ]);
  expect(periods.map((p) => [p.from, p.to])).toEqual([
    ["2019-01-01", null],
    ["2012-03-01", "2018-12-31"],
  ]);
});

test("Telt voor and yes proposals come from the request's own criteria texts", () => {
  expect(periods.map((p) => p.countsFor)).toEqual([["K3", "G11"], ["G9"]]);
  expect(periods[0].note).toContain('"klantmanager inkomen"');
  expect(periods[1].note).toContain("bij een gemeente");
  expect(yes.map((p) => [p.source, p.ids, p.evidence.line])).toEqual([
    ["period", ["K4"], 11],
    ["period", ["K5"], 12],
    ["education", ["K6", "G10"], 2],
  ]);
});

describe("review findings", () => {
  test("two jobs with the same dates are two periods (only the same job in two files is one)", () => {
    const lines = [
      "Werkervaring",
      "2019 – heden Docent sociaal werk, Hogeschool Leiden",
      "2019 – heden Klantmanager inkomen, Gemeente Delft",
    ];
    const both = (docs: Parameters<typeof proposeFromCvs>[1]) =>
      proposeFromCvs("Anne de Vries", docs, request17040).proposals.filter(
        (p): p is PeriodProposal => p.kind === "period"
      );
    const one = both([cvDoc("anne.pdf", [lines])]);
    expect(one.map((p) => p.role)).toEqual([
      expect.stringMatching(/^Docent sociaal werk/),
      expect.stringMatching(/^Klantmanager inkomen/),
    ]);
    expect(one[1].countsFor).toContain("K3");
    // The same CV as PDF and .docx: each period once.
    const twice = both([
      cvDoc("anne.pdf", [lines]),
      cvDoc("anne.docx", [lines], { format: "docx" }),
    ]);
    expect(twice).toHaveLength(2);
  });

  test("a start with only a dash after it runs on, but waits for the evaluator's own Ja", () => {
    const doc = cvDoc("anne.pdf", [
      [
        "Werkervaring",
        "2019 –",
        "Klantmanager inkomen, Gemeente Delft",
        "2010 - 2018 Inkomensconsulent, Gemeente Gouda",
      ],
    ]);
    const periods = proposeFromCvs("Anne de Vries", [doc], request17040).proposals.filter(
      (p): p is PeriodProposal => p.kind === "period"
    );
    const open = periods.find((p) => p.from === "2019-01-01")!;
    expect(open.to).toBeNull();
    expect(open.endImplied).toBe(true);
    expect(open.note).toMatch(/geen einddatum/);
    expect(needsOwnTick(open)).toBe(true);
    const closed = periods.find((p) => p.from === "2010-01-01")!;
    expect(closed.endImplied).toBeUndefined();
    expect(needsOwnTick(closed)).toBe(false);
    const heden = proposeFromCvs(
      "Anne de Vries",
      [cvDoc("a.pdf", [["Werkervaring", "2019 – heden Klantmanager inkomen, Gemeente Delft"]])],
      request17040
    ).proposals.find((p): p is PeriodProposal => p.kind === "period")!;
    expect([heden.to, heden.endImplied, needsOwnTick(heden)]).toEqual([null, undefined, false]);
  });
});
