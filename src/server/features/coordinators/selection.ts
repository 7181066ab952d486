/**
 * The partnerships a portfolio view or an annual report covers (core/coordinators.ts
 * scopeSelectionQuery): one scope of the caller, a whole state, or every scope they hold. The
 * community admin may pick any scope or state; others only their own.
 */
import { sql, type SQL } from "drizzle-orm";
import type { ScopeSelection } from "../../../core/coordinators.js";
import { stateByFips } from "../../../core/geography.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { coordinatorAccessLog } from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { translate } from "../../i18n/intl.js";
import { AppError, fieldError } from "../../errors.js";

export interface SelectedPartnerships {
  /** In words, for headings: "Colorado", "Northeast Ohio", "Your scopes", "Every partnership". */
  label: string;
  /** Live partnerships (not deleted), ordered by name. */
  partnershipIds: string[];
}

/** The partnerships of one coordinator scope, as a condition on `p` (a partnerships row). */
function inScopeRow(scopeId: SQL): SQL {
  return sql`exists (
    select 1 from coordinator_scopes s
      join partnership_counties pc on pc.partnership_id = p.id
     where s.id = ${scopeId}
       and ((s.kind = 'state' and pc.state_fips = s.state_fips)
         or (s.kind = 'region' and exists (
           select 1 from coordinator_scope_counties sc
            where sc.scope_id = s.id and sc.county_fips = pc.fips))))`;
}

async function idsWhere(db: Executor, where: SQL): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select p.id from partnerships p where p.deleted_at is null and ${where} order by p.name, p.id`,
  );
  return rows.map((r) => r.id);
}

export async function selectPartnerships(
  db: Executor,
  actor: Actor,
  selection: ScopeSelection,
  /** The language of the label's own words ("Every partnership"); names stay as they are. */
  locale: AppLocale = DEFAULT_LOCALE,
): Promise<SelectedPartnerships> {
  if (selection.scope && selection.state) {
    throw fieldError(
      "state",
      msg({
        id: "server.coordinators.field.scopeOrState",
        defaultMessage: "choose a scope or a state, not both",
      }),
    );
  }
  if (selection.scope) {
    const [scope] = await queryRows<{ user_id: string; kind: string; name: string; state_fips: string }>(
      db,
      sql`select user_id, kind, name, state_fips from coordinator_scopes where id = ${selection.scope}`,
    );
    // Someone else's scope answers as if it did not exist: its existence is not the caller's business.
    if (!scope || (!actor.isAdmin && scope.user_id !== actor.userId)) {
      throw new AppError(
        "not_found",
        msg({
          id: "server.coordinators.scopeNotYours",
          defaultMessage: "That coordinator scope was not found among yours.",
        }),
      );
    }
    const label =
      scope.kind === "state"
        ? (stateByFips(scope.state_fips)?.name ?? scope.state_fips)
        : scope.name ||
          translate(locale, msg({ id: "server.coordinators.label.region", defaultMessage: "Region" }));
    return { label, partnershipIds: await idsWhere(db, inScopeRow(sql`${selection.scope}::uuid`)) };
  }
  if (selection.state) {
    const state = stateByFips(selection.state);
    if (!state) {
      throw fieldError(
        "state",
        msg({ id: "server.coordinators.field.notStateFips", defaultMessage: "is not a state's FIPS code" }),
      );
    }
    if (!actor.isAdmin) {
      const [own] = await queryRows<{ one: number }>(
        db,
        sql`select 1 as one from coordinator_scopes
             where user_id = ${actor.userId} and kind = 'state' and state_fips = ${selection.state}`,
      );
      if (!own) {
        throw new AppError(
          "forbidden",
          msg(
            {
              id: "server.coordinators.stateWholeRefused",
              defaultMessage: "Only the community admin or a state coordinator of {state} may see it whole.",
            },
            { state: state.name },
          ),
        );
      }
    }
    return {
      label: state.name,
      partnershipIds: await idsWhere(
        db,
        sql`exists (select 1 from partnership_counties pc
                     where pc.partnership_id = p.id and pc.state_fips = ${selection.state})`,
      ),
    };
  }
  if (actor.isAdmin)
    return {
      label: translate(
        locale,
        msg({ id: "server.coordinators.label.everyPartnership", defaultMessage: "Every partnership" }),
      ),
      partnershipIds: await idsWhere(db, sql`true`),
    };
  const ids = await idsWhere(
    db,
    sql`exists (select 1 from coordinator_scopes own
                 where own.user_id = ${actor.userId} and ${inScopeRow(sql`own.id`)})`,
  );
  return {
    label: translate(
      locale,
      msg({ id: "server.coordinators.label.yourScopes", defaultMessage: "Your scopes" }),
    ),
    partnershipIds: ids,
  };
}

/**
 * Records one read (`what`, in words) of each partnership's members-only data by a coordinator
 * who has no seat at its table, in one statement. Conveners see it in their access log.
 */
export async function logScopeReads(db: Executor, actor: Actor, partnershipIds: string[], what: string) {
  if (partnershipIds.length === 0) return;
  const seated = await queryRows<{ partnership_id: string }>(
    db,
    sql`select m.partnership_id from memberships m
         where m.person_id = ${actor.personId} and m.left_at is null
           and m.partnership_id = any(${`{${partnershipIds.join(",")}}`}::uuid[])`,
  );
  const own = new Set(seated.map((r) => r.partnership_id));
  const rows = partnershipIds
    .filter((id) => !own.has(id))
    .map((partnershipId) => ({ userId: actor.userId, partnershipId, what }));
  if (rows.length > 0) await db.insert(coordinatorAccessLog).values(rows);
}
