import { and, count, desc, eq, isNull } from "drizzle-orm";
import type {
  AddMemberBody,
  InvitationBody,
  Member,
  MembersResponse,
  Organization,
  OrganizationBody,
} from "../../../core/members.js";
import { computeMakeup } from "../../../core/members.js";
import { roleLabels, sectorOf } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import {
  invitations,
  memberships,
  naicsCodes,
  organizations,
  partnerships,
  people,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError, notFound } from "../../errors.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { authorize, roleIn } from "../partnerships/policy.js";
import { findPartnership } from "../partnerships/service.js";
import { checkReferenceCodes } from "../partnerships/validate.js";
import { checkRoleFitsOrganization } from "./policy.js";

const INVITATION_DAYS = 14;

async function partnershipFor(
  tx: Executor,
  id: string,
  actor: Actor | null,
  action: "viewMembers" | "manageMembers",
) {
  const partnership = await findPartnership(tx, id);
  const role = await roleIn(tx, partnership.id, actor);
  authorize(
    actor,
    role,
    action,
    action === "viewMembers"
      ? "Only members of this partnership may see who sits at its table."
      : "Only a convener of this partnership may change its members.",
  );
  return partnership;
}

async function organizationOf(tx: Executor, partnershipId: string, organizationId: string) {
  const [org] = await tx
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.partnershipId, partnershipId)));
  if (!org) throw fieldError("organizationId", "is not an organization of this partnership; add it first");
  return org;
}

async function memberRows(tx: Executor, partnershipId: string): Promise<Member[]> {
  const rows = await tx
    .select({
      membershipId: memberships.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      title: people.title,
      userId: people.userId,
      role: memberships.role,
      organizationId: organizations.id,
      organization: organizations.name,
      organizationKind: organizations.kind,
      joinedAt: memberships.joinedAt,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.partnershipId, partnershipId), isNull(memberships.leftAt)))
    .orderBy(people.name);
  return rows.map(({ userId, joinedAt, ...r }) => ({
    ...r,
    sector: sectorOf(r.organizationKind, r.role),
    hasAccount: userId !== null,
    joinedAt: joinedAt.toISOString(),
  }));
}

async function organizationRows(tx: Executor, partnershipId: string): Promise<Organization[]> {
  const rows = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      naics: organizations.naics,
      naicsTitle: naicsCodes.title,
      sizeBand: organizations.sizeBand,
      website: organizations.website,
      memberCount: count(memberships.id),
    })
    .from(organizations)
    .leftJoin(naicsCodes, eq(naicsCodes.code, organizations.naics))
    .leftJoin(memberships, and(eq(memberships.organizationId, organizations.id), isNull(memberships.leftAt)))
    .where(eq(organizations.partnershipId, partnershipId))
    .groupBy(organizations.id, naicsCodes.title)
    .orderBy(organizations.name);
  return rows;
}

export async function listMembers(deps: AppDeps, actor: Actor | null, id: string): Promise<MembersResponse> {
  const partnership = await partnershipFor(deps.db, id, actor, "viewMembers");
  const [items, orgs, pending] = await Promise.all([
    memberRows(deps.db, partnership.id),
    organizationRows(deps.db, partnership.id),
    deps.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.partnershipId, partnership.id), isNull(invitations.acceptedAt)))
      .orderBy(desc(invitations.createdAt)),
  ]);
  return {
    items,
    organizations: orgs,
    invitations: pending.map((i) => ({
      id: i.id,
      email: i.email,
      name: i.name,
      role: i.role,
      organizationId: i.organizationId,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      acceptedAt: null,
    })),
    makeup: computeMakeup(orgs, items),
  };
}

export async function addOrganization(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: OrganizationBody,
): Promise<Organization> {
  const organization = await deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    if (body.naics) await checkReferenceCodes(tx, { naics: [body.naics] });
    const [org] = await tx
      .insert(organizations)
      .values({ ...body, partnershipId: partnership.id })
      .returning({ id: organizations.id });
    const [created] = (await organizationRows(tx, partnership.id)).filter((o) => o.id === org.id);
    // The directory shows how many businesses and public partners sit at each table.
    await announceDirectoryChange(tx);
    return created;
  });
  deps.answers.invalidate();
  return organization;
}

export async function addMember(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: AddMemberBody,
): Promise<Member> {
  return deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    const org = await organizationOf(tx, partnership.id, body.organizationId);
    checkRoleFitsOrganization(body.role, org.kind);
    const [person] = await tx
      .insert(people)
      .values({ name: body.name, email: body.email ?? null, title: body.title ?? null })
      .returning({ id: people.id });
    await tx.insert(memberships).values({
      partnershipId: partnership.id,
      personId: person.id,
      organizationId: org.id,
      role: body.role,
    });
    const member = (await memberRows(tx, partnership.id)).find((m) => m.personId === person.id);
    return member!;
  });
}

export async function invite(deps: AppDeps, actor: Actor, id: string, body: InvitationBody) {
  const result = await deps.db.transaction(async (tx) => {
    const partnership = await partnershipFor(tx, id, actor, "manageMembers");
    const org = await organizationOf(tx, partnership.id, body.organizationId);
    checkRoleFitsOrganization(body.role, org.kind);
    const { token, hash } = newToken();
    const expiresAt = new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000);
    const [row] = await tx
      .insert(invitations)
      .values({ ...body, tokenHash: hash, partnershipId: partnership.id, invitedBy: actor.userId, expiresAt })
      .returning();
    await deps.mailer.enqueue(tx, {
      to: body.email,
      subject: `${actor.name} invites you to ${partnership.name} on Shared Table`,
      text:
        `Hello ${body.name},\n\n${actor.name} invites you to join ${partnership.name} as ${roleLabels[body.role].toLowerCase()} ` +
        `(for ${org.name}).\n\nAccept the invitation here (sign in or create an account with ${body.email}):\n\n` +
        `${deps.config.publicUrl}/invitations/${token}\n\nThe link is valid for ${INVITATION_DAYS} days.\n`,
    });
    return row;
  });
  deps.mailer.deliverSoon();
  return {
    id: result.id,
    email: result.email,
    name: result.name,
    role: result.role,
    organizationId: result.organizationId,
    createdAt: result.createdAt.toISOString(),
    expiresAt: result.expiresAt.toISOString(),
    acceptedAt: null,
  };
}

async function invitationByToken(tx: Executor, token: string) {
  const [row] = await tx
    .select({
      invitation: invitations,
      partnershipName: partnerships.name,
      partnershipSlug: partnerships.slug,
      organization: organizations.name,
    })
    .from(invitations)
    .innerJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) throw notFound("The invitation");
  return row;
}

export async function describeInvitation(deps: AppDeps, token: string) {
  const row = await invitationByToken(deps.db, token);
  const i = row.invitation;
  return {
    partnershipId: i.partnershipId,
    partnershipName: row.partnershipName,
    partnershipSlug: row.partnershipSlug,
    email: i.email,
    name: i.name,
    role: i.role,
    organization: row.organization,
    expired: i.expiresAt <= deps.now(),
    accepted: i.acceptedAt !== null,
  };
}

export async function acceptInvitation(deps: AppDeps, actor: Actor, token: string) {
  return deps.db.transaction(async (tx) => {
    const row = await invitationByToken(tx, token);
    const i = row.invitation;
    if (i.acceptedAt) throw new AppError("gone", "This invitation was already accepted.");
    if (i.expiresAt <= deps.now()) {
      throw new AppError("gone", "This invitation has expired. Ask the convener to invite you again.");
    }
    if (i.email !== actor.email) {
      throw new AppError(
        "forbidden",
        `This invitation is for ${i.email}. Sign in with that address to accept it (you are signed in as ${actor.email}).`,
      );
    }
    await tx.update(invitations).set({ acceptedAt: deps.now() }).where(eq(invitations.id, i.id));
    await tx
      .insert(memberships)
      .values({
        partnershipId: i.partnershipId,
        personId: actor.personId,
        organizationId: i.organizationId,
        role: i.role,
      })
      .onConflictDoUpdate({
        target: [memberships.partnershipId, memberships.personId],
        set: { role: i.role, organizationId: i.organizationId, leftAt: null },
      });
    return { partnershipId: i.partnershipId, slug: row.partnershipSlug, role: i.role };
  });
}
