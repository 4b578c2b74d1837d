/**
 * The CV corpus (test/fixtures/cv, written by scripts/make-cv-corpus.mjs) for the tests and the
 * bench: its truth, its .docx files, the same CVs as PDF (LibreOffice Writer, one conversion for
 * all files per test run: the PDFs stay in the run's temporary folder and every test file of the
 * run reuses them), the unreadable cases (a PDF with a password, an image-only PDF, a .doc),
 * and the figures the bench and the corpus test compare with the targets.
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { CandidateProposals, CvDocument } from "../../src/engine";
import { RUN_SHARED, runFolder } from "../setup/runFolder";
import { convert, soffice } from "../xlsx/libreoffice";

/** The project's folder: above this file (test/cv), or above its compiled copy (the bench's). */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "test/fixtures/cv/truth.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no test/fixtures/cv above ${__dirname}`);
  }
}

/** The corpus folder. */
export const corpusDir = path.join(projectRoot(), "test/fixtures/cv");

/** A work or education period of the truth: months "YYYY-MM"; `to` null = still running. */
export interface TruthPeriod {
  from: string;
  to: string | null;
  role?: string;
  employer?: string;
}

/** The truth of one CV (truth.json). */
export interface CvTruth {
  file: string;
  /** Pages of LibreOffice's PDF of the .docx (the same as its <Pages>). */
  pages: number;
  dutch: boolean;
  /** Entries of the references section; 0 = "op aanvraag"; null = no such section. */
  references: number | null;
  periods: TruthPeriod[];
  education: (TruthPeriod & { title: string; institution: string; hbo: boolean })[];
  /** False: no text layer (a scan). */
  readable: boolean;
  layout: string;
  forms: string[];
}

/** truth.json. */
export interface CorpusTruth {
  cvs: CvTruth[];
  unreadable: { file: string; code: string }[];
}

/** The corpus's truth. */
export function corpusTruth(): CorpusTruth {
  return JSON.parse(fs.readFileSync(path.join(corpusDir, "truth.json"), "utf8")) as CorpusTruth;
}

/** The targets of issue 20. */
export const targets = { pages: 1, language: 1, precision: 0.95, recall: 0.9, msPer5Pages: 300 };

/** Waits `ms` milliseconds, blocking (the conversion helper is synchronous). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The corpus as PDFs: the folder holding `<name>.pdf` for every `.docx` of the corpus.
 * Converted by LibreOffice in one start with a private profile, into the run's temporary
 * folder (test/setup/runFolder.ts) the first time any test file of the run asks; the others
 * wait for that and reuse the folder. Outside a jest run: under `os.tmpdir()`, for this
 * process (the caller removes it, see {@link removeOwnPdfs}).
 */
export function corpusPdfs(): string {
  const run = runFolder();
  // shared on purpose: the teardown removes it without naming it as left behind
  const dir = run
    ? path.join(run, `${RUN_SHARED}cv-corpus`)
    : fs.mkdtempSync(path.join(os.tmpdir(), "awardscore-cv-corpus-"));
  const done = path.join(dir, "done");
  const lock = path.join(dir, "converting");
  fs.mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (fs.existsSync(done)) return path.join(dir, "pdf");
    try {
      fs.mkdirSync(lock);
      break; // ours to convert
    } catch {
      if (Date.now() > deadline) throw new Error(`the CV corpus is not converted yet: ${dir}`);
      sleep(200); // another test file converts it
    }
  }
  try {
    convertCorpus(dir);
    fs.writeFileSync(done, "");
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return path.join(dir, "pdf");
}

/** Removes a folder {@link corpusPdfs} made outside a jest run (in a run, the teardown does). */
export function removeOwnPdfs(pdfDir: string): void {
  if (!runFolder()) fs.rmSync(path.dirname(pdfDir), { recursive: true, force: true });
}

/**
 * Every .docx of the corpus to PDF into `<dir>/pdf`, by one conversion: in a jest run by the
 * run's one LibreOffice (test/setup/office.ts), outside a run by a start with its profile in `dir`.
 */
function convertCorpus(dir: string): void {
  if (!soffice) throw new Error("LibreOffice (soffice) is needed to convert the CV corpus");
  const out = path.join(dir, "pdf");
  const files = corpusTruth().cvs.map((cv) => path.join(corpusDir, cv.file));
  try {
    convert(dir, files, "pdf", out, 240_000);
  } finally {
    fs.rmSync(path.join(dir, "profile"), { recursive: true, force: true });
  }
  const missing = files
    .map((f) => path.basename(f, ".docx") + ".pdf")
    .filter((f) => !fs.existsSync(path.join(out, f)));
  if (missing.length) throw new Error(`LibreOffice made no PDF of: ${missing.join(", ")}`);
}

/** A file's bytes. */
export function bytesOf(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(file));
}

/** One corpus CV as a file to read: its name (no folder), its bytes, its truth. */
export interface CorpusFile {
  name: string;
  path: string;
  truth: CvTruth;
}

/** The readable CVs of the corpus, each as .docx and as PDF (in `pdfDir`). */
export function corpusFiles(pdfDir: string, truth = corpusTruth()): CorpusFile[] {
  return truth.cvs
    .filter((cv) => cv.readable)
    .flatMap((cv) => [
      { name: cv.file, path: path.join(corpusDir, cv.file), truth: cv },
      {
        name: cv.file.replace(/\.docx$/, ".pdf"),
        path: path.join(pdfDir, cv.file.replace(/\.docx$/, ".pdf")),
        truth: cv,
      },
    ]);
}

/** A file AwardScore cannot read: its name, the reader's error code, words its Dutch message must hold. */
export interface Unreadable {
  name: string;
  /** In the corpus folder, or among the PDFs LibreOffice made of it. */
  inPdfs: boolean;
  /** The path inside the corpus folder (when not in the PDFs). */
  file: string;
  code: string;
  words: string;
}

/**
 * The files AwardScore cannot read: a PDF with a password (made by LibreOffice's export,
 * committed), the scan as PDF (images only) and as .docx, and a Word 97–2003 .doc (made by
 * LibreOffice, committed).
 */
export function unreadableFiles(truth = corpusTruth()): Unreadable[] {
  const words: Record<string, string> = {
    encrypted: "beveiligd met een wachtwoord",
    noText: "geen tekst gevonden",
    oldWord: "oude Word-indeling",
  };
  const scans = truth.cvs.filter((cv) => !cv.readable);
  return [
    ...truth.unreadable.map((u) => ({
      name: path.basename(u.file),
      inPdfs: false,
      file: u.file,
      code: u.code,
      words: words[u.code],
    })),
    ...scans.flatMap((cv) => [
      {
        name: cv.file.replace(/\.docx$/, ".pdf"),
        inPdfs: true,
        file: "",
        code: "noText",
        words: words.noText,
      },
      { name: cv.file, inPdfs: false, file: cv.file, code: "noText", words: words.noText },
    ]),
  ];
}

/** Where an unreadable file is. */
export function pathOf(u: Unreadable, pdfDir: string): string {
  return u.inPdfs ? path.join(pdfDir, u.name) : path.join(corpusDir, u.file);
}

// ---------------------------------------------------------------------------------------------
// Scoring against the truth

/** One CV's outcome: what was read and proposed beside its truth. */
export interface Outcome {
  name: string;
  truth: CvTruth;
  doc: CvDocument;
  proposals: CandidateProposals;
  ms: number;
}

/** A period as the truth writes it: "YYYY-MM" months, to null = running. */
function key(from: string, to: string | null): string {
  return `${from.slice(0, 7)}…${to === null ? "" : to.slice(0, 7)}`;
}

/** Lower case, single spaces, no punctuation: to compare a role's words. */
function plain(text: string): string {
  return text
    .toLocaleLowerCase("nl-NL")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Whether a proposed role names the truth's role and employer (an employer's own words, not its brackets). */
function names(role: string, truth: TruthPeriod): boolean {
  const have = plain(role);
  const employer = plain((truth.employer ?? "").replace(/\s*\(.*\)\s*$/, ""));
  return have.includes(plain(truth.role ?? "")) && have.includes(employer);
}

/** A period that did not match: the file, the evidence line, what the truth or the proposal says. */
export interface Miss {
  file: string;
  kind: "extra" | "missed";
  period: string;
  line?: string;
  where?: string;
}

/** The figures over some outcomes: exact fractions and the periods' precision and recall. */
export interface Figures {
  cvs: number;
  pages: { exact: number; wrong: string[] };
  language: { exact: number; wrong: string[] };
  references: { exact: number; wrong: string[] };
  periods: {
    precision: number;
    recall: number;
    proposed: number;
    truth: number;
    matched: number;
    misses: Miss[];
    /** Of the right periods, the share whose proposed `Functie` names the truth's role and employer. */
    roles: { named: number; wrong: string[] };
  };
}

/** Compares the outcomes with their truth (periods: start AND end month right). */
export function score(outcomes: Outcome[]): Figures {
  const wrong = { pages: [] as string[], language: [] as string[], references: [] as string[] };
  let proposed = 0;
  let truthCount = 0;
  let matched = 0;
  let named = 0;
  const wrongRoles: string[] = [];
  const misses: Miss[] = [];
  for (const o of outcomes) {
    const req = (id: string) =>
      o.proposals.proposals.find((p) => p.kind === "requirement" && p.id === id) as
        { value: number | "Ja" | "Nee" } | undefined;
    const pages = req("E1")?.value ?? o.doc.pages;
    if (pages !== o.truth.pages)
      wrong.pages.push(`${o.name}: ${String(pages)}, truth ${o.truth.pages}`);
    const dutch = req("E2")?.value;
    if (dutch !== (o.truth.dutch ? "Ja" : "Nee"))
      wrong.language.push(`${o.name}: ${String(dutch)}, truth ${o.truth.dutch ? "Ja" : "Nee"}`);
    const refs = req("E3")?.value ?? null;
    if (refs !== o.truth.references)
      wrong.references.push(`${o.name}: ${String(refs)}, truth ${String(o.truth.references)}`);

    const want = new Map<string, number>();
    for (const p of o.truth.periods)
      want.set(key(p.from, p.to), (want.get(key(p.from, p.to)) ?? 0) + 1);
    truthCount += o.truth.periods.length;
    for (const p of o.proposals.proposals) {
      if (p.kind !== "period") continue;
      proposed++;
      const k = key(p.from, p.to);
      const left = want.get(k) ?? 0;
      if (left > 0) {
        matched++;
        want.set(k, left - 1);
        const t = o.truth.periods.filter((q) => key(q.from, q.to) === k);
        if (t.some((q) => names(p.role, q))) named++;
        else wrongRoles.push(`${o.name} ${k}: "${p.role}", truth "${t[0].role}, ${t[0].employer}"`);
      } else
        misses.push({
          file: o.name,
          kind: "extra",
          period: k,
          line: p.evidence.text,
          where: `p${p.evidence.page} r${p.evidence.line}`,
        });
    }
    for (const p of o.truth.periods) {
      const k = key(p.from, p.to);
      const left = want.get(k) ?? 0;
      if (left > 0) {
        want.set(k, left - 1);
        misses.push({ file: o.name, kind: "missed", period: k, line: `${p.role}, ${p.employer}` });
      }
    }
  }
  const n = outcomes.length || 1;
  return {
    cvs: outcomes.length,
    pages: { exact: 1 - wrong.pages.length / n, wrong: wrong.pages },
    language: { exact: 1 - wrong.language.length / n, wrong: wrong.language },
    references: { exact: 1 - wrong.references.length / n, wrong: wrong.references },
    periods: {
      precision: proposed ? matched / proposed : 1,
      recall: truthCount ? matched / truthCount : 1,
      proposed,
      truth: truthCount,
      matched,
      misses,
      roles: { named: matched ? named / matched : 1, wrong: wrongRoles },
    },
  };
}
