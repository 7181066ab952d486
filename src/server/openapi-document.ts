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

/** The reason phrase of each success status (RFC 9110), for answers the routes do not describe. */
const reasonPhrases: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "204": "No Content",
};

/**
 * The library describes every success answer a route does not describe as "Default Response",
 * 270 times over; the status's own reason phrase says as much in fewer bytes.
 */
export function nameSuccessAnswers<T>(node: T): T {
  return visit(node, (value) => {
    if (!isObject(value.responses)) return undefined;
    const responses = Object.fromEntries(
      Object.entries(value.responses).map(([status, response]) => [
        status,
        isObject(response) && response.description === "Default Response" && reasonPhrases[status]
          ? { ...response, description: reasonPhrases[status] }
          : response,
      ]),
    );
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, key === "responses" ? responses : nameSuccessAnswers(v)]),
    );
  }) as T;
}

/** What the document says once rather than at every schema. */
export const sayOnce = <T>(node: T): T =>
  nameSuccessAnswers(dropClosedObjectMarks(dropSafeIntegerBounds(node)));

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Writes each parameter that several operations share (the path's `id` and `slug`, a
 * `scope` or `state` query) once under `components/parameters`, named by where it goes and its
 * name ("PathId"; a second shape of the same name gets a number), and refers to it.
 */
function referSharedParameters(paths: Json): Json {
  const uses = new Map<string, number>();
  const operations = Object.values(paths).flatMap((ops) => (isObject(ops) ? Object.values(ops) : []));
  const parametersOf = (operation: unknown): unknown[] =>
    isObject(operation) && Array.isArray(operation.parameters) ? operation.parameters : [];
  for (const operation of operations) {
    for (const parameter of parametersOf(operation)) {
      const key = JSON.stringify(parameter);
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  const names = new Map<string, string>();
  const components: Json = {};
  // The most used shape of a name gets the name without a number.
  for (const [key, count] of [...uses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const parameter = JSON.parse(key) as Json;
    if (count < 2 || typeof parameter.in !== "string" || typeof parameter.name !== "string") continue;
    const base =
      capitalized(parameter.in) +
      capitalized(parameter.name.replace(/\W+(\w)?/g, (_, c?: string) => (c ?? "").toUpperCase()));
    let name = base;
    for (let n = 2; name in components; n++) name = `${base}${n}`;
    components[name] = parameter;
    names.set(key, name);
  }
  for (const operation of operations) {
    if (!isObject(operation) || !Array.isArray(operation.parameters)) continue;
    operation.parameters = operation.parameters.map((parameter: unknown) => {
      const name = names.get(JSON.stringify(parameter));
      return name ? { $ref: `#/components/parameters/${name}` } : parameter;
    });
  }
  return components;
}

/**
 * Writes each success answer that several operations give alike (the same description and one
 * named schema, e.g. a regional team after each change to it) once under
 * `components/responses`, named after its schema, and refers to it.
 */
function referSharedAnswers(paths: Json, taken: Json): Json {
  const uses = new Map<string, number>();
  const answersOf = (operation: unknown): Json =>
    isObject(operation) && isObject(operation.responses) ? operation.responses : {};
  const operations = Object.values(paths).flatMap((ops) => (isObject(ops) ? Object.values(ops) : []));
  const schemaName = (response: unknown): string | undefined => {
    if (!isObject(response) || !isObject(response.content)) return undefined;
    const media = Object.values(response.content);
    const ref =
      media.length === 1 && isObject(media[0]) && isObject(media[0].schema)
        ? media[0].schema.$ref
        : undefined;
    return typeof ref === "string" && ref.startsWith(SCHEMAS) ? ref.slice(SCHEMAS.length) : undefined;
  };
  for (const operation of operations) {
    for (const response of Object.values(answersOf(operation))) {
      if (schemaName(response) === undefined) continue;
      const key = JSON.stringify(response);
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  const names = new Map<string, string>();
  const components: Json = {};
  for (const [key, count] of uses) {
    if (count < 2) continue;
    const response = JSON.parse(key) as Json;
    const base = schemaName(response) ?? "Answer";
    let name = base;
    for (let n = 2; name in components || name in taken; n++) name = `${base}${n}`;
    components[name] = response;
    names.set(key, name);
  }
  for (const operation of operations) {
    const responses = answersOf(operation);
    for (const [status, response] of Object.entries(responses)) {
      const name = names.get(JSON.stringify(response));
      if (name) responses[status] = { $ref: `#/components/responses/${name}` };
    }
  }
  return components;
}

const pascal = (words: string[]) =>
  words
    .flatMap((word) => word.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map(capitalized)
    .join("");

/** A schema's name from where it first appears: its named schema or route, then its properties. */
function nameFromTrail(trail: string[]): string {
  const [root, second, ...rest] = trail;
  const context =
    root === "schemas"
      ? [second]
      : second
          .split("/")
          .filter((part) => part && part !== "api" && !part.startsWith("{"))
          .concat(rest[0] === "get" ? [] : [rest[0]]);
  const inside: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i - 1] === "properties") inside.push(rest[i]);
    else if (rest[i] === "items") inside.push("item");
    else if (rest[i] === "requestBody") inside.push("body");
  }
  return pascal([...context, ...inside]) || "Shape";
}

/**
 * A schema no route named but written out alike at several places (an object a few answers
 * share, a nullable one) is written once under `components/schemas`, named after where it first
 * appears, and referred to; only where that saves bytes, largest saving first.
 */
function nameRepeatedSchemas(paths: Json, schemas: Json): void {
  for (let round = 0; round < 60; round++) {
    const seen = new Map<string, { count: number; trail: string[] }>();
    const walk = (node: unknown, trail: string[], isRoot: boolean) => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, [...trail, String(i)], false));
        return;
      }
      if (!isObject(node)) return;
      if (!isRoot && node.$ref === undefined && ("type" in node || "anyOf" in node)) {
        const key = JSON.stringify(node);
        if (key.length >= 60) {
          const entry = seen.get(key);
          if (entry) entry.count++;
          else seen.set(key, { count: 1, trail });
        }
      }
      for (const [key, value] of Object.entries(node)) walk(value, [...trail, key], false);
    };
    walk(paths, ["paths"], true);
    for (const [name, schema] of Object.entries(schemas)) walk(schema, ["schemas", name], true);
    // The largest savings first, several a round when neither holds the other.
    const chosen: { key: string; trail: string[] }[] = [];
    const ranked = [...seen]
      .map(([key, { count, trail }]) => ({
        key,
        trail,
        count,
        saving: (key.length - 40) * count - key.length,
      }))
      .filter((candidate) => candidate.count > 1 && candidate.saving > 40)
      .sort((a, b) => b.saving - a.saving || a.key.localeCompare(b.key));
    for (const candidate of ranked) {
      if (chosen.length === 8) break;
      if (chosen.some((c) => c.key.includes(candidate.key) || candidate.key.includes(c.key))) continue;
      chosen.push(candidate);
    }
    if (chosen.length === 0) return;
    const names = new Map<string, string>();
    for (const { key, trail } of chosen) {
      const base = nameFromTrail(trail);
      let name = base;
      for (let n = 2; name in schemas || [...names.values()].includes(name); n++) name = `${base}${n}`;
      names.set(key, name);
    }
    const refer = (node: unknown) =>
      visit(node, (value) => {
        const name = names.get(JSON.stringify(value));
        return name ? { $ref: SCHEMAS + name } : undefined;
      });
    for (const [key, value] of Object.entries(paths)) paths[key] = refer(value);
    for (const [key, schema] of Object.entries(schemas)) {
      schemas[key] = isObject(schema)
        ? Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, refer(v)]))
        : schema;
    }
    for (const [key, name] of names) schemas[name] = JSON.parse(key) as Json;
  }
}

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
  const referWritten = (node: unknown, self?: string) =>
    visit(node, (value) => {
      const name = written.get(JSON.stringify(value));
      return name && name !== self ? { $ref: SCHEMAS + name } : undefined;
    });
  const paths = referWritten(renamed.paths) as Json;
  // Inside named schemas too (a stage, an e-mail address): each schema's own root stays whole.
  const named = Object.fromEntries(
    Object.entries(renamed.schemas).map(([name, schema]) => [
      name,
      isObject(schema)
        ? Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, referWritten(value, name)]))
        : schema,
    ]),
  );
  nameRepeatedSchemas(paths, named);
  const problems = referProblemResponses(paths);
  const answers = referSharedAnswers(paths, problems);
  const parameters = referSharedParameters(paths);
  const responses = { ...problems, ...answers };
  const kept = reachable([paths, responses, parameters], named);
  const usedSchemas = Object.fromEntries(Object.entries(named).filter(([name]) => kept.has(name)));
  // Only references were added to what the library built: the document keeps its type.
  return {
    ...built,
    paths,
    components: { ...components, schemas: usedSchemas, responses, parameters },
  } as ReturnType<SwaggerTransformObject>;
};
