/**
 * The commands: read the file, call the use case, write the result, print.
 * Nothing here decides a verdict (the engine does) or a cell (the workbook layer does).
 */
import type ExcelJS from "exceljs";
import { newWorkbook } from "./exceljs";
import fs from "fs";
import { presetById, presets } from "../engine";
import { checkFinal } from "../workbook/finality";
import { planPrivacy, type PrivacyPlan } from "../workbook/privacy";
import { planScore, type ScoreOptions, type ScorePlan } from "../workbook/score";
import { planScoreRun, scoreRunOwnSheets, type ScoreRun } from "../workbook/scoreRun";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { blankRequest, planTemplate } from "../workbook/template";
import { fatalMessages } from "../workbook/texts";
import { problemLine, WorkbookError } from "../workbook/problems";
import { planVerify } from "../workbook/verify";
import { applyChanges, readSnapshot, sheetSnapshot } from "../xlsx";
import { applyToPackage } from "../xlsx/package/apply";
import { dropUnusedSharedStrings, sweepNames } from "../xlsx/package/sweep";
import {
  packageEvaluatorSnapshot,
  packageFullSnapshot,
  packageSnapshot,
} from "../xlsx/package/snapshot";
import {
  cliTexts,
  cvCliTexts,
  packageTexts,
  privacyCliTexts,
  shareCliTexts,
  verifyCliTexts,
} from "./texts";
import type { Command } from "./cli";
import { exampleWorkbook } from "./example";
import {
  checkOutputName,
  checkOverwrite,
  commitFiles,
  asFileError,
  FileError,
  loadPackage,
  plannedOutputs,
  preparePackage,
  sameFile,
  saveWorkbook,
  writePackageAndJson,
} from "./files";
import { progressFor } from "./progress";
import { scoreReport } from "./report";
import { summaryLines } from "./summary";

/** Where a command prints: stdout, stderr, and whether stderr is a terminal. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  errStream: { isTTY?: boolean };
}

/**
 * `awardscore template`: a new request workbook from a preset, or blank without one.
 *
 * @example
 * await runTemplate({ kind: "template", preset: "17040", out: "aanvraag.xlsx", force: false }, io);
 * await runTemplate({ kind: "template", out: "nieuw.xlsx", force: false }, io); // blank
 */
export async function runTemplate(
  command: Extract<Command, { kind: "template" }>,
  io: Io
): Promise<void> {
  const { preset } = command;
  // Own keys only: `--preset constructor` is no preset.
  const request = preset === undefined ? blankRequest() : presetById(preset);
  if (!request) throw new WorkbookError(fatalMessages.unknownPreset(preset!, Object.keys(presets)));
  checkOutputName(command.out);
  checkOverwrite(command.out, command.force);
  const workbook = newWorkbook();
  applyChanges(workbook, planTemplate(request));
  await saveWorkbook(workbook, command.out);
  io.out(
    preset === undefined
      ? cliTexts.blankWritten(command.out)
      : cliTexts.templateWritten(command.out, request.id)
  );
}

/**
 * `awardscore score`: scores IN, writes OUT (never IN, never an existing file without
 * --force), prints the summary, writes JSON (never over IN or OUT). OUT and the JSON file
 * are written both or neither.
 *
 * @example
 * const plan = await runScore({ kind: "score", input: "aanvraag.xlsx" }, io);
 */
export async function runScore(
  command: Extract<Command, { kind: "score" }>,
  io: Io
): Promise<ScoreRun> {
  const { out, jsonFile } = plannedOutputs(command.input, command.out, command.json);
  checkOverwrite(out, command.force === true, command.out === undefined ? "score" : undefined);
  const size = fs.existsSync(command.input) ? fs.statSync(command.input).size : 0;
  const progress = progressFor(io.errStream, size);
  try {
    progress.step("read");
    const { pkg, macros } = await loadPackage(command.input, io.err);
    checkOutputName(out, macros);
    const snapshot = readingFile(command.input, () => packageEvaluatorSnapshot(pkg));
    progress.step("score");
    const plan = planScoreRun(snapshot, scoreOptions(command), new Date());
    progress.step("apply");
    const edited = readingFile(command.input, () => applyToPackage(pkg, plan.changes));
    const json =
      command.json === undefined
        ? undefined
        : JSON.stringify(scoreReport(plan.evaluation, plan.problems, plan.record, plan), null, 2);
    progress.step("write");
    await writePackageAndJson(edited.parts, out, jsonFile, json);
    progress.stop();

    // With the JSON on stdout, the summary moves to stderr so stdout stays parseable.
    const print = command.json === "-" ? io.err : io.out;
    if (command.json === "-" && json !== undefined) io.out(json);
    for (const note of plan.notes) print(note);
    if (macros) print(packageTexts.macrosKept(out));
    const requestDate =
      plan.referenceDateSource === "option" ? plan.requestReferenceDate : undefined;
    print(summaryLines(plan.evaluation, plan.problems, requestDate).join("\n"));
    print("");
    print(cliTexts.written(out));
    if (jsonFile !== undefined) print(cliTexts.jsonWritten(jsonFile));
    return plan;
  } finally {
    progress.stop();
  }
}

/**
 * Runs `read` (reading or editing the package of `file`) with its package problems as the
 * user's (Dutch, exit 2): a sheet beyond the cell cap, a part that is no XML.
 */
function readingFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw asFileError(file, error);
  }
}

/** The scoring options of `score` and `share`: the preset and --peildatum, when given. */
function scoreOptions(command: { preset?: string; referenceDate?: string }): ScoreOptions {
  const options: ScoreOptions = {};
  if (command.preset !== undefined) options.preset = command.preset;
  if (command.referenceDate !== undefined) options.referenceDate = command.referenceDate;
  return options;
}

/**
 * `awardscore example`: the bundled example workbook, or a generated one of N candidates.
 *
 * @example
 * await runExample({ kind: "example", out: "examples/aanvraag-17040.xlsx" }, io);
 */
export async function runExample(
  command: Extract<Command, { kind: "example" }>,
  io: Io
): Promise<void> {
  checkOutputName(command.out);
  const workbook = exampleWorkbook(command.candidates);
  await saveWorkbook(workbook, command.out);
  io.out(cliTexts.written(command.out));
}

/**
 * The snapshot the use cases read, plus the other sheets a scoring rewrites whole
 * (scoreRunOwnSheets: `Afwijzingen`, `Verantwoording`), which readSnapshot leaves out.
 *
 * @example
 * evaluatorSnapshot(workbook).sheets.map((s) => s.name); // ["Aanvraag", "Kandidaten", …, "Afwijzingen"]
 */
export function evaluatorSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const snapshot = readSnapshot(workbook);
  const read = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()));
  for (const name of scoreRunOwnSheets.filter((n) => !read.has(n.toLowerCase()))) {
    const sheet = workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (sheet) snapshot.sheets.push(sheetSnapshot(sheet));
  }
  return snapshot;
}

/**
 * `awardscore share`: scores IN and writes the workbook for the municipality to OUT (never IN);
 * refuses (exit 2, nothing written) while the top is not final, listing the cells to decide.
 *
 * @example
 * await runShare({ kind: "share", input: "aanvraag.xlsx", out: "gemeente.xlsx" }, io);
 */
export async function runShare(
  command: Extract<Command, { kind: "share" }>,
  io: Io
): Promise<ScorePlan> {
  checkOutputName(command.out);
  if (sameFile(command.out, command.input)) throw new FileError(cliTexts.outIsIn(command.input));
  checkOverwrite(command.out, command.force === true);
  const { pkg } = await loadPackage(command.input, io.err);
  const plan = planScore(
    readingFile(command.input, () => packageSnapshot(pkg)),
    scoreOptions(command)
  );
  checkFinal(plan); // nothing is written while a candidate is incomplete or a draw is pending
  // Loaded here, not at the top: it loads all of ExcelJS, which `score` does without.
  const { buildSharedWorkbook } = await import("../share");
  const shared = buildSharedWorkbook(plan.evaluation, {
    requestReferenceDate: plan.requestReferenceDate,
  });
  await saveWorkbook(shared, command.out);
  for (const note of plan.notes) io.out(note);
  io.out(shareCliTexts.shareWritten(command.out, plan.evaluation.summary.top));
  return plan;
}

/**
 * `awardscore opschonen`: pseudonymises the candidates not selected in everything ExcelJS
 * reads (every sheet's cells and formulas, notes, headers and footers, validations, document
 * properties), empties their contact cells and clears their work history, in OUT (default
 * IN-opgeschoond.xlsx; IN is never changed). Prints what it replaced where, and what it could
 * not vouch for (a sheet named after a candidate, custom properties that ExcelJS drops).
 *
 * @example
 * await runPrivacy({ kind: "privacy", input: "aanvraag-beoordeeld.xlsx" }, io);
 */
export async function runPrivacy(
  command: Extract<Command, { kind: "privacy" }>,
  io: Io
): Promise<PrivacyPlan> {
  const { out } = plannedOutputs(command.input, command.out, undefined, "-opgeschoond");
  checkOverwrite(out, command.force === true, command.out === undefined ? "opschonen" : undefined);
  const { pkg, macros } = await loadPackage(command.input, io.err);
  checkOutputName(out, macros);
  // Every sheet, note (legacy and threaded), header, footer, validation and property.
  const plan = planPrivacy(
    readingFile(command.input, () => packageFullSnapshot(pkg)),
    command.preset === undefined ? {} : { preset: command.preset }
  );
  const edited = readingFile(command.input, () => applyToPackage(pkg, plan.changes));
  // The names may also sit in parts the snapshot does not hold (shared strings, caches).
  // And the shared strings no cell uses any more hold what the cells held (contact data).
  const unused = dropUnusedSharedStrings(pkg, edited.parts);
  const swept = sweepNames(pkg, unused.parts, plan.replace);
  await commitFiles([await preparePackage(swept.parts, out)]);
  if (plan.pseudonyms.length === 0) io.out(privacyCliTexts.nothing);
  else {
    io.out(privacyCliTexts.done(plan.counts.names, plan.clearedPeriods.length, plan.kept));
    const traces = privacyCliTexts.traces(plan.counts);
    if (traces) io.out(traces);
    if (plan.counts.formulaNames > 0)
      io.out(privacyCliTexts.formulaNames(plan.counts.formulaNames));
    if (plan.counts.contactCells > 0)
      io.out(privacyCliTexts.contacts(plan.counts.contactCells, plan.contactColumns));
  }
  if (plan.clearedProposals > 0) io.out(cvCliTexts.proposalsCleared(plan.clearedProposals));
  for (const warning of plan.warnings) io.out(warning);
  if (swept.replaced.length > 0) io.out(packageTexts.swept(swept.replaced));
  if (macros) io.out(packageTexts.macrosKept(out));
  io.out(cliTexts.written(out));
  return plan;
}

/**
 * `awardscore verify`: recomputes every verdict of a scored workbook from its own inputs
 * and request, at the peildatum its `Verantwoording` recorded, and lists each difference
 * by cell. Returns the exit code: 0 when all agree, 2 when something differs.
 *
 * @throws WorkbookError (Dutch) when the workbook has no `Verantwoording` or cannot be scored.
 * @example
 * await runVerify({ kind: "verify", input: "aanvraag-beoordeeld.xlsx" }, io); // 0
 */
export async function runVerify(
  command: Extract<Command, { kind: "verify" }>,
  io: Io
): Promise<number> {
  const { pkg } = await loadPackage(command.input, io.err);
  const result = planVerify(readingFile(command.input, () => packageEvaluatorSnapshot(pkg)));
  if (!result) throw new WorkbookError(verifyCliTexts.noRecord(command.input));
  for (const note of result.notes) io.out(note);
  if (result.differences.length === 0) {
    io.out(verifyCliTexts.agree(result.candidates, result.digest));
    return 0;
  }
  io.out(verifyCliTexts.differ(result.differences.length));
  for (const difference of result.differences) io.out(`  ${problemLine(difference)}`);
  return 2;
}
