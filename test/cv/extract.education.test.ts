import { proposeFromCvs } from "../../src/cv";
import { request17040, type YesProposal } from "../../src/engine";
import { cvDoc } from "./helpers";

/** The education yes proposals for one education section: [ids, line]. */
const education = (lines: string[], heading = "Opleidingen") =>
  proposeFromCvs("K", [cvDoc("a.pdf", [[heading, ...lines]])], request17040)
    .proposals.filter((p): p is YesProposal => p.kind === "yes" && p.source === "education")
    .map((p) => [p.ids, p.evidence.line]);

describe("education lines give Ja for the request's education criteria", () => {
  test.each([
    ["HBO Sociaal Juridische Dienstverlening, Haagse Hogeschool (2008 – 2012)", [["K6", "G10"], 2]],
    ["Bachelor SJD – Hogeschool Utrecht, diploma 2012", [["K6", "G10"], 2]],
    ["Hbo-bachelor Bestuurskunde – Haagse Hogeschool", [["K6"], 2]],
    ["Social Work, University of Applied Sciences Leiden", [["K6"], 2]],
    ["Hogeschool Rotterdam, opleiding Klantmanager Inkomen", [["K6", "G10"], 2]],
  ])("%s", (line, expected) => {
    expect(education([line])).toEqual([expected]);
  });

  test.each([
    ["MBO Juridisch medewerker (niveau 4), ROC Mondriaan"],
    ["HAVO, Stedelijk Lyceum"],
    ["HBO SJD (niet afgerond)"],
    ["Propedeuse HBO Sociaal Juridische Dienstverlening"],
    ["2022 – heden HBO Sociaal Juridische Dienstverlening (deeltijd)"],
  ])("no Ja: %s", (line) => {
    expect(education([line])).toEqual([]);
  });

  test("the direction may stand on the line below the level", () => {
    expect(
      education(["Haagse Hogeschool 2008 – 2012", "Sociaal Juridische Dienstverlening"])
    ).toEqual([[["K6", "G10"], 2]]);
  });

  test("only under an education heading: a course or a work line is no education", () => {
    expect(education(["Leergang hbo-niveau Participatiewet"], "Cursussen")).toEqual([]);
    expect(education(["2019 – heden Docent, Haagse Hogeschool"], "Werkervaring")).toEqual([]);
  });

  test("K6 and G10 from different lines when only the second names the direction", () => {
    expect(
      education(["Bachelor Bestuurskunde, Hogeschool Leiden", "HBO SJD, Haagse Hogeschool"])
    ).toEqual([
      [["K6"], 2],
      [["G10"], 3],
    ]);
  });
});
