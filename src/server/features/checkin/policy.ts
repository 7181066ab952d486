import { msg } from "../../../core/i18n/msg.js";
import type { Executor } from "../../../db/open.js";
import type { Actor } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import type { MeetingRow } from "../meetings/lookup.js";
import { can, roleIn } from "../partnerships/policy.js";

/**
 * The check-in screen and its live stream show who is in the room: the partnership's conveners
 * (and community admins) only. Anyone not at the table gets 404, as for the meeting itself; a
 * member who is not a convener gets 403.
 */
export async function authorizeCheckInScreen(tx: Executor, meeting: MeetingRow, actor: Actor | null) {
  if (!actor)
    throw new AppError(
      "unauthenticated",
      msg({ id: "server.checkin.signInToOpenThe", defaultMessage: "Sign in to open the check-in screen." }),
    );
  const role = await roleIn(tx, meeting.partnershipId, actor);
  if (!can(actor, role, "viewMembers"))
    throw notFound(
      msg({ id: "server.checkin.theMeetingNotFound", defaultMessage: "The meeting was not found." }),
    );
  if (!can(actor, role, "edit")) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.checkin.onlyAConvenerOfThis",
        defaultMessage: "Only a convener of this partnership may open its check-in screen.",
      }),
    );
  }
}
