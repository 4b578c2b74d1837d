/**
 * The CV corpus against its truth (issue 20's targets, so that a regression fails `npm test`):
 * every readable CV, as .docx and as LibreOffice's PDF of it, read by readCv and proposed by
 * proposeFromCvs for request 17040: pages and language exact, references exact, work periods
 * with precision ≥ 0.95 and recall ≥ 0.90 (start and end month right); each unreadable file
 * gets its Dutch message naming it. One LibreOffice start per run (test/cv/corpus.ts).
 */
import fs from "fs";
import { CvReadError, proposeFromCvs, readCv } from "../../src/cv";
import { request17040 } from "../../src/engine";
import {
  bytesOf,
  corpusFiles,
  corpusPdfs,
  corpusTruth,
  score,
  targets,
  unreadableFiles,
  pathOf,
  type Figures,
  type Outcome,
} from "./corpus";

const truth = corpusTruth();
let pdfDir = "";
let figures: Figures;
const outcomes: Outcome[] = [];

beforeAll(async () => {
  pdfDir = corpusPdfs();
  for (const file of corpusFiles(pdfDir, truth)) {
    const started = performance.now();
    const doc = await readCv(file.name, bytesOf(file.path));
    const proposals = proposeFromCvs("Kandidaat", [doc], request17040);
    outcomes.push({
      name: file.name,
      truth: file.truth,
      doc,
      proposals,
      ms: performance.now() - started,
    });
  }
  figures = score(outcomes);
}, 300_000);

/** The misses in a few readable lines, so a failure says which CV and line. */
function explain(list: string[]): string {
  return list.slice(0, 15).join("\n");
}

describe("the corpus", () => {
  test("has at least 30 readable Dutch CVs, some English ones, 1 to 7 pages, and every date form", () => {
    const readable = truth.cvs.filter((cv) => cv.readable);
    expect(readable.filter((cv) => cv.dutch).length).toBeGreaterThanOrEqual(30);
    expect(readable.filter((cv) => !cv.dutch).length).toBeGreaterThanOrEqual(3);
    const pages = new Set(truth.cvs.map((cv) => cv.pages));
    for (let n = 1; n <= 7; n++) expect(pages).toContain(n);
    const forms = new Set(readable.flatMap((cv) => cv.forms));
    for (const form of [
      "nlAbbr",
      "nlAbbr2",
      "nlFull",
      "nlCap",
      "nlBare",
      "nlTm",
      "year",
      "compact",
      "yearPart",
      "mmTm",
      "mDash",
      "slash",
      "sinds",
      "vanTot",
      "day",
      "dashOpen",
      "yearOpen",
      "enAbbr",
      "enFull",
      "enYear",
      "enCompact",
    ])
      expect(forms).toContain(form);
    expect(fs.readdirSync(pdfDir).filter((f) => f.endsWith(".pdf"))).toHaveLength(truth.cvs.length);
  });
});

describe("proposals against the truth", () => {
  test("pages are exact (PDF pages, and <Pages> of the .docx)", () => {
    expect(explain(figures.pages.wrong)).toBe("");
    expect(figures.pages.exact).toBeGreaterThanOrEqual(targets.pages);
  });

  test("every .docx of the corpus gives its pages from its properties (<Pages>), every PDF counts them", () => {
    const sources = outcomes.map((o) => `${o.name}: ${o.doc.pagesSource}`);
    const expected = outcomes.map(
      (o) => `${o.name}: ${o.doc.format === "pdf" ? "pdf" : "properties"}`
    );
    expect(sources).toEqual(expected);
    expect(outcomes.length).toBe(2 * truth.cvs.filter((cv) => cv.readable).length);
  });

  test("the language (Dutch or not) is exact", () => {
    expect(explain(figures.language.wrong)).toBe("");
    expect(figures.language.exact).toBeGreaterThanOrEqual(targets.language);
  });

  test("the number of references is exact (0 for 'op aanvraag', none without a section)", () => {
    expect(explain(figures.references.wrong)).toBe("");
  });

  test(`work periods: precision ≥ ${targets.precision}, recall ≥ ${targets.recall} (start and end month right)`, () => {
    const { precision, recall, misses } = figures.periods;
    const report = misses.map(
      (m) => `${m.kind} ${m.file} ${m.period}${m.line ? ` (${m.where}: ${m.line})` : ""}`
    );
    const ok = precision >= targets.precision && recall >= targets.recall;
    expect(ok ? "" : `precision ${precision}, recall ${recall}\n${explain(report)}`).toBe("");
  });

  test("education ranges are not proposed as work", () => {
    const wrong: string[] = [];
    for (const o of outcomes)
      for (const e of o.truth.education)
        for (const p of o.proposals.proposals)
          if (
            p.kind === "period" &&
            p.from.slice(0, 7) === e.from &&
            (p.to?.slice(0, 7) ?? null) === e.to
          )
            wrong.push(`${o.name}: ${p.evidence.text}`);
    expect(explain(wrong)).toBe("");
  });

  test("every proposal has its evidence: the file, a page in the document, the line's text", () => {
    for (const o of outcomes)
      for (const p of o.proposals.proposals) {
        expect(p.evidence.file).toBe(o.name);
        expect(p.evidence.page).toBeGreaterThanOrEqual(1);
        expect(p.evidence.page).toBeLessThanOrEqual(o.doc.pages);
        expect(p.evidence.text.length).toBeLessThanOrEqual(200);
        expect(
          o.doc.lines.some((l) => l.page === p.evidence.page && l.line === p.evidence.line)
        ).toBe(true);
      }
  });
});

describe("unreadable files", () => {
  test.each(unreadableFiles(truth).map((u) => [u.name, u] as const))(
    "%s gets a Dutch message naming it",
    async (_name, u) => {
      const error = await readCv(u.name, bytesOf(pathOf(u, pdfDir))).then(
        () => null,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(CvReadError);
      const e = error as CvReadError;
      expect({ code: e.code, file: e.file }).toEqual({ code: u.code, file: u.name });
      expect(e.message).toContain(u.name);
      expect(e.message).toContain(u.words);
    }
  );
});
