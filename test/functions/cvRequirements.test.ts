/**
 * FLEX.KNOCKOUT and the `CV-eisen` setting (issue 17 §5): a failed CV requirement
 * is named `CV-eis E1`, and excludes only with `uitsluiten` (also when the argument
 * is left out, as in formulas written before the setting). Called directly, and in
 * cell formulas through HyperFormula with the setting as a named cell, where the
 * verdicts must be the engine's for the same rows.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { evaluate, request17040, type CvRequirementPolicy } from "../../src/engine";
import { knockout } from "../../src/functions/knockout";
import { registerFlexFunctions } from "./flexPlugin";
import {
  knockoutCriteria17040 as criteria,
  limitRows17040,
  limits17040 as limits,
  passingKnockouts,
  thrown,
} from "./helpers";

const headers = [["K1", "K2", "K3", "K4", "K5", "K6", "K7", "E1", "E2", "E3"]];
/** K1–K7 passing, then E1–E3, with changes by id. */
function values(changes: Record<string, unknown> = {}): unknown[][] {
  const row: unknown[] = [...passingKnockouts, 4, "Ja", 2];
  for (const [id, value] of Object.entries(changes)) row[headers[0].indexOf(id)] = value;
  return [row];
}

describe("FLEX.KNOCKOUT with the CV-eisen setting", () => {
  test.each([
    ["uitsluiten", values({ E1: 6 }), "CV-eis E1"],
    [undefined, values({ E1: 6 }), "CV-eis E1"], // left out: uitsluiten, as before the setting
    ["", values({ E1: 6, E3: 1 }), "CV-eis E1; CV-eis E3"],
    ["alleen melden", values({ E1: 6 }), "OK"],
    ["alleen melden", values({ K3: 1, E1: 6 }), "K3"],
    ["uitsluiten", values({ K3: 1, E1: 6 }), "K3; CV-eis E1"],
    ["Alleen melden", values(), "OK"],
  ])("CV-eisen %p: %j gives %p", (setting, row, expected) => {
    expect(knockout(row, criteria, 70, { ...limits, cvRequirements: setting }, headers)).toBe(
      expected
    );
  });

  test("an unknown value is #VALUE! naming the setting", () => {
    expect(
      thrown(() => knockout(values(), criteria, 70, { ...limits, cvRequirements: "soms" }, headers))
    ).toEqual({
      code: "#VALUE!",
      message: "CV-eisen: Onbekende waarde 'soms'. Typ 'uitsluiten' of 'alleen melden'.",
    });
  });

  test("more than one cell is #VALUE!", () => {
    const two = [["uitsluiten", "alleen melden"]];
    expect(
      thrown(() => knockout(values(), criteria, 70, { ...limits, cvRequirements: two }, headers))
    ).toEqual({ code: "#VALUE!", message: "CV-eisen: geef één cel." });
  });
});

// --- in cell formulas (HyperFormula), against the engine ---

const header = [
  "Kandidaat",
  "Uurtarief",
  ...["K1", "K2", "K3", "K4", "K5", "K6", "K7", "E1", "E2", "E3"],
  ...["G9", "G10", "G11"],
];
const people: RawCellContent[][] = [
  ["Ans", 70, ...passingKnockouts, 4, "Ja", 2, 12, "Ja", 2], // 100, all met
  ["Bram", 71, ...passingKnockouts, 6, "Ja", 2, 12, "Ja", 2], // 100, E1 fails
  ["Cor", 72, ...passingKnockouts, 5, "Nee", 2, 12, "Nee", 2], // 70, E2 fails
  ["Dina", 73, "Ja", "Ja", 1, "Ja", "Ja", "Ja", 1e6, 5, "Ja", 1, 12, "Ja", 2], // K3 and E3 fail
];
const last = people.length + 1;

/** Knock-out (P), Score (Q), Rang (R), Top (S) per row, as formulas.ts composes them, with CvEisen. */
function rowFormulas(r: number): string[] {
  const line = (c: string) => `TRANSPOSE(${c}$2:${c}$${last})`;
  const standing = `Q${r},B${r},${line("Q")},${line("B")}`;
  return [
    `=IF(TRIM(A${r})="","",FLEX.KNOCKOUT(C${r}:L${r},Knockoutcriteria,B${r},Maximumtarief,UrenPerWeek,` +
      `LooptijdWeken,Verlengingen,WekenPerVerlenging,OptiesTellenMee,C$1:L$1,CvEisen))`,
    `=IF(ISERROR(P${r}),"",IF(P${r}="OK",FLEX.AWARDSCORE(M${r}:O${r},Gunningscriteria,M$1:O$1),""))`,
    `=FLEX.RANK(${standing})`,
    `=IF(TRIM(A${r})="","",FLEX.TOP(${standing},TopN))`,
  ];
}

describe("FLEX.KNOCKOUT in cell formulas, with CvEisen as a named cell (HyperFormula)", () => {
  let hf: HyperFormula;
  beforeAll(() => registerFlexFunctions());
  beforeEach(() => {
    hf = HyperFormula.buildFromSheets(
      {
        Aanvraag: [
          // Issue 19: a Drempel compares a number, so Soort waarde says which (G10's empty one is Ja/Nee).
          ["Id", "Soort waarde", "Scoring", "Drempel", "Punten", "Periode (jaren)"],
          ["G9", "Jaren", "Alles of niets", 10, 50, 15],
          ["G10", null, "Alles of niets", null, 30, null],
          ["G11", "Jaren", "Alles of niets", 1, 20, 3],
          [],
          ...criteria.map((r) => r.map((c) => (c === "" ? null : c)) as RawCellContent[]),
          [],
          ...limitRows17040,
          ["TopN", 10],
          ["CV-eisen", "uitsluiten"],
        ],
        Kandidaten: [
          [...header, "Knock-out", "Score", "Rang", "Top 10"],
          ...people.map((row, i) => [...row, ...rowFormulas(i + 2)]),
        ],
      },
      { licenseKey: "gpl-v3" }
    );
    const settingsRow = 5 + criteria.length + 2; // 1-based row of Maximumtarief
    const names = [
      "Maximumtarief",
      "UrenPerWeek",
      "LooptijdWeken",
      "Verlengingen",
      "WekenPerVerlenging",
      "OptiesTellenMee",
      "TopN",
      "CvEisen",
    ];
    hf.addNamedExpression("Gunningscriteria", "=Aanvraag!$A$1:$F$4");
    hf.addNamedExpression("Knockoutcriteria", `=Aanvraag!$A$6:$F$${5 + criteria.length}`);
    names.forEach((name, i) => hf.addNamedExpression(name, `=Aanvraag!$B$${settingsRow + i}`));
  });
  afterEach(() => hf.destroy());

  const setCvEisen = (value: string) => {
    const aanvraag = hf.getSheetId("Aanvraag") as number;
    hf.setCellContents({ sheet: aanvraag, row: 5 + criteria.length + 1 + 7, col: 1 }, value);
  };
  const outputs = () => {
    const sheet = hf.getSheetId("Kandidaten") as number;
    return people.map((_, i) =>
      [15, 16, 17].map((col) => {
        const value = hf.getCellValue({ sheet, row: i + 1, col });
        return typeof value === "object" && value !== null && "message" in value
          ? `#${(value as { type: string }).type}: ${(value as { message: string }).message}`
          : value;
      })
    );
  };
  /** The engine's Knock-out column, score and rank for the same rows and setting. */
  const engine = (policy: CvRequirementPolicy) => {
    const ids = [...header.slice(2)];
    const evaluation = evaluate(
      { ...request17040, cvRequirements: policy },
      people.map((row, i) => ({
        row: i + 2,
        name: row[0] as string,
        rate: row[1] as number,
        values: Object.fromEntries(ids.map((id, k) => [id, row[k + 2] as string | number])),
      }))
    );
    return evaluation.candidates.map((c) => [
      c.status === "eligible" ? "OK" : c.failed.length ? c.failed.join("; ") : "",
      c.status === "eligible" ? c.score : "",
      c.rank ?? "",
    ]);
  };

  test("uitsluiten: a failed CV requirement is CV-eis E1 and gets no score, as in the engine", () => {
    expect(outputs()).toEqual([
      ["OK", 100, 1],
      ["CV-eis E1", "", ""],
      ["CV-eis E2", "", ""],
      ["K3; CV-eis E3", "", ""],
    ]);
    expect(outputs().map(([k, ...rest]) => [String(k).replace(/CV-eis /g, ""), ...rest])).toEqual(
      engine("exclude")
    );
  });

  test("alleen melden: the same rows are OK and ranked, the knock-out still excludes, as in the engine", () => {
    setCvEisen("alleen melden");
    expect(outputs()).toEqual([
      ["OK", 100, 1],
      ["OK", 100, 2], // equal score: the higher rate ranks lower
      ["OK", 70, 3],
      ["K3", "", ""],
    ]);
    const fromEngine = engine("report").map(([k, ...rest]) => [k === "K3; E3" ? "K3" : k, ...rest]);
    expect(outputs()).toEqual(fromEngine);
  });

  test("an unknown value makes every verdict #VALUE! with the setting's message", () => {
    setCvEisen("misschien");
    for (const [knockoutCell, score] of outputs()) {
      expect(knockoutCell).toBe(
        "#VALUE: CV-eisen: Onbekende waarde 'misschien'. Typ 'uitsluiten' of 'alleen melden'."
      );
      expect(score).toBe("");
    }
  });
});
