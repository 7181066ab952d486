/** Actions of action teams: create, edit (with version), dated updates. */
import { and, desc, eq, sql } from "drizzle-orm";
import {
  earliestLocalDate,
  utcDate,
  type Action,
  type ActionBody,
  type ActionDetail,
  type ActionPatch,
  type ActionStatus,
  type ActionUpdateBody,
} from "../../../core/agenda.js";
import type { Executor } from "../../../db/open.js";
import { actions, actionUpdates, agendaRevisions, people } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { recordActivity } from "../activity/record.js";
import { formerMemberSql } from "../members/former.js";
import { dayValue } from "./format.js";
import { actionAccess, checkMember, teamAccess } from "./lookup.js";
import { actionJson, actionRows } from "./plan-service.js";
import { canAddActions, canEditAction, type AgendaCaller } from "./policy.js";

/** 400 when a due date falls before the day the action was created (anywhere on Earth). */
function checkDueDate(dueDate: string | null | undefined, createdAt: Date): void {
  if (!dueDate) return;
  const earliest = earliestLocalDate(createdAt);
  if (dueDate < earliest) {
    throw fieldError(
      "dueDate",
      msg(
        {
          id: "server.agenda.field.dueBeforeCreated",
          defaultMessage:
            "{dueDate} is before the action was created ({created, date, long}); choose a later date",
        },
        { dueDate, created: dayValue(createdAt) },
      ),
    );
  }
}

async function oneAction(
  db: Executor,
  id: string,
  caller: AgendaCaller,
  championIds: readonly string[],
  now: Date,
): Promise<Action> {
  const [row] = await actionRows(db, eq(actions.id, id));
  return actionJson(row, utcDate(now), caller, championIds);
}

async function detail(
  db: Executor,
  { id, partnershipId }: { id: string; partnershipId: string },
  caller: AgendaCaller,
  championIds: readonly string[],
  now: Date,
): Promise<ActionDetail> {
  // One after another: called inside a transaction, which runs one query at a time.
  const action = await oneAction(db, id, caller, championIds, now);
  const updates = await db
    .select({
      id: actionUpdates.id,
      note: actionUpdates.note,
      progress: actionUpdates.progress,
      status: actionUpdates.status,
      authorId: actionUpdates.authorId,
      authorName: people.name,
      // The action's partnership is known: no lookup of it for each update's author.
      authorFormer: formerMemberSql(actionUpdates.authorId, partnershipId),
      createdAt: actionUpdates.createdAt,
    })
    .from(actionUpdates)
    .leftJoin(people, eq(people.id, actionUpdates.authorId))
    .where(eq(actionUpdates.actionId, id))
    .orderBy(desc(actionUpdates.createdAt));
  return {
    ...action,
    updates: updates.map((u) => ({
      id: u.id,
      note: u.note,
      progress: u.progress,
      status: u.status,
      author:
        u.authorId && u.authorName
          ? { personId: u.authorId, name: u.authorName, former: u.authorFormer }
          : null,
      createdAt: u.createdAt.toISOString(),
    })),
  };
}

async function recordDone(
  tx: Executor,
  partnershipId: string,
  actionId: string,
  title: string,
  actor: Actor,
) {
  await recordActivity(tx, {
    partnershipId,
    kind: "action.done",
    summary: msg({ id: "activity.actionDone", defaultMessage: "Action done: {title}" }, { title }),
    subjectType: "action",
    subjectId: actionId,
    actorPersonId: actor.personId,
  });
}

/** Status, progress and completion kept consistent: done means 100% and a completion time. */
function statusFields(
  status: ActionStatus | undefined,
  progress: number | undefined,
  wasDone: boolean,
  now: Date,
) {
  if (status === "done") return { status, progress: progress ?? 100, completedAt: wasDone ? undefined : now };
  if (status !== undefined) return { status, progress, completedAt: null };
  return { progress };
}

/**
 * Adds an action to a team (conveners and the team's champions). Also the way a meeting's next
 * step becomes an action: the meetings feature calls this with the same body.
 */
export async function createAction(
  deps: AppDeps,
  actor: Actor,
  teamId: string,
  body: ActionBody,
): Promise<Action> {
  return deps.db.transaction(async (tx) => {
    const { team, priority, caller, championIds } = await teamAccess(tx, teamId, actor);
    if (!canAddActions(caller, championIds)) {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.agenda.addActionRefused",
          defaultMessage: "Only a convener or one of this team's champions may add actions to it.",
        }),
      );
    }
    if (priority.status !== "active") {
      throw new AppError(
        "bad_request",
        msg(
          {
            id: "server.agenda.teamPriorityNotActive",
            defaultMessage:
              "This team's priority is {status, select, achieved {achieved} retired {retired} other {{status}}}; " +
              "add actions to active priorities.",
          },
          { status: priority.status },
        ),
        {
          errors: [
            {
              field: "teamId",
              message: msg(
                {
                  id: "server.agenda.field.teamPriorityNotActive",
                  defaultMessage:
                    "belongs to a priority that is {status, select, achieved {achieved} retired {retired} other {{status}}}",
                },
                { status: priority.status },
              ),
            },
          ],
        },
      );
    }
    if (body.ownerId) await checkMember(tx, team.partnershipId, body.ownerId, "ownerId");
    const now = deps.now();
    checkDueDate(body.dueDate, now);
    const status = body.status ?? "planned";
    const [row] = await tx
      .insert(actions)
      .values({
        partnershipId: team.partnershipId,
        teamId: team.id,
        title: body.title,
        ownerId: body.ownerId ?? null,
        dueDate: body.dueDate ?? null,
        status,
        progress: body.progress ?? (status === "done" ? 100 : 0),
        completedAt: status === "done" ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: actions.id });
    if (status === "done") await recordDone(tx, team.partnershipId, row.id, body.title, actor);
    return oneAction(tx, row.id, caller, championIds, now);
  });
}

export async function getAction(deps: AppDeps, actor: Actor | null, id: string): Promise<ActionDetail> {
  const { action, caller, championIds } = await actionAccess(deps.db, id, actor, false, "an action");
  return detail(deps.db, action, caller, championIds, deps.now());
}

function refuseEdit(
  caller: AgendaCaller,
  action: { ownerId: string | null },
  championIds: readonly string[],
) {
  if (!canEditAction(caller, action, championIds)) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.agenda.editActionRefused",
        defaultMessage:
          "Only a convener, one of the team's champions or the action's owner may change this action.",
      }),
    );
  }
}

async function keepRevision(tx: Executor, action: typeof actions.$inferSelect, actor: Actor, now: Date) {
  await tx.insert(agendaRevisions).values({
    entity: "action",
    entityId: action.id,
    version: action.version,
    snapshot: JSON.stringify(action),
    changedBy: actor.userId,
    changedAt: now,
  });
}

/** Edits an action; a stale version answers 409 with the current record. */
export async function updateAction(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: ActionPatch,
): Promise<ActionDetail> {
  return deps.db.transaction(async (tx) => {
    const { action: current, caller, championIds } = await actionAccess(tx, id, actor, true);
    refuseEdit(caller, current, championIds);
    const now = deps.now();
    const { version, status, progress, ...changes } = patch;
    if (version !== current.version) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.agenda.actionConflict",
            defaultMessage:
              "This action was changed by someone else (you edited version {version}, it is now {current}). " +
              "Reload it, then apply your changes again.",
          },
          { version: String(version), current: String(current.version) },
        ),
        { current: await detail(tx, current, caller, championIds, now) },
      );
    }
    if (changes.ownerId) await checkMember(tx, current.partnershipId, changes.ownerId, "ownerId");
    checkDueDate(changes.dueDate, current.createdAt);
    await keepRevision(tx, current, actor, now);
    await tx
      .update(actions)
      .set({
        ...changes,
        ...statusFields(status, progress, current.status === "done", now),
        version: sql`${actions.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(actions.id, current.id), eq(actions.version, version)));
    if (status === "done" && current.status !== "done") {
      await recordDone(tx, current.partnershipId, current.id, changes.title ?? current.title, actor);
    }
    return detail(tx, current, caller, championIds, now);
  });
}

/** A dated progress note; its progress and status, when given, become the action's. */
export async function addActionUpdate(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: ActionUpdateBody,
): Promise<ActionDetail> {
  const written = await deps.db.transaction(async (tx) => {
    const { action: current, caller, championIds } = await actionAccess(tx, id, actor, true);
    refuseEdit(caller, current, championIds);
    const now = deps.now();
    await tx.insert(actionUpdates).values({
      actionId: current.id,
      note: body.note,
      progress: body.progress ?? null,
      status: body.status ?? null,
      authorId: actor.personId,
      createdAt: now,
    });
    if (body.progress !== undefined || body.status !== undefined) {
      await keepRevision(tx, current, actor, now);
      await tx
        .update(actions)
        .set({
          ...statusFields(body.status, body.progress, current.status === "done", now),
          version: sql`${actions.version} + 1`,
          updatedAt: now,
        })
        .where(eq(actions.id, current.id));
      if (body.status === "done" && current.status !== "done") {
        await recordDone(tx, current.partnershipId, current.id, current.title, actor);
      }
    }
    return { current, caller, championIds, now };
  });
  // Read after the commit: the writes moved the partnership's agenda stamp (migration 0023),
  // whose row stays locked until then, and other members' writes wait for it meanwhile.
  const { current, caller, championIds, now } = written;
  return detail(deps.db, current, caller, championIds, now);
}
