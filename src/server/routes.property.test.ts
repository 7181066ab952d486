import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import {
  createPartnership,
  createTestContext,
  sessionCookie,
  signUp,
  type TestContext,
} from "./test-support.js";
import { dereferencedPaths } from "./test-openapi.js";

/**
 * Every operation of the OpenAPI document the app serves, sent generated bad input in its path,
 * query string and body, anonymously and signed in: no answer may be a 5xx, and every 4xx is
 * problem+json. The seed is fixed so that a failure is the same on every run; PROPERTY_RUNS and
 * PROPERTY_SEED change how many inputs each operation gets and which.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_201);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
}

interface Parameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  schema?: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}

interface Caller {
  name: "anonymous" | "member" | "admin";
  email?: string;
  cookie?: string;
}

let ctx: TestContext;
let operations: Operation[] = [];
let known: string[] = [];
const callers: Caller[] = [{ name: "anonymous" }];

beforeAll(async () => {
  ctx = await createTestContext();
  const member = await signUp(ctx, "Mina Member");
  const admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  const partnership = await createPartnership(ctx, member.cookie);
  callers.push({ name: "member", ...member }, { name: "admin", ...admin });
  known = [partnership.id, partnership.slug, member.userId, "jobs_created", "1"];
  // Schemas whole: the generators below read each one, and the document refers to shared ones.
  const paths = dereferencedPaths(
    (await ctx.app.inject({ url: "/api/openapi.json" })).json<Record<string, unknown>>(),
  ) as Record<string, Record<string, Omit<Operation, "method" | "path">>>;
  operations = Object.entries(paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({
      ...operation,
      method: method.toUpperCase(),
      path,
    })),
  );
  // Signing out and the like go last, so that they end no session the other routes need.
  operations.sort(
    (a, b) => Number(a.path.startsWith("/api/auth/")) - Number(b.path.startsWith("/api/auth/")),
  );
}, 120_000);
afterAll(() => ctx.close());

/** Signs a caller in again when a generated request ended their session (sign out, say). */
async function keepSignedIn(caller: Caller) {
  if (!caller.cookie || !caller.email) return;
  const me = await ctx.app.inject({ url: "/api/me", headers: { cookie: caller.cookie } });
  if (me.statusCode === 200 && me.body !== "null") return;
  const login = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: caller.email, password: "correct horse battery" },
  });
  caller.cookie = sessionCookie(login);
}

// ---- generated input ------------------------------------------------------------------------

/** Any UTF-16 code unit: NUL, control characters and lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const badChar = fc.constantFrom("\u0000", "\ud800", "\udfff", "\ud83d");

/** Text of a length the schema accepts with a NUL byte or a lone surrogate in it, so it gets past validation. */
function brokenText(min = 0, max = 24): fc.Arbitrary<string> {
  return fc
    .tuple(fc.string({ maxLength: 12 }), badChar, fc.string({ maxLength: 12 }))
    .map(([before, bad, after]) =>
      `${before.slice(0, Math.max(0, max - 1))}${bad}${after}`.slice(0, Math.max(max, 1)).padEnd(min, "a"),
    );
}

const nastyText = fc.oneof(
  { weight: 3, arbitrary: brokenText() },
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udc00y",
    "\ud83d",
    "",
    " ",
    "%",
    "%00",
    "null",
    "-1",
    "1e308",
    "NaN",
    "9".repeat(40),
    "2024-02-30",
    "275760-09-13T00:00:00.000Z",
    "'; drop table users; --",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "\u202e💥",
  ),
  fc.string({ unit: anyUnit, maxLength: 24 }),
  fc.string({ unit: "grapheme", minLength: 200, maxLength: 3000 }),
);

const nastyNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, -1, 0, 1e20, -1e20, 2 ** 31, 2 ** 53, 0.5, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Nested junk of any JSON type. */
const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nastyText,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(nastyText, tie("value"), { maxKeys: 4 }),
  ),
})).value;

const isoDate = fc
  .date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Strings matching a schema's pattern; fast-check reads most regular expressions. */
function matching(pattern: string): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length <= 400);
  } catch {
    return fc.string({ maxLength: 40 });
  }
}

/** Mostly what the schema asks for, with its edges and, now and then, anything at all. */
function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return junk;
  return fc.oneof({ weight: 12, arbitrary: shaped(schema, depth) }, { weight: 1, arbitrary: junk });
}

function shaped(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const choices = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (choices && choices.length > 0) return fc.oneof(...choices.map((s) => fromSchema(s, depth + 1)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== "null");
  switch (type) {
    case "string": {
      const max = Math.min(schema.maxLength ?? 80, 400);
      const plain = fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max });
      if (schema.format === "uuid") return fc.oneof(fc.constantFrom(...known), fc.uuid(), nastyText);
      if (schema.format === "email") return fc.oneof(fc.emailAddress(), nastyText);
      if (schema.pattern) return fc.oneof({ weight: 3, arbitrary: matching(schema.pattern) }, nastyText);
      if (schema.format === "date-time" || schema.format === "date")
        return fc.oneof(
          isoDate,
          isoDate.map((d) => d.slice(0, 10)),
          nastyText,
        );
      const broken = brokenText(schema.minLength ?? 0, max);
      return fc.oneof(
        { weight: 2, arbitrary: plain },
        { weight: 1, arbitrary: fc.constantFrom(...known) },
        { weight: 3, arbitrary: broken },
        { weight: 1, arbitrary: nastyText },
      );
    }
    case "integer":
    case "number": {
      const min = schema.minimum ?? -1e6;
      const max = Math.max(schema.maximum ?? 1e6, min);
      const inRange =
        type === "integer"
          ? fc.integer({ min: Math.max(min, -2e9), max: Math.min(max, 2e9) })
          : fc.double({ min, max, noNaN: true });
      return fc.oneof({ weight: 2, arbitrary: inRange }, nastyNumber);
    }
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(fromSchema(schema.items, depth + 1), { maxLength: 2 });
    case "object": {
      const properties = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, fromSchema(s, depth + 1)])),
        { requiredKeys: (schema.required ?? []).filter((k) => k in properties) },
      );
      return record;
    }
    default:
      return junk;
  }
}

/** Percent-encodes every code point as UTF-8, a lone surrogate as the bytes a careless client sends. */
function percentEncode(text: string): string {
  let out = "";
  for (const ch of text) {
    if (/^[A-Za-z0-9._~-]$/.test(ch)) {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  }
  return out;
}

/** A query value as text: arrays repeat the key, objects and numbers are written out. */
const asText = (value: unknown): string =>
  typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);

const rawPathValue = fc.oneof(
  fc.constantFrom("%ED%A0%80", "%FF", "%", "%00", "a%00", "a".repeat(250)),
  nastyText.filter((t) => t.length > 0).map(percentEncode),
);

interface Input {
  caller: Caller;
  path: string;
  query: string;
  contentType?: string;
  body?: string;
}

function inputFor(operation: Operation): fc.Arbitrary<Input> {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === "path");
  const queryParams = params.filter((p) => p.in === "query");
  const path = fc.tuple(
    ...pathParams.map((p) =>
      fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...known).map(percentEncode) },
        rawPathValue,
        fromSchema(p.schema).map((v) => percentEncode(asText(v))),
      ),
    ),
  );
  const query = fc.tuple(
    fc.tuple(...queryParams.map((p) => fc.option(fromSchema(p.schema), { nil: undefined, freq: 3 }))),
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.tuple(nastyText, nastyText) },
    ),
  );
  const content = operation.requestBody?.content ?? {};
  const body: fc.Arbitrary<{ contentType?: string; body?: string }> =
    "application/json" in content
      ? fromSchema(content["application/json"]?.schema).map((v) => ({
          contentType: "application/json",
          body: JSON.stringify(v),
        }))
      : "text/csv" in content
        ? fc
            .array(
              fc.array(nastyText, { maxLength: 7 }).map((cells) => cells.join(",")),
              { maxLength: 5 },
            )
            .map((rows) => ({
              contentType: "text/csv",
              body: ["indicator,period,value,kind,visibility,source,note", ...rows].join("\n"),
            }))
        : fc.option(
            junk.map((v) => ({ contentType: "application/json", body: JSON.stringify(v) ?? "null" })),
            { nil: {}, freq: 2 },
          );
  const caller = fc.oneof(...callers.map((c) => ({ weight: c.cookie ? 2 : 1, arbitrary: fc.constant(c) })));
  return fc
    .record({ caller, path, query, body })
    .map(({ caller, path: values, query: [named, extra], body: b }) => {
      let i = 0;
      const url = operation.path.replace(/\{[^}]+\}/g, () => values[i++] ?? "x");
      const pairs = queryParams.flatMap((p, j) => {
        const value = named[j];
        if (value === undefined) return [];
        const list = Array.isArray(value) ? value : [value];
        return list.map((v) => `${percentEncode(p.name)}=${percentEncode(asText(v))}`);
      });
      if (extra) pairs.push(`${percentEncode(extra[0])}=${percentEncode(extra[1])}`);
      return { caller, path: url, query: pairs.join("&"), ...b };
    });
}

// ---- the property ---------------------------------------------------------------------------

function answerProblem(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return null;
  if (!/^application\/problem\+json/.test(String(res.headers["content-type"])))
    return `answered ${res.statusCode} as ${String(res.headers["content-type"])}: ${res.body.slice(0, 200)}`;
  const body = res.json<Record<string, unknown>>();
  const shapeOk =
    typeof body.type === "string" &&
    typeof body.title === "string" &&
    body.status === res.statusCode &&
    typeof body.detail === "string";
  return shapeOk
    ? null
    : `answered ${res.statusCode} without type, title, status and detail: ${res.body.slice(0, 200)}`;
}

it("answers every operation's bad input with a 4xx problem, never a 5xx", { timeout: 900_000 }, async () => {
  expect(operations.length).toBeGreaterThan(100);
  const started = performance.now();
  let requests = 0;
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  for (const operation of operations) {
    for (const caller of callers) await keepSignedIn(caller);
    const result = await fc.check(
      fc.asyncProperty(inputFor(operation), async (input) => {
        requests += 1;
        const res = await ctx.app.inject({
          method: operation.method as "GET",
          url: input.query ? `${input.path}?${input.query}` : input.path,
          headers: {
            ...(input.caller.cookie ? { cookie: input.caller.cookie } : {}),
            ...(input.contentType ? { "content-type": input.contentType } : {}),
          },
          ...(input.body !== undefined ? { payload: input.body } : {}),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const problem = answerProblem(res);
        if (problem) throw new Error(problem);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (result.failed) {
      const [input] = result.counterexample ?? [];
      const error =
        result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      failures.push(
        `${operation.method} ${operation.path}: ${error}\n    input: ${JSON.stringify({ ...input, caller: input?.caller.name })}`,
      );
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  console.log(
    `${operations.length} operations, ${requests} requests, ${seconds} s (seed ${SEED}, ${RUNS} runs each); ${byStatus.join(", ")}`,
  );
  expect(failures, failures.join("\n")).toEqual([]);
});
