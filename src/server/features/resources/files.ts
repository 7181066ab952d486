import { resourceFileTypes } from "../../../core/resource-vocabulary.js";
import { fieldError } from "../../errors.js";
import type { UploadedFile } from "./service.js";

type AllowedType = keyof typeof resourceFileTypes;

const isAllowed = (type: string): type is AllowedType => Object.hasOwn(resourceFileTypes, type);

/** What the bytes themselves say: a PDF starts with %PDF-, DOCX and XLSX are ZIP archives. */
function looksLike(type: AllowedType, bytes: Buffer): boolean {
  if (type === "application/pdf") return bytes.subarray(0, 5).toString("latin1") === "%PDF-";
  return bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

/**
 * Checks an upload before anything is stored: the declared type is one we accept, the bytes are
 * of that type, and the file name ends with the type's extension (added when missing).
 */
export function checkFile(
  name: string,
  contentType: string,
  bytes: Buffer,
): UploadedFile | { refused: string } {
  if (!isAllowed(contentType))
    return { refused: `Attach a PDF, Word (.docx) or Excel (.xlsx) file; ${contentType} is not accepted.` };
  if (bytes.length === 0) throw fieldError("body", "the file is empty");
  const extension = resourceFileTypes[contentType];
  if (!looksLike(contentType, bytes))
    return {
      refused: `The file's content is not a ${extension.toUpperCase()} file, though it was sent as one.`,
    };
  const base =
    Array.from(name, (c) => (c < " " || c === "/" || c === "\\" || c === '"' ? "_" : c))
      .join("")
      .trim() || "file";
  const fileName = base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
  return { name: fileName, contentType, bytes };
}

/** An attachment header with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
