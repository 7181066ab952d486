import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import type { IntlShape } from "@formatjs/intl";
import { mailListNameMessages, type MailList } from "../../../core/mail-lists.js";
import { mailPreferences, threadFollows, users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { intlFor, readerLocale } from "../../i18n/intl.js";
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

type Recipient = { id: string; email: string; locale: string | null };
/** What a message says, put in one reader's words. */
type Words = (intl: IntlShape) => { title: string; body: string };

/** Queues one message per recipient in their language, each ending with the one-click link of its own list, in one INSERT. */
async function mailEach(deps: AppDeps, tx: Executor, list: MailList, recipients: Recipient[], words: Words) {
  if (!recipients.length) return;
  const links = await unsubscribeLinker(deps, tx);
  const messages = recipients.map((r): MailMessage => {
    const link = links(list, r.id);
    const lang = readerLocale(r.locale);
    const intl = intlFor(lang);
    const { title, body } = words(intl);
    return {
      to: r.email,
      lang,
      subject: title,
      text: intl.formatMessage(
        {
          id: "mail.discussion.footer",
          defaultMessage:
            "{body}\n\nChoose which e-mail you get: {settings}\nStop {list} with one click: {unsubscribe}\n",
        },
        {
          body,
          settings: `${deps.config.publicUrl}/me/settings`,
          list: intl.formatMessage(mailListNameMessages[list]),
          unsubscribe: link.page,
        },
      ),
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
  const words: Words = (intl) => {
    const title = intl.formatMessage(
      { id: "mail.discussion.mentionTitle", defaultMessage: "{actor} mentioned you in “{thread}”" },
      { actor: actor.name, thread: about.title },
    );
    return {
      title,
      body: intl.formatMessage(
        { id: "mail.discussion.post", defaultMessage: "{title}:\n\n{excerpt}\n\nRead and reply: {link}" },
        { title, excerpt: excerpt(source), link: `${deps.config.publicUrl}${linkTo(about)}` },
      ),
    };
  };
  await notify(
    tx,
    people.map((p) => ({
      userId: p.id,
      kind: "mention",
      title: words(intlFor(readerLocale(p.locale))).title,
      link: linkTo(about),
    })),
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
    words,
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
      locale: users.locale,
      replyMail: mailPreferences.replyMail,
      mentionMail: mailPreferences.mentionMail,
    })
    .from(threadFollows)
    .innerJoin(users, eq(users.id, threadFollows.userId))
    .leftJoin(mailPreferences, eq(mailPreferences.userId, users.id))
    .where(and(eq(threadFollows.threadId, about.threadId), ne(threadFollows.userId, actor.userId)));
  if (!followers.length) return;
  const words: Words = (intl) => {
    const title = intl.formatMessage(
      { id: "mail.discussion.replyTitle", defaultMessage: "{actor} replied in “{thread}”" },
      { actor: actor.name, thread: about.title },
    );
    return {
      title,
      body: intl.formatMessage(
        {
          id: "mail.discussion.reply",
          defaultMessage:
            "{title}:\n\n{excerpt}\n\nRead and reply: {link}\n" +
            "You follow this discussion; unfollow it on its page to stop e-mails about it.",
        },
        { title, excerpt: excerpt(source), link: `${deps.config.publicUrl}${linkTo(about)}` },
      ),
    };
  };
  await notify(
    tx,
    followers
      .filter((f) => !skipped.has(f.id))
      .map((f) => ({
        userId: f.id,
        kind: "reply",
        title: words(intlFor(readerLocale(f.locale))).title,
        link: linkTo(about),
      })),
  );
  // A person without a row of preferences keeps the defaults: mention and reply e-mails on.
  const mailedAboutMention = (f: (typeof followers)[number]) => skipped.has(f.id) && f.mentionMail !== false;
  await mailEach(
    deps,
    tx,
    "replies",
    followers.filter((f) => f.replyMail !== false && !mailedAboutMention(f)),
    words,
  );
}
