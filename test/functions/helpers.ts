/** The 17040 request as the `Aanvraag` sheet hands it to the FLEX functions: ranges as 2-D arrays. */
import { FunctionError } from "../../src/functions/errors";

/**
 * One row of the award table in the workbook layout's column order: Id, Omschrijving,
 * Kolomkop, Soort waarde, Scoring, Drempel, Maximum, Treden, Punten, Periode (jaren).
 */
export function awardRow(
  id: string,
  scoring: string,
  threshold: unknown,
  points: unknown,
  more: { valueKind?: string; maximum?: unknown; steps?: string; window?: unknown } = {}
): unknown[] {
  const kind = more.valueKind ?? (threshold === "" ? "Ja/Nee" : "Jaren");
  // Issue 19: FLEX checks a criterion as the workbook does; one in years needs its Periode.
  const window = more.window ?? (kind === "Jaren" ? 15 : "");
  return [
    id,
    `criterium ${id}`,
    `${id} …`,
    kind,
    scoring,
    threshold,
    more.maximum ?? "",
    more.steps ?? "",
    points,
    window,
  ];
}

/** `Gunningscriteria` as `Gunningscriteria` passes it: the table body, no header row. */
export const awardCriteria17040 = [
  awardRow("G9", "Alles of niets", 10, 50),
  awardRow("G10", "Alles of niets", "", 30),
  awardRow("G11", "Alles of niets", 1, 20),
];

/** `Knockoutcriteria` with its header row (`Knockoutcriteria[#All]`), columns in another order than the layout's. */
export const knockoutCriteria17040 = [
  ["Id", "Soort waarde", "Toets", "Grens", "Optioneel", "Periode (jaren)"],
  ["K1", "ja/nee/n.v.t.", "ja", "", "Nee", ""],
  ["K2", "ja/nee", "ja", "", "Nee", ""],
  ["K3", "jaren", "minimaal", 2, "Nee", 5],
  ["K4", "ja/nee", "ja", "", "Nee", ""],
  ["K5", "ja/nee", "ja", "", "Nee", ""],
  ["K6", "ja/nee", "ja", "", "Nee", ""],
  ["K7", "bedrag", "dekt opdrachtwaarde", "", "Nee", ""],
  ["K8", "bedrag", "maximumtarief", "", "Nee", ""],
  ["E1", "aantal", "maximaal", 5, "Ja", ""],
  ["E2", "ja/nee", "ja", "", "Ja", ""],
  ["E3", "aantal", "minimaal", 2, "Ja", ""],
];

/** The limits of 17040 (named cells on `Aanvraag`). */
export const limits17040 = {
  maxRate: 75,
  hoursPerWeek: 32,
  termWeeks: 13,
  extensionCount: 2,
  extensionWeeks: 13,
  includeExtensions: "Nee",
};

/** The limits of 17040 as the rows of named cells on `Aanvraag` (name, value), for a sheet in a formula engine. */
export const limitRows17040: Array<[string, string | number]> = [
  ["Maximumtarief", limits17040.maxRate],
  ["UrenPerWeek", limits17040.hoursPerWeek],
  ["LooptijdWeken", limits17040.termWeeks],
  ["Verlengingen", limits17040.extensionCount],
  ["WekenPerVerlenging", limits17040.extensionWeeks],
  ["OptiesTellenMee", limits17040.includeExtensions],
];

/** K1–K7 of a candidate who passes everything. */
export const passingKnockouts = ["Ja", "Ja", 5, "Ja", "Ja", "Ja", "€ 1.000.000"];

/** What an adapter threw, as code and message; fails the test when it did not throw a FunctionError. */
export function thrown(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof FunctionError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a FunctionError, got a result");
}
