/**
 * The add-in manifest, offline: Microsoft's XSD schemas (test/manifest/office-schemas, kept in
 * the repository with their origin and patches, so the step runs wherever xmllint is installed)
 * plus the checks a schema cannot make. Runs on manifest.xml and, when a build exists, on
 * dist/manifest.xml. Also: the requirement sets against the APIs src calls, and the
 * English locales against the pane's choice of language.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { en, englishLocales, nl, stringsFor } from "../../src/taskpane/i18n/strings";
import { apiUses, requiredSets } from "../../src/taskpane/requirements";
import {
  addInRuleProblems,
  iconProblems,
  localeProblems,
  nonHttpsUrls,
  overriddenLocales,
  parseManifest,
  requirementProblems,
  schemaStepSkipped,
  sourceFiles,
  unresolvedResids,
  unusedApis,
  validateAgainstSchemas,
  type XmlElement,
} from "./manifestChecks";

const repoRoot = path.resolve(__dirname, "../..");
const validateScript = path.join(__dirname, "office-schemas", "validate.sh");
/** Why the schema tests cannot run here (the schemas are absent); they then show as skipped. */
const schemaSkip = schemaStepSkipped(validateScript);
/** A test of the XSD step: skipped, with the reason in its name, where the schemas are absent. */
const schemaIt = (name: string, fn: () => void) =>
  schemaSkip
    ? it.skip(`${name} (skipped: ${schemaSkip.replace(repoRoot + path.sep, "")})`, fn)
    : it(name, fn);
const sourceManifest = path.join(repoRoot, "manifest.xml");

const manifests = [sourceManifest, path.join(repoRoot, "dist", "manifest.xml")].filter((file) =>
  existsSync(file)
);

/** Assets are looked up next to the manifest: repo assets/ for the source, dist/assets/ for the build. */
const assetsDirFor = (manifestFile: string): string =>
  path.join(path.dirname(manifestFile), "assets");

/** Every problem the checks find, schema aside. */
const allProblems = (root: XmlElement, assetsDir: string): string[] => [
  ...unresolvedResids(root),
  ...nonHttpsUrls(root),
  ...iconProblems(root, assetsDir),
  ...addInRuleProblems(root),
  ...requirementProblems(root, requiredSets()),
  ...localeProblems(root, "nl-NL"),
];

describe.each(manifests.map((file) => [path.relative(repoRoot, file), file]))(
  "%s",
  (_name, file) => {
    const xml = readFileSync(file, "utf8");
    const root = parseManifest(xml);

    it("is a task-pane add-in for Excel workbooks", () => {
      expect(root.name).toBe("OfficeApp");
      expect(root.attributes.type).toBe("TaskPaneApp");
      const hosts = root.children
        .find((c) => c.name === "Hosts")
        ?.children.map((h) => h.attributes.Name);
      expect(hosts).toEqual(["Workbook"]);
    });

    schemaIt("validates against Microsoft's XSD schemas", () => {
      const result = validateAgainstSchemas(file, validateScript);
      if (!result.ran) throw new Error(result.reason);
      if (!result.valid) throw new Error(`schema validation failed:\n${result.output}`);
    });

    it("names only resources that exist (resid)", () => {
      expect(unresolvedResids(root)).toEqual([]);
    });

    it("uses https for every URL, overrides and AppDomains included", () => {
      expect(nonHttpsUrls(root)).toEqual([]);
    });

    it("points every icon at a PNG in assets/ of the size it announces", () => {
      expect(iconProblems(root, assetsDirFor(file))).toEqual([]);
    });

    it("keeps the add-in's rules: ReadWriteDocument, one long shared runtime, namespace FLEX", () => {
      expect(addInRuleProblems(root)).toEqual([]);
    });

    it("declares exactly the requirement sets the code needs (requiredSets)", () => {
      expect(requirementProblems(root, requiredSets())).toEqual([]);
    });

    it("speaks Dutch by default, English for every English locale of the pane, in every text", () => {
      expect(localeProblems(root, "nl-NL")).toEqual([]);
    });

    it("does not let data types into the custom functions (allowCustomDataForDataTypeAny)", () => {
      expect(xml).not.toContain("allowCustomDataForDataTypeAny");
    });
  }
);

describe("the checks catch what they are for", () => {
  const original = readFileSync(sourceManifest, "utf8");
  const assetsDir = assetsDirFor(sourceManifest);

  /** Applies `replace` and insists that it changed something, so no case passes vacuously. */
  const mutate = (search: string | RegExp, replacement: string): string => {
    const changed = original.replace(search, replacement);
    if (changed === original) throw new Error(`mutation did not apply: ${String(search)}`);
    return changed;
  };

  const cases: [string, () => string, string][] = [
    [
      "a resid with a typo",
      () => mutate('<Runtime resid="Taskpane.Url"', '<Runtime resid="Taskpane.Ur"'),
      'resid "Taskpane.Ur"',
    ],
    [
      "an http URL",
      () =>
        mutate(
          'DefaultValue="https://localhost:3000/functions.js"',
          'DefaultValue="http://localhost:3000/functions.js"'
        ),
      "is not https",
    ],
    [
      "an http override",
      () =>
        mutate(
          'Value="https://localhost:3000/functions.en-US.json"',
          'Value="http://localhost:3000/functions.en-US.json"'
        ),
      "override en-US",
    ],
    ["an http AppDomain", () => mutate(/<AppDomain>https:/, "<AppDomain>http:"), "AppDomain"],
    [
      "an icon of the wrong size",
      () =>
        mutate(
          'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
          'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"'
        ),
      "expected 16×16",
    ],
    [
      "a missing icon file",
      () => mutate("assets/icon-80.png", "assets/icon-81.png"),
      "does not exist",
    ],
    [
      "a ribbon size that does not match its image",
      () =>
        mutate(
          '<bt:Image size="32" resid="Icon.32x32"/>',
          '<bt:Image size="32" resid="Icon.80x80"/>'
        ),
      'size="32"',
    ],
    [
      "an extra permission level",
      () =>
        mutate(
          "<Permissions>ReadWriteDocument</Permissions>",
          "<Permissions>ReadWriteMailbox</Permissions>"
        ),
      "ReadWriteDocument",
    ],
    [
      "a missing requirement set",
      () => mutate(/\s*<Set Name="CustomFunctionsRuntime" MinVersion="1.2"\/>/, ""),
      "CustomFunctionsRuntime 1.2 is missing",
    ],
    [
      "an ExcelApi older than the newest API called",
      () =>
        mutate(
          '<Set Name="ExcelApi" MinVersion="1.9"/>',
          '<Set Name="ExcelApi" MinVersion="1.8"/>'
        ),
      "ExcelApi 1.9 is missing (found 1.8)",
    ],
    [
      "a requirement set the code does not need",
      () =>
        mutate(
          '<Set Name="SharedRuntime" MinVersion="1.1"/>',
          '<Set Name="SharedRuntime" MinVersion="1.1"/><Set Name="DialogApi" MinVersion="1.1"/>'
        ),
      "DialogApi 1.1 is declared but the code does not need it",
    ],
    [
      "a short-lived runtime",
      () => mutate('lifetime="long"', 'lifetime="short"'),
      'expected "long"',
    ],
    [
      "a task pane outside the shared runtime",
      () =>
        mutate(
          '<FunctionFile resid="Taskpane.Url"/>',
          '<FunctionFile resid="Functions.Script.Url"/>'
        ),
      "<FunctionFile>",
    ],
    [
      "another namespace",
      () =>
        mutate(
          'id="Functions.Namespace" DefaultValue="FLEX"',
          'id="Functions.Namespace" DefaultValue="CONTOSO"'
        ),
      "namespace",
    ],
    [
      "metadata without English",
      () =>
        mutate(
          /\s*<bt:Override Locale="en-US" Value="https:\/\/localhost:3000\/functions.en-US.json"\/>/,
          ""
        ),
      "metadata",
    ],
    [
      "another default locale",
      () => mutate("<DefaultLocale>nl-NL</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"),
      "DefaultLocale",
    ],
    [
      "a string without en-US",
      () => mutate(/(<bt:String id="TaskpaneButton.Label"[^>]*>)\s*<bt:Override[^>]*\/>/, "$1"),
      '"TaskpaneButton.Label" has no en-US',
    ],
    [
      "a display name without en-US",
      () => mutate(/\s*<Override Locale="en-US" Value="AwardScore CV evaluation"\/>/, ""),
      "DisplayName",
    ],
    [
      "a string without en-GB",
      () => mutate(/\s*<bt:Override Locale="en-GB" Value="Evaluate CVs"\/>/, ""),
      'bt:String "TaskpaneButton.Label" has no en-GB override',
    ],
    [
      "a namespace without en-ZA",
      () => mutate(/\s*<bt:Override Locale="en-ZA" Value="FLEX"\/>/, ""),
      'bt:String "Functions.Namespace" has no en-ZA override',
    ],
    [
      "an English locale the pane does not speak",
      () =>
        mutate(
          '<Override Locale="en-US" Value="AwardScore CV evaluation"/>',
          '<Override Locale="en-US" Value="AwardScore CV evaluation"/><Override Locale="en-SG" Value="AwardScore CV evaluation"/>'
        ),
      "DisplayName overrides en-SG",
    ],
    [
      "an English text that differs between English locales",
      () =>
        mutate(
          '<Override Locale="en-GB" Value="AwardScore CV evaluation"/>',
          '<Override Locale="en-GB" Value="AwardScore CV evaluation (UK)"/>'
        ),
      "DisplayName: the en-GB override differs from the en-US one",
    ],
    [
      "English function help missing for en-AU",
      () =>
        mutate(
          /\s*<bt:Override Locale="en-AU" Value="https:\/\/localhost:3000\/functions.en-US.json"\/>/,
          ""
        ),
      'custom-functions metadata "Functions.Metadata.Url" has no en-AU override',
    ],
    [
      "English function help pointing at the Dutch metadata",
      () =>
        mutate(
          '<bt:Override Locale="en-IE" Value="https://localhost:3000/functions.en-US.json"/>',
          '<bt:Override Locale="en-IE" Value="https://localhost:3000/functions.json"/>'
        ),
      'override en-IE is "https://localhost:3000/functions.json", not the English functions.en-US.json',
    ],
  ];

  it.each(cases)("reports %s", (_what, make, expected) => {
    const problems = allProblems(parseManifest(make()), assetsDir);
    expect(problems.join("\n")).toContain(expected);
  });

  it("reports XML that is not well-formed, with its line", () => {
    expect(() => parseManifest(original.replace("</Permissions>", "</Permission>"))).toThrow(
      /line \d+/
    );
  });

  it("finds nothing wrong with the manifest as committed", () => {
    expect(allProblems(parseManifest(original), assetsDir)).toEqual([]);
  });

  it("skips only the schema step where the schemas are absent", () => {
    const result = validateAgainstSchemas(
      sourceManifest,
      path.join(os.tmpdir(), "no-such-folder", "validate.sh")
    );
    expect(result).toEqual({
      ran: false,
      reason: expect.stringContaining("schema step is skipped"),
    });
  });

  schemaIt("rejects an element the schema does not know", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    try {
      const broken = path.join(dir, "manifest.xml");
      writeFileSync(
        broken,
        original.replace("<Permissions>", "<Flavour>teal</Flavour>\n  <Permissions>")
      );
      const result = validateAgainstSchemas(broken, validateScript);
      expect(result.ran).toBe(true);
      if (!result.ran) return;
      expect(result.valid).toBe(false);
      expect(result.output).toContain("Flavour");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("requirement sets and the code", () => {
  const officeFolders = ["src/office", "src/taskpane", "src/functions"];
  const files = officeFolders
    .flatMap((folder) => sourceFiles(path.join(repoRoot, folder)))
    // The table names every API itself.
    .filter((file) => !file.endsWith(path.join("src", "taskpane", "requirements.ts")));

  it("finds every API of the table in src/office, src/taskpane or src/functions", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(unusedApis(apiUses, files)).toEqual([]);
  });

  it("reports a table entry that no code calls", () => {
    const stale = {
      api: "Worksheet.tabColor",
      pattern: /\.tabColor\b/,
      set: "ExcelApi",
      version: "1.7",
    };
    expect(unusedApis([...apiUses, stale], files)).toEqual(["Worksheet.tabColor"]);
  });

  it("does not set allowCustomDataForDataTypeAny in the build's configuration or functions", () => {
    const configured = [
      path.join(repoRoot, "manifest.xml"),
      path.join(repoRoot, "webpack.config.js"),
      ...sourceFiles(path.join(repoRoot, "src/functions"), [".ts", ".json"]),
      ...sourceFiles(path.join(repoRoot, "scripts"), [".js", ".mjs"]),
    ];
    const setting = /allowCustomDataForDataTypeAny["']?\s*[:=]\s*true/;
    expect(configured.filter((file) => setting.test(readFileSync(file, "utf8")))).toEqual([]);
  });

  it("leaves allowCustomDataForDataTypeAny out of dist's functions metadata, where built", () => {
    const built = ["functions.json", "functions.en-US.json"]
      .map((file) => path.join(repoRoot, "dist", file))
      .filter((file) => existsSync(file));
    for (const file of built) {
      expect(JSON.parse(readFileSync(file, "utf8"))).not.toHaveProperty(
        "allowCustomDataForDataTypeAny"
      );
    }
  });
});

describe("languages: the manifest's English locales are the pane's", () => {
  const root = parseManifest(readFileSync(sourceManifest, "utf8"));
  const byLocale = overriddenLocales(root);

  it("overrides exactly englishLocales (src/taskpane/i18n/strings.ts)", () => {
    expect([...byLocale.keys()].sort()).toEqual([...englishLocales].sort());
    expect(englishLocales).toEqual(expect.arrayContaining(["en-US", "en-GB"]));
  });

  it("overrides the same texts for every English locale", () => {
    const texts = byLocale.get("en-US");
    expect(texts).toEqual(
      expect.arrayContaining([
        "DisplayName",
        "Description",
        'bt:Url "Functions.Metadata.Url"',
        'bt:String "Functions.Namespace"',
      ])
    );
    for (const locale of englishLocales) expect(byLocale.get(locale)).toEqual(texts);
  });

  it.each([...byLocale.keys()])("gives the English pane for %s", (locale) => {
    expect(stringsFor(locale)).toBe(en);
    expect(stringsFor(locale.toLowerCase())).toBe(en);
  });

  it.each(["nl-NL", "nl-BE", "en-SG", "en", "fr-FR", undefined])(
    "gives the Dutch pane for %s, which the manifest leaves Dutch",
    (locale) => {
      expect(byLocale.has(locale ?? "")).toBe(false);
      expect(stringsFor(locale)).toBe(nl);
    }
  );
});
