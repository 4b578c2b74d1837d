/** The only code that calls Excel.run: reading, applying and the add-in's actions. */
export { readSnapshot, readWorkbook, type OfficeRead, type ReadOptions } from "./read";
export { applyChanges, MAX_BATCH_BYTES } from "./apply";
export {
  runReadRequest,
  runRecordDraw,
  runScore,
  runSetUp,
  selectCell,
  type ScoreOutcome,
  type SetUpOutcome,
} from "./useCases";
