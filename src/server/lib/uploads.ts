import { Readable } from "node:stream";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { FileTooLargeError, type ReceivedFile } from "../../db/files.js";
import type { AppDeps } from "../deps.js";
import {
  RESOURCE_FILE_MAX_BYTES,
  resourceFileTypes,
  startsLikeFileType,
} from "../../core/resource-vocabulary.js";
import type { AppLocale } from "../../core/i18n/locales.js";
import { msg, type Msg } from "../../core/i18n/msg.js";
import { fieldError } from "../errors.js";
import { translate } from "../i18n/intl.js";
import { requireActor, requireAdmin } from "../plugins/auth.js";

/** Files people may upload (resources, event materials): PDF, DOCX, XLSX up to 20 MB. */
export const UPLOAD_MAX_BYTES = RESOURCE_FILE_MAX_BYTES;
const maxMb = UPLOAD_MAX_BYTES / 1024 / 1024;

export interface CheckedFile {
  name: string;
  contentType: string;
  size: number;
  /** The received content: kept by the service (before its row commits), discarded otherwise. */
  file: ReceivedFile;
}

type AllowedType = keyof typeof resourceFileTypes;

const isAllowed = (type: string): type is AllowedType => Object.hasOwn(resourceFileTypes, type);

/** The refusal of a type we do not keep; `type` is what the request said, null when nothing. */
const typeRefused = (type: string | null): Msg =>
  type
    ? msg(
        {
          id: "server.uploads.typeRefused",
          defaultMessage: "Attach a PDF, Word (.docx) or Excel (.xlsx) file; {type} is not accepted.",
        },
        { type },
      )
    : msg({
        id: "server.uploads.noTypeRefused",
        defaultMessage:
          "Attach a PDF, Word (.docx) or Excel (.xlsx) file; a body without a type is not accepted.",
      });
const tooLarge = msg(
  {
    id: "server.uploads.tooLarge",
    defaultMessage: "The file is larger than {max} MB; attach a smaller file or link to it.",
  },
  { max: maxMb },
);

/**
 * Checks an upload before anything is kept: the declared type is one we accept, the bytes are
 * of that type (by their first bytes), and the file name ends with the type's extension (added
 * when missing).
 */
export function checkFile(
  name: string,
  contentType: string,
  head: Uint8Array,
  size: number,
): { name: string; contentType: AllowedType } | { refused: Msg } {
  if (!isAllowed(contentType)) return { refused: typeRefused(contentType) };
  if (size === 0)
    throw fieldError("body", msg({ id: "server.uploads.field.empty", defaultMessage: "the file is empty" }));
  const extension = resourceFileTypes[contentType];
  if (!startsLikeFileType(contentType, head))
    return {
      refused: msg(
        {
          id: "server.uploads.contentMismatch",
          defaultMessage: "The file's content is not a {type} file, though it was sent as one.",
        },
        { type: extension.toUpperCase() },
      ),
    };
  const base =
    Array.from(name, (c) => (c < " " || c === "/" || c === "\\" || c === '"' ? "_" : c))
      .join("")
      .trim() || "file";
  const fileName = base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
  return { name: fileName, contentType };
}

/** An attachment header with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A refusal of the upload itself, answered by the error handler as a problem with this reason,
 * in the reader's language (`locale`: the request's).
 */
export function uploadRefusal(statusCode: 413 | 415, message: Msg, locale: AppLocale): FastifyError {
  return Object.assign(new Error(translate(locale, message)), {
    statusCode,
    code: `UPLOAD_${statusCode}`,
    name: "Refusal",
  });
}

/**
 * Makes the routes registered in `scope` take a file as the raw body: the allowed types are read
 * as a buffer up to the limit, any other type is refused with 415, and a body over the limit with
 * 413 before it is read (by Content-Length) or while it is read. Call it inside its own
 * `app.register(...)` so the parsers and the larger body limit apply to the upload routes only.
 */
export function acceptUploads(scope: FastifyInstance): void {
  // The body stays a stream: receiveUpload writes it to the file store as it arrives.
  scope.addContentTypeParser(Object.keys(resourceFileTypes), (_request, payload, done) =>
    done(null, payload),
  );
  scope.addContentTypeParser("*", (request, _payload, done) =>
    done(uploadRefusal(415, typeRefused(request.headers["content-type"] ?? null), request.locale)),
  );
  scope.addHook("onRequest", async (request) => {
    // Who may upload is known from the session alone: refuse others before reading up to 20 MB.
    const access = request.routeOptions.config.access;
    if (access === "user") requireActor(request);
    if (access === "admin") requireAdmin(request);
    const length = Number(request.headers["content-length"] ?? 0);
    if (length > UPLOAD_MAX_BYTES) throw uploadRefusal(413, tooLarge, request.locale);
  });
  scope.setErrorHandler((error: FastifyError, request) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") throw uploadRefusal(413, tooLarge, request.locale);
    throw error;
  });
}

/**
 * Receives the uploaded file of a request under `acceptUploads` into the file store, checked: a
 * refused type answers 415, a body over the limit 413, and nothing of a refused file is kept.
 */
export async function receiveUpload(
  deps: AppDeps,
  request: FastifyRequest,
  name: string,
): Promise<CheckedFile> {
  const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  // text/plain and JSON have Fastify's own parsers; their bodies are refused here by type.
  if (!isAllowed(contentType)) throw uploadRefusal(415, typeRefused(contentType || null), request.locale);
  const body = request.body;
  if (!(body instanceof Readable) && !Buffer.isBuffer(body))
    throw uploadRefusal(415, typeRefused(contentType), request.locale);
  let file;
  try {
    file = await deps.files.receive(body, UPLOAD_MAX_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError) throw uploadRefusal(413, tooLarge, request.locale);
    throw error;
  }
  try {
    const checked = checkFile(name, contentType, file.head, file.size);
    if ("refused" in checked) throw uploadRefusal(415, checked.refused, request.locale);
    return { ...checked, size: file.size, file };
  } catch (error) {
    await file.discard();
    throw error;
  }
}
