/**
 * The shared workbook in a real spreadsheet program: the test fills the step-3
 * and step-4 inputs with ExcelJS as the municipality would, LibreOffice (private
 * profile, recalculation on load) opens every scenario's workbook in one run, and
 * the CSV of each sheet shows what the native formulas give — checked against
 * hand-made values and the engine's own step-4 rule (competencyVerdict,
 * repeatStep3). The first scenario's sheets are rendered to PNG under artifacts/share/.
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
  type CompetencyJudgements,
  type Evaluation,
} from "../../src/engine";
import {
  buildSharedWorkbook,
  step3Layout,
  step3Rows,
  step4Layout,
  topCandidates,
} from "../../src/share";
import { planScore } from "../../src/workbook/score";
import { scratch } from "../cli/helpers";
import { candidatesSheet, passing, snapshotOf } from "../workbook/helpers";
import { convert, csvAllSheets, csvRows, pdftoppm, soffice } from "../xlsx/libreoffice";
import { formulaName, rename, scoredExample } from "./helpers";

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "artifacts", "share");
const withLibreOffice = soffice && pdftoppm ? describe : describe.skip;
const sheetFiles = ["Voorblad", "Top 10", "Stap 3", "Stap 4"];

/** The municipality's step-3 input per top place (0-based): two judgements and Ja/Nee for inviting. */
type Step3Input = Record<number, { assignments?: string; organisations?: string; invite?: string }>;
/** What is typed on `Stap 4` for one competency. */
interface Recorded extends CompetencyJudgements {
  motivation?: string;
}
/** Step-4 input per top place: per competency (in the gate's order). */
type Step4Input = Record<number, Recorded[]>;

interface Scenario {
  name: string;
  /** The example's top (9, the first named like a formula) or a top of one. */
  top: "example" | "one";
  step3: Step3Input;
  step4: Step4Input;
  /** Expected total, step-3 rank and row check per place ("" when empty). */
  rows: Record<number, [string, string, string]>;
  /** The expected check line, given the top's names. */
  check: (names: string[]) => string;
  line: string;
}

const j = (a: string, o: string, invite?: string) => ({ assignments: a, organisations: o, invite });
/** The same record for every competency, with some competencies changed. */
const six = (assessors: string[], agreed: string, changes: Record<number, Recorded> = {}) =>
  Array.from(
    { length: 6 },
    (_, k): Recorded => changes[k] ?? { assessors: [...assessors], agreed }
  );

const skipped = "Niet uitgenodigd, maar hoger dan een uitgenodigde kandidaat";
const unjudged = "Nog geen oordeel";
const repeat =
  "Geen van de uitgenodigde kandidaten heeft op alle competenties een eindoordeel van minstens " +
  "'voldoende'. Stap 3 mag worden herhaald.";
const waiting = "Nog niet alle uitgenodigde kandidaten zijn volledig beoordeeld.";

const scenarios: Scenario[] = [
  {
    // Two invited, the best two (a tie at the cut may be left out); the Eindoordeel decides.
    name: "ok",
    top: "example",
    step3: {
      0: j("zeer goed", "zeer goed", "Ja"),
      1: j("goed", "zeer goed", "Ja"),
      2: j("zeer goed", "goed", "Nee"),
      3: j("voldoende", "goed"),
      4: j("matig", "voldoende", "Nee"),
      5: j("matig", "matig"),
      6: j("onvoldoende", "matig"),
      7: j("onvoldoende", "onvoldoende"),
      8: j("voldoende", "voldoende"),
    },
    step4: {
      // Passes: two steps apart (motivated) and an overruled onvoldoende (not yet motivated).
      0: six(["voldoende", "goed"], "goed", {
        0: { assessors: ["onvoldoende", "goed"], agreed: "voldoende", motivation: "Besproken" },
        1: { assessors: ["onvoldoende", "voldoende"], agreed: "voldoende" },
      }),
      // Fails on an Eindoordeel, whatever the assessors said.
      1: six(["goed", "goed"], "goed", {
        3: { assessors: ["goed", "goed"], agreed: "onvoldoende" },
      }),
      // Passes, but was not invited: the closing line does not count it.
      2: six(["goed", "goed"], "goed"),
    },
    rows: {
      0: ["8", "1", ""],
      1: ["7", "2", ""],
      2: ["7", "2", ""],
      3: ["5", "4", ""],
      4: ["3", "6", ""],
      5: ["2", "7", ""],
      6: ["1", "8", ""],
      7: ["0", "9", ""],
      8: ["4", "5", ""],
    },
    check: () => "OK: 2 kandidaten uitgenodigd; wie niet is uitgenodigd, staat niet hoger.",
    line: "1 uitgenodigde kandidaat voldoet aan alle competenties.",
  },
  {
    // The invite skips the best and the third: the check names both. Nobody invited passes.
    name: "overgeslagen",
    top: "example",
    step3: {
      0: j("zeer goed", "zeer goed", "Nee"),
      1: j("goed", "zeer goed", "Ja"),
      2: j("goed", "goed"),
      3: j("voldoende", "goed", "Ja"),
      4: j("matig", "voldoende", "Nee"),
      5: j("matig", "matig"),
      6: j("onvoldoende", "matig"),
      7: j("onvoldoende", "onvoldoende"),
      8: j("voldoende", "matig"),
    },
    step4: {
      0: six(["goed", "goed"], "goed"),
      1: six(["goed", "goed"], "goed", {
        5: { assessors: ["voldoende", "voldoende"], agreed: "onvoldoende" },
      }),
      3: six(["onvoldoende", "onvoldoende"], "onvoldoende"),
    },
    rows: {
      0: ["8", "1", skipped],
      1: ["7", "2", ""],
      2: ["6", "3", skipped],
      3: ["5", "4", ""],
      4: ["3", "5", ""],
      8: ["3", "5", ""],
    },
    check: (n) =>
      `Let op: Niet uitgenodigd, maar hoger beoordeeld dan een uitgenodigde kandidaat: ${n[0]}, ${n[2]}.`,
    line: repeat,
  },
  {
    // One invited, the best: fewer than two. That one's Eindoordeel is not complete yet.
    name: "te-weinig",
    top: "example",
    step3: {
      0: j("zeer goed", "zeer goed", "Ja"),
      1: j("goed", "zeer goed", "Nee"),
      2: j("goed", "goed"),
      3: j("voldoende", "goed"),
      4: j("matig", "voldoende"),
      5: j("matig", "matig"),
      6: j("onvoldoende", "matig"),
      7: j("onvoldoende", "onvoldoende"),
      8: j("voldoende", "matig"),
    },
    step4: {
      0: six(["goed", "goed"], "goed", {
        4: { assessors: ["goed"], agreed: "goed" },
        5: { assessors: ["goed", "goed"], agreed: "" },
      }),
    },
    rows: { 0: ["8", "1", ""], 1: ["7", "2", ""] },
    check: () => "Let op: Nodig minstens 2 kandidaten uit; nu 1.",
    line: waiting,
  },
  {
    // Some not judged yet: the check names them. One invited fails but is incomplete: no repeat yet.
    name: "niet-beoordeeld",
    top: "example",
    step3: {
      0: j("zeer goed", "zeer goed", "Ja"),
      1: j("goed", "zeer goed", "Ja"),
      2: j("goed", "goed"),
      3: j("voldoende", "goed"),
      4: { assignments: "goed" },
    },
    step4: {
      0: six(["goed", "voldoende"], "goed", {
        2: { assessors: ["goed", "goed"], agreed: "onvoldoende" },
      }),
      1: [
        { assessors: ["onvoldoende", "goed"], agreed: "onvoldoende" },
        ...six(["goed", "goed"], "").slice(1),
      ],
    },
    rows: {
      3: ["5", "4", ""],
      4: ["", "", unjudged],
      5: ["", "", unjudged],
      8: ["", "", unjudged],
    },
    check: (n) => `Let op: Nog geen oordeel: ${n.slice(4).join(", ")}.`,
    line: waiting,
  },
  {
    // A top of one: inviting that one is enough. Three assessors, a spread of two steps.
    name: "top-van-1",
    top: "one",
    step3: { 0: j("matig", "voldoende", "Ja") },
    step4: {
      0: six(["goed", "voldoende"], "voldoende", {
        2: { assessors: ["goed", "voldoende", "onvoldoende"], agreed: "voldoende" },
      }),
    },
    rows: { 0: ["3", "1", ""] },
    check: () => "OK: 1 kandidaat uitgenodigd; wie niet is uitgenodigd, staat niet hoger.",
    line: "1 uitgenodigde kandidaat voldoet aan alle competenties.",
  },
];

/** Types the inputs into the shared workbook, as the municipality would. */
function fill(
  workbook: ExcelJS.Workbook,
  top: CandidateResult[],
  gate: CompetencyGate,
  s: Scenario
) {
  const step3 = workbook.getWorksheet("Stap 3")!;
  const columns = step3Layout.columns;
  for (const [place, input] of Object.entries(s.step3)) {
    const row = step3Layout.firstRow + Number(place);
    if (input.assignments) step3.getCell(row, columns.assignments).value = input.assignments;
    if (input.organisations) step3.getCell(row, columns.organisations).value = input.organisations;
    if (input.invite) step3.getCell(row, columns.invite).value = input.invite;
  }
  const step4 = workbook.getWorksheet("Stap 4")!;
  const layout = step4Layout(top.length, gate);
  for (const [place, recorded] of Object.entries(s.step4)) {
    const block = layout.blocks[Number(place)];
    recorded.forEach((r, k) => {
      const row = block.firstRow + k;
      r.assessors.forEach((word, a) => (step4.getCell(row, 2 + a).value = word || null));
      if (r.agreed) step4.getCell(row, block.agreedColumn).value = r.agreed;
      if (r.motivation) step4.getCell(row, block.motivationColumn).value = r.motivation;
    });
  }
}

/** What the engine says of the same records, in the words the sheet uses. */
function engineWords(gate: CompetencyGate, recorded: Recorded[] | undefined) {
  const verdict = competencyVerdict(gate, recorded ?? []);
  const word = (p: boolean | null) =>
    p === true ? "Voldoet" : p === false ? "Voldoet niet" : "Nog open";
  return {
    competencies: verdict.competencies.map((o) => word(o.passed)),
    motivation: verdict.competencies.map((o, k) =>
      o.needsMotivation ? (recorded?.[k]?.motivation ? "Gemotiveerd" : "Motivering nodig") : ""
    ),
    all: verdict.passed === true ? "Ja" : verdict.passed === false ? "Nee" : "Nog open",
    verdict,
  };
}

/** Converts all `files` in one LibreOffice run (one start-up for every scenario). */
function convertAll(dir: string, files: string[], format: string, outdir: string): void {
  convert(dir, files, format, outdir, 170_000);
}

withLibreOffice("LibreOffice recalculates the shared workbook", () => {
  const example = scoredExample((w) => rename(w, "Annelies de Boer", formulaName)).evaluation;
  const one = planScore(snapshotOf(candidatesSheet([passing])), { preset: "17040" }).evaluation;
  const evaluationOf = (s: Scenario): Evaluation => (s.top === "one" ? one : example);
  const gate = example.request.competencyGate;
  const dir = scratch();
  const file = (s: Scenario) => path.join(dir, `${s.name}.xlsx`);
  const csv = (s: Scenario, sheet: string) =>
    csvRows(fs.readFileSync(path.join(dir, "csv", `${s.name}-${sheet}.csv`), "utf8"));

  beforeAll(async () => {
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    for (const s of scenarios) {
      const evaluation = evaluationOf(s);
      const workbook = buildSharedWorkbook(evaluation, { made: new Date(Date.UTC(2024, 9, 10)) });
      fill(workbook, topCandidates(evaluation), gate, s);
      await workbook.xlsx.writeFile(file(s));
    }
    convertAll(dir, scenarios.map(file), csvAllSheets, path.join(dir, "csv"));
  }, 180_000);

  test("the tops are what the scenarios assume", () => {
    expect(topCandidates(example).map((c) => c.name)[0]).toBe(formulaName);
    expect(topCandidates(example)).toHaveLength(9);
    expect(topCandidates(one)).toHaveLength(1);
  });

  test.each(scenarios)("$name: Stap 3 totals, ranks, row checks and the check line", (s) => {
    const top = topCandidates(evaluationOf(s));
    const names = top.map((c) => c.name);
    const step3 = csv(s, "Stap 3");
    const cols = step3Layout.columns;
    // The formula-looking name is text in every program.
    if (s.top === "example") expect(step3[step3Layout.firstRow - 1][1]).toBe(formulaName);
    for (const [place, expected] of Object.entries(s.rows)) {
      const row = step3[step3Layout.firstRow - 1 + Number(place)];
      expect([row[cols.total - 1], row[cols.rank - 1], row[cols.check - 1]]).toEqual(expected);
    }
    expect(step3[step3Rows(top.length).check - 1][0]).toBe(s.check(names));
  });

  test.each(scenarios)("$name: Stap 4 verdicts and motivations as the engine's rule", (s) => {
    const top = topCandidates(evaluationOf(s));
    const step4 = csv(s, "Stap 4");
    const layout = step4Layout(top.length, gate);
    const oc = layout.overviewColumns;
    const invited: Array<ReturnType<typeof engineWords>["verdict"]> = [];
    top.forEach((_, place) => {
      const block = layout.blocks[place];
      const recorded = s.step4[place];
      const expected = engineWords(gate, recorded);
      const cells = (column: number) =>
        gate.competencies.map((_, k) => step4[block.firstRow - 1 + k][column - 1]);
      expect(cells(block.verdictColumn)).toEqual(expected.competencies);
      expect(cells(block.motivationCheckColumn)).toEqual(expected.motivation);
      const passesRow = block.firstRow - 1 + gate.competencies.length;
      expect(step4[passesRow][block.verdictColumn - 1]).toBe(expected.all);

      const overview = step4[layout.overviewFirst - 1 + place];
      const invite = s.step3[place]?.invite ?? "";
      const filled = (recorded ?? []).flatMap((r) => r.assessors).filter((w) => w).length;
      const agreed = expected.verdict.competencies.filter((c) => c.agreed !== null).length;
      const open = expected.motivation.filter((m) => m === "Motivering nodig").length;
      expect([
        overview[oc.invited - 1],
        overview[oc.filled - 1],
        overview[oc.agreed - 1],
        overview[oc.motivations - 1],
        overview[oc.passes - 1],
      ]).toEqual([invite, String(filled), String(agreed), String(open), expected.all]);
      if (invite === "Ja") invited.push(expected.verdict);
    });
    const lineRow = Number(layout.lineCell.slice(1)) - 1;
    expect(step4[lineRow][0]).toBe(s.line);
    // "Stap 3 mag worden herhaald" exactly when the engine's rule says so.
    expect(s.line.includes("Stap 3 mag worden herhaald")).toBe(repeatStep3(invited));
  });

  test("the scenarios cover what the request asks: motivations asked and given, the Eindoordeel deciding", () => {
    const flags = scenarios.flatMap((s) =>
      Object.values(s.step4).flatMap((r) => engineWords(gate, r).motivation)
    );
    expect(flags).toContain("Motivering nodig");
    expect(flags).toContain("Gemotiveerd");
    // An assessor's onvoldoende under a passing Eindoordeel, and goed/goed under a failing one.
    const ok = scenarios[0].step4;
    expect(engineWords(gate, ok[0]).all).toBe("Ja");
    expect(engineWords(gate, ok[1]).all).toBe("Nee");
    expect(scenarios.filter((s) => s.line === repeat).map((s) => s.name)).toEqual(["overgeslagen"]);
  });

  test("a picture of every sheet of the first scenario", () => {
    const s = scenarios[0];
    const pdfDir = path.join(dir, "pdf");
    convertAll(
      dir,
      [file(s)],
      'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
      pdfDir
    );
    for (const sheet of sheetFiles) expect(csv(s, sheet).length).toBeGreaterThan(3);
    expect(csv(s, "Top 10")[4][1]).toBe(formulaName);
    execFileSync(
      pdftoppm!,
      ["-png", "-r", "70", path.join(pdfDir, `${s.name}.pdf`), path.join(pdfDir, "page")],
      {
        stdio: "pipe",
      }
    );
    const pages = fs
      .readdirSync(pdfDir)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort();
    expect(pages).toHaveLength(sheetFiles.length);
    pages.forEach((page, i) => {
      const target = path.join(
        artifacts,
        `${s.name}-${i + 1}-${sheetFiles[i].replace(/ /g, "-")}.png`
      );
      fs.copyFileSync(path.join(pdfDir, page), target);
      expect(fs.statSync(target).size).toBeGreaterThan(1000);
    });
  }, 180_000);
});
