/**
 * CV intake through Microsoft's Excel client on the simulator: the workbook plan
 * (src/workbook/cvIntake.ts) read, planned and applied as the pane's use case does it
 * (one read, the Werkervaring table grown first, one batch of writes).
 */
import { request17040, type CandidateProposals, type CvProposal } from "../../src/engine";
import { applyChanges, readWorkbook, runCleanUp } from "../../src/office";
import { growTables } from "../../src/office/apply";
import {
  chosenRows,
  planApplyProposals,
  planCvProposals,
  readProposalRows,
  type ApplyPlan,
} from "../../src/workbook/cvIntake";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { candidateInputColumns } from "../../src/workbook/layout";
import { candidatesSheet, passing, sheet, snapshotOf } from "../workbook/helpers";
import { stateFromSnapshot } from "./helpers";
import { newSheet, sheetOf, simulateExcel, type ExcelSimulator } from "./simulator";

const headers = candidateInputColumns(request17040).map((c) => c.header);
const column = (id: string) => headers.findIndex((h) => h.split(" ")[0] === id) + 1;

const evidence = (line: number) => ({ file: "ans.docx", page: 1, line, text: `regel ${line}` });
const proposals: CvProposal[] = [
  { kind: "requirement", id: "E1", value: 2, note: "2 pagina's", evidence: evidence(1) },
  { kind: "requirement", id: "E2", value: "Ja", note: "Nederlands", evidence: evidence(2) },
  {
    kind: "period",
    role: "Klantmanager inkomen, Gemeente Delft",
    from: "2019-01-01",
    to: "2021-12-31",
    countsFor: ["K3"],
    note: "maanden: eerste en laatste dag",
    evidence: evidence(8),
  },
];
const ans: CandidateProposals[] = [{ candidate: "Ans", proposals }];

function workbook(): WorkbookSnapshot {
  return snapshotOf(
    candidatesSheet([
      { ...passing, E1: null, E2: "Nee", E3: null },
      { ...passing, Kandidaat: "Bas" },
    ]),
    sheet(
      "Werkervaring",
      [
        ["Kandidaat", "Functie", "Telt voor", "Van", "Tot"],
        ["Bas", "Consulent", "K3", new Date(Date.UTC(2018, 0, 1)), null],
      ],
      "Werkervaring"
    )
  );
}

let excel: ExcelSimulator;
beforeEach(() => (excel = simulateExcel(stateFromSnapshot(workbook()))));

/** One Excel.run: read, plan, grow, write, as src/office's use cases do. */
async function run(
  plan: (snapshot: WorkbookSnapshot) => { changes: ApplyPlan["changes"] }
): Promise<number> {
  return excel.host.run(async (context) => {
    const read = await readWorkbook(context, {
      sheets: ["Kandidaten", "Werkervaring", "Voorstellen"],
      formulaCells: "Kandidaten",
    });
    const { changes } = plan(read.snapshot);
    const ungrown = await growTables(context, changes, excel.host.isSetSupported);
    expect(ungrown).toEqual([]);
    await applyChanges(context, changes, read, excel.host.isSetSupported);
    return changes.length;
  });
}

test("proposals to Voorstellen, marked in Excel, applied in one batch: the table grows, a typed Nee stays", async () => {
  await run((s) => planCvProposals(s, request17040, ans));
  const voorstellen = sheetOf(excel.state, "Voorstellen")!;
  expect(voorstellen.cells.get("1,1")?.value).toBe("Voorstellen uit cv's — aanvraag 17040");
  expect(voorstellen.cells.get("4,1")?.value).toBe("Ans");
  expect(voorstellen.cells.get("6,9")?.value).toBe("Klantmanager inkomen, Gemeente Delft");
  expect(voorstellen.cells.get("6,15")?.value).toBe("Voorgesteld");
  // The evaluator marks all three.
  for (const row of [4, 5, 6]) voorstellen.cells.set(`${row},14`, { value: "ja" });

  let applied: ApplyPlan | undefined;
  await run((s) => {
    applied = planApplyProposals(s, request17040, chosenRows(readProposalRows(s, request17040)));
    return applied;
  });
  expect(applied!.outcomes.map((o) => o.status)).toEqual([
    "Overgenomen",
    "Niet overgenomen: E2: de cel had al een waarde (Nee)",
    "Overgenomen",
  ]);
  const kandidaten = sheetOf(excel.state, "Kandidaten")!;
  expect(kandidaten.cells.get(`2,${column("E1")}`)?.value).toBe(2);
  expect(kandidaten.cells.get(`2,${column("E2")}`)?.value).toBe("Nee");
  const werkervaring = sheetOf(excel.state, "Werkervaring")!;
  expect([1, 2, 3, 4, 5].map((c) => werkervaring.cells.get(`3,${c}`)?.value ?? "")).toEqual([
    "Ans",
    "Klantmanager inkomen, Gemeente Delft",
    "K3",
    43466,
    44561,
  ]);
  const table = excel.state.tables.find((t) => t.name === "Werkervaring")!;
  expect(table.bottom).toBe(3);
  expect(voorstellen.cells.get("5,15")?.value).toBe(
    "Niet overgenomen: E2: de cel had al een waarde (Nee)"
  );
  expect(voorstellen.cells.get("4,15")?.value).toBe("Overgenomen");

  // Again: nothing left to take, nothing written to Kandidaten or Werkervaring.
  let again: ApplyPlan | undefined;
  await run((s) => {
    again = planApplyProposals(s, request17040, chosenRows(readProposalRows(s, request17040)));
    return again;
  });
  expect(again!.outcomes.map((o) => o.status)).toEqual([
    "Niet overgenomen: E2: de cel had al een waarde (Nee)",
  ]);
  expect(again!.cells + again!.periodRows).toBe(0);
});

test("a second candidate's run keeps the first one's rows and marks; a user's own Voorstellen is never marked", async () => {
  await run((s) => planCvProposals(s, request17040, ans));
  const voorstellen = sheetOf(excel.state, "Voorstellen")!;
  voorstellen.cells.set("4,14", { value: "x" });
  await run((s) =>
    planCvProposals(s, request17040, [{ candidate: "Bas", proposals: [proposals[0]] }])
  );
  const names = [4, 5, 6, 7].map((r) => voorstellen.cells.get(`${r},1`)?.value);
  expect(names).toEqual(["Ans", "Ans", "Ans", "Bas"]);
  expect(voorstellen.cells.get("4,14")?.value).toBe("x");
  expect(voorstellen.cells.get("8,1")?.value ?? "").toBe("");

  // The user's own sheet of that name: applying still works, the sheet is left as it is.
  excel = simulateExcel(stateFromSnapshot(workbook()));
  const own = sheetOf(excel.state, "Voorstellen") ?? null;
  expect(own).toBeNull();
  const mine = newSheet("Voorstellen");
  mine.cells.set("1,1", { value: "Mijn lijst" });
  mine.cells.set("2,1", { value: "Ans" });
  excel.state.sheets.push(mine);
  let applied: ApplyPlan | undefined;
  await run((s) => {
    applied = planApplyProposals(s, request17040, ans);
    return applied;
  });
  expect(applied!.applied).toBe(2);
  expect(applied!.changes.some((c) => c.sheet === "Voorstellen")).toBe(false);
  expect([...mine.cells.keys()].sort()).toEqual(["1,1", "2,1"]);
});

test("Persoonsgegevens opschonen empties Voorstellen (every candidate's CV lines)", async () => {
  excel = simulateExcel(
    stateFromSnapshot(
      snapshotOf(candidatesSheet([passing, { ...passing, Kandidaat: "Bas", Uurtarief: 74 }]))
    )
  );
  await run((s) => planCvProposals(s, request17040, ans));
  expect(sheetOf(excel.state, "Voorstellen")!.cells.get("6,5")?.value).toBe("regel 8");
  const outcome = await runCleanUp(excel.host, { preset: "17040" });
  expect(outcome.pseudonyms).toBe(0); // both in the top: no names replaced, the CV lines go all the same
  const voorstellen = sheetOf(excel.state, "Voorstellen")!;
  expect([...voorstellen.cells.entries()].filter(([, c]) => c.value !== "")).toEqual([
    [
      "1,1",
      expect.objectContaining({
        value: "Voorstellen uit cv's — gewist bij het opschonen van persoonsgegevens",
      }),
    ],
  ]);
});
