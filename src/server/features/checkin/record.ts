import { and, eq, isNull, sql } from "drizzle-orm";
import type { GuestCheckIn } from "../../../core/checkin.js";
import { sectorOf } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import {
  meetingAttendance,
  meetingGuests,
  meetings,
  memberships,
  organizations,
  people,
  users,
} from "../../../db/schema/index.js";

export interface CurrentMember {
  personId: string;
  name: string;
  email: string | null;
  /** Their account's chosen language, if any: the confirmation mail's. */
  locale: string | null;
  sector: "business" | "public";
}

/** A person at the partnership's table today (not one who left), with their sector and e-mail. */
export async function currentMember(
  tx: Executor,
  partnershipId: string,
  personId: string,
): Promise<CurrentMember | null> {
  const [row] = await tx
    .select({
      personId: people.id,
      name: people.name,
      email: sql<string | null>`coalesce(${users.email}, ${people.email})`,
      locale: users.locale,
      role: memberships.role,
      kind: organizations.kind,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(users, eq(users.id, people.userId))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        eq(memberships.personId, personId),
        isNull(memberships.leftAt),
      ),
    );
  if (!row) return null;
  return {
    personId: row.personId,
    name: row.name,
    email: row.email,
    locale: row.locale,
    sector: sectorOf(row.kind, row.role),
  };
}

/** The meeting changed for calendars and sync, as when the convener records attendance. */
async function touch(tx: Executor, meetingId: string, now: Date) {
  await tx.update(meetings).set({ updatedAt: now }).where(eq(meetings.id, meetingId));
}

/** Records a member as present; false when they already were (checking in twice is one check-in). */
export async function recordMember(
  tx: Executor,
  meetingId: string,
  member: CurrentMember,
  now: Date,
): Promise<boolean> {
  const inserted = await tx
    .insert(meetingAttendance)
    .values({ meetingId, personId: member.personId, sector: member.sector })
    .onConflictDoNothing()
    .returning({ personId: meetingAttendance.personId });
  if (inserted.length > 0) await touch(tx, meetingId, now);
  return inserted.length > 0;
}

export async function isRecorded(tx: Executor, meetingId: string, personId: string): Promise<boolean> {
  const [row] = await tx
    .select({ personId: meetingAttendance.personId })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.personId, personId)));
  return !!row;
}

/**
 * The guest already on the list under the same name and organization (any case), so a second
 * tap or a reload does not count them twice. Holds a lock on the meeting's guest list until
 * the transaction ends, so two taps at once cannot both insert.
 */
export async function findGuest(tx: Executor, meetingId: string, guest: GuestCheckIn) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`checkin-guests:${meetingId}`}))`);
  const [row] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from meeting_guests
         where meeting_id = ${meetingId}
           and lower(name) = lower(${guest.name}) and lower(organization) = lower(${guest.organization})
         limit 1`,
  );
  return row ?? null;
}

/** Adds a walk-in to the meeting's guests; answers the new guest record's id. */
export async function recordGuest(
  tx: Executor,
  meetingId: string,
  guest: GuestCheckIn,
  now: Date,
): Promise<string> {
  const [row] = await tx
    .insert(meetingGuests)
    .values({
      meetingId,
      name: guest.name,
      organization: guest.organization,
      sector: guest.sector,
    })
    .returning({ id: meetingGuests.id });
  await touch(tx, meetingId, now);
  return row.id;
}
