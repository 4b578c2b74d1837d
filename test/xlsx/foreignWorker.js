/**
 * The compiled command started once for many files (test/xlsx/foreign.test.ts): it loads
 * lib/cli/run.js (what bin/awardscore.js → lib/cli/main.js runs) and answers each message
 * `{ cwd, args }` with what `awardscore ARGS` run in `cwd` did: its exit code, its stderr,
 * the CPU time (user + system) and wall clock of that run, and the process's peak memory so
 * far. The heap is collected before each run (node --expose-gc), so garbage of one file does
 * not count for the next. Usage: child_process.fork(this file, [repository root]).
 */
const path = require("path");
const { run } = require(path.join(process.argv[2], "lib/cli/run.js"));

process.on("message", async ({ cwd, args }) => {
  if (global.gc) global.gc();
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
