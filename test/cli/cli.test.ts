import { parseCommand, UsageError } from "../../src/cli/cli";

describe("parseCommand", () => {
  test.each([
    [["template", "--out", "a.xlsx"], { kind: "template", out: "a.xlsx", force: false }],
    [
      ["template", "--preset", "17040", "--out=a.xlsx", "--force"],
      { kind: "template", preset: "17040", out: "a.xlsx", force: true },
    ],
    [["score", "in.xlsx"], { kind: "score", input: "in.xlsx" }],
    [
      ["score", "in.xlsx", "--preset", "17040", "--out", "uit.xlsx", "--json", "-"],
      { kind: "score", input: "in.xlsx", preset: "17040", out: "uit.xlsx", json: "-" },
    ],
    [["--help"], { kind: "help" }],
    [["score", "--help"], { kind: "help", topic: "score" }],
    [["help", "opschonen"], { kind: "help", topic: "opschonen" }],
    [["--version"], { kind: "version" }],
    [["score", "in.xlsx", "--force"], { kind: "score", input: "in.xlsx", force: true }],
    [
      ["share", "in.xlsx", "--out", "g.xlsx", "--force"],
      { kind: "share", input: "in.xlsx", out: "g.xlsx", force: true },
    ],
    [["opschonen", "in.xlsx", "--force"], { kind: "privacy", input: "in.xlsx", force: true }],
    [
      ["example", "--out", "x.xlsx", "--candidates", "100"],
      { kind: "example", out: "x.xlsx", candidates: 100 },
    ],
    [
      ["share", "in.xlsx", "--out", "gemeente.xlsx", "--preset", "17040"],
      { kind: "share", input: "in.xlsx", out: "gemeente.xlsx", preset: "17040" },
    ],
    [
      ["score", "in.xlsx", "--peildatum", "04-10-2024"],
      { kind: "score", input: "in.xlsx", referenceDate: "2024-10-04" },
    ],
    [
      ["share", "in.xlsx", "--out", "g.xlsx", "--peildatum=1-9-2024"],
      { kind: "share", input: "in.xlsx", out: "g.xlsx", referenceDate: "2024-09-01" },
    ],
    [["opschonen", "in.xlsx"], { kind: "privacy", input: "in.xlsx" }],
    [
      ["opschonen", "in.xlsx", "--out", "uit.xlsx"],
      { kind: "privacy", input: "in.xlsx", out: "uit.xlsx" },
    ],
  ])("%j", (argv, command) => {
    expect(parseCommand(argv)).toEqual(command);
  });

  test.each([
    [[], "Geef een opdracht: 'template', 'score', 'share', 'opschonen', 'verify' of 'cv'."],
    [
      ["scoor"],
      "Onbekende opdracht 'scoor'. Kies 'template', 'score', 'share', 'opschonen', 'verify' of 'cv'.",
    ],
    [
      ["template"],
      "Geef met --out aan waar de nieuwe werkmap moet komen, bijvoorbeeld --out aanvraag.xlsx.",
    ],
    [["template", "--out"], "Ongeldige optie: '--out' heeft een waarde nodig."],
    [["template", "--out", "a.xlsx", "extra"], "Onverwacht argument: extra."],
    [
      ["score"],
      "Geef de werkmap op die beoordeeld moet worden, bijvoorbeeld: awardscore score aanvraag.xlsx",
    ],
    [["score", "a.xlsx", "b.xlsx"], "Onverwacht argument: b.xlsx."],
    [["score", "a.xlsx", "--snel"], "Ongeldige optie: '--snel' bestaat niet."],
    [["example", "--out", "x.xlsx", "--candidates", "nul"], "Ongeldige optie: --candidates nul"],
    [
      ["score", "a.xlsx", "--peildatum", "31-02-2024"],
      "Ongeldige optie: --peildatum '31-02-2024' is geen datum. Typ dd-mm-jjjj, bijvoorbeeld --peildatum 26-08-2024.",
    ],
    [
      ["share", "a.xlsx", "--out", "g.xlsx", "--peildatum", "morgen"],
      "Ongeldige optie: --peildatum 'morgen' is geen datum. Typ dd-mm-jjjj, bijvoorbeeld --peildatum 26-08-2024.",
    ],
    [["score", "a.xlsx", "--peildatum"], "Ongeldige optie: '--peildatum' heeft een waarde nodig."],
  ])("%j is refused in Dutch", (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(new UsageError(message));
  });
});

describe("parseCommand verify", () => {
  test("takes one scored workbook", () => {
    expect(parseCommand(["verify", "uit.xlsx"])).toEqual({ kind: "verify", input: "uit.xlsx" });
  });

  test("without a workbook, or with two, a Dutch usage error", () => {
    expect(() => parseCommand(["verify"])).toThrow(
      new UsageError(
        "Geef de beoordeelde werkmap op, bijvoorbeeld: awardscore verify aanvraag-beoordeeld.xlsx"
      )
    );
    expect(() => parseCommand(["verify", "a.xlsx", "b.xlsx"])).toThrow(
      "Onverwacht argument: b.xlsx."
    );
  });
});
