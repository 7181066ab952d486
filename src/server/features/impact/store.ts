import { sql } from "drizzle-orm";
import type { MeasurementInput } from "../../../core/impact.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";

/**
 * Writes checked measurements in two statements whatever their number: the values travel as one
 * JSON document (the same on PGlite and PostgreSQL, no parameter limit). A value that changes
 * keeps its earlier version in measurement_revisions; an omitted source or note keeps the old one.
 */
export async function storeMeasurements(
  tx: Executor,
  partnershipId: string,
  items: readonly MeasurementInput[],
  userId: string,
  now: Date,
): Promise<number> {
  const stamp = now.toISOString();
  const json = JSON.stringify(
    items.map((i) => ({
      indicator: i.indicator,
      period: i.period,
      kind: i.kind,
      value: i.value,
      visibility: i.visibility,
      source: i.source ?? null,
      note: i.note ?? null,
    })),
  );
  const resolved = sql`
    input as (
      select * from jsonb_to_recordset(${json}::jsonb)
        as x(indicator text, period text, kind text, value float8, visibility text, source text, note text)
    ),
    resolved as (
      select i.indicator, i.period, i.kind, i.value, i.visibility,
             coalesce(i.source, m.source, '') as source, coalesce(i.note, m.note, '') as note,
             m.id as existing_id
      from input i
      left join measurements m on m.partnership_id = ${partnershipId}::uuid and m.indicator_key = i.indicator
        and m.kind = i.kind and m.period = i.period
    )`;
  await tx.execute(sql`
    with ${resolved}
    insert into measurement_revisions
      (measurement_id, version, value, source, note, visibility, entered_by, entered_at, replaced_by, replaced_at)
    select m.id, m.version, m.value, m.source, m.note, m.visibility, m.entered_by, m.entered_at, ${userId}::uuid, ${stamp}::timestamptz
    from resolved r join measurements m on m.id = r.existing_id
    where (m.value, m.source, m.note, m.visibility) is distinct from (r.value, r.source, r.note, r.visibility)`);
  const written = await queryRows<{ n: number }>(
    tx,
    sql`
    with ${resolved},
    upserted as (
      insert into measurements
        (partnership_id, indicator_key, kind, period, value, source, note, visibility, entered_by, entered_at)
      select ${partnershipId}::uuid, indicator, kind, period, value, source, note, visibility, ${userId}::uuid, ${stamp}::timestamptz
      from resolved
      on conflict (partnership_id, indicator_key, kind, period) do update set
        value = excluded.value, source = excluded.source, note = excluded.note,
        visibility = excluded.visibility, entered_by = excluded.entered_by, entered_at = excluded.entered_at,
        version = measurements.version + 1
      where (measurements.value, measurements.source, measurements.note, measurements.visibility)
        is distinct from (excluded.value, excluded.source, excluded.note, excluded.visibility)
      returning 1
    ),
    tracked as (
      insert into tracked_indicators (partnership_id, indicator_key)
      select distinct ${partnershipId}::uuid, indicator from input
      on conflict do nothing
    )
    select count(*)::int as n from upserted`,
  );
  return written[0]?.n ?? 0;
}
