/**
 * Where the test run's time goes, per test file (`npm run test:cpu`, scripts/test-cpu.mjs): when
 * AWARDSCORE_TEST_CPU names a file, each test file appends to it its CPU seconds (its worker's
 * own, and the programs it started and waited for: LibreOffice, the command, Python), measured
 * from its environment's set-up (before its imports) to jest's `run_finish` (after its last
 * `afterAll`: what a file stops there, such as the command's lanes of foreign.test.ts, counts
 * for it, not for the next file of its worker); its wall seconds; and how much of its own CPU
 * went before its first test (its imports and describe blocks, up to `run_start`). CPU, not
 * wall: on a shared machine the wall time of one file says more about its neighbours than about
 * it. A no-op otherwise. The test environments (test/nodeEnvironment.js,
 * test/jsdomEnvironment.js) call it.
 */
const fs = require("fs");

/** This process's CPU seconds so far: its own and its waited-for children's (/proc/self/stat). */
function cpuSeconds() {
  // utime, stime, cutime, cstime: fields 14-17, in clock ticks of 1/100 s
  const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  const tick = (i) => Number(fields[i]) / 100;
  return { own: tick(11) + tick(12), children: tick(13) + tick(14) };
}

/**
 * A meter for the test file `testPath`, started now: give it jest-circus's events
 * (`handleTestEvent`); null when the run is not measured.
 */
function cpuMeter(testPath) {
  const out = process.env.AWARDSCORE_TEST_CPU;
  if (!out || !testPath || !fs.existsSync("/proc/self/stat")) return null;
  const start = cpuSeconds();
  const began = Date.now();
  let loaded = 0;
  return {
    event(name) {
      if (name === "run_start") loaded = cpuSeconds().own - start.own;
      if (name !== "run_finish") return;
      const end = cpuSeconds();
      const own = end.own - start.own;
      const children = end.children - start.children;
      const wall = (Date.now() - began) / 1000;
      fs.appendFileSync(
        out,
        `${testPath}\t${own.toFixed(2)}\t${children.toFixed(2)}\t${wall.toFixed(1)}\t${loaded.toFixed(2)}\n`
      );
    },
  };
}

module.exports = { cpuMeter };
