import { sql } from "drizzle-orm";
import type { Visibility } from "../../../core/impact.js";
import { naicsSector } from "../../../core/naics.js";
import type { Setting } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { periodValues, type AnswerCache } from "../../lib/answer-cache.js";
import { rememberValue } from "./cache.js";

/** What peer groups and roll-up breakdowns need to know about a partnership. */
export interface PeerProfile {
  name: string;
  slug: string;
  setting: Setting;
  /** The NAICS sector of its main (first) industry code: "31-33", "62". */
  sector: string;
  /** The state (FIPS) where most of its counties lie. */
  state: string;
  named: boolean;
}

export function peerProfiles(db: Executor, answers: AnswerCache): Promise<Map<string, PeerProfile>> {
  return rememberValue(answers, "impact:profiles", async () => {
    const rows = await queryRows<{
      id: string;
      name: string;
      slug: string;
      setting: Setting;
      main_code: string | null;
      state: string | null;
      named: boolean;
    }>(
      db,
      sql`select p.id, p.name, p.slug, p.setting, coalesce(s.named_in_benchmarks, false) as named,
            (select n.code from partnership_naics n where n.partnership_id = p.id
              order by n.position, n.code limit 1) as main_code,
            (select c.state_fips from partnership_counties c where c.partnership_id = p.id
              group by c.state_fips order by count(*) desc, c.state_fips limit 1) as state
          from partnerships p left join impact_settings s on s.partnership_id = p.id
          where p.deleted_at is null`,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          name: r.name,
          slug: r.slug,
          setting: r.setting,
          sector: r.main_code ? naicsSector(r.main_code) : "",
          state: r.state ?? "",
          named: r.named,
        },
      ]),
    );
  });
}

export interface PeerValue {
  id: string;
  value: number;
}

/** Every partnership's actual value of one indicator and period that the visibilities allow. */
export function peerValues(
  db: Executor,
  answers: AnswerCache,
  indicator: string,
  period: string,
  shared: readonly Visibility[],
): Promise<PeerValue[]> {
  return rememberValue(
    answers,
    `${periodValues(period)}:peers:${indicator}:${period}:${shared.join(",")}`,
    async () =>
      queryRows<PeerValue>(
        db,
        sql`select m.partnership_id as id, m.value from measurements m
          where m.indicator_key = ${indicator} and m.period = ${period} and m.kind = 'actual'
            and m.visibility in (${sql.join(
              shared.map((v) => sql`${v}`),
              sql`, `,
            )})`,
      ),
  );
}
