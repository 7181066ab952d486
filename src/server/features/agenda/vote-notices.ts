/**
 * Tells the business members of a partnership that a vote round has opened for them: an in-app
 * notification for each, and an e-mail to those who kept vote e-mails on (with the one-click
 * link that turns them off). Only the people who may vote hear of it: champions and business
 * members with an active seat and an account (a ballot needs one). Public partners watch the
 * vote in the workspace; nobody mails them about a vote they cannot cast.
 */
import { sql } from "drizzle-orm";
import type { IntlShape } from "@formatjs/intl";
import { DEFAULT_DOTS, voteMethodMessages, type VoteMethod } from "../../../core/agenda.js";
import { mailListNameMessages } from "../../../core/mail-lists.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { inReaderLanguage, intlFor, readerLocale } from "../../i18n/intl.js";
import type { MailMessage } from "../../lib/mailer.js";
import { unsubscribeLinker } from "../digest/unsubscribe.js";
import { notify } from "../notifications/notify.js";
import { wantingMail } from "../notifications/service.js";
import { BALLOT_LINK_HOURS, ballotSignInLink } from "./ballot-link.js";
import { formatDay } from "./format.js";

interface OpenedRound {
  id: string;
  title: string;
  method: VoteMethod;
  dotsPerVoter: number | null;
  closesAt: Date | null;
  itemTitles: string[];
}

export interface VoterRow {
  user_id: string;
  name: string;
  email: string;
  /** The account's chosen language, if any. */
  locale: string | null;
}

/**
 * The business members and champions of a partnership with an account, but the one acting: the
 * people asked to vote on priorities, and to answer the employer value check.
 */
export function businessVoters(tx: Executor, partnershipId: string, actor: Actor): Promise<VoterRow[]> {
  return queryRows<VoterRow>(
    tx,
    sql`select u.id as user_id, p.name, u.email, u.locale
        from memberships m
        join people p on p.id = m.person_id
        join users u on u.id = p.user_id
        where m.partnership_id = ${partnershipId} and m.left_at is null
          and m.role in ('champion', 'business_member')
          and u.id <> ${actor.userId}
        order by p.name`,
  );
}

/** The in-app path of a round's ballot. */
export const ballotPath = (slug: string, roundId: string) => `/p/${slug}/agenda/votes/${roundId}`;

export async function tellVoters(
  deps: AppDeps,
  tx: Executor,
  actor: Actor,
  partnership: { id: string; slug: string; name: string },
  round: OpenedRound,
): Promise<void> {
  const voters = await businessVoters(tx, partnership.id, actor);
  if (!voters.length) return;
  const path = ballotPath(partnership.slug, round.id);
  const titleIn = (intl: IntlShape) =>
    intl.formatMessage(
      { id: "mail.voteOpened.subject", defaultMessage: "Your vote is open: {round} ({partnership})" },
      { round: round.title, partnership: partnership.name },
    );
  await notify(
    tx,
    voters.map((v) => ({
      userId: v.user_id,
      kind: "vote_opened",
      title: titleIn(intlFor(readerLocale(v.locale))),
      link: path,
    })),
  );

  const wanting = await wantingMail(
    tx,
    voters.map((v) => v.user_id),
    "votes",
  );
  const recipients = voters.filter((v) => wanting.has(v.user_id));
  if (!recipients.length) return;
  const links = await unsubscribeLinker(deps, tx);
  const messages: MailMessage[] = [];
  for (const v of recipients) {
    const link = links("votes", v.user_id);
    // Each voter's own one-time link: it signs them in and lands on the ballot.
    const signIn = await ballotSignInLink(deps, tx, v.user_id, path, round.closesAt);
    const lang = readerLocale(v.locale);
    const intl = intlFor(lang);
    messages.push(
      inReaderLanguage(lang, () => ({
        to: v.email,
        lang,
        subject: titleIn(intl),
        text: intl.formatMessage(
          {
            id: "mail.voteOpened.body",
            defaultMessage:
              "Hello {name},\n\n" +
              '{actor} opened the vote "{round}" for the business members of {partnership}.\n' +
              "{how}\n\n" +
              "On the ballot:\n{items}\n\n" +
              "Open your ballot, signed in (the link works once, for {hours} hours at most):\n\n{signIn}\n\n" +
              "Or open it after signing in: {ballot}\n\n" +
              "{closes}\n" +
              "Only business members and champions vote; results stay hidden until the round closes.\n\n" +
              "Choose which e-mail you get: {settings}\n" +
              "Stop {list} with one click: {unsubscribe}\n",
          },
          {
            name: v.name,
            actor: actor.name,
            round: round.title,
            partnership: partnership.name,
            how:
              round.method === "dots"
                ? intl.formatMessage(
                    {
                      id: "mail.voteOpened.howDots",
                      defaultMessage:
                        "{method}: spread your {dots} dots over what matters most to your business.",
                    },
                    {
                      method: intl.formatMessage(voteMethodMessages.dots),
                      dots: round.dotsPerVoter ?? DEFAULT_DOTS,
                    },
                  )
                : intl.formatMessage(
                    {
                      id: "mail.voteOpened.howRating",
                      defaultMessage: "{method}: rate each one''s importance and feasibility from 1 to 5.",
                    },
                    { method: intl.formatMessage(voteMethodMessages.rating) },
                  ),
            items: round.itemTitles.map((t) => `- ${t}`).join("\n"),
            hours: BALLOT_LINK_HOURS,
            signIn,
            ballot: `${deps.config.publicUrl}${path}`,
            closes: round.closesAt
              ? intl.formatMessage(
                  {
                    id: "mail.voteOpened.closesAt",
                    defaultMessage:
                      "The round closes on {day} at {time} UTC; you can change your vote until then.",
                  },
                  { day: formatDay(round.closesAt), time: round.closesAt.toISOString().slice(11, 16) },
                )
              : intl.formatMessage({
                  id: "mail.voteOpened.closesByConvener",
                  defaultMessage: "You can change your vote until the convener closes the round.",
                }),
            settings: `${deps.config.publicUrl}/me/settings`,
            list: intl.formatMessage(mailListNameMessages.votes),
            unsubscribe: link.page,
          },
        ),
        unsubscribeUrl: link.oneClick,
      })),
    );
  }
  await deps.mailer.enqueueMany(tx, messages);
}
