/**
 * The vocabulary of the `Aanvraag` sheet's criteria tables (`Knockoutcriteria`,
 * `Gunningscriteria`): their columns and the header above each, the words a user
 * types or picks in a cell (the template's drop-down lists), the other words
 * accepted for each, and how a cell becomes a comparable word. The one place these
 * words live: FLEX (src/functions/criteria.ts) and the workbook's reader
 * (src/workbook/request/criteria.ts) both read the tables through criteriaTable.ts,
 * and the template writes them (src/workbook/requestWrite.ts).
 */
import type { CellValue } from "../evaluation";
import type { AwardScoring, KnockoutRule, ValueKind } from "../request";
import { readText } from "../values";

/** The columns of the knock-out table, in the template's order (a range without headers is read so). */
export const knockoutColumns = [
  "id",
  "description",
  "header",
  "valueKind",
  "rule",
  "limit",
  "window",
  "optional",
] as const;

/** The columns of the award table (`Gunningscriteria`), in the template's order. */
export const awardColumns = [
  "id",
  "description",
  "header",
  "valueKind",
  "scoring",
  "threshold",
  "maximum",
  "steps",
  "points",
  "window",
] as const;

/** A column of the knock-out table. */
export type KnockoutColumn = (typeof knockoutColumns)[number];
/** A column of the award table. */
export type AwardColumn = (typeof awardColumns)[number];
/** A column of either criteria table. */
export type CriteriaColumn = KnockoutColumn | AwardColumn;
/** Which criteria table: knock-outs and CV requirements, or award criteria. */
export type CriteriaTableKind = "knockouts" | "awards";

/** The header the template writes above each column. */
export const columnHeaders: Record<CriteriaColumn, string> = {
  id: "Id",
  description: "Omschrijving",
  header: "Kolomkop",
  valueKind: "Soort waarde",
  rule: "Toets",
  limit: "Grens",
  window: "Periode (jaren)",
  optional: "Optioneel",
  scoring: "Scoring",
  threshold: "Drempel",
  maximum: "Maximum",
  steps: "Treden",
  points: "Punten",
};

/**
 * The words a user types or picks in the tables' cells; the template's drop-down
 * lists are exactly these.
 */
export const requestWords = {
  yes: "Ja",
  no: "Nee",
  notApplicable: "n.v.t.",
  valueKind: {
    yesNo: "Ja/Nee",
    yesNoNotApplicable: "Ja/Nee/n.v.t.",
    years: "Jaren",
    count: "Aantal",
    amount: "Bedrag",
  },
  rule: {
    yes: "Ja",
    atLeast: "Minimaal",
    atMost: "Maximaal",
    coversContractValue: "Dekt opdrachtwaarde",
    maxRate: "Maximumtarief",
  },
  scoring: { allOrNothing: "Alles of niets", tiered: "Treden", linear: "Lineair" },
} as const satisfies {
  valueKind: Record<ValueKind, string>;
  rule: Record<KnockoutRule["kind"], string>;
  scoring: Record<AwardScoring["kind"], string>;
} & Record<"yes" | "no" | "notApplicable", string>;

/**
 * A cell as a comparable word: lower-case letters and digits only, accents
 * dropped, so `Ja/Nee/n.v.t.`, `ja nee nvt` and `Soort waarde` / `soortwaarde` compare equal.
 *
 * @example
 * word("Ten minste"); // "tenminste"
 * word("Alles-of-niets"); // "allesofniets"
 */
export function word(value: CellValue): string {
  return readText(value)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]/g, "");
}

/**
 * A lookup from {@link word} to meaning: the Dutch words, the code's own English
 * names (`atLeast`, `yesNo`) and the other words listed in `extra`.
 */
function lookup<T extends string>(
  words: Record<T, string>,
  extra: Record<string, T>
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [key, text] of Object.entries(words) as Array<[T, string]>) {
    map.set(word(text), key);
    map.set(word(key), key);
  }
  for (const [w, key] of Object.entries(extra)) map.set(w, key);
  return map;
}

/** Soort waarde: the kinds, and `jaar`, `euro`. */
export const valueKindWords = lookup<ValueKind>(requestWords.valueKind, {
  jaar: "years",
  euro: "amount",
});

/**
 * Toets: the rules, and the other ways a Dutch request says them (`Ten minste` is
 * `Minimaal`, `Ten hoogste` is `Maximaal`, as a reader of a request takes them).
 */
export const ruleWords = lookup<KnockoutRule["kind"]>(requestWords.rule, {
  yes: "yes",
  min: "atLeast",
  minimum: "atLeast",
  tenminste: "atLeast",
  max: "atMost",
  maximum: "atMost",
  tenhoogste: "atMost",
  opdrachtwaarde: "coversContractValue",
  uurtarief: "maxRate",
});

/** Scoring: the scorings, and `trede`, `staffel`. */
export const scoringWords = lookup<AwardScoring["kind"]>(requestWords.scoring, {
  trede: "tiered",
  staffel: "tiered",
});

/** The other header words each table accepts for a column (as {@link word} leaves them). */
const otherHeaders: Record<CriteriaTableKind, Partial<Record<CriteriaColumn, string[]>>> = {
  knockouts: {
    id: ["criterium", "code"],
    description: ["description"],
    header: ["header"],
    window: ["periode", "window"],
    valueKind: ["waarde", "typewaarde", "valuekind", "soort"],
    rule: ["regel", "rule", "eis"],
    limit: ["limiet", "drempel", "limit"],
    optional: ["optional", "facultatief"],
  },
  awards: {
    id: ["criterium", "code"],
    description: ["description"],
    header: ["header"],
    window: ["periode", "window"],
    scoring: ["soort", "methode", "puntentelling", "soortscoring", "scoringsmethode", "kind"],
    threshold: ["threshold", "minimum", "min", "vanaf"],
    points: ["points", "maximumpunten", "maxpunten"],
    maximum: ["max"],
    valueKind: ["waarde", "typewaarde", "valuekind"],
    steps: ["steps", "staffel"],
  },
};

const headerWords: Record<CriteriaTableKind, ReadonlyMap<string, CriteriaColumn>> = {
  knockouts: headerLookup("knockouts", knockoutColumns),
  awards: headerLookup("awards", awardColumns),
};

function headerLookup(
  kind: CriteriaTableKind,
  columns: readonly CriteriaColumn[]
): ReadonlyMap<string, CriteriaColumn> {
  const map = new Map<string, CriteriaColumn>();
  for (const column of columns) {
    map.set(word(columnHeaders[column]), column);
    map.set(word(column), column);
    for (const other of otherHeaders[kind][column] ?? []) map.set(other, column);
  }
  return map;
}

/**
 * The column a header names in a criteria table, whatever its case, spaces or
 * accents (`Soort waarde`, `soortwaarde`, `Waarde`); undefined for another header.
 *
 * @example
 * headerColumn("awards", "Soort"); // "scoring"
 * headerColumn("knockouts", "Soort"); // "valueKind"
 */
export function headerColumn(
  kind: CriteriaTableKind,
  header: CellValue
): CriteriaColumn | undefined {
  return headerWords[kind].get(word(header));
}

/**
 * The criterion id that leads a column header (`G9 Jaren …` → `G9`), upper case; null when none.
 * Candidate columns are recognised by it.
 *
 * @example
 * leadingId("k3 Jaren klantmanager"); // "K3"
 * leadingId("Kandidaat"); // null
 */
export function leadingId(header: CellValue): string | null {
  const match = /^([A-Za-z]+\d+)(?![\dA-Za-z])/.exec(readText(header));
  return match ? match[1].toUpperCase() : null;
}

/**
 * Whether a text is a criterion id: letters then digits (`K3`, `G10`, `E1`).
 *
 * @example
 * isCriterionId("G9"); // true
 * isCriterionId("9"); // false
 */
export function isCriterionId(text: string): boolean {
  return /^[A-Za-z]+\d+$/.test(text);
}
