/**
 * Meeting invitations as calendar invitations (iTIP, RFC 5546, over e-mail, RFC 6047): when a
 * convener plans a meeting, or changes its title, time, place or link, each person it is for
 * (rsvps.ts) gets an e-mail carrying a `METHOD:REQUEST` event that Outlook and Google show with
 * Accept and Decline; cancelling sends `METHOD:CANCEL`. The UID is the meeting's (the one its
 * feeds use) and SEQUENCE its version, so calendars replace the event instead of adding a copy.
 *
 * Calendar apps send their Accept or Decline to the ORGANIZER (the convener who planned the
 * meeting), which Shared Table does not read; so the e-mail and the event's description carry
 * the person's own signed Yes / Maybe / No links (rsvp-links.ts), which record the answer here.
 *
 * An invitation is not community mail on a list (src/core/mail-lists.ts) but, like an invitation
 * to join, mail about the person's own seat at the table: it goes to every person the meeting is
 * for who has an address, except the convener making the change and the organizer. Nothing is
 * sent for a meeting that is already over (conveners also record past meetings).
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import { and, eq, isNull } from "drizzle-orm";
import type { IntlShape } from "@formatjs/intl";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { rsvpAnswerWordMessages, rsvpAnswers, type RsvpAnswer } from "../../../core/meeting-rsvps.js";
import { formatMailTime, formatMeetingSpan, meetingKindMessages } from "../../../core/meeting-time.js";
import type { Executor } from "../../../db/open.js";
import { users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { inReaderLanguage, intlFor, readerLocale } from "../../i18n/intl.js";
import type { MailMessage } from "../../lib/mailer.js";
import { findPartnership } from "../partnerships/service.js";
import { calendarPages, endOf, uid } from "./calendar.js";
import type { MeetingRow } from "./lookup.js";
import { rsvpLinks } from "./rsvp-links.js";
import { invitees, type Invitee } from "./rsvps.js";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";

export type InvitationMethod = "REQUEST" | "CANCEL";
type Kind = "new" | "changed" | "cancelled";

interface Organizer {
  name: string;
  email: string;
}

interface Partnership {
  name: string;
  slug: string;
}

/** The convener who planned the meeting while their account exists, else the one acting now. */
async function organizerOf(tx: Executor, meeting: MeetingRow, actor: Actor): Promise<Organizer> {
  if (meeting.createdBy) {
    const [creator] = await tx
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.id, meeting.createdBy), isNull(users.deletedAt)));
    if (creator) return creator;
  }
  return { name: actor.name, email: actor.email };
}

function where(intl: IntlShape, m: MeetingRow): string[] {
  return [
    m.place
      ? intl.formatMessage({ id: "mail.meeting.where", defaultMessage: "Where: {place}" }, { place: m.place })
      : "",
    m.link
      ? intl.formatMessage(
          { id: "mail.meeting.joinOnline", defaultMessage: "Join online: {link}" },
          { link: m.link },
        )
      : "",
  ].filter(Boolean);
}

function when(intl: IntlShape, m: MeetingRow): string {
  return intl.formatMessage(
    { id: "mail.meeting.when", defaultMessage: "When: {span}" },
    { span: formatMeetingSpan(m.startsAt.toISOString(), m.endsAt?.toISOString() ?? null, m.timeZone) },
  );
}

/** The zone's VTIMEZONE (RFC 5545 3.6.5) from the IANA data `timezones-ical-library` ships; null if it has none. */
function vtimezoneOf(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

/** The person's own invitation as an iCalendar object (one ATTENDEE: them). */
export function invitationCalendar(
  deps: AppDeps,
  m: MeetingRow,
  p: Partnership,
  organizer: Organizer,
  to: { name: string; email: string },
  method: InvitationMethod,
  description: string,
  lang: AppLocale,
): string {
  const calendar = ical({
    prodId: { company: "Shared Table", product: "meetings", language: lang.slice(0, 2).toUpperCase() },
    method: method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  // No calendar-wide zone (it would write DTSTAMP as local time): the event names its zone,
  // and ical-generator adds the VTIMEZONE of each zone an event names.
  calendar.timezone({ name: null, generator: vtimezoneOf });
  // Wall times in the meeting's zone when its VTIMEZONE is known; otherwise UTC, which every
  // client places right without one.
  const zone = vtimezoneOf(m.timeZone) ? m.timeZone : null;
  const at = (instant: Date) => (zone ? DateTime.fromJSDate(instant, { zone }) : instant);
  calendar.createEvent({
    id: uid(deps, m.id),
    sequence: m.version,
    stamp: deps.now(),
    timezone: zone,
    start: at(m.startsAt),
    end: at(endOf(m)),
    summary: m.title,
    description,
    location: m.place || m.link || null,
    url: calendarPages.meeting(deps, p.slug, m.id),
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer,
    attendees: [
      {
        name: to.name,
        email: to.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: method === "REQUEST",
      },
    ],
  });
  return calendar.toString();
}

function subject(intl: IntlShape, kind: Kind, m: MeetingRow): string {
  const values = { title: m.title, time: formatMailTime(m.startsAt.toISOString(), m.timeZone) };
  if (kind === "new")
    return intl.formatMessage(
      { id: "mail.meeting.newSubject", defaultMessage: "Invitation: {title} ({time})" },
      values,
    );
  if (kind === "changed")
    return intl.formatMessage(
      { id: "mail.meeting.changedSubject", defaultMessage: "Updated invitation: {title} ({time})" },
      values,
    );
  return intl.formatMessage(
    { id: "mail.meeting.cancelledSubject", defaultMessage: "Cancelled: {title} ({time})" },
    values,
  );
}

async function invitationMail(
  deps: AppDeps,
  tx: Executor,
  m: MeetingRow,
  p: Partnership,
  organizer: Organizer,
  actor: Actor,
  to: Invitee & { email: string },
  kind: Kind,
): Promise<MailMessage> {
  const lang = readerLocale(to.locale);
  const intl = intlFor(lang);
  const links = kind === "cancelled" ? null : await rsvpLinks(deps, tx, m.id, to.personId, endOf(m));
  // Everything below is synchronous: dates and times in the reader's language.
  return inReaderLanguage(lang, () => {
    const page = calendarPages.meeting(deps, p.slug, m.id);
    const kindWord = intl.formatMessage(meetingKindMessages[m.kind]);
    const values = {
      name: to.name,
      actor: actor.name,
      title: m.title,
      kind: kindWord.toLowerCase(),
      partnership: p.name,
      details: [when(intl, m), ...where(intl, m)].join("\n"),
      page,
    };
    let text: string;
    let description: string;
    if (!links) {
      text = intl.formatMessage(
        {
          id: "mail.meeting.cancelled",
          defaultMessage:
            'Hello {name},\n\n{actor} cancelled "{title}", a {kind} meeting of {partnership}.\n\n{details}\n\n' +
            "The attached calendar update removes it from your calendar.\n\nMeeting page: {page}\n",
        },
        values,
      );
      description = intl.formatMessage(
        {
          id: "mail.meeting.cancelledDescription",
          defaultMessage: "Cancelled: {kind} meeting of {partnership}.\n\nMeeting page: {page}",
        },
        values,
      );
    } else {
      const answers = rsvpAnswers
        .map((a: RsvpAnswer) => `${intl.formatMessage(rsvpAnswerWordMessages[a])}: ${links[a]}`)
        .join("\n");
      const opening =
        kind === "new"
          ? intl.formatMessage(
              {
                id: "mail.meeting.invites",
                defaultMessage: '{actor} invites you to "{title}", a {kind} meeting of {partnership}.',
              },
              values,
            )
          : intl.formatMessage(
              {
                id: "mail.meeting.changed",
                defaultMessage:
                  '{actor} changed "{title}", a {kind} meeting of {partnership}. This is the meeting as it is now.',
              },
              values,
            );
      text = intl.formatMessage(
        {
          id: "mail.meeting.invitation",
          defaultMessage:
            "Hello {name},\n\n{opening}\n\n{details}\n\n" +
            "Will you come? Answer with one tap (no sign-in needed; you can change your answer later):\n\n{answers}\n\n" +
            "Accept and Decline in your calendar app go to the convener''s mailbox only: the links above " +
            "tell the whole partnership.\n\nAgenda and details: {page}\n",
        },
        { ...values, opening, answers },
      );
      const places = where(intl, m);
      description = [
        intl.formatMessage(
          {
            id: "calendar.meeting.of",
            defaultMessage: "{kind} meeting of {partnership} (times planned in {zone}).",
          },
          { kind: kindWord, partnership: p.name, zone: m.timeZone },
        ),
        places.join("\n"),
        intl.formatMessage(
          {
            id: "mail.meeting.answerHere",
            defaultMessage: "Will you come? Answer here (no sign-in needed):\n{answers}",
          },
          { answers },
        ),
        intl.formatMessage({ id: "calendar.meeting.page", defaultMessage: "Meeting page: {page}" }, { page }),
      ]
        .filter(Boolean)
        .join("\n\n");
    }
    const method: InvitationMethod = kind === "cancelled" ? "CANCEL" : "REQUEST";
    return {
      to: to.email,
      lang,
      subject: subject(intl, kind, m),
      text,
      attachments: [
        {
          filename: "invite.ics",
          contentType: `text/calendar; method=${method}; charset=UTF-8`,
          content: invitationCalendar(deps, m, p, organizer, to, method, description, lang),
          method,
        },
      ],
    };
  });
}

async function send(
  deps: AppDeps,
  tx: Executor,
  actor: Actor,
  meeting: MeetingRow,
  people: Invitee[],
  kind: Kind,
): Promise<number> {
  const organizer = await organizerOf(tx, meeting, actor);
  const skip = new Set([actor.email.toLowerCase(), organizer.email.toLowerCase()]);
  const recipients = people.filter(
    (p): p is Invitee & { email: string } => !!p.email && !skip.has(p.email.toLowerCase()),
  );
  if (!recipients.length) return 0;
  const partnership = await findPartnership(tx, meeting.partnershipId);
  const messages: MailMessage[] = [];
  for (const to of recipients) {
    messages.push(await invitationMail(deps, tx, meeting, partnership, organizer, actor, to, kind));
  }
  await deps.mailer.enqueueMany(tx, messages);
  return messages.length;
}

const isOver = (deps: AppDeps, m: MeetingRow) => endOf(m).getTime() <= deps.now().getTime();

/** A meeting was planned: everyone it is for gets the invitation (unless it is already over). */
export async function inviteToNewMeeting(
  deps: AppDeps,
  tx: Executor,
  actor: Actor,
  meeting: MeetingRow,
): Promise<number> {
  if (meeting.cancelled || isOver(deps, meeting)) return 0;
  return send(deps, tx, actor, meeting, await invitees(tx, meeting), "new");
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * A meeting was changed. A new title, time, zone, place or link sends the updated invitation to
 * everyone; cancelling sends the cancellation, and taking a cancellation back the invitation
 * again. A new kind or action team invites those it is now for and cancels it for those it no
 * longer is. Notes, agenda and attendance send nothing.
 */
export async function inviteToChangedMeeting(
  deps: AppDeps,
  tx: Executor,
  actor: Actor,
  before: MeetingRow,
  after: MeetingRow,
): Promise<number> {
  if (isOver(deps, after)) return 0;
  if (after.cancelled) {
    return before.cancelled ? 0 : send(deps, tx, actor, after, await invitees(tx, after), "cancelled");
  }
  const now = await invitees(tx, after);
  if (before.cancelled) return send(deps, tx, actor, after, now, "new");
  const was = await invitees(tx, before);
  const wasIds = new Set(was.map((p) => p.personId));
  const nowIds = new Set(now.map((p) => p.personId));
  const detailsChanged =
    before.title !== after.title ||
    !sameTime(before.startsAt, after.startsAt) ||
    !sameTime(before.endsAt, after.endsAt) ||
    before.timeZone !== after.timeZone ||
    before.place !== after.place ||
    before.link !== after.link;
  let sent = 0;
  if (detailsChanged) sent += await send(deps, tx, actor, after, now, "changed");
  else
    sent += await send(
      deps,
      tx,
      actor,
      after,
      now.filter((p) => !wasIds.has(p.personId)),
      "new",
    );
  const removed = was.filter((p) => !nowIds.has(p.personId));
  if (removed.length)
    sent += await send(deps, tx, actor, { ...after, cancelled: true }, removed, "cancelled");
  return sent;
}
