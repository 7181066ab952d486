/**
 * The community e-mail a person gets because of their own choices, one "list" per kind. Each
 * message of a list carries a signed one-click link that turns that list (and only it) off.
 * Account mail (password reset, invitations, registration confirmations) is on no list.
 * Zod-free so the web app can use it.
 */
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
export const mailLists = ["digest", "mentions", "replies", "event-reminders", "votes"] as const;
export type MailList = (typeof mailLists)[number];

export const isMailList = (value: string): value is MailList =>
  (mailLists as readonly string[]).includes(value);

/** The switch's label on the settings page. */
export const mailListMessages = {
  digest: msg({ id: "vocab.mailList.digest", defaultMessage: "E-mail digest" }),
  mentions: msg({
    id: "vocab.mailList.mentions",
    defaultMessage: "E-mail me when someone mentions me in a discussion",
  }),
  replies: msg({
    id: "vocab.mailList.replies",
    defaultMessage: "E-mail me when someone replies in a discussion I follow",
  }),
  "event-reminders": msg({
    id: "vocab.mailList.event-reminders",
    defaultMessage: "E-mail me a reminder the day before an event I registered for",
  }),
  votes: msg({
    id: "vocab.mailList.votes",
    defaultMessage: "E-mail me when a vote opens in a partnership where I vote",
  }),
} satisfies Record<MailList, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const mailListLabels: Record<MailList, string> = labelsOf(mailListMessages);

/** What the list's messages are called in a sentence: "You will get no more <name>." */
export const mailListNameMessages = {
  digest: msg({ id: "vocab.mailListName.digest", defaultMessage: "digest e-mails" }),
  mentions: msg({ id: "vocab.mailListName.mentions", defaultMessage: "e-mails when someone mentions you" }),
  replies: msg({
    id: "vocab.mailListName.replies",
    defaultMessage: "e-mails about replies in discussions you follow",
  }),
  "event-reminders": msg({
    id: "vocab.mailListName.event-reminders",
    defaultMessage: "event reminder e-mails",
  }),
  votes: msg({ id: "vocab.mailListName.votes", defaultMessage: "e-mails when a vote opens for you" }),
} satisfies Record<MailList, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const mailListNames: Record<MailList, string> = labelsOf(mailListNameMessages);

/** The boolean preference each on/off list maps to (the digest is a cadence instead). */
export const mailListPreference = {
  mentions: "mentions",
  replies: "replies",
  "event-reminders": "eventReminders",
  votes: "votes",
} as const satisfies Record<Exclude<MailList, "digest">, string>;
