/** Entry point of `awardscore` (bin/awardscore.js requires the compiled lib/cli/main.js). */
import { run } from "./run";

run(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  errStream: process.stderr,
}).then((code) => {
  process.exitCode = code;
});
