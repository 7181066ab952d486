import type pg from "pg";
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Executor } from "../../db/open.js";
import { isAnswerTopic, type AnswerTopic } from "./answer-cache.js";

const CHANNEL = "shared_table_directory";
/** Announced by the triggers of migration 0021: a user id, or '' for everyone. */
const SESSIONS_CHANNEL = "shared_table_sessions";

/**
 * Tells every server process that directory data changed. The notice is sent inside the
 * writer's transaction, so PostgreSQL delivers it only when (and if) the write commits.
 */
export async function announceDirectoryChange(tx: Executor, only?: AnswerTopic): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${only ?? ""})`);
}

/** The topic a notice names; anything else (an empty notice) means everything may have changed. */
function topicOfNotice(payload: string | undefined): AnswerTopic | undefined {
  return payload !== undefined && isAnswerTopic(payload) ? payload : undefined;
}

/** What a server does with the notices it hears. */
export interface ChangeListeners {
  /** Directory data changed (one topic, or anything when undefined). */
  directory: (only?: AnswerTopic) => void;
  /** Sessions or accounts changed: whose (undefined = anyone's), or `listening` when the link came or went. */
  sessions?: { forget: (userId?: string) => void; listening: (heard: boolean) => void };
}

/** Listens on PostgreSQL for changes made by any process; reconnects when the link drops. */
export function listenForChanges(
  url: string,
  listeners: ChangeListeners,
  log?: FastifyBaseLogger,
): { close(): Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    // Loaded here: a server on the embedded engine never listens and never loads the driver.
    const { default: driver } = await import("pg");
    const next = new driver.Client({ connectionString: url });
    next.on("notification", (notice) => {
      if (notice.channel === SESSIONS_CHANNEL) listeners.sessions?.forget(notice.payload || undefined);
      else listeners.directory(topicOfNotice(notice.payload));
    });
    // However the link ends (an error, or the server closing it), notices may be missed from then
    // on: remembered sessions stop being served at once, and the feed connects again.
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      listeners.sessions?.listening(false);
      if (closed) return;
      log?.warn({ err: error }, "change feed lost; reconnecting");
      next.end().catch(() => undefined);
      scheduleRetry();
    };
    next.on("error", onLost);
    next.on("end", () => onLost());
    await next.connect();
    await next.query(`listen ${CHANNEL}`);
    if (listeners.sessions) await next.query(`listen ${SESSIONS_CHANNEL}`);
    client = next;
    // Anything may have changed while we were not listening.
    listeners.directory();
    listeners.sessions?.listening(true);
  };
  const scheduleRetry = () => {
    // A failed connect may be reported both by its promise and by the client's events.
    if (closed || retry) return;
    client = null;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch(scheduleRetry);
    }, 1000);
    retry.unref();
  };
  connect().catch(scheduleRetry);
  return {
    close: async () => {
      closed = true;
      listeners.sessions?.listening(false);
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
