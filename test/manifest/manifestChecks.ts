/**
 * Checks of an add-in only XML manifest that an XSD schema cannot make: cross-references
 * (`resid`), https, icon files and their pixel sizes, and the rules this add-in sets for itself
 * (shared runtime, namespace FLEX, Dutch first with the same English overrides for every
 * English locale of the pane, least permission, exactly the requirement sets the code needs).
 *
 * Every check returns a list of problems, empty when the manifest is right, so a failing test
 * prints all of them at once.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { englishLocales } from "../../src/taskpane/i18n/strings";
import type { ApiUse, RequirementSet } from "../../src/taskpane/requirements";

/** One XML element: local name (namespace prefix dropped), attributes, child elements, text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

/** The locales every user-visible text must also be given in: those that get the English pane. */
export const ENGLISH_LOCALES: readonly string[] = englishLocales;

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ":@");
  if (name === undefined || name === "#text" || name.startsWith("?") || name.startsWith("#")) {
    return undefined;
  }
  const rawChildren = (node[name] as OrderedNode[] | undefined) ?? [];
  const children: XmlElement[] = [];
  let text = "";
  for (const child of rawChildren) {
    if ("#text" in child) {
      text += String(child["#text"]);
      continue;
    }
    const element = toElement(child);
    if (element) children.push(element);
  }
  return { name, attributes: { ...(node[":@"] ?? {}) }, children, text: text.trim() };
}

/**
 * Parses manifest XML into a tree of {@link XmlElement}; throws with line and column when the
 * XML is not well-formed.
 *
 * @example parseManifest(readFileSync("manifest.xml", "utf8")).name // → "OfficeApp"
 */
export function parseManifest(xml: string): XmlElement {
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw new Error(`manifest is not well-formed XML (line ${line}, column ${col}): ${msg}`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    // Prefixes are the author's choice (bt:, ov:); local names are what the checks need.
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const nodes = parser.parse(xml) as OrderedNode[];
  const root = nodes.map(toElement).find((element) => element !== undefined);
  if (!root) throw new Error("manifest has no root element");
  return root;
}

/**
 * Every element of the tree, depth first, the root included.
 *
 * @example descendants(root).filter((e) => e.name === "Runtime")
 */
export function descendants(root: XmlElement): XmlElement[] {
  const all: XmlElement[] = [root];
  for (const child of root.children) all.push(...descendants(child));
  return all;
}

function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((child) => child.name === name) : [];
}

function firstDescendant(root: XmlElement, name: string): XmlElement | undefined {
  return descendants(root).find((element) => element.name === name);
}

/** A resource of `<Resources>` (bt:Image, bt:Url or bt:String) with its locale overrides. */
export interface Resource {
  readonly kind: "Images" | "Urls" | "ShortStrings" | "LongStrings";
  readonly id: string;
  readonly defaultValue: string;
  /** Locale → value, from the resource's `bt:Override` children. */
  readonly overrides: ReadonlyMap<string, string>;
}

/**
 * The resources declared in `<VersionOverrides><Resources>`, by id.
 *
 * @example resources(root).get("Functions.Namespace")?.defaultValue // → "FLEX"
 */
export function resources(root: XmlElement): Map<string, Resource> {
  const byId = new Map<string, Resource>();
  const container = firstDescendant(root, "Resources");
  for (const group of container?.children ?? []) {
    const kind = group.name as Resource["kind"];
    for (const item of group.children) {
      const overrides = new Map(
        childrenNamed(item, "Override").map(
          (o) => [o.attributes.Locale ?? "", o.attributes.Value ?? ""] as const
        )
      );
      byId.set(item.attributes.id ?? "", {
        kind,
        id: item.attributes.id ?? "",
        defaultValue: item.attributes.DefaultValue ?? "",
        overrides,
      });
    }
  }
  return byId;
}

/**
 * Problems with `resid` attributes: each must name a resource that exists; resource ids must
 * be unique.
 *
 * @example unresolvedResids(parseManifest(xml)) // → [] or ['resid "Taskpane.Ur" (Runtime) ...']
 */
export function unresolvedResids(root: XmlElement): string[] {
  const problems: string[] = [];
  const declared = resources(root);
  const seen = new Set<string>();
  for (const group of firstDescendant(root, "Resources")?.children ?? []) {
    for (const item of group.children) {
      const id = item.attributes.id ?? "";
      if (seen.has(id)) problems.push(`resource id "${id}" is declared more than once`);
      seen.add(id);
    }
  }
  for (const element of descendants(root)) {
    const resid = element.attributes.resid;
    if (resid !== undefined && !declared.has(resid)) {
      problems.push(`resid "${resid}" (on <${element.name}>) names no resource in <Resources>`);
    }
  }
  return problems;
}

/** Elements whose DefaultValue (and Override Value) is a URL, outside `<Resources>` too. */
const URL_ELEMENTS = new Set([
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "SourceLocation",
  "Url",
  "Image",
]);

/** A URL found in the manifest and where it was found. */
export interface FoundUrl {
  readonly where: string;
  readonly url: string;
}

/**
 * Every URL the manifest declares: SourceLocation, IconUrl, HighResolutionIconUrl, SupportUrl,
 * bt:Url and bt:Image values with their overrides, and AppDomain entries.
 *
 * @example declaredUrls(root).map((u) => u.url)
 */
export function declaredUrls(root: XmlElement): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const element of descendants(root)) {
    if (element.name === "AppDomain") {
      found.push({ where: "AppDomain", url: element.text });
      continue;
    }
    if (!URL_ELEMENTS.has(element.name) || element.attributes.DefaultValue === undefined) continue;
    const label = element.attributes.id
      ? `${element.name} "${element.attributes.id}"`
      : element.name;
    found.push({ where: label, url: element.attributes.DefaultValue });
    for (const override of childrenNamed(element, "Override")) {
      found.push({
        where: `${label} override ${override.attributes.Locale ?? "?"}`,
        url: override.attributes.Value ?? "",
      });
    }
  }
  return found;
}

/**
 * Problems with URLs: each declared URL must be an absolute https URL.
 *
 * @example nonHttpsUrls(root) // → ['SupportUrl: "http://example.com" is not https']
 */
export function nonHttpsUrls(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const { where, url } of declaredUrls(root)) {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      problems.push(`${where}: "${url}" is not an absolute URL`);
      continue;
    }
    if (protocol !== "https:") problems.push(`${where}: "${url}" is not https`);
  }
  return problems;
}

/**
 * Width and height of a PNG from its IHDR chunk, or undefined when the bytes are not a PNG.
 *
 * @example pngSize(readFileSync("assets/icon-32.png")) // → { width: 32, height: 32 }
 */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(signature) ||
    bytes.toString("latin1", 12, 16) !== "IHDR"
  ) {
    return undefined;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The pixel size an icon's id (`Icon.16x16`) or file name (`icon-16.png`) announces. */
function announcedSize(text: string): number | undefined {
  const match = /(\d+)x\1(?!\d)/.exec(text) ?? /-(\d+)\.png$/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Icon sizes Office documents for the top-level icon elements. */
const TOP_LEVEL_ICON_SIZES: Readonly<Record<string, number>> = {
  IconUrl: 32,
  HighResolutionIconUrl: 64,
};

/**
 * Problems with icons: every icon URL (IconUrl, HighResolutionIconUrl, bt:Image, overrides
 * included) must map to `<assetsDir>/<file>` through its `/assets/` path, the file must be a
 * PNG, and its pixel size must match what the id, the file name, the element and every
 * `<bt:Image size>` that refers to it say.
 *
 * @example iconProblems(root, "assets") // → [] or ['bt:Image "Icon.16x16": assets/icon-16.png is 32×32 ...']
 */
export function iconProblems(root: XmlElement, assetsDir: string): string[] {
  const problems: string[] = [];
  const sizeOfResource = new Map<string, number>();

  const checkIcon = (where: string, url: string, expected: number[]): number | undefined => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(url).pathname);
    } catch {
      problems.push(`${where}: "${url}" is not an absolute URL`);
      return undefined;
    }
    const marker = pathname.lastIndexOf("/assets/");
    if (marker < 0) {
      problems.push(`${where}: "${url}" is not under /assets/`);
      return undefined;
    }
    const relative = pathname.slice(marker + "/assets/".length);
    const file = path.join(assetsDir, ...relative.split("/"));
    const shown = path.relative(path.dirname(assetsDir), file);
    if (!existsSync(file)) {
      problems.push(`${where}: ${shown} does not exist`);
      return undefined;
    }
    const size = pngSize(readFileSync(file));
    if (!size) {
      problems.push(`${where}: ${shown} is not a PNG`);
      return undefined;
    }
    const fromName = announcedSize(relative);
    for (const want of fromName === undefined ? expected : [...expected, fromName]) {
      if (size.width !== want || size.height !== want) {
        problems.push(
          `${where}: ${shown} is ${size.width}×${size.height}, expected ${want}×${want}`
        );
      }
    }
    return size.width === size.height ? size.width : undefined;
  };

  for (const [name, size] of Object.entries(TOP_LEVEL_ICON_SIZES)) {
    for (const element of childrenNamed(root, name)) {
      checkIcon(name, element.attributes.DefaultValue ?? "", [size]);
      for (const override of childrenNamed(element, "Override")) {
        checkIcon(
          `${name} override ${override.attributes.Locale ?? "?"}`,
          override.attributes.Value ?? "",
          [size]
        );
      }
    }
  }

  for (const resource of resources(root).values()) {
    if (resource.kind !== "Images") continue;
    const fromId = announcedSize(resource.id);
    const expected = fromId === undefined ? [] : [fromId];
    const size = checkIcon(`bt:Image "${resource.id}"`, resource.defaultValue, expected);
    if (size !== undefined) sizeOfResource.set(resource.id, size);
    for (const [locale, url] of resource.overrides) {
      checkIcon(
        `bt:Image "${resource.id}" override ${locale}`,
        url,
        size === undefined ? expected : [...expected, size]
      );
    }
  }

  // <Icon><bt:Image size="16" resid="..."/></Icon> must point at an image of that size.
  for (const element of descendants(root)) {
    if (
      element.name !== "Image" ||
      element.attributes.resid === undefined ||
      element.attributes.size === undefined
    )
      continue;
    const actual = sizeOfResource.get(element.attributes.resid);
    const wanted = Number(element.attributes.size);
    if (actual !== undefined && actual !== wanted) {
      problems.push(
        `<bt:Image size="${wanted}" resid="${element.attributes.resid}"> points at a ${actual}×${actual} image`
      );
    }
  }
  return problems;
}

/**
 * Problems with the rules of this add-in: permission ReadWriteDocument and nothing else; one
 * long-lived runtime shared by the task pane, the ribbon's function file and the custom
 * functions; namespace FLEX in every locale; custom-function metadata with an override to
 * functions.en-US.json for every English locale.
 *
 * @example addInRuleProblems(root) // → [] or ['Permissions is "ReadWriteMailbox", ...']
 */
export function addInRuleProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const byId = resources(root);

  const permissions = childrenNamed(root, "Permissions").map((p) => p.text);
  if (permissions.length !== 1 || permissions[0] !== "ReadWriteDocument") {
    problems.push(
      `Permissions is ${JSON.stringify(permissions)}, expected exactly ["ReadWriteDocument"]`
    );
  }

  const runtimes = descendants(root).filter((e) => e.name === "Runtime");
  if (runtimes.length !== 1)
    problems.push(`expected exactly one <Runtime>, found ${runtimes.length}`);
  for (const runtime of runtimes) {
    if (runtime.attributes.lifetime !== "long") {
      problems.push(
        `<Runtime resid="${runtime.attributes.resid ?? ""}"> has lifetime "${runtime.attributes.lifetime ?? "(default short)"}", expected "long"`
      );
    }
  }
  const runtimeResid = runtimes[0]?.attributes.resid;

  const customFunctions = descendants(root).filter(
    (e) => e.name === "ExtensionPoint" && e.attributes.type === "CustomFunctions"
  );
  if (customFunctions.length !== 1)
    problems.push(
      `expected exactly one CustomFunctions extension point, found ${customFunctions.length}`
    );
  const cf = customFunctions[0];
  const residOf = (parent: string): string | undefined =>
    childrenNamed(childrenNamed(cf, parent)[0], "SourceLocation")[0]?.attributes.resid;

  // A shared runtime works only when every part loads the same page as the <Runtime>.
  const sharers: [string, string | undefined][] = [
    ["CustomFunctions <Page>", residOf("Page")],
    ["<FunctionFile>", descendants(root).find((e) => e.name === "FunctionFile")?.attributes.resid],
    ...descendants(root)
      .filter((e) => e.name === "Action" && e.attributes.type === "ShowTaskpane")
      .map((a): [string, string | undefined] => [
        "ShowTaskpane action",
        childrenNamed(a, "SourceLocation")[0]?.attributes.resid,
      ]),
  ];
  for (const [what, resid] of sharers) {
    if (resid !== runtimeResid)
      problems.push(
        `${what} uses resid "${resid ?? "(none)"}", not the shared runtime's "${runtimeResid ?? "(none)"}"`
      );
  }
  if (!descendants(root).some((e) => e.name === "Action" && e.attributes.type === "ShowTaskpane")) {
    problems.push("no ribbon button opens the task pane (no ShowTaskpane action)");
  }

  const namespaceResid = childrenNamed(cf, "Namespace")[0]?.attributes.resid;
  const namespace = namespaceResid === undefined ? undefined : byId.get(namespaceResid);
  const namespaceValues = namespace
    ? [namespace.defaultValue, ...namespace.overrides.values()]
    : [];
  if (namespaceValues.length === 0 || namespaceValues.some((value) => value !== "FLEX")) {
    problems.push(
      `custom-functions namespace is ${JSON.stringify(namespaceValues)}, expected "FLEX" in every locale`
    );
  }

  for (const part of ["Script", "Metadata"]) {
    if (residOf(part) === undefined)
      problems.push(`CustomFunctions <${part}> has no SourceLocation`);
  }
  const metadataResid = residOf("Metadata");
  const metadata = metadataResid === undefined ? undefined : byId.get(metadataResid);
  for (const locale of metadata ? ENGLISH_LOCALES : []) {
    const url = metadata?.overrides.get(locale);
    if (url === undefined) {
      problems.push(
        `custom-functions metadata "${metadata?.id}" has no ${locale} override (English function help)`
      );
    } else if (!url.endsWith("/functions.en-US.json")) {
      problems.push(
        `custom-functions metadata "${metadata?.id}" override ${locale} is "${url}", not the English functions.en-US.json`
      );
    }
  }
  return problems;
}

/** A text the manifest localizes, with its overrides: locale → value. */
interface Localized {
  readonly where: string;
  readonly overrides: ReadonlyMap<string, string>;
}

/**
 * Everything the manifest localizes: DisplayName and Description, every bt:String, and every
 * bt:Url or bt:Image that has an override at all (the functions' metadata).
 */
function localized(root: XmlElement): Localized[] {
  const found: Localized[] = [];
  for (const name of ["DisplayName", "Description"]) {
    const element = childrenNamed(root, name)[0];
    found.push({
      where: name,
      overrides: new Map(
        childrenNamed(element, "Override").map(
          (o) => [o.attributes.Locale ?? "", o.attributes.Value ?? ""] as const
        )
      ),
    });
  }
  for (const resource of resources(root).values()) {
    const isString = resource.kind === "ShortStrings" || resource.kind === "LongStrings";
    if (!isString && resource.overrides.size === 0) continue;
    const kind = isString ? "bt:String" : resource.kind === "Urls" ? "bt:Url" : "bt:Image";
    found.push({ where: `${kind} "${resource.id}"`, overrides: resource.overrides });
  }
  return found;
}

/**
 * The locales the manifest overrides, each with the texts that override it: the same list for
 * every locale when the manifest is consistent.
 *
 * @example overriddenLocales(root).get("en-GB") // → ["DisplayName", "Description", 'bt:Url "Functions.Metadata.Url"', …]
 */
export function overriddenLocales(root: XmlElement): Map<string, string[]> {
  const byLocale = new Map<string, string[]>();
  for (const text of localized(root)) {
    for (const locale of text.overrides.keys()) {
      byLocale.set(locale, [...(byLocale.get(locale) ?? []), text.where]);
    }
  }
  return byLocale;
}

/**
 * Problems with languages: DefaultLocale is `defaultLocale`; every localized text
 * (DisplayName, Description, every bt:String, every overridden bt:Url) is overridden for
 * exactly the locales `locales`, with a non-empty value that is the same in each of them (one
 * English text, whichever English Office shows it).
 *
 * @example localeProblems(root, "nl-NL") // → [] or ['bt:String "TaskpaneButton.Label" has no en-GB override']
 */
export function localeProblems(
  root: XmlElement,
  defaultLocale: string,
  locales: readonly string[] = ENGLISH_LOCALES
): string[] {
  const problems: string[] = [];
  const locale = childrenNamed(root, "DefaultLocale")[0]?.text;
  if (locale !== defaultLocale)
    problems.push(`DefaultLocale is "${locale ?? "(none)"}", expected "${defaultLocale}"`);
  for (const { where, overrides } of localized(root)) {
    for (const wanted of locales) {
      if (!overrides.get(wanted)) problems.push(`${where} has no ${wanted} override`);
    }
    for (const [other, value] of overrides) {
      if (!locales.includes(other)) {
        problems.push(`${where} overrides ${other}, which is not one of ${locales.join(", ")}`);
      } else if (value !== overrides.get(locales[0])) {
        problems.push(`${where}: the ${other} override differs from the ${locales[0]} one`);
      }
    }
  }
  return problems;
}

/**
 * Problems with `<Requirements><Sets>`: the manifest must declare exactly `required`, each
 * at its version, and nothing else.
 *
 * @example requirementProblems(root, requiredSets()) // → [] or ["requirement set ExcelApi 1.9 is missing (found 1.8)"]
 */
export function requirementProblems(
  root: XmlElement,
  required: readonly RequirementSet[]
): string[] {
  const problems: string[] = [];
  const declared = new Map(
    descendants(childrenNamed(root, "Requirements")[0] ?? root)
      .filter((e) => e.name === "Set")
      .map((e) => [e.attributes.Name ?? "", e.attributes.MinVersion ?? ""] as const)
  );
  for (const { name, version } of required) {
    if (declared.get(name) !== version)
      problems.push(
        `requirement set ${name} ${version} is missing (found ${declared.get(name) ?? "none"})`
      );
  }
  for (const [name, version] of declared) {
    if (!required.some((set) => set.name === name))
      problems.push(`requirement set ${name} ${version} is declared but the code does not need it`);
  }
  return problems;
}

/** Block comments and line comments, so that an API named only in a comment does not count. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");
}

/** The files under `dir` whose name ends in one of `extensions`, depth first. */
export function sourceFiles(
  dir: string,
  extensions: readonly string[] = [".ts", ".tsx"]
): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full, extensions));
    else if (extensions.some((ext) => entry.name.endsWith(ext))) files.push(full);
  }
  return files;
}

/**
 * The APIs of `uses` that no file of `files` calls (comments aside): a table entry nobody
 * calls any more would keep a requirement set higher than the code needs.
 *
 * @example unusedApis(apiUses, sourceFiles("src/office")) // → [] or ["Excel.createWorkbook"]
 */
export function unusedApis(uses: readonly ApiUse[], files: readonly string[]): string[] {
  const code = files.map((file) => withoutComments(readFileSync(file, "utf8"))).join("\n");
  return uses.filter((use) => !use.pattern.test(code)).map((use) => use.api);
}

/** Outcome of the XSD step: skipped (with the reason) or run (with xmllint's verdict). */
export type SchemaResult =
  | { readonly ran: false; readonly reason: string }
  | { readonly ran: true; readonly valid: boolean; readonly output: string };

/**
 * Why the XSD step cannot run here, or undefined when it can: the schemas' `validateScript`
 * is absent. Decided before the tests are declared, so that a missing schema shows as a
 * skipped test (with this reason in its name), never as a pass.
 *
 * @example schemaStepSkipped("test/manifest/office-schemas/validate.sh") // → undefined
 */
export function schemaStepSkipped(validateScript: string): string | undefined {
  return existsSync(validateScript)
    ? undefined
    : `${validateScript} is absent: Microsoft's XSD schemas are not available here, so the schema step is skipped`;
}

/**
 * Validates `manifestFile` with `validateScript` (test/manifest/office-schemas/validate.sh):
 * not run when the script is absent ({@link schemaStepSkipped}); throws when xmllint is
 * missing, since then the schema step would silently prove nothing.
 *
 * @example validateAgainstSchemas("manifest.xml", "test/manifest/office-schemas/validate.sh")
 */
export function validateAgainstSchemas(manifestFile: string, validateScript: string): SchemaResult {
  const skipped = schemaStepSkipped(validateScript);
  if (skipped) return { ran: false, reason: skipped };
  const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (xmllint.error) {
    throw new Error(
      "xmllint is not installed: install libxml2-utils (Debian/Ubuntu: apt-get install -y libxml2-utils) to validate the manifest against the schemas"
    );
  }
  const run = spawnSync("bash", [validateScript, manifestFile], { encoding: "utf8" });
  if (run.error) throw run.error;
  const output = `${run.stdout}${run.stderr}`.trim();
  if (run.status === 2) throw new Error(`${validateScript} could not run: ${output}`);
  return { ran: true, valid: run.status === 0, output };
}
