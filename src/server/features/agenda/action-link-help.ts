/**
 * "Stuck, need help": when an owner says so from a reminder's link, the people who can unblock
 * the action hear of it at once: the team's champions (who lead it) and the partnership's
 * conveners (who run the table). An in-app notification for those with an account, and an
 * e-mail to each; never to the owner who asked.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { AppDeps } from "../../deps.js";
import { notify } from "../notifications/notify.js";
import { formatDay } from "./format.js";

interface StuckAction {
  action_id: string;
  person_id: string;
  person_name: string;
  title: string;
  due_date: string | null;
  progress: number;
  team_id: string;
  team_name: string;
  priority_title: string;
  partnership_id: string;
  partnership_name: string;
  slug: string;
}

interface Helper {
  person_id: string;
  name: string;
  user_id: string | null;
  email: string | null;
}

/** The team's active champions and the partnership's conveners, each once, still at the table. */
export async function helpersOf(tx: Executor, action: StuckAction): Promise<Helper[]> {
  return queryRows<Helper>(
    tx,
    sql`select distinct o.id as person_id, o.name, u.id as user_id,
          coalesce(nullif(o.email, ''), u.email) as email
        from people o
        left join users u on u.id = o.user_id and u.deleted_at is null
        join memberships m on m.person_id = o.id and m.partnership_id = ${action.partnership_id}
          and m.left_at is null
        where o.id <> ${action.person_id}
          and (m.role = 'convener' or exists (
            select 1 from action_team_members tm where tm.team_id = ${action.team_id}
              and tm.person_id = o.id and tm.role = 'champion' and tm.left_at is null))
        order by o.name, o.id`,
  );
}

export async function askForHelp(deps: AppDeps, tx: Executor, action: StuckAction): Promise<void> {
  const helpers = await helpersOf(tx, action);
  const plan = `/p/${action.slug}/agenda/plan`;
  const subject = `Needs help: ${action.title} (${action.partnership_name})`;
  await notify(
    tx,
    helpers
      .filter((h) => h.user_id)
      .map((h) => ({ userId: h.user_id!, kind: "action_stuck", title: subject, link: plan })),
  );
  const due = action.due_date ? `It is due on ${formatDay(action.due_date)}` : "It has no due date";
  for (const h of helpers) {
    if (!h.email) continue;
    await deps.mailer.enqueue(tx, {
      to: h.email,
      subject,
      text:
        `Hello ${h.name},\n\n` +
        `${action.person_name} says the action "${action.title}" is stuck and needs help.\n` +
        `Action team: ${action.team_name}, for the priority "${action.priority_title}" of ${action.partnership_name}.\n` +
        `${due}; it is ${action.progress}% done.\n\n` +
        `Get in touch with ${action.person_name}, or see the action in the shared action plan:\n\n` +
        `${deps.config.publicUrl}${plan}\n`,
    });
  }
}
