/**
 * One-tap links in action reminders: "Done", "On track" and "Stuck, need help". A link is the
 * authority for exactly one change on one action by the person who owned it when it was mailed,
 * so the owner needs no password (many visit monthly and keep none). Only the token's hash is
 * stored; a link works once and for ACTION_LINK_DAYS. Opening the page describes the link and
 * changes nothing (mail scanners open links); the change takes a POST from the page's button.
 */
import { eq, sql } from "drizzle-orm";
import {
  ACTION_LINK_DAYS,
  type ActionLinkBody,
  type ActionLinkChoice,
  type ActionLinkInfo,
  type ActionLinkResult,
} from "../../../core/action-links.js";
import type { ActionStatus } from "../../../core/agenda.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { actionLinks, actions, actionUpdates, agendaRevisions } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { recordActivity } from "../activity/record.js";
import { askForHelp } from "./action-link-help.js";

/** The web page a link opens. */
export const actionLinkPath = (actionId: string, token: string) => `/action-link/${actionId}/${token}`;

/** Makes the three links of one reminder, inside the transaction that queues the mail. */
export async function issueActionLinks(
  deps: AppDeps,
  tx: Executor,
  actionId: string,
  personId: string,
): Promise<Record<ActionLinkChoice, string>> {
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + ACTION_LINK_DAYS * 86_400_000);
  const made = (["done", "on_track", "stuck"] as const).map((choice) => ({ choice, ...newToken() }));
  await tx.insert(actionLinks).values(
    made.map((m) => ({
      tokenHash: m.hash,
      actionId,
      personId,
      choice: m.choice,
      createdAt: now,
      expiresAt,
    })),
  );
  const url = (choice: ActionLinkChoice) =>
    `${deps.config.publicUrl}${actionLinkPath(actionId, made.find((m) => m.choice === choice)!.token)}`;
  return { done: url("done"), on_track: url("on_track"), stuck: url("stuck") };
}

interface LinkRow {
  token_hash: string;
  action_id: string;
  person_id: string;
  choice: ActionLinkChoice;
  expires_at: string;
  used_at: string | null;
  title: string;
  due_date: string | null;
  status: ActionStatus;
  progress: number;
  owner_id: string | null;
  deleted_at: string | null;
  version: number;
  team_id: string;
  team_name: string;
  priority_title: string;
  partnership_id: string;
  partnership_name: string;
  slug: string;
  person_name: string;
  person_user_id: string | null;
  /** Whether the link's person still has a seat at the table. */
  seated: boolean;
}

const refused = (code: "bad_request" | "forbidden" | "gone", reason: string, detail: Msg, field?: string) =>
  new AppError(code, detail, { reason, ...(field ? { errors: [{ field, message: detail }] } : {}) });

/**
 * The link of this token for this action, while it may still be used; otherwise the refusal
 * that says why. Locked when it is about to be used, so two taps cannot both succeed.
 */
async function usableLink(db: Executor, actionId: string, token: string, now: Date, lock: boolean) {
  const [link] = await queryRows<LinkRow>(
    db,
    sql`select l.token_hash, l.action_id, l.person_id, l.choice, l.expires_at::text as expires_at,
          l.used_at::text as used_at, a.title, a.due_date::text as due_date, a.status, a.progress,
          a.owner_id, a.deleted_at::text as deleted_at, a.version, t.id as team_id, t.name as team_name,
          pr.title as priority_title, p.id as partnership_id, p.name as partnership_name, p.slug,
          o.name as person_name, o.user_id as person_user_id,
          exists (select 1 from memberships m where m.partnership_id = p.id and m.person_id = l.person_id
                    and m.left_at is null) as seated
        from action_links l
        join actions a on a.id = l.action_id
        join action_teams t on t.id = a.team_id
        join priorities pr on pr.id = t.priority_id
        join partnerships p on p.id = a.partnership_id
        join people o on o.id = l.person_id
        where l.token_hash = ${hashToken(token)}
        ${lock ? sql`for update of l, a` : sql``}`,
  );
  if (!link) {
    throw refused(
      "bad_request",
      "unknown_link",
      msg({
        id: "server.agenda.link.unknown",
        defaultMessage:
          "This link is not one we sent: part of it may have been cut or changed on its way. Open it again from the e-mail, or update the action in the action plan.",
      }),
      "token",
    );
  }
  if (link.action_id !== actionId) {
    throw refused(
      "forbidden",
      "other_action",
      msg({
        id: "server.agenda.link.otherAction",
        defaultMessage: "This link is for another action; it changes nothing here.",
      }),
    );
  }
  if (link.used_at) {
    throw refused(
      "gone",
      "used",
      msg({
        id: "server.agenda.link.used",
        defaultMessage:
          "This link was already used; each one works once. Update the action in the action plan.",
      }),
    );
  }
  if (new Date(link.expires_at).getTime() <= now.getTime()) {
    throw refused(
      "gone",
      "expired",
      msg(
        {
          id: "server.agenda.link.expired",
          defaultMessage:
            "This link has expired: links in reminders work for {days, plural, one {# day} other {# days}}. Update the action in the action plan.",
        },
        { days: ACTION_LINK_DAYS },
      ),
    );
  }
  if (link.deleted_at) {
    throw refused(
      "gone",
      "action_removed",
      msg({
        id: "server.agenda.link.actionRemoved",
        defaultMessage: "This action was removed from the action plan.",
      }),
    );
  }
  if (link.owner_id !== link.person_id || !link.seated) {
    throw refused(
      "forbidden",
      "not_owner",
      msg({
        id: "server.agenda.link.notOwner",
        defaultMessage:
          "This action has another owner now, so the link no longer changes it. The action plan shows who owns it.",
      }),
    );
  }
  if (link.status === "done") {
    throw refused(
      "gone",
      "already_done",
      msg({
        id: "server.agenda.link.alreadyDone",
        defaultMessage: "This action is already marked done; there is nothing left to do here.",
      }),
    );
  }
  return link;
}

function info(link: LinkRow): ActionLinkInfo {
  return {
    choice: link.choice,
    expiresAt: new Date(link.expires_at).toISOString(),
    ownerName: link.person_name,
    action: {
      id: link.action_id,
      title: link.title,
      dueDate: link.due_date,
      status: link.status,
      progress: link.progress,
      teamName: link.team_name,
      priorityTitle: link.priority_title,
      partnershipName: link.partnership_name,
      partnershipSlug: link.slug,
    },
  };
}

export async function describeActionLink(
  deps: AppDeps,
  actionId: string,
  token: string,
): Promise<ActionLinkInfo> {
  return info(await usableLink(deps.db, actionId, token, deps.now(), false));
}

/** The action's new status and progress for a choice; "On track" must say how far along it is. */
function change(choice: ActionLinkChoice, progress: number | undefined, current: number) {
  if (choice === "on_track") {
    if (progress === undefined) {
      throw refused(
        "bad_request",
        "progress_missing",
        msg({
          id: "server.agenda.link.progressMissing",
          defaultMessage: "progress: say how far along the action is",
        }),
        "progress",
      );
    }
    return { status: "in_progress" as const, progress };
  }
  if (progress !== undefined) {
    throw refused(
      "bad_request",
      "progress_unexpected",
      msg(
        {
          id: "server.agenda.link.progressUnexpected",
          defaultMessage:
            'progress: only an "On track" link sets progress; this link says ' +
            '"{choice, select, done {Done} on_track {On track} stuck {Stuck, need help} other {{choice}}}"',
        },
        { choice },
      ),
      "progress",
    );
  }
  return choice === "done"
    ? { status: "done" as const, progress: 100 }
    : { status: "stuck" as const, progress: current };
}

const notes: Record<ActionLinkChoice, (progress: number) => string> = {
  done: () => "Done (by the e-mail link)",
  on_track: (progress) => `On track, ${progress}% done (by the e-mail link)`,
  stuck: () => "Stuck, needs help (by the e-mail link)",
};

/**
 * Makes the link's change, all or nothing: the action (its earlier version kept in
 * agenda_revisions), a dated update, a line in the timeline saying who and how, the link spent,
 * and for "Stuck" word to the team's champions and the partnership's conveners.
 */
export async function useActionLink(
  deps: AppDeps,
  actionId: string,
  body: ActionLinkBody,
): Promise<ActionLinkResult> {
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const link = await usableLink(tx, actionId, body.token, now, true);
    const next = change(link.choice, body.progress, link.progress);
    const [before] = await tx.select().from(actions).where(eq(actions.id, link.action_id));
    await tx.insert(agendaRevisions).values({
      entity: "action",
      entityId: before.id,
      version: before.version,
      snapshot: JSON.stringify(before),
      changedBy: link.person_user_id,
      changedAt: now,
    });
    await tx
      .update(actions)
      .set({
        status: next.status,
        progress: next.progress,
        completedAt: next.status === "done" ? now : null,
        version: sql`${actions.version} + 1`,
        updatedAt: now,
      })
      .where(eq(actions.id, link.action_id));
    const note = notes[link.choice](next.progress);
    await tx.insert(actionUpdates).values({
      actionId: link.action_id,
      note,
      progress: next.progress,
      status: next.status,
      authorId: link.person_id,
      createdAt: now,
    });
    await recordActivity(tx, {
      partnershipId: link.partnership_id,
      kind: `action.${link.choice}`,
      summary: msg(
        {
          id: "activity.actionByLink",
          defaultMessage:
            "{choice, select, done {Action done} on_track {Action on track, {progress}% done} other {Action stuck, needs help}}: {title} ({person}, by the e-mail link)",
        },
        { choice: link.choice, progress: next.progress, title: link.title, person: link.person_name },
      ),
      subjectType: "action",
      subjectId: link.action_id,
      actorPersonId: link.person_id,
    });
    await tx.update(actionLinks).set({ usedAt: now }).where(eq(actionLinks.tokenHash, link.token_hash));
    if (link.choice === "stuck") await askForHelp(deps, tx, link);
    return { ...info(link), action: { ...info(link).action, status: next.status, progress: next.progress } };
  });
  if (result.choice === "stuck") deps.mailer.deliverSoon();
  return { ...result, doneAt: now.toISOString() };
}
