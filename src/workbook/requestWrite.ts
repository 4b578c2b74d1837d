/**
 * Writing a request onto the `Aanvraag` sheet: settings as label/value rows with
 * defined names, the criteria, competencies and facts as tables. Reading it back
 * is requestRead.ts; both follow layout.ts.
 */
import {
  cvRequirementWords,
  type AwardCriterion,
  type CellValue,
  type KnockoutCriterion,
  type Request,
} from "../engine";
import { cellAddress, rangeAddress } from "./address";
import type { WorkbookChange } from "./changes";
import {
  awardColumns,
  knockoutColumns,
  requestSheet,
  requestSheetLayout,
  settingRows,
  type SettingKey,
} from "./layout";
import {
  blankRequestTexts,
  cellWords,
  criteriaHeaders,
  requestSheetTexts,
  sheetNames,
  tableNames,
} from "./texts";

const sheet = sheetNames.request;

/** A date (jjjj-mm-dd, optionally Thh:mm) as the UTC Date that hosts store as an Excel date. */
function excelDate(iso: string): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d, hh, mm] = match;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0)));
}

/** The value of each settings row for a request; empty where a blank request has none (NaN, ""). */
function settingValue(request: Request, key: SettingKey): CellValue {
  const value = presetValue(request, key);
  if (value === "" || (typeof value === "number" && !Number.isFinite(value))) return null;
  return value;
}

function presetValue(request: Request, key: SettingKey): CellValue {
  const gate = request.competencyGate;
  const values: Record<SettingKey, CellValue> = {
    id: request.id,
    title: request.title,
    organisation: request.organisation,
    referenceDate: excelDate(request.referenceDate),
    closingMoment: request.closingMoment ? excelDate(request.closingMoment) : null,
    maxRate: request.maxRate,
    topN: request.topN,
    hoursMin: request.hoursPerWeek.min,
    hoursMax: request.hoursPerWeek.max,
    termWeeks: request.termWeeks,
    extensionCount: request.extensions.count,
    extensionWeeks: request.extensions.weeks,
    includeExtensions: request.contractValueIncludesExtensions ? cellWords.yes : cellWords.no,
    feePerHour: request.feePerHour,
    scale: gate.scale.join("; "),
    passFrom: gate.passFrom,
    minAssessors: gate.minAssessors,
    listingClosingMoment: request.listingClosingMoment
      ? excelDate(request.listingClosingMoment)
      : null,
    cvRequirements: cvRequirementWords[request.cvRequirements],
  };
  return values[key];
}

function knockoutRow(c: KnockoutCriterion): CellValue[] {
  const cells: Record<(typeof knockoutColumns)[number], CellValue> = {
    id: c.id,
    description: c.description,
    header: c.header,
    valueKind: cellWords.valueKind[c.valueKind],
    rule: cellWords.rule[c.rule.kind],
    limit: c.rule.kind === "atLeast" || c.rule.kind === "atMost" ? c.rule.value : null,
    window: c.windowYears ?? null,
    optional: c.optional ? cellWords.yes : cellWords.no,
  };
  return knockoutColumns.map((k) => cells[k]);
}

function awardRow(c: AwardCriterion): CellValue[] {
  const s = c.scoring;
  const cells: Record<(typeof awardColumns)[number], CellValue> = {
    id: c.id,
    description: c.description,
    header: c.header,
    valueKind: cellWords.valueKind[c.valueKind],
    scoring: cellWords.scoring[s.kind],
    threshold:
      s.kind === "allOrNothing" ? (s.threshold ?? null) : s.kind === "linear" ? s.min : null,
    maximum: s.kind === "linear" ? s.max : null,
    steps: s.kind === "tiered" ? s.steps.map((t) => `${t.min}:${t.points}`).join("; ") : null,
    points: c.points,
    window: c.windowYears ?? null,
  };
  return awardColumns.map((k) => cells[k]);
}

/** A titled table block: title row, header row and rows (empty rows to type in when there are none). */
function tableBlock(
  titleRow: number,
  title: string,
  name: string,
  headers: string[],
  rows: CellValue[][],
  emptyRows: number
): WorkbookChange[] {
  const body =
    rows.length > 0 ? rows : Array.from({ length: emptyRows }, () => headers.map(() => null));
  return [
    { kind: "writeValues", sheet, at: cellAddress(titleRow, 1), values: [[title]], bold: true },
    { kind: "writeValues", sheet, at: cellAddress(titleRow + 1, 1), values: [headers, ...body] },
    {
      kind: "createTable",
      sheet,
      name,
      range: rangeAddress(titleRow + 1, 1, titleRow + 1 + body.length, headers.length),
      columns: headers,
    },
  ];
}

/**
 * The changes that write a request onto a new `Aanvraag` sheet.
 *
 * @example
 * requestSheetChanges(request17040).filter((c) => c.kind === "defineName").length; // 17
 */
export function requestSheetChanges(request: Request): WorkbookChange[] {
  const layout = requestSheetLayout(request);
  const labels = requestSheetTexts.labels;
  const notes = requestSheetTexts.notes as Partial<Record<SettingKey, string>>;
  const first = requestSheet.firstSettingRow;
  const changes: WorkbookChange[] = [
    { kind: "createSheet", sheet },
    {
      kind: "writeValues",
      sheet,
      at: "A1",
      values: [
        [
          request.id || request.title
            ? requestSheetTexts.title(request.id, request.title)
            : blankRequestTexts.title,
        ],
      ],
      bold: true,
    },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(requestSheet.headerRow, 1),
      values: [
        [
          requestSheetTexts.settingHeader,
          requestSheetTexts.valueHeader,
          requestSheetTexts.noteHeader,
        ],
      ],
      bold: true,
    },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(first, 1),
      values: settingRows.map((row) => [labels[row.key]]),
      bold: true,
    },
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(first, 3),
      // An empty setting says what to type there (a blank request); a filled one what it does.
      values: settingRows.map((row) => [
        (settingValue(request, row.key) === null ? blankRequestTexts.fillIn[row.key] : undefined) ??
          notes[row.key] ??
          null,
      ]),
    },
  ];
  settingRows.forEach((row, i) => {
    const address = cellAddress(first + i, requestSheet.valueColumn);
    changes.push({
      kind: "writeValues",
      sheet,
      at: address,
      values: [[settingValue(request, row.key)]],
      numberFormats: [row.format ?? null],
    });
    changes.push({ kind: "defineName", name: row.name, sheet, address });
  });
  const yesNo = [cellWords.yes, cellWords.no];
  const settingCell = (key: SettingKey) =>
    cellAddress(first + settingRows.findIndex((r) => r.key === key), requestSheet.valueColumn);
  changes.push(
    { kind: "listValidation", sheet, range: settingCell("includeExtensions"), items: yesNo },
    {
      kind: "listValidation",
      sheet,
      range: settingCell("cvRequirements"),
      items: Object.values(cvRequirementWords),
    }
  );

  const h = criteriaHeaders;
  changes.push(
    ...tableBlock(
      layout.knockouts.titleRow,
      requestSheetTexts.knockoutsTitle,
      tableNames.knockouts,
      knockoutColumns.map((k) => h[k]),
      request.knockouts.map(knockoutRow),
      layout.knockouts.rows
    ),
    ...tableBlock(
      layout.awards.titleRow,
      requestSheetTexts.awardsTitle,
      tableNames.awards,
      awardColumns.map((k) => h[k]),
      request.awards.map(awardRow),
      layout.awards.rows
    ),
    ...tableBlock(
      layout.competencies.titleRow,
      requestSheetTexts.competenciesTitle,
      tableNames.competencies,
      [h.competency],
      request.competencyGate.competencies.map((c) => [c]),
      layout.competencies.rows
    ),
    ...tableBlock(
      layout.facts.titleRow,
      requestSheetTexts.factsTitle,
      tableNames.facts,
      [h.factLabel, h.factValue],
      request.facts.map((f) => [f.label, f.value]),
      layout.facts.rows
    )
  );
  const column = (block: { headerRow: number; rows: number }, index: number) =>
    rangeAddress(block.headerRow + 1, index + 1, block.headerRow + block.rows, index + 1);
  changes.push(
    {
      kind: "listValidation",
      sheet,
      range: column(layout.knockouts, knockoutColumns.indexOf("valueKind")),
      items: Object.values(cellWords.valueKind),
    },
    {
      kind: "listValidation",
      sheet,
      range: column(layout.knockouts, knockoutColumns.indexOf("rule")),
      items: Object.values(cellWords.rule),
    },
    {
      kind: "listValidation",
      sheet,
      range: column(layout.knockouts, knockoutColumns.indexOf("optional")),
      items: yesNo,
    },
    {
      kind: "listValidation",
      sheet,
      range: column(layout.awards, awardColumns.indexOf("valueKind")),
      items: Object.values(cellWords.valueKind),
    },
    {
      kind: "listValidation",
      sheet,
      range: column(layout.awards, awardColumns.indexOf("scoring")),
      items: Object.values(cellWords.scoring),
    },
    {
      kind: "columnWidths",
      sheet,
      widths: [
        { column: 1, width: 28 },
        { column: 2, width: 48 },
        { column: 3, width: 44 },
        { column: 4, width: 13 },
        { column: 5, width: 18 },
        { column: 6, width: 10 },
        { column: 7, width: 14 },
        { column: 8, width: 12 },
        { column: 9, width: 10 },
        { column: 10, width: 14 },
      ],
    }
  );
  return changes;
}
