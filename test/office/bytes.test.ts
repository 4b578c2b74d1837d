/** jsonBytes counts grids cell by cell: always the bytes of the whole JSON text in UTF-8. */
import { jsonBytes, jsonRowBytes } from "../../src/office/bytes";

const encoded = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) ?? "").length;

describe("jsonBytes", () => {
  test.each([
    [[["Zoë"]], 10],
    [[["€ 70,00", 70, true, null]], 28],
    [[], 2],
    [[[]], 4],
  ])("%j takes %i bytes", (value, bytes) => {
    expect(jsonBytes(value)).toBe(bytes);
    expect(encoded(value)).toBe(bytes);
  });

  test("the same as encoding the whole JSON text, for every kind of cell and text", () => {
    const values: unknown[] = [
      [
        ["a\ud800b", "😀", "x\udc00", "\ud83d"],
        [undefined, () => 1, 1e21, -0, true, "\u2028"],
      ],
      [['=IF([@Kandidaat]="","",FLEX.KNOCKOUT(Aanvraag!$B$2))', "tab\there", 'quote "x"']],
      [['\u0000\b\t\n\f\r\u001f\u007f"\\/', "é€\u2028", "\udc00\ud800", "\ud83d\ude00x"]],
      [[Number.NaN, Infinity, -Infinity, 1.5e-7, 0.1 + 0.2, false, Symbol("x")]],
      [[new Date(Date.UTC(2024, 9, 10)), { a: "é" }, [["nested", "ü"]], Number.NaN]],
      "alleen tekst: Zoë",
      42,
      null,
      undefined,
      { sheet: "Blad", values: [["€"]] },
    ];
    for (const value of values) expect(jsonBytes(value)).toBe(encoded(value));
  });

  test("a grid of 10,000 rows counts the same as its text", () => {
    const grid = Array.from({ length: 10_000 }, (_, i) => [`Kandidaat ${i} – Zoë`, i, i % 2 === 0]);
    expect(jsonBytes(grid)).toBe(encoded(grid));
    expect(jsonBytes(grid)).toBeGreaterThan(300_000);
  });

  test("a text repeated down a grid (a live output column) counts as often as it stands", () => {
    const formula = '=IF([@Kandidaat]="","",FLEX.KNOCKOUT(Aanvraag!$B$2))';
    const grid = Array.from({ length: 1_000 }, (_, i) =>
      i % 3 === 0 ? [formula, "Zoë", formula] : [formula, formula, "é€"]
    );
    expect(jsonBytes(grid)).toBe(encoded(grid));
    expect(jsonBytes([[""], ["", "x"], [formula, ""]])).toBe(
      encoded([[""], ["", "x"], [formula, ""]])
    );
  });

  test("jsonRowBytes: each row's bytes; a block of rows takes its rows, the commas and the brackets", () => {
    const grid: unknown[][] = [["Zoë", 1], [], [null, "é€", true], ["Zoë"]];
    grid.length = 6; // two holes at the end: null in the JSON
    const rows = jsonRowBytes(grid);
    expect(rows).toEqual([...grid.slice(0, 4).map((row) => encoded(row)), 4, 4]);
    expect(2 + rows.length - 1 + rows.reduce((a, b) => a + b, 0)).toBe(encoded(grid));
  });
});
