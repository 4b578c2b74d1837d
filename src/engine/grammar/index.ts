/**
 * The grammar of the `Aanvraag` sheet's criteria tables: its words (words.ts) and
 * the one parser of a table (criteriaTable.ts). See the README, "Een aanvraag toevoegen".
 */
export {
  awardColumns,
  columnHeaders,
  headerColumn,
  isCriterionId,
  knockoutColumns,
  leadingId,
  requestWords,
  ruleWords,
  scoringWords,
  valueKindWords,
  word,
  type AwardColumn,
  type CriteriaColumn,
  type CriteriaTableKind,
  type KnockoutColumn,
} from "./words";
export {
  isHeaderRow,
  parseAwardTable,
  parseKnockoutTable,
  readSteps,
  requiredColumns,
  tableColumns,
  type CriteriaProblem,
  type CriteriaProblemCode,
  type CriteriaTable,
} from "./criteriaTable";
