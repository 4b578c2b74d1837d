import { proposeFromCvs } from "../../src/cv";
import {
  request17040,
  type CvDocument,
  type CvProposal,
  type RequirementProposal,
} from "../../src/engine";
import { cvDoc } from "./helpers";

const requirement = (proposals: CvProposal[], id: string) =>
  proposals.find((p): p is RequirementProposal => p.kind === "requirement" && p.id === id);
const propose = (...docs: CvDocument[]) =>
  proposeFromCvs("Kandidaat", docs, request17040).proposals;

const dutchBody = [
  "Ik ben een ervaren klantmanager die graag samenwerkt met inwoners en ketenpartners.",
  "In mijn werk beoordeel ik aanvragen voor een uitkering en voer ik heronderzoeken uit.",
  "Daarnaast begeleid ik nieuwe collega's en denk ik mee over het verbeteren van werkprocessen.",
];
const englishBody = [
  "I am an experienced case manager who enjoys working with residents and partner organisations.",
  "In my work I assess applications for benefits and carry out periodic reviews of existing cases.",
  "I also coach new colleagues and help improve our working processes and instructions.",
];

describe("E1 pages", () => {
  test("the page count and where it comes from", () => {
    const pdf = requirement(
      propose(cvDoc("a.pdf", [dutchBody, ["Referenties op aanvraag"]])),
      "E1"
    );
    expect([pdf?.value, pdf?.note, pdf?.evidence.page]).toEqual([2, "2 pagina's (PDF)", 2]);
    const estimated = requirement(
      propose(cvDoc("b.docx", [dutchBody], { format: "docx", pagesSource: "estimate", pages: 3 })),
      "E1"
    );
    expect(estimated?.value).toBe(3);
    expect(estimated?.note).toMatch(/^geschat: 3 pagina's/);
    const properties = requirement(
      propose(cvDoc("c.docx", [dutchBody], { format: "docx", pagesSource: "properties" })),
      "E1"
    );
    expect(properties?.note).toBe("1 pagina (volgens de documenteigenschappen)");
  });

  test("several files: the main CV (the one with work periods) and the note names the others", () => {
    const letter = cvDoc("brief.pdf", [[...dutchBody, ...dutchBody]]);
    const cv = cvDoc("cv.pdf", [
      ["Werkervaring", "2019 – heden Klantmanager Inkomen, Gemeente Delft", ...dutchBody],
      ["Opleiding", "2008 - 2012 HBO SJD, Haagse Hogeschool"],
      ["Referenties", "Mevr. A. Bakker – teamleider, Gemeente Delft"],
    ]);
    const pages = requirement(propose(letter, cv), "E1");
    expect([pages?.value, pages?.evidence.file]).toEqual([3, "cv.pdf"]);
    expect(pages?.note).toContain("ook: brief.pdf");
  });
});

describe("E2 Dutch", () => {
  test("Dutch text: Ja, with the first line of running text as evidence", () => {
    const dutch = requirement(propose(cvDoc("a.pdf", [["Jan Jansen", ...dutchBody]])), "E2");
    expect([dutch?.value, dutch?.evidence.line]).toEqual(["Ja", 2]);
  });

  test("English text: Nee, naming the language", () => {
    const english = requirement(
      propose(cvDoc("a.pdf", [["Work experience", "2019 – present Case manager", ...englishBody]])),
      "E2"
    );
    expect([english?.value, english?.note]).toEqual([
      "Nee",
      "de tekst is niet Nederlands maar Engels (taalherkenning)",
    ]);
  });

  test("Dutch section names do not make an English CV Dutch", () => {
    const mixed = requirement(
      propose(cvDoc("a.pdf", [["Werkervaring", ...englishBody, "Opleiding", "Referenties"]])),
      "E2"
    );
    expect(mixed?.value).toBe("Nee");
  });

  test("too little running text: no proposal", () => {
    expect(
      requirement(propose(cvDoc("a.pdf", [["Jan Jansen", "Klantmanager", "2019 – heden"]])), "E2")
    ).toBeUndefined();
  });
});

describe("E3 references", () => {
  const refs = (lines: string[]) =>
    requirement(propose(cvDoc("a.pdf", [[...dutchBody, ...lines]])), "E3");

  test.each([
    [
      "one line per reference",
      [
        "Referenties",
        "Mevr. J. Jansen – teamleider Inkomen, Gemeente Delft, 06-11111111",
        "Dhr. P. Bakker – afdelingshoofd, Gemeente Leiden, 06-22222222",
        "Vaardigheden",
        "Civision",
      ],
      2,
    ],
    [
      "a reference over several lines",
      [
        "REFERENTIES:",
        "A. de Vries",
        "Teamleider Inkomen, Gemeente Delft",
        "06-11111111",
        "a.devries@delft.nl",
        "Karin van den Berg",
        "Coördinator bijzondere bijstand",
        "Gemeente Leiden",
        "karin@leiden.nl",
      ],
      2,
    ],
    [
      "bulleted",
      [
        "Referentie(s)",
        "• Jan – teamleider, Gemeente Delft",
        "• Piet – manager, Gemeente Gouda",
        "• Kees – coördinator, UWV",
      ],
      3,
    ],
    [
      "English",
      [
        "References",
        "Mrs. J. Smith – team lead, Municipality of Delft",
        "Mr. P. Brown – manager, City of Leiden",
      ],
      2,
    ],
  ])("%s", (_name, lines, count) => {
    const proposal = refs(lines);
    expect(proposal?.value).toBe(count);
    expect(proposal?.evidence.text).toBe(lines[0]);
  });

  test.each([
    [["Referenties op aanvraag"]],
    [["Referenties", "Op aanvraag beschikbaar"]],
    [["Referenties: op aanvraag"]],
    [["References", "Available upon request"]],
  ])("on request: 0, and the note says so (%s)", (lines) => {
    const proposal = refs(lines);
    expect(proposal?.value).toBe(0);
    expect(proposal?.note).toContain("op aanvraag");
  });

  test("no references section: no proposal", () => {
    expect(refs(["Vaardigheden", "Civision"])).toBeUndefined();
  });
});

describe("a request's own CV requirements", () => {
  test("a request without CV requirements gets no requirement proposals", () => {
    const bare = {
      ...request17040,
      knockouts: request17040.knockouts.filter((c) => !c.id.startsWith("E")),
    };
    const proposals = proposeFromCvs("K", [cvDoc("a.pdf", [dutchBody])], bare).proposals;
    expect(proposals.filter((p) => p.kind === "requirement")).toEqual([]);
  });

  test("every proposal's evidence is at most 200 characters", () => {
    const long = `2019 – heden Klantmanager Inkomen, Gemeente Delft ${"en nog veel meer tekst ".repeat(20)}`;
    const proposals = propose(cvDoc("a.pdf", [["Werkervaring", long, ...dutchBody]]));
    expect(proposals.length).toBeGreaterThan(2);
    for (const p of proposals) expect(p.evidence.text.length).toBeLessThanOrEqual(200);
  });

  test("no documents: no proposals", () => {
    expect(proposeFromCvs("K", [], request17040)).toEqual({ candidate: "K", proposals: [] });
  });
});
