/**
 * CV intake against a HELD-OUT set (test/fixtures/cv-heldout, truth in its truth.json): 12
 * fictional CVs written apart from the tuning corpus, to see how the extractor generalises.
 * Every .docx is converted to PDF once (LibreOffice, one start, a private profile), then each
 * file (.docx and PDF) is read by readCv and proposed by proposeFromCvs for request 17040.
 * Prints per field: pages, language, references exact; work periods precision and recall (a
 * period is right when its start AND end month are), per format; the misses (file, line,
 * expected, got). Periods marked `vague` in the truth (a season, "half 2016", "eind 2021")
 * are scored apart: a proposal within 6 months of one is neither right nor extra in the main
 * figures. The last line is JSON like bench:cv's.
 *
 * Build and run (outside node_modules/.cache, so no hard-linked output is overwritten):
 *   npx tsc -p bench/tsconfig.json --outDir .h-bench && node .h-bench/bench/cv-heldout.js
 * Another set in the same format (its folder as the argument):
 *   node .h-bench/bench/cv-heldout.js test/fixtures/cv-blind
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { proposeFromCvs, readCv } from "../src/cv";
import { request17040 } from "../src/engine";
import type { CvDocument, CvProposal, PeriodProposal } from "../src/engine";

interface TruthPeriod {
  from: string;
  to: string | null;
  role: string;
  employer: string;
  vague?: boolean;
  line?: string;
}
interface TruthCv {
  file: string;
  pages: number;
  dutch: boolean;
  references: number | null;
  periods: TruthPeriod[];
}

/**
 * The folder of this set: the first argument (e.g. test/fixtures/cv-blind, a blind set in the
 * same truth format), else test/fixtures/cv-heldout; relative to the working directory (the
 * project's root).
 */
const setDir = path.resolve(process.cwd(), process.argv[2] ?? "test/fixtures/cv-heldout");

const round = (n: number) => Math.round(n * 1000) / 1000;
const month = (d: string | null) => (d === null ? "…" : d.slice(0, 7));
const show = (from: string, to: string | null) =>
  `${month(from)}–${to === null ? "heden" : month(to)}`;
/** Months since year 0, for "how far apart" (null = running = far future). */
const months = (d: string | null) =>
  d === null ? 1e6 : Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/** Every .docx of the set to PDF, one LibreOffice start; returns the PDF folder. */
function convert(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-cv-heldout-"));
  const profile = path.join(dir, "profile");
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...files,
      ],
      { stdio: "pipe", timeout: 240_000 }
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return dir;
}

interface Tally {
  n: number;
  pages: number;
  language: number;
  references: number;
  proposed: number;
  truth: number;
  matched: number;
  vagueTruth: number;
  vagueExact: number;
  vagueNear: number;
}
const tally = (): Tally => ({
  n: 0,
  pages: 0,
  language: 0,
  references: 0,
  proposed: 0,
  truth: 0,
  matched: 0,
  vagueTruth: 0,
  vagueExact: 0,
  vagueNear: 0,
});

const misses: string[] = [];

/** Scores one file's proposals against its truth into `t`, noting the misses. */
function scoreFile(
  name: string,
  doc: CvDocument,
  proposals: CvProposal[],
  truth: TruthCv,
  t: Tally
): void {
  t.n++;
  const req = (id: string) =>
    proposals.find((p) => p.kind === "requirement" && p.id === id) as
      { value: number | "Ja" | "Nee"; note: string; evidence: { text: string } } | undefined;
  const pages = req("E1");
  if (pages?.value === truth.pages) t.pages++;
  else
    misses.push(
      `pages      ${name}: expected ${truth.pages}, got ${pages?.value ?? "none"} (${doc.pagesSource}${pages ? `; ${pages.note}` : ""})`
    );
  const lang = req("E2");
  if (lang?.value === (truth.dutch ? "Ja" : "Nee")) t.language++;
  else
    misses.push(
      `language   ${name}: expected ${truth.dutch ? "Ja" : "Nee"}, got ${lang?.value ?? "none"}`
    );
  const refs = req("E3");
  if ((refs?.value ?? null) === truth.references) t.references++;
  else
    misses.push(
      `references ${name}: expected ${truth.references ?? "no section"}, got ${refs?.value ?? "none"}${refs ? ` [${refs.evidence.text}] (${refs.note})` : ""}`
    );

  const got = proposals.filter((p): p is PeriodProposal => p.kind === "period");
  const used = new Set<PeriodProposal>();
  const exact = (p: PeriodProposal, w: TruthPeriod) =>
    month(p.from) === w.from &&
    (p.to === null ? w.to === null : w.to !== null && month(p.to) === w.to);
  const near = (p: PeriodProposal, w: TruthPeriod) =>
    Math.abs(months(p.from) - months(w.from)) <= 6 &&
    (p.to === null) === (w.to === null) &&
    (p.to === null || Math.abs(months(p.to) - months(w.to)) <= 6);
  const firm = truth.periods.filter((w) => !w.vague);
  const vague = truth.periods.filter((w) => w.vague);
  const unmatched: TruthPeriod[] = [];
  for (const w of firm) {
    const p = got.find((q) => !used.has(q) && exact(q, w));
    if (p) used.add(p);
    else unmatched.push(w);
  }
  // vague periods: exact or near proposals are set apart (not extra, not right)
  for (const w of vague) {
    t.vagueTruth++;
    const p =
      got.find((q) => !used.has(q) && exact(q, w)) ?? got.find((q) => !used.has(q) && near(q, w));
    if (p) {
      used.add(p);
      if (exact(p, w)) t.vagueExact++;
      else t.vagueNear++;
    }
    misses.push(
      `vague      ${name} "${w.line}": human reading ${show(w.from, w.to)}, got ${p ? `${show(p.from, p.to)} [${p.evidence.text}] (${p.note})` : "nothing"}`
    );
  }
  const matched = firm.length - unmatched.length;
  const rest = got.filter((q) => !used.has(q));
  t.truth += firm.length;
  t.matched += matched;
  t.proposed += matched + rest.length;
  // a wrong proposal near a missed period (start and end each within a year): pair them
  const distance = (p: PeriodProposal, w: TruthPeriod) =>
    (p.to === null) !== (w.to === null)
      ? Infinity
      : Math.max(
          Math.abs(months(p.from) - months(w.from)),
          p.to === null ? 0 : Math.abs(months(p.to) - months(w.to))
        );
  for (const w of unmatched) {
    let best: PeriodProposal | undefined;
    for (const p of rest)
      if (distance(p, w) <= 12 && (!best || distance(p, w) < distance(best, w))) best = p;
    if (best) {
      rest.splice(rest.indexOf(best), 1);
      misses.push(
        `wrong      ${name} [${best.evidence.text}]: expected ${show(w.from, w.to)} ${w.role}, ${w.employer}; got ${show(best.from, best.to)} "${best.role}"`
      );
    } else {
      const key =
        w.employer
          .replace(/\s*\(.*$/, "")
          .split(" ")
          .pop() ?? "";
      const year = w.from.slice(0, 4);
      const line =
        (
          doc.lines.find((l) => l.text.includes(key) && l.text.includes(year)) ??
          doc.lines.find(
            (l) => l.text.includes(`Gemeente ${key}`) || l.text.includes(`gemeente ${key}`)
          ) ??
          doc.lines.find((l) => l.text.includes(key))
        )?.text ?? "?";
      misses.push(
        `missed     ${name} [${line}]: expected ${show(w.from, w.to)} ${w.role}, ${w.employer}; got nothing`
      );
    }
  }
  for (const p of rest)
    misses.push(
      `extra      ${name} [${p.evidence.text}]: expected nothing; got ${show(p.from, p.to)} "${p.role}"`
    );
}

async function main(): Promise<void> {
  const truth = JSON.parse(fs.readFileSync(path.join(setDir, "truth.json"), "utf8")) as {
    cvs: TruthCv[];
  };
  const docxs = truth.cvs.map((c) => path.join(setDir, c.file));
  const started = performance.now();
  const pdfDir = convert(docxs);
  console.log(
    `Converted ${docxs.length} .docx to PDF in ${Math.round(performance.now() - started)} ms`
  );
  const byFormat = { pdf: tally(), docx: tally() };
  const times: number[] = [];
  try {
    for (const cv of truth.cvs) {
      const pdfName = cv.file.replace(/\.docx$/, ".pdf");
      for (const [format, name, file] of [
        ["docx", cv.file, path.join(setDir, cv.file)],
        ["pdf", pdfName, path.join(pdfDir, pdfName)],
      ] as const) {
        const bytes = new Uint8Array(fs.readFileSync(file));
        const t0 = performance.now();
        const doc = await readCv(name, bytes);
        const proposals = proposeFromCvs("Kandidaat", [doc], request17040).proposals;
        times.push(performance.now() - t0);
        scoreFile(name, doc, proposals, cv, byFormat[format]);
      }
    }
  } finally {
    fs.rmSync(pdfDir, { recursive: true, force: true });
  }
  const all = tally();
  for (const t of [byFormat.pdf, byFormat.docx])
    for (const k of Object.keys(all) as (keyof Tally)[]) all[k] += t[k];
  const f = (t: Tally) => ({
    pages: round(t.pages / t.n),
    language: round(t.language / t.n),
    references: round(t.references / t.n),
    precision: round(t.proposed ? t.matched / t.proposed : 1),
    recall: round(t.truth ? t.matched / t.truth : 1),
  });
  const a = f(all);
  const p = f(byFormat.pdf);
  const d = f(byFormat.docx);
  console.log(
    `\nHeld-out CV set: ${truth.cvs.length} CVs, each as .docx and as PDF (${all.n} files)\n`
  );
  console.log("| Field | All | PDF | .docx |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const [label, k] of [
    ["Pages exact", "pages"],
    ["Language exact", "language"],
    ["References exact", "references"],
    ["Periods precision", "precision"],
    ["Periods recall", "recall"],
  ] as const)
    console.log(`| ${label} | ${a[k]} | ${p[k]} | ${d[k]} |`);
  console.log(
    `\nPeriods (not vague): ${all.matched} right of ${all.proposed} proposed, ${all.truth} in the truth.` +
      ` Vague periods: ${all.vagueTruth}; proposed with the human's months ${all.vagueExact}, within 6 months ${all.vagueNear}.` +
      ` ms per CV (mean, one run): ${round(times.reduce((x, y) => x + y, 0) / times.length)}`
  );
  console.log(`\nMisses (${misses.length}):`);
  for (const m of misses) console.log(`  ${m}`);
  console.log(
    JSON.stringify({
      cvs: all.n,
      pages: { exact: a.pages },
      language: { exact: a.language },
      references: { exact: a.references },
      periods: { precision: a.precision, recall: a.recall },
    })
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
