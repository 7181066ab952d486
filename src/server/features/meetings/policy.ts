import { msg } from "../../../core/i18n/msg.js";
import type { Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import type { Actor } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { readRole } from "../coordinators/scope.js";
import { authorize, can, roleIn } from "../partnerships/policy.js";

export type MeetingAction = "read" | "write";

/**
 * Members (and community admins) read meetings; conveners (and admins) plan and record them.
 * The partnership is public, so a non-member gets 403, not 404.
 */
export async function authorizeMeetings(
  tx: Executor,
  partnershipId: string,
  actor: Actor | null,
  action: MeetingAction,
): Promise<Role | null> {
  const role =
    action === "read"
      ? await readRole(tx, partnershipId, actor, "meetings")
      : await roleIn(tx, partnershipId, actor);
  authorize(
    actor,
    role,
    action === "read" ? "viewMembers" : "edit",
    action === "read"
      ? msg({
          id: "server.meetings.membersSeeMeetings",
          defaultMessage: "Only members of this partnership may see its meetings.",
        })
      : msg({
          id: "server.meetings.convenerPlansMeetings",
          defaultMessage: "Only a convener of this partnership may plan or record its meetings.",
        }),
  );
  return role;
}

export const mayWriteMeetings = (actor: Actor | null, role: Role | null) => can(actor, role, "edit");

/**
 * One meeting (its page, its .ics file): anonymous 401; anyone not at the partnership's table
 * 404, as if the meeting did not exist, because its agenda, notes and attendance are for members.
 */
export async function authorizeMeeting(
  tx: Executor,
  partnershipId: string,
  actor: Actor | null,
): Promise<Role | null> {
  if (!actor)
    throw new AppError(
      "unauthenticated",
      msg({ id: "server.meetings.signInToSeeThis", defaultMessage: "Sign in to see this meeting." }),
    );
  // Read through a coordinator's scope too; answering (RSVP) still needs an invitation.
  const role = await readRole(tx, partnershipId, actor, "a meeting");
  if (!can(actor, role, "viewMembers"))
    throw notFound(
      msg({ id: "server.meetings.theMeetingNotFound3", defaultMessage: "The meeting was not found." }),
    );
  return role;
}
