import {
  cellAddress,
  columnLetters,
  columnNumber,
  parseRange,
  rangeAddress,
  sheetAddress,
} from "../../src/workbook/address";

describe("A1 addresses", () => {
  test.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [28, "AB"],
    [702, "ZZ"],
    [703, "AAA"],
  ])("column %i is %s and back", (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
  });

  test("cells, ranges and sheet-qualified addresses", () => {
    expect(cellAddress(7, 6)).toBe("F7");
    expect(rangeAddress(2, 1, 26, 19)).toBe("A2:S26");
    expect(rangeAddress(3, 2, 3, 2)).toBe("B3");
    expect(parseRange("$A$1:C9")).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(sheetAddress("Kandidaten", "F7")).toBe("Kandidaten!F7");
    expect(sheetAddress("Mijn blad", "A1")).toBe("'Mijn blad'!A1");
  });
});
