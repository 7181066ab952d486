import { eventKindLabels } from "../../../core/event-vocabulary.js";
import { formatMeetingTime } from "../../../core/meeting-time.js";
import type { MailMessage } from "../../lib/mailer.js";
import type { AppDeps } from "../../deps.js";
import type { UnsubscribeLinks } from "../digest/unsubscribe.js";
import { buildEventCalendar } from "./calendar.js";
import type { EventRow } from "./lookup.js";

interface Recipient {
  email: string;
  name: string;
}

function where(e: EventRow): string {
  const lines: string[] = [];
  if (e.place) lines.push(`Where: ${e.place}`);
  if (e.online) lines.push(e.link ? `Join online: ${e.link}` : "Online: the link will be on the event page.");
  return lines.join("\n");
}

/** In `zone` (the reader's, when known) or the event's own, named either way. */
function when(e: EventRow, zone = e.timeZone): string {
  return `When: ${formatMeetingTime(e.startsAt.toISOString(), zone)} to ${formatMeetingTime(
    e.endsAt.toISOString(),
    zone,
  )}`;
}

/** The seat is confirmed: the message carries the event as an .ics file for the person's calendar. */
export function confirmationMail(deps: AppDeps, e: EventRow, to: Recipient, movedUp: boolean): MailMessage {
  const page = `${deps.config.publicUrl}/events/${e.slug}`;
  const opening = movedUp
    ? `A place opened up, and you have moved up from the waitlist: your seat at "${e.title}" is confirmed.`
    : `You are registered for "${e.title}", a ${eventKindLabels[e.kind].toLowerCase()} of the Next Gen Community of Practice.`;
  return {
    to: to.email,
    subject: movedUp ? `A place opened up: you're in for ${e.title}` : `You're registered: ${e.title}`,
    text:
      `Hello ${to.name},\n\n${opening}\n\n${when(e)}\n${where(e)}\n\n` +
      `The attached calendar file (.ics) adds it to your calendar.\n` +
      `If you can no longer come, cancel on the event page so someone on the waitlist can take your place:\n\n${page}\n`,
    attachments: [
      {
        filename: `${e.slug}.ics`,
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
        content: buildEventCalendar(deps, [e], e.title, true),
      },
    ],
  };
}

export function waitlistMail(deps: AppDeps, e: EventRow, to: Recipient, position: number): MailMessage {
  return {
    to: to.email,
    subject: `On the waitlist: ${e.title}`,
    text:
      `Hello ${to.name},\n\n"${e.title}" is full, so you are on the waitlist (number ${position}).\n` +
      `When someone cancels, the first person on the waitlist moves up automatically, and we will e-mail you ` +
      `with a calendar file if that is you.\n\n${when(e)}\n\n${deps.config.publicUrl}/events/${e.slug}\n`,
  };
}

/**
 * Sent because the person kept event reminders on: it ends with the link that turns them off. The
 * time is in the reader's zone (see readerTimeZone), else the event's.
 */
export function reminderMail(
  deps: AppDeps,
  e: EventRow,
  to: Recipient,
  unsubscribe: UnsubscribeLinks,
  readerZone: string | null = null,
): MailMessage {
  return {
    to: to.email,
    subject: `Tomorrow: ${e.title}`,
    text:
      `Hello ${to.name},\n\nA reminder that "${e.title}" is coming up.\n\n${when(e, readerZone ?? e.timeZone)}\n${where(e)}\n\n` +
      `Details and materials: ${deps.config.publicUrl}/events/${e.slug}\n` +
      `If you can no longer come, please cancel there so someone on the waitlist can take your place.\n\n` +
      `Choose which e-mail you get: ${deps.config.publicUrl}/me/settings\n` +
      `Stop event reminder e-mails with one click: ${unsubscribe.page}\n`,
    unsubscribeUrl: unsubscribe.oneClick,
  };
}
