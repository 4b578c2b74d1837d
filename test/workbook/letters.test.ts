/**
 * Issue 17, letters that state only facts, on small typed workbooks (no work history):
 * the score of the candidate at place N, the draw or the rate that decided a tie there,
 * and no letter marked to send while the top is not final.
 */
import type { CellValue } from "../../src/engine";
import type { WorkbookChange } from "../../src/workbook/changes";
import { rejectionChanges, rejectionParagraph } from "../../src/workbook/rejections";
import { planScore } from "../../src/workbook/score";
import { readSnapshot } from "../../src/xlsx";
import { candidate, requestWithTop, smallWorkbook } from "./smallWorkbook";

/**
 * Top 3. Ans 100; Bram 80 at € 60; Cor, Gijs and Hans 80 at € 65 (a tie over places 3 to 5);
 * Fleur 80 at € 70; Dirk 50; Kees knocked out on K2; Lies, when asked, without K6.
 */
function scenario(options: { draw: boolean; incomplete?: boolean }) {
  const lot = (n: number) => (options.draw ? n : null);
  const rows = [
    candidate({ Kandidaat: "Ans", G11: 1 }),
    candidate({ Kandidaat: "Bram", Uurtarief: 60 }),
    candidate({ Kandidaat: "Cor", Uurtarief: 65, Loting: lot(2) }),
    candidate({ Kandidaat: "Gijs", Uurtarief: 65, Loting: lot(1) }),
    candidate({ Kandidaat: "Hans", Uurtarief: 65, Loting: lot(3) }),
    candidate({ Kandidaat: "Fleur", Uurtarief: 70 }),
    candidate({ Kandidaat: "Dirk", G10: "Nee", G9: 12 }),
    candidate({ Kandidaat: "Kees", K2: "Nee" }),
    ...(options.incomplete ? [candidate({ Kandidaat: "Lies", K6: null })] : []),
  ];
  const workbook = smallWorkbook(requestWithTop(3), rows);
  const plan = planScore(readSnapshot(workbook));
  const by = (name: string) => plan.evaluation.candidates.find((c) => c.name === name)!;
  const letter = (name: string) => rejectionParagraph(by(name), plan.evaluation, plan.undecided);
  return { plan, by, letter };
}

function letterRows(changes: WorkbookChange[]): CellValue[][] {
  const block = changes.find(
    (c): c is Extract<WorkbookChange, { kind: "writeValues" }> =>
      c.kind === "writeValues" && c.at === "A5"
  );
  return block?.values ?? [];
}

describe("a final top", () => {
  const { plan, by, letter } = scenario({ draw: true });

  test("is final; place 3 is Gijs (lot 1), at 80 points", () => {
    expect(plan.evaluation.summary.final).toBe(true);
    expect(plan.undecided).toEqual([]);
    expect(by("Gijs")).toMatchObject({ top: true, rank: 3, drawn: true });
  });

  test("the letter names the score of the candidate at place 3, and nothing about a tie for a lower score", () => {
    const dirk = letter("Dirk");
    expect(dirk).toMatchObject({ status: "Buiten de top", send: true, why: "" });
    expect(dirk.text).toContain(
      "Met een score van 50 van 100 punten staat de kandidaat op rang 7; de gemeente ontvangt de 3 " +
        "best scorende kandidaten en de kandidaat op plaats 3 heeft een score van 80 punten."
    );
    expect(dirk.text).not.toMatch(/uurtarief van deze kandidaat|loting/);
  });

  test("lost the draw: told the draw decided, in its order, not the rate", () => {
    const cor = letter("Cor");
    expect(cor.send).toBe(true);
    expect(cor.text).toContain(
      "Deze kandidaat had dezelfde score en hetzelfde uurtarief (€ 65,00) als 2 andere kandidaten; " +
        "daarom heeft een loting de volgorde bepaald: lotnummer 1 werd plaats 3, " +
        "lotnummer 2 (deze kandidaat) plaats 4 en lotnummer 3 plaats 5."
    );
    expect(cor.text).not.toContain("gaat het laagste uurtarief voor");
    expect(letter("Hans").text).toContain("lotnummer 3 (deze kandidaat) plaats 5.");
  });

  test("behind on rate at equal score: told the rate decided, with both rates", () => {
    const fleur = letter("Fleur");
    expect(fleur.text).toContain(
      "Bij gelijke score gaat het laagste uurtarief voor: het uurtarief van deze kandidaat is € 70,00, " +
        "dat van de kandidaat op plaats 3 € 65,00."
    );
    expect(fleur.text).not.toContain("loting");
  });

  test("every letter may be sent: Versturen Ja, no why, no line 3", () => {
    const changes = rejectionChanges(plan.evaluation, plan.undecided);
    const rows = letterRows(changes);
    expect(rows.map((r) => r[1])).toEqual(["Cor", "Hans", "Fleur", "Dirk", "Kees"]);
    expect(rows.map((r) => [r[4], r[6]])).toEqual(rows.map(() => ["Ja", ""]));
    expect(changes.some((c) => c.kind === "writeValues" && c.at === "A3")).toBe(false);
  });
});

describe("a top that is not final", () => {
  test("a pending draw: every letter says Versturen Nee, line 3 says why with the Loting cells", () => {
    const { plan, letter } = scenario({ draw: false });
    expect(plan.evaluation.summary.final).toBe(false);
    const loting = plan.undecided.map((c) => `Kandidaten!${c.cell}`);
    expect(loting).toHaveLength(3);
    const changes = rejectionChanges(plan.evaluation, plan.undecided);
    const rows = letterRows(changes);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row[4]).toBe("Nee");
    // A letter with a reason of its own says it beside the letter.
    expect(rows.filter((r) => r[6] !== "").map((r) => [r[1], r[6]])).toEqual([
      ["Cor", "Eerst de loting vastleggen (kolom Loting)."],
      ["Gijs", "Eerst de loting vastleggen (kolom Loting)."],
      ["Hans", "Eerst de loting vastleggen (kolom Loting)."],
    ]);
    expect(letter("Kees")).toMatchObject({ status: "Valt af", send: false });
    expect(letter("Cor")).toMatchObject({ status: "Loting nodig", send: false });
    const line3 = changes.find(
      (c): c is Extract<WorkbookChange, { kind: "writeValues" }> =>
        c.kind === "writeValues" && c.at === "A3"
    );
    expect(String(line3?.values[0][0])).toBe(
      `Versturen: Nee bij elke brief, want de top is nog niet definitief. Nog te beslissen: ` +
        `${loting[0]}, ${loting[1]} en ${loting[2]}. Beoordeel daarna opnieuw.`
    );
  });

  test("an incomplete row: its letter is not sent, names its own cell, and blames nobody", () => {
    const { plan, letter } = scenario({ draw: true, incomplete: true });
    expect(plan.evaluation.summary.final).toBe(false);
    expect(plan.undecided).toHaveLength(1);
    const cell = `Kandidaten!${plan.undecided[0].cell}`;
    const lies = letter("Lies");
    expect(lies).toMatchObject({
      status: "Onvolledig",
      send: false,
      why: `Nog te beslissen in deze rij: ${cell}.`,
    });
    expect(lies.text).toContain("De beoordelaar beslist nog over K6 (");
    expect(lies.text).toContain("typ Nee of 0");
    expect(lies.text).not.toMatch(/onvolledig|ontbr/i);
    // Everyone else waits too; line 3 says why.
    expect(letter("Dirk")).toMatchObject({ send: false, why: "" });
  });
});
