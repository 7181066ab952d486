import { z } from "zod";
import { limits } from "./limits.js";
import {
  resourceAudiences,
  resourceKinds,
  resourceLimits,
  resourceStatuses,
  resourceTopics,
} from "./resource-vocabulary.js";
import { stages } from "./vocabulary.js";
import { webAddress } from "./urls.js";
import { uuidSchema } from "./ids.js";
import { LOCALES, localeSchema, type Locale } from "./i18n/locales.js";

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(z.enum(values)));

export const resourceQuery = z.strictObject({
  q: z.string().trim().max(limits.search).optional(),
  stage: z.enum(stages).optional(),
  topic: list(resourceTopics).optional(),
  audience: list(resourceAudiences).optional(),
  kind: z.enum(resourceKinds).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(resourceLimits.pageSizeMax).default(20),
});
export type ResourceQuery = z.infer<typeof resourceQuery>;

export const resourceFileSchema = z.object({
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});

const resourceBase = {
  id: uuidSchema,
  slug: z.string(),
  title: z.string(),
  kind: z.enum(resourceKinds),
  stage: z.enum(stages).nullable(),
  topics: z.array(z.enum(resourceTopics)),
  audience: z.array(z.enum(resourceAudiences)),
  summary: z.string(),
  url: z.string().nullable(),
  status: z.enum(resourceStatuses),
  file: resourceFileSchema.nullable(),
  updatedAt: z.string(),
  /** The language of title, summary and body: the reader's where translated, else the original's (en). */
  lang: localeSchema,
};

const resourceTranslationSchema = z.object({
  lang: localeSchema,
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});

export const resourceListItem = z.object({
  ...resourceBase,
  /** A passage of the resource with the search's matches in `<mark>`; HTML-escaped otherwise. */
  highlight: z.string(),
  rank: z.number(),
});
export type ResourceListItem = z.infer<typeof resourceListItem>;

export const resourceListResponse = z.object({ items: z.array(resourceListItem), total: z.number().int() });
export type ResourceList = z.infer<typeof resourceListResponse>;

export const resourceSchema = z.object({
  ...resourceBase,
  body: z.string(),
  /** The body's Markdown rendered and sanitized. */
  html: z.string(),
  suggestedBy: z.string().nullable(),
  createdAt: z.string(),
  /** What the caller may do, so the page shows only those buttons. */
  canReview: z.boolean(),
  /** For community admins, to translate: the original and every translation. */
  original: z.object({ title: z.string(), summary: z.string(), body: z.string() }).optional(),
  translations: z.array(resourceTranslationSchema).optional(),
});
export type Resource = z.infer<typeof resourceSchema>;

/** A translation's text, as an admin writes it; the original's language (English) has none. */
export const resourceTranslationBody = z.strictObject({
  title: z.string().trim().min(3).max(resourceLimits.title),
  summary: z.string().trim().max(resourceLimits.summary).default(""),
  body: z.string().max(resourceLimits.body).default(""),
});
export type ResourceTranslationBody = z.infer<typeof resourceTranslationBody>;

/** The languages a resource may be translated into: every one the app speaks but the original's. */
export const translationLangParam = z.enum(LOCALES.filter((l) => l !== "en") as [Exclude<Locale, "en">]);

export const resourceBody = z.strictObject({
  title: z.string().trim().min(3).max(resourceLimits.title),
  kind: z.enum(resourceKinds).default("toolkit_chapter"),
  stage: z.enum(stages).nullable().default(null),
  topics: z.array(z.enum(resourceTopics)).max(resourceLimits.topics).default([]),
  audience: z.array(z.enum(resourceAudiences)).max(resourceAudiences.length).default([]),
  summary: z.string().trim().max(resourceLimits.summary).default(""),
  body: z.string().max(resourceLimits.body).default(""),
  url: webAddress().nullable().default(null),
});
export type ResourceBody = z.infer<typeof resourceBody>;

export const reviewBody = z.strictObject({ decision: z.enum(["publish", "reject"]) });
export type ReviewBody = z.infer<typeof reviewBody>;

export const reviewListResponse = z.object({
  items: z.array(
    z.object({
      id: uuidSchema,
      slug: z.string(),
      title: z.string(),
      kind: z.enum(resourceKinds),
      summary: z.string(),
      suggestedByName: z.string().nullable(),
      /** The attached file, so the reviewer sees there is one before opening it. */
      file: resourceFileSchema.nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type ReviewList = z.infer<typeof reviewListResponse>;
