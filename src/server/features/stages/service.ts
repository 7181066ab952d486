import { and, eq, inArray, sql } from "drizzle-orm";
import {
  checklistProgress,
  findStep,
  nextStageOffered,
  stageSteps as steps,
  type Checklist,
  type StepTickBody,
} from "../../../core/stages.js";
import { stages } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import {
  partnershipRevisions,
  partnerships,
  resources,
  stageSteps,
  users,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { recordActivity } from "../activity/record.js";
import { readRole } from "../coordinators/scope.js";
import { can, roleIn } from "../partnerships/policy.js";
import { findPartnership } from "../partnerships/service.js";
import { stepEvidence } from "./evidence.js";

/**
 * The checklist is public (it shows how far the partnership has come, like its stage); who ticked
 * a step, its note and the workspace's evidence for it (meeting titles, names) are shown to
 * members only.
 */
/**
 * The published library resources the steps point at, by slug: a resource an admin removed or
 * renamed is left out or shown under its new title, never a dead link.
 */
async function libraryResources(tx: Executor): Promise<Map<string, { slug: string; title: string }>> {
  const slugs = [...new Set(steps.map((s) => s.resource))];
  const rows = await tx
    .select({ slug: resources.slug, title: resources.title })
    .from(resources)
    .where(and(inArray(resources.slug, slugs), eq(resources.status, "published")));
  return new Map(rows.map((r) => [r.slug, r]));
}

async function checklistOf(
  tx: Executor,
  idOrSlug: string,
  actor: Actor | null,
  now: Date,
): Promise<Checklist> {
  const partnership = await findPartnership(tx, idOrSlug);
  const role = await readRole(tx, partnership.id, actor, "stage checklist");
  const showNames = can(actor, role, "viewMembers");
  const evidence = showNames ? await stepEvidence(tx, partnership, now) : new Map<string, never>();
  const rows = await tx
    .select({
      key: stageSteps.stepKey,
      doneAt: stageSteps.doneAt,
      note: stageSteps.note,
      by: users.name,
    })
    .from(stageSteps)
    .leftJoin(users, eq(users.id, stageSteps.doneBy))
    .where(eq(stageSteps.partnershipId, partnership.id));
  const done = new Map(rows.map((r) => [r.key, r]));
  const library = await libraryResources(tx);
  return {
    partnershipId: partnership.id,
    stage: partnership.stage,
    version: partnership.version,
    stages: checklistProgress(done.keys()).map((p) => ({
      ...p,
      steps: steps
        .filter((s) => s.stage === p.stage)
        .map((s) => {
          const row = done.get(s.key);
          return {
            key: s.key,
            label: s.label,
            done: row !== undefined,
            doneAt: row?.doneAt.toISOString() ?? null,
            doneBy: row && showNames ? row.by : null,
            note: row && showNames ? row.note : "",
            evidence: evidence.get(s.key) ?? null,
            resource: library.get(s.resource) ?? null,
          };
        }),
    })),
    nextStage: nextStageOffered(partnership.stage, done.keys()),
    permissions: { tick: can(actor, role, "edit") },
  };
}

export const getChecklist = (deps: AppDeps, actor: Actor | null, id: string) =>
  checklistOf(deps.db, id, actor, deps.now());

async function convenerOnly(tx: Executor, id: string, actor: Actor) {
  const partnership = await findPartnership(tx, id);
  if (!can(actor, await roleIn(tx, partnership.id, actor), "edit")) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.stages.convenersOnly",
        defaultMessage: "Only a convener of this partnership may tick its checklist or change its stage.",
      }),
    );
  }
  return partnership;
}

/** Ticks a step off (who, when) or un-ticks it; the timeline records both. */
export async function tickStep(
  deps: AppDeps,
  actor: Actor,
  id: string,
  stepKey: string,
  body: StepTickBody,
): Promise<Checklist> {
  return deps.db.transaction(async (tx) => {
    const partnership = await convenerOnly(tx, id, actor);
    const step = findStep(stepKey);
    if (!step) {
      throw fieldError(
        "stepKey",
        msg(
          {
            id: "server.stages.field.unknownStep",
            defaultMessage: '"{step}" is not a step of the checklist',
          },
          { step: stepKey },
        ),
      );
    }
    const where = and(eq(stageSteps.partnershipId, partnership.id), eq(stageSteps.stepKey, step.key));
    const [existing] = await tx.select().from(stageSteps).where(where);
    if (body.done) {
      await tx
        .insert(stageSteps)
        .values({
          partnershipId: partnership.id,
          stepKey: step.key,
          doneAt: deps.now(),
          doneBy: actor.userId,
          note: body.note ?? "",
        })
        .onConflictDoUpdate({
          target: [stageSteps.partnershipId, stageSteps.stepKey],
          set: { note: body.note ?? existing?.note ?? "" },
        });
    } else if (existing) {
      await tx.delete(stageSteps).where(where);
    }
    if (body.done !== (existing !== undefined)) {
      await recordActivity(tx, {
        partnershipId: partnership.id,
        kind: body.done ? "stage.step_done" : "stage.step_undone",
        summary: msg(
          {
            id: "activity.stepDoneOrReopened",
            defaultMessage: "{done, select, yes {Step done} other {Step reopened}}: {step}",
          },
          { done: body.done ? "yes" : "no", step: step.label },
        ),
        subjectType: "stage_step",
        actorPersonId: actor.personId,
      });
    }
    return checklistOf(tx, partnership.id, actor, deps.now());
  });
}

/** Moves the partnership to the next stage once every step of its current stage is done. */
export async function advanceStage(
  deps: AppDeps,
  actor: Actor,
  id: string,
  version: number,
): Promise<Checklist> {
  const result = await deps.db.transaction(async (tx) => {
    const current = await convenerOnly(tx, id, actor);
    const doneKeys = (
      await tx
        .select({ key: stageSteps.stepKey })
        .from(stageSteps)
        .where(eq(stageSteps.partnershipId, current.id))
    ).map((r) => r.key);
    if (current.version !== version) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.stages.changedVersion",
            defaultMessage:
              "The partnership was changed by someone else (you saw version {yours}, it is now {now}). Reload the checklist.",
          },
          { yours: String(version), now: String(current.version) },
        ),
        { current: await checklistOf(tx, current.id, actor, deps.now()) },
      );
    }
    const next = nextStageOffered(current.stage, doneKeys);
    if (!next) {
      throw fieldError(
        "stage",
        current.stage === stages[stages.length - 1]
          ? msg({
              id: "server.stages.field.lastStage",
              defaultMessage: "the partnership is already in the last stage",
            })
          : msg(
              {
                id: "server.stages.field.finishSteps",
                defaultMessage:
                  'finish every step of "{stage, select, civic_infrastructure {1. Build civic infrastructure} ' +
                  'prepare {2. Prepare} launch {3. Launch} act {4. Act} other {5. Sustain and evolve}}" first',
              },
              { stage: current.stage },
            ),
      );
    }
    const updated = await tx
      .update(partnerships)
      .set({ stage: next, version: sql`${partnerships.version} + 1`, updatedAt: deps.now() })
      .where(and(eq(partnerships.id, current.id), eq(partnerships.version, version)))
      .returning({ id: partnerships.id });
    if (updated.length === 0) {
      throw new AppError(
        "conflict",
        msg({
          id: "server.stages.changed",
          defaultMessage: "The partnership was changed by someone else. Reload the checklist.",
        }),
        { current: await checklistOf(tx, current.id, actor, deps.now()) },
      );
    }
    // Nothing a user enters is lost: keep the profile as it was, as a profile edit would.
    await tx.insert(partnershipRevisions).values({
      partnershipId: current.id,
      version: current.version,
      snapshot: JSON.stringify(current),
      changedBy: actor.userId,
    });
    await recordActivity(tx, {
      partnershipId: current.id,
      kind: "stage.changed",
      summary: msg(
        {
          id: "activity.stageChanged",
          defaultMessage:
            "Stage changed: {stage, select, civic_infrastructure {1. Build civic infrastructure} prepare {2. Prepare} launch {3. Launch} act {4. Act} other {5. Sustain and evolve}} \u2192 {next, select, civic_infrastructure {1. Build civic infrastructure} prepare {2. Prepare} launch {3. Launch} act {4. Act} other {5. Sustain and evolve}}",
        },
        { stage: current.stage, next },
      ),
      subjectType: "partnership",
      subjectId: current.id,
      actorPersonId: actor.personId,
    });
    await announceDirectoryChange(tx);
    return checklistOf(tx, current.id, actor, deps.now());
  });
  deps.answers.invalidate();
  return result;
}
