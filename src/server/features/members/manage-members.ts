/** A convener edits, moves and removes people at the table; a member leaves it. */
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type {
  Member,
  OpenAction,
  RemovalPreview,
  RemoveMemberBody,
  UpdateMemberBody,
} from "../../../core/members.js";
import { convenersAfter } from "../../../core/members.js";
import { sectorOf, type Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import {
  actions,
  actionTeamMembers,
  actionTeams,
  memberships,
  organizations,
  people,
  priorities,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError, type Detail } from "../../errors.js";
import { translate } from "../../i18n/intl.js";
import { recordActivity } from "../activity/record.js";
import { checkMemberFits } from "./policy.js";
import { memberRows, organizationOf, partnershipFor } from "./service.js";
import { endSentence } from "../../../core/format.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const memberNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.members.notFound.member", defaultMessage: "The member was not found." }),
  );

export async function oneMember(tx: Executor, partnershipId: string, membershipId: string): Promise<Member> {
  const found = (await memberRows(tx, partnershipId)).find((m) => m.membershipId === membershipId);
  if (!found) throw memberNotFound();
  return found;
}

/** The current membership with its person, locked until the transaction ends. */
async function lockMembership(tx: Executor, partnershipId: string, membershipId: string) {
  if (!uuidPattern.test(membershipId)) throw memberNotFound();
  const [row] = await tx
    .select({ membership: memberships, person: people })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.id, membershipId),
        eq(memberships.partnershipId, partnershipId),
        isNull(memberships.leftAt),
      ),
    )
    .for("update", { of: memberships });
  if (!row) throw memberNotFound();
  return row;
}

async function checkVersion(
  tx: Executor,
  partnershipId: string,
  membershipId: string,
  current: number,
  sent: number,
) {
  if (current === sent) return;
  throw new AppError(
    "conflict",
    msg(
      {
        id: "server.members.memberConflict",
        defaultMessage:
          "This member was changed by someone else (you edited version {sent}, it is now {current}). Reload, then apply your change again.",
      },
      { sent: String(sent), current: String(current) },
    ),
    { current: await oneMember(tx, partnershipId, membershipId) },
  );
}

/**
 * Someone has to run the workspace: refuses a change that would leave no convener. The conveners'
 * rows are locked so that two conveners cannot remove each other at the same moment.
 */
async function checkConvenerRemains(
  tx: Executor,
  partnershipId: string,
  membershipId: string,
  role: Role | null,
  reason: Detail,
) {
  const conveners = await tx
    .select({ membershipId: memberships.id, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        eq(memberships.role, "convener"),
        isNull(memberships.leftAt),
      ),
    )
    .for("update");
  if (convenersAfter(conveners, { membershipId, role }) > 0) return;
  throw new AppError("conflict", reason, { current: await oneMember(tx, partnershipId, membershipId) });
}

/** The action teams a person currently belongs to in this partnership. */
async function teamsOf(tx: Executor, partnershipId: string, personId: string) {
  return tx
    .select({ teamId: actionTeams.id, name: actionTeams.name, role: actionTeamMembers.role })
    .from(actionTeamMembers)
    .innerJoin(actionTeams, eq(actionTeams.id, actionTeamMembers.teamId))
    .where(
      and(
        eq(actionTeams.partnershipId, partnershipId),
        eq(actionTeamMembers.personId, personId),
        isNull(actionTeamMembers.leftAt),
      ),
    )
    .orderBy(asc(actionTeams.name));
}

async function openActionsOf(tx: Executor, partnershipId: string, personId: string): Promise<OpenAction[]> {
  const rows = await tx
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      dueDate: actions.dueDate,
      team: actionTeams.name,
      priority: priorities.title,
    })
    .from(actions)
    .innerJoin(actionTeams, eq(actionTeams.id, actions.teamId))
    .innerJoin(priorities, eq(priorities.id, actionTeams.priorityId))
    .where(
      and(
        eq(actions.partnershipId, partnershipId),
        eq(actions.ownerId, personId),
        ne(actions.status, "done"),
        isNull(actions.deletedAt),
      ),
    )
    .orderBy(sql`${actions.dueDate} asc nulls last`, asc(actions.title));
  return rows.map((r) => ({ ...r, status: r.status as OpenAction["status"] }));
}

/** Leaves the person's action teams; the rows stay so the teams' history stays true. */
/** Ends a seat at the table, and on its action teams, keeping every row of its history. */
async function endMembership(
  tx: Executor,
  partnershipId: string,
  membershipId: string,
  personId: string,
  at: Date,
) {
  await tx
    .update(memberships)
    .set({ leftAt: at, version: sql`${memberships.version} + 1` })
    .where(eq(memberships.id, membershipId));
  await leaveTeams(tx, partnershipId, personId, at);
}

async function leaveTeams(tx: Executor, partnershipId: string, personId: string, at: Date) {
  const teams = await teamsOf(tx, partnershipId, personId);
  if (teams.length === 0) return;
  await tx
    .update(actionTeamMembers)
    .set({ leftAt: at })
    .where(
      and(
        eq(actionTeamMembers.personId, personId),
        inArray(
          actionTeamMembers.teamId,
          teams.map((t) => t.teamId),
        ),
      ),
    );
}

export async function updateMember(
  deps: AppDeps,
  actor: Actor,
  id: string,
  membershipId: string,
  body: UpdateMemberBody,
): Promise<Member> {
  return deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    const { membership, person } = await lockMembership(tx, partnership.id, membershipId);
    await checkVersion(tx, partnership.id, membershipId, membership.version, body.version);

    const name = body.name ?? person.name;
    if (person.userId) {
      // An account holder's name and address are theirs: they sign in with that address.
      if (body.name !== undefined && body.name !== person.name) {
        throw fieldError(
          "name",
          msg(
            {
              id: "server.members.field.nameOwnAccount",
              defaultMessage: "{name} has an account; only they can change their name",
            },
            { name: person.name },
          ),
        );
      }
      if (body.email !== undefined && body.email !== person.email) {
        throw fieldError(
          "email",
          msg(
            {
              id: "server.members.field.emailOwnAccount",
              defaultMessage: "{name} has an account and signs in with it; only they can change it",
            },
            { name: person.name },
          ),
        );
      }
    }
    const role = body.role ?? membership.role;
    const organizationId = body.organizationId ?? membership.organizationId;
    const org = body.organizationId
      ? await organizationOf(tx, partnership.id, body.organizationId)
      : organizationId
        ? (await tx.select().from(organizations).where(eq(organizations.id, organizationId)))[0]
        : null;
    checkMemberFits(name, role, org ?? null, body.role !== undefined ? "role" : "organizationId");
    if (membership.role === "convener" && role !== "convener") {
      await checkConvenerRemains(
        tx,
        partnership.id,
        membershipId,
        role,
        msg(
          {
            id: "server.members.lastConvenerRole",
            defaultMessage:
              "{name} is the last convener of {partnership}; make someone else a convener before changing {name}'s role.",
          },
          { name, partnership: partnership.name },
        ),
      );
    }
    if (sectorOf(org?.kind ?? null, role) === "public") {
      const led = (await teamsOf(tx, partnership.id, person.id)).filter((t) => t.role === "champion");
      if (led.length > 0) {
        throw fieldError(
          body.role !== undefined ? "role" : "organizationId",
          msg(
            {
              id: "server.members.field.championsTeam",
              defaultMessage:
                '{name} champions the action team "{team}" and a champion must be a business member; choose another champion for that team first',
            },
            { name, team: led[0].name },
          ),
        );
      }
    }

    if (body.seniority && sectorOf(org?.kind ?? null, role) !== "business") {
      throw fieldError(
        "seniority",
        msg(
          {
            id: "server.members.field.seniorityPublicMember",
            defaultMessage: "is for business members; {name} sits with a public partner",
          },
          { name },
        ),
      );
    }
    const personChanges = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.email !== undefined ? { email: body.email } : {}),
      ...(body.title !== undefined ? { title: body.title || null } : {}),
      ...(body.seniority !== undefined ? { seniority: body.seniority } : {}),
    };
    if (Object.keys(personChanges).length > 0) {
      await tx.update(people).set(personChanges).where(eq(people.id, person.id));
    }
    await tx
      .update(memberships)
      .set({ role, organizationId: org?.id ?? null, version: sql`${memberships.version} + 1` })
      .where(eq(memberships.id, membership.id));

    // What changed, as flags a message words in each reader's language (a list joined here
    // would be English forever in the timeline).
    const moved = org !== undefined && org !== null && org.id !== membership.organizationId;
    const roleChanged = role !== membership.role;
    const details = Object.keys(personChanges).length > 0;
    const yes = (flag: boolean) => (flag ? "yes" : "no");
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "member.updated",
      summary: msg(
        {
          id: "activity.memberUpdated",
          defaultMessage:
            "{name}: {moved, select, yes {moved to {organization}} other {}}" +
            "{roleChanged, select, yes {{moved, select, yes {, } other {}}now {role, select, champion {business champion} business_member {business member} support {support team member} convener {convener} other {observer}}} other {}}" +
            "{details, select, yes {{before, select, yes {, } other {}}details updated} other {}}" +
            "{anything, select, no {membership saved} other {}}",
        },
        {
          name,
          moved: yes(moved),
          organization: moved ? org.name : "",
          roleChanged: yes(roleChanged),
          role,
          details: yes(details),
          before: yes(moved || roleChanged),
          anything: yes(moved || roleChanged || details),
        },
      ),
      subjectType: "member",
      subjectId: membership.id,
      actorPersonId: actor.personId,
    });
    return oneMember(tx, partnership.id, membership.id);
  });
}

async function preview(tx: Executor, partnershipId: string, membershipId: string): Promise<RemovalPreview> {
  const member = await oneMember(tx, partnershipId, membershipId);
  const [openActions, teams, conveners] = [
    await openActionsOf(tx, partnershipId, member.personId),
    await teamsOf(tx, partnershipId, member.personId),
    await tx
      .select({ membershipId: memberships.id, role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.partnershipId, partnershipId),
          eq(memberships.role, "convener"),
          isNull(memberships.leftAt),
        ),
      ),
  ];
  return {
    member,
    openActions,
    teams: teams.map((t) => t.name),
    lastConvener: convenersAfter(conveners, { membershipId, role: null }) === 0,
  };
}

export async function removalPreview(
  deps: AppDeps,
  actor: Actor,
  id: string,
  membershipId: string,
): Promise<RemovalPreview> {
  const partnership = await partnershipFor(deps.db, id, actor, "manageMembers");
  if (!uuidPattern.test(membershipId)) throw memberNotFound();
  return preview(deps.db, partnership.id, membershipId);
}

/**
 * Soft removal: the membership keeps its dates, so past attendance, counted ballots, action updates
 * and authorship still name the person. Their open actions keep their owner until someone
 * reassigns them; the convener must have seen that list (`openActionIds`).
 */
export async function removeMember(
  deps: AppDeps,
  actor: Actor,
  id: string,
  membershipId: string,
  body: RemoveMemberBody,
): Promise<RemovalPreview> {
  return deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    const { membership, person } = await lockMembership(tx, partnership.id, membershipId);
    await checkVersion(tx, partnership.id, membershipId, membership.version, body.version);
    if (membership.role === "convener") {
      await checkConvenerRemains(tx, partnership.id, membershipId, null, (locale) =>
        endSentence(
          translate(
            locale,
            msg(
              {
                id: "server.members.lastConvenerRemove",
                defaultMessage:
                  "{name} is the last convener of {partnership}; make someone else a convener before removing {name}",
              },
              { name: person.name, partnership: partnership.name },
            ),
          ),
        ),
      );
    }
    const seen = await preview(tx, partnership.id, membershipId);
    const shown = new Set(body.openActionIds);
    if (seen.openActions.length !== shown.size || seen.openActions.some((a) => !shown.has(a.id))) {
      throw new AppError(
        "conflict",
        (locale) =>
          endSentence(
            translate(
              locale,
              msg(
                {
                  id: "server.members.openActionsChanged",
                  defaultMessage:
                    "{name}'s open actions changed since you looked ({count} now). Review them again, then remove {name}",
                },
                { name: person.name, count: seen.openActions.length },
              ),
            ),
          ),
        { current: seen },
      );
    }
    const now = deps.now();
    await endMembership(tx, partnership.id, membership.id, person.id, now);
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "member.removed",
      summary: msg(
        {
          id: "activity.memberRemoved",
          defaultMessage:
            "{name} was removed from the partnership{open, plural, =0 {} one {; # open action to reassign} other {; # open actions to reassign}}",
        },
        { name: person.name, open: seen.openActions.length },
      ),
      subjectType: "member",
      subjectId: membership.id,
      actorPersonId: actor.personId,
    });
    return seen;
  });
}

/** A member leaves the partnership themself; the last convener cannot. */
export async function leavePartnership(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "viewMembers");
    const [own] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.partnershipId, partnership.id),
          eq(memberships.personId, actor.personId),
          isNull(memberships.leftAt),
        ),
      );
    if (!own) {
      throw new AppError("forbidden", (locale) =>
        endSentence(
          translate(
            locale,
            msg(
              { id: "server.members.notAMemberOf", defaultMessage: "You are not a member of {partnership}" },
              { partnership: partnership.name },
            ),
          ),
        ),
      );
    }
    const { membership, person } = await lockMembership(tx, partnership.id, own.id);
    if (membership.role === "convener") {
      await checkConvenerRemains(
        tx,
        partnership.id,
        membership.id,
        null,
        msg(
          {
            id: "server.members.lastConvenerLeave",
            defaultMessage:
              "You are the last convener of {partnership}; make someone else a convener before you leave.",
          },
          { partnership: partnership.name },
        ),
      );
    }
    const now = deps.now();
    await endMembership(tx, partnership.id, membership.id, person.id, now);
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "member.left",
      summary: msg(
        { id: "activity.memberLeft", defaultMessage: "{name} left the partnership" },
        { name: person.name },
      ),
      subjectType: "member",
      subjectId: membership.id,
      actorPersonId: actor.personId,
    });
  });
}
