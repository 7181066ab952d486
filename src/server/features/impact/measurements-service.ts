import { and, asc, eq, inArray } from "drizzle-orm";
import type { Measurement, MeasurementInput } from "../../../core/impact.js";
import { comparePeriods, visibleTo } from "../../../core/impact.js";
import { measurements } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { impactAccess, requireEnter } from "./access.js";
import { loadCatalog } from "./indicators-service.js";
import { storeMeasurements } from "./store.js";
import { checkAgainstCatalog } from "./validate.js";

export interface MeasurementFilter {
  indicator?: string;
  period?: string;
}

/** A partnership's measurements that the caller may see, oldest period first. */
export async function listMeasurements(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  filter: MeasurementFilter,
): Promise<{ items: Measurement[] }> {
  const access = await impactAccess(deps.db, id, actor);
  const rows = await deps.db
    .select()
    .from(measurements)
    .where(
      and(
        eq(measurements.partnershipId, access.partnership.id),
        inArray(measurements.visibility, visibleTo(access.audience)),
        filter.indicator ? eq(measurements.indicatorKey, filter.indicator) : undefined,
        filter.period ? eq(measurements.period, filter.period) : undefined,
      ),
    )
    .orderBy(asc(measurements.indicatorKey), asc(measurements.kind));
  const items = rows.map((r) => ({
    indicator: r.indicatorKey,
    period: r.period,
    kind: r.kind,
    value: r.value,
    visibility: r.visibility,
    source: r.source,
    note: r.note,
    enteredBy: r.enteredBy,
    enteredAt: r.enteredAt.toISOString(),
    version: r.version,
  }));
  items.sort((a, b) => a.indicator.localeCompare(b.indicator) || comparePeriods(a.period, b.period));
  return { items };
}

/**
 * Checks and stores measurements all or nothing in one transaction; `describe` turns a problem
 * with an item into the error the caller understands (a JSON item or a CSV row).
 */
export async function writeMeasurements(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  items: readonly MeasurementInput[],
  describe: (problems: ReturnType<typeof checkAgainstCatalog>) => AppError,
): Promise<number> {
  const written = await deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    const enterer = requireEnter(actor, access);
    const problems = checkAgainstCatalog(items, await loadCatalog(tx));
    if (problems.length > 0) throw describe(problems);
    const n = await storeMeasurements(tx, access.partnership.id, items, enterer.userId, deps.now());
    // Benchmarks and roll-ups are cached across processes: tell them values changed.
    await announceDirectoryChange(tx);
    return n;
  });
  deps.answers.invalidate();
  return written;
}

export function itemErrors(problems: ReturnType<typeof checkAgainstCatalog>): AppError {
  const errors = problems.map((p) => ({
    field: `items.${p.index}.${p.field}`,
    message: p.repeats === undefined ? p.message : `${p.message} (also item ${p.repeats})`,
  }));
  return new AppError("bad_request", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { errors });
}
