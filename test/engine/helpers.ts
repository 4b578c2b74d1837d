/** Builders for 17040 candidate rows: a passing row, changed only where a test says so. */
import type { CandidateInput, CellValue, PeriodInput } from "../../src/engine";

/** The values of a candidate who passes every knock-out and scores 100. */
export const passingValues: Record<string, CellValue> = {
  K1: "Ja",
  K2: "Ja",
  K3: 5,
  K4: "Ja",
  K5: "Ja",
  K6: "Ja",
  K7: "€ 1.000.000",
  G9: 12,
  G10: "Ja",
  G11: 2,
};

let nextRow = 2;

/** A candidate row; `values` override the passing values (undefined deletes a key). */
export function row(
  fields: Partial<Omit<CandidateInput, "values">> & {
    values?: Record<string, CellValue | undefined>;
  } = {}
): CandidateInput {
  const values: Record<string, CellValue> = { ...passingValues };
  for (const [key, value] of Object.entries(fields.values ?? {})) {
    if (value === undefined) delete values[key];
    else values[key] = value;
  }
  const r = fields.row ?? nextRow++;
  return {
    row: r,
    name: fields.name ?? `Kandidaat ${r}`,
    supplier: fields.supplier ?? "Leverancier BV",
    rate: fields.rate ?? 70,
    drawOrder: fields.drawOrder,
    values,
  };
}

/** A work-history row. */
export function period(fields: Partial<PeriodInput> & { candidate: CellValue }): PeriodInput {
  return {
    row: fields.row ?? nextRow++,
    role: "Klantmanager",
    countsFor: "K3",
    from: null,
    to: null,
    ...fields,
  };
}

/** Scores for 17040 built from the award values: G9 (50), G10 (30), G11 (20). */
export function valuesForScore(score: 0 | 20 | 30 | 50 | 70 | 80 | 100): Record<string, CellValue> {
  const combos: Record<number, [boolean, boolean, boolean]> = {
    0: [false, false, false],
    20: [false, false, true],
    30: [false, true, false],
    50: [true, false, false],
    70: [true, false, true],
    80: [true, true, false],
    100: [true, true, true],
  };
  const [a, b, c] = combos[score];
  return { G9: a ? 10 : 9, G10: b ? "Ja" : "Nee", G11: c ? 1 : 0.5 };
}
