/** A convener edits and removes organizations, and edits, revokes and resends invitations. */
import { and, eq, isNull, sql } from "drizzle-orm";
import type {
  Invitation,
  Organization,
  UpdateInvitationBody,
  UpdateOrganizationBody,
} from "../../../core/members.js";
import { invitationStatus } from "../../../core/members.js";
import { roleLabels } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { invitations, memberships, organizations, people } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { newToken } from "../../lib/tokens.js";
import { recordActivity } from "../activity/record.js";
import { checkReferenceCodes } from "../partnerships/validate.js";
import { checkMemberFits } from "./policy.js";
import {
  INVITATION_DAYS,
  invitationJson,
  invitationNotFound,
  mailInvitation,
  organizationOf,
  organizationRows,
  partnershipFor,
} from "./service.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const organizationNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.members.notFound.organization", defaultMessage: "The organization was not found." }),
  );

async function oneOrganization(tx: Executor, partnershipId: string, organizationId: string) {
  const found = (await organizationRows(tx, partnershipId)).find((o) => o.id === organizationId);
  if (!found) throw organizationNotFound();
  return found;
}

async function lockOrganization(
  tx: Executor,
  partnershipId: string,
  organizationId: string,
  version: number,
) {
  if (!uuidPattern.test(organizationId)) throw organizationNotFound();
  const [org] = await tx
    .select()
    .from(organizations)
    .where(
      and(
        eq(organizations.id, organizationId),
        eq(organizations.partnershipId, partnershipId),
        isNull(organizations.removedAt),
      ),
    )
    .for("update");
  if (!org) throw organizationNotFound();
  if (org.version !== version) {
    throw new AppError(
      "conflict",
      msg(
        {
          id: "server.members.organizationConflict",
          defaultMessage:
            "{organization} was changed by someone else (you edited version {version}, it is now {current}). Reload, then apply your change again.",
        },
        { organization: org.name, version: String(version), current: String(org.version) },
      ),
      { current: await oneOrganization(tx, partnershipId, org.id) },
    );
  }
  return org;
}

/** The people now at the table for an organization, and the invitations still waiting on it. */
async function peopleOf(tx: Executor, organizationId: string, now: Date) {
  const [members, sent] = [
    await tx
      .select({ name: people.name, role: memberships.role })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(and(eq(memberships.organizationId, organizationId), isNull(memberships.leftAt)))
      .orderBy(people.name),
    await tx.select().from(invitations).where(eq(invitations.organizationId, organizationId)),
  ];
  return { members, pending: sent.filter((i) => invitationStatus(i, now) === "pending") };
}

export async function updateOrganization(
  deps: AppDeps,
  actor: Actor,
  id: string,
  organizationId: string,
  body: UpdateOrganizationBody,
): Promise<Organization> {
  const updated = await deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    const org = await lockOrganization(tx, partnership.id, organizationId, body.version);
    const kind = body.kind ?? org.kind;
    const name = body.name ?? org.name;
    let naics = body.naics === undefined ? org.naics : body.naics;
    let sizeBand = body.sizeBand === undefined ? org.sizeBand : body.sizeBand;
    if (kind !== "business") {
      if (body.naics || body.sizeBand) {
        throw fieldError(
          "kind",
          msg({
            id: "server.members.field.naicsBusinessOnly",
            defaultMessage: "only a business has a NAICS code and a size band",
          }),
        );
      }
      // A business that turns out to be a public partner loses its industry and size band.
      naics = null;
      sizeBand = null;
    }
    if (naics && naics !== org.naics) await checkReferenceCodes(tx, { naics: [naics] });
    if (kind !== org.kind) {
      const { members, pending } = await peopleOf(tx, org.id, deps.now());
      for (const m of members) checkMemberFits(m.name, m.role, { name, kind }, "kind");
      for (const i of pending) checkMemberFits(i.name, i.role, { name, kind }, "kind", true);
    }
    await tx
      .update(organizations)
      .set({
        name,
        kind,
        naics,
        sizeBand,
        ...(body.website !== undefined ? { website: body.website } : {}),
        version: sql`${organizations.version} + 1`,
      })
      .where(eq(organizations.id, org.id));
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "organization.updated",
      summary:
        name === org.name
          ? msg(
              { id: "activity.organizationUpdated", defaultMessage: "Organization updated: {name}" },
              { name },
            )
          : msg(
              {
                id: "activity.organizationRenamed",
                defaultMessage: "Organization renamed: {before} is now {name}",
              },
              { before: org.name, name },
            ),
      subjectType: "organization",
      subjectId: org.id,
      actorPersonId: actor.personId,
    });
    // The directory counts businesses and public partners at each table.
    if (kind !== org.kind) await announceDirectoryChange(tx);
    return oneOrganization(tx, partnership.id, org.id);
  });
  deps.answers.invalidate();
  return updated;
}

/**
 * Only an organization nobody sits at the table for can go. The row stays (soft removal) so that
 * former members and past meetings keep naming the organization they came from.
 */
export async function removeOrganization(
  deps: AppDeps,
  actor: Actor,
  id: string,
  organizationId: string,
  version: number,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    const org = await lockOrganization(tx, partnership.id, organizationId, version);
    const { members, pending } = await peopleOf(tx, org.id, deps.now());
    if (members.length > 0) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.members.organizationHasMembers",
            defaultMessage:
              "{organization} still has {count, plural, one {# member} other {# members}} ({names}): " +
              "move them to another organization or remove them first.",
          },
          { organization: org.name, count: members.length, names: members.map((m) => m.name).join(", ") },
        ),
        { current: await oneOrganization(tx, partnership.id, org.id) },
      );
    }
    if (pending.length > 0) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.members.organizationHasInvitations",
            defaultMessage: "An invitation for {organization} is still waiting for {names}: revoke it first.",
          },
          { organization: org.name, names: pending.map((i) => i.name).join(", ") },
        ),
        { current: await oneOrganization(tx, partnership.id, org.id) },
      );
    }
    await tx
      .update(organizations)
      .set({ removedAt: deps.now(), version: sql`${organizations.version} + 1` })
      .where(eq(organizations.id, org.id));
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "organization.removed",
      summary: msg(
        { id: "activity.organizationRemoved", defaultMessage: "Organization removed: {name}" },
        { name: org.name },
      ),
      subjectType: "organization",
      subjectId: org.id,
      actorPersonId: actor.personId,
    });
    await announceDirectoryChange(tx);
  });
  deps.answers.invalidate();
}

/** The invitation, locked, after checking the version and that it may still change. */
async function lockInvitation(
  deps: AppDeps,
  tx: Executor,
  partnershipId: string,
  invitationId: string,
  version: number,
  doing: "change" | "revoke" | "resend",
) {
  if (!uuidPattern.test(invitationId)) throw invitationNotFound();
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.partnershipId, partnershipId)))
    .for("update");
  if (!row) throw invitationNotFound();
  const now = deps.now();
  const current = invitationJson(row, now);
  if (row.version !== version) {
    throw new AppError(
      "conflict",
      msg(
        {
          id: "server.members.invitationConflict",
          defaultMessage:
            "The invitation to {name} was changed by someone else (you saw version {version}, it is now {current}). Reload, then try again.",
        },
        { name: row.name, version: String(version), current: String(row.version) },
      ),
      { current },
    );
  }
  if (current.status === "accepted") {
    throw new AppError(
      "conflict",
      msg(
        {
          id: "server.members.invitationAccepted",
          defaultMessage:
            "{name} already accepted this invitation, so you cannot " +
            "{doing, select, revoke {revoke} resend {resend} other {change}} it; " +
            "change or remove their membership instead.",
        },
        { name: row.name, doing },
      ),
      { current },
    );
  }
  if (current.status === "revoked") {
    throw new AppError(
      "conflict",
      msg(
        {
          id: "server.members.invitationRevoked",
          defaultMessage:
            "The invitation to {name} was revoked, so you cannot " +
            "{doing, select, revoke {revoke} resend {resend} other {change}} it; send a new invitation instead.",
        },
        { name: row.name, doing },
      ),
      { current },
    );
  }
  return row;
}

export async function updateInvitation(
  deps: AppDeps,
  actor: Actor,
  id: string,
  invitationId: string,
  body: UpdateInvitationBody,
): Promise<Invitation> {
  return deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    const row = await lockInvitation(deps, tx, partnership.id, invitationId, body.version, "change");
    const name = body.name ?? row.name;
    const role = body.role ?? row.role;
    const org = await organizationOf(tx, partnership.id, body.organizationId ?? row.organizationId);
    checkMemberFits(name, role, org, body.role !== undefined ? "role" : "organizationId");
    const [saved] = await tx
      .update(invitations)
      .set({ name, role, organizationId: org.id, version: sql`${invitations.version} + 1` })
      .where(eq(invitations.id, row.id))
      .returning();
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "invitation.updated",
      summary: `Invitation changed: ${name} as ${roleLabels[role].toLowerCase()} of ${org.name}`,
      subjectType: "invitation",
      subjectId: row.id,
      actorPersonId: actor.personId,
    });
    return invitationJson(saved, deps.now());
  });
}

/** The link stops working at once; the row stays, listed as revoked. */
export async function revokeInvitation(
  deps: AppDeps,
  actor: Actor,
  id: string,
  invitationId: string,
  version: number,
): Promise<Invitation> {
  return deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    const row = await lockInvitation(deps, tx, partnership.id, invitationId, version, "revoke");
    const [saved] = await tx
      .update(invitations)
      .set({ revokedAt: deps.now(), version: sql`${invitations.version} + 1` })
      .where(eq(invitations.id, row.id))
      .returning();
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "invitation.revoked",
      summary: msg(
        { id: "activity.invitationRevoked", defaultMessage: "Invitation to {name} revoked" },
        { name: row.name },
      ),
      subjectType: "invitation",
      subjectId: row.id,
      actorPersonId: actor.personId,
    });
    return invitationJson(saved, deps.now());
  });
}

/**
 * A new e-mail with a new link, valid for another 14 days. Only the token's hash is stored, so the
 * old link cannot be sent again: it stops working.
 */
export async function resendInvitation(
  deps: AppDeps,
  actor: Actor,
  id: string,
  invitationId: string,
  version: number,
): Promise<Invitation> {
  const result = await deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    const row = await lockInvitation(deps, tx, partnership.id, invitationId, version, "resend");
    const org = await organizationOf(tx, partnership.id, row.organizationId);
    const { token, hash } = newToken();
    const [saved] = await tx
      .update(invitations)
      .set({
        tokenHash: hash,
        expiresAt: new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000),
        version: sql`${invitations.version} + 1`,
      })
      .where(eq(invitations.id, row.id))
      .returning();
    await mailInvitation(deps, tx, actor, row, partnership.name, org.name, token);
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "invitation.resent",
      summary: msg(
        { id: "activity.invitationResent", defaultMessage: "Invitation to {name} sent again" },
        { name: row.name },
      ),
      subjectType: "invitation",
      subjectId: row.id,
      actorPersonId: actor.personId,
    });
    return saved;
  });
  deps.mailer.deliverSoon();
  return invitationJson(result, deps.now());
}
