import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { AppLocale } from "../../core/i18n/locales.js";
import { msg, type Msg } from "../../core/i18n/msg.js";
import { AppError, errorTitle, fieldsDetail, inLanguage, type FieldError } from "../errors.js";
import { translate } from "../i18n/intl.js";
import { fieldMessageIn, zodIssueMessage } from "../i18n/field-words.js";
import { requestLocale } from "./locale.js";

const words = {
  unknownField: msg({
    id: "errors.field.unknown",
    defaultMessage: "is not a known field; remove it",
    description: "After a field's name: the request sent a field the form does not have",
  }),
  notValid: msg({ id: "errors.field.notValid", defaultMessage: "is not valid" }),
  badEncoding: msg({
    id: "errors.field.badEncoding",
    defaultMessage: "has a broken percent-encoding or broken Unicode; fix or remove it",
  }),
  uriTooLong: msg({ id: "errors.title.uriTooLong", defaultMessage: "The address is too long" }),
  uriTooLongDetail: msg({
    id: "errors.detail.uriTooLong",
    defaultMessage: "A part of the address is longer than {max} characters; shorten it.",
  }),
  unreadable: msg({ id: "errors.title.unreadable", defaultMessage: "The request could not be read" }),
  tooLarge: msg({ id: "errors.title.requestTooLarge", defaultMessage: "The request is too large" }),
  fieldsNeedFixing: msg({ id: "errors.title.validation", defaultMessage: "Some fields need fixing" }),
  needsJson: msg({ id: "errors.detail.needsJson", defaultMessage: "The request needs a JSON body." }),
  sendJson: msg({ id: "errors.detail.sendJson", defaultMessage: "Send the body as application/json." }),
  internal: msg({ id: "errors.title.internal", defaultMessage: "Something went wrong on our side" }),
  internalDetail: msg({
    id: "errors.detail.internal",
    defaultMessage: "Please try again; if it keeps happening, tell your administrator.",
  }),
  internalLogged: msg({
    id: "errors.detail.internalLogged",
    defaultMessage: "The error was logged. Please try again; if it keeps happening, tell your administrator.",
  }),
};

/** A field's message in the reader's language. */
function inWords(field: FieldError, locale: AppLocale): FieldError {
  return { ...field, message: fieldMessageIn(locale, field.message) };
}

const PROBLEM = "application/problem+json";

export function sendProblem(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply
    .status(status)
    .type(PROBLEM)
    .send({ type: "about:blank", ...body, status });
}

/** The message a custom issue carries in its params (`{ words }`), if any. */
function messageIn(params: unknown): Msg | undefined {
  if (typeof params !== "object" || params === null || !("words" in params)) return undefined;
  const words: unknown = params.words;
  return typeof words === "object" && words !== null && "id" in words && "defaultMessage" in words
    ? (words as Msg)
    : undefined;
}

function validationFields(error: FastifyError & { validation: unknown[] }): FieldError[] {
  const where = error.validationContext ?? "body";
  return (
    error.validation as {
      keyword: string;
      instancePath: string;
      message?: string;
      params: Record<string, unknown>;
    }[]
  ).flatMap((v) => {
    const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
    if (v.keyword === "unrecognized_keys" && Array.isArray(v.params.keys)) {
      return (v.params.keys as string[]).map((key) => ({
        field: path ? `${path}.${key}` : key,
        message: words.unknownField,
      }));
    }
    const message = v.message ?? "";
    // A shared schema that worded its issue with values ("may not be a javascript: link") hands
    // over the message itself, so it can be written in the reader's language.
    const carried = messageIn(v.params.params);
    return [
      { field: path || where, message: carried ?? zodIssueMessage(v.keyword, message, v.params) ?? message },
    ];
  });
}

/** The longest path parameter read; a longer one is answered 414 by `frameworkErrors`. */
export const MAX_PARAM_LENGTH = 200;

/**
 * Errors Fastify meets while finding the route, before any hook or error handler: an address
 * whose percent-encoding is not UTF-8 (`%FF`, `%ED%A0%80`), or a path parameter that is too long.
 * Passed to Fastify as its `frameworkErrors` option so that they too are problem+json.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // Before any hook: no cookies read yet, so the browser's Accept-Language decides.
  const locale = requestLocale(undefined, undefined, request.headers["accept-language"]);
  const t = (message: Parameters<typeof translate>[1]) => translate(locale, message);
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    void sendProblem(reply, 414, {
      type: "https://sharedtable.dev/problems/uri-too-long",
      title: t(words.uriTooLong),
      detail: t({ ...words.uriTooLongDetail, values: { max: MAX_PARAM_LENGTH } }),
    });
    return;
  }
  if (error.code === "FST_ERR_BAD_URL") {
    const errors: FieldError[] = [{ field: "path", message: t(words.badEncoding) }];
    void sendProblem(reply, 400, {
      type: "https://sharedtable.dev/problems/bad_request",
      title: t(errorTitle("bad_request")),
      detail: inLanguage(fieldsDetail(errors), locale),
      errors,
    });
    return;
  }
  const status = error.statusCode ?? 500;
  void sendProblem(reply, status, {
    type:
      status < 500
        ? "https://sharedtable.dev/problems/bad-request"
        : "https://sharedtable.dev/problems/internal",
    title: t(status < 500 ? words.unreadable : words.internal),
    detail: status < 500 ? error.message : t(words.internalDetail),
  });
}

/** One error handler, one error shape (RFC 9457); never a stack trace to the client. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = request.locale;
    const t = (message: Parameters<typeof translate>[1]) => translate(locale, message);
    if (error instanceof AppError) {
      if (error.extra.retryAfterSeconds) reply.header("retry-after", error.extra.retryAfterSeconds);
      return sendProblem(reply, error.status, {
        type: `https://sharedtable.dev/problems/${error.code}`,
        title: t(error.title),
        detail: inLanguage(error.detail, locale),
        ...(error.extra.errors ? { errors: error.extra.errors.map((e) => inWords(e, locale)) } : {}),
        ...(error.extra.current !== undefined ? { current: error.extra.current } : {}),
        ...(error.extra.reason ? { reason: error.extra.reason } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = validationFields(error);
      return sendProblem(reply, 400, {
        type: "https://sharedtable.dev/problems/validation",
        title: t(words.fieldsNeedFixing),
        detail: inLanguage(fieldsDetail(errors), locale),
        errors: errors.map((e) => inWords(e, locale)),
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, missing body, wrong content type, too large.
      const detail =
        error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
          ? t(words.needsJson)
          : error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
            ? t(words.sendJson)
            : error.message;
      return sendProblem(reply, status, {
        type: "https://sharedtable.dev/problems/bad-request",
        title: t(status === 413 ? words.tooLarge : words.unreadable),
        detail,
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(reply, 500, {
      type: "https://sharedtable.dev/problems/internal",
      title: t(words.internal),
      detail: t(words.internalLogged),
    });
  });
}
