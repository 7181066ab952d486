import { Readable, Transform } from "node:stream";
import { z } from "zod";
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import { qcewImportItem, qcewImportReport } from "../../../core/qcew/imports.js";
import type { AppDeps } from "../../deps.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import { translate } from "../../i18n/intl.js";
import { AppError, type FieldError } from "../../errors.js";
import { uploadRefusal } from "../../lib/uploads.js";
import { requireAdmin } from "../../plugins/auth.js";
import { badRowReason, importQcewStream, QcewImportError, type QcewBadRow } from "./import.js";
import { listImports } from "./service.js";

/**
 * An area or industry slice is at most a few MB; the national singlefile (~500 MB) is for the
 * command line, which no request timeout cuts short.
 */
export const QCEW_UPLOAD_MAX_BYTES = 100 * 1024 * 1024;
const maxMb = QCEW_UPLOAD_MAX_BYTES / 1024 / 1024;
const tooLarge = msg(
  {
    id: "server.qcew.uploadTooLarge",
    defaultMessage:
      "The file is larger than {max} MB; import the national file with `shared-table import-qcew`.",
  },
  { max: maxMb },
);
/** What browsers and tools send for a .csv file (Windows says Excel). */
const csvTypes = ["text/csv", "application/csv", "application/vnd.ms-excel", "application/octet-stream"];

const importSchema = qcewImportReport;
const importItem = qcewImportItem;

/** A bad row as a problem's field error: `row` counts data rows (line 2 is row 1), the message names the line. */
function fieldErrorOf(bad: QcewBadRow, locale: AppLocale): FieldError {
  const row = Math.max(bad.line - 1, 0);
  return {
    field: `rows.${row}.${bad.column}`,
    row,
    column: bad.column,
    message: translate(
      locale,
      msg(
        { id: "server.qcew.badRowLine", defaultMessage: "line {line}: {reason}" },
        { line: String(bad.line), reason: badRowReason(bad, locale) },
      ),
    ),
  };
}

/** Counts the bytes of an upload as they pass and stops it past the limit. */
function limited(body: Readable, locale: AppLocale): Readable {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > QCEW_UPLOAD_MAX_BYTES ? uploadRefusal(413, tooLarge, locale) : null, chunk);
    },
  });
  body.on("error", (error) => counter.destroy(error));
  return body.pipe(counter);
}

export function qcewRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/admin/qcew/imports",
      {
        config: { access: "admin" },
        schema: {
          tags: ["qcew"],
          summary: "The BLS QCEW files imported, newest first (community admin)",
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: {
            200: z.object({ items: z.array(importItem) }),
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
          },
        },
      },
      async (request) => {
        requireAdmin(request);
        return { items: await listImports(deps.db, request.query.limit) };
      },
    );

    // The file is the raw body, read as a stream by the importer: its parser applies here only.
    await app.register(async (upload) => {
      upload.addContentTypeParser(csvTypes, (_request, payload, done) => done(null, payload));
      upload.addHook("onRequest", async (request) => {
        // Who may import is known from the session: refuse others before reading the file.
        requireAdmin(request);
        if (Number(request.headers["content-length"] ?? 0) > QCEW_UPLOAD_MAX_BYTES)
          throw uploadRefusal(413, tooLarge, request.locale);
      });
      upload.withTypeProvider<ZodTypeProvider>().post(
        "/admin/qcew/imports",
        {
          config: { access: "admin" },
          schema: {
            tags: ["qcew"],
            summary: `Import a BLS QCEW CSV file (area or industry slice, annual or a quarter, quoted or not; up to ${maxMb} MB) sent as the raw text/csv body; ?name= gives its file name. All or nothing: a file with bad rows changes nothing and the 400 lists each bad row's line, column and reason (the first 1,000). Re-importing a period replaces that period's rows of the file's areas (community admin)`,
            consumes: csvTypes,
            querystring: z.strictObject({ name: z.string().trim().min(1).max(200).default("upload.csv") }),
            response: {
              201: importSchema,
              400: problemSchema,
              401: problemSchema,
              403: problemSchema,
              413: problemSchema,
              415: problemSchema,
            },
          },
        },
        async (request, reply) => {
          const actor = requireAdmin(request);
          const body = request.body;
          if (!(body instanceof Readable))
            throw uploadRefusal(
              415,
              request.headers["content-type"]
                ? msg(
                    {
                      id: "server.qcew.uploadTypeRefused",
                      defaultMessage: "Send the file as text/csv; {type} is not accepted.",
                    },
                    { type: request.headers["content-type"] },
                  )
                : msg({
                    id: "server.qcew.uploadNoTypeRefused",
                    defaultMessage: "Send the file as text/csv; no type is not accepted.",
                  }),
              request.locale,
            );
          try {
            const report = await importQcewStream(deps, limited(body, request.locale), {
              fileName: request.query.name,
              via: "upload",
              importedBy: actor.userId,
            });
            // The import wrote BLS QCEW indicator values: cached benchmarks and roll-ups are stale.
            deps.answers.invalidate();
            return await reply.status(201).send(report);
          } catch (error) {
            // Whatever was not read of a refused file is let through, so the answer reaches the sender.
            body.resume();
            if (!(error instanceof QcewImportError)) throw error;
            const values = {
              file: request.query.name,
              count: error.problems,
              total: String(error.problems),
              listed: String(error.badRows.length),
            };
            throw new AppError(
              "bad_request",
              error.moreBadRows
                ? msg(
                    {
                      id: "server.qcew.importRefusedListed",
                      defaultMessage:
                        "Nothing was imported from {file}: {count, plural, one {# problem} other {{total} problems}} to fix (the first {listed} are listed).",
                    },
                    values,
                  )
                : msg(
                    {
                      id: "server.qcew.importRefused",
                      defaultMessage:
                        "Nothing was imported from {file}: {count, plural, one {# problem} other {{total} problems}} to fix.",
                    },
                    values,
                  ),
              { errors: error.badRows.map((bad) => fieldErrorOf(bad, request.locale)) },
            );
          }
        },
      );
    });
  };
}
