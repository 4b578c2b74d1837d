/**
 * Reading the XML of a package's parts with saxes, a maintained, conforming streaming
 * parser. A part that declares a DOCTYPE is refused before anything in it is read: no
 * entity of a document type is ever expanded (saxes itself knows only XML's five
 * entities and refuses others). Names are given by their local part, so Strict OOXML
 * (`http://purl.oclc.org/ooxml/…`), Transitional and any prefix read alike; what sits in
 * an `mc:AlternateContent` is read from its `mc:Fallback` (the content every reader
 * understands), never from a `mc:Choice`.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import { PackageError } from "./zip";

/** An element as the handlers see it: its local name and attributes by local name. */
export interface XmlElement {
  name: string;
  /** The attributes by local name (`r:id` is `id`; an unprefixed one wins a clash). */
  attrs: Record<string, string>;
}

/** What a reader of a part does with its elements and text. */
export interface XmlHandlers {
  open?(element: XmlElement, depth: number): void;
  close?(name: string, depth: number): void;
  text?(text: string, depth: number): void;
}

/** The markup-compatibility namespace of `AlternateContent` (ECMA-376 part 3). */
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * Parses `text` (the XML of `part`) and calls `handlers` for its elements and text,
 * depth first. Text is given in pieces as it comes; join them where one value matters.
 *
 * @throws PackageError `doctype` when the part declares a document type, `notXml` when it is not well-formed.
 * @example
 * parseXml(pkg.text("xl/workbook.xml")!, "xl/workbook.xml", { open: (e) => console.log(e.name) });
 */
export function parseXml(text: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let depth = 0;
  // Depth of an element whose whole subtree is left out (an mc:Choice), or -1.
  let skipFrom = -1;
  let failure: unknown = null;
  parser.on("doctype", () => {
    throw new PackageError({ kind: "doctype", part });
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    depth++;
    if (skipFrom >= 0) return;
    if (tag.uri === MC && tag.local === "Choice") {
      skipFrom = depth;
      return;
    }
    if (tag.uri === MC && (tag.local === "AlternateContent" || tag.local === "Fallback")) return;
    if (!handlers.open) return;
    const attrs: Record<string, string> = {};
    for (const key in tag.attributes) {
      const attribute = tag.attributes[key];
      if (attribute.prefix === "xmlns" || attribute.name === "xmlns") continue;
      if (attribute.prefix && attrs[attribute.local] !== undefined) continue;
      attrs[attribute.local] = attribute.value;
    }
    handlers.open({ name: tag.local, attrs }, depth);
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    const at = depth--;
    if (skipFrom >= 0) {
      if (at === skipFrom) skipFrom = -1;
      return;
    }
    if (tag.uri === MC && (tag.local === "AlternateContent" || tag.local === "Fallback")) return;
    handlers.close?.(tag.local, at);
  });
  if (handlers.text) {
    const onText = handlers.text;
    const give = (t: string) => {
      if (skipFrom < 0) onText(t, depth);
    };
    parser.on("text", give);
    parser.on("cdata", give);
  }
  parser.on("error", (error: Error) => {
    failure ??= error;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof PackageError) throw error;
    failure ??= error;
  }
  if (failure) {
    if (failure instanceof PackageError) throw failure;
    throw new PackageError({
      kind: "notXml",
      part,
      reason: failure instanceof Error ? failure.message : String(failure),
    });
  }
}

/**
 * Text for XML content or an attribute value: `&`, `<`, `>`, `"` escaped, and the
 * characters XML 1.0 cannot hold at all written as Excel writes them (`_x001B_`).
 *
 * @example
 * escapeXml('Jan & "Piet"'); // 'Jan &amp; &quot;Piet&quot;'
 */
export function escapeXml(text: string): string {
  // Most texts need nothing: one test instead of three replacements.
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"_\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
}

/**
 * A text as Excel stores it in `<t>` and `<v>`: `_xHHHH_` escapes decoded (how Excel keeps
 * characters XML cannot hold), `_x005F_` giving a literal `_`.
 *
 * @example
 * unescapeOoxml("a_x000D_b"); // "a\rb"
 */
export function unescapeOoxml(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}
