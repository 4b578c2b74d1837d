/** Properties that must hold for any input, checked with fast-check. */
import fc from "fast-check";
import {
  awardPoints,
  coveredDays,
  evaluate,
  maxScore,
  reachesYears,
  request17040,
  totalScore,
  yearsInWindow,
  type AwardScoring,
  type CandidateInput,
  type CellValue,
  type Evaluation,
} from "../../src/engine";

// Small pools, so that ties, knock-outs and missing values all happen often.
const pick = <T>(common: T[], rare: T[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...common), weight: 25 },
    { arbitrary: fc.constantFrom(...rare), weight: 1 }
  );
const yesNo = pick<CellValue>(["Ja", "ja", true], ["nee", "", "misschien"]);
// K3 counts the last 5 years: more than 5 typed is refused as impossible.
const years = pick<CellValue>([2, 5, 3.5, 0.5, 4], ["1,99", "", -1, 6, { error: "#WAARDE!" }]);
const rowArb = fc.record({
  name: fc.constantFrom("Ans", "Bram", "Cor", "Dirk", "Eva", "Fien", "Gijs", "Hans", ""),
  rate: pick<CellValue>([70, 70, 72.5, "75,00"], ["75,01", "", "abc"]),
  drawOrder: fc.oneof(
    { arbitrary: fc.constant<CellValue>(undefined), weight: 2 },
    { arbitrary: fc.constantFrom<CellValue>(1, 2, 3, 4, "x"), weight: 2 }
  ),
  K1: pick<CellValue>(["Ja", "n.v.t."], ["Nee"]),
  K2: yesNo,
  K3: years,
  K4: yesNo,
  K5: yesNo,
  K6: yesNo,
  K7: pick<CellValue>(["€ 1.000.000", 31_200], [30_000, "", { error: "#N/B" }]),
  // Few distinct scores, so that ties (and ties across place N) are common.
  G9: pick<CellValue>([12, 12, 9.99], ["", -1]),
  G10: pick<CellValue>(["Ja", "Ja", "Nee"], [""]),
  G11: pick<CellValue>([2, 2, 0.5], ["nul"]),
});

const rowsArb = fc.array(rowArb, { maxLength: 14 }).map((rows) =>
  rows.map(({ name, rate, drawOrder, ...values }, i): CandidateInput => ({
    row: i + 2,
    // Mostly distinct names; a number suffix keeps the pool small but unambiguous.
    name: name === "" ? "" : `${name} ${i % 5}`,
    rate,
    drawOrder,
    values,
  }))
);
const topNArb = fc.integer({ min: 1, max: 6 });

const verdicts = (evaluation: Evaluation) =>
  [...evaluation.candidates].sort((a, b) => a.row - b.row);

test("the generated rows cover every status, ties and draws (else the properties prove little)", () => {
  const seen = { eligible: 0, knockedOut: 0, incomplete: 0, tie: 0, needsDraw: 0, drawn: 0 };
  for (const [rows, topN] of fc.sample(fc.tuple(rowsArb, topNArb), { numRuns: 500, seed: 1 })) {
    for (const c of evaluate({ ...request17040, topN }, rows).candidates) {
      seen[c.status]++;
      if (c.tie) seen.tie++;
      if (c.needsDraw) seen.needsDraw++;
      if (c.drawn) seen.drawn++;
    }
  }
  for (const count of Object.values(seen)) expect(count).toBeGreaterThan(10);
});

describe("evaluate", () => {
  test("scores are within [0, the sum of the points]", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        for (const c of evaluate(request17040, rows).candidates) {
          if (c.score !== null) {
            expect(c.score).toBeGreaterThanOrEqual(0);
            expect(c.score).toBeLessThanOrEqual(100);
          }
        }
      })
    );
  });

  test("knocked-out and incomplete candidates are never ranked", () => {
    fc.assert(
      fc.property(rowsArb, topNArb, (rows, topN) => {
        const evaluation = evaluate({ ...request17040, topN }, rows);
        for (const c of evaluation.candidates) {
          if (c.status === "eligible") continue;
          expect([c.rank, c.top, c.needsDraw, c.tie]).toEqual([null, false, false, false]);
          expect(evaluation.ranking).not.toContain(c.row);
        }
        const eligible = evaluation.candidates.filter((c) => c.status === "eligible");
        expect(evaluation.ranking).toHaveLength(eligible.length);
        for (const c of evaluation.candidates.filter((c) => c.status === "incomplete"))
          expect(c.score).toBeNull();
      })
    );
  });

  test("ranks agree with the order: score down, rate up; ranks count who is strictly ahead", () => {
    fc.assert(
      fc.property(rowsArb, topNArb, (rows, topN) => {
        const evaluation = evaluate({ ...request17040, topN }, rows);
        const byRow = new Map(evaluation.candidates.map((c) => [c.row, c]));
        const ordered = evaluation.ranking.map((row) => byRow.get(row)!);
        ordered.forEach((c, i) => {
          const ahead = ordered.filter(
            (o) => o.score! > c.score! || (o.score === c.score && o.rate! < c.rate!)
          );
          if (c.drawn) expect(c.rank).toBe(i + 1);
          else expect(c.rank).toBe(ahead.length + 1);
          if (i > 0) {
            const prev = ordered[i - 1];
            expect(prev.rank!).toBeLessThanOrEqual(c.rank!);
            expect(
              prev.score! > c.score! || (prev.score === c.score && prev.rate! <= c.rate!)
            ).toBe(true);
          }
        });
      })
    );
  });

  test("at equal score a lower rate never ranks lower", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const eligible = evaluate(request17040, rows).candidates.filter(
          (c) => c.status === "eligible"
        );
        for (const a of eligible) {
          for (const b of eligible) {
            if (a.score === b.score && a.rate! < b.rate!) expect(a.rank!).toBeLessThan(b.rank!);
          }
        }
      })
    );
  });

  test("the top holds at most N, and a needed draw means the top is short", () => {
    fc.assert(
      fc.property(rowsArb, topNArb, (rows, topN) => {
        const { candidates, summary } = evaluate({ ...request17040, topN }, rows);
        const top = candidates.filter((c) => c.top);
        expect(top.length).toBeLessThanOrEqual(topN);
        for (const c of top) expect(c.rank!).toBeLessThanOrEqual(topN);
        if (summary.needsDraw > 0) expect(top.length).toBeLessThan(topN);
        for (const c of candidates.filter((c) => c.needsDraw))
          expect(c.tie && !c.top && !c.drawn).toBe(true);
      })
    );
  });

  test("shuffling the rows never changes any verdict", () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))
        ),
        topNArb,
        ([rows, shuffled], topN) => {
          const request = { ...request17040, topN };
          const a = evaluate(request, rows);
          const b = evaluate(request, shuffled);
          expect(verdicts(b)).toEqual(verdicts(a));
          expect(b.ranking).toEqual(a.ranking);
          expect(b.summary).toEqual(a.summary);
          expect(b.problems).toEqual(a.problems);
        }
      )
    );
  });
});

describe("award points", () => {
  const scoringArb: fc.Arbitrary<AwardScoring> = fc.oneof(
    fc.record({
      kind: fc.constant("allOrNothing" as const),
      threshold: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: undefined }),
    }),
    fc.record({
      kind: fc.constant("tiered" as const),
      steps: fc.array(
        fc.record({
          min: fc.double({ min: -5, max: 20, noNaN: true }),
          points: fc.double({ min: -10, max: 200, noNaN: true }),
        })
      ),
    }),
    fc
      .tuple(
        fc.double({ min: -10, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true })
      )
      .map(([min, span]) => ({
        kind: "linear" as const,
        min,
        max: min + span,
      }))
  );
  const valueArb = fc.oneof(
    fc.boolean(),
    fc.constant("n.v.t." as const),
    fc.double({ min: 0, max: 1e6, noNaN: true })
  );

  test("each criterion within [0, its points], the total within [0, the maximum]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1000, noNaN: true }), scoringArb, valueArb), {
          minLength: 1,
          maxLength: 6,
        }),
        (criteria) => {
          const points = criteria.map(([max, scoring, value]) => {
            const p = awardPoints({ points: max, scoring }, value);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(max);
            return p;
          });
          const total = totalScore(points);
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(maxScore(criteria.map(([max]) => ({ points: max }))));
        }
      )
    );
  });
});

describe("experience windows", () => {
  const day = fc.integer({ min: 0, max: 365 * 40 }); // 1990 onwards
  const iso = (n: number) =>
    new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const periodArb = fc
    .tuple(day, fc.option(fc.integer({ min: 0, max: 365 * 12 }), { nil: null }))
    .map(([from, length]) => ({
      from: iso(from),
      to: length === null ? null : iso(from + length),
    }));

  test("years in a window never exceed the window, nor go below 0", () => {
    fc.assert(
      fc.property(
        fc.array(periodArb, { maxLength: 12 }),
        day,
        fc.integer({ min: 1, max: 15 }),
        (periods, ref, window) => {
          const years = yearsInWindow(periods, iso(ref), window);
          expect(years).toBeGreaterThanOrEqual(0);
          expect(years).toBeLessThanOrEqual(window);
        }
      )
    );
  });

  test("one more period never lowers the years; the order of periods does not matter", () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 8 }), periodArb, day, (periods, extra, ref) => {
        const before = yearsInWindow(periods, iso(ref), 5);
        expect(yearsInWindow([...periods, extra], iso(ref), 5)).toBeGreaterThanOrEqual(before);
        expect(yearsInWindow([...periods].reverse(), iso(ref), 5)).toBe(before);
      })
    );
  });

  test("the shown years reach a whole N exactly when the days do (no rounding up)", () => {
    fc.assert(
      fc.property(
        fc.array(periodArb, { maxLength: 8 }),
        day,
        fc.integer({ min: 1, max: 5 }),
        (periods, ref, n) => {
          const covered = coveredDays(periods, iso(ref), 5);
          expect(yearsInWindow(periods, iso(ref), 5) >= n).toBe(reachesYears(covered, n));
        }
      )
    );
  });

  test("a period counted twice counts once", () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 8 }), day, (periods, ref) => {
        expect(yearsInWindow([...periods, ...periods], iso(ref), 5)).toBe(
          yearsInWindow(periods, iso(ref), 5)
        );
      })
    );
  });
});
