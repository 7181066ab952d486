/**
 * The OpenAPI document's last touch. The schemas registered with an id become
 * `components/schemas` (fastify-type-provider-zod writes an output and an "…Input" variant of
 * each); then every error answer, the same problem+json at every operation, is written once per
 * status under `components/responses`; an "…Input" variant that says the same as its output is
 * merged into it; a parameter written out as a registered schema refers to it; components no
 * operation uses are left out; and the safe-integer range of every whole number is said once, in
 * the description, as is that every object is closed. The document says the same and is half the size.
 */
import type { SwaggerTransformObject } from "@fastify/swagger";
import { jsonSchemaTransformObject } from "fastify-type-provider-zod";

const PROBLEM_REF = "#/components/schemas/Problem";

/** The error answers by status, with what each means in this API. */
export const problemResponses: Record<string, { name: string; description: string }> = {
  "400": { name: "BadRequest", description: "Bad input: `errors` names each field and what to fix." },
  "401": { name: "Unauthorized", description: "Not signed in, or the session or token is not valid." },
  "403": { name: "Forbidden", description: "Signed in, but not allowed to do this." },
  "404": { name: "NotFound", description: "No such record, or one the caller may not see." },
  "409": {
    name: "Conflict",
    description:
      "The record changed meanwhile (`current` holds it) or a rule of the domain refuses the change.",
  },
  "410": { name: "Gone", description: "The link or record is no longer valid." },
  "413": { name: "PayloadTooLarge", description: "The request or file is larger than allowed." },
  "415": {
    name: "UnsupportedMediaType",
    description: "The request's content type is not one this operation takes.",
  },
  "429": { name: "TooManyRequests", description: "Too many attempts: wait and try again." },
  "502": { name: "BadGateway", description: "A service this operation depends on did not answer properly." },
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;

/** A response whose only content is the Problem schema. */
function isProblemResponse(response: unknown): boolean {
  if (!isObject(response) || !isObject(response.content)) return false;
  const media = Object.values(response.content);
  return (
    media.length === 1 &&
    isObject(media[0]) &&
    isObject(media[0].schema) &&
    media[0].schema.$ref === PROBLEM_REF
  );
}

const SCHEMAS = "#/components/schemas/";

/** Every object of a JSON tree, depth first, with a way to replace it in its parent. */
function visit(node: unknown, replace: (value: Json) => Json | undefined): unknown {
  if (Array.isArray(node)) return node.map((item) => visit(item, replace));
  if (!isObject(node)) return node;
  const replaced = replace(node);
  if (replaced) return replaced;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, visit(value, replace)]));
}

/** Points every `$ref` to `from` at `to` instead. */
function renameRefs(node: unknown, from: string, to: string): unknown {
  return visit(node, (value) =>
    value.$ref === SCHEMAS + from ? { ...value, $ref: SCHEMAS + to } : undefined,
  );
}

/** The "…Input" variants that say exactly what their output schema says, once refs are read alike. */
function mergeSameInputs(schemas: Json): { schemas: Json; merged: string[] } {
  const canonical = (value: unknown) =>
    JSON.stringify(value).replace(/(#\/components\/schemas\/\w+?)Input"/g, '$1"');
  const merged = Object.keys(schemas).filter(
    (name) =>
      name.endsWith("Input") &&
      name.slice(0, -5) in schemas &&
      canonical(schemas[name]) === canonical(schemas[name.slice(0, -5)]),
  );
  return {
    schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => !merged.includes(name))),
    merged,
  };
}

/** The names of the schemas that `root` refers to, directly or through other schemas. */
function reachable(root: unknown, schemas: Json): Set<string> {
  const seen = new Set<string>();
  const pending = [root];
  while (pending.length) {
    visit(pending.pop(), (value) => {
      const ref = value.$ref;
      if (typeof ref === "string" && ref.startsWith(SCHEMAS)) {
        const name = ref.slice(SCHEMAS.length);
        if (!seen.has(name)) {
          seen.add(name);
          pending.push(schemas[name]);
        }
      }
      return undefined;
    });
  }
  return seen;
}

/** Points each operation's problem+json answers at one response per status; answers those responses. */
function referProblemResponses(paths: Json): Json {
  const used = new Set<string>();
  for (const operations of Object.values(paths)) {
    if (!isObject(operations)) continue;
    for (const operation of Object.values(operations)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        const known = problemResponses[status];
        if (!known || !isProblemResponse(response)) continue;
        operation.responses[status] = { $ref: `#/components/responses/${known.name}` };
        used.add(status);
      }
    }
  }
  return Object.fromEntries(
    [...used].sort().map((status) => [
      problemResponses[status].name,
      {
        description: problemResponses[status].description,
        content: { "application/problem+json": { schema: { $ref: PROBLEM_REF } } },
      },
    ]),
  );
}

/**
 * Zod writes every whole number's range as JavaScript's safe integers (±2^53−1), some 600 times;
 * the document's description says it once instead. A narrower range stays where it is given.
 */
export function dropSafeIntegerBounds<T>(node: T): T {
  return visit(node, (value) => {
    const bounded = value.minimum === -Number.MAX_SAFE_INTEGER || value.maximum === Number.MAX_SAFE_INTEGER;
    if (!bounded) return undefined;
    const rest = Object.fromEntries(
      Object.entries(value).filter(
        ([key, v]) =>
          !(key === "minimum" && v === -Number.MAX_SAFE_INTEGER) &&
          !(key === "maximum" && v === Number.MAX_SAFE_INTEGER),
      ),
    );
    return dropSafeIntegerBounds(rest);
  }) as T;
}

/**
 * Every object schema of the API is closed (`additionalProperties: false`, some 500 times): the
 * document's description says it once, and an object that takes other properties says so.
 */
export function dropClosedObjectMarks<T>(node: T): T {
  return visit(node, (value) => {
    if (value.additionalProperties !== false || value.type !== "object") return undefined;
    const rest = Object.fromEntries(Object.entries(value).filter(([key]) => key !== "additionalProperties"));
    return dropClosedObjectMarks(rest);
  }) as T;
}

/** What the document says once rather than at every schema. */
export const sayOnce = <T>(node: T): T => dropClosedObjectMarks(dropSafeIntegerBounds(node));

export const openApiTransformObject: SwaggerTransformObject = (input) => {
  const built = sayOnce(jsonSchemaTransformObject(input) as Json);
  const components = isObject(built.components) ? built.components : {};
  const { schemas, merged } = mergeSameInputs(isObject(components.schemas) ? components.schemas : {});
  let tree: unknown = { paths: built.paths, schemas };
  for (const name of merged) tree = renameRefs(tree, name, name.slice(0, -5));
  const renamed = tree as { paths: Json; schemas: Json };
  // A registered schema the library wrote out in full (path and query parameters) refers to it.
  const written = new Map(
    Object.entries(renamed.schemas).map(([name, schema]) => [JSON.stringify(schema), name]),
  );
  const paths = visit(renamed.paths, (value) => {
    const name = written.get(JSON.stringify(value));
    return name ? { $ref: SCHEMAS + name } : undefined;
  }) as Json;
  const responses = referProblemResponses(paths);
  const kept = reachable([paths, responses], renamed.schemas);
  const usedSchemas = Object.fromEntries(Object.entries(renamed.schemas).filter(([name]) => kept.has(name)));
  // Only references were added to what the library built: the document keeps its type.
  return {
    ...built,
    paths,
    components: { ...components, schemas: usedSchemas, responses },
  } as ReturnType<SwaggerTransformObject>;
};
