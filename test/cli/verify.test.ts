/**
 * `awardscore verify` through the real binary (bin/awardscore.js → lib/cli/main.js,
 * compiled first): a freshly scored file agrees (exit 0); an input edited after
 * scoring, or a verdict edited by hand, is named by its cell (exit 2).
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { exampleWorkbook } from "../../src/cli/example";
import { awardscoreBin, compileCliBeforeAll, scratch } from "./helpers";

compileCliBeforeAll();

/** The example scored by the binary, once for the file's tests: the path of the scored file. */
let scoredOnce: Promise<string> | undefined;

/** A copy in `dir` of the example scored by the binary (scored once): its path. */
async function scoredExample(dir: string): Promise<string> {
  scoredOnce ??= (async () => {
    const input = path.join(scratch(), "aanvraag.xlsx");
    await exampleWorkbook().xlsx.writeFile(input);
    const ran = awardscoreBin("score", input);
    expect(ran.code).toBe(0);
    return input.replace(/\.xlsx$/, "-beoordeeld.xlsx");
  })();
  const copy = path.join(dir, "aanvraag-beoordeeld.xlsx");
  fs.copyFileSync(await scoredOnce, copy);
  return copy;
}

/** A copy of a file with an edit made as a user would, in another program. */
async function edit(file: string, change: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  change(workbook);
  const out = file.replace(/\.xlsx$/, "-bewerkt.xlsx");
  await workbook.xlsx.writeFile(out);
  return out;
}

/** The column letter of a header in row 1 of `Kandidaten`. */
function columnOf(workbook: ExcelJS.Workbook, header: string): string {
  const sheet = workbook.getWorksheet("Kandidaten")!;
  let letter = "";
  sheet.getRow(1).eachCell((cell) => {
    if (String(cell.value).split(" ")[0] === header) letter = cell.address.replace(/\d+$/, "");
  });
  if (!letter) throw new Error(`no column ${header}`);
  return letter;
}

test("a freshly scored file: exit 0, all agree", async () => {
  const scored = await scoredExample(scratch());
  const ran = awardscoreBin("verify", scored);
  expect(ran.stderr).toBe("");
  expect(ran.code).toBe(0);
  expect(ran.stdout).toMatch(
    /^In orde: de invoer is ongewijzigd \(digest [0-9a-f]{12}…\) en de uitslag van alle 24 kandidaten klopt/
  );
});

test("an input edited after scoring: exit 2, the digest and every verdict cell it changes", async () => {
  const scored = await scoredExample(scratch());
  const edited = await edit(scored, (workbook) => {
    // Olga Brouwer (row 16) was out on K8 only; her rate now € 74: she becomes eligible.
    workbook.getWorksheet("Kandidaten")!.getCell(`${columnOf(workbook, "Uurtarief")}16`).value = 74;
  });
  const ran = awardscoreBin("verify", edited);
  expect(ran.code).toBe(2);
  const lines = ran.stdout.split("\n");
  expect(lines[0]).toMatch(/^\d+ verschillen tussen de werkmap en de herberekening:$/);
  expect(ran.stdout).toMatch(
    /Verantwoording!B\d+: de invoer is gewijzigd na het beoordelen: digest bij beoordelen [0-9a-f]{64}, nu [0-9a-f]{64}/
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(scored);
  const [status, knockout, rank] = ["Status", "Knock-out", "Rang"].map((h) =>
    columnOf(workbook, h)
  );
  expect(lines).toContain(`  Kandidaten!${status}16: Status is 'Valt af', herberekend 'Geschikt'`);
  expect(lines).toContain(`  Kandidaten!${knockout}16: Knock-out is 'K8', herberekend 'OK'`);
  expect(lines).toContain(`  Kandidaten!${rank}16: Rang is leeg, herberekend 3`);
  // Chantal Bakker (row 4) was third; with Olga's 100 points she is fourth.
  expect(lines).toContain(`  Kandidaten!${rank}4: Rang is 3, herberekend 4`);
  // And Olga's own row of the record: her rate as recorded, and as it is now.
  expect(ran.stdout).toMatch(/ {2}Verantwoording!C\d+: Uurtarief is 75,01, herberekend 74\n/);
  // The edited input itself, named by its cell: recorded 75,01, now 74.
  const rate = columnOf(workbook, "Uurtarief");
  expect(lines).toContain(
    `  Kandidaten!${rate}16: invoer gewijzigd na het beoordelen: was 75,01, nu 74`
  );
  // Nothing else of Kandidaten is named: besides that input, only what follows from it.
  const named = lines.filter((l) => l.startsWith("  Kandidaten!"));
  expect(named.filter((l) => / invoer gewijzigd /.test(l))).toHaveLength(1);
  expect(
    named.every((l) => /: (Status|Knock-out|Score|Rang|Top 10|Toelichting) is |invoer/.test(l))
  ).toBe(true);
  // Olga's row of Ranking follows too: the sheet as a fresh scoring writes it.
  expect(ran.stdout).toMatch(/ {2}Ranking!B\d+: Kandidaat is /);
});

test("a verdict edited by hand: exit 2 naming that cell only", async () => {
  const scored = await scoredExample(scratch());
  let cell = "";
  const edited = await edit(scored, (workbook) => {
    cell = `${columnOf(workbook, "Score")}16`; // Olga's score, typed over by hand
    workbook.getWorksheet("Kandidaten")!.getCell(cell).value = 37;
  });
  const ran = awardscoreBin("verify", edited);
  expect(ran.code).toBe(2);
  expect(ran.stdout.split("\n")).toEqual([
    "1 verschil tussen de werkmap en de herberekening:",
    expect.stringMatching(
      new RegExp(`^  Kandidaten!${cell}: Score is 37, herberekend (leeg|\\d+)$`)
    ),
    "",
  ]);
});

test("a file without Verantwoording: exit 2 and a Dutch message saying why", async () => {
  const dir = scratch();
  const input = path.join(dir, "aanvraag.xlsx");
  await exampleWorkbook().xlsx.writeFile(input);
  const ran = awardscoreBin("verify", input);
  expect(ran.code).toBe(2);
  expect(ran.stdout).toBe("");
  expect(ran.stderr).toContain(`'${input}' heeft geen blad 'Verantwoording'`);
});

test("recomputes at the peildatum the record names, not the one Aanvraag says now", async () => {
  const dir = scratch();
  const named = (workbook: ExcelJS.Workbook, name: string) => {
    const [sheet, address] = workbook.definedNames.getRanges(name).ranges[0].split("!");
    return workbook.getWorksheet(sheet.replace(/'/g, ""))!.getCell(address.replace(/\$/g, ""));
  };
  // Scored at 01-01-2021 (as `--peildatum` would); Aanvraag then says its own date again.
  // Zoë Huisman's open period since 2013 gives ~7.9 years for G9 then, over 10 later.
  const input = path.join(dir, "aanvraag.xlsx");
  const example = exampleWorkbook();
  const original = named(example, "Peildatum").value;
  named(example, "Peildatum").value = new Date(Date.UTC(2021, 0, 1));
  await example.xlsx.writeFile(input);
  expect(awardscoreBin("score", input).code).toBe(0);
  const restored = await edit(path.join(dir, "aanvraag-beoordeeld.xlsx"), (workbook) => {
    named(workbook, "Peildatum").value = original;
  });
  const ran = awardscoreBin("verify", restored);
  expect(ran.stdout.split("\n").slice(0, 2)).toEqual([
    "Nagerekend met de vastgelegde peildatum 01-01-2021.",
    expect.stringMatching(/^In orde: /),
  ]);
  expect(ran.code).toBe(0);
});

test("hand edits in Ranking, Afwijzingen and the reason column: each named by its cell", async () => {
  const scored = await scoredExample(scratch());
  const before = new ExcelJS.Workbook();
  await before.xlsx.readFile(scored);
  const ranking = before.getWorksheet("Ranking")!;
  const letters = before.getWorksheet("Afwijzingen")!;
  const reason = `${columnOf(before, "Toelichting")}7`;
  // The audit's edits; the example's top is not final (rows still to decide), so no letter may go.
  expect(letters.getCell("E8").value).toBe("Nee");
  const was = {
    score: ranking.getCell("E14").value,
    top: ranking.getCell("I17").value,
    name: ranking.getCell("B5").value,
    letter: letters.getCell("F11").value,
  };
  expect(was.top).not.toBe("Ja");
  const edited = await edit(scored, (workbook) => {
    const r = workbook.getWorksheet("Ranking")!;
    const a = workbook.getWorksheet("Afwijzingen")!;
    r.getCell("E14").value = 90;
    r.getCell("I17").value = "Ja";
    r.getCell("B5").value = "Iemand Anders";
    a.getCell("E8").value = "Ja";
    a.getCell("F11").value = "Geachte leverancier, uw kandidaat is helaas niet gekozen.";
    workbook.getWorksheet("Kandidaten")!.getCell(reason).value = "Geschikt, voldoet aan alle";
    r.getCell("C60").value = "een notitie"; // a cell the scoring leaves empty
  });
  const ran = awardscoreBin("verify", edited);
  expect(ran.code).toBe(2);
  const lines = ran.stdout.split("\n");
  expect(lines[0]).toBe("7 verschillen tussen de werkmap en de herberekening:");
  expect(lines).toContain("  Ranking!C60: Leverancier is 'een notitie', herberekend leeg");
  expect(lines).toContain(`  Ranking!E14: Score is 90, herberekend ${was.score}`);
  expect(lines).toContain(`  Ranking!I17: Top 10 is 'Ja', herberekend '${was.top}'`);
  expect(lines).toContain(`  Ranking!B5: Kandidaat is 'Iemand Anders', herberekend '${was.name}'`);
  expect(lines).toContain("  Afwijzingen!E8: Versturen is 'Ja', herberekend 'Nee'");
  expect(lines).toContain(
    `  Afwijzingen!F11: Tekst voor de leverancier is 'Geachte leverancier, uw kandidaat is helaas niet gekozen.', herberekend '${was.letter}'`
  );
  expect(ran.stdout).toMatch(
    new RegExp(
      `\n  Kandidaten!${reason}: Toelichting is 'Geschikt, voldoet aan alle', herberekend '`
    )
  );
});

test("a yes/no input edited after scoring is named by its cell, with both values", async () => {
  const scored = await scoredExample(scratch());
  const before = new ExcelJS.Workbook();
  await before.xlsx.readFile(scored);
  // Joost Vos (row 11) has his hbo-bachelor (K6): Ja; now edited to Nee, he falls out.
  const cell = `${columnOf(before, "K6")}11`;
  expect(before.getWorksheet("Kandidaten")!.getCell(cell).value).toBe("Ja");
  const edited = await edit(scored, (workbook) => {
    workbook.getWorksheet("Kandidaten")!.getCell(cell).value = "Nee";
  });
  const ran = awardscoreBin("verify", edited);
  expect(ran.code).toBe(2);
  const lines = ran.stdout.split("\n");
  expect(lines).toContain(
    `  Kandidaten!${cell}: invoer gewijzigd na het beoordelen: was 'Ja', nu 'Nee'`
  );
  // The only input named is the one edited; the record's row names it too.
  expect(lines.filter((l) => / invoer gewijzigd /.test(l))).toHaveLength(1);
  expect(ran.stdout).toMatch(/ {2}Verantwoording!\w+\d+: K6 is 'Ja', herberekend 'Nee'\n/);
});
