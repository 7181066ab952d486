/**
 * Who may see a regional support team, and as what. A team is private to its people: its members
 * (conveners and partners), the community admin, and the coordinators whose scope includes one of
 * its counties read it; everyone else gets 404, as if it did not exist. Only members write.
 */
import { eq, sql } from "drizzle-orm";
import type { TeamAccess, TeamRole } from "../../../core/regional-teams.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { regionalTeams } from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, forbidden } from "../../errors.js";

export type TeamRow = typeof regionalTeams.$inferSelect;

const teamNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.regionalTeams.teamNotFound", defaultMessage: "The regional team was not found." }),
  );

/** What a write does, in the refusal of someone who may not do it. */
export type TeamWrite =
  | "addOrganizations"
  | "removeOrganizations"
  | "addPeople"
  | "removePeople"
  | "editTeam"
  | "startPartnership"
  | "writeNotes"
  | "editNote"
  | "deleteNote"
  | "addCandidates"
  | "editCandidates"
  | "removeCandidates"
  | "tickSteps";

/**
 * A person takes part through their account's person, or through a person a convener added by
 * this (verified) e-mail address before the account existed: signing up never merges people.
 */
export const memberOfActor = (actor: Actor) => sql`(
  p.user_id = ${actor.userId}
  or (p.user_id is null and lower(p.email) = lower(${actor.email})))`;

/** The caller's seat on the team, or null. */
export async function teamRole(db: Executor, teamId: string, actor: Actor): Promise<TeamRole | null> {
  const rows = await queryRows<{ role: TeamRole }>(
    db,
    sql`select m.role from regional_team_members m join people p on p.id = m.person_id
        where m.team_id = ${teamId} and m.left_at is null and ${memberOfActor(actor)}
        order by case m.role when 'convener' then 0 else 1 end
        limit 1`,
  );
  return rows[0]?.role ?? null;
}

/**
 * Whether one of the caller's coordinator scopes includes the team: a state scope when one of its
 * counties is in that state, a regional scope when one of its counties is one of the region's
 * (the rule of coordinators/scope.ts, on the team's counties).
 */
export async function teamInScope(db: Executor, teamId: string, userId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from coordinator_scopes s
        where s.user_id = ${userId}
          and exists (
            select 1 from regional_team_counties tc
            where tc.team_id = ${teamId}
              and ((s.kind = 'state' and tc.state_fips = s.state_fips)
                or (s.kind = 'region' and exists (
                  select 1 from coordinator_scope_counties sc
                  where sc.scope_id = s.id and sc.county_fips = tc.fips))))
        limit 1`,
  );
  return rows.length > 0;
}

/** The caller's access for READING the team: their seat, or "reader" (admin, coordinator in scope). */
export async function teamReadRole(db: Executor, teamId: string, actor: Actor): Promise<TeamAccess | null> {
  const role = await teamRole(db, teamId, actor);
  if (role) return role;
  if (actor.isAdmin || (await teamInScope(db, teamId, actor.userId))) return "reader";
  return null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team by slug or id with the caller's access; 404 when the caller may not see it. */
export async function teamFor(
  db: Executor,
  slugOrId: string,
  actor: Actor,
): Promise<{ team: TeamRow; access: TeamAccess }> {
  const [team] = await db
    .select()
    .from(regionalTeams)
    .where(uuidPattern.test(slugOrId) ? eq(regionalTeams.id, slugOrId) : eq(regionalTeams.slug, slugOrId));
  if (!team) throw teamNotFound();
  const access = await teamReadRole(db, team.id, actor);
  if (!access) throw teamNotFound();
  return { team, access };
}

/** As teamFor, for a write: partners and conveners (contribute) or conveners only (manage). */
export async function teamForWrite(
  db: Executor,
  slugOrId: string,
  actor: Actor,
  need: "manage" | "contribute",
  what: TeamWrite,
): Promise<{ team: TeamRow; access: TeamRole }> {
  const { team, access } = await teamFor(db, slugOrId, actor);
  if (access === "reader")
    throw forbidden(
      msg(
        {
          id: "server.regionalTeams.readerMayNot",
          defaultMessage:
            "You read this team through your role; only its members may " +
            "{what, select, addOrganizations {add organizations} removeOrganizations {remove organizations} " +
            "addPeople {add people} removePeople {remove people} editTeam {edit the team} " +
            "startPartnership {start a partnership} writeNotes {write notes} editNote {edit this note} " +
            "deleteNote {delete this note} addCandidates {add candidate industries} " +
            "editCandidates {edit candidate industries} removeCandidates {remove candidate industries} " +
            "tickSteps {tick the first stage's steps} other {do this}}.",
        },
        { what },
      ),
    );
  if (need === "manage" && access !== "convener")
    throw forbidden(
      msg(
        {
          id: "server.regionalTeams.convenersOnly",
          defaultMessage:
            "Only a convener of this team may " +
            "{what, select, addOrganizations {add organizations} removeOrganizations {remove organizations} " +
            "addPeople {add people} removePeople {remove people} editTeam {edit the team} " +
            "startPartnership {start a partnership} writeNotes {write notes} editNote {edit this note} " +
            "deleteNote {delete this note} addCandidates {add candidate industries} " +
            "editCandidates {edit candidate industries} removeCandidates {remove candidate industries} " +
            "tickSteps {tick the first stage's steps} other {do this}}.",
        },
        { what },
      ),
    );
  // Writes that change the team lock its row so that concurrent writes apply one after another.
  await db.execute(sql`select 1 from regional_teams where id = ${team.id} for update`);
  return { team, access };
}
