/**
 * The `barChart` change in a workbook package: a clustered bar chart (a chart part), placed
 * on its sheet by a drawing part, as src/office/apply.ts draws it in Excel: one bar per
 * category, the first place on top (the category axis reversed), no legend, every bar in
 * `colour` and the first `highlightFirst` in `highlight`. A sheet without a drawing gets
 * one (its `<drawing>` child, relationship and content type); a sheet that has one gets
 * the chart as one more anchor in it. A sheet emptied by `resetSheet` loses both again.
 */
import type { BarChart } from "../../workbook/changes";
import { cellAddress, parseCell, parseRange } from "../../workbook/address";
import { type PackageEditor } from "./editor";
import { prefixOf, rootElement } from "./markup";
import { relationshipsOf } from "./parts";
import { findSheet, relationshipAttribute, sheetEditOf } from "./sheets";

/** The namespaces of the parts a chart is made of, Transitional or Strict. */
function namespaces(strict: boolean) {
  return strict
    ? {
        a: "http://purl.oclc.org/ooxml/drawingml/main",
        c: "http://purl.oclc.org/ooxml/drawingml/chart",
        xdr: "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
        r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
      }
    : {
        a: "http://schemas.openxmlformats.org/drawingml/2006/main",
        c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
        xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
        r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      };
}

const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/**
 * The chart's size in cells of the default width and height: Excel's default chart,
 * 480 × 288 pixels, is 7.5 columns of 64 and 14.4 rows of 20 pixels.
 */
const SPAN = { columns: 8, rows: 15 };

/** A text for DrawingML: only XML's own characters escaped (no `_xHHHH_` there). */
function text(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** `'Ranking'!$B$5:$B$20`: a range of `sheet` as a chart's series formula names it. */
function seriesRange(sheet: string, range: string): string {
  const { top, left, bottom, right } = parseRange(range);
  const absolute = `${cellAddress(top, left)}:${cellAddress(bottom, right)}`.replace(
    /([A-Z]+)(\d+)/g,
    "$$$1$$$2"
  );
  return `'${sheet.replace(/'/g, "''")}'!${absolute}`;
}

/** `RRGGBB` of a `#RRGGBB` colour. */
const rgb = (colour: string) => colour.replace(/^#/, "").toUpperCase();

/** The chart part's XML. */
function chartXml(change: BarChart, sheet: string, strict: boolean): string {
  const ns = namespaces(strict);
  const fill = (colour: string) =>
    `<c:spPr><a:solidFill><a:srgbClr val="${rgb(colour)}"/></a:solidFill></c:spPr>`;
  const { top, bottom } = parseRange(change.values);
  const highlighted = Math.max(0, Math.min(change.highlightFirst, bottom - top + 1));
  const points = Array.from(
    { length: highlighted },
    (_, i) =>
      `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(change.highlight)}</c:dPt>`
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${text(change.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/>${fill(change.colour)}<c:invertIfNegative val="0"/>${points}` +
    `<c:cat><c:strRef><c:f>${text(seriesRange(sheet, change.categories))}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${text(seriesRange(sheet, change.values))}</c:f></c:numRef></c:val>` +
    `</c:ser>` +
    `<c:gapWidth val="150"/><c:axId val="1"/><c:axId val="2"/>` +
    `</c:barChart>` +
    // Bars are drawn bottom-up; the category axis reversed puts the first place on top.
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="2"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="1"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/** One anchor of a drawing: the chart `rid` of the drawing, from `anchor` over {@link SPAN}. */
function anchorXml(x: string, id: number, rid: string, anchor: string, strict: boolean): string {
  const ns = namespaces(strict);
  const { row, column } = parseCell(anchor);
  const at = (c: number, r: number) =>
    `<${x}col>${c}</${x}col><${x}colOff>0</${x}colOff><${x}row>${r}</${x}row><${x}rowOff>0</${x}rowOff>`;
  return (
    `<${x}twoCellAnchor editAs="oneCell">` +
    `<${x}from>${at(column - 1, row - 1)}</${x}from>` +
    `<${x}to>${at(column - 1 + SPAN.columns, row - 1 + SPAN.rows)}</${x}to>` +
    `<${x}graphicFrame macro=""><${x}nvGraphicFramePr><${x}cNvPr id="${id}" name="Grafiek ${id - 1}"/><${x}cNvGraphicFramePr/></${x}nvGraphicFramePr>` +
    `<${x}xfrm><a:off xmlns:a="${ns.a}" x="0" y="0"/><a:ext xmlns:a="${ns.a}" cx="0" cy="0"/></${x}xfrm>` +
    `<a:graphic xmlns:a="${ns.a}"><a:graphicData uri="${ns.c}">` +
    `<c:chart xmlns:c="${ns.c}" xmlns:r="${ns.r}" r:id="${rid}"/>` +
    `</a:graphicData></a:graphic></${x}graphicFrame><${x}clientData/></${x}twoCellAnchor>`
  );
}

/**
 * Adds a bar chart to the sheet `change.sheet`: a chart part, and a drawing part that
 * anchors it at `change.anchor` (the sheet's own drawing when it has one).
 *
 * @example
 * addBarChart(editor, { kind: "barChart", sheet: "Ranking", title: "Score", categories: "B5:B9",
 *   values: "D5:D9", anchor: "J4", colour: "#A6A6A6", highlight: "#2E75B6", highlightFirst: 3 });
 */
export function addBarChart(editor: PackageEditor, change: BarChart): void {
  const edit = sheetEditOf(editor, change.sheet);
  const sheet = findSheet(editor, change.sheet)!.name;
  const folder = editor.workbook.workbook.replace(/[^/]*$/, "");
  const ns = namespaces(editor.strict);
  const relType = (name: "drawing" | "chart") => `${ns.r}/${name}`;

  const chart = editor.freeName(`${folder}charts/chart{n}.xml`);
  editor.setText(chart, chartXml(change, sheet, editor.strict));
  editor.setContentType(chart, CHART_TYPE);

  const own = relationshipsOf(editor.current(), edit.part).find(
    (r) => r.type === "drawing" && r.part && editor.has(r.part)
  )?.part;
  if (own) {
    const xml = editor.text(own)!;
    const root = rootElement(xml);
    const ids = [...xml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*\sid\s*=\s*["'](\d+)["']/g)];
    const id = ids.reduce((max, m) => Math.max(max, Number(m[1])), 1) + 1;
    const rid = editor.addRelationship(own, relType("chart"), chart);
    const anchor = anchorXml(prefixOf(root), id, rid, change.anchor, editor.strict);
    editor.setText(own, xml.slice(0, root.closeStart) + anchor + xml.slice(root.closeStart));
    return;
  }
  const drawing = editor.freeName(`${folder}drawings/drawing{n}.xml`);
  const rid = editor.addRelationship(drawing, relType("chart"), chart);
  editor.setText(
    drawing,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<xdr:wsDr xmlns:xdr="${ns.xdr}">${anchorXml("xdr:", 2, rid, change.anchor, editor.strict)}</xdr:wsDr>`
  );
  editor.setContentType(drawing, DRAWING_TYPE);
  const sheetRid = editor.addRelationship(edit.part, relType("drawing"), drawing);
  edit.setChildren(
    "drawing",
    `<${edit.prefix}drawing ${relationshipAttribute(editor, edit.xml.text, sheetRid)}/>`
  );
}
