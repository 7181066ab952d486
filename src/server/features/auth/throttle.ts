import { msg } from "../../../core/i18n/msg.js";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { loginThrottle } from "../../../db/schema/index.js";
import { AppError } from "../../errors.js";

/** After SLOW_AFTER failures in the window each attempt waits longer; after LINK_AFTER, a mailed link. */
const SLOW_AFTER = 3;
export const LINK_AFTER = 10;
export const WINDOW_MS = 15 * 60_000;

/**
 * Counts a sign-in attempt for an address and answers its number in the window, this one
 * included. One statement, taken before the password is checked: parallel attempts (on one server
 * or several) each get their own number, so no more than LINK_AFTER of them are ever checked
 * against the password. A successful sign-in clears the count.
 */
export async function countAttempt(db: Executor, email: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const [row] = await queryRows<{ failures: number }>(
    db,
    sql`insert into login_throttle (email, failures, window_start)
        values (${email}, 1, ${now.toISOString()})
        on conflict (email) do update set
          failures = case when login_throttle.window_start < ${windowStart} then 1
                          else login_throttle.failures + 1 end,
          window_start = case when login_throttle.window_start < ${windowStart}
                              then ${now.toISOString()}::timestamptz else login_throttle.window_start end
        returning failures`,
  );
  return row.failures;
}

/** How long to slow down the attempt with this number: nothing for the first few. */
export function delayFor(attempt: number): number {
  const before = attempt - 1;
  return before >= SLOW_AFTER ? Math.min(250 * 2 ** (before - SLOW_AFTER), 4000) : 0;
}

export async function clearFailures(db: Executor, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.email, email));
}

/**
 * Counts an attempt from a client address as a failure until it succeeds (then `refundIp`), in
 * one statement for the same reason as `countAttempt`. Refuses, with Retry-After, an address that
 * already failed `limit` times in the window, whichever e-mail addresses it tried.
 */
export async function countIpAttempt(db: Executor, ip: string, limit: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const [row] = await queryRows<{ failures: number; window_start: string | Date }>(
    db,
    sql`insert into login_ip_throttle (ip, failures, window_start)
        values (${ip}, 1, ${now.toISOString()})
        on conflict (ip) do update set
          failures = case when login_ip_throttle.window_start < ${windowStart} then 1
                          else least(login_ip_throttle.failures + 1, ${limit + 1}) end,
          window_start = case when login_ip_throttle.window_start < ${windowStart}
                              then ${now.toISOString()}::timestamptz else login_ip_throttle.window_start end
        returning failures, window_start`,
  );
  if (row.failures > limit) {
    const ends = new Date(row.window_start).getTime() + WINDOW_MS;
    const seconds = Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
    throw new AppError(
      "too_many_requests",
      msg(
        {
          id: "server.auth.tooManyFailedSignIns",
          defaultMessage:
            "Too many failed sign-ins from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}, or reset your password.",
        },
        { minutes: Math.ceil(seconds / 60) },
      ),
      { retryAfterSeconds: seconds },
    );
  }
}

export async function refundIp(db: Executor, ip: string): Promise<void> {
  await db.execute(sql`update login_ip_throttle set failures = greatest(failures - 1, 0) where ip = ${ip}`);
}
