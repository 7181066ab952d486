/**
 * The changes since a moment, for a state system's nightly copy (see core/sync.ts): the
 * partnerships (their public profile) and the impact values the caller may read, with the
 * same rule as the Impact pages: everyone reads public values, a signed-in person (or their
 * token) community ones too, a member their partnership's own. A value deleted, or no longer
 * shared with the caller, comes back as removed, but only to a caller who could read it before.
 * A coordinator (or a service token, which holds one scope) also reads the members-only values of
 * the partnerships of their scopes, each such read logged for the partnership's conveners.
 * `scope` and `state` narrow a listing to some partnerships.
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import {
  encodeCursor,
  decodeCursor,
  SETTLE_MS,
  type MeasurementsSyncPage,
  type PartnershipsSyncPage,
  type SyncQuery,
} from "../../../core/sync.js";
import { queryRows } from "../../../db/query.js";
import { memberships } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { partnershipInScope, partnershipInScopesOf, partnershipInState } from "../coordinators/scope-sql.js";
import { logScopeReads, selectPartnerships } from "../coordinators/selection.js";

/** A change time with its microseconds, in UTC: cursors compare it exactly. */
const micros = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

interface Window {
  since: string | null;
  until: string;
  after: { at: string; id: string } | null;
  limit: number;
}

/** The listing's bounds: a new one ends a few seconds ago; a cursor keeps its listing's end. */
function windowOf(deps: AppDeps, query: SyncQuery): Window {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  return {
    since: query.updatedSince ?? null,
    until: cursor?.until ?? new Date(deps.now().getTime() - SETTLE_MS).toISOString(),
    after: cursor ? { at: cursor.after, id: cursor.id } : null,
    limit: query.limit,
  };
}

/** `column` within the window and after the cursor, for a change time and an id. */
function inWindow(window: Window, changed: SQL, id: SQL): SQL {
  return sql`${changed} < ${window.until}::timestamptz
    ${window.since ? sql`and ${changed} >= ${window.since}::timestamptz` : sql``}
    ${window.after ? sql`and (${changed}, ${id}) > (${window.after.at}::timestamptz, ${window.after.id}::uuid)` : sql``}`;
}

function page<T extends { id: string }>(
  rows: (T & { cursorAt: string })[],
  window: Window,
): { items: T[]; until: string; nextCursor: string | null } {
  const more = rows.length > window.limit;
  const shown = rows.slice(0, window.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(({ cursorAt: _cursorAt, ...item }) => item as unknown as T),
    until: window.until,
    nextCursor:
      more && last ? encodeCursor({ until: window.until, after: last.cursorAt, id: last.id }) : null,
  };
}

/**
 * The listing's `scope` or `state` filter as a condition on `p`, authorized like a portfolio
 * (selection.ts): a scope must be the caller's own (or any, for the admin); a whole state's values
 * are for its state coordinators and the admin, while anyone may narrow public profiles by state.
 */
async function filterOf(
  deps: AppDeps,
  actor: Actor | null,
  query: SyncQuery,
  values: boolean,
): Promise<SQL | null> {
  if (query.scope && query.state) {
    throw fieldError(
      "state",
      msg({ id: "server.sync.field.scopeOrState", defaultMessage: "choose a scope or a state, not both" }),
    );
  }
  if (!query.scope && !query.state) return null;
  if (query.scope || values) {
    if (!actor) {
      throw new AppError(
        "unauthenticated",
        msg({
          id: "server.sync.signInOrToken",
          defaultMessage: "Sign in, or send a token, to copy a coordinator scope or a state's values.",
        }),
      );
    }
    await selectPartnerships(deps.db, actor, { scope: query.scope, state: query.state });
  }
  return query.scope ? partnershipInScope(sql`${query.scope}::uuid`) : partnershipInState(query.state ?? "");
}

export async function syncPartnerships(
  deps: AppDeps,
  actor: Actor | null,
  query: SyncQuery,
): Promise<PartnershipsSyncPage> {
  const window = windowOf(deps, query);
  const filter = await filterOf(deps, actor, query, false);
  const rows = await queryRows<PartnershipsSyncPage["items"][number] & { cursorAt: string }>(
    deps.db,
    sql`
      select p.id, p.slug, p.name, p.stage, p.setting, p.website,
             ${micros("p.updated_at")} as "updatedAt", ${micros("p.updated_at")} as "cursorAt",
             p.deleted_at is not null as deleted,
             (select coalesce(json_agg(n.code order by n.code), '[]'::json)
              from partnership_naics n where n.partnership_id = p.id) as naics,
             (select coalesce(json_agg(c.fips order by c.fips), '[]'::json)
              from partnership_counties c where c.partnership_id = p.id) as counties
      from partnerships p
      where ${inWindow(window, sql`p.updated_at`, sql`p.id`)}
        ${filter ? sql`and ${filter}` : sql``}
      order by p.updated_at, p.id
      limit ${window.limit + 1}`,
  );
  return page(rows, window);
}

/** The partnerships whose own values the caller reads: their current memberships. */
async function memberOf(deps: AppDeps, actor: Actor | null): Promise<string[]> {
  if (!actor) return [];
  const rows = await deps.db
    .select({ id: memberships.partnershipId })
    .from(memberships)
    .where(and(eq(memberships.personId, actor.personId), isNull(memberships.leftAt)));
  return rows.map((r) => r.id);
}

export async function syncMeasurements(
  deps: AppDeps,
  actor: Actor | null,
  query: SyncQuery,
): Promise<MeasurementsSyncPage> {
  const window = windowOf(deps, query);
  const filter = await filterOf(deps, actor, query, true);
  const members = await memberOf(deps, actor);
  const scoped = await scopedFor(deps, actor);
  const insiders = [...new Set([...members, ...scoped])];
  /** Whether the caller may read a value of this visibility of this partnership. */
  const readable = (visibility: SQL, partnershipId: SQL) =>
    sql`(${visibility} = 'public'
         ${actor ? sql`or ${visibility} = 'community'` : sql``}
         or ${partnershipId} = any(${sql.param(insiders)}::uuid[]))`;
  const narrowed = (partnershipId: SQL) =>
    filter ? sql`and ${partnershipId} in (select p.id from partnerships p where ${filter})` : sql``;
  const rows = await queryRows<MeasurementsSyncPage["items"][number] & { cursorAt: string }>(
    deps.db,
    sql`
      with changes as (
        select m.id, false as removed, m.partnership_id, m.indicator_key, i.unit, m.kind, m.period,
               m.value, m.visibility, m.source, m.entered_at as changed_at
        from measurements m
        join partnerships p on p.id = m.partnership_id and p.deleted_at is null
        left join indicators i on i.key = m.indicator_key
        where ${inWindow(window, sql`m.entered_at`, sql`m.id`)}
          and ${readable(sql`m.visibility`, sql`m.partnership_id`)}
          ${narrowed(sql`m.partnership_id`)}
        union all
        -- Changed to a visibility the caller may not read: removed, if they could read it before.
        select m.id, true, m.partnership_id, null, null, null, null, null, null, null, m.entered_at
        from measurements m
        where ${inWindow(window, sql`m.entered_at`, sql`m.id`)}
          and not ${readable(sql`m.visibility`, sql`m.partnership_id`)}
          ${narrowed(sql`m.partnership_id`)}
          and exists (
            select 1 from (
              select r.visibility from measurement_revisions r
              where r.measurement_id = m.id order by r.version desc limit 1
            ) before
            where ${readable(sql`before.visibility`, sql`m.partnership_id`)})
        union all
        select d.measurement_id, true, d.partnership_id, null, null, null, null, null, null, null, d.deleted_at
        from measurement_deletions d
        where ${inWindow(window, sql`d.deleted_at`, sql`d.measurement_id`)}
          and ${readable(sql`d.visibility`, sql`d.partnership_id`)}
          ${narrowed(sql`d.partnership_id`)}
      )
      select id, removed, partnership_id as "partnershipId", indicator_key as "indicatorKey", unit, kind,
             period, value, visibility, source,
             ${micros("changed_at")} as "changedAt", ${micros("changed_at")} as "cursorAt"
      from changes
      order by changed_at, id
      limit ${window.limit + 1}`,
  );
  const shown = page(rows, window);
  if (actor && scoped.length > 0) {
    // Logged once per partnership per page: the members-only values read through a scope.
    const viaScope = new Set(scoped.filter((id) => !members.includes(id)));
    const read = new Set(
      shown.items
        .filter((m) => !m.removed && m.visibility === "partnership" && viaScope.has(m.partnershipId))
        .map((m) => m.partnershipId),
    );
    await logScopeReads(deps.db, actor, [...read], "impact values (bulk sync)");
  }
  return shown;
}

/** The live partnerships of the caller's coordinator scopes: their members-only values are readable. */
async function scopedFor(deps: AppDeps, actor: Actor | null): Promise<string[]> {
  if (!actor) return [];
  const rows = await queryRows<{ id: string }>(
    deps.db,
    sql`select p.id from partnerships p where p.deleted_at is null and ${partnershipInScopesOf(actor.userId)}`,
  );
  return rows.map((r) => r.id);
}
