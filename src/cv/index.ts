/**
 * CV intake: reading CV files into lines (./read) and extracting proposals from them
 * (./extract). The command imports it; the task pane loads it lazily (`await import("../cv")`,
 * its own chunk).
 */
export { readCv, CvReadError, MAX_FILE_MB, type CvReadErrorCode } from "./read";
export {
  proposeFromCvs,
  findRanges,
  completeRange,
  extractTexts,
  periodTexts,
  yesTexts,
} from "./extract";
export type { DateRange, DatePoint } from "./extract";
