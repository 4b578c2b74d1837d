/**
 * A sidebar with a narrow gutter (src/cv/read/layout.ts): where the left column's text comes
 * within a word space or two of the right column's start, a row is still split at that start,
 * so the columns are read one after the other and not glued line by line.
 */
import { pageLines, type TextPiece } from "../../src/cv/read/layout";

/** A piece of 9-point text at (x, y), 4.5 points a character. */
const at = (x: number, y: number, text: string, size = 9): TextPiece => ({
  text,
  x,
  y,
  width: text.length * size * 0.5,
  size,
});

/** Left: a sidebar from x 50 with lines up to ~40 characters (to x ≈ 230); right from x 236. */
const sidebar = [
  "Contact",
  "Adres: Nieuwstraat 8, 3512 PN Utrecht",
  "Geboren: 03-04-1981 te Amersfoort, NL",
  "Talen",
  "Nederlands (moedertaal), Engels (goed)",
  "Software",
  "Suite4Sociaal Domein, Civision, GWS4all",
  "Hobby's: hardlopen, koken en reizen",
];
const main = [
  "WERKERVARING",
  "2016-heden",
  "Klantmanager, Gemeente Utrecht",
  "2009-2016",
  "Consulent, Gemeente Zeist",
  "OPLEIDING",
  "2004-2009",
  "HBO SJD, Hogeschool Utrecht",
  "2001-2004",
  "MBO Juridisch medewerker, ROC Midden",
  "REFERENTIES",
];
const pieces = [
  ...sidebar.map((t, k) => at(50, 760 - k * 13, t)),
  ...main.map((t, k) => at(236, 757 - k * 10.5, t)),
];

test("a row is split at the right column's start even when the gap is only a few points", () => {
  const lines = pageLines(pieces);
  expect(lines).toEqual(expect.arrayContaining([...sidebar, ...main]));
  expect(lines).toHaveLength(sidebar.length + main.length);
});

test("the right column's lines keep their order, none between them from the sidebar", () => {
  const lines = pageLines(pieces);
  const start = lines.indexOf("WERKERVARING");
  expect(lines.slice(start, start + 5)).toEqual(main.slice(0, 5));
});

test("a single column with a few lines indented to one x is not split", () => {
  const text = [
    at(50, 700, "Klantmanager Inkomen bij de gemeente Utrecht sinds"),
    at(50, 689, "2016, daarvoor consulent"),
    at(160, 689, "bij de gemeente Zeist."),
  ];
  expect(pageLines(text)).toEqual([
    "Klantmanager Inkomen bij de gemeente Utrecht sinds",
    "2016, daarvoor consulent bij de gemeente Zeist.",
  ]);
});

test("a table's cells on one shared baseline are not split at a narrow gap (read as before)", () => {
  const rows = [
    "2015 - 2019",
    "2019 - 2021",
    "2021 - 2022",
    "2022 - 2023",
    "2023 - 2024",
    "2024 - 2025",
  ];
  // The second column starts 6 points after the dates; each cell has a second line of its own.
  const table = rows.flatMap((dates, k) => [
    at(50, 700 - k * 24, dates),
    at(105.5, 700 - k * 24, `Consulent ${k + 1}`),
    at(105.5, 689 - k * 24, `Gemeente ${k + 1}`),
  ]);
  expect(pageLines(table)).toEqual(
    rows.flatMap((dates, k) => [`${dates} Consulent ${k + 1}`, `Gemeente ${k + 1}`])
  );
});

test("a label column beside its values (Europass) is read row by row, a wrapped label or value notwithstanding", () => {
  const rows: Array<[string[], string[]]> = [
    [["Data"], ["01-2019 – heden"]],
    [["Functie"], ["Klantmanager Inkomen"]],
    [
      ["Belangrijkste taken en", "verantwoordelijkheden"],
      ["Aanvragen bijstand behandelen en", "heronderzoeken uitvoeren."],
    ],
    [["Werkgever"], ["Gemeente Hoorn"]],
    [["Data"], ["03-2014 – 12-2018"]],
    [["Functie"], ["Consulent Inkomen"]],
    [
      ["Belangrijkste taken en", "verantwoordelijkheden"],
      ["Uitkeringen berekenen en", "terugvorderen."],
    ],
    [["Werkgever"], ["Gemeente Enkhuizen"]],
  ];
  let y = 760;
  const pieces: TextPiece[] = [];
  for (const [labels, values] of rows) {
    // Two-line cells: the value's lines on the row's baselines, the label's half a line lower.
    const shift = values.length > 1 ? 5.5 : 0;
    values.forEach((t, k) => pieces.push(at(200, y - k * 11, t)));
    labels.forEach((t, k) => pieces.push(at(50, y - shift - k * 11, t)));
    y -= 11 * Math.max(labels.length, values.length) + 4;
  }
  const lines = pageLines(pieces);
  expect(lines.indexOf("01-2019 – heden")).toBe(lines.indexOf("Data") + 1);
  expect(lines.indexOf("Gemeente Enkhuizen")).toBe(lines.lastIndexOf("Werkgever") + 1);
  expect(lines.indexOf("03-2014 – 12-2018")).toBe(lines.lastIndexOf("Data") + 1);
});
