import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
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
