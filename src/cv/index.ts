/**
 * CV intake: reading CVs (./read, when present) and extracting proposals (./extract). The
 * task pane loads this module lazily (`await import("../cv")`); the command imports it.
 */
export {
  proposeFromCvs,
  findRanges,
  completeRange,
  extractTexts,
  periodTexts,
  yesTexts,
} from "./extract";
export type { DateRange, DatePoint } from "./extract";
