/**
 * The shared workbook in a real spreadsheet program: the test fills the step-3
 * and step-4 inputs with ExcelJS as the municipality would, LibreOffice (private
 * profile, recalculation on load) opens it, and the CSV of each sheet shows what
 * the native formulas give — checked against hand-made values and the engine's
 * own competency rule. Every sheet is rendered to PNG under artifacts/share/.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import {
  competencyVerdict,
  repeatStep3,
  type CandidateResult,
  type CompetencyGate,
} from "../../src/engine";
import {
  buildSharedWorkbook,
  step3Layout,
  step3Rows,
  step4Layout,
  topCandidates,
} from "../../src/share";
import { scratch } from "../cli/helpers";
import { convert, csvAllSheets, csvRows, pdftoppm, soffice } from "../xlsx/libreoffice";
import { formulaName, rename, scoredExample } from "./helpers";

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "artifacts", "share");
const withLibreOffice = soffice && pdftoppm ? describe : describe.skip;
const sheetFiles = ["Voorblad", "Top 10", "Stap 3", "Stap 4"];

/** The municipality's step-3 input per top place (0-based): two judgements and Ja/Nee for inviting. */
type Step3Input = Record<number, { assignments?: string; organisations?: string; invite?: string }>;
/** Step-4 judgements per top place: per competency, per assessor. */
type Step4Input = Record<number, string[][]>;

interface Case {
  name: string;
  step3: Step3Input;
  step4: Step4Input;
  /** Expected totals and step-3 ranks per top place ("" when not filled). */
  totals: Record<number, [string, string]>;
  check: string;
  line: string;
}

const six = (judgements: string[]) => Array.from({ length: 6 }, () => [...judgements]);

const cases: Case[] = [
  {
    name: "sommigen-voldoen",
    step3: {
      0: { assignments: "goed", organisations: "zeer goed", invite: "Ja" },
      1: { assignments: "voldoende", organisations: "goed", invite: "Nee" },
      2: { assignments: "zeer goed", organisations: "zeer goed", invite: "Ja" },
      3: { assignments: "matig", organisations: "onvoldoende" },
      4: { assignments: "voldoende", organisations: "voldoende" },
    },
    step4: {
      0: six(["voldoende", "goed"]),
      1: [["voldoende"], ...six(["goed", "voldoende"]).slice(1)],
      2: [["onvoldoende", "goed"], ...six(["goed", "goed"]).slice(1)],
    },
    totals: {
      0: ["7", "2"],
      1: ["5", "3"],
      2: ["8", "1"],
      3: ["1", "5"],
      4: ["4", "4"],
      5: ["", ""],
    },
    check: "OK: 2 kandidaten uitgenodigd.",
    line: "1 kandidaat/kandidaten voldoen aan alle competenties.",
  },
  {
    name: "niemand-voldoet",
    step3: {
      0: { assignments: "goed", organisations: "goed", invite: "Ja" },
      2: { assignments: "goed", organisations: "goed", invite: "Nee" },
    },
    step4: {
      0: [...six(["goed", "goed"]).slice(0, 5), ["voldoende", "onvoldoende"]],
      2: [["goed", "voldoende", "onvoldoende"], ...six(["goed", "goed"]).slice(1)],
    },
    totals: { 0: ["6", "1"], 1: ["", ""], 2: ["6", "1"] },
    check: "Let op: nodig minstens 2 kandidaten uit; nu 1.",
    line: "Geen kandidaat voldoet aan alle competenties: stap 3 mag worden herhaald.",
  },
];

/** Types the inputs into the shared workbook, as the municipality would. */
function fill(
  workbook: ExcelJS.Workbook,
  top: CandidateResult[],
  gate: CompetencyGate,
  c: Case
): void {
  const step3 = workbook.getWorksheet("Stap 3")!;
  const columns = step3Layout.columns;
  for (const [place, input] of Object.entries(c.step3)) {
    const row = step3Layout.firstRow + Number(place);
    if (input.assignments) step3.getCell(row, columns.assignments).value = input.assignments;
    if (input.organisations) step3.getCell(row, columns.organisations).value = input.organisations;
    if (input.invite) step3.getCell(row, columns.invite).value = input.invite;
  }
  const step4 = workbook.getWorksheet("Stap 4")!;
  const layout = step4Layout(top.length, gate);
  for (const [place, judgements] of Object.entries(c.step4)) {
    const block = layout.blocks[Number(place)];
    judgements.forEach((perAssessor, k) =>
      perAssessor.forEach((j, a) => {
        step4.getCell(block.firstRow + k, 2 + a).value = j;
      })
    );
  }
}

/** What the engine says of the same judgements, in the words the sheet uses. */
function engineWords(gate: CompetencyGate, judgements: string[][] | undefined) {
  const verdict = competencyVerdict(gate, judgements ?? gate.competencies.map(() => []));
  const word = (p: boolean | null) =>
    p === true ? "Voldoet" : p === false ? "Voldoet niet" : "Nog open";
  return {
    competencies: verdict.competencies.map((o) => word(o.passed)),
    all: verdict.passed === true ? "Ja" : verdict.passed === false ? "Nee" : "Nog open",
    passed: verdict.passed,
  };
}

withLibreOffice("LibreOffice recalculates the shared workbook", () => {
  const { evaluation } = scoredExample((w) => rename(w, "Annelies de Boer", formulaName));
  const top = topCandidates(evaluation);
  const gate = evaluation.request.competencyGate;

  beforeAll(() => {
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
  });

  test.each(cases)(
    "$name: totals, ranks, check, verdicts and the closing line",
    async (c) => {
      const dir = scratch();
      const file = path.join(dir, `${c.name}.xlsx`);
      const workbook = buildSharedWorkbook(evaluation, { made: new Date(Date.UTC(2024, 9, 10)) });
      fill(workbook, top, gate, c);
      await workbook.xlsx.writeFile(file);

      convert(dir, file, csvAllSheets, path.join(dir, "csv"));
      const csv = (sheet: string) =>
        csvRows(fs.readFileSync(path.join(dir, "csv", `${c.name}-${sheet}.csv`), "utf8"));
      for (const sheet of sheetFiles) expect(csv(sheet).length).toBeGreaterThan(3);

      // The formula-looking name is text in every program.
      expect(csv("Top 10")[4][1]).toBe(formulaName);
      expect(csv("Stap 3")[step3Layout.firstRow - 1][1]).toBe(formulaName);

      const step3 = csv("Stap 3");
      const cols = step3Layout.columns;
      for (const [place, [total, rank]] of Object.entries(c.totals)) {
        const row = step3[step3Layout.firstRow - 1 + Number(place)];
        expect([row[cols.total - 1], row[cols.rank - 1]]).toEqual([total, rank]);
      }
      expect(step3[step3Rows(top.length).check - 1][0]).toBe(c.check);

      const step4 = csv("Stap 4");
      const layout = step4Layout(top.length, gate);
      const verdicts: Array<boolean | null> = [];
      top.forEach((_, place) => {
        const block = layout.blocks[place];
        const expected = engineWords(gate, c.step4[place]);
        const shown = gate.competencies.map(
          (_, k) => step4[block.firstRow - 1 + k][block.verdictColumn - 1]
        );
        expect(shown).toEqual(expected.competencies);
        const passesRow = block.firstRow - 1 + gate.competencies.length;
        expect(step4[passesRow][block.verdictColumn - 1]).toBe(expected.all);
        expect(step4[layout.overviewFirst - 1 + place][2]).toBe(expected.all);
        const filled = (c.step4[place] ?? []).flat().length;
        expect(step4[layout.overviewFirst - 1 + place][1]).toBe(String(filled));
        if (c.step4[place]) verdicts.push(expected.passed);
      });
      const lineRow = Number(layout.lineCell.slice(1)) - 1;
      expect(step4[lineRow][0]).toBe(c.line);
      // The line says "repeat step 3" exactly when the engine's rule does.
      expect(c.line.includes("stap 3 mag")).toBe(
        repeatStep3(verdicts.map((passed) => ({ passed })))
      );

      // A picture of every sheet: one PDF page per sheet, one PNG per page.
      convert(
        dir,
        file,
        'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
        dir
      );
      const pdf = path.join(dir, `${c.name}.pdf`);
      execFileSync(pdftoppm!, ["-png", "-r", "70", pdf, path.join(dir, "page")], { stdio: "pipe" });
      const pages = fs
        .readdirSync(dir)
        .filter((f) => /^page-\d+\.png$/.test(f))
        .sort();
      expect(pages).toHaveLength(sheetFiles.length);
      pages.forEach((page, i) => {
        const target = path.join(
          artifacts,
          `${c.name}-${i + 1}-${sheetFiles[i].replace(/ /g, "-")}.png`
        );
        fs.copyFileSync(path.join(dir, page), target);
        expect(fs.statSync(target).size).toBeGreaterThan(1000);
      });
    },
    180_000
  );
});
