/** "Persoonsgegevens opschonen": the reminder date, and the plan on the example workbook. */
import { request17040 } from "../../src/engine";
import { planPrivacy, privacyReminderDue } from "../../src/workbook/privacy";
import { WorkbookError } from "../../src/workbook/problems";
import { readSnapshot } from "../../src/xlsx";
import { recordDraw, scoredExample } from "../share/helpers";
import { candidatesSheet, passing, sheet, snapshotOf } from "./helpers";

describe("privacyReminderDue", () => {
  // 17040 closes at the reactietermijn, 26-08-2024 09:00 (not the listing's 04-10-2024).
  test.each([
    ["2024-08-26", false],
    ["2024-09-23", false], // exactly 4 weeks
    ["2024-09-24", true],
    ["2025-06-01", true],
    ["2024-08-01", false],
  ])("closed 26-08-2024, today %s → %s", (today, due) => {
    expect(privacyReminderDue(request17040, today)).toBe(due);
  });

  test("takes a Date, and never reminds on an unreadable closing moment", () => {
    expect(privacyReminderDue(request17040, new Date(Date.UTC(2024, 8, 24, 9)))).toBe(true);
    expect(privacyReminderDue(request17040, new Date(Date.UTC(2024, 8, 23, 9)))).toBe(false);
    expect(privacyReminderDue({ closingMoment: "onbekend" }, "2030-01-01")).toBe(false);
  });
});

describe("planPrivacy", () => {
  test("refuses while a draw is pending", () => {
    const { workbook } = scoredExample();
    expect(() => planPrivacy(readSnapshot(workbook))).toThrow(WorkbookError);
  });

  test("a pseudonym per candidate outside the top; the top is untouched", () => {
    const { workbook, evaluation } = scoredExample((w) =>
      recordDraw(w, ["Karin Peters", "Joost Vos", "Lucas Hendriks"])
    );
    const plan = planPrivacy(readSnapshot(workbook));
    const outside = evaluation.candidates.filter((c) => !c.top);
    expect(plan.kept).toBe(10);
    expect(plan.pseudonyms.map((p) => p.name)).toEqual(outside.map((c) => c.name));
    for (const p of plan.pseudonyms) expect(p.pseudonym).toMatch(/^Kandidaat \d{2}$/);
    expect(new Set(plan.pseudonyms.map((p) => p.pseudonym)).size).toBe(plan.pseudonyms.length);
    const topRows = new Set(evaluation.candidates.filter((c) => c.top).map((c) => c.row));
    for (const change of plan.changes) {
      if (change.kind !== "writeValues" || change.sheet !== "Kandidaten") continue;
      expect(topRows.has(Number(change.at.replace(/^[A-Z]+/, "")))).toBe(false);
    }
  });

  test("nothing to do when everyone is in the top", () => {
    const plan = planPrivacy(
      snapshotOf(candidatesSheet([passing, { ...passing, Kandidaat: "Bo" }])),
      { preset: "17040" }
    );
    expect(plan).toMatchObject({ pseudonyms: [], clearedPeriods: [], kept: 2, changes: [] });
  });

  test("a free-text mention is replaced as a whole word only, and a top name is never cut", () => {
    const plan = planPrivacy(
      snapshotOf(
        candidatesSheet([
          { ...passing, Kandidaat: "Jan de Vries" },
          { ...passing, Kandidaat: "Jan", K2: "Nee" },
        ]),
        sheet("Afwijzingen", [
          ["Afwijzingen aanvraag 17040 — Klantmanager Inkomen"],
          ["Jan is afgewezen; Jan de Vries niet; Janssen blijft."],
        ])
      ),
      { preset: "17040" }
    );
    const written = plan.changes.filter(
      (c) => c.kind === "writeValues" && c.sheet === "Afwijzingen"
    );
    expect(written).toEqual([
      {
        kind: "writeValues",
        sheet: "Afwijzingen",
        at: "A2",
        values: [["Kandidaat 02 is afgewezen; Jan de Vries niet; Janssen blijft."]],
      },
    ]);
  });
});
