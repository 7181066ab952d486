/**
 * A coordinator's read access to the partnerships of their scope. Features resolve the caller's
 * role for READING with `readRole`: a member keeps their own role; a coordinator without a seat
 * reads as an observer, and the access is logged for the partnership's conveners. Writes keep
 * using `roleIn`, so a coordinator never gets a write through a scope.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { coordinatorAccessLog } from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { roleIn } from "../partnerships/policy.js";

/**
 * Whether one of the user's scopes includes the partnership: a state scope when any of its
 * counties is in that state (a county FIPS code starts with its state's), a regional scope when
 * any of its counties is one of the region's. As a condition, for answers built in one statement.
 */
export function inScopeCondition(partnershipId: SQL, userId: string): SQL {
  return sql`exists (
    select 1 from coordinator_scopes s
    where s.user_id = ${userId}
      and exists (
        select 1 from partnership_counties pc
        where pc.partnership_id = ${partnershipId}
          and (
            (s.kind = 'state' and pc.state_fips = s.state_fips)
            or (s.kind = 'region' and exists (
              select 1 from coordinator_scope_counties sc
              where sc.scope_id = s.id and sc.county_fips = pc.fips))
          )))`;
}

export async function inScope(db: Executor, partnershipId: string, userId: string): Promise<boolean> {
  const rows = await queryRows<{ yes: boolean }>(
    db,
    sql`select ${inScopeCondition(sql`${partnershipId}`, userId)} as yes`,
  );
  return rows[0]?.yes === true;
}

/** Records that a coordinator read a partnership's members-only data. */
export async function logAccess(db: Executor, partnershipId: string, actor: Actor, what: string) {
  await db.insert(coordinatorAccessLog).values({ userId: actor.userId, partnershipId, what });
}

/**
 * Reading through a scope: true (and logged) when the caller is not at the table but the
 * partnership is in one of their scopes. Call only when the caller has no role of their own.
 */
export async function scopeRead(
  db: Executor,
  partnershipId: string,
  actor: Actor | null,
  what: string,
): Promise<boolean> {
  if (!actor) return false;
  if (!(await inScope(db, partnershipId, actor.userId))) return false;
  await logAccess(db, partnershipId, actor, what);
  return true;
}

/**
 * The caller's role for READING a partnership's members-only data (`what`, in words, for the
 * log): their own role, or "observer" through a coordinator scope. Never use it for a write.
 */
export async function readRole(
  db: Executor,
  partnershipId: string,
  actor: Actor | null,
  what: string,
): Promise<Role | null> {
  const role = await roleIn(db, partnershipId, actor);
  if (role !== null || !actor) return role;
  return (await scopeRead(db, partnershipId, actor, what)) ? "observer" : null;
}

/** As readRole, without logging: for pages that only decide what to offer (the workspace's tabs). */
export async function viewRole(
  db: Executor,
  partnershipId: string,
  actor: Actor | null,
): Promise<Role | null> {
  const role = await roleIn(db, partnershipId, actor);
  if (role !== null || !actor) return role;
  return (await inScope(db, partnershipId, actor.userId)) ? "observer" : null;
}
