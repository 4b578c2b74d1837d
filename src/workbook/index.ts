/** The workbook layer: layout, snapshot and changes, and the use cases that every host runs. */
export * from "./address";
export * from "./changes";
export * from "./snapshot";
export * from "./problems";
export * from "./layout";
export * from "./texts";
export { readRequest, type RequestRead } from "./requestRead";
export { requestSheetChanges } from "./requestWrite";
export {
  readCandidates,
  readPeriods,
  problemCells,
  type CandidateSheet,
  type PeriodSheet,
} from "./inputs";
export { planScore, type ScoreOptions, type ScorePlan } from "./score";
export { planTemplate, type TemplateOptions } from "./template";
export { rankingChanges } from "./rankingSheet";
