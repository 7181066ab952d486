import { inArray } from "drizzle-orm";
import { displayMentions, mentionedUserIds } from "../../../core/discussion-categories.js";
import type { Executor } from "../../../db/open.js";
import { users } from "../../../db/schema/index.js";
import { renderMarkdown } from "../../lib/markdown.js";

/** Markdown source to the HTML readers see: mentions shown as "@Name", then sanitized. */
export function renderPost(source: string): string {
  return renderMarkdown(displayMentions(source));
}

/** The existing users a text mentions, minus the ones in `except` (the author, those already told). */
export async function resolveMentions(tx: Executor, source: string, except: Iterable<string>) {
  const skip = new Set(except);
  const ids = mentionedUserIds(source).filter((id) => !skip.has(id));
  if (!ids.length) return [];
  return tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, ids));
}
