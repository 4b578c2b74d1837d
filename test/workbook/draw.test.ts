/** planDraw: only the Loting cells of the drawn rows; the column added when absent. */
import { planDraw } from "../../src/workbook/draw";
import { WorkbookError } from "../../src/workbook/problems";
import { candidatesSheet, headers17040, passing, snapshotOf } from "./helpers";

const people = ["Ans", "Bram", "Cor"].map((Kandidaat) => ({ ...passing, Kandidaat }));
const drawLetter = String.fromCharCode(65 + headers17040.indexOf("Loting"));

describe("planDraw", () => {
  test("writes the order into the Loting cells of those rows only", () => {
    expect(planDraw(snapshotOf(candidatesSheet(people)), [2, 4], [2, 1])).toEqual([
      {
        kind: "writeValues",
        sheet: "Kandidaten",
        at: `${drawLetter}2`,
        values: [[2]],
        numberFormats: ["0"],
      },
      {
        kind: "writeValues",
        sheet: "Kandidaten",
        at: `${drawLetter}4`,
        values: [[1]],
        numberFormats: ["0"],
      },
    ]);
  });

  test("adds the Loting column to the table when it is not there", () => {
    const headers = headers17040.filter((h) => h !== "Loting");
    const changes = planDraw(snapshotOf(candidatesSheet(people, { headers })), [3], [1]);
    const letter = String.fromCharCode(65 + headers.length);
    expect(changes).toEqual([
      { kind: "addTableColumns", sheet: "Kandidaten", table: "Kandidaten", columns: ["Loting"] },
      {
        kind: "writeValues",
        sheet: "Kandidaten",
        at: `${letter}3`,
        values: [[1]],
        numberFormats: ["0"],
      },
    ]);
  });

  test.each([
    [[], [], /geen rijen/],
    [[2, 3], [1], /2 rijen en 1 lotnummers/],
    [[1], [1], /geen rij van een kandidaat/],
    [[9], [1], /geen rij van een kandidaat/],
    [[2, 2], [1, 2], /meer dan eens/],
    [[2, 3], [1, 1], /ongeldig/],
    [[2], [0], /ongeldig/],
  ])("refuses rows %j with order %j", (rows, order, message) => {
    const run = () => planDraw(snapshotOf(candidatesSheet(people)), rows, order);
    expect(run).toThrow(WorkbookError);
    expect(run).toThrow(message);
  });
});
