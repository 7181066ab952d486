/** Assigning state and regional coordinators, their view of their scope, and the access log. */
import { accessReadWords } from "../../../core/access-reads.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { translate } from "../../i18n/intl.js";
import { and, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { AccessLog, AssignScopeBody, MyScopes, Scope, ScopeList } from "../../../core/coordinators.js";
import { stateByFips } from "../../../core/geography.js";
import type { Stage } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import {
  coordinatorAccessLog,
  coordinatorScopeCounties,
  coordinatorScopes,
  memberships,
  users,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { can, roleIn } from "../partnerships/policy.js";
import { insertScope, resolveScopeArea } from "./scope-area.js";
import { findPartnership } from "../partnerships/service.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The states a person coordinates (their state scopes). */
async function coordinatedStates(db: Executor, userId: string): Promise<Set<string>> {
  const rows = await db
    .select({ stateFips: coordinatorScopes.stateFips })
    .from(coordinatorScopes)
    .where(and(eq(coordinatorScopes.userId, userId), eq(coordinatorScopes.kind, "state")));
  return new Set(rows.map((r) => r.stateFips));
}

const refusal = msg({
  id: "server.coordinators.manageRefused",
  defaultMessage: "Only a community admin, or a state coordinator for regions of their state, may do this.",
});

const scopeNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.coordinators.scopeNotFound", defaultMessage: "The coordinator scope was not found." }),
  );

/** Community admins manage every scope; a state coordinator manages regions inside their states. */
function mayManage(actor: Actor, states: Set<string>, scope: { kind: string; counties: string[] }): boolean {
  if (actor.isAdmin) return true;
  return (
    scope.kind === "region" &&
    scope.counties.length > 0 &&
    scope.counties.every((fips) => states.has(fips.slice(0, 2)))
  );
}

async function countiesOf(db: Executor, scopeIds: string[]): Promise<Map<string, string[]>> {
  const byScope = new Map<string, string[]>();
  if (scopeIds.length === 0) return byScope;
  const rows = await db
    .select()
    .from(coordinatorScopeCounties)
    .where(inArray(coordinatorScopeCounties.scopeId, scopeIds))
    .orderBy(coordinatorScopeCounties.countyFips);
  for (const row of rows) byScope.set(row.scopeId, [...(byScope.get(row.scopeId) ?? []), row.countyFips]);
  return byScope;
}

async function scopesWhere(db: Executor, where: SQL | undefined): Promise<Scope[]> {
  const assigner = sql<
    string | null
  >`(select name from users a where a.id = ${coordinatorScopes.assignedBy})`;
  const rows = await db
    .select({ scope: coordinatorScopes, email: users.email, userName: users.name, assignedBy: assigner })
    .from(coordinatorScopes)
    .innerJoin(users, eq(users.id, coordinatorScopes.userId))
    .where(where)
    .orderBy(coordinatorScopes.stateFips, coordinatorScopes.kind, users.name, coordinatorScopes.createdAt);
  const byScope = await countiesOf(
    db,
    rows.map((r) => r.scope.id),
  );
  return rows.map(({ scope, email, userName, assignedBy }) => ({
    id: scope.id,
    userId: scope.userId,
    email,
    userName,
    kind: scope.kind,
    stateFips: scope.stateFips,
    name: scope.kind === "state" ? (stateByFips(scope.stateFips)?.name ?? scope.stateFips) : scope.name,
    cbsaCode: scope.cbsaCode,
    counties: byScope.get(scope.id) ?? [],
    assignedBy,
    createdAt: scope.createdAt.toISOString(),
  }));
}

/** Scopes an admin (all, or one state's) or a state coordinator (those of their states) may see. */
export async function listScopes(
  deps: AppDeps,
  actor: Actor,
  query: { stateFips?: string },
): Promise<ScopeList> {
  const states = actor.isAdmin ? null : await coordinatedStates(deps.db, actor.userId);
  if (states && states.size === 0) throw new AppError("forbidden", refusal);
  const wanted = query.stateFips ? [query.stateFips] : states ? [...states] : null;
  if (states && query.stateFips && !states.has(query.stateFips)) throw new AppError("forbidden", refusal);
  return {
    // Service tokens' scopes are listed on the service tokens page, not among people's.
    items: await scopesWhere(
      deps.db,
      and(eq(users.isService, false), wanted ? inArray(coordinatorScopes.stateFips, wanted) : undefined),
    ),
  };
}

/** Gives a person a state or a regional scope. */
export async function assignScope(deps: AppDeps, actor: Actor, body: AssignScopeBody): Promise<Scope> {
  return deps.db.transaction(async (tx) => {
    const states = actor.isAdmin ? new Set<string>() : await coordinatedStates(tx, actor.userId);
    if (!actor.isAdmin && states.size === 0) throw new AppError("forbidden", refusal);
    if (!actor.isAdmin && body.kind === "state") {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.coordinators.stateAdminOnly",
          defaultMessage: "Only a community admin may assign a state coordinator.",
        }),
      );
    }
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      // A service account is answered like an unknown address: its scope comes with its token.
      .where(
        and(
          eq(users.email, body.email.trim().toLowerCase()),
          isNull(users.deletedAt),
          eq(users.isService, false),
        ),
      );
    if (!user) {
      throw fieldError(
        "email",
        msg({
          id: "server.coordinators.field.noAccount",
          defaultMessage: "no account uses this e-mail; ask the person to sign up first",
        }),
      );
    }

    const area = await resolveScopeArea(tx, body);
    if (!mayManage(actor, states, { kind: body.kind, counties: area.counties })) {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.coordinators.regionsInOwnStates",
          defaultMessage: "A state coordinator may assign regions only inside their own states.",
        }),
      );
    }
    const scopeId = await insertScope(tx, area, {
      userId: user.id,
      assignedBy: actor.userId,
      createdAt: deps.now(),
    });
    const [made] = await scopesWhere(tx, eq(coordinatorScopes.id, scopeId));
    return made;
  });
}

/** Removes a scope: its coordinator loses the access at once. */
export async function removeScope(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  if (!uuidPattern.test(id)) throw scopeNotFound();
  await deps.db.transaction(async (tx) => {
    const [scope] = await scopesWhere(tx, eq(coordinatorScopes.id, id));
    if (!scope) throw scopeNotFound();
    const states = actor.isAdmin ? new Set<string>() : await coordinatedStates(tx, actor.userId);
    if (!mayManage(actor, states, scope)) throw new AppError("forbidden", refusal);
    await tx.delete(coordinatorScopes).where(eq(coordinatorScopes.id, id));
  });
}

/** The caller's scopes and every partnership in them. */
export async function myScopes(deps: AppDeps, actor: Actor): Promise<MyScopes> {
  const scopes = await scopesWhere(deps.db, eq(coordinatorScopes.userId, actor.userId));
  if (scopes.length === 0) return { scopes, partnerships: [] };
  const rows = await queryRows<{
    id: string;
    name: string;
    slug: string;
    stage: Stage;
    scope_ids: string[];
    states: string[];
  }>(
    deps.db,
    sql`select p.id, p.name, p.slug, p.stage,
          array_agg(distinct s.id::text) as scope_ids,
          (select array_agg(distinct left(c.fips, 2)) from partnership_counties c
            where c.partnership_id = p.id) as states
        from coordinator_scopes s
        join partnerships p on p.deleted_at is null and exists (
          select 1 from partnership_counties pc
          where pc.partnership_id = p.id
            and ((s.kind = 'state' and pc.state_fips = s.state_fips)
              or (s.kind = 'region' and exists (
                select 1 from coordinator_scope_counties sc
                where sc.scope_id = s.id and sc.county_fips = pc.fips))))
        where s.user_id = ${actor.userId}
        group by p.id, p.name, p.slug, p.stage
        order by p.name`,
  );
  const seats =
    rows.length === 0
      ? []
      : await deps.db
          .select({ partnershipId: memberships.partnershipId, role: memberships.role })
          .from(memberships)
          .where(
            and(
              eq(memberships.personId, actor.personId),
              isNull(memberships.leftAt),
              inArray(
                memberships.partnershipId,
                rows.map((r) => r.id),
              ),
            ),
          );
  const roleOf = new Map(seats.map((s) => [s.partnershipId, s.role]));
  return {
    scopes,
    partnerships: rows.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      stage: r.stage,
      states: (r.states ?? []).map((f) => stateByFips(f)?.abbr ?? f).sort((a, b) => a.localeCompare(b)),
      role: roleOf.get(r.id) ?? null,
      scopeIds: [...r.scope_ids].sort(),
    })),
  };
}

/** The coordinators' reads of a partnership's members-only data, newest first (conveners). */
export async function accessLog(
  deps: AppDeps,
  actor: Actor,
  id: string,
  query: { offset: number; limit: number },
  locale: AppLocale = DEFAULT_LOCALE,
): Promise<AccessLog> {
  const partnership = await findPartnership(deps.db, id);
  if (!can(actor, await roleIn(deps.db, partnership.id, actor), "edit")) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.coordinators.accessLogConvenersOnly",
        defaultMessage:
          "Only a convener of this partnership may see who read it through a coordinator's scope.",
      }),
    );
  }
  const where = eq(coordinatorAccessLog.partnershipId, partnership.id);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        id: coordinatorAccessLog.id,
        userName: users.name,
        email: users.email,
        viaServiceToken: users.isService,
        what: coordinatorAccessLog.what,
        at: coordinatorAccessLog.at,
      })
      .from(coordinatorAccessLog)
      .innerJoin(users, eq(users.id, coordinatorAccessLog.userId))
      .where(where)
      .orderBy(desc(coordinatorAccessLog.at), desc(coordinatorAccessLog.id))
      .limit(query.limit)
      .offset(query.offset),
    deps.db.select({ n: count() }).from(coordinatorAccessLog).where(where),
  ]);
  return {
    items: rows.map((r) => {
      const words = accessReadWords(r.what);
      return { ...r, what: words ? translate(locale, words) : r.what, at: r.at.toISOString() };
    }),
    total: total.n,
    offset: query.offset,
    limit: query.limit,
  };
}
