import fc from "fast-check";
import {
  completeRange,
  completionOf,
  findDangling,
  findRanges,
  type DatePoint,
} from "../../src/cv/extract/dates";

/** The ranges of a line as [from, to] ISO dates. */
const isoRanges = (line: string) =>
  findRanges(line).map((r) => {
    const c = completeRange(r);
    return [c.from, c.to];
  });

describe("the date forms CVs write", () => {
  test.each([
    ["jan. 2019 – heden", "2019-01-01", null],
    ["januari 2019 - december 2021", "2019-01-01", "2021-12-31"],
    ["2015 - 2018", "2015-01-01", "2018-12-31"],
    ["2015-2018", "2015-01-01", "2018-12-31"],
    ["2015–2018", "2015-01-01", "2018-12-31"],
    ["01-2019 t/m 12-2021", "2019-01-01", "2021-12-31"],
    ["1-2019 – 3-2020", "2019-01-01", "2020-03-31"],
    ["03/2019 - 05/2021", "2019-03-01", "2021-05-31"],
    ["03.2019 - 05.2021", "2019-03-01", "2021-05-31"],
    ["sinds maart 2020", "2020-03-01", null],
    ["Vanaf 2021 werkzaam als klantmanager", "2021-01-01", null],
    ["since March 2020", "2020-03-01", null],
    ["2019 – nu", "2019-01-01", null],
    ["2019 - tot op heden", "2019-01-01", null],
    ["Jan 2019 - Present", "2019-01-01", null],
    ["March 2018 – current", "2018-03-01", null],
    ["2017 - 2019 (parttime)", "2017-01-01", "2019-12-31"],
    ["van 2010 tot 2014", "2010-01-01", "2014-12-31"],
    ["from 2010 to 2014", "2010-01-01", "2014-12-31"],
    ["2010 until 2014", "2010-01-01", "2014-12-31"],
    ["01-03-2019 – 31-12-2021", "2019-03-01", "2021-12-31"],
    ["1 maart 2019 tot en met 31 december 2021", "2019-03-01", "2021-12-31"],
    ["2019-03-01 – 2021-12-31", "2019-03-01", "2021-12-31"],
    ["mei '19 – dec '21", "2019-05-01", "2021-12-31"],
    ["jan. – mrt. 2019", "2019-01-01", "2019-03-31"],
    ["nov. – feb. 2020", "2019-11-01", "2020-02-29"],
    ["2019 -", "2019-01-01", null],
    ["2019 – | Gemeente Delft", "2019-01-01", null],
    ["feb 2020 — jun 2020", "2020-02-01", "2020-06-30"],
    // A PDF that lost the tab between a place and the dates.
    ["Municipality of ApeldoornJune 2022 – February 2025", "2022-06-01", "2025-02-28"],
    ["Asmar 2019 – 2020", "2019-01-01", "2020-12-31"],
  ])("%s", (line, from, to) => {
    expect(isoRanges(line)).toEqual([[from, to]]);
  });

  const dutch = [
    "jan.",
    "feb.",
    "mrt.",
    "apr.",
    "mei",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
  ];
  const dutchLong = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ];
  const english = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  const englishLong = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  test.each([dutch, dutchLong, english, englishLong, ["sept."], ["Sept"]])(
    "month names %s …",
    (...names) => {
      for (const [index, name] of names.entries()) {
        const month = name.toLowerCase().startsWith("sept") ? 9 : index + 1;
        const [range] = findRanges(`${name} 2018 – ${name} 2020`);
        expect([range.from, range.to]).toEqual([
          { year: 2018, month },
          { year: 2020, month },
        ]);
      }
    }
  );

  test("two periods on one line, each with its own end", () => {
    expect(isoRanges("sep. 2019 t/m okt. 2020 en nov. 2020 - heden")).toEqual([
      ["2019-09-01", "2020-10-31"],
      ["2020-11-01", null],
    ]);
  });

  test("month-only and year-only ends are completed and say how", () => {
    expect(completeRange({ from: { year: 2019, month: 2 }, to: { year: 2020, month: 2 } })).toEqual(
      {
        from: "2019-02-01",
        to: "2020-02-29",
        fromPrecision: "month",
        toPrecision: "month",
      }
    );
    expect(completeRange({ from: { year: 2015 }, to: { year: 2018 } })).toEqual({
      from: "2015-01-01",
      to: "2018-12-31",
      fromPrecision: "year",
      toPrecision: "year",
    });
    expect(completeRange({ from: { year: 2019, month: 3, day: 15 }, to: null })).toEqual({
      from: "2019-03-15",
      to: null,
      fromPrecision: "day",
      toPrecision: null,
    });
  });
});

describe("lines that are not a work period give no range", () => {
  test.each([
    "Geboortedatum: 12-05-1980",
    "Geboren op 12 mei 1980 te Delft",
    "VOG 2023",
    "Telefoon: 06-12345678",
    "Telefoon: 06 1234 5678",
    "Mobiel +31 6 12345678",
    "Hoofdstraat 12, 2611 AB Delft",
    "Postbus 2015, 2600 AA Delft",
    "Cursus Participatiewet 2015",
    "Diploma 2019",
    "Certificaat Civision Inkomen (2021)",
    "2019 – Gemeente Delft",
    "Rijbewijs B sinds kort",
    "Salarisschaal 10, max 4.500 – 5.000",
    "Schooljaar 2015/2016",
    "2021 – 2015",
    "1890 – 1895",
    "Werkervaring",
  ])("%s", (line) => {
    expect(findRanges(line)).toEqual([]);
  });

  test("a phone number beside a range is not read as a date", () => {
    expect(isoRanges("Tel: 06 1234 5678, 2015 - 2016")).toEqual([["2015-01-01", "2016-12-31"]]);
    expect(isoRanges("015-2123456 2015 - 2016")).toEqual([["2015-01-01", "2016-12-31"]]);
  });
});

describe("a range whose end wrapped to a later line", () => {
  test("a month without its year, completed by a bare year", () => {
    const dangling = findDangling("mrt. 2021 – dec.");
    expect(dangling).toMatchObject({ from: { year: 2021, month: 3 }, month: 12 });
    expect(completionOf("2024", dangling?.month)).toEqual({ to: { year: 2024, month: 12 } });
    expect(completionOf("Gemeente Delft", dangling?.month)).toBeNull();
  });

  test("a separator at the end, completed by a whole end", () => {
    expect(findDangling("Beleidsmedewerker bij Gemeente Amersfoort (maart 2020 –")).toMatchObject({
      from: { year: 2020, month: 3 },
      month: undefined,
    });
    expect(findDangling("(01-2004 t/m")).toMatchObject({ from: { year: 2004, month: 1 } });
    expect(completionOf("januari 2023)")).toEqual({ to: { year: 2023, month: 1 } });
    expect(completionOf("heden")).toEqual({ to: null, openWord: "heden" });
    expect(completionOf("2021 – 2023 Klantmanager")).toBeNull();
  });

  test("a complete range does not dangle", () => {
    expect(findDangling("jan. 2019 – dec. 2020 Klantmanager")).toBeNull();
    expect(findDangling("VOG 2023")).toBeNull();
  });
});

describe("property: any written range reads back as written", () => {
  const names = [
    "jan.",
    "feb.",
    "mrt.",
    "apr.",
    "mei",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
  ];
  const point = fc.record({
    year: fc.integer({ min: 1960, max: 2040 }),
    month: fc.integer({ min: 1, max: 12 }),
  });
  const style = fc.constantFrom<(p: { year: number; month: number }) => string>(
    (p) => `${names[p.month - 1]} ${p.year}`,
    (p) => `${String(p.month).padStart(2, "0")}-${p.year}`,
    (p) => `${p.month}/${p.year}`,
    (p) => `01-${String(p.month).padStart(2, "0")}-${p.year}`
  );
  const separator = fc.constantFrom(" – ", " - ", " t/m ", " tot ", "–", " — ");

  test("start and end, month right, never more than one range", () => {
    fc.assert(
      fc.property(
        point,
        point,
        style,
        style,
        separator,
        fc.constantFrom("", "Klantmanager inkomen, Gemeente Delft"),
        (a, b, sa, sb, sep, role) => {
          const [from, to] = a.year * 12 + a.month <= b.year * 12 + b.month ? [a, b] : [b, a];
          fc.pre(to.year - from.year <= 50); // a longer span is no working period
          const ranges = findRanges(`${sa(from)}${sep}${sb(to)} ${role}`);
          expect(ranges).toHaveLength(1);
          const expected = (p: { year: number; month: number }): DatePoint => ({
            year: p.year,
            month: p.month,
          });
          expect({ year: ranges[0].from.year, month: ranges[0].from.month }).toEqual(
            expected(from)
          );
          expect({ year: ranges[0].to?.year, month: ranges[0].to?.month }).toEqual(expected(to));
        }
      )
    );
  });

  test("a single date, a phone number or a postcode is never a range", () => {
    fc.assert(
      fc.property(
        point,
        style,
        fc.integer({ min: 10_000_000, max: 99_999_999 }),
        fc.integer({ min: 1000, max: 9999 }),
        (p, s, phone, postcode) => {
          expect(findRanges(`Geboren ${s(p)}, tel. 06-${phone}, ${postcode} AB Delft`)).toEqual([]);
        }
      )
    );
  });
});
