import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { loginThrottle } from "../../../db/schema/index.js";
import { AppError } from "../../errors.js";

/** After this many failures in the window, each attempt waits longer; after LOCK_AFTER, refused. */
const SLOW_AFTER = 3;
const LOCK_AFTER = 10;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export interface ThrottleState {
  delayMs: number;
}

/** Refuses a locked address; otherwise says how long to slow this attempt down. */
export async function checkThrottle(db: Executor, email: string, now: Date): Promise<ThrottleState> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.email, email));
  if (!row) return { delayMs: 0 };
  if (row.lockedUntil && row.lockedUntil > now) {
    const seconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError(
      "too_many_requests",
      `Too many failed sign-ins for this address. Try again in ${Math.ceil(seconds / 60)} minutes, or reset your password.`,
      { retryAfterSeconds: seconds },
    );
  }
  const inWindow = now.getTime() - row.windowStart.getTime() < WINDOW_MS;
  const failures = inWindow ? row.failures : 0;
  return { delayMs: failures >= SLOW_AFTER ? Math.min(250 * 2 ** (failures - SLOW_AFTER), 4000) : 0 };
}

export async function recordFailure(db: Executor, email: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  // One statement, so concurrent failures on several servers all count.
  await db.execute(sql`
    insert into login_throttle (email, failures, window_start)
    values (${email}, 1, ${now.toISOString()})
    on conflict (email) do update set
      failures = case when login_throttle.window_start < ${windowStart.toISOString()} then 1
                      else login_throttle.failures + 1 end,
      window_start = case when login_throttle.window_start < ${windowStart.toISOString()}
                          then ${now.toISOString()}::timestamptz else login_throttle.window_start end,
      locked_until = case when login_throttle.window_start >= ${windowStart.toISOString()}
                           and login_throttle.failures + 1 >= ${LOCK_AFTER}
                          then ${lockUntil.toISOString()}::timestamptz else null end`);
}

export async function clearFailures(db: Executor, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.email, email));
}
