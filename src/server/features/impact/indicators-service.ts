import { asc, eq, isNull, or } from "drizzle-orm";
import type { Indicator, IndicatorBody, IndicatorPatch } from "../../../core/impact.js";
import { impactAreas } from "../../../core/impact.js";
import type { Executor } from "../../../db/open.js";
import { indicators } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { fieldError } from "../../errors.js";
import { indicatorNotFound } from "./validate.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { computedIndicators } from "./catalog.js";

type IndicatorRow = typeof indicators.$inferSelect;

export function toIndicator(row: IndicatorRow): Indicator {
  return {
    key: row.key,
    name: row.name,
    definition: row.definition,
    area: row.area,
    unit: row.unit,
    direction: row.direction,
    rollup: row.rollup,
    retired: row.retiredAt !== null,
    custom: row.ownerPartnershipId !== null,
    ...(row.fundingSource ? { fundingSource: row.fundingSource } : {}),
    ...(computedIndicators.has(row.key) ? { computed: true } : {}),
  };
}

/**
 * The whole catalog, retired ones included (they keep their data), by area and position; with
 * `partnershipId`, that partnership's own indicators too (never another's).
 */
export async function loadCatalog(db: Executor, partnershipId?: string): Promise<Map<string, Indicator>> {
  const rows = await db
    .select()
    .from(indicators)
    .where(
      partnershipId
        ? or(isNull(indicators.ownerPartnershipId), eq(indicators.ownerPartnershipId, partnershipId))
        : isNull(indicators.ownerPartnershipId),
    )
    .orderBy(asc(indicators.position), asc(indicators.name));
  const byArea = [...rows].sort((a, b) => impactAreas.indexOf(a.area) - impactAreas.indexOf(b.area));
  return new Map(byArea.map((r) => [r.key, toIndicator(r)]));
}

export async function listIndicators(db: Executor, includeRetired: boolean): Promise<Indicator[]> {
  const all = [...(await loadCatalog(db)).values()];
  return includeRetired ? all : all.filter((i) => !i.retired);
}

export async function createIndicator(deps: AppDeps, body: IndicatorBody): Promise<Indicator> {
  const created = await deps.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(indicators).where(eq(indicators.key, body.key));
    if (existing) {
      throw fieldError(
        "key",
        msg({
          id: "server.impact.field.keyTaken",
          defaultMessage: "is already in the catalog; choose another key",
        }),
      );
    }
    const [row] = await tx.insert(indicators).values(body).returning();
    await announceDirectoryChange(tx, "impact");
    return toIndicator(row);
  });
  deps.answers.invalidate("impact");
  return created;
}

/** Edits an indicator; unit and roll-up rule stay fixed because recorded values depend on them. */
export async function updateIndicator(deps: AppDeps, key: string, patch: IndicatorPatch): Promise<Indicator> {
  const updated = await deps.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(indicators).where(eq(indicators.key, key));
    if (!existing) throw indicatorNotFound();
    const { retired, ...fields } = patch;
    const retiredAt =
      retired === undefined ? existing.retiredAt : retired ? (existing.retiredAt ?? deps.now()) : null;
    const [row] = await tx
      .update(indicators)
      .set({ ...fields, retiredAt, updatedAt: deps.now() })
      .where(eq(indicators.key, key))
      .returning();
    // Names and directions show in cached benchmarks and roll-ups.
    await announceDirectoryChange(tx, "impact");
    return toIndicator(row);
  });
  deps.answers.invalidate("impact");
  return updated;
}
