import { and, eq, inArray, not } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { threadFollows, users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { notify } from "../notifications/notify.js";
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

function footer(deps: AppDeps) {
  return `\n\nChoose which e-mail you get: ${deps.config.publicUrl}/me/settings\n`;
}

/**
 * Notifies (in the app and by e-mail) the people a post mentions, except the author and those in
 * `already`; answers the ids told so followers are not told twice.
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
  for (const p of people) {
    await deps.mailer.enqueue(tx, {
      to: p.email,
      subject: title,
      text: `${title}:\n\n${excerpt(source)}\n\nRead and reply: ${deps.config.publicUrl}${linkTo(about)}${footer(deps)}`,
    });
  }
  return people.map((p) => p.id);
}

/** Tells the thread's followers of a new reply, except `skip` (the author, those mentioned). */
export async function tellFollowers(
  deps: AppDeps,
  tx: Executor,
  actor: Actor,
  about: About,
  source: string,
  skip: string[],
) {
  const followers = await tx
    .select({ id: users.id, email: users.email })
    .from(threadFollows)
    .innerJoin(users, eq(users.id, threadFollows.userId))
    .where(and(eq(threadFollows.threadId, about.threadId), not(inArray(threadFollows.userId, skip))));
  if (!followers.length) return;
  const title = `${actor.name} replied in “${about.title}”`;
  await notify(
    tx,
    followers.map((f) => ({ userId: f.id, kind: "reply", title, link: linkTo(about) })),
  );
  for (const f of followers) {
    await deps.mailer.enqueue(tx, {
      to: f.email,
      subject: title,
      text:
        `${title}:\n\n${excerpt(source)}\n\nRead and reply: ${deps.config.publicUrl}${linkTo(about)}\n` +
        `You follow this discussion; unfollow it on its page to stop these e-mails.${footer(deps)}`,
    });
  }
}
