/**
 * The `Top {N}` sheet (named after the request's top N): the top candidates as
 * values — rank, name, supplier, rate, points per award criterion, total, tie
 * and draw notes and the reason.
 */
import type ExcelJS from "exceljs";
import type { CandidateResult, Evaluation } from "../engine";
import { pendingDraw, scoreReason, topNote } from "./candidates";
import {
  printLandscape,
  putRow,
  shareColours,
  shareFormats,
  widths,
  type PlainValue,
} from "./cells";
import { peildatum, topTexts as t } from "./texts";

/** Row of the column headers; the candidates follow. */
export const topHeaderRow = 4;

/**
 * Fills the `Top {N}` sheet.
 *
 * @example
 * writeTop(workbook.addWorksheet(sharedSheetNames.top(10)), evaluation, topCandidates(evaluation));
 */
export function writeTop(
  sheet: ExcelJS.Worksheet,
  evaluation: Evaluation,
  top: CandidateResult[],
  requestReferenceDate?: string
): void {
  const { request } = evaluation;
  putRow(sheet, 1, 1, [t.title(request.id, request.title)], { bold: true });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  putRow(sheet, 2, 1, [
    t.subtitle(
      peildatum(request, requestReferenceDate ?? request.referenceDate),
      request.topN,
      top.length
    ),
  ]);

  const h = t.headers;
  const headers = [
    h.rank,
    h.name,
    h.supplier,
    h.rate,
    ...request.awards.map((a) => t.awardHeader(a.id, a.points)),
    h.total,
    h.note,
    h.reason,
  ];
  putRow(sheet, topHeaderRow, 1, headers, { bold: true, fill: shareColours.header, wrap: true });
  sheet.getRow(topHeaderRow).height = 32;
  const formats: Array<string | null> = headers.map(() => null);
  formats[1] = shareFormats.text;
  formats[2] = shareFormats.text;
  formats[3] = shareFormats.euro;

  top.forEach((c, i) => {
    const values: PlainValue[] = [
      c.rank,
      c.name,
      c.supplier,
      c.rate,
      ...request.awards.map((a) => c.awards.find((o) => o.id === a.id)?.points ?? null),
      c.score,
      topNote(c, top),
      scoreReason(c, request.awards),
    ];
    putRow(sheet, topHeaderRow + 1 + i, 1, values, { formats, wrap: true });
    // Room for a reason of two lines: not every reader grows a row to its wrapped text.
    sheet.getRow(topHeaderRow + 1 + i).height = 30;
  });

  let next = topHeaderRow + 1 + top.length + 1;
  if (top.length === 0) putRow(sheet, next++, 1, [t.empty]);
  const draw = pendingDraw(evaluation);
  if (draw) putRow(sheet, next, 1, [t.drawPending(draw.count, draw.from, draw.to)], { bold: true });

  widths(sheet, [7, 26, 24, 14, ...request.awards.map(() => 9), 8, 30, 90]);
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: topHeaderRow }];
  printLandscape(sheet);
}
