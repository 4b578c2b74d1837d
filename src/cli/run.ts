/**
 * The command line as a function: arguments in, exit code out. 0 when it did
 * its job (problems with cells included), 2 with a Dutch message on stderr when
 * the input or the command line is unusable (and from `verify` when the workbook
 * differs from its recomputation), 1 for a bug: one Dutch line with the error's message, and
 * its stack trace only with AWARDSCORE_DEBUG=1 in the environment.
 */
import { cliTexts, fileTexts, limitsText } from "./texts";
import fs from "fs";
import path from "path";
import { ENGINE_VERSION } from "../engine";
import { problemLine, WorkbookError } from "../workbook/problems";
import { parseCommand, UsageError } from "./cli";
import type { Io } from "./commands";
import { FileError } from "./errors";
import { terminalText } from "./terminal";

/**
 * The package's version (package.json, two folders up from src/cli and lib/cli); the
 * engine's when package.json cannot be read.
 *
 * @example
 * packageVersion(); // "0.1.0"
 */
export function packageVersion(): string {
  try {
    const file = path.join(__dirname, "..", "..", "package.json");
    const { version } = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown };
    return typeof version === "string" ? version : ENGINE_VERSION;
  } catch {
    return ENGINE_VERSION;
  }
}

/**
 * Runs one command.
 *
 * @example
 * const code = await run(["score", "examples/aanvraag-17040.xlsx"], io); // 0
 */
export async function run(argv: string[], given: Io): Promise<number> {
  // Every line printed may hold a user's text (a name from the workbook): never raw control characters.
  const io: Io = {
    out: (text) => given.out(terminalText(text)),
    err: (text) => given.err(terminalText(text)),
    errStream: given.errStream,
  };
  try {
    const command = parseCommand(argv);
    // The commands (ExcelJS, the package reader and writer) are loaded only for a command that
    // runs: --help, --version and a usage mistake start in 0.1 CPU-s instead of 0.45.
    const commands = () => import("./commands");
    switch (command.kind) {
      case "help":
        io.out(command.topic === undefined ? cliTexts.usage : fileTexts.help[command.topic]);
        // The commands that read a user's workbook say how much they read.
        if (command.topic !== undefined && command.topic !== "template") io.out(`\n${limitsText}`);
        return 0;
      case "version":
        io.out(fileTexts.version(packageVersion()));
        return 0;
      case "template":
        await (await commands()).runTemplate(command, io);
        return 0;
      case "score":
        await (await commands()).runScore(command, io);
        return 0;
      case "example":
        await (await commands()).runExample(command, io);
        return 0;
      case "share":
        await (await commands()).runShare(command, io);
        return 0;
      case "privacy":
        await (await commands()).runPrivacy(command, io);
        return 0;
      case "verify":
        return await (await commands()).runVerify(command, io);
      case "cv": {
        // Loaded only for this command: the CV readers (pdfjs, franc) cost every other start 0.7 s.
        const { runCv } = await import("./cv");
        await runCv(command, io);
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      io.err("");
      io.err(cliTexts.usage);
      return 2;
    }
    if (error instanceof WorkbookError) {
      io.err(error.message);
      for (const problem of error.problems) io.err(`  ${problemLine(problem)}`);
      return 2;
    }
    if (error instanceof FileError) {
      io.err(error.message);
      return 2;
    }
    // Our fault: one line, no stack trace unless asked for (AWARDSCORE_DEBUG=1).
    // (No `instanceof Error`: an error of another realm is one too.)
    const { message, stack } = (typeof error === "object" && error !== null ? error : {}) as {
      message?: unknown;
      stack?: unknown;
    };
    io.err(fileTexts.internalError(typeof message === "string" ? message : String(error)));
    if (process.env.AWARDSCORE_DEBUG === "1" && typeof stack === "string") io.err(stack);
    return 1;
  }
}
