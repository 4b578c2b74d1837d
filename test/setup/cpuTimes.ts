/**
 * Where the test run's time goes, per test file (`npm run test:cpu`, scripts/test-cpu.mjs): when
 * AWARDSCORE_TEST_CPU names a file, each test file appends to it its CPU seconds (its worker's
 * own, and the programs it started and waited for: LibreOffice, the command, Python), measured
 * from before its imports to after its last test, and its wall seconds; and how much of its own CPU
 * went before its first test (its imports). CPU, not wall: on a
 * shared machine the wall time of one file says more about its neighbours than about it.
 * A no-op otherwise.
 */
import fs from "fs";

/** This process's CPU seconds so far: its own and its waited-for children's (/proc/self/stat). */
function cpuSeconds(): { own: number; children: number } {
  // utime, stime, cutime, cstime: fields 14-17, in clock ticks of 1/100 s
  const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  const tick = (i: number) => Number(fields[i]) / 100;
  return { own: tick(11) + tick(12), children: tick(13) + tick(14) };
}

const out = process.env.AWARDSCORE_TEST_CPU;
if (out && fs.existsSync("/proc/self/stat")) {
  const start = cpuSeconds();
  const began = Date.now();
  /** CPU seconds until its first test: its imports and what its describe blocks do */
  let loaded = 0;
  beforeAll(() => {
    loaded = cpuSeconds().own - start.own;
  });
  afterAll(() => {
    const end = cpuSeconds();
    const own = end.own - start.own;
    const children = end.children - start.children;
    const wall = (Date.now() - began) / 1000;
    const file = expect.getState().testPath ?? "?";
    fs.appendFileSync(
      out,
      `${file}\t${own.toFixed(2)}\t${children.toFixed(2)}\t${wall.toFixed(1)}\t${loaded.toFixed(2)}\n`
    );
  });
}
