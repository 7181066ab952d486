import type { Msg } from "../../../core/i18n/msg.js";
import { msg } from "../../../core/i18n/msg.js";
import { and, eq, isNull } from "drizzle-orm";
import type { Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { memberships } from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { AppError } from "../../errors.js";

export type PartnershipAction = "view" | "edit" | "viewMembers" | "manageMembers";

/** The caller's role in a partnership, or null when they are not at its table. */
export async function roleIn(db: Executor, partnershipId: string, actor: Actor | null): Promise<Role | null> {
  if (!actor) return null;
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        eq(memberships.personId, actor.personId),
        isNull(memberships.leftAt),
      ),
    );
  return row?.role ?? null;
}

/** Who may do what to a partnership: the profile is public; conveners run the workspace. */
export function can(actor: Actor | null, role: Role | null, action: PartnershipAction): boolean {
  switch (action) {
    case "view":
      return true;
    case "viewMembers":
      return actor !== null && (actor.isAdmin || role !== null);
    case "edit":
    case "manageMembers":
      return actor !== null && (actor.isAdmin || role === "convener");
  }
}

export function permissionsFor(actor: Actor | null, role: Role | null) {
  return {
    edit: can(actor, role, "edit"),
    manageMembers: can(actor, role, "manageMembers"),
    viewMembers: can(actor, role, "viewMembers"),
  };
}

export function authorize(
  actor: Actor | null,
  role: Role | null,
  action: PartnershipAction,
  what: string | Msg,
) {
  if (can(actor, role, action)) return;
  if (!actor)
    throw new AppError(
      "unauthenticated",
      msg({ id: "server.partnerships.signInToDoThis", defaultMessage: "Sign in to do this." }),
    );
  throw new AppError("forbidden", what);
}
