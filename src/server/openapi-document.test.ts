import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import { problemResponses, sayOnce } from "./openapi-document.js";
import { dereferencedPaths } from "./test-openapi.js";
import { createTestContext, type TestContext } from "./test-support.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;

/** What the compacted document says of a problem answer: its meaning and its real media type. */
function asDocumented(paths: unknown): unknown {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!isObject(node)) return node;
    if (isObject(node.responses)) {
      const responses = Object.fromEntries(
        Object.entries(node.responses).map(([status, response]) => {
          const known = problemResponses[status];
          const content = isObject(response) && isObject(response.content) ? response.content : {};
          const schema = isObject(content["application/json"])
            ? content["application/json"].schema
            : undefined;
          const isProblem = isObject(schema) && isObject(schema.properties) && "title" in schema.properties;
          return known && isProblem && Object.keys(content).length === 1
            ? [
                status,
                { description: known.description, content: { "application/problem+json": { schema } } },
              ]
            : [status, rewrite(response)];
        }),
      );
      return { ...Object.fromEntries(Object.entries(node).map(([k, v]) => [k, rewrite(v)])), responses };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewrite(value)]));
  };
  // The safe-integer range and closed objects are said once, in the document's description.
  return sayOnce(rewrite(paths));
}

describe("the OpenAPI document", () => {
  let ctx: TestContext;
  let served: string;
  let document: Json;
  beforeAll(async () => {
    ctx = await createTestContext();
    const res = await ctx.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    served = res.body;
    document = res.json<Json>();
  });
  afterAll(() => ctx.close());

  // 265 KB when the compaction came; the routes since (regional economy, languages: the rubric's
  // and the library's translations) bring it to about 303 KB, every schema still said once.
  it("is served well under 320 KB, its schemas and error answers named once", () => {
    expect(Buffer.byteLength(served)).toBeLessThan(320_000);
    const components = document.components as { schemas: Json; responses: Json };
    expect(Object.keys(components.schemas)).toEqual(
      expect.arrayContaining(["Problem", "Uuid", "Partnership", "Action", "Meeting", "Member"]),
    );
    expect(Object.keys(components.responses)).toEqual(
      expect.arrayContaining(["BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict"]),
    );
    expect(served.split('"$ref"').length).toBeGreaterThan(500);
  });

  it("loses nothing: every reference resolves, and resolved it says what the schemas in full say", async () => {
    const full = await buildApp(ctx.deps, { openApiInFull: true });
    try {
      const inFull = (await full.inject({ method: "GET", url: "/api/openapi.json" })).json<Json>();
      expect(Object.keys(document.paths as Json).length).toBeGreaterThan(100);
      expect(Object.keys(document.paths as Json)).toEqual(Object.keys(inFull.paths as Json));
      expect(dereferencedPaths(document)).toEqual(asDocumented(dereferencedPaths(inFull)));
    } finally {
      await full.close();
    }
  });
});
