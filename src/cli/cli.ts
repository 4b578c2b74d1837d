/**
 * Parsing the command line into a {@link Command} (util.parseArgs, no extra
 * dependency). Every mistake is a {@link UsageError} with a Dutch message.
 */
import { parseArgs, type ParseArgsConfig } from "util";
import { readDate } from "../engine";
import { referenceDateTexts } from "../workbook/texts";
import { cliTexts, cvCliTexts, fileTexts, shareCliTexts, verifyCliTexts } from "./texts";

/** The commands with a help of their own (`awardscore <command> --help`). */
export type HelpTopic = keyof typeof fileTexts.help;

/** What the user asked for. */
export type Command =
  | { kind: "help"; /** One command's help; the general usage without. */ topic?: HelpTopic }
  | { kind: "version" }
  | {
      kind: "template";
      /** The preset's id; absent: a blank request, for the user to fill in on `Aanvraag`. */
      preset?: string;
      out: string;
      force: boolean;
    }
  | {
      kind: "score";
      input: string;
      preset?: string;
      out?: string;
      json?: string;
      /** --peildatum, as `jjjj-mm-dd`. */
      referenceDate?: string;
      /** --force: replace an existing OUT (set only when given). */
      force?: boolean;
    }
  | { kind: "example"; out: string; candidates?: number }
  | {
      kind: "share";
      input: string;
      out: string;
      preset?: string;
      referenceDate?: string;
      force?: boolean;
    }
  | { kind: "privacy"; input: string; out?: string; preset?: string; force?: boolean }
  | { kind: "verify"; input: string }
  | {
      kind: "cv";
      input: string;
      /** The CV files and folders given (none: apply the marked rows of `Voorstellen`). */
      cvs: string[];
      /** --kandidaat: whose CVs these are; absent: each file's name is a candidate's. */
      candidate?: string;
      out?: string;
      json?: string;
      /** --overnemen: apply (the marked rows, or with CVs all new proposals). */
      apply: boolean;
      preset?: string;
      force?: boolean;
    };

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** util.parseArgs' English errors, said in Dutch. */
function dutchParseError(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return new UsageError(cliTexts.badOption(`'${option}' bestaat niet.`));
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return new UsageError(cliTexts.badOption(`'${option}' heeft een waarde nodig.`));
  }
  return new UsageError(cliTexts.badOption(message));
}

function parse(args: string[], options: NonNullable<ParseArgsConfig["options"]>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw dutchParseError(error);
  }
}

/**
 * The value of --peildatum (`dd-mm-jjjj`, as the reports print dates) as `jjjj-mm-dd`.
 *
 * @throws UsageError when it is not an existing date.
 * @example
 * readReferenceDateOption("26-08-2024"); // "2024-08-26"
 */
export function readReferenceDateOption(value: string): string {
  const read = readDate(value);
  if (!read.ok) throw new UsageError(referenceDateTexts.badReferenceDate(value));
  return read.value;
}

/**
 * The command in `argv` (the arguments after the program name).
 *
 * @throws UsageError on an unknown command or option, or a missing argument.
 * @example
 * parseCommand(["score", "in.xlsx", "--json", "-"]); // { kind: "score", input: "in.xlsx", json: "-" }
 */
export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError(cliTexts.noCommand);
  if (name === "--help" || name === "-h") return { kind: "help" };
  if (name === "--version" || name === "-v") return { kind: "version" };
  if (name === "help") return helpCommand(rest);
  switch (name) {
    case "template": {
      const { values, positionals } = parse(rest, {
        preset: { type: "string" },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      });
      if (values.help) return { kind: "help", topic: "template" };
      if (positionals.length > 0) throw new UsageError(cliTexts.tooManyArguments(positionals));
      if (typeof values.out !== "string" || values.out === "")
        throw new UsageError(cliTexts.outRequired);
      return {
        kind: "template",
        ...(typeof values.preset === "string" ? { preset: values.preset } : {}),
        out: values.out,
        force: values.force === true,
      };
    }
    case "score": {
      const { values, positionals } = parse(rest, {
        preset: { type: "string" },
        out: { type: "string" },
        json: { type: "string" },
        peildatum: { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      });
      if (values.help) return { kind: "help", topic: "score" };
      if (positionals.length === 0) throw new UsageError(cliTexts.inRequired);
      if (positionals.length > 1)
        throw new UsageError(cliTexts.tooManyArguments(positionals.slice(1)));
      const command: Command = { kind: "score", input: positionals[0] };
      if (typeof values.preset === "string") command.preset = values.preset;
      if (typeof values.out === "string") command.out = values.out;
      if (typeof values.json === "string") command.json = values.json;
      if (values.force === true) command.force = true;
      if (typeof values.peildatum === "string")
        command.referenceDate = readReferenceDateOption(values.peildatum);
      return command;
    }
    case "share": {
      const { values, positionals } = parse(rest, {
        preset: { type: "string" },
        out: { type: "string" },
        peildatum: { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      });
      if (values.help) return { kind: "help", topic: "share" };
      if (positionals.length === 0) throw new UsageError(shareCliTexts.shareInRequired);
      if (positionals.length > 1)
        throw new UsageError(cliTexts.tooManyArguments(positionals.slice(1)));
      if (typeof values.out !== "string" || values.out === "")
        throw new UsageError(shareCliTexts.shareOutRequired);
      const command: Command = { kind: "share", input: positionals[0], out: values.out };
      if (typeof values.preset === "string") command.preset = values.preset;
      if (values.force === true) command.force = true;
      if (typeof values.peildatum === "string")
        command.referenceDate = readReferenceDateOption(values.peildatum);
      return command;
    }
    case "opschonen": {
      const { values, positionals } = parse(rest, {
        preset: { type: "string" },
        out: { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      });
      if (values.help) return { kind: "help", topic: "opschonen" };
      if (positionals.length === 0) throw new UsageError(shareCliTexts.privacyInRequired);
      if (positionals.length > 1)
        throw new UsageError(cliTexts.tooManyArguments(positionals.slice(1)));
      const command: Command = { kind: "privacy", input: positionals[0] };
      if (typeof values.out === "string") command.out = values.out;
      if (typeof values.preset === "string") command.preset = values.preset;
      if (values.force === true) command.force = true;
      return command;
    }
    case "verify": {
      const { values, positionals } = parse(rest, { help: { type: "boolean", short: "h" } });
      if (values.help) return { kind: "help", topic: "verify" };
      if (positionals.length === 0) throw new UsageError(verifyCliTexts.inRequired);
      if (positionals.length > 1)
        throw new UsageError(cliTexts.tooManyArguments(positionals.slice(1)));
      return { kind: "verify", input: positionals[0] };
    }
    case "cv": {
      const { values, positionals } = parse(rest, {
        kandidaat: { type: "string" },
        out: { type: "string" },
        json: { type: "string" },
        overnemen: { type: "boolean" },
        preset: { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      });
      if (values.help) return { kind: "help", topic: "cv" };
      if (positionals.length === 0) throw new UsageError(cvCliTexts.inRequired);
      const [input, ...cvs] = positionals;
      const apply = values.overnemen === true;
      if (cvs.length === 0 && !apply) throw new UsageError(cvCliTexts.cvsRequired);
      if (typeof values.kandidaat === "string" && values.kandidaat.trim() === "")
        throw new UsageError(cvCliTexts.emptyCandidate);
      const command: Command = { kind: "cv", input, cvs, apply };
      if (typeof values.kandidaat === "string") command.candidate = values.kandidaat;
      if (typeof values.out === "string") command.out = values.out;
      if (typeof values.json === "string") command.json = values.json;
      if (typeof values.preset === "string") command.preset = values.preset;
      if (values.force === true) command.force = true;
      return command;
    }
    case "example": {
      // Not in the usage text: it regenerates examples/aanvraag-17040.xlsx (and bench workbooks).
      const { values, positionals } = parse(rest, {
        out: { type: "string" },
        candidates: { type: "string" },
      });
      if (positionals.length > 0) throw new UsageError(cliTexts.tooManyArguments(positionals));
      if (typeof values.out !== "string" || values.out === "")
        throw new UsageError(cliTexts.outRequired);
      const command: Command = { kind: "example", out: values.out };
      if (typeof values.candidates === "string") {
        const n = Number(values.candidates);
        if (!Number.isInteger(n) || n < 1)
          throw new UsageError(cliTexts.badOption(`--candidates ${values.candidates}`));
        command.candidates = n;
      }
      return command;
    }
    default:
      throw new UsageError(cliTexts.unknownCommand(name));
  }
}

/**
 * `awardscore help [command]`: the general usage, or that command's help.
 *
 * @throws UsageError for a command that does not exist, or more than one.
 * @example
 * parseCommand(["help", "score"]); // { kind: "help", topic: "score" }
 */
function helpCommand(rest: string[]): Command {
  if (rest.length === 0) return { kind: "help" };
  if (rest.length > 1) throw new UsageError(cliTexts.tooManyArguments(rest.slice(1)));
  const topic = rest[0];
  if (!Object.hasOwn(fileTexts.help, topic)) throw new UsageError(cliTexts.unknownCommand(topic));
  return { kind: "help", topic: topic as HelpTopic };
}
