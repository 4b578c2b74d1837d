/** "Persoonsgegevens opschonen": the reminder date, and the plan on the example workbook. */
import { request17040, type CellValue } from "../../src/engine";
import { cellAddress } from "../../src/workbook/address";
import type { WorkbookChange } from "../../src/workbook/changes";
import {
  isContactHeader,
  planPrivacy,
  privacyReminderDue,
  privacyStatus,
} from "../../src/workbook/privacy";
import type { SheetSnapshot } from "../../src/workbook/snapshot";
import { WorkbookError } from "../../src/workbook/problems";
import { planCvProposals } from "../../src/workbook/cvIntake";
import { applyChanges, fullSnapshot, readSnapshot } from "../../src/xlsx";
import { recordDraw, scoredExample } from "../share/helpers";
import { decideSilently } from "./decide";
import { candidatesSheet, headers17040, passing, sheet, snapshotOf } from "./helpers";

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

describe("privacyStatus (the pane's clean-up reminder, from the workbook as read)", () => {
  const late = new Date(Date.UTC(2024, 9, 1, 9)); // more than 4 weeks after 26-08-2024
  const early = new Date(Date.UTC(2024, 8, 1, 9));

  test("not due: nothing pending, whatever the workbook holds", () => {
    const snapshot = readSnapshot(scoredExample().workbook);
    expect(privacyStatus(snapshot, request17040, early)).toEqual({
      due: false,
      closed: "2024-08-26",
      pending: 0,
    });
  });

  test("due: the names and work-history rows the clean-up would clear", () => {
    const { workbook } = scoredExample((w) => {
      decideSilently(w);
      recordDraw(w, ["Karin Peters", "Joost Vos", "Lucas Hendriks"]);
    });
    const snapshot = readSnapshot(workbook);
    const plan = planPrivacy(snapshot);
    const expected =
      plan.pseudonyms.filter((p) => p.name !== p.pseudonym).length + plan.clearedPeriods.length;
    expect(expected).toBeGreaterThan(0);
    expect(privacyStatus(snapshot, request17040, late)).toEqual({
      due: true,
      closed: "2024-08-26",
      pending: expected,
    });
  });

  test("due: the CV lines in Voorstellen count too (the clean-up empties them)", () => {
    const { workbook } = scoredExample((w) => {
      decideSilently(w);
      recordDraw(w, ["Karin Peters", "Joost Vos", "Lucas Hendriks"]);
    });
    const before = privacyStatus(readSnapshot(workbook), request17040, late).pending;
    expect(before).toBeGreaterThan(0);
    const evidence = { file: "cv.pdf", page: 1, line: 3, text: "Klantmanager inkomen" };
    const proposals = [
      {
        candidate: "Karin Peters",
        proposals: [
          { kind: "requirement" as const, id: "E1", value: 3, note: "3 pagina's (PDF)", evidence },
          { kind: "requirement" as const, id: "E3", value: 2, note: "2 referenties", evidence },
        ],
      },
    ];
    applyChanges(
      workbook,
      planCvProposals(readSnapshot(workbook), request17040, proposals).changes
    );
    const snapshot = fullSnapshot(workbook); // every sheet, as the clean-up reads
    expect(planPrivacy(snapshot).clearedProposals).toBe(2);
    expect(privacyStatus(snapshot, request17040, late).pending).toBe((before ?? 0) + 2);
  });

  test("due while the top is not final: pending unknown (null), no error", () => {
    const snapshot = readSnapshot(scoredExample().workbook);
    expect(privacyStatus(snapshot, request17040, late)).toEqual({
      due: true,
      closed: "2024-08-26",
      pending: null,
    });
  });
});

describe("planPrivacy", () => {
  test("refuses while the top is not final: rows to decide, or a draw pending", () => {
    expect(() => planPrivacy(readSnapshot(scoredExample().workbook))).toThrow(WorkbookError);
    const onlyTheDraw = scoredExample(decideSilently).workbook;
    expect(() => planPrivacy(readSnapshot(onlyTheDraw))).toThrow(
      /niets opgeschoond.*Kandidaten!Q11/
    );
  });

  test("a pseudonym per candidate outside the top; the top is untouched", () => {
    const { workbook, evaluation } = scoredExample((w) => {
      decideSilently(w);
      recordDraw(w, ["Karin Peters", "Joost Vos", "Lucas Hendriks"]);
    });
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

// ---- issue 17 §7: every trace ----

/** Two in the top ("Jan de Vries", "Ans"), the others knocked out on K2. */
function traced(
  others: string[],
  extra: Partial<SheetSnapshot>[] = [],
  more: SheetSnapshot[] = []
) {
  const kandidaten = candidatesSheet(
    [
      { ...passing, Kandidaat: "Jan de Vries" },
      { ...passing, Kandidaat: "Ans", Uurtarief: 71 },
      ...others.map((name) => ({ ...passing, Kandidaat: name, K2: "Nee" })),
    ],
    { headers: [...headers17040, "E-mailadres", "Tel.", "Telling"] }
  );
  return snapshotOf(Object.assign(kandidaten, ...extra), ...more);
}

/** The single-cell writes of a plan on a sheet, as address → value. */
function writes(changes: WorkbookChange[], sheetName: string): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const c of changes)
    if (c.kind === "writeValues" && c.sheet === sheetName) out[c.at] = c.values[0][0];
  return out;
}

describe("planPrivacy leaves no trace", () => {
  test("whole words only, any case and spacing, longest name first; top names and other words stay", () => {
    const plan = planPrivacy(
      traced(
        ["Jan", "Jan de Vrie", "Piet Jansen"],
        [],
        [
          sheet("Notities", [
            ["JAN  DE VRIE belde; jan ook; Janssen en Jan de Vries niet."],
            ["Piet Jansen, Piet en Jansen; Jan-Piet; Ans"],
          ]),
        ]
      ),
      { preset: "17040" }
    );
    expect(plan.pseudonyms.map((p) => [p.name, p.pseudonym])).toEqual([
      ["Jan", "Kandidaat 03"],
      ["Jan de Vrie", "Kandidaat 04"],
      ["Piet Jansen", "Kandidaat 05"],
    ]);
    expect(writes(plan.changes, "Notities")).toEqual({
      A1: "Kandidaat 04 belde; Kandidaat 03 ook; Janssen en Jan de Vries niet.",
      A2: "Kandidaat 05, Piet en Jansen; Kandidaat 03-Piet; Ans",
    });
    expect(plan.counts.cells).toBe(4);
  });

  test("a formula name cell becomes the pseudonym; other formulas keep working where they can", () => {
    const snapshot = traced(
      ["Kees Smit", "Olga Brouwer"],
      [],
      [sheet("Notities", [["Olga Brouwer", "Kees Smit is afgewezen", "Contact: Kees Smit", 1, 7]])]
    );
    const kandidaten = snapshot.sheets[0];
    kandidaten.formulas = [];
    kandidaten.formulas[3] = ['="Kees "&"Smit"'];
    kandidaten.formulas[4] = ["=Notities!A1"];
    snapshot.sheets[1].formulas = [
      [
        null,
        '=Kandidaten!A4&" is afgewezen"',
        '="Contact: "&"Kees "&"Smit"',
        '=IF(A1="Olga Brouwer",1,0)',
        "=3+4",
      ],
    ];
    const plan = planPrivacy(snapshot, { preset: "17040" });
    expect(writes(plan.changes, "Kandidaten")).toMatchObject({
      A4: "Kandidaat 03",
      A5: "Kandidaat 04",
    });
    expect(writes(plan.changes, "Notities")).toEqual({
      A1: "Kandidaat 04",
      C1: "Contact: Kandidaat 03", // its texts spell the name: a value now
    });
    expect(plan.changes.filter((c) => c.kind === "writeFormulas")).toEqual([
      {
        kind: "writeFormulas",
        sheet: "Notities",
        at: "B1",
        formulas: [['=Kandidaten!A4&" is afgewezen"']],
        results: [["Kandidaat 03 is afgewezen"]],
      },
      {
        kind: "writeFormulas",
        sheet: "Notities",
        at: "D1",
        formulas: [['=IF(A1="Kandidaat 04",1,0)']],
        results: [[1]],
      },
    ]);
    expect(plan.counts).toMatchObject({ formulaNames: 2, formulas: 3, cells: 1 });
  });

  test("contact cells of the others are emptied (their notes with them); the top's stay", () => {
    const snapshot = traced(["Kees Smit"]);
    const kandidaten = snapshot.sheets[0];
    const column = headers17040.length;
    const at = (offset: number, row: number) => cellAddress(row, column + offset);
    kandidaten.values[1].splice(column, 3, "jan@example.nl", "06-1", 3);
    kandidaten.values[3].splice(column, 3, "kees@example.nl", "06-2", 4);
    kandidaten.notes = [
      { at: at(2, 4), text: "privé nummer" },
      { at: "A4", text: "Gesprek met Kees Smit" },
      { at: at(2, 2), text: "Kees Smit belt terug" },
    ];
    const plan = planPrivacy(snapshot, { preset: "17040" });
    expect(plan.contactColumns).toEqual(["E-mailadres", "Tel."]);
    expect(writes(plan.changes, "Kandidaten")).toMatchObject({
      [at(1, 4)]: null,
      [at(2, 4)]: null,
    });
    const written = Object.keys(writes(plan.changes, "Kandidaten"));
    expect(written).not.toContain(at(1, 2)); // the top's
    expect(written).not.toContain(at(3, 4)); // "Telling" is no contact column
    expect(plan.counts.contactCells).toBe(2);
    expect(plan.changes.filter((c) => c.kind === "writeNote")).toEqual([
      { kind: "writeNote", sheet: "Kandidaten", at: at(2, 4), text: null },
      { kind: "writeNote", sheet: "Kandidaten", at: "A4", text: "Gesprek met Kandidaat 03" },
      { kind: "writeNote", sheet: "Kandidaten", at: at(2, 2), text: "Kandidaat 03 belt terug" },
    ]);
    expect(plan.counts.notes).toBe(2);
  });

  test("headers and footers between their codes, validations, properties; counted per kind", () => {
    const plan = planPrivacy(
      traced(
        ["Kees Smit", "Piet"],
        [
          {
            headerFooter: {
              oddHeader: '&CKees Smit&R&"Arial,Bold"&12Piet&P',
              oddFooter: "&LJan de Vries",
              evenFooter: "&KFF0000Piet",
            },
            validations: [
              {
                range: "B2",
                prompt: "Kies voor Kees Smit",
                error: "Niet Piet",
                formulae: ['"Piet,Ans"'],
              },
              { range: "B3", prompt: "Leverancier" },
            ],
          },
        ]
      ),
      { preset: "17040" }
    );
    expect(plan.changes.filter((c) => c.kind === "headerFooterTexts")).toEqual([
      {
        kind: "headerFooterTexts",
        sheet: "Kandidaten",
        texts: {
          oddHeader: '&CKandidaat 03&R&"Arial,Bold"&12Kandidaat 04&P',
          evenFooter: "&KFF0000Kandidaat 04",
        },
      },
    ]);
    expect(plan.changes.filter((c) => c.kind === "validationTexts")).toEqual([
      {
        kind: "validationTexts",
        sheet: "Kandidaten",
        range: "B2",
        texts: { prompt: "Kies voor Kandidaat 03", error: "Niet Kandidaat 04" },
        formulae: ['"Kandidaat 04,Ans"'],
      },
    ]);
    expect(plan.counts).toMatchObject({ headersFooters: 3, validations: 3, properties: 0 });
  });

  test("document properties; warnings for a sheet named after one and for parts not read", () => {
    const snapshot = traced(["Kees Smit"], [], [sheet("Kees Smit", [["x"]])]);
    snapshot.properties = { creator: "Kees Smit", title: "Beoordeling", company: "Smit BV" };
    snapshot.unread = ["notes", "properties"];
    const plan = planPrivacy(snapshot, { preset: "17040" });
    expect(plan.changes.filter((c) => c.kind === "documentProperties")).toEqual([
      { kind: "documentProperties", properties: { creator: "Kandidaat 03" } },
    ]);
    expect(plan.counts.properties).toBe(1);
    expect(plan.warnings).toEqual([
      "Let op: het blad 'Kees Smit' heeft de naam van een kandidaat buiten de top. " +
        "Hernoem het zelf; de naam van een blad is niet aangepast.",
      "Let op: de notities bij cellen en de documenteigenschappen zijn niet nagekeken; " +
        "kijk zelf of daar nog een naam van een kandidaat staat.",
    ]);
  });
});

describe("isContactHeader", () => {
  test.each([
    ["E-mail", true],
    ["E-mailadres", true],
    ["Telefoonnummer", true],
    ["Tel.", true],
    ["GSM", true],
    ["Mobiel", true],
    ["Woonplaats", true],
    ["Postcode", true],
    ["Geboortedatum", true],
    ["LinkedIn-profiel", true],
    ["Telling", false],
    ["Opmerking", false],
    ["Leverancier", false],
  ])("%s → %s", (header, contact) => {
    expect(isContactHeader(header)).toBe(contact);
  });
});
