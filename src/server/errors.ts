import { msg, type Msg } from "../core/i18n/msg.js";
import type { AppLocale } from "../core/i18n/locales.js";
import { translate } from "./i18n/intl.js";
import { fieldMessageIn } from "./i18n/field-words.js";

/**
 * The catalogue of errors a service may raise. Each code maps to one HTTP status and becomes one
 * problem+json answer in the error handler; services never know about HTTP.
 */
const catalogue = {
  bad_request: {
    status: 400,
    title: msg({ id: "errors.title.badRequest", defaultMessage: "The request is not valid" }),
  },
  unauthenticated: {
    status: 401,
    title: msg({ id: "errors.title.unauthenticated", defaultMessage: "Sign in first" }),
  },
  forbidden: {
    status: 403,
    title: msg({ id: "errors.title.forbidden", defaultMessage: "You may not do this" }),
  },
  not_found: { status: 404, title: msg({ id: "errors.title.notFound", defaultMessage: "Not found" }) },
  conflict: {
    status: 409,
    title: msg({ id: "errors.title.conflict", defaultMessage: "Someone else changed this first" }),
  },
  /** The request is fine, but the person must say they are sure (a sign-in link opened in another browser). */
  needs_confirmation: {
    status: 409,
    title: msg({ id: "errors.title.needsConfirmation", defaultMessage: "Confirm first" }),
  },
  gone: {
    status: 410,
    title: msg({ id: "errors.title.gone", defaultMessage: "This link is no longer valid" }),
  },
  /** More than a quota allows to be kept (a partnership's storage for meeting files). */
  too_large: {
    status: 413,
    title: msg({ id: "errors.title.tooLarge", defaultMessage: "Too large to keep" }),
  },
  too_many_requests: {
    status: 429,
    title: msg({ id: "errors.title.tooManyRequests", defaultMessage: "Too many attempts" }),
  },
} as const;

export type ErrorCode = keyof typeof catalogue;

/** A code's title, for answers made outside a service (the error handler's own). */
export const errorTitle = (code: ErrorCode): Msg => catalogue[code].title;

/** A problem's detail: words, a message to translate, or words made for the reader's language. */
export type Detail = string | Msg | ((locale: AppLocale) => string);

export function inLanguage(detail: Detail, locale: AppLocale): string {
  return typeof detail === "function" ? detail(locale) : translate(locale, detail);
}

export interface FieldError {
  field: string;
  /** Put in the reader's language by the error handler when it is a `msg`. */
  message: string | Msg;
  /** For a file import: the file's row and column the message is about. */
  row?: number;
  column?: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly title: Msg;
  /** What the person reads: the English `message` (for logs) in their language. */
  readonly detail: Detail;
  constructor(
    readonly code: ErrorCode,
    detail: Detail,
    readonly extra: {
      errors?: FieldError[];
      current?: unknown;
      retryAfterSeconds?: number;
      /** A stable code for why, when one status has several causes. */
      reason?: string;
    } = {},
  ) {
    super(inLanguage(detail, "en"));
    this.detail = detail;
    this.status = catalogue[code].status;
    this.title = catalogue[code].title;
  }
}

/** A 404: `what` names the thing ("The meeting") in English, or is the whole sentence in the reader's words. */
export const notFound = (what: string | Msg) =>
  new AppError("not_found", typeof what === "string" ? `${what} was not found.` : what);
export const forbidden = (detail: string | Msg) => new AppError("forbidden", detail);
export const fieldError = (field: string, message: string | Msg) =>
  new AppError("bad_request", fieldsDetail([{ field, message }]), { errors: [{ field, message }] });

/** "name: is required; email: is not an address": a problem's detail from its fields. */
export function fieldsDetail(errors: readonly FieldError[]): Detail {
  return (locale) => errors.map((e) => `${e.field}: ${fieldMessageIn(locale, e.message)}`).join("; ");
}
