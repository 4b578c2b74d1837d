/**
 * CV intake's workbook plan: the `Voorstellen` sheet written and read back, and the chosen
 * proposals applied in one batch without ever overwriting what the evaluator typed; on
 * snapshots, and through the file host (ExcelJS) and back.
 */
import ExcelJS from "exceljs";
import {
  request17040,
  type CandidateProposals,
  type CellValue,
  type CvProposal,
  type Evidence,
} from "../../src/engine";
import type { WorkbookChange, WriteValues } from "../../src/workbook/changes";
import {
  chosenRows,
  EXCEL_MAX_ROWS,
  planApplyProposals,
  planCvProposals,
  proposalHeaders,
  readProposalRows,
  readTake,
} from "../../src/workbook/cvIntake";
import { planPrivacy } from "../../src/workbook/privacy";
import { WorkbookError } from "../../src/workbook/problems";
import { planScore } from "../../src/workbook/score";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { applyChanges, sheetSnapshot } from "../../src/xlsx";
import { planTemplate } from "../../src/workbook/template";
import { candidatesSheet, headers17040, passing, sheet, snapshotOf } from "./helpers";

const evidence = (line: number, text = `regel ${line}`): Evidence => ({
  file: "ans.pdf",
  page: 1,
  line,
  text,
});

const e1: CvProposal = {
  kind: "requirement",
  id: "E1",
  value: 3,
  note: "3 pagina's (PDF)",
  evidence: evidence(1),
};
const e2: CvProposal = {
  kind: "requirement",
  id: "E2",
  value: "Ja",
  note: "Nederlands",
  evidence: evidence(2),
};
const e3: CvProposal = {
  kind: "requirement",
  id: "E3",
  value: 2,
  note: "2 referenties",
  evidence: evidence(30, "Referenties"),
};
const period: CvProposal = {
  kind: "period",
  role: "Klantmanager inkomen, Gemeente Delft",
  from: "2019-01-01",
  to: null,
  countsFor: ["K3", "G9"],
  note: "maand: eerste dag",
  evidence: evidence(10, "jan. 2019 – heden Klantmanager inkomen – Gemeente Delft"),
};
const older: CvProposal = {
  ...period,
  role: "Inkomensconsulent, Gemeente Leiden",
  from: "2012-03-01",
  to: "2018-12-31",
  countsFor: ["G9"],
  evidence: evidence(12, "03/2012 - 12/2018 Inkomensconsulent, Gemeente Leiden"),
};
const yes: CvProposal = {
  kind: "yes",
  source: "education",
  ids: ["K6", "G10"],
  note: "hbo SJD",
  evidence: evidence(20, "Hbo Sociaal Juridische Dienstverlening"),
};

const ans = (...proposals: CvProposal[]): CandidateProposals[] => [{ candidate: "Ans", proposals }];

const empty = { E1: null, E2: null, E3: null, K6: null, G10: null };

/** Kandidaten with Ans (E-columns and K6/G10 empty unless given) and Bas. */
function kandidaten(ansFields: Record<string, CellValue> = {}, headers = headers17040) {
  return candidatesSheet(
    [
      { ...passing, ...empty, ...ansFields },
      { ...passing, Kandidaat: "Bas" },
    ],
    { headers }
  );
}

/** A Werkervaring table with the given rows (candidate, role, countsFor, from, to) and `spare` empty rows. */
function werkervaring(rows: CellValue[][], spare = 0): SheetSnapshot {
  const values = [
    ["Kandidaat", "Functie", "Telt voor", "Van", "Tot"],
    ...rows,
    ...Array.from({ length: spare }, () => [null, null, null, null, null]),
  ];
  return sheet("Werkervaring", values, "Werkervaring");
}

function writes(changes: WorkbookChange[], sheetName: string): WriteValues[] {
  return changes.filter((c): c is WriteValues => c.kind === "writeValues" && c.sheet === sheetName);
}

function columnOf(id: string): string {
  const i = headers17040.findIndex((h) => h.split(" ")[0] === id);
  return String.fromCharCode(65 + i);
}

/** A snapshot after the changes, as the file host writes them and reads them back. */
function throughFile(
  snapshot: WorkbookSnapshot,
  ...plans: Array<(s: WorkbookSnapshot) => WorkbookChange[]>
) {
  const workbook = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = workbook.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      })
    );
  }
  // Tables as the template makes them.
  const withTables = (wb: ExcelJS.Workbook): WorkbookSnapshot => ({
    sheets: wb.worksheets.map((ws) => sheetSnapshot(ws)),
    names: [],
  });
  for (const s of snapshot.sheets)
    for (const t of s.tables) {
      applyChanges(workbook, [
        {
          kind: "createTable",
          sheet: s.name,
          name: t.name,
          range: `A1:${String.fromCharCode(64 + t.columns.length)}${1 + Math.max(1, t.rowCount)}`,
          columns: t.columns,
        },
      ]);
    }
  let current = withTables(workbook);
  for (const plan of plans) {
    applyChanges(workbook, plan(current));
    current = withTables(workbook);
  }
  return { workbook, snapshot: current };
}

describe("planCvProposals: the Voorstellen sheet", () => {
  test("one row per proposal under a title and the headers, every proposal Voorgesteld", () => {
    const plan = planCvProposals(snapshotOf(kandidaten()), request17040, ans(e1, period, yes));
    expect(plan.written).toBe(3);
    const w = writes(plan.changes, "Voorstellen");
    expect(w[0].values[0][0]).toBe("Voorstellen uit cv's — aanvraag 17040");
    const header = w.find((c) => c.at === "A3")!;
    expect(header.values[0]).toEqual([...proposalHeaders]);
    const rows = w.find((c) => c.at === "A4")!.values;
    expect(rows[0]).toEqual([
      "Ans",
      "ans.pdf",
      1,
      1,
      "regel 1",
      "CV-eis",
      "E1 CV-pagina's",
      3,
      null,
      null,
      null,
      null,
      "3 pagina's (PDF)",
      null,
      "Voorgesteld",
    ]);
    expect(rows[1].slice(5, 12)).toEqual([
      "Werkervaring",
      "Werkervaring",
      null,
      "Klantmanager inkomen, Gemeente Delft",
      new Date(Date.UTC(2019, 0, 1)),
      null,
      "K3, G9",
    ]);
    expect(rows[2][6]).toMatch(/^K6 .*; G10 /);
    expect(rows[2][7]).toBe("Ja");
    expect(plan.changes).toContainEqual(
      expect.objectContaining({ kind: "listValidation", range: "N4:N6", items: ["Ja", "Nee"] })
    );
  });

  test("a user's own sheet called Voorstellen is refused, nothing planned", () => {
    const own = sheet("Voorstellen", [["Mijn voorstellen voor de raad"], ["punt 1"]]);
    expect(() => planCvProposals(snapshotOf(kandidaten(), own), request17040, ans(e1))).toThrow(
      /'Voorstellen' bestaat al en bevat iets anders/
    );
  });

  test("a new run for a candidate replaces that candidate's rows only (others keep their marks)", () => {
    const first = throughFile(
      snapshotOf(kandidaten()),
      (s) => planCvProposals(s, request17040, ans(e1, e2)).changes,
      (s) => planCvProposals(s, request17040, [{ candidate: "Bas", proposals: [e3] }]).changes
    );
    // The evaluator marks Bas's row.
    const ws = first.workbook.getWorksheet("Voorstellen")!;
    expect(ws.getCell("A6").value).toBe("Bas");
    ws.getCell("N6").value = "ja";
    const again = planCvProposals(
      { sheets: first.workbook.worksheets.map((w) => sheetSnapshot(w)), names: [] },
      request17040,
      ans(period)
    );
    expect(again.rows).toBe(2);
    const rows = writes(again.changes, "Voorstellen").find((c) => c.at === "A4")!.values;
    expect(rows.map((r) => [r[0], r[5], r[13]])).toEqual([
      ["Bas", "CV-eis", "ja"],
      ["Ans", "Werkervaring", null],
    ]);
  });

  test("more rows than Excel has are refused", () => {
    const many = Array.from({ length: EXCEL_MAX_ROWS - 2 }, () => e1);
    expect(() =>
      planCvProposals(snapshotOf(kandidaten()), request17040, [
        { candidate: "Ans", proposals: many },
      ])
    ).toThrow(/'Voorstellen' passen geen 1048574 rijen meer/);
  });
});

describe("Overnemen: what counts as yes", () => {
  test.each<[CellValue, boolean | null]>([
    ["Ja", true],
    ["ja", true],
    ["JA", true],
    [" x ", true],
    ["X", true],
    [true, true],
    ["WAAR", true],
    ["Nee", false],
    [null, false],
    ["", false],
    ["misschien", null],
    ["✓", null],
    [1, null],
  ])("%p → %p", (value, expected) => {
    expect(readTake(value)).toBe(expected);
  });

  test("an unreadable Overnemen is a problem at its cell, and nothing is read", () => {
    const { snapshot } = throughFile(
      snapshotOf(kandidaten()),
      (s) => planCvProposals(s, request17040, ans(e1, e2, e3)).changes
    );
    const voorstellen = snapshot.sheets.find((s) => s.name === "Voorstellen")!;
    voorstellen.values[3][13] = "JA";
    voorstellen.values[4][13] = "x";
    voorstellen.values[5][13] = "misschien";
    try {
      readProposalRows(snapshot, request17040);
      throw new Error("no error");
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookError);
      expect((error as WorkbookError).problems).toEqual([
        {
          sheet: "Voorstellen",
          cell: "N6",
          message: expect.stringMatching(/^'misschien' in Overnemen is onduidelijk/),
        },
      ]);
    }
    voorstellen.values[5][13] = "Nee";
    const rows = readProposalRows(snapshot, request17040);
    expect(rows.map((r) => r.take)).toEqual([true, true, false]);
    expect(chosenRows(rows)).toEqual([{ candidate: "Ans", proposals: [e1, e2] }]);
  });

  test("an edited value that cannot be read is a problem with its cell, only where marked", () => {
    const { snapshot } = throughFile(
      snapshotOf(kandidaten()),
      (s) => planCvProposals(s, request17040, ans(e1, period)).changes
    );
    const v = snapshot.sheets.find((s) => s.name === "Voorstellen")!;
    v.values[3][7] = "drie";
    v.values[4][9] = "31-02-2019";
    expect(readProposalRows(snapshot, request17040)).toHaveLength(0); // unmarked: not applied, no problem
    v.values[3][13] = "Ja";
    v.values[4][13] = "Ja";
    expect(() => readProposalRows(snapshot, request17040)).toThrow(WorkbookError);
    try {
      readProposalRows(snapshot, request17040);
    } catch (error) {
      expect((error as WorkbookError).problems.map((p) => p.cell)).toEqual(["H4", "J5"]);
    }
  });
});

describe("planApplyProposals", () => {
  test("fills only empty cells of the candidate's row; 0, Nee and a formula are the evaluator's", () => {
    const k = kandidaten({ E1: null, E2: "Nee", E3: 0 });
    k.formulas = k.values.map((row) => row.map(() => null));
    k.formulas[1][headers17040.findIndex((h) => h.startsWith("K6 "))] = '=IF(TRUE,"Ja","")';
    const plan = planApplyProposals(snapshotOf(k), request17040, ans(e1, e2, e3, yes));
    expect(plan.outcomes.map((o) => o.status)).toEqual([
      "Overgenomen",
      "Niet overgenomen: E2: de cel had al een waarde (Nee)",
      "Niet overgenomen: E3: de cel had al een waarde (0)",
      "Overgenomen: G10; niet overgenomen: K6: de cel heeft een formule",
    ]);
    expect(writes(plan.changes, "Kandidaten")).toEqual([
      { kind: "writeValues", sheet: "Kandidaten", at: `${columnOf("E1")}2`, values: [[3]] },
      { kind: "writeValues", sheet: "Kandidaten", at: `${columnOf("G10")}2`, values: [["Ja"]] },
    ]);
    expect(plan.cells).toBe(2);
    expect(plan.applied).toBe(2);
  });

  test("two proposals for one cell: the first fills it", () => {
    const other = { ...e1, value: 4, evidence: { ...e1.evidence, file: "ans-2.docx" } };
    const plan = planApplyProposals(snapshotOf(kandidaten()), request17040, ans(e1, other));
    expect(plan.outcomes[1].status).toBe(
      "Niet overgenomen: E1: een ander voorstel vulde de cel al"
    );
    expect(writes(plan.changes, "Kandidaten")).toHaveLength(1);
  });

  test("a missing E-column: not applied, with the column to add", () => {
    const headers = headers17040.filter((h) => !h.startsWith("E1 "));
    const plan = planApplyProposals(snapshotOf(kandidaten({}, headers)), request17040, ans(e1, e2));
    expect(plan.outcomes.map((o) => [o.applied, o.status])).toEqual([
      [
        false,
        "Niet overgenomen: het blad 'Kandidaten' heeft geen kolom voor E1 (voeg 'E1 CV-pagina's' toe)",
      ],
      [true, "Overgenomen"],
    ]);
  });

  test("an unknown candidate: a Dutch problem naming Kandidaten, nothing planned", () => {
    expect(() =>
      planApplyProposals(snapshotOf(kandidaten()), request17040, [
        { candidate: "Cor", proposals: [e1] },
      ])
    ).toThrow(/'Cor' staat niet in de kolom 'Kandidaat' van het blad 'Kandidaten'/);
  });

  test("a candidate typed twice: both cells named, nothing planned", () => {
    const k = candidatesSheet([
      { ...passing, ...empty },
      { ...passing, Kandidaat: "Bas" },
      { ...passing, ...empty, Kandidaat: " ans " },
    ]);
    try {
      planApplyProposals(snapshotOf(k), request17040, ans(e1));
      throw new Error("no error");
    } catch (error) {
      expect((error as Error).message).toMatch(/'Ans' staat meer dan eens .* \(A2 en A4\)/);
      expect((error as WorkbookError).problems).toEqual([
        { sheet: "Kandidaten", cell: "A4", message: "'Ans' staat ook in A2." },
      ]);
    }
  });

  test("periods: appended in the table's empty rows, then the table grows; one already there is skipped", () => {
    const w = werkervaring(
      [
        [
          "ans",
          "Inkomensconsulent",
          "G9",
          new Date(Date.UTC(2012, 2, 1)),
          new Date(Date.UTC(2018, 11, 31)),
        ],
      ],
      1
    );
    const newer = { ...period, from: "2019-02-01", evidence: evidence(14) };
    const plan = planApplyProposals(
      snapshotOf(kandidaten(), w),
      request17040,
      ans(older, period, newer, { ...period, evidence: evidence(40) })
    );
    expect(plan.outcomes.map((o) => o.status)).toEqual([
      "Niet overgenomen: deze periode staat al in Werkervaring (rij 2)",
      "Overgenomen",
      "Overgenomen",
      "Niet overgenomen: dezelfde periode is al uit een ander voorstel overgenomen",
    ]);
    expect(plan.periodRows).toBe(2);
    expect(plan.changes).toContainEqual({
      kind: "growTable",
      sheet: "Werkervaring",
      table: "Werkervaring",
      range: "A1:E4",
      from: 4,
    });
    const rows = writes(plan.changes, "Werkervaring");
    expect(rows).toEqual([
      expect.objectContaining({
        at: "A3",
        values: [
          ["Ans", period.role, "K3, G9", new Date(Date.UTC(2019, 0, 1)), null],
          ["Ans", period.role, "K3, G9", new Date(Date.UTC(2019, 1, 1)), null],
        ],
      }),
    ]);
  });

  test("filled cells below the Werkervaring table stop it, naming the cell", () => {
    const w = werkervaring([]);
    w.values.push([null, null, null, null, null], [null, "mijn notitie"]);
    // The table has no data row: the three periods would go to rows 2, 3 and 4, and B3 is filled.
    expect(() =>
      planApplyProposals(
        snapshotOf(kandidaten(), w),
        request17040,
        ans(period, older, {
          ...period,
          from: "2020-01-01",
        })
      )
    ).toThrow(/Werkervaring!B3: hier zou een nieuwe periode komen/);
  });

  test("Werkervaring at Excel's last row: no period is appended, the message says why", () => {
    // A plain range whose last period is on row 1,048,575: two more would end on row 1,048,577.
    const values: CellValue[][] = Array.from({ length: EXCEL_MAX_ROWS - 1 }, () => []);
    values[0] = ["Kandidaat", "Functie", "Telt voor", "Van", "Tot"];
    values[EXCEL_MAX_ROWS - 2] = ["Bas", "Consulent", "K3", "01-01-2018", "31-12-2018"];
    const w = sheet("Werkervaring", values);
    const two = ans(period, older);
    expect(() => planApplyProposals(snapshotOf(kandidaten(), w), request17040, two)).toThrow(
      /Op het blad 'Werkervaring' passen geen 2 rijen meer/
    );
  });

  test("no Werkervaring sheet (a workbook set up without one): it is made, as the template makes it", () => {
    const plan = planApplyProposals(snapshotOf(kandidaten()), request17040, ans(period));
    expect(plan.changes).toContainEqual({ kind: "createSheet", sheet: "Werkervaring" });
    expect(plan.changes).toContainEqual(
      expect.objectContaining({
        kind: "createTable",
        name: "Werkervaring",
        range: "A1:E2",
        columns: ["Kandidaat", "Functie", "Telt voor", "Van", "Tot"],
      })
    );
    // The template makes the same table: a set-up workbook has one.
    expect(planTemplate(request17040)).toContainEqual(
      expect.objectContaining({ kind: "createTable", name: "Werkervaring" })
    );
  });

  test("marks the Voorstellen rows the proposals came from, and scoring reads what was applied", () => {
    const w = werkervaring([], 1);
    const { snapshot } = throughFile(
      snapshotOf(kandidaten(), w),
      (s) => planCvProposals(s, request17040, ans(e1, e2, period, yes)).changes
    );
    const v = snapshot.sheets.find((s) => s.name === "Voorstellen")!;
    v.values[3][13] = "Ja"; // E1
    v.values[5][13] = "x"; // the period, with its start corrected by the evaluator
    v.values[5][9] = "01-03-2019";
    v.values[6][13] = "JA"; // K6 + G10
    const chosen = chosenRows(readProposalRows(snapshot, request17040));
    expect(chosen[0].proposals.map((p) => p.kind)).toEqual(["requirement", "period", "yes"]);
    const plan = planApplyProposals(snapshot, request17040, chosen);
    const marks = writes(plan.changes, "Voorstellen");
    expect(marks.map((m) => [m.at, m.values])).toEqual([
      ["N4", [["Ja", "Overgenomen"]]],
      ["N6", [["Ja", "Overgenomen"]]],
      ["N7", [["Ja", "Overgenomen"]]],
    ]);
    const after = throughFile(snapshot, () => plan.changes).snapshot;
    const scored = planScore(
      { ...after, sheets: after.sheets.filter((s) => s.name !== "Voorstellen") },
      { preset: "17040" }
    );
    const row = scored.inputs.periods.find((p) => p.candidate === "Ans")!;
    expect(row.from).toEqual(new Date(Date.UTC(2019, 2, 1)));
    const ansRow = scored.inputs.candidates.find((c) => c.name === "Ans")!;
    expect(ansRow.values.E1).toBe(3);
    expect(ansRow.values.K6).toBe("Ja");
    expect(ansRow.values.E2).toBeNull();
    // Once taken, a row is not taken again.
    expect(chosenRows(readProposalRows(after, request17040))).toEqual([]);
  });
});

describe("two periods from one line", () => {
  test("only the second marked: the second row is marked Overgenomen, the first stays", () => {
    const line = evidence(
      10,
      "2012 - 2015 Consulent, Gemeente Gouda; 2015 - 2018 Klantmanager, Gemeente Delft"
    );
    const first: CvProposal = { ...older, from: "2012-01-01", to: "2015-12-31", evidence: line };
    const second: CvProposal = { ...older, from: "2015-01-01", to: "2018-12-31", evidence: line };
    const { snapshot } = throughFile(
      snapshotOf(kandidaten(), werkervaring([], 2)),
      (s) => planCvProposals(s, request17040, ans(first, second)).changes
    );
    const v = snapshot.sheets.find((s) => s.name === "Voorstellen")!;
    v.values[4][13] = "Ja"; // row 5: the second period only
    const chosen = chosenRows(readProposalRows(snapshot, request17040));
    expect(chosen[0].proposals).toHaveLength(1);
    const plan = planApplyProposals(snapshot, request17040, chosen);
    expect(writes(plan.changes, "Voorstellen").map((m) => [m.at, m.values])).toEqual([
      ["N5", [["Ja", "Overgenomen"]]],
    ]);
  });
});

describe("opschonen clears Voorstellen", () => {
  test("also when the evaluator changed its title: our columns still hold the CVs' lines", () => {
    const base = snapshotOf(
      candidatesSheet([passing, { ...passing, Kandidaat: "Bas", Uurtarief: 74 }])
    );
    const { snapshot } = throughFile(
      base,
      (s) => planCvProposals(s, request17040, ans(e1, period)).changes
    );
    const v = snapshot.sheets.find((s) => s.name === "Voorstellen")!;
    v.values[0][0] = "Mijn voorstellen";
    const plan = planPrivacy(snapshot, { preset: "17040" });
    expect(plan.clearedProposals).toBe(2);
    expect(plan.changes).toContainEqual({ kind: "resetSheet", sheet: "Voorstellen" });
  });

  test("the plan resets our Voorstellen (all candidates' lines), but never a user's own sheet", () => {
    const base = snapshotOf(
      candidatesSheet([passing, { ...passing, Kandidaat: "Bas", Uurtarief: 74 }])
    );
    const { snapshot } = throughFile(
      base,
      (s) => planCvProposals(s, request17040, ans(e1, period)).changes
    );
    const plan = planPrivacy(snapshot, { preset: "17040" });
    expect(plan.clearedProposals).toBe(2);
    expect(plan.changes).toContainEqual({ kind: "resetSheet", sheet: "Voorstellen" });
    expect(writes(plan.changes, "Voorstellen")).toEqual([
      expect.objectContaining({
        at: "A1",
        values: [["Voorstellen uit cv's — gewist bij het opschonen van persoonsgegevens"]],
      }),
    ]);
    const own = planPrivacy(
      snapshotOf(base.sheets[0], sheet("Voorstellen", [["Mijn lijst"], ["Bas"]])),
      { preset: "17040" }
    );
    expect(own.clearedProposals).toBe(0);
    expect(own.changes).not.toContainEqual({ kind: "resetSheet", sheet: "Voorstellen" });
  });
});
