/**
 * A progress bar on stderr for long files, only when stderr is a terminal (never
 * in a pipe, a log or a test), so stdout stays clean for `--json -`.
 */
import cliProgress from "cli-progress";
import { cliTexts } from "./texts";

/** Steps of a scoring, for the bar. */
export type Step = "read" | "score" | "apply" | "write";

const steps: Step[] = ["read", "score", "apply", "write"];

/** Reports the step a command is at. */
export interface Progress {
  step(step: Step): void;
  stop(): void;
}

/** Files above this size show a bar: below it the whole run takes about a second. */
export const LONG_FILE_BYTES = 300_000;

/**
 * A bar on `stream` when it is a TTY and the file is long; otherwise a no-op.
 *
 * @example
 * const progress = progressFor(process.stderr, fileSize);
 * progress.step("read");
 */
export function progressFor(
  stream: NodeJS.WriteStream | { isTTY?: boolean },
  fileBytes: number
): Progress {
  if (!stream.isTTY || fileBytes < LONG_FILE_BYTES)
    return { step: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: `${cliTexts.progress} [{bar}] {value}/{total}`,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic
  );
  bar.start(steps.length, 0);
  return {
    step: (step) => bar.update(steps.indexOf(step)),
    stop: () => {
      bar.update(steps.length);
      bar.stop();
    },
  };
}
