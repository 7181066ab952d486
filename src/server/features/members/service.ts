import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type {
  AddMemberBody,
  InvitationBody,
  Member,
  MembersResponse,
  Organization,
  OrganizationBody,
} from "../../../core/members.js";
import { computeMakeup, invitationStatus, type Invitation } from "../../../core/members.js";
import { roleMessages, sectorOf, type Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import {
  invitations,
  memberships,
  naicsCodes,
  organizations,
  partnerships,
  people,
  users,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { intlFor, readerLocale } from "../../i18n/intl.js";
import { AppError, fieldError } from "../../errors.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { readRole } from "../coordinators/scope.js";
import { can, roleIn } from "../partnerships/policy.js";
import { findPartnership } from "../partnerships/service.js";
import { checkReferenceCodes } from "../partnerships/validate.js";
import { checkRoleFitsOrganization } from "./policy.js";

export const INVITATION_DAYS = 14;

/** 404 for an invitation that is not there (or a link that names none). */
export const invitationNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.members.notFound.invitation", defaultMessage: "The invitation was not found." }),
  );

export async function partnershipFor(
  tx: Executor,
  id: string,
  actor: Actor | null,
  action: "viewMembers" | "manageMembers",
) {
  const partnership = await findPartnership(tx, id);
  const role =
    action === "viewMembers"
      ? await readRole(tx, partnership.id, actor, "members")
      : await roleIn(tx, partnership.id, actor);
  if (!can(actor, role, action)) {
    if (!actor) {
      throw new AppError(
        "unauthenticated",
        msg({ id: "server.members.signInToDoThis", defaultMessage: "Sign in to do this." }),
      );
    }
    throw new AppError(
      "forbidden",
      action === "viewMembers"
        ? msg({
            id: "server.members.refusal.view",
            defaultMessage: "Only members of this partnership may see who sits at its table.",
          })
        : msg({
            id: "server.members.refusal.manage",
            defaultMessage: "Only a convener of this partnership may change its members.",
          }),
    );
  }
  return partnership;
}

export async function organizationOf(tx: Executor, partnershipId: string, organizationId: string) {
  const [org] = await tx
    .select()
    .from(organizations)
    .where(
      and(
        eq(organizations.id, organizationId),
        eq(organizations.partnershipId, partnershipId),
        isNull(organizations.removedAt),
      ),
    );
  if (!org) {
    throw fieldError(
      "organizationId",
      msg({
        id: "server.members.field.notAnOrganization",
        defaultMessage: "is not an organization of this partnership; add it first",
      }),
    );
  }
  return org;
}

export async function memberRows(tx: Executor, partnershipId: string): Promise<Member[]> {
  const rows = await tx
    .select({
      membershipId: memberships.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      title: people.title,
      seniority: people.seniority,
      userId: people.userId,
      role: memberships.role,
      organizationId: organizations.id,
      organization: organizations.name,
      organizationKind: organizations.kind,
      joinedAt: memberships.joinedAt,
      version: memberships.version,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.partnershipId, partnershipId), isNull(memberships.leftAt)))
    .orderBy(people.name);
  return rows.map(({ userId, joinedAt, seniority, ...r }) => {
    const sector = sectorOf(r.organizationKind, r.role);
    return {
      ...r,
      // Kept when someone moves to a public partner (they may move back), shown only for business.
      seniority: sector === "business" ? seniority : null,
      sector,
      hasAccount: userId !== null,
      joinedAt: joinedAt.toISOString(),
    };
  });
}

export async function organizationRows(tx: Executor, partnershipId: string): Promise<Organization[]> {
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
      version: organizations.version,
    })
    .from(organizations)
    .leftJoin(naicsCodes, eq(naicsCodes.code, organizations.naics))
    .leftJoin(memberships, and(eq(memberships.organizationId, organizations.id), isNull(memberships.leftAt)))
    .where(and(eq(organizations.partnershipId, partnershipId), isNull(organizations.removedAt)))
    .groupBy(organizations.id, naicsCodes.title)
    .orderBy(organizations.name);
  return rows;
}

export async function listMembers(deps: AppDeps, actor: Actor | null, id: string): Promise<MembersResponse> {
  const partnership = await partnershipFor(deps.db, id, actor, "viewMembers");
  const [items, orgs, sent] = await Promise.all([
    memberRows(deps.db, partnership.id),
    organizationRows(deps.db, partnership.id),
    deps.db
      .select()
      .from(invitations)
      .where(eq(invitations.partnershipId, partnership.id))
      .orderBy(desc(invitations.createdAt)),
  ]);
  const now = deps.now();
  return {
    items,
    organizations: orgs,
    invitations: sent.map((i) => invitationJson(i, now)),
    makeup: computeMakeup(orgs, items),
  };
}

/** An invitation as the API shows it, its status computed from its dates at `now`. */
export function invitationJson(i: typeof invitations.$inferSelect, now: Date): Invitation {
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    role: i.role,
    organizationId: i.organizationId,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    revokedAt: i.revokedAt?.toISOString() ?? null,
    status: invitationStatus(i, now),
    version: i.version,
  };
}

/** The invitation e-mail with its link; written to the outbox inside the caller's transaction. */
export async function mailInvitation(
  deps: AppDeps,
  tx: Executor,
  actor: Actor,
  invitation: { email: string; name: string; role: Role; lang?: string | null },
  partnershipName: string,
  organizationName: string,
  token: string,
): Promise<void> {
  // In the language of the invited address's account, when it has one (the inviter's is not
  // theirs); else in the one the inviter chose for someone they know; else English.
  const [account] = await tx
    .select({ locale: users.locale })
    .from(users)
    .where(and(eq(users.email, invitation.email), isNull(users.deletedAt)));
  const lang = readerLocale(account ? account.locale : invitation.lang);
  const intl = intlFor(lang);
  const values = {
    name: invitation.name,
    actor: actor.name,
    partnership: partnershipName,
    role: intl.formatMessage(roleMessages[invitation.role]).toLowerCase(),
    organization: organizationName,
    email: invitation.email,
    link: `${deps.config.publicUrl}/invitations/${token}`,
    days: INVITATION_DAYS,
  };
  await deps.mailer.enqueue(tx, {
    to: invitation.email,
    lang,
    subject: intl.formatMessage(
      {
        id: "mail.invitation.subject",
        defaultMessage: "{actor} invites you to {partnership} on Shared Table",
      },
      values,
    ),
    text: intl.formatMessage(
      {
        id: "mail.invitation.body",
        defaultMessage:
          "Hello {name},\n\n{actor} invites you to join {partnership} as {role} " +
          "(for {organization}).\n\nAccept the invitation here (sign in or create an account with {email}):\n\n" +
          "{link}\n\nThe link is valid for {days} days.\n",
      },
      values,
    ),
  });
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
    if (body.seniority && sectorOf(org.kind, body.role) !== "business") {
      throw fieldError(
        "seniority",
        msg(
          {
            id: "server.members.field.seniorityBusinessOnly",
            defaultMessage: "is for business members; {organization} is a public partner",
          },
          { organization: org.name },
        ),
      );
    }
    const [person] = await tx
      .insert(people)
      .values({
        name: body.name,
        email: body.email ?? null,
        title: body.title ?? null,
        seniority: body.seniority ?? null,
      })
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
    await mailInvitation(deps, tx, actor, body, partnership.name, org.name, token);
    return row;
  });
  deps.mailer.deliverSoon();
  return invitationJson(result, deps.now());
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
  if (!row) throw invitationNotFound();
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
    revoked: i.revokedAt !== null,
  };
}

export async function acceptInvitation(deps: AppDeps, actor: Actor, token: string) {
  return deps.db.transaction((tx) => takeInvitation(tx, deps, token, actor));
}

/** The reason an invitation can no longer be taken, or null while it is open. */
function closedReason(i: { revokedAt: Date | null; acceptedAt: Date | null; expiresAt: Date }, now: Date) {
  if (i.revokedAt) {
    return msg({
      id: "server.members.invitation.withdrawn",
      defaultMessage: "This invitation was withdrawn by the convener. Ask them to invite you again.",
    });
  }
  if (i.acceptedAt) {
    return msg({
      id: "server.members.invitation.alreadyAccepted",
      defaultMessage: "This invitation was already accepted.",
    });
  }
  if (i.expiresAt <= now) {
    return msg({
      id: "server.members.invitation.expired",
      defaultMessage: "This invitation has expired. Ask the convener to invite you again.",
    });
  }
  return null;
}

/** The open invitation of a link, or a 410 saying why it is closed. */
export async function openInvitation(tx: Executor, deps: AppDeps, token: string) {
  const row = await invitationByToken(tx, token);
  const closed = closedReason(row.invitation, deps.now());
  if (closed) throw new AppError("gone", closed);
  return row;
}

/** Seats `who` (the invited address's person) at the table, within the caller's transaction. */
export async function takeInvitation(
  tx: Executor,
  deps: AppDeps,
  token: string,
  who: { personId: string; email: string },
) {
  const row = await openInvitation(tx, deps, token);
  const i = row.invitation;
  if (i.email !== who.email) {
    throw new AppError(
      "forbidden",
      msg(
        {
          id: "server.members.invitation.otherAddress",
          defaultMessage:
            "This invitation is for {invited}. Sign in with that address to accept it (you are signed in as {email}).",
        },
        { invited: i.email, email: who.email },
      ),
    );
  }
  // Conditional, so that a revoke or resend that commits first wins over this accept.
  const [taken] = await tx
    .update(invitations)
    .set({ acceptedAt: deps.now() })
    .where(
      and(
        eq(invitations.id, i.id),
        eq(invitations.version, i.version),
        isNull(invitations.revokedAt),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (!taken) {
    throw new AppError(
      "gone",
      msg({
        id: "server.members.invitation.changed",
        defaultMessage: "This invitation changed a moment ago. Open the link again.",
      }),
    );
  }
  await tx
    .insert(memberships)
    .values({
      partnershipId: i.partnershipId,
      personId: who.personId,
      organizationId: i.organizationId,
      role: i.role,
    })
    .onConflictDoUpdate({
      target: [memberships.partnershipId, memberships.personId],
      set: {
        role: i.role,
        organizationId: i.organizationId,
        leftAt: null,
        version: sql`${memberships.version} + 1`,
      },
    });
  return { partnershipId: i.partnershipId, slug: row.partnershipSlug, role: i.role };
}
