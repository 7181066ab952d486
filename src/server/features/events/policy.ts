import { msg } from "../../../core/i18n/msg.js";
import type { Actor } from "../../deps.js";
import { AppError } from "../../errors.js";

/** Events belong to the whole community: community admins plan and edit them. */
export const mayManageEvents = (actor: Actor | null): boolean => actor?.isAdmin ?? false;

export function authorizeManage(actor: Actor): void {
  if (!mayManageEvents(actor))
    throw new AppError(
      "forbidden",
      msg({
        id: "server.events.onlyACommunityAdminMay",
        defaultMessage: "Only a community admin may plan or edit events.",
      }),
    );
}
