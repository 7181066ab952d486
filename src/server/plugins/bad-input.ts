import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, type FieldError, fieldsDetail } from "../errors.js";

/**
 * PostgreSQL refuses a NUL byte in any text, and a lone UTF-16 surrogate or a byte sequence that
 * is not UTF-8 is no text at all. Either would reach a query from any of the routes, so they are
 * refused here, once, before a route sees them: in the query string, the path's parameters and
 * every string (and key) of the body.
 */
export const BAD_TEXT = "contains a NUL byte or broken Unicode; remove it";

/** Half of a UTF-16 surrogate pair without its other half (`String#isWellFormed` is ES2024). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a decoded string is text PostgreSQL can store. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/** The bytes of a percent-encoded part of a query string ('+' is a space, as in forms). */
function percentDecodedBytes(part: string): Uint8Array {
  const bytes: number[] = [];
  const text = Buffer.from(part.replaceAll("+", " "), "latin1");
  for (let i = 0; i < text.length; i++) {
    const byte = text[i] ?? 0;
    const hex = byte === 0x25 ? text.subarray(i + 1, i + 3).toString("latin1") : "";
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(byte);
    }
  }
  return Uint8Array.from(bytes);
}

function storablePart(part: string): boolean {
  try {
    return isStorableText(strictUtf8.decode(percentDecodedBytes(part)));
  } catch {
    return false;
  }
}

/** A field name fit to show back: what can be read of it, without control or broken characters. */
function shown(name: string): string {
  return Array.from(name)
    .filter((c) => c >= " " && c !== "\ufffd" && isStorableText(c))
    .join("")
    .slice(0, 60);
}

/**
 * The raw query string is read again because Fastify's parser keeps a broken percent-encoding
 * (`%FF`, `%ED%A0%80`) as it is instead of refusing it.
 */
function queryStringErrors(rawUrl: string): FieldError[] {
  const start = rawUrl.indexOf("?");
  if (start < 0) return [];
  const errors: FieldError[] = [];
  for (const pair of rawUrl.slice(start + 1).split("&")) {
    const equals = pair.indexOf("=");
    const key = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? "" : pair.slice(equals + 1);
    if (!storablePart(key) || !storablePart(value))
      errors.push({
        field: shown(lenientUtf8.decode(percentDecodedBytes(key))) || "query",
        message: BAD_TEXT,
      });
  }
  return errors;
}

function paramErrors(params: unknown): FieldError[] {
  if (typeof params !== "object" || params === null) return [];
  return Object.entries(params)
    .filter(([, value]) => typeof value === "string" && !isStorableText(value))
    .map(([name]) => ({ field: `params.${name}`, message: BAD_TEXT }));
}

/** The line of a text body (a CSV file) where the first bad character is, counting from 1. */
function lineOf(text: string): number {
  const chars = Array.from(text);
  const at = chars.findIndex((c) => !isStorableText(c));
  return chars.slice(0, at).filter((c) => c === "\n").length + 1;
}

/** An object parsed from JSON or a form; not a file's bytes or stream. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Every string and key of a parsed body, walked without recursion (a 1 MB body may nest half a
 * million arrays). Fields are named like the validation errors: `name`, `items.0.title`.
 */
function bodyErrors(body: unknown): FieldError[] {
  if (typeof body === "string") {
    return isStorableText(body) ? [] : [{ field: "body", message: `${BAD_TEXT} (line ${lineOf(body)})` }];
  }
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: body, path: "" }];
  while (stack.length > 0 && errors.length < 20) {
    const { value, path } = stack.pop() ?? { value: null, path: "" };
    if (typeof value === "string") {
      if (!isStorableText(value)) errors.push({ field: path || "body", message: BAD_TEXT });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: path ? `${path}.${i}` : String(i) }));
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        const field = path ? `${path}.${shown(key)}` : shown(key) || "body";
        if (!isStorableText(key)) errors.push({ field, message: `its name ${BAD_TEXT}` });
        else stack.push({ value: item, path: field });
      }
    }
  }
  return errors.reverse();
}

function refuse(errors: FieldError[]): void {
  if (errors.length === 0) return;
  throw new AppError("bad_request", fieldsDetail(errors), { errors });
}

/**
 * Refuses text PostgreSQL cannot store. The address is checked on arrival; the body once parsed,
 * after the access check (registered after `registerAuth`), so that a caller without the right
 * learns that first. Files (raw bytes) are not text and are not checked.
 */
export function registerBadInputGuard(app: FastifyInstance) {
  app.addHook("onRequest", async (request: FastifyRequest) => {
    refuse([...paramErrors(request.params), ...queryStringErrors(request.raw.url ?? "")]);
  });
  app.addHook("preValidation", async (request: FastifyRequest) => {
    if (request.body !== undefined && request.body !== null) refuse(bodyErrors(request.body));
  });
}
