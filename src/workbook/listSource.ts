/**
 * How a drop-down's items become the list of a data validation, the one rule every host
 * uses (issue 18: the `Aanvraag` is input too, and its scale values reach drop-downs).
 * In the file a list is one formula, `"Ja,Nee"`: the items are separated by commas, so an
 * item cannot hold a comma at all, a `"` is written twice, and Excel refuses a list longer
 * than 255 characters. A list that cannot be written so is never written half-escaped:
 * the caller leaves the drop-down out, or puts the items in cells and refers to those.
 */

/** Excel's limit on the characters of a list typed into a data validation. */
export const LIST_SOURCE_MAX = 255;

/** Why a list cannot be a drop-down's own list. */
export type ListProblem = { kind: "comma"; item: string } | { kind: "tooLong"; length: number };

/** A drop-down's list, ready for each host; or why there is none. */
export type ListSource =
  | {
      ok: true;
      /** The file's `formula1`: the items between quotes, a `"` doubled (`"Ja,""Nee"""`). */
      formula: string;
      /** Office.js's `list.source`, as typed in Excel's dialog: the items joined by commas. */
      source: string;
    }
  | { ok: false; problem: ListProblem };

/**
 * The list of a drop-down with these items, or why it cannot be one.
 *
 * @example
 * listSource(["Ja", "Nee"]); // { ok: true, formula: '"Ja,Nee"', source: "Ja,Nee" }
 * listSource(["goed, maar", "slecht"]); // { ok: false, problem: { kind: "comma", item: "goed, maar" } }
 */
export function listSource(items: string[]): ListSource {
  const withComma = items.find((item) => item.includes(","));
  if (withComma !== undefined) return { ok: false, problem: { kind: "comma", item: withComma } };
  const source = items.join(",");
  const inner = source.replace(/"/g, '""');
  // The stricter of the two lengths: the text as typed, and as the file holds it.
  const length = Math.max(source.length, inner.length);
  if (length > LIST_SOURCE_MAX) return { ok: false, problem: { kind: "tooLong", length } };
  return { ok: true, formula: `"${inner}"`, source };
}
