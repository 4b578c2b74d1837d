/**
 * Issue 17 §3 and §6 at the level of the pure use cases: rows typed directly below the
 * `Kandidaten` or `Werkervaring` table count as its rows (named in a note, the table
 * grown over them), a column led by an id that is no criterion of the request is
 * reported at its cell, and the rate header says what the rate includes while any
 * header starting with `Uurtarief` is still read. No verdict here depends on the
 * peildatum: the candidates' years are typed, or a period that runs from 2010.
 */
import { request17040, type CellValue } from "../../src/engine";
import { parseCell, parseRange } from "../../src/workbook/address";
import type { WorkbookChange } from "../../src/workbook/changes";
import { candidateInputColumns, outputHeaders } from "../../src/workbook/layout";
import { planScore } from "../../src/workbook/score";
import { planSetUp } from "../../src/workbook/setUp";
import type { SheetSnapshot } from "../../src/workbook/snapshot";
import { candidatesSheet, headers17040, passing, rowFor, sheet, snapshotOf } from "./helpers";

const preset = { preset: "17040" };

/** `rows` candidates in a table, then `below` more typed directly under it (the table did not grow). */
function withRowsBelow(
  inTable: Array<Record<string, CellValue>>,
  below: Array<Record<string, CellValue>>
): SheetSnapshot {
  const s = candidatesSheet([...inTable, ...below]);
  s.tables[0].rowCount = inTable.length;
  return s;
}

const ans = { ...passing, Kandidaat: "Ans", Uurtarief: 70, G11: 2 }; // 100 points
const bram = { ...passing, Kandidaat: "Bram", Uurtarief: 65 }; // 80 points
const cor = { ...passing, Kandidaat: "Cor", Uurtarief: 60, G9: 3 }; // 30 points
const dina = { ...passing, Kandidaat: "Dina", K4: "Nee" }; // knocked out

function ofKind<K extends WorkbookChange["kind"]>(changes: WorkbookChange[], kind: K) {
  return changes.filter((c): c is Extract<WorkbookChange, { kind: K }> => c.kind === kind);
}

describe("rows typed below the Kandidaten table", () => {
  const snapshot = snapshotOf(withRowsBelow([ans, bram], [cor, dina]));
  const plan = planScore(snapshot, preset);
  const lastColumn = headers17040.length;

  test("are scored as candidates of the table", () => {
    expect(plan.evaluation.candidates.map((c) => [c.row, c.name, c.status, c.rank])).toEqual([
      [2, "Ans", "eligible", 1],
      [3, "Bram", "eligible", 2],
      [4, "Cor", "eligible", 3],
      [5, "Dina", "knockedOut", null],
    ]);
  });

  test("are named in one note with their rows, not as a problem", () => {
    expect(plan.notes).toEqual([
      "Kandidaten: rijen 4 t/m 5 staan onder de tabel 'Kandidaten'; meegeteld.",
    ]);
    expect(plan.problems).toEqual([]);
  });

  test("the table grows over them first, before any output column is added to it", () => {
    const grow = ofKind(plan.changes, "growTable");
    expect(grow).toEqual([
      {
        kind: "growTable",
        sheet: "Kandidaten",
        table: "Kandidaten",
        range: `A1:${String.fromCharCode(64 + lastColumn)}5`,
        from: 4,
      },
    ]);
    expect(plan.changes.indexOf(grow[0])).toBeLessThan(
      plan.changes.findIndex((c) => c.kind === "addTableColumns")
    );
  });

  test("their output cells are written and the marks and data bar reach their rows", () => {
    for (const write of ofKind(plan.changes, "writeValues").filter(
      (w) => w.sheet === "Kandidaten" && parseCell(w.at).row === 2
    )) {
      expect(write.values).toHaveLength(4);
    }
    const status = ofKind(plan.changes, "writeValues").find(
      (w) => w.sheet === "Kandidaten" && parseCell(w.at).column === lastColumn + 1
    );
    expect(status?.values).toEqual([["Geschikt"], ["Geschikt"], ["Geschikt"], ["Valt af"]]);
    const marks = [...ofKind(plan.changes, "formulaFormat"), ...ofKind(plan.changes, "dataBar")];
    expect(marks.filter((m) => m.sheet === "Kandidaten")).toHaveLength(3);
    for (const mark of marks.filter((m) => m.sheet === "Kandidaten"))
      expect(parseRange(mark.range).bottom).toBe(5);
  });

  test("one row below is named as one row", () => {
    const one = planScore(snapshotOf(withRowsBelow([ans], [bram])), preset);
    expect(one.notes).toEqual(["Kandidaten: rij 3 staat onder de tabel 'Kandidaten'; meegeteld."]);
  });

  test("they end at the first empty row; cells right of the table are no rows of it", () => {
    const s = withRowsBelow([ans], [bram, {}, cor]);
    // A remark beside the table, in the column right of its last one, on the row under Bram's.
    (s.values[3] ??= [])[lastColumn] = "opmerking";
    const partial = planScore(snapshotOf(s), preset);
    expect(partial.evaluation.candidates.map((c) => c.name)).toEqual(["Ans", "Bram"]);
    expect(ofKind(partial.changes, "growTable")[0].range).toMatch(/3$/);
  });

  test("a table without rows below is not grown and gets no note", () => {
    const plain = planScore(snapshotOf(candidatesSheet([ans, bram])), preset);
    expect(ofKind(plain.changes, "growTable")).toEqual([]);
    expect(plain.notes).toEqual([]);
  });

  test("another table right under it is no rows of it", () => {
    const s = withRowsBelow([ans], [bram, cor]);
    // A second table whose header is Cor's row: Bram's row is below Kandidaten, Cor's is not.
    s.tables.push({ name: "Notities", headerRow: 4, firstColumn: 1, columns: ["x"], rowCount: 0 });
    const stacked = planScore(snapshotOf(s), preset);
    expect(stacked.evaluation.candidates.map((c) => c.name)).toEqual(["Ans", "Bram"]);
    expect(stacked.notes).toEqual([
      "Kandidaten: rij 3 staat onder de tabel 'Kandidaten'; meegeteld.",
    ]);
  });

  test("nothing below a totals row joins the table", () => {
    const s = withRowsBelow([ans], [bram]);
    s.tables[0].totalsRow = true;
    const totals = planScore(snapshotOf(s), preset);
    expect(totals.evaluation.candidates.map((c) => c.name)).toEqual(["Ans"]);
    expect(totals.notes).toEqual([]);
  });
});

describe("rows typed below the Werkervaring table", () => {
  const periodHeaders = ["Kandidaat", "Functie", "Telt voor", "Van", "Tot"];
  const since2010 = new Date(Date.UTC(2010, 0, 1));
  // Ans typed 0 years for K3; her period, typed below the table, has run since 2010 (far
  // more than 2 years in the last 5, whatever the peildatum): it decides K3.
  const candidates = candidatesSheet([{ ...ans, K3: 0 }]);
  const periods = (rowCount: number) => {
    const s = sheet(
      "Werkervaring",
      [
        periodHeaders,
        ["Bram", "Klantmanager", "G9", since2010, null],
        ["Ans", "Klantmanager inkomen", "K3", since2010, null],
      ],
      "Werkervaring"
    );
    s.tables[0].rowCount = rowCount;
    return s;
  };

  test("count as periods: the candidate's K3 passes on it; the note names the row", () => {
    const plan = planScore(snapshotOf(candidates, periods(1)), preset);
    expect(plan.evaluation.candidates[0].status).toBe("eligible");
    expect(plan.notes).toEqual([
      "Werkervaring: rij 3 staat onder de tabel 'Werkervaring'; meegeteld.",
    ]);
    expect(ofKind(plan.changes, "growTable")).toEqual([
      { kind: "growTable", sheet: "Werkervaring", table: "Werkervaring", range: "A1:E3", from: 3 },
    ]);
  });

  test("the same period inside the table gives the same verdict, without a note", () => {
    const plan = planScore(snapshotOf(candidates, periods(2)), preset);
    expect(plan.evaluation.candidates[0].status).toBe("eligible");
    expect(plan.notes).toEqual([]);
  });
});

describe("a column led by an id that is no criterion of the request", () => {
  test("is reported at its header cell, and the scores are as without it", () => {
    const headers = [...headers17040, "K9 Rijbewijs", "Q1 Kwartaal", "G12 Extra"];
    const plan = planScore(
      snapshotOf(candidatesSheet([{ ...ans, K9: "Nee", G12: 50 }], { headers })),
      preset
    );
    const k9 = headers.indexOf("K9 Rijbewijs") + 1;
    const letter = (column: number) => String.fromCharCode(64 + column);
    expect(plan.problems).toEqual([
      {
        sheet: "Kandidaten",
        cell: `${letter(k9)}1`,
        message:
          "kolom 'K9 Rijbewijs' hoort bij geen criterium van aanvraag 17040; de kolom telt niet mee.",
      },
      {
        sheet: "Kandidaten",
        cell: `${letter(k9 + 2)}1`,
        message:
          "kolom 'G12 Extra' hoort bij geen criterium van aanvraag 17040; de kolom telt niet mee.",
      },
    ]);
    expect(plan.evaluation.candidates[0]).toMatchObject({ status: "eligible", score: 100 });
  });

  test("two such columns with the same id are each reported", () => {
    const headers = [...headers17040, "K9 Rijbewijs", "K9 Rijbewijs B"];
    const plan = planScore(snapshotOf(candidatesSheet([ans], { headers })), preset);
    expect(plan.problems.map((p) => p.cell)).toEqual(
      [headers.length - 1, headers.length].map((c) => `${String.fromCharCode(64 + c)}1`)
    );
  });

  test("a column for K8, which is the rate and has no column, is reported too", () => {
    const headers = [...headers17040, "K8 Maximumtarief"];
    const plan = planScore(snapshotOf(candidatesSheet([{ ...ans, K8: 90 }], { headers })), preset);
    expect(plan.problems).toEqual([
      {
        sheet: "Kandidaten",
        cell: `${String.fromCharCode(64 + headers.length)}1`,
        message:
          "kolom 'K8 Maximumtarief' telt niet mee: K8 heeft geen eigen kolom en wordt getoetst aan het uurtarief.",
      },
    ]);
    expect(plan.evaluation.candidates[0].status).toBe("eligible");
  });

  test("the output columns and fixed headers are no such column", () => {
    const plan = planScore(snapshotOf(candidatesSheet([ans], { outputs: true })), preset);
    expect(plan.problems).toEqual([]);
  });
});

describe("the Uurtarief header", () => {
  test("the template and set-up write what the rate includes, as the request says", () => {
    const headers = candidateInputColumns(request17040).map((c) => c.header);
    expect(headers[2]).toBe("Uurtarief (excl. btw, incl. reiskosten en fee)");
    const setUp = planSetUp(snapshotOf(), request17040);
    const table = ofKind(setUp, "createTable").find((c) => c.sheet === "Kandidaten");
    expect(table?.columns[2]).toBe("Uurtarief (excl. btw, incl. reiskosten en fee)");
    // The FLEX formulas refer to the rate by that header.
    const formulas = ofKind(setUp, "writeFormulas").map((w) => w.formulas[0][0]);
    expect(
      formulas.some((f) => f.includes("[@[Uurtarief (excl. btw, incl. reiskosten en fee)]]"))
    ).toBe(true);
  });

  test.each([
    ["Uurtarief"],
    ["Uurtarief (excl. btw, incl. reiskosten en fee)"],
    ["uurtarief all-in"],
  ])("a header '%s' is read as the rate", (rateHeader) => {
    const headers = headers17040.map((h) => (h.startsWith("Uurtarief") ? rateHeader : h));
    const people = [
      { ...ans, [rateHeader]: 76 },
      { ...bram, [rateHeader]: "€ 65,00" },
    ];
    const rows = [headers, ...people.map((p) => rowFor(headers, p))];
    const plan = planScore(snapshotOf(sheet("Kandidaten", rows, "Kandidaten")), preset);
    expect(plan.evaluation.candidates.map((c) => [c.name, c.status, c.failed])).toEqual([
      ["Ans", "knockedOut", ["K8"]],
      ["Bram", "eligible", []],
    ]);
  });

  test("a header that only begins with the same letters is no rate column", () => {
    const headers = headers17040.map((h) => (h.startsWith("Uurtarief") ? "Uurtarieven" : h));
    expect(() => planScore(snapshotOf(candidatesSheet([ans], { headers })), preset)).toThrow(
      "Het blad 'Kandidaten' heeft geen kolom 'Uurtarief'."
    );
  });

  test("set-up completes an older table with a plain Uurtarief column without a second one", () => {
    const older = headers17040.map((h) => (h.startsWith("Uurtarief") ? "Uurtarief" : h));
    const existing = candidatesSheet([ans], { headers: older });
    const changes = planSetUp(snapshotOf(existing), request17040);
    const added = ofKind(changes, "addTableColumns").flatMap((c) => c.columns);
    expect(added).toEqual(outputHeaders(10));
    const formulas = ofKind(changes, "writeFormulas").map((w) => w.formulas[0][0]);
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.some((f) => f.includes("[@[Uurtarief]]"))).toBe(true);
  });
});
