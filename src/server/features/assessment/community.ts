import { and, eq, isNull } from "drizzle-orm";
import type { CommunityResponse } from "../../../core/assessment.js";
import {
  characteristicKeys,
  countRespondents,
  groupVisibility,
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
import type { AppLocale } from "../../../core/i18n/locales.js";
import { localizeRubric } from "../../../core/rubric-translation.js";

/** Aggregates over fewer partnerships than this would let an admin read one partnership's results. */
export const COMMUNITY_MINIMUM = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The Community of Practice's view: each partnership counts once, by its latest closed round
 * whose results its members see (MIN_RESPONDENTS or more respondents); bands and characteristic
 * scores only over 5 or more such partnerships.
 */
export async function communityView(deps: AppDeps, locale: AppLocale): Promise<CommunityResponse> {
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

  const byRound = new Map<
    string,
    { partnershipId: string; closedAt: number; version: number; responses: ScoredResponse[] }
  >();
  for (const r of rows) {
    const round = byRound.get(r.roundId) ?? {
      partnershipId: r.partnershipId,
      closedAt: r.closedAt?.getTime() ?? 0,
      version: r.version,
      responses: [],
    };
    round.responses.push({ sector: r.sector, answers: r.answers });
    byRound.set(r.roundId, round);
  }
  // A round whose members see no score (too few respondents) must not show through an aggregate.
  const latest = new Map<string, { closedAt: number; version: number; responses: ScoredResponse[] }>();
  for (const round of byRound.values()) {
    if (groupVisibility(countRespondents(round.responses)).all !== "shown") continue;
    const seen = latest.get(round.partnershipId);
    if (!seen || round.closedAt > seen.closedAt) latest.set(round.partnershipId, round);
  }
  const partnershipsAssessed = latest.size;
  const names = new Map(
    localizeRubric(current.content, current.translations, locale).characteristics.map((c) => [c.key, c.name]),
  );
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
  const bands: Record<Band, number> = { not_yet: 0, emerging: 0, next_gen: 0 };
  const scores = new Map<string, number[]>(characteristicKeys.map((k) => [k, []]));
  for (const { version, responses } of latest.values()) {
    const rubric = rubrics.get(version);
    if (!rubric) continue;
    const results = scoreResponses(rubric, responses);
    if (results.band) bands[results.band] += 1;
    for (const c of results.characteristics) if (c.all !== null) scores.get(c.key)?.push(c.all);
  }
  // Rounds on different versions score different sets: a characteristic (industry_solutions is
  // new in version 2) is shown only when enough partnerships have a score for it.
  const characteristics = characteristicKeys
    .flatMap((key) => {
      const values = scores.get(key) ?? [];
      if (values.length < COMMUNITY_MINIMUM) return [];
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return [
        {
          key,
          name: names.get(key) ?? key,
          partnerships: values.length,
          mean: roundTo(mean, 1),
          median: roundTo(median(values), 1),
        },
      ];
    })
    .sort((a, b) => a.mean - b.mean);
  return { partnershipsAssessed, minimum: COMMUNITY_MINIMUM, bands, characteristics };
}
