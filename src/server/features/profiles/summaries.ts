import { asc, inArray } from "drizzle-orm";
import { stateByFips } from "../../../core/geography.js";
import type { Profile } from "../../../core/profiles.js";
import type { Stage, Setting } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { naicsCodes, partnershipCounties, partnershipNaics } from "../../../db/schema/index.js";
import { eq } from "drizzle-orm";
import { readTogether } from "../../../db/query.js";

export type PartnershipSummary = Profile["partnership"];

interface Basics {
  id: string;
  slug: string;
  name: string;
  stage: Stage;
  setting: Setting;
}

/** Who a profile is of: name, industries with their titles, states, stage and setting. */
export async function partnershipSummaries(
  db: Executor,
  partnerships: readonly Basics[],
): Promise<Map<string, PartnershipSummary>> {
  const ids = partnerships.map((p) => p.id);
  if (ids.length === 0) return new Map();
  const [codes, places] = await readTogether(db, [
    () =>
      db
        .select({ id: partnershipNaics.partnershipId, code: partnershipNaics.code, title: naicsCodes.title })
        .from(partnershipNaics)
        .leftJoin(naicsCodes, eq(naicsCodes.code, partnershipNaics.code))
        .where(inArray(partnershipNaics.partnershipId, ids))
        .orderBy(asc(partnershipNaics.position), asc(partnershipNaics.code)),
    () =>
      db
        .selectDistinct({ id: partnershipCounties.partnershipId, state: partnershipCounties.stateFips })
        .from(partnershipCounties)
        .where(inArray(partnershipCounties.partnershipId, ids)),
  ]);
  return new Map(
    partnerships.map((p) => [
      p.id,
      {
        id: p.id,
        slug: p.slug,
        name: p.name,
        stage: p.stage,
        setting: p.setting,
        industries: codes
          .filter((c) => c.id === p.id)
          .map((c) => ({ code: c.code, title: c.title ?? c.code })),
        states: [
          ...new Set(places.filter((c) => c.id === p.id).map((c) => stateByFips(c.state)?.abbr ?? c.state)),
        ].sort(),
      },
    ]),
  );
}
