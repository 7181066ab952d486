import { and, eq, inArray, sql } from "drizzle-orm";
import type { Indicator, Measurement, MeasurementConflict, MeasurementInput } from "../../../core/impact.js";
import { comparePeriods, visibleTo } from "../../../core/impact.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { utcTime } from "../../lib/sql.js";
import { measurements } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldsDetail } from "../../errors.js";
import { translate } from "../../i18n/intl.js";
import { periodValues, type AnswerTopic } from "../../lib/answer-cache.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { impactAccess, requireEnter } from "./access.js";
import { loadCatalog } from "./indicators-service.js";
import { storeMeasurements } from "./store.js";
import { checkAgainstCatalog, measurementLabelIn } from "./validate.js";

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
  // Plain rows named as the answer names them: a partnership has a hundred values and more, and
  // the query builder's mapping of each row cost more than reading them. (Built as JSON by the
  // database instead, the list cost PostgreSQL twice what it saved the server.)
  const items = await queryRows<Omit<Measurement, "enteredAt"> & { enteredAt: string | Date }>(
    deps.db,
    sql`select m.indicator_key as indicator, m.period, m.kind, m.value, m.visibility, m.source, m.note,
          m.entered_by as "enteredBy", m.entered_at as "enteredAt", m.version
        from measurements m
        where m.partnership_id = ${access.partnership.id}
          and m.visibility in (${sql.join(
            visibleTo(access.audience).map((v) => sql`${v}`),
            sql`, `,
          )})
          ${filter.indicator ? sql`and m.indicator_key = ${filter.indicator}` : sql``}
          ${filter.period ? sql`and m.period = ${filter.period}` : sql``}
        order by m.indicator_key, m.kind`,
  );
  const list: Measurement[] = items.map((item) => ({ ...item, enteredAt: utcTime(item.enteredAt) }));
  list.sort((a, b) => a.indicator.localeCompare(b.indicator) || comparePeriods(a.period, b.period));
  return { items: list };
}

function toMeasurement(r: typeof measurements.$inferSelect): Measurement {
  return {
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
  };
}

/**
 * Refuses the write when a value the writer saw (an item with a version) changed since: 409
 * with the current values, so the grid can show them. Runs under the partnership's write lock.
 */
async function refuseStale(
  tx: Executor,
  partnershipId: string,
  items: readonly MeasurementInput[],
  catalog: Map<string, Indicator>,
): Promise<void> {
  const seen = items.filter((i) => i.version !== undefined);
  if (seen.length === 0) return;
  const rows = await tx
    .select()
    .from(measurements)
    .where(
      and(
        eq(measurements.partnershipId, partnershipId),
        inArray(measurements.indicatorKey, [...new Set(seen.map((i) => i.indicator))]),
      ),
    );
  const byIdentity = new Map(rows.map((r) => [`${r.indicatorKey}|${r.kind}|${r.period}`, r]));
  const stale = seen.filter(
    (i) => (byIdentity.get(`${i.indicator}|${i.kind}|${i.period}`)?.version ?? 0) !== i.version,
  );
  if (stale.length === 0) return;
  const names = (locale: AppLocale) =>
    stale.map((i) =>
      measurementLabelIn(locale, catalog.get(i.indicator)?.name ?? i.indicator, i.kind, i.period),
    );
  const conflict: MeasurementConflict = {
    items: stale.flatMap((i) => {
      const row = byIdentity.get(`${i.indicator}|${i.kind}|${i.period}`);
      return row ? [toMeasurement(row)] : [];
    }),
  };
  throw new AppError(
    "conflict",
    (locale) =>
      translate(
        locale,
        msg(
          {
            id: "server.impact.staleValues",
            defaultMessage:
              "Someone changed {names}{more, plural, =0 {} other { and # more}} since you opened them. Nothing was saved.",
          },
          { names: names(locale).slice(0, 5).join("; "), more: Math.max(stale.length - 5, 0) },
        ),
      ),
    { current: conflict },
  );
}

/** Past this many periods in one write, one notice says all values changed. */
const MAX_PERIOD_NOTICES = 12;

/** The cached answers the items may change: those of their periods. */
function changedTopics(items: readonly MeasurementInput[]): AnswerTopic[] {
  const topics = [...new Set(items.map((item) => periodValues(item.period)))];
  return topics.length > MAX_PERIOD_NOTICES ? ["impact-values"] : topics;
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
  locale: AppLocale = DEFAULT_LOCALE,
): Promise<number> {
  const topics = changedTopics(items);
  const written = await deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    const enterer = requireEnter(actor, access);
    const catalog = await loadCatalog(tx, access.partnership.id);
    const problems = checkAgainstCatalog(items, catalog, locale);
    if (problems.length > 0) throw describe(problems);
    // One writer of a partnership's values at a time: a version checked below stays true
    // until this transaction stores (two first entries of one value cannot both pass).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`measurements:${access.partnership.id}`}))`);
    await refuseStale(tx, access.partnership.id, items, catalog);
    const n = await storeMeasurements(tx, access.partnership.id, items, enterer.userId, deps.now());
    // Benchmarks and roll-ups are cached across processes: tell them which periods' values changed.
    for (const topic of topics) await announceDirectoryChange(tx, topic);
    return n;
  });
  for (const topic of topics) deps.answers.invalidate(topic);
  return written;
}

/** The problems with items as a 400; `locale` is the one the problems were worded in. */
export function itemErrors(
  problems: ReturnType<typeof checkAgainstCatalog>,
  locale: AppLocale = DEFAULT_LOCALE,
): AppError {
  const errors = problems.map((p) => ({
    field: `items.${p.index}.${p.field}`,
    message:
      p.repeats === undefined
        ? p.message
        : translate(
            locale,
            msg(
              { id: "server.impact.field.alsoItem", defaultMessage: "{problem} (also item {item})" },
              { problem: p.message, item: String(p.repeats) },
            ),
          ),
  }));
  return new AppError("bad_request", fieldsDetail(errors), { errors });
}
