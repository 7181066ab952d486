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
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError, forbidden } from "../../errors.js";
import { teamDetail } from "./detail.js";
import { teamForWrite, type TeamWrite } from "./access.js";
import { reread } from "./service.js";

const candidateNotFound = () =>
  new AppError(
    "not_found",
    msg({
      id: "server.regionalTeams.candidateNotFound",
      defaultMessage: "The candidate industry was not found.",
    }),
  );

export async function addTeamNote(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  body: string,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "contribute", "writeNotes");
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
  what: TeamWrite & ("editNote" | "deleteNote"),
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
    if (!note) {
      throw new AppError(
        "not_found",
        msg({ id: "server.regionalTeams.noteNotFound", defaultMessage: "The note was not found." }),
      );
    }
    if (note.authorId !== actor.userId) {
      throw forbidden(
        msg(
          {
            id: "server.regionalTeams.noteAuthorOnly",
            defaultMessage:
              "Only the note's author may {what, select, deleteNote {delete this note} other {edit this note}}.",
          },
          { what },
        ),
      );
    }
    if (version !== undefined && note.version !== version) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.regionalTeams.noteChanged",
            defaultMessage:
              "This note was changed meanwhile (you edited version {yours}, it is now {now}). Read it and edit again.",
          },
          { yours: String(version), now: String(note.version) },
        ),
        { current: await teamDetail(tx, team, access, actor) },
      );
    }
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
    "editNote",
    () => ({ body: patch.body, version: sql`${regionalTeamNotes.version} + 1`, updatedAt: deps.now() }),
    patch.version,
  );
}

export function deleteTeamNote(deps: AppDeps, actor: Actor, slug: string, id: string) {
  return ownNote(deps, actor, slug, id, "deleteNote", () => ({ deletedAt: deps.now() }));
}

export async function addTeamCandidate(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  body: TeamCandidateBody,
): Promise<RegionalTeamDetail> {
  return deps.db.transaction(async (tx) => {
    const { team, access } = await teamForWrite(tx, slug, actor, "contribute", "addCandidates");
    const [reference] = await tx
      .select({ title: naicsCodes.title })
      .from(naicsCodes)
      .where(eq(naicsCodes.code, body.naicsCode));
    if (!reference) {
      throw fieldError(
        "naicsCode",
        msg(
          { id: "server.regionalTeams.field.unknownNaics", defaultMessage: "unknown NAICS code {code}" },
          { code: body.naicsCode },
        ),
      );
    }
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
    if (added.length === 0) {
      throw fieldError(
        "naicsCode",
        msg(
          {
            id: "server.regionalTeams.field.alreadyCandidate",
            defaultMessage: "{code} is already a candidate",
          },
          { code: body.naicsCode },
        ),
      );
    }
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
    const { team, access } = await teamForWrite(tx, slug, actor, "contribute", "editCandidates");
    const [candidate] = await tx
      .select()
      .from(regionalTeamCandidates)
      .where(and(eq(regionalTeamCandidates.id, id), eq(regionalTeamCandidates.teamId, team.id)));
    if (!candidate) throw candidateNotFound();
    if (candidate.version !== patch.version) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.regionalTeams.candidateNoteChanged",
            defaultMessage:
              "The note on {industry} was changed meanwhile (you edited version {yours}, it is now {now}). Read it and edit again.",
          },
          { industry: candidate.title, yours: String(patch.version), now: String(candidate.version) },
        ),
        { current: await teamDetail(tx, team, access, actor) },
      );
    }
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
    const { team, access } = await teamForWrite(tx, slug, actor, "manage", "removeCandidates");
    const removed = await tx
      .delete(regionalTeamCandidates)
      .where(and(eq(regionalTeamCandidates.id, id), eq(regionalTeamCandidates.teamId, team.id)))
      .returning({ id: regionalTeamCandidates.id });
    if (removed.length === 0) throw candidateNotFound();
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
    const { team, access } = await teamForWrite(tx, slug, actor, "manage", "tickSteps");
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
