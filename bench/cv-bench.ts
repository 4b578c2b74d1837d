/**
 * CV intake against the corpus (test/fixtures/cv, its truth in truth.json): every readable CV,
 * as .docx and as LibreOffice's PDF of it (converted once, before the clock runs), read by
 * readCv and proposed by proposeFromCvs for request 17040. Prints per field how often the
 * proposal is right (pages, language, references: exact; work periods: precision and recall,
 * a period right when its start AND end month are), the misses, and the time per CV (read +
 * propose, the median of several runs after a warm-up), per format and for the 5-page CVs.
 * Targets (issue 20): pages and language exact; periods precision ≥ 0.95, recall ≥ 0.90;
 * ≤ 300 ms per 5-page CV.
 * The last line of the output is one JSON object:
 * {"cvs":N,"pages":{"exact":F},"language":{"exact":F},"periods":{"precision":F,"recall":F},"msPerCv":M}
 * (N = CV files read: each CV as .docx and as PDF).
 *
 * Run: npm run bench:cv   (BENCH_RUNS=… repetitions per file, 5 by default)
 */
import { proposeFromCvs, readCv } from "../src/cv";
import { request17040 } from "../src/engine";
import type { CvDocument } from "../src/engine";
import {
  bytesOf,
  corpusFiles,
  corpusPdfs,
  corpusTruth,
  removeOwnPdfs,
  score,
  targets,
  type Outcome,
} from "../test/cv/corpus";

const runs = Number(process.env.BENCH_RUNS ?? 5);

/** The median of some numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The mean of some numbers (0 for none). */
function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** A number rounded to `digits` decimals. */
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** "met" or "missed", beside a target. */
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

/** Reads, proposes and times every readable corpus file. */
async function main(): Promise<void> {
  const truth = corpusTruth();
  process.stdout.write("Converting the corpus to PDF (LibreOffice, one start)… ");
  const convertStart = performance.now();
  const pdfDir = corpusPdfs();
  console.log(`${Math.round(performance.now() - convertStart)} ms`);
  try {
    const files = corpusFiles(pdfDir, truth).map((f) => ({ ...f, bytes: bytesOf(f.path) }));
    // warm-up: the first PDF and .docx load the readers' modules and compile their code
    for (const f of files.slice(0, 4))
      proposeFromCvs("x", [await readCv(f.name, f.bytes)], request17040);

    const outcomes: Outcome[] = [];
    for (const f of files) {
      const times: number[] = [];
      let doc: CvDocument | undefined;
      let proposals;
      for (let r = 0; r < runs; r++) {
        const started = performance.now();
        doc = await readCv(f.name, f.bytes);
        proposals = proposeFromCvs("Kandidaat", [doc], request17040);
        times.push(performance.now() - started);
      }
      outcomes.push({
        name: f.name,
        truth: f.truth,
        doc: doc!,
        proposals: proposals!,
        ms: median(times),
      });
    }
    const all = score(outcomes);
    const byFormat = (ext: string) => score(outcomes.filter((o) => o.name.endsWith(ext)));
    const pdf = byFormat(".pdf");
    const docx = byFormat(".docx");
    const ms = (list: Outcome[]) => round(mean(list.map((o) => o.ms)), 1);
    const fivePages = outcomes.filter((o) => o.truth.pages === 5);
    const five = {
      all: ms(fivePages),
      pdf: ms(fivePages.filter((o) => o.name.endsWith(".pdf"))),
      docx: ms(fivePages.filter((o) => o.name.endsWith(".docx"))),
    };
    const maxFive = round(Math.max(0, ...fivePages.map((o) => o.ms)), 1);

    console.log(
      `\nCV intake over the corpus: ${truth.cvs.filter((c) => c.readable).length} readable CVs, each as .docx and as PDF (${outcomes.length} files); median of ${runs} runs each\n`
    );
    console.log("| Field | All | PDF | .docx | Target |");
    console.log("| --- | ---: | ---: | ---: | --- |");
    console.log(
      `| Pages exact | ${round(all.pages.exact)} | ${round(pdf.pages.exact)} | ${round(docx.pages.exact)} | 1 (${verdict(all.pages.exact >= targets.pages)}) |`
    );
    console.log(
      `| Language exact | ${round(all.language.exact)} | ${round(pdf.language.exact)} | ${round(docx.language.exact)} | 1 (${verdict(all.language.exact >= targets.language)}) |`
    );
    console.log(
      `| References exact | ${round(all.references.exact)} | ${round(pdf.references.exact)} | ${round(docx.references.exact)} | – |`
    );
    console.log(
      `| Periods precision | ${round(all.periods.precision)} | ${round(pdf.periods.precision)} | ${round(docx.periods.precision)} | ≥ 0.95 (${verdict(all.periods.precision >= targets.precision)}) |`
    );
    console.log(
      `| Periods recall | ${round(all.periods.recall)} | ${round(pdf.periods.recall)} | ${round(docx.periods.recall)} | ≥ 0.90 (${verdict(all.periods.recall >= targets.recall)}) |`
    );
    console.log(
      `| Periods: role and employer named (of the right ones) | ${round(all.periods.roles.named)} | ${round(pdf.periods.roles.named)} | ${round(docx.periods.roles.named)} | – |`
    );
    console.log(
      `| ms per CV (mean) | ${ms(outcomes)} | ${ms(outcomes.filter((o) => o.name.endsWith(".pdf")))} | ${ms(outcomes.filter((o) => o.name.endsWith(".docx")))} | – |`
    );
    console.log(
      `| ms per 5-page CV (mean; slowest ${maxFive}) | ${five.all} | ${five.pdf} | ${five.docx} | ≤ 300 (${verdict(maxFive <= targets.msPer5Pages)}) |`
    );
    console.log(
      `\nPeriods: ${all.periods.matched} right of ${all.periods.proposed} proposed, ${all.periods.truth} in the truth.`
    );
    const misses = [
      ...all.pages.wrong.map((w) => `pages ${w}`),
      ...all.language.wrong.map((w) => `language ${w}`),
      ...all.references.wrong.map((w) => `references ${w}`),
      ...all.periods.roles.wrong.map((w) => `role ${w}`),
      ...all.periods.misses.map(
        (m) =>
          `${m.kind} period ${m.file} ${m.period}${m.where ? ` ${m.where}` : ""}${m.line ? `: ${m.line}` : ""}`
      ),
    ];
    if (misses.length) {
      console.log(`\nMisses (${misses.length}${misses.length > 40 ? ", the first 40" : ""}):`);
      for (const m of misses.slice(0, 40)) console.log(`  ${m}`);
    }
    console.log(
      JSON.stringify({
        cvs: outcomes.length,
        pages: { exact: round(all.pages.exact) },
        language: { exact: round(all.language.exact) },
        periods: { precision: round(all.periods.precision), recall: round(all.periods.recall) },
        msPerCv: ms(outcomes),
      })
    );
  } finally {
    removeOwnPdfs(pdfDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
