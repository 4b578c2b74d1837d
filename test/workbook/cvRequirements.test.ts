/**
 * CV requirements in the workbook layer (issue 17 §5): the letters name them "CV-eis"
 * (never knock-out) and, with `alleen melden`, report them without excluding; set-up
 * hands FLEX.KNOCKOUT the CvEisen cell where the Aanvraag sheet has it.
 */
import {
  evaluate,
  request17040,
  type CvRequirementPolicy,
  type Evaluation,
} from "../../src/engine";
import type { WorkbookChange } from "../../src/workbook/changes";
import { rejectionParagraph } from "../../src/workbook/rejections";
import { planSetUp } from "../../src/workbook/setUp";
import { row } from "../engine/helpers";
import { candidatesSheet, passing, sheet, snapshotOf } from "./helpers";

function scored(policy: CvRequirementPolicy): Evaluation {
  const cv = { E1: 4, E2: "Ja", E3: 2 };
  // A top of one: Ans (100) is in, Bram (70, E1 fails) and Dina (100, E2 fails) are behind on rate.
  return evaluate({ ...request17040, topN: 1, cvRequirements: policy }, [
    row({ name: "Ans", rate: 60, values: cv }),
    row({ name: "Bram", rate: 70, values: { ...cv, E1: 6, G10: "Nee" } }),
    row({ name: "Cor", rate: 70, values: { ...cv, K3: 1, E3: 1 } }),
    row({ name: "Dina", rate: 70, values: { ...cv, E2: "Nee" } }),
  ]);
}
const letter = (evaluation: Evaluation, name: string) =>
  rejectionParagraph(
    evaluation.candidates.find((c) => c.name === name)!,
    evaluation
  );

describe("letters (Afwijzingen) and CV requirements", () => {
  test("uitsluiten: a CV requirement alone is named CV-eis, never knock-out", () => {
    const p = letter(scored("exclude"), "Dina");
    expect(p.status).toBe("Valt af");
    expect(p.text).toMatch(
      /De kandidaat voldoet niet aan CV-eis E2 \(CV in het Nederlands\): CV in het Nederlands is Nee\. Wie niet aan de CV-eisen voldoet, kan niet verder meedingen\.$/
    );
    expect(p.text).not.toMatch(/knock-?out/i);
  });

  test("uitsluiten: a knock-out and a CV requirement, each named as what it is", () => {
    expect(letter(scored("exclude"), "Cor").text).toMatch(
      /voldoet niet aan het knock-outcriterium K3 \([^)]*\): 1 jaar is minder dan de vereiste 2 jaar en niet aan CV-eis E3 \(Minimaal 2 referenties\): Aantal referenties is 1, minder dan het minimum van 2\. Wie niet aan alle knock-outcriteria en CV-eisen voldoet/
    );
  });

  test("alleen melden: the letter is about the score, and reports the CV requirement as not counting", () => {
    const evaluation = scored("report");
    const dina = letter(evaluation, "Dina");
    expect(dina.status).toBe("Buiten de top");
    expect(dina.text).toMatch(/^Dina .* voldoet aan alle knock-outcriteria/);
    expect(dina.text).toMatch(
      / Het cv voldoet niet aan CV-eis E2 \(CV in het Nederlands\): CV in het Nederlands is Nee; volgens de aanvraag wordt dat alleen gemeld en telt het niet mee voor de selectie\.$/
    );
    const cor = letter(evaluation, "Cor");
    expect(cor.text).toMatch(
      /voldoet niet aan het knock-outcriterium K3 .*\. Wie niet aan alle knock-outcriteria voldoet/
    );
    expect(cor.text).toMatch(/Het cv voldoet niet aan CV-eis E3 /);
  });

  test("a letter without failed CV requirements is the same in both settings", () => {
    expect(letter(scored("report"), "Ans")).toEqual(letter(scored("exclude"), "Ans"));
  });
});

describe("set-up: FLEX.KNOCKOUT gets the CvEisen cell where there is one", () => {
  const knockoutFormula = (changes: WorkbookChange[]) => {
    const write = changes.find(
      (c) => c.kind === "writeFormulas" && c.formulas[0][0].includes("FLEX.KNOCKOUT")
    );
    return write?.kind === "writeFormulas" ? write.formulas[0][0] : "";
  };

  test("a new workbook: the template writes the row and its name, the formula passes it", () => {
    const changes = planSetUp(snapshotOf(), request17040);
    expect(changes).toContainEqual({
      kind: "defineName",
      name: "CvEisen",
      sheet: "Aanvraag",
      address: "B21",
    });
    // CV-eisen, then this row of the work history's years and their ids.
    expect(knockoutFormula(changes)).toMatch(
      /,IF\(ISBLANK\(CvEisen\),"",CvEisen\),INDEX\('Berekening'!\$D\$3#,[^]*,'Berekening'!\$D\$2:\$F\$2\)\)$/
    );
  });

  test("an older Aanvraag sheet without the row: the argument is left out (uitsluiten, as the reader)", () => {
    const older = sheet("Aanvraag", [["Aanvraag 17040 — Klantmanager Inkomen"]]);
    const changes = planSetUp(
      snapshotOf(older, candidatesSheet([passing], { outputs: false })),
      request17040
    );
    expect(knockoutFormula(changes)).toMatch(/FLEX\.KNOCKOUT\(/);
    expect(knockoutFormula(changes)).not.toMatch(/CvEisen/);
    // Left out as "" (read as left out) before the work history's arguments.
    expect(knockoutFormula(changes)).toMatch(/\]\],"",INDEX\('Berekening'!\$D\$3#/);
  });

  test("an older Aanvraag sheet where the user typed the row: set-up names it and the formula passes it", () => {
    const older = sheet("Aanvraag", [
      ["Aanvraag 17040 — Klantmanager Inkomen"],
      ["CV-eisen", "alleen melden"],
    ]);
    const changes = planSetUp(snapshotOf(older, candidatesSheet([passing])), request17040);
    expect(changes).toContainEqual({
      kind: "defineName",
      name: "CvEisen",
      sheet: "Aanvraag",
      address: "B2",
    });
    // CV-eisen, then this row of the work history's years and their ids.
    expect(knockoutFormula(changes)).toMatch(
      /,IF\(ISBLANK\(CvEisen\),"",CvEisen\),INDEX\('Berekening'!\$D\$3#,[^]*,'Berekening'!\$D\$2:\$F\$2\)\)$/
    );
  });
});
