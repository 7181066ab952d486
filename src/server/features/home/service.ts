import { sql } from "drizzle-orm";
import type { CommunityStats, CommunityStories } from "../../../core/home.js";
import { queryRows } from "../../../db/query.js";
import type { AppDeps } from "../../deps.js";

/**
 * The community in four numbers. Industries are NAICS sectors, with manufacturing (31-33), retail
 * (44-45) and transportation (48-49) each counted once, as the census counts them.
 */
export async function communityStats(deps: AppDeps): Promise<CommunityStats> {
  const [row] = await queryRows<CommunityStats>(
    deps.db,
    sql`with live as (select id from partnerships where deleted_at is null)
    select
      (select count(*)::int from live) as partnerships,
      (select count(distinct c.state_fips)::int from partnership_counties c join live on live.id = c.partnership_id) as states,
      (select count(distinct case when left(n.code, 2) in ('31','32','33') then '31'
                                  when left(n.code, 2) in ('44','45') then '44'
                                  when left(n.code, 2) in ('48','49') then '48'
                                  else left(n.code, 2) end)::int
         from partnership_naics n join live on live.id = n.partnership_id) as industries,
      (select count(*)::int from organizations o join live on live.id = o.partnership_id
         where o.kind = 'business' and o.removed_at is null) as businesses`,
  );
  return row ?? { partnerships: 0, states: 0, industries: 0, businesses: 0 };
}

/** The newest public impact stories across all partnerships. */
export async function communityStories(deps: AppDeps, limit: number): Promise<CommunityStories> {
  const rows = await queryRows<{
    id: string;
    title: string;
    date: string;
    area: string;
    body: string;
    partnership_name: string;
    partnership_slug: string;
  }>(
    deps.db,
    sql`select s.id, s.title, s.story_date::text as date, s.area, left(s.body, 600) as body,
        p.name as partnership_name, p.slug as partnership_slug
      from impact_stories s join partnerships p on p.id = s.partnership_id
      where s.visibility = 'public' and s.deleted_at is null and p.deleted_at is null
      order by s.story_date desc, s.created_at desc limit ${limit}`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      date: r.date,
      area: r.area,
      excerpt: excerpt(r.body),
      partnershipName: r.partnership_name,
      partnershipSlug: r.partnership_slug,
    })),
  };
}

/** Markdown reduced to its words, cut at a word near 200 characters. */
function excerpt(markdown: string): string {
  const plain = markdown
    .replace(/\]\([^)]*\)|[#*_>`[\]|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= 200) return plain;
  const cut = plain.slice(0, 200);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 120 ? cut.lastIndexOf(" ") : 200)}…`;
}
