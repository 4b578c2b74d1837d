/**
 * The look and texts of sheets in a package (validations, conditional formats, panes,
 * column widths, headers and footers, notes, document properties). A stub: the formats
 * module replaces it.
 */
import type {
  ColumnWidths,
  DataBar,
  DocumentProperties,
  FormulaFormat,
  FreezePanes,
  HeaderFooterTexts,
  ListValidation,
  ValidationTexts,
  WriteNote,
} from "../../workbook/changes";
import type { PackageEditor } from "./editor";

/** The changes this module applies. */
export type FormatChange =
  | ListValidation
  | ValidationTexts
  | FormulaFormat
  | DataBar
  | FreezePanes
  | ColumnWidths
  | HeaderFooterTexts
  | WriteNote
  | DocumentProperties;

/** Applies one format change to a package being edited. */
export function applyFormatChange(editor: PackageEditor, change: FormatChange): void {
  void editor;
  throw new Error(`not yet: ${change.kind}`);
}
