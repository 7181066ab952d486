import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { renderMarkdown } from "../../lib/markdown.js";
import type { Story, StoryBody, StoryPatch } from "../../../core/impact.js";
import { visibleTo } from "../../../core/impact.js";
import type { Executor } from "../../../db/open.js";
import { impactStories } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError, notFound } from "../../errors.js";
import { impactAccess, requireEnter } from "./access.js";
import { loadCatalog } from "./indicators-service.js";

type StoryRow = typeof impactStories.$inferSelect;

function toStory(row: StoryRow): Story {
  return {
    id: row.id,
    title: row.title,
    date: row.storyDate,
    area: row.area,
    body: row.body,
    html: renderMarkdown(row.body),
    indicators: row.indicatorKeys,
    priorities: row.priorityIds,
    visibility: row.visibility,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function checkIndicators(tx: Executor, keys: readonly string[] | undefined) {
  if (!keys) return;
  const catalog = await loadCatalog(tx);
  keys.forEach((key, index) => {
    if (!catalog.has(key))
      throw fieldError(`indicators.${index}`, `"${key}" is not an indicator of the catalog`);
  });
}

export async function listStories(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
): Promise<{ items: Story[] }> {
  const access = await impactAccess(deps.db, id, actor);
  const rows = await deps.db
    .select()
    .from(impactStories)
    .where(
      and(
        eq(impactStories.partnershipId, access.partnership.id),
        isNull(impactStories.deletedAt),
        inArray(impactStories.visibility, visibleTo(access.audience)),
      ),
    )
    .orderBy(desc(impactStories.storyDate), desc(impactStories.createdAt));
  return { items: rows.map(toStory) };
}

export async function createStory(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  body: StoryBody,
): Promise<Story> {
  return deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    const writer = requireEnter(actor, access);
    await checkIndicators(tx, body.indicators);
    const [row] = await tx
      .insert(impactStories)
      .values({
        partnershipId: access.partnership.id,
        title: body.title,
        storyDate: body.date,
        area: body.area,
        body: body.body,
        indicatorKeys: body.indicators,
        priorityIds: body.priorities,
        visibility: body.visibility,
        createdBy: writer.userId,
        createdAt: deps.now(),
        updatedAt: deps.now(),
      })
      .returning();
    return toStory(row);
  });
}

async function storyOf(tx: Executor, partnershipId: string, storyId: string): Promise<StoryRow> {
  const [row] = await tx
    .select()
    .from(impactStories)
    .where(
      and(
        eq(impactStories.id, storyId),
        eq(impactStories.partnershipId, partnershipId),
        isNull(impactStories.deletedAt),
      ),
    );
  if (!row) throw notFound("The story");
  return row;
}

/** Edits a story; a stale version answers 409 with the current story. */
export async function updateStory(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  storyId: string,
  patch: StoryPatch,
): Promise<Story> {
  return deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    requireEnter(actor, access);
    const current = await storyOf(tx, access.partnership.id, storyId);
    if (current.version !== patch.version) {
      throw new AppError("conflict", "Someone changed this story since you opened it.", {
        current: toStory(current),
      });
    }
    await checkIndicators(tx, patch.indicators);
    const [row] = await tx
      .update(impactStories)
      .set({
        title: patch.title,
        storyDate: patch.date,
        area: patch.area,
        body: patch.body,
        indicatorKeys: patch.indicators,
        priorityIds: patch.priorities,
        visibility: patch.visibility,
        version: current.version + 1,
        updatedAt: deps.now(),
      })
      .where(eq(impactStories.id, storyId))
      .returning();
    return toStory(row);
  });
}

/** Soft delete: the story disappears from pages but stays in the database. */
export async function deleteStory(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  storyId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    requireEnter(actor, access);
    await storyOf(tx, access.partnership.id, storyId);
    await tx.update(impactStories).set({ deletedAt: deps.now() }).where(eq(impactStories.id, storyId));
  });
}
