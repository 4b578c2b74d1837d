import { headingOf } from "../../src/cv/extract/sections";

describe("section headings", () => {
  test.each([
    ["Werkervaring", "work"],
    ["WERKERVARING:", "work"],
    ["Relevante werkervaring", "work"],
    ["Werkervaring & opdrachten", "work"],
    ["Werkervaring (selectie)", "work"],
    ["Loopbaan", "work"],
    ["Arbeidsverleden", "work"],
    ["Work Experience", "work"],
    ["Employment history", "work"],
    ["Opleidingen", "education"],
    ["Opleiding & cursussen", "education"],
    ["Education", "education"],
    ["Cursussen en trainingen", "courses"],
    ["Training & Certifications", "courses"],
    ["Referenties", "references"],
    ["Referentie(s)", "references"],
    ["Referees", "references"],
    ["Referenties op aanvraag", "references"],
    ["Personalia", "personal"],
    ["Profiel", "profile"],
    ["Vaardigheden", "other"],
    ["Hobby's", "other"],
  ])("%s", (text, kind) => {
    expect(headingOf(text)).toBe(kind);
  });

  test.each([
    "Werkervaring bij de gemeente Delft als klantmanager inkomen",
    "Klantmanager Inkomen",
    "2019 – heden Werkervaring",
    "Gemeente Delft",
  ])("not a heading: %s", (text) => {
    expect(headingOf(text)).toBeNull();
  });
});
