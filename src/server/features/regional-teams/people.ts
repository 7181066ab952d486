/**
 * The team's organizations and people, managed by its conveners. A person added by e-mail is the
 * person of the account with that address when there is one, so they read the team at once;
 * otherwise a new person, who reads it once they sign up with that address (see access.ts).
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type {
  RegionalTeamDetail,
  TeamMemberBody,
  TeamOrganizationBody,
} from "../../../core/regional-teams.js";
import type { Executor } from "../../../db/open.js";
import { people, regionalTeamMembers, regionalTeamOrganizations, users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { teamForWrite } from "./access.js";
import { reread } from "./service.js";

export async function addTeamOrganization(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  body: TeamOrganizationBody,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "manage", "addOrganizations");
    await tx.insert(regionalTeamOrganizations).values({
      teamId: team.id,
      name: body.name,
      kind: body.kind,
      website: body.website ?? null,
      createdAt: deps.now(),
    });
    return reread(tx, team.id, access, actor, deps.now());
  });
}

/** Removes an organization; its people stay on the team, without an organization. */
export async function removeTeamOrganization(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  id: string,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "manage", "removeOrganizations");
    const removed = await tx
      .update(regionalTeamOrganizations)
      .set({ removedAt: deps.now() })
      .where(
        and(
          eq(regionalTeamOrganizations.id, id),
          eq(regionalTeamOrganizations.teamId, team.id),
          isNull(regionalTeamOrganizations.removedAt),
        ),
      )
      .returning({ id: regionalTeamOrganizations.id });
    if (removed.length === 0) {
      throw new AppError(
        "not_found",
        msg({
          id: "server.regionalTeams.organizationNotFound",
          defaultMessage: "The organization was not found.",
        }),
      );
    }
    await tx
      .update(regionalTeamMembers)
      .set({ organizationId: null })
      .where(and(eq(regionalTeamMembers.teamId, team.id), eq(regionalTeamMembers.organizationId, id)));
    return reread(tx, team.id, access, actor, deps.now());
  });
}

/** The person of the account using this address, or a new person (the address kept for later). */
async function personFor(tx: Executor, body: TeamMemberBody): Promise<string> {
  const [account] = await tx
    .select({ personId: people.id })
    .from(users)
    .innerJoin(people, eq(people.userId, users.id))
    .where(and(sql`lower(${users.email}) = ${body.email}`, isNull(users.deletedAt)));
  if (account) return account.personId;
  const [person] = await tx
    .insert(people)
    .values({ name: body.name, email: body.email })
    .returning({ id: people.id });
  return person.id;
}

export async function addTeamMember(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  body: TeamMemberBody,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "manage", "addPeople");
    if (body.organizationId) {
      const [org] = await tx
        .select({ id: regionalTeamOrganizations.id })
        .from(regionalTeamOrganizations)
        .where(
          and(
            eq(regionalTeamOrganizations.id, body.organizationId),
            eq(regionalTeamOrganizations.teamId, team.id),
            isNull(regionalTeamOrganizations.removedAt),
          ),
        );
      if (!org) {
        throw fieldError(
          "organizationId",
          msg({
            id: "server.regionalTeams.field.notTeamOrganization",
            defaultMessage: "is not an organization of this team",
          }),
        );
      }
    }
    const personId = await personFor(tx, body);
    const [present] = await tx
      .select({ leftAt: regionalTeamMembers.leftAt })
      .from(regionalTeamMembers)
      .where(and(eq(regionalTeamMembers.teamId, team.id), eq(regionalTeamMembers.personId, personId)));
    if (present && !present.leftAt) {
      throw fieldError(
        "email",
        msg({
          id: "server.regionalTeams.field.alreadyOnTeam",
          defaultMessage: "this person is already on the team",
        }),
      );
    }
    await tx
      .insert(regionalTeamMembers)
      .values({
        teamId: team.id,
        personId,
        organizationId: body.organizationId ?? null,
        role: body.role,
        joinedAt: deps.now(),
      })
      .onConflictDoUpdate({
        target: [regionalTeamMembers.teamId, regionalTeamMembers.personId],
        set: {
          organizationId: body.organizationId ?? null,
          role: body.role,
          joinedAt: deps.now(),
          leftAt: null,
        },
      });
    return reread(tx, team.id, access, actor, deps.now());
  });
}

/** Removes a person; the team always keeps one convener. */
export async function removeTeamMember(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  id: string,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "manage", "removePeople");
    const active = await tx
      .select({ id: regionalTeamMembers.id, role: regionalTeamMembers.role })
      .from(regionalTeamMembers)
      .where(and(eq(regionalTeamMembers.teamId, team.id), isNull(regionalTeamMembers.leftAt)));
    const member = active.find((m) => m.id === id);
    if (!member) {
      throw new AppError(
        "not_found",
        msg({ id: "server.regionalTeams.memberNotFound", defaultMessage: "The team member was not found." }),
      );
    }
    if (member.role === "convener" && active.filter((m) => m.role === "convener").length === 1) {
      throw new AppError(
        "conflict",
        msg({
          id: "server.regionalTeams.lastConvener",
          defaultMessage: "A team keeps at least one convener: add another convener first.",
        }),
      );
    }
    await tx.update(regionalTeamMembers).set({ leftAt: deps.now() }).where(eq(regionalTeamMembers.id, id));
    // The caller may have removed themselves: answer with what they may still see.
    return reread(tx, team.id, access, actor, deps.now());
  });
}
