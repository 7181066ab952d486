import { inArray } from "drizzle-orm";
import type {
  Direction,
  FundingSource,
  ImpactArea,
  IndicatorUnit,
  RollupRule,
} from "../../../core/impact.js";
import { BUSINESSES_ENGAGED, EMPLOYER_VALUE, catalogEntries } from "../../../core/indicator-catalog.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import type { Executor } from "../../../db/open.js";
import { indicators } from "../../../db/schema/index.js";

export { BUSINESSES_ENGAGED, EMPLOYER_VALUE };

/** A default indicator as the database keeps it: its shipped English words. */
interface CatalogRow {
  key: string;
  name: string;
  area: ImpactArea;
  unit: IndicatorUnit;
  direction: Direction;
  definition: string;
  rollup?: RollupRule;
  fundingSource?: FundingSource;
}

export const computedIndicators: ReadonlyMap<string, Msg> = new Map([
  [
    BUSINESSES_ENGAGED,
    msg({
      id: "server.impact.computedFromMembers",
      defaultMessage: "Shared Table counts it from the partnership's members",
    }),
  ],
  [
    EMPLOYER_VALUE,
    msg({
      id: "server.impact.computedFromValueCheck",
      defaultMessage: "Shared Table computes it from the closed employer value check",
    }),
  ],
]);

/**
 * The default catalog (core/indicator-catalog.ts) in English, as it is seeded: the pages read a
 * shipped text in the reader's language while the row still holds this English.
 */
export const defaultCatalog: readonly CatalogRow[] = catalogEntries.map(({ name, definition, ...entry }) => ({
  ...entry,
  name: name.defaultMessage,
  definition: definition.defaultMessage,
}));

/** Counts and dollars sum across partnerships; rates and days are compared (DOMAIN.md). */
export function rollupFor(unit: IndicatorUnit): RollupRule {
  if (unit === "yes_no") return "share";
  return unit === "count" || unit === "dollars" ? "sum" : "compare";
}

/**
 * Adds the default indicators a database does not have yet. Existing rows are left as the
 * community admins edited them, so a new release can add defaults without undoing edits.
 */
export async function ensureIndicatorCatalog(db: Executor): Promise<void> {
  // Usually all there: one read instead of writing the whole catalog on every start.
  const present = await db
    .select({ key: indicators.key })
    .from(indicators)
    .where(
      inArray(
        indicators.key,
        defaultCatalog.map((entry) => entry.key),
      ),
    );
  const have = new Set(present.map((r) => r.key));
  const missing = defaultCatalog
    .map((entry, position) => ({ ...entry, rollup: entry.rollup ?? rollupFor(entry.unit), position }))
    .filter((entry) => !have.has(entry.key));
  if (missing.length === 0) return;
  await db.insert(indicators).values(missing).onConflictDoNothing();
}
