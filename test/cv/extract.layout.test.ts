import { proposeFromCvs } from "../../src/cv";
import {
  request17040,
  type CvDocument,
  type PeriodProposal,
  type Request,
  type YesProposal,
} from "../../src/engine";
import { cvDoc } from "./helpers";

const periodsOf = (doc: CvDocument, request: Request = request17040) =>
  proposeFromCvs("Kandidaat", [doc], request).proposals.filter(
    (p): p is PeriodProposal => p.kind === "period"
  );
const rows = (doc: CvDocument, request?: Request) =>
  periodsOf(doc, request).map((p) => [p.from, p.to, p.role, p.evidence.line]);

describe("role and employer from the same line or the nearest lines", () => {
  test("on the line after the dates (role, then employer)", () => {
    const doc = cvDoc("a.pdf", [
      [
        "Werkervaring",
        "01-2019 t/m 12-2021",
        "Klantmanager Inkomen",
        "Gemeente Delft",
        "• Beoordelen van aanvragen",
        "2015 - 2018",
        "Medewerker Backoffice",
        "Stichting Werkt",
      ],
    ]);
    expect(rows(doc)).toEqual([
      ["2019-01-01", "2021-12-31", "Klantmanager Inkomen, Gemeente Delft", 2],
      ["2015-01-01", "2018-12-31", "Medewerker Backoffice, Stichting Werkt", 6],
    ]);
  });

  test("on the line before the dates", () => {
    const doc = cvDoc("b.pdf", [
      [
        "Loopbaan",
        "Gemeente Delft, Klantmanager inkomen",
        "sinds maart 2020",
        "• Intake en heronderzoek",
        "Inkomensconsulent – Gemeente Leiden",
        "2016 – 2020",
        "• Allround uitkeringen behandelen",
      ],
    ]);
    expect(rows(doc)).toEqual([
      ["2020-03-01", null, "Klantmanager inkomen, Gemeente Delft", 3],
      ["2016-01-01", "2020-12-31", "Inkomensconsulent, Gemeente Leiden", 6],
    ]);
    const [first, second] = periodsOf(doc);
    expect(first.countsFor).toEqual(["K3"]);
    expect(second.countsFor).toEqual(["G9"]);
  });

  test("a table with the dates in its last column: the titles above each date", () => {
    const doc = cvDoc("t.docx", [
      [
        "Werkervaring",
        "Functie",
        "Organisatie",
        "Periode",
        "Casemanager Werk",
        "Stadswerk Detachering (gedetacheerd bij Gemeente Enschede)",
        "November 2025 – Heden",
        "Administratief medewerker",
        "Gemeente Tilburg",
        "2022-2025",
      ],
    ]);
    expect(rows(doc)).toEqual([
      [
        "2025-11-01",
        null,
        "Casemanager Werk, Stadswerk Detachering (gedetacheerd bij Gemeente Enschede)",
        7,
      ],
      ["2022-01-01", "2025-12-31", "Administratief medewerker, Gemeente Tilburg", 10],
    ]);
  });

  test("in a table row read as one line with cell separators", () => {
    const doc = cvDoc("c.docx", [
      ["Werkervaring", "mrt. 2021 – heden | Klantmanager inkomen | Gemeente Pijnacker-Nootdorp"],
    ]);
    expect(rows(doc)).toEqual([
      ["2021-03-01", null, "Klantmanager inkomen, Gemeente Pijnacker-Nootdorp", 2],
    ]);
  });

  test("a range whose end wrapped into a later line of a table cell", () => {
    const doc = cvDoc("d.pdf", [
      ["Loopbaan", "mrt. 2021 – dec.", "Klantmanager", "Gemeente Delft", "2024", "inkomen"],
    ]);
    const [period] = periodsOf(doc);
    expect([period.from, period.to, period.evidence.line]).toEqual(["2021-03-01", "2024-12-31", 2]);
    expect(period.role).toContain("Klantmanager");
  });

  test("a range in running text, the role after 'als'", () => {
    const doc = cvDoc("p.pdf", [
      [
        "Werkervaring",
        "Van 2010 tot 2014 werkte ik als klantmanager inkomen bij de gemeente Delft.",
        "Since March 2015 I have worked as an income support officer at the Municipality of Leiden.",
      ],
    ]);
    expect(periodsOf(doc).map((p) => [p.from, p.to, p.role, p.countsFor])).toEqual([
      ["2010-01-01", "2014-12-31", "klantmanager inkomen, de gemeente Delft", ["K3"]],
      ["2015-03-01", null, "income support officer, the Municipality of Leiden", []],
    ]);
  });

  test("two periods on one line, each with its own role", () => {
    const doc = cvDoc("e.pdf", [
      [
        "Werkervaring",
        "2012 – 2014 Inkomensconsulent Gemeente Delft, 2015 – 2017 Klantmanager Inkomen Gemeente Leiden",
      ],
    ]);
    expect(periodsOf(doc).map((p) => [p.from, p.to, p.countsFor])).toEqual([
      ["2012-01-01", "2014-12-31", ["G9"]],
      ["2015-01-01", "2017-12-31", ["K3"]],
    ]);
  });
});

describe("what is not a work period", () => {
  const doc = cvDoc("f.pdf", [
    [
      "Jan Jansen",
      "Geboortedatum: 12-05-1980",
      "Adres: Hoofdstraat 1, 2611 AB Delft",
      "Telefoon: 06-12345678",
      "Werkervaring",
      "2019 – nu Klantmanager Inkomen, Gemeente Delft",
      "Opleidingen",
      "2008 - 2012 HBO Sociaal Juridische Dienstverlening, Haagse Hogeschool",
      "1998 – 2004 HAVO, Stedelijk Lyceum",
      "Cursussen",
      "2019 - 2020 Leergang Participatiewet",
      "Vaardigheden",
      "VOG 2023; Civision sinds 2019",
    ],
  ]);

  test("a 'sinds' outside a work section needs a job or employer on its line", () => {
    const top = cvDoc("s.pdf", [
      [
        "Jan Jansen",
        "Rijbewijs B sinds 2005",
        "Getrouwd sinds 2010",
        "Beschikbaar per 1 september 2024",
        "Sinds maart 2020 klantmanager bij Gemeente Delft",
      ],
    ]);
    expect(rows(top)).toEqual([["2020-03-01", null, "klantmanager, Gemeente Delft", 5]]);
  });

  test("education, courses, personal details and skills give no period", () => {
    expect(rows(doc)).toEqual([["2019-01-01", null, "Klantmanager Inkomen, Gemeente Delft", 6]]);
  });

  test("the note says how the dates were completed", () => {
    const [period] = periodsOf(doc);
    expect(period.note).toContain("alleen het jaar in het cv, 1 januari genomen (01-01-2019)");
    expect(period.note).toContain('Tot leeg: loopt nog ("nu")');
  });

  test("a month-only end takes the month's last day and says so", () => {
    const [period] = periodsOf(
      cvDoc("g.pdf", [["Werkervaring", "feb. 2019 – feb. 2020 Klantmanager"]])
    );
    expect([period.from, period.to]).toEqual(["2019-02-01", "2020-02-29"]);
    expect(period.note).toContain("de eerste dag van de maand genomen (01-02-2019)");
    expect(period.note).toContain("de laatste dag van de maand genomen (29-02-2020)");
  });
});

/** A made-up request: other ids, other words, other windows, the same code. */
const wmo: Request = {
  ...request17040,
  id: "99001",
  title: "Wmo-consulent",
  referenceDate: "2025-03-01",
  knockouts: [
    {
      id: "X1",
      header: "X1 Jaren Wmo-consulent (laatste 4 jaar)",
      description: "Minimaal 3 jaar ervaring als Wmo-consulent in de afgelopen 4 jaar",
      valueKind: "years",
      rule: { kind: "atLeast", value: 3 },
      windowYears: 4,
      optional: false,
    },
    {
      id: "X2",
      header: "X2 Suite4-ervaring",
      description: "Ervaring met het pakket Suite4 in de afgelopen 2 jaar",
      valueKind: "yesNo",
      rule: { kind: "yes" },
      optional: false,
    },
    {
      id: "X3",
      header: "X3 Wo-master",
      description: "Afgeronde wo-master in de richting Rechten of Bestuurskunde",
      valueKind: "yesNo",
      rule: { kind: "yes" },
      optional: false,
    },
    {
      id: "P1",
      header: "P1 Aantal pagina's",
      description: "CV van maximaal 3 pagina's",
      valueKind: "count",
      rule: { kind: "atMost", value: 3 },
      optional: true,
    },
  ],
  awards: [
    {
      id: "W1",
      header: "W1 Jaren beleidsadviseur provincie",
      description: "Minimaal 5 jaar ervaring als beleidsadviseur binnen een provincie",
      valueKind: "years",
      points: 40,
      scoring: { kind: "allOrNothing", threshold: 5 },
      windowYears: 10,
    },
  ],
};

describe("a second request: suggestions come from its own criteria texts", () => {
  const doc = cvDoc("h.pdf", [
    [
      "Werkervaring",
      "jan. 2022 – heden Wmo-consulent, Gemeente Utrecht",
      "• Gesprekken en beschikkingen in Suite4",
      "2014 – 2021 Beleidsadviseur, Provincie Utrecht",
      "2012 – 2014 Klantmanager Inkomen, Gemeente Delft",
      "Opleiding",
      "2006 – 2011 Master Bestuurskunde, Universiteit Leiden",
      "2002 – 2006 HBO Sociaal Juridische Dienstverlening, Hogeschool Utrecht",
    ],
  ]);
  const proposals = proposeFromCvs("Kandidaat", [doc], wmo).proposals;

  test("Telt voor names the request's ids, never 17040's", () => {
    expect(
      proposals.filter((p): p is PeriodProposal => p.kind === "period").map((p) => p.countsFor)
    ).toEqual([["X1"], ["W1"], []]);
  });

  test("yes proposals for its yes/no criteria, in their windows and directions", () => {
    const yes = proposals.filter((p): p is YesProposal => p.kind === "yes");
    expect(yes.map((p) => [p.source, p.ids, p.evidence.line])).toEqual([
      ["period", ["X2"], 3],
      ["education", ["X3"], 7],
    ]);
  });

  test("only the CV requirements it has (pages), found by what they ask", () => {
    expect(proposals.filter((p) => p.kind === "requirement").map((p) => [p.id, p.value])).toEqual([
      ["P1", 1],
    ]);
  });

  test("a period outside the window gives no yes", () => {
    const old = cvDoc("i.pdf", [
      ["Werkervaring", "2010 – 2015 Wmo-consulent, Gemeente Utrecht, werken met Suite4"],
    ]);
    const yes = proposeFromCvs("K", [old], wmo).proposals.filter((p) => p.kind === "yes");
    expect(yes).toEqual([]);
  });
});
