import { and, eq, isNull } from "drizzle-orm";
import type { CommunityResponse } from "../../../core/assessment.js";
import {
  characteristicKeys,
  roundTo,
  scoreResponses,
  type Band,
  type RubricContent,
  type ScoredResponse,
} from "../../../core/assessment-scoring.js";
import {
  assessmentResponses,
  assessmentRounds,
  assessmentRubrics,
  partnerships,
} from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { currentRubricRow } from "./rubric-service.js";

/** Aggregates over fewer partnerships than this would let an admin read one partnership's results. */
export const COMMUNITY_MINIMUM = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The Community of Practice's view: each partnership counts once, by its latest closed round
 * with at least one respondent; bands and characteristic scores only over 5 or more of them.
 */
export async function communityView(deps: AppDeps): Promise<CommunityResponse> {
  const current = await currentRubricRow(deps);
  const rows = await deps.db
    .select({
      roundId: assessmentRounds.id,
      partnershipId: assessmentRounds.partnershipId,
      closedAt: assessmentRounds.closedAt,
      version: assessmentRounds.rubricVersion,
      sector: assessmentResponses.sector,
      answers: assessmentResponses.answers,
    })
    .from(assessmentRounds)
    .innerJoin(partnerships, eq(partnerships.id, assessmentRounds.partnershipId))
    .innerJoin(assessmentResponses, eq(assessmentResponses.roundId, assessmentRounds.id))
    .where(and(eq(assessmentRounds.status, "closed"), isNull(partnerships.deletedAt)));

  const latest = new Map<string, { roundId: string; closedAt: number; version: number }>();
  for (const r of rows) {
    const at = r.closedAt?.getTime() ?? 0;
    const seen = latest.get(r.partnershipId);
    if (!seen || at > seen.closedAt)
      latest.set(r.partnershipId, { roundId: r.roundId, closedAt: at, version: r.version });
  }
  const partnershipsAssessed = latest.size;
  const names = new Map(current.content.characteristics.map((c) => [c.key, c.name]));
  if (partnershipsAssessed < COMMUNITY_MINIMUM) {
    return { partnershipsAssessed, minimum: COMMUNITY_MINIMUM, bands: null, characteristics: null };
  }

  const rubrics = new Map<number, RubricContent>(
    (
      await deps.db
        .select({ version: assessmentRubrics.version, content: assessmentRubrics.content })
        .from(assessmentRubrics)
    ).map((r) => [r.version, r.content]),
  );
  const byRound = new Map<string, ScoredResponse[]>();
  for (const r of rows) {
    const list = byRound.get(r.roundId) ?? [];
    list.push({ sector: r.sector, answers: r.answers });
    byRound.set(r.roundId, list);
  }
  const bands: Record<Band, number> = { not_yet: 0, emerging: 0, next_gen: 0 };
  const scores = new Map<string, number[]>(characteristicKeys.map((k) => [k, []]));
  for (const { roundId, version } of latest.values()) {
    const rubric = rubrics.get(version);
    if (!rubric) continue;
    const results = scoreResponses(rubric, byRound.get(roundId) ?? []);
    if (results.band) bands[results.band] += 1;
    for (const c of results.characteristics) if (c.all !== null) scores.get(c.key)?.push(c.all);
  }
  const characteristics = characteristicKeys
    .map((key) => {
      const values = scores.get(key) ?? [];
      const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
      return { key, name: names.get(key) ?? key, mean: roundTo(mean, 1), median: roundTo(median(values), 1) };
    })
    .sort((a, b) => a.mean - b.mean);
  return { partnershipsAssessed, minimum: COMMUNITY_MINIMUM, bands, characteristics };
}
