/**
 * Preloaded into a measured child (`node --require measure.js …`): at exit it
 * prints the process's own peak memory and run time on stderr, one marked line.
 */
import fs from "fs";

const started = process.hrtime.bigint();
process.on("exit", () => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // maxRSS is in kilobytes.
  fs.writeSync(
    2,
    `\nBENCH ${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`
  );
});
