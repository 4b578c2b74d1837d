/** The only code that calls Excel.run: reading, applying and the add-in's actions. */
export {
  readSnapshot,
  readWorkbook,
  type OfficeRead,
  type ReadOptions,
  type SheetHead,
} from "./read";
export { applyChanges, MAX_BATCH_BYTES } from "./apply";
export { officeHost, pageHost, type OfficeGlobals, type OfficeHost } from "./host";
export {
  runApplyCvProposals,
  runCheckCvProposals,
  runCleanUp,
  runCvIntake,
  runReadRequest,
  runRecordDraw,
  runScore,
  runSetUp,
  runShare,
  selectCell,
  type CvApplyOutcome,
  type CvCheckOutcome,
  type CvIntakeOutcome,
  type PrivacyOutcome,
  type PrivacyStatus,
  type RequestOutcome,
  type ScoreOutcome,
  type SetUpOutcome,
  type ShareOutcome,
} from "./useCases";
