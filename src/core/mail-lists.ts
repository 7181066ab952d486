/**
 * The community e-mail a person gets because of their own choices, one "list" per kind. Each
 * message of a list carries a signed one-click link that turns that list (and only it) off.
 * Account mail (password reset, invitations, registration confirmations) is on no list.
 * Zod-free so the web app can use it.
 */
export const mailLists = ["digest", "mentions", "replies", "event-reminders", "votes"] as const;
export type MailList = (typeof mailLists)[number];

export const isMailList = (value: string): value is MailList =>
  (mailLists as readonly string[]).includes(value);

/** The switch's label on the settings page. */
export const mailListLabels: Record<MailList, string> = {
  digest: "E-mail digest",
  mentions: "E-mail me when someone mentions me in a discussion",
  replies: "E-mail me when someone replies in a discussion I follow",
  "event-reminders": "E-mail me a reminder the day before an event I registered for",
  votes: "E-mail me when a vote opens in a partnership where I vote",
};

/** What the list's messages are called in a sentence: "You will get no more <name>." */
export const mailListNames: Record<MailList, string> = {
  digest: "digest e-mails",
  mentions: "e-mails when someone mentions you",
  replies: "e-mails about replies in discussions you follow",
  "event-reminders": "event reminder e-mails",
  votes: "e-mails when a vote opens for you",
};

/** The boolean preference each on/off list maps to (the digest is a cadence instead). */
export const mailListPreference = {
  mentions: "mentions",
  replies: "replies",
  "event-reminders": "eventReminders",
  votes: "votes",
} as const satisfies Record<Exclude<MailList, "digest">, string>;
