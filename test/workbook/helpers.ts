/** Small builders of snapshots for the workbook tests: the host is a plain object here. */
import { request17040, type CellValue } from "../../src/engine";
import { candidateInputColumns, outputHeaders } from "../../src/workbook/layout";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";

/** The input headers of the 17040 template. */
export const headers17040 = candidateInputColumns(request17040).map((c) => c.header);

/** The output headers of Kandidaten, as a user reads them (spelled out: a renamed column fails the tests). */
export const outputHeaders17040 = ["Status", "Knock-out", "Score", "Rang", "Top 10", "Toelichting"];

/** A candidate who passes every knock-out, with 80 points (G9 + G10). */
export const passing: Record<string, CellValue> = {
  Kandidaat: "Ans",
  Leverancier: "Flexpool",
  Uurtarief: 70,
  K1: "Ja",
  K2: "Ja",
  K3: 3,
  K4: "Ja",
  K5: "Ja",
  K6: "Ja",
  K7: 1_000_000,
  E1: 4,
  E2: "Ja",
  E3: 2,
  G9: 12,
  G10: "Ja",
  G11: 0,
  Loting: null,
};

/** A row's cells under the given headers, taking fields by fixed name or leading id. */
export function rowFor(headers: string[], fields: Record<string, CellValue>): CellValue[] {
  return headers.map((h) => {
    if (h in fields) return fields[h];
    const id = h.split(" ")[0];
    return id in fields ? fields[id] : null;
  });
}

/** A sheet from rows, optionally with one table over all of it (headers in row 1). */
export function sheet(name: string, rows: CellValue[][], table?: string): SheetSnapshot {
  const tables: TableSnapshot[] = table
    ? [
        {
          name: table,
          headerRow: 1,
          firstColumn: 1,
          columns: rows[0].map(String),
          rowCount: rows.length - 1,
        },
      ]
    : [];
  return { name, values: rows, tables };
}

/** A `Kandidaten` sheet of candidates (fields by name or id) under the 17040 headers (plus outputs when asked). */
export function candidatesSheet(
  candidates: Array<Record<string, CellValue>>,
  options: { headers?: string[]; table?: boolean; outputs?: boolean } = {}
): SheetSnapshot {
  const headers = [
    ...(options.headers ?? headers17040),
    ...(options.outputs ? outputHeaders(10) : []),
  ];
  return sheet(
    "Kandidaten",
    [headers, ...candidates.map((c) => rowFor(headers, c))],
    options.table === false ? undefined : "Kandidaten"
  );
}

/** A snapshot of the given sheets, no names. */
export function snapshotOf(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets, names: [] };
}
