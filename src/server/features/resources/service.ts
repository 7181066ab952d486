import { eq, like, sql } from "drizzle-orm";
import type {
  Resource,
  ResourceBody,
  ResourceList,
  ResourceListItem,
  ResourceQuery,
  ReviewBody,
  ReviewList,
} from "../../../core/resources.js";
import {
  PENDING_SUGGESTIONS_MAX,
  type ResourceAudience,
  type ResourceKind,
  type ResourceTopic,
} from "../../../core/resource-vocabulary.js";
import type { Stage } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { people, resourceFiles, resources, resourceTranslations, users } from "../../../db/schema/index.js";
import { contentLocale, storedLocale, type AppLocale, type Locale } from "../../../core/i18n/locales.js";
import type { Actor, AppDeps } from "../../deps.js";
import type { CheckedFile } from "../../lib/uploads.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";
import { escapeHtml, markdownToPlainText, renderMarkdown } from "../../lib/markdown.js";
import { likeEscape } from "../../lib/sql.js";
import { slugify } from "../partnerships/slug.js";
import { canReadResource, canReview, requireReviewer } from "./policy.js";
import {
  browseSql,
  headlinesSql,
  MARK_START,
  MARK_STOP,
  pageItemsSql,
  rankedPageSql,
  searchVector,
} from "./search.js";

interface ItemRow {
  id: string;
  slug: string;
  title: string;
  kind: ResourceKind;
  stage: Stage | null;
  topics: ResourceTopic[];
  audience: ResourceAudience[];
  summary: string;
  url: string | null;
  status: "published" | "suggested" | "rejected";
  updated_at: Date | string;
  /** The language of title, summary and body: the reader's where translated, else the original's. */
  lang: Locale;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  rank: number;
  total: number;
  /** The Markdown body, in a search only: its passage is cut from it. */
  body: string | null;
}

/** The passage is escaped whole; only the search's own markers become `<mark>`. */
export function safeHighlight(passage: string): string {
  return escapeHtml(passage).replaceAll(MARK_START, "<mark>").replaceAll(MARK_STOP, "</mark>");
}

const resourceNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.resources.notFound", defaultMessage: "The resource was not found." }),
  );

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

function toItem(row: ItemRow, highlight: string): ResourceListItem {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    stage: row.stage,
    topics: row.topics,
    audience: row.audience,
    summary: row.summary,
    url: row.url,
    status: row.status,
    file:
      row.file_name && row.file_type
        ? { name: row.file_name, contentType: row.file_type, size: Number(row.file_size) }
        : null,
    updatedAt: iso(row.updated_at),
    lang: row.lang,
    rank: Number(row.rank),
    highlight: safeHighlight(highlight),
  };
}

/**
 * Each row with its passage in plain words: the summary when browsing, and in a search the best
 * fragments of summary and body with the words found marked.
 */
async function withPassages(deps: AppDeps, q: string | undefined, rows: ItemRow[]) {
  if (!q || rows.length === 0) return rows.map((row) => toItem(row, markdownToPlainText(row.summary)));
  const texts = rows.map((row) => ({
    text: markdownToPlainText(`${row.summary}\n\n${row.body ?? ""}`),
    lang: row.lang,
  }));
  const passages = await queryRows<{ highlight: string }>(deps.db, headlinesSql(q, texts));
  return rows.map((row, i) => toItem(row, passages[i]?.highlight ?? ""));
}

/** The published library, ranked by the text search when there is one. */
export async function listResources(
  deps: AppDeps,
  query: ResourceQuery,
  locale: AppLocale,
): Promise<ResourceList> {
  const lang = contentLocale(locale);
  const q = query.q?.trim();
  const rows = q
    ? await searchPage(deps.db, { ...query, q }, lang)
    : await queryRows<ItemRow>(deps.db, browseSql(query, lang));
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page the window has no row to carry the count: ask for the first page's.
    const first = await queryRows<{ total: number }>(
      deps.db,
      q
        ? rankedPageSql({ ...query, q, page: 1, pageSize: 1 }, lang)
        : browseSql({ ...query, page: 1, pageSize: 1 }, lang),
    );
    total = first[0]?.total ?? 0;
  }
  return { items: await withPassages(deps, q, rows), total: Number(total) };
}

/** A search's page: its ranked ids first, then those resources' items (none when nothing matched). */
async function searchPage(
  db: Executor,
  query: ResourceQuery & { q: string },
  lang: Locale,
): Promise<ItemRow[]> {
  const page = await queryRows<{ id: string; rank: number; total: number }>(db, rankedPageSql(query, lang));
  if (page.length === 0) return [];
  const items = await queryRows<Omit<ItemRow, "rank" | "total">>(
    db,
    pageItemsSql(
      page.map((p) => p.id),
      lang,
    ),
  );
  // Matched by id, not by position: a resource deleted between the two statements is left out
  // without moving the others' ranks.
  const ranked = new Map(page.map((p) => [p.id, p]));
  return items.flatMap((item) => {
    const found = ranked.get(item.id);
    return found ? [{ ...item, rank: found.rank, total: found.total }] : [];
  });
}

export async function findResource(db: Executor, idOrSlug: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [row] = await db
    .select({
      resource: resources,
      file: { name: resourceFiles.name, contentType: resourceFiles.contentType, size: resourceFiles.size },
    })
    .from(resources)
    .leftJoin(resourceFiles, eq(resourceFiles.resourceId, resources.id))
    .where(isUuid ? eq(resources.id, idOrSlug) : eq(resources.slug, idOrSlug))
    .limit(1);
  return row ?? null;
}

/**
 * One resource with its body rendered, in the reader's language where translated (else the
 * original, with `lang` saying so); a suggestion only for its author and the admins, who also get
 * every translation to edit.
 */
export async function getResource(
  deps: AppDeps,
  actor: Actor | null,
  idOrSlug: string,
  locale: AppLocale,
): Promise<Resource> {
  const found = await findResource(deps.db, idOrSlug);
  if (!found || !canReadResource(actor, found.resource)) throw resourceNotFound();
  const r = found.resource;
  const translations = await deps.db
    .select()
    .from(resourceTranslations)
    .where(eq(resourceTranslations.resourceId, r.id))
    .orderBy(resourceTranslations.lang);
  const mine = translations.find((t) => t.lang === contentLocale(locale));
  const text = mine ?? { title: r.title, summary: r.summary, body: r.body, lang: "en" };
  return {
    id: r.id,
    slug: r.slug,
    title: text.title,
    lang: storedLocale(text.lang) ?? "en",
    kind: r.kind,
    stage: r.stage,
    topics: r.topics as ResourceTopic[],
    audience: r.audience as ResourceAudience[],
    summary: text.summary,
    url: r.url,
    status: r.status,
    file: found.file?.name
      ? { name: found.file.name, contentType: found.file.contentType, size: found.file.size }
      : null,
    updatedAt: r.updatedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    body: text.body,
    html: renderMarkdown(text.body),
    suggestedBy: r.suggestedBy,
    canReview: canReview(actor),
    // For the admins' translation editor: the original beside every translation.
    ...(canReview(actor)
      ? {
          original: { title: r.title, summary: r.summary, body: r.body },
          translations: translations.flatMap((t) => {
            const lang = storedLocale(t.lang);
            return lang
              ? [
                  {
                    lang,
                    title: t.title,
                    summary: t.summary,
                    body: t.body,
                    updatedAt: t.updatedAt.toISOString(),
                  },
                ]
              : [];
          }),
        }
      : {}),
  };
}

/** Words a slug may not take: the library's own fixed paths. */
const reservedSlugs = new Set(["suggestions"]);

async function uniqueResourceSlug(db: Executor, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (
      await db
        .select({ slug: resources.slug })
        .from(resources)
        .where(like(resources.slug, `${likeEscape(base)}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base) && !reservedSlugs.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Admins publish straight away; any other signed-in member suggests, for an admin to review. */
export async function createResource(
  deps: AppDeps,
  actor: Actor,
  body: ResourceBody,
  locale: AppLocale,
): Promise<Resource> {
  const id = await deps.db.transaction(async (tx) => {
    const now = deps.now();
    if (!actor.isAdmin) {
      // The lock on the account orders one person's parallel suggestions, so the count holds.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("update");
      const [pending] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from resources where suggested_by = ${actor.userId} and status = 'suggested'`,
      );
      if ((pending?.n ?? 0) >= PENDING_SUGGESTIONS_MAX) {
        throw new AppError(
          "conflict",
          msg(
            {
              id: "server.resources.tooManySuggestions",
              defaultMessage:
                "You have {max} suggestions waiting for review; suggest more once an admin has reviewed them.",
            },
            { max: PENDING_SUGGESTIONS_MAX },
          ),
        );
      }
    }
    const [row] = await tx
      .insert(resources)
      .values({
        slug: await uniqueResourceSlug(tx, body.title),
        title: body.title,
        kind: body.kind,
        stage: body.stage,
        topics: body.topics,
        audience: body.audience,
        summary: body.summary,
        body: body.body,
        url: body.url,
        status: actor.isAdmin ? "published" : "suggested",
        suggestedBy: actor.userId,
        reviewedBy: actor.isAdmin ? actor.userId : null,
        search: searchVector(body),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: resources.id });
    if (!row) throw new Error("insert returned no row");
    return row.id;
  });
  return getResource(deps, actor, id, locale);
}

/** An admin publishes or rejects a suggestion (or takes a published resource down). */
export async function reviewResource(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: ReviewBody,
  locale: AppLocale,
): Promise<Resource> {
  requireReviewer(actor);
  await deps.db.transaction(async (tx) => {
    const found = await findResource(tx, id);
    if (!found) throw resourceNotFound();
    await tx
      .update(resources)
      .set({
        status: body.decision === "publish" ? "published" : "rejected",
        reviewedBy: actor.userId,
        updatedAt: deps.now(),
      })
      .where(eq(resources.id, found.resource.id));
  });
  return getResource(deps, actor, id, locale);
}

/** Suggestions waiting for an admin, oldest first so none waits forever. */
export async function listSuggestions(deps: AppDeps, actor: Actor): Promise<ReviewList> {
  requireReviewer(actor);
  const rows = await deps.db
    .select({
      id: resources.id,
      slug: resources.slug,
      title: resources.title,
      kind: resources.kind,
      summary: resources.summary,
      createdAt: resources.createdAt,
      suggestedByName: sql<string | null>`coalesce(${people.name}, ${users.email})`,
      fileName: resourceFiles.name,
      fileType: resourceFiles.contentType,
      fileSize: resourceFiles.size,
    })
    .from(resources)
    .leftJoin(users, eq(users.id, resources.suggestedBy))
    .leftJoin(people, eq(people.userId, users.id))
    .leftJoin(resourceFiles, eq(resourceFiles.resourceId, resources.id))
    .where(eq(resources.status, "suggested"))
    .orderBy(resources.createdAt);
  return {
    items: rows.map(({ fileName, fileType, fileSize, ...r }) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      file:
        fileName !== null && fileType !== null && fileSize !== null
          ? { name: fileName, contentType: fileType, size: fileSize }
          : null,
    })),
  };
}

/** Attaches (or replaces) the resource's file: admins, or the author while it awaits review. */
export async function attachFile(
  deps: AppDeps,
  actor: Actor,
  id: string,
  file: CheckedFile,
  locale: AppLocale,
): Promise<Resource> {
  await deps.db.transaction(async (tx) => {
    const found = await findResource(tx, id);
    if (!found || !canReadResource(actor, found.resource)) throw resourceNotFound();
    const r = found.resource;
    const isAuthor = r.suggestedBy === actor.userId && r.status === "suggested";
    if (!actor.isAdmin && !isAuthor) {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.resources.attachRefused",
          defaultMessage: "Only a community admin, or its author before review, may attach a file.",
        }),
      );
    }
    // On disk and synced before the row that names it commits.
    await file.file.keep();
    const values = {
      name: file.name,
      contentType: file.contentType,
      size: file.size,
      sha256: file.file.sha256,
      bytes: file.file.bytes,
      uploadedBy: actor.userId,
      createdAt: deps.now(),
    };
    await tx
      .insert(resourceFiles)
      .values({ resourceId: r.id, ...values })
      .onConflictDoUpdate({ target: resourceFiles.resourceId, set: values });
    await tx.update(resources).set({ updatedAt: deps.now() }).where(eq(resources.id, r.id));
  });
  return getResource(deps, actor, id, locale);
}

/** The attached file's bytes, for whoever may read the resource. */
export async function readFile(deps: AppDeps, actor: Actor | null, id: string) {
  const found = await findResource(deps.db, id);
  if (!found || !canReadResource(actor, found.resource)) throw resourceNotFound();
  const [file] = await deps.db
    .select()
    .from(resourceFiles)
    .where(eq(resourceFiles.resourceId, found.resource.id));
  if (!file) {
    throw new AppError(
      "not_found",
      msg({ id: "server.resources.fileNotFound", defaultMessage: "The resource's file was not found." }),
    );
  }
  return file;
}
