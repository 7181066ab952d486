/** The fixed discussion categories: topics of the practice, then industry channels (zod-free for the web). */
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
export const discussionCategories = [
  "launching",
  "business_engagement",
  "measuring_impact",
  "manufacturing",
  "health_care",
  "technology",
  "logistics",
  "food_agriculture",
  "construction",
] as const;
export type DiscussionCategory = (typeof discussionCategories)[number];

export const discussionCategoryMessages = {
  launching: msg({ id: "vocab.discussionCategory.launching", defaultMessage: "Launching a partnership" }),
  business_engagement: msg({
    id: "vocab.discussionCategory.business_engagement",
    defaultMessage: "Business engagement",
  }),
  measuring_impact: msg({
    id: "vocab.discussionCategory.measuring_impact",
    defaultMessage: "Measuring impact",
  }),
  manufacturing: msg({ id: "vocab.discussionCategory.manufacturing", defaultMessage: "Manufacturing" }),
  health_care: msg({ id: "vocab.discussionCategory.health_care", defaultMessage: "Health care" }),
  technology: msg({ id: "vocab.discussionCategory.technology", defaultMessage: "Technology" }),
  logistics: msg({
    id: "vocab.discussionCategory.logistics",
    defaultMessage: "Transportation and logistics",
  }),
  food_agriculture: msg({
    id: "vocab.discussionCategory.food_agriculture",
    defaultMessage: "Food and agriculture",
  }),
  construction: msg({ id: "vocab.discussionCategory.construction", defaultMessage: "Construction" }),
} satisfies Record<DiscussionCategory, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const discussionCategoryLabels: Record<DiscussionCategory, string> =
  labelsOf(discussionCategoryMessages);

export const discussionCategoryDescriptions: Record<DiscussionCategory, string> = {
  launching: "Preparing, inviting businesses and running the launch meeting.",
  business_engagement: "Keeping business leaders at the table and in the lead.",
  measuring_impact: "Indicators, stories and showing what changed.",
  manufacturing: "Channel for manufacturing partnerships.",
  health_care: "Channel for health care partnerships.",
  technology: "Channel for IT and technology partnerships.",
  logistics: "Channel for transportation, distribution and logistics partnerships.",
  food_agriculture: "Channel for food, agriculture and processing partnerships.",
  construction: "Channel for construction and the building trades.",
};

/** The window in which the author may still edit a reply; after it the reply stands as posted. */
export const REPLY_EDIT_WINDOW_MS = 15 * 60_000;
export const DISCUSSIONS_PAGE_SIZE = 20;
/**
 * Replies shown on one page of a thread. A long thread (hundreds of replies) came whole before:
 * 850 KB for 2,000 replies, far too much for a phone to fetch and draw.
 */
export const REPLIES_PAGE_SIZE = 50;

/**
 * The mention syntax: `@[Display Name](user:<uuid>)`. The reply box's autocomplete inserts it;
 * the server resolves the id (the name is only what readers see).
 */
export const mentionPattern = /@\[([^\]\n]{1,120})\]\(user:([0-9a-f-]{36})\)/gi;

export function mentionedUserIds(source: string): string[] {
  return [...new Set([...source.matchAll(mentionPattern)].map((m) => (m[2] ?? "").toLowerCase()))];
}

/** Turns mention tokens into bold "@Name" for display; the name loses Markdown's own characters. */
export function displayMentions(source: string): string {
  return source.replace(
    mentionPattern,
    (_all, name: string) => `**@${name.replace(/[*_`[\]()<>\\]/g, "")}**`,
  );
}

export const digestChoices = ["none", "daily", "weekly"] as const;
export type DigestChoice = (typeof digestChoices)[number];
