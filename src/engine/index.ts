/**
 * The engine's public API: pure TypeScript that every host (task pane, custom
 * functions, CLI) calls, so all three give identical results.
 */
export * from "./request";
export * from "./evaluation";
export { presetById, presets, request17040 } from "./presets";

export type { ReadResult } from "./result";
export {
  isCellError,
  isEmptyCell,
  parseDutchNumber,
  readCriterionValue,
  readCvRequirements,
  readDate,
  readNumber,
  readText,
  readYesNo,
  type CriterionValue,
  type NumberKind,
} from "./values";
export { floorYears, formatDate, formatEuro, formatNumber, formatYears } from "./format";
export { addYears, calendarYears, dayToIso, excelSerialToIso, isoToDay } from "./dates";
export {
  coveredDays,
  daysForYears,
  mergeSpans,
  reachesYears,
  yearsInWindow,
  yearsOfDays,
  type CoveredDays,
  type DaySpan,
  type Period,
} from "./experience";
export {
  candidateYears,
  historyCriteria,
  historyYears,
  nameKey,
  readWorkHistory,
  type CriterionHistory,
  type HistoryYears,
  type WorkHistory,
} from "./workHistory";
export { contractValue, requiredCover, type ContractValue } from "./contractValue";
export {
  criterionLabel,
  exclusionText,
  failureExcludes,
  isCvRequirement,
  knockoutFailure,
  knockoutPasses,
  type KnockoutContext,
} from "./knockouts";
export { awardPoints, maxScore, totalScore } from "./award";
export { judgeCandidate, type CandidateDraft, type CandidateContext } from "./candidate";
export { rankCandidates, type RankEntry, type RankPlace, type Ranking } from "./ranking";
export {
  byDraw,
  byRate,
  byScore,
  byStanding,
  drawSettles,
  sameStanding,
  type Standing,
} from "./tieBreak";
export { reasonLine, type ReasonInput } from "./reason";
export { evaluate } from "./evaluate";
export { ENGINE_VERSION } from "./version";
export {
  competencyVerdict,
  repeatStep3,
  type CompetencyJudgements,
  type CompetencyOutcome,
  type CompetencyProblem,
  type CompetencyVerdict,
} from "./competencies";
export { validateRequest, type RequestProblem } from "./validateRequest";
export {
  candidateMessages,
  competencyMessages,
  cvRequirementText,
  cvRequirementWords,
  describeCell,
  joinList,
  joinNames,
  joinCounted,
  NAMES_SHOWN,
  periodMessages,
  reasonText,
  requestLabels,
  requestMessages,
  valueMessages,
} from "./messages";
// The Aanvraag sheet's criteria tables: one grammar for FLEX and the workbook (issue 19).
export * from "./grammar";
export * from "./cvProposals";
