/**
 * The state of a package being edited in place: parts replaced, added and removed, and
 * per worksheet the children that changed. Every part nobody touched comes out with the
 * bytes it came in with. The change interpreters (./apply.ts and the modules it calls)
 * work through this class only.
 */
import { relsPartOf, relationshipsOf, workbookParts, type WorkbookParts } from "./parts";
import { WorksheetXml, WORKSHEET_ORDER } from "./markup";
import { decodeXml, partKey, type Package, type Part } from "./zip";
import { escapeXml } from "./xml";

/** A worksheet child's local name, as CT_Worksheet orders them. */
export type WorksheetChild = (typeof WORKSHEET_ORDER)[number];

/**
 * One worksheet being edited: its XML cut into children once, and the children that
 * changed (set as a whole, the last setting wins). `sheetData` is edited by its own
 * module through {@link SheetEdit.state}, which keeps what that module needs between changes.
 */
export class SheetEdit {
  readonly xml: WorksheetXml;
  private readonly changed = new Map<WorksheetChild, string>();
  /** What the modules keep for this sheet between changes, by module (e.g. "cells"). */
  readonly state = new Map<string, unknown>();
  /** Called, in order, when the sheet is written: a module turns its state into children. */
  readonly finishers: Array<() => void> = [];

  constructor(
    /** The sheet's name as the workbook shows it. */
    readonly name: string,
    /** Its worksheet part. */
    readonly part: string,
    text: string
  ) {
    this.xml = new WorksheetXml(text);
  }

  /** The main namespace's prefix new elements must carry (`x:` or ""). */
  get prefix(): string {
    return this.xml.prefix;
  }

  /** The children of that name as they are now (changed or as read), as XML texts. */
  children(name: WorksheetChild): string[] {
    const changed = this.changed.get(name);
    if (changed !== undefined) return changed === "" ? [] : [changed];
    return this.xml.all(name).map((span) => this.xml.textOf(span));
  }

  /** Sets every child of that name to `xml` (one or more elements, or "" for none). */
  setChildren(name: WorksheetChild, xml: string): void {
    this.changed.set(name, xml);
  }

  /** Whether anything of this sheet changed. */
  get isChanged(): boolean {
    return this.changed.size > 0 || this.finishers.length > 0;
  }

  /** The sheet's edited XML (runs the finishers first). */
  finish(): string {
    for (const finisher of this.finishers.splice(0)) finisher();
    for (const [name, xml] of this.changed) this.xml.replace(name, xml);
    return this.xml.toString();
  }
}

/** The relationship type URIs (Transitional; a Strict package is given its own below). */
export const REL_TYPES = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  sharedStrings:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
} as const;

/** The content types of the parts the command adds. */
export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

/**
 * A package being edited. Parts are read as text when first asked for and written back
 * only when set; {@link result} lists the parts in the order they came, new ones last.
 *
 * @example
 * const editor = new PackageEditor(pkg);
 * editor.setText("docProps/core.xml", xml);
 * await writePackage(editor.result(), "uit.xlsx");
 */
export class PackageEditor {
  readonly workbook: WorkbookParts;
  /** Whether the package uses Strict OOXML (its workbook's relationship types say so). */
  readonly strict: boolean;
  private readonly texts = new Map<string, string>();
  private readonly added: Part[] = [];
  private readonly removed = new Set<string>();
  private readonly sheets = new Map<string, SheetEdit>();

  constructor(readonly pkg: Package) {
    this.workbook = workbookParts(pkg);
    this.strict = this.workbook.relationships.some((r) =>
      r.typeUri.startsWith("http://purl.oclc.org/")
    );
  }

  /** A relationship type URI in the package's own flavour (Strict or Transitional). */
  relType(type: keyof typeof REL_TYPES): string {
    const uri = REL_TYPES[type];
    return this.strict
      ? uri.replace(
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
          "http://purl.oclc.org/ooxml/officeDocument/relationships/"
        )
      : uri;
  }

  /** Whether a part exists now (read, added, not removed). */
  has(name: string): boolean {
    const key = partKey(name);
    if (this.removed.has(key)) return false;
    return (
      this.texts.has(key) ||
      this.pkg.get(name) !== undefined ||
      this.added.some((p) => partKey(p.name) === key)
    );
  }

  /** A part's text as it is now, or undefined when there is none. */
  text(name: string): string | undefined {
    const key = partKey(name);
    if (this.removed.has(key)) return undefined;
    const changed = this.texts.get(key);
    if (changed !== undefined) return changed;
    const part = this.pkg.get(name);
    return part ? decodeXml(part.data) : undefined;
  }

  /** Replaces (or adds, when new) a part's text. */
  setText(name: string, text: string): void {
    const key = partKey(name);
    this.removed.delete(key);
    this.texts.set(key, text);
    if (!this.pkg.get(name) && !this.added.some((p) => partKey(p.name) === key))
      this.added.push({ name: name.replace(/^\/+/, ""), data: Buffer.alloc(0) });
  }

  /** Removes a part (and forgets any edit of it). */
  remove(name: string): void {
    const key = partKey(name);
    this.texts.delete(key);
    this.removed.add(key);
  }

  /** A part name not in use, from a pattern with `{n}` (`xl/worksheets/sheet{n}.xml`). */
  freeName(pattern: string): string {
    for (let n = 1; ; n++) {
      const name = pattern.replace("{n}", String(n));
      if (!this.has(name)) return name;
    }
  }

  /** The edit of the worksheet part `part` named `name` (made once, on first use). */
  sheetEdit(name: string, part: string): SheetEdit {
    const key = partKey(part);
    let edit = this.sheets.get(key);
    if (!edit) {
      const text = this.text(part);
      if (text === undefined) throw new Error(`Worksheet part ${part} is missing`);
      edit = new SheetEdit(name, part, text);
      this.sheets.set(key, edit);
    }
    return edit;
  }

  /** Forgets the edit of a worksheet part (it is being replaced whole). */
  dropSheetEdit(part: string): void {
    this.sheets.delete(partKey(part));
  }

  /**
   * Adds a relationship from `source` to `target` (a part name) and returns its id.
   * The source's rels part is created when missing; targets are written relative.
   */
  addRelationship(source: string, type: keyof typeof REL_TYPES | string, target: string): string {
    const relsName = relsPartOf(source);
    const existing = relationshipsOf(this.asPackage(), source);
    const ids = new Set(existing.map((r) => r.id));
    let n = existing.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const typeUri = type in REL_TYPES ? this.relType(type as keyof typeof REL_TYPES) : type;
    const line = `<Relationship Id="${id}" Type="${escapeXml(typeUri)}" Target="${escapeXml(relativeTarget(source, target))}"/>`;
    const text = this.text(relsName);
    if (text === undefined)
      this.setText(
        relsName,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${line}</Relationships>`
      );
    else {
      const close = text.lastIndexOf("</");
      this.setText(relsName, `${text.slice(0, close)}${line}${text.slice(close)}`);
    }
    return id;
  }

  /** Removes the relationship `id` of `source` (its target part is not removed). */
  removeRelationship(source: string, id: string): void {
    const relsName = relsPartOf(source);
    const text = this.text(relsName);
    if (text === undefined) return;
    const re = new RegExp(
      `<Relationship\\b[^>]*\\sId\\s*=\\s*["']${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["'][^>]*?(?:/>|>\\s*</Relationship>)`
    );
    this.setText(relsName, text.replace(re, ""));
  }

  /** Sets the content type of a part (an Override in `[Content_Types].xml`), or removes it (null). */
  setContentType(part: string, contentType: string | null): void {
    const name = "[Content_Types].xml";
    const text = this.text(name) ?? "";
    const partName = `/${part.replace(/^\/+/, "")}`;
    const escaped = partName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(
      `<Override\\b[^>]*\\sPartName\\s*=\\s*["']${escaped}["'][^>]*?(?:/>|>\\s*</Override>)`,
      "i"
    );
    let next = text.replace(re, "");
    if (contentType !== null) {
      const close = next.lastIndexOf("</");
      next = `${next.slice(0, close)}<Override PartName="${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>${next.slice(close)}`;
    }
    if (next !== text) this.setText(name, next);
  }

  /** The names of the parts as they are now (read and not removed, then added). */
  partNames(): string[] {
    const names = this.pkg.parts.map((p) => p.name).filter((n) => !this.removed.has(partKey(n)));
    for (const part of this.added) if (!this.removed.has(partKey(part.name))) names.push(part.name);
    return names;
  }

  /** The package as it is now (edited parts as edited), for reading relationships of edited parts. */
  current(): Package {
    return this.asPackage();
  }

  /** The package as it is now, for reading relationships of edited parts. */
  private asPackage(): Package {
    const editor = this;
    return {
      get: (name: string) => {
        const text = editor.text(name);
        return text === undefined ? undefined : { name, data: Buffer.from(text, "utf8") };
      },
      text: (name: string) => editor.text(name),
    } as unknown as Package;
  }

  /**
   * The parts as they are now: those read, in their order, each with its original bytes
   * unless it was edited; then the added ones. Worksheet edits are finished here.
   */
  result(): Part[] {
    for (const edit of this.sheets.values())
      if (edit.isChanged) this.setText(edit.part, edit.finish());
    const out: Part[] = [];
    for (const part of this.pkg.parts) {
      const key = partKey(part.name);
      if (this.removed.has(key)) continue;
      const text = this.texts.get(key);
      out.push(text === undefined ? part : { name: part.name, data: utf8Xml(text) });
    }
    for (const part of this.added) {
      const key = partKey(part.name);
      if (this.removed.has(key)) continue;
      out.push({ name: part.name, data: utf8Xml(this.texts.get(key) ?? "") });
    }
    return out;
  }
}

/**
 * A relationship target for `target` written relative to `source`'s folder.
 *
 * @example
 * relativeTarget("xl/workbook.xml", "xl/worksheets/sheet5.xml"); // "worksheets/sheet5.xml"
 * relativeTarget("xl/worksheets/sheet1.xml", "xl/tables/table1.xml"); // "../tables/table1.xml"
 */
export function relativeTarget(source: string, target: string): string {
  const from = source.replace(/^\/+/, "").split("/").slice(0, -1);
  const to = target.replace(/^\/+/, "").split("/");
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  return [...from.slice(same).map(() => ".."), ...to.slice(same)].map(encodeURI).join("/");
}

/** An edited part's text as UTF-8 bytes, its XML declaration saying so (a part read as UTF-16 is written as UTF-8). */
function utf8Xml(text: string): Buffer {
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(text);
  const fixed =
    declared && declared[1].toLowerCase() !== "utf-8"
      ? text.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']+/, "$1UTF-8")
      : text;
  return Buffer.from(fixed, "utf8");
}
