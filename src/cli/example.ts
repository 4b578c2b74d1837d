/**
 * Building the example workbook (and large generated ones for the bench) through
 * the same template use case the product uses, then typing values into the
 * input cells as an evaluator would.
 */
import type ExcelJS from "exceljs";
import { newWorkbook } from "./exceljs";
import { request17040, type CellValue } from "../engine";
import type { WorkbookChange } from "../workbook/changes";
import { candidateInputColumns, periodColumns } from "../workbook/layout";
import { leadingId } from "../workbook/regions";
import { planTemplate } from "../workbook/template";
import { candidateHeaders, periodHeaders, sheetNames, tableRowTexts } from "../workbook/texts";
import { applyChanges } from "../xlsx";
import { exampleCandidates, examplePeriods, type ExampleRow } from "./exampleData";

/** The field of an example row that fills a candidate column: a fixed header's field, or the criterion id. */
const candidateFields: Record<string, string> = {
  [candidateHeaders.name]: "name",
  [candidateHeaders.supplier]: "supplier",
  [candidateHeaders.rate]: "rate",
  [tableRowTexts.rateHeader]: "rate",
  [candidateHeaders.drawOrder]: "draw",
};

const periodFields: Record<string, string> = {
  [periodHeaders.candidate]: "candidate",
  [periodHeaders.role]: "role",
  [periodHeaders.countsFor]: "countsFor",
  [periodHeaders.from]: "from",
  [periodHeaders.to]: "to",
};

function block(
  headers: string[],
  fixed: Record<string, string>,
  rows: ExampleRow[]
): CellValue[][] {
  const fields = headers.map((h) => fixed[h] ?? leadingId(h) ?? h);
  return rows.map((row) => fields.map((f) => row[f] ?? null));
}

/** A small deterministic random generator (the same workbook every run). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const suppliers = [
  "Flexpool Delft B.V.",
  "Interim Zuid BV",
  "Haaglanden Detachering",
  "Gemeentewerk Interim",
  "ZZP (eigen onderneming)",
];

/** `count` generated candidates (and a period for every tenth), with now and then a Dutch text or a bad value. */
function generated(count: number): { candidates: ExampleRow[]; periods: ExampleRow[] } {
  const next = random(17040);
  const yes = (p = 0.92) => (next() < p ? "Ja" : "Nee");
  const candidates: ExampleRow[] = [];
  const periods: ExampleRow[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `Kandidaat ${String(i).padStart(6, "0")}`;
    const rate = 55 + Math.round(next() * 44) / 2;
    const supplier = suppliers[Math.floor(next() * suppliers.length)];
    candidates.push({
      name,
      supplier,
      rate: next() < 0.1 ? `€ ${rate.toFixed(2).replace(".", ",")}` : rate,
      K1: supplier.startsWith("ZZP") ? "n.v.t." : yes(0.97),
      K2: yes(0.98),
      K3: Math.round(next() * 50) / 10,
      K4: yes(),
      K5: yes(),
      K6: yes(0.95),
      K7: next() < 0.995 ? (next() < 0.9 ? 1_000_000 : 25_000) : "abc",
      E1: 2 + Math.floor(next() * 5),
      E2: yes(0.99),
      E3: 1 + Math.floor(next() * 3),
      G9: Math.round(next() * 150) / 10,
      G10: yes(0.5),
      G11: Math.round(next() * 30) / 10,
    });
    if (i % 10 === 0) {
      periods.push({
        candidate: name,
        role: "Klantmanager inkomen",
        countsFor: "K3, G11",
        from: new Date(Date.UTC(2020 + (i % 4), i % 12, 1)),
        to: null,
      });
    }
  }
  return { candidates, periods };
}

/**
 * The example workbook of request 17040 (`candidates` undefined), or one with that
 * many generated candidates.
 *
 * @example
 * await exampleWorkbook().xlsx.writeFile("examples/aanvraag-17040.xlsx");
 */
export function exampleWorkbook(candidates?: number): ExcelJS.Workbook {
  const data =
    candidates === undefined
      ? { candidates: exampleCandidates, periods: examplePeriods }
      : generated(candidates);
  const workbook = newWorkbook();
  workbook.creator = "AwardScore";
  workbook.created = new Date(Date.UTC(2024, 9, 4));
  workbook.modified = workbook.created;
  const changes: WorkbookChange[] = [
    ...planTemplate(request17040, {
      rows: data.candidates.length,
      periodRows: data.periods.length,
    }),
    {
      kind: "writeValues",
      sheet: sheetNames.candidates,
      at: "A2",
      values: block(
        candidateInputColumns(request17040).map((c) => c.header),
        candidateFields,
        data.candidates
      ),
    },
    {
      kind: "writeValues",
      sheet: sheetNames.periods,
      at: "A2",
      values: block(
        periodColumns.map((c) => c.header),
        periodFields,
        data.periods
      ),
    },
  ];
  applyChanges(workbook, changes);
  return workbook;
}
