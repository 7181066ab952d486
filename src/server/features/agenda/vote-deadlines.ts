/**
 * Closing dates of vote rounds, run periodically by the server (main.ts): a round past its
 * closing date closes by itself, and a day before it, the voters who have not voted yet get a
 * reminder. The reminder is claimed in `reminder_log` (per round and closing date) in the
 * transaction that queues the mail, so a restart or a second server never sends it twice.
 */
import { sql } from "drizzle-orm";
import { MAX_ROUND_DAYS, VOTE_REMINDER_HOURS } from "../../../core/agenda.js";
import type { IntlShape } from "@formatjs/intl";
import { msg } from "../../../core/i18n/msg.js";
import { mailListNameMessages } from "../../../core/mail-lists.js";
import { queryRows } from "../../../db/query.js";
import type { AppDeps } from "../../deps.js";
import { fieldError } from "../../errors.js";
import { inReaderLanguage, intlFor, readerLocale } from "../../i18n/intl.js";
import type { MailMessage } from "../../lib/mailer.js";
import { recordActivity } from "../activity/record.js";
import { unsubscribeLinker } from "../digest/unsubscribe.js";
import { notify } from "../notifications/notify.js";
import { wantingMail } from "../notifications/service.js";
import { ballotSignInLink } from "./ballot-link.js";
import { formatDay } from "./format.js";
import { ballotPath } from "./vote-notices.js";

const HOUR = 3_600_000;

/** A closing date ahead of now and at most MAX_ROUND_DAYS away; 400 naming closesAt otherwise. */
export function checkClosingDate(closesAt: string, now: Date): Date {
  const at = new Date(closesAt);
  if (at.getTime() <= now.getTime()) {
    throw fieldError(
      "closesAt",
      msg({ id: "server.agenda.field.closesAtFuture", defaultMessage: "must be in the future" }),
    );
  }
  if (at.getTime() > now.getTime() + MAX_ROUND_DAYS * 24 * HOUR) {
    throw fieldError(
      "closesAt",
      msg(
        {
          id: "server.agenda.field.closesAtWithin",
          defaultMessage: "must be within {days, plural, one {# day} other {# days}}",
        },
        { days: MAX_ROUND_DAYS },
      ),
    );
  }
  return at;
}

/** The closing date when it has passed (the round is closed even if the job has not run yet). */
export function pastClosingDate(closesAt: Date | null, now: Date): Date | null {
  return closesAt && closesAt.getTime() <= now.getTime() ? closesAt : null;
}

/** Closes the open rounds whose closing date has passed; answers how many. */
export async function closeDueRounds(deps: AppDeps): Promise<number> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // One statement: a second server's update waits on the rows and then finds them closed.
    const closed = await queryRows<{ id: string; partnership_id: string; title: string; voters: number }>(
      tx,
      sql`update vote_rounds r set status = 'closed', closed_at = r.closes_at
          where r.status = 'open' and r.closes_at <= ${now.toISOString()}::timestamptz
          returning r.id, r.partnership_id, r.title,
            (select count(*)::int from ballots b where b.round_id = r.id) as voters`,
    );
    for (const round of closed) {
      await recordActivity(tx, {
        partnershipId: round.partnership_id,
        kind: "vote.closed",
        summary: msg(
          {
            id: "activity.voteClosedAtDate",
            defaultMessage:
              "Vote closed at its closing date: {title} ({voters, plural, one {# voter} other {# voters}})",
          },
          { title: round.title, voters: round.voters },
        ),
        subjectType: "vote_round",
        subjectId: round.id,
      });
    }
    return closed.length;
  });
}

interface ClosingRound {
  id: string;
  title: string;
  closes_at: string;
  partnership_id: string;
  slug: string;
  name: string;
}

/**
 * Reminds, once, the voters of each round closing within VOTE_REMINDER_HOURS who have not voted:
 * champions and business members with an active seat and an account, as for the opening mail.
 * A round opened less than a day before its close gets no reminder: its opening mail is fresh.
 * Answers how many voters were reminded.
 */
export async function remindVotersBeforeClose(deps: AppDeps): Promise<number> {
  const now = deps.now();
  const reminded = await deps.db.transaction(async (tx) => {
    const rounds = await queryRows<ClosingRound>(
      tx,
      sql`select r.id, r.title, r.closes_at::text as closes_at, p.id as partnership_id, p.slug, p.name
          from vote_rounds r join partnerships p on p.id = r.partnership_id and p.deleted_at is null
          where r.status = 'open' and r.closes_at > ${now.toISOString()}::timestamptz
            and r.closes_at <= ${new Date(now.getTime() + VOTE_REMINDER_HOURS * HOUR).toISOString()}::timestamptz
            and r.created_at <= r.closes_at - make_interval(hours => ${VOTE_REMINDER_HOURS})
          order by r.closes_at, r.id`,
    );
    let count = 0;
    for (const round of rounds) {
      const closesAt = new Date(round.closes_at);
      const claimed = await queryRows<{ subject_id: string }>(
        tx,
        sql`insert into reminder_log (subject_id, kind, sent_at)
            values (${round.id}, ${`vote.closing:${closesAt.toISOString()}`}, ${now.toISOString()}::timestamptz)
            on conflict do nothing returning subject_id`,
      );
      if (claimed.length === 0) continue;
      const voters = await queryRows<{ user_id: string; name: string; email: string; locale: string | null }>(
        tx,
        sql`select u.id as user_id, p.name, u.email, u.locale
            from memberships m
            join people p on p.id = m.person_id
            join users u on u.id = p.user_id and u.deleted_at is null
            where m.partnership_id = ${round.partnership_id} and m.left_at is null
              and m.role in ('champion', 'business_member')
              and not exists (select 1 from ballots b where b.round_id = ${round.id} and b.person_id = p.id)
            order by p.name`,
      );
      const path = ballotPath(round.slug, round.id);
      const subjectIn = (intl: IntlShape) =>
        intl.formatMessage(
          { id: "mail.voteClosing.subject", defaultMessage: "Last day to vote: {round} ({partnership})" },
          { round: round.title, partnership: round.name },
        );
      await notify(
        tx,
        voters.map((v) => ({
          userId: v.user_id,
          kind: "vote_closing",
          title: subjectIn(intlFor(readerLocale(v.locale))),
          link: path,
        })),
      );
      const wanting = await wantingMail(
        tx,
        voters.map((v) => v.user_id),
        "votes",
      );
      const links = await unsubscribeLinker(deps, tx);
      const messages: MailMessage[] = [];
      for (const v of voters.filter((voter) => wanting.has(voter.user_id))) {
        const signIn = await ballotSignInLink(deps, tx, v.user_id, path, closesAt);
        const stop = links("votes", v.user_id);
        const lang = readerLocale(v.locale);
        const intl = intlFor(lang);
        messages.push(
          inReaderLanguage(lang, () => ({
            to: v.email,
            lang,
            subject: subjectIn(intl),
            text: intl.formatMessage(
              {
                id: "mail.voteClosing.body",
                defaultMessage:
                  "Hello {name},\n\n" +
                  'The vote "{round}" of {partnership} closes on {day} at {time} UTC, and you have not voted yet.\n\n' +
                  "Open your ballot, signed in (the link works once):\n\n{signIn}\n\n" +
                  "Or open it after signing in: {ballot}\n\n" +
                  "Choose which e-mail you get: {settings}\n" +
                  "Stop {list} with one click: {unsubscribe}\n",
              },
              {
                name: v.name,
                round: round.title,
                partnership: round.name,
                day: formatDay(closesAt),
                time: closesAt.toISOString().slice(11, 16),
                signIn,
                ballot: `${deps.config.publicUrl}${path}`,
                settings: `${deps.config.publicUrl}/me/settings`,
                list: intl.formatMessage(mailListNameMessages.votes),
                unsubscribe: stop.page,
              },
            ),
            unsubscribeUrl: stop.oneClick,
          })),
        );
      }
      await deps.mailer.enqueueMany(tx, messages);
      count += voters.length;
    }
    return count;
  });
  if (reminded > 0) deps.mailer.deliverSoon();
  return reminded;
}

/** The periodic work of closing dates: close what is due, then remind before the next ones. */
export async function runVoteDeadlines(deps: AppDeps): Promise<void> {
  await closeDueRounds(deps);
  await remindVotersBeforeClose(deps);
}
