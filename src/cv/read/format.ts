/** A CV file's format by its first bytes (magic numbers), never by its name. */

/** What the first bytes say a file is. */
export type FileKind = "pdf" | "zip" | "ole" | "unknown";

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) =>
  magic.every((b, i) => bytes[at + i] === b);

/**
 * The kind of file by its content: `%PDF` (within the first KB, as readers allow), a zip
 * (`PK\x03\x04`; a .docx), an OLE compound file (`D0 CF 11 E0`; a .doc, or an encrypted
 * Office file), or unknown.
 *
 * @example
 * sniff(new TextEncoder().encode("%PDF-1.7 …")) // "pdf"
 */
export function sniff(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++)
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return "pdf";
  return "unknown";
}

/**
 * Whether an OLE compound file holds a stream (or storage) named `name`: names are UTF-16LE
 * in the file's directory. Word's password protection wraps the .docx in OLE with
 * `EncryptionInfo` and `EncryptedPackage` (MS-OFFCRYPTO); an old .doc has `WordDocument`.
 *
 * @example
 * hasStream(bytes, "WordDocument") // true for a Word 97–2003 .doc
 */
export function hasStream(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++)
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}
