import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { StoryBehind, TrackedIndicator } from "../../../core/impact.js";
import { visibleTo } from "../../../core/impact.js";
import { impactSettings, indicators, measurements, trackedIndicators } from "../../../db/schema/index.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { indicatorNotFound, notInCatalog } from "./validate.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { impactAccess, requireEnter, requireManage } from "./access.js";
import { loadCatalog, toIndicator } from "./indicators-service.js";

/** The indicators a partnership tracks, each with its story behind the numbers if the caller may read it. */
export async function listTracked(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
): Promise<{ items: TrackedIndicator[]; canEdit: boolean; canManage: boolean; namedInBenchmarks: boolean }> {
  const access = await impactAccess(deps.db, id, actor);
  const readable = new Set(visibleTo(access.audience));
  const [rows, settings, hidden] = await Promise.all([
    deps.db
      .select()
      .from(trackedIndicators)
      .innerJoin(indicators, eq(indicators.key, trackedIndicators.indicatorKey))
      .where(eq(trackedIndicators.partnershipId, access.partnership.id))
      .orderBy(indicators.position, indicators.name),
    deps.db.select().from(impactSettings).where(eq(impactSettings.partnershipId, access.partnership.id)),
    // Only how many: so a page can say "not shared publicly" instead of "no values yet".
    deps.db
      .select({ key: measurements.indicatorKey, n: sql<number>`count(*)::int` })
      .from(measurements)
      .where(
        and(
          eq(measurements.partnershipId, access.partnership.id),
          notInArray(measurements.visibility, [...readable]),
        ),
      )
      .groupBy(measurements.indicatorKey),
  ]);
  const hiddenByKey = new Map(hidden.map((h) => [h.key, h.n]));
  const items = rows.map(({ tracked_indicators: t, indicators: i }) => ({
    ...toIndicator(i),
    hiddenValues: hiddenByKey.get(i.key) ?? 0,
    story:
      t.storyUpdatedAt && readable.has(t.storyVisibility)
        ? {
            whatHappened: t.whatHappened,
            partners: t.partners,
            whatWorks: t.whatWorks,
            nextSteps: t.nextSteps,
            visibility: t.storyVisibility,
            updatedAt: t.storyUpdatedAt.toISOString(),
          }
        : null,
  }));
  return {
    items,
    canEdit: access.canEnter,
    canManage: access.canManage || (actor?.isAdmin ?? false),
    namedInBenchmarks: settings[0]?.namedInBenchmarks ?? false,
  };
}

/**
 * Sets the indicators a partnership tracks. An indicator with values or a written story stays
 * tracked: untracking it would hide what people entered.
 */
export async function setTracked(deps: AppDeps, actor: Actor | null, id: string, keys: string[]) {
  await deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    requireEnter(actor, access);
    const catalog = await loadCatalog(tx, access.partnership.id);
    // The partnership's own indicators stay tracked: it defined them to track them.
    const own = [...catalog.values()].filter((i) => i.custom).map((i) => i.key);
    const wanted = [...new Set([...keys, ...own])];
    wanted.forEach((key, index) => {
      const indicator = catalog.get(key);
      if (!indicator) throw fieldError(`keys.${index}`, notInCatalog(key));
    });
    const current = await tx
      .select({ key: trackedIndicators.indicatorKey, story: trackedIndicators.storyUpdatedAt })
      .from(trackedIndicators)
      .where(eq(trackedIndicators.partnershipId, access.partnership.id));
    const dropped = current.filter((c) => !wanted.includes(c.key));
    if (dropped.length > 0) {
      const withValues = await queryRows<{ key: string }>(
        tx,
        sql`select distinct indicator_key as key from measurements
            where partnership_id = ${access.partnership.id}
              and indicator_key in (${sql.join(
                dropped.map((d) => sql`${d.key}`),
                sql`, `,
              )})`,
      );
      const kept = new Set([
        ...withValues.map((r) => r.key),
        ...dropped.filter((d) => d.story).map((d) => d.key),
      ]);
      if (kept.size > 0) {
        throw new AppError(
          "bad_request",
          msg(
            { id: "server.impact.keepTracked", defaultMessage: "Keep {keys}: they have values or a story." },
            { keys: [...kept].join(", ") },
          ),
          {
            errors: [...kept].map((key) => ({
              field: "keys",
              message: msg(
                {
                  id: "server.impact.field.keepTracked",
                  defaultMessage: "{key} has values or a story; keep it",
                },
                { key },
              ),
            })),
          },
        );
      }
      await tx.delete(trackedIndicators).where(
        and(
          eq(trackedIndicators.partnershipId, access.partnership.id),
          inArray(
            trackedIndicators.indicatorKey,
            dropped.map((d) => d.key),
          ),
        ),
      );
    }
    if (wanted.length > 0) {
      await tx
        .insert(trackedIndicators)
        .values(wanted.map((key) => ({ partnershipId: access.partnership.id, indicatorKey: key })))
        .onConflictDoNothing();
    }
  });
  return listTracked(deps, actor, id);
}

/** Writes the story behind the numbers of one tracked indicator (tracking it if needed). */
export async function writeStoryBehind(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  key: string,
  body: StoryBehind,
) {
  await deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    const writer = requireEnter(actor, access);
    const indicator = (await loadCatalog(tx, access.partnership.id)).get(key);
    if (!indicator) throw indicatorNotFound();
    const { visibility, ...texts } = body;
    const values = {
      ...texts,
      storyVisibility: visibility,
      storyUpdatedAt: deps.now(),
      storyUpdatedBy: writer.userId,
    };
    await tx
      .insert(trackedIndicators)
      .values({ partnershipId: access.partnership.id, indicatorKey: key, ...values })
      .onConflictDoUpdate({
        target: [trackedIndicators.partnershipId, trackedIndicators.indicatorKey],
        set: values,
      });
  });
  return listTracked(deps, actor, id);
}

export async function writeImpactSettings(deps: AppDeps, actor: Actor | null, id: string, named: boolean) {
  await deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    requireManage(actor, access);
    await tx
      .insert(impactSettings)
      .values({ partnershipId: access.partnership.id, namedInBenchmarks: named, updatedAt: deps.now() })
      .onConflictDoUpdate({
        target: impactSettings.partnershipId,
        set: { namedInBenchmarks: named, updatedAt: deps.now() },
      });
    await announceDirectoryChange(tx, "impact");
  });
  deps.answers.invalidate("impact");
  return listTracked(deps, actor, id);
}
