/**
 * Issue 20 through Microsoft's Excel client on the simulator: the pane's CV intake use
 * cases. The candidates' names, the check (nothing written; why a proposal cannot be
 * applied) and "Overnemen" (one batch: a row appended to `Werkervaring`, its table grown,
 * an empty `Kandidaten` cell filled, a typed one kept).
 */
import path from "path";
import type { CandidateProposals, CvProposal } from "../../src/engine";
import { runApplyCvProposals, runCheckCvProposals, runCvIntake } from "../../src/office";
import { sheetNames } from "../../src/workbook/texts";
import { copyState, stateFromSnapshot, xlsxSnapshot } from "./helpers";
import { sheetOf, simulateExcel } from "./simulator";

const example = path.resolve(__dirname, "../../examples/aanvraag-17040.xlsx");

const evidence = { file: "cv.pdf", page: 1, line: 4, text: "jan. 2019 – heden Klantmanager" };

/** The example with the first candidate's E2 emptied; their name and typed E1. */
async function workbook() {
  const snapshot = await xlsxSnapshot(example);
  const sheet = snapshot.sheets.find((s) => s.name === sheetNames.candidates)!;
  const headers = sheet.values[0].map(String);
  const e1 = headers.findIndex((h) => h.startsWith("E1 "));
  const e2 = headers.findIndex((h) => h.startsWith("E2 "));
  const name = String(sheet.values[1][0]);
  const typedE1 = sheet.values[1][e1];
  sheet.values[1][e2] = null;
  const excel = simulateExcel(stateFromSnapshot(snapshot));
  const table = excel.state.tables.find((t) => t.name.toLowerCase() === "kandidaten")!;
  return { excel, name, typedE1, e1Column: table.left + e1, e2Column: table.left + e2 };
}

const proposals = (candidate: string): CandidateProposals => ({
  candidate,
  proposals: [
    { kind: "requirement", id: "E1", value: 99, note: "99 pagina's (PDF)", evidence },
    { kind: "requirement", id: "E2", value: "Ja", note: "Nederlands", evidence },
    {
      kind: "period",
      role: "Klantmanager inkomen, Gemeente Delft",
      from: "2019-01-01",
      to: null,
      countsFor: ["K3"],
      note: "maand zonder dag: 1 januari genomen",
      evidence,
    } satisfies CvProposal,
  ],
});

test("runCvIntake: the request and the candidates' names, nothing written", async () => {
  const { excel, name } = await workbook();
  const before = copyState(excel.state);
  const intake = await runCvIntake(excel.host);
  expect(intake.request.id).toBe("17040");
  expect(intake.candidates[0]).toBe(name);
  expect(new Set(intake.candidates).size).toBe(intake.candidates.length);
  expect(copyState(excel.state)).toEqual(before);
});

test("the check says why a proposal cannot be applied and writes nothing", async () => {
  const { excel, name, typedE1 } = await workbook();
  expect(typedE1).not.toBeNull();
  const before = copyState(excel.state);
  const [check] = await runCheckCvProposals(excel.host, [proposals(name)]);
  expect(check.candidate).toBe(name);
  expect(check.blocked[0]).toMatch(/al een waarde/);
  expect(check.blocked[0]).not.toMatch(/^niet overgenomen/i);
  expect(check.blocked.slice(1)).toEqual([null, null]);
  expect(copyState(excel.state)).toEqual(before);
});

test("Overnemen: one batch fills the empty cell, appends the period, keeps the typed value", async () => {
  const { excel, name, typedE1, e1Column, e2Column } = await workbook();
  const periods = excel.state.tables.find((t) => t.name.toLowerCase() === "werkervaring")!;
  const bottomBefore = periods.bottom;
  const done = await runApplyCvProposals(excel.host, [proposals(name)]);
  expect(done.applied).toBe(2);
  expect(done.periodRows).toBe(1);
  expect(done.cells).toBe(1);
  expect(done.notApplied).toHaveLength(1);
  expect(done.notApplied[0]).toContain(name);
  expect(done.notApplied[0]).toContain("cv.pdf");
  const cells = sheetOf(excel.state, sheetNames.candidates)!.cells;
  expect(cells.get(`2,${e2Column}`)?.value).toBe("Ja");
  expect(cells.get(`2,${e1Column}`)?.value).toBe(typedE1);
  expect(periods.bottom).toBe(bottomBefore + 1);
  const last = periods.bottom;
  const row = [...Array(periods.columns.length)].map(
    (_, c) =>
      sheetOf(excel.state, sheetNames.periods)!.cells.get(`${last},${periods.left + c}`)?.value
  );
  expect(row).toContain(name);
  expect(row).toContain("Klantmanager inkomen, Gemeente Delft");
  // Applying again: the period is there already, the cell filled; nothing more is written.
  const again = await runApplyCvProposals(excel.host, [proposals(name)]);
  expect(again.applied).toBe(0);
  expect(periods.bottom).toBe(bottomBefore + 1);
});
