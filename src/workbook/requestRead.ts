/**
 * Reading the `Aanvraag` sheet back into a request: the entry point. The sheet's
 * sections are read in src/workbook/request/ (settings, criteria through the
 * engine's grammar, competencies and facts).
 */
export { readRequest, type RequestRead } from "./request/read";
