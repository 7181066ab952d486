import { rules } from "./rules.js";
import { z } from "zod";
import { discussionCategories, digestChoices } from "./discussion-categories.js";
import { mailLists } from "./mail-lists.js";
import { uuidSchema } from "./ids.js";

export const threadBody = z.strictObject({
  title: z.string().trim().min(3).max(200),
  category: z.enum(discussionCategories),
  body: z.string().trim().min(1).max(20_000),
});
export type ThreadBody = z.infer<typeof threadBody>;

export const replyBody = z.strictObject({ body: z.string().trim().min(1).max(20_000) });
export type ReplyBody = z.infer<typeof replyBody>;

export const reportBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });

export const threadModerationBody = z
  .strictObject({ hidden: z.boolean().optional(), locked: z.boolean().optional() })
  .refine((b) => b.hidden !== undefined || b.locked !== undefined, { error: () => rules.sayHiddenOrLocked });
export const replyModerationBody = z.strictObject({ hidden: z.boolean() });

export const discussionListQuery = z.strictObject({
  category: z.enum(discussionCategories).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/**
 * Which page of a thread's replies to show. Without one: for a follower, the page of the first
 * reply they have not read (the last page when they have read them all); for anyone else the first.
 */
export const threadPageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

const person = z.object({ id: uuidSchema, name: z.string() });

export const threadSummary = z.object({
  id: uuidSchema,
  title: z.string(),
  category: z.enum(discussionCategories),
  author: person,
  createdAt: z.string(),
  lastReplyAt: z.string(),
  replyCount: z.number().int(),
  locked: z.boolean(),
  hidden: z.boolean(),
});
export type ThreadSummary = z.infer<typeof threadSummary>;

export const threadList = z.object({
  items: z.array(threadSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  categories: z.array(z.object({ category: z.enum(discussionCategories), threads: z.number().int() })),
});
export type ThreadList = z.infer<typeof threadList>;

export const replySchema = z.object({
  id: uuidSchema,
  threadId: uuidSchema,
  author: person,
  /** Markdown source, as written (mention tokens included). */
  body: z.string(),
  /** The sanitized HTML to show. */
  html: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  hidden: z.boolean(),
  /** Until when the caller may still edit it; null when they may not. */
  editableUntil: z.string().nullable(),
});
export type Reply = z.infer<typeof replySchema>;

export const threadDetail = threadSummary.extend({
  body: z.string(),
  html: z.string(),
  following: z.boolean(),
  /** One page of the replies, oldest first. */
  replies: z.array(replySchema),
  /** Which page that is; `total` counts the replies the caller may see (moderators: hidden ones too). */
  replyPage: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }),
  permissions: z.object({ reply: z.boolean(), moderate: z.boolean() }),
});
export type ThreadDetail = z.infer<typeof threadDetail>;

export const reportSchema = z.object({
  id: uuidSchema,
  threadId: uuidSchema,
  threadTitle: z.string(),
  replyId: uuidSchema.nullable(),
  excerpt: z.string(),
  reporter: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  resolved: z.boolean(),
});
export type Report = z.infer<typeof reportSchema>;

export const mentionCandidate = z.object({ id: uuidSchema, name: z.string() });

// Notifications and mail preferences.
export const notificationSchema = z.object({
  id: uuidSchema,
  kind: z.string(),
  title: z.string(),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationList = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
export type NotificationList = z.infer<typeof notificationList>;
export const markReadBody = z.strictObject({ ids: z.array(uuidSchema).max(500).optional() });
/** Each person's community e-mail: the digest's cadence and the other kinds of mail switched on or off. */
export const preferencesSchema = z.strictObject({
  digest: z.enum(digestChoices),
  mentions: z.boolean(),
  replies: z.boolean(),
  eventReminders: z.boolean(),
  /** E-mail when a vote round opens for a business member of a partnership. */
  votes: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;
/** A change of preferences: `{ digest }` alone still works; what is left out stays as it was. */
export const preferencesBody = z
  .strictObject({
    digest: z.enum(digestChoices).optional(),
    mentions: z.boolean().optional(),
    replies: z.boolean().optional(),
    eventReminders: z.boolean().optional(),
    votes: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    error: () => rules.sayDigestMentionsRepliesEventRemindersOrVotes,
  });
export type PreferencesChange = z.infer<typeof preferencesBody>;
/** What a one-click unsubscribe answers: the list turned off and the person's preferences now. */
export const unsubscribeResult = preferencesSchema.extend({ unsubscribed: z.enum(mailLists) });
export type UnsubscribeResult = z.infer<typeof unsubscribeResult>;
/** What an unsubscribe link is for, read without changing anything: the list, whose, and whether it is on. */
export const unsubscribeCheck = z.object({ list: z.enum(mailLists), name: z.string(), on: z.boolean() });
export type UnsubscribeCheck = z.infer<typeof unsubscribeCheck>;
