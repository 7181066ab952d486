import { sql } from "drizzle-orm";
import type { DigestChoice } from "../../../core/discussion-categories.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { AppDeps } from "../../deps.js";
import { inReaderLanguage, intlFor, readerLocale } from "../../i18n/intl.js";
import { runJobs, scheduleJobs, type Job } from "../../lib/jobs.js";
import { digestChoice } from "../notifications/service.js";
import { composeDigest, digestText, isEmpty } from "./compose.js";
import { digestPeriod, digestWindowMs, signedUpBy } from "./periods.js";
import { readerTimeZone } from "./reader-zone.js";
import { unsubscribeLinker } from "./unsubscribe.js";

type Cadence = Exclude<DigestChoice, "none">;

/**
 * One job per person and period (key digest:<cadence>:<userId>:<period>): scheduling again adds
 * none. Only for accounts that existed a whole period before this one began (see signedUpBy), and
 * never for a deleted account.
 */
export async function scheduleDigests(deps: AppDeps): Promise<void> {
  const now = deps.now();
  for (const cadence of ["daily", "weekly"] as const) {
    const period = digestPeriod(cadence, now);
    const people = await queryRows<{ id: string }>(
      deps.db,
      sql`select u.id from users u left join mail_preferences p on p.user_id = u.id
          where coalesce(p.digest, 'weekly') = ${cadence}
            and u.deleted_at is null
            and u.created_at <= ${signedUpBy(cadence, now).toISOString()}::timestamptz
            and not exists (select 1 from jobs j where j.key = 'digest:' || ${cadence} || ':' || u.id || ':' || ${period})`,
    );
    for (let i = 0; i < people.length; i += 500) {
      await scheduleJobs(
        deps.db,
        people.slice(i, i + 500).map((p) => ({
          kind: "digest",
          key: `digest:${cadence}:${p.id}:${period}`,
          payload: { userId: p.id, cadence, period },
          runAt: now,
        })),
      );
    }
  }
}

async function sendDigest(deps: AppDeps, tx: Executor, job: Job): Promise<void> {
  const { userId, cadence } = job.payload as { userId: string; cadence: Cadence };
  // The person may have changed their mind since the job was scheduled.
  if ((await digestChoice(tx, userId)) !== cadence) return;
  const [user] = await queryRows<{ email: string; locale: string | null }>(
    tx,
    sql`select email, locale from users where id = ${userId}`,
  );
  if (!user) return;
  const now = deps.now();
  const content = await composeDigest(tx, userId, new Date(now.getTime() - digestWindowMs(cadence)), now);
  if (isEmpty(content)) return;
  const links = (await unsubscribeLinker(deps, tx))("digest", userId);
  const timeZone = await readerTimeZone(tx, userId);
  const lang = readerLocale(user.locale);
  const intl = intlFor(lang);
  await deps.mailer.enqueue(
    tx,
    inReaderLanguage(lang, () => ({
      to: user.email,
      lang,
      subject: intl.formatMessage(
        {
          id: "mail.digest.subject",
          defaultMessage: "Your {cadence, select, daily {daily} other {weekly}} Shared Table digest",
        },
        { cadence },
      ),
      text: digestText(intl, content, {
        publicUrl: deps.config.publicUrl,
        unsubscribe: links.page,
        cadence,
        timeZone,
      }),
      unsubscribeUrl: links.oneClick,
    })),
  );
}

/** The housekeeping entry: schedule this period's digests, run what is due, send the mail. */
export async function runDueJobs(deps: AppDeps): Promise<number> {
  await scheduleDigests(deps);
  const ran = await runJobs(deps, { digest: sendDigest });
  if (ran) deps.mailer.deliverSoon();
  return ran;
}
