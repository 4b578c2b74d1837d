/**
 * A PDF page's text pieces into lines (src/cv/read/layout.ts), on pieces placed by hand as
 * pdfjs gives them (x, baseline y upwards, width, font size in points): rows by baseline,
 * wide gaps split, columns read one after the other, tables and tab stops row by row.
 */
import { pageLines, type TextPiece } from "../../src/cv/read/layout";

/** A piece of 10-point text at (x, y), 5 points a character. */
const at = (x: number, y: number, text: string, size = 10): TextPiece => ({
  text,
  x,
  y,
  width: text.length * size * 0.5,
  size,
});

test("pieces on one baseline make one line, in x order, with a space where the gap is a word space", () => {
  const pieces = [
    at(117, 700, "Delft"),
    at(72, 700, "Gemeente"),
    at(72, 686, "Klant"),
    at(97, 686, "manager"),
  ];
  expect(pageLines(pieces)).toEqual(["Gemeente Delft", "Klantmanager"]);
});

test("a baseline a little off (a superscript, another font) stays in its row", () => {
  expect(
    pageLines([at(72, 700, "1"), at(77, 703, "e", 7), at(84, 700.5, "kwartaal 2019")])
  ).toEqual(["1e kwartaal 2019"]);
});

test("two independent columns: the left one is read before the right one", () => {
  const left = ["Persoonlijk", "Woonplaats Gouda", "Talen", "Nederlands"];
  const right = [
    "Werkervaring",
    "2018 – heden",
    "Klantmanager Inkomen",
    "Gemeente Gouda",
    "2012 – 2018",
    "Consulent",
  ];
  const pieces = [
    at(72, 760, "Curriculum vitae Sara Bos, klantmanager inkomen met twintig jaar ervaring"),
    // Left: 14-point lines; right: 12-point lines, so the baselines seldom meet.
    ...left.map((t, i) => at(72, 730 - 14 * i, t)),
    ...right.map((t, i) => at(300, 730 - 12 * i, t)),
  ];
  expect(pageLines(pieces)).toEqual([
    "Curriculum vitae Sara Bos, klantmanager inkomen met twintig jaar ervaring",
    ...left,
    ...right,
  ]);
});

test("columns on shared baselines: one side going on alone after the other ended makes them columns", () => {
  const left = ["Persoonlijk", "Woonplaats Gouda", "Talen"];
  const right = [
    "Werkervaring",
    "2018 – heden",
    "Klantmanager Inkomen",
    "Gemeente Gouda",
    "2012 – 2018",
  ];
  const pieces = right.flatMap((t, i) => [
    ...(i < left.length ? [at(72, 700 - 12 * i, left[i])] : []),
    at(270, 700 - 12 * i, t),
  ]);
  expect(pageLines(pieces)).toEqual([...left, ...right]);
});

test("a hanging indent (dates at the margin, the role indented below): row by row", () => {
  const pieces = [
    at(72, 700, "2019 – heden"),
    at(160, 688, "Klantmanager Inkomen, Gemeente Delft"),
    at(160, 676, "Beoordelen van aanvragen levensonderhoud"),
    at(72, 664, "2015 – 2019"),
    at(160, 652, "Inkomensconsulent, Gemeente Leiden"),
    at(72, 640, "2010 – 2015"),
    at(160, 628, "Medewerker, Gemeente Zeist"),
  ];
  expect(pageLines(pieces)).toEqual(pieces.map((p) => p.text));
});

test("a table or tab stops (short left cells, each with its right cell): row by row, each cell its own line", () => {
  const rows = [
    ["2019 – heden", "Klantmanager Inkomen, Gemeente Delft"],
    ["2015 – 2019", "Inkomensconsulent, Gemeente Leiden"],
    ["2010 – 2015", "Medewerker, Gemeente Zeist"],
  ];
  const pieces = rows.flatMap(([a, b], i) => [at(72, 700 - 14 * i, a), at(250, 700 - 14 * i, b)]);
  expect(pageLines(pieces)).toEqual(rows.flat());
});

test("a table whose right cells wrap stays row by row (the right side's extra lines sit between its rows)", () => {
  const pieces = [
    at(72, 700, "2019 – heden"),
    at(250, 700, "Klantmanager Inkomen, Gemeente Delft,"),
    at(250, 688, "team Werk en Inkomen"),
    at(72, 676, "2015 – 2019"),
    at(250, 676, "Inkomensconsulent, Gemeente Leiden"),
    at(72, 664, "2010 – 2015"),
    at(250, 664, "Medewerker, Gemeente Zeist,"),
    at(250, 652, "afdeling Participatie"),
  ];
  expect(pageLines(pieces)).toEqual(pieces.map((p) => p.text));
});

test("a full-width line between two column blocks separates them", () => {
  // Left: 10-point lines 14 points apart; right: 12-point lines 15 points apart.
  const block = (top: number, left: string[], right: string[]) => [
    ...left.map((t, i) => at(72, top - 14 * i, t)),
    ...right.map((t, i) => at(300, top - 3 - 15 * i, t, 12)),
  ];
  const left = ["Links 1", "Links 2", "Links 3", "Links 4", "Links 5"];
  const right = ["Rechts 1", "Rechts 2", "Rechts 3", "Rechts 4", "Rechts 5", "Rechts 6"];
  const across = "Een regel over de hele breedte van de pagina, van links tot voorbij het midden";
  const pieces = [...block(760, left, right), at(72, 650, across), ...block(620, left, right)];
  expect(pageLines(pieces)).toEqual([...left, ...right, across, ...left, ...right]);
});

test("blank pieces and empty strings add no lines; spaces inside are collapsed", () => {
  expect(pageLines([at(72, 700, "  "), at(72, 690, ""), at(72, 680, "Gemeente   Delft ")])).toEqual(
    ["Gemeente Delft"]
  );
});
