/** A regional team as its page shows it: region, people, first-stage steps, notes, candidates. */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { stateByFips } from "../../../core/geography.js";
import { teamSteps, type RegionalTeamDetail, type TeamAccess } from "../../../core/regional-teams.js";
import type { Executor } from "../../../db/open.js";
import {
  counties,
  partnerships,
  people,
  regionalTeamCandidates,
  regionalTeamCounties,
  regionalTeamMembers,
  regionalTeamNotes,
  regionalTeamOrganizations,
  regionalTeamSteps,
  resources,
} from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { renderMarkdown } from "../../lib/markdown.js";
import type { TeamRow } from "./access.js";
import { readTogether } from "../../../db/query.js";

/** The published library resources the steps point at (a removed one is left out, not a dead link). */
async function stepResources(db: Executor) {
  const rows = await db
    .select({ slug: resources.slug, title: resources.title })
    .from(resources)
    .where(
      and(
        inArray(resources.slug, [...new Set(teamSteps.map((s) => s.resource))]),
        eq(resources.status, "published"),
      ),
    );
  return new Map(rows.map((r) => [r.slug, r]));
}

/** The name of the account a column points at (null once it was deleted). */
const userName = (column: AnyPgColumn) =>
  sql<string | null>`(select u.name from users u where u.id = ${column})`;

export async function teamDetail(
  db: Executor,
  team: TeamRow,
  access: TeamAccess,
  actor: Actor,
): Promise<RegionalTeamDetail> {
  const [countyRows, orgRows, memberRows, stepRows, noteRows, candidateRows, started, library] =
    await readTogether(db, [
      () =>
        db
          .select({ fips: counties.fips, name: counties.name, stateFips: counties.stateFips })
          .from(regionalTeamCounties)
          .innerJoin(counties, eq(counties.fips, regionalTeamCounties.fips))
          .where(eq(regionalTeamCounties.teamId, team.id))
          .orderBy(counties.stateFips, counties.name),
      () =>
        db
          .select()
          .from(regionalTeamOrganizations)
          .where(
            and(eq(regionalTeamOrganizations.teamId, team.id), isNull(regionalTeamOrganizations.removedAt)),
          )
          .orderBy(asc(regionalTeamOrganizations.name)),
      () =>
        db
          .select({
            id: regionalTeamMembers.id,
            personId: people.id,
            name: people.name,
            email: people.email,
            userId: people.userId,
            organizationId: regionalTeamMembers.organizationId,
            organization: regionalTeamOrganizations.name,
            role: regionalTeamMembers.role,
          })
          .from(regionalTeamMembers)
          .innerJoin(people, eq(people.id, regionalTeamMembers.personId))
          .leftJoin(
            regionalTeamOrganizations,
            eq(regionalTeamOrganizations.id, regionalTeamMembers.organizationId),
          )
          .where(and(eq(regionalTeamMembers.teamId, team.id), isNull(regionalTeamMembers.leftAt)))
          .orderBy(sql`case ${regionalTeamMembers.role} when 'convener' then 0 else 1 end`, asc(people.name)),
      () =>
        db
          .select({
            key: regionalTeamSteps.stepKey,
            doneAt: regionalTeamSteps.doneAt,
            note: regionalTeamSteps.note,
            doneBy: userName(regionalTeamSteps.doneBy),
          })
          .from(regionalTeamSteps)
          .where(eq(regionalTeamSteps.teamId, team.id)),
      () =>
        db
          .select({ note: regionalTeamNotes, author: userName(regionalTeamNotes.authorId) })
          .from(regionalTeamNotes)
          .where(and(eq(regionalTeamNotes.teamId, team.id), isNull(regionalTeamNotes.deletedAt)))
          .orderBy(sql`${regionalTeamNotes.createdAt} desc`, asc(regionalTeamNotes.id)),
      () =>
        db
          .select({ candidate: regionalTeamCandidates, addedBy: userName(regionalTeamCandidates.addedBy) })
          .from(regionalTeamCandidates)
          .where(eq(regionalTeamCandidates.teamId, team.id))
          .orderBy(asc(regionalTeamCandidates.createdAt), asc(regionalTeamCandidates.naicsCode)),
      () =>
        db
          .select({
            id: partnerships.id,
            slug: partnerships.slug,
            name: partnerships.name,
            stage: partnerships.stage,
          })
          .from(partnerships)
          .where(and(eq(partnerships.regionalTeamId, team.id), isNull(partnerships.deletedAt)))
          .orderBy(asc(partnerships.name)),
      () => stepResources(db),
    ]);
  const done = new Map(stepRows.map((s) => [s.key, s]));
  const headcount = new Map<string, number>();
  for (const m of memberRows)
    if (m.organizationId) headcount.set(m.organizationId, (headcount.get(m.organizationId) ?? 0) + 1);
  return {
    id: team.id,
    slug: team.slug,
    name: team.name,
    regionName: team.regionName,
    description: team.description,
    cbsaCode: team.cbsaCode,
    stateFips: team.stateFips,
    counties: countyRows.map((c) => ({
      fips: c.fips,
      name: c.name,
      state: stateByFips(c.stateFips)?.abbr ?? c.stateFips,
    })),
    version: team.version,
    access,
    permissions: { manage: access === "convener", contribute: access !== "reader" },
    organizations: orgRows.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      website: o.website,
      people: headcount.get(o.id) ?? 0,
    })),
    members: memberRows.map((m) => ({
      id: m.id,
      personId: m.personId,
      name: m.name,
      email: m.email,
      organizationId: m.organizationId,
      organization: m.organization,
      role: m.role,
      hasAccount: m.userId !== null,
    })),
    steps: teamSteps.map((s) => {
      const row = done.get(s.key);
      return {
        key: s.key,
        label: s.label,
        done: !!row,
        doneAt: row ? row.doneAt.toISOString() : null,
        doneBy: row?.doneBy ?? null,
        note: row?.note ?? "",
        resource: library.get(s.resource) ?? null,
      };
    }),
    notes: noteRows.map(({ note, author }) => ({
      id: note.id,
      author,
      body: note.body,
      html: renderMarkdown(note.body),
      mine: note.authorId === actor.userId,
      version: note.version,
      createdAt: note.createdAt.toISOString(),
      updatedAt: note.updatedAt.toISOString(),
    })),
    candidates: candidateRows.map(({ candidate, addedBy }) => ({
      id: candidate.id,
      naicsCode: candidate.naicsCode,
      title: candidate.title,
      note: candidate.note,
      addedBy,
      version: candidate.version,
    })),
    partnerships: started,
    createdAt: team.createdAt.toISOString(),
    updatedAt: team.updatedAt.toISOString(),
  };
}
