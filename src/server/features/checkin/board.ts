import { and, asc, eq } from "drizzle-orm";
import type { Arrival, CheckInBoard } from "../../../core/checkin.js";
import { lacksBusinessMajority, summarizeAttendance } from "../../../core/meeting-time.js";
import type { Executor } from "../../../db/open.js";
import {
  meetingAttendance,
  meetingGuests,
  memberships,
  organizations,
  people,
} from "../../../db/schema/index.js";
import type { MeetingRow } from "../meetings/lookup.js";
import { readTogether } from "../../../db/query.js";

/**
 * Who is in the room: the same attendance record the meeting page keeps (members by person,
 * walk-ins as guests), counted by the same rule.
 */
export async function loadBoard(tx: Executor, meeting: MeetingRow): Promise<CheckInBoard> {
  const [members, guests] = await readTogether(tx, [
    () =>
      tx
        .select({
          id: people.id,
          name: people.name,
          organization: organizations.name,
          sector: meetingAttendance.sector,
        })
        .from(meetingAttendance)
        .innerJoin(people, eq(people.id, meetingAttendance.personId))
        .leftJoin(
          memberships,
          and(eq(memberships.personId, people.id), eq(memberships.partnershipId, meeting.partnershipId)),
        )
        .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(eq(meetingAttendance.meetingId, meeting.id))
        .orderBy(asc(people.name)),
    () =>
      tx
        .select({
          id: meetingGuests.id,
          name: meetingGuests.name,
          organization: meetingGuests.organization,
          sector: meetingGuests.sector,
        })
        .from(meetingGuests)
        .where(eq(meetingGuests.meetingId, meeting.id))
        .orderBy(asc(meetingGuests.name)),
  ]);
  const attendance = summarizeAttendance(members, guests);
  const arrivals: Arrival[] = [
    ...members.map((m) => ({ kind: "member" as const, ...m })),
    ...guests.map((g) => ({ kind: "guest" as const, ...g, organization: g.organization || null })),
  ];
  return {
    meetingId: meeting.id,
    attendance,
    lacksBusinessMajority: !meeting.cancelled && lacksBusinessMajority(meeting.kind, attendance),
    arrivals,
  };
}
