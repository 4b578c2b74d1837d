import {
  WorksheetXml,
  withAttribute,
  childElements,
  rootElement,
} from "../../../src/xlsx/package/markup";
test("a worksheet's children are found, replaced and inserted in schema order with the root's prefix, every other byte kept", () => {
  const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="u"><x:dimension ref="A1"/><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData><x:pageMargins a="b>c"/><!-- <x:fake/> --><x:tableParts count="0"/></x:worksheet>`;
  const s = new WorksheetXml(xml);
  expect(s.children.map((c) => c.name)).toEqual([
    "dimension",
    "sheetData",
    "pageMargins",
    "tableParts",
  ]);
  s.replace("sheetViews", "<x:sheetViews/>");
  s.replace("conditionalFormatting", "<x:conditionalFormatting/>");
  s.replace("cols", "<x:cols/>");
  s.replace("tableParts", "");
  expect(s.toString()).toBe(
    `<?xml version="1.0"?><x:worksheet xmlns:x="u"><x:dimension ref="A1"/><x:sheetViews/><x:cols/><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData><x:conditionalFormatting/><x:pageMargins a="b>c"/><!-- <x:fake/> --></x:worksheet>`
  );
  expect(withAttribute('<a b="1" c="2"/>', "c", null)).toBe('<a b="1"/>');
  expect(withAttribute('<a b="1">', "d", 'x"y')).toBe('<a b="1" d="x&quot;y">');
  const root = rootElement(xml);
  const kids = childElements(xml, root);
  expect(s.prefix).toBe("x:");
  expect(kids[1].closeStart).toBe(xml.indexOf("</x:sheetData>"));
});
