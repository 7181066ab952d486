/**
 * node-postgres prepares a statement once per connection when the query gives it a name, and
 * afterwards only binds and runs it; an unnamed statement is parsed and planned again on every
 * call. Drizzle names only the statements the code prepares by hand. This names the others:
 * a statement text seen `after` times gets a name made from its hash, for at most `limit` texts
 * per process, so each pooled connection keeps at most that many plans. Texts built with a
 * varying number of parameters (`in ($1, $2, …)`) stay unnamed once the limit is reached.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { PLAN_EACH_CALL } from "./plan-each-call.js";

export interface StatementNaming {
  /** Calls of a text before it is named: one-off statements are not worth a kept plan. */
  after: number;
  /** Texts named per process; each connection may hold a plan for each. */
  limit: number;
}

export const defaultNaming: StatementNaming = { after: 3, limit: 500 };

/** PostgreSQL refuses a kept plan whose result columns changed under it (after a migration). */
const STALE_PLAN = "0A000";
/** Unnamed texts counted at most; past it the counts start again (they only decide naming). */
const MAX_COUNTED = 5000;

interface QueryConfigLike {
  text: string;
  name?: string;
  values?: unknown[];
  submit?: unknown;
}

export function nameRepeatedStatements(pool: pg.Pool, naming: StatementNaming = defaultNaming): void {
  const counts = new Map<string, number>();
  const names = new Map<string, string>();
  /** Texts whose kept plan went stale: their next name gets a new suffix. */
  const renamed = new Map<string, number>();

  function nameFor(text: string): string | undefined {
    const known = names.get(text);
    if (known !== undefined) return known;
    if (names.size >= naming.limit) return undefined;
    const seen = (counts.get(text) ?? 0) + 1;
    if (seen < naming.after) {
      if (counts.size >= MAX_COUNTED) counts.clear();
      counts.set(text, seen);
      return undefined;
    }
    counts.delete(text);
    const hash = createHash("sha1").update(text).digest("hex").slice(0, 24);
    const name = `st_${hash}_${renamed.get(text) ?? 0}`;
    names.set(text, name);
    return name;
  }

  function isNameable(config: unknown): config is QueryConfigLike {
    if (typeof config !== "object" || config === null) return false;
    const c = config as Partial<QueryConfigLike>;
    // A cursor or stream (`submit`) manages its own statement; a named config is the code's own.
    return (
      typeof c.text === "string" &&
      c.name === undefined &&
      c.submit === undefined &&
      !c.text.startsWith(PLAN_EACH_CALL)
    );
  }

  function forgetIfStale(text: string, error: unknown): void {
    if ((error as { code?: unknown } | null)?.code !== STALE_PLAN) return;
    // The next call prepares the text again under a new name.
    names.delete(text);
    renamed.set(text, (renamed.get(text) ?? 0) + 1);
  }

  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
      if (!isNameable(config)) return query(config, ...rest);
      const name = nameFor(config.text);
      if (name === undefined) return query(config, ...rest);
      const named = { ...config, name };
      // The pool's own `query` passes a callback; drizzle's transactions await a promise.
      const callback = rest.at(-1);
      if (typeof callback === "function") {
        return query(named, ...rest.slice(0, -1), (error: unknown, result: unknown) => {
          forgetIfStale(config.text, error);
          (callback as (e: unknown, r: unknown) => void)(error, result);
        });
      }
      return (query(named, ...rest) as Promise<unknown>).catch((error: unknown) => {
        forgetIfStale(config.text, error);
        throw error;
      });
    };
  });
}
