import { msg } from "../../../core/i18n/msg.js";
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  lacksBusinessMajority,
  resolveInstant,
  summarizeAttendance,
  type AttendanceBody,
  type Meeting,
  type MeetingCreate,
  type MeetingKind,
  type MeetingList,
  type MeetingPatch,
  type MeetingSummary,
} from "../../../core/meetings.js";
import type { RsvpAnswer } from "../../../core/meeting-rsvps.js";
import { sectorOf, type Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows, readTogether } from "../../../db/query.js";
import {
  actionTeams,
  meetingAttendance,
  meetingGuests,
  meetings,
  memberships,
  organizations,
  people,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError } from "../../errors.js";
import { recordActivity } from "../activity/record.js";
import { formerMemberSql } from "../members/former.js";
import { findPartnership } from "../partnerships/service.js";
import { fileStorage, listMeetingFiles } from "./files.js";
import { inviteToChangedMeeting, inviteToNewMeeting } from "./invitations.js";
import { findMeeting, type MeetingRow } from "./lookup.js";
import { authorizeMeeting, authorizeMeetings, mayWriteMeetings } from "./policy.js";
import { answerOnPage, rsvpSummary } from "./rsvps.js";

export { findMeeting } from "./lookup.js";

/** Resolves the times of a meeting; the schema already refused what does not parse. */
function instants(input: { startsAt: string; endsAt?: string | null; timeZone: string }): {
  startsAt: Date;
  endsAt: Date | null;
} {
  const startsAt = resolveInstant(input.startsAt, input.timeZone);
  if (!startsAt)
    throw fieldError(
      "startsAt",
      msg({
        id: "server.meetings.mustBeADateAnd",
        defaultMessage: "must be a date and time such as 2026-03-05T08:00",
      }),
    );
  const endsAt = input.endsAt ? resolveInstant(input.endsAt, input.timeZone) : null;
  if (input.endsAt && !endsAt)
    throw fieldError(
      "endsAt",
      msg({
        id: "server.meetings.mustBeADateAnd2",
        defaultMessage: "must be a date and time such as 2026-03-05T10:00",
      }),
    );
  if (endsAt && endsAt <= startsAt)
    throw fieldError(
      "endsAt",
      msg({ id: "server.meetings.mustBeAfterTheStart", defaultMessage: "must be after the start" }),
    );
  return { startsAt, endsAt };
}

async function checkActionTeam(tx: Executor, partnershipId: string, teamId: string | null | undefined) {
  if (!teamId) return;
  const [team] = await tx
    .select({ id: actionTeams.id })
    .from(actionTeams)
    .where(and(eq(actionTeams.id, teamId), eq(actionTeams.partnershipId, partnershipId)));
  if (!team)
    throw fieldError(
      "actionTeamId",
      msg({
        id: "server.meetings.isNotAnActionTeam",
        defaultMessage: "is not an action team of this partnership",
      }),
    );
}

interface SummaryRow {
  id: string;
  partnership_id: string;
  kind: MeetingKind;
  title: string;
  starts_at: Date | string;
  ends_at: Date | string | null;
  time_zone: string;
  place: string;
  link: string;
  is_public: boolean;
  cancelled: boolean;
  version: number;
  business: number;
  public: number;
  guests: number;
}

const iso = (v: Date | string) => new Date(v).toISOString();

function toSummary(r: SummaryRow): MeetingSummary {
  const total = r.business + r.public;
  const attendance = {
    business: r.business,
    public: r.public,
    guests: r.guests,
    businessShare: total === 0 ? null : Math.round((r.business / total) * 1000) / 1000,
    businessMajority: r.business * 2 > total,
  };
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    kind: r.kind,
    title: r.title,
    startsAt: iso(r.starts_at),
    endsAt: r.ends_at === null ? null : iso(r.ends_at),
    timeZone: r.time_zone,
    place: r.place,
    link: r.link,
    public: r.is_public,
    cancelled: r.cancelled,
    version: r.version,
    attendance,
    // A cancelled meeting is out of every count (the health panel's too), so out of the flag.
    lacksBusinessMajority: !r.cancelled && lacksBusinessMajority(r.kind, attendance),
  };
}

/** Every meeting of a partnership with its attendance counted by sector, newest first. */
async function summaries(tx: Executor, partnershipId: string): Promise<MeetingSummary[]> {
  const rows = await queryRows<SummaryRow>(
    tx,
    sql`
      with present as (
        select a.meeting_id, a.sector, false as guest
          from meeting_attendance a join meetings m on m.id = a.meeting_id
         where m.partnership_id = ${partnershipId}
        union all
        select g.meeting_id, g.sector, true
          from meeting_guests g join meetings m on m.id = g.meeting_id
         where m.partnership_id = ${partnershipId}
      ), counts as (
        select meeting_id,
               count(*) filter (where sector = 'business')::int as business,
               count(*) filter (where sector = 'public')::int as public,
               count(*) filter (where guest)::int as guests
          from present group by meeting_id
      )
      select m.id, m.partnership_id, m.kind, m.title, m.starts_at, m.ends_at, m.time_zone, m.place, m.link,
             m.is_public, m.cancelled, m.version,
             coalesce(c.business, 0) as business, coalesce(c.public, 0) as public, coalesce(c.guests, 0) as guests
        from meetings m left join counts c on c.meeting_id = m.id
       where m.partnership_id = ${partnershipId} and m.deleted_at is null
       order by m.starts_at desc`,
  );
  return rows.map(toSummary);
}

async function meetingDetail(
  deps: AppDeps,
  tx: Executor,
  row: MeetingRow,
  actor: Actor | null,
  role: Role | null,
): Promise<Meeting> {
  const [attendees, guests, files, storage, rsvp] = await readTogether(tx, [
    () =>
      tx
        .select({
          personId: people.id,
          name: people.name,
          organization: organizations.name,
          sector: meetingAttendance.sector,
          former: formerMemberSql(people.id, row.partnershipId),
        })
        .from(meetingAttendance)
        .innerJoin(people, eq(people.id, meetingAttendance.personId))
        .leftJoin(
          memberships,
          and(eq(memberships.personId, people.id), eq(memberships.partnershipId, row.partnershipId)),
        )
        .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(eq(meetingAttendance.meetingId, row.id))
        .orderBy(people.name),
    () =>
      tx
        .select({
          id: meetingGuests.id,
          name: meetingGuests.name,
          organization: meetingGuests.organization,
          sector: meetingGuests.sector,
        })
        .from(meetingGuests)
        .where(eq(meetingGuests.meetingId, row.id))
        .orderBy(meetingGuests.name),
    () => listMeetingFiles(tx, row.id),
    () => fileStorage(tx, row.partnershipId),
    () => rsvpSummary(deps, tx, row, actor, role),
  ]);
  const attendance = summarizeAttendance(attendees, guests);
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    timeZone: row.timeZone,
    place: row.place,
    link: row.link,
    public: row.isPublic,
    cancelled: row.cancelled,
    version: row.version,
    actionTeamId: row.actionTeamId,
    agenda: row.agenda,
    notes: row.notes,
    decisions: row.decisions,
    nextSteps: row.nextSteps,
    attendance,
    lacksBusinessMajority: !row.cancelled && lacksBusinessMajority(row.kind, attendance),
    attendees,
    guests,
    attendanceVersion: attendanceVersionOf(
      attendees.map((a) => a.personId),
      guests.map((g) => g.id),
    ),
    files,
    fileStorage: storage,
    rsvp,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    permissions: { edit: mayWriteMeetings(actor, role) },
  };
}

export async function listMeetings(deps: AppDeps, actor: Actor | null, id: string): Promise<MeetingList> {
  const partnership = await findPartnership(deps.db, id);
  const role = await authorizeMeetings(deps.db, partnership.id, actor, "read");
  return {
    partnership: { id: partnership.id, slug: partnership.slug, name: partnership.name },
    items: await summaries(deps.db, partnership.id),
    permissions: { create: mayWriteMeetings(actor, role) },
  };
}

export async function getMeeting(deps: AppDeps, actor: Actor | null, id: string): Promise<Meeting> {
  const row = await findMeeting(deps.db, id);
  const role = await authorizeMeeting(deps.db, row.partnershipId, actor);
  return meetingDetail(deps, deps.db, row, actor, role);
}

export async function createMeeting(
  deps: AppDeps,
  actor: Actor,
  partnershipId: string,
  body: MeetingCreate,
): Promise<Meeting> {
  const created = await deps.db.transaction(async (tx) => {
    const partnership = await findPartnership(tx, partnershipId);
    const role = await authorizeMeetings(tx, partnership.id, actor, "write");
    const { startsAt, endsAt } = instants(body);
    await checkActionTeam(tx, partnership.id, body.actionTeamId);
    const now = deps.now();
    const [row] = await tx
      .insert(meetings)
      .values({
        partnershipId: partnership.id,
        kind: body.kind,
        actionTeamId: body.actionTeamId ?? null,
        title: body.title,
        startsAt,
        endsAt,
        timeZone: body.timeZone,
        place: body.place ?? "",
        link: body.link ?? "",
        isPublic: body.public ?? false,
        agenda: body.agenda ?? "",
        notes: body.notes ?? "",
        decisions: body.decisions ?? "",
        nextSteps: body.nextSteps ?? "",
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "meeting.scheduled",
      summary: msg(
        { id: "activity.meetingScheduled", defaultMessage: "Meeting scheduled: {title}" },
        { title: row.title },
      ),
      subjectType: "meeting",
      subjectId: row.id,
      actorPersonId: actor.personId,
    });
    const invited = await inviteToNewMeeting(deps, tx, actor, row);
    return { meeting: await meetingDetail(deps, tx, row, actor, role), invited };
  });
  if (created.invited) deps.mailer.deliverSoon();
  return created.meeting;
}

export async function updateMeeting(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: MeetingPatch,
): Promise<Meeting> {
  const changed = await deps.db.transaction(async (tx) => {
    const current = await findMeeting(tx, id);
    const role = await authorizeMeetings(tx, current.partnershipId, actor, "write");
    const { version, startsAt: startsText, endsAt: endsText, timeZone, public: isPublic, ...changes } = patch;
    const zone = timeZone ?? current.timeZone;
    // A new zone alone keeps the instant; a new wall time is read in the (new) zone.
    const times =
      startsText !== undefined || endsText !== undefined
        ? instants({
            startsAt: startsText ?? current.startsAt.toISOString(),
            endsAt: endsText === undefined ? (current.endsAt?.toISOString() ?? null) : endsText,
            timeZone: zone,
          })
        : null;
    await checkActionTeam(tx, current.partnershipId, changes.actionTeamId);
    const updated = await tx
      .update(meetings)
      .set({
        ...changes,
        ...(timeZone ? { timeZone } : {}),
        ...(isPublic === undefined ? {} : { isPublic }),
        ...(times ?? {}),
        version: sql`${meetings.version} + 1`,
        updatedAt: deps.now(),
      })
      .where(and(eq(meetings.id, current.id), eq(meetings.version, version)))
      .returning();
    if (updated.length === 0) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.meetings.thisMeetingWasChangedBy",
            defaultMessage:
              "This meeting was changed by someone else (you edited version {edited}, it is now {now}). Reload it, then apply your changes again.",
          },
          { edited: String(version), now: String(current.version) },
        ),
        { current: await meetingDetail(deps, tx, current, actor, role) },
      );
    }
    const invited = await inviteToChangedMeeting(deps, tx, actor, current, updated[0]);
    return { meeting: await meetingDetail(deps, tx, updated[0], actor, role), invited };
  });
  if (changed.invited) deps.mailer.deliverSoon();
  return changed.meeting;
}

/** The signed-in caller's answer to the meeting's invitation, from the meeting page. */
export async function answerMeeting(
  deps: AppDeps,
  actor: Actor,
  id: string,
  answer: RsvpAnswer,
): Promise<Meeting> {
  const meeting = await answerOnPage(deps, actor, id, answer);
  const role = await authorizeMeeting(deps.db, meeting.partnershipId, actor);
  return meetingDetail(deps, deps.db, meeting, actor, role);
}

/** A short fingerprint of who came: the members' and the guests' ids, in any order. */
function attendanceVersionOf(personIds: string[], guestIds: string[]): string {
  const canonical = `${[...personIds].sort().join(",")}|${[...guestIds].sort().join(",")}`;
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 22);
}

/**
 * Replaces who came. Members are picked by person; anyone else must be added as a guest. A form
 * filled from an older attendance (people checked in meanwhile) is refused rather than saved over them.
 */
export async function setAttendance(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: AttendanceBody,
): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, id);
    const role = await authorizeMeetings(tx, meeting.partnershipId, actor, "write");
    if (body.attendanceVersion !== undefined) {
      // Locks the meeting's row: a check-in waits for this save, or this save sees the check-in.
      await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meeting.id)).for("update");
      const [present, guestRows] = await readTogether(tx, [
        () =>
          tx
            .select({ id: meetingAttendance.personId })
            .from(meetingAttendance)
            .where(eq(meetingAttendance.meetingId, meeting.id)),
        () =>
          tx
            .select({ id: meetingGuests.id })
            .from(meetingGuests)
            .where(eq(meetingGuests.meetingId, meeting.id)),
      ]);
      const current = attendanceVersionOf(
        present.map((p) => p.id),
        guestRows.map((g) => g.id),
      );
      if (current !== body.attendanceVersion) {
        throw new AppError(
          "conflict",
          msg({
            id: "server.meetings.whoCameChangedSinceThis",
            defaultMessage:
              "Who came changed since this form was opened (people checked in, or another convener saved it). The list now shows them: review it and save again.",
          }),
          { current: await meetingDetail(deps, tx, meeting, actor, role) },
        );
      }
    }
    const personIds = [...new Set(body.personIds)];
    const members =
      personIds.length === 0
        ? []
        : await tx
            .select({ personId: memberships.personId, role: memberships.role, kind: organizations.kind })
            .from(memberships)
            .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
            .where(
              and(
                eq(memberships.partnershipId, meeting.partnershipId),
                inArray(memberships.personId, personIds),
              ),
            );
    const known = new Map(members.map((m) => [m.personId, m]));
    const strangerIndex = body.personIds.findIndex((p) => !known.has(p));
    if (strangerIndex >= 0) {
      const strangerId = body.personIds[strangerIndex];
      const [person] = await tx.select({ name: people.name }).from(people).where(eq(people.id, strangerId));
      throw fieldError(
        `personIds.${strangerIndex}`,
        msg(
          {
            id: "server.meetings.field.notAMemberAddAsGuest",
            defaultMessage:
              "{name} is not a member of this partnership; add them as a guest with their organization and sector",
          },
          { name: person ? person.name : strangerId },
        ),
      );
    }
    const [{ n: before }] = await queryRows<{ n: number }>(
      tx,
      sql`select (select count(*) from meeting_attendance where meeting_id = ${meeting.id})
               + (select count(*) from meeting_guests where meeting_id = ${meeting.id}) as n`,
    );
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id));
    await tx.delete(meetingGuests).where(eq(meetingGuests.meetingId, meeting.id));
    if (members.length > 0) {
      await tx.insert(meetingAttendance).values(
        members.map((m) => ({
          meetingId: meeting.id,
          personId: m.personId,
          sector: sectorOf(m.kind, m.role),
        })),
      );
    }
    const guests = body.guests ?? [];
    if (guests.length > 0) {
      await tx.insert(meetingGuests).values(
        guests.map((g) => ({
          meetingId: meeting.id,
          name: g.name,
          organization: g.organization ?? "",
          sector: g.sector,
        })),
      );
    }
    await tx.update(meetings).set({ updatedAt: deps.now() }).where(eq(meetings.id, meeting.id));
    if (Number(before) === 0 && members.length + guests.length > 0) {
      await recordActivity(tx, {
        partnershipId: meeting.partnershipId,
        kind: "meeting.held",
        summary: msg(
          { id: "activity.meetingHeld", defaultMessage: "Meeting held: {title} ({present} present)" },
          { title: meeting.title, present: members.length + guests.length },
        ),
        subjectType: "meeting",
        subjectId: meeting.id,
        actorPersonId: actor.personId,
      });
    }
    return meetingDetail(deps, tx, meeting, actor, role);
  });
}
