/**
 * Issue 18, ".ods and .xls": the input's format from its first bytes, each format that is no
 * .xlsx with its own Dutch message, and an .ods converted by LibreOffice (when installed)
 * scoring exactly as the .xlsx it was made from.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import { exampleWorkbook } from "../../src/cli/example";
import { detectFormat, onPath, readForDetection } from "../../src/cli/formats";
import type { ScoreReport } from "../../src/cli/report";
import { convert, soffice } from "../xlsx/libreoffice";
import { awardscore, bin, compileCliBeforeAll, root, scratch } from "./helpers";

compileCliBeforeAll();

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE2 compound file as far as the detection reads it: the magic, padding, stream names. */
function oleFile(streams: string[]): Buffer {
  return Buffer.concat([
    OLE_MAGIC,
    Buffer.alloc(504),
    ...streams.map((s) =>
      Buffer.concat([Buffer.from(s, "utf16le"), Buffer.alloc(64 - 2 * s.length)])
    ),
  ]);
}

/** A zip with these parts (the first stored, as ODF wants its `mimetype`). */
async function zipFile(parts: Array<[string, string]>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of parts) zip.file(name, text, { compression: "STORE" });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The binary with this PATH (and TMPDIR, when given; the rest of the environment as it is). */
function awardscoreWithPath(pathVariable: string, ...args: string[]) {
  return awardscoreWithEnv({ PATH: pathVariable }, ...args);
}

function awardscoreWithEnv(env: NodeJS.ProcessEnv, ...args: string[]) {
  const child = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    cwd: root,
    env: { ...process.env, ...env },
    timeout: 150_000,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const saveAs =
  "Sla het op als .xlsx: in Excel met Opslaan als → Excel-werkmap (*.xlsx), in LibreOffice met " +
  "Opslaan als → Excel 2007-365 (*.xlsx).";

describe("detectFormat", () => {
  test("each format by its bytes", async () => {
    const dir = scratch();
    const xlsx = path.join(dir, "a.xlsx");
    await exampleWorkbook().xlsx.writeFile(xlsx);
    const read = async (bytes: Buffer) => {
      const file = path.join(dir, "f");
      fs.writeFileSync(file, bytes);
      const { head, tail } = await readForDetection(file);
      return detectFormat(head, tail);
    };
    expect(await read(fs.readFileSync(xlsx))).toBe("xlsx");
    expect(
      await read(
        await zipFile([
          ["[Content_Types].xml", "<Types/>"],
          ["xl/workbook.xml", "<workbook/>"],
          ["xl/vbaProject.bin", "macro's"],
        ])
      )
    ).toBe("xlsx"); // .xlsm: an .xlsx with macros
    expect(
      await read(
        await zipFile([
          ["mimetype", "application/vnd.oasis.opendocument.spreadsheet"],
          ["content.xml", "<office:document-content/>"],
        ])
      )
    ).toBe("ods");
    expect(
      await read(
        await zipFile([
          ["mimetype", "application/vnd.oasis.opendocument.text"],
          ["content.xml", "<office:document-content/>"],
        ])
      )
    ).toBe("xlsx"); // a text document is no spreadsheet: the reader says it is unreadable
    expect(
      await read(
        await zipFile([
          ["[Content_Types].xml", "<Types/>"],
          ["xl/workbook.bin", "binair"],
        ])
      )
    ).toBe("xlsb");
    expect(await read(oleFile(["Root Entry", "Workbook", "SummaryInformation"]))).toBe("xls");
    expect(await read(oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))).toBe(
      "encrypted"
    );
    expect(await read(Buffer.from("Kandidaat;Uurtarief\nAns;70\n"))).toBe("notZip");
    expect(await read(Buffer.alloc(0))).toBe("notZip");
    // The name in UTF-8 in an OLE file is no stream name, so no encryption.
    expect(
      await read(Buffer.concat([oleFile(["Root Entry"]), Buffer.from("EncryptionInfo")]))
    ).toBe("xls");
  });

  test("an .xlsb part named past the first 64 KB is found in the end of the zip", async () => {
    const dir = scratch();
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/media/big.bin", Buffer.alloc(200_000, 7), { compression: "STORE" });
    zip.file("xl/workbook.bin", "binair");
    const file = path.join(dir, "groot.xlsb");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const { head, tail } = await readForDetection(file);
    expect(head.includes(Buffer.from("xl/workbook.bin"))).toBe(false);
    expect(detectFormat(head, tail)).toBe("xlsb");
  });
});

describe("formats that are no .xlsx: each its own Dutch message, exit 2, nothing written", () => {
  test.each([
    [
      "an encrypted .xlsx",
      "beveiligd.xlsx",
      () => oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
      (f: string) =>
        `'${f}' is beveiligd met een wachtwoord (versleuteld) en kan niet worden gelezen. Open het in ` +
        `Excel, haal het wachtwoord weg (Bestand → Info → Werkmap beveiligen → Versleutelen met wachtwoord: ` +
        `maak het wachtwoord leeg) en sla het op als Excel-werkmap (*.xlsx).`,
    ],
    [
      "an .xlsb",
      "binair.xlsb",
      () =>
        zipFile([
          ["[Content_Types].xml", "<Types/>"],
          ["xl/workbook.bin", "binair"],
        ]),
      (f: string) =>
        `'${f}' is een binaire Excel-werkmap (.xlsb) en kan niet worden gelezen. ${saveAs}`,
    ],
    [
      "a CSV named .xlsx",
      "kandidaten.xlsx",
      () => Buffer.from("Kandidaat;Uurtarief\nAns;70\n"),
      (f: string) =>
        `'${f}' is geen leesbare .xlsx-werkmap: het is geen Excel-bestand (misschien een CSV-, tekst- of ` +
        `pdf-bestand, of een beschadigd of onvolledig bestand). Open het in Excel of LibreOffice en sla ` +
        `het op als .xlsx: in Excel met Opslaan als → Excel-werkmap (*.xlsx), in LibreOffice met Opslaan als → Excel 2007-365 (*.xlsx).`,
    ],
  ])("%s", async (_, name, bytes, message) => {
    const dir = scratch();
    const file = path.join(dir, name);
    fs.writeFileSync(file, await bytes());
    for (const argv of [
      ["score", file],
      ["share", file, "--out", path.join(dir, "g.xlsx")],
      ["opschonen", file],
      ["verify", file],
    ]) {
      const ran = await awardscore(...argv);
      expect({ argv, ...ran }).toEqual({ argv, code: 2, stdout: "", stderr: message(file) });
    }
    expect(fs.readdirSync(dir)).toEqual([name]);
  });

  test("an .xls without LibreOffice on PATH: the binary names the format and how to save it, exit 2", () => {
    const dir = scratch();
    const file = path.join(dir, "oud.xls");
    fs.writeFileSync(file, oleFile(["Root Entry", "Workbook"]));
    const empty = fs.mkdtempSync(path.join(dir, "path-"));
    expect(onPath("soffice", { PATH: empty })).toBeNull();
    const ran = awardscoreWithPath(empty, "score", file);
    expect(ran).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `'${file}' is een oude Excel-werkmap (.xls, Excel 97-2003), en LibreOffice is hier niet geïnstalleerd ` +
        `om het om te zetten. Open het in Excel of LibreOffice. ${saveAs}\n`,
    });
    expect(fs.readdirSync(dir).sort()).toEqual(["oud.xls", path.basename(empty)].sort());
  });

  test("an .ods without LibreOffice on PATH: its own message", async () => {
    const dir = scratch();
    const file = path.join(dir, "aanvraag.ods");
    fs.writeFileSync(
      file,
      await zipFile([
        ["mimetype", "application/vnd.oasis.opendocument.spreadsheet"],
        ["content.xml", "<office:document-content/>"],
      ])
    );
    const ran = awardscoreWithPath(path.join(dir, "nergens"), "score", file);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      `'${file}' is een OpenDocument-rekenblad (.ods), geen Excel-werkmap, en LibreOffice is hier niet ` +
        `geïnstalleerd om het om te zetten. Open het in LibreOffice of Excel. ${saveAs}\n`
    );
  });
});

describe("an .ods with LibreOffice installed", () => {
  test("is converted, says so on stderr, and scores as the .xlsx it was made from", async () => {
    expect(soffice).not.toBeNull(); // installed here (COMMON.md); without it this test proves nothing
    const dir = scratch();
    const xlsx = path.join(dir, "aanvraag.xlsx");
    const example = path.join(root, "examples/aanvraag-17040.xlsx");
    if (fs.existsSync(example)) fs.copyFileSync(example, xlsx);
    else await exampleWorkbook().xlsx.writeFile(xlsx);
    const odsDir = path.join(dir, "ods");
    convert(dir, xlsx, "ods", odsDir);
    const ods = path.join(odsDir, "aanvraag.ods");
    const before = fs.readFileSync(ods);
    expect(before.includes(Buffer.from("application/vnd.oasis.opendocument.spreadsheet"))).toBe(
      true
    );

    const fromXlsx = awardscoreWithPath(
      process.env.PATH ?? "",
      "score",
      xlsx,
      "--json",
      path.join(dir, "xlsx.json")
    );
    expect(fromXlsx.code).toBe(0);
    const json = path.join(dir, "ods.json");
    // A TMPDIR of its own, to see that the conversion's temporary folder goes afterwards.
    const tmp = path.join(dir, "tmp");
    fs.mkdirSync(tmp);
    const fromOds = awardscoreWithEnv({ TMPDIR: tmp }, "score", ods, "--json", json);
    expect(fromOds.stderr).toBe(
      `'${ods}' is een OpenDocument-rekenblad (.ods) en is omgezet met LibreOffice; het resultaat is ` +
        `een .xlsx-werkmap (de invoer zelf blijft ongewijzigd).\n`
    );
    expect(fromOds.code).toBe(0);
    expect(fromOds.stdout).toContain(
      `Geschreven: ${path.join(odsDir, "aanvraag-beoordeeld.xlsx")}`
    );
    const verdicts = (file: string) =>
      (JSON.parse(fs.readFileSync(file, "utf8")) as ScoreReport).candidates.map((c) => [
        c.row,
        c.name,
        c.status,
        c.failed,
        c.score,
        c.rank,
        c.top,
        c.needsDraw,
      ]);
    expect(verdicts(json)).toEqual(verdicts(path.join(dir, "xlsx.json")));
    // The .ods is untouched, no lock file or temporary file beside it, OUT is a zip (.xlsx).
    expect(fs.readFileSync(ods).equals(before)).toBe(true);
    expect(fs.readdirSync(odsDir).sort()).toEqual(["aanvraag-beoordeeld.xlsx", "aanvraag.ods"]);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(
      fs.readFileSync(path.join(odsDir, "aanvraag-beoordeeld.xlsx")).subarray(0, 2).toString()
    ).toBe("PK");
  }, 300_000);
});

describe("the conversion, with a stand-in for LibreOffice on PATH", () => {
  /** A folder with an executable `soffice` running this shell script. */
  function fakeSoffice(dir: string, script: string): string {
    const folder = path.join(dir, "bin");
    fs.mkdirSync(folder);
    const file = path.join(folder, "soffice");
    fs.writeFileSync(file, `#!/bin/sh\n${script}\n`);
    fs.chmodSync(file, 0o755);
    return folder;
  }

  /** An .xls as the detection sees it. */
  function xls(dir: string): string {
    const file = path.join(dir, "oud.xls");
    fs.writeFileSync(file, oleFile(["Root Entry", "Workbook"]));
    return file;
  }

  test("is called with a private profile, --convert-to xlsx and --outdir; its .xlsx is scored", async () => {
    const dir = scratch();
    const example = path.join(dir, "voorbeeld.xlsx");
    await exampleWorkbook().xlsx.writeFile(example);
    // Records its arguments and "converts" by copying the example to OUTDIR/<name>.xlsx.
    const folder = fakeSoffice(
      dir,
      `printf '%s\\n' "$@" > "${dir}/args.txt"\n` +
        `while [ "$1" != "--outdir" ]; do shift; done; mkdir -p "$2"\n` +
        `cp "${example}" "$2/$(basename "$3" .xls).xlsx"`
    );
    const file = xls(dir);
    const tmp = path.join(dir, "tmp");
    fs.mkdirSync(tmp);
    const ran = awardscoreWithEnv({ PATH: `${folder}:/usr/bin:/bin`, TMPDIR: tmp }, "score", file);
    expect(ran.stderr).toBe(
      `'${file}' is een oude Excel-werkmap (.xls) en is omgezet met LibreOffice; het resultaat is ` +
        `een .xlsx-werkmap (de invoer zelf blijft ongewijzigd).\n`
    );
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("Kandidaten: 24 — 14 geschikt");
    expect(ran.stdout).toContain(`Geschreven: ${path.join(dir, "oud-beoordeeld.xlsx")}`);
    const args = fs.readFileSync(path.join(dir, "args.txt"), "utf8").trim().split("\n");
    expect(args[0]).toMatch(
      /^-env:UserInstallation=file:\/\/.+\/awardscore-omzetten-[^/]+\/profiel$/
    );
    expect(args.slice(1, 6)).toEqual([
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
    ]);
    expect(args[7]).toMatch(/\/werkmap\.xls$/); // a copy, never the user's file
    expect(fs.readdirSync(tmp)).toEqual([]); // the temporary folder is gone
  });

  test.each([
    ["stops with an error code", "exit 3", "LibreOffice stopte met foutcode 3"],
    ["makes no .xlsx", "exit 0", "LibreOffice maakte geen .xlsx"],
  ])("LibreOffice %s: exit 2, a Dutch message with how to save as .xlsx", (_, script, reason) => {
    const dir = scratch();
    const folder = fakeSoffice(dir, script);
    const file = xls(dir);
    const ran = awardscoreWithPath(`${folder}:/usr/bin:/bin`, "score", file);
    expect(ran).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `'${file}' is een oude Excel-werkmap (.xls); omzetten met LibreOffice is mislukt (${reason}). ` +
        `Open het in LibreOffice of Excel. ${saveAs}\n`,
    });
    expect(fs.readdirSync(dir).sort()).toEqual(["bin", "oud.xls"]);
  });
});
