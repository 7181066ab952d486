/**
 * Demo impact data: tracked indicators, measurements (actuals, baselines, targets) and stories
 * for every generated partnership, so benchmarks and the community roll-up have something to
 * show. Generation is pure and seeded; insertion sends big JSON batches (one parameter each).
 */
import { sql } from "drizzle-orm";
import type { Direction, IndicatorUnit, MeasurementKind, Visibility } from "../core/impact.js";
import type { Executor } from "../db/open.js";
import { computedIndicators, defaultCatalog } from "../server/features/impact/catalog.js";
import { isQcewIndicator } from "../core/qcew/partnership-panel.js";
import type { DemoData } from "./generate.js";
import type { Random } from "./random.js";

export interface ImpactMeasurementRow {
  partnershipId: string;
  indicatorKey: string;
  kind: MeasurementKind;
  period: string;
  value: number;
  visibility: Visibility;
  source: string;
}
export interface ImpactStoryRow {
  partnershipId: string;
  title: string;
  storyDate: string;
  area: string;
  body: string;
  indicatorKeys: string[];
  visibility: Visibility;
}
export interface OwnIndicatorRow {
  key: string;
  ownerPartnershipId: string;
  name: string;
  definition: string;
  area: "businesses" | "people" | "community";
  unit: "count";
  direction: "higher";
}

export interface ImpactDemoData {
  /** A few partnerships' own indicators; two define "Apprentices hired" alike, for the admin to adopt. */
  own: OwnIndicatorRow[];
  tracked: { partnershipId: string; indicatorKey: string }[];
  measurements: ImpactMeasurementRow[];
  stories: ImpactStoryRow[];
}

/** Indicators of partnerships' own; the first comes twice so that the admin sees two alike. */
const ownIdeas: Omit<OwnIndicatorRow, "key" | "ownerPartnershipId">[] = [
  {
    name: "Apprentices hired",
    definition: "New registered apprentices at member firms in the year.",
    area: "businesses",
    unit: "count",
    direction: "higher",
  },
  {
    name: "Teachers hosted at member sites",
    definition: "Teachers and counselors who spent a day at a member business.",
    area: "people",
    unit: "count",
    direction: "higher",
  },
  {
    name: "Apprentices hired",
    definition: "Apprentices our members took on this year.",
    area: "businesses",
    unit: "count",
    direction: "higher",
  },
];

/** Indicators every demo partnership tracks, so benchmarks among 14 partnerships have peers. */
const coreKeys = [
  "jobs_created",
  "placements",
  "credentials_attained",
  "work_based_learning",
  "time_to_hire_days",
  "staff_retention_rate",
];
const LAST_YEAR = 2025;
const sources = ["Member employer survey", "Workforce board records", "College records", "Convener tally"];

function startValue(random: Random, unit: IndicatorUnit): number {
  switch (unit) {
    case "percent":
      return random.int(55, 85);
    case "days":
      return random.int(35, 90);
    case "dollars":
      return random.int(20, 400) * 1000;
    case "count":
      return random.int(2, 60);
    case "yes_no":
      return random.chance(0.5) ? 1 : 0;
  }
}

/** The next year's value: mostly improving, as partnerships that keep at it do. */
function nextValue(random: Random, value: number, unit: IndicatorUnit, direction: Direction): number {
  // A yes/no outcome, once achieved, mostly stays achieved.
  if (unit === "yes_no") return value === 1 || random.chance(0.4) ? 1 : 0;
  const step = (random.next() * 0.25 - 0.05) * (direction === "higher" ? 1 : -1);
  const next = value * (1 + step);
  if (unit === "percent") return Math.round(Math.min(99, Math.max(1, next)) * 10) / 10;
  if (unit === "count")
    return Math.max(0, Math.round(next + (direction === "higher" ? random.int(0, 3) : 0)));
  if (unit === "days") return Math.max(5, Math.round(next));
  return Math.max(0, Math.round(next / 100) * 100);
}

function visibilityFor(random: Random): Visibility {
  return random.weighted<Visibility>([
    ["community", 55],
    ["public", 35],
    ["partnership", 10],
  ]);
}

const storyIdeas = [
  {
    area: "community",
    key: "community_projects",
    title: "Machinists and students rebuild the youth center",
    body: "Twelve member firms lent **equipment and weekends**. Students from the CTE program did the welding.\n\n- 400 volunteer hours\n- a new makerspace open to the town",
  },
  {
    area: "people",
    key: "work_based_learning",
    title: "First cohort of paid apprentices finishes",
    body: "The partnership's shared apprenticeship model let *small shops* host apprentices they could not have trained alone.",
  },
  {
    area: "businesses",
    key: "time_to_hire_days",
    title: "Shared job fair cuts time-to-hire",
    body: "One regional hiring event replaced six separate ones. Businesses now post critical openings to a **shared pipeline**.",
  },
  {
    area: "public_programs",
    key: "system_coordination",
    title: "Three advisory boards become one",
    body: "The college, the workforce board and the school district now meet industry **once**, at the partnership's table.",
  },
  {
    area: "regional_economy",
    key: "jobs_created",
    title: "Supplier expansion keeps jobs in the region",
    body: "A member firm chose a local supplier after the partnership introduced them. The supplier added a second shift.",
  },
] as const;

/**
 * Impact rows for generated partnerships: the demo size tracks 8 to 15 indicators over 3 to 5
 * years with baselines, targets and stories; the national size (`perPartnership` 25) tracks 25
 * indicators over 5 years of actual values, about 375,000 rows for 3,000 partnerships.
 */
export function generateImpactData(
  data: Pick<DemoData, "partnerships">,
  random: Random,
  options: { national: boolean },
): ImpactDemoData {
  const out: ImpactDemoData = { own: [], tracked: [], measurements: [], stories: [] };
  const byKey = new Map(defaultCatalog.map((i) => [i.key, i]));
  // BLS QCEW values are computed from imported files, never made up.
  const others = defaultCatalog
    .map((i) => i.key)
    .filter((k) => !coreKeys.includes(k) && !isQcewIndicator(k) && !computedIndicators.has(k));
  data.partnerships.forEach((p, index) => {
    const r = random.fork(`impact-${index}`);
    const extra = options.national ? 25 - coreKeys.length : r.int(8, 15) - coreKeys.length;
    const keys = [...coreKeys, ...r.shuffle(others).slice(0, extra)];
    const years = options.national ? 5 : r.int(3, 5);
    const firstYear = LAST_YEAR - years + 1;
    for (const key of keys) {
      const indicator = byKey.get(key)!;
      out.tracked.push({ partnershipId: p.id, indicatorKey: key });
      // The convener's own partnerships show their numbers to everyone on the demo.
      const visibility = index < 2 ? (r.chance(0.7) ? "public" : "community") : visibilityFor(r);
      const source = r.pick(sources);
      let value = startValue(r, indicator.unit);
      const add = (kind: MeasurementKind, period: string, v: number) =>
        out.measurements.push({
          partnershipId: p.id,
          indicatorKey: key,
          kind,
          period,
          value: v,
          visibility,
          source,
        });
      if (!options.national) add("baseline", String(firstYear - 1), value);
      for (let year = firstYear; year <= LAST_YEAR; year++) {
        value = nextValue(r, value, indicator.unit, indicator.direction);
        add("actual", String(year), value);
      }
      if (!options.national) {
        let target = value;
        for (let k = 0; k < 2; k++) target = nextValue(r, target, indicator.unit, indicator.direction);
        add("target", String(LAST_YEAR + 2), target);
      }
    }
    const ownIdea = index % 4 === 1 ? ownIdeas[Math.floor(index / 4) % ownIdeas.length] : undefined;
    if (ownIdea && !options.national) {
      // Its own random stream: the catalog indicators' values stay as they were.
      const o = random.fork(`own-${index}`);
      const key = `own_${index.toString(16).padStart(12, "0")}`;
      out.own.push({ key, ownerPartnershipId: p.id, ...ownIdea });
      out.tracked.push({ partnershipId: p.id, indicatorKey: key });
      let value = o.int(4, 40);
      for (let year = firstYear; year <= LAST_YEAR; year++) {
        value += o.int(0, 12);
        out.measurements.push({
          partnershipId: p.id,
          indicatorKey: key,
          kind: "actual",
          period: String(year),
          value,
          visibility: "community",
          source: "Member survey",
        });
      }
    }
    if (options.national) return;
    for (const idea of r.shuffle(storyIdeas).slice(0, r.int(1, 3))) {
      out.stories.push({
        partnershipId: p.id,
        title: idea.title,
        storyDate: `${LAST_YEAR - r.int(0, 2)}-${String(r.int(1, 12)).padStart(2, "0")}-15`,
        area: idea.area,
        body: idea.body,
        indicatorKeys: keys.includes(idea.key) ? [idea.key] : [],
        visibility: r.chance(0.7) ? "public" : "community",
      });
    }
  });
  return out;
}

/** Rows per statement: one JSON parameter each, so the number of columns does not limit it. */
const BATCH = 25_000;

async function insertJson(
  tx: Executor,
  rows: readonly object[],
  insert: (json: string) => ReturnType<typeof sql>,
) {
  for (let i = 0; i < rows.length; i += BATCH)
    await tx.execute(insert(JSON.stringify(rows.slice(i, i + BATCH))));
}

export async function insertImpactData(tx: Executor, data: ImpactDemoData): Promise<void> {
  await insertJson(
    tx,
    data.own,
    (
      json,
    ) => sql`insert into indicators (key, owner_partnership_id, name, definition, area, unit, direction, rollup)
      select key, "ownerPartnershipId", name, definition, area, unit, direction, 'sum'
      from jsonb_to_recordset(${json}::jsonb)
        as x(key text, "ownerPartnershipId" uuid, name text, definition text, area text, unit text, direction text)`,
  );
  await insertJson(
    tx,
    data.tracked,
    (json) => sql`insert into tracked_indicators (partnership_id, indicator_key)
      select "partnershipId", "indicatorKey" from jsonb_to_recordset(${json}::jsonb)
        as x("partnershipId" uuid, "indicatorKey" text)`,
  );
  await insertJson(
    tx,
    data.measurements,
    (
      json,
    ) => sql`insert into measurements (partnership_id, indicator_key, kind, period, value, visibility, source)
      select "partnershipId", "indicatorKey", kind, period, value, visibility, source
      from jsonb_to_recordset(${json}::jsonb)
        as x("partnershipId" uuid, "indicatorKey" text, kind text, period text, value float8, visibility text, source text)`,
  );
  await insertJson(
    tx,
    data.stories,
    (
      json,
    ) => sql`insert into impact_stories (partnership_id, title, story_date, area, body, indicator_keys, visibility)
      select "partnershipId", title, "storyDate", area, body,
        array(select jsonb_array_elements_text("indicatorKeys")), visibility
      from jsonb_to_recordset(${json}::jsonb)
        as x("partnershipId" uuid, title text, "storyDate" date, area text, body text, "indicatorKeys" jsonb, visibility text)`,
  );
}
