/**
 * FLEX.WORKYEARS and the years it hands to FLEX.KNOCKOUT and FLEX.AWARDSCORE: the
 * engine's work-history years and verdicts, the bounds one day short and exact.
 */
import fc from "fast-check";
import {
  candidateYears,
  daysForYears,
  dayToIso,
  isoToDay,
  judgeCandidate,
  nameKey,
  readWorkHistory,
  totalScore,
  exclusionText,
  type CellValue,
  type Request,
} from "../../src/engine";
import { awardScore } from "../../src/functions/award";
import { readAwardCriteria, readKnockoutCriteria } from "../../src/functions/criteria";
import { FunctionError } from "../../src/functions/errors";
import { knockout, VERDICT_ONLY } from "../../src/functions/knockout";
import { workYears } from "../../src/functions/workYears";
import { limits17040 as limits, passingKnockouts, thrown } from "./helpers";

const PEILDATUM = "2024-08-26";

/** `Knockoutcriteria[#All]` with K3 at least `k3` years in a window of 5. */
function knockoutTable(k3: number): unknown[][] {
  return [
    ["Id", "Soort waarde", "Toets", "Grens", "Periode (jaren)", "Optioneel"],
    ["K1", "ja/nee/n.v.t.", "ja", "", "", "Nee"],
    ["K2", "ja/nee", "ja", "", "", "Nee"],
    ["K3", "jaren", "minimaal", k3, 5, "Nee"],
    ["K4", "ja/nee", "ja", "", "", "Nee"],
    ["K5", "ja/nee", "ja", "", "", "Nee"],
    ["K6", "ja/nee", "ja", "", "", "Nee"],
    ["K7", "bedrag", "dekt opdrachtwaarde", "", "", "Nee"],
    ["K8", "bedrag", "maximumtarief", "", "", "Nee"],
  ];
}

/** `Gunningscriteria[#All]`: G9 tiered or all-or-nothing, G10 yes/no, G11 linear. */
function awardTable(g9: number, g11: [number, number]): unknown[][] {
  return [
    ["Id", "Soort waarde", "Scoring", "Drempel", "Maximum", "Treden", "Punten", "Periode (jaren)"],
    ["G9", "jaren", "alles-of-niets", g9, "", "", 50, 15],
    ["G10", "ja/nee", "alles-of-niets", "", "", "", 30, ""],
    ["G11", "jaren", "lineair", g11[0], g11[1], "", 20, 10],
  ];
}

const IDS = [["K3", "G9", "G11"]];

/** The engine's verdict of one row: its knock-out text (or null when incomplete) and score. */
function engineVerdict(
  knockouts: unknown[][],
  awards: unknown[][],
  rows: Parameters<typeof readWorkHistory>[1],
  name: string,
  typed: { k3: unknown; g9: unknown; g11: unknown }
): { knockout: string | null; score: number | null } {
  const request: Request = {
    ...VERDICT_ONLY,
    referenceDate: PEILDATUM,
    maxRate: 75,
    hoursPerWeek: { min: 32, max: 32 },
    termWeeks: 13,
    extensions: { count: 2, weeks: 13 },
    contractValueIncludesExtensions: false,
    cvRequirements: "exclude",
    knockouts: readKnockoutCriteria(knockouts),
    awards: readAwardCriteria(awards),
  };
  const [k1, k2, , k4, k5, k6, k7] = passingKnockouts;
  const values = {
    K1: k1,
    K2: k2,
    K3: typed.k3,
    K4: k4,
    K5: k5,
    K6: k6,
    K7: k7,
    G9: typed.g9,
    G10: "Ja",
    G11: typed.g11,
  } as unknown as Record<string, CellValue>;
  const draft = judgeCandidate({ row: 2, name, rate: 70, values }, name, {
    request,
    history: readWorkHistory(request, rows),
    ambiguousName: false,
  });
  const { status, failed } = draft.result;
  if (status === "incomplete") return { knockout: null, score: null };
  if (status === "knockedOut") return { knockout: exclusionText(failed, request), score: null };
  return { knockout: "OK", score: totalScore(draft.result.awards.map((a) => a.points ?? 0)) };
}

/** The same row through the functions, with its row of FLEX.WORKYEARS. */
function functionsVerdict(
  knockouts: unknown[][],
  awards: unknown[][],
  history: unknown[],
  typed: { k3: unknown; g9: unknown; g11: unknown }
): { knockout: string | null; score: number | null } {
  const row = [[...passingKnockouts.slice(0, 2), typed.k3, ...passingKnockouts.slice(3)]];
  const headers = [["K1", "K2", "K3", "K4", "K5", "K6", "K7"]];
  const years = [
    history.map((cell) => (cell instanceof FunctionError ? { code: cell.code } : cell)),
  ];
  let verdict: string;
  try {
    verdict = knockout(row, knockouts, 70, limits, headers, { years, ids: IDS });
  } catch (error) {
    if (error instanceof FunctionError) return { knockout: null, score: null };
    throw error;
  }
  if (verdict !== "OK") return { knockout: verdict, score: null };
  try {
    const score = awardScore([[typed.g9, "Ja", typed.g11]], awards, [["G9", "G10", "G11"]], {
      years,
      ids: IDS,
    });
    return { knockout: "OK", score: score === "" ? null : score };
  } catch (error) {
    if (error instanceof FunctionError) return { knockout: null, score: null };
    throw error;
  }
}

/** Periods as the `Werkervaring` columns hand them. */
function columns(
  rows: Array<{ candidate: string; countsFor: string; from: unknown; to: unknown }>
) {
  return {
    candidates: rows.map((r) => [r.candidate]),
    countsFor: rows.map((r) => [r.countsFor]),
    from: rows.map((r) => [r.from]),
    to: rows.map((r) => [r.to]),
  };
}

const reference = isoToDay(PEILDATUM) as number;
/** The first day of a period that ends on the peildatum and covers `days` days. */
const startFor = (days: number) => dayToIso(reference - days + 1);

describe("FLEX.WORKYEARS", () => {
  test("per name and id: the years of the periods, '' without periods, in the names' order", () => {
    const periods = columns([
      { candidate: "Ans", countsFor: "K3, G9", from: "27-08-2022", to: "" },
      { candidate: "Bo", countsFor: "G11", from: "27-08-2022", to: "26-08-2024" },
    ]);
    const result = workYears(
      IDS,
      [["Bo"], [""], ["ans "]],
      periods,
      "26-08-2024",
      knockoutTable(2),
      awardTable(10, [0, 10])
    );
    expect(result).toEqual([
      ["", "", 2],
      ["", "", ""],
      [2, 2, ""],
    ]);
  });

  test("an unreadable period, a name on two rows, a missing peildatum: an error in that cell only", () => {
    const periods = columns([
      { candidate: "Ans", countsFor: "K3", from: "32-01-2020", to: "" },
      { candidate: "Ans", countsFor: "G9", from: "01-01-2020", to: "" },
      { candidate: "Bo", countsFor: "K3", from: "01-01-2020", to: "" },
    ]);
    const result = workYears(
      IDS,
      [["Ans"], ["Bo"], ["bo"]],
      periods,
      "26-08-2024",
      knockoutTable(2),
      awardTable(10, [0, 10])
    );
    expect(result[0][0]).toBeInstanceOf(FunctionError);
    expect((result[0][0] as FunctionError).message).toContain("Werkervaring, rij 1");
    expect(typeof result[0][1]).toBe("number");
    expect(result[0][2]).toBe("");
    expect((result[1][0] as FunctionError).message).toContain("vaker voorkomt");
    const noDate = workYears(IDS, [["Bo"]], periods, "", knockoutTable(2), awardTable(10, [0, 10]));
    expect(noDate[0][0]).toBeInstanceOf(FunctionError);
    expect(noDate[0][1]).toBe("");
  });

  test("an id that is no criterion in years refuses the call", () => {
    const periods = columns([]);
    expect(
      thrown(() =>
        workYears(
          [["G10"]],
          [["Ans"]],
          periods,
          "26-08-2024",
          knockoutTable(2),
          awardTable(10, [0, 10])
        )
      ).code
    ).toBe("#VALUE!");
  });

  test.each([2, 1.5, 1.3, 0.2, 4.75])(
    "a bound of %d years: its days reach it, one day short does not, on K3 as in the engine",
    (bound) => {
      const needed = daysForYears(reference, bound);
      for (const days of [needed - 1, needed, needed + 1]) {
        const rows = [
          { row: 1, candidate: "Ans", countsFor: "K3, G9, G11", from: startFor(days), to: "" },
        ];
        const history = workYears(
          IDS,
          [["Ans"]],
          columns(rows),
          PEILDATUM,
          knockoutTable(bound),
          awardTable(bound, [bound / 2, bound])
        )[0];
        expect((history[0] as number) >= bound).toBe(days >= needed);
        const typed = { k3: 9, g9: "", g11: "" };
        expect(
          functionsVerdict(
            knockoutTable(bound),
            awardTable(bound, [bound / 2, bound]),
            history,
            typed
          )
        ).toEqual(
          engineVerdict(
            knockoutTable(bound),
            awardTable(bound, [bound / 2, bound]),
            rows,
            "Ans",
            typed
          )
        );
      }
    }
  );

  test("the periods decide over a typed value; an unreadable period makes the row incomplete", () => {
    const knockouts = knockoutTable(2);
    const awards = awardTable(10, [0, 10]);
    const short = [
      {
        row: 1,
        candidate: "Ans",
        countsFor: "K3",
        from: startFor(daysForYears(reference, 2) - 1),
        to: "",
      },
    ];
    const history = workYears(IDS, [["Ans"]], columns(short), PEILDATUM, knockouts, awards)[0];
    const typed = { k3: 4, g9: 12, g11: 5 };
    expect(functionsVerdict(knockouts, awards, history, typed)).toEqual({
      knockout: "K3",
      score: null,
    });
    const bad = [{ row: 1, candidate: "Ans", countsFor: "G9", from: "1-1-2020", to: "31-12-2019" }];
    const unknown = workYears(IDS, [["Ans"]], columns(bad), PEILDATUM, knockouts, awards)[0];
    expect(functionsVerdict(knockouts, awards, unknown, typed)).toEqual({
      knockout: null,
      score: null,
    });
    expect(engineVerdict(knockouts, awards, bad, "Ans", typed)).toEqual({
      knockout: null,
      score: null,
    });
    // The knock-outs pass; the score is the error that names the history.
    const years = [
      unknown.map((cell) => (cell instanceof FunctionError ? { code: cell.code } : cell)),
    ];
    expect(
      thrown(() => awardScore([[12, "Ja", 5]], awards, [["G9", "G10", "G11"]], { years, ids: IDS }))
        .message
    ).toContain("G9: de werkervaring");
  });

  test('the row of years: ids of the other function skipped, "" leaves the typed cell, a CV-eisen of "" reads as left out; lengths must match', () => {
    const knockouts = knockoutTable(2);
    const row = [[...passingKnockouts.slice(0, 2), 1, ...passingKnockouts.slice(3)]];
    const headers = [["K1", "K2", "K3", "K4", "K5", "K6", "K7"]];
    const run = (years: unknown[], cv?: unknown) =>
      knockout(row, knockouts, 70, { ...limits, cvRequirements: cv }, headers, {
        years: [years],
        ids: IDS,
      });
    expect(run(["", 3, ""])).toBe("K3"); // typed 1 year decides; G9's 3 is not FLEX.KNOCKOUT's
    expect(run([2, "", ""])).toBe("OK"); // the periods' 2 years decide over the typed 1
    expect(run([2, "", ""], "")).toBe(run([2, "", ""]));
    expect(thrown(() => run([2, ""])).message).toMatch(/2 jaren werkervaring maar 3 criterium-ids/);
    const unknown = thrown(() => run([{ code: "#VALUE!" }, "", ""]));
    expect(unknown).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("K3: de werkervaring"),
    });
  });

  test("property: the years, the knock-out verdict and the score equal the engine's over random periods", () => {
    const day = fc.integer({ min: reference - 15 * 366, max: reference + 30 });
    const period = fc.record({
      candidate: fc.constantFrom("Ans", "Bo", "Cees"),
      countsFor: fc.constantFrom("K3", "G9", "G11", "K3, G9", "K3 G9 G11", "G9;G11", "K4"),
      from: day,
      length: fc.integer({ min: -3, max: 3000 }),
      open: fc.boolean(),
    });
    const bound = fc.constantFrom(0.5, 1, 1.5, 2, 2.3, 3, 5, 7.25, 10);
    fc.assert(
      fc.property(
        fc.array(period, { maxLength: 8 }),
        bound,
        bound,
        bound,
        (list, k3, g9, g11max) => {
          const rows = list.map((p, i) => ({
            row: i + 1,
            candidate: p.candidate,
            countsFor: p.countsFor,
            from: dayToIso(p.from),
            to: p.open ? "" : dayToIso(p.from + p.length),
          }));
          const knockouts = knockoutTable(k3);
          const awards = awardTable(g9, [g11max / 2, g11max]);
          const names = [["Ans"], ["Bo"], ["Cees"], ["Dirk"]];
          const result = workYears(IDS, names, columns(rows), PEILDATUM, knockouts, awards);
          const request = {
            ...VERDICT_ONLY,
            knockouts: readKnockoutCriteria(knockouts),
            awards: readAwardCriteria(awards),
          } as Request;
          const history = readWorkHistory(request, rows);
          names.forEach(([name], r) => {
            ["K3", "G9", "G11"].forEach((id, c) => {
              const criterion = [...request.knockouts, ...request.awards].find((x) => x.id === id)!;
              const years = candidateYears(history.byName.get(nameKey(name)), criterion, PEILDATUM);
              const cell = result[r][c];
              if (years.kind === "none") expect(cell).toBe("");
              else if (years.kind === "unreadable") expect(cell).toBeInstanceOf(FunctionError);
              else expect(Math.floor((cell as number) * 100 + 1e-9) / 100).toBe(years.years);
            });
            const typed = { k3: 3, g9: 12, g11: 4 };
            expect(functionsVerdict(knockouts, awards, result[r], typed)).toEqual(
              engineVerdict(knockouts, awards, rows, name, typed)
            );
          });
        }
      ),
      { numRuns: 300 }
    );
  });
});
