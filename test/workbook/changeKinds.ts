/**
 * One example of every kind of {@link WorkbookChange}, for the tests that check that each
 * interpreter (src/office/apply.ts, src/xlsx/apply.ts, src/xlsx/package/apply.ts) handles
 * every kind. The type asks for an example of each kind: a kind added to
 * src/workbook/changes.ts without one here does not compile.
 */
import type { WorkbookChange } from "../../src/workbook/changes";

/** An example per kind of change. */
export type OneOfEach = { [K in WorkbookChange["kind"]]: Extract<WorkbookChange, { kind: K }> };

/**
 * The workbook the examples change: sheet `Blad`, table `Tabel` over A1:B3, a drop-down list
 * on C2:C3 and a note on A2 (the file side rewrites notes, it never adds one; Office writes none).
 */
export const base: WorkbookChange[] = [
  { kind: "createSheet", sheet: "Blad" },
  {
    kind: "writeValues",
    sheet: "Blad",
    at: "A1",
    values: [
      ["Naam", "Score"],
      ["Olga", 7],
      ["Piet", 5],
    ],
  },
  { kind: "createTable", sheet: "Blad", name: "Tabel", range: "A1:B3", columns: ["Naam", "Score"] },
  { kind: "listValidation", sheet: "Blad", range: "C2:C3", items: ["Ja", "Nee"] },
  { kind: "writeNote", sheet: "Blad", at: "A2", text: "Eerste notitie" },
];

/** Each kind once, every one changing something in {@link base}. */
export const oneOfEach: OneOfEach = {
  createSheet: { kind: "createSheet", sheet: "Nieuw" },
  resetSheet: { kind: "resetSheet", sheet: "Blad" },
  writeValues: { kind: "writeValues", sheet: "Blad", at: "D1", values: [["Opmerking"]] },
  writeFormulas: {
    kind: "writeFormulas",
    sheet: "Blad",
    at: "D2",
    formulas: [["=B2*2"]],
    results: [[14]],
  },
  createTable: {
    kind: "createTable",
    sheet: "Blad",
    name: "Tweede",
    range: "F1:G2",
    columns: ["Code", "Uren"],
  },
  addTableColumns: { kind: "addTableColumns", sheet: "Blad", table: "Tabel", columns: ["Extra"] },
  growTable: { kind: "growTable", sheet: "Blad", table: "Tabel", range: "A1:B4", from: 4 },
  defineName: { kind: "defineName", name: "Scores", sheet: "Blad", address: "B2:B3" },
  listValidation: { kind: "listValidation", sheet: "Blad", range: "E2:E3", items: ["Ja", "Nee"] },
  numberFormat: { kind: "numberFormat", sheet: "Blad", range: "B2:B3", format: "0.00" },
  formulaFormat: {
    kind: "formulaFormat",
    sheet: "Blad",
    range: "A2:B3",
    formula: "=$B2>6",
    fill: "#FFEB9C",
  },
  dataBar: { kind: "dataBar", sheet: "Blad", range: "B2:B3", colour: "#5B9BD5" },
  freezePanes: { kind: "freezePanes", sheet: "Blad", rows: 1, columns: 0 },
  columnWidths: { kind: "columnWidths", sheet: "Blad", widths: [{ column: 1, width: 20 }] },
  barChart: {
    kind: "barChart",
    sheet: "Blad",
    title: "Score",
    categories: "A2:A3",
    values: "B2:B3",
    anchor: "J2",
    colour: "#A6A6A6",
    highlight: "#2E75B6",
    highlightFirst: 1,
  },
  writeNote: { kind: "writeNote", sheet: "Blad", at: "A2", text: "Een notitie" },
  headerFooterTexts: { kind: "headerFooterTexts", sheet: "Blad", texts: { oddHeader: "Kop" } },
  validationTexts: {
    kind: "validationTexts",
    sheet: "Blad",
    range: "C2:C3",
    texts: { prompt: "Kies Ja of Nee" },
  },
  documentProperties: { kind: "documentProperties", properties: { title: "Beoordeling" } },
  pageSetup: {
    kind: "pageSetup",
    sheet: "Blad",
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: { first: 1, last: 1 },
  },
};

/** The examples as a table for `test.each`: `[kind, change]`. */
export function examples(of: OneOfEach = oneOfEach): Array<[string, WorkbookChange]> {
  return Object.entries(of);
}

/** A change of a kind no interpreter knows (data from elsewhere, a kind added without its case). */
export const unknownChange = { kind: "paintItBlack", sheet: "Blad" } as unknown as WorkbookChange;
