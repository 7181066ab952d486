/**
 * Regional support teams: creating one (the creator becomes its convener), reading it, editing
 * its profile and region (versioned: a stale edit answers 409 with the current team), and the
 * list of the teams a person sits on or reads through a coordinator scope.
 */
import { and, eq, sql } from "drizzle-orm";
import { stateByFips } from "../../../core/geography.js";
import type {
  RegionalTeamDetail,
  RegionalTeamList,
  TeamAccess,
  TeamCreateBody,
  TeamPatchBody,
} from "../../../core/regional-teams.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { regionalTeamMembers, regionalTeams } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";
import { memberOfActor, teamFor, teamForWrite } from "./access.js";
import { teamDetail } from "./detail.js";
import { resolveRegion, saveCounties, uniqueTeamSlug } from "./region.js";

export async function createTeam(
  deps: AppDeps,
  actor: Actor,
  body: TeamCreateBody,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const region = await resolveRegion(tx, body);
    const [team] = await tx
      .insert(regionalTeams)
      .values({
        slug: await uniqueTeamSlug(tx, body.name),
        name: body.name,
        regionName: body.regionName ?? region.cbsaTitle ?? "",
        description: body.description ?? "",
        cbsaCode: body.cbsaCode ?? null,
        stateFips: region.stateFips,
        createdBy: actor.userId,
        createdAt: deps.now(),
        updatedAt: deps.now(),
      })
      .returning();
    await saveCounties(tx, team.id, region.fips);
    await tx
      .insert(regionalTeamMembers)
      .values({ teamId: team.id, personId: actor.personId, role: "convener" });
    return teamDetail(tx, team, "convener", actor);
  });
}

export async function getTeam(deps: AppDeps, actor: Actor, slug: string): Promise<RegionalTeamDetail> {
  const { team, access } = await teamFor(deps.db, slug, actor);
  return teamDetail(deps.db, team, access, actor);
}

/** Answers the team as it is now, after a write inside the caller's transaction. */
export async function reread(
  tx: Executor,
  teamId: string,
  access: TeamAccess,
  actor: Actor,
  now: Date,
): Promise<RegionalTeamDetail> {
  const [team] = await tx
    .update(regionalTeams)
    .set({ updatedAt: now })
    .where(eq(regionalTeams.id, teamId))
    .returning();
  return teamDetail(tx, team, access, actor);
}

export async function updateTeam(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  patch: TeamPatchBody,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "manage", "editTeam");
    const { version, counties, ...fields } = patch;
    if (team.version !== version) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.regionalTeams.teamChanged",
            defaultMessage:
              "This team was changed by someone else (you edited version {yours}, it is now {now}). Reload it, then apply your changes again.",
          },
          { yours: String(version), now: String(team.version) },
        ),
        { current: await teamDetail(tx, team, access, actor) },
      );
    }
    const region = counties ? await resolveRegion(tx, { counties }) : null;
    await tx
      .update(regionalTeams)
      .set({
        ...fields,
        // Counties named one by one replace the CBSA the team may have started from.
        ...(region ? { stateFips: region.stateFips, cbsaCode: null } : {}),
        version: sql`${regionalTeams.version} + 1`,
      })
      .where(and(eq(regionalTeams.id, team.id), eq(regionalTeams.version, version)));
    if (region) await saveCounties(tx, team.id, region.fips);
    return reread(tx, team.id, access, actor, deps.now());
  });
}

interface SummaryRow {
  id: string;
  slug: string;
  name: string;
  region_name: string;
  states: string[] | null;
  counties: number;
  role: "convener" | "partner" | null;
  members: number;
  partnerships: number;
  steps_done: number;
  updated_at: Date | string;
}

/**
 * The teams the caller sits on, and those they read: every team for the community admin, the
 * teams with a county in one of their coordinator scopes otherwise. Archived teams are left out.
 */
export async function listTeams(deps: AppDeps, actor: Actor): Promise<RegionalTeamList> {
  const rows = await queryRows<SummaryRow>(
    deps.db,
    sql`with mine as (
          select m.team_id, min(m.role) as role
          from regional_team_members m join people p on p.id = m.person_id
          where m.left_at is null and ${memberOfActor(actor)}
          group by m.team_id
        ),
        scoped as (
          select distinct tc.team_id from regional_team_counties tc
          join coordinator_scopes s on s.user_id = ${actor.userId}
            and ((s.kind = 'state' and tc.state_fips = s.state_fips)
              or (s.kind = 'region' and exists (
                select 1 from coordinator_scope_counties sc
                where sc.scope_id = s.id and sc.county_fips = tc.fips)))
        )
        select t.id, t.slug, t.name, t.region_name, mine.role, t.updated_at,
          (select array_agg(distinct c.state_fips) from regional_team_counties c where c.team_id = t.id) as states,
          (select count(*)::int from regional_team_counties c where c.team_id = t.id) as counties,
          (select count(*)::int from regional_team_members m where m.team_id = t.id and m.left_at is null) as members,
          (select count(*)::int from partnerships p where p.regional_team_id = t.id and p.deleted_at is null) as partnerships,
          (select count(*)::int from regional_team_steps s where s.team_id = t.id) as steps_done
        from regional_teams t
        left join mine on mine.team_id = t.id
        where t.archived_at is null
          and (mine.team_id is not null or t.id in (select team_id from scoped) or ${actor.isAdmin})
        order by t.name, t.id`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      regionName: r.region_name,
      // 'convener' sorts before 'partner': min() keeps the stronger seat.
      access: r.role ?? "reader",
      states: (r.states ?? []).map((f) => stateByFips(f)?.abbr ?? f).sort((a, b) => a.localeCompare(b)),
      counties: r.counties,
      members: r.members,
      partnerships: r.partnerships,
      stepsDone: r.steps_done,
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}
