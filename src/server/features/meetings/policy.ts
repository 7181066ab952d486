import type { Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import type { Actor } from "../../deps.js";
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
  const role = await roleIn(tx, partnershipId, actor);
  authorize(
    actor,
    role,
    action === "read" ? "viewMembers" : "edit",
    action === "read"
      ? "Only members of this partnership may see its meetings."
      : "Only a convener of this partnership may plan or record its meetings.",
  );
  return role;
}

export const mayWriteMeetings = (actor: Actor | null, role: Role | null) => can(actor, role, "edit");
