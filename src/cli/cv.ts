/**
 * `awardscore cv`: reads CVs (src/cv), writes their proposals to the `Voorstellen` sheet of a
 * copy of the workbook, and with `--overnemen` applies them (src/workbook/cvIntake.ts). The
 * CV text stays on this computer, in the proposals' evidence lines only. An unreadable CV
 * stops the command before anything is written.
 */
import fs from "fs";
import path from "path";
import {
  candidateOfFile,
  nameKey,
  needsOwnTick,
  readText,
  type CandidateProposals,
  type CvDocument,
  type CvProposal,
  type Request,
} from "../engine";
import { proposeFromCvs } from "../cv/extract";
import { CvReadError, readCv, tooLargeError } from "../cv/read";
import {
  candidateRowOf,
  chosenRows,
  planApplyProposals,
  planCvProposals,
  readProposalRows,
  type ApplyPlan,
} from "../workbook/cvIntake";
import { readCandidates } from "../workbook/inputs";
import { planScore } from "../workbook/score";
import type { WorkbookChange } from "../workbook/changes";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { cvIntakeTexts } from "../workbook/texts";
import { applyToPackage } from "../xlsx/package/apply";
import { packageFullSnapshot } from "../xlsx/package/snapshot";
import type { Command } from "./cli";
import type { Io } from "./commands";
import { fileSystemError, isSystemError } from "./errors";
import {
  asFileError,
  checkOutputName,
  checkOverwrite,
  FileError,
  loadPackage,
  plannedOutputs,
  writePackageAndJson,
} from "./files";
import { cliTexts, cvCliTexts as t, packageTexts } from "./texts";

/** The extensions taken from a folder (a `.doc` too, so that it gets its own message). */
const CV_EXTENSIONS = new Set([".pdf", ".docx", ".doc"]);

/** What `awardscore cv` did, for a test or a caller. */
export interface CvRun {
  proposals: CandidateProposals[];
  /** The plan of `--overnemen`, when given. */
  applied?: ApplyPlan;
  /** Whether OUT was written. */
  written: boolean;
}

/**
 * The CV files the arguments name: a file as it is (its content decides the format), a
 * folder's `.pdf`, `.docx` and `.doc` files in name order (not its subfolders, hidden files
 * or Word's `~$` lock files).
 *
 * @throws FileError for a missing path or a folder without CVs.
 */
export function cvFiles(args: string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      if (isSystemError(error)) throw fileSystemError("read", arg, error);
      throw error;
    }
    if (!stat.isDirectory()) {
      files.push(arg);
      continue;
    }
    const inFolder = fs
      .readdirSync(arg, { withFileTypes: true })
      .filter(
        (d) =>
          d.isFile() &&
          !d.name.startsWith(".") &&
          !d.name.startsWith("~$") &&
          CV_EXTENSIONS.has(path.extname(d.name).toLowerCase())
      )
      .map((d) => d.name)
      .sort((a, b) => a.localeCompare(b, "nl"));
    if (inFolder.length === 0) throw new FileError(t.emptyFolder(arg));
    files.push(...inFolder.map((name) => path.join(arg, name)));
  }
  return files;
}

/** A file's name as a candidate's name: without folder and extension, `_` as a space. */
function nameOfFile(file: string): string {
  return path.basename(file, path.extname(file)).replace(/_+/g, " ").trim();
}

/**
 * The CVs grouped by candidate, with the names as `Kandidaten` spells them: all for
 * `--kandidaat`, else by each file's name.
 *
 * @throws WorkbookError for a candidate not on `Kandidaten`; FileError for a file named after no one.
 */
function groupByCandidate(
  snapshot: WorkbookSnapshot,
  request: Request,
  files: string[],
  candidate: string | undefined
): Array<{ candidate: string; files: string[] }> {
  const names = new Map<string, string>();
  for (const input of readCandidates(snapshot, request).inputs) {
    const name = readText(input.name);
    if (name !== "" && !names.has(nameKey(name))) names.set(nameKey(name), name);
  }
  const groups = new Map<string, { candidate: string; files: string[] }>();
  for (const file of files) {
    const wanted = candidate ?? nameOfFile(file);
    // Without --kandidaat, a file's name names its candidate as the pane reads it ("CV_Eva-Jansen.pdf").
    const name =
      candidate !== undefined
        ? names.get(nameKey(candidate))
        : (candidateOfFile(path.basename(file), [...names.values()]) ?? undefined);
    if (name === undefined) {
      // --kandidaat: the workbook layer's message, naming Kandidaten.
      if (candidate !== undefined) candidateRowOf(snapshot, request, candidate);
      throw new FileError(t.noCandidateForFile(path.basename(file), wanted));
    }
    const group = groups.get(nameKey(name)) ?? { candidate: name, files: [] };
    group.files.push(file);
    groups.set(nameKey(name), group);
  }
  return [...groups.values()];
}

/** Reads every CV; all unreadable ones together as one FileError (nothing is written then). */
async function readAll(files: string[]): Promise<Map<string, CvDocument>> {
  const docs = new Map<string, CvDocument>();
  const problems: string[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      // Refused by its size before it is read into memory (the reader's own message).
      const tooLarge = tooLargeError(path.basename(file), fs.statSync(file).size);
      if (tooLarge) {
        problems.push(tooLarge.message);
        continue;
      }
      const read = await fs.promises.readFile(file);
      // A plain Uint8Array over the same memory: pdfjs refuses a Node Buffer.
      bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
    } catch (error) {
      if (isSystemError(error)) throw fileSystemError("read", file, error);
      throw error;
    }
    try {
      docs.set(file, await readCv(path.basename(file), bytes));
    } catch (error) {
      if (error instanceof CvReadError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0)
    throw new FileError(
      [t.unreadable(problems.length), ...problems.map((p) => `  ${p}`)].join("\n")
    );
  return docs;
}

/** How a proposal is named in the list of those not applied. */
function what(proposal: CvProposal): string {
  if (proposal.kind === "requirement") return t.what.requirement(proposal.id);
  if (proposal.kind === "period") return t.what.period(proposal.from, proposal.to);
  return t.what.yes(proposal.ids);
}

/**
 * `awardscore cv`: with CVs, their proposals to `Voorstellen` of OUT (default
 * IN-voorstellen.xlsx), and with `--overnemen` applied at once; without CVs, `--overnemen`
 * applies the rows marked Ja. OUT and the JSON file are written both or neither.
 *
 * @throws FileError (an unreadable CV, a file named after no candidate, OUT exists) or WorkbookError; nothing is written then.
 * @example
 * await runCv({ kind: "cv", input: "aanvraag.xlsx", cvs: ["cv"], apply: false }, io);
 */
export async function runCv(command: Extract<Command, { kind: "cv" }>, io: Io): Promise<CvRun> {
  const { out, jsonFile } = plannedOutputs(
    command.input,
    command.out,
    command.json,
    "-voorstellen"
  );
  checkOverwrite(out, command.force === true);
  const files = cvFiles(command.cvs);

  const { pkg, macros } = await loadPackage(command.input, io.err);
  checkOutputName(out, macros);
  const snapshot = reading(command.input, () => packageFullSnapshot(pkg));
  const score = planScore(snapshot, command.preset === undefined ? {} : { preset: command.preset });
  const request = score.request;
  const print = command.json === "-" ? io.err : io.out;

  let proposals: CandidateProposals[] = [];
  let applied: ApplyPlan | undefined;
  const changes: WorkbookChange[] = [];
  if (files.length > 0) {
    const groups = groupByCandidate(snapshot, request, files, command.candidate);
    const docs = await readAll(files);
    proposals = groups.map((g) =>
      proposeFromCvs(
        g.candidate,
        g.files.map((f) => docs.get(f) as CvDocument),
        request
      )
    );
    // The flag confirms what the CV states outright; a Ja for a yes/no criterion, an estimated
    // page count and a Nee stay Voorgesteld for the evaluator's own Ja, as in the pane.
    if (command.apply) applied = planApplyProposals(snapshot, request, statedOutright(proposals));
    const sheet = planCvProposals(snapshot, request, proposals, applied?.outcomes);
    // The applied cells and rows first; the sheet's rewrite last (it replaces any earlier marks).
    changes.push(...(applied?.changes ?? []), ...sheet.changes);
    for (const [i, g] of groups.entries()) {
      const count = proposals[i].proposals.length;
      print(
        count === 0
          ? t.nothingFound(g.candidate)
          : t.proposed(
              g.candidate,
              count,
              g.files.map((f) => path.basename(f))
            )
      );
    }
    if (!command.apply) print(t.sheetWritten(sheet.rows));
  } else {
    let chosen = chosenRows(readProposalRows(snapshot, request));
    if (command.candidate !== undefined) {
      const key = nameKey(command.candidate);
      chosen = chosen.filter((c) => nameKey(c.candidate) === key);
    }
    if (chosen.length === 0) {
      print(t.noneMarked);
      return { proposals: [], written: false };
    }
    proposals = chosen;
    applied = planApplyProposals(snapshot, request, chosen);
    changes.push(...applied.changes);
  }

  const edited = reading(command.input, () => applyToPackage(pkg, changes));
  const json =
    command.json === undefined
      ? undefined
      : JSON.stringify(
          {
            proposals,
            ...(applied
              ? {
                  outcomes: applied.outcomes.map((o) => ({
                    candidate: o.candidate,
                    kind: o.proposal.kind,
                    applied: o.applied,
                    status: o.status,
                  })),
                }
              : {}),
          },
          null,
          2
        );
  await writePackageAndJson(edited.parts, out, jsonFile, json);

  if (command.json === "-" && json !== undefined) io.out(json);
  if (applied) {
    const total = applied.outcomes.length;
    print(t.applied(applied.applied, total, applied.periodRows, applied.cells));
    for (const o of applied.outcomes)
      if (o.status !== cvIntakeTexts.status.applied)
        print(t.notApplied(o.candidate, what(o.proposal), o.status));
    if (applied.applied > 0) print(`${t.rerun} ${out}`);
  }
  if (macros) print(packageTexts.macrosKept(out));
  print(cliTexts.written(out));
  if (jsonFile !== undefined) print(cliTexts.jsonWritten(jsonFile));
  return { proposals, ...(applied ? { applied } : {}), written: true };
}

/** Runs `read` with the package problems of `file` as the user's (Dutch, exit 2). */
function reading<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw asFileError(file, error);
  }
}

/** The proposals `--overnemen` with CVs takes at once: those that need no own tick (needsOwnTick). */
function statedOutright(proposals: CandidateProposals[]): CandidateProposals[] {
  return proposals
    .map((g) => ({ ...g, proposals: g.proposals.filter((p) => !needsOwnTick(p)) }))
    .filter((g) => g.proposals.length > 0);
}
