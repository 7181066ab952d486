import type { IntlShape } from "@formatjs/intl";
import { eventKindMessages } from "../../../core/event-vocabulary.js";
import { formatMeetingTime } from "../../../core/meeting-time.js";
import type { MailMessage } from "../../lib/mailer.js";
import type { AppDeps } from "../../deps.js";
import { inReaderLanguage, intlFor, readerLocale } from "../../i18n/intl.js";
import type { UnsubscribeLinks } from "../digest/unsubscribe.js";
import { buildEventCalendar } from "./calendar.js";
import type { EventRow } from "./lookup.js";

interface Recipient {
  email: string;
  name: string;
  /** The account's language; its mail is written in it (English when none was chosen). */
  locale: string | null;
}

function where(intl: IntlShape, e: EventRow): string {
  const lines: string[] = [];
  if (e.place)
    lines.push(
      intl.formatMessage({ id: "mail.event.where", defaultMessage: "Where: {place}" }, { place: e.place }),
    );
  if (e.online)
    lines.push(
      e.link
        ? intl.formatMessage(
            { id: "mail.event.joinOnline", defaultMessage: "Join online: {link}" },
            { link: e.link },
          )
        : intl.formatMessage({
            id: "mail.event.onlineLater",
            defaultMessage: "Online: the link will be on the event page.",
          }),
    );
  return lines.join("\n");
}

/** In `zone` (the reader's, when known) or the event's own, named either way. */
function when(intl: IntlShape, e: EventRow, zone = e.timeZone): string {
  return intl.formatMessage(
    { id: "mail.event.when", defaultMessage: "When: {start} to {end}" },
    {
      start: formatMeetingTime(e.startsAt.toISOString(), zone),
      end: formatMeetingTime(e.endsAt.toISOString(), zone),
    },
  );
}

/** The seat is confirmed: the message carries the event as an .ics file for the person's calendar. */
export function confirmationMail(deps: AppDeps, e: EventRow, to: Recipient, movedUp: boolean): MailMessage {
  const lang = readerLocale(to.locale);
  const intl = intlFor(lang);
  const page = `${deps.config.publicUrl}/events/${e.slug}`;
  const values = {
    name: to.name,
    title: e.title,
    kind: intl.formatMessage(eventKindMessages[e.kind]).toLowerCase(),
    page,
  };
  return inReaderLanguage(lang, () => ({
    to: to.email,
    lang,
    subject: movedUp
      ? intl.formatMessage(
          { id: "mail.event.movedUpSubject", defaultMessage: "A place opened up: you''re in for {title}" },
          values,
        )
      : intl.formatMessage(
          { id: "mail.event.registeredSubject", defaultMessage: "You''re registered: {title}" },
          values,
        ),
    text: [
      intl.formatMessage({ id: "mail.event.hello", defaultMessage: "Hello {name}," }, values),
      movedUp
        ? intl.formatMessage(
            {
              id: "mail.event.movedUp",
              defaultMessage:
                'A place opened up, and you have moved up from the waitlist: your seat at "{title}" is confirmed.',
            },
            values,
          )
        : intl.formatMessage(
            {
              id: "mail.event.registered",
              defaultMessage:
                'You are registered for "{title}", a {kind} of the Next Gen Community of Practice.',
            },
            values,
          ),
      `${when(intl, e)}\n${where(intl, e)}`,
      intl.formatMessage(
        {
          id: "mail.event.confirmationEnd",
          defaultMessage:
            "The attached calendar file (.ics) adds it to your calendar.\n" +
            "If you can no longer come, cancel on the event page so someone on the waitlist can take your place:\n\n{page}\n",
        },
        values,
      ),
    ].join("\n\n"),
    attachments: [
      {
        filename: `${e.slug}.ics`,
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
        content: buildEventCalendar(deps, lang, [e], e.title, true),
      },
    ],
  }));
}

export function waitlistMail(deps: AppDeps, e: EventRow, to: Recipient, position: number): MailMessage {
  const lang = readerLocale(to.locale);
  const intl = intlFor(lang);
  return inReaderLanguage(lang, () => ({
    to: to.email,
    lang,
    subject: intl.formatMessage(
      { id: "mail.event.waitlistSubject", defaultMessage: "On the waitlist: {title}" },
      { title: e.title },
    ),
    text: intl.formatMessage(
      {
        id: "mail.event.waitlist",
        defaultMessage:
          'Hello {name},\n\n"{title}" is full, so you are on the waitlist (number {position}).\n' +
          "When someone cancels, the first person on the waitlist moves up automatically, and we will e-mail you " +
          "with a calendar file if that is you.\n\n{when}\n\n{page}\n",
      },
      {
        name: to.name,
        title: e.title,
        position,
        when: when(intl, e),
        page: `${deps.config.publicUrl}/events/${e.slug}`,
      },
    ),
  }));
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
  const lang = readerLocale(to.locale);
  const intl = intlFor(lang);
  return inReaderLanguage(lang, () => ({
    to: to.email,
    lang,
    subject: intl.formatMessage(
      { id: "mail.event.reminderSubject", defaultMessage: "Tomorrow: {title}" },
      { title: e.title },
    ),
    text: intl.formatMessage(
      {
        id: "mail.event.reminder",
        defaultMessage:
          'Hello {name},\n\nA reminder that "{title}" is coming up.\n\n{when}\n{where}\n\n' +
          "Details and materials: {page}\n" +
          "If you can no longer come, please cancel there so someone on the waitlist can take your place.\n\n" +
          "Choose which e-mail you get: {settings}\n" +
          "Stop event reminder e-mails with one click: {unsubscribe}\n",
      },
      {
        name: to.name,
        title: e.title,
        when: when(intl, e, readerZone ?? e.timeZone),
        where: where(intl, e),
        page: `${deps.config.publicUrl}/events/${e.slug}`,
        settings: `${deps.config.publicUrl}/me/settings`,
        unsubscribe: unsubscribe.page,
      },
    ),
    unsubscribeUrl: unsubscribe.oneClick,
  }));
}
