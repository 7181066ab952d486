import { msg } from "../../../core/i18n/msg.js";
/**
 * Who a meeting is for, and their answers (yes, maybe, no) to its invitation. A meeting is for
 * the people at the partnership's table today: an action team meeting for the team's members, a
 * support team meeting for the support team and the conveners, every other meeting for every
 * member. Answers come from the signed links of the invitation e-mail (rsvp-links.ts) or from the
 * meeting page; a person's later answer replaces the earlier one, and only a meeting still ahead
 * (not ended, not cancelled) takes answers.
 */
import { and, eq, sql } from "drizzle-orm";
import type { MeetingRsvp, RsvpAnswer, RsvpLinkInfo } from "../../../core/meeting-rsvps.js";
import type { Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows, readTogether } from "../../../db/query.js";
import { meetingRsvps } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { findPartnership } from "../partnerships/service.js";
import { can } from "../partnerships/policy.js";
import { endOf } from "./calendar.js";
import { findMeeting, type MeetingRow } from "./lookup.js";
import { authorizeMeeting } from "./policy.js";
import { readRsvpToken, rsvpRefusal } from "./rsvp-links.js";

export interface Invitee {
  personId: string;
  name: string;
  /** Their account's address, else the address the convener recorded; null when there is none. */
  email: string | null;
  userId: string | null;
  /** Their account's chosen language; null for none (and for people without an account). */
  locale: string | null;
}

/** The people the meeting is for today, by name. */
export async function invitees(tx: Executor, meeting: MeetingRow): Promise<Invitee[]> {
  const team = meeting.kind === "action_team" ? meeting.actionTeamId : null;
  const forWhom = team
    ? sql`and exists (select 1 from action_team_members t
                       where t.team_id = ${team} and t.person_id = m.person_id and t.left_at is null)`
    : meeting.kind === "support_team"
      ? sql`and m.role in ('support', 'convener')`
      : sql``;
  const rows = await queryRows<{
    person_id: string;
    name: string;
    email: string | null;
    user_id: string | null;
    locale: string | null;
  }>(
    tx,
    sql`select p.id as person_id, p.name,
               case when u.id is null then p.email when u.deleted_at is null then u.email end as email,
               case when u.deleted_at is null then u.id end as user_id,
               case when u.deleted_at is null then u.locale end as locale
          from memberships m
          join people p on p.id = m.person_id
          left join users u on u.id = p.user_id
         where m.partnership_id = ${meeting.partnershipId} and m.left_at is null ${forWhom}
         order by p.name, p.id`,
  );
  return rows.map((r) => ({
    personId: r.person_id,
    name: r.name,
    email: r.email || null,
    userId: r.user_id,
    locale: r.locale,
  }));
}

/** Whether the meeting still takes answers: not cancelled, not over. */
export const takesAnswers = (deps: AppDeps, meeting: MeetingRow) =>
  !meeting.cancelled && endOf(meeting).getTime() > deps.now().getTime();

/** The answers for the meeting page: counts for all, names to whoever may see the member list. */
export async function rsvpSummary(
  deps: AppDeps,
  tx: Executor,
  meeting: MeetingRow,
  actor: Actor | null,
  role: Role | null,
): Promise<MeetingRsvp> {
  const [people, answers] = await readTogether(tx, [
    () => invitees(tx, meeting),
    () =>
      tx
        .select({ personId: meetingRsvps.personId, answer: meetingRsvps.answer })
        .from(meetingRsvps)
        .where(eq(meetingRsvps.meetingId, meeting.id)),
  ]);
  const byPerson = new Map(answers.map((a) => [a.personId, a.answer]));
  // Only the answers of the people the meeting is for today count (someone who left is out).
  const listed = people.map((p) => ({
    personId: p.personId,
    name: p.name,
    answer: byPerson.get(p.personId) ?? null,
  }));
  const count = (answer: RsvpAnswer) => listed.filter((p) => p.answer === answer).length;
  const mine = actor ? (listed.find((p) => p.personId === actor.personId) ?? null) : null;
  return {
    yes: count("yes"),
    maybe: count("maybe"),
    no: count("no"),
    noAnswer: listed.filter((p) => p.answer === null).length,
    mine: mine?.answer ?? null,
    canAnswer: !!mine && takesAnswers(deps, meeting),
    people: can(actor, role, "viewMembers") ? listed : null,
  };
}

/** Records (or replaces) a person's answer. */
async function record(deps: AppDeps, tx: Executor, meetingId: string, personId: string, answer: RsvpAnswer) {
  const now = deps.now();
  await tx
    .insert(meetingRsvps)
    .values({ meetingId, personId, answer, answeredAt: now })
    .onConflictDoUpdate({
      target: [meetingRsvps.meetingId, meetingRsvps.personId],
      set: { answer, answeredAt: now },
    });
}

function noLongerAnswerable(deps: AppDeps, meeting: MeetingRow) {
  if (meeting.cancelled) {
    return rsvpRefusal(
      "gone",
      "cancelled",
      msg({
        id: "server.meetings.rsvp.cancelled",
        defaultMessage: "This meeting was cancelled, so it takes no answers.",
      }),
    );
  }
  if (!takesAnswers(deps, meeting)) {
    return rsvpRefusal(
      "gone",
      "ended",
      msg({
        id: "server.meetings.rsvp.ended",
        defaultMessage: "This meeting has already taken place, so it takes no more answers.",
      }),
    );
  }
  return null;
}

/** The signed-in caller answers on the meeting page (members the meeting is for). */
export async function answerOnPage(
  deps: AppDeps,
  actor: Actor,
  id: string,
  answer: RsvpAnswer,
): Promise<MeetingRow> {
  return deps.db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, id);
    await authorizeMeeting(tx, meeting.partnershipId, actor);
    const refusal = noLongerAnswerable(deps, meeting);
    if (refusal) throw refusal;
    const invited = (await invitees(tx, meeting)).some((p) => p.personId === actor.personId);
    if (!invited) {
      throw new AppError(
        "forbidden",
        meeting.kind === "action_team"
          ? msg({
              id: "server.meetings.rsvp.teamOnly",
              defaultMessage:
                "This meeting is for the members of its action team; only they answer its invitation.",
            })
          : msg({
              id: "server.meetings.rsvp.inviteesOnly",
              defaultMessage: "Only the people this meeting is for answer its invitation.",
            }),
      );
    }
    await record(deps, tx, meeting.id, actor.personId, answer);
    return meeting;
  });
}

interface LinkTarget {
  meeting: MeetingRow;
  invitee: Invitee;
  partnership: { name: string; slug: string };
}

/**
 * The meeting and person of an answer link, while the link may still answer: refused when
 * changed (400), for another meeting or a person the meeting is no longer for (403), expired,
 * for a cancelled or past meeting (410), or a meeting that was removed (404).
 */
async function linkTarget(
  deps: AppDeps,
  tx: Executor,
  meetingId: string,
  token: string,
): Promise<LinkTarget> {
  const claims = await readRsvpToken(deps, tx, meetingId, token);
  const meeting = await findMeeting(tx, claims.meetingId);
  const refusal = noLongerAnswerable(deps, meeting);
  if (refusal) throw refusal;
  const invitee = (await invitees(tx, meeting)).find((p) => p.personId === claims.personId);
  if (!invitee) {
    throw rsvpRefusal(
      "forbidden",
      "not_invited",
      msg({
        id: "server.meetings.rsvp.notInvited",
        defaultMessage:
          "This meeting is no longer for the person this link was sent to, so the link answers nothing.",
      }),
    );
  }
  const partnership = await findPartnership(tx, meeting.partnershipId);
  return { meeting, invitee, partnership };
}

async function linkInfo(tx: Executor, target: LinkTarget): Promise<RsvpLinkInfo> {
  const { meeting: m, invitee, partnership } = target;
  const [current] = await tx
    .select({ answer: meetingRsvps.answer, answeredAt: meetingRsvps.answeredAt })
    .from(meetingRsvps)
    .where(and(eq(meetingRsvps.meetingId, m.id), eq(meetingRsvps.personId, invitee.personId)));
  return {
    personName: invitee.name,
    answer: current?.answer ?? null,
    answeredAt: current?.answeredAt.toISOString() ?? null,
    meeting: {
      id: m.id,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt?.toISOString() ?? null,
      timeZone: m.timeZone,
      place: m.place,
      partnershipName: partnership.name,
      partnershipSlug: partnership.slug,
    },
  };
}

/** What the confirmation page shows; opening it changes nothing (mail scanners open links). */
export async function describeRsvpLink(
  deps: AppDeps,
  meetingId: string,
  token: string,
): Promise<RsvpLinkInfo> {
  return linkInfo(deps.db, await linkTarget(deps, deps.db, meetingId, token));
}

/** The page's button: records the link's person's answer, replacing an earlier one. */
export async function answerByLink(
  deps: AppDeps,
  meetingId: string,
  token: string,
  answer: RsvpAnswer,
): Promise<RsvpLinkInfo> {
  return deps.db.transaction(async (tx) => {
    const target = await linkTarget(deps, tx, meetingId, token);
    await record(deps, tx, target.meeting.id, target.invitee.personId, answer);
    return linkInfo(tx, target);
  });
}
