import type { Actor } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";

/** Published resources are public; a suggestion is seen by its author and the community admins. */
export function canReadResource(
  actor: Actor | null,
  resource: { status: string; suggestedBy: string | null },
): boolean {
  if (resource.status === "published") return true;
  if (!actor) return false;
  return actor.isAdmin || resource.suggestedBy === actor.userId;
}

/** Community admins publish and review the library. */
export const canReview = (actor: Actor | null): boolean => actor?.isAdmin ?? false;

export function requireReviewer(actor: Actor): void {
  if (!actor.isAdmin)
    throw new AppError(
      "forbidden",
      msg({
        id: "server.resources.reviewAdminOnly",
        defaultMessage: "Only a community admin may review resources.",
      }),
    );
}
