/**
 * Jest's global teardown, once per run after every test: stops the run's LibreOffice (office.ts),
 * removes the run's temporary folder
 * (runFolder.ts) and names, in one line, the kinds of folder tests left in it, so that a test
 * that does not clean up after itself is seen.
 */
import fs from "fs";
import { stopProductionBuilds } from "../security/productionBuild";
import { stopOffice } from "./office";
import { closeRunFolder } from "./runFolder";

/** Stops the run's LibreOffice; closes the run's temporary folder; warns of what tests left there. */
export default function globalTeardown(): void {
  stopProductionBuilds();
  const office = stopOffice();
  // `npm run test:cpu` (cpuTimes.js): the run's LibreOffice counts as one more row
  const times = process.env.AWARDSCORE_TEST_CPU;
  if (office !== null && times)
    fs.appendFileSync(times, `the run's LibreOffice\t0\t${office}\t0\n`);
  const left = closeRunFolder();
  if (left.length === 0) return;
  const kinds = new Map<string, number>();
  for (const name of left) {
    const kind = name.replace(/[-_.]?[A-Za-z0-9]{6}$/, "");
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const list = [...kinds].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(", ");
  console.warn(
    `\nTests left ${left.length} files or folders in the temporary folder (removed): ${list}`
  );
}
