import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isResponseSerializationError } from "fastify-type-provider-zod";
import { compileResponseCopy, responseSerializerCompiler } from "./response-serializer.js";

const serialize = (schema: z.ZodType) =>
  responseSerializerCompiler({ schema, method: "GET", url: "/api/test" });
/** What Zod's encode wrote, the serializer this one replaced. */
const byZod = (schema: z.ZodType, value: unknown) => JSON.stringify(z.encode(schema, value));

const person = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.email().optional(),
  tags: z.array(z.string()),
});

describe("response serializer", () => {
  it("writes only the fields the schema names, at every depth, in the schema's order", () => {
    const schema = z.object({
      people: z.array(person),
      lead: person.nullable(),
      byTeam: z.record(z.string(), z.array(person)),
    });
    const row = {
      tags: ["a"],
      name: "Ana",
      passwordHash: "secret",
      id: "3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e",
      title: null,
    };
    const answer = {
      people: [row, { ...row, email: "ana@example.com" }],
      lead: row,
      byTeam: { t1: [row] },
      internal: 1,
    };
    const written = serialize(schema)(answer);
    expect(written).not.toContain("secret");
    expect(written).not.toContain("internal");
    expect(written).toBe(byZod(schema, answer));
    expect(JSON.parse(written).lead).toEqual({ id: row.id, name: "Ana", title: null, tags: ["a"] });
  });

  it("leaves what it does not copy itself to Zod: unions, codecs, defaults, loose objects", () => {
    const schema = z.object({
      event: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("a"), a: z.number() }),
        z.object({ kind: z.literal("b"), b: z.string() }),
      ]),
      when: z.codec(z.iso.datetime(), z.date(), {
        decode: (s) => new Date(s),
        encode: (d) => d.toISOString(),
      }),
      size: z.number().default(3),
      extra: z.looseObject({ x: z.number() }),
    });
    const answer = {
      event: { kind: "b", b: "x", hidden: true },
      when: new Date("2026-12-04T08:00:00.000Z"),
      size: 4,
      extra: { x: 1, kept: "yes" },
    };
    const written = serialize(schema)(answer);
    expect(written).toBe(byZod(schema, answer));
    expect(JSON.parse(written)).toEqual({
      event: { kind: "b", b: "x" },
      when: "2026-12-04T08:00:00.000Z",
      size: 4,
      extra: { x: 1, kept: "yes" },
    });
  });

  it("follows a schema that contains itself", () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node) }));
    const tree = { name: "root", secret: 1, children: [{ name: "leaf", secret: 2, children: [] }] };
    expect(serialize(node)(tree)).toBe('{"name":"root","children":[{"name":"leaf","children":[]}]}');
  });

  it("refuses an answer that is not the shape its schema says, as Zod did", () => {
    const write = serialize(z.object({ list: z.array(person) }));
    let thrown: unknown;
    try {
      write({ list: "not a list" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(isResponseSerializationError(thrown as Error)).toBe(true);
  });

  it("does not check formats again: the handlers' answers are typed by the same schemas", () => {
    // What shows that the copy, not Zod's encode, wrote the answer: Zod would refuse this id.
    expect(serialize(person)({ id: "not-a-uuid", name: "A", title: null, tags: [] })).toBe(
      '{"id":"not-a-uuid","name":"A","title":null,"tags":[]}',
    );
  });

  it("copies each shape once: a compiled copy is reused for every answer", () => {
    const copy = compileResponseCopy(z.object({ a: z.array(z.object({ b: z.number() })) }));
    expect(copy({ a: [{ b: 1, c: 2 }] })).toEqual({ a: [{ b: 1 }] });
    expect(copy({ a: [] })).toEqual({ a: [] });
  });
});
