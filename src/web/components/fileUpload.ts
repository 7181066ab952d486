import {
  RESOURCE_FILE_MAX_BYTES,
  resourceFileTypes,
  startsLikeFileType,
} from "../../core/resource-vocabulary.js";
import { msg, say } from "../../core/i18n/msg.js";
import { ApiError } from "../lib/api.js";

/** What the upload routes accept: PDF, Word and Excel files up to 20 MB. */
export const UPLOAD_MAX_BYTES = RESOURCE_FILE_MAX_BYTES;
export const uploadAccept = [
  ...Object.keys(resourceFileTypes),
  ...Object.values(resourceFileTypes).map((e) => `.${e}`),
].join(",");
/** What a file field accepts, in the reader's language. */
export const uploadHint = () =>
  say(msg({ id: "common.upload.hint", defaultMessage: "PDF, Word (.docx) or Excel (.xlsx), up to 20 MB." }));
/** Mantine's placeholder gray is below 4.5:1 on white; the theme's dimmed gray is not. */
export const fileInputStyles = { placeholder: { color: "var(--mantine-color-dimmed)" } };

const typeByExtension = new Map<string, string>(
  Object.entries(resourceFileTypes).map(([type, extension]) => [extension, type]),
);

const extensionOf = (name: string) => name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";

/** "1.2 MB" (the unit of the 20 MB limit), or "35 KB" for a small file. */
export function fileSize(size: number): string {
  if (size < 1024 * 1024) return `${Math.max(1, Math.round(size / 1024))} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** "PDF", "DOCX", "XLSX" for a content type; "file" otherwise. */
export function fileKind(contentType: string): string {
  return ((resourceFileTypes as Record<string, string>)[contentType] ?? "file").toUpperCase();
}

/** "Slides.pdf · PDF · 1.2 MB": what a person wants to know before downloading. */
export function fileFacts(file: { fileName: string; contentType: string; size: number }): string {
  return `${file.fileName} · ${fileKind(file.contentType)} · ${fileSize(file.size)}`;
}

/**
 * What the browser can tell before sending anything: the size and the kind of file by its name.
 * The server checks the content too; this only spares the person a wasted upload.
 */
export function checkFileLocally(file: File): string | null {
  const name = file.name;
  if (!typeByExtension.has(extensionOf(name)))
    return say(
      msg({
        id: "common.upload.wrongKind",
        defaultMessage: "{name} is not a PDF, Word (.docx) or Excel (.xlsx) file.",
      }),
      { name },
    );
  if (file.size === 0)
    return say(msg({ id: "common.upload.empty", defaultMessage: "{name} is empty." }), { name });
  if (file.size > UPLOAD_MAX_BYTES)
    return say(
      msg({
        id: "common.upload.tooLarge",
        defaultMessage:
          "{name} is {size}, larger than the 20 MB limit; attach a smaller file or give a link instead.",
      }),
      { name, size: fileSize(file.size) },
    );
  return null;
}

/**
 * Reads the file's first bytes: a file renamed to .pdf (or .docx, .xlsx) that is not one is
 * refused here, before a suggestion is saved without the file it was meant to carry.
 */
export async function checkFileContent(file: File): Promise<string | null> {
  const type = typeByExtension.get(extensionOf(file.name)) as keyof typeof resourceFileTypes | undefined;
  if (!type) return checkFileLocally(file);
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (startsLikeFileType(type, head)) return null;
  return say(
    msg({
      id: "common.upload.notReally",
      defaultMessage:
        "{name} is not really a {kind} file (its content is of another kind); export it again as {kind}.",
    }),
    { name: file.name, kind: resourceFileTypes[type].toUpperCase() },
  );
}

export interface UploadOptions {
  /** The body's type when the route takes one kind only (default: from the extension). */
  contentType?: string;
  /** What a 413 says when the server gives no reason (null: the general message). */
  tooLarge?: string | null;
}

/**
 * Sends a file as the raw body, its type taken from its extension (some systems give Office
 * files no type). A refusal throws an ApiError with the server's reason and any bad rows.
 */
export async function uploadFile<T>(
  method: "POST" | "PUT",
  path: string,
  file: File,
  options: UploadOptions = {},
): Promise<T> {
  const type =
    options.contentType ??
    typeByExtension.get(extensionOf(file.name)) ??
    (file.type || "application/octet-stream");
  const tooLarge =
    options.tooLarge === undefined
      ? "The file is larger than 20 MB; attach a smaller file or link to it."
      : options.tooLarge;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": type },
      body: file,
    });
  } catch {
    throw new ApiError({
      type: "about:blank",
      title: "Network error",
      status: 0,
      detail: "We could not reach the server to send the file. Check your connection and try again.",
    });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const problem = (body ?? {}) as Partial<ApiError["problem"]>;
    throw new ApiError({
      type: problem.type ?? "about:blank",
      title: problem.title ?? res.statusText,
      status: res.status,
      detail:
        problem.detail ??
        (res.status === 413 && tooLarge ? tooLarge : `The file could not be sent (${res.status}).`),
      errors: problem.errors,
    });
  }
  return body as T;
}
