/**
 * The document's text properties edited in place: `docProps/core.xml` (creator, title, …),
 * `docProps/app.xml` (company, manager) and the text-valued custom properties of
 * `docProps/custom.xml`, each part found through the package's relationships. An element
 * that is there gets its text replaced, a missing one is added with the prefix its
 * namespace has in that part; every other byte stays.
 */
import type { PackageEditor } from "./editor";
import { attributesOf, childElements, rootElement, splice, type ElementSpan } from "./markup";
import { currentRelationships } from "./notes";

const CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
const DC = "http://purl.org/dc/elements/1.1/";

/** Where each property ExcelJS names lives: part role, namespace and element name. */
const PLACES: Record<string, { role: "core" | "app"; ns: string; element: string }> = {
  creator: { role: "core", ns: DC, element: "creator" },
  lastModifiedBy: { role: "core", ns: CP, element: "lastModifiedBy" },
  title: { role: "core", ns: DC, element: "title" },
  subject: { role: "core", ns: DC, element: "subject" },
  keywords: { role: "core", ns: CP, element: "keywords" },
  description: { role: "core", ns: DC, element: "description" },
  category: { role: "core", ns: CP, element: "category" },
  contentStatus: { role: "core", ns: CP, element: "contentStatus" },
  language: { role: "core", ns: DC, element: "language" },
  company: { role: "app", ns: "", element: "Company" },
  manager: { role: "app", ns: "", element: "Manager" },
};

/** Office.js's names of the same properties (as the add-in reads them). */
const ALIASES: Record<string, string> = {
  author: "creator",
  lastAuthor: "lastModifiedBy",
  comments: "description",
};

/** The parts by role: relationship type, a name for a new part, content type. */
const ROLES = {
  core: {
    type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    name: "docProps/core.xml",
    contentType: "application/vnd.openxmlformats-package.core-properties+xml",
    empty: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="${CP}" xmlns:dc="${DC}"></cp:coreProperties>`,
  },
  app: {
    type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
    name: "docProps/app.xml",
    contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    empty: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"></Properties>`,
  },
} as const;

/** The part of a role, found by the package's relationship type (Strict or Transitional). */
function partOf(editor: PackageEditor, role: "core" | "app" | "custom"): string | null {
  const last = { core: "core-properties", app: "extended-properties", custom: "custom-properties" }[
    role
  ];
  return currentRelationships(editor, "").find((r) => r.type === last && r.part)?.part ?? null;
}

/** The prefix (with colon, or "") bound to `ns` on the root start tag, or null when none is. */
function prefixFor(text: string, root: ElementSpan, ns: string): string | null {
  for (const [name, value] of Object.entries(attributesOf(text, root))) {
    if (value !== ns) continue;
    if (name === "xmlns") return "";
    if (name.startsWith("xmlns:")) return `${name.slice(6)}:`;
  }
  return null;
}

/**
 * Sets the document's text properties. Names are those the readers give: ExcelJS's
 * (`creator`, `lastModifiedBy`, `title`, `subject`, `keywords`, `description`, `category`,
 * `contentStatus`, `language` in core.xml; `company`, `manager` in app.xml), Office.js's
 * `author`, `lastAuthor` and `comments` for three of them, and `custom:<name>` for a custom
 * property, as the add-in reads them; a custom property is
 * changed only when it exists and holds text (`vt:lpwstr` or `vt:bstr`). Other names are
 * ignored. A missing core or app part is added (with its relationship and content type).
 *
 * @example
 * setDocumentProperties(editor, { creator: "Persoon 1", "custom:Behandelaar": "Persoon 2" });
 */
export function setDocumentProperties(
  editor: PackageEditor,
  properties: Record<string, string>
): void {
  const byRole: Record<"core" | "app", Entry[]> = { core: [], app: [] };
  const custom = new Map<string, string>();
  for (const [name, value] of Object.entries(properties)) {
    if (name.startsWith("custom:")) custom.set(name.slice(7), value);
    const place = PLACES[ALIASES[name] ?? name];
    if (place) byRole[place.role].push([place.ns, place.element, value]);
  }
  for (const role of ["core", "app"] as const) {
    const entries = byRole[role];
    if (entries.length === 0) continue;
    let part = partOf(editor, role);
    if (!part) {
      const usual = ROLES[role].name;
      part = editor.has(usual) ? editor.freeName(usual.replace(".xml", "{n}.xml")) : usual;
      editor.setText(part, ROLES[role].empty);
      editor.addRelationship("", ROLES[role].type, part);
      editor.setContentType(part, ROLES[role].contentType);
    }
    setElements(editor, part, entries);
  }
  if (custom.size > 0) {
    const part = partOf(editor, "custom");
    if (part) setCustom(editor, part, custom);
  }
}

/** A property to set: its namespace ("" for the part's own), element name and text. */
type Entry = [ns: string, element: string, value: string];

/** Sets the text of the root's children named (namespace, local name), adding missing ones. */
function setElements(editor: PackageEditor, part: string, entries: Entry[]): void {
  const text = editor.text(part)!;
  const root = rootElement(text);
  const children = childElements(text, root);
  const rootPrefix = root.qname.slice(0, root.qname.length - root.name.length);
  const edits: Array<[number, number, string]> = [];
  let added = "";
  for (const [ns, element, value] of entries) {
    const content = escapeProperty(value);
    // The app part's elements are in its default namespace (whatever prefix the root uses).
    const prefix = ns === "" ? rootPrefix : prefixFor(text, root, ns);
    const existing = children.find(
      (c) => c.name === element && (prefix === null || c.qname === `${prefix}${element}`)
    );
    if (existing) {
      edits.push(
        existing.closeStart === existing.end
          ? [existing.start, existing.end, `<${existing.qname}>${content}</${existing.qname}>`]
          : [existing.openEnd, existing.closeStart, content]
      );
      continue;
    }
    const qname = prefix === null ? `ns0:${element}` : `${prefix}${element}`;
    const declare = prefix === null ? ` xmlns:ns0="${ns}"` : "";
    added += `<${qname}${declare}>${content}</${qname}>`;
  }
  if (added) {
    if (root.closeStart === root.end)
      edits.push([
        root.start,
        root.end,
        `${text.slice(root.start, root.end - 2).trimEnd()}>${added}</${root.qname}>`,
      ]);
    else edits.push([root.closeStart, root.closeStart, added]);
  }
  editor.setText(part, splice(text, edits));
}

/** Sets the value of the text-valued custom properties named in `values`, if they exist. */
function setCustom(editor: PackageEditor, part: string, values: Map<string, string>): void {
  const text = editor.text(part);
  if (text === undefined) return;
  const root = rootElement(text);
  const edits: Array<[number, number, string]> = [];
  for (const property of childElements(text, root)) {
    if (property.name !== "property") continue;
    const value = values.get(attributesOf(text, property).name ?? "");
    if (value === undefined) continue;
    const holder = childElements(text, property).find(
      (c) => c.name === "lpwstr" || c.name === "bstr"
    );
    if (!holder) continue;
    edits.push(
      holder.closeStart === holder.end
        ? [holder.start, holder.end, `<${holder.qname}>${escapeProperty(value)}</${holder.qname}>`]
        : [holder.openEnd, holder.closeStart, escapeProperty(value)]
    );
  }
  if (edits.length > 0) editor.setText(part, splice(text, edits));
}

/** A property's text as XML content: entities escaped, characters XML cannot hold left out. */
function escapeProperty(value: string): string {
  return value
    .replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!)
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      ""
    );
}
