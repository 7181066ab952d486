import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import type { MailList } from "../../../core/mail-lists.js";
import { mailPreferences, threadFollows, users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import type { MailMessage } from "../../lib/mailer.js";
import { unsubscribeLinker } from "../digest/unsubscribe.js";
import { notify } from "../notifications/notify.js";
import { wantingMail } from "../notifications/service.js";
import { resolveMentions } from "./mentions.js";

interface About {
  threadId: string;
  title: string;
  replyId?: string;
}

const linkTo = (about: About) =>
  `/discussions/${about.threadId}${about.replyId ? `#reply-${about.replyId}` : ""}`;

function excerpt(source: string): string {
  const plain = source.replace(/@\[([^\]]+)\]\(user:[^)]+\)/g, "@$1").trim();
  return plain.length > 600 ? `${plain.slice(0, 600)}…` : plain;
}

/** Queues one message per recipient, each ending with the one-click link of its own list, in one INSERT. */
async function mailEach(
  deps: AppDeps,
  tx: Executor,
  list: MailList,
  recipients: { id: string; email: string }[],
  subject: string,
  body: string,
  stopWhat: string,
) {
  if (!recipients.length) return;
  const links = await unsubscribeLinker(deps, tx);
  const messages = recipients.map((r): MailMessage => {
    const link = links(list, r.id);
    return {
      to: r.email,
      subject,
      text:
        `${body}\n\nChoose which e-mail you get: ${deps.config.publicUrl}/me/settings\n` +
        `Stop ${stopWhat} with one click: ${link.page}\n`,
      unsubscribeUrl: link.oneClick,
    };
  });
  await deps.mailer.enqueueMany(tx, messages);
}

/**
 * Notifies (in the app and by e-mail) the people a post mentions, except the author and those in
 * `already`; answers the ids of everyone mentioned (all told in the app, by e-mail those who kept
 * mention e-mails on) for `tellFollowers`.
 */
export async function tellMentioned(
  deps: AppDeps,
  tx: Executor,
  actor: Actor,
  about: About,
  source: string,
  already: string[],
): Promise<string[]> {
  const people = await resolveMentions(tx, source, [actor.userId, ...already]);
  if (!people.length) return [];
  const title = `${actor.name} mentioned you in “${about.title}”`;
  await notify(
    tx,
    people.map((p) => ({ userId: p.id, kind: "mention", title, link: linkTo(about) })),
  );
  // The in-app notification always; the e-mail only to those who kept mention e-mails on.
  const wanting = await wantingMail(
    tx,
    people.map((p) => p.id),
    "mentions",
  );
  await mailEach(
    deps,
    tx,
    "mentions",
    people.filter((p) => wanting.has(p.id)),
    title,
    `${title}:\n\n${excerpt(source)}\n\nRead and reply: ${deps.config.publicUrl}${linkTo(about)}`,
    "e-mails when someone mentions you",
  );
  return people.map((p) => p.id);
}

/**
 * Tells the thread's followers of a new reply. `skip` is the author and the people
 * `tellMentioned` answered: none of them gets the in-app reply notification (the mentioned
 * had the mention one). By e-mail the author hears nothing, and a mentioned follower hears of
 * the reply only when no mention e-mail went out to them, that is when they switched mention
 * e-mails off (the rule `tellMentioned` mails by, read in the same transaction).
 */
export async function tellFollowers(
  deps: AppDeps,
  tx: Executor,
  actor: Actor,
  about: About,
  source: string,
  skip: string[],
) {
  const skipped = new Set(skip);
  const followers = await tx
    .select({
      id: users.id,
      email: users.email,
      replyMail: mailPreferences.replyMail,
      mentionMail: mailPreferences.mentionMail,
    })
    .from(threadFollows)
    .innerJoin(users, eq(users.id, threadFollows.userId))
    .leftJoin(mailPreferences, eq(mailPreferences.userId, users.id))
    .where(and(eq(threadFollows.threadId, about.threadId), ne(threadFollows.userId, actor.userId)));
  if (!followers.length) return;
  const title = `${actor.name} replied in “${about.title}”`;
  await notify(
    tx,
    followers
      .filter((f) => !skipped.has(f.id))
      .map((f) => ({ userId: f.id, kind: "reply", title, link: linkTo(about) })),
  );
  // A person without a row of preferences keeps the defaults: mention and reply e-mails on.
  const mailedAboutMention = (f: (typeof followers)[number]) => skipped.has(f.id) && f.mentionMail !== false;
  await mailEach(
    deps,
    tx,
    "replies",
    followers.filter((f) => f.replyMail !== false && !mailedAboutMention(f)),
    title,
    `${title}:\n\n${excerpt(source)}\n\nRead and reply: ${deps.config.publicUrl}${linkTo(about)}\n` +
      `You follow this discussion; unfollow it on its page to stop e-mails about it.`,
    "e-mails about replies in discussions you follow",
  );
}
