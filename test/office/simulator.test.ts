/** The simulator, through Microsoft's client, behaves as Excel where the add-in depends on it. */
import { runSetUp } from "../../src/office";
import {
  emptyState,
  simulateExcel,
  sheetValues,
  type ExcelSimulator,
  type FakeValue,
  type SimOptions,
} from "./simulator";
import { utf8 } from "./simulator/server";

let excel: ExcelSimulator;
beforeEach(() => (excel = simulateExcel(emptyState())));

/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early on purpose */
test("a property read before load and sync throws, as in Excel; a value just set reads back as set", async () => {
  await excel.host.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    // The client keeps what was set, before any sync: Excel has not parsed it yet.
    range.values = [["=1+1", "17040"]];
    expect(range.values).toEqual([["=1+1", "17040"]]);
    range.load("values,formulas");
    await context.sync();
    expect(range.values).toEqual([[2, 17040]]);
    expect(range.formulas).toEqual([["=1+1", 17040]]);
  });
  expect(excel.last().syncs).toBe(1);
});

test("writes happen at sync; a missing sheet fails at sync; null objects tell", async () => {
  await excel.host.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("Nergens");
    context.workbook.worksheets.add("Nieuw");
    context.workbook.worksheets.getItem("Nieuw").getRange("B2").values = [["hallo"]];
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Blad1"]);
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    context.workbook.worksheets.getItem("Nergens").getRange("A1").values = [[1]];
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
  expect(sheetValues(excel.state.sheets[1])).toEqual([
    ["", ""],
    ["", "hallo"],
  ]);
});

test("counts syncs and request bytes, and refuses a block of the wrong size", async () => {
  await excel.host.run(async (context) => {
    context.workbook.worksheets.getItem("Blad1").getRange("A1:A3").values = [["a"], ["b"], ["c"]];
    await context.sync();
    context.workbook.worksheets.getItem("Blad1").getRange("A1:A2").values = [["a"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
  expect(excel.last().syncs).toBe(2);
  expect(excel.last().requestBytes[0]).toBeGreaterThan(
    JSON.stringify([["a"], ["b"], ["c"]]).length
  );
});

describe("formulas read back calculated, tables grow as in Excel", () => {
  /** The 17040 set-up, then candidates typed into the table and the row below it. */
  async function typedCandidates(calculatedColumns: boolean) {
    const sim = simulateExcel(emptyState(), { calculatedColumns });
    await runSetUp(sim.host, "17040");
    const table = sim.state.tables.find((t) => t.name === "Kandidaten")!;
    const at = (header: string) => table.columns.findIndex((h) => h.split(" ")[0] === header);
    const row = (name: string, rate: number, g9: number): FakeValue[] => {
      const cells: FakeValue[] = table.columns.map(() => "");
      const set = (header: string, value: FakeValue) => (cells[at(header)] = value);
      set("Kandidaat", name);
      set("Uurtarief", rate);
      for (const k of ["K1", "K2", "K4", "K5", "K6", "G10"]) set(k, "Ja");
      set("K3", 4);
      set("K7", 1_000_000);
      set("E1", 3);
      set("E2", "Ja");
      set("E3", 2);
      set("G9", g9);
      set("G11", 2);
      // Only the input columns are typed: the output columns hold the set-up's formulas.
      return cells.slice(0, at("Loting") + 1);
    };
    sim.type("Kandidaten", "A2", [row("Ans", 70, 12)]);
    sim.type("Kandidaten", "A3", [row("Bram", 65, 3)]);
    return { sim, table, at };
  }

  test("a row typed below the table joins it and gets the calculated columns; FLEX formulas calculate", async () => {
    const { sim, table, at } = await typedCandidates(true);
    expect(table.bottom).toBe(3);
    const score = table.left + at("Score");
    const knockout = table.left + at("Knock-out");
    expect(sim.valueAt("Kandidaten", 2, knockout)).toBe("OK");
    expect(sim.valueAt("Kandidaten", 2, score)).toBe(100);
    expect(sim.valueAt("Kandidaten", 3, score)).toBe(50);
    expect(sim.valueAt("Kandidaten", 3, table.left + at("Rang"))).toBe(2);
  });

  test("with calculated columns off, the formula of the first row does not reach a new row", async () => {
    const { sim, table, at } = await typedCandidates(false);
    expect(table.bottom).toBe(3);
    expect(sim.valueAt("Kandidaten", 2, table.left + at("Score"))).toBe(100);
    expect(sim.valueAt("Kandidaten", 3, table.left + at("Score"))).toBe("");
  });
});

test("strings written by the API are read with USA rules: dates month first, text kept only as text", async () => {
  await excel.host.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:F1");
    range.values = [["2024-08-26", "04-10-2024", "26-08-2024", "-", "+31612345678", "17040"]];
    const text = context.workbook.worksheets.getItem("Blad1").getRange("A2:F2");
    text.numberFormat = [["@", "@", "@", "@", "@", "@"]];
    text.values = [["2024-08-26", "04-10-2024", "26-08-2024", "-", "+31 6 1234", "17040"]];
    range.load("values,formulas,numberFormat");
    text.load("values");
    await context.sync();
    // 45530 is 26-08-2024 and 45392 is 10-04-2024 (month first); 26-08-2024 is no USA date.
    expect(range.values[0].slice(0, 4)).toEqual([45530, 45392, "26-08-2024", "-"]);
    expect(range.numberFormat[0][0]).toBe("m/d/yyyy");
    expect(range.values[0][4]).toBe(31612345678);
    expect(range.values[0][5]).toBe(17040);
    expect(text.values).toEqual([
      ["2024-08-26", "04-10-2024", "26-08-2024", "-", "+31 6 1234", "17040"],
    ]);
  });
});

test("a value that would be a formula Excel does not take is refused, the whole write (office-js #3256)", async () => {
  await excel.host.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
    range.values = [["ok", "+31 6 12345678"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
  expect(excel.state.sheets[0].cells.size).toBe(0);
});

describe("dynamic arrays, as Excel 365 calculates them", () => {
  /** Writes formulas and values (by address) in one batch and reads back a range's values and formulas. */
  async function write(sim: ExcelSimulator, sheet: string, cells: Record<string, FakeValue>) {
    await sim.host.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      for (const [address, value] of Object.entries(cells))
        worksheet.getRange(address).formulas = [[value]];
      await context.sync();
    });
  }
  async function read(sim: ExcelSimulator, sheet: string, address: string) {
    return sim.host.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem(sheet)
        .getRange(address)
        .load("values,formulas,valueTypes");
      await context.sync();
      return { values: range.values, formulas: range.formulas, types: range.valueTypes };
    });
  }
  /** Blad1 with a table `Tabel` (Naam, Score) of three rows, and a sheet `Berekening`. */
  async function workbook(options: SimOptions = {}) {
    const sim = simulateExcel(emptyState(), options);
    await sim.host.run(async (context) => {
      context.workbook.worksheets.add("Berekening");
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("A1:B4").values = [
        ["Naam", "Score"],
        ["Ans", 12],
        ["Bram", ""],
        ["Carla", 7],
      ];
      sheet.tables.add("A1:B4", true).name = "Tabel";
      await context.sync();
    });
    return sim;
  }

  test("an array spills below and to the right; the spilled cells read their value, also as formulas", async () => {
    const sim = await workbook();
    await write(sim, "Berekening", { A3: "=Blad1!A2:B4" });
    const spilled = await read(sim, "Berekening", "A3:B6");
    expect(spilled.values).toEqual([
      ["Ans", 12],
      ["Bram", 0],
      ["Carla", 7],
      ["", ""],
    ]);
    // Only the anchor holds the formula; the cells it spills into give their value.
    expect(spilled.formulas).toEqual([
      ["=Blad1!A2:B4", 12],
      ["Bram", 0],
      ["Carla", 7],
      ["", ""],
    ]);
    expect(spilled.types[0]).toEqual(["String", "Double"]);
    // The used range takes in the cells spilled into: they show values.
    const used = await sim.host.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("Berekening")
        .getUsedRangeOrNullObject(true)
        .load("address");
      await context.sync();
      return range.address;
    });
    expect(used).toBe("Berekening!A3:B5");
  });

  test("IF(ISBLANK(range),…) works element-wise and spills", async () => {
    const sim = await workbook();
    await write(sim, "Berekening", { A3: '=IF(ISBLANK(Tabel[[Score]]),"leeg",Tabel[[Score]])' });
    expect((await read(sim, "Berekening", "A3:A6")).values).toEqual([[12], ["leeg"], [7], [""]]);
  });

  test("a spill reference is the anchor's whole spill range, also on a quoted sheet, and follows the table as it grows", async () => {
    const sim = await workbook();
    await write(sim, "Berekening", { A3: "=Tabel[[Naam]:[Score]]" });
    await write(sim, "Blad1", {
      D1: "=ROWS('Berekening'!$A$3#)",
      D2: "=COLUMNS(Berekening!A3#)",
      D3: "=INDEX('Berekening'!$A$3#,ROW()-ROW(Tabel[#Headers]),2)",
      D4: '="A3#"',
    });
    expect((await read(sim, "Blad1", "D1:D4")).values).toEqual([[3], [2], [0], ["A3#"]]);
    // A row typed below the table: the table grows, so does the spill, so does every reference to it.
    sim.type("Blad1", "A5", [["Daan", 9]]);
    expect(sim.state.tables[0].bottom).toBe(5);
    expect((await read(sim, "Blad1", "D1:D1")).values).toEqual([[4]]);
    expect((await read(sim, "Berekening", "A6:B6")).values).toEqual([["Daan", 9]]);
  });

  test("a spill reference to a cell without an array formula is #REF!", async () => {
    const sim = await workbook();
    await write(sim, "Berekening", { A1: 5, C1: "=SUM(A1#)", C2: "=SUM(Nergens!A1#)" });
    expect((await read(sim, "Berekening", "C1:C2")).values).toEqual([["#REF!"], ["#REF!"]]);
  });

  test("a spill blocked by a cell that is not empty is #SPILL!; emptied, the array spills again", async () => {
    const sim = await workbook();
    await write(sim, "Berekening", { A3: "=Blad1!B2:B4", A5: "in de weg", C1: "=ISERROR(A3#)" });
    const blocked = await read(sim, "Berekening", "A3:A5");
    expect(blocked.values).toEqual([["#SPILL!"], [""], ["in de weg"]]);
    expect(blocked.types[0]).toEqual(["Error"]);
    expect((await read(sim, "Berekening", "C1")).values).toEqual([[true]]);
    await write(sim, "Berekening", { A5: "" });
    expect((await read(sim, "Berekening", "A3:A5")).values).toEqual([[12], [0], [7]]);
  });

  test("an array formula in a table is #SPILL! and spills nothing; one value in a table is fine", async () => {
    const sim = await workbook();
    await sim.host.run(async (context) => {
      context.workbook.tables.getItem("Tabel").columns.add(undefined, undefined, "Rij");
      await context.sync();
    });
    await write(sim, "Blad1", { C2: "=Tabel[[Score]]", C3: "=ROW()-ROW(Tabel[#Headers])" });
    // C4 took C2's formula as a calculated column (the column was empty): #SPILL! too; nothing below the table.
    expect((await read(sim, "Blad1", "C2:C6")).values).toEqual([
      ["#SPILL!"],
      [2],
      ["#SPILL!"],
      [""],
      [""],
    ]);
    expect(sim.state.sheets[0].cells.get("4,3")?.formula).toBe("=Tabel[[Score]]");
  });

  test("ROW() without an argument is the row of its own cell", async () => {
    const sim = await workbook();
    await write(sim, "Berekening", { B7: "=ROW()", C9: "=ROW()*10+COLUMN()" });
    expect((await read(sim, "Berekening", "B7")).values).toEqual([[7]]);
    expect((await read(sim, "Berekening", "C9")).values).toEqual([[93]]);
  });

  test.each([
    ["null", 31_200],
    ["zero", "#VALUE!"],
  ] as const)(
    "a blank cell reaches a custom function as Excel's platform hands it (%s); IF(ISBLANK()) makes it the same",
    async (blanks, bare) => {
      const sim = await workbook({ blanks });
      await write(sim, "Berekening", {
        A1: "=FLEX.CONTRACTVALUE(75,32,13,2,13,Z9)",
        A2: '=FLEX.CONTRACTVALUE(75,32,13,2,13,IF(ISBLANK(Z9),"",Z9))',
      });
      expect((await read(sim, "Berekening", "A1:A2")).values).toEqual([[bare], [31_200]]);
    }
  );
});

test("getSpecialCellsOrNullObject('Formulas') gives the formula cells as areas; a table's data body leaves out its header", async () => {
  const sim = simulateExcel(emptyState());
  const found = await sim.host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("A1:C5").formulas = [
      ["Naam", "Dubbel", "Som"],
      ["a", "=1*2", "=B2+1"],
      ["b", "=2*2", 7],
      ["c", "=3*2", "=B4+1"],
      ["d", 8, "=B5+1"],
    ];
    sheet.tables.add("A1:C5", true).name = "Tabel";
    await context.sync();
    const table = context.workbook.tables.getItem("Tabel");
    const body = table.getDataBodyRange().load("address");
    const areas = body.getSpecialCellsOrNullObject("Formulas").load("address");
    const none = sheet.getRange("A1:A5").getSpecialCellsOrNullObject("Formulas");
    await context.sync();
    return { body: body.address, areas: areas.address, none: none.isNullObject };
  });
  expect(found).toEqual({
    body: "Blad1!A2:C5",
    areas: "Blad1!B2:C2, Blad1!B3, Blad1!B4:C4, Blad1!C5",
    none: true,
  });
});

test("a formula with a this-row reference is refused outside a table, the whole write; inside it is taken", async () => {
  const sim = simulateExcel(emptyState());
  await sim.host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("A1:B2").values = [
      ["Naam", "Lengte"],
      ["Ans", ""],
    ];
    sheet.tables.add("A1:B2", true).name = "Tabel";
    await context.sync();
    sheet.getRange("B2:B3").formulas = [["=LEN([@Naam])"], ["=LEN([@Naam])"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    sheet.getRange("B2").formulas = [["=LEN([@Naam])"]];
    sheet.getRange("C3").formulas = [["=ROWS(Tabel[Naam])"]];
    await context.sync();
  });
  expect(sim.valueAt("Blad1", 2, 2)).toBe(3);
  expect(sim.valueAt("Blad1", 3, 3)).toBe(1);
  expect(sim.state.sheets[0].cells.get("3,2")).toBeUndefined();
});

test("the bytes on the wire are counted as TextEncoder counts them: pairs four, a lone surrogate three", () => {
  const units = [
    0x00, 0x22, 0x41, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000,
    0xffff,
  ];
  const encoder = new TextEncoder();
  let compared = 0;
  for (const a of units)
    for (const b of units)
      for (const c of units) {
        const text = String.fromCharCode(a, b, c);
        expect([text, utf8(text)]).toEqual([text, encoder.encode(text).length]);
        compared++;
      }
  expect(compared).toBe(units.length ** 3);
  expect(utf8("Zoë €")).toBe(8);
});
