/**
 * Preloaded into a measured child (`node --require measure.js …`): at exit it
 * prints the process's own peak memory, run time and CPU time on stderr, one marked
 * line. CPU time varies less than run time when other work shares the machine.
 */
import fs from "fs";

const started = process.hrtime.bigint();
process.on("exit", () => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = process.resourceUsage();
  // maxRSS is in kilobytes, CPU times in microseconds (all threads: GC helpers included).
  const figures = {
    ms,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMb: usage.maxRSS / 1024,
  };
  fs.writeSync(2, `\nBENCH ${JSON.stringify(figures)}\n`);
});
