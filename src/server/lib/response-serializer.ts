/**
 * The JSON of an answer as its response schema describes it: only the fields the schema names
 * leave the server (a row's other columns never do), in the schema's order.
 *
 * Zod's encode did this by parsing every answer against its schema (every uuid and date checked
 * by pattern, every value wrapped in a result object) and then stringifying it: on an action
 * plan of 16 kB that was a quarter of the server's time for the request. The handlers' answers
 * are typed by the same schemas at compile time, so here the schema is compiled once per route
 * into a function that copies the named fields (objects, arrays, optional and nullable values,
 * records, lazy schemas) and leaves anything else (unions, codecs and transforms, defaults,
 * objects that keep unknown keys) to Zod's own encode, as before. A value that is not the shape
 * its schema says (a handler's bug) is also handed to Zod, which refuses it as it did.
 */
import { $ZodError, $ZodType, safeEncode } from "zod/v4/core";
import { ResponseSerializationError } from "fastify-type-provider-zod";

type Copy = (value: unknown) => unknown;

interface Def {
  type: string;
  shape?: Record<string, $ZodType>;
  catchall?: $ZodType;
  element?: $ZodType;
  innerType?: $ZodType;
  keyType?: $ZodType;
  valueType?: $ZodType;
  getter?: () => $ZodType;
}

const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

/** Values JSON writes as they are: nothing inside them to leave out. */
const asIs = new Set([
  "string",
  "number",
  "boolean",
  "enum",
  "literal",
  "null",
  "any",
  "unknown",
  "template_literal",
]);

const same: Copy = (value) => value;

function byZod(schema: $ZodType): Copy {
  return (value) => {
    const result = safeEncode(schema, value);
    if (!result.success) throw result.error;
    return result.data;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compileObject(schema: $ZodType, def: Def, compile: (s: $ZodType) => Copy): Copy {
  // An object that keeps unknown keys (loose, catchall) is Zod's to write; a strict one is
  // written as a stripping one (its answers come from the server, which is what is checked).
  if (def.catchall && defOf(def.catchall).type !== "never") return byZod(schema);
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const copies = keys.map((key) => compile(shape[key]));
  const fallback = byZod(schema);
  return (value) => {
    if (!isRecord(value)) return fallback(value);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const field = value[keys[i]];
      if (field !== undefined) out[keys[i]] = copies[i](field);
    }
    return out;
  };
}

function compileArray(schema: $ZodType, def: Def, compile: (s: $ZodType) => Copy): Copy {
  const element = compile(def.element!);
  const fallback = byZod(schema);
  return (value) => {
    if (!Array.isArray(value)) return fallback(value);
    const items: unknown[] = value;
    return element === same ? items : items.map((item) => element(item));
  };
}

function compileRecord(schema: $ZodType, def: Def, compile: (s: $ZodType) => Copy): Copy {
  // Keys of another kind than plain strings (enums: every key required) are Zod's to check.
  if (defOf(def.keyType!).type !== "string") return byZod(schema);
  const entry = compile(def.valueType!);
  const fallback = byZod(schema);
  return (value) => {
    if (!isRecord(value)) return fallback(value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const field = value[key];
      if (field !== undefined) out[key] = entry(field);
    }
    return out;
  };
}

function compileWith(memo: Map<$ZodType, Copy>) {
  const compile = (schema: $ZodType): Copy => {
    const known = memo.get(schema);
    if (known) return known;
    // A schema that contains itself (through lazy) finds this forward while it is compiled.
    const slot: { copy?: Copy } = {};
    memo.set(schema, (value) => slot.copy!(value));
    const compiled = build(schema);
    slot.copy = compiled;
    memo.set(schema, compiled);
    return compiled;
  };
  const build = (schema: $ZodType): Copy => {
    const def = defOf(schema);
    if (asIs.has(def.type)) return same;
    switch (def.type) {
      case "object":
        return compileObject(schema, def, compile);
      case "array":
        return compileArray(schema, def, compile);
      case "record":
        return compileRecord(schema, def, compile);
      case "optional":
      case "nullable":
      case "readonly": {
        const inner = compile(def.innerType!);
        if (inner === same) return same;
        return (value) => (value === undefined || value === null ? value : inner(value));
      }
      case "lazy": {
        let inner: Copy | undefined;
        return (value) => (inner ??= compile(def.getter!()))(value);
      }
      default:
        return byZod(schema);
    }
  };
  return compile;
}

/** The copy of values of one schema that keeps only what the schema names. */
export function compileResponseCopy(schema: $ZodType): Copy {
  return compileWith(new Map())(schema);
}

/** As Fastify hands it over: the schema itself, or (from a shared definition) under `properties`. */
function resolveSchema(schema: unknown): $ZodType {
  if (schema instanceof $ZodType) return schema;
  const inner = (schema as { properties?: unknown } | null)?.properties;
  if (inner instanceof $ZodType) return inner;
  throw new Error(`A response schema is not a Zod schema: ${JSON.stringify(schema)}`);
}

/** Fastify's serializer compiler for Zod response schemas (the route's schema per status code). */
export function responseSerializerCompiler({
  schema,
  method,
  url,
}: {
  schema: unknown;
  method: string;
  url: string;
}): (data: unknown) => string {
  const copy = compileResponseCopy(resolveSchema(schema));
  return (data) => {
    try {
      return JSON.stringify(copy(data));
    } catch (cause) {
      if (cause instanceof $ZodError) throw new ResponseSerializationError(method, url, { cause });
      throw cause;
    }
  };
}
