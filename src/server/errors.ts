/**
 * The catalogue of errors a service may raise. Each code maps to one HTTP status and becomes one
 * problem+json answer in the error handler; services never know about HTTP.
 */
const catalogue = {
  bad_request: { status: 400, title: "The request is not valid" },
  unauthenticated: { status: 401, title: "Sign in first" },
  forbidden: { status: 403, title: "You may not do this" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Someone else changed this first" },
  /** The request is fine, but the person must say they are sure (a sign-in link opened in another browser). */
  needs_confirmation: { status: 409, title: "Confirm first" },
  gone: { status: 410, title: "This link is no longer valid" },
  /** More than a quota allows to be kept (a partnership's storage for meeting files). */
  too_large: { status: 413, title: "Too large to keep" },
  too_many_requests: { status: 429, title: "Too many attempts" },
} as const;

export type ErrorCode = keyof typeof catalogue;

export interface FieldError {
  field: string;
  message: string;
  /** For a file import: the file's row and column the message is about. */
  row?: number;
  column?: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ErrorCode,
    detail: string,
    readonly extra: {
      errors?: FieldError[];
      current?: unknown;
      retryAfterSeconds?: number;
      /** A stable code for why, when one status has several causes. */
      reason?: string;
    } = {},
  ) {
    super(detail);
    this.status = catalogue[code].status;
    this.title = catalogue[code].title;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (detail: string) => new AppError("forbidden", detail);
export const fieldError = (field: string, message: string) =>
  new AppError("bad_request", `${field}: ${message}`, { errors: [{ field, message }] });
