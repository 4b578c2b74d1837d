/**
 * The `Ranking` sheet: the eligible candidates in ranking order with the score
 * per award criterion, the top N marked, tie and draw notes, a data bar and a
 * bar chart of the scores. The sheet is the add-in's own: it is rewritten whole.
 */
import {
  formatNumber,
  NAMES_SHOWN,
  type CandidateResult,
  type CellValue,
  type Evaluation,
} from "../engine";
import { cellAddress, columnLetters, rangeAddress } from "./address";
import type { WorkbookChange } from "./changes";
import { colours, numberFormats } from "./layout";
import { checkOwnSheet } from "./ownSheet";
import type { WorkbookSnapshot } from "./snapshot";
import {
  cellWords,
  rankingTexts,
  referenceDateTexts,
  sheetNames,
  tableNames,
  topHeader,
} from "./texts";

const sheet = sheetNames.ranking;
const headerRow = 4;

/**
 * Refuses to touch a `Ranking` sheet that holds something other than our output.
 *
 * @throws WorkbookError naming the sheet.
 */
export function checkRankingSheet(snapshot: WorkbookSnapshot): void {
  checkOwnSheet(snapshot, sheet, rankingTexts.title("", ""));
}

/** The note on a ranked row: whom it ties with (the first names, `tiedCount` in all), a draw needed or done. */
function note(result: CandidateResult, tiedNames: string[], tiedCount: number): string {
  const parts: string[] = [];
  if (result.tie && tiedCount > 0) parts.push(rankingTexts.tie(tiedNames, tiedCount));
  if (result.needsDraw) parts.push(rankingTexts.draw);
  if (result.drawn) parts.push(rankingTexts.drawn);
  return parts.join("; ");
}

/**
 * The changes that (re)write the `Ranking` sheet from an evaluation. With
 * `requestReferenceDate` (the request's own peildatum, when the scoring used
 * another), the subtitle says the peildatum was overridden.
 *
 * @example
 * rankingChanges(evaluation)[0]; // { kind: "resetSheet", sheet: "Ranking" }
 */
export function rankingChanges(
  evaluation: Evaluation,
  requestReferenceDate?: string
): WorkbookChange[] {
  const { request, summary } = evaluation;
  const byRow = new Map(evaluation.candidates.map((c) => [c.row, c]));
  const ranked = evaluation.ranking
    .map((row) => byRow.get(row))
    .filter((c): c is CandidateResult => !!c);
  const t = rankingTexts.headers;
  const headers = [
    t.rank,
    t.name,
    t.supplier,
    t.rate,
    t.score,
    ...request.awards.map((a) => `${a.id} (${formatNumber(a.points)})`),
    topHeader(request.topN),
    t.note,
  ];
  const changes: WorkbookChange[] = [
    { kind: "resetSheet", sheet },
    {
      kind: "writeValues",
      sheet,
      at: "A1",
      values: [
        [rankingTexts.title(request.id, request.title)],
        [
          rankingTexts.subtitle(
            referenceDateTexts.line(request, requestReferenceDate),
            request.topN,
            summary.eligible,
            summary.received
          ),
        ],
      ],
      bold: true,
    },
  ];
  if (ranked.length === 0) {
    changes.push({
      kind: "writeValues",
      sheet,
      at: cellAddress(headerRow, 1),
      values: [[rankingTexts.empty]],
    });
    return changes;
  }

  // Ties are equal score and equal rate (the engine's rule); here they only become names on a row.
  const tieKey = (c: CandidateResult) => `${c.score}|${c.rate}`;
  // Each group once, and per member only the first few others: a note names a few and counts
  // the rest, so 10,000 tied candidates cost 10,000 short notes, not 10,000² names.
  const tied = new Map<string, CandidateResult[]>();
  for (const c of ranked) {
    if (!c.tie) continue;
    const group = tied.get(tieKey(c));
    if (group) group.push(c);
    else tied.set(tieKey(c), [c]);
  }
  const others = (c: CandidateResult): string[] => {
    const names: string[] = [];
    for (const other of tied.get(tieKey(c)) ?? []) {
      if (names.length > NAMES_SHOWN) break;
      if (other !== c) names.push(other.name);
    }
    return names;
  };
  const rows: CellValue[][] = ranked.map((c) => [
    c.rank,
    c.name,
    c.supplier,
    c.rate,
    c.score,
    ...c.awards.map((a) => a.points),
    c.top ? cellWords.yes : c.needsDraw ? cellWords.draw : cellWords.no,
    note(c, others(c), (tied.get(tieKey(c))?.length ?? 1) - 1),
  ]);
  const first = headerRow + 1;
  const last = headerRow + rows.length;
  const width = headers.length;
  const scoreColumn = 5;
  const topColumn = width - 1;
  const formats: Array<string | null> = headers.map(() => null);
  formats[3] = numberFormats.euro;
  const body = rangeAddress(first, 1, last, width);
  const topCell = `$${columnLetters(topColumn)}${first}`;
  changes.push(
    {
      kind: "writeValues",
      sheet,
      at: cellAddress(headerRow, 1),
      values: [headers, ...rows],
      numberFormats: formats,
    },
    {
      kind: "createTable",
      sheet,
      name: tableNames.ranking,
      range: rangeAddress(headerRow, 1, last, width),
      columns: headers,
    },
    ...topMarks(sheet, body, topCell, rangeAddress(first, scoreColumn, last, scoreColumn)),
    { kind: "freezePanes", sheet, rows: headerRow, columns: 0 },
    {
      kind: "columnWidths",
      sheet,
      widths: headers.map((h, i) => ({
        column: i + 1,
        width: i === 1 || i === 2 ? 26 : i === width - 1 ? 48 : Math.max(9, h.length + 2),
      })),
    },
    {
      kind: "barChart",
      sheet,
      title: rankingTexts.chartTitle,
      categories: rangeAddress(first, 2, last, 2),
      values: rangeAddress(first, scoreColumn, last, scoreColumn),
      anchor: cellAddress(headerRow, width + 2),
      colour: colours.chart,
      highlight: colours.chartTop,
      highlightFirst: summary.top,
    }
  );
  return changes;
}

/**
 * The marks of the top N on a block of rows: one conditional-format rule for `Ja` and one
 * for `Loting`, both reading the `Top N` cell of the row (never a FLEX function), and a
 * data bar on the scores. Used for the `Kandidaten` table and the `Ranking` sheet alike.
 *
 * @example
 * topMarks("Ranking", "A5:H20", "$G5", "D5:D20"); // [formulaFormat, formulaFormat, dataBar]
 */
export function topMarks(
  sheet: string,
  rows: string,
  topCell: string,
  scores: string
): WorkbookChange[] {
  return [
    {
      kind: "formulaFormat",
      sheet,
      range: rows,
      formula: `=${topCell}="${cellWords.yes}"`,
      fill: colours.top,
    },
    {
      kind: "formulaFormat",
      sheet,
      range: rows,
      formula: `=${topCell}="${cellWords.draw}"`,
      fill: colours.draw,
    },
    { kind: "dataBar", sheet, range: scores, colour: colours.bar },
  ];
}
