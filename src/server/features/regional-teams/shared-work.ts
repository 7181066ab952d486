/**
 * What the whole team writes together: notes (each edited by its author, versioned), candidate
 * industries (a reference NAICS code, its title from the reference table, a versioned note), and
 * the first stage's checklist, ticked by conveners.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { RegionalTeamDetail, TeamCandidateBody, TeamStepBody } from "../../../core/regional-teams.js";
import {
  naicsCodes,
  regionalTeamCandidates,
  regionalTeamNotes,
  regionalTeamSteps,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError, forbidden, notFound } from "../../errors.js";
import { teamDetail } from "./detail.js";
import { teamForWrite } from "./access.js";
import { reread } from "./service.js";

export async function addTeamNote(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  body: string,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "contribute", "write notes");
    await tx.insert(regionalTeamNotes).values({
      teamId: team.id,
      authorId: actor.userId,
      body,
      createdAt: deps.now(),
      updatedAt: deps.now(),
    });
    return reread(tx, team.id, access, actor, deps.now());
  });
}

async function ownNote(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  id: string,
  what: string,
  change: (note: typeof regionalTeamNotes.$inferSelect) => Record<string, unknown>,
  version?: number,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "contribute", what);
    const [note] = await tx
      .select()
      .from(regionalTeamNotes)
      .where(
        and(
          eq(regionalTeamNotes.id, id),
          eq(regionalTeamNotes.teamId, team.id),
          isNull(regionalTeamNotes.deletedAt),
        ),
      );
    if (!note) throw notFound("The note");
    if (note.authorId !== actor.userId) throw forbidden(`Only the note's author may ${what}.`);
    if (version !== undefined && note.version !== version)
      throw new AppError(
        "conflict",
        `This note was changed meanwhile (you edited version ${version}, it is now ${note.version}). Read it and edit again.`,
        { current: await teamDetail(tx, team, access, actor) },
      );
    await tx.update(regionalTeamNotes).set(change(note)).where(eq(regionalTeamNotes.id, id));
    return reread(tx, team.id, access, actor, deps.now());
  });
}

export function editTeamNote(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  id: string,
  patch: { body: string; version: number },
): Promise<RegionalTeamDetail> {
  return ownNote(
    deps,
    actor,
    slug,
    id,
    "edit this note",
    () => ({ body: patch.body, version: sql`${regionalTeamNotes.version} + 1`, updatedAt: deps.now() }),
    patch.version,
  );
}

export function deleteTeamNote(deps: AppDeps, actor: Actor, slug: string, id: string) {
  return ownNote(deps, actor, slug, id, "delete this note", () => ({ deletedAt: deps.now() }));
}

export async function addTeamCandidate(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  body: TeamCandidateBody,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "contribute", "add candidate industries");
    const [reference] = await tx
      .select({ title: naicsCodes.title })
      .from(naicsCodes)
      .where(eq(naicsCodes.code, body.naicsCode));
    if (!reference) throw fieldError("naicsCode", `unknown NAICS code ${body.naicsCode}`);
    const added = await tx
      .insert(regionalTeamCandidates)
      .values({
        teamId: team.id,
        naicsCode: body.naicsCode,
        title: reference.title,
        note: body.note ?? "",
        addedBy: actor.userId,
        createdAt: deps.now(),
        updatedAt: deps.now(),
      })
      .onConflictDoNothing()
      .returning({ id: regionalTeamCandidates.id });
    if (added.length === 0) throw fieldError("naicsCode", `${body.naicsCode} is already a candidate`);
    return reread(tx, team.id, access, actor, deps.now());
  });
}

export async function editTeamCandidate(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  id: string,
  patch: { note: string; version: number },
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "contribute", "edit candidate industries");
    const [candidate] = await tx
      .select()
      .from(regionalTeamCandidates)
      .where(and(eq(regionalTeamCandidates.id, id), eq(regionalTeamCandidates.teamId, team.id)));
    if (!candidate) throw notFound("The candidate industry");
    if (candidate.version !== patch.version)
      throw new AppError(
        "conflict",
        `The note on ${candidate.title} was changed meanwhile (you edited version ${patch.version}, it is now ${candidate.version}). Read it and edit again.`,
        { current: await teamDetail(tx, team, access, actor) },
      );
    await tx
      .update(regionalTeamCandidates)
      .set({ note: patch.note, version: sql`${regionalTeamCandidates.version} + 1`, updatedAt: deps.now() })
      .where(eq(regionalTeamCandidates.id, id));
    return reread(tx, team.id, access, actor, deps.now());
  });
}

/** Conveners take a candidate off the shortlist. */
export async function removeTeamCandidate(deps: AppDeps, actor: Actor, slug: string, id: string) {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "manage", "remove candidate industries");
    const removed = await tx
      .delete(regionalTeamCandidates)
      .where(and(eq(regionalTeamCandidates.id, id), eq(regionalTeamCandidates.teamId, team.id)))
      .returning({ id: regionalTeamCandidates.id });
    if (removed.length === 0) throw notFound("The candidate industry");
    return reread(tx, team.id, access, actor, deps.now());
  });
}

export async function tickTeamStep(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  body: TeamStepBody,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "manage", "tick the first stage's steps");
    if (body.done) {
      await tx
        .insert(regionalTeamSteps)
        .values({
          teamId: team.id,
          stepKey: body.step,
          doneAt: deps.now(),
          doneBy: actor.userId,
          note: body.note ?? "",
        })
        .onConflictDoUpdate({
          target: [regionalTeamSteps.teamId, regionalTeamSteps.stepKey],
          set: { note: body.note ?? "" },
        });
    } else {
      await tx
        .delete(regionalTeamSteps)
        .where(and(eq(regionalTeamSteps.teamId, team.id), eq(regionalTeamSteps.stepKey, body.step)));
    }
    return reread(tx, team.id, access, actor, deps.now());
  });
}
