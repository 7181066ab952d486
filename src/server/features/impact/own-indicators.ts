/**
 * A partnership's own indicators: defined by its convener, tracked, entered, charted and exported
 * like the catalog's, and kept out of benchmarks and roll-ups (loadCatalog without a partnership
 * leaves them out). A community admin sees which ones several partnerships defined alike and
 * adopts one into the catalog: the same row loses its owner, so its values move with it.
 */
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { AlikeIndicators, CustomIndicatorBody, Indicator } from "../../../core/impact.js";
import { indicators, trackedIndicators } from "../../../db/schema/index.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { indicatorNotFound } from "./validate.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { impactAccess, requireManage } from "./access.js";
import { rollupFor } from "./catalog.js";
import { toIndicator } from "./indicators-service.js";

/** A name as two partnerships would both mean it: case and runs of spaces aside. */
const alikeName = (name: SQL) => sql`lower(regexp_replace(trim(${name}), '\\s+', ' ', 'g'))`;

export async function defineOwnIndicator(
  deps: AppDeps,
  actor: Actor | null,
  partnershipId: string,
  body: CustomIndicatorBody,
): Promise<Indicator> {
  const created = await deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, partnershipId, actor);
    requireManage(actor, access);
    const [same] = await queryRows<{ key: string }>(
      tx,
      sql`select key from indicators
          where owner_partnership_id = ${access.partnership.id}
            and ${alikeName(sql`name`)} = ${alikeName(sql`${body.name}`)}`,
    );
    if (same) {
      throw fieldError(
        "name",
        msg({
          id: "server.impact.field.ownIndicatorExists",
          defaultMessage: "is already one of this partnership's own indicators",
        }),
      );
    }
    const [row] = await tx
      .insert(indicators)
      .values({
        ...body,
        rollup: rollupFor(body.unit),
        key: `own_${randomBytes(6).toString("hex")}`,
        ownerPartnershipId: access.partnership.id,
      })
      .returning();
    // Defined to be tracked: it shows on the impact page at once.
    await tx
      .insert(trackedIndicators)
      .values({ partnershipId: access.partnership.id, indicatorKey: row.key });
    return toIndicator(row);
  });
  deps.answers.invalidate("impact");
  return created;
}

/** Own indicators that two or more partnerships named alike (case and spaces aside) with one unit. */
export async function alikeIndicators(deps: AppDeps): Promise<AlikeIndicators> {
  const rows = await queryRows<{
    name: string;
    unit: Indicator["unit"];
    key: string;
    partnership: string;
    values: number;
    group_size: number;
  }>(
    deps.db,
    sql`with own as (
          select i.key, i.name, i.unit, p.name as partnership,
                 ${alikeName(sql`i.name`)} as alike,
                 (select count(*)::int from measurements m where m.indicator_key = i.key) as values
          from indicators i join partnerships p on p.id = i.owner_partnership_id and p.deleted_at is null
          where i.retired_at is null
        )
        select name, unit, key, partnership, values,
               count(*) over (partition by alike, unit)::int as group_size,
               alike
        from own order by alike, unit, partnership`,
  );
  const groups = new Map<string, AlikeIndicators["items"][number]>();
  for (const r of rows) {
    if (r.group_size < 2) continue;
    const id = `${r.name.trim().toLowerCase().replace(/\s+/g, " ")}|${r.unit}`;
    const group = groups.get(id) ?? { name: r.name, unit: r.unit, partnerships: 0, indicators: [] };
    group.partnerships += 1;
    group.indicators.push({ key: r.key, partnership: r.partnership, values: r.values });
    groups.set(id, group);
  }
  return {
    items: [...groups.values()].sort(
      (a, b) => b.partnerships - a.partnerships || a.name.localeCompare(b.name),
    ),
  };
}

/** Makes a partnership's own indicator part of the catalog; its values come along (same key). */
export async function adoptIndicator(deps: AppDeps, key: string): Promise<Indicator> {
  const adopted = await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicators).where(eq(indicators.key, key));
    if (!row) throw indicatorNotFound();
    if (row.ownerPartnershipId === null) {
      throw new AppError(
        "conflict",
        msg(
          { id: "server.impact.alreadyInCatalog", defaultMessage: "{name} is already in the catalog." },
          { name: row.name },
        ),
      );
    }
    const [same] = await tx
      .select({ key: indicators.key })
      .from(indicators)
      .where(
        and(
          isNull(indicators.ownerPartnershipId),
          sql`${alikeName(sql`${indicators.name}`)} = ${alikeName(sql`${row.name}`)}`,
        ),
      );
    if (same) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.impact.catalogNameTaken",
            defaultMessage:
              "The catalog already has an indicator named {name} ({key}); rename one of them first.",
          },
          { name: row.name, key: same.key },
        ),
      );
    }
    const [updated] = await tx
      .update(indicators)
      .set({ ownerPartnershipId: null, updatedAt: deps.now() })
      .where(eq(indicators.key, key))
      .returning();
    // Benchmarks and roll-ups now count it.
    await announceDirectoryChange(tx, "impact");
    return toIndicator(updated);
  });
  deps.answers.invalidate("impact");
  return adopted;
}
