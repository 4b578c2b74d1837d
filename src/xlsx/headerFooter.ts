/**
 * The header and footer elements of a worksheet (CT_HeaderFooter's text children, in the
 * order the schema requires), all of them text: read by ExcelJS (src/xlsx/read.ts) and by
 * the package reader and writer (src/xlsx/package).
 */
export const HEADER_FOOTER_KINDS = [
  "oddHeader",
  "oddFooter",
  "evenHeader",
  "evenFooter",
  "firstHeader",
  "firstFooter",
] as const;
