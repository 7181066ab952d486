import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type FieldError } from "../errors.js";

const PROBLEM = "application/problem+json";

export function sendProblem(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply
    .status(status)
    .type(PROBLEM)
    .send({ type: "about:blank", ...body, status });
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
        message: "is not a known field; remove it",
      }));
    }
    return [{ field: path || where, message: v.message ?? "is not valid" }];
  });
}

/** The longest path parameter read; a longer one is answered 414 by `frameworkErrors`. */
export const MAX_PARAM_LENGTH = 200;

/**
 * Errors Fastify meets while finding the route, before any hook or error handler: an address
 * whose percent-encoding is not UTF-8 (`%FF`, `%ED%A0%80`), or a path parameter that is too long.
 * Passed to Fastify as its `frameworkErrors` option so that they too are problem+json.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    void sendProblem(reply, 414, {
      type: "https://sharedtable.dev/problems/uri-too-long",
      title: "The address is too long",
      detail: `A part of the address is longer than ${MAX_PARAM_LENGTH} characters; shorten it.`,
    });
    return;
  }
  if (error.code === "FST_ERR_BAD_URL") {
    const message = "has a broken percent-encoding or broken Unicode; fix or remove it";
    const errors: FieldError[] = [{ field: "path", message }];
    void sendProblem(reply, 400, {
      type: "https://sharedtable.dev/problems/bad_request",
      title: "The request is not valid",
      detail: `path: ${message}`,
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
    title: status < 500 ? "The request could not be read" : "Something went wrong on our side",
    detail:
      status < 500 ? error.message : "Please try again; if it keeps happening, tell your administrator.",
  });
}

/** One error handler, one error shape (RFC 9457); never a stack trace to the client. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.extra.retryAfterSeconds) reply.header("retry-after", error.extra.retryAfterSeconds);
      return sendProblem(reply, error.status, {
        type: `https://sharedtable.dev/problems/${error.code}`,
        title: error.title,
        detail: error.message,
        ...(error.extra.errors ? { errors: error.extra.errors } : {}),
        ...(error.extra.current !== undefined ? { current: error.extra.current } : {}),
        ...(error.extra.reason ? { reason: error.extra.reason } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = validationFields(error);
      return sendProblem(reply, 400, {
        type: "https://sharedtable.dev/problems/validation",
        title: "Some fields need fixing",
        detail: errors.map((e) => `${e.field}: ${e.message}`).join("; "),
        errors,
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, missing body, wrong content type, too large.
      const detail =
        error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
          ? "The request needs a JSON body."
          : error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
            ? "Send the body as application/json."
            : error.message;
      return sendProblem(reply, status, {
        type: "https://sharedtable.dev/problems/bad-request",
        title: status === 413 ? "The request is too large" : "The request could not be read",
        detail,
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(reply, 500, {
      type: "https://sharedtable.dev/problems/internal",
      title: "Something went wrong on our side",
      detail: "The error was logged. Please try again; if it keeps happening, tell your administrator.",
    });
  });
}
