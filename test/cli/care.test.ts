/**
 * Issue 18, "the user's files, handled with care": --json never over IN or OUT, both
 * outputs or neither, no OUT replaced without --force, file-system errors in Dutch with
 * the path and what to do (exit 2), our own faults as one line (exit 1), presets looked
 * up by their own key, each command's help.
 */
import fs from "fs";
import path from "path";
import { exampleWorkbook } from "../../src/cli/example";
import { fileSystemError, isSystemError } from "../../src/cli/errors";
import { commitFiles, prepareText } from "../../src/cli/files";
import * as zipModule from "../../src/xlsx/package/zip";
import { awardscore, scratch } from "./helpers";

// writePackage as a mock that writes as the real one does, so a test can make it fail (a
// module's exports cannot be spied on: they are read-only getters in the compiled module).
jest.mock("../../src/xlsx/package/zip", () => {
  const actual = jest.requireActual<typeof import("../../src/xlsx/package/zip")>(
    "../../src/xlsx/package/zip"
  );
  return { ...actual, writePackage: jest.fn(actual.writePackage) };
});
const writePackage = jest.mocked(zipModule.writePackage);
const realWritePackage = jest.requireActual<typeof import("../../src/xlsx/package/zip")>(
  "../../src/xlsx/package/zip"
).writePackage;

const example = path.resolve(__dirname, "../../examples/aanvraag-17040.xlsx");

/** A copy of the example in `dir`. */
async function input(dir: string, name = "aanvraag.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  if (fs.existsSync(example)) fs.copyFileSync(example, file);
  else await exampleWorkbook().xlsx.writeFile(file);
  return file;
}

/** A system error as Node raises it. */
function systemError(code: string, syscall = "open"): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: fake, ${syscall}`), { code, syscall, errno: -1 });
}

/** The files in `dir`, hidden ones (temporary files) included. */
const listing = (dir: string) => fs.readdirSync(dir).sort();

afterEach(() => jest.restoreAllMocks());

describe("--json never names IN or OUT", () => {
  test.each([
    ["IN", "in"],
    ["OUT (given)", "out"],
    ["OUT (the default)", "default"],
  ])("--json %s: exit 2, a Dutch message, nothing written", async (_, which) => {
    const dir = scratch();
    const file = await input(dir);
    const before = fs.readFileSync(file);
    const out = path.join(dir, "uit.xlsx");
    const json =
      which === "in" ? file : which === "out" ? out : path.join(dir, "aanvraag-beoordeeld.xlsx");
    const argv = ["score", file, "--json", json];
    if (which === "out") argv.push("--out", out);
    const ran = await awardscore(...argv);
    expect(ran).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `--json '${json}' is hetzelfde bestand als de ${which === "in" ? "invoer" : "uitvoer"}: de JSON zou ` +
        `de werkmap vervangen. Er is niets geschreven. Kies een andere naam voor --json, bijvoorbeeld --json uitslag.json.`,
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(listing(dir)).toEqual(["aanvraag.xlsx"]);
  });

  test("also through another spelling of the same path", async () => {
    const dir = scratch();
    const file = await input(dir);
    const ran = await awardscore(
      "score",
      file,
      "--json",
      path.join(dir, ".", "x", "..", "aanvraag.xlsx")
    );
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("is hetzelfde bestand als de invoer");
    expect(listing(dir)).toEqual(["aanvraag.xlsx"]);
  });
});

describe("both outputs or neither", () => {
  /** Scores once into uit.xlsx, so that an earlier OUT exists; returns its bytes. */
  async function earlierOut(dir: string): Promise<{ file: string; out: string; bytes: Buffer }> {
    const file = await input(dir);
    const out = path.join(dir, "uit.xlsx");
    expect((await awardscore("score", file, "--out", out)).code).toBe(0);
    return { file, out, bytes: fs.readFileSync(out) };
  }

  test("JSON into a folder that does not exist: exit 2, the earlier OUT byte-identical, no temporary file", async () => {
    const dir = scratch();
    const { file, out, bytes } = await earlierOut(dir);
    const json = path.join(dir, "geen-map", "uitslag.json");
    const ran = await awardscore("score", file, "--out", out, "--force", "--json", json);
    expect(ran).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `Kan '${json}' niet schrijven: de map '${path.join(dir, "geen-map")}' bestaat niet. ` +
        `Maak de map eerst aan, of kies een andere plek.`,
    });
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(listing(dir)).toEqual(["aanvraag.xlsx", "uit.xlsx"]);
  });

  test("JSON into a read-only folder (EACCES): exit 2, the earlier OUT byte-identical, no temporary file", async () => {
    const dir = scratch();
    const { file, out, bytes } = await earlierOut(dir);
    const json = path.join(dir, "uitslag.json");
    // Root may write anywhere: the folder's refusal is the operating system's error, mocked.
    const writeFile = fs.promises.writeFile;
    jest.spyOn(fs.promises, "writeFile").mockImplementation(async (target, ...rest) => {
      if (String(target).includes("uitslag.json")) throw systemError("EACCES");
      return writeFile(target, ...rest);
    });
    const ran = await awardscore("score", file, "--out", out, "--force", "--json", json);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      `Kan '${json}' niet schrijven: geen toegang (geen rechten op het bestand of de map, of het ` +
        `bestand is geopend in een ander programma). Sluit het bestand in Excel als het daar open ` +
        `is, of kies een map waar u wel rechten hebt.`
    );
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(listing(dir)).toEqual(["aanvraag.xlsx", "uit.xlsx"]);
  });

  test("the JSON's rename fails after OUT's: OUT is put back as it was, the JSON as it was", async () => {
    const dir = scratch();
    const { file, out, bytes } = await earlierOut(dir);
    const json = path.join(dir, "uitslag.json");
    fs.writeFileSync(json, "oud");
    const rename = fs.promises.rename;
    jest.spyOn(fs.promises, "rename").mockImplementation(async (from, to) => {
      if (String(to) === json) throw systemError("EBUSY", "rename");
      return rename(from, to);
    });
    const ran = await awardscore("score", file, "--out", out, "--force", "--json", json);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      `Kan '${json}' niet schrijven: het bestand is in gebruik door een ander programma, ` +
        `bijvoorbeeld geopend in Excel. Sluit het bestand daar en probeer het opnieuw.`
    );
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(fs.readFileSync(json, "utf8")).toBe("oud");
    expect(listing(dir)).toEqual(["aanvraag.xlsx", "uit.xlsx", "uitslag.json"]);
  });

  test("a rename that fails where OUT did not exist before removes the new OUT again", async () => {
    const dir = scratch();
    const a = path.join(dir, "a.txt");
    const b = path.join(dir, "b.txt");
    const prepared = [await prepareText(a, "A"), await prepareText(b, "B")];
    expect(listing(dir)).toHaveLength(2); // only the two temporary files
    const rename = fs.promises.rename;
    jest
      .spyOn(fs.promises, "rename")
      .mockImplementationOnce(rename)
      .mockRejectedValueOnce(systemError("ENOSPC", "rename"));
    await expect(commitFiles(prepared)).rejects.toThrow(
      `Kan '${b}' niet schrijven: de schijf is vol.`
    );
    expect(listing(dir)).toEqual([]);
  });

  test("with both written, both are in place and no temporary file is left", async () => {
    const dir = scratch();
    const file = await input(dir);
    const json = path.join(dir, "uitslag.json");
    const ran = await awardscore("score", file, "--json", json);
    expect(ran.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, "utf8")).candidates).toHaveLength(24);
    expect(listing(dir)).toEqual(["aanvraag-beoordeeld.xlsx", "aanvraag.xlsx", "uitslag.json"]);
  });
});

describe("no OUT replaced without --force", () => {
  test("score twice: the second refuses with the default name, OUT untouched; --force replaces it", async () => {
    const dir = scratch();
    const file = await input(dir);
    const out = path.join(dir, "aanvraag-beoordeeld.xlsx");
    expect((await awardscore("score", file)).code).toBe(0);
    fs.appendFileSync(out, "de loting van de gebruiker");
    const typed = fs.readFileSync(out);
    const again = await awardscore("score", file);
    expect(again).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `'${out}' bestaat al en wordt niet overschreven (het is de standaardnaam voor de uitvoer). ` +
        `Er is niets geschreven. Kies een andere naam met --out, of gebruik --force om het bestand te vervangen. ` +
        `Hebt u in '${out}' zelf iets ingevuld (zoals de Loting), beoordeel dan dat bestand.`,
    });
    expect(fs.readFileSync(out).equals(typed)).toBe(true);
    const forced = await awardscore("score", file, "--force");
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).equals(typed)).toBe(false);
    expect(listing(dir)).toEqual(["aanvraag-beoordeeld.xlsx", "aanvraag.xlsx"]);
  });

  test.each([
    ["score", (file: string, out: string) => ["score", file, "--out", out]],
    ["share", (file: string, out: string) => ["share", file, "--out", out]],
    ["opschonen", (file: string, out: string) => ["opschonen", file, "--out", out]],
    ["template", (_: string, out: string) => ["template", "--out", out]],
  ])("%s refuses an existing --out, naming it and how to proceed", async (_, argv) => {
    const dir = scratch();
    const file = await input(dir);
    const out = path.join(dir, "bestaat.xlsx");
    fs.writeFileSync(out, "van de gebruiker");
    const ran = await awardscore(...argv(file, out));
    expect(ran).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `'${out}' bestaat al en wordt niet overschreven. Er is niets geschreven. ` +
        `Kies een andere naam met --out, of gebruik --force om het bestand te vervangen.`,
    });
    expect(fs.readFileSync(out, "utf8")).toBe("van de gebruiker");
    expect(listing(dir)).toEqual(["aanvraag.xlsx", "bestaat.xlsx"]);
  });

  test("opschonen's default name counts too; --force replaces it", async () => {
    const dir = scratch();
    const file = await input(dir);
    const out = path.join(dir, "aanvraag-opgeschoond.xlsx");
    fs.writeFileSync(out, "x");
    const ran = await awardscore("opschonen", file);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      `'${out}' bestaat al en wordt niet overschreven (het is de standaardnaam voor de uitvoer). ` +
        `Er is niets geschreven. Kies een andere naam met --out, of gebruik --force om het bestand te vervangen.`
    );
    // With --force it goes on: the example's top is not final, which is the next refusal.
    const forced = await awardscore("opschonen", file, "--force");
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/^De top is nog niet definitief, dus er is niets opgeschoond/);
  });
});

describe("file-system errors in Dutch, with the path and what to do", () => {
  test.each([
    ["ENOENT", "de map 'map' bestaat niet. Maak de map eerst aan, of kies een andere plek."],
    ["EACCES", "geen toegang (geen rechten op het bestand of de map"],
    ["EPERM", "geen toegang (geen rechten op het bestand of de map"],
    ["ENOSPC", "de schijf is vol. Maak ruimte vrij of kies een plek op een andere schijf"],
    ["EBUSY", "het bestand is in gebruik door een ander programma, bijvoorbeeld geopend in Excel"],
    ["EISDIR", "dat is een map, geen bestand. Geef de naam van een bestand op."],
    ["EROFS", "de schijf is alleen-lezen. Kies een plek waar u kunt schrijven."],
    ["EMFILE", "er staan te veel bestanden tegelijk open. Sluit andere programma's"],
    ["EXYZ", "(systeemfout EXYZ). Controleer het bestand en de map"],
  ])("%s", (code, words) => {
    const message = fileSystemError("write", "map/uit.xlsx", systemError(code)).message;
    expect(message.startsWith("Kan 'map/uit.xlsx' niet schrijven")).toBe(true);
    expect(message).toContain(words);
    expect(message).not.toMatch(/[a-z]+ing |no such|permission|denied/i);
  });

  test("a missing input is 'niet gevonden', a folder as input says so", async () => {
    const dir = scratch();
    expect(fileSystemError("read", "weg.xlsx", systemError("ENOENT")).message).toBe(
      "Bestand niet gevonden: 'weg.xlsx'."
    );
    const ran = await awardscore("score", dir);
    expect(ran).toEqual({
      code: 2,
      stdout: "",
      stderr: `Kan '${dir}' niet lezen: dat is een map, geen bestand. Geef de naam van een bestand op.`,
    });
  });

  test.each([
    ["EBUSY", "het bestand is in gebruik door een ander programma, bijvoorbeeld geopend in Excel"],
    ["EPERM", "geen toegang"],
    ["ENOSPC", "de schijf is vol"],
    ["EROFS", "de schijf is alleen-lezen"],
    ["EMFILE", "er staan te veel bestanden tegelijk open"],
  ])(
    "OUT cannot be put in place (%s, as when Excel locks it): exit 2, earlier OUT as it was",
    async (code, words) => {
      const dir = scratch();
      const file = await input(dir);
      const out = path.join(dir, "uit.xlsx");
      fs.writeFileSync(out, "open in Excel");
      jest.spyOn(fs.promises, "rename").mockRejectedValue(systemError(code, "rename"));
      const ran = await awardscore("score", file, "--out", out, "--force");
      expect(ran.code).toBe(2);
      expect(ran.stdout).toBe("");
      expect(ran.stderr).toContain(`Kan '${out}' niet schrijven: ${words}`);
      expect(fs.readFileSync(out, "utf8")).toBe("open in Excel");
      expect(listing(dir)).toEqual(["aanvraag.xlsx", "uit.xlsx"]);
    }
  );

  test("OUT is a folder (EISDIR, real): exit 2 in Dutch, no temporary file", async () => {
    const dir = scratch();
    const file = await input(dir);
    const out = path.join(dir, "map.xlsx");
    fs.mkdirSync(out);
    const ran = await awardscore("score", file, "--out", out, "--force");
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(
      new RegExp(`^Kan '${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}' niet schrijven: `)
    );
    expect(ran.stderr).not.toMatch(/EISDIR|ENOTEMPTY|EEXIST|illegal|directory/i);
    expect(listing(dir)).toEqual(["aanvraag.xlsx", "map.xlsx"]);
  });

  test("an input that cannot be read (EACCES on open): exit 2, 'niet lezen'", async () => {
    const dir = scratch();
    const file = await input(dir);
    jest.spyOn(fs.promises, "open").mockRejectedValue(systemError("EACCES"));
    const ran = await awardscore("score", file);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`Kan '${file}' niet lezen: geen toegang`);
    expect(listing(dir)).toEqual(["aanvraag.xlsx"]);
  });

  test("isSystemError tells the operating system's errors from ours", () => {
    expect(isSystemError(systemError("ENOENT"))).toBe(true);
    expect(isSystemError(new TypeError("Cannot read properties of null (reading 'theme')"))).toBe(
      false
    );
    expect(isSystemError(Object.assign(new Error("x"), { code: "ERR_INVALID_ARG_TYPE" }))).toBe(
      false
    );
    expect(isSystemError("ENOENT")).toBe(false);
  });
});

describe("our own faults: exit 1, one Dutch line", () => {
  const crash = () =>
    writePackage.mockRejectedValue(
      new TypeError("Cannot read properties of null (reading 'theme')")
    );
  afterEach(() => writePackage.mockImplementation(realWritePackage));

  test("an error inside writing that is no file-system error: exit 1, no stack, nothing left", async () => {
    const dir = scratch();
    const file = await input(dir);
    crash();
    const ran = await awardscore("score", file);
    expect(ran).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "Interne fout (een fout in awardscore, niet in uw bestand): Cannot read properties of null " +
        "(reading 'theme'). Meld dit graag; met AWARDSCORE_DEBUG=1 toont de opdracht de details.",
    });
    expect(listing(dir)).toEqual(["aanvraag.xlsx"]);
  });

  test("AWARDSCORE_DEBUG=1 adds the stack trace", async () => {
    const dir = scratch();
    const file = await input(dir);
    crash();
    process.env.AWARDSCORE_DEBUG = "1";
    try {
      const ran = await awardscore("score", file);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toMatch(/\n\s+at /);
    } finally {
      delete process.env.AWARDSCORE_DEBUG;
    }
  });
});

describe("presets are looked up by their own key", () => {
  test.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "--preset %s is an unknown preset for every command (exit 2, the list), never a crash",
    async (preset) => {
      const dir = scratch();
      const file = await input(dir);
      const message = `Onbekende preset '${preset}'. Beschikbaar: 17040.`;
      const runs = [
        ["score", file, "--preset", preset],
        ["share", file, "--out", path.join(dir, "g.xlsx"), "--preset", preset],
        ["opschonen", file, "--preset", preset],
        ["template", "--out", path.join(dir, "t.xlsx"), "--preset", preset],
      ];
      for (const argv of runs) {
        const ran = await awardscore(...argv);
        expect({ argv, ...ran }).toEqual({ argv, code: 2, stdout: "", stderr: message });
      }
      expect(listing(dir)).toEqual(["aanvraag.xlsx"]);
    }
  );
});

describe("help and version", () => {
  test.each([
    [["score", "--help"], "score"],
    [["score", "-h"], "score"],
    [["help", "score"], "score"],
    [["share", "--help"], "share"],
    [["opschonen", "-h"], "opschonen"],
    [["template", "--help"], "template"],
    [["verify", "--help"], "verify"],
    [["help", "verify"], "verify"],
  ])("%j shows that command's help, exit 0", async (argv, command) => {
    const ran = await awardscore(...argv);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    expect(ran.stdout.split("\n")[0]).toMatch(new RegExp(`^Gebruik: awardscore ${command} `));
    expect(ran.stdout).toContain("-h, --help          deze uitleg");
    if (command !== "verify") expect(ran.stdout).toContain("--force");
    // Only this command: no other command's usage line.
    expect(ran.stdout.match(/awardscore (template|score|share|opschonen|verify) /g)).toHaveLength(
      1
    );
  });

  test("score's help names --json's rule and the default OUT", async () => {
    const ran = await awardscore("score", "--help");
    expect(ran.stdout).toContain(
      "--json PAD          schrijft de uitslag ook als JSON naar PAD (nooit IN of UIT)"
    );
    expect(ran.stdout).toContain("(standaard IN-beoordeeld.xlsx)");
  });

  test("help of a command that does not exist: exit 2 in Dutch", async () => {
    const ran = await awardscore("help", "scoor");
    expect(ran.code).toBe(2);
    expect(ran.stderr.split("\n")[0]).toBe(
      "Onbekende opdracht 'scoor'. Kies 'template', 'score', 'share', 'opschonen', 'verify' of 'cv'."
    );
  });

  test("--version prints package.json's version", async () => {
    const { version } = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")
    ) as { version: string };
    expect(await awardscore("--version")).toEqual({
      code: 0,
      stdout: `awardscore ${version}`,
      stderr: "",
    });
  });
});
