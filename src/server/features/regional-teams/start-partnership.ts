/**
 * Starting a partnership from a regional team, all or nothing in one transaction: the partnership
 * (as partnerships/service.ts creates one: reference codes checked, a unique slug, its industry
 * and counties, the QCEW indicators synced), the team's organizations copied to its table, the
 * team's people seated (conveners as conveners, partners as support team members), and the first
 * stage's steps the team did ticked in its checklist, naming the team.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import {
  copiedStepNote,
  teamStepKeys,
  type StartedPartnership,
  type StartPartnershipBody,
} from "../../../core/regional-teams.js";
import type { Setting } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import {
  counties,
  memberships,
  organizations,
  regionalTeamCounties,
  regionalTeamMembers,
  regionalTeamOrganizations,
  regionalTeamSteps,
  stageSteps,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { fieldError } from "../../errors.js";
import { insertPartnership } from "../partnerships/service.js";
import { teamForWrite } from "./access.js";

/** Metro when every county is in a metro area, rural when none is, else mixed (or unknown). */
async function settingOf(tx: Executor, fips: string[]): Promise<Setting> {
  const rows = await tx
    .select({ type: counties.cbsaType })
    .from(counties)
    .where(inArray(counties.fips, fips));
  if (rows.some((r) => r.type === null)) return "mixed";
  if (rows.every((r) => r.type === "metro")) return "metro";
  if (rows.every((r) => r.type !== "metro")) return "rural";
  return "mixed";
}

export async function startPartnership(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  body: StartPartnershipBody,
): Promise<StartedPartnership> {
  const started = await deps.db.transaction(async (tx) => {
    const { team } = await teamForWrite(tx, slug, actor, "manage", "startPartnership");
    const teamCounties = (
      await tx
        .select({ fips: regionalTeamCounties.fips })
        .from(regionalTeamCounties)
        .where(eq(regionalTeamCounties.teamId, team.id))
    ).map((c) => c.fips);
    const fips = body.counties ? [...new Set(body.counties)].sort() : teamCounties;
    const outside = fips.filter((f) => !teamCounties.includes(f));
    if (outside.length) {
      throw fieldError(
        "counties",
        msg(
          {
            id: "server.regionalTeams.field.notTeamCounty",
            defaultMessage: "{counties} is not one of the team's counties",
          },
          { counties: outside.join(", ") },
        ),
      );
    }

    const done = await tx.select().from(regionalTeamSteps).where(eq(regionalTeamSteps.teamId, team.id));
    const doneKeys = new Set(done.map((d) => d.stepKey));
    // The team did the first stage: when all of it is done, the partnership starts preparing.
    const stage = teamStepKeys.every((k) => doneKeys.has(k)) ? "prepare" : "civic_infrastructure";
    const row = await insertPartnership(tx, {
      name: body.name,
      naics: body.naics,
      counties: fips,
      setting: body.setting ?? (await settingOf(tx, fips)),
      stage,
      regionalTeamId: team.id,
    });
    const partnershipId = row.id;

    const teamOrgs = await tx
      .select()
      .from(regionalTeamOrganizations)
      .where(and(eq(regionalTeamOrganizations.teamId, team.id), isNull(regionalTeamOrganizations.removedAt)))
      .orderBy(regionalTeamOrganizations.createdAt, regionalTeamOrganizations.id);
    const copied = new Map<string, string>();
    if (teamOrgs.length > 0) {
      const made = await tx
        .insert(organizations)
        .values(teamOrgs.map((o) => ({ partnershipId, name: o.name, kind: o.kind, website: o.website })))
        .returning({ id: organizations.id });
      // Rows come back in the order they were given.
      teamOrgs.forEach((o, i) => copied.set(o.id, made[i].id));
    }

    const people = await tx
      .select()
      .from(regionalTeamMembers)
      .where(and(eq(regionalTeamMembers.teamId, team.id), isNull(regionalTeamMembers.leftAt)));
    if (people.length > 0) {
      await tx.insert(memberships).values(
        people.map((m) => ({
          partnershipId,
          personId: m.personId,
          organizationId: m.organizationId ? (copied.get(m.organizationId) ?? null) : null,
          role: m.role === "convener" ? ("convener" as const) : ("support" as const),
        })),
      );
    }

    if (done.length > 0) {
      await tx.insert(stageSteps).values(
        done.map((d) => ({
          partnershipId,
          stepKey: d.stepKey,
          doneAt: d.doneAt,
          doneBy: d.doneBy,
          note: copiedStepNote(team.name),
        })),
      );
    }
    return {
      id: partnershipId,
      slug: row.slug,
      name: row.name,
      stage,
      organizations: teamOrgs.length,
      memberships: people.length,
      stepsCopied: done.length,
    } satisfies StartedPartnership;
  });
  // The directory's cached answers now miss the new partnership.
  deps.answers.invalidate();
  return started;
}
