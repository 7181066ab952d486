import { msg } from "../../../core/i18n/msg.js";
import { REPLY_EDIT_WINDOW_MS } from "../../../core/discussion-categories.js";
import type { Actor } from "../../deps.js";
import { AppError } from "../../errors.js";

/** Community admins moderate: they see hidden posts, hide, unhide, lock and unlock. */
export const canModerate = (actor: Actor | null) => actor?.isAdmin === true;

/** The author may edit a reply for a short window after posting; after it the reply stands. */
export function editableUntil(
  actor: Actor | null,
  reply: { authorId: string; createdAt: Date },
  now: Date,
): Date | null {
  if (!actor || actor.userId !== reply.authorId) return null;
  const until = new Date(reply.createdAt.getTime() + REPLY_EDIT_WINDOW_MS);
  return until > now ? until : null;
}

export function requireModerator(actor: Actor) {
  if (!canModerate(actor))
    throw new AppError(
      "forbidden",
      msg({
        id: "server.discussions.onlyACommunityAdminMay",
        defaultMessage: "Only a community admin may moderate discussions.",
      }),
    );
}
