import type { Problem } from "../../core/problem.js";
import { msg, say } from "../../core/i18n/msg.js";

/** An error answer of the API, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  /** Field errors keyed by the first segment of the field path ("counties.3" -> "counties"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.field.split(/[.[]/)[0] ?? e.field;
      out[key] ??= sentence(e.message);
    }
    return out;
  }
}

/** "must be at least 3 characters" -> "Must be at least 3 characters". */
export function sentence(message: string): string {
  return message.length ? message.charAt(0).toUpperCase() + message.slice(1) : message;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type QueryValue = string | number | readonly string[] | null | undefined;

export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(","));
    } else {
      search.set(key, String(value));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && typeof value.status === "number";
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (isProblem(body)) {
    return new ApiError({
      type: body.type || "about:blank",
      title: body.title || res.statusText,
      status: body.status,
      detail: body.detail || body.title || res.statusText,
      errors: body.errors,
      current: body.current,
      reason: typeof body.reason === "string" ? body.reason : undefined,
    });
  }
  // No problem details (a proxy's page, say): the reader gets the app's words for it.
  return new ApiError({
    type: "about:blank",
    title:
      res.statusText || say(msg({ id: "api.error.requestFailedTitle", defaultMessage: "Request failed" })),
    status: res.status,
    detail:
      res.status >= 500
        ? say(
            msg({
              id: "api.error.serverProblem",
              defaultMessage: "The server had a problem. Please try again in a moment.",
            }),
          )
        : say(
            msg(
              { id: "api.error.requestFailed", defaultMessage: "The request failed ({status})." },
              { status: String(res.status) },
            ),
          ),
  });
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { accept: "application/json" }
          : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError({
      type: "about:blank",
      title: say(msg({ id: "api.error.networkTitle", defaultMessage: "Network error" })),
      status: 0,
      detail: say(
        msg({
          id: "api.error.network",
          defaultMessage: "We could not reach the server. Check your connection and try again.",
        }),
      ),
    });
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204 || res.status === 202) {
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>("GET", path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
};

/** A readable message for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail;
  if (error instanceof Error) return error.message;
  return say(msg({ id: "api.error.unknown", defaultMessage: "Something went wrong." }));
}
