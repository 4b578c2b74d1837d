/**
 * Step 4: the competency interview. A competency passes when every assessor
 * judges it at least `passFrom` (one assessor's "onvoldoende" is enough to fail
 * it: the request asks for "minimaal voldoende", not an average), and it needs
 * at least `minAssessors` judgements. A candidate passes when every competency does.
 */
import { competencyMessages as m } from "./messages";
import type { CompetencyGate } from "./request";

/** The verdict on one competency. */
export interface CompetencyOutcome {
  competency: string;
  /** null: not decided yet (too few or unknown judgements, and none failing). */
  passed: boolean | null;
  /** The judgements as read, lower case; null where unknown. */
  judgements: Array<string | null>;
}

/** A problem with one judgement (`assessor` is its 0-based index) or with a whole competency (`assessor` null). */
export interface CompetencyProblem {
  competency: string;
  assessor: number | null;
  message: string;
}

/** The step-4 verdict on one candidate. */
export interface CompetencyVerdict {
  competencies: CompetencyOutcome[];
  /** true: passes all; false: fails at least one; null: not decided yet. */
  passed: boolean | null;
  problems: CompetencyProblem[];
}

/**
 * The verdict of one candidate's interview, from the judgements per competency
 * (in the gate's order) per assessor. Empty judgements are not counted.
 *
 * @example
 * const gate = request17040.competencyGate;
 * competencyVerdict(gate, gate.competencies.map(() => ["voldoende", "goed"])).passed; // true
 * competencyVerdict(gate, gate.competencies.map(() => ["onvoldoende", "goed"])).passed; // false
 */
export function competencyVerdict(gate: CompetencyGate, judgements: string[][]): CompetencyVerdict {
  const scale = gate.scale.map(normal);
  const passIndex = scale.indexOf(normal(gate.passFrom));
  const problems: CompetencyProblem[] = [];

  const competencies = gate.competencies.map((competency, c): CompetencyOutcome => {
    const given = (judgements[c] ?? []).map((j, assessor) => ({
      text: (j ?? "").trim(),
      assessor,
    }));
    const read = given
      .filter((j) => j.text !== "")
      .map(({ text, assessor }) => {
        const index = scale.indexOf(normal(text));
        if (index < 0)
          problems.push({ competency, assessor, message: m.unknownJudgement(text, gate.scale) });
        return index < 0 ? null : index;
      });
    const known = read.filter((i): i is number => i !== null);
    let passed: boolean | null;
    if (passIndex >= 0 && known.some((i) => i < passIndex)) passed = false;
    else if (read.length === 0) {
      problems.push({ competency, assessor: null, message: m.missing(competency) });
      passed = null;
    } else if (read.length < gate.minAssessors) {
      problems.push({
        competency,
        assessor: null,
        message: m.tooFewAssessors(competency, read.length, gate.minAssessors),
      });
      passed = null;
    } else passed = passIndex >= 0 && known.length === read.length ? true : null;
    return { competency, passed, judgements: read.map((i) => (i === null ? null : scale[i])) };
  });

  const outcomes = competencies.map((c) => c.passed);
  const passed = outcomes.includes(false) ? false : outcomes.includes(null) ? null : true;
  return { competencies, passed, problems };
}

/**
 * Whether step 3 may be repeated: every interviewed candidate has a decided
 * verdict and none passes all competencies. An undecided interview keeps the
 * answer false (it may still pass); so does an empty list (nobody interviewed yet).
 *
 * @example
 * repeatStep3([{ passed: false }, { passed: false }]); // true
 * repeatStep3([{ passed: false }, { passed: true }]); // false
 */
export function repeatStep3(verdicts: Array<Pick<CompetencyVerdict, "passed">>): boolean {
  return verdicts.length > 0 && verdicts.every((v) => v.passed === false);
}

function normal(text: string): string {
  return text.trim().toLocaleLowerCase("nl-NL");
}
