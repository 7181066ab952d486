import { msg } from "../../../core/i18n/msg.js";
/**
 * A partnership's public profile in one round trip: the partnership, its industries, counties,
 * conveners, who sits at its table and the caller's role come back as one JSON value that
 * PostgreSQL builds. Each statement costs the server and the database a round trip (a write, a
 * wake-up, a parse of the answer), which under load weighed more than the reads themselves:
 * the profile took six.
 */
import { sql, type SQL } from "drizzle-orm";
import { stateByFips } from "../../../core/geography.js";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import type { OrganizationKind, Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { Actor } from "../../deps.js";
import { notFound } from "../../errors.js";
import { utcTime } from "../../lib/sql.js";
import { inScopeCondition } from "../coordinators/scope.js";
import { isPartnershipId } from "./find.js";
import { permissionsFor } from "./policy.js";

interface ProfileJson extends Omit<PartnershipDetail, "states" | "counties" | "table" | "permissions"> {
  counties: { fips: string; name: string; stateFips: string }[];
  businesses: number;
  publicPartners: number;
  publicKinds: OrganizationKind[] | null;
  role: Role | null;
  inScope: boolean;
}

/** The caller's own seat, else "observer" through a coordinator scope (as viewRole decides). */
function roleColumns(actor: Actor | null): SQL {
  if (!actor) return sql`'role', null, 'inScope', false`;
  return sql`'role', (select m.role from memberships m
                      where m.partnership_id = p.id and m.person_id = ${actor.personId} and m.left_at is null),
             'inScope', ${inScopeCondition(sql`p.id`, actor.userId)}`;
}

export async function readPartnershipProfile(
  db: Executor,
  idOrSlug: string,
  actor: Actor | null,
): Promise<PartnershipDetail> {
  const which = isPartnershipId(idOrSlug) ? sql`p.id = ${idOrSlug}` : sql`p.slug = ${idOrSlug}`;
  const [row] = await queryRows<{ profile: ProfileJson }>(
    db,
    sql`
    select json_build_object(
      'id', p.id, 'slug', p.slug, 'name', p.name, 'description', p.description,
      'setting', p.setting, 'stage', p.stage, 'launchDate', p.launch_date,
      'contactName', p.contact_name, 'contactEmail', p.contact_email,
      'contactPhone', p.contact_phone, 'website', p.website, 'version', p.version,
      'createdAt', p.created_at, 'updatedAt', p.updated_at,
      'naics', (select coalesce(json_agg(json_build_object('code', n.code, 'title', coalesce(c.title, n.code))
                  order by n.position, n.code), '[]'::json)
                from partnership_naics n left join naics_codes c on c.code = n.code
                where n.partnership_id = p.id),
      'counties', (select coalesce(json_agg(json_build_object('fips', c.fips, 'name', c.name, 'stateFips', c.state_fips)
                     order by c.state_fips, c.name), '[]'::json)
                   from partnership_counties pc join counties c on c.fips = pc.fips
                   where pc.partnership_id = p.id),
      'conveners', (select coalesce(json_agg(json_build_object('name', pe.name, 'organization', o.name)
                      order by pe.name), '[]'::json)
                    from memberships m join people pe on pe.id = m.person_id
                    left join organizations o on o.id = m.organization_id
                    where m.partnership_id = p.id and m.role = 'convener' and m.left_at is null),
      'businesses', (select count(*) from organizations o
                     where o.partnership_id = p.id and o.removed_at is null and o.kind = 'business'),
      'publicPartners', (select count(*) from organizations o
                         where o.partnership_id = p.id and o.removed_at is null and o.kind <> 'business'),
      'publicKinds', (select json_agg(distinct o.kind) from organizations o
                      where o.partnership_id = p.id and o.removed_at is null and o.kind <> 'business'),
      ${roleColumns(actor)}
    ) as profile
    from partnerships p
    where ${which} and p.deleted_at is null`,
  );
  if (!row)
    throw notFound(
      msg({
        id: "server.partnerships.thePartnershipNotFound",
        defaultMessage: "The partnership was not found.",
      }),
    );
  const { counties, businesses, publicPartners, publicKinds, role, inScope, ...profile } = row.profile;
  const stateFips = [...new Set(counties.map((c) => c.stateFips))];
  return {
    ...profile,
    createdAt: utcTime(profile.createdAt),
    updatedAt: utcTime(profile.updatedAt),
    states: stateFips.flatMap((f) => {
      const s = stateByFips(f);
      return s ? [s] : [];
    }),
    counties: counties.map((c) => ({
      fips: c.fips,
      name: c.name,
      state: stateByFips(c.stateFips)?.abbr ?? c.stateFips,
    })),
    table: { businesses, publicPartners, publicKinds: publicKinds ?? [] },
    permissions: permissionsFor(actor, role ?? (inScope ? "observer" : null)),
  };
}
