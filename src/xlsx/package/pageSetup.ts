/**
 * Printing a sheet, edited in place: paper, orientation and fit in `<pageSetup>` (its other
 * attributes, such as the printer settings' `r:id`, kept), `fitToPage` in
 * `<sheetPr><pageSetUpPr>`, and the rows repeated on every page as the sheet-local name
 * `_xlnm.Print_Titles` (ECMA-376 part 1, §18.2.5 and §18.3.1.63).
 */
import type { PageSetup } from "../../workbook/changes";
import { sheetAddress } from "../../workbook/address";
import type { PackageEditor } from "./editor";
import { withAttribute } from "./markup";
import { defineName, findSheet, sheetEditOf } from "./sheets";

/** Paper sizes by name as `paperSize` numbers them (ECMA-376 part 1, §18.3.1.63). */
const PAPER = { A4: 9 } as const;

/** The start tag of an element's text, and what follows it. */
function splitStart(xml: string): [string, string] {
  const end = xml.indexOf(">") + 1;
  return [xml.slice(0, end), xml.slice(end)];
}

/**
 * Applies a {@link PageSetup} change to its sheet.
 *
 * @example
 * applyPageSetup(editor, { kind: "pageSetup", sheet: "Kandidaten", paper: "A4", orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
 */
export function applyPageSetup(editor: PackageEditor, change: PageSetup): void {
  const edit = sheetEditOf(editor, change.sheet);
  const p = edit.prefix;
  const [current] = edit.children("pageSetup");
  let tag = current ? splitStart(current)[0] : `<${p}pageSetup/>`;
  tag = withAttribute(tag, "paperSize", String(PAPER[change.paper]));
  tag = withAttribute(tag, "orientation", change.orientation);
  tag = withAttribute(tag, "fitToWidth", String(change.fitToWidth));
  tag = withAttribute(tag, "fitToHeight", String(change.fitToHeight));
  edit.setChildren("pageSetup", current ? tag + splitStart(current)[1] : tag);
  if (edit.children("pageMargins").length === 0)
    edit.setChildren(
      "pageMargins",
      `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`
    );

  // fitToPage lives in sheetPr, whose last child pageSetUpPr may be there already.
  const [sheetPr] = edit.children("sheetPr");
  const fit = change.fitToWidth > 0 || change.fitToHeight > 0 ? "1" : null;
  if (!sheetPr) {
    if (fit)
      edit.setChildren("sheetPr", `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`);
  } else {
    const inner = /<((?:[\w.-]+:)?)pageSetUpPr\b[^>]*?\/?>/.exec(sheetPr);
    let next: string;
    if (inner) next = sheetPr.replace(inner[0], withAttribute(inner[0], "fitToPage", fit));
    else if (!fit) next = sheetPr;
    else if (sheetPr.endsWith("/>"))
      next = `${sheetPr.slice(0, -2).replace(/\s+$/, "")}><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`;
    else {
      const close = sheetPr.lastIndexOf("</");
      next = `${sheetPr.slice(0, close)}<${p}pageSetUpPr fitToPage="1"/>${sheetPr.slice(close)}`;
    }
    if (next !== sheetPr) edit.setChildren("sheetPr", next);
  }

  if (change.printTitleRows) {
    const entry = findSheet(editor, change.sheet)!;
    const sheetIndex = editor.workbook.sheets.indexOf(entry);
    const { first, last } = change.printTitleRows;
    defineName(editor, "_xlnm.Print_Titles", entry.name, "", {
      sheetIndex,
      formula: sheetAddress(entry.name, `$${first}:$${last}`),
    });
  }
}
