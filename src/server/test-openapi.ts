/** For tests that read the OpenAPI document: its operations with every `$ref` resolved. */
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;

/**
 * The document's `paths` with every `$ref` replaced by the component it points at, so a test
 * sees each schema whole. Throws on a reference to nothing or to itself.
 */
export function dereferencedPaths(document: Json): Json {
  const components = (isObject(document.components) ? document.components : {}) as Record<string, Json>;
  const resolve = (node: unknown, trail: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => resolve(item, trail));
    if (!isObject(node)) return node;
    if (typeof node.$ref === "string") {
      const [, , kind, name] = node.$ref.split("/");
      const target = components[kind]?.[name];
      if (target === undefined) throw new Error(`${node.$ref} points at nothing`);
      if (trail.includes(node.$ref)) throw new Error(`${node.$ref} refers to itself`);
      return resolve(target, [...trail, node.$ref]);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(value, trail)]));
  };
  return resolve(document.paths, []) as Json;
}
