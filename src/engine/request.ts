/**
 * The request model (README: every request is data in the workbook's `Aanvraag` sheet):
 * everything that decides a verdict is data here, so a new request is a new value of
 * {@link Request}, never new code.
 */

/** An id of a criterion as it leads a column header: `K3`, `G9`, `E1`. */
export type CriterionId = string;

/** A calendar date as `jjjj-mm-dd` (ISO 8601, no time, no zone). */
export type IsoDate = string;

/**
 * What kind of value a criterion's column holds, which decides how a cell is read.
 * - `yesNo`: `Ja`/`Nee` (any case) or Excel TRUE/FALSE.
 * - `yesNoNotApplicable`: as `yesNo`, plus `n.v.t.` (`nvt`, `N.v.t.`).
 * - `years`: a non-negative decimal number of years; may come from the work history.
 * - `count`: a non-negative whole number (pages, references).
 * - `amount`: a non-negative amount in euros (`€ 1.000.000`).
 */
export type ValueKind = "yesNo" | "yesNoNotApplicable" | "years" | "count" | "amount";

/**
 * The test a knock-out (K…) or formal requirement (E…) applies to its value.
 * - `yes`: passes on `Ja`, and on `n.v.t.` when the value kind allows it.
 * - `atLeast` / `atMost`: a number compared with a fixed limit (inclusive).
 * - `coversContractValue`: an insured amount ≥ the contract value (K7).
 * - `maxRate`: the candidate's hourly rate ≤ {@link Request.maxRate} (K8; needs no column).
 */
export type KnockoutRule =
  | { kind: "yes" }
  | { kind: "atLeast"; value: number }
  | { kind: "atMost"; value: number }
  | { kind: "coversContractValue" }
  | { kind: "maxRate" };

/**
 * What failing a formal CV requirement (E…, a "CV-eis") does, as the request decides it:
 * - `exclude` (`uitsluiten`): the candidate is out, as on a knock-out (17040).
 * - `report` (`alleen melden`): the failure is reported, but score and rank are unchanged.
 */
export type CvRequirementPolicy = "exclude" | "report";

/** A knock-out criterion (K…) or a formal CV requirement (E…, see isCvRequirement). */
export interface KnockoutCriterion {
  id: CriterionId;
  /** The column header, id first (`K3 Jaren klantmanager inkomen (laatste 5 jaar)`); null when no column is needed (K8). */
  header: string | null;
  /** The criterion as the request words it, in Dutch. */
  description: string;
  valueKind: ValueKind;
  rule: KnockoutRule;
  /** For `years`: the window, in years back from the peildatum, that the experience must fall in. */
  windowYears?: number;
  /** Formal requirements (E…) are checked only when their column is present. */
  optional: boolean;
}

/**
 * How an award criterion turns its value into points.
 * - `allOrNothing`: all points when the value is `Ja` (yes/no kinds) or ≥ `threshold` (numbers), else 0.
 * - `tiered`: the points of the highest step whose `min` the value reaches (steps need not be sorted), else 0.
 * - `linear`: 0 at or below `min`, all points at or above `max`, linear in between.
 */
export type AwardScoring =
  | { kind: "allOrNothing"; threshold?: number }
  | { kind: "tiered"; steps: Array<{ min: number; points: number }> }
  | { kind: "linear"; min: number; max: number };

/** An award criterion (G…) with its points. */
export interface AwardCriterion {
  id: CriterionId;
  header: string;
  description: string;
  valueKind: ValueKind;
  /** The most points this criterion gives. */
  points: number;
  scoring: AwardScoring;
  windowYears?: number;
}

/** The scale and rule of the step-4 competency interview. */
export interface CompetencyGate {
  competencies: string[];
  /** The judgements from worst to best, e.g. `onvoldoende`, `voldoende`, `goed`. */
  scale: string[];
  /** The lowest judgement that passes, one of {@link scale}. */
  passFrom: string;
  minAssessors: number;
}

/** A request (aanvraag) for one assignment: the settings and criteria that decide every score. */
export interface Request {
  id: string;
  title: string;
  organisation: string;
  /** The date that experience windows end on (17040: the reactietermijn) and that every report prints. */
  referenceDate: IsoDate;
  /** The closing moment as `jjjj-mm-ddTuu:mm` (local Dutch time): the response deadline (reactietermijn). */
  closingMoment: string;
  /**
   * The listing's own closing moment ("Einde inschrijfdatum") as `jjjj-mm-ddTuu:mm`,
   * when the listing shows one: printed under its name, never used to judge.
   */
  listingClosingMoment?: string;
  /** Highest hourly rate excl. VAT (incl. travel and platform fee), in euros. */
  maxRate: number;
  topN: number;
  hoursPerWeek: { min: number; max: number };
  /** Weeks of the base term (3 months = 13 weeks). */
  termWeeks: number;
  /** Optional extensions: how many, each how many weeks. */
  extensions: { count: number; weeks: number };
  /** Whether the contract value for K7 includes the extension options. */
  contractValueIncludesExtensions: boolean;
  /** Platform fee per hour worked, in euros. */
  feePerHour: number;
  /** What failing a CV requirement (E…) does: exclude the candidate, or only report it. */
  cvRequirements: CvRequirementPolicy;
  knockouts: KnockoutCriterion[];
  awards: AwardCriterion[];
  competencyGate: CompetencyGate;
  /** Facts a report may show (label → text), e.g. region, level, VOG. */
  facts: Array<{ label: string; value: string }>;
}
