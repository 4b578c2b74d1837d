/**
 * The compiled command started once for many files (test/xlsx/foreign.test.ts): it loads
 * lib/cli/run.js (what bin/awardscore.js → lib/cli/main.js runs) and answers each message
 * `{ cwd, args }` with what `awardscore ARGS` run in `cwd` did: its exit code, its stderr,
 * the CPU time (user + system) and wall clock of that run, and the process's peak memory so
 * far. The heap is collected before a run when it holds more than 64 MB (node --expose-gc), so
 * the garbage of one file counts for the next at most that much: a collection costs ≈ 15 ms,
 * a tenth of a typical run, and most runs leave far less (≈ 15 MB after the example).
 * Usage: child_process.fork(this file, [repository root]).
 */
const path = require("path");
const { run } = require(path.join(process.argv[2], "lib/cli/run.js"));
/** Heap bytes above which the heap is collected before a run. */
const GC_ABOVE = 64 * 1024 * 1024;

process.on("message", async ({ cwd, args }) => {
  if (global.gc && process.memoryUsage().heapUsed > GC_ABOVE) global.gc();
  process.chdir(cwd);
  const err = [];
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let exit;
  try {
    exit = await run(args, {
      out: () => {},
      err: (text) => err.push(text),
      errStream: { isTTY: false },
    });
  } catch (error) {
    // What node does with an error nobody caught: its stack on stderr, exit 1.
    exit = 1;
    err.push(String((error && error.stack) || error));
  }
  const used = process.cpuUsage(cpu);
  process.send({
    exit,
    stderr: err.join("\n"),
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds: (used.user + used.system) / 1e6,
    megabytes: process.resourceUsage().maxRSS / 1024,
  });
});
process.send({ ready: true });
