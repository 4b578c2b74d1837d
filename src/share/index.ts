/** Sharing with the municipality: the workbook builder (browser-safe) and its texts. */
export {
  buildSharedWorkbook,
  sharedWorkbookBase64,
  sharedWorkbookBytes,
  type ShareOptions,
} from "./build";
export { pendingDraw, scoreReason, topCandidates, topNote } from "./candidates";
export { minimumInvited, step3Layout, step3Rows } from "./step3";
export { step4Layout, type Step4Block, type Step4Layout } from "./step4";
export * from "./texts";
