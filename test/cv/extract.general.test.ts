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

describe("a table's Van and Tot columns", () => {
  test("on one line, only spaces between two month dates", () => {
    expect(findRanges("Stichting Rijnstad  03-2018   11-2020").map((r) => [r.from, r.to])).toEqual([
      [
        { year: 2018, month: 3 },
        { year: 2020, month: 11 },
      ],
    ]);
    expect(findRanges("Gemeente Ede 06-2022 heden")[0]).toMatchObject({
      to: null,
      openWord: "heden",
    });
    expect(findRanges("feb 2016 sep 2019")[0]?.to).toEqual({ year: 2019, month: 9 });
  });
  test("bare years or a sentence's 'nu' after a space are no range", () => {
    expect(findRanges("Gemeente Ede 2018 2020")).toEqual([]);
    expect(findRanges("in juni 2019 2 weken cursus")).toEqual([]);
    expect(findRanges("In mei 2021 nu eenmaal verhuisd")).toEqual([]);
    expect(findRanges("tussen 04-2019 en 08-2021")).toEqual([]);
  });
  test("each cell on its own line, with the role and employer above", () => {
    const lines = [
      "Werkervaring",
      "Functie",
      "Organisatie",
      "Periode van",
      "t/m",
      "Casemanager schuldhulp",
      "Gemeente Ede",
      "06-2022",
      "heden",
      "Consulent bijstand",
      "Gemeente Wageningen",
      "03-2018",
      "05-2022",
    ];
    const found = findPeriods(cvDoc("x.docx", [lines]));
    expect(found.map((p) => [p.from, p.to, p.role])).toEqual([
      ["2022-06-01", null, "Casemanager schuldhulp, Gemeente Ede"],
      ["2018-03-01", "2022-05-31", "Consulent bijstand, Gemeente Wageningen"],
    ]);
  });
  test("a lone month date followed by text, or a year then a year, is no range", () => {
    expect(periodsOf(["Werkervaring", "Geboren", "04-1990", "Delft"])).toEqual([]);
    expect(periodsOf(["Werkervaring", "Klantmanager", "2015", "2019"])).toEqual([]);
    expect(periodsOf(["Werkervaring", "Adviseur", "09-2020", "03-2019"])).toEqual([]);
  });
});

describe("a slash with spaces between two month dates", () => {
  test("is a separator", () => {
    expect(findRanges("07-2016 / 01-2020 Klantmanager").map((r) => [r.from, r.to])).toEqual([
      [
        { year: 2016, month: 7 },
        { year: 2020, month: 1 },
      ],
    ]);
    expect(findRanges("05-2023 / heden")[0]).toMatchObject({ to: null });
  });
  test("without spaces a slash stays inside one date", () => {
    expect(findRanges("03/2019 - 05/2021")[0]?.to).toEqual({ year: 2021, month: 5 });
  });
});

describe("periods in running sentences (a narrative CV)", () => {
  test("under 'Mijn loopbaan', sentences with a range or 'sinds' give periods", () => {
    expect(
      periodsOf([
        "Over mij",
        "Ik woon sinds 2011 in Gouda en werk graag met mensen.",
        "Mijn loopbaan",
        "Van oktober 2012 tot en met mei 2018 was ik consulent bijstand bij de gemeente Gouda.",
        "Vervolgens werkte ik van juni 2018 tot februari 2021 als klantmanager in Woerden.",
        "Sinds maart 2021 ben ik casemanager bij de gemeente Bodegraven-Reeuwijk.",
      ])
    ).toEqual([
      ["2012-10-01", "2018-05-31"],
      ["2018-06-01", "2021-02-28"],
      ["2021-03-01", null],
    ]);
  });
  test("without any heading, the same sentences count too", () => {
    expect(
      periodsOf([
        "Tussen januari 2014 en nu heb ik veel geleerd.",
        "Van mei 2015 tot december 2019 werkte ik als jurist bij Stichting Kompas.",
      ])
    ).toEqual([["2015-05-01", "2019-12-31"]]);
  });
  test("'My career' is a work heading too", () => {
    expect(
      periodsOf(["My career", "From 2016 to 2019 I was a benefits officer in Leeds."])
    ).toEqual([["2016-01-01", "2019-12-31"]]);
  });
});

describe("ranges that are not a period of work", () => {
  test("a dated sub-item within the period above it, naming no job or employer", () => {
    expect(
      periodsOf([
        "Werkervaring",
        "Consulent Werk en Inkomen",
        "Gemeente Tiel | apr. 2016 – nov. 2023",
        "• Invoering nieuwe werkwijze handhaving 2018–2019",
        "Implementatie Suite4 2020",
        "Teamleider Inkomen 2021 – 2023",
      ])
    ).toEqual([
      ["2016-04-01", "2023-11-30"],
      ["2021-01-01", "2023-12-31"],
    ]);
  });
  test("a dated line outside the period above it stays a period", () => {
    expect(
      periodsOf([
        "Werkervaring",
        "Gemeente Tiel | apr. 2016 – nov. 2023",
        "Project Noord 2012–2014",
      ])
    ).toEqual([
      ["2016-04-01", "2023-11-30"],
      ["2012-01-01", "2014-12-31"],
    ]);
  });
  test.each([
    "VOLUNTEERING",
    "Volunteer experience",
    "Other activities",
    "Side activities",
    "Nevenfuncties",
  ])("the section %s", (heading) => {
    expect(
      periodsOf([
        "Work experience",
        "2019 – present Caseworker, Council of Bath",
        heading,
        "2017 – present Coach, Rotary Bath",
      ])
    ).toEqual([["2019-01-01", null]]);
  });
  test("a volunteer's role in any section", () => {
    expect(
      periodsOf([
        "Werkervaring",
        "2019 – heden Klantmanager, Gemeente Ede",
        "2015 – 2018 vrijwilliger bij Stichting Vluchtelingenwerk",
      ])
    ).toEqual([["2019-01-01", null]]);
  });
  test("a summary sentence's 'sinds' with a bare year, outside the work section", () => {
    expect(
      periodsOf([
        "Cv-profiel",
        "Mark werkt als consulent bij diverse gemeenten sinds 2014 en kent de Participatiewet goed.",
        "Werkervaring",
        "2014 – heden Consulent, Gemeente Ede",
      ])
    ).toEqual([["2014-01-01", null]]);
    expect(
      periodsOf(["Hij werkt als consulent bij diverse gemeenten sinds 2014 en kent de wet."])
    ).toEqual([]);
    expect(periodsOf(["Sinds 2014 klantmanager bij de gemeente Ede"])).toEqual([
      ["2014-01-01", null],
    ]);
  });
});

describe("a volunteer's sentence and education headings", () => {
  test("the volunteer word may stand on the wrapped next line of the sentence", () => {
    expect(
      periodsOf([
        "Mijn loopbaan",
        "Sinds 2019 ben ik casemanager bij de gemeente Zeist. Daarnaast ben ik sinds 2020 penningmeester van",
        "de voedselbank Zeist, als vrijwilliger. Ik werk graag met vrijwilligers.",
        "Van 2012 tot 2019 werkte ik als consulent bij de gemeente Bunnik. Ik begeleidde daar ook",
        "vrijwilligers van het maatjesproject.",
      ])
    ).toEqual([
      ["2019-01-01", null],
      ["2012-01-01", "2019-12-31"],
    ]);
  });
  test.each([
    "Opleiding en training",
    "Onderwijs en opleiding",
    "Education and training",
    "Opleidingen & cursussen",
  ])("%s is an education heading", (heading) => {
    expect(
      periodsOf([
        "Werkervaring",
        "10-2019 / 02-2022 Inkomensconsulent, Gemeente Zwolle",
        heading,
        "09-2014 / 06-2018",
        "Bachelor HBO-Rechten",
      ])
    ).toEqual([["2019-10-01", "2022-02-28"]]);
  });
});
