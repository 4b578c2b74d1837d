/**
 * The list sections of the `Aanvraag` sheet: the competencies of step 4 (one
 * column) and the other facts of the request (label and text).
 */
import { readText, type Request } from "../../engine";
import { cellAddress } from "../address";
import {
  columnsNamed,
  findTable,
  headerKey,
  plainRegion,
  regionCell,
  tableRegion,
  type Region,
} from "../regions";
import { cellValue, type SheetSnapshot } from "../snapshot";
import { criteriaHeaders as h, tableNames } from "../texts";
import type { Reader } from "./reader";

/**
 * The competencies: the non-empty cells of the `Competenties` table (or the plain block under `Competentie`).
 *
 * @example
 * readCompetencies(sheet, reader); // ["Samenwerken", …]
 */
export function readCompetencies(sheet: SheetSnapshot, r: Reader): string[] {
  const name = tableNames.competencies;
  const header = h.competency;
  const table = findTable(sheet, name, header);
  let region: Region | null = table ? tableRegion(sheet, table) : null;
  if (!region) {
    for (let row = 1; row <= sheet.values.length && !region; row++) {
      if (headerKey(cellValue(sheet, row, 1)) === headerKey(header))
        region = plainRegion(sheet, row, 1, 1);
    }
  }
  if (!region) return [];
  const index = columnsNamed(region.headers, header)[0] ?? 0;
  r.place("competencyGate.competencies", cellAddress(region.headerRow, region.firstColumn + index));
  const items: string[] = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++) {
    const text = readText(regionCell(region, row, index));
    if (text) items.push(text);
  }
  return items;
}

/**
 * The facts table (label → text); optional, so nothing here is a problem.
 *
 * @example
 * readFacts(sheet)[0]; // { label: "Opdrachtgever", value: "Gemeente …" }
 */
export function readFacts(sheet: SheetSnapshot): Request["facts"] {
  const table = findTable(sheet, tableNames.facts, h.factLabel);
  if (!table) return [];
  const region = tableRegion(sheet, table);
  const label = columnsNamed(region.headers, h.factLabel)[0] ?? 0;
  const value = columnsNamed(region.headers, h.factValue)[0] ?? 1;
  const facts: Request["facts"] = [];
  for (let row = region.firstDataRow; row <= region.lastDataRow; row++) {
    const l = readText(regionCell(region, row, label));
    if (l) facts.push({ label: l, value: readText(regionCell(region, row, value)) });
  }
  return facts;
}
