import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { renderMarkdown } from "../../lib/markdown.js";
import type { Story, StoryBody, StoryPatch } from "../../../core/impact.js";
import { visibleTo } from "../../../core/impact.js";
import type { Executor } from "../../../db/open.js";
import { impactStories, priorities, trackedIndicators } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, type FieldError, fieldsDetail } from "../../errors.js";
import { notInCatalog } from "./validate.js";
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

/**
 * A story links only its own partnership's work: indicators it tracks and its own priorities.
 * Linking another partnership's priority would show that priority's id (and, once rendered,
 * its title) on this partnership's pages.
 */
async function checkLinks(
  tx: Executor,
  partnershipId: string,
  links: { indicators?: readonly string[]; priorities?: readonly string[] },
) {
  const errors: FieldError[] = [];
  if (links.indicators?.length) {
    const catalog = await loadCatalog(tx, partnershipId);
    const tracked = new Set(
      (
        await tx
          .select({ key: trackedIndicators.indicatorKey })
          .from(trackedIndicators)
          .where(eq(trackedIndicators.partnershipId, partnershipId))
      ).map((r) => r.key),
    );
    links.indicators.forEach((key, index) => {
      if (!catalog.has(key)) {
        errors.push({ field: `indicators.${index}`, message: notInCatalog(key) });
      } else if (!tracked.has(key)) {
        errors.push({
          field: `indicators.${index}`,
          message: msg(
            {
              id: "server.impact.field.notTrackedTrackFirst",
              defaultMessage: '"{key}" is not an indicator this partnership tracks; track it first',
            },
            { key },
          ),
        });
      }
    });
  }
  if (links.priorities?.length) {
    const own = new Set(
      (
        await tx
          .select({ id: priorities.id })
          .from(priorities)
          .where(
            and(eq(priorities.partnershipId, partnershipId), inArray(priorities.id, [...links.priorities])),
          )
      ).map((r) => r.id),
    );
    links.priorities.forEach((priorityId, index) => {
      if (!own.has(priorityId)) {
        errors.push({
          field: `priorities.${index}`,
          message: msg({
            id: "server.impact.field.notOwnPriority",
            defaultMessage: "is not a priority of this partnership",
          }),
        });
      }
    });
  }
  if (errors.length > 0) {
    throw new AppError("bad_request", fieldsDetail(errors), { errors });
  }
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
    await checkLinks(tx, access.partnership.id, body);
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
  if (!row) {
    throw new AppError(
      "not_found",
      msg({ id: "server.impact.storyNotFound", defaultMessage: "The story was not found." }),
    );
  }
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
      throw new AppError(
        "conflict",
        msg({
          id: "server.impact.storyChanged",
          defaultMessage: "Someone changed this story since you opened it.",
        }),
        { current: toStory(current) },
      );
    }
    await checkLinks(tx, access.partnership.id, patch);
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
