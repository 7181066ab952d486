/**
 * PGlite runs PostgreSQL inside this process, one session for the life of the server. Its own
 * `query` sends a statement as six separate calls into the engine (parse, describe, bind,
 * describe, execute, sync) and parses and plans the text anew each time. For the short
 * statements a request makes, that planning costs several times the execution: the session
 * lookup plans in 0.67 ms and runs in 0.12 ms.
 *
 * `keepStatementsPrepared` gives the client the treatment node-postgres gives a named statement
 * on PostgreSQL: each distinct text is parsed once and kept under a name, so PostgreSQL reuses
 * its plan (a generic plan once it has seen the statement a few times and found that plan no
 * worse), and every later call is one trip into the engine (bind, describe, execute, sync
 * together). The most recently used statements are kept, a bounded number of them.
 *
 * Parameters are sent as text of unstated type, as node-postgres sends them, and turned into
 * text the way node-postgres does (arrays as array literals, objects as JSON, dates as ISO
 * instants, bytes as binary): the code runs on both engines, so it already passes values
 * PostgreSQL reads that way.
 */
import {
  parse,
  protocol,
  type PGlite,
  type QueryOptions,
  type Results,
  type Transaction,
} from "@electric-sql/pglite";
import { PLAN_EACH_CALL } from "./plan-each-call.js";

const { serialize } = protocol;

/** How many prepared statements the session keeps: each holds a plan in the engine's memory. */
export const KEPT_STATEMENTS = 400;

type Query = PGlite["query"];

/** A value as PostgreSQL reads it in text form, or bytes in binary form, or null. */
export function toParameter(value: unknown): string | Uint8Array | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  // Functions and symbols are not values a statement takes.
  throw new TypeError(`A ${typeof value} cannot be a query parameter.`);
}

function arrayLiteral(items: readonly unknown[]): string {
  const parts = items.map((item) => {
    if (item === null || item === undefined) return "NULL";
    if (Array.isArray(item)) return arrayLiteral(item);
    if (ArrayBuffer.isView(item)) {
      const bytes = new Uint8Array(item.buffer, item.byteOffset, item.byteLength);
      return `"\\\\x${Buffer.from(bytes).toString("hex")}"`;
    }
    const text = toParameter(item) as string;
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${parts.join(",")}}`;
}

/**
 * PGlite merges a query's own parsers into its 318 defaults by copying them all, on every query
 * (90 µs; drizzle passes its own for dates on each one). Layering the few over the defaults
 * (a prototype chain) answers the same lookups without the copy.
 */
function layeredParsers(
  defaults: PGlite["parsers"],
  options: QueryOptions | undefined,
): [PGlite["parsers"], QueryOptions | undefined] {
  if (!options?.parsers) return [defaults, options];
  const { parsers, ...rest } = options;
  return [Object.assign(Object.create(defaults) as PGlite["parsers"], parsers), rest];
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** PostgreSQL refuses a kept plan whose result columns changed under it (after a migration). */
const STALE_PLAN = "0A000";

export function keepStatementsPrepared(client: PGlite, kept = KEPT_STATEMENTS): void {
  const original: Query = client.query.bind(client);
  const originalTransaction = client.transaction.bind(client);
  /** Statement text → name, in order of last use (a Map keeps insertion order). */
  const names = new Map<string, string>();
  /** Names that may exist in the engine and are no longer wanted: closed on the next trip. */
  let toClose: string[] = [];
  let counter = 0;

  async function trip<T>(text: string, params: readonly unknown[], options: QueryOptions | undefined) {
    // A statement marked to be planned per call goes unnamed: parsed and planned each time.
    const keep = !text.startsWith(PLAN_EACH_CALL);
    const known = keep ? names.get(text) : undefined;
    const fresh = keep && known === undefined;
    const name = !keep ? "" : (known ?? `st_${(++counter).toString(36)}`);
    const parts: Uint8Array[] = toClose.map((old) => serialize.close({ type: "S", name: old }));
    toClose = [];
    if (known === undefined) {
      parts.push(
        serialize.parse({ name, text, ...(options?.paramTypes ? { types: options.paramTypes } : {}) }),
      );
    } else {
      // Most recently used last: the first entry is the one to let go.
      names.delete(text);
      names.set(text, known);
    }
    parts.push(
      serialize.bind({ statement: name, values: params.map(toParameter) }),
      serialize.describe({ type: "P" }),
      serialize.execute({}),
      serialize.sync(),
    );
    try {
      const messages = await client.execProtocolStream(concat(parts), {
        syncToFs: false,
        ...(options?.onNotice ? { onNotice: options.onNotice } : {}),
      });
      if (fresh) {
        names.set(text, name);
        if (names.size > kept) {
          const [oldest, oldName] = names.entries().next().value as [string, string];
          names.delete(oldest);
          toClose.push(oldName);
        }
      }
      return parse.parseResults(messages, ...layeredParsers(client.parsers, options))[0] as Results<T>;
    } catch (error) {
      // A statement parsed in this trip may exist even though a later step failed; a kept one
      // whose plan went stale must be parsed again. Either way: close it, and parse next time.
      const code = (error as { code?: unknown }).code;
      if (fresh) toClose.push(name);
      else if (keep && code === STALE_PLAN) {
        names.delete(text);
        toClose.push(name);
      }
      if (error instanceof Error) Object.assign(error, { query: text, params, queryOptions: options });
      throw error;
    }
  }

  /** Options this path does not serve (files passed to COPY) go to PGlite's own query. */
  const ownPath = (options: QueryOptions | undefined) =>
    options?.blob !== undefined || options?.serializers !== undefined;

  client.query = (async <T>(text: string, params: unknown[] = [], options?: QueryOptions) => {
    if (ownPath(options)) return original<T>(text, params, options);
    return client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(async () => {
        let result: Results<T>;
        try {
          result = await trip<T>(text, params, options);
        } catch (error) {
          // Outside a transaction nothing was changed: parse the statement again and run it.
          if ((error as { code?: unknown }).code !== STALE_PLAN) throw error;
          result = await trip<T>(text, params, options);
        }
        await client.syncToFs();
        return result;
      }),
    );
  }) as Query;

  client.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    originalTransaction((tx) => {
      const query = (async <R>(text: string, params: unknown[] = [], options?: QueryOptions) => {
        if (tx.closed) throw new Error("Transaction is closed");
        if (ownPath(options)) return tx.query<R>(text, params, options);
        return client._runExclusiveQuery(() => trip<R>(text, params, options));
      }) as Transaction["query"];
      const kept: Transaction = {
        query,
        sql: tx.sql.bind(tx),
        exec: tx.exec.bind(tx),
        rollback: tx.rollback.bind(tx),
        listen: tx.listen.bind(tx),
        get closed() {
          return tx.closed;
        },
      };
      return callback(kept);
    });
}
