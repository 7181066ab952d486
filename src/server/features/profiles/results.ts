import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Audience, Indicator } from "../../../core/impact.js";
import { visibleTo } from "../../../core/impact.js";
import { indicatorTrend, type ProfileIndicator, type ProfileStory } from "../../../core/profiles.js";
import type { Executor } from "../../../db/open.js";
import { impactStories, measurements, trackedIndicators } from "../../../db/schema/index.js";
import { renderMarkdown } from "../../lib/markdown.js";
import { loadCatalog } from "../impact/indicators-service.js";

/**
 * The measurable results of a profile, read live at each request: the featured indicators'
 * actual values the reader may see (the same rule as the impact pages: a value shows only when
 * its own visibility allows the reader; the others are counted, never shown), and the featured
 * stories the reader may read.
 */
export async function liveResults(
  db: Executor,
  partnershipId: string,
  audience: Audience,
  chosen: { indicators: readonly string[]; stories: readonly string[] },
): Promise<{ indicators: ProfileIndicator[]; stories: ProfileStory[] }> {
  const readable = new Set(visibleTo(audience));
  const [catalog, tracked, values, stories] = await Promise.all([
    chosen.indicators.length ? loadCatalog(db, partnershipId) : new Map<string, Indicator>(),
    chosen.indicators.length
      ? db
          .select({ key: trackedIndicators.indicatorKey })
          .from(trackedIndicators)
          .where(
            and(
              eq(trackedIndicators.partnershipId, partnershipId),
              inArray(trackedIndicators.indicatorKey, [...chosen.indicators]),
            ),
          )
      : [],
    chosen.indicators.length
      ? db
          .select({
            key: measurements.indicatorKey,
            period: measurements.period,
            value: measurements.value,
            visibility: measurements.visibility,
          })
          .from(measurements)
          .where(
            and(
              eq(measurements.partnershipId, partnershipId),
              eq(measurements.kind, "actual"),
              inArray(measurements.indicatorKey, [...chosen.indicators]),
            ),
          )
      : [],
    chosen.stories.length
      ? db
          .select()
          .from(impactStories)
          .where(
            and(
              eq(impactStories.partnershipId, partnershipId),
              inArray(impactStories.id, [...chosen.stories]),
              isNull(impactStories.deletedAt),
              inArray(impactStories.visibility, [...readable]),
            ),
          )
      : [],
  ]);
  const trackedKeys = new Set(tracked.map((t) => t.key));
  const indicators = chosen.indicators.flatMap((key): ProfileIndicator[] => {
    const indicator = catalog.get(key);
    if (!indicator || !trackedKeys.has(key)) return [];
    const own = values.filter((v) => v.key === key);
    const shown = own.filter((v) => readable.has(v.visibility));
    return [
      {
        key,
        name: indicator.name,
        area: indicator.area,
        unit: indicator.unit,
        direction: indicator.direction,
        custom: indicator.custom,
        ...indicatorTrend(shown, indicator.direction),
        hiddenValues: own.length - shown.length,
      },
    ];
  });
  const byId = new Map(stories.map((s) => [s.id, s]));
  return {
    indicators,
    stories: chosen.stories.flatMap((id) => {
      const s = byId.get(id);
      return s
        ? [
            {
              id: s.id,
              title: s.title,
              date: s.storyDate,
              area: s.area,
              html: renderMarkdown(s.body),
              visibility: s.visibility,
            },
          ]
        : [];
    }),
  };
}
