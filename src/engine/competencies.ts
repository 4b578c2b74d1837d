/**
 * Step 4: the competency interview ("De kandidaten dienen op elke competentie
 * minimaal een voldoende te scoren"). Each assessor's judgement is kept, and at
 * least `minAssessors` are needed; the assessors record one agreed judgement
 * (Eindoordeel) per competency, and that decides: a competency passes when its
 * Eindoordeel is at least `passFrom`. A candidate passes when every competency does.
 * Where the assessors differ by two steps or more, or one judged below `passFrom`
 * while the Eindoordeel passes, the Eindoordeel needs a motivation.
 */
import { competencyMessages as m } from "./messages";
import type { CompetencyGate } from "./request";

/** What was recorded for one competency: each assessor's judgement and the agreed one. */
export interface CompetencyJudgements {
  /** Per assessor, in order; empty ones are not counted. */
  assessors: string[];
  /** The Eindoordeel; empty while not agreed. */
  agreed: string;
}

/** The verdict on one competency. */
export interface CompetencyOutcome {
  competency: string;
  /** null: not decided yet (no Eindoordeel, too few or unknown judgements, and not failing). */
  passed: boolean | null;
  /** The assessors' judgements as read, lower case; null where unknown. */
  judgements: Array<string | null>;
  /** The Eindoordeel as read, lower case; null when empty or unknown. */
  agreed: string | null;
  /** The assessors differ by two steps or more, or one failed it while the Eindoordeel passes. */
  needsMotivation: boolean;
}

/** A problem with one judgement (`assessor` is its 0-based index, `"agreed"` the Eindoordeel) or with a whole competency (`assessor` null). */
export interface CompetencyProblem {
  competency: string;
  assessor: number | "agreed" | null;
  message: string;
}

/** The step-4 verdict on one candidate. */
export interface CompetencyVerdict {
  competencies: CompetencyOutcome[];
  /** true: passes all; false: fails at least one; null: not decided yet. */
  passed: boolean | null;
  /** Every competency has a known Eindoordeel. */
  complete: boolean;
  problems: CompetencyProblem[];
}

/**
 * The verdict of one candidate's interview, from what was recorded per
 * competency (in the gate's order).
 *
 * @example
 * const gate = request17040.competencyGate;
 * const all = (assessors: string[], agreed: string) => gate.competencies.map(() => ({ assessors, agreed }));
 * competencyVerdict(gate, all(["voldoende", "goed"], "goed")).passed; // true
 * competencyVerdict(gate, all(["onvoldoende", "voldoende"], "onvoldoende")).passed; // false
 * competencyVerdict(gate, all(["onvoldoende", "goed"], "voldoende")).competencies[0].needsMotivation; // true
 */
export function competencyVerdict(
  gate: CompetencyGate,
  recorded: CompetencyJudgements[]
): CompetencyVerdict {
  const scale = gate.scale.map(normal);
  const passIndex = scale.indexOf(normal(gate.passFrom));
  const problems: CompetencyProblem[] = [];
  const step = (text: string, competency: string, assessor: number | "agreed") => {
    const index = scale.indexOf(normal(text));
    if (index < 0)
      problems.push({ competency, assessor, message: m.unknownJudgement(text, gate.scale) });
    return index < 0 ? null : index;
  };

  const competencies = gate.competencies.map((competency, c): CompetencyOutcome => {
    const given = recorded[c] ?? { assessors: [], agreed: "" };
    const read = given.assessors
      .map((j, assessor) => ({ text: (j ?? "").trim(), assessor }))
      .filter((j) => j.text !== "")
      .map(({ text, assessor }) => step(text, competency, assessor));
    const known = read.filter((i): i is number => i !== null);
    const agreedText = (given.agreed ?? "").trim();
    const agreed = agreedText === "" ? null : step(agreedText, competency, "agreed");

    if (read.length === 0 && agreedText === "")
      problems.push({ competency, assessor: null, message: m.missing(competency) });
    else if (read.length < gate.minAssessors)
      problems.push({
        competency,
        assessor: null,
        message: m.tooFewAssessors(competency, read.length, gate.minAssessors),
      });
    if (agreedText === "" && read.length > 0)
      problems.push({ competency, assessor: "agreed", message: m.missingAgreed(competency) });

    const agreedPasses = passIndex >= 0 && agreed !== null && agreed >= passIndex;
    let passed: boolean | null;
    if (passIndex >= 0 && agreed !== null && agreed < passIndex) passed = false;
    else if (!agreedPasses || read.length < gate.minAssessors || known.length < read.length)
      passed = null;
    else passed = true;

    const spread = known.length > 0 ? Math.max(...known) - Math.min(...known) : 0;
    const overruled = agreedPasses && known.some((i) => i < passIndex);
    return {
      competency,
      passed,
      judgements: read.map((i) => (i === null ? null : scale[i])),
      agreed: agreed === null ? null : scale[agreed],
      needsMotivation: spread >= 2 || overruled,
    };
  });

  const outcomes = competencies.map((c) => c.passed);
  const passed = outcomes.includes(false) ? false : outcomes.includes(null) ? null : true;
  const complete = competencies.every((c) => c.agreed !== null);
  return { competencies, passed, complete, problems };
}

/**
 * Whether step 3 may be repeated ("Indien geen van de geselecteerde kandidaten
 * op alle competenties minimaal een voldoende scoort"): every invited
 * candidate has a complete Eindoordeel and none passes. An empty list (nobody
 * invited yet) keeps the answer false.
 *
 * @example
 * repeatStep3([{ passed: false, complete: true }, { passed: false, complete: true }]); // true
 * repeatStep3([{ passed: false, complete: true }, { passed: false, complete: false }]); // false
 */
export function repeatStep3(
  verdicts: Array<Pick<CompetencyVerdict, "passed" | "complete">>
): boolean {
  return verdicts.length > 0 && verdicts.every((v) => v.complete && v.passed === false);
}

function normal(text: string): string {
  return text.trim().toLocaleLowerCase("nl-NL");
}
