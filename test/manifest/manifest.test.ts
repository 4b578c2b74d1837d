/**
 * The add-in manifest, offline: Microsoft's XSD schemas (../shared/office-schemas, where that
 * folder exists) plus the checks a schema cannot make. Runs on manifest.xml and, when a build
 * exists, on dist/manifest.xml.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  addInRuleProblems,
  iconProblems,
  localeProblems,
  nonHttpsUrls,
  parseManifest,
  unresolvedResids,
  validateAgainstSchemas,
  type XmlElement,
} from "./manifestChecks";

const repoRoot = path.resolve(__dirname, "../..");
const validateScript = path.resolve(repoRoot, "../shared/office-schemas/validate.sh");
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

    it("validates against Microsoft's XSD schemas", () => {
      const result = validateAgainstSchemas(file, validateScript);
      if (!result.ran) {
        console.warn(`${path.relative(repoRoot, file)}: ${result.reason}`);
        return;
      }
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

    it("speaks Dutch by default with an en-US override for every text", () => {
      expect(localeProblems(root, "nl-NL")).toEqual([]);
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
      () => mutate(/\s*<Set Name="CustomFunctionsRuntime" MinVersion="1.1"\/>/, ""),
      "CustomFunctionsRuntime",
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

  it("rejects an element the schema does not know", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    try {
      const broken = path.join(dir, "manifest.xml");
      writeFileSync(
        broken,
        original.replace("<Permissions>", "<Flavour>teal</Flavour>\n  <Permissions>")
      );
      const result = validateAgainstSchemas(broken, validateScript);
      if (!result.ran) {
        console.warn(result.reason);
        return;
      }
      expect(result.valid).toBe(false);
      expect(result.output).toContain("Flavour");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
