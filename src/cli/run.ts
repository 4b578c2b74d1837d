/**
 * The command line as a function: arguments in, exit code out. 0 when it did
 * its job (problems with cells included), 2 with a Dutch message on stderr when
 * the input or the command line is unusable (and from `verify` when the workbook
 * differs from its recomputation), 1 for a bug.
 */
import { problemLine, WorkbookError } from "../workbook/problems";
import { cliTexts } from "../workbook/texts";
import { parseCommand, UsageError } from "./cli";
import {
  runExample,
  runPrivacy,
  runScore,
  runShare,
  runTemplate,
  runVerify,
  type Io,
} from "./commands";
import { FileError } from "./files";
import { terminalText } from "./terminal";

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
    switch (command.kind) {
      case "help":
        io.out(cliTexts.usage);
        return 0;
      case "template":
        await runTemplate(command, io);
        return 0;
      case "score":
        await runScore(command, io);
        return 0;
      case "example":
        await runExample(command, io);
        return 0;
      case "share":
        await runShare(command, io);
        return 0;
      case "privacy":
        await runPrivacy(command, io);
        return 0;
      case "verify":
        return await runVerify(command, io);
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
    io.err(
      cliTexts.internalError(
        error instanceof Error ? (error.stack ?? error.message) : String(error)
      )
    );
    return 1;
  }
}
