/**
 * Scope membership as SQL conditions on `p` (a partnerships row), for listings that filter in the
 * database (the sync endpoints) and must keep removed partnerships in view, which
 * selection.ts (live partnerships only) leaves out.
 */
import { sql, type SQL } from "drizzle-orm";

/** `p` is in the coordinator scope whose id is `scopeId`. */
export function partnershipInScope(scopeId: SQL): SQL {
  return sql`exists (
    select 1 from coordinator_scopes s
      join partnership_counties pc on pc.partnership_id = p.id
     where s.id = ${scopeId}
       and ((s.kind = 'state' and pc.state_fips = s.state_fips)
         or (s.kind = 'region' and exists (
           select 1 from coordinator_scope_counties sc
            where sc.scope_id = s.id and sc.county_fips = pc.fips))))`;
}

/** `p` is in one of this user's coordinator scopes. */
export function partnershipInScopesOf(userId: string): SQL {
  return sql`exists (select 1 from coordinator_scopes own
                      where own.user_id = ${userId} and ${partnershipInScope(sql`own.id`)})`;
}

/** `p` has a county in this state. */
export function partnershipInState(stateFips: string): SQL {
  return sql`exists (select 1 from partnership_counties pcs
                      where pcs.partnership_id = p.id and pcs.state_fips = ${stateFips})`;
}
