/**
 * Tells the business members of a partnership that a vote round has opened for them: an in-app
 * notification for each, and an e-mail to those who kept vote e-mails on (with the one-click
 * link that turns them off). Only the people who may vote hear of it: champions and business
 * members with an active seat and an account (a ballot needs one). Public partners watch the
 * vote in the workspace; nobody mails them about a vote they cannot cast.
 */
import { sql } from "drizzle-orm";
import { DEFAULT_DOTS, voteMethodLabels, type VoteMethod } from "../../../core/agenda.js";
import { mailListNames } from "../../../core/mail-lists.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
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
}

/**
 * The business members and champions of a partnership with an account, but the one acting: the
 * people asked to vote on priorities, and to answer the employer value check.
 */
export function businessVoters(tx: Executor, partnershipId: string, actor: Actor): Promise<VoterRow[]> {
  return queryRows<VoterRow>(
    tx,
    sql`select u.id as user_id, p.name, u.email
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
  const title = `Your vote is open: ${round.title} (${partnership.name})`;
  await notify(
    tx,
    voters.map((v) => ({ userId: v.user_id, kind: "vote_opened", title, link: path })),
  );

  const wanting = await wantingMail(
    tx,
    voters.map((v) => v.user_id),
    "votes",
  );
  const recipients = voters.filter((v) => wanting.has(v.user_id));
  if (!recipients.length) return;
  const how =
    round.method === "dots"
      ? `${voteMethodLabels.dots}: spread your ${round.dotsPerVoter ?? DEFAULT_DOTS} dots over what matters most to your business.`
      : `${voteMethodLabels.rating}: rate each one's importance and feasibility from 1 to 5.`;
  const links = await unsubscribeLinker(deps, tx);
  const closes = round.closesAt
    ? `The round closes on ${formatDay(round.closesAt)} at ${round.closesAt.toISOString().slice(11, 16)} UTC; you can change your vote until then.`
    : "You can change your vote until the convener closes the round.";
  const messages: MailMessage[] = [];
  for (const v of recipients) {
    const link = links("votes", v.user_id);
    // Each voter's own one-time link: it signs them in and lands on the ballot.
    const signIn = await ballotSignInLink(deps, tx, v.user_id, path, round.closesAt);
    messages.push({
      to: v.email,
      subject: title,
      text:
        `Hello ${v.name},\n\n` +
        `${actor.name} opened the vote "${round.title}" for the business members of ${partnership.name}.\n` +
        `${how}\n\n` +
        `On the ballot:\n${round.itemTitles.map((t) => `- ${t}`).join("\n")}\n\n` +
        `Open your ballot, signed in (the link works once, for ${BALLOT_LINK_HOURS} hours at most):\n\n${signIn}\n\n` +
        `Or open it after signing in: ${deps.config.publicUrl}${path}\n\n` +
        `${closes}\n` +
        `Only business members and champions vote; results stay hidden until the round closes.\n\n` +
        `Choose which e-mail you get: ${deps.config.publicUrl}/me/settings\n` +
        `Stop ${mailListNames.votes} with one click: ${link.page}\n`,
      unsubscribeUrl: link.oneClick,
    });
  }
  await deps.mailer.enqueueMany(tx, messages);
}
