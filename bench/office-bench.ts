/**
 * Round trips of "Beoordelen" through Office.js, measured on the fake Excel of
 * test/office/fakeExcel: syncs and the largest request body for 10, 1,000,
 * 10,000 and 50,000 generated candidates. The last line of the output is one
 * JSON object with the figures.
 *
 * Run: npm run bench:office
 */
import { runScore } from "../src/office";
import { installFakeExcel } from "../test/office/fakeExcel";
import { generatedSheet, stateFromSnapshot } from "../test/office/helpers";

const sizes = [10, 1_000, 10_000, 50_000];

async function main(): Promise<void> {
  const syncs: Record<string, number> = {};
  const requestBytesMax: Record<string, number> = {};
  const responseBytesMax: Record<string, number> = {};
  for (const size of sizes) {
    const excel = installFakeExcel(
      stateFromSnapshot({ sheets: [generatedSheet(size)], names: [] })
    );
    const started = Date.now();
    await runScore({ preset: "17040" });
    const stats = excel.last();
    excel.uninstall();
    syncs[size] = stats.syncs;
    requestBytesMax[size] = Math.max(...stats.requestBytes);
    responseBytesMax[size] = Math.max(...stats.responseBytes);
    console.log(
      `${String(size).padStart(6)} kandidaten: ${stats.syncs} syncs, requests ${stats.requestBytes
        .map((b) => `${(b / 1e6).toFixed(2)} MB`)
        .join(" + ")}; largest response ${(responseBytesMax[size] / 1e6).toFixed(2)} MB ` +
        `(${Date.now() - started} ms on the fake)`
    );
  }
  console.log(JSON.stringify({ syncs, requestBytesMax, responseBytesMax }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
