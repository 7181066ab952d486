import { msg } from "../../../core/i18n/msg.js";
import { createHmac } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { MeetingFeed } from "../../../core/meetings.js";
import type { Executor } from "../../../db/open.js";
import {
  meetingFeeds,
  meetings,
  memberships,
  partnerships,
  people,
  users,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { notFound } from "../../errors.js";
import { sameSignature, signingKey as sharedSigningKey } from "../../lib/signing-key.js";
import { attendanceCounts, memberCalendar } from "./calendar.js";
import { DEFAULT_LOCALE, storedLocale } from "../../../core/i18n/locales.js";

const KEY_NAME = "meeting-feed-key";
/** `<feed id>.<signature>.ics`: the id finds the feed, the signature proves the address is its owner's. */
const feedFile = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})\.ics$/;

const signingKey = (deps: AppDeps, tx: Executor) => sharedSigningKey(deps, tx, KEY_NAME);

/** Signed per feed and owner: a new feed id (regenerate) makes a new, unrelated address. */
const sign = (key: string, feedId: string, userId: string) =>
  createHmac("sha256", key).update(`meeting-feed:${feedId}:${userId}`).digest("base64url");

const feedUrl = (deps: AppDeps, feedId: string, signature: string) =>
  `${deps.config.publicUrl}/api/meeting-feeds/${feedId}.${signature}.ics`;

/** The caller's private feed address, or null when they have none. */
export async function getMyFeed(deps: AppDeps, actor: Actor): Promise<MeetingFeed> {
  const [feed] = await deps.db.select().from(meetingFeeds).where(eq(meetingFeeds.userId, actor.userId));
  if (!feed) return { url: null, createdAt: null };
  const key = await signingKey(deps, deps.db);
  return {
    url: feedUrl(deps, feed.id, sign(key, feed.id, actor.userId)),
    createdAt: feed.createdAt.toISOString(),
  };
}

/** Makes a new private address; the old one, if any, stops working at once. */
export async function regenerateMyFeed(deps: AppDeps, actor: Actor): Promise<MeetingFeed> {
  return deps.db.transaction(async (tx) => {
    const key = await signingKey(deps, tx);
    await tx.delete(meetingFeeds).where(eq(meetingFeeds.userId, actor.userId));
    const [feed] = await tx
      .insert(meetingFeeds)
      .values({ userId: actor.userId, createdAt: deps.now() })
      .returning();
    return {
      url: feedUrl(deps, feed.id, sign(key, feed.id, actor.userId)),
      createdAt: feed.createdAt.toISOString(),
    };
  });
}

/** Turns the private address off; calendar apps that ask for it get 404 from now on. */
export async function revokeMyFeed(deps: AppDeps, actor: Actor): Promise<void> {
  await deps.db.delete(meetingFeeds).where(eq(meetingFeeds.userId, actor.userId));
}

/**
 * The feed behind a private address: every meeting of the partnerships its owner is a member of
 * today (a person who left a partnership no longer gets its meetings), with agenda, notes,
 * decisions, next steps and attendance. An unknown, altered or revoked address answers 404,
 * the same answer for each so the address cannot be probed.
 */
export async function privateFeed(deps: AppDeps, file: string): Promise<string> {
  const missing = () =>
    notFound(
      msg({
        id: "server.meetings.thisCalendarFeedNotFound",
        defaultMessage: "This calendar feed was not found.",
      }),
    );
  const match = feedFile.exec(file);
  if (!match) throw missing();
  const [, feedId, signature] = match;
  const [feed] = await deps.db
    .select({ userId: meetingFeeds.userId, name: users.name, locale: users.locale, personId: people.id })
    .from(meetingFeeds)
    .innerJoin(users, eq(users.id, meetingFeeds.userId))
    .leftJoin(people, eq(people.userId, users.id))
    .where(and(eq(meetingFeeds.id, feedId), isNull(users.deletedAt)));
  // The signature is compared even when no feed has the id, so both take the same time.
  const expected = sign(await signingKey(deps, deps.db), feedId, feed?.userId ?? "none");
  if (!sameSignature(expected, signature) || !feed) throw missing();

  const rows = feed.personId
    ? await deps.db
        .select({ meeting: meetings, slug: partnerships.slug, name: partnerships.name })
        .from(meetings)
        .innerJoin(partnerships, eq(partnerships.id, meetings.partnershipId))
        .innerJoin(
          memberships,
          and(
            eq(memberships.partnershipId, meetings.partnershipId),
            eq(memberships.personId, feed.personId),
            isNull(memberships.leftAt),
          ),
        )
        .where(and(isNull(meetings.deletedAt), isNull(partnerships.deletedAt)))
        .orderBy(asc(meetings.startsAt))
    : [];
  const counts = await attendanceCounts(
    deps.db,
    rows.map((r) => r.meeting.id),
  );
  // A calendar app asks without the person's cookie: the feed is in the language of their account.
  return memberCalendar(
    deps,
    storedLocale(feed.locale) ?? DEFAULT_LOCALE,
    feed.name,
    rows.map((r) => ({
      meeting: r.meeting,
      partnership: { slug: r.slug, name: r.name },
      attendance: counts.get(r.meeting.id) ?? { business: 0, public: 0, guests: 0 },
    })),
  );
}
