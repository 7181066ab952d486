/**
 * The panel's figures as the partnership's indicator values of the "For the regional economy"
 * area: jobs, establishments and average annual pay of its industry in its counties, one actual
 * value per imported year, source "BLS QCEW", public, entered by nobody. Benchmarks and roll-ups
 * read them like any other value; members cannot type over them (impact/validate refuses).
 *
 * An incomplete figure (a county held it back) is not written: a lower bound stored as a value
 * would be compared and summed as if it were the figure. The panel says which values were
 * skipped and why. Establishment counts are never held back, so they are written whenever the
 * year has figures for every code.
 */
import { and, inArray, isNull, sql } from "drizzle-orm";
import { formatCountOf } from "../../../core/format.js";
import {
  QCEW_INDICATORS,
  QCEW_SOURCE,
  qcewIndicatorKeys,
  undisclosedPaySkip,
  undisclosedSkip,
  type PanelIndicatorValue,
  type PartnershipEconomy,
} from "../../../core/qcew/partnership-panel.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { indicators } from "../../../db/schema/index.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { panelFigures, partnershipPanel, partnershipRegion, type PanelCore } from "./partnership-panel.js";

/** The values the panel's figures give, latest year first; null values are not written. */
export function indicatorValues(panel: PanelCore, names: ReadonlyMap<string, string>): PanelIndicatorValue[] {
  const figures = panel.combined ?? panel.codes[0];
  if (!figures) return [];
  const name = (key: string) => names.get(key) ?? key;
  const out: PanelIndicatorValue[] = [];
  for (const year of [...figures.years].reverse()) {
    const period = String(year.year);
    const value = (key: string, v: number | null, skipped: string | null) =>
      out.push({ key, name: name(key), period, value: skipped ? null : v, skipped });
    // Every code must have figures: a sum without one of them is not the industry's figure.
    const missing = panel.codes.filter(
      (c) => c.years.find((y) => y.year === year.year)?.status !== "figures",
    );
    const whole =
      missing.length > 0
        ? `not written: no figures for ${missing.map((m) => m.code).join(", ")} in ${year.year}`
        : null;
    const jobs = year.jobs;
    const held = jobs && !jobs.complete ? undisclosedSkip(jobs.undisclosedAreas) : null;
    const payHeld = jobs && !jobs.complete ? undisclosedPaySkip(jobs.undisclosedAreas) : null;
    value(QCEW_INDICATORS.jobs, jobs?.value ?? null, whole ?? held);
    value(QCEW_INDICATORS.establishments, year.establishments, whole);
    value(
      QCEW_INDICATORS.averagePay,
      year.averagePay?.value === null || year.averagePay?.value === undefined
        ? null
        : Math.round(year.averagePay.value),
      whole ?? payHeld ?? (year.averagePay?.value == null ? "not written: no jobs to average over" : null),
    );
  }
  return out;
}

/** Names of the QCEW indicators that are in the catalog and not retired. */
async function activeIndicators(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .select({ key: indicators.key, name: indicators.name })
    .from(indicators)
    .where(and(inArray(indicators.key, [...qcewIndicatorKeys]), isNull(indicators.retiredAt)));
  return new Map(rows.map((r) => [r.key, r.name]));
}

/**
 * Brings one partnership's BLS QCEW indicator values in line with its codes, counties and the
 * imported years: writes the values the panel gives and removes those it no longer gives.
 */
export async function syncPartnershipEconomy(tx: Executor, partnershipId: string): Promise<void> {
  const names = await activeIndicators(tx);
  if (names.size === 0) return;
  const region = await partnershipRegion(tx, partnershipId);
  const fips = region.counties.map((c) => c.fips);
  const panel = await panelFigures(tx, { codes: region.codes, counties: fips });
  const values = indicatorValues(panel, names).filter(
    (v): v is PanelIndicatorValue & { value: number } => v.value !== null && names.has(v.key),
  );
  const ownership = (panel.combined ?? panel.codes[0])?.years.at(-1)?.ownership;
  const note = `Computed by Shared Table from the BLS QCEW annual averages of ${region.codes.join(", ")} in ${formatCountOf(fips.length, "county", "counties")}${ownership === "private" ? ", private ownership" : ""}.`;
  const json = JSON.stringify(values.map((v) => ({ indicator: v.key, period: v.period, value: v.value })));
  const keys = [...names.keys()];
  // A deleted value is remembered, so that a state system's sync learns it is gone.
  await tx.execute(sql`
    with gone as (
      delete from measurements m
      where m.partnership_id = ${partnershipId}::uuid
        and m.indicator_key = any(${sql.param(keys)}::text[])
        and not exists (
          select 1 from jsonb_to_recordset(${json}::jsonb) as x(indicator text, period text, value float8)
          where x.indicator = m.indicator_key and x.period = m.period and m.kind = 'actual'
        )
      returning m.id, m.partnership_id, m.visibility
    )
    insert into measurement_deletions (measurement_id, partnership_id, visibility)
    select id, partnership_id, visibility from gone
    on conflict (measurement_id) do nothing`);
  if (values.length > 0) {
    await tx.execute(sql`
      insert into measurements
        (partnership_id, indicator_key, kind, period, value, source, note, visibility, entered_by)
      select ${partnershipId}::uuid, x.indicator, 'actual', x.period, x.value, ${QCEW_SOURCE}, ${note}, 'public', null
      from jsonb_to_recordset(${json}::jsonb) as x(indicator text, period text, value float8)
      on conflict (partnership_id, indicator_key, kind, period) do update set
        value = excluded.value, source = excluded.source, note = excluded.note,
        visibility = excluded.visibility, entered_by = null, entered_at = now(),
        version = measurements.version + 1
      where (measurements.value, measurements.source, measurements.note, measurements.visibility)
        is distinct from (excluded.value, excluded.source, excluded.note, excluded.visibility)
          or measurements.entered_by is not null`);
    // Tracked, so the Impact page, its charts and benchmarks list them.
    await tx.execute(sql`
      insert into tracked_indicators (partnership_id, indicator_key)
      select distinct ${partnershipId}::uuid, x.indicator
      from jsonb_to_recordset(${json}::jsonb) as x(indicator text, period text, value float8)
      on conflict do nothing`);
  }
  await announceDirectoryChange(tx);
}

/**
 * After a QCEW file is imported (in its transaction): every partnership with a county in the
 * file's areas gets its values again. Quarterly files feed no annual value.
 */
export async function syncEconomyAfterImport(
  tx: Executor,
  file: { quarter: number; areas: readonly string[] },
): Promise<void> {
  if (file.quarter !== 0) return;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select distinct pc.partnership_id as id
        from partnership_counties pc join partnerships p on p.id = pc.partnership_id
        where pc.fips = any(${sql.param([...file.areas])}::text[]) and p.deleted_at is null
        order by 1`,
  );
  for (const { id } of rows) await syncPartnershipEconomy(tx, id);
}

/** The panel as the route answers it: the figures and the indicator values they give. */
export async function partnershipEconomy(db: Executor, idOrSlug: string): Promise<PartnershipEconomy> {
  const panel = await partnershipPanel(db, idOrSlug);
  const names = await activeIndicators(db);
  return { ...panel, indicators: indicatorValues(panel, names).filter((v) => names.has(v.key)) };
}
