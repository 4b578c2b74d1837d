/**
 * The report of `npm run bench`: the figures come from the last JSON line of each
 * bench, the Markdown shows them (or the raw figures when a bench's shape is new),
 * a failed bench says so, and the README's Performance section takes the tables.
 */
import { lastJson, markdown, table, withResults } from "../../bench/run-all";

describe("the bench report", () => {
  test("takes the last JSON object line, past progress and lines that only look like JSON", () => {
    expect(lastJson('start\n{"a":1}\n12 ms\n{"b":2}\n{not json}\n')).toEqual({ b: 2 });
    expect(lastJson("no figures\n[1,2]\n")).toBeUndefined();
  });

  test("a Markdown table right-aligns every column but the first", () => {
    expect(table(["n", "ms"], [["1,000", "2.5"]])).toBe(
      "| n | ms |\n| --- | ---: |\n| 1,000 | 2.5 |"
    );
  });

  test("each bench gets its table, a failed one its reason, an unknown shape its raw figures", () => {
    const md = markdown({
      date: "2026-12-03T19:00:00.000Z",
      node: "v20",
      cpu: { model: "CPU", count: 2 },
      benches: {
        engine: {
          title: "Engine",
          ok: true,
          seconds: 1,
          exitCode: 0,
          result: {
            target: { rankRatioMax: 3, at: 100000 },
            met: false,
            sizes: [
              {
                candidates: 100000,
                eligible: 84641,
                plainSortMs: 76.5,
                rankMs: 250,
                rankRatio: 3.27,
                evaluateMs: 1980,
                evaluateRatio: 25.9,
              },
            ],
          },
        },
        native: {
          title: "Native",
          ok: false,
          seconds: 2,
          exitCode: 1,
          error: "exit code 1: no soffice\nmore",
        },
        newer: { title: "Newer", ok: true, seconds: 1, exitCode: 0, result: { a: { b: 1.23456 } } },
      },
    });
    expect(md).toContain("2026-12-03 · Node v20 · 2 × CPU");
    expect(md).toContain("| 100,000 | 84,641 | 76.5 | 250 | 3.27× | 1,980 | 25.9× |");
    expect(md).toContain("Target: rankCandidates ≤ 3× the plain sort at 100,000: not met.");
    expect(md).toContain("### Native\n\n**Failed:** exit code 1: no soffice");
    expect(md).not.toContain("more");
    expect(md).toContain("| a.b | 1.235 |");
  });

  test("the office table states the sync target the bench reports, and 4 up to 10,000 when it reports none", () => {
    const office = (target: Record<string, number>) =>
      markdown({
        date: "2026-12-05T19:00:00.000Z",
        node: "v20",
        cpu: { model: "CPU", count: 2 },
        benches: {
          office: {
            title: "Office",
            ok: true,
            seconds: 1,
            exitCode: 0,
            result: {
              syncs: { 10000: 5 },
              secondSyncs: { 10000: 5 },
              requestBytesMax: { 10000: 4_065_689 },
              responseBytesMax: { 10000: 2_451_004 },
              refusedResponses: { 10000: 0 },
              ...target,
              met: true,
            },
          },
        },
      });
    const reported = office({ maxSyncs: 5, syncTargetUpTo: 20_000 });
    expect(reported).toContain("| 10,000 | 5 | 5 | 4.07 MB | 2.45 MB | 0 |");
    expect(reported).toContain("at most 5 syncs up to 20,000 candidates in both scorings");
    expect(office({})).toContain("at most 4 syncs up to 10,000 candidates in both scorings");
  });

  test("the functions table sets both designs side by side per size, with the ratio and each target's verdict", () => {
    const functions = (result: Record<string, unknown>) =>
      markdown({
        date: "2026-12-05T23:00:00.000Z",
        node: "v20",
        cpu: { model: "CPU", count: 2 },
        benches: { functions: { title: "Functions", ok: true, seconds: 1, exitCode: 0, result } },
      });
    const recalc = {
      old: { "1000": { cells: 6_007_046, ms: 130 }, "10000": { cells: 600_070_046, ms: 12_000 } },
      new: { "1000": { cells: 3_047, ms: 2 }, "10000": { cells: 30_047, ms: 8 } },
    };
    const targets = {
      cellsPerRow: { max: 4, measured: 3, met: true },
      ms: { max: 500, rows: 10_000, measured: 8, met: false },
    };
    const md = functions({
      bench: "functions",
      recalc,
      targets,
      extrapolated: { old: { "1000": false, "10000": true } },
    });
    expect(md).toContain("| 1,000 | 6,007,046 | 3,047 | 1,971.46× | 130 | 2 | 65× |");
    expect(md).toContain(
      "| 10,000 | 600,070,046 | 30,047 | 19,971.05× | 12,000 (extrapolated) | 8 | 1,500× |"
    );
    expect(md).toContain(
      "new cells ≤ 4·N + constant (3 per added row): PASS; new ≤ 500 ms at 10,000 rows: FAIL."
    );
    // The shape before issue 16 (no recalc) falls back to the raw figures.
    expect(functions({ results: { "1000": { rank: { fresh: { totalMs: 4.3 } } } } })).toContain(
      "| results.1000.rank.fresh.totalMs | 4.3 |"
    );
  });

  test("the README's text between the bench markers is replaced, and nothing else", () => {
    const readme =
      "# R\n\n## Performance\n\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\n## Next\n";
    const md = "## Benchmark results\n\n2026-12-03 · Node v20\n\n### Engine\n\n| a |\n";
    expect(withResults(readme, md)).toBe(
      "# R\n\n## Performance\n\n<!-- bench:start -->\n2026-12-03 · Node v20\n\n### Engine\n\n| a |\n<!-- bench:end -->\n\n## Next\n"
    );
    expect(withResults("# R without markers\n", md)).toBe("# R without markers\n");
  });
});
