/** The `Afwijzingen` sheet: one paragraph per candidate outside the top, in the words a supplier can be sent. */
import type { CellValue } from "../../src/engine";
import type { WorkbookChange } from "../../src/workbook/changes";
import {
  checkRejectionSheet,
  rejectionChanges,
  rejectionParagraph,
} from "../../src/workbook/rejections";
import { recordDraw, scoredExample } from "../share/helpers";
import { finalise } from "./decide";
import { sheet, snapshotOf } from "./helpers";

function rows(changes: WorkbookChange[]): CellValue[][] {
  const block = changes.find(
    (c): c is Extract<WorkbookChange, { kind: "writeValues" }> =>
      c.kind === "writeValues" && c.at === "A5"
  );
  return block?.values ?? [];
}

describe("rejections", () => {
  const { evaluation } = scoredExample();
  const byName = (name: string) => evaluation.candidates.find((c) => c.name === name)!;

  test("every candidate outside the top has one row, in row order, and nobody in the top", () => {
    const changes = rejectionChanges(evaluation);
    expect(changes[0]).toEqual({ kind: "resetSheet", sheet: "Afwijzingen" });
    const written = rows(changes);
    const outside = evaluation.candidates.filter((c) => !c.top);
    expect(written.map((r) => r[1])).toEqual(outside.map((c) => c.name));
    expect(written.map((r) => r[0])).toEqual(
      [...written.map((r) => r[0])].sort((a, b) => Number(a) - Number(b))
    );
  });

  test("a knock-out names the criterion and the value; sent only once the top is final", () => {
    const p = rejectionParagraph(byName("Olga Brouwer"), evaluation);
    expect(p.status).toBe("Valt af");
    expect(evaluation.summary.final).toBe(false);
    expect(p.send).toBe(false);
    const final = scoredExample((w) => finalise(w)).evaluation;
    const olga = final.candidates.find((c) => c.name === "Olga Brouwer")!;
    expect(rejectionParagraph(olga, final)).toMatchObject({ send: true, why: "", text: p.text });
    expect(p.text).toBe(
      "Olga Brouwer (Interim Zuid BV) is niet geselecteerd voor aanvraag 17040, Klantmanager Inkomen " +
        "(Gemeente Pijnacker-Nootdorp). De kandidaat voldoet niet aan het knock-outcriterium " +
        "K8 (Uurtarief maximaal € 75,00 excl. btw (incl. reiskosten en platformfee)): " +
        "uurtarief € 75,01 is hoger dan het maximum van € 75,00. " +
        "Wie niet aan alle knock-outcriteria voldoet, kan niet verder meedingen."
    );
  });

  test("a knock-out that Werkervaring decided says so, with the typed value beside it", () => {
    const p = rejectionParagraph(byName("Pieter de Graaf"), evaluation);
    expect(p.status).toBe("Valt af");
    expect(p.text).toContain(
      "K3 (Minimaal 2 jaar ervaring als klantmanager inkomen in de afgelopen 5 jaar): " +
        "1,99 jaar volgens Werkervaring; getypt: 1,5 — minder dan de vereiste 2 jaar."
    );
  });

  test("the subtitle names the peildatum (reactietermijn) and the listing's date", () => {
    const title = rejectionChanges(evaluation).find(
      (c): c is Extract<WorkbookChange, { kind: "writeValues" }> =>
        c.kind === "writeValues" && c.at === "A1"
    );
    expect(String(title?.values[1][0])).toMatch(
      /^Peildatum 26-08-2024 \(reactietermijn\) · Einde inschrijfdatum 04-10-2024 11:25 \(telt niet mee\) · /
    );
  });

  test("outside the top: score, rank and the score of the candidate at place 10", () => {
    const p = rejectionParagraph(byName("Marieke van Leeuwen"), evaluation);
    expect(p.status).toBe("Buiten de top");
    expect(p.text).toContain("Met een score van 20 van 100 punten staat de kandidaat op rang");
    expect(p.text).toContain("de kandidaat op plaats 10 heeft een score van");
  });

  test("incomplete: not to send, and says what the evaluator must still decide (never blames the supplier)", () => {
    const incomplete = evaluation.candidates.filter((c) => c.status === "incomplete");
    expect(incomplete.length).toBeGreaterThan(0);
    for (const c of incomplete) {
      const p = rejectionParagraph(c, evaluation);
      expect(p.status).toBe("Onvolledig");
      expect(p.send).toBe(false);
      expect(p.text).toMatch(/^Nog niet versturen: .+ De beoordelaar beslist nog over .+\. /);
      expect(p.text).not.toMatch(/inschrijving was onvolledig|ontbrak/);
      for (const field of c.missing)
        expect(p.text).toContain(field === "rate" ? "het uurtarief" : `${field} (`);
    }
  });

  test("a pending draw is not a rejection yet: not to send", () => {
    const p = rejectionParagraph(byName("Joost Vos"), evaluation);
    expect(p).toMatchObject({ status: "Loting nodig", send: false });
    expect(p.text).toContain("Nog niet versturen");
    const drawn = scoredExample((w) =>
      recordDraw(w, ["Karin Peters", "Joost Vos", "Lucas Hendriks"])
    );
    const joost = drawn.evaluation.candidates.find((c) => c.name === "Joost Vos")!;
    expect(rejectionParagraph(joost, drawn.evaluation).status).toBe("Buiten de top");
  });

  test("an Afwijzingen sheet that is not ours is never overwritten", () => {
    expect(() =>
      checkRejectionSheet(snapshotOf(sheet("Afwijzingen", [["Mijn notities"]])))
    ).toThrow("Het blad 'Afwijzingen' bestaat al");
    expect(() =>
      checkRejectionSheet(snapshotOf(sheet("Afwijzingen", [["Afwijzingen aanvraag 17040 — x"]])))
    ).not.toThrow();
    expect(() => checkRejectionSheet(snapshotOf())).not.toThrow();
  });
});
