/** Entry point of `awardscore` (bin/awardscore.js requires the compiled lib/cli/main.js). */
import { fileTexts } from "./texts";
import { run } from "./run";

/**
 * stdout or stderr as a line printer that ends quietly when the reader goes away (`| head`
 * closes the pipe: EPIPE): the rest of that stream's output is dropped and the command
 * finishes as it would. Another error on the stream (a full disk under `> file`) is said on
 * stderr once, and the exit code becomes 2.
 */
function printer(stream: NodeJS.WriteStream, other: () => NodeJS.WriteStream) {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (error.code === "EPIPE") return;
    process.exitCode = 2;
    const fallback = other();
    if (fallback !== stream && !fallback.destroyed)
      fallback.write(`${fileTexts.outputFailed(error.code ?? "?")}\n`);
  });
  return (text: string) => {
    if (!closed) stream.write(`${text}\n`);
  };
}

run(process.argv.slice(2), {
  out: printer(process.stdout, () => process.stderr),
  err: printer(process.stderr, () => process.stdout),
  errStream: process.stderr,
}).then((code) => {
  // A stream that failed may have set 2 already; a command that failed keeps its own code.
  process.exitCode = code !== 0 ? code : (process.exitCode ?? 0);
});
