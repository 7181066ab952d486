import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/open.js";
import { queryRows } from "../../db/query.js";
import { jobs } from "../../db/schema/index.js";
import type { AppDeps } from "../deps.js";

export interface Job {
  id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  attempts: number;
}
export type JobHandler = (deps: AppDeps, tx: Executor, job: Job) => Promise<void>;

const MAX_ATTEMPTS = 5;
const BATCH = 200;

/**
 * Runs due jobs one at a time. Each job is claimed with `for update skip locked` and marked done
 * in the same transaction as its work (the mail it puts in the outbox), so a job runs once even
 * with several servers, and a crash before the commit leaves it to run again after a restart.
 */
export async function runJobs(deps: AppDeps, handlers: Record<string, JobHandler>): Promise<number> {
  let ran = 0;
  for (let i = 0; i < BATCH; i++) {
    const job = await deps.db.transaction(async (tx) => {
      const now = deps.now();
      const [claimed] = await queryRows<Job>(
        tx,
        sql`select id, kind, key, payload, attempts from jobs
            where status = 'pending' and run_at <= ${now.toISOString()}
            order by run_at, id limit 1 for update skip locked`,
      );
      if (!claimed) return null;
      const handler = handlers[claimed.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${claimed.kind}`);
        // A savepoint: a failing job rolls back its own work but still records the failure.
        await tx.transaction((inner) => handler(deps, inner, claimed));
        await tx
          .update(jobs)
          .set({ status: "done", doneAt: now, lockedAt: now, attempts: claimed.attempts + 1 })
          .where(eq(jobs.id, claimed.id));
      } catch (error) {
        const attempts = claimed.attempts + 1;
        await tx
          .update(jobs)
          .set({
            attempts,
            lastError: String(error),
            status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
            runAt: new Date(now.getTime() + attempts * 5 * 60_000),
          })
          .where(eq(jobs.id, claimed.id));
      }
      return claimed;
    });
    if (!job) break;
    ran += 1;
  }
  return ran;
}

/** Schedules jobs; a key already scheduled (in any state) is not scheduled again. */
export async function scheduleJobs(
  tx: Executor,
  rows: { kind: string; key: string; payload: Record<string, unknown>; runAt: Date }[],
): Promise<void> {
  if (rows.length) await tx.insert(jobs).values(rows).onConflictDoNothing({ target: jobs.key });
}
