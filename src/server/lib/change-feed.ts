import type pg from "pg";
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Executor } from "../../db/open.js";
import { answerTopics, type AnswerTopic } from "./answer-cache.js";

const CHANNEL = "shared_table_directory";

/**
 * Tells every server process that directory data changed. The notice is sent inside the
 * writer's transaction, so PostgreSQL delivers it only when (and if) the write commits.
 */
export async function announceDirectoryChange(tx: Executor, only?: AnswerTopic): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${only ?? ""})`);
}

/** The topic a notice names; anything else (an empty notice) means everything may have changed. */
function topicOfNotice(payload: string | undefined): AnswerTopic | undefined {
  return answerTopics.find((t) => t === payload);
}

/** Listens on PostgreSQL for changes made by other processes; reconnects when the link drops. */
export function listenForDirectoryChanges(
  url: string,
  onChange: (only?: AnswerTopic) => void,
  log?: FastifyBaseLogger,
): { close(): Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    // Loaded here: a server on the embedded engine never listens and never loads the driver.
    const { default: driver } = await import("pg");
    const next = new driver.Client({ connectionString: url });
    next.on("notification", (notice) => onChange(topicOfNotice(notice.payload)));
    next.on("error", (error) => {
      log?.warn({ err: error }, "change feed lost; reconnecting");
      next.end().catch(() => undefined);
      scheduleRetry();
    });
    await next.connect();
    await next.query(`listen ${CHANNEL}`);
    client = next;
    // Anything may have changed while we were not listening.
    onChange();
  };
  const scheduleRetry = () => {
    if (closed) return;
    client = null;
    retry = setTimeout(() => {
      connect().catch(scheduleRetry);
    }, 1000);
    retry.unref();
  };
  connect().catch(scheduleRetry);
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
