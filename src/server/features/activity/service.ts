import { msg } from "../../../core/i18n/msg.js";
import { and, count, desc, eq, lt } from "drizzle-orm";
import type { ActivityList, Follow } from "../../../core/activity.js";
import { activity, follows, people } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { formerMemberSql } from "../members/former.js";
import { readRole } from "../coordinators/scope.js";
import { authorize } from "../partnerships/policy.js";
import { findPartnership } from "../partnerships/service.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { translate } from "../../i18n/intl.js";

export async function listActivity(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  query: { before?: string; limit: number },
  locale: AppLocale = "en",
): Promise<ActivityList> {
  const partnership = await findPartnership(deps.db, id);
  authorize(
    actor,
    await readRole(deps.db, partnership.id, actor, "activity"),
    "viewMembers",
    msg({
      id: "server.activity.membersOnly",
      defaultMessage: "Only members of this partnership may read its timeline.",
    }),
  );
  const rows = await deps.db
    .select({
      id: activity.id,
      kind: activity.kind,
      summary: activity.summary,
      message: activity.message,
      subjectType: activity.subjectType,
      subjectId: activity.subjectId,
      actor: people.name,
      actorFormer: formerMemberSql(activity.actorPersonId, activity.partnershipId),
      createdAt: activity.createdAt,
    })
    .from(activity)
    .leftJoin(people, eq(people.id, activity.actorPersonId))
    .where(
      and(
        eq(activity.partnershipId, partnership.id),
        query.before ? lt(activity.createdAt, new Date(query.before)) : undefined,
      ),
    )
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    partnership: { id: partnership.id, slug: partnership.slug, name: partnership.name },
    // A line written as a message reads in the reader's language; older lines as they were written.
    items: page.map(({ message, ...r }) => ({
      ...r,
      summary: message ? translate(locale, message) : r.summary,
      createdAt: r.createdAt.toISOString(),
    })),
    nextBefore: rows.length > query.limit ? page[page.length - 1].createdAt.toISOString() : null,
  };
}

async function followState(deps: AppDeps, partnershipId: string, actor: Actor | null): Promise<Follow> {
  const [[{ n }], mine] = await Promise.all([
    deps.db.select({ n: count() }).from(follows).where(eq(follows.partnershipId, partnershipId)),
    actor
      ? deps.db
          .select({ userId: follows.userId })
          .from(follows)
          .where(and(eq(follows.partnershipId, partnershipId), eq(follows.userId, actor.userId)))
      : Promise.resolve([]),
  ]);
  return { following: mine.length > 0, followers: n };
}

export async function getFollow(deps: AppDeps, actor: Actor | null, id: string): Promise<Follow> {
  const partnership = await findPartnership(deps.db, id);
  return followState(deps, partnership.id, actor);
}

/**
 * Following is open to every signed-in person: the partnership's profile is public, and a
 * business thinking of joining may want its news. Following twice is the same as once.
 */
export async function setFollow(
  deps: AppDeps,
  actor: Actor,
  id: string,
  following: boolean,
): Promise<Follow> {
  const partnership = await findPartnership(deps.db, id);
  if (following) {
    await deps.db
      .insert(follows)
      .values({ partnershipId: partnership.id, userId: actor.userId, createdAt: deps.now() })
      .onConflictDoNothing();
  } else {
    await deps.db
      .delete(follows)
      .where(and(eq(follows.partnershipId, partnership.id), eq(follows.userId, actor.userId)));
  }
  return followState(deps, partnership.id, actor);
}
